"""The local history: applications, the facts used, every draft with its findings, follow-ups.

SQLite in WAL mode with short write transactions, so two browser tabs and the CLI can write
at once. The file stays on this machine; export() and erase() give the user control of it.
A file that is not an Afterword history is refused, never overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from .errors import AfterwordError
from .models import Facts, Letter
from .store_schema import APP_ID, MIGRATIONS, TABLES

__all__ = ["APP_ID", "MIGRATIONS", "TABLES", "Store", "StoreError"]


class StoreError(AfterwordError):
    """The history file cannot be used; it is left exactly as it was."""


def _damaged(path: Path, err: Exception) -> StoreError:
    return StoreError(
        f"damaged: the history file {path} cannot be used ({err}); kept as it was, untouched. "
        "Move it aside to start a new history."
    )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


class Store:
    """The history in one SQLite file."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._check_file()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # One connection per app session, whose reruns never overlap but may change thread.
            self._db = sqlite3.connect(
                self.path, timeout=10, isolation_level=None, check_same_thread=False
            )
        except (OSError, sqlite3.Error) as err:
            raise StoreError(f"{self.path}: the history cannot be opened there ({err})") from err
        try:
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA busy_timeout = 10000")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._verify()
            self._migrate()
        except sqlite3.DatabaseError as err:
            self._db.close()
            raise _damaged(self.path, err) from err

    def _check_file(self) -> None:
        if self.path.is_dir():
            raise StoreError(
                f"{self.path} is a folder; AFTERWORD_DB must name the history file itself, "
                f"for example {self.path / 'history.sqlite3'}"
            )
        if not self.path.exists() or self.path.stat().st_size == 0:
            return
        try:
            with self.path.open("rb") as fh:
                header = fh.read(16)
        except OSError as err:
            raise StoreError(f"{self.path}: the history cannot be read ({err.strerror})") from err
        if header != b"SQLite format 3\x00":
            raise StoreError(
                f"{self.path} is not an Afterword history (not a SQLite file); "
                "it was left untouched. Choose another path with AFTERWORD_DB."
            )

    def _verify(self) -> None:
        """Refuse a damaged file before anything (even the switch to WAL) is written to it."""
        rows = self._db.execute("PRAGMA quick_check(3)").fetchall()
        problems = [" ".join(str(r[0]).replace("*", "").split()) for r in rows]
        if problems != ["ok"]:
            raise sqlite3.DatabaseError("; ".join(problems))

    def _migrate(self) -> None:
        db = self._db
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = db.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
        if app_id != APP_ID and (tables or version):
            raise StoreError(
                f"{self.path} is a SQLite file of another program; it was left "
                "untouched. Choose another path with AFTERWORD_DB."
            )
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path} was written by a newer Afterword (schema {version}); "
                "upgrade Afterword to read it."
            )
        if version < len(MIGRATIONS):
            with self._write():
                version = db.execute("PRAGMA user_version").fetchone()[0]  # another process?
                for n in range(version, len(MIGRATIONS)):
                    for statement in MIGRATIONS[n].split(";"):
                        if statement.strip():
                            db.execute(statement)
                    db.execute(f"PRAGMA user_version = {n + 1}")
                db.execute(f"PRAGMA application_id = {APP_ID}")
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode = WAL")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as err:
            raise StoreError(
                f"{self.path}: the history is busy or cannot be written ({err})"
            ) from err
        try:
            yield self._db
        except BaseException as err:
            self._db.execute("ROLLBACK")
            if isinstance(err, sqlite3.DatabaseError):
                raise _damaged(self.path, err) from err
            raise
        self._db.execute("COMMIT")

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    # -- writing ------------------------------------------------------------------------

    def _application(self, db: sqlite3.Connection, facts: Facts) -> int:
        company, position = facts.company, facts.position or ""
        db.execute(
            "INSERT OR IGNORE INTO applications (company, position, created_at) VALUES (?, ?, ?)",
            (company, position, _now()),
        )
        app_id = int(
            db.execute(
                "SELECT id FROM applications WHERE company = ? AND position = ?",
                (company, position),
            ).fetchone()[0]
        )
        if facts.interview and facts.interview.date:
            db.execute(
                "INSERT OR IGNORE INTO interviews (application_id, date) VALUES (?, ?)",
                (app_id, facts.interview.date.isoformat()),
            )
        people = [(r, "recipient") for r in facts.recipients]
        people += [(r, "reference") for r in facts.references]
        people += [(facts.contact, "contact")] if facts.contact else []
        for person, role in people:
            db.execute(
                "INSERT OR IGNORE INTO contacts (application_id, name, role, title, email) "
                "VALUES (?, ?, ?, ?, ?)",
                (app_id, person.name, role, person.title, person.email),
            )
        return app_id

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """Return a short write transaction, for a module that keeps its own table."""
        return self._write()

    def rows(self, sql: str, args: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        """Run a read query, for a module that keeps its own table."""
        return list(self._db.execute(sql, args))

    def application_id(self, db: sqlite3.Connection, facts: Facts) -> int:
        """Return the id of the facts' application (company + position), adding it if new."""
        return self._application(db, facts)

    def save_letters(
        self, facts: Facts, letters: list[Letter], workspace: str | None = None
    ) -> list[int]:
        """Save the facts and each checked letter (made in an app workspace, or None)."""
        with self._write() as db:
            app_id = self._application(db, facts)
            facts_id = db.execute(
                "INSERT INTO facts (application_id, kind, body, created_at) VALUES (?, ?, ?, ?)",
                (app_id, facts.kind.value, facts.model_dump_json(), _now()),
            ).lastrowid
            ids = []
            for letter in letters:
                cur = db.execute(
                    "INSERT INTO drafts (application_id, facts_id, kind, channel, recipient, "
                    "backend, subject, text, passed, findings, notices, created_at, workspace) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        app_id,
                        facts_id,
                        letter.kind.value,
                        letter.channel.value,
                        letter.recipient,
                        letter.backend,
                        letter.subject,
                        letter.text,
                        int(letter.passed),
                        json.dumps([f.model_dump() for f in letter.findings]),
                        json.dumps(letter.notices),
                        _now(),
                        workspace,
                    ),
                )
                ids.append(int(cur.lastrowid or 0))
        return ids

    def save_plan(self, facts: Facts, steps: list[Any]) -> int:
        """Record the follow-ups of a plan (keeping which are already done)."""
        with self._write() as db:
            app_id = self._application(db, facts)
            for s in steps:
                db.execute(
                    "INSERT OR IGNORE INTO followups (application_id, due, kind, action, recipient)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (app_id, s.due.isoformat(), s.kind, s.action, s.recipient),
                )
        return app_id

    def mark_done(self, followup_id: int, done: bool = True) -> None:
        """Mark a follow-up done (or not done)."""
        with self._write() as db:
            db.execute(
                "UPDATE followups SET done_at = ? WHERE id = ?",
                (_now() if done else None, followup_id),
            )

    def delete_draft(self, draft_id: int) -> bool:
        """Delete one draft; say whether it existed."""
        with self._write() as db:
            return db.execute("DELETE FROM drafts WHERE id = ?", (draft_id,)).rowcount > 0

    def save_profile(self, profile: dict[str, str]) -> None:
        """Keep the user's name and contact details on this machine."""
        with self._write() as db:
            for key, value in profile.items():
                db.execute(
                    "INSERT INTO profile (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )

    def save_session(self, session_id: str, state: dict[str, Any]) -> None:
        """Keep the app's working state so a page refresh loses nothing."""
        with self._write() as db:
            db.execute(
                "INSERT INTO sessions (id, state, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET state = excluded.state, "
                "updated_at = excluded.updated_at",
                (session_id, json.dumps(state, default=str), _now()),
            )

    # -- reading ------------------------------------------------------------------------

    def profile(self) -> dict[str, str]:
        """Return the user's saved details."""
        return {r["key"]: r["value"] for r in self._db.execute("SELECT key, value FROM profile")}

    def session(self, session_id: str) -> dict[str, Any] | None:
        """Return a saved app session, or None."""
        row = self._db.execute("SELECT state FROM sessions WHERE id = ?", (session_id,)).fetchone()
        return dict(json.loads(row["state"])) if row else None

    def _joined(
        self,
        table: str,
        where: dict[str, Any],
        order: str,
        limit: int = -1,
    ) -> list[dict[str, Any]]:
        """Return rows of a table with their application's company and position."""
        sql = (
            f"SELECT t.*, a.company, a.position FROM {table} t "
            "JOIN applications a ON a.id = t.application_id"
        )
        given = {k: v for k, v in where.items() if v is not None}
        if given:
            sql += " WHERE " + " AND ".join(f"t.{column} = ?" for column in given)
        rows = self._db.execute(f"{sql} ORDER BY {order} LIMIT ?", (*given.values(), limit))
        return [_row(r) for r in rows]

    def drafts(
        self, limit: int = 50, application_id: int | None = None, workspace: str | None = None
    ) -> list[dict[str, Any]]:
        """Return the latest drafts, newest first (only one app workspace's, when given)."""
        where = {"application_id": application_id, "workspace": workspace}
        return self._joined("drafts", where, "t.id DESC", limit)

    def draft(self, draft_id: int) -> dict[str, Any] | None:
        """Return one draft, or None."""
        row = self._db.execute(
            "SELECT d.*, a.company, a.position FROM drafts d "
            "JOIN applications a ON a.id = d.application_id WHERE d.id = ?",
            (draft_id,),
        ).fetchone()
        return _row(row) if row else None

    def facts_body(self, facts_id: int) -> str | None:
        """Return the facts a draft was written from, as saved (JSON), or None."""
        row = self._db.execute("SELECT body FROM facts WHERE id = ?", (facts_id,)).fetchone()
        return str(row[0]) if row else None

    def followups(self, application_id: int | None = None) -> list[dict[str, Any]]:
        """Return the recorded follow-ups, earliest first."""
        return self._joined("followups", {"application_id": application_id}, "t.due, t.id")

    def count(self, table: str) -> int:
        """Count the rows of a table."""
        if table not in TABLES:
            raise ValueError(table)
        return int(self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def export(self, workspace: str | None = None) -> dict[str, Any]:
        """Return the history as plain data for a JSON file: all of it, or one workspace's."""
        out: dict[str, Any] = {"format": "afterword-history", "version": len(MIGRATIONS)}
        for t in TABLES:
            out[t] = [_row(r) for r in self._db.execute(f"SELECT * FROM {t} ORDER BY 1")]
        if workspace is not None:
            out["drafts"] = [d for d in out["drafts"] if d["workspace"] == workspace]
            apps = {d["application_id"] for d in out["drafts"]}
            facts = {d["facts_id"] for d in out["drafts"]}
            out["applications"] = [a for a in out["applications"] if a["id"] in apps]
            out["facts"] = [f for f in out["facts"] if f["id"] in facts]
            for t in ("interviews", "contacts", "followups"):
                out[t] = [r for r in out[t] if r["application_id"] in apps]
            out["sessions"] = [s for s in out["sessions"] if s["id"] == workspace]
            out["profile"] = []
        return out

    def erase(self) -> None:
        """Delete the whole history file (and its WAL files) from disk."""
        self.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)


def _row(row: sqlite3.Row) -> dict[str, Any]:
    out = dict(row)
    for key in ("findings", "notices"):
        if key in out and isinstance(out[key], str):
            out[key] = json.loads(out[key])
    if "body" in out and isinstance(out["body"], str):
        out["body"] = json.loads(out["body"])
    if "passed" in out:
        out["passed"] = bool(out["passed"])
    return out
