"""Place the user's own words in a letter by their form.

People answer "why are you declining?" with a noun phrase ("a role closer to my family"), a
first-person sentence ("I have accepted a role in Cork"), a gerund ("moving back to Lyon"), an
infinitive ("to stay near my parents") or a clause about someone else ("my partner's job is
moving"). A fixed frame fits only one of these; here each slot asks for the form it needs and
the words are bent into it. Words naming the reader are turned to the second person, so the
note to Siobhan says "your plan", never "Siobhan's plan".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from ..names import fold

Form = Literal["sentence", "clause", "infinitive", "gerund", "verb", "wh", "noun"]

_FIRST_PERSON = frozenset("i i'm i've i'd i'll we we're we've we'd we'll i’m i’ve i’d i’ll".split())
# "because", "since", "as", "that" and "so" open a reason typed as an answer ("because I have
# another offer"), but "Since we spoke, I have ..." is a whole sentence: they are a lead-in
# only when no comma and main clause follow them.
_LEADS = re.compile(
    r"^(?:(?:because|since|as|that|so)\b\s*"
    r"(?![^,]*,\s*(?:I|I'm|I've|we|my|our|the|it|this|there|he|she|they)\b)"
    r"|(?:well|um|honestly|basically|mainly|mostly)\b[,\s]*"
    r"|(?:the\s+)?(?:main\s+)?(?:reason\s+is|next\s+step\s+is|next\s+steps\s+are)\b[:\s]*"
    r"|(?:i\s+think|i\s+guess)\b\s*)",
    re.I,
)
_FINITE = frozenset(
    """is are was were has have had will would can could should may might must does do did
    won't can't isn't aren't wasn't weren't hasn't haven't doesn't don't didn't""".split()
)
_RELATIVE = frozenset("that which who whom whose where when".split())
_DETERMINERS = frozenset(
    """a an the my our your his her their its this that these those some any each every
    another one two three several many few""".split()
)
_WH = frozenset("how what why whether when where who which".split())
# Bare verbs that open a next step or a plan ("hear back on Monday", "send my portfolio").
VERBS = frozenset(
    """hear receive meet speak talk interview send get learn have complete visit join return
    schedule come start finish submit provide take present sit discuss review wait expect
    follow call email share prepare do attend book set check confirm decide make go move
    keep stay build manage hire develop migrate create improve write grow own scale design
    lead run launch sell open drive support help set train rebuild automate reduce
    cut test plan ship deliver analyse analyze negotiate coordinate""".split()
)
# Verbs that are also common nouns ("support tickets", "design reviews"): read as verbs only
# when an object follows ("support the sales team").
_ALSO_NOUNS = frozenset(
    "lead run launch sell open drive support help set train test plan cut design review "
    "call email return visit interview start finish schedule check book".split()
)
_OBJECTS = frozenset("the a an my our your their its his her them it this that new".split())
_SUBJECTS = frozenset(
    "they he she it you everyone everybody someone somebody nobody both people".split()
)
_TITLE = r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor)\.?\s+)?"
_CALENDAR = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
_NOT_GERUNDS = frozenset(
    """thing something anything nothing everything morning evening king ring spring string
    during bring sing sting swing wing building ceiling meeting offering pricing""".split()
)


@dataclass(frozen=True)
class Reader:
    """Who reads the letter: the names that mean "you" in it."""

    name: str
    honorific: str | None = None
    also: tuple[str, ...] = ()  # given and family names, the form of address

    @classmethod
    def of(cls, person: Any) -> Reader:
        """Return the reader for a recipient, with every form of their name."""
        also = (person.first_name, person.last_name, person.addressed_as)
        return cls(person.name, person.honorific, tuple(a for a in also if a))

    @property
    def forms(self) -> list[str]:
        """Return the ways the user may have written the reader's name, longest first."""
        words = self.name.split()
        found = {self.name, words[0], words[-1], *self.also}
        found |= {fold(f) for f in found}  # "siobhan's plan" for Siobhán
        return sorted((f for f in found if f.lower() not in _CALENDAR), key=len, reverse=True)


_DOUBLED = re.compile(r"\b(\w+) \1\b(?![&'’-]\w)", re.I)


def _undoubled(text: str) -> str:
    """Drop a word typed twice ("my my Airflow migration"), not one doubled on purpose
    ("had had", the checker's list)."""
    from ..checker.lexicon import load  # late: the checker imports this module

    fine = set(load("mechanics")["doubled_ok"])
    return _DOUBLED.sub(lambda m: m.group() if m.group(1).lower() in fine else m.group(1), text)


def tidy(text: str) -> str:
    """Trim a user's phrase: spaces, bullets, a trailing full stop and a filler lead-in; give
    back a missing "I"."""
    text = re.sub(r"\s+", " ", text).strip().strip("-*•").strip()
    text = _undoubled(text)
    text = text.rstrip(" .;,")
    while True:
        trimmed = _LEADS.sub("", text, count=1).strip()
        if trimmed == text or not trimmed:
            return with_subject(text)
        text = trimmed


def _words(text: str) -> list[str]:
    return [w.lower().strip(',;:()"') for w in text.split()]


_SUBJECTLESS = frozenset(
    """need needs want wanted hope hoped intend intended would will am was got can could
    should must realised realized""".split()
)


def with_subject(text: str) -> str:
    """Give a first-person clause typed without its "I" its subject back ("need to think")."""
    words = _words(text)
    if not words:
        return text
    first = words[0]
    raw = text.split()
    if len(raw) > 1 and raw[1][:1].isupper():
        return text  # "Will Chen said ...": a name, not a verb
    if first in _SUBJECTLESS or (
        first.endswith("ed") and len(words) > 1 and words[1] in {"to", "on", "that", "against"}
    ):
        return "I " + text[:1].lower() + text[1:]
    return text


def form_of(text: str) -> Form:
    """Tell the grammatical form of a phrase the user typed."""
    words = [w.replace("’", "'") for w in _words(tidy(text))]
    if not words:
        return "noun"
    first = words[0]
    if first in _FIRST_PERSON:
        return "sentence"
    if re.fullmatch(r"(?:it|that|there|he|she|this|they|you|what|who)'(?:s|re|ll|d|ve)", first):
        return "clause"
    if first == "to" and len(words) > 1 and words[1] not in _DETERMINERS:
        return "infinitive"
    if first in _WH:
        return "wh"
    if first in _SUBJECTS and len(words) > 1:
        return "clause"
    if (
        first in VERBS
        and (len(words) == 1 or words[1] not in _FINITE)
        and (first not in _ALSO_NOUNS or len(words) == 1 or words[1] in _OBJECTS)
    ):
        return "verb"
    if first.endswith("ing") and len(first) > 4 and first not in _NOT_GERUNDS:
        return "gerund"
    raw = tidy(text).split()
    for at, word in enumerate(words[1:], 1):
        if word in _RELATIVE or word in {"i", "we"}:
            break
        if word in _FINITE or re.fullmatch(r"\w+'(?:ll|re|ve|d)", word):
            return "clause"
        follows = words[at + 1] if at + 1 < len(words) else ""
        if word.endswith("ed") and at <= 3 and (follows in _OBJECTS or raw[at - 1][:1].isupper()):
            return "clause"  # "the panel liked my portfolio", "Tom asked about Lisbon"
    return "noun"


_TALK = re.compile(
    r"^(?:(?:our|the|a|my)\s+)?(?:conversation|discussion|chat|talk|question|answer)s?\s+"
    r"(?:about|on|of|regarding|around|to)\s+|^(?:discussing|talking about|discussed)\s+",
    re.I,
)


def topic(text: str) -> str:
    """Return what a point is about, without "our conversation about" around it."""
    text = tidy(text)
    return _TALK.sub("", text) or text


_FILLER = frozenset("the a an my our your that this about any".split())


def _tokens(text: str) -> set[str]:
    return {w.strip(".'’") for w in re.findall(r"[\w'’+#.-]+", text.lower())}


def covers(text: str, phrase: str) -> bool:
    """Say whether a text speaks of the thing a phrase names ("my AWS certification" covers
    "the AWS certification")."""
    wanted = _tokens(phrase) - _FILLER
    return bool(wanted) and wanted <= _tokens(text)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """Lower a phrase's first letter when it is capitalised only because it began an answer."""
    from ..checker.dictionary import is_word  # late: the checker imports this module

    first = text.split(" ", 1)[0]
    if first.lower().replace("’", "'") in _FIRST_PERSON:
        return text
    if first[:1].isupper() and first[1:].islower() and is_word(first):
        return first.lower() + text[len(first) :]
    return text


def to_reader(text: str, reader: Reader | None) -> str:
    """Turn words naming the reader into the second person ("Siobhan's plan" -> "your plan")."""
    if reader is None:
        return text
    names = _TITLE + "(?:" + "|".join(re.escape(n) for n in reader.forms) + ")"
    # A possessive is the reader's however it is typed ("pieter's plan"); the bare name is
    # matched with its capital only, so "will" or "mark" never become "you".
    text = re.sub(rf"\b(?i:{names})(?:'s|’s|')(?=\s)", "your", text)
    verbs = {"is": "are", "was": "were", "has": "have", "does": "do"}
    text = re.sub(
        rf"\b(?:{names})\s+(is|was|has|does)\b",
        lambda m: f"you {verbs[m.group(1)]}",
        text,
    )
    text = re.sub(
        rf"\b(?:{names})\s+(\w+?)s\b(?=\s)",
        lambda m: f"you {_base(m.group(1) + 's')}",
        text,
    )
    text = re.sub(rf"\b(?:{names})\b", "you", text)
    return re.sub(r"(^|[.!?]\s+)you\b", lambda m: m.group(1) + "You", text)


def _base(verb: str) -> str:
    """Return a third-person verb's plain form ("mentions" -> "mention")."""
    if verb.endswith("ies") and len(verb) > 4:
        return verb[:-3] + "y"
    if re.search(r"(?:ss|sh|ch|x|o)es$", verb):
        return verb[:-2]
    return verb[:-1] if verb.endswith("s") and not verb.endswith("ss") else verb


def noun_phrase(text: str, reader: Reader | None = None) -> str:
    """Return a phrase usable after "about" or "discussing", with an article where English
    needs one ("plans to expand" -> "the plans to expand")."""
    text = lower_first(to_reader(tidy(text), reader))
    words = _words(text)
    if (
        form_of(text) == "noun"
        and len(words) > 2
        and words[0] not in _DETERMINERS
        and words[0].endswith("s")
        and not words[0].endswith("ss")
        and words[1] in {"to", "for", "of", "on", "in", "around", "behind"}
    ):
        return "the " + text
    return text


def as_sentence(text: str, reader: Reader | None = None) -> str:
    """Return the words as one sentence of their own, capitalised and stopped."""
    body = to_reader(tidy(text), reader)
    return _cap(body) + ("" if body.endswith(("?", "!")) else ".")


def strength(text: str, reader: Reader | None = None) -> str | None:
    """Return a strength as a phrase that follows "I believe" ("my SQL"), or None when the
    words are a clause that must stand as a sentence of its own."""
    text = lower_first(to_reader(tidy(text), reader))
    kind = form_of(text)
    if kind in ("sentence", "clause", "wh", "infinitive", "verb"):
        return None
    if kind == "gerund":
        return f"my experience {text}"
    if re.match(r"(?:my|our|the|a|an|this|that|your)\s", text, re.I):
        return text
    return f"my {text}"


def framed(text: str, frames: dict[str, str]) -> str:
    """Put the words in the frame for their form ("{}" marks where they go); "other" frames
    every form not listed, and "clause" falls back to the "sentence" frame."""
    kind = form_of(text)
    if kind == "clause" and "clause" not in frames:
        kind = "sentence"
    return frames.get(kind, frames["other"]).format(text)


def because(text: str, reader: Reader | None = None) -> str:
    """Return a reason that follows "Because" mid-sentence ("I have another interview")."""
    text = lower_first(to_reader(tidy(text), reader))
    frames = {"sentence": "{}", "infinitive": "I would like {}", "gerund": "I am {}"}
    return framed(text, {**frames, "verb": "I need to {}", "other": "of {}"})


def decision_sentence(
    text: str, reader: Reader | None = None, noun: str = "I have decided to pursue {}."
) -> str:
    """Return a reason for a decision as a whole first-person sentence; `noun` frames a
    noun phrase."""
    text = lower_first(to_reader(tidy(text), reader))
    if form_of(text) in ("sentence", "clause"):
        return as_sentence(text)
    if re.search(r"\breasons?$", text, re.I):
        noun = "I have made this decision for {}."  # "family reasons"
    frames = {"infinitive": "I have decided {}.", "gerund": "I am {}."}
    return framed(text, {**frames, "verb": "I have decided to {}.", "other": noun})


def next_step(text: str, reader: Reader | None = None, discussed: bool = True) -> str:
    """Return the next step as a sentence that says it was discussed, or, to a reader who was
    not at the interview (a reference, a contact), as plain news."""
    text = tidy(text)
    text = re.sub(r"^(?:the\s+)?next\s+steps?\s+(?:is|are|will\s+be)\s+", "", text, flags=re.I)
    text = lower_first(to_reader(text, reader))
    if not discussed:
        if form_of(text) in ("sentence", "clause"):
            return f"{_cap(text)}."
        frames = {"verb": "The next step is to {}.", "other": "The next step is {}."}
    else:
        frames = {
            "sentence": "As we discussed, {}.",
            "verb": "As we discussed, I understand the next step is to {}.",
            "other": "As we discussed, I understand the next step is {}.",
        }
    return framed(text, frames)


def mention(text: str, reader: Reader | None = None) -> str:
    """Return "I also wanted to mention ..." for a thing the user asked to add."""
    text = to_reader(tidy(text), reader)
    kind = form_of(text)
    if kind in ("sentence", "clause"):
        return f"I also wanted to mention that {text}."
    return f"I also wanted to mention {lower_first(text)}."
