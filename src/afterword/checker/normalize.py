"""Text as a reader sees it, before any comparison with the facts.

Pasted letters carry characters that look like others: full-width digits (`$８５,０００`),
Cyrillic letters inside Latin words (`Lоpez`), invisible joiners and direction marks, Windows
line ends. `normalize` folds them (NFKC, look-alike letters in mixed-script words, invisible
characters dropped) and keeps a map back to the pasted text, so every finding still points at
what the person wrote.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .unwrap import html_text, looks_like_html, without_history

# Cyrillic and Greek letters that render like Latin ones (Unicode's confusables, the common set).
_LOOKALIKE = dict(
    zip(
        "АВСЕНІЈКМОРЅТХУаесіјорѕхуԁһӏɑΑΒΕΖΗΙΚΜΝΟΡΤΥΧοινρτυχ",
        "ABCEHIJKMOPSTXYaecijopsxydhlaABEZHIKMNOPTYXoivptux",
        strict=True,
    )
)
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Normalized:
    """Folded text and, for each of its characters, the offset of the pasted character."""

    text: str
    offsets: Sequence[int]
    raw_length: int
    html: bool = False  # the paste was an HTML body, read as the text it shows
    quoted: bool = False  # earlier messages quoted in the paste were set aside

    def to_raw(self, start: int | None, end: int | None) -> tuple[int | None, int | None]:
        """Map a span of the folded text back to the pasted text."""
        if start is None or end is None:
            return start, end
        n = len(self.offsets)
        raw_start = self.offsets[start] if start < n else self.raw_length
        raw_end = self.offsets[end - 1] + 1 if 0 < end <= n else raw_start
        return raw_start, max(raw_start, raw_end)


@lru_cache(maxsize=4096)
def _script(ch: str) -> str | None:
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    for script in ("LATIN", "CYRILLIC", "GREEK"):
        if name.startswith(script):
            return script
    return "OTHER"


def mixed_script_words(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield words that mix Latin letters with Cyrillic or Greek look-alikes."""
    for m in _WORD.finditer(text):
        word = m.group()
        if word.isascii():
            continue
        scripts = {_script(c) for c in word} - {None, "OTHER"}
        if "LATIN" in scripts and len(scripts) > 1:
            yield m.start(), m.end(), word


def _fold_word(word: str) -> str:
    scripts = {_script(c) for c in word} - {None, "OTHER"}
    if "LATIN" in scripts and len(scripts) > 1:
        return "".join(_LOOKALIKE.get(c, c) for c in word)
    return word


_SPECIAL = re.compile(r"[^\x00-\x0c\x0e-\x7f]+")


@lru_cache(maxsize=4)
def normalize(raw: str) -> Normalized:
    """Return what a reader sees of a paste (see unwrap.py), folded (NFKC, look-alikes in
    mixed words, invisibles dropped), with each character's offset in the paste."""
    text, offsets = raw, None
    is_html = "<" in raw and looks_like_html(raw)
    if is_html:
        shown = html_text(raw)
        text, offsets = shown.text, shown.offsets
    cut = without_history(text)
    if cut is not None:
        text, kept = cut
        offsets = [offsets[i] for i in kept] if offsets is not None else kept
    folded = _fold(text)
    if offsets is None:
        return folded
    return Normalized(
        folded.text,
        array("q", (offsets[i] for i in folded.offsets)),
        len(raw),
        html=is_html,
        quoted=cut is not None or (is_html and shown.quoted),
    )


def _fold(raw: str) -> Normalized:
    """Fold look-alike and invisible characters, keeping offsets."""
    if raw.isascii() and "\r" not in raw:
        return Normalized(raw, range(len(raw)), len(raw))
    out: list[str] = []
    offsets = array("q")
    last = 0
    for m in _SPECIAL.finditer(raw):  # only non-ASCII runs and carriage returns are touched
        out.append(raw[last : m.start()])
        offsets.extend(range(last, m.start()))
        for i in range(m.start(), m.end()):
            ch = raw[i]
            if ch == "\r" or unicodedata.category(ch) == "Cf":
                continue  # Windows line ends, zero-width and direction marks, soft hyphens
            if unicodedata.combining(ch) and out and out[-1]:  # "e" + marks, as macOS pastes
                merged = unicodedata.normalize("NFC", out[-1][-1] + ch)
                if len(merged) == 1:
                    out[-1] = out[-1][:-1] + merged
                    continue
            for piece in unicodedata.normalize("NFKC", ch):
                out.append(piece)
                offsets.append(i)
        last = m.end()
    out.append(raw[last:])
    offsets.extend(range(last, len(raw)))
    text = "".join(out)
    if not text.isascii():
        text = _WORD.sub(lambda m: _fold_word(m.group()), text)
    return Normalized(text, offsets, len(raw))
