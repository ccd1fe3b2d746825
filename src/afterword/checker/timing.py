"""Timing: the send date against the kind's rule (kinds.py), such as thanks within a day."""

from __future__ import annotations

from collections.abc import Iterator

from ..kinds import Timing, days_between, fact_value
from ..models import Channel
from .doc import Doc
from .registry import Hit, rule

# The days a posted letter or a card may take after an event that an email answers within a
# day or two (the interview, the offer): it goes by post, so a week is prompt.
POSTED_DAYS = 7
_POSTED = (Channel.LETTER, Channel.CARD)
_EVENTS = ("interview.date", "offer.received")  # deadlines ("offer.respond_by") do not move


def _latest(timing: Timing, channel: Channel) -> tuple[int | None, str]:
    """Return the last day the letter may go, and the advice for it, on this channel."""
    prompt = timing.max_days is not None and timing.max_days < POSTED_DAYS
    if channel in _POSTED and timing.anchor in _EVENTS and prompt:
        return POSTED_DAYS, f"post a {channel.value} within about a week"
    return timing.max_days, timing.advice


# The facts a send date is measured from, as a person says them.
_ANCHOR_WORDS = {
    "interview.date": "the interview",
    "offer.received": "the offer arrived",
    "offer.respond_by": "the offer's answer-by date",
    "next_step.date": "the date you were told to expect news",
    "decision.last_day": "your last day",
    "promise.due": "the date you promised",
}


@rule("timing.window", "warning", "Sent at the wrong time")
def _window(doc: Doc) -> Iterator[Hit]:
    timing = doc.spec.timing
    if timing is None:
        return
    anchor = fact_value(doc.facts, timing.anchor)
    if anchor is None:
        return
    days = days_between(anchor, doc.facts.sent_on)  # type: ignore[arg-type]
    max_days, advice = _latest(timing, doc.facts.channel)
    late = max_days is not None and days > max_days
    early = timing.min_days is not None and days < timing.min_days
    if late or early:
        what = _ANCHOR_WORDS.get(timing.anchor, timing.anchor)
        count = f"{abs(days)} day{'s' if abs(days) != 1 else ''}"
        when = f"{count} {'after' if days >= 0 else 'before'} {what}"
        yield Hit(None, None, f"{when}; {advice}", severity=timing.severity)
