"""Read a request to change the notes ("a bit less warm", "don't mention the AWS
certification", "mention my Dutch to Priya") into new draft options.

Tone is a scale, formal < neutral < warm; "more"/"less" move along it, "much" or "a lot"
moves to the end, and words like "too casual" or "not so stiff" name the direction too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .drafting.phrasing import covers
from .models import DraftOptions

_TONES = ("formal", "neutral", "warm")
_WARM = r"warm(?:er|ly)?|friendl(?:y|ier)|personal|casual|relaxed|informal|chatt(?:y|ier)"
_FORMAL = r"formal|professional|stiff(?:er)?|businesslike|polished"
_STRONG = re.compile(r"\b(?:much|a lot|way|far|very|really|extremely|totally)\b", re.I)
_NEGATE_MENTION = re.compile(
    r"\b(?:don'?t|do not|don’t|never|stop|no need to|please don'?t)\s+(?:mention|include|"
    r"bring up|talk about|say anything about)\s+(?P<x>.+)"
    r"|\b(?:leave out|drop|remove|take out|skip|omit|cut)\s+(?:the\s+(?:part|bit|line)\s+"
    r"about\s+|any\s+mention\s+of\s+|the\s+mention\s+of\s+)?(?P<y>.+)"
    r"|\bwithout\s+(?:mentioning\s+)?(?P<z>.+)",
    re.I,
)
_MENTION = re.compile(r"\b(?:also\s+)?(?:mention|include|add that)\s+(?P<x>.+)", re.I)
_EVERY = re.compile(
    r"\s*(?:,\s*)?\b(?:in|to|for)\s+(?:every|each|all(?: the)?|both)\s+(?:notes?|letters?|"
    r"of them|interviewers?|people)\b|\s*\bto everyone\b|\s*\bin all of them\b",
    re.I,
)


class RefineError(ValueError):
    """The request names no change the composer can make."""


def _target(text: str, names: Sequence[str]) -> tuple[str, str | None]:
    """Split "X to Priya" / "X in Tom's note" into (X, the recipient's full name)."""
    if _EVERY.search(text):
        return _EVERY.sub("", text).strip(" ,."), "*"
    for name in names:
        forms = sorted({name, name.split()[0], name.split()[-1]}, key=len, reverse=True)
        alts = "|".join(re.escape(f) for f in forms)
        m = re.search(
            rf"\s*,?\s*\b(?:to|for|in)\s+(?:the\s+note\s+to\s+)?(?:{alts})(?:'s|’s)?"
            rf"(?:\s+note|\s+letter)?\s*\.?\s*$",
            text,
        )
        if m:
            return text[: m.start()].strip(" ,."), name
    return text.strip(" ,."), None


def _tone_step(tone: str, toward: str, strong: bool) -> str:
    at = _TONES.index(tone)
    end = 0 if toward == "formal" else 2
    if strong:
        return _TONES[end]
    return _TONES[at + (1 if end > at else -1 if end < at else 0)]


def _tone_direction(low: str) -> str | None:
    """Return 'formal' or 'warm': the way the request moves the tone, or None."""
    for word, other in ((_WARM, "formal"), (_FORMAL, "warm")):
        toward = "warm" if other == "formal" else "formal"
        if re.search(rf"\b(?:less|not so|not as|too|a bit too|overly)\s+(?:{word})\b", low):
            return other
        if re.search(rf"\b(?:{word})\b", low):
            return toward
    return None


def _length(low: str) -> str | None:
    if re.search(r"\b(?:less short|too short|longer|more detail\w*|expand|fuller)\b", low):
        return "normal"
    if re.search(r"\b(?:short(?:er)?|brief(?:er)?|concise|less long|too long|trim|tighter)\b", low):
        return "short"
    return None


def parse_refinement(
    text: str, options: DraftOptions, mentions: list[str], names: Sequence[str] = ()
) -> tuple[DraftOptions, list[str], str]:
    """Read one request; return the new options, the mentions and a reply saying what changed."""
    changes: list[str] = []
    said: list[str] = []  # what was said about mentions, reported last
    update: dict[str, object] = {}
    clean = text.strip().rstrip(".!")
    negated = _NEGATE_MENTION.search(clean)
    asked = None if negated else _MENTION.search(clean)
    if negated:
        thing = next(g for g in negated.group("x", "y", "z") if g).strip(" .,")
        mentions = [m for m in mentions if not covers(m, thing)]
        update["avoid"] = [*options.avoid, thing]
        said.append(f'leaving out "{thing}"')
        clean = clean[: negated.start()]
    elif asked:
        thing, target = _target(asked.group("x"), names)
        mentions = [*mentions, thing]
        update["avoid"] = [a for a in options.avoid if not covers(thing, a)]
        if target:
            update["mention_to"] = {**options.mention_to, thing: target}
        where = {None: "", "*": " in every note"}.get(target, f" in the note to {target}")
        said.append(f'mentioning "{thing}"{where}')
        clean = clean[: asked.start()]
    low = clean.lower()
    length = _length(low)
    if length:
        update["length"] = length
        changes.append("shorter" if length == "short" else "longer")
    toward = _tone_direction(low)
    if toward:
        tone = _tone_step(options.tone, toward, bool(_STRONG.search(low)))
        update["tone"] = tone
        named = {"formal": "more formal", "warm": "warmer", "neutral": "a neutral tone"}
        changes.append(named[tone] if tone != options.tone else f"the tone is already {tone}")
    changes += said
    if not changes:
        raise RefineError(
            "I can make the notes shorter or longer, more or less formal, warmer or less "
            "warm, mention something ('mention my two semesters in Belgium', add 'to Priya' "
            "for one note or 'in every note'), or leave something out ('don't mention …')"
        )
    return options.model_copy(update=update), mentions, "Redrafted: " + ", ".join(changes) + "."
