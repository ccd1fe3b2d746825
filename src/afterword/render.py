"""Print checked letters and findings for a terminal."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .models import Finding, Letter
from .terminal import echo

if TYPE_CHECKING:
    from .drafting.chain import LetterRun

_ORDER = {"error": 0, "warning": 1, "suggestion": 2}


def sorted_findings(findings: Sequence[Finding]) -> list[Finding]:
    """Return findings errors first, then by position in the text."""
    return sorted(
        findings, key=lambda f: (_ORDER[f.severity], f.start if f.start is not None else -1)
    )


def format_findings(findings: Sequence[Finding], text: str) -> list[str]:
    """Describe each finding on one line, with the text it points at."""
    lines = []
    for f in sorted_findings(findings):
        where = ""
        if f.start is not None and f.end is not None:
            where = f' at {f.start}-{f.end} "{text[f.start : f.end]}"'
        fix = f" (suggestion: {f.suggestion})" if f.suggestion else ""
        lines.append(f"  {f.severity:<10} {f.rule}{where}: {f.message}{fix}")
    return lines


def print_letters(letters: Sequence[Letter]) -> None:
    """Print each letter with its verdict and findings."""
    for n, letter in enumerate(letters):
        if n:
            echo("\n" + "=" * 72 + "\n")
        verdict = "ready" if letter.passed else "NOT READY: errors remain"
        echo(f"# {letter.kind.value} to {letter.recipient} ({letter.channel.value}, {verdict})")
        for notice in letter.notices:
            echo(f"! {notice}")
        if letter.subject:
            echo(f"Subject: {letter.subject}")
        echo()
        echo(letter.text.rstrip())
        if letter.findings:
            echo("\nChecks:")
            echo("\n".join(format_findings(letter.findings, letter.text)))


def print_usage(runs: Sequence[LetterRun]) -> None:
    """Print the model calls, tokens and estimated cost of each letter."""
    for run in runs:
        if not run.tries or run.letter is None:
            continue
        prompt, completion = run.prompt_tokens, run.completion_tokens
        price = f", about ${run.cost_usd:.4f}" if run.cost_usd is not None else ""
        echo(
            f"\n[{run.letter.recipient}: {run.calls} model call(s), {prompt} prompt + "
            f"{completion} completion tokens{price}, {run.total_ms:.0f} ms]"
        )


def highlight(text: str, findings: list[Finding]) -> str:
    """Return the letter as HTML with each located finding marked, errors first on overlap."""
    marks = sorted(
        (f for f in sorted_findings(findings) if f.start is not None and f.end is not None),
        key=lambda f: f.start or 0,
    )
    out, at = [], 0
    for f in marks:
        start, end = f.start or 0, f.end or 0
        if start < at or end <= start:
            continue
        out.append(html.escape(text[at:start]))
        tip = html.escape(
            f"{f.rule}: {f.message}" + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
        )
        out.append(
            f'<mark class="{f.severity}" title="{tip}">{html.escape(text[start:end])}</mark>'
        )
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)
