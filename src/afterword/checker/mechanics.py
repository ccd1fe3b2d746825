"""Mechanics: placeholders, model text, repeats, confusables, spelling and spacing."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from ..extract import find_dates, mask_addresses
from .dictionary import is_known_spelling, speller
from .doc import Doc, Span
from .grammar import harper_knows
from .guard import Guarded
from .known import fact_words, name_parts
from .lexicon import load, phrase_pattern, phrases_regex
from .registry import Hit, lexicon_rule, rule

lexicon_rule(
    "mechanics.refusal",
    "error",
    "Model refusal text, not a letter",
    "mechanics",
    "refusal",
    where="text",
)


@rule(
    "mechanics.model_talk",
    "error",
    "Text about the model or its instructions, not part of a letter",
)
def _model_talk(doc: Doc) -> Iterator[Hit]:
    """Model talk anywhere, and a model's asides to the writer outside the letter's body."""
    hits = [m.span() for m in phrases_regex("mechanics", "model_talk").finditer(doc.text)]
    aside = phrases_regex("mechanics", "model_aside")
    # Below the sign-off line, not on it: "Feel free to reach out," may be the writer's own.
    tail = max(doc.body.end, doc.closing.end if doc.closing else 0)
    for start, end in ((0, doc.body.start), (tail, len(doc.text))):
        for line in re.finditer(r"[^\n]+", doc.text[start:end]):
            if _PS.match(line.group()):
                continue  # a postscript is the writer's own
            found = aside.search(line.group())
            if found:
                hits.append(
                    (start + line.start() + found.start(), start + line.start() + found.end())
                )
    # Phrases that overlap or touch are one slip: "Sure! Here is a polished thank-you" and
    # "letter you can send" are one line of a chat reply, one finding.
    merged: list[list[int]] = []
    for s, e in sorted(hits):
        if merged and s <= merged[-1][1] + 2 and not doc.text[merged[-1][1] : s].strip(" ,:;"):
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    for s, e in merged:
        yield Hit(s, e, f'"{doc.text[s:e]}"')


_PS = re.compile(r"\s*P\.?\s?P?\.?\s?S\b", re.I)


@rule("mechanics.markdown", "error", "Markdown formatting shows as symbols in an email")
def _markdown(doc: Doc) -> Iterator[Hit]:
    for m in phrases_regex("mechanics", "markdown").finditer(doc.text):
        plain = m.group().strip().strip("*").lstrip("#").strip()
        yield Hit(m.start(), m.end(), f'"{m.group().strip()}"', plain)


@rule("mechanics.device_footer", "warning", "A mail app's footer: delete it")
def _device_footer(doc: Doc) -> Iterator[Hit]:
    for m in phrases_regex("mechanics", "device_footer").finditer(doc.text):
        yield Hit(m.start(), m.end(), f'"{m.group().strip()}"', "")


# What a placeholder stands for, and the fact that fills it.
_FILLS: list[tuple[re.Pattern[str], Callable[[Doc], str | None]]] = [
    (re.compile(r"company|organi[sz]ation|employer", re.I), lambda d: d.facts.company),
    (re.compile(r"position|job|title|role", re.I), lambda d: d.facts.position),
    (
        re.compile(r"manager|interviewer|recipient|contact", re.I),
        lambda d: d.recipient.addressed_as if d.recipient else None,
    ),
    (re.compile(r"your name|full name|signature", re.I), lambda d: d.facts.candidate.name),
]


def _fill(doc: Doc, placeholder: str) -> str | None:
    if doc.inferred:
        return None
    for pattern, value in _FILLS:
        if pattern.search(placeholder):
            return value(doc)
    return None


@rule("mechanics.placeholder", "error", "A placeholder was left in")
def _placeholder(doc: Doc) -> Iterator[Hit]:
    for m in phrases_regex("mechanics", "placeholders").finditer(doc.text):
        yield Hit(m.start(), m.end(), f'"{m.group()}"', _fill(doc, m.group()))


def _words_of(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]+", " ", text.lower()).split())


@rule("mechanics.repeated_sentence", "error", "A sentence is repeated")
def _repeated(doc: Doc) -> Iterator[Hit]:
    """One finding per sentence said again, at its first repeat, with how often it is."""
    firsts: list[str] = []  # each sentence the first time it is said
    repeats: dict[int, list[Span]] = {}
    for s in doc.sentences:
        norm = _words_of(s.text)
        found = None
        if len(norm.split()) >= 4:
            best = process.extractOne(norm, firsts, scorer=fuzz.ratio, score_cutoff=90)
            found = best[2] if best else None
            # "..., I am submitting my resignation. I am submitting my resignation."
            if found is None and firsts and firsts[-1].endswith(" " + norm):
                found = len(firsts) - 1
        if found is None:
            firsts.append(norm)
        else:
            repeats.setdefault(found, []).append(s)
    for spans in sorted(repeats.values(), key=lambda group: group[0].start):
        times = f" ({len(spans) + 1} times)" if len(spans) > 1 else ""
        yield Hit(spans[0].start, spans[0].end, f'"{spans[0].text}"{times}')


@rule("mechanics.repeated_phrase", "warning", "A phrase is used twice; vary the wording")
def _repeated_phrase(doc: Doc) -> Iterator[Hit]:
    stop = set(load("mechanics")["stopwords"])
    f = doc.facts
    named = " ".join(
        [*name_parts(f), f.company, f.position or "", f.candidate.current_employer or ""]
    )
    known = set(_words_of(named).split())
    tokens: list[tuple[int, int, str, int]] = []  # start, end, word, sentence
    earlier = ""
    for n, s in enumerate(doc.sentences):
        words = _words_of(s.text)
        if len(words.split()) >= 4 and words in earlier:
            continue  # a repeated sentence: mechanics.repeated_sentence reports it
        earlier += " " + words
        for m in re.finditer(r"[\w'’]+", s.text):
            tokens.append((s.start + m.start(), s.start + m.end(), m.group().lower(), n))
    first: dict[tuple[str, ...], int] = {}
    flagged_until = -1
    for i in range(len(tokens) - 3):
        if tokens[i][3] != tokens[i + 3][3]:
            continue  # a phrase stays inside one sentence
        gram = tuple(t[2] for t in tokens[i : i + 4])
        content = [w for w in gram if w not in stop]
        if len(content) < 2 or all(w in known for w in content):
            continue
        seen_at = first.setdefault(gram, i)
        if seen_at + 4 <= i and i > flagged_until:
            n = 4  # widen to the whole repeated run, reported once
            while (
                i + n < len(tokens)
                and tokens[i + n][3] == tokens[i][3]
                and tokens[i + n][2] == tokens[seen_at + n][2]
            ):
                n += 1
            flagged_until = i + n - 1
            start, end = tokens[i][0], tokens[i + n - 1][1]
            yield Hit(start, end, f'"{doc.text[start:end]}"')


@rule("mechanics.doubled_word", "error", "A word is doubled")
def _doubled(doc: Doc) -> Iterator[Hit]:
    allowed = set(load("mechanics")["doubled_ok"])
    # Not when the second word begins an address: "Nguyễn Thị Lan" over "lan.nguyen@...".
    for m in re.finditer(r"\b(\w+)\s+(\1)\b(?![&'’-]\w|[.@_+]\w)", doc.text, re.I):
        first, second = m.group(1), m.group(2)
        if first.lower() in allowed or first.isdigit():
            continue
        if first.isupper() != second.isupper() and len(first) > 1:
            continue  # "at AT&T", "it IT": a word beside an acronym
        yield Hit(m.start(), m.end(), f'"{m.group()}"', first)


@cache
def _confusables() -> list[tuple[Guarded, str, str]]:
    return [
        (Guarded.of(re.compile(phrase_pattern(c["pattern"]), re.I)), c["suggestion"], c["message"])
        for c in load("mechanics")["confusables"]
    ]


@rule("mechanics.confusable", "error", "Confused words")
def _confusable(doc: Doc) -> Iterator[Hit]:
    for pattern, suggestion, message in _confusables():
        for m in pattern.finditer(doc.text):
            yield Hit(m.start(), m.end(), f'"{m.group()}": {message}', suggestion)


_LOWER = re.compile(r"(?<![\w@./'’-])[a-z][a-z'’]+(?![\w@/-])")
_CAPITAL = re.compile(r"(?<![\w@./'’-])[A-Z][a-z]+(?:['’]s)?(?![\w@/'’-])")
_SUBJECT_LINE = re.compile(r"^[ \t]*(?:Subject|Re)[ \t]*:[ \t]*([^\n]*)$", re.M | re.I)


def _spelling_words(doc: Doc) -> Iterator[tuple[int, int, str, bool]]:
    """Yield (start, end, word, strict) for each word spelling reads: every lowercase word of
    the subject and the body, and strictly (a slip of a common word only) the capitalised
    ones where a name seldom stands, a sentence's first word and the subject's, and every
    word of the sign-off line ("Best regads,"; "Bien cordialement," is French, not a slip)."""
    subject = _SUBJECT_LINE.search(doc.text, 0, doc.head_end) if doc.subject_in_text else None
    closing = doc.closing if doc.closing and doc.closing.start >= doc.body.end else None
    body = Span(doc.body.start, doc.body.end, mask_addresses(doc.body.text))
    lines = [Span(m.start(1), m.end(1), m.group(1)) for m in [subject] if m]
    for part in [*lines, body]:
        for m in _LOWER.finditer(part.text):
            yield part.start + m.start(), part.start + m.end(), m.group(), False
    for part in [*lines, *([closing] if closing else [])]:
        for m in _CAPITAL.finditer(part.text):
            yield part.start + m.start(), part.start + m.end(), m.group(), True
    if closing:
        for m in _LOWER.finditer(closing.text):
            yield closing.start + m.start(), closing.start + m.end(), m.group(), True
    for sentence in doc.sentences:
        first = _CAPITAL.match(sentence.text)
        if first:
            yield sentence.start, sentence.start + first.end(), first.group(), True


def _stem(word: str) -> str:
    """Return the word without a possessive ending ("candidates'", "team's")."""
    word = word.replace("’", "'")
    if word.endswith("'s"):
        return word[:-2]
    return word[:-1] if word.endswith("s'") else word


def _unknown(doc: Doc) -> list[tuple[int, int, str, bool]]:
    """Return the words neither the facts nor pyspellchecker's list know."""
    allowed = fact_words(doc.facts)
    return [
        (start, end, word, capital)
        for start, end, word, capital in _spelling_words(doc)
        if _stem(word).lower() not in allowed and not is_known_spelling(_stem(word))
    ]


@rule("mechanics.spelling", "warning", "Possible misspelling")
def _spelling(doc: Doc) -> Iterator[Hit]:
    unknown = _unknown(doc)  # the words the facts and pyspellchecker's list do not know
    # The corrections first: in a new process the spell checker loads while Harper's
    # dictionary (asked next) is still being built on its own thread.
    asked = dict.fromkeys((_stem(w).lower(), strict) for _, _, w, strict in unknown)
    fixes = {key: _correction(*key) for key in asked}
    known = harper_knows({_stem(word) for _, _, word, _ in unknown})
    reported: set[int] = set()
    for start, end, word, strict in unknown:
        stem = _stem(word)
        if stem in known or start in reported:
            continue
        fix = fixes[(stem.lower(), strict)]
        if strict and not _typed_slip(doc, stem, fix):
            continue  # a capitalised word is a name more often than a slip
        reported.add(start)
        if fix and stem[:1].isupper():
            fix = fix.capitalize()
        suggestion = fix + word[len(stem) :] if fix and fix != stem.lower() else None
        # A slip of a word every letter opens or closes with ("Sincerly") is sure: an error.
        yield Hit(start, end, f'"{word}"', suggestion, "error" if strict else None)


@lru_cache(maxsize=4096)  # asked for every unknown word before Harper's dictionary answers
def _correction(low: str, strict: bool) -> str | None:
    """Return the likeliest word meant; in a sign-off, a sign-off's word first ("regards",
    not the commoner "reads")."""
    if strict:
        closing_words = {  # the plain entries' words; the patterns ("re:...") hold no words
            w.lower()
            for c in load("structure")["closings"]
            if not c.startswith("re:")
            for w in c.split()
        }
        meant = (speller().candidates(low) or set()) & closing_words
        if meant:
            return max(meant, key=lambda w: speller().word_frequency[w])
    return speller().correction(low)


def _typed_slip(doc: Doc, word: str, fix: str | None) -> bool:
    """Say whether a word read strictly is a slip of a word letters open and close with
    (mechanics.yaml's slip_targets): two letters swapped ("Thnak"), one left out
    ("Sincerly", "regads") or typed twice ("Thankk"); never a letter changed or added,
    and not a word used again (a name is)."""
    if not fix or fix not in _slip_targets() or doc.text.count(word) > 1:
        return False
    low = word.lower()
    if len(low) == len(fix):
        diff = [i for i, (a, b) in enumerate(zip(low, fix, strict=True)) if a != b]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and low[diff[0]] == fix[diff[1]]
    if len(low) == len(fix) + 1:
        return any(
            low[i] == low[i - 1] and low[:i] + low[i + 1 :] == fix for i in range(1, len(low))
        )
    return len(low) == len(fix) - 1


@cache
def _slip_targets() -> frozenset[str]:
    return frozenset(load("mechanics")["slip_targets"])


@rule("mechanics.double_space", "warning", "Two spaces between words")
def _double_space(doc: Doc) -> Iterator[Hit]:
    for m in re.finditer(r"(?<=[^\s.!?:])  +(?=\S)", doc.text):  # two after a stop is a style
        yield Hit(m.start(), m.end(), suggestion=" ")


@rule("mechanics.sender_address", "warning", "Send from a personal, professional address")
def _sender(doc: Doc) -> Iterator[Hit]:
    cand = doc.facts.candidate
    email = (cand.email or "").lower()
    if not email:
        return
    local, _, domain = email.partition("@")
    employer = re.sub(r"\W", "", (cand.current_employer or "").lower())
    at = doc.text.lower().find(email)
    start, end = (at, at + len(email)) if at >= 0 else (None, None)
    if employer and employer in re.sub(r"\W", "", domain):
        yield Hit(start, end, f"{email} is a work address at {cand.current_employer}")
        return
    for word in load("mechanics")["unprofessional_email"]:
        if str(word) in local:
            yield Hit(start, end, f"{email} looks unprofessional")
            return


_WEEKDAYS = ("Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun")


@rule("mechanics.weekday", "error", "The weekday does not match the date")
def _weekday(doc: Doc) -> Iterator[Hit]:
    """'Tuesday, November 21' when November 21 is a Saturday: one of the two is wrong. A date
    without its year may fall in the year before, this one or the next: it passes when the
    weekday fits one of them within about nine months of the sending date (the spring fair a
    November letter recalls, the January start it looks to), or any of them for a letter
    checked alone, which may be an old one."""
    sent = doc.facts.sent_on
    for d in find_dates(doc.text, sent):
        if not d.weekday:
            continue
        said = _WEEKDAYS.index(d.weekday.capitalize())
        years = [d.value.year] if d.year_given else [d.value.year + k for k in (-1, 0, 1)]
        days = [_on(year, d.value) for year in years]
        if not d.year_given and not doc.inferred:
            days = [day for day in days if day is not None and abs((day - sent).days) <= 270]
        if any(day is not None and day.weekday() == said for day in days):
            continue
        actual = f"{_WEEKDAYS[d.value.weekday()]}day"
        yield Hit(
            d.start,
            d.end,
            f'"{d.text}": {d.value:%B} {d.value.day}, {d.value.year} is a {actual}',
            suggestion=re.sub(r"^\w+day", actual, d.text),
        )


def _on(year: int, day: dt.date) -> dt.date | None:
    try:
        return day.replace(year=year)
    except ValueError:  # February 29 in another year
        return None
