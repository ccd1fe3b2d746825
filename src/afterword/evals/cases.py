"""Eval cases (evals/cases): a base of facts per file, each case overriding parts of it."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..facts import facts_from_mapping, merge
from ..models import Facts
from ..offers import extract, fill_facts
from ..paths import evals_dir


@dataclass(frozen=True)
class Case:
    """One eval case: its facts (or the error they must raise) and its expectations."""

    id: str
    kind: str
    tags: tuple[str, ...]
    data: dict[str, Any]
    expect: dict[str, Any] = field(default_factory=dict)

    def facts(self) -> Facts:
        """Validate the case's facts (raises AfterwordError when they do not fit)."""
        return facts_from_mapping(self.data, self.id)


def _with_offer(data: dict[str, Any], offer_path: Path) -> dict[str, Any]:
    offer = yaml.safe_load(offer_path.read_text(encoding="utf-8"))
    _, found = extract(offer["text"], offer.get("today"))
    return fill_facts(data, found)


def load_cases(pattern: str = "*", folder: Path | None = None) -> list[Case]:
    """Load the cases whose id matches a glob pattern."""
    folder = folder or evals_dir() / "cases"
    cases = []
    for path in sorted(folder.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in doc["cases"]:
            if not fnmatch.fnmatch(entry["id"], pattern):
                continue
            data = merge(doc["base"], entry.get("facts") or {})
            if entry.get("offer_file"):
                data = _with_offer(data, folder.parent / entry["offer_file"])
            cases.append(
                Case(
                    entry["id"],
                    data["kind"],
                    tuple(entry.get("tags", [])),
                    data,
                    entry.get("expect") or {},
                )
            )
    return cases
