"""Shared fixtures: example facts, and a clean environment for every test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from afterword.facts import load_facts
from afterword.models import Facts, Kind
from afterword.settings import Settings, load_settings

from .openai_server import FakeOpenAI

SECRET = "sk-test-secret-0123456789"

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

# The example facts file used for each kind's base letter.
KIND_EXAMPLES = {
    Kind.THANK_YOU: "thank_you_panel.yaml",
    Kind.INQUIRY: "inquiry.yaml",
    Kind.EXTENSION: "extension.yaml",
    Kind.ACCEPTANCE: "acceptance.yaml",
    Kind.DECLINE: "decline.yaml",
    Kind.WITHDRAWAL: "withdrawal.yaml",
    Kind.RESIGNATION: "resignation.yaml",
    Kind.REFERENCE_UPDATE: "reference_update.yaml",
    Kind.NETWORKING_THANKS: "networking_thanks.yaml",
    Kind.STAY_IN_TOUCH: "stay_in_touch.yaml",
    Kind.WRITTEN_OFFER_REQUEST: "written_offer_request.yaml",
    Kind.PHONE_FOLLOW_UP: "phone_follow_up.yaml",
    Kind.PROMISED_FOLLOW_UP: "promised_follow_up.yaml",
    Kind.REFERENCE_CHECK_IN: "reference_check_in.yaml",
    Kind.THANKS_AFTER_LANDING: "thanks_after_landing.yaml",
}


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "AFTERWORD_MODEL", "AFTERWORD_DB"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("AFTERWORD_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("AFTERWORD_RESIDENT", "0")  # tests that want a resident checker ask


def example_facts(kind: Kind) -> Facts:
    """Load the example facts file for a kind."""
    return load_facts(EXAMPLES / KIND_EXAMPLES[kind])


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    """A real OpenAI-compatible HTTP server on 127.0.0.1."""
    fake = FakeOpenAI().start()
    yield fake
    fake.stop()


@pytest.fixture
def settings(server: FakeOpenAI, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings pointing the real client at the test server, with quick retries."""
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    monkeypatch.setenv("AFTERWORD_BACKOFF", "0.001")
    monkeypatch.setenv("AFTERWORD_TIMEOUT", "5")
    return load_settings()
