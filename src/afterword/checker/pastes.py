"""Notes on a paste that was not plain text: what was read, and what was set aside.

An HTML body is checked as the text it shows, and quoted history under a reply is left out
(see unwrap.py). The person should know both, once, instead of meeting a finding per tag or
per quoted line: these notes say so, and say what to paste instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from .doc import Doc
from .registry import Hit, rule


@rule(
    "paste.html",
    "suggestion",
    "This is an HTML email body: it was checked as the text it shows; paste the plain text "
    "into your email",
)
def _html(doc: Doc) -> Iterator[Hit]:
    if doc.norm.html:
        yield Hit()


@rule(
    "paste.quoted",
    "suggestion",
    "Earlier messages quoted in the paste were not checked: only your new message was",
)
def _quoted(doc: Doc) -> Iterator[Hit]:
    if doc.norm.quoted:
        yield Hit()
