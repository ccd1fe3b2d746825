"""Grounding: every name, date, amount, email, phone number and link is traced to the facts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from rapidfuzz.distance import DamerauLevenshtein

from ..extract import (
    HONORIFIC,
    digits,
    find_amounts,
    find_dates,
    find_emails,
    find_phones,
    find_urls,
    find_weekdays,
    same_day,
)
from ..models import Kind
from ..money import FoundAmount, other_currency
from ..names import NAME_WORD, is_particle
from .doc import HEADER_RE, Doc
from .known import (
    fact_amounts,
    fact_dates,
    fact_strings,
    fact_words,
    name_parts,
    offered_pay,
    writes_day_first,
)
from .lexicon import load
from .registry import Hit, rule
from .vocative import spoken_to


@rule("grounding.date", "error", "A date the facts do not give")
def _dates(doc: Doc) -> Iterator[Hit]:
    known = fact_dates(doc.facts)
    texts = " ".join(fact_strings(doc.facts)).lower()
    for d in find_dates(doc.text, doc.facts.sent_on, writes_day_first(doc.facts)):
        if _dated_line(doc, d.start, d.end):
            # the date a posted letter is written on: only a stale or future one is worth a look
            off = min(abs((v - doc.facts.sent_on).days) for v in (d.value, d.other) if v)
            if off > _LETTER_DATE_DAYS:
                detail = f'"{d.text}": the letter is dated {off} days from when you send it'
                yield Hit(d.start, d.end, detail, severity="warning")
            continue
        if not any(same_day(d, k) for k in known) and d.text.lower() not in texts:
            # the candidate's own news from elsewhere ("an interview with another company
            # on 1 December") is theirs to tell: a warning to check it, not a block
            elsewhere = _ELSEWHERE.search(doc.sentence_at(d.start))
            yield Hit(d.start, d.end, f'"{d.text}"', severity="warning" if elsewhere else None)
    weekdays = {k.strftime("%A").lower() for k in known}
    # the days of the facts' other events ("the site visit on Thursday"); not the day it is sent
    other_days = {k.strftime("%A").lower() for k in known if k != doc.facts.sent_on}
    iv = doc.facts.interview
    met = iv.date.strftime("%A").lower() if iv and iv.date else None
    for w in find_weekdays(doc.text):
        name = w.text.lower()
        before = doc.text[max(0, w.start - 60) : w.start]
        cue = _MET.search(before) if met and name != met else None
        if met and cue and name not in other_days:
            # "meeting with me on Tuesday" names the interview's day, and only that one counts;
            # "we spoke on Monday" may be another call: worth a look, not a block
            weak = cue.group("cue").lower().startswith(("spoke", "speak", "talk", "call", "chat"))
            detail = f'"{w.text}": the interview was on a {met.title()}'
            yield Hit(w.start, w.end, detail, severity="warning" if weak else None)
        elif name not in weekdays and name not in texts:
            # a day the writer promises ("by Wednesday") is theirs: check it, not a block
            yield Hit(w.start, w.end, f'"{w.text}"', severity="warning")


_LETTER_DATE_DAYS = 14


def _dated_line(doc: Doc, start: int, end: int) -> bool:
    """Say whether a date stands alone on a line of the letter's head (a posted letter's date,
    "Friday, November 20, 2026" or "20 November 2026" above the greeting)."""
    if start >= doc.head_end:
        return False
    line_start = doc.text.rfind("\n", 0, start) + 1
    line_end = doc.text.find("\n", end)
    line = doc.text[line_start : line_end if line_end >= 0 else len(doc.text)]
    rest = (line[: start - line_start] + line[end - line_start :]).strip(" \t,.")
    return not rest or bool(re.fullmatch(r"(?:[A-Z][a-z]+day|Date:?|[A-Z][a-z]+,?)", rest))


# Words around the interview itself, just before a weekday: "met with me on", "our call on".
_MET = re.compile(
    r"\b(?P<cue>met|meet(?:ing)?|interview(?:ed|ing)?|spoke|speaking|talk(?:ed|ing)?|conversation|"
    r"call|chat|visit)\b[^.!?\n]{0,30}\b(?:on|last)\s*$",
    re.I,
)
# A sentence about another employer or process.
_ELSEWHERE = re.compile(r"\b(?:another|other|elsewhere|second offer|competing)\b", re.I)


@rule("grounding.amount", "error", "An amount of money the facts do not give")
def _amounts(doc: Doc) -> Iterator[Hit]:
    known = fact_amounts(doc.facts)
    # The offer's figure for another period ("R$ 180.000 per month" for a yearly offer) is
    # wrong too; in an acceptance, facts.salary says so.
    pay = offered_pay(doc.facts) if doc.kind is not Kind.ACCEPTANCE else None
    written = [f for text in fact_strings(doc.facts) for f in find_amounts(text)]
    for a in find_amounts(doc.text):
        if a.value not in known:
            yield Hit(a.start, a.end, f'"{a.text}"')
        elif doc.kind is not Kind.ACCEPTANCE and _other_currency(a, written):
            yield Hit(a.start, a.end, f'"{a.text}" is in another currency than the facts')
        elif pay and a.value == pay[0] and a.period not in (None, pay[1]):
            yield Hit(a.start, a.end, f'"{a.text}" is per {a.period}; the offer is per {pay[1]}')


def _other_currency(said: FoundAmount, written: list[FoundAmount]) -> bool:
    """Say whether every figure of this value in the facts is in a currency this is not."""
    same = [f for f in written if f.value == said.value]
    return bool(same) and all(other_currency(said.currency, f.currency) for f in same)


@rule("grounding.email", "error", "An email address the facts do not give")
def _emails(doc: Doc) -> Iterator[Hit]:
    known = {s.lower() for s in fact_strings(doc.facts)}
    for e in find_emails(doc.text):
        if e.text.lower() not in known and not _in_header(doc, e.start):
            yield Hit(e.start, e.end, f'"{e.text}"')


def _in_header(doc: Doc, at: int) -> bool:
    """Say whether an offset sits in an email header line ("To: Sarah <s@x.example>")."""
    line_start = doc.text.rfind("\n", 0, at) + 1
    return HEADER_RE.match(doc.text, line_start) is not None


@rule("grounding.phone", "error", "A phone number the facts do not give")
def _phones(doc: Doc) -> Iterator[Hit]:
    known = {digits(s) for s in fact_strings(doc.facts) if len(digits(s)) >= 7}
    own = digits(doc.facts.candidate.phone or "")
    for p in find_phones(doc.text):
        said = digits(p.text)
        # "555-0100" for "+1 555 0100": the same number without its country or area code;
        # "07700 900456" for "+44 7700 900456": its national form, the trunk 0 in front.
        national = said.lstrip("0")
        if any(
            k.endswith(said) or said.endswith(k) or (len(national) >= 7 and k.endswith(national))
            for k in known
            if len(said) >= 7
        ):
            continue
        if not own and p.start >= doc.signature.start:
            # the signer's own number, and the facts hold none to compare it with
            detail = f'"{p.text}": add your phone to your details so it is checked'
            yield Hit(p.start, p.end, detail, severity="suggestion")
        else:
            yield Hit(p.start, p.end, f'"{p.text}"')


@rule("grounding.url", "error", "A link the facts do not give")
def _urls(doc: Doc) -> Iterator[Hit]:
    texts = " ".join(fact_strings(doc.facts)).lower()
    for u in find_urls(doc.text):
        if u.text.lower() in texts or u.start >= doc.signature.start or _in_header(doc, u.start):
            continue  # the signer's own links (a profile, a website) belong to the signature
        yield Hit(u.start, u.end, f'"{u.text}"', severity="warning")


@cache
def first_names() -> frozenset[str]:
    return frozenset(load("names")["first_names"])


# A title and the name after it, up to three words ("Dr. Taro Yamada", "Ms. de la Cruz").
_TITLED = re.compile(
    rf"\b{HONORIFIC}\.?[ \t]+(?P<n>{NAME_WORD})(?P<rest>(?:[ \t]+{NAME_WORD}){{0,2}})"
)
_FULL = re.compile(r"\b(?P<n>[A-Z][a-z]+)\s+[A-Z][a-z'’-]+\b")


@rule("grounding.name", "error", "A person the facts do not name")
def _names(doc: Doc) -> Iterator[Hit]:
    known = {p.lower() for p in name_parts(doc.facts)}
    words = fact_words(doc.facts)
    for m in [*_TITLED.finditer(doc.text), *_FULL.finditer(doc.text)]:
        name = m.group("n")
        if m.re is _FULL and name not in first_names():
            continue
        if m.re is _TITLED:
            end, said, pending = m.end("n"), [name.lower()], []
            for w in re.finditer(r"\S+", m.group("rest")):
                if w.group() in _PROSE_WORDS:
                    break  # "Mr. Okonkwo at Hays": English, though also a particle ("at-Tabari")
                if is_particle(w.group()) and not w.group()[0].isupper():
                    pending.append(w.group().lower())  # "de la", kept if a name follows
                    continue
                if not w.group()[0].isupper():
                    break
                end, said, pending = (
                    m.start("rest") + w.end(),
                    [*said, *pending, w.group().lower()],
                    [],
                )
            named = [w for w in said if w[0].isalpha() and not is_particle(w)]  # not "dela"
            if any(w in known or w in words or _near(w, known) for w in named):
                continue  # one known word makes the person known ("Dr. Taro Yamada")
            if name[0].isupper():
                yield _person(doc, m.start(), end)
            continue
        low = name.lower()
        if low in known or low in words or _near(low, known) or _STREET.search(m.group()):
            continue  # known, a misspelling that names.misspelt reports, or "Madison St"
        yield _person(doc, m.start(), m.end())


_PROSE_WORDS = frozenset("at as an and do on in of for from with en et es ed er op to".split())
# A street named after a person ("Madison St", "Grace Avenue"): an address, not a person.
_STREET = re.compile(
    r"\b(?:St|Ave|Rd|Blvd|Ln|Street|Avenue|Road|Boulevard|Drive|Lane|Way|Place|Square|Court|"
    r"Terrace|Park|Plaza)$"
)


def _person(doc: Doc, start: int, end: int) -> Hit:
    """A person the facts do not name. Spoken to ("Dear Mr. Weber", "meet you, Mr. Weber"),
    they are the wrong reader: an error. Named beside the reader ("you and Ms. Tran", "my
    thanks to Mr. Lee"), they may well be a second interviewer or a colleague the facts have
    no place for: a warning to check the name."""
    said = f'"{doc.text[start:end]}"'
    greeting = doc.salutation
    if greeting and greeting.start <= start < greeting.end:
        return Hit(start, end, said)
    if _ADDRESSED.search(doc.text, max(0, start - 12), start) or _ADDRESSED_AFTER.match(
        doc.text, end
    ):
        return Hit(start, end, said)
    if spoken_to(doc.text, start, end):
        return Hit(start, end, said)  # "… to join your team, Ms. Bouchard."
    return Hit(start, end, said + ": check the name", severity="warning")


_ADDRESSED = re.compile(r"\byou,?\s*$", re.I)
_ADDRESSED_AFTER = re.compile(r",\s+(?:you|your|thank you|thanks)\b", re.I)


def _near(word: str, known: set[str]) -> bool:
    return any(DamerauLevenshtein.distance(word, k) <= 2 for k in known if len(k) >= 3)
