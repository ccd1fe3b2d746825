"""A letter split into its parts (subject, salutation, body, closing, signature), with offsets."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cached_property

from ..extract import HONORIFIC_WORDS
from ..kinds import KindSpec, spec_for
from ..models import Facts, Kind, Recipient
from .lexicon import phrases_regex

_SUBJECT = re.compile(r"\A[ \t]*Subject:[ \t]*(?P<s>[^\n]*)\n?", re.I)
_GREETING = re.compile(
    r"^[ \t]*(?:Dear|Hello|Hi|Hey|Good (?:morning|afternoon|evening)|Greetings|To)\b[^\n]*$",
    re.M | re.I,
)
# A sentence ends at . ! ? followed by space and a capital, unless the dot closes a title.
_ABBREV = re.compile(rf"(?:\b(?:{HONORIFIC_WORDS}|St|Jr|Sr|Inc|Ltd|Co|vs|etc|e\.g|i\.e|No)\.)$")
_SENT_END = re.compile(r"[.!?]+[\"')\]]*(?=\s+|$)")


@dataclass(frozen=True)
class Span:
    """A piece of the letter and where it sits."""

    start: int
    end: int
    text: str


@dataclass
class Doc:
    """The letter being checked and everything a rule needs to know about it."""

    text: str
    facts: Facts
    kind: Kind
    subject: str | None = None
    recipient_index: int | None = None
    subject_in_text: bool = False

    def __post_init__(self) -> None:
        match = _SUBJECT.match(self.text)
        if match:
            self.subject_in_text = True
            if self.subject is None:
                self.subject = match.group("s").strip()

    @property
    def spec(self) -> KindSpec:
        """Return the kind's spec."""
        return spec_for(self.kind)

    @cached_property
    def salutation(self) -> Span | None:
        """Return the greeting line, when there is one near the top."""
        match = _GREETING.search(self.text)
        if not match:
            return None
        return Span(match.start(), match.end(), match.group().strip())

    @cached_property
    def closing(self) -> Span | None:
        """Return the sign-off line (the last one found), when there is one."""
        pattern = phrases_regex("structure", "closings", anchored=True)
        found = None
        for m in pattern.finditer(self.text):
            found = m
        if found:
            return Span(found.start(), found.end(), found.group().strip())
        return self._free_closing()

    def _free_closing(self) -> Span | None:
        """Find a sign-off the lexicon lacks: a short line ending in a comma, just above
        the candidate's name ("With thanks and best wishes,")."""
        name = self.facts.candidate.name.lower()
        lines = list(re.finditer(r"^[^\n]*$", self.text, re.M))
        for line, nxt in itertools.pairwise(lines):
            text = line.group().strip()
            if (
                text.endswith(",")
                and 1 <= len(text.split()) <= 6
                and name in nxt.group().lower()
                and not _GREETING.match(text)
            ):
                return Span(line.start(), line.end(), text)
        return None

    @cached_property
    def body(self) -> Span:
        """Return the text between the salutation and the sign-off."""
        start = self.salutation.end if self.salutation else 0
        if self.subject_in_text and not self.salutation:
            start = self.text.find("\n") + 1
        end = self.closing.start if self.closing and self.closing.start > start else len(self.text)
        return Span(start, end, self.text[start:end])

    @cached_property
    def signature(self) -> Span:
        """Return the lines after the sign-off (or the last three lines when there is none)."""
        if self.closing:
            start = self.closing.end
        else:
            tail = self.text.rstrip().rsplit("\n", 3)
            start = len(self.text.rstrip()) - len("\n".join(tail[1:])) if len(tail) > 1 else 0
        return Span(start, len(self.text), self.text[start:])

    @cached_property
    def sentences(self) -> list[Span]:
        """Split the body into sentences with offsets into the letter."""
        out: list[Span] = []
        base = self.body.start
        for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", self.body.text):
            pstart = base + para.start()
            text = para.group()
            last = 0
            for end in _SENT_END.finditer(text):
                if _ABBREV.search(text, max(0, end.end() - 12), end.end()):
                    continue
                out.extend(_span(text, last, end.end(), pstart))
                last = end.end()
            out.extend(_span(text, last, len(text), pstart))
        return out

    @cached_property
    def body_words(self) -> int:
        """Count the words in the body."""
        return len(re.findall(r"[A-Za-z0-9][\w'’-]*", self.body.text))

    @cached_property
    def recipient(self) -> Recipient | None:
        """Return the recipient this letter is to: the given one, or the one the greeting names."""
        recipients = self.facts.recipients
        if self.recipient_index is not None:
            return recipients[self.recipient_index]
        if len(recipients) == 1:
            return recipients[0]
        greeting = self.salutation.text.lower() if self.salutation else ""
        for r in recipients:
            if r.last_name.lower() in greeting or r.first_name.lower() in greeting:
                return r
        return None


def _span(text: str, start: int, end: int, base: int) -> list[Span]:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return []
    lead = len(piece) - len(piece.lstrip())
    s = base + start + lead
    return [Span(s, s + len(stripped), stripped)]
