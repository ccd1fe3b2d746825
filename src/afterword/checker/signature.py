"""Names: the letter is signed with the candidate's name, once.

The facts' name in any order its owner writes it ("Haruki Tanaka" for Tanaka Haruki), with
middle names or a second surname left out, a title the facts carry, or the name they go by
in brackets; a first name alone suits a note to someone on first names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..names import parse_name, untitled
from .doc import Doc, fold_name
from .infer import UNKNOWN
from .lexicon import phrases_regex
from .names import greeting_name
from .registry import Hit, rule


@rule("names.signature", "error", "The letter is not signed with the candidate's name")
def _signature(doc: Doc) -> Iterator[Hit]:
    name = doc.facts.candidate.name
    sig = doc.signature
    if doc.inferred:
        if name == UNKNOWN:
            yield Hit(sig.start, sig.end, "sign it with your name")
        return
    said = fold_name(_NICKNAME.sub("", sig.text))  # "Oluwaseun (Seun) Adeleke"
    if fold_name(name) in said or fold_name(untitled(name)) in said:  # "Mx. Robin Hale"
        return
    lines = {fold_name(line) for line in _NICKNAME.sub("", sig.text).splitlines()}
    words = fold_name(untitled(name)).split()
    for line in lines:  # the facts' own name words, in any order, first or family kept:
        said_words = line.split()  # "Haruki Tanaka" for Tanaka Haruki, "Ana Paula Lima" for Ana
        if (  # Paula Souza Lima, "Mohammed Al-Mansouri" for Mohammed ibn Rashid Al-Mansouri
            len(said_words) >= 2
            and set(said_words) <= set(words)
            and {words[0], words[-1]} & set(said_words)
        ):
            return
    parsed = parse_name(name)
    given = fold_name(parsed.given)
    short = [  # "Jess" for Jessica, "Seun" for Oluwaseun
        line
        for line in lines
        if 3 <= len(line) < len(given) and (given.startswith(line) or given.endswith(line))
    ]
    if given in lines or short:  # "Jessica", or "Jess" for Jessica: the name they go by
        if not _informal(doc):  # a first name alone suits a note to someone on first names
            yield Hit(sig.start, sig.end, f"sign it {name}", name, severity="warning")
        return
    family = fold_name(parsed.family)
    if family and any(line.endswith(" " + family) for line in lines):
        # "Kasia Zielińska" for Katarzyna Zielińska: the name the writer goes by, most likely
        yield Hit(sig.start, sig.end, f"your facts say {name}", name, severity="warning")
        return
    yield Hit(sig.start, sig.end, f"sign it {name}", name)


# A name the signer goes by, in brackets or quotes between the names.
_NICKNAME = re.compile(r"[ \t]*(?:\([^()\n]{1,24}\)|[\"“][^\"“”\n]{1,24}[\"”])")


def _informal(doc: Doc) -> bool:
    found, r = greeting_name(doc), doc.recipient
    if r is None or found is None:
        return False
    return r.first_name_ok or fold_name(found[2]) == fold_name(r.first_name)


@rule("names.signature_repeated", "error", "Your name is signed more than once")
def _signature_repeated(doc: Doc) -> Iterator[Hit]:
    name = fold_name(doc.facts.candidate.name)
    if name == fold_name(UNKNOWN) or not doc.closing:
        return
    closings = phrases_regex("structure", "closings", anchored=True)
    signed = 0
    for line in re.finditer(r"[^\n]+", doc.text[doc.closing.start :]):
        said = fold_name(line.group())
        rest = said.replace(name, "", 1).strip(" ,.-")
        if name in said and (not rest or closings.match(rest)):
            signed += 1
            if signed > 1:
                start = doc.closing.start + line.start()
                yield Hit(start, start + len(line.group()), f'"{line.group().strip()}"')
