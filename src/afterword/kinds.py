"""The letter kinds as data: required facts, parts in order, word bands and timing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from .errors import MissingFactError
from .models import Channel, Facts, Kind

# Anchor of a timing rule: which dated fact the send date is measured from.
Anchor = Literal[
    "interview.date", "next_step.date", "offer.received", "offer.respond_by", "promise.due"
]


@dataclass(frozen=True)
class Timing:
    """When a letter should go out, relative to one dated fact."""

    anchor: Anchor
    min_days: int | None  # the letter must go at least this many days after the anchor
    max_days: int | None  # and at most this many days after it
    severity: Literal["error", "warning"]
    advice: str


@dataclass(frozen=True)
class KindSpec:
    """What one kind of letter must contain and when it is sent."""

    kind: Kind
    title: str
    purpose: str
    required: tuple[tuple[str, str], ...]  # (dotted field, what it is for)
    parts: tuple[str, ...]
    words: dict[Channel, tuple[int, int]]
    timing: Timing | None = None
    subject: str = ""


_POSITION = ("position", "the job you interviewed for, named exactly in the letter")
_INTERVIEW_DATE = ("interview.date", "when you interviewed")

SPECS: dict[Kind, KindSpec] = {
    spec.kind: spec
    for spec in (
        KindSpec(
            Kind.THANK_YOU,
            "Thank-you note",
            "thank an interviewer within a day",
            (
                _POSITION,
                _INTERVIEW_DATE,
                (
                    "interview.points",
                    "one specific thing you discussed, so the note is not generic",
                ),
            ),
            ("thanks", "enthusiasm", "specific point", "next step"),
            {Channel.EMAIL: (50, 260), Channel.CARD: (20, 95), Channel.LETTER: (60, 320)},
            Timing("interview.date", None, 1, "warning", "send a thank-you within 24 hours"),
            "Thank you: {position} interview",
        ),
        KindSpec(
            Kind.INQUIRY,
            "Status inquiry",
            "ask politely where a decision stands after the promised date",
            (
                _POSITION,
                _INTERVIEW_DATE,
                ("next_step.date", "the date you were told to expect news"),
            ),
            ("re-introduction", "promised date", "status question", "interest"),
            {Channel.EMAIL: (30, 200), Channel.CARD: (20, 95), Channel.LETTER: (50, 260)},
            Timing("next_step.date", 1, None, "error", "ask only after the promised date"),
            "Following up: {position} interview",
        ),
        KindSpec(
            Kind.EXTENSION,
            "Request for more time",
            "ask for a specific, short extension before answering an offer",
            (
                _POSITION,
                ("decision.requested_date", "the date by which you will answer"),
                ("decision.reason", "why you need the time (for example, interviews pending)"),
            ),
            ("thanks", "enthusiasm", "reason", "requested date"),
            {Channel.EMAIL: (30, 200), Channel.CARD: (20, 95), Channel.LETTER: (50, 260)},
            Timing("offer.respond_by", None, 0, "error", "ask before the offer's deadline"),
            "{position} offer: a question about timing",
        ),
        KindSpec(
            Kind.ACCEPTANCE,
            "Acceptance",
            "accept an offer and confirm its terms exactly",
            (
                _POSITION,
                ("offer.salary", "the salary, confirmed exactly as offered"),
                ("offer.start_date", "the start date, confirmed exactly as offered"),
            ),
            ("acceptance", "terms", "thanks", "next steps"),
            {Channel.EMAIL: (30, 220), Channel.CARD: (20, 95), Channel.LETTER: (50, 280)},
            Timing("offer.received", None, 5, "warning", "answer an offer within five days"),
            "Acceptance: {position} offer",
        ),
        KindSpec(
            Kind.DECLINE,
            "Decline",
            "turn down an offer warmly, reason before refusal",
            (_POSITION, ("decision.reason", "the reason you give, stated before the refusal")),
            ("appreciation", "reason", "decline", "positive close"),
            {Channel.EMAIL: (30, 200), Channel.CARD: (20, 95), Channel.LETTER: (50, 260)},
            Timing("offer.respond_by", None, 0, "warning", "answer before the offer's deadline"),
            "{position} offer",
        ),
        KindSpec(
            Kind.WITHDRAWAL,
            "Withdrawal",
            "tell another employer you have accepted an offer elsewhere",
            (_POSITION,),
            ("appreciation", "withdrawal", "positive close"),
            {Channel.EMAIL: (30, 180), Channel.CARD: (20, 95), Channel.LETTER: (50, 240)},
            None,
            "Withdrawing my application: {position}",
        ),
        KindSpec(
            Kind.RESIGNATION,
            "Resignation",
            "resign from the current job cordially",
            (
                ("candidate.current_employer", "the employer you are resigning from"),
                ("decision.last_day", "your last day of work"),
            ),
            ("buffer", "reason", "resignation", "last day", "transition", "close"),
            {Channel.EMAIL: (30, 260), Channel.CARD: (20, 95), Channel.LETTER: (50, 320)},
            None,
            "Resignation",
        ),
        KindSpec(
            Kind.REFERENCE_UPDATE,
            "Note to a reference",
            "tell a reference how the interview went and what to expect",
            (_POSITION, _INTERVIEW_DATE),
            ("interview news", "what they cared about", "request"),
            {Channel.EMAIL: (30, 220), Channel.CARD: (20, 95), Channel.LETTER: (50, 280)},
            Timing("interview.date", None, 2, "warning", "update references right after"),
            "An update on my {company} interview",
        ),
        KindSpec(
            Kind.NETWORKING_THANKS,
            "Thanks to a contact",
            "thank the contact who made the introduction",
            (_POSITION, _INTERVIEW_DATE),
            ("thanks", "how it went", "what is next"),
            {Channel.EMAIL: (30, 200), Channel.CARD: (20, 95), Channel.LETTER: (50, 260)},
            Timing("interview.date", None, 2, "warning", "thank your contact right after"),
            "Thank you for the introduction to {company}",
        ),
        KindSpec(
            Kind.STAY_IN_TOUCH,
            "Stay in touch",
            "keep in touch with an interviewer at a company you still want",
            (_POSITION,),
            ("news", "continued interest"),
            {Channel.EMAIL: (30, 180), Channel.CARD: (20, 95), Channel.LETTER: (50, 240)},
            None,
            "Keeping in touch",
        ),
        KindSpec(
            Kind.WRITTEN_OFFER_REQUEST,
            "Request for the offer in writing",
            "after a verbal offer, thank them and ask for the offer in writing",
            (_POSITION, ("offer.received", "the day the offer was made to you by phone")),
            ("thanks", "enthusiasm", "written request", "terms to confirm"),
            {Channel.EMAIL: (40, 200), Channel.CARD: (20, 95), Channel.LETTER: (50, 260)},
            Timing("offer.received", None, 1, "warning", "ask within a day of the verbal offer"),
            "{position} offer: written confirmation",
        ),
        KindSpec(
            Kind.PHONE_FOLLOW_UP,
            "Phone follow-up",
            "a voicemail and a short call script after an unanswered inquiry",
            (
                _POSITION,
                _INTERVIEW_DATE,
                ("candidate.phone", "your number, said twice in the voicemail"),
            ),
            ("voicemail", "the question", "call opening", "anything else", "close"),
            {Channel.PHONE: (60, 200)},
            Timing("next_step.date", 3, None, "warning", "call a few days after the inquiry"),
        ),
        KindSpec(
            Kind.PROMISED_FOLLOW_UP,
            "What you promised",
            "send what you promised at the interview, on time",
            (
                _POSITION,
                ("promise.what", "what you promised to send"),
                ("promise.due", "the day you promised to send it by"),
            ),
            ("the item", "what it shows", "next step"),
            {Channel.EMAIL: (30, 200), Channel.CARD: (20, 95), Channel.LETTER: (50, 260)},
            Timing("promise.due", None, 0, "error", "send it on or before the promised day"),
            "As promised: {position} interview",
        ),
        KindSpec(
            Kind.REFERENCE_CHECK_IN,
            "Check-in with a reference",
            "ask a reference, while you wait, whether anyone has called",
            (_POSITION, _INTERVIEW_DATE),
            ("contacted?", "thanks", "what they cared about"),
            {Channel.EMAIL: (30, 200), Channel.CARD: (20, 95), Channel.LETTER: (50, 260)},
            Timing("interview.date", 4, 14, "warning", "check in about a week after"),
            "Checking in about {company}",
        ),
        KindSpec(
            Kind.THANKS_AFTER_LANDING,
            "Thanks after landing the job",
            "tell each person who helped that you accepted, and thank them for their part",
            (_POSITION,),
            ("the news", "thanks for their help", "staying in touch"),
            {Channel.EMAIL: (30, 200), Channel.CARD: (20, 95), Channel.LETTER: (50, 260)},
            None,
            "Good news, and thank you",
        ),
    )
}


def spec_for(kind: Kind | str) -> KindSpec:
    """Return the spec of a kind."""
    return SPECS[Kind(kind)]


def fact_value(facts: Facts, dotted: str) -> object:
    """Return the value at a dotted path in the facts, or None where any part is missing."""
    value: object = facts
    for part in dotted.split("."):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value


def missing_facts(facts: Facts, kind: Kind | None = None) -> list[tuple[str, str]]:
    """List the required facts of a kind that the facts lack, with what each is for."""
    spec = spec_for(kind or facts.kind)
    return [(f, why) for f, why in spec.required if fact_value(facts, f) in (None, "", [])]


def require_facts(facts: Facts, kind: Kind | None = None) -> None:
    """Raise MissingFactError naming every required fact that is absent."""
    missing = missing_facts(facts, kind)
    if missing:
        raise MissingFactError(str(kind or facts.kind), missing)


def days_between(start: dt.date, end: dt.date) -> int:
    """Return the days from start to end (negative when end is earlier)."""
    return (end - start).days
