"""Show text that came from a person, a pasted offer or a model as text: never as markdown or HTML.

Streamlit reads markdown in st.markdown, st.info, st.warning, st.error, captions and labels,
so a subject such as "![x](https://tracker.example/p.png)" would make the browser fetch a
remote image. Escaping every ASCII punctuation mark with a backslash (CommonMark's own escape)
leaves the words exactly as written and gives markdown nothing to act on.
"""

from __future__ import annotations

import re
from typing import Literal

import streamlit as st

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")

Box = Literal["info", "warning", "error", "success"]


def plain(text: str) -> str:
    """Return text escaped so that markdown shows it literally; line breaks are kept."""
    escaped = _PUNCTUATION.sub(r"\\\1", text)
    return escaped.replace("\n", "  \n")  # a markdown hard break keeps each line a line


def show_plain(text: str, box: Box | None = None) -> None:
    """Show untrusted text as text, optionally in a coloured notice box."""
    body = plain(text)
    if box is None:
        st.markdown(body)
    else:
        getattr(st, box)(body)
