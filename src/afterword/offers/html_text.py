"""Turn pasted HTML into the text a reader sees: what the page hides is dropped, not read.

Hidden means what a browser would not show a person: comments, <script>, <style>, <head>,
the `hidden` attribute, display:none, visibility:hidden, opacity:0, a zero font size, width
or height, text pushed off the screen, and text the same colour as its background (white text
on the default white page included).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_LOOKS_LIKE_HTML = re.compile(
    r"<(?:html|body|head|div|span|p|br|table|td|tr|li|ul|ol|font|b|i|em|strong|a|h[1-6]|style"
    r"|script|meta|section|article|header|footer|center|blockquote|pre)\b[^<>]{0,300}>|<!--",
    re.I,
)
_NEVER_SHOWN = {"script", "style", "head", "title", "template", "noscript", "iframe", "object"}
_VOID = {"br", "img", "hr", "meta", "input", "link", "wbr", "col", "area", "base", "source"}
_BLOCK = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
    "section", "article", "header", "footer", "blockquote", "pre", "center", "hr", "dd", "dt",
}  # fmt: skip
_ZERO = r"0*(?:\.0+)?(?:px|pt|em|rem|%|vh|vw|ex|ch)?"
_HIDDEN_STYLE = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)"
    rf"|opacity\s*:\s*{_ZERO}\s*(?:!important)?\s*(?:;|$)"
    rf"|(?:font-size|width|height|max-height|max-width|line-height)\s*:\s*{_ZERO}\s*(?:!important)?\s*(?:;|$)"
    r"|(?:text-indent|left|top|margin-left|margin-top)\s*:\s*-\d{3,}"
    r"|clip\s*:\s*rect\(\s*0|transform\s*:\s*scale\(\s*0\s*\))",
    re.I,
)
_COLOUR = re.compile(r"(?:^|;)\s*(background(?:-color)?|color)\s*:\s*([^;!]+)", re.I)
_WHITE = "#ffffff"
_NAMED = {"white": "#ffffff", "black": "#000000", "transparent": "transparent"}


def looks_like_html(text: str) -> bool:
    """Say whether a paste is HTML markup rather than plain text."""
    return bool(_LOOKS_LIKE_HTML.search(text))


def html_to_text(markup: str) -> tuple[str, int]:
    """Return the visible text of HTML and how many hidden parts were dropped."""
    reader = _Reader()
    markup, reader.dropped = _without_comments(markup)
    reader.feed(_PLAUSIBLE_OR_LT.sub(_keep_tag_or_escape, markup))
    reader.close()
    text = "".join(reader.out)
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n[ \t]+", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n", reader.dropped


# html.parser rescans from each '<' it cannot close, which is quadratic on "<a <a <a ...".
# A '<' that does not open a tag closed within 1,000 characters is text, so it is escaped.
_PLAUSIBLE_OR_LT = re.compile(r"<(?:/?[A-Za-z][^<>]{0,1000}>|[!?][^<>]{0,1000}>)?")


def _keep_tag_or_escape(m: re.Match[str]) -> str:
    return m.group() if len(m.group()) > 1 else "&lt;"


def _without_comments(markup: str) -> tuple[str, int]:
    """Drop <!-- comments --> in one pass (an unclosed one runs to the end, as in a browser)."""
    parts: list[str] = []
    at = count = 0
    while (start := markup.find("<!--", at)) >= 0:
        parts.append(markup[at:start])
        end = markup.find("-->", start + 4)
        count += 1
        at = len(markup) if end < 0 else end + 3
    parts.append(markup[at:])
    return "".join(parts), count


def _colour(value: str) -> str:
    value = value.strip().lower()
    value = _NAMED.get(value, value)
    short = re.fullmatch(r"#([0-9a-f])([0-9a-f])([0-9a-f])", value)
    if short:
        value = "#" + "".join(c * 2 for c in short.groups())
    rgb = re.fullmatch(r"rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)", value)
    if rgb:
        if rgb.group(4) is not None and float(rgb.group(4)) == 0:
            return "transparent"
        value = "#" + "".join(f"{min(int(n), 255):02x}" for n in rgb.groups()[:3])
    return value


class _Reader(HTMLParser):
    """Collect visible text; each open element remembers its background and whether it hides."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.dropped = 0
        # (tag, hidden, background colour, text colour, preformatted)
        self.stack: list[tuple[str, bool, str, str | None, bool]] = []

    def _top(self) -> tuple[bool, str, str | None, bool]:
        if not self.stack:
            return False, _WHITE, None, False
        _, hidden, bg, fg, pre = self.stack[-1]
        return hidden, bg, fg, pre

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        hidden, bg, fg, pre = self._top()
        if tag in _BLOCK and not hidden:
            self.out.append("\n")
        if tag in _VOID:
            return
        found = {k.lower(): (v or "") for k, v in attrs}
        style = found.get("style", "")
        colours = {name.lower(): _colour(value) for name, value in _COLOUR.findall(style)}
        if "color" in found and tag == "font":
            colours["color"] = _colour(found["color"])
        if "bgcolor" in found:
            colours["background-color"] = _colour(found["bgcolor"])
        new_bg = colours.get("background-color") or colours.get("background") or bg
        new_bg = bg if new_bg == "transparent" else new_bg
        new_fg = colours.get("color", fg)
        hides = (
            tag in _NEVER_SHOWN
            or "hidden" in found
            or bool(_HIDDEN_STYLE.search(style))
            or (new_fg is not None and new_fg in (new_bg, "transparent"))
        )
        if hides and not hidden:
            self.dropped += 1
        self.stack.append((tag, hidden or hides, new_bg, new_fg, pre or tag == "pre"))

    def handle_endtag(self, tag: str) -> None:
        # Look only a little way down: a stray end tag in deep markup must not cost the depth.
        for i in range(len(self.stack) - 1, max(-1, len(self.stack) - 65), -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag in _BLOCK and not self._top()[0]:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        hidden, _, _, pre = self._top()
        if hidden:
            return
        self.out.append(data if pre else re.sub(r"\s+", " ", data))

    def handle_comment(self, data: str) -> None:
        if data.strip():
            self.dropped += 1
