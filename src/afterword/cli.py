"""The `afterword` command: errors become messages and exit codes here, nowhere else."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from .errors import AfterwordError, FactsError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Draft and check the letters you owe after an interview.",
    pretty_exceptions_enable=False,
)

FactsArg = Annotated[Path, typer.Argument(help="Facts file (YAML or JSON).", show_default=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]


@app.callback()
def _group() -> None:
    """Draft and check the letters you owe after an interview."""


def _fail(err: AfterwordError) -> None:
    typer.echo(f"afterword: {err}", err=True)
    raise typer.Exit(err.exit_code)


@app.command()
def draft(
    facts_file: FactsArg,
    backend: Annotated[
        str, typer.Option(help="offline, openai, or auto (the model when configured).")
    ] = "auto",
    as_json: JsonOpt = False,
) -> None:
    """Draft one checked letter per recipient."""
    from .facts import load_facts
    from .pipeline import draft_runs
    from .settings import load_settings

    if backend not in ("auto", "offline", "openai"):
        typer.echo("afterword: --backend must be offline, openai or auto", err=True)
        raise typer.Exit(2)
    try:
        facts = load_facts(facts_file)
        letters, runs = draft_runs(facts, backend, load_settings())
    except AfterwordError as err:
        _fail(err)
        return
    if as_json:
        payload = {"letters": [letter.model_dump(mode="json") for letter in letters]}
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        from .render import print_letters, print_usage

        print_letters(letters)
        print_usage(runs)
    raise typer.Exit(0 if all(letter.passed for letter in letters) else 1)


@app.command()
def check(
    letter_file: Annotated[
        Path, typer.Argument(help="The letter, as plain text.", show_default=False)
    ],
    facts_file: Annotated[Path, typer.Option("--facts", help="Facts file (YAML or JSON).")],
    kind: Annotated[str | None, typer.Option(help="Letter kind, if not the facts' kind.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Check a letter against the facts; exit 1 when error findings remain."""
    from .checker import check as run_check
    from .facts import load_facts, read_text
    from .models import Kind

    try:
        facts = load_facts(facts_file)
        if kind is not None and kind not in {k.value for k in Kind}:
            raise FactsError("--kind", [f"expected one of {', '.join(k.value for k in Kind)}"])
        text = read_text(letter_file)
        if not text.strip():
            raise FactsError(str(letter_file), ["the letter is empty"])
        report = run_check(text, facts, kind)
    except AfterwordError as err:
        _fail(err)
        return
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
    else:
        from .render import format_findings

        typer.echo("passed" if report.passed else "NOT READY: errors remain")
        for line in format_findings(report.findings, text):
            typer.echo(line)
    raise typer.Exit(0 if report.passed else 1)


@app.command("checker-eval")
def checker_eval(
    letters: Annotated[
        Path | None, typer.Option(help="Folder of labelled letters (default evals/letters).")
    ] = None,
) -> None:
    """Score every checker rule on the labelled letters: precision, recall, lintscore."""
    from .evals.corpus import format_scores, load_corpus, score_corpus

    result = score_corpus(load_corpus(letters))
    typer.echo(format_scores(result))
    raise typer.Exit(1 if result.error_false_positives() or result.misses() else 0)


def main() -> None:
    """Run the command line."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
