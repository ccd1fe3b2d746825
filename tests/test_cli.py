"""The `afterword` command: output shapes and exit codes (0 pass, 1 errors remain, 2 bad input)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from afterword.cli import app

from .conftest import EXAMPLES

runner = CliRunner()
PANEL = str(EXAMPLES / "thank_you_panel.yaml")


def test_draft_json_shape() -> None:
    result = runner.invoke(app, ["draft", PANEL, "--json"])
    assert result.exit_code == 0, result.output
    letters = json.loads(result.stdout)["letters"]
    assert [x["recipient"] for x in letters] == ["Tom Jones", "Priya Raman", "Sam Okafor"]
    first = letters[0]
    assert set(first) == {
        "kind",
        "channel",
        "recipient",
        "backend",
        "subject",
        "text",
        "passed",
        "findings",
        "notices",
    }
    assert first["backend"] == "offline" and first["passed"] is True
    assert "Subject" not in first["text"] and first["subject"].startswith("Thank you")


def test_draft_text_shows_verdict() -> None:
    result = runner.invoke(app, ["draft", PANEL])
    assert result.exit_code == 0
    assert "# thank_you to Tom Jones (email, ready)" in result.stdout
    assert "Dear Mr. Jones," in result.stdout


def test_draft_missing_fact_exits_2(tmp_path: Path) -> None:
    facts = tmp_path / "f.yaml"
    facts.write_text(
        (EXAMPLES / "acceptance.yaml").read_text().replace('salary: "$85,000 per year", ', "")
    )
    result = runner.invoke(app, ["draft", str(facts)])
    assert result.exit_code == 2
    assert "offer.salary" in result.stderr and "salary" in result.stderr


@pytest.mark.parametrize(
    ("letter", "code"),
    [
        ("Dear Mr. Jnoes,\n\nThanks.\n\nBest regards,\nJane Doe\n", 1),
        ("", 2),
    ],
)
def test_check_exit_codes(tmp_path: Path, letter: str, code: int) -> None:
    path = tmp_path / "letter.txt"
    path.write_text(letter)
    result = runner.invoke(app, ["check", str(path), "--facts", PANEL, "--json"])
    assert result.exit_code == code
    if code == 1:
        report = json.loads(result.stdout)
        assert report["passed"] is False
        rules = {f["rule"] for f in report["findings"]}
        assert "names.misspelt" in rules
        finding = next(f for f in report["findings"] if f["rule"] == "names.misspelt")
        assert letter[finding["start"] : finding["end"]] == "Jnoes"
        assert set(finding) == {"rule", "severity", "message", "start", "end", "suggestion"}


def test_check_passes_a_composed_letter(tmp_path: Path) -> None:
    drafted = json.loads(runner.invoke(app, ["draft", PANEL, "--json"]).stdout)["letters"][0]
    path = tmp_path / "letter.txt"
    path.write_text(f"Subject: {drafted['subject']}\n\n{drafted['text']}")
    result = runner.invoke(app, ["check", str(path), "--facts", PANEL])
    assert result.exit_code == 0, result.stdout
    assert result.stdout.startswith("passed")


def test_bad_kind_and_backend_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text("Dear Mr. Jones,\n")
    assert (
        runner.invoke(app, ["check", str(path), "--facts", PANEL, "--kind", "nope"]).exit_code == 2
    )
    assert runner.invoke(app, ["draft", PANEL, "--backend", "nope"]).exit_code == 2


def test_python_dash_m_runs() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "afterword", "draft", PANEL, "--backend", "offline"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert "Dear Ms. Raman," in out.stdout


@pytest.mark.parametrize(
    "command", [[], ["draft"], ["check"], ["eval"], ["eval", "compare"], ["history"]]
)
def test_help_shows_flags_as_flags(command: list[str]) -> None:
    """A flag reads "--json" or "--save / --no-save", never "--json <bool>"."""
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "--help" in result.output and "<bool>" not in result.output


def test_check_reads_a_letter_piped_in_and_names_a_wrong_kind(tmp_path: Path) -> None:
    letter = (
        "Dear Ms. Lopez,\n\nThank you for the interview today. I look forward to hearing "
        "about next steps.\n\nBest regards,\nSam Lee\n"
    )
    piped = runner.invoke(app, ["check", "-"], input=letter)
    assert piped.exit_code == 0 and piped.stdout.startswith("passed")
    wrong = runner.invoke(app, ["check", "-", "--kind", "thanks"], input=letter)
    assert wrong.exit_code == 2
    assert "'thanks' is not a letter kind" in wrong.stderr and "facts" not in wrong.stderr
