"""The `eval` commands: a (judged, repeated) eval run, `compare` and `judge-agreement`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from .cli import _fail, app
from .errors import AfterwordError
from .terminal import echo

eval_app = typer.Typer(
    rich_markup_mode=None,
    invoke_without_command=True,
    help="Score drafts of the eval cases, compare with a baseline, write reports; "
    "`compare` and `judge-agreement` below.",
)
app.add_typer(eval_app, name="eval")

ModeOpt = Annotated[
    str, typer.Option(help="replay, record or live: for the model drafter and the judge.")
]
JudgeCassettes = Annotated[
    Path | None, typer.Option(help="The judge's recordings (default evals/cassettes/judge).")
]


def _check_mode(backend: str, mode: str) -> None:
    if backend not in ("offline", "openai") or mode not in ("replay", "record", "live"):
        echo("afterword: --backend offline|openai, --mode replay|record|live", err=True)
        raise typer.Exit(2)


@eval_app.callback()
def eval_cmd(
    ctx: typer.Context,
    backend: Annotated[str, typer.Option(help="offline or openai.")] = "offline",
    mode: ModeOpt = "replay",
    cases: Annotated[str, typer.Option(help="Only the cases whose id matches this glob.")] = "*",
    baseline: Annotated[
        Path | None, typer.Option(help="Baseline summary to compare with (and --bless).")
    ] = None,
    out: Annotated[Path, typer.Option(help="Folder for the run's outputs.")] = Path("runs/latest"),
    bless: Annotated[bool, typer.Option(help="Accept this run as the new baseline.")] = False,
    templates: Annotated[
        Path | None, typer.Option(help="Letter templates to try instead of prompts/letters.")
    ] = None,
    cassettes: Annotated[Path | None, typer.Option(help="The drafter's recordings.")] = None,
    max_concurrency: Annotated[
        int | None,
        typer.Option(help="Parallel cases (live); default 1 for a server on this machine, else 4."),
    ] = None,
    case_deadline: Annotated[
        float | None, typer.Option(help="Seconds for all of one case's letters (model only).")
    ] = None,
    judge: Annotated[
        bool, typer.Option(help="Score every letter with the rubric judge as well.")
    ] = False,
    judge_cassettes: JudgeCassettes = None,
    agreement: Annotated[
        bool, typer.Option(help="With --judge: also report its agreement with hand ratings.")
    ] = True,
    repeat: Annotated[
        int, typer.Option(min=1, max=50, help="Run every case this many times; report spread.")
    ] = 1,
) -> None:
    """Score drafts of the eval cases, compare with a baseline, write reports."""
    if ctx.invoked_subcommand is not None:
        return
    from .evals.corpus import score_corpus
    from .evals.report import checker_summary, console_table, write_outputs
    from .evals.runner import RunConfig, compare
    from .evals.runner import bless as bless_run

    _check_mode(backend, mode)
    config = RunConfig(backend, mode, cases, cassettes, templates, max_concurrency)
    config.case_deadline = case_deadline
    try:
        results, summary, lines = _runs(config, repeat, judge, judge_cassettes, agreement)
    except AfterwordError as err:
        _fail(err)
    diff = None
    if baseline is not None and baseline.exists() and not bless:
        diff = compare(summary, json.loads(baseline.read_text()))
    write_outputs(out, results, summary, diff, checker_summary(score_corpus()))
    echo(console_table(summary, diff))
    for line in lines:
        echo(line)
    echo(f"outputs in {out}/ (summary.json, results.jsonl, report.md, report.html)")
    if bless:
        target = baseline or Path(f"evals/baselines/{backend}.json")
        bless_run(summary, target)
        echo(f"blessed as the baseline: {target}")
    raise typer.Exit(1 if diff and diff["regressions"] else 0)


def _runs(
    config: Any, repeat: int, judged: bool, judge_cassettes: Path | None, agreement: bool
) -> tuple[list[Any], dict[str, Any], list[str]]:
    """Run the cases `repeat` times (judged when asked); return the last run's results, its
    summary (with the spread of every run and the judge's figures) and lines to print."""
    from .evals.judge import open_judge
    from .evals.judging import case_spread, judge_means, judge_results, spreads
    from .evals.runner import run, summarize

    judge, close = open_judge(config.mode, judge_cassettes) if judged else (None, None)
    runs, summaries, lines = [], [], []
    name = config.backend if config.backend == "offline" else f"openai:{config.mode}"
    try:
        for _ in range(repeat):
            results = run(config)
            if not results:
                raise AfterwordError(f"no case matches {config.cases!r}")
            summary = summarize(results, name)
            if judge is not None:
                judge_results(judge, results, _progress)
                summary["judge"] = {"name": judge.name, "means": judge_means(results)}
            runs.append(results)
            summaries.append(summary)
        summary = summaries[-1]
        if judge is not None:
            agreed = _agreement(judge, summary["judge"]) if agreement else []
            summary["judge"]["stats"] = judge.stats.as_dict()  # the rated letters' calls too
            lines += _judge_lines(summary["judge"]) + agreed
    finally:
        if close is not None:
            close()
    if repeat > 1:
        spread = spreads(summaries)
        summary["repeat"] = {m: s.as_dict() for m, s in spread.items()}
        unsteady = {k: v for k, v in case_spread(runs).items() if 0 < v["passed"] < v["runs"]}
        summary["repeat_unsteady_cases"] = unsteady
        lines += [f"over {repeat} runs (min / median / max, stdev):"]
        lines += [
            f"  {m}: {s.low:.3f} / {s.median:.3f} / {s.high:.3f}, {s.stdev:.3f}"
            for m, s in spread.items()
        ]
        lines.append(f"  cases that passed in some runs only: {', '.join(unsteady) or 'none'}")
    return runs[-1], summary, lines


def _judge_lines(found: dict[str, Any]) -> list[str]:
    stats = found["stats"]
    means = ", ".join(f"{c} {v:.2f}" for c, v in found["means"].items())
    return [
        f"judge {found['name']}: mean scores {means}",
        f"judge calls {stats['calls']}: answers {stats['answers']}, step-downs "
        f"{stats['step_downs']}, timeouts {stats['timeouts']}, retries {stats['retries']}, "
        f"unanswered {stats['failures']}; {stats['seconds']:.1f} s",
    ]


def _agreement(judge: Any, found: dict[str, Any]) -> list[str]:
    from .evals.rated import agreement_lines, judge_rated, load_rated

    agreed, rows = judge_rated(judge, load_rated(), _progress)
    found["agreement"] = {c: a.as_dict() for c, a in agreed.items()}
    found["rated"] = rows
    return agreement_lines(agreed, judge.name)


def _progress(line: str) -> None:
    """Say on stderr how far a judged run has come: a live judge takes seconds a call."""
    echo(f"  {line}", err=True)


@eval_app.command("compare")
def compare_cmd(
    run_a: Annotated[
        str, typer.Argument(help="A run folder, or offline[:TEMPLATES] | openai[:MODEL].")
    ],
    run_b: Annotated[str, typer.Argument(help="The other run, in the same forms.")],
    mode: ModeOpt = "replay",
    cases: Annotated[str, typer.Option(help="Cases to draft for a run given by name.")] = "*",
    examples: Annotated[
        bool, typer.Option(help="Draft examples/*.yaml (as bench_live does) instead of cases.")
    ] = False,
    out: Annotated[Path, typer.Option(help="Folder for the comparison.")] = Path("runs/compare"),
    seed: Annotated[int, typer.Option(help="Seed for the order of letters and the bootstrap.")] = 0,
    judge_cassettes: JudgeCassettes = None,
    cassettes: Annotated[Path | None, typer.Option(help="The drafter's recordings.")] = None,
    agreement: Annotated[
        bool, typer.Option(help="Also report the judge's agreement with hand ratings.")
    ] = True,
) -> None:
    """Compare two runs' letters blind, pair by pair, with the judge: B's win rate over A."""
    from .evals.compare_report import console_lines, write_compare
    from .evals.judge import open_judge
    from .evals.pairwise import compare_runs

    _check_mode("offline", mode)
    try:
        given = (mode, cases, out, cassettes, examples)
        a, b = _side(run_a, "a", *given), _side(run_b, "b", *given)
        judge, close = open_judge(mode, judge_cassettes)
        try:
            report = compare_runs(judge, a, b, seed=seed, progress=_progress)
            trust: dict[str, Any] = {}
            agreed = _agreement(judge, trust) if agreement else []
        finally:
            close()
    except AfterwordError as err:
        _fail(err)
    if not report["pairs"]:
        echo("afterword: the two runs share no letter to compare", err=True)
        raise typer.Exit(2)
    report |= {"a": run_a, "b": run_b, "noise": _noise(run_a, run_b)}
    report["agreement"] = trust.get("agreement")
    write_compare(out, report)
    for line in console_lines(report) + agreed:
        echo(line)
    echo(f"outputs in {out}/ (compare.json, compare.md, compare.html)")
    raise typer.Exit(0)


def _side(
    spec: str,
    label: str,
    mode: str,
    cases: str,
    out: Path,
    cassettes: Path | None,
    examples: bool,
) -> dict[str, Any]:
    """Load a run folder, or draft the cases (or the examples) now for `offline[:TEMPLATES]`
    or `openai`."""
    from .evals.pairwise import draft_examples, load_run
    from .evals.runner import RunConfig, drafter, run, summarize
    from .settings import load_settings

    if Path(spec).is_dir():
        return load_run(Path(spec))
    backend, _, detail = spec.partition(":")
    if backend not in ("offline", "openai"):
        raise AfterwordError(f"{spec}: not a run folder, nor offline[:TEMPLATES] or openai[:MODEL]")
    offline = backend == "offline"
    config = RunConfig(
        backend, mode, cases, cassettes, Path(detail) if offline and detail else None
    )
    if not offline and detail:
        config.settings = load_settings(model=detail)  # another model at the same server
    if examples:
        draft, close = drafter(config)
        try:
            return draft_examples(draft)
        finally:
            close()
    results = run(config)
    folder = out / label
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "summary.json").write_text(json.dumps(summarize(results, spec), indent=2))
    with (folder / "results.jsonl").open("w") as fh:
        for r in results:
            fh.write(json.dumps(r.as_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    return load_run(folder)


def _noise(run_a: str, run_b: str) -> list[str]:
    """Say whether two repeated runs' metrics differ beyond their own run-to-run spread."""
    from .evals.judging import noise_lines
    from .evals.stats import Spread

    found = []
    for spec in (run_a, run_b):
        path = Path(spec) / "summary.json"
        repeat = json.loads(path.read_text()).get("repeat") if path.exists() else None
        if not repeat:
            return []
        found.append({m: Spread(tuple(s["values"])) for m, s in repeat.items()})
    return noise_lines(found[0], found[1])


@eval_app.command("judge-agreement")
def judge_agreement(
    mode: ModeOpt = "replay",
    ratings: Annotated[
        Path | None, typer.Option(help="Hand ratings (default evals/judged/ratings.yaml).")
    ] = None,
    judge_cassettes: JudgeCassettes = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Score the hand-rated letters with the judge; print its agreement per criterion."""
    from .evals.judge import open_judge
    from .evals.rated import agreement_lines, judge_rated, load_rated

    _check_mode("offline", mode)
    try:
        letters = load_rated(ratings)
        judge, close = open_judge(mode, judge_cassettes)
        try:
            agreed, rows = judge_rated(judge, letters)
        finally:
            close()
    except AfterwordError as err:
        _fail(err)
    if as_json:
        figures = {c: a.as_dict() for c, a in agreed.items()}
        echo(json.dumps({"judge": judge.name, "agreement": figures, "letters": rows}, indent=2))
    else:
        for line in agreement_lines(agreed, judge.name):
            echo(line)
    raise typer.Exit(0)
