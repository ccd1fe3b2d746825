"""Model faults through the real client and a real HTTP server: every broken reply, silence or
trickle ends in a letter with a notice (never a traceback), one deadline holds per letter,
bad settings name the variable, and credentials in a URL are never shown or stored."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from afterword.cli import app
from afterword.drafting.chain import Chain
from afterword.errors import ConfigError
from afterword.models import Kind
from afterword.settings import Settings, load_settings

from .conftest import EXAMPLES, KIND_EXAMPLES, SECRET, example_facts
from .openai_server import FakeOpenAI, Reply

SSE = "text/event-stream"
MALFORMED = {
    "html-page": Reply(
        raw=b"<html><body>Welcome to nginx!</body></html>", content_type="text/html"
    ),
    "no-choices": Reply(raw=b'{"id": "x", "object": "chat.completion", "choices": []}'),
    "invalid-json": Reply(raw=b'{"choices": [{"message": '),
    "empty-body": Reply(raw=b""),
    "stream-no-choices": Reply(
        raw=b'data: {"id": "x", "choices": []}\n\ndata: [DONE]\n\n', content_type=SSE
    ),
    "stream-bad-json": Reply(raw=b"data: {not json\n\n", content_type=SSE),
    "stream-null-delta": Reply(
        raw=b'data: {"id": "x", "choices": [{"index": 0, "delta": null}]}\n\n', content_type=SSE
    ),
    "json-not-a-letter": Reply(content='{"letter": "Thanks!"}'),
    "prose-not-a-letter": Reply(content="Sure! Here is a draft you could adapt."),
}


@pytest.mark.parametrize("reply", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_reply_falls_back_with_a_notice(
    reply: Reply, server: FakeOpenAI, settings: Settings
) -> None:
    server.always = reply
    run = Chain(settings).draft_one(example_facts(Kind.DECLINE), 0)
    assert run.letter is not None and run.letter.backend == "offline" and run.letter.passed
    assert run.calls == len(server.requests) >= 1
    [notice] = run.letter.notices
    assert notice.startswith(f"drafted offline: the model at {server.url} ")


@pytest.mark.parametrize("reply", list(MALFORMED.values())[:4], ids=list(MALFORMED)[:4])
def test_the_cli_prints_the_letter_not_a_traceback(
    reply: Reply, server: FakeOpenAI, settings: Settings
) -> None:
    server.always = reply
    path = str(EXAMPLES / KIND_EXAMPLES[Kind.WITHDRAWAL])
    result = CliRunner().invoke(app, ["draft", path, "--backend", "openai", "--no-save"])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert "drafted offline: the model at" in result.output


@pytest.fixture(scope="module")
def warm_checker() -> None:
    """Load the checker's dictionaries once, so a timing measures the deadline, not them."""
    from afterword.drafting.offline import compose_one
    from afterword.pipeline import check_draft

    facts = example_facts(Kind.WITHDRAWAL)
    check_draft(compose_one(facts, 0), facts)


@pytest.mark.parametrize(
    "reply",
    [Reply(silent=30), Reply(trickle=0.3), Reply(delay=30), Reply(status=503, body=None)],
    ids=["silent-after-headers", "a-byte-at-a-time", "no-headers", "always-503"],
)
def test_one_deadline_per_letter_holds_however_the_server_stalls(
    reply: Reply, server: FakeOpenAI, monkeypatch: pytest.MonkeyPatch, warm_checker: None
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    server.always = reply
    # retries and a backoff longer than the deadline: the deadline still wins
    settings = load_settings(timeout=1.0, retries=5, backoff=5.0)
    chain, facts = Chain(settings), example_facts(Kind.WITHDRAWAL)
    began = time.monotonic()
    run = chain.draft_one(facts, 0)
    assert time.monotonic() - began < 1.0 + 3.0  # the deadline, then an offline letter and a
    # check, which take a moment on a machine this busy
    assert run.letter is not None and run.letter.backend == "offline"
    assert run.calls == len(server.requests) >= 1
    assert run.prompt_tokens > 0  # a try that timed out still sent its prompt, and is counted


def test_the_default_deadline_gives_up_well_under_90_seconds() -> None:
    assert 30 <= load_settings().timeout < 90


def test_a_revision_that_runs_out_of_time_keeps_the_first_draft(
    server: FakeOpenAI, monkeypatch: pytest.MonkeyPatch, warm_checker: None
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    server.queue.extend(
        [Reply(transform=lambda p: {**p, "salutation": "Dear Mr. Jnoes,"}), Reply(silent=30)]
    )
    # room for the quick first draft and its check on a busy machine; the second never comes
    settings = load_settings(timeout=6.0, retries=0)
    run = Chain(settings).draft_one(example_facts(Kind.THANK_YOU), 0)
    assert run.letter is not None and run.letter.backend.startswith("openai")
    assert "Dear Mr. Jnoes," in run.letter.text and not run.letter.passed
    assert run.calls == 2 and [a.purpose for a in run.attempts] == ["draft"]
    assert any(n.startswith("not revised: the model at") for n in run.letter.notices)


@pytest.mark.parametrize(
    ("variable", "value", "said"),
    [
        ("AFTERWORD_TIMEOUT", "abc", "a number of seconds for one letter"),
        ("AFTERWORD_TIMEOUT", "0", "above 0"),
        ("AFTERWORD_TIMEOUT", "-3", "above 0"),
        ("AFTERWORD_TIMEOUT", "1e9", "at most 3600"),
        ("AFTERWORD_RETRIES", "-1", "a whole number from 0 to 10"),
        ("AFTERWORD_RETRIES", "two", "a whole number from 0 to 10"),
        ("AFTERWORD_RETRIES", "1.5", "a whole number from 0 to 10"),
        ("AFTERWORD_BACKOFF", "-0.5", "a number of seconds from 0 to 60"),
        ("OPENAI_BASE_URL", "localhost:11434/v1", "an http:// or https:// URL"),
        ("OPENAI_BASE_URL", "ftp://models.example/v1", "an http:// or https:// URL"),
        ("AFTERWORD_MODEL", "  ", "a model name"),
    ],
)
def test_a_bad_setting_is_a_message_naming_the_variable(
    variable: str, value: str, said: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert f"{variable} must be" in str(caught.value) and said in str(caught.value)
    assert repr(value) in str(caught.value)
    path = str(EXAMPLES / KIND_EXAMPLES[Kind.DECLINE])
    result = CliRunner().invoke(app, ["draft", path, "--backend", "openai"])
    assert result.exit_code == 2 and f"{variable} must be" in result.stderr
    assert "Traceback" not in result.output and SECRET not in result.output


def test_credentials_in_the_base_url_are_never_shown_or_stored(
    server: FakeOpenAI, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    token = "tok-9f8e7d6c5b4a"
    url_with_secret = server.url.replace("http://", f"http://jane:{token}@")
    monkeypatch.setenv("OPENAI_BASE_URL", url_with_secret)
    monkeypatch.setenv("AFTERWORD_BACKOFF", "0")
    settings = load_settings()
    assert settings.base_url == server.url and token not in repr(settings)
    Chain(settings).draft_one(example_facts(Kind.DECLINE), 0)  # works: the memory is written
    server.always = Reply(status=503)
    path = str(EXAMPLES / KIND_EXAMPLES[Kind.DECLINE])
    result = CliRunner().invoke(app, ["draft", path, "--backend", "openai", "--json"])
    assert f"the model at {server.url} returned 503" in result.output
    assert token not in result.output
    stored = [p for p in (tmp_path / "home").iterdir() if p.is_file()]
    assert {p.suffix for p in stored} >= {".json", ".sqlite3"}
    for p in stored:
        assert token not in p.read_bytes().decode("utf-8", "replace"), p
    with sqlite3.connect(tmp_path / "home" / "history.sqlite3") as db:
        dump = "\n".join(db.iterdump())
    assert "returned 503" in dump and token not in dump
    ftp = url_with_secret.replace("http://", "ftp://")
    bad = CliRunner().invoke(
        app, ["draft", path, "--backend", "openai"], env={"OPENAI_BASE_URL": ftp}
    )
    assert bad.exit_code == 2 and "OPENAI_BASE_URL must be" in bad.stderr
    assert token not in bad.output
