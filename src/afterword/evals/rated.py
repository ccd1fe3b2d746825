"""Letters rated by hand (evals/judged/ratings.yaml), and the judge's agreement with them.

Every judged run scores these letters too, so a weak judge shows as weak next to its verdicts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError, ValidationInfo, field_validator

from ..errors import AfterwordError, BackendError
from ..models import Kind
from ..paths import evals_dir
from .agreement import Agreement, agreement
from .judge import CRITERIA, Judge, criteria_for

RATINGS = evals_dir() / "judged" / "ratings.yaml"


class RatedLetter(BaseModel):
    """One letter and its hand ratings: criterion -> [score 1-5, reason]."""

    id: str
    kind: Kind
    text: str
    ratings: dict[str, tuple[int, str]]

    @field_validator("ratings")
    @classmethod
    def _every_criterion_rated(
        cls, ratings: dict[str, tuple[int, str]], info: ValidationInfo
    ) -> dict[str, tuple[int, str]]:
        kind = info.data.get("kind")
        wanted = set(criteria_for(kind)) if kind else set(ratings)
        if set(ratings) != wanted:
            raise ValueError(f"must cover exactly {sorted(wanted)}")
        for name, (score, reason) in ratings.items():
            if not 1 <= score <= 5 or not reason.strip():
                raise ValueError(f"{name} needs a score from 1 to 5 and a reason")
        return ratings


def load_rated(path: Path | None = None) -> list[RatedLetter]:
    """Load the hand-rated letters; a bad entry is an error naming its id and field."""
    path = path or RATINGS
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    letters = []
    for i, entry in enumerate(data):
        try:
            letters.append(RatedLetter.model_validate(entry))
        except ValidationError as err:
            where = entry.get("id", f"entry {i + 1}") if isinstance(entry, dict) else i + 1
            first = err.errors()[0]
            field = ".".join(str(x) for x in first["loc"]) or "entry"
            raise AfterwordError(f"{path}: {where}: {field}: {first['msg']}") from err
    return letters


def judge_rated(
    judge: Judge, letters: list[RatedLetter], progress: Callable[[str], None] | None = None
) -> tuple[dict[str, Agreement], list[dict[str, Any]]]:
    """Score every rated letter with the judge; return the agreement per criterion and each
    letter's human and judge scores side by side (a letter the judge failed is left out)."""
    pairs: dict[str, tuple[list[int], list[int]]] = {c: ([], []) for c in CRITERIA}
    rows: list[dict[str, Any]] = []
    for n, letter in enumerate(letters, 1):
        if progress:
            progress(f"rated letter {n} of {len(letters)}, {letter.id}")
        try:
            scores = judge.score(letter.kind, letter.text)
        except BackendError as err:
            rows.append({"id": letter.id, "kind": letter.kind.value, "error": str(err)})
            continue
        row: dict[str, Any] = {"id": letter.id, "kind": letter.kind.value, "criteria": {}}
        for name, (human, why) in letter.ratings.items():
            got = scores[name]
            pairs[name][0].append(human)
            pairs[name][1].append(got.score)
            row["criteria"][name] = {
                "human": human,
                "human_reason": why,
                "judge": got.score,
                "judge_reason": got.reason,
            }
        rows.append(row)
    found = {c: agreement(c, h, j) for c, (h, j) in pairs.items() if h}
    return found, rows


def agreement_lines(found: dict[str, Agreement], judge_name: str) -> list[str]:
    """Return the agreement as a short text table."""
    lines = [
        f"judge {judge_name} against the hand ratings:",
        f"{'criterion':14} {'n':>3} {'exact':>6} {'±1':>6} {'kappa':>6} {'rho':>6}  trust",
    ]
    for a in found.values():
        kappa = "-" if a.kappa is None else f"{a.kappa + 0.0:.2f}".replace("-0.00", "0.00")
        rho = "-" if a.spearman is None else f"{a.spearman:.2f}"
        lines.append(
            f"{a.criterion:14} {a.n:>3} {a.exact:>6.0%} {a.within_one:>6.0%} {kappa:>6} "
            f"{rho:>6}  {a.strength}"
        )
    return lines
