"""Field accuracy of offer extraction on the labelled offers (evals/offers)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..offers import OfferFacts, extract
from ..paths import evals_dir

FIELDS = [
    "company",
    "position",
    "salary",
    "start_date",
    "respond_by",
    "contact",
    "conditions",
    "verbal",
    "is_template",
]


@dataclass(frozen=True)
class LabelledOffer:
    """One offer text with the facts it must yield."""

    name: str
    text: str
    today: dt.date
    expect: dict[str, Any]


def load_offers(folder: Path | None = None) -> list[LabelledOffer]:
    """Load the labelled offers."""
    out = []
    for path in sorted((folder or evals_dir() / "offers").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out.append(LabelledOffer(path.stem, data["text"], data["today"], data["expect"]))
    return out


def field_ok(name: str, got: OfferFacts, want: Any) -> bool:
    """Say whether one extracted field matches its label."""
    value = getattr(got, name)
    if name in ("verbal", "is_template"):
        return bool(value) == bool(want)
    if name == "conditions":
        return sorted(c.value for c in value) == sorted(want or [])
    if want is None:
        return value is None
    if value is None:
        return False
    if name == "salary":
        return bool(
            abs(value.amount - float(want["amount"])) < 0.005
            and value.currency == want.get("currency")
            and value.period == want.get("period")
        )
    if name in ("start_date", "respond_by"):
        return str(value.value) == str(want)
    return str(value.value) == str(want)


def accuracy(
    offers: list[LabelledOffer] | None = None,
) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """Return per-field (right, total) and a line for each miss."""
    offers = offers if offers is not None else load_offers()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for offer in offers:
        text, got = extract(offer.text, offer.today)
        for name in FIELDS:
            ok = field_ok(name, got, offer.expect.get(name))
            counts[name][0] += ok
            counts[name][1] += 1
            if not ok:
                value = getattr(got, name)
                shown = value.model_dump() if hasattr(value, "model_dump") else value
                misses.append(
                    f"{offer.name}.{name}: got {shown!r}, want {offer.expect.get(name)!r}"
                )
        for span in got.spans():
            assert text[span.start : span.end], f"{offer.name}: empty span"
    return {k: (v[0], v[1]) for k, v in counts.items()}, misses
