"""Whether a letter says what a fact says, in the writer's own words.

A thank-you names the point "incident reviews and blameless post-mortems" as "your questions
about incident reviews; your team takes blameless post-mortems seriously", or "moving the
warehouse reporting from nightly batches to streaming" as "your plan to replace the nightly
batch jobs in the warehouse with streaming". A close match of the whole phrase misses these,
so a fact also counts as said when one sentence of the body holds most of its content words
(compared by their first letters, so "batches" meets "batch" and "preparing" meets "prepare").
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from .doc import Doc

_WORD = re.compile(r"[^\W\d_]+")
_STOP = frozenset(
    "a an the and or but of to in on at for from with by about into over as is are was were be "
    "been being it its this that these those my your our their his her me you we us i they "
    "them how what which who whom when where why will would could should can may might do did "
    "does have has had not no so very also just more most some any all".split()
)


def _stems(text: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) >= 3}


def _stem(word: str) -> str:
    """Cut an ending and a last "e" and keep five letters: "plans" and "plan", "batches" and
    "batch", "taking", "take" and "took" meet."""
    word = _IRREGULAR.get(word, word)
    for ending in ("ing", "ies", "es", "ed", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word[:5]


# The pasts of verbs a fact about help is said with ("took the call", "wrote a reference").
_IRREGULAR = {
    "took": "take", "taken": "take", "gave": "give", "given": "give", "made": "make",
    "wrote": "write", "written": "write", "spoke": "speak", "spoken": "speak", "met": "meet",
    "sent": "send", "told": "tell", "brought": "bring", "went": "go", "came": "come",
    "got": "get", "found": "find", "held": "hold", "led": "lead", "kept": "keep",
    "put": "put", "said": "say", "saw": "see", "seen": "see", "taught": "teach",
    "thought": "think", "won": "win", "paid": "pay", "ran": "run", "set": "set",
}  # fmt: skip


def mentioned(fact: str, doc: Doc, threshold: int = 80) -> bool:
    """Say whether the body says the fact: nearly word for word, or most of its content words
    (at least half, and at least two when it has two) in one sentence."""
    body = doc.body.text.lower()
    if fuzz.partial_ratio(fact.lower(), body) >= threshold:
        return True
    wanted = _stems(fact)
    if not wanted:
        return False
    need = max(min(2, len(wanted)), (len(wanted) + 1) // 2)
    return any(len(wanted & _stems(s.text)) >= need for s in doc.sentences)
