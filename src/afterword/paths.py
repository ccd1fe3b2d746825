"""Where the project's data folders are: prompts/ and evals/ beside src/."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def prompts_dir() -> Path:
    """Return the prompts folder (letter templates and LLM prompts)."""
    return ROOT / "prompts"


def evals_dir() -> Path:
    """Return the evals folder (cases, labelled letters, baselines)."""
    return ROOT / "evals"
