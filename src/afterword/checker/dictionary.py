"""The English word list (pyspellchecker), loaded once and shared by the rules that need it.

Loading pyspellchecker's frequency table takes about half a second, most of a cold
`afterword check`, while the rules only ask whether a word is in it: the words alone are kept
in a plain file in the user's cache folder and read from there (about 60 ms). The full spell
checker is loaded only to suggest a correction for a word not in the list.
"""

from __future__ import annotations

import os
import re
from functools import cache, lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from .lexicon import load

if TYPE_CHECKING:
    from spellchecker import SpellChecker


@cache
def speller() -> SpellChecker:
    """Return the shared spell checker, with Afterword's allowlist of job-search words."""
    from spellchecker import SpellChecker

    checker = SpellChecker(distance=1)
    checker.word_frequency.load_words(load("mechanics")["spelling_allow"])
    return checker


def word_list_file() -> Path:
    """Return where the word list is kept: one file per pyspellchecker version."""
    from platformdirs import user_cache_path

    folder = user_cache_path("afterword", appauthor=False)
    return folder / f"words-pyspellchecker-{version('pyspellchecker')}.txt"


@cache
def words() -> frozenset[str]:
    """Return the English word list (lowercase) with Afterword's allowlist."""
    path = word_list_file()
    try:
        listed = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        listed = list(speller().word_frequency.keys())
        _keep(path, listed)
    allow = (w.lower() for w in load("mechanics")["spelling_allow"])
    return frozenset(listed).union(allow)


def _keep(path: Path, listed: list[str]) -> None:
    """Write the word list for the next process; a folder that cannot be written is skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_suffix(f".{os.getpid()}.part")
        part.write_text("\n".join(listed), encoding="utf-8")
        part.replace(path)  # whole or not at all, even with two processes writing
    except OSError:
        pass


def is_word(word: str) -> bool:
    """Say whether a word is in the English word list."""
    return word.lower() in words()


# British spellings turned into the American ones the word list holds, and shorter forms of
# words the list holds only in full ("spheric" for "spherical").
_VARIANTS = [
    (r"is(e|ed|es|ing|ation|ations|er|ers)$", r"iz\1"),
    (r"ys(e|ed|es|ing)$", r"yz\1"),
    (r"our(s|ed|ing|able|ite|ites|ful)?$", r"or\1"),
    (r"tre(s|d)?$", r"ter\1"),
    (r"tring$", r"tering"),
    (r"ll(ed|ing|er|ers)$", r"l\1"),
    (r"ogue(s)?$", r"og\1"),
    (r"ence(s)?$", r"ense\1"),
    (r"gramme(s)?$", r"gram\1"),
    (r"ement$", r"ment"),
    (r"ic$", r"ical"),
]


@lru_cache(maxsize=16384)  # a letter's words are mostly those of the last one
def is_known_spelling(word: str) -> bool:
    """Say whether a word is English, in American or British spelling ('organising'), or a
    compound or prefixed form of English words ('cutovers', 'resignalling')."""
    low, known = word.lower(), words()
    if low in known or _variant_known(low):
        return True
    # A compound of two words ("cutovers", "roadmap") or a prefix on a word ("resignalling"):
    # jargon, not a slip, unless a word is a letter dropped, added or swapped away ("writting" is
    # not "writ-ting", "regads" not "reg-ads"); a letter changed is as often a coinage
    # ("putaway" beside "cutaway").
    parts = [low[i:] for i in range(3, len(low) - 2) if low[:i] in known]
    parts += [low[len(p) :] for p in _prefixes() if low.startswith(p) and len(low) - len(p) >= 4]
    whole = [rest for rest in parts if rest in known or _variant_known(rest)]
    return bool(whole) and not _one_slip_from_word(low, set(whole))


def _variant_known(low: str) -> bool:
    known = words()
    for pattern, american in _VARIANTS:
        variant = re.sub(pattern, american, low)
        if variant != low and variant in known:
            return True
    return False


@cache
def _prefixes() -> tuple[str, ...]:
    return tuple(load("mechanics")["spelling_prefixes"])


def _one_slip_from_word(low: str, parts: set[str]) -> bool:
    """Say whether a known word is one letter dropped, added or swapped from this one (other
    than its own parts)."""
    known = words()
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(low[:i], low[i:]) for i in range(len(low) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b for a, b in splits for c in letters}
    return any(e in known and e not in parts and e != low for e in edits)
