"""Facts read from a letter alone, for checking a paste with no facts file.

What a letter tells about itself: whom the greeting names, who signs it, and what kind of
letter it is. Everything else is unknown, and the rules that need it are skipped (and say so).
"""

from __future__ import annotations

import datetime as dt
import re

from ..extract import HONORIFIC_WORDS, honorific_form
from ..models import Facts, Kind
from ..names import looks_like_name
from .doc import GREETING_RE, GREETING_WORDS, tail_sign_off
from .lexicon import phrases_regex

UNKNOWN = "(not given)"
# Words that say which letter this is, strongest first; the first kind with a hit wins.
_KIND_CUES: list[tuple[Kind, str]] = [
    (Kind.RESIGNATION, r"\bresign|\bresignation\b|\bnotice of my\b"),
    (
        Kind.WITHDRAWAL,
        r"\bwithdraw(?:ing|n)?\b.{0,40}\b(?:application|candidacy|consideration|name|running)\b"
        r"|\bremove me from (?:consideration|the process)\b"
        r"|\bno longer (?:wish|want|like) to be considered\b",
    ),
    (
        Kind.DECLINE,
        r"\b(?:decline|turn down|not (?:to |be )?accept(?:ing)?|(?:can[’']t|cannot) accept)\b"
        r".{0,40}\boffer\b",
    ),
    (
        Kind.ACCEPTANCE,
        r"\b(?:accept|accepting)\b.{0,40}\boffer\b"
        r"|\b(?:pleased|happy|delighted|glad|thrilled|excited) to (?:formally )?accept\b",
    ),
    (Kind.EXTENSION, r"\b(?:more time|extension|additional time)\b"),
    (Kind.INQUIRY, r"\b(?:status|any (?:news|update))\b"),
    (Kind.REFERENCE_UPDATE, r"\breference\b"),
    (Kind.NETWORKING_THANKS, r"\b(?:introduc|connect(?:ing|ed) me)\w*"),
    (
        Kind.STAY_IN_TOUCH,
        r"\b(?:stay|keep) in touch\b|\bkeep me in mind\b"
        r"|\bif (?:a|another) (?:similar |suitable )?(?:role|position|post|opening|vacancy) "
        r"(?:opens|comes up|becomes available)",
    ),
]
_GREETED = re.compile(
    rf"^(?:{GREETING_WORDS})\s+"
    rf"(?:(?P<h>{HONORIFIC_WORDS})\.?\s+)?"
    r"(?P<n>.+?)[\s,:;!.]*$",
    re.I,
)


def guess_kind(text: str) -> Kind:
    """Return the kind a letter reads as (a thank-you note when nothing else fits)."""
    return cued_kind(text) or Kind.THANK_YOU


def cued_kind(text: str) -> Kind | None:
    """Return the kind the letter's own words point to, or None when none does."""
    for kind, cue in _KIND_CUES:
        if re.search(cue, text, re.I | re.S):
            return kind
    return None


def _greeted(text: str) -> dict[str, str]:
    m = GREETING_RE.search(text)
    g = _GREETED.match(m.group("g").strip()) if m else None
    if not g or not looks_like_name(g.group("n")):
        return {"name": UNKNOWN}
    out = {"name": g.group("n").strip()}
    if g.group("h"):
        out["honorific"] = honorific_form(g.group("h"))
    if len(out["name"].split()) == 1:
        out["salutation_form"] = " ".join(filter(None, [out.get("honorific"), out["name"]]))
    return out


def _signer(text: str) -> str:
    closings = list(phrases_regex("structure", "closings", anchored=True).finditer(text))
    closing = closings[-1] if closings else None
    tail = text[closing.end() :] if closing else text[-200:]
    for raw in tail.splitlines():
        if raw.strip().endswith(",") or GREETING_RE.match(raw):
            continue  # a greeting or a sign-off line, never the signer
        line = _bare(raw)
        if line and looks_like_name(line):
            return line
    inline = phrases_regex("structure", "closings_inline")
    for line in reversed(text.strip().splitlines()[-4:]):  # "Sincerely, Jane Doe"
        m = inline.match(line.strip())
        rest = line.strip()[m.end() :].strip(" ,") if m else ""
        if rest and looks_like_name(rest):
            return rest
    signed = tail_sign_off(text)  # "... Have a great week! - Bartek"
    return signed.group("n") if signed else UNKNOWN


def _bare(line: str) -> str:
    """Return a signature line's name without what follows it: pronouns or a name one goes by
    in brackets, letters after a comma or a bar ("Marisol Ortega, RN (she/her)")."""
    line = re.sub(r"\s*\([^()]{0,30}\)", "", line)
    return re.split(r"\s*[,|]\s*", line.strip(), maxsplit=1)[0].strip()


def infer_facts(text: str, kind: Kind | str | None = None) -> Facts:
    """Build the facts a letter states about itself: its reader, its signer and its kind."""
    return Facts.model_validate(
        {
            "kind": Kind(kind) if kind else guess_kind(text),
            "sent_on": dt.date.today(),
            "candidate": {"name": _signer(text)},
            "company": UNKNOWN,
            "recipients": [_greeted(text)],
        }
    )
