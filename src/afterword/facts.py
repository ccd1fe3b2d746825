"""Read a facts file (YAML or JSON) into the Facts model, with errors that name the field."""

from __future__ import annotations

import codecs
import contextlib
import json
import sys
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .errors import FactsError, InputError
from .facts_parse import Refused, parse
from .models import Facts

MAX_INPUT_BYTES = 100_000


def read_text(path: str | Path, *, limit: int = MAX_INPUT_BYTES) -> str:
    """Read a user's text file, refusing what is missing, huge or not text."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError as err:
        raise InputError(f"{p}: no such file") from err
    except OSError as err:
        raise InputError(f"{p}: cannot be read ({err.strerror})") from err
    return decode_text(data, str(p), limit=limit)


def read_stdin(*, limit: int = MAX_INPUT_BYTES) -> str:
    """Read a letter piped in (`afterword check -`), refusing what is huge or not text."""
    return decode_text(sys.stdin.buffer.read(limit + 1), "standard input", limit=limit)


def decode_text(data: bytes, source: str, *, limit: int = MAX_INPUT_BYTES) -> str:
    """Decode pasted or uploaded bytes as text, or raise InputError saying why not."""
    if len(data) > limit:
        raise InputError(
            f"{source}: {len(data):,} bytes is more than the {limit:,} bytes Afterword reads; "
            "paste only the part that matters"
        )
    wide = _wide_encoding(data)
    if wide is not None:
        with contextlib.suppress(UnicodeDecodeError):  # not UTF-16 after all: read it as below
            return data.decode(wide).removeprefix("\ufeff")
    if b"\x00" in data:
        raise InputError(f"{source}: this looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _wide_encoding(data: bytes) -> str | None:
    """Name the encoding of UTF-16 or UTF-32 text (Windows Notepad's "Unicode"), by its byte
    order mark, or by its zero bytes when there is none; None for anything else."""
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return name
    if len(data) < 4 or len(data) % 2:
        return None
    # Text in a Latin script written as UTF-16 has a zero in every other byte (in most of
    # them: Vietnamese or Polish letters fill both), never in the bytes between.
    even, odd = data[0::2], data[1::2]
    for zeros, other, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.5 * len(zeros) and other.count(0) == 0:
            return name
    return None


def parse_mapping(text: str, source: str) -> dict[str, Any]:
    """Parse YAML or JSON text into a mapping, under the limits of facts_parse."""
    if not text.strip():
        raise FactsError(source, ["the file is empty"])
    try:
        data = parse(text)
    except Refused as err:
        raise FactsError(source, [str(err)]) from err
    except yaml.MarkedYAMLError as err:
        raise FactsError(source, [f"not valid YAML or JSON: {_yaml_problem(err)}"]) from err
    except (json.JSONDecodeError, yaml.YAMLError, ValueError) as err:
        raise FactsError(source, [f"not valid YAML or JSON: {_first_line(err)}"]) from err
    if not isinstance(data, dict):
        raise FactsError(source, ["expected a mapping of fields (kind, candidate, company, ...)"])
    return data


def _yaml_problem(err: yaml.MarkedYAMLError) -> str:
    where = f"line {err.problem_mark.line + 1}" if err.problem_mark else ""
    what = err.problem or err.context or _first_line(err)
    return f"{where}: {what}" if where else str(what)


def facts_from_mapping(data: dict[str, Any], source: str = "facts") -> Facts:
    """Validate a mapping against the facts contract."""
    try:
        return Facts.model_validate(data)
    except ValidationError as err:
        raise FactsError(source, [_describe(e) for e in err.errors()]) from err


def merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """Override parts of a facts mapping: a dict merges, a value replaces, null removes."""
    out = dict(base)
    for key, value in over.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, dict) and isinstance(base.get(key), dict):
            out[key] = merge(base[key], value)
        else:
            out[key] = value
    return out


def load_facts(path: str | Path) -> Facts:
    """Load and validate a facts file."""
    text = read_text(path)
    return facts_from_mapping(parse_mapping(text, str(path)), str(path))


def _describe(error: Any) -> str:
    where = ""
    for part in error["loc"]:
        where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else str(part))
    kind = error["type"]
    if kind == "missing":
        what = "field required"
    elif kind == "extra_forbidden":
        what = "unknown field (check the spelling)"
    elif kind.startswith("date"):
        what = "expected a date as YYYY-MM-DD"
    elif kind == "too_short":
        what = "at least one is needed"
    elif kind == "string_too_short":
        what = "must not be empty"
    elif kind == "enum":
        what = f"expected one of {error['ctx']['expected']}"
    else:
        what = error["msg"]
    return f"{where or '(top)'}: {what}"


def _first_line(err: Exception) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
