"""The `offer` command, and filling a draft's facts from a pasted offer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from .cli import JsonOpt, _fail, app
from .errors import AfterwordError, FactsError, InputError
from .models import Facts
from .terminal import echo


def facts_with_offer(facts_file: Path, offer_file: Path, notes: list[str]) -> Facts:
    """Fill the facts from a pasted offer; the facts file wins where both say something."""
    from .facts import facts_from_mapping, parse_mapping, read_text
    from .offers import extract, fill_facts, to_facts_mapping

    _, found = extract(read_text(offer_file))
    data = fill_facts(parse_mapping(read_text(facts_file), str(facts_file)), found)
    unsettled = [c for c in found.conflicts if c.field not in (data.get("offer") or {})]
    if unsettled:
        raise FactsError(
            str(offer_file),
            [f"{c.message}: write it as offer.{c.field} in {facts_file}" for c in unsettled],
        )
    from_offer = to_facts_mapping(found)
    notes.extend(found.warnings)
    taken = ", ".join(f"{k} {v}" for k, v in _flat(from_offer))
    if taken:
        notes.append(f"taken from the offer (check them): {taken}")
    return facts_from_mapping(data, str(facts_file))


def _flat(data: dict[str, object], prefix: str = "") -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    for k, v in data.items():
        if isinstance(v, dict):
            out += _flat(v, f"{prefix}{k}.")
        elif isinstance(v, list):
            out += [(f"{prefix}{k}", x.get("name") if isinstance(x, dict) else x) for x in v]
        else:
            out.append((f"{prefix}{k}", v))
    return out


@app.command("offer")
def offer_cmd(
    offer_file: Annotated[Path, typer.Argument(help="The offer, pasted into a text file.")],
    backend: Annotated[str, typer.Option(help="offline, openai, or auto.")] = "offline",
    as_json: JsonOpt = False,
) -> None:
    """Extract an offer's facts, each with the span of text it came from."""
    from .facts import read_text
    from .offers import extract
    from .settings import choose_backend, load_settings

    try:
        text = read_text(offer_file)
        if not text.strip():
            raise InputError(f"{offer_file}: the offer is empty: paste the offer's text in it")
        settings = load_settings()
        if choose_backend(backend, settings) == "openai":
            from .drafting.chain import default_model
            from .offer_model import extract_with_model

            text, found = extract_with_model(text, default_model(settings))
        else:
            text, found = extract(text)
    except AfterwordError as err:
        _fail(err)
    if as_json:
        echo(json.dumps(found.model_dump(mode="json"), indent=2, ensure_ascii=False))
        return
    for warning in found.warnings:
        echo(f"! {warning}")
    for name in ("company", "position", "salary", "start_date", "respond_by", "contact"):
        field = getattr(found, name)
        shown = f'{field.value}   <- "{text[field.start : field.end]}"' if field else "(not found)"
        echo(f"{name:11} {shown}")
    for c in found.conditions:
        echo(f"{'condition':11} {c.value}")
