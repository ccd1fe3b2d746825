"""The English word list (pyspellchecker), loaded once and shared by the rules that need it."""

from __future__ import annotations

import re
from functools import cache

from spellchecker import SpellChecker

from .lexicon import load


@cache
def speller() -> SpellChecker:
    """Return the shared spell checker, with Afterword's allowlist of job-search words."""
    checker = SpellChecker(distance=1)
    checker.word_frequency.load_words(load("mechanics")["spelling_allow"])
    return checker


def is_word(word: str) -> bool:
    """Say whether a word is in the English word list."""
    return word.lower() in speller()


# British spellings, turned into the American ones the word list holds.
_BRITISH = [
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
]


def is_known_spelling(word: str) -> bool:
    """Say whether a word is English, in American or British spelling ('organising')."""
    low = word.lower()
    if low in speller():
        return True
    for pattern, american in _BRITISH:
        variant = re.sub(pattern, american, low)
        if variant != low and variant in speller():
            return True
    # A compound of two words ("cutovers", "roadmap"): jargon, not a slip.
    return any(low[:i] in speller() and low[i:] in speller() for i in range(3, len(low) - 2))
