"""The `afterword` command: errors become messages and exit codes here, nowhere else."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from .errors import AfterwordError, InputError
from .models import Facts, Finding, Letter
from .terminal import echo

if TYPE_CHECKING:
    from .settings import Settings
    from .store import Store

# Plain help (no rich boxes): a flag shows as "--json / --no-json", not "--json <bool>".
app = typer.Typer(
    rich_markup_mode=None,
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


def _fail(err: AfterwordError) -> NoReturn:
    echo(f"afterword: {err}", err=True)
    raise typer.Exit(err.exit_code)


@app.command()
def draft(
    facts_file: FactsArg,
    backend: Annotated[
        str, typer.Option(help="offline, openai, or auto (the model when configured).")
    ] = "auto",
    as_json: JsonOpt = False,
    save: Annotated[bool, typer.Option(help="Keep the drafts in the local history.")] = True,
    offer: Annotated[
        Path | None,
        typer.Option(help="A pasted offer (text file) whose facts fill what FACTS leaves out."),
    ] = None,
) -> None:
    """Draft one checked letter per recipient."""
    from .cli_offer import facts_with_offer
    from .facts import load_facts
    from .pipeline import draft_runs
    from .settings import load_settings

    if backend not in ("auto", "offline", "openai"):
        echo("afterword: --backend must be offline, openai or auto", err=True)
        raise typer.Exit(2)
    notes: list[str] = []
    try:
        facts = (
            load_facts(facts_file) if offer is None else facts_with_offer(facts_file, offer, notes)
        )
        settings = load_settings()
        letters, runs = draft_runs(facts, backend, settings, _progress_line())
    except AfterwordError as err:
        _fail(err)
    letters = [x.model_copy(update={"notices": [*notes, *x.notices]}) for x in letters]
    if save:
        letters = _save(facts, letters, settings)
    if as_json:
        payload = {"letters": [letter.model_dump(mode="json") for letter in letters]}
        echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        from .render import print_letters, print_usage

        print_letters(letters)
        print_usage(runs)
    raise typer.Exit(0 if all(letter.passed for letter in letters) else 1)


def _progress_line() -> Callable[[str], None]:
    """Show on stderr where each letter is (a model on a laptop takes half a minute a
    letter): one line rewritten in a terminal, one line per finished letter otherwise."""
    import time

    began = [time.monotonic()]
    tty = sys.stderr.isatty()

    def show(stage: str) -> None:
        if stage.endswith(": drafting"):
            began[0] = time.monotonic()
        line = f"{stage} ({time.monotonic() - began[0]:.0f} s)"
        if tty:
            end = "\n" if stage.endswith(": done") else ""
            sys.stderr.write(f"\r\033[K{line}{end}")
        elif stage.endswith(": done"):
            sys.stderr.write(line + "\n")
        sys.stderr.flush()

    return show


def _save(facts: Facts, letters: list[Letter], settings: Settings) -> list[Letter]:
    """Save drafts before they are shown; a history that cannot be written is a notice."""
    from .pipeline import keep
    from .store import Store

    try:
        store = Store(settings.db_path)
    except AfterwordError as err:
        return keep(None, facts, letters, str(err))
    kept = keep(store, facts, letters)
    store.close()
    return kept


history_app = typer.Typer(
    rich_markup_mode=None, help="List, show, export or erase the drafts kept on this machine."
)
app.add_typer(history_app, name="history")


def _store() -> Store:
    from .settings import load_settings
    from .store import Store

    try:
        return Store(load_settings().db_path)
    except AfterwordError as err:
        _fail(err)


@history_app.command("list")
def history_list(limit: Annotated[int, typer.Option(help="How many drafts.")] = 20) -> None:
    """List the latest drafts, newest first."""
    rows = _store().drafts(limit)
    if not rows:
        echo("No drafts yet.")
    for r in rows:
        verdict = "ready" if r["passed"] else "NOT READY"
        echo(
            f"{r['id']:>5}  {r['created_at'][:16]}  {r['kind']:<17} {r['recipient']:<20} "
            f"{r['company']} ({verdict})"
        )


@history_app.command("show")
def history_show(draft_id: int) -> None:
    """Show one draft with its findings."""
    from .render import format_findings

    row = _store().draft(draft_id)
    if row is None:
        echo(f"afterword: no draft {draft_id}", err=True)
        raise typer.Exit(2)
    if row["subject"]:
        echo(f"Subject: {row['subject']}\n")
    echo(row["text"].rstrip())
    findings = [Finding.model_validate(f) for f in row["findings"]]
    if findings:
        echo("\nChecks:\n" + "\n".join(format_findings(findings, row["text"])))


@history_app.command("delete")
def history_delete(
    draft_id: int, yes: Annotated[bool, typer.Option("--yes", help="Really delete.")] = False
) -> None:
    """Delete one draft (asks for --yes)."""
    if not yes:
        echo("afterword: deleting is permanent; add --yes to delete", err=True)
        raise typer.Exit(2)
    if not _store().delete_draft(draft_id):
        echo(f"afterword: no draft {draft_id}", err=True)
        raise typer.Exit(2)
    echo(f"Deleted draft {draft_id}.")


@history_app.command("export")
def history_export(out: Annotated[Path, typer.Argument(help="JSON file to write.")]) -> None:
    """Write the whole history to a JSON file."""
    data = _store().export()
    out.write_text(json.dumps(data, indent=2, ensure_ascii=False))
    echo(f"Exported {len(data['drafts'])} drafts to {out}.")


@history_app.command("erase")
def history_erase(
    yes: Annotated[bool, typer.Option("--yes", help="Really erase.")] = False,
) -> None:
    """Erase the whole history from this machine (asks for --yes)."""
    if not yes:
        echo("afterword: erasing removes every draft for good; add --yes to erase", err=True)
        raise typer.Exit(2)
    store = _store()
    store.erase()
    echo(f"Erased {store.path}.")


@app.command()
def check(
    letter_file: Annotated[
        Path,
        typer.Argument(
            help="The letter, as plain text ('-' reads it from standard input).", show_default=False
        ),
    ],
    facts_file: Annotated[
        Path | None,
        typer.Option(
            "--facts",
            help="Facts file (YAML or JSON); without it, rules that need facts are skipped.",
        ),
    ] = None,
    kind: Annotated[str | None, typer.Option(help="Letter kind, if not the facts' kind.")] = None,
    subject: Annotated[
        str | None, typer.Option(help="The email's subject line, when the letter is a body alone.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Check a letter (against the facts when given); exit 1 when error findings remain."""
    from .grammar_engine import warm

    warm()  # Harper's dictionary (~1 s of CPU) builds on another core during the imports
    from .checker import check as run_check
    from .facts import load_facts, read_stdin, read_text
    from .models import Kind

    try:
        facts = load_facts(facts_file) if facts_file is not None else None
        if kind is not None and kind not in {k.value for k in Kind}:
            kinds = ", ".join(k.value for k in Kind)
            raise InputError(f"--kind: {kind!r} is not a letter kind; use one of {kinds}")
        stdin = str(letter_file) == "-"
        text = read_text(letter_file) if not stdin else read_stdin()
        _refuse_empty(text, "standard input" if stdin else str(letter_file))
        report = run_check(text, facts, kind, subject=subject)
    except AfterwordError as err:
        _fail(err)
    if as_json:
        echo(report.model_dump_json(indent=2))
    else:
        from .render import format_findings

        echo("passed" if report.passed else "NOT READY: errors remain")
        for line in format_findings(report.findings, text):
            echo(line)
        if report.read_as:
            echo(
                f"read as a {report.read_as.value} letter: pass --kind KIND if it is another "
                "(its own checks then block instead of warning)"
            )
        if report.skipped:
            echo(
                f"skipped {len(report.skipped)} rules that need facts (names, dates, amounts, "
                "company, position): pass --facts FILE to run them"
            )
    raise typer.Exit(0 if report.passed else 1)


def _refuse_empty(text: str, source: str) -> None:
    """Refuse a letter with nothing to check, saying why (no facts are involved)."""
    from .checker.normalize import normalize

    if not text.strip():
        raise InputError(f"{source}: the letter is empty: put the letter's text in it")
    if not normalize(text).text.strip():
        raise InputError(
            f"{source}: the letter is empty: it holds nothing a reader would see (only "
            "markup, invisible characters or quoted earlier messages); put your message in it"
        )


@app.command("checker-eval")
def checker_eval(
    letters: Annotated[
        Path | None, typer.Option(help="Folder of labelled letters (default evals/letters).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score the checker on the labelled letters: precision and recall per rule and family."""
    from .evals.corpus import load_corpus, score_corpus
    from .evals.corpus_report import format_scores, scores_json

    result = score_corpus(load_corpus(letters))
    if as_json:
        echo(json.dumps(scores_json(result), indent=2, ensure_ascii=False))
    else:
        echo(format_scores(result))
    raise typer.Exit(1 if result.below_target() else 0)


# The other commands register themselves on `app` when imported.
from . import cli_apps, cli_eval, cli_offer  # noqa: E402, F401


def main() -> None:
    """Run the command line."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
