"""Facts: the subject line (given, or an email's Subject: or a letter's Re: line) names this
job and this organization, not the sample's or the last letter's.

"Thank you – Marketing Assistant interview at XYZ Corporation" on a letter about the
Marketing Coordinator job at Vela Cosmetics is a sample adapted in the body and not in the
subject, and the subject is the first thing the reader sees. A job is recognised by its last
word ("Assistant", "Engineer", "Buyer"); an organization by its legal form or the "at" before
it. Both are compared with every name the facts give, so the writer's own employer or the
reader's title passes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..extract import HONORIFIC_WORDS, WEEKDAY_RE
from ..names import fold
from .doc import Doc
from .facts_other import rank_differs, ranks
from .facts_rules import company_forms
from .known import fact_strings, name_parts
from .lexicon import load
from .registry import Hit, rule

_RUN = r"[A-Z][\w'’&+/.-]*(?:[ \t]+(?:&|of|and|for|de|[A-Z][\w'’&+/.-]*|[IVX]{1,4}\b))*"
# "interview at X", "offer from X": where the job is named first ("Checking in from Nairobi"
# names a place, "Coffee at Heathrow" a meeting point).
_AT_ORG = re.compile(
    r"\b(?:interview|role|position|job|offer|application|opportunity|post|vacancy|team|career)s?"
    rf"\b[^–—|:\n]{{0,40}}?\b(?:at|with|from)[ \t]+(?P<org>{_RUN})",
    re.I,
)
_LEGAL = re.compile(
    rf"(?P<org>{_RUN}[ \t,]+(?:Inc|Ltd|LLC|LLP|Corp|Corporation|Company|GmbH|AG|plc|PLC|S\.?A|"
    r"S\.?p\.?A|BV|NV|Pty|Pvt|AB|Oy|KK)\b\.?)"
)


_PERSON = re.compile(rf"(?:{HONORIFIC_WORDS})\b|{WEEKDAY_RE.pattern}")


@cache
def _job_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in load("more")["job_nouns"])


@rule("facts.subject", "error", "The subject line names another job or organization")
def _subject(doc: Doc) -> Iterator[Hit]:
    subject = doc.subject
    if not subject or doc.inferred:
        return
    known = [fold(s).lower() for s in fact_strings(doc.facts)]
    position = doc.facts.position
    for title in _titles(subject) if position else ():  # no job in the facts: none to compare
        said = fold(title).lower()
        if any(said in k or k in said for k in known) and not (
            position and _rank_added(title, position)
        ):
            continue
        want = f'the facts say "{position}"' if position else "the facts name no job"
        yield Hit(None, None, f'"{title}"; {want}', position)
    people = {fold(p).lower() for p in name_parts(doc.facts)}
    for org in _organizations(subject):
        said = fold(org).lower().strip(" .,")
        if _PERSON.match(org) or people & set(re.findall(r"[\w'’-]+", said)):
            continue  # "with Ms. Haas": a person, the names rules' to judge
        forms = [fold(f).lower().strip(" .,") for f in company_forms(doc.facts.company)]
        if any(said in k or k in said for k in known) or any(f and f in said for f in forms):
            continue
        yield Hit(None, None, f'"{org}"; the facts say "{doc.facts.company}"', doc.facts.company)


def _rank_added(title: str, position: str) -> bool:
    """Say whether a title in the subject raises or changes the job's level ("Senior Buyer"
    for Buyer); a subject may leave a level out ("Architectural Designer" for its Part II)."""
    return rank_differs(title, position) and bool(ranks(title) - ranks(position))


def _titles(subject: str) -> Iterator[str]:
    """Yield the runs of capitalised words that end in a job's noun ("Senior Buyer")."""
    for m in re.finditer(_RUN, subject):
        words = m.group().rstrip(".").split()
        nouns = [i for i, w in enumerate(words) if w.lower().rstrip("s") in _job_nouns()]
        if nouns:
            run = words[: nouns[-1] + 1]
            tail = words[nouns[-1] + 1 :]
            if tail and re.fullmatch(r"[IVX]{1,4}|\d", tail[0]):  # "Engineer II"
                run.append(tail[0])
            if len(run) >= 2 or len(words) == 1:
                yield " ".join(run)


def _organizations(subject: str) -> Iterator[str]:
    seen: set[str] = set()
    for m in [*_LEGAL.finditer(subject), *_AT_ORG.finditer(subject)]:
        org = m.group("org").rstrip(" .,")
        if org not in seen and not any(org in s or s in org for s in seen):
            seen.add(org)
            yield org


# An organization's line in an address block: a legal form, or a word organizations end in.
_ORG_LINE = re.compile(
    r"^[ \t]*(?P<org>[^\n,]*\b(?:Inc|Ltd|LLC|LLP|Corp|Corporation|Company|Co|GmbH|AG|plc|PLC|S\.?A|"
    r"BV|NV|Pty|Pvt|Group|Bank|Agency|Partners|Associates|Holdings|Industries|Enterprises)\b\.?)"
    r"[ \t]*$",
    re.M,
)


@rule("facts.inside_address", "error", "The inside address names another organization")
def _inside_address(doc: Doc) -> Iterator[Hit]:
    """A posted letter's inside address, above the greeting, is the reader's: "Mr. Declan
    McAllister / Head of Finance / ABC Company" left from the sample on a letter to Harrow &
    Byrne is the first line the reader sees wrong. Only the block holding the reader's name
    is read, so the writer's own address above it is left alone."""
    r = doc.recipient
    if doc.inferred or r is None:
        return
    head = doc.text[: doc.head_end]
    family = fold(r.last_name).lower()
    for block in re.finditer(r"(?:[^\n]+\n?)+", head):
        if family not in fold(block.group()).lower():
            continue
        known = [fold(s).lower() for s in fact_strings(doc.facts)]
        forms = [fold(f).lower().strip(" .,") for f in company_forms(doc.facts.company) if f]
        for m in _ORG_LINE.finditer(block.group()):
            said = fold(m.group("org")).lower().strip(" .,")
            if any(f and (f in said or said in f) for f in forms) or any(said in k for k in known):
                continue
            start = block.start() + m.start("org")
            detail = f'"{m.group("org")}"; the facts say "{doc.facts.company}"'
            yield Hit(start, start + len(m.group("org")), detail, doc.facts.company)
