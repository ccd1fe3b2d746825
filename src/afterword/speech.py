"""Words for the ear: a phone number spelled for speech, spoken length, a script's parts.

A voicemail is heard once, at speaking pace (about 150 words a minute), so a number is said
digit by digit in its written groups, and twice, slowly; the listener writes it down.
"""

from __future__ import annotations

import re

WORDS_PER_MINUTE = 150
DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_DIGIT_OR_OH = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
# "Voicemail: Hi ..." or a heading of its own line ("VOICEMAIL", "Voicemail script") above it.
_VOICEMAIL = re.compile(
    r"^[ \t]*Voicemail\b(?:[^:\n]*:|[^:\n]{0,30}(?=\n))[ \t]*\n?[ \t]*(?P<v>.+?)(?=\n[ \t]*\n|\Z)",
    re.I | re.M | re.S,
)


def spoken_number(phone: str) -> str:
    """Spell a phone number digit by digit ("five-five-five, zero-one-three-three")."""
    groups = re.findall(r"\d+", phone)
    words = ["-".join(DIGIT_WORDS[int(d)] for d in g) for g in groups]
    lead = "plus " if phone.strip().startswith("+") else ""
    return lead + ", ".join(words)


def spoken_pattern(phone: str) -> re.Pattern[str]:
    """Match the number said aloud: its digits as words, any pauses between, 'oh' for zero."""
    digits = re.sub(r"\D", "", phone)
    words = [r"(?:zero|oh)" if d == "0" else DIGIT_WORDS[int(d)] for d in digits]
    return re.compile(r"\b" + r"[\s,.;-]+".join(words) + r"\b", re.I)


_WORD = re.compile(r"[A-Za-z0-9][\w'’]*")  # "five-five" is two spoken words


def spoken_seconds(text: str) -> float:
    """Estimate how long the text takes to say at an unhurried pace."""
    return len(_WORD.findall(text)) * 60 / WORDS_PER_MINUTE


def overrun_at(text: str, seconds: float) -> int | None:
    """Return where the first word said after `seconds` starts, or None when it all fits."""
    words = list(_WORD.finditer(text))
    fits = int(seconds * WORDS_PER_MINUTE / 60)
    return words[fits].start() if len(words) > fits else None


def voicemail_span(text: str) -> tuple[int, int] | None:
    """Return where the voicemail's words sit (after its 'Voicemail:' label), or None."""
    m = _VOICEMAIL.search(text)
    return (m.start("v"), m.end("v")) if m else None


def has_digit_words(text: str) -> bool:
    """Say whether the text says at least four digits in a row as words."""
    return (
        re.search(rf"\b{_DIGIT_OR_OH}(?:[\s,.;-]+{_DIGIT_OR_OH}){{3,}}\b", text, re.I) is not None
    )
