"""A letter split into its parts (subject, salutation, body, closing, signature), with offsets."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from ..extract import HONORIFIC_WORDS
from ..kinds import KindSpec, spec_for
from ..models import Facts, Kind, Recipient
from ..names import NAME_WORD, fold, looks_like_name, parse_name, untitled
from .lexicon import phrases_regex
from .normalize import Normalized, normalize

# Header lines of a pasted email, and a subject line under a posted letter's inside address.
_HEADER = re.compile(
    r"^[ \t]*(?P<key>From|To|Cc|Bcc|Date|Sent|Subject|Re|Reply-To)[ \t]*:[ \t]*(?P<v>[^\n]*)$",
    re.M | re.I,
)
HEADER_RE = _HEADER
GREETING_WORDS = (
    r"Dear|Hello|Hi|Hey|Good (?:morning|afternoon|evening|day)|Greetings|To whom it may concern|"
    # greetings from home, common in English letters too ("Hej Maja," "Hola Ana,")
    r"Hej|Hola|Hallo|Bonjour|Ciao|Ol[aá]|Oi|Kia ora|Namaste|Salaam|Salut|Merhaba|Moin|Hoi"
)
_SIGN_OFF_WORD = re.compile(r"\b(?:regards|wishes|thanks|gratitude|sincerely|respectfully)\b", re.I)
# A name alone, perhaps with its title, then a comma: "Robert,", "Mr. Jablonski,".
BARE_NAME = rf"(?:(?:{HONORIFIC_WORDS})\.?[ \t]+)?[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?,"
# A name alone on the letter's first line, as a colleague opens a note (not a sign-off word).
_BARE_GREETING = re.compile(
    r"[ \t]*(?P<g>(?!(?:Sincerely|Best|Thanks|Cheers|Regards|Respectfully|Cordially|Warmly|Yours|"
    r"Gratefully|Fondly|Kind|Kindest|Warm|Warmest|Many|With|All|Love|Thank|Faithfully|Truly)\b)"
    rf"{BARE_NAME})[ \t]*\n"
)
# A greeting: a greeting word at the start of a line, up to the first comma or colon (a note
# may run on after it: "Hi Tom, thanks for ..."), or a whole short line.
GREETING_RE = re.compile(
    rf"^[ \t]*(?P<g>(?:{GREETING_WORDS})\b(?:[^\n,:;!—–]{{0,60}}?(?:[,:;!—–]|[ \t]-(?=[ \t]))"
    r"|[^\n,:;!—–]{0,60}$))",
    re.M | re.I,
)
# A sentence ends at . ! ? followed by space, unless the dot closes a title or an abbreviation.
_ABBREV = re.compile(
    rf"(?:\b(?:{HONORIFIC_WORDS}|St|Jr|Sr|Inc|Ltd|Co|Corp|LLC|Bros|Mt|Dept|vs|etc|e\.g|i\.e|No|"
    r"approx|[A-Z])\.)$"
)
_SENT_END = re.compile(r"[.!?]+[\"')\]]*(?=\s+|$)")
# A company's legal form ends the sentence when a sentence opener follows: "... Brightwave
# Media, Inc. I enjoyed ..." is two sentences; "Acme Inc. teams" is one.
_LEGAL_END = re.compile(r"\b(?:Inc|Ltd|Co|Corp|LLC)\.$")
_OPENER = re.compile(
    r"\s+(?:I|We|My|Our|The|This|It|You|Your|Thank|Thanks|Please|As|In|If|Since|After|Again)\b"
)


@cache
def _tail() -> re.Pattern[str]:
    inline = phrases_regex("structure", "closings_inline").pattern
    return re.compile(
        rf"(?:(?<=[.!?)])|^)[ \t]*(?P<c>{inline}|[-–—~]{{1,2}})[ \t]*"
        rf"(?P<n>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,3}})[ \t]*[.!]?\s*\Z",
        re.M,
    )


def tail_sign_off(text: str) -> re.Match[str] | None:
    """Find a sign-off and a name ending a message's last paragraph, as a one-paragraph note
    on LinkedIn ends: "... Have a great week! - Bartek", "... All the best, Klaus"."""
    last = text.rstrip()[-160:]
    found = _tail().search(text, len(text.rstrip()) - len(last))
    if found and looks_like_name(found.group("n")) and found.group("n")[0].isupper():
        return found
    return None


@dataclass(frozen=True)
class Span:
    """A piece of the letter and where it sits."""

    start: int
    end: int
    text: str


@dataclass
class Doc:
    """The letter being checked and everything a rule needs to know about it.

    `text` is the letter as a reader sees it (see normalize.py); `raw` is what was pasted.
    `inferred` is True when the facts were read from the letter itself (no facts given).
    """

    raw: str
    facts: Facts
    kind: Kind
    subject: str | None = None
    recipient_index: int | None = None
    inferred: bool = False
    subject_in_text: bool = False
    text: str = field(init=False)
    norm: Normalized = field(init=False)
    # Work started for a rule before the rules run (Harper's lints, on another thread).
    background: dict[str, Any] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.norm = normalize(self.raw)
        self.text = self.norm.text
        for m in _HEADER.finditer(self.text, 0, self.head_end):
            if m.group("key").lower() in ("subject", "re"):
                self.subject_in_text = True
                if self.subject is None:
                    self.subject = m.group("v").strip()
                break

    @property
    def spec(self) -> KindSpec:
        """Return the kind's spec."""
        return spec_for(self.kind)

    @property
    def suggested_subject(self) -> str:
        """Return the kind's usual subject line for these facts."""
        position = self.facts.position or "the role"
        return self.spec.subject.format(position=position, company=self.facts.company)

    @cached_property
    def greetings(self) -> list[Span]:
        """Return every greeting in the letter (a letter should have one)."""
        found = [
            Span(m.start("g"), m.end("g"), m.group("g").strip())
            for m in GREETING_RE.finditer(self.text)
            if not _HEADER.match(self.text, m.start(), m.end())
        ]
        if found:
            return found
        top = self._header_end()  # no greeting word: a name alone on the first line may be one
        while top < len(self.text) and self.text[top] in " \t\n":
            top += 1
        bare = _BARE_GREETING.match(self.text, top)
        if bare and self.text[bare.end() :].strip():
            return [Span(bare.start("g"), bare.end("g"), bare.group("g"))]
        return []

    @cached_property
    def salutation(self) -> Span | None:
        """Return the first greeting, when there is one above the sign-off."""
        first = self.greetings[0] if self.greetings else None
        closing = self._closing_line()
        if first and closing and first.start >= closing.start:
            return None
        return first

    @cached_property
    def head_end(self) -> int:
        """Return where the letter's head (email header, addresses, date) ends."""
        first = next(iter(GREETING_RE.finditer(self.text)), None)
        if first:
            return first.start("g")
        return self.greetings[0].start if self.greetings else self._header_end()

    def _header_end(self) -> int:
        """Return where the email header lines at the top (Subject:, To:) end."""
        end = 0
        for m in _HEADER.finditer(self.text):
            if self.text[end : m.start()].strip():
                break
            end = m.end()
        return end

    @cached_property
    def posted(self) -> bool:
        """Say whether the letter has a posted letter's head (a date or an address block)."""
        head = self.text[: self.head_end]
        if any(m.group("key").lower() != "re" for m in _HEADER.finditer(head)):
            return False  # an email's header; a "Re:" line stands in posted letters too
        lines = [x for x in head.splitlines() if x.strip() and not _HEADER.match(x)]
        return len(lines) >= 2

    def _closing_line(self) -> Span | None:
        pattern = phrases_regex("structure", "closings", anchored=True)
        found = None
        for m in pattern.finditer(self.text):
            found = m
        if found:
            return Span(found.start(), found.end(), found.group().strip())
        return self._free_closing()

    @cached_property
    def closing(self) -> Span | None:
        """Return the sign-off line (the last one found), when there is one."""
        return self._closing_line()

    def _free_closing(self) -> Span | None:
        """Find a sign-off the lexicon lacks: a short line ending in a comma, just above
        the candidate's name ("With thanks and best wishes,"), blank lines between allowed;
        or a sign-off and the name on one line ("Sincerely, Jane Doe")."""
        name = fold_name(untitled(self.facts.candidate.name))  # "Mx. Robin Hale" signs "Robin Hale"
        given = fold_name(parse_name(untitled(self.facts.candidate.name)).given)
        lines = [m for m in re.finditer(r"^[^\n]*$", self.text, re.M) if m.group().strip()]
        for line, nxt in itertools.pairwise(lines):
            text = line.group().strip()
            signed = fold_name(nxt.group())
            if (
                text.endswith((",", "!"))  # "Thanks again, and see you in January!"
                # "Wishing you a good end to the year,"; longer with a sign-off's words ("With my
                # renewed thanks for your confidence, and with my best regards,")
                and 1 <= len(text.split()) <= (20 if _SIGN_OFF_WORD.search(text) else 10)
                and (name in signed or signed == given)
                and not GREETING_RE.match(text)
            ):
                return Span(line.start(), line.end(), text)
        one_line = phrases_regex("structure", "closings_inline")
        for line in reversed(lines[-4:]):
            m = one_line.match(line.group().strip())
            if m and name in fold_name(line.group()):
                start = line.start() + len(line.group()) - len(line.group().lstrip())
                return Span(start, start + m.end(), m.group())
        tail = tail_sign_off(self.text)
        if tail and (self.inferred or fold_name(tail.group("n")) in (name, given)):
            return Span(tail.start("c"), tail.end("c"), tail.group("c"))
        return None

    @cached_property
    def body(self) -> Span:
        """Return the text between the salutation and the sign-off."""
        start = self.salutation.end if self.salutation else self.head_end
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
                if _ABBREV.search(text, max(0, end.end() - 12), end.end()) and not (
                    _LEGAL_END.search(text, max(0, end.end() - 6), end.end())
                    and _OPENER.match(text, end.end())
                ):
                    continue
                out.extend(_span(text, last, end.end(), pstart))
                last = end.end()
            out.extend(_span(text, last, len(text), pstart))
        return out

    def sentence_at(self, at: int) -> str:
        """Return the body's sentence holding this offset (empty outside the body)."""
        return next((s.text for s in self.sentences if s.start <= at < s.end), "")

    @cached_property
    def body_words(self) -> int:
        """Count the words in the body."""
        return len(re.findall(r"[^\W_][\w'’-]*", self.body.text))

    @cached_property
    def recipient(self) -> Recipient | None:
        """Return the recipient this letter is to: the given one, or the one the greeting names."""
        recipients = self.facts.recipients
        if self.recipient_index is not None:
            return recipients[self.recipient_index]
        if len(recipients) == 1:
            return recipients[0]
        greeting = fold_name(self.salutation.text) if self.salutation else ""
        for r in recipients:
            if fold_name(r.last_name) in greeting or fold_name(r.first_name) in greeting:
                return r
        return None


def fold_name(text: str) -> str:
    """Return text folded for name comparison: accents off, lower case, one space."""
    return " ".join(fold(text).lower().split())


def _span(text: str, start: int, end: int, base: int) -> list[Span]:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return []
    lead = len(piece) - len(piece.lstrip())
    s = base + start + lead
    return [Span(s, s + len(stripped), stripped)]
