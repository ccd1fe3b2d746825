"""What a person sees of a paste: an HTML email body as its text, a thread without its history.

People paste what their mail program gives them. An HTML body (`<p>Dear Ms. Ito,</p>`,
`&rsquo;`, `&nbsp;`) is read as the text a reader would see; the earlier messages quoted under
a reply (lines starting with ">", "On ... wrote:", an Outlook "From: / Sent:" block, "Original
Message") are set aside, since the person did not write them now. Both keep, for each kept
character, its offset in the paste, so findings still point at what the person gave.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# Only real HTML tag names count: "<Hiring Manager Name>" is a placeholder, not markup.
_TAG_NAMES = (
    r"html|head|body|p|div|span|br|b|i|u|em|strong|font|a|ul|ol|li|table|tbody|thead|tr|td|th"
    r"|h[1-6]|blockquote|meta|style|script|title|hr|img|center|section|article|header|footer"
)
_TAG = re.compile(
    rf"<(?P<close>/?)(?:[a-z]+:)?(?P<name>{_TAG_NAMES})\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>", re.I
)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,30});", re.I)
_MARKUP = re.compile(
    rf"<!--.*?-->|<!DOCTYPE[^>]*>|{_TAG.pattern}|{_ENTITY.pattern}|\s+", re.I | re.S
)
_BLOCK = frozenset(
    "p div br li ul ol tr table h1 h2 h3 h4 h5 h6 hr blockquote center section article header "
    "footer title body html".split()
)
_HIDDEN = frozenset({"head", "style", "script", "blockquote"})


@dataclass(frozen=True)
class Unwrapped:
    """The text kept and, for each of its characters, the offset in the paste."""

    text: str
    offsets: list[int]
    html: bool = False
    quoted: bool = False


def looks_like_html(text: str) -> bool:
    """Say whether a paste is an HTML body: two tags or more, or a tag and an entity."""
    tags = sum(1 for _ in zip(range(2), _TAG.finditer(text), strict=False))
    return tags >= 2 or (tags == 1 and _ENTITY.search(text) is not None)


def html_text(raw: str) -> Unwrapped:
    """Return the text an HTML body shows: tags dropped, blocks as line breaks, entities read."""
    chars: list[str] = []
    offsets: list[int] = []
    hidden = 0  # inside <head>, <style>, <script> or a quoted <blockquote>
    quoted = False
    last = 0
    for m in _MARKUP.finditer(raw):
        if not hidden:
            _keep(chars, offsets, raw[last : m.start()], last)
        last = m.end()
        token = m.group()
        name = (m.group("name") or "").lower()
        if name in _HIDDEN:
            hidden = max(0, hidden + (-1 if m.group("close") else 1))
            quoted = quoted or name == "blockquote"
        elif hidden or token.startswith("<!"):
            continue
        elif name:
            if name in _BLOCK:
                _keep(chars, offsets, "\n", m.start(), stand_in=True)
        elif token.startswith("&"):
            _keep(
                chars, offsets, html.unescape(token).replace("\xa0", " "), m.start(), stand_in=True
            )
        elif not chars or chars[-1] not in " \n":
            _keep(
                chars, offsets, " ", m.start(), stand_in=True
            )  # a run of spaces and line ends is one space
    if not hidden:
        _keep(chars, offsets, raw[last:], last)
    return _tidy(chars, offsets, quoted)


def _keep(
    chars: list[str], offsets: list[int], text: str, start: int, *, stand_in: bool = False
) -> None:
    """Keep text; a stand-in (an entity's character, a tag's line break) points at its source."""
    for i, ch in enumerate(text):
        chars.append(ch)
        offsets.append(start if stand_in else start + i)


def _tidy(chars: list[str], offsets: list[int], quoted: bool) -> Unwrapped:
    """Drop spaces at line ends and starts, keep at most one blank line between paragraphs."""
    out: list[str] = []
    kept: list[int] = []
    for ch, at in zip(chars, offsets, strict=True):
        if ch == " " and (not out or out[-1] == "\n"):
            continue
        if ch == "\n":
            while out and out[-1] == " ":
                out.pop()
                kept.pop()
            if not out or out[-2:] == ["\n", "\n"]:
                continue
        out.append(ch)
        kept.append(at)
    while out and out[-1] in " \n":
        out.pop()
        kept.pop()
    return Unwrapped("".join(out), kept, html=True, quoted=quoted)


# The line that opens a quoted reply or a forwarded message, in the common mail programs.
_ATTRIBUTION = re.compile(
    r"^[ \t]*(?:On\b|Le\b|Am\b|El\b|Il\b|W dniu\b|Em\b|Op\b)[^\n]{0,200}?(?:\n[^\n]{0,120}?)?"
    r"\b(?:wrote|schrieb|a écrit|escribió|ha scritto|napisał\(a\)|napisał|escreveu|schreef)"
    r"[ \t]*:[ \t]*$",
    re.M | re.I,
)
_SEPARATOR = re.compile(
    r"^[ \t]*-{2,}[ \t]*(?:Original Message|Forwarded message|Ursprüngliche Nachricht|"
    r"Message d'origine|Mensaje original|Mensagem original)[ \t]*-*[ \t]*$",
    re.M | re.I,
)
# Outlook quotes the last message under a header block: From:, then Sent: or Date: below it.
_OUTLOOK = re.compile(r"^[ \t]*From:[^\n]*\n(?:[^\n]*\n){0,3}?[ \t]*(?:Sent|Date):", re.M | re.I)
_QUOTED_LINE = re.compile(r"^[ \t]*>[^\n]*(?:\n|$)", re.M)


def without_history(text: str) -> tuple[str, list[int]] | None:
    """Return the text with the quoted history set aside (and each kept character's offset),
    or None when nothing is quoted. History below the message (top-posting) is cut from where
    it begins; quoted lines anywhere (inline or bottom-posted replies) are dropped."""
    end = _history_start(text)
    drops = [(m.start(), m.end()) for m in _ATTRIBUTION.finditer(text, 0, end)]
    drops += [(m.start(), m.end()) for m in _QUOTED_LINE.finditer(text, 0, end)]
    if end == len(text) and not drops:
        return None
    keep: list[int] = []
    last = 0
    for start, stop in sorted(drops):
        keep.extend(range(last, max(last, start)))
        last = max(last, stop)
    keep.extend(range(last, end))
    while keep and text[keep[-1]].isspace():
        keep.pop()
    return "".join(text[i] for i in keep), keep


def _history_start(text: str) -> int:
    """Return where a quoted earlier message begins below something the person wrote."""
    first = len(text) - len(text.lstrip())  # where the person's own text begins
    starts = sorted(
        m.start()
        for pattern in (_ATTRIBUTION, _SEPARATOR, _OUTLOOK)
        for m in pattern.finditer(text)
    )
    for start in starts:
        if start > first and not _only_header(text[:start]):
            return start
    return len(text)


def _only_header(text: str) -> bool:
    """Say whether the text above is only the message's own header or a forwarding line."""
    lines = [x for x in text.splitlines() if x.strip()]
    return all(re.match(r"^\s*(?:[\w-]+:|-{2,})", x) for x in lines)
