"""A quick test that skips a regex that cannot match: the words every match must contain.

Most of the checker's patterns (slips, tone phrases, model talk) match nothing in a given
letter, yet a regex scan of a letter costs tens of microseconds and a check runs hundreds of
them. Every match of a pattern contains at least one of a few literal strings, read from the
pattern's parse tree: "pleased relocate" cannot match a letter without "relocate". Testing
them with `in` on the lowercased text (a fast C search) skips most scans; when the test passes
the regex runs as before, so the findings are the same.
"""

from __future__ import annotations

import re
import re._casefix as casefix  # the standard library's own regex tables and parser
import re._parser as sre
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_c = sre  # the op codes are re-exported by the parser module
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)
Needs = frozenset[str] | None  # one of these strings is in every match; None: not known


def _folds() -> dict[int, str]:
    """Map the characters a case-insensitive regex takes as one (i and dotless ı, s and long
    ſ) to one of them, after str.lower(); the curly apostrophe is read as the straight one."""
    table: dict[int, str] = {ord("’"): "'"}
    for code, extra in casefix._EXTRA_CASES.items():
        first = min(code, *extra)
        table.update({c: chr(first) for c in (code, *extra) if c != first})
    return table


_FOLD = _folds()
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lowercase text character by character as the regex engine compares under re.I ("İ"
    is "i"), with every run of white space one space: what a literal is looked for in."""
    return _SPACES.sub(" ", text.replace("İ", "i").lower().translate(_FOLD))


def needs(pattern: re.Pattern[str]) -> Needs:
    """Return strings, folded, one of which every match of the pattern contains; None
    when the pattern admits matches without a literal (or parsing it fails)."""
    try:
        tree = sre.parse(pattern.pattern, pattern.flags)
    except Exception:
        return None
    found = _sequence(list(tree))
    if found is None:
        return None
    folded = frozenset(fold(s) for s in found)
    return folded if all(s.strip() for s in folded) else None


def _sequence(items: list[tuple[Any, Any]]) -> Needs:
    """Return the most selective requirement of a sequence of regex items: a run of
    characters every match holds in a row (white space of any length as one space,
    zero-width tests inside it), or what a group or every branch of an alternation needs."""
    best: Needs = None
    run: list[str] = []

    def better(new: Needs) -> None:
        nonlocal best
        if new and (best is None or _score(new) > _score(best)):
            best = new

    for op, arg in [*items, (None, None)]:
        char = _one_char(op, arg)
        if char is not None:
            run.append(char)
            continue
        if op in _ZERO_WIDTH:
            continue
        if run:
            better(frozenset({"".join(run)}))
            run = []
        if op is _c.SUBPATTERN:
            better(_sequence(list(arg[3])))
        elif op is _c.ATOMIC_GROUP:
            better(_sequence(list(arg)))
        elif op is _c.BRANCH:
            branches = [_sequence(list(b)) for b in arg[1]]
            if all(b is not None for b in branches):
                better(frozenset().union(*(b for b in branches if b is not None)))
        elif op in _REPEATS and arg[0] >= 1:
            better(_sequence(list(arg[2])))
    return best


_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)
_SPACE_CLASS = [(_c.CATEGORY, _c.CATEGORY_SPACE)]


def _one_char(op: Any, arg: Any) -> str | None:
    """Return the character an item always matches once folded, if it is one: a literal, a
    set of one letter's cases, or white space (one or more)."""
    if op is _c.LITERAL:
        return chr(arg)
    if op is _c.IN:
        if arg == _SPACE_CLASS:
            return " "
        if all(o is _c.LITERAL for o, _ in arg):
            folded = {fold(chr(a)) for _, a in arg}
            return folded.pop() if len(folded) == 1 else None
    if op in _REPEATS and arg[0] >= 1 and list(arg[2]) == [(_c.IN, _SPACE_CLASS)]:
        return " "
    return None


def _score(found: frozenset[str]) -> tuple[int, int]:
    """Prefer the longest shortest string, then fewer strings."""
    return min(len(s.strip()) for s in found), -len(found)


_SHORT = 160


@lru_cache(maxsize=64)
def lowered(text: str) -> str:
    """Return the text folded, once per text (rules read the same body in a row)."""
    return fold(text)


@dataclass(frozen=True)
class Guarded:
    """A compiled pattern with the literals that let a scan be skipped."""

    regex: re.Pattern[str]
    literals: Needs

    @classmethod
    def of(cls, regex: re.Pattern[str]) -> Guarded:
        """Guard a compiled pattern."""
        return cls(regex, needs(regex))

    def possible(self, text: str) -> bool:
        """Say whether the pattern may match somewhere in the text. A short text (a
        sentence, a line) is scanned at once: folding it would cost about as much."""
        if self.literals is None or len(text) < _SHORT:
            return True
        return any(map(lowered(text).__contains__, self.literals))  # the loop runs in C

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """Yield the pattern's matches, scanning only when one is possible."""
        if self.possible(text):
            yield from self.regex.finditer(text, pos, len(text) if endpos is None else endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """Return the first match, scanning only when one is possible."""
        if not self.possible(text):
            return None
        return self.regex.search(text, pos, len(text) if endpos is None else endpos)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """Return a match at pos (one position: no scan to skip)."""
        return self.regex.match(text, pos)

    @property
    def pattern(self) -> str:
        """The pattern's source."""
        return self.regex.pattern
