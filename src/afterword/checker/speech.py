"""Speech: a phone follow-up is heard, not read (career advice on the follow-up call).

A voicemail stays under 30 seconds at about 150 words a minute: who you are, the position
and interview date, one question (when do you expect to decide?) and the number, spelled
digit by digit and said twice. The call script asks whether they need anything else.
A spoken script has no subject line, greeting line, sign-off or signature.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..extract import digits, find_phones
from ..models import Kind
from ..speech import overrun_at, spoken_number, spoken_pattern, spoken_seconds, voicemail_span
from .doc import Doc
from .lexicon import phrases_regex
from .registry import Hit, present, rule

PHONE = [Kind.PHONE_FOLLOW_UP]
VOICEMAIL_SECONDS = 30
# Rules about a written letter's form, which a spoken script does not have; and repetition,
# which a script needs (the number said twice; the voicemail and the call open alike).
WRITTEN_ONLY = frozenset(
    {
        "names.salutation_missing",
        "structure.sign_off",
        "names.signature",
        "mechanics.repeated_phrase",
        "mechanics.repeated_sentence",
    }
)


def _voicemail(doc: Doc) -> tuple[int, int, str] | None:
    span = voicemail_span(doc.text)
    return (span[0], span[1], doc.text[span[0] : span[1]]) if span else None


@rule("structure.voicemail", "error", "No voicemail: start a part with 'Voicemail:'", PHONE)
def _voicemail_missing(doc: Doc) -> Iterator[Hit]:
    if _voicemail(doc) is None:
        yield Hit(None, None)


@rule("length.spoken", "error", "The voicemail runs over 30 seconds spoken", PHONE)
def _spoken_length(doc: Doc) -> Iterator[Hit]:
    found = _voicemail(doc)
    if found is None:
        return
    start, end, text = found
    over = overrun_at(text, VOICEMAIL_SECONDS)
    if over is not None:  # mark what is said after the 30th second
        seconds = spoken_seconds(text)
        yield Hit(start + over, end, f"about {seconds:.0f} seconds at 150 words a minute")


@rule("structure.spoken_subject", "error", "A phone script has no subject line", PHONE)
def _spoken_subject(doc: Doc) -> Iterator[Hit]:
    if doc.subject_in_text or (doc.subject or "").strip():
        end = doc.text.find("\n")
        yield Hit(0, end if doc.subject_in_text and end > 0 else None)


@rule(
    "mechanics.number_for_speech",
    "error",
    "Say the number digit by digit, as it is spoken",
    PHONE,
)
def _number_spoken(doc: Doc) -> Iterator[Hit]:
    found, phone = _voicemail(doc), doc.facts.candidate.phone
    if found is None or not phone:
        return
    start, _, text = found
    written = list(find_phones(text))
    for p in written:  # digits can be read out too: a warning to make it easier
        said = spoken_number(phone)
        yield Hit(start + p.start, start + p.end, f'"{p.text}"', said, "warning")
    if not written and not spoken_pattern(phone).search(text):
        yield Hit(None, None, "the voicemail never says your number", spoken_number(phone))


@rule("structure.number_twice", "error", "Say your number twice, slowly", PHONE)
def _number_twice(doc: Doc) -> Iterator[Hit]:
    found, phone = _voicemail(doc), doc.facts.candidate.phone
    if found is None or not phone:
        return
    mine = digits(phone)
    written = sum(  # the number in digits counts too ("555-0133" for "+1 555 0133")
        1
        for p in find_phones(found[2])
        if mine.endswith(digits(p.text)) and len(digits(p.text)) >= 7
    )
    said = len(spoken_pattern(phone).findall(found[2])) + written
    if said == 1:
        yield Hit(None, None, "it is said once", f"Again, {spoken_number(phone)}.")


@rule(
    "structure.decide_question",
    "error",
    "The voicemail does not ask when they expect to decide",
    PHONE,
)
def _decide_question(doc: Doc) -> Iterator[Hit]:
    found = _voicemail(doc)
    if found and not phrases_regex("more", "decide_question").search(found[2]):
        yield Hit(None, None, suggestion="When do you expect to make a decision?")


@rule(
    "structure.anything_else",
    "warning",
    "The call script never asks whether they need anything else from you",
    PHONE,
)
def _anything_else(doc: Doc) -> Iterator[Hit]:
    if not present(doc, "more", "anything_else"):
        yield Hit(
            None, None, suggestion="Is there anything else you need from me to make your decision?"
        )
