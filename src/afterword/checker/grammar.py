"""Grammar: Harper's lints on the letter's prose, and the letter slips Harper misses.

Harper (harper-py, Automattic's offline grammar engine in Rust) reads the body's prose only:
the subject, greeting, sign-off, signature, address blocks and header lines are blanked out
first, keeping offsets. Which of its lints are off and how its kinds map to our severities
lives in lexicons/grammar.yaml, beside the patterns for slips common in job-search letters
written by non-native writers ("pleased relocate", "look forward to hear", "please advice").
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from ..grammar_engine import built_linter
from ..models import Facts, Severity
from .doc import Doc, Span
from .guard import Guarded
from .known import fact_strings
from .lexicon import load
from .registry import Hit, rule

if TYPE_CHECKING:  # imported by grammar_engine, which builds the linter
    import harper

_LOCK = threading.Lock()  # a Linter raises when two threads call it at once
_LOOKUP_LOCK = threading.Lock()
_WORDS: list[frozenset[str]] = [frozenset()]  # the words imported into the linter now
_ENGLISH: dict[str, bool] = {}  # the dictionary's answers so far: names recur in every check
HARPER_SECONDS: list[float] = []  # each lint call's time, when a benchmark asks (see below)
TIMING = threading.Event()  # set by benchmarks/bench_checker.py to fill HARPER_SECONDS
_HEADER = re.compile(r"^[ \t]*[A-Z][\w -]{0,24}:[ \t][^\n]*$", re.M)
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*(?:\s|$)")
_PIECE = 4000
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@cache
def linter() -> harper.Linter:
    """Return the process's Harper linter, built once with our lint configuration."""
    built = built_linter()
    built.set_lint_config(_config(built))
    return built


def _config(built: harper.Linter) -> dict[str, bool | None]:
    """Turn grammar.yaml's groups and lists into Harper's lint configuration."""
    data = dict(load("grammar")["harper"])
    for key in ("enabled", "disabled"):  # names, or rows of names
        data[key] = [n for row in data[key] for n in ([row] if isinstance(row, str) else row)]
    config: dict[str, bool | None] = dict.fromkeys(built.get_default_lint_config())
    groups = _groups(built.get_structured_lint_config()["settings"])
    named = {*data["disabled"], *data["enabled"]} | {
        n for g in data["disabled_groups"] for n in groups.get(g, ["?"])
    }
    unknown = (named - set(config)) | (set(data["disabled_groups"]) - set(groups))
    assert not unknown, f"grammar.yaml names lints or groups Harper does not have: {unknown}"
    for group in data["disabled_groups"]:
        config.update(dict.fromkeys(groups[group], False))
    config.update(dict.fromkeys(data["enabled"], True))
    config.update(dict.fromkeys(data["disabled"], False))
    return config


def _groups(settings: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Return each of Harper's lint groups with the names of the lints in it."""
    out: dict[str, list[str]] = {}
    for setting in settings:
        if "Group" in setting:
            group = setting["Group"]
            inner = _groups(group["child"]["settings"])
            names = [s["Bool"]["name"] for s in group["child"]["settings"] if "Bool" in s]
            out[group["label"]] = names + [n for sub in inner.values() for n in sub]
            out.update(inner)
    return out


def fact_vocabulary(facts: Facts) -> frozenset[str]:
    """Return the words of the facts (names, company, position, terms) as they are written."""
    return frozenset(w.strip(".-'’") for s in fact_strings(facts) for w in _WORD.findall(s))


def harper_lints(
    text: str, words: Iterable[str] = (), started: threading.Event | None = None
) -> list[tuple[str, harper.Lint]]:
    """Lint plain text with Harper, knowing these words; return (rule name, lint) pairs.
    `started` is set as Harper begins, when this thread gives up the GIL."""
    wanted = frozenset(w for w in words if w)
    engine = linter()
    with _LOCK:
        if wanted != _WORDS[0]:  # one letter's names never stay in the dictionary for the next
            engine.clear_words()
            if wanted:
                engine.import_words(sorted(wanted))
            _WORDS[0] = wanted
        if started is not None:
            started.set()
        began = time.perf_counter()
        found = engine.organized_lints(text, language="plaintext")
        if TIMING.is_set():
            HARPER_SECONDS.append(time.perf_counter() - began)
    return sorted(
        ((name, lint) for name, lints in found.items() for lint in lints),
        key=lambda pair: pair[1].span.start,
    )


def harper_knows(words: Iterable[str]) -> frozenset[str]:
    """Return the words Harper's curated dictionary holds, a far larger and newer list than
    pyspellchecker's ("meetup", "impactful"). A word alone is "likely English" exactly when
    the dictionary has it: ~0.05 ms a word, where its spelling lint spends up to seconds
    searching suggestions for some words. Asked of a second Linter on the caller's thread,
    so a lookup never waits for the letter's lint; answers are kept (names recur)."""
    asked = [w for w in set(words) if w not in _ENGLISH]
    if asked:
        engine = _lookups()
        with _LOOKUP_LOCK:
            if len(_ENGLISH) > 50_000:
                _ENGLISH.clear()
            _ENGLISH.update((w, engine.is_likely_english(w)) for w in asked)
    return frozenset(w for w in words if _ENGLISH.get(w, False))


@cache
def _lookups() -> harper.Linter:
    """A Linter for dictionary lookups only (the dictionary is built once per process, so a
    second Linter costs ~10 ms)."""
    import harper

    built_linter()  # the process's first Linter builds the dictionary, on its own thread
    return harper.Linter(harper.Dialect.AMERICAN)


def prose(doc: Doc) -> tuple[Span, ...]:
    """Return the body's prose in pieces of at most about _PIECE characters: paragraphs
    joined over blanked gaps (Harper costs ~0.5 ms a call), long ones cut at sentence ends
    (Harper's time grows faster than a text's length), header lines blanked."""
    return _prose(doc.text, doc.body.start, doc.body.end)


@lru_cache(maxsize=4)  # the four rules of the family read the same letter in a row
def _prose(letter: str, start: int, end: int) -> tuple[Span, ...]:
    out: list[Span] = []
    parts: list[str] = []
    first = last = start
    for para in _PARAGRAPH.finditer(letter, start, end):
        if not _is_prose(para.group()):
            continue
        text = _HEADER.sub(lambda m: _blank(m.group()), para.group())
        for piece in _pieces(text, para.start()):
            if parts and piece.end - first > _PIECE:
                out.append(Span(first, last, "".join(parts)))
                parts = []
            if parts:
                parts.append(_blank(letter[last : piece.start]))
            else:
                first = piece.start
            parts.append(piece.text)
            last = piece.end
    if parts:
        out.append(Span(first, last, "".join(parts)))
    return tuple(out)


def _pieces(text: str, base: int) -> Iterator[Span]:
    """Cut a paragraph into pieces of at most about _PIECE characters at sentence ends."""
    at = 0
    while len(text) - at > _PIECE:
        ends = [m.end() for m in _SENTENCE_END.finditer(text, at, at + _PIECE)]
        cut = ends[-1] if ends and ends[-1] > at else at + _PIECE
        yield Span(base + at, base + cut, text[at:cut])
        at = cut
    yield Span(base + at, base + len(text), text[at:])


def _is_prose(paragraph: str) -> bool:
    """Say whether a paragraph reads as sentences, not an address block or a header."""
    lines = [ln for ln in paragraph.splitlines() if ln.strip()]
    if all(_HEADER.match(ln) for ln in lines):
        return False
    words = len(paragraph.split())
    return (bool(_SENTENCE_END.search(paragraph)) and words >= 4) or words >= 12


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


@cache
def _spelling_on() -> bool:
    """Say whether Harper's own spelling lint is on: only then do the facts' words matter.

    Measured: switching Harper's added words to another letter's costs ~40 ms CPU (clearing
    and importing ~10 ms each, the next lint ~20 ms), and with SpellCheck off the imported
    words changed no lint on the corpus, the composer's letters or the test table."""
    return "SpellCheck" not in load("grammar")["harper"]["disabled"]


@cache
def _severities() -> tuple[dict[str, Severity], dict[str, Severity]]:
    data = load("grammar")["harper"]
    return data["kinds"], data["rules"]


def severity_of(rule_name: str, kind: str) -> Severity:
    """Return our severity for a Harper lint: by its rule when listed, else by its kind."""
    kinds, rules = _severities()
    return rules.get(rule_name) or kinds.get(kind, "warning")


# Harper releases the GIL while it lints, so a check starts it first on this thread and runs
# the Python rules meanwhile: on two cores a letter takes about the longer of the two. The
# thread runs Harper alone: Python work there would wait for the rules' turn with the GIL
# (up to 5 ms a time), so the prose is cut before and the lints are read after.
_POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="harper")
_Lints = list[tuple[Span, list[tuple[str, "harper.Lint"]]]]


def begin(doc: Doc) -> None:
    """Start Harper on the letter's prose in the background; _harper collects the result.

    This thread waits (up to 50 ms, in case Harper's thread is still building the
    dictionary) until Harper's thread has begun: otherwise it would get the GIL only when the
    rules let go of it, about when they end, and the two would run one after the other."""
    pieces, words = prose(doc), _vocabulary(doc)
    started = threading.Event()
    doc.background["grammar.harper"] = _POOL.submit(_lint_pieces, pieces, words, started)
    if pieces:
        started.wait(0.05)


def _vocabulary(doc: Doc) -> frozenset[str]:
    return fact_vocabulary(doc.facts) if _spelling_on() else frozenset()


def _lint_pieces(
    pieces: tuple[Span, ...], words: frozenset[str], started: threading.Event | None = None
) -> _Lints:
    return [(piece, harper_lints(piece.text, words, started)) for piece in pieces]


@rule("grammar.harper", "error", "Grammar")
def _harper(doc: Doc) -> Iterator[Hit]:
    pending: Future[_Lints] | None = doc.background.pop("grammar.harper", None)
    found = pending.result() if pending is not None else _lint_pieces(prose(doc), _vocabulary(doc))
    for piece, lints in found:
        for name, lint in lints:
            if not _misfire(name, lint, piece.text):
                yield _lint_hit(piece.start, name, lint)


def _misfire(name: str, lint: harper.Lint, text: str) -> bool:
    """Say whether a lint is one Harper is known to get wrong in letters (grammar.yaml)."""
    known: dict[str, Any] = load("grammar")["harper"]["misfires"]
    problem = lint.problem_text.lower()
    if name == "MassNouns":  # "tailings", "an opening": only true mass nouns count
        return not any(noun in problem for noun in known["mass_nouns"])
    if name == "ItsPossessive":  # "Hi Mr. Novak, it's Sara Lindgren": who is calling
        after = text[lint.span.end :].lstrip()
        return after[:1].isupper()
    if name == "ThatThan":  # "anything further that might help": a relative clause
        before = text[: lint.span.start].split()
        return bool(before) and before[-1].lower() in known["that_after"]
    if name == "AnA" and text[lint.span.end : lint.span.end + 1] == "/":
        return True  # not an article: a Danish company's "A/S", or "A/B testing"
    if name == "AnA":  # "an honour": a silent h the American word list does not know
        after = text[lint.span.end :].lstrip().lower()
        return problem == "an" and after.startswith(tuple(known["silent_h"]))
    return problem in known.get(name, [])


def _lint_hit(base: int, name: str, lint: harper.Lint) -> Hit:
    fixes = [s.replacement_text for s in lint.suggestions if s.replacement_text]
    return Hit(
        base + lint.span.start,
        base + lint.span.end,
        f'"{lint.problem_text}": {lint.message} [{name}]',
        fixes[0] if fixes else None,
        severity_of(name, lint.lint_kind),
    )


@dataclass(frozen=True)
class Pattern:
    """One slip: a regex over the prose, the fix for what it matches, and its examples."""

    regex: Guarded
    fix: str | None
    severity: Severity | None
    flag: tuple[str, ...]
    passes: tuple[str, ...]

    def fix_for(self, match: re.Match[str]) -> str | None:
        """Return the replacement for the matched text, keeping its first letter's case."""
        if self.fix is None:
            return None
        groups = {k: v or "" for k, v in match.groupdict().items()}
        for key, value in list(groups.items()):
            groups[f"{key}_ing"] = ing_form(value)
            groups[f"{key}_past"] = load("grammar")["past"].get(value.lower(), value)
            groups[f"{key}_base"] = load("grammar")["base"].get(value.lower(), value)
            groups[f"{key}_plural"] = plural(value)
        fixed = self.fix.format(**groups)
        return fixed[:1].upper() + fixed[1:] if match.group()[:1].isupper() else fixed


@cache
def patterns(rule_id: str) -> tuple[Pattern, ...]:
    """Compile one rule's patterns from grammar.yaml, filling in the word lists."""
    data = load("grammar")
    lists = {name: "|".join(words) for name, words in data["lists"].items()}
    out = []
    for entry in data[rule_id]["patterns"]:
        source = re.sub(r"\{(\w+)\}", lambda m: lists[m.group(1)], entry["pattern"])
        out.append(
            Pattern(
                Guarded.of(re.compile(source, re.I | re.M)),
                entry.get("fix"),
                entry.get("severity"),
                tuple(entry.get("flag", ())),
                tuple(entry.get("pass", ())),
            )
        )
    return tuple(out)


def ing_form(verb: str) -> str:
    """Return a verb's -ing form ("hear" -> "hearing", "be" -> "being", "make" -> "making")."""
    lower = verb.lower()
    irregular: dict[str, str] = load("grammar")["ing"]
    if lower in irregular:
        return irregular[lower]
    if lower.endswith("ie"):
        return lower[:-2] + "ying"
    if lower.endswith("e") and not lower.endswith(("ee", "ye", "oe")) and len(lower) > 2:
        return lower[:-1] + "ing"
    return lower + "ing"


def plural(noun: str) -> str:
    """Return a count noun's plural ("idea" -> "ideas", "opportunity" -> "opportunities")."""
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + ("es" if re.search(r"(?:s|x|z|ch|sh)$", noun) else "s")


def find_slips(rule_id: str, text: str) -> Iterator[tuple[re.Match[str], Pattern]]:
    """Yield every match of a rule's patterns in the text."""
    for pattern in patterns(rule_id):
        for match in pattern.regex.finditer(text):
            yield match, pattern


def _slip_rule(rule_id: str, message: str) -> None:
    def matcher(doc: Doc) -> Iterator[Hit]:
        for piece in prose(doc):
            for match, pattern in find_slips(rule_id, piece.text):
                fix = pattern.fix_for(match)
                detail = f'"{match.group()}"' + (f' (write "{fix}")' if fix else "")
                start, end = piece.start + match.start(), piece.start + match.end()
                yield Hit(start, end, detail, fix, pattern.severity)

    rule(f"grammar.{rule_id}", "error", message)(matcher)


_slip_rule("missing_to", 'A verb after this adjective needs "to"')
_slip_rule("look_forward", '"look forward to" takes an -ing form')
_slip_rule("word_choice", "A slip in a set phrase")
