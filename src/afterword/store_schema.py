"""The history's schema: one migration per version, applied in order, never edited."""

from __future__ import annotations

APP_ID = 0x41465744  # "AFWD", stored in PRAGMA application_id
TABLES = (
    "applications",
    "interviews",
    "contacts",
    "facts",
    "drafts",
    "followups",
    "profile",
    "sessions",
    "events",
)

MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE applications (
        id INTEGER PRIMARY KEY,
        company TEXT NOT NULL,
        position TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        UNIQUE (company, position)
    );
    CREATE TABLE interviews (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        UNIQUE (application_id, date)
    );
    CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        title TEXT,
        email TEXT,
        UNIQUE (application_id, name, role)
    );
    CREATE TABLE facts (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE drafts (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        facts_id INTEGER REFERENCES facts(id) ON DELETE SET NULL,
        kind TEXT NOT NULL,
        channel TEXT NOT NULL,
        recipient TEXT NOT NULL,
        backend TEXT NOT NULL,
        subject TEXT,
        text TEXT NOT NULL,
        passed INTEGER NOT NULL,
        findings TEXT NOT NULL,
        notices TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX drafts_by_time ON drafts (created_at DESC);
    CREATE TABLE followups (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        due TEXT NOT NULL,
        kind TEXT NOT NULL,
        action TEXT NOT NULL,
        recipient TEXT,
        done_at TEXT,
        UNIQUE (application_id, due, kind, action)
    );
    """,
    # 2: the user's own details (kept locally) and the app's working state per browser session
    """
    CREATE TABLE profile (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    """,
    # 3: what happened to each application (applications.py reads and writes it)
    """
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        day TEXT NOT NULL,
        detail TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    """,
    # 4: which app workspace made each draft, so the History tab shows only that workspace's
    """
    ALTER TABLE drafts ADD COLUMN workspace TEXT;
    CREATE INDEX drafts_by_workspace ON drafts (workspace, id DESC);
    """,
]
