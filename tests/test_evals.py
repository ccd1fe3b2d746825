"""The eval harness: offline run, baseline comparison, record and replay."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from afterword.cli import app
from afterword.evals.cases import load_cases
from afterword.models import Kind
from afterword.settings import Settings

from .openai_server import FakeOpenAI

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "evals" / "baselines" / "offline.json"
runner = CliRunner()


def test_cases_cover_kinds_channels_and_traps() -> None:
    cases = load_cases()
    assert len(cases) >= 50
    assert {c.kind for c in cases} == {k.value for k in Kind}
    assert {c.data.get("channel", "email") for c in cases} == {"email", "card", "letter", "phone"}
    tags = {t for c in cases for t in c.tags}
    assert {"trap", "panel", "first_name", "long_notes", "injection", "missing"} <= tags


def test_offline_eval_writes_every_output_and_holds_every_trap(tmp_path: Path) -> None:
    # Its speed is a benchmark's to measure (benchmarks/bench_composer.py), not a test's.
    result = runner.invoke(app, ["eval", "--out", str(tmp_path), "--baseline", str(BASELINE)])
    assert result.exit_code == 0, result.output
    for name in ("summary.json", "results.jsonl", "report.md", "report.html"):
        assert (tmp_path / name).stat().st_size > 0
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["grounding_precision"] == 1.0 and summary["placeholder_leaks"] == 0
    assert summary["traps_held"] == summary["traps"] and summary["passed"] == summary["cases"]
    assert summary["baseline_diff"]["regressions"] == []
    assert summary["checker"]["letters"] >= 60
    html = (tmp_path / "report.html").read_text()
    assert "<svg" in html and "Pass rate per kind" in html
    assert len((tmp_path / "results.jsonl").read_text().splitlines()) == summary["cases"]


def test_a_broken_template_fails_the_comparison_naming_the_cases(tmp_path: Path) -> None:
    templates = tmp_path / "letters"
    shutil.copytree(ROOT / "prompts" / "letters", templates)
    decline = templates / "decline.j2"
    decline.write_text(
        decline.read_text().replace("I must decline your offer", "I accept your offer")
    )
    result = runner.invoke(
        app,
        [
            "eval",
            "--templates",
            str(templates),
            "--baseline",
            str(BASELINE),
            "--out",
            str(tmp_path / "run"),
        ],
    )
    assert result.exit_code == 1
    line = next(x for x in result.stdout.splitlines() if x.startswith("REGRESSIONS"))
    assert "de-email" in line and "de-letter" in line
    assert "ty-email-basic" not in line
    assert "REGRESSIONS" in (tmp_path / "run" / "report.md").read_text()


def test_html_report_highlights_findings(tmp_path: Path) -> None:
    templates = tmp_path / "letters"
    shutil.copytree(ROOT / "prompts" / "letters", templates)
    ty = templates / "thank_you.j2"
    ty.write_text(ty.read_text().replace("{{ next_step }}", "{{ next_step }} [Company] TODO"))
    runner.invoke(
        app,
        [
            "eval",
            "--templates",
            str(templates),
            "--cases",
            "ty-email-basic",
            "--out",
            str(tmp_path / "run"),
        ],
    )
    html = (tmp_path / "run" / "report.html").read_text()
    assert '<mark class="error" title="mechanics.placeholder' in html


def test_record_then_replay_without_a_server(
    server: FakeOpenAI, settings: Settings, tmp_path: Path
) -> None:
    tapes = tmp_path / "cassettes"
    args = ["eval", "--backend", "openai", "--cases", "ty-*", "--cassettes", str(tapes)]
    recorded = runner.invoke(app, [*args, "--mode", "record", "--out", str(tmp_path / "rec")])
    assert recorded.exit_code == 0, recorded.output
    calls = len(server.requests)
    distinct = {json.dumps(r, sort_keys=True) for r in server.requests}
    assert calls > 0 and len(list(tapes.glob("*.json"))) == len(distinct)
    server.stop()
    replayed = runner.invoke(app, [*args, "--mode", "replay", "--out", str(tmp_path / "rep")])
    assert replayed.exit_code == 0, replayed.output
    assert len(server.requests) == calls

    def letters(run: str) -> list[tuple[str, str]]:
        rows = [json.loads(x) for x in (tmp_path / run / "results.jsonl").read_text().splitlines()]
        return [(r["id"], x["text"]) for r in rows for x in r["letters"]]

    assert letters("rec") == letters("rep")
    assert all(
        "openai" in json.loads(x)["letters"][0]["backend"]
        for x in (tmp_path / "rep" / "results.jsonl").read_text().splitlines()
        if json.loads(x)["letters"]
    )


def test_replay_with_a_missing_recording_is_an_error(settings: Settings, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "eval",
            "--backend",
            "openai",
            "--mode",
            "replay",
            "--cases",
            "de-email",
            "--cassettes",
            str(tmp_path / "empty"),
            "--out",
            str(tmp_path / "out"),
        ],
    )
    assert result.exit_code == 2
    assert "no recording" in result.stderr and "--mode record" in result.stderr
