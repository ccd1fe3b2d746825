"""Per-case metrics: checker pass by family, slot recall, grounding precision, leaks, length,
distinctness, and the case's traps."""

from __future__ import annotations

import itertools
import re
from typing import Any

from rapidfuzz import fuzz

from ..checker.doc import Doc
from ..extract import (
    HONORIFIC,
    find_amounts,
    find_dates,
    find_emails,
    find_phones,
    find_urls,
    find_weekdays,
)
from ..kinds import spec_for
from ..models import Facts, Letter

FAMILIES = ("names", "facts", "structure", "grounding", "tone", "mechanics", "length", "timing")
DISTINCT_BELOW = 90  # token_sort_ratio between two notes to one company's interviewers
# Kinds sent to several people at one company, who may compare notes. (A reference update
# goes to references who do not know each other; the same words are fine there.)
DISTINCT_KINDS = {"thank_you", "inquiry", "withdrawal", "stay_in_touch", "decline"}


def _errors(letter: Letter, family: str) -> int:
    return sum(
        1 for f in letter.findings if f.severity == "error" and f.rule.startswith(family + ".")
    )


def slots(facts: Facts, letter: Letter, index: int) -> tuple[int, int]:
    """Return (found, expected) for the slots a letter of this kind must fill."""
    text = letter.text.lower()
    recipient = facts.recipients[index]
    want: list[bool] = [recipient.addressed_as.lower() in text]
    if facts.kind == "resignation":
        want.append((facts.candidate.current_employer or "").lower() in text)
    else:
        want.append(facts.company.lower() in text)
        if facts.position:
            want.append(facts.position.lower() in text)
    step = facts.next_step
    if facts.kind in ("thank_you", "networking_thanks", "reference_update") and step and step.text:
        want.append(fuzz.partial_ratio(step.text.lower(), text) >= 85)
    if facts.kind == "acceptance" and facts.offer:
        if facts.offer.salary:
            want.append(facts.offer.salary.lower() in text)
        if facts.offer.start_date:
            d = facts.offer.start_date
            want.append(any(x.value == d for x in find_dates(letter.text, facts.sent_on)))
    return sum(want), len(want)


def entities(text: str, today: Any) -> int:
    """Count the names-with-titles, dates, amounts and contact details in a letter."""
    titled = len(re.findall(rf"\b{HONORIFIC}\.?\s+[A-Z]", text))
    finders = (
        find_amounts(text),
        find_emails(text),
        find_phones(text),
        find_urls(text),
        find_weekdays(text),
        find_dates(text, today),
    )
    return titled + sum(len(list(f)) for f in finders)


def case_metrics(facts: Facts, letters: list[Letter]) -> dict[str, Any]:
    """Compute the metrics of one case's letters."""
    found = expected = total = ungrounded = in_band = 0
    for i, letter in enumerate(letters):
        f, e = slots(facts, letter, i)
        found, expected = found + f, expected + e
        total += entities(letter.text, facts.sent_on)
        ungrounded += sum(1 for x in letter.findings if x.rule.startswith("grounding."))
        low, high = spec_for(facts.kind).words[facts.channel]
        in_band += low <= Doc(letter.text, facts, facts.kind).body_words <= high
    pairs = [fuzz.token_sort_ratio(a.text, b.text) for a, b in itertools.combinations(letters, 2)]
    if facts.kind not in DISTINCT_KINDS:
        pairs = []
    return {
        "checker_pass": all(x.passed for x in letters),
        "family_pass": {fam: all(_errors(x, fam) == 0 for x in letters) for fam in FAMILIES},
        "slot_recall": found / expected if expected else 1.0,
        "grounding_precision": 1.0 - ungrounded / total if total else 1.0,
        "placeholder_leaks": sum(
            1 for x in letters for f in x.findings if f.rule == "mechanics.placeholder"
        ),
        "refusal_leaks": sum(
            1 for x in letters for f in x.findings if f.rule == "mechanics.refusal"
        ),
        "in_band": in_band / len(letters) if letters else 1.0,
        "max_similarity": max(pairs) if pairs else None,
        "distinct": all(p < DISTINCT_BELOW for p in pairs),
    }


def traps(expect: dict[str, Any], letters: list[Letter]) -> dict[str, bool]:
    """Check a case's forbid and require expectations against its letters."""
    out: dict[str, bool] = {}
    texts = [x.text for x in letters]
    if "forbid" in expect:
        out["forbid"] = not any(re.search(p, t) for p in expect["forbid"] for t in texts)
    if "require" in expect:
        out["require"] = all(r.lower() in t.lower() for r in expect["require"] for t in texts)
    return out
