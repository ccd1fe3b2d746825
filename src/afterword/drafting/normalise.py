"""Put the model's text in the slots of the letter's form before it is checked.

A small model fills the right shape with the wrong pieces: the greeting as the first paragraph,
"Sincerely, Jane Doe" as the sign-off, the addresses as paragraphs. This moves such pieces to
the slot the form owns, or drops them where the form already has them (the composer adds the
addresses for a printed letter). It never rewrites a sentence the model wrote.
"""

from __future__ import annotations

import re
from functools import cache

from ..checker.lexicon import load, phrase_pattern
from ..models import Channel, Facts, Recipient
from ..names import NAME_WORD_RE, fold, is_particle
from .offline import subject_line
from .parts import LetterParts

_GREETING = re.compile(
    r"^\s*(?:Dear|Hello|Hi|Hey|Good (?:morning|afternoon|evening)|Greetings)\b[^\n,:;.!?]{0,60}"
    r"(?:\.[^\n,:;.!?]{0,40})*(?:[,:]|(?=\n)|$)\s*",
    re.I,
)
_SUBJECT = re.compile(r"^\s*Subject:\s*(?P<s>[^\n]*)\n?", re.I)
_DATE = re.compile(
    r"^(?:\w+day,?\s+)?(?:\w+\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\w+,?\s+\d{4}|\d{4}-\d\d-\d\d)$"
)
_STREET = re.compile(
    r"^\d+[\w-]*\s+\w.*\b(?:street|st|avenue|ave|road|rd|lane|blvd|way|drive)\b", re.I
)
_CITY = re.compile(r"^[\w .'-]+,\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?$")
_PLACEHOLDER = re.compile(r"^\[[^\]]{1,40}\]$")


@cache
def _closing() -> re.Pattern[str]:
    phrases = sorted(load("structure")["closings"], key=len, reverse=True)  # longest first
    words = "|".join(phrase_pattern(p) for p in phrases)
    return re.compile(rf"^\s*(?P<close>(?:{words})[ \t]*[,.!]?)(?=\s|$)", re.I)


def normalise(parts: LetterParts, facts: Facts, index: int) -> LetterParts:
    """Return the parts with greeting, sign-off, signature and address lines in their slots.
    A phone script has no such slots: it is returned as the model wrote it."""
    if facts.channel is Channel.PHONE:
        return parts
    recipient = facts.recipients[index]
    subject, salutation = parts.subject, parts.salutation.strip()
    paragraphs = [p.strip() for p in parts.paragraphs if p.strip()]
    if paragraphs and (found := _SUBJECT.match(paragraphs[0])):
        subject = subject or found.group("s").strip()
        paragraphs[0] = paragraphs[0][found.end() :].strip()
    closing, signature, paragraphs = _sign_off(parts, paragraphs, facts)  # before the name
    paragraphs = _without_address_lines(paragraphs, facts, index)  # could go as an address line
    salutation, paragraphs = _one_greeting(salutation, paragraphs, recipient)
    salutation = _as_asked(salutation, facts, index)
    signature = _own_lines(signature, facts)
    mark = ":" if facts.channel is Channel.LETTER else ","
    if subject and _ECHOED.search(subject):
        subject = None  # the model copied the field's description instead of writing one
    if facts.channel is Channel.EMAIL and not (subject or "").strip():
        subject = subject_line(facts)  # the kind's own subject, as the offline composer writes it
    return LetterParts(
        subject=subject,
        salutation=_punctuated(salutation, mark) if _GREETING.match(salutation) else salutation,
        paragraphs=[p for p in paragraphs if p],
        closing=_punctuated(closing, ",") if _closing().match(closing) else closing,
        signature=signature,
    )


# A subject that repeats the field's description ("Email subject line of under ten words").
_ECHOED = re.compile(r"\bsubject line\b|\bunder ten words\b|\bnull\b", re.I)


def _as_asked(salutation: str, facts: Facts, index: int) -> str:
    """Greet the reader as the prompt asked ("Dear Ms. Lopez," for "Dear Maria Lopez" or
    "Dear Mr. Becker, Design Lead."): the greeting line is the form's, built from the facts.
    A greeting that names someone else is left for the checker to flag."""
    from .prompting import salutation_for  # late: prompting imports the composer

    asked = salutation_for(facts, index)
    if not _GREETING.match(salutation) or salutation.strip() == asked:
        return salutation
    names_them = _name_words(salutation) & _name_words(facts.recipients[index].name)
    return asked if names_them else salutation


def _name_words(text: str) -> set[str]:
    """Return the words of a name, accents folded, without particles ("van", "de")."""
    return {fold(w).casefold() for w in NAME_WORD_RE.findall(text) if not is_particle(w)}


def _own_lines(signature: list[str], facts: Facts) -> list[str]:
    """Keep the signature to the candidate's name and contact details from the facts: a title,
    an employer or a made-up number under the name is not the candidate's to sign with."""
    mine = _signature_values(facts)
    kept = [line for line in signature if _key(line) in mine]
    name = facts.candidate.name
    if signature and (not kept or _key(kept[0]) != _key(name)):
        kept = [name, *(line for line in kept if _key(line) != _key(name))]
    return kept


def _key(line: str) -> str:
    return line.strip(" .,").casefold()


def _punctuated(line: str, mark: str) -> str:
    """End a greeting or a sign-off with its mark ("Dear Ms. Lopez" -> "Dear Ms. Lopez,")."""
    line = line.rstrip()
    return line if not line or line[-1] in ",:;!." else line + mark


def _one_greeting(
    salutation: str, paragraphs: list[str], recipient: Recipient
) -> tuple[str, list[str]]:
    """Lift a greeting out of the body, or drop it when the salutation already greets."""
    if not paragraphs or not (found := _GREETING.match(paragraphs[0])):
        return salutation, paragraphs
    greeting = found.group().strip()
    rest = paragraphs[0][found.end() :].strip()
    family = recipient.name.split()[-1].lower()
    names_them = family in greeting.lower() or recipient.addressed_as.lower() in greeting.lower()
    if not _GREETING.match(salutation) or (
        names_them and recipient.addressed_as.lower() not in salutation.lower()
    ):
        salutation = greeting
    if rest[:1].islower():
        rest = rest[0].upper() + rest[1:]  # it began the sentence once the greeting line went
    return salutation, [rest, *paragraphs[1:]]


def _sign_off(
    parts: LetterParts, paragraphs: list[str], facts: Facts
) -> tuple[str, list[str], list[str]]:
    """Split a name out of the sign-off; take a sign-off or a name that ended the body."""
    mine = _signature_values(facts)
    closing = parts.closing.strip()
    signature = [s.strip() for s in parts.signature if s.strip()]
    if split := _split_sign_off(closing, mine):
        closing, signature = split[0], [*split[1], *signature]
    elif closing and _lines_in(closing, mine):
        closing, signature = "", [*closing.splitlines(), *signature]
    while paragraphs:
        last = paragraphs[-1]
        split = _split_sign_off(last, mine)
        if split is None and not _lines_in(last, mine):
            break
        paragraphs.pop()
        if split is not None:
            closing = closing or split[0]
            signature = [*split[1], *signature]
        else:
            signature = [*last.splitlines(), *signature]
    return closing, _unique(signature), paragraphs


def _split_sign_off(text: str, mine: set[str]) -> tuple[str, list[str]] | None:
    """Return the sign-off and the signature lines when the text is only those."""
    found = _closing().match(text)
    if not found:
        return None
    rest = text[found.end() :].strip()
    if rest and not _lines_in(rest, mine):
        return None
    return found.group("close").strip(), rest.splitlines()


def _signature_values(facts: Facts) -> set[str]:
    c = facts.candidate
    return {v.casefold().strip(" .,") for v in (c.name, c.email, c.phone, c.address) if v}


def _lines_in(text: str, values: set[str]) -> bool:
    lines = [ln.strip(" .,").casefold() for ln in text.splitlines() if ln.strip(" .,")]
    return bool(lines) and all(line in values for line in lines)


def _unique(lines: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for line in (ln.strip() for ln in lines):
        if line and line.casefold() not in seen:
            seen.add(line.casefold())
            out.append(line)
    return out


def _without_address_lines(paragraphs: list[str], facts: Facts, index: int) -> list[str]:
    """Drop lines that are only an address block: names, addresses, contacts, the date."""
    known = _address_values(facts, index)
    out = []
    for paragraph in paragraphs:
        lines = [ln.strip() for ln in paragraph.splitlines() if ln.strip()]
        kept = lines
        while kept and _address_line(kept[0], known):
            kept = kept[1:]
        if kept:
            out.append(paragraph if kept is lines else "\n".join(kept))
    return out


def _address_values(facts: Facts, index: int) -> set[str]:
    r, c = facts.recipients[index], facts.candidate
    values = [c.name, c.email, c.phone, c.address, r.name, r.title, r.email, r.address]
    values += [facts.company, f"{r.honorific or ''} {r.name}".strip()]
    for value in [v for v in values if v]:
        values += [part.strip() for part in value.split(",")]
    return {v.casefold().strip(" .,") for v in values if v}


def _address_line(line: str, known: set[str]) -> bool:
    text = line.strip(" .,")
    return bool(
        text.casefold() in known
        or _DATE.match(text)
        or _STREET.match(text)
        or _CITY.match(text)
        or _PLACEHOLDER.match(text)
        or all(part.strip().casefold() in known for part in text.split(",") if part.strip())
    )
