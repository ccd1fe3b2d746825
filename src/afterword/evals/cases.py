"""Eval cases (evals/cases): a base of facts per file, each case overriding parts of it."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import AfterwordError
from ..facts import facts_from_mapping
from ..models import Facts
from ..offers import extract, to_facts_mapping
from ..paths import evals_dir


@dataclass(frozen=True)
class Case:
    """One eval case: its facts (or the error they must raise) and its expectations."""

    id: str
    kind: str
    tags: tuple[str, ...]
    data: dict[str, Any]
    expect: dict[str, Any] = field(default_factory=dict)
    offer_notes: tuple[str, ...] = ()

    def facts(self) -> Facts:
        """Validate the case's facts (raises AfterwordError when they do not fit)."""
        return facts_from_mapping(self.data, self.id)


def merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """Merge overrides into a base: a dict merges, a value replaces, null removes."""
    out = dict(base)
    for key, value in over.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, dict) and isinstance(base.get(key), dict):
            out[key] = merge(base[key], value)
        else:
            out[key] = value
    return out


def _with_offer(data: dict[str, Any], offer_path: Path) -> tuple[dict[str, Any], list[str]]:
    offer = yaml.safe_load(offer_path.read_text(encoding="utf-8"))
    _, found = extract(offer["text"], offer.get("today"))
    for key, value in to_facts_mapping(found).items():
        if key == "offer":
            data["offer"] = {**value, **(data.get("offer") or {})}
        else:
            data.setdefault(key, value)
    return data, list(found.warnings)


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
            notes: list[str] = []
            if entry.get("offer_file"):
                data, notes = _with_offer(data, folder.parent / entry["offer_file"])
            cases.append(
                Case(
                    entry["id"],
                    data["kind"],
                    tuple(entry.get("tags", [])),
                    data,
                    entry.get("expect") or {},
                    tuple(notes),
                )
            )
    return cases


def case_error(case: Case) -> AfterwordError | None:
    """Return the error the case's facts raise, if any."""
    from ..kinds import require_facts

    try:
        require_facts(case.facts())
    except AfterwordError as err:
        return err
    return None
