"""Names: a letter checked alone speaks to one reader.

Without the facts, the greeting is the only word on who the reader is; a title and name
spoken to later in the letter ("… to join your team, Ms. Bouchard.") that is not the
greeting's ("Dear Ms. Tremblay,") is the classic slip of a letter adapted from the last one.
With the facts, grounding.name compares every person with them instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..extract import HONORIFIC
from ..names import NAME_WORD, fold, is_particle
from .doc import Doc
from .registry import Hit, rule

_TITLED = re.compile(rf"(?P<who>{HONORIFIC}\.?[ \t]+{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}})")
_BEFORE = re.compile(r",[ \t]*$")
_AFTER = re.compile(r"[ \t]*(?:[.!?]|,[ \t]*(?:and|I|please|thank|thanks|we)\b)")


def spoken_to(text: str, start: int, end: int) -> bool:
    """Say whether the name at text[start:end] is spoken to: set off by a comma before it and
    ending its sentence or clause ("… to join your team, Ms. Bouchard.")."""
    return bool(_BEFORE.search(text, max(0, start - 4), start)) and bool(_AFTER.match(text, end))


@rule("names.spoken_to", "error", "Someone other than the greeted reader is spoken to")
def _spoken_to(doc: Doc) -> Iterator[Hit]:
    if not doc.inferred or doc.salutation is None:
        return
    greeted = {
        fold(w).lower()
        for w in re.findall(NAME_WORD, doc.salutation.text)
        if not is_particle(w) and w.lower() not in ("dear", "hi", "hello")
    }
    if not greeted:
        return
    for m in _TITLED.finditer(doc.body.text):
        if not spoken_to(doc.body.text, m.start(), m.end()):
            continue
        words = re.findall(NAME_WORD, m.group("who"))[1:]  # the title aside
        named = {fold(w).lower() for w in words if not is_particle(w)}
        if named and not named & greeted:
            start = doc.body.start + m.start("who")
            detail = f'"{m.group("who")}"; the greeting is "{doc.salutation.text}"'
            yield Hit(start, start + len(m.group("who")), detail)


_TITLED_FULL = re.compile(
    rf"^(?:Dear|Hello|Hi)[ \t]+{HONORIFIC}\.?[ \t]+(?P<names>{NAME_WORD}(?:[ \t]+{NAME_WORD})+)"
)


@rule(
    "names.full_name_alone",
    "warning",
    "Greet by title and family name, not the full name",
)
def _full_name_alone(doc: Doc) -> Iterator[Hit]:
    """Alone, "Dear Mr. Kim Min-jun" shows the full name after a title, where the title goes
    with the family name alone; particles ("Ms. de la Cruz") are part of that name."""
    if not doc.inferred or doc.salutation is None:
        return
    m = _TITLED_FULL.match(doc.salutation.text)
    if m is None:
        return
    names = [w for w in m.group("names").split() if not is_particle(w)]
    if len(names) >= 2 and all(w[:1].isupper() for w in names):
        start = doc.salutation.start + m.start("names")
        yield Hit(start, start + len(m.group("names")), f'"{m.group("names")}"')
