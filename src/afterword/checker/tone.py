"""Tone: curated phrase lexicons (tone.yaml), since sentiment scores misread apology."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..models import Kind
from .doc import Doc
from .registry import Hit, lexicon_rule, rule

lexicon_rule(
    "tone.apologetic",
    "error",
    "Apologetic: state the point confidently instead",
    "tone",
    "apologetic",
)
lexicon_rule("tone.desperate", "error", "Sounds desperate", "tone", "desperate")
lexicon_rule("tone.pushy", "warning", "Sounds pushy", "tone", "pushy")
lexicon_rule(
    "tone.casual", "error", "Too casual for a professional letter", "tone", "casual", where="text"
)
lexicon_rule(
    "tone.negative_employer",
    "error",
    "Says something negative about the employer",
    "tone",
    "negative_employer",
    [Kind.DECLINE, Kind.RESIGNATION, Kind.WITHDRAWAL, Kind.INQUIRY, Kind.EXTENSION],
)
lexicon_rule(
    "tone.ultimatum",
    "error",
    "An ultimatum: ask for what you need without a threat",
    "tone",
    "ultimatum",
)
lexicon_rule("tone.defensive", "warning", "Sounds defensive", "tone", "defensive")
lexicon_rule(
    "tone.presumptuous",
    "warning",
    "Presumes the outcome or flatters; keep it modest and sincere",
    "tone",
    "presumptuous",
    [k for k in Kind if k not in (Kind.ACCEPTANCE, Kind.RESIGNATION)],
)
lexicon_rule(
    "tone.self_deprecating",
    "warning",
    "Runs yourself down; state your strengths instead",
    "tone",
    "self_deprecating",
)
lexicon_rule(
    "tone.grievance",
    "warning",
    "A grievance as the reason; give a neutral or positive reason",
    "tone",
    "grievance",
)
lexicon_rule("tone.cliche", "suggestion", "A cliché; say it plainly", "tone", "cliche")
lexicon_rule("tone.ai_tell", "suggestion", "Reads like machine-written filler", "tone", "ai_tell")


@rule("tone.exclamation", "warning", "Too many exclamation marks: one at most")
def _exclamation(doc: Doc) -> Iterator[Hit]:
    marks = list(re.finditer(r"!+", doc.body.text))
    base = doc.body.start
    for m in marks:
        if len(m.group()) > 1 or (len(marks) > 1 and m is not marks[0]):
            yield Hit(base + m.start(), base + m.end())
