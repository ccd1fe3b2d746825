"""The history: drafts survive restarts, concurrent writers lose nothing, foreign files are
refused and left untouched, export and erase do what they say."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from afterword.cli import app
from afterword.models import Kind
from afterword.pipeline import draft_offline
from afterword.plan import build_plan
from afterword.store import MIGRATIONS, Store, StoreError

from .conftest import EXAMPLES, example_facts


def _store(tmp_path: Path) -> Store:
    return Store(tmp_path / "history.sqlite3")


def test_drafts_survive_a_restart(tmp_path: Path) -> None:
    facts = example_facts(Kind.THANK_YOU)
    store = _store(tmp_path)
    ids = store.save_letters(facts, draft_offline(facts))
    store.close()
    again = _store(tmp_path)
    assert [d["id"] for d in again.drafts()] == sorted(ids, reverse=True)
    draft = again.draft(ids[0])
    assert draft is not None and draft["recipient"] == "Tom Jones" and draft["passed"] is True
    assert again.count("contacts") == 3 and again.count("interviews") == 1


WRITER = textwrap.dedent(
    """
    import sys
    from afterword.facts import load_facts
    from afterword.pipeline import draft_offline
    from afterword.store import Store
    facts = load_facts(sys.argv[2])
    letters = draft_offline(facts)
    store = Store(sys.argv[1])
    for _ in range(int(sys.argv[3])):
        store.save_letters(facts, letters)
    """
)


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    Store(path).close()
    facts_path = str(EXAMPLES / "decline.yaml")
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), facts_path, "60"])
        for _ in range(2)
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    store = Store(path)
    assert store.count("drafts") == 120 and store.count("facts") == 120
    assert store.count("applications") == 1
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize(
    "content",
    [b"this is my CV, not a database\n" * 20, b"SQLite format 3\x00" + b"\xff" * 4000],
    ids=["not-sqlite", "damaged-sqlite"],
)
def test_a_corrupt_file_is_refused_and_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="untouched"):
        Store(path)
    assert path.read_bytes() == content


def test_another_programs_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE recipes (name TEXT)")
    db.execute("INSERT INTO recipes VALUES ('soup')")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another program"):
        Store(path)
    assert path.read_bytes() == before


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store._db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    store.close()
    with pytest.raises(StoreError, match="newer Afterword"):
        _store(tmp_path)


def test_plan_followups_are_kept_and_marked_done(tmp_path: Path) -> None:
    facts = example_facts(Kind.THANK_YOU)
    store = _store(tmp_path)
    store.save_plan(facts, build_plan(facts))
    store.save_plan(facts, build_plan(facts))  # saving again adds nothing
    rows = store.followups()
    assert len(rows) == len(build_plan(facts))
    store.mark_done(rows[0]["id"])
    assert _store(tmp_path).followups()[0]["done_at"] is not None


def test_export_then_erase(tmp_path: Path) -> None:
    facts = example_facts(Kind.DECLINE)
    store = _store(tmp_path)
    store.save_letters(facts, draft_offline(facts))
    data = store.export()
    assert data["format"] == "afterword-history" and len(data["drafts"]) == 1
    assert data["facts"][0]["body"]["company"] == "ABC Company"
    json.dumps(data)  # exportable as JSON
    store.erase()
    assert list(tmp_path.iterdir()) == []


def test_cli_saves_before_showing_and_history_commands(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["draft", str(EXAMPLES / "thank_you_panel.yaml")]).exit_code == 0
    listed = runner.invoke(app, ["history", "list"])
    assert listed.exit_code == 0 and listed.stdout.count("thank_you") == 3
    shown = runner.invoke(app, ["history", "show", "1"])
    assert "Dear Mr. Jones," in shown.stdout
    assert runner.invoke(app, ["history", "delete", "1"]).exit_code == 2  # needs --yes
    assert runner.invoke(app, ["history", "delete", "1", "--yes"]).exit_code == 0
    out = tmp_path / "export.json"
    assert runner.invoke(app, ["history", "export", str(out)]).exit_code == 0
    assert len(json.loads(out.read_text())["drafts"]) == 2
    assert runner.invoke(app, ["history", "erase", "--yes"]).exit_code == 0
    assert "No drafts yet." in runner.invoke(app, ["history", "list"]).stdout


def test_a_broken_history_does_not_lose_the_letter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 10)
    monkeypatch.setenv("AFTERWORD_DB", str(bad))
    result = CliRunner().invoke(app, ["draft", str(EXAMPLES / "decline.yaml"), "--json"])
    assert result.exit_code == 0
    letter = json.loads(result.stdout)["letters"][0]
    assert "Dear Ms. Lopez," in letter["text"]
    assert letter["notices"][0].startswith("not saved to the history:")


def test_migrating_a_version_one_history_keeps_its_drafts(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute("PRAGMA user_version = 1")
    db.execute("PRAGMA application_id = 1095128900")
    db.execute("INSERT INTO applications (company, position, created_at) VALUES ('ABC', 'X', 't')")
    db.execute(
        "INSERT INTO drafts (application_id, kind, channel, recipient, backend, text, passed,"
        " findings, notices, created_at) VALUES (1, 'decline', 'email', 'A', 'offline', 'hi',"
        " 1, '[]', '[]', 't')"
    )
    db.commit()
    db.close()
    store = Store(path)
    assert store.count("drafts") == 1
    store.save_profile({"name": "Jane Doe"})
    store.save_session("abc", {"answers": {"role": "x"}})
    again = Store(path)
    assert again.profile() == {"name": "Jane Doe"} and again.session("abc") == {
        "answers": {"role": "x"}
    }
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_drafting_from_the_cli_records_the_follow_ups(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["draft", str(EXAMPLES / "thank_you_panel.yaml")])
    assert result.exit_code == 0
    from afterword.settings import load_settings

    rows = Store(load_settings().db_path).followups()
    assert any(r["action"] == "Email a thank-you note to Tom Jones" for r in rows)
