"""What the checker does to be quick must not change what it finds: the word list kept in a
file, the facts' derived sets kept for one check, Harper run on a second thread."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from afterword.checker import check, grammar
from afterword.checker.doc import Doc
from afterword.checker.known import fact_words
from afterword.evals.corpus import load_corpus
from afterword.models import Kind

from .conftest import example_facts


def test_word_list_is_kept_in_a_file_and_read_back(tmp_path: Path) -> None:
    """A fresh process writes the word list to the cache folder; the next one reads it, and
    both say the same of words and non-words."""
    code = (
        "from afterword.checker.dictionary import words, word_list_file, is_known_spelling\n"
        "print(word_list_file().exists(), len(words()),"
        " [is_known_spelling(w) for w in ('organising', 'roadmap', 'recieve', 'Kubernetes')])"
    )
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("False"), "the first process found a file it had not written"
    assert second.stdout.startswith("True")
    assert first.stdout.split(" ", 1)[1] == second.stdout.split(" ", 1)[1]
    assert "[True, True, False, True]" in second.stdout
    assert list((tmp_path / "afterword").glob("words-*.txt"))
    assert not list((tmp_path / "afterword").glob("*.part"))


def test_an_unwritable_cache_folder_still_checks(tmp_path: Path) -> None:
    """No cache folder to write to (a read-only home): the word list comes from the package."""
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    code = "from afterword.checker.dictionary import is_word; print(is_word('letter'))"
    env = {"XDG_CACHE_HOME": str(blocker), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert (done.returncode, done.stdout.strip()) == (0, "True"), done.stderr


def test_a_misspelling_still_gets_its_correction() -> None:
    facts = example_facts(Kind.THANK_YOU)
    text = (
        f"Dear {facts.recipients[0].name},\n\nThank you for the converstation about the "
        f"{facts.position} role.\n\nBest regards,\n{facts.candidate.name}\n"
    )
    found = [f for f in check(text, facts).findings if f.rule == "mechanics.spelling"]
    assert [(f.message.split('"')[1], f.suggestion) for f in found] == [
        ("converstation", "conversation")
    ]


def test_facts_changed_between_checks_are_read_afresh() -> None:
    """The facts' words are kept for one check only: a name added to the same facts object
    is known at the next check."""
    facts = example_facts(Kind.THANK_YOU)
    text = (
        f"Dear {facts.recipients[0].name},\n\nThank you for your time, and please thank "
        f"Mr. Okonkwo-Adeyemi for the tour.\n\nBest regards,\n{facts.candidate.name}\n"
    )
    assert any(f.rule == "grounding.name" for f in check(text, facts).findings)
    facts.interview.notes = "Mr. Okonkwo-Adeyemi gave the tour"
    assert "okonkwo-adeyemi" in fact_words(facts)
    assert not any(f.rule == "grounding.name" for f in check(text, facts).findings)


@pytest.mark.parametrize("item", load_corpus()[:40:3], ids=lambda i: i.id)
def test_harper_on_its_thread_finds_what_it_finds_alone(item: object) -> None:
    """The lints collected from the background thread are those of a direct run."""
    text, facts, kind = item.text, item.facts, item.kind  # type: ignore[attr-defined]
    direct = [(h.start, h.end, h.detail) for h in grammar._harper(Doc(text, facts, kind))]
    found = [
        (f.start, f.end, f.message.split(": ", 1)[1])
        for f in check(text, facts, kind).findings
        if f.rule == "grammar.harper"
    ]
    assert sorted(found) == sorted(direct)
