"""Show a model's words while it writes: a CPU model takes half a minute a letter, and a
person should see it working. The checked letter replaces this view once it is ready."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import streamlit as st

Show = Callable[[str], None]


@contextmanager
def live_drafting(label: str) -> Iterator[tuple[Show, Show]]:
    """Yield the progress and words callbacks for a draft: stages in a status box, the words
    so far as plain text under it (never markdown: the model wrote them)."""
    with st.status(label + "…", expanded=True) as status:
        words_box = st.empty()

        def progress(stage: str) -> None:
            status.update(label=stage + "…")
            if stage.endswith(": drafting") or stage.endswith(": revising"):
                words_box.empty()

        def words(text: str) -> None:
            words_box.text(text)

        yield progress, words
        words_box.empty()
        status.update(label="Checked and saved.", state="complete", expanded=False)
