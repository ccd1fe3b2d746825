"""The English word list (pyspellchecker), loaded once and shared by the rules that need it."""

from __future__ import annotations

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
