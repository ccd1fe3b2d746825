"""Timing: the send date against the kind's rule (kinds.py), such as thanks within a day."""

from __future__ import annotations

from collections.abc import Iterator

from ..kinds import days_between, fact_value
from .doc import Doc
from .registry import Hit, rule


@rule("timing.window", "warning", "Sent at the wrong time")
def _window(doc: Doc) -> Iterator[Hit]:
    timing = doc.spec.timing
    if timing is None:
        return
    anchor = fact_value(doc.facts, timing.anchor)
    if anchor is None:
        return
    days = days_between(anchor, doc.facts.sent_on)  # type: ignore[arg-type]
    late = timing.max_days is not None and days > timing.max_days
    early = timing.min_days is not None and days < timing.min_days
    if late or early:
        when = f"{abs(days)} days {'after' if days >= 0 else 'before'} {timing.anchor}"
        yield Hit(None, None, f"{when}; {timing.advice}", severity=timing.severity)
