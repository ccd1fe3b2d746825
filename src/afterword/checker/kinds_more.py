"""Structure of the later letters: each one's must-have parts (career advice on follow-ups).

After a verbal offer, ask for it in writing with its terms; deliver what you promised; ask a
reference whether anyone has called; tell each helper the news and thank them for their part.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..drafting.more import promised_item
from ..extract import WEEKDAY_RE, find_dates
from ..models import Kind
from .doc import Doc
from .overlap import mentioned
from .registry import Hit, present, rule

K = Kind


def _must_say(rule_id: str, message: str, kind: Kind, lexicon: str, fix: str) -> None:
    def matcher(doc: Doc) -> Iterator[Hit]:
        if not present(doc, "more", lexicon):
            yield Hit(None, None, suggestion=fix)

    rule(rule_id, "error", message, [kind])(matcher)


_must_say(
    "structure.written_request",
    "The letter never asks for the offer in writing",
    K.WRITTEN_OFFER_REQUEST,
    "in_writing",
    "Could you please send me the offer in writing?",
)
_must_say(
    "structure.reference_contacted",
    "The note never asks whether anyone has contacted your reference",
    K.REFERENCE_CHECK_IN,
    "contacted",
    "Has anyone from the company contacted you yet?",
)
_must_say(
    "structure.landing_news",
    "The note never gives the news that you have accepted",
    K.THANKS_AFTER_LANDING,
    "accepted",
    "I have accepted the position",
)

_TERMS = (
    ("terms_salary", "the salary"),
    ("terms_benefits", "the benefits"),
    ("terms_start", "the start date"),
)


@rule(
    "structure.written_terms",
    "warning",
    "Name the terms you want in writing",
    [K.WRITTEN_OFFER_REQUEST],
)
def _written_terms(doc: Doc) -> Iterator[Hit]:
    missing = [what for lexicon, what in _TERMS if not present(doc, "more", lexicon)]
    if missing:
        yield Hit(None, None, ", ".join(missing))


@rule(
    "structure.promised_item",
    "error",
    "The letter does not name what you promised to send",
    [K.PROMISED_FOLLOW_UP],
)
def _promised(doc: Doc) -> Iterator[Hit]:
    promise = doc.facts.promise
    if promise and promise.what and not mentioned(promised_item(promise.what), doc, 80):
        yield Hit(None, None, f'"{promise.what}"')


@rule(
    "structure.helped",
    "error",
    "The note does not thank this person for what they did",
    [K.THANKS_AFTER_LANDING],
)
def _helped(doc: Doc) -> Iterator[Hit]:
    r = doc.recipient
    if r and r.helped and not mentioned(r.helped, doc, 75):
        yield Hit(None, None, f'"{r.helped}"')


@rule(
    "structure.keep_in_touch",
    "warning",
    "Say you want to stay in touch",
    [K.THANKS_AFTER_LANDING],
)
def _keep_in_touch(doc: Doc) -> Iterator[Hit]:
    if not present(doc, "more", "stay_in_touch"):
        yield Hit(None, None, suggestion="I would love to stay in touch.")


# Letters that carry the candidate's own news or answer: a subject that congratulates the
# reader ("Congratulations on the new role at Kowalski Analytics!") is written from their side.
_OWN_NEWS = [
    K.THANKS_AFTER_LANDING,
    K.ACCEPTANCE,
    K.RESIGNATION,
    K.REFERENCE_UPDATE,
    K.WITHDRAWAL,
    K.DECLINE,
    K.EXTENSION,
    K.WRITTEN_OFFER_REQUEST,
    K.THANK_YOU,
    K.INQUIRY,
]
_CONGRATULATES = re.compile(r"^\W*congrat", re.I)


@rule(
    "structure.subject_side",
    "error",
    "The subject congratulates the reader on news that is yours",
    _OWN_NEWS,
)
def _subject_side(doc: Doc) -> Iterator[Hit]:
    subject = doc.subject or ""
    if not _CONGRATULATES.match(subject):
        return
    fix = doc.suggested_subject
    at = doc.text.find(subject, 0, doc.head_end) if doc.subject_in_text else -1
    if at >= 0:  # a Subject: line in the pasted text: the fix replaces it in place
        yield Hit(at, at + len(subject), f'"{subject}"', fix)
    else:  # given apart from the text: there is nowhere in the letter to put a fix
        yield Hit(None, None, f'"{subject}"; for example "{fix}"')


@rule(
    "structure.answer_date",
    "error",
    "Say by when you will answer: a request for time names a date",
    [K.EXTENSION],
)
def _answer_date(doc: Doc) -> Iterator[Hit]:
    """A request for more time without a date ("I'll get back to you when I can") leaves the
    employer to guess. With the facts, facts.requested_date checks the very date; alone, any
    date or weekday in the body will do."""
    if not doc.inferred:
        return
    body = doc.body.text
    if next(find_dates(body, doc.facts.sent_on), None) or WEEKDAY_RE.search(body):
        return
    if _RELATIVE_DAY.search(body):
        return  # "by the end of next week", "within three days", "tomorrow"
    yield Hit(None, None, "name the day you will answer by")


_RELATIVE_DAY = re.compile(
    r"\b(?:tomorrow|end of (?:the|this|next) (?:week|month)|next week|within (?:\w+ ){1,2}"
    r"(?:days?|weeks?|hours?)|in (?:\w+ ){1,2}(?:days?|weeks?))\b",
    re.I,
)
