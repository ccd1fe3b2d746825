"""Names: the greeting addresses the recipient as the facts say, every name is spelt right,
and the candidate signs once. Names are any names people have: apostrophes (O'Brien),
particles (van der Berg, de la Cruz), letters outside ASCII (Łukasiewicz, Nguyễn), family name
first (山田 太郎, with `addressed_as`). Near misses use Damerau-Levenshtein distance; a
spelling that differs only in accents is a warning, not an error.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache

from rapidfuzz.distance import DamerauLevenshtein

from ..extract import HONORIFIC, HONORIFIC_WORDS, MONTHS, WEEKDAY_RE, mask_addresses
from ..models import Recipient
from ..names import (
    fold,
    is_particle,
    name_words,
    same_but_accents,
    untitled,
)
from .dictionary import is_word
from .doc import BARE_NAME, GREETING_WORDS, Doc, fold_name
from .infer import UNKNOWN
from .known import name_parts
from .lexicon import load
from .normalize import mixed_script_words
from .registry import Hit, rule

_HONORIFIC = re.compile(rf"\b({HONORIFIC_WORDS}|Professor|Doctor|Mister)\b\.?", re.I)
_TITLE_FORMS = {"professor": "prof", "doctor": "dr", "mister": "mr", "m": "mr", "mme": "ms"}
# A name as written, without a possessive's "'s" ("Ms. Kowalsky's team" names Kowalsky).
_NAME_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|-(?=[^\W\d_])|['’](?!s\b)(?=[^\W\d_]))*")
_GENERIC = re.compile(
    r"\b(?:Hiring Manager|Sir or Madam|Sir/Madam|Madam|Sir|Team|Committee|All|Whom|"
    r"Recruit(?:er|ment Team)|Colleagues?|Friends?)\b",
    re.I,
)
_GREETING_NAME = re.compile(
    rf"\s*(?:To|{GREETING_WORDS}|(?={BARE_NAME}$))"  # "To" first: "To whom it may concern"
    # names "whom"; a name alone ("Robert,") is the greeting's name
    r"\s*,?\s*(.*?)[\s,:;!.]*$",
    re.I,
)


def greeting_name(doc: Doc) -> tuple[int, int, str] | None:
    """Return the span and text of the name in the greeting (after 'Dear')."""
    sal = doc.salutation
    if not sal:
        return None
    m = _GREETING_NAME.match(doc.text, sal.start, sal.end)
    if not m or not m.group(1):
        return None
    return m.start(1), m.end(1), m.group(1)


def _names_recipient(greeting: str, r: Recipient) -> bool:
    """Say whether a greeting's name is the recipient's (any identifying part of the name)."""
    said = fold_name(greeting)
    if r.salutation_form:
        form = _HONORIFIC.sub("", r.salutation_form).strip()
        if fold_name(form) in said:
            return True
    words = set(re.findall(r"[\w'’-]+", said))
    return fold_name(r.last_name) in said or any(fold_name(w) in words for w in name_words(r.name))


@rule("names.salutation_missing", "error", "No greeting: open with 'Dear' and the recipient's name")
def _salutation_missing(doc: Doc) -> Iterator[Hit]:
    if doc.salutation is None:
        yield Hit(0, 0)


@rule(
    "names.salutation_recipient",
    "error",
    "The greeting is not addressed to the recipient",
    needs_facts=True,
)
def _salutation_recipient(doc: Doc) -> Iterator[Hit]:
    found, r = greeting_name(doc), doc.recipient
    # With several readers and none named, the greeting is to someone else: "Dear Mr. King"
    # to Graham Price and Hyun-jung Lee of King & Price.
    readers = [r] if r else doc.facts.recipients if doc.recipient_index is None else []
    if not found or not readers:
        return
    start, end, name = found
    if _GENERIC.search(name) or _placeholder(name):
        return  # names.generic_greeting and mechanics.placeholder report these
    if any(_names_recipient(name, reader) for reader in readers):
        return
    words = {fold_name(w) for w in _NAME_TOKEN.findall(name)}
    targets = [fold_name(w) for reader in readers for w in name_words(reader.name)]
    if any(DamerauLevenshtein.distance(w, t) <= _tolerance(t) for w in words for t in targets):
        return  # names.misspelt reports it with the right spelling
    expected = " or ".join(reader.addressed_as for reader in readers)
    yield Hit(start, end, f'"{name}"; expected {expected}', suggestion=readers[0].addressed_as)


def _placeholder(name: str) -> bool:
    """Say whether a greeting's name is a template slot ("[Name]"): mechanics.placeholder's."""
    return re.search(r"[\[\]{}()<>_]", name) is not None


def _tolerance(name: str) -> int:
    return 1 if len(name) <= 5 else 2


@rule("names.honorific", "error", "Wrong honorific for the recipient", needs_facts=True)
def _honorific(doc: Doc) -> Iterator[Hit]:
    found, r = greeting_name(doc), doc.recipient
    if not found or not r or r.first_name_ok:
        return
    wanted = r.honorific
    if r.salutation_form:  # the form of address says which title, if any ("Eng. Haddad")
        title = _HONORIFIC.match(r.salutation_form) or _OTHER_TITLE.match(r.salutation_form)
        wanted = title.group() if title else None
    m = _HONORIFIC.search(doc.text, found[0], found[1])
    if not wanted or not m:
        return
    if _title(m.group(1)) != _title(wanted.split()[0]):
        yield Hit(m.start(), m.end(), f'"{m.group()}"; the facts say {wanted}', wanted)


# A title the usual list lacks, at the head of a form of address: "Eng. Haddad", "Arch. Reyes".
_OTHER_TITLE = re.compile(r"[A-Z][a-z]{1,5}\.(?=\s)")


def _title(word: str) -> str:
    low = word.rstrip(".").lower()
    return _TITLE_FORMS.get(low, low)


@rule(
    "names.first_name_only",
    "error",
    "Addressed by first name only; use honorific and last name",
    needs_facts=True,
)
def _first_name_only(doc: Doc) -> Iterator[Hit]:
    found, r = greeting_name(doc), doc.recipient
    if not found or not r or r.first_name == r.last_name:
        return
    if r.first_name_ok and not r.salutation_form:
        return
    start, end, name = found
    if r.salutation_form:  # the form of address names the part to use ("Mr. Park", "Min-seo")
        form = fold_name(_HONORIFIC.sub("", r.salutation_form))
        bare = fold_name(_HONORIFIC.sub("", name))
        in_form = {fold_name(w) for w in name_words(form)}  # "Cruz" of "de la Cruz": misspelt's
        if (
            form not in fold_name(name)
            and bare not in in_form
            and bare in {fold_name(w) for w in name_words(r.name)}
        ):
            yield Hit(start, end, f'"{name}"; address them as {r.addressed_as}', r.addressed_as)
        return
    if fold_name(name) == fold_name(r.first_name):
        yield Hit(start, end, f'"{name}"', suggestion=r.addressed_as)
    elif fold_name(_HONORIFIC.sub("", name)) == fold_name(r.first_name) != fold_name(name) and (
        fold_name(r.first_name) not in _family_first()
    ):
        # "Dear Mrs. Margaret": a title goes with the family name
        yield Hit(start, end, f'"{name}": a title goes with the family name', r.addressed_as)


@cache
def _family_first() -> frozenset[str]:
    return frozenset(fold_name(n) for n in load("names")["family_first"])


def _particle_dropped(doc: Doc) -> Iterator[Hit]:
    """Flag a greeting that drops the family name's particle ("Ms. Cruz" for de la Cruz)."""
    found, r = greeting_name(doc), doc.recipient
    if not found or not r or r.first_name_ok:
        return
    form = _HONORIFIC.sub("", r.salutation_form).strip() if r.salutation_form else None
    family = (form or r.last_name).split()
    bare = fold_name(_HONORIFIC.sub("", found[2]))
    if len(family) > 1 and is_particle(family[0]) and bare == fold_name(family[-1]):
        detail = f'"{found[2]}"; the name is {" ".join(family)}'
        yield Hit(found[0], found[1], detail, r.addressed_as)


@rule(
    "names.generic_greeting",
    "warning",
    "A generic greeting when the recipient's name is known",
    needs_facts=True,
)
def _generic(doc: Doc) -> Iterator[Hit]:
    found = greeting_name(doc)
    if found and _placeholder(found[2]):
        return  # a placeholder: mechanics.placeholder reports it
    if found and doc.recipient and _GENERIC.search(found[2]):
        yield Hit(found[0], found[1], f'"{found[2]}"', suggestion=doc.recipient.addressed_as)


@rule(
    "names.full_name_greeting",
    "warning",
    "Greet by title and family name, not the full name",
    needs_facts=True,
)
def _full_name(doc: Doc) -> Iterator[Hit]:
    found, r = greeting_name(doc), doc.recipient
    if not found or not r or r.first_name_ok or not (r.honorific or r.salutation_form):
        return
    start, end, name = found
    if len(r.name.split()) < 2:
        return
    bare = fold_name(_HONORIFIC.sub("", name))  # "Mr. Kenji Nakamura" is the full name too
    if bare == fold_name(untitled(r.name)) and (
        not r.salutation_form or bare not in fold_name(r.salutation_form)
    ):
        yield Hit(start, end, f'"{name}"', suggestion=r.addressed_as)


@rule("names.greeting_punctuation", "warning", "End the greeting with a comma (or a colon)")
def _greeting_punct(doc: Doc) -> Iterator[Hit]:
    sal, closing = doc.salutation, doc.closing
    if closing and not closing.text.rstrip().endswith(","):
        return  # open punctuation, as British and South African letters use: none after either
    if sal and sal.text[-1] not in ",:;!—–-":  # "Hi Rachel — thanks for connecting"
        yield Hit(sal.start, sal.end, f'"{sal.text}"', suggestion=sal.text.rstrip(".") + ",")


@rule("names.duplicate_greeting", "error", "The letter greets its reader twice")
def _duplicate_greeting(doc: Doc) -> Iterator[Hit]:
    for g in doc.greetings[1:]:
        if _PLEASANTRY.fullmatch(g.text) and not doc.text[doc.greetings[0].end : g.start].strip():
            continue  # "Dear Ms. dela Cruz, / Good day!": a pleasantry opening the body
        above = doc.text[: g.start].rstrip().rsplit("\n", 1)[-1].strip()
        if len(above.split()) <= 4 and (above.endswith(":") or above.isupper()):
            continue  # a part of its own: "Voicemail:" or "CALL SCRIPT", each with a greeting
        if doc.closing is None or g.start < doc.closing.start:
            yield Hit(g.start, g.end, f'"{g.text}"')


_PLEASANTRY = re.compile(r"(?:Good (?:day|morning|afternoon|evening)|Greetings)[ \t]*[!.,]?", re.I)


def _name_tokens(doc: Doc) -> Iterator[re.Match[str]]:
    """Yield the capitalised words that may be names: not in links and email addresses, nor
    on a line of the letter's head with a figure in it, a postal address ("Rua das Flores,
    112", "4050-265 Porto"), whose street words are no one's name."""
    end = doc.signature.start if doc.closing else len(doc.text)
    text = _POSTAL_LINE.sub(lambda m: " " * len(m.group()), doc.text[: doc.head_end])
    yield from _NAME_TOKEN.finditer(mask_addresses(text + doc.text[doc.head_end :]), 0, end)


_POSTAL_LINE = re.compile(r"^[^\n]*\d[^\n]*$", re.M)


def _source(doc: Doc) -> str:
    """Name where the right spelling comes from: the facts, or the letter's own greeting."""
    return "the letter's greeting and signature" if doc.inferred else "the facts"


def _candidates(word: str, known: set[str]) -> Iterator[tuple[str, bool]]:
    """Yield (known name, only accents differ) for each name the word may be a slip of."""
    low = fold(word).lower()
    for name in known:
        if same_but_accents(word, name):
            yield name, True
        elif len(name) >= 3 and DamerauLevenshtein.distance(low, fold(name).lower()) <= _tolerance(
            name
        ):
            yield name, False


@rule("names.misspelt", "error", "A name is misspelt")
def _misspelt(doc: Doc) -> Iterator[Hit]:
    if not doc.inferred:
        yield from _particle_dropped(doc)
    known = {p for p in name_parts(doc.facts) if not is_particle(p) and p != UNKNOWN}
    exact = set(known)
    for m in _name_tokens(doc):
        word = m.group()
        if word in exact or len(word) < 3 or not word[0].isupper() or is_particle(word):
            continue
        if word.lower() in MONTHS or WEEKDAY_RE.fullmatch(word):
            continue
        if is_word(word.lower()) and not _in_name_position(doc, m.start()):
            continue
        for name, accents_only in _candidates(word, known):
            if word.lower() == name.lower():
                break  # a case difference: names.case reports it
            if _another_name(word, name) and not _in_name_position(doc, m.start()):
                continue  # "Minh" beside "Linh": a short name one letter off is another person
            if accents_only:
                detail = f'"{word}"; {_source(doc)} write {name}'
                yield Hit(m.start(), m.end(), detail, name, severity="suggestion")
            else:
                said = f'"{word}"; {_source(doc)} spell it {name}'
                yield Hit(m.start(), m.end(), said, name)
            break


def _another_name(word: str, name: str) -> bool:
    """Say whether a word one letter off a short name is more likely another name than a slip
    of it: a letter changed ("Minh", "Linh"), not swapped, doubled or dropped ("Lihn")."""
    a, b = fold(word).lower(), fold(name).lower()
    if len(b) > 5 or len(a) != len(b):
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diff) == 1


def _in_name_position(doc: Doc, start: int) -> bool:
    """Say whether a word stands where only a name can: the greeting or after a title."""
    sal = doc.salutation
    if sal and sal.start <= start < sal.end:
        return not re.match(r"(?:Dear|Hello|Hi|Hey|Good|Greetings)\b", doc.text[start:], re.I)
    return bool(re.search(rf"\b{HONORIFIC}\.?\s+$", doc.text[max(0, start - 12) : start]))


@rule("names.case", "warning", "A name's capitals differ from the facts")
def _case(doc: Doc) -> Iterator[Hit]:
    known = {
        k.lower(): k
        for k in name_parts(doc.facts)
        if len(k) > 2 and not is_particle(k) and k != UNKNOWN
    }
    masked = mask_addresses(doc.text)
    for m in _NAME_TOKEN.finditer(masked):
        word = m.group()
        want = known.get(word.lower())
        if want and word != want and not (word.isupper() and m.start() < doc.body.start):
            if word.islower() and is_word(word) and not _in_name_position(doc, m.start()):
                continue  # an ordinary word that is also a name ("rose", "hunter")
            yield Hit(m.start(), m.end(), f'"{word}"; {_source(doc)} write {want}', want)


@rule("names.mixed_script", "error", "A word mixes alphabets (a look-alike letter)")
def _mixed_script(doc: Doc) -> Iterator[Hit]:
    offsets = doc.norm.offsets
    for start, end, word in mixed_script_words(doc.raw):
        lo, hi = bisect_left(offsets, start), bisect_left(offsets, end)
        yield Hit(lo, hi, f'"{word}" is written with letters of two alphabets')
