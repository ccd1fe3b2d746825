"""The rubric judge over HTTP: structured output, stepping down, retries, record and replay."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from afterword.cli import app
from afterword.drafting.calling import Try
from afterword.errors import AfterwordError, BackendError
from afterword.evals.judge import Judge, criteria_for, open_judge, rubric_model
from afterword.evals.runner import retried
from afterword.models import Kind
from afterword.settings import Settings

from .openai_server import FakeOpenAI, Reply

runner = CliRunner()

LETTER = """Dear Ms. Okonkwo,

Thank you for meeting me on Tuesday about the Data Analyst role at Lagos Freight. Your plan to
move the depot schedules onto one shared dashboard stayed with me.

I will send the sample report by Friday, as we agreed.

Best regards,
Tunde Bakare"""


@pytest.mark.parametrize(
    ("json_schema", "tools", "queue", "method", "step_downs", "retries"),
    [
        (True, True, [], "json_schema", 0, 0),
        (False, True, [], "function_calling", 1, 0),
        (False, False, [], "text", 2, 0),
        (True, True, [Reply(content="I think it is a fine letter.")], "function_calling", 1, 0),
        (True, True, [Reply(content='{"genuine": {"score": 9}}')], "function_calling", 1, 0),
        (True, True, [Reply(status=500)], "json_schema", 0, 1),
        (True, True, [Reply(status=503), Reply(status=429)], "json_schema", 0, 2),
    ],
)
def test_the_judge_steps_down_and_retries_until_an_answer_fits(
    server: FakeOpenAI,
    settings: Settings,
    json_schema: bool,
    tools: bool,
    queue: list[Reply],
    method: str,
    step_downs: int,
    retries: int,
) -> None:
    server.supports = {"json_schema": json_schema, "tools": tools}
    server.queue.extend(queue)
    judge = Judge(settings, sleep=lambda _s: None)
    scores = judge.score(Kind.THANK_YOU, LETTER)
    assert list(scores) == list(criteria_for(Kind.THANK_YOU))
    assert all(1 <= s.score <= 5 and s.reason for s in scores.values())
    assert scores["brief"].score == 5  # the canned judge: a short letter is brief
    assert judge.stats.methods == {method: 1}
    assert (judge.stats.step_downs, judge.stats.retries) == (step_downs, retries)
    assert judge.stats.calls == 1 + step_downs + retries == len(server.requests)
    assert all(r["temperature"] == 0 for r in server.requests)


def test_a_judge_that_never_answers_is_a_backend_error_counted_apart(
    server: FakeOpenAI, settings: Settings
) -> None:
    server.always = Reply(status=500)
    judge = Judge(settings, sleep=lambda _s: None)
    with pytest.raises(BackendError, match="judge"):
        judge.score(Kind.DECLINE, LETTER)
    assert judge.stats.failures == 1 and judge.stats.retries == settings.retries


def test_a_silent_server_is_a_timeout(
    server: FakeOpenAI, monkeypatch: pytest.MonkeyPatch, settings: Settings
) -> None:
    monkeypatch.setenv("AFTERWORD_TIMEOUT", "0.5")
    from afterword.settings import load_settings

    server.always = Reply(silent=2)
    judge = Judge(load_settings(), sleep=lambda _s: None)
    with pytest.raises(BackendError):
        judge.score(Kind.THANK_YOU, LETTER)
    assert judge.stats.timeouts == 1 and judge.stats.failures == 1


@pytest.mark.parametrize(
    ("kind", "criteria"),
    [
        (Kind.THANK_YOU, ("genuine", "specific", "confident", "brief")),
        (Kind.DECLINE, ("genuine", "confident", "warm_decline", "brief")),
        (Kind.WITHDRAWAL, ("genuine", "confident", "warm_decline", "brief")),
        (Kind.ACCEPTANCE, ("genuine", "confident", "brief")),
        (Kind.THANKS_AFTER_LANDING, ("genuine", "specific", "confident", "brief")),
    ],
)
def test_criteria_apply_per_kind_and_shape_the_schema(
    kind: Kind, criteria: tuple[str, ...]
) -> None:
    assert criteria_for(kind) == criteria
    schema = rubric_model(criteria).model_json_schema()
    assert tuple(schema["required"]) == criteria


@pytest.mark.parametrize(
    ("outcomes", "count"),
    [
        (["letter"], 0),
        (["returned 500", "letter"], 1),
        (["returned 500", "returned 503", "letter"], 2),
        (["returned 400", "letter"], 0),  # the second try is another method: a step down
        (["letter", "letter"], 0),  # a revision
    ],
)
def test_retries_are_same_method_tries_after_a_fault(outcomes: list[str], count: int) -> None:
    methods = ["json_schema", "json_schema", "json_schema"]
    if outcomes == ["returned 400", "letter"]:
        methods = ["json_schema", "text"]
    tries = [Try(m, o) for m, o in zip(methods, outcomes, strict=False)]
    assert retried(tries) == count


def test_replay_without_recordings_is_an_error_saying_how_to_record(tmp_path: Path) -> None:
    with pytest.raises(AfterwordError, match="--mode record"):
        open_judge("replay", tmp_path / "none")


def _judged(out: Path, tapes: Path, mode: str) -> Any:
    args = ["eval", "--judge", "--mode", mode, "--cases", "de-*", "--no-agreement"]
    result = runner.invoke(app, [*args, "--judge-cassettes", str(tapes), "--out", str(out)])
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "summary.json").read_text())
    rows = [json.loads(x) for x in (out / "results.jsonl").read_text().splitlines()]
    return summary["judge"]["means"], [r["judge"] for r in rows], result.output


def test_a_replayed_judged_eval_needs_no_network_and_gives_the_same_numbers_twice(
    server: FakeOpenAI, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tapes = tmp_path / "judge"
    recorded = _judged(tmp_path / "rec", tapes, "record")
    assert recorded[0] and server.requests
    server.stop()
    monkeypatch.delenv("OPENAI_BASE_URL")
    monkeypatch.delenv("OPENAI_API_KEY")

    def no_network(*_args: object) -> None:
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    first = _judged(tmp_path / "one", tapes, "replay")
    second = _judged(tmp_path / "two", tapes, "replay")
    assert first[:2] == second[:2] == recorded[:2]
    assert "replay.invalid" in first[2]
    html = (tmp_path / "one" / "report.html").read_text()
    assert 'class="judge"' in html and "canned:" in html


def test_the_committed_recordings_replay_every_case_offline_with_agreement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_network(*_args: object) -> None:
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    result = runner.invoke(app, ["eval", "--judge", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    judged = json.loads((tmp_path / "summary.json").read_text())["judge"]
    assert judged["stats"]["failures"] == 0 and judged["stats"]["answers"] > 100
    assert set(judged["agreement"]) == {"genuine", "specific", "confident", "warm_decline", "brief"}
    assert all(a["n"] >= 10 and a["strength"] for a in judged["agreement"].values())
    assert "against the hand ratings" in result.output
    page = (tmp_path / "report.html").read_text()
    assert "<h2>Judge</h2>" in page and "weighted kappa" in page


def test_the_hand_ratings_span_kinds_and_both_ends_of_the_scale() -> None:
    from afterword.evals.rated import load_rated

    letters = load_rated()
    assert len(letters) >= 40 and len({x.kind for x in letters}) >= 10
    for criterion in ("genuine", "specific", "confident", "warm_decline", "brief"):
        scores = [x.ratings[criterion][0] for x in letters if criterion in x.ratings]
        assert min(scores) <= 2 and max(scores) == 5, criterion


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        ("- {id: x1, kind: thank_you, text: Hi, ratings: {genuine: [3, ok]}}", "x1: ratings"),
        ("- {id: x2, kind: memo, text: Hi, ratings: {}}", "x2: kind"),
        (
            "- {id: x3, kind: inquiry, text: Hi, ratings: "
            "{genuine: [7, ok], confident: [3, ok], brief: [3, ok]}}",
            "score from 1 to 5",
        ),
    ],
)
def test_a_bad_rating_is_an_error_naming_the_letter_and_field(
    tmp_path: Path, entry: str, said: str
) -> None:
    from afterword.evals.rated import load_rated

    path = tmp_path / "ratings.yaml"
    path.write_text(entry + "\n")
    with pytest.raises(AfterwordError, match=said):
        load_rated(path)


def test_repeated_runs_report_their_spread(tmp_path: Path) -> None:
    args = ["eval", "--cases", "de-*", "--repeat", "3", "--out", str(tmp_path)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    repeat = json.loads((tmp_path / "summary.json").read_text())["repeat"]
    assert repeat["pass_rate"]["runs"] == 3 and repeat["pass_rate"]["stdev"] == 0.0
    assert repeat["latency_ms_p50"]["min"] <= repeat["latency_ms_p50"]["max"]
    assert "over 3 runs" in result.output and "passed in some runs only: none" in result.output


@pytest.mark.parametrize(
    ("script", "timeout", "column", "count"),
    [
        ([Reply(status=500)], "5", "retries", 1),
        ([Reply(status=503), Reply(status=502)], "5", "retries", 2),
        ([Reply(silent=3)], "0.6", "timeouts", 1),
        ([Reply(status=400)], "5", "retries", 0),  # a step down, not a retry
    ],
)
def test_live_runs_count_retries_and_timeouts_apart_from_fallbacks(
    server: FakeOpenAI,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    script: list[Reply],
    timeout: str,
    column: str,
    count: int,
) -> None:
    monkeypatch.setenv("AFTERWORD_TIMEOUT", timeout)
    server.queue.extend(script)
    args = ["eval", "--backend", "openai", "--mode", "live", "--cases", "de-email"]
    result = runner.invoke(app, [*args, "--out", str(tmp_path)])
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary[column] == count, result.output
    assert summary["fallbacks"] == (1 if column == "timeouts" else 0)
    assert f"{column} {count}" in result.output


def test_judge_agreement_alone_prints_every_criterion_from_the_recordings() -> None:
    result = runner.invoke(app, ["eval", "judge-agreement", "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert set(found["agreement"]) == {"genuine", "specific", "confident", "warm_decline", "brief"}
    assert len(found["letters"]) >= 40 and found["judge"].startswith("canned-test-judge")
    row = found["letters"][0]["criteria"]["genuine"]
    assert {"human", "human_reason", "judge", "judge_reason"} <= set(row)
