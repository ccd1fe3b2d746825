"""Notes on a paste that was not plain text: what was read, and what was set aside.

An HTML body is checked as the text it shows, and quoted history under a reply is left out
(see unwrap.py). The person should know both, once, instead of meeting a finding per tag or
per quoted line: these notes say so, and say what to paste instead.
"""

from __future__ import annotations

import re
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


# The commonest English words: a letter in English has many of them in any sentence.
_ENGLISH = frozenset(
    "the a an and of to in for on with at by from is are was were be been have has had i you "
    "we my your our it this that will would can could should as not but if about me us thank "
    "thanks please".split()
)
_WORDS = re.compile(r"[^\W\d_]+")


@rule(
    "paste.not_english",
    "error",
    "This letter is not in English: Afterword's checks read English letters only, so nothing in "
    "it was checked",
)
def _not_english(doc: Doc) -> Iterator[Hit]:
    """A letter in French or Polish passes every English rule unread; a badge saying ready
    would be untrue. English letters hold about four common words in ten; under one in ten,
    over a letter's worth of words, the letter is in another language."""
    words = [w.lower() for w in _WORDS.findall(doc.body.text)]
    if len(words) >= 20 and sum(w in _ENGLISH for w in words) < len(words) / 10:
        yield Hit()
