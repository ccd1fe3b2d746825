"""Hostile and unlucky input (issue 13), from the tables bench_hostile.py also runs: nothing
planted becomes a fact or reaches a ready letter, nothing gives a traceback, nothing typed is
obeyed by a terminal or a browser, and a damaged history is refused untouched."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from afterword.cli import app
from afterword.evals.hostile import (
    BAD_FACTS,
    HOSTILE_OFFERS,
    PLANTED,
    TERMINAL_TRAPS,
    TODAY,
    HostileOffer,
    offer,
    shapes,
)
from afterword.models import Kind
from afterword.offers import extract
from afterword.pipeline import draft_offline
from afterword.store import Store, StoreError
from afterword.terminal import safe
from afterword.ui.text import plain

from .conftest import EXAMPLES, example_facts

PROFILE = """kind: acceptance
sent_on: 2026-11-23
candidate: {name: Jane Doe, email: jane.doe@example.com}
"""
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _planted(text: str) -> bool:
    return any(p in text for p in PLANTED)


@pytest.mark.parametrize("case", HOSTILE_OFFERS, ids=[c.name for c in HOSTILE_OFFERS])
def test_nothing_planted_is_a_fact_and_the_reader_is_told(case: HostileOffer) -> None:
    text, got = extract(case.text, TODAY)
    assert not any(_planted(s.value) for s in [*got.spans()] if s not in _options(got))
    assert case.warns in " ".join(got.warnings), got.warnings
    for span in got.spans():
        assert 0 <= span.start <= span.end <= len(text)


def _options(got: object) -> list[object]:
    return [o for c in got.conflicts for o in c.options]  # type: ignore[attr-defined]


@pytest.mark.parametrize("case", HOSTILE_OFFERS, ids=[c.name for c in HOSTILE_OFFERS])
def test_no_planted_value_reaches_a_ready_letter(tmp_path: Path, case: HostileOffer) -> None:
    profile, pasted = tmp_path / "profile.yaml", tmp_path / "offer.txt"
    profile.write_text(PROFILE + "recipients: [{name: Maria Lopez, honorific: Ms.}]\n")
    pasted.write_text(case.text)
    result = CliRunner().invoke(
        app, ["draft", str(profile), "--offer", str(pasted), "--json", "--no-save"]
    )
    assert result.exit_code in (0, 1, 2), result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    if result.exit_code == 2:  # a missing or conflicting fact: the person is asked
        assert re.search(r"(?:missing|do not fit):\n  - \w|different", result.stderr), result.stderr
        return
    for letter in json.loads(result.stdout)["letters"]:
        assert not (letter["passed"] and _planted(letter["text"])), letter["text"]


@pytest.mark.parametrize(("name", "text", "word"), BAD_FACTS, ids=[n for n, _, _ in BAD_FACTS])
def test_bad_facts_files_are_a_message_and_exit_2(
    tmp_path: Path, name: str, text: str, word: str
) -> None:
    path = tmp_path / ("facts.json" if text.startswith("{") else "facts.yaml")
    path.write_text(text)
    result = CliRunner().invoke(app, ["plan", str(path)])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert word in result.stderr and str(path) in result.stderr, result.stderr


@pytest.mark.parametrize("trap", TERMINAL_TRAPS, ids=[repr(t) for t in TERMINAL_TRAPS])
@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_control_characters_never_reach_the_terminal(
    tmp_path: Path, trap: str, as_json: bool
) -> None:
    source = (EXAMPLES / "acceptance.yaml").read_text()
    data = json.dumps({"name": f"Maria {trap}Lopez", "honorific": "Ms."})
    path = tmp_path / "facts.yaml"
    path.write_text(re.sub(r"  - \{name: Maria Lopez[^}]*\}", lambda _: f"  - {data}", source))
    args = ["draft", str(path), "--no-save"] + (["--json"] if as_json else [])
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    assert not UNSAFE.search(result.stdout + result.stderr)
    if as_json:  # the escapes are JSON escapes: the data is unchanged
        assert json.loads(result.stdout)["letters"][0]["recipient"] == f"Maria {trap}Lopez"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[2J", "\\u001b[2J"),
        ("a\u202eb", "a\\u202eb"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("Nguyễn Văn An", "Nguyễn Văn An"),
    ],
)
def test_safe_escapes_only_what_a_terminal_obeys(text: str, shown: str) -> None:
    assert safe(text) == shown


MARKDOWN_TRAPS = [
    "![x](https://tracker.example/p.png)",
    "[click](javascript:alert(1))",
    "<img src=https://tracker.example/p.png>",
    "**bold** _it_ `code` # head",
    "<script>alert(1)</script>",
    "> quote\n- item\n1. one",
    "a\\*b [x]: https://tracker.example",
]


@pytest.mark.parametrize("text", MARKDOWN_TRAPS)
def test_plain_text_gives_markdown_nothing_to_act_on(text: str) -> None:
    html = MarkdownIt("commonmark").render(plain(text))
    assert not re.search(r"<(?:img|a|strong|em|code|h1|script|blockquote|ul|ol)\b", html)
    shown = re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">")
    assert " ".join(shown.replace("&amp;", "&").replace("&quot;", '"').split()) == " ".join(
        text.split()
    )


@pytest.mark.parametrize("name", list(shapes()))
def test_odd_shapes_read_without_error(name: str) -> None:
    text, got = extract(shapes()[name], TODAY)
    for span in got.spans():
        assert text[span.start : span.end]


def _garble(path: Path, pages: tuple[int, ...]) -> None:
    data = bytearray(path.read_bytes())
    for page in pages:
        data[(page - 1) * 4096 : (page - 1) * 4096 + 300] = os.urandom(300)
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = tmp_path / "history.sqlite3"
    store = Store(path)
    for kind in (Kind.ACCEPTANCE, Kind.DECLINE, Kind.THANK_YOU, Kind.INQUIRY):
        facts = example_facts(kind)
        store.save_letters(facts, draft_offline(facts))
    store.close()
    sqlite3.connect(path).execute("PRAGMA journal_mode = DELETE").close()
    assert sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0] >= 8
    _garble(path, (3, 5, 7))
    return path


def test_a_damaged_history_is_refused_before_any_write(damaged: Path) -> None:
    before = damaged.read_bytes()
    with pytest.raises(StoreError, match="damaged"):
        Store(damaged)
    assert damaged.read_bytes() == before
    assert not Path(f"{damaged}-wal").exists()


def test_a_damaged_history_still_shows_the_letter(
    damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = damaged.read_bytes()
    monkeypatch.setenv("AFTERWORD_DB", str(damaged))
    result = CliRunner().invoke(app, ["draft", str(EXAMPLES / "acceptance.yaml")])
    assert result.exit_code == 0, result.output
    assert "Dear Ms. Lopez" in result.stdout
    assert "damaged:" in result.stdout and "your letter is below and was not saved" in result.stdout
    assert damaged.read_bytes() == before


@pytest.mark.parametrize("where", ["folder", "under a file"])
def test_a_history_path_that_cannot_be_a_file_is_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    (tmp_path / "plain.txt").write_text("x")
    db = tmp_path if where == "folder" else tmp_path / "plain.txt" / "history.sqlite3"
    monkeypatch.setenv("AFTERWORD_DB", str(db))
    listing = CliRunner().invoke(app, ["history", "list"])
    assert listing.exit_code == 2 and str(db) in listing.stderr
    assert isinstance(listing.exception, SystemExit)
    drafted = CliRunner().invoke(app, ["draft", str(EXAMPLES / "acceptance.yaml")])
    assert drafted.exit_code == 0 and "not saved to the history" in drafted.stdout


def test_each_workspace_sees_only_its_own_drafts(tmp_path: Path) -> None:
    store = Store(tmp_path / "history.sqlite3")
    facts = example_facts(Kind.ACCEPTANCE)
    store.save_letters(facts, draft_offline(facts), "workspace-a")
    store.save_letters(facts, draft_offline(facts), "workspace-b")
    store.save_session("workspace-b", {"chat": []})
    mine = store.drafts(workspace="workspace-a")
    assert len(mine) == 1 and mine[0]["workspace"] == "workspace-a"
    exported = store.export(workspace="workspace-a")
    assert [d["workspace"] for d in exported["drafts"]] == ["workspace-a"]
    assert exported["sessions"] == [] and len(store.drafts()) == 2


@pytest.mark.parametrize(
    ("signed", "name", "honorific"),
    [
        ("María de la Cruz", "María de la Cruz", None),
        ("Siobhán Ó Ceallaigh", "Siobhán Ó Ceallaigh", None),
        ("Nguyễn Văn An", "Nguyễn Văn An", None),
        ("Jean-Luc Dubois", "Jean-Luc Dubois", None),
        ("Dr. Aiko Yamada", "Aiko Yamada", "Dr."),
        ("田中 太郎", "田中 太郎", None),
        ("Ludwig van der Berg", "Ludwig van der Berg", None),
        ("Ms. Ölçüm Çağlar", "Ölçüm Çağlar", "Ms."),
        ("Олег Петров", "Олег Петров", None),
        ("Seán O'Brien", "Seán O'Brien", None),
        ("the hiring team", None, None),
        ("HR Desk 2", None, None),
    ],
)
def test_contact_names_in_any_script(signed: str, name: str | None, honorific: str | None) -> None:
    text, got = extract(offer(contact=signed), TODAY)
    if name is None:
        assert got.contact is None
        return
    assert got.contact is not None and got.contact.value == name
    assert got.contact.honorific == honorific
    assert text[got.contact.start : got.contact.end] == name
