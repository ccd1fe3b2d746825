"""`afterword eval compare`: blind pairwise judging of two runs, end to end over HTTP."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from afterword.cli import app
from afterword.evals.pairwise import load_run
from afterword.settings import Settings

from .openai_server import FakeOpenAI, Reply

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()
PADDING = (
    "I would also like to add, once more and at some length, that I remain extremely keen, "
    "truly and sincerely keen, on every single aspect of this wonderful opportunity."
)


def _padded_templates(tmp_path: Path) -> Path:
    """Copy the letter templates with every thank-you padded by a long, empty sentence."""
    templates = tmp_path / "padded"
    shutil.copytree(ROOT / "prompts" / "letters", templates)
    note = templates / "thank_you.j2"
    note.write_text(note.read_text().replace("{{ next_step }}", "{{ next_step }} " + PADDING))
    return templates


def _runs(tmp_path: Path, given_as: str) -> tuple[str, str]:
    padded = _padded_templates(tmp_path)
    if given_as == "names":
        return "offline", f"offline:{padded}"
    for name, extra in (("a", []), ("b", ["--templates", str(padded)])):
        out = ["--out", str(tmp_path / name)]
        made = runner.invoke(app, ["eval", "--cases", "ty-*", *out, *extra])
        assert made.exit_code == 0, made.output
    return str(tmp_path / "a"), str(tmp_path / "b")


@pytest.mark.parametrize("given_as", ["folders", "names"])
@pytest.mark.parametrize(
    ("judge", "outcome", "rate", "interval"),
    [
        (None, "A", 0.0, "0.00-0.00"),  # the canned judge prefers the shorter letter
        (Reply(content='{"reason": "the first one", "better": 1}'), "flip", 0.5, "0.50-0.50"),
        (Reply(content='{"reason": "both fine", "better": 0}'), "tie", 0.5, "0.50-0.50"),
    ],
)
def test_compare_judges_both_orders_and_reports_the_win_rate(
    server: FakeOpenAI,
    settings: Settings,
    tmp_path: Path,
    given_as: str,
    judge: Reply | None,
    outcome: str,
    rate: float,
    interval: str,
) -> None:
    run_a, run_b = _runs(tmp_path, given_as)
    server.always = judge
    out = tmp_path / "cmp"
    args = ["eval", "compare", run_a, run_b, "--mode", "live", "--cases", "ty-*", "--no-agreement"]
    result = runner.invoke(app, [*args, "--out", str(out), "--seed", "3"])
    assert result.exit_code == 0, result.output
    assert f"win rate {rate:.2f} [95% bootstrap interval {interval}]" in result.output
    report = json.loads((out / "compare.json").read_text())
    pairs = report["pairs"]
    assert pairs >= 10 and report["counts"][outcome] == pairs
    assert len(server.requests) == 2 * pairs  # both orders, every pair
    said = [ln for ln in result.stderr.splitlines() if ln.strip().startswith("pair ")]
    assert len(said) == pairs and said[-1].strip().startswith(f"pair {pairs} of {pairs}, ")
    firsts = {row["picks"][0]["order"] for row in report["rows"]}
    assert firsts == {"AB", "BA"}  # the order shown first is randomised
    assert report["flipped"] == ([r["key"] for r in report["rows"]] if outcome == "flip" else [])
    assert all(row["a"]["passed"] is True for row in report["rows"])
    shown = [json.dumps(r["messages"]) for r in server.requests]
    assert all("Letter 1" in s or "letter_1" in s for s in shown)
    assert not any("offline" in s or "padded" in s for s in shown)  # blinded


def test_the_comparison_page_shows_both_letters_side_by_side(
    server: FakeOpenAI, settings: Settings, tmp_path: Path
) -> None:
    run_a, run_b = _runs(tmp_path, "folders")
    out = tmp_path / "cmp"
    result = runner.invoke(
        app, ["eval", "compare", run_a, run_b, "--mode", "live", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "against the hand ratings" in result.output
    trust = json.loads((out / "compare.json").read_text())["agreement"]
    assert trust["genuine"]["n"] == 44 and trust["warm_decline"]["n"] >= 10
    assert "weighted kappa per criterion: genuine" in (out / "compare.md").read_text()
    page = (out / "compare.html").read_text()
    a = load_run(Path(run_a))
    key = sorted(a)[0]
    section = page.split(f"<h3>{key} (")[1].split("</section>")[0]
    left, right = section.split('<div class="side')[1:3]
    assert "A: " in left and "B: " in right and "checker: pass" in left
    assert a[key].text.splitlines()[0] in left and "at some length" in right
    assert "at some length" not in left and 'class="side win"' in section


def test_a_folder_of_bench_live_letters_can_be_compared(tmp_path: Path) -> None:
    folder = tmp_path / "live"
    folder.mkdir()
    (folder / "decline.txt").write_text(
        "Subject: Your offer\n\nDear Ms. Haddad,\n\nThank you.\n\nBest regards,\nLena\n----\n"
        "backend: openai:qwen; passed: False\n- error [structure.decline] No decline sentence\n"
    )
    (folder / "thank_you_panel-2.txt").write_text(
        "Dear Mr. Sato,\n\nThanks.\n----\nbackend: x; passed: True\n"
    )
    sides = load_run(folder)
    assert sides["decline"].kind == "decline" and sides["decline"].errors == ["structure.decline"]
    assert sides["decline"].text.startswith("Dear Ms. Haddad") and not sides["decline"].passed
    assert sides["thank_you_panel-2"].kind == "thank_you" and sides["thank_you_panel-2"].passed


def test_a_folder_with_no_letters_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "compare", str(tmp_path), str(tmp_path), "--mode", "live"])
    assert result.exit_code == 2 and "no results.jsonl" in result.stderr


def test_repeated_runs_say_whether_a_difference_is_beyond_their_noise(
    server: FakeOpenAI, settings: Settings, tmp_path: Path
) -> None:
    padded = _padded_templates(tmp_path)
    for name, extra in (("a", []), ("b", ["--templates", str(padded)])):
        args = ["eval", "--cases", "ty-email*", "--repeat", "2", "--out", str(tmp_path / name)]
        assert runner.invoke(app, [*args, *extra]).exit_code == 0
    folders = [str(tmp_path / "a"), str(tmp_path / "b")]
    result = runner.invoke(
        app, ["eval", "compare", *folders, "--mode", "live", "--out", str(tmp_path / "c")]
    )
    assert result.exit_code == 0, result.output
    assert "pass_rate: 1.000 vs 1.000, within the noise" in result.output
    noise = json.loads((tmp_path / "c" / "compare.json").read_text())["noise"]
    assert any(line.startswith("in_band") for line in noise)


def test_the_examples_pair_with_a_bench_live_folder(
    server: FakeOpenAI, settings: Settings, tmp_path: Path
) -> None:
    from afterword.evals.pairwise import draft_examples
    from afterword.evals.runner import RunConfig, drafter

    draft, _close = drafter(RunConfig("offline"))
    letters = draft_examples(draft)
    folder = tmp_path / "live"
    folder.mkdir()
    for key, side in letters.items():  # the shape benchmarks/bench_live.py writes
        tail = f"\n----\nbackend: openai:qwen; passed: {side.passed}\n- notice: none\n"
        (folder / f"{key}.txt").write_text("Subject: Hello\n\n" + side.text + tail)
    args = ["eval", "compare", "offline", str(folder), "--examples", "--mode", "live"]
    args.append("--no-agreement")
    result = runner.invoke(app, [*args, "--out", str(tmp_path / "cmp")])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "cmp" / "compare.json").read_text())
    assert report["pairs"] == len(letters) >= 14 and report["only_a"] == report["only_b"] == []
    assert report["counts"]["tie"] == len(letters) and not server.requests  # same letters
    assert any(key.endswith("-2") for key in letters)  # a panel's second letter


def test_two_models_at_one_server_compare_in_one_go(
    server: FakeOpenAI, settings: Settings, tmp_path: Path
) -> None:
    args = ["eval", "compare", "openai:small-model", "openai:large-model", "--mode", "live"]
    more = ["--cases", "ty-email*", "--no-agreement", "--out", str(tmp_path / "cmp")]
    result = runner.invoke(app, [*args, *more])
    assert result.exit_code == 0, result.output
    asked = {r["model"] for r in server.requests}
    assert asked == {"small-model", "large-model"}  # same letters: the judge was not needed
    rows = [
        json.loads(x) for x in (tmp_path / "cmp" / "a" / "results.jsonl").read_text().splitlines()
    ]
    assert rows and all(x["backend"] == "openai:small-model" for r in rows for x in r["letters"])
