"""Phrasing for the later letters: what was promised and what a helper did, placed by form.

A user types "a writing sample", "send the Q3 report" or "I'd send my references"; a helper
"introduced me to Priya", "introducing me to Priya" or "the mock interview". Each is put in
its sentence by its form, so no frame doubles a verb or breaks the grammar.
"""

from __future__ import annotations

import re

from ..models import Channel

_SEND = re.compile(
    r"^(?:i(?:\s+(?:will|would|promised\s+to)|['’](?:ll|d))\s+|to\s+)?"
    r"(?:send|share|provide|forward|email|mail)\s+(?:you\s+|over\s+)?",
    re.I,
)
_LOWER_FIRST = frozenset("a an the my our your you introducing".split())


def _lower_lead(text: str) -> str:
    first = text.split()[0]
    common = first.lower() in _LOWER_FIRST or first.lower().endswith(("ing", "ed"))
    acronym = first.isupper() and len(first) > 1  # "CV review", never "cV review"
    return text[0].lower() + text[1:] if common and not acronym else text


def promised_item(what: str) -> str:
    """Return the thing promised, without a verb the user typed before it ("send ...")."""
    return _lower_lead(_SEND.sub("", what.strip().rstrip(".")))


def promised(what: str, channel: str) -> str:
    """Say 'I am attaching X' (or enclosing, by post) for what was promised."""
    item = promised_item(what)
    verb = "attaching" if channel == Channel.EMAIL.value else "enclosing"
    return f"I am {verb} {item}"


def thanks_for(helped: str) -> str:
    """Thank someone for what they did, whether typed as a deed, an -ing phrase or a noun."""
    deed = _lower_lead(helped.strip().rstrip("."))
    first = deed.split()[0].lower()
    if first == "you":
        return f"Thank you for the way {deed}."
    if first.endswith("ed") and first not in {"need", "speed", "seed"}:
        return f"Thank you for the way you {deed}."
    return f"Thank you for {deed}."
