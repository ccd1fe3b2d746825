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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from ..models import Facts, Severity
from .doc import Doc
from .known import fact_strings
from .lexicon import load
from .registry import Hit, rule

if TYPE_CHECKING:  # harper loads its dictionary on first use; importing it is cheap
    import harper

_LOCK = threading.Lock()  # a Linter raises when two threads call it at once
_WORDS: list[frozenset[str]] = [frozenset()]  # the words imported into the linter now
_HEADER = re.compile(r"^[ \t]*[A-Z][\w -]{0,24}:[ \t][^\n]*$", re.M)
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*(?:\s|$)")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@cache
def linter() -> harper.Linter:
    """Return the process's Harper linter, built once with our lint configuration."""
    import harper

    built = harper.Linter(harper.Dialect.AMERICAN)
    config: dict[str, bool | None] = dict.fromkeys(built.get_default_lint_config())
    unknown = set(load("grammar")["harper"]["disabled"]) - set(config)
    assert not unknown, f"grammar.yaml turns off lints Harper does not have: {unknown}"
    config.update(dict.fromkeys(load("grammar")["harper"]["disabled"], False))
    built.set_lint_config(config)
    return built


def warm() -> threading.Thread:
    """Start building the linter in the background (Harper releases the GIL meanwhile)."""
    thread = threading.Thread(target=linter, name="harper-warm", daemon=True)
    thread.start()
    return thread


def fact_vocabulary(facts: Facts) -> frozenset[str]:
    """Return the words of the facts (names, company, position, terms) as they are written."""
    return frozenset(w.strip(".-'’") for s in fact_strings(facts) for w in _WORD.findall(s))


def harper_lints(text: str, words: Iterable[str] = ()) -> list[tuple[str, harper.Lint]]:
    """Lint plain text with Harper, knowing these words; return (rule name, lint) pairs."""
    wanted = frozenset(w for w in words if w)
    engine = linter()
    with _LOCK:
        if wanted != _WORDS[0]:  # one letter's names never stay in the dictionary for the next
            engine.clear_words()
            if wanted:
                engine.import_words(sorted(wanted))
            _WORDS[0] = wanted
        found = engine.organized_lints(text, language="plaintext")
    return sorted(
        ((name, lint) for name, lints in found.items() for lint in lints),
        key=lambda pair: pair[1].span.start,
    )


def prose(doc: Doc) -> str:
    """Return the letter with everything but the body's prose paragraphs blanked out."""
    return _prose(doc.text, doc.body.start, doc.body.end)


@lru_cache(maxsize=4)  # the four rules of the family read the same letter in a row
def _prose(letter: str, start: int, end: int) -> str:
    out = [_blank(letter[:start])]
    last = 0
    text = letter[start:end]
    for para in _PARAGRAPH.finditer(text):
        if _is_prose(para.group()):
            out.append(_blank(text[last : para.start()]))
            out.append(_HEADER.sub(lambda m: _blank(m.group()), para.group()))
            last = para.end()
    out.append(_blank(text[last:]))
    out.append(_blank(letter[end:]))
    return "".join(out)


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
def _severities() -> tuple[dict[str, Severity], dict[str, Severity]]:
    data = load("grammar")["harper"]
    return data["kinds"], data["rules"]


def severity_of(rule_name: str, kind: str) -> Severity:
    """Return our severity for a Harper lint: by its rule when listed, else by its kind."""
    kinds, rules = _severities()
    return rules.get(rule_name) or kinds.get(kind, "warning")


@rule("grammar.harper", "error", "Grammar")
def _harper(doc: Doc) -> Iterator[Hit]:
    text = prose(doc)
    if not text.strip():
        return
    for name, lint in harper_lints(text, fact_vocabulary(doc.facts)):
        fixes = [s.replacement_text for s in lint.suggestions if s.replacement_text]
        yield Hit(
            lint.span.start,
            lint.span.end,
            f'"{lint.problem_text}": {lint.message} [{name}]',
            fixes[0] if fixes else None,
            severity_of(name, lint.lint_kind),
        )


@dataclass(frozen=True)
class Pattern:
    """One slip: a regex over the prose, the fix for what it matches, and its examples."""

    regex: re.Pattern[str]
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
                re.compile(source, re.I | re.M),
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


def find_slips(rule_id: str, text: str) -> Iterator[tuple[re.Match[str], Pattern]]:
    """Yield every match of a rule's patterns in the text."""
    for pattern in patterns(rule_id):
        for match in pattern.regex.finditer(text):
            yield match, pattern


def _slip_rule(rule_id: str) -> None:
    data: dict[str, Any] = load("grammar")[rule_id]

    def matcher(doc: Doc) -> Iterator[Hit]:
        for match, pattern in find_slips(rule_id, prose(doc)):
            fix = pattern.fix_for(match)
            detail = f'"{match.group()}"' + (f' (write "{fix}")' if fix else "")
            yield Hit(match.start(), match.end(), detail, fix, pattern.severity)

    rule(f"grammar.{rule_id}", "error", data["message"])(matcher)


for _rule_id in ("missing_to", "look_forward", "word_choice"):
    _slip_rule(_rule_id)
