"""People's names as people write them: any script, apostrophes, hyphens, particles (van der,
de la, Ó), and family name first where the script tells it (Chinese, Japanese, Korean).

Parsing uses nameparser and its list of particles; where parsing cannot know the form of
address (a Vietnamese or a romanised Chinese name), the facts' `addressed_as` settles it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from nameparser import HumanName
from nameparser.config import CONSTANTS

# A word of a name: letters of any script, joined by inner apostrophes, hyphens or dots.
NAME_WORD = r"[^\W\d_](?:[^\W\d_]|['’\-](?=[^\W\d_]))*"
NAME_WORD_RE = re.compile(NAME_WORD)
_EXTRA_PARTICLES = {"ó", "ní", "nic", "uí", "mhic", "ter", "ten", "te", "zu", "vom", "bint"}
PARTICLES = frozenset(p.rstrip("'’-") for p in CONSTANTS.prefixes) | _EXTRA_PARTICLES
_FAMILY_FIRST = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# Letters that Unicode decomposition leaves alone, and the transliterations people type.
_FOLD = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss",
     "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d", "’": "'"}
)  # fmt: skip
_TRANSLIT = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "å": "aa"}


@dataclass(frozen=True)
class ParsedName:
    """A name split into the given name and the family name (with its particles)."""

    given: str
    family: str
    words: tuple[str, ...]


# Titles a name may be typed with: "Dr. Ioana Popescu", "Eng. Layla Haddad", "Mx. Robin Hale".
_TITLES = re.compile(
    r"^(?:(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Herr|Frau|Mme|Mlle)\.?|"
    r"(?:Eng|Engr|Arch|Atty|Hon|Rev|Sr|Sra|Srta|M)\.)\s+)+",
)


def untitled(name: str) -> str:
    """Return a name without the titles before it ("Eng. Layla Haddad" -> "Layla Haddad")."""
    return _TITLES.sub("", name.strip()) or name


@lru_cache(maxsize=1024)
def parse_name(name: str) -> ParsedName:
    """Split a full name into given and family names, keeping particles with the family."""
    name = untitled(name)
    words = tuple(name.split())
    if not words:
        return ParsedName("", "", ())
    if len(words) == 1:
        return ParsedName(words[0], words[0], words)
    if _FAMILY_FIRST.search(name):
        return ParsedName(words[-1], words[0], words)
    human = HumanName(name)
    given, family = str(human.first).strip(), str(human.last).strip()
    if not given or not family or family not in name:
        given, family = words[0], words[-1]
    return ParsedName(given, family, words)


def is_particle(word: str) -> bool:
    """Say whether a word is a name particle such as 'van', 'de', 'la' or 'Ó'."""
    return word.lower().rstrip("'’-") in PARTICLES


def name_words(name: str) -> list[str]:
    """Return the words of a name that identify the person (particles left out)."""
    return [w for w in NAME_WORD_RE.findall(name) if not is_particle(w)]


@lru_cache(maxsize=8192)  # names and words are folded again and again in one check
def fold(text: str) -> str:
    """Return text without accents for comparison ('Łukasiewicz' -> 'Lukasiewicz')."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def transliterate(text: str) -> str:
    """Return the transliteration people type without umlauts ('Müller' -> 'Mueller')."""
    return fold("".join(_TRANSLIT.get(c, c) for c in text))


def same_but_accents(written: str, known: str) -> bool:
    """Say whether two spellings differ only in accents or an accepted transliteration."""
    if written == known:
        return False
    w = fold(written).lower()
    return w == fold(known).lower() or w == transliterate(known).lower()


_TITLE_WORD = re.compile(r"^(?:[^\W\d_]\.|[^\W\d_]{1,3}\.)$")


def looks_like_name(text: str) -> bool:
    """Say whether a typed answer reads as a person's name in any script."""
    words = text.split()
    if not 1 <= len(words) <= 6:
        return False
    named = 0
    for word in words:
        if _TITLE_WORD.match(word):  # an initial such as "J."
            continue
        if not NAME_WORD_RE.fullmatch(word):
            return False
        if is_particle(word) and named:
            continue
        if word[0].islower():
            return False
        named += 1
    return named >= 1
