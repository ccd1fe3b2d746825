"""Timing: the send date against the kind's rule (kinds.py), such as thanks within a day."""

from __future__ import annotations

import re
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


# A day said from the day of sending, and how many days back it points.
_RELATIVE = re.compile(r"\b(?P<d>yesterday|today|this morning|this afternoon|last night)\b", re.I)
_BACK = {"yesterday": 1, "last night": 1, "today": 0, "this morning": 0, "this afternoon": 0}
# Words that tie the day to the interview: "meeting me", "our call", "the interview".
_OURS = re.compile(
    r"(?:\b(?:meeting|met|meet|interview(?:ing|ed)?|speaking|talking|spoke|talked|speak|talk)"
    r"\s+(?:with\s+|to\s+)?(?:me|us)\b|\bour\s+(?:call|conversation|interview|meeting|chat|talk)\b"
    r"|\bthe\s+interview\b)[^.!?\n]{0,40}$",
    re.I,
)


@rule("timing.relative_day", "error", "The day named is not the interview's")
def _relative_day(doc: Doc) -> Iterator[Hit]:
    """ "Thank you for meeting me yesterday" sent three days after the interview says the
    wrong day: "yesterday" and "today" are counted from the day the letter is sent."""
    iv = doc.facts.interview
    if doc.inferred or iv is None or iv.date is None:
        return
    back = days_between(iv.date, doc.facts.sent_on)
    body = doc.body
    for m in _RELATIVE.finditer(body.text):
        if not _OURS.search(body.text, max(0, m.start() - 80), m.start()):
            continue
        if _BACK[m.group("d").lower()] != back:
            start = body.start + m.start()
            detail = f'"{m.group()}": the interview was {back} days before you send this'
            yield Hit(start, start + len(m.group()), detail)
