"""Make a pasted offer safe to read: the text a person sees, and nothing else, is a source.

Invisible and direction-changing characters are removed, HTML is reduced to what a browser
would show, text addressed to an AI is kept on screen but masked from extraction, and words
that mix alphabets (a Cyrillic "А" in "АBC Corp") are found so no field quietly takes them.
Every step is one pass over the text, so a 100 KB paste of any shape reads in linear time.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from .html_text import html_to_text, looks_like_html

# Format characters (Cf) that change nothing a reader sees or reorder what they see: zero-width
# marks, bidi embeddings and isolates, soft hyphens, fillers, tags; and control characters.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)
_LEXICON = yaml.safe_load((Path(__file__).parent.parent / "lexicons" / "offers.yaml").read_text())
_STRONG = re.compile("|".join(_LEXICON["instructions"]["strong"].values()), re.I | re.M)
_WEAK = re.compile("|".join(_LEXICON["instructions"]["weak"].values()), re.I | re.M)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")
_WORD = re.compile(r"\w+")
# Scripts that are written together in one word (Japanese kana with kanji, Korean with hanja).
_FAMILY = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK", "KATAKANA-HIRAGANA": "CJK"}


@dataclass(frozen=True)
class Region:
    """A part of the text, with what it is."""

    start: int
    end: int


def strip_invisible(text: str) -> tuple[str, int]:
    """Remove characters a reader cannot see; return the text and how many were removed."""
    cleaned, count = _INVISIBLE.subn("", text)
    return cleaned, count


def normalise(text: str) -> tuple[str, list[str]]:
    """Return the text a person reads in the paste, with a warning for each thing removed."""
    warnings: list[str] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    text, hidden = strip_invisible(text)
    if looks_like_html(text):
        text, dropped = html_to_text(text)
        warnings.append(
            "the offer was pasted as HTML: only the text a browser shows was read"
            + (
                f"; {dropped} hidden part(s) (comments, scripts, hidden or invisible text) "
                "were dropped"
                if dropped
                else ""
            )
        )
        text, more = strip_invisible(text)
        hidden += more
    if hidden:
        warnings.append(
            f"the offer contained {hidden} hidden or direction-changing character(s); "
            "they were removed"
        )
    # NFKC folds look-alike forms (fullwidth digits, mathematical letters) into plain ones.
    return unicodedata.normalize("NFKC", text), warnings


def instruction_regions(text: str) -> list[Region]:
    """Find the text addressed to an AI or a program: never a source of facts."""
    sentence_starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    paragraph_ends = [m.start() for m in _PARAGRAPH_END.finditer(text)] + [len(text)]
    line_ends = [m.start() for m in re.finditer("\n", text)] + [len(text)]
    regions: list[Region] = []
    for pattern, ends in ((_STRONG, paragraph_ends), (_WEAK, line_ends)):
        for m in pattern.finditer(text):
            at = m.start() + len(m.group()) - len(m.group().lstrip(".!?\n \t"))
            start = sentence_starts[bisect.bisect_right(sentence_starts, at) - 1]
            start = min(start, at)
            end = ends[bisect.bisect_left(ends, m.end())]
            if pattern is _WEAK:  # a weak marker hides its own sentence only
                nxt = bisect.bisect_right(sentence_starts, m.end() - 1)
                if nxt < len(sentence_starts):
                    end = min(end, sentence_starts[nxt])
            regions.append(Region(start, end))
    return _merge(regions)


def _merge(regions: list[Region]) -> list[Region]:
    out: list[Region] = []
    for r in sorted(regions, key=lambda r: r.start):
        if out and r.start <= out[-1].end:
            r = Region(out[-1].start, max(out[-1].end, r.end))
            out.pop()
        out.append(r)
    return out


def mask(text: str, regions: list[Region]) -> str:
    """Blank out regions (keeping every offset and line break) so no rule reads them."""
    parts: list[str] = []
    at = 0
    for r in regions:
        parts.append(text[at : r.start])
        parts.append(re.sub(r"[^\n]", " ", text[r.start : r.end]))
        at = r.end
    parts.append(text[at:])
    return "".join(parts)


def mixed_script_words(text: str) -> list[tuple[Region, str, list[str]]]:
    """Find words whose letters come from more than one alphabet: each, the word, the alphabets."""
    found: list[tuple[Region, str, list[str]]] = []
    for m in _WORD.finditer(text):
        if m.group().isascii():
            continue
        scripts = sorted({s for ch in m.group() if (s := _script(ch))})
        if len(scripts) > 1:
            found.append((Region(m.start(), m.end()), m.group(), scripts))
    return found


def _script(ch: str) -> str | None:
    if not ch.isalpha():
        return None
    if ch.isascii():
        return "Latin"
    name = unicodedata.name(ch, "")
    word = name.split(" ", 1)[0] if name else ""
    if word in ("MODIFIER", "COMBINING", ""):
        return None
    if word in ("CJK", "IDEOGRAPHIC") or word in _FAMILY:
        return "CJK"
    return word.capitalize()


def quote(text: str, limit: int = 70) -> str:
    """Return a short quotation of a passage for a warning, on one line."""
    flat = " ".join(text[: limit * 4].split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
