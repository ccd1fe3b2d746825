"""Names: the greeting addresses the recipient as the facts say, every name is spelt right,
and the candidate signs. Near misses use Damerau-Levenshtein distance, as in the reference."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz.distance import DamerauLevenshtein

from ..extract import HONORIFIC, HONORIFIC_WORDS, MONTHS, WEEKDAY_RE, mask_addresses
from .dictionary import is_word
from .doc import Doc
from .known import fact_words, name_parts
from .registry import Hit, rule

_HONORIFIC = re.compile(rf"\b({HONORIFIC_WORDS}|Professor)\b\.?", re.I)
_CAP_WORD = re.compile(r"\b[A-Za-z][a-z'’]+(?:-[A-Za-z][a-z'’]+)?\b|\b[A-Z]{2,}\b")
_GENERIC = re.compile(
    r"\b(?:Hiring Manager|Sir or Madam|Sir/Madam|Madam|Sir|Team|Committee|All|Whom)\b", re.I
)


def _greeting_name(doc: Doc) -> tuple[int, int, str] | None:
    """Return the span and text of the name in the greeting (after 'Dear')."""
    sal = doc.salutation
    if not sal:
        return None
    m = re.match(
        r"\s*(?:Dear|Hello|Hi|Hey|Good (?:morning|afternoon|evening)|Greetings|To)"
        r"\s*,?\s*(.*?)[\s,:;!.]*$",
        doc.text[sal.start : sal.end],
        re.I,
    )
    if not m or not m.group(1):
        return None
    return sal.start + m.start(1), sal.start + m.end(1), m.group(1)


@rule("names.salutation_missing", "error", "No greeting: open with 'Dear' and the recipient's name")
def _salutation_missing(doc: Doc) -> Iterator[Hit]:
    if doc.salutation is None:
        yield Hit(0, 0)


@rule("names.salutation_recipient", "error", "The greeting is not addressed to the recipient")
def _salutation_recipient(doc: Doc) -> Iterator[Hit]:
    found, r = _greeting_name(doc), doc.recipient
    if not found or not r:
        return
    start, end, name = found
    if _GENERIC.search(name):
        return  # names.generic_greeting reports it
    words = {w.lower() for w in re.findall(r"[\w'’-]+", name)}
    if r.last_name.lower() in words or r.first_name.lower() in words:
        return
    if _near_any(words, [r.first_name, r.last_name]):
        return  # names.misspelt reports it with the right spelling
    detail = f'"{name}"; expected {r.addressed_as}'
    yield Hit(start, end, detail, suggestion=r.addressed_as)


def _near_any(words: set[str], targets: list[str]) -> bool:
    return any(
        DamerauLevenshtein.distance(w, t.lower()) <= _tolerance(t) for w in words for t in targets
    )


def _tolerance(name: str) -> int:
    return 1 if len(name) <= 5 else 2


@rule("names.honorific", "error", "Wrong honorific for the recipient")
def _honorific(doc: Doc) -> Iterator[Hit]:
    found, r = _greeting_name(doc), doc.recipient
    if not found or not r or not r.honorific or r.first_name_ok:
        return
    m = _HONORIFIC.search(doc.text, found[0], found[1])
    want = r.honorific.rstrip(".").lower()
    if m and m.group(1).lower() != want:
        yield Hit(m.start(), m.end(), f'"{m.group()}"; the facts say {r.honorific}', r.honorific)


@rule("names.first_name_only", "error", "Addressed by first name only; use honorific and last name")
def _first_name_only(doc: Doc) -> Iterator[Hit]:
    found, r = _greeting_name(doc), doc.recipient
    if not found or not r or r.first_name_ok or r.first_name == r.last_name:
        return
    start, end, name = found
    if name.strip().lower() == r.first_name.lower():
        yield Hit(start, end, f'"{name}"', suggestion=r.addressed_as)


@rule("names.generic_greeting", "warning", "A generic greeting when the recipient's name is known")
def _generic(doc: Doc) -> Iterator[Hit]:
    found = _greeting_name(doc)
    if found and doc.recipient and _GENERIC.search(found[2]):
        yield Hit(found[0], found[1], f'"{found[2]}"', suggestion=doc.recipient.addressed_as)


def _name_tokens(doc: Doc) -> Iterator[re.Match[str]]:
    end = doc.signature.start if doc.closing else len(doc.text)
    yield from _CAP_WORD.finditer(doc.text, 0, end)


@rule("names.misspelt", "error", "A name is misspelt")
def _misspelt(doc: Doc) -> Iterator[Hit]:
    known = name_parts(doc.facts)
    lower_known = {k.lower() for k in known}
    other_words = fact_words(doc.facts) - lower_known
    for m in _name_tokens(doc):
        word = m.group()
        low = word.lower()
        if low in lower_known or low in other_words or len(word) < 3 or not word[0].isupper():
            continue
        if low in MONTHS or WEEKDAY_RE.fullmatch(word):
            continue
        if is_word(low) and not _in_name_position(doc, m.start()):
            continue
        for name in known:
            if len(name) >= 3 and DamerauLevenshtein.distance(low, name.lower()) <= _tolerance(
                name
            ):
                yield Hit(m.start(), m.end(), f'"{word}"; the facts spell it {name}', name)
                break


def _in_name_position(doc: Doc, start: int) -> bool:
    """Say whether a word stands where only a name can: the greeting or after a title."""
    sal = doc.salutation
    if sal and sal.start <= start < sal.end:
        return True
    return bool(re.search(rf"\b{HONORIFIC}\.?\s+$", doc.text[max(0, start - 12) : start]))


@rule("names.case", "warning", "A name's capitals differ from the facts")
def _case(doc: Doc) -> Iterator[Hit]:
    known = {k.lower(): k for k in name_parts(doc.facts) if len(k) > 2}
    masked = mask_addresses(doc.text)
    for m in re.finditer(r"\b[\w'’-]+\b", masked):
        word = m.group()
        want = known.get(word.lower())
        if want and word != want and not (word.isupper() and m.start() < doc.body.start):
            yield Hit(m.start(), m.end(), f'"{word}"; the facts write {want}', want)


@rule("names.signature", "error", "The letter is not signed with the candidate's name")
def _signature(doc: Doc) -> Iterator[Hit]:
    name = doc.facts.candidate.name
    if name.lower() not in doc.signature.text.lower():
        yield Hit(doc.signature.start, doc.signature.end, f"sign it {name}", name)
