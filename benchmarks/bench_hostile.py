"""Try the hostile tables (afterword.evals.hostile) and print, for each family, the cases
tried, the failures and the slowest input with its time.

Run: .venv/bin/python benchmarks/bench_hostile.py
Targets: 0 failures in every family; every 99 KB offer shape read in under 1 s.
Model faults (a silent or trickling server) are measured by the model-faults work, not here.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from afterword.errors import AfterwordError
from afterword.evals.hostile import (
    BAD_FACTS,
    HOSTILE_OFFERS,
    PLANTED,
    TERMINAL_TRAPS,
    TODAY,
    shapes,
)
from afterword.facts import facts_from_mapping, parse_mapping
from afterword.offers import extract, fill_facts
from afterword.pipeline import draft_offline
from afterword.terminal import safe

PROFILE = {
    "kind": "acceptance",
    "sent_on": "2026-11-23",
    "candidate": {"name": "Jane Doe", "email": "jane.doe@example.com"},
    "recipients": [{"name": "Maria Lopez", "honorific": "Ms."}],
}


def _timed(fn: Callable[[], str | None]) -> tuple[float, str | None]:
    """Return the CPU seconds fn took and its failure (None when it held)."""
    start = time.process_time()
    try:
        failure = fn()
    except Exception as err:  # a crash is a failure to report, not to stop on
        failure = f"{type(err).__name__}: {err}"
    return time.process_time() - start, failure


def _offer_case(text: str) -> str | None:
    _, got = extract(text, TODAY)
    options = [o for c in got.conflicts for o in c.options]
    if any(p in s.value for s in got.spans() if s not in options for p in PLANTED):
        return "a planted value was taken as a fact"
    if got.conflicts:
        return None  # the person chooses; nothing is drafted from the offer's salary
    try:
        facts = facts_from_mapping(fill_facts(PROFILE, got))
        letters = draft_offline(facts)
    except AfterwordError:
        return None  # a missing fact is asked for, never invented
    if any(x.passed and any(p in x.text for p in PLANTED) for x in letters):
        return "a planted value reached a ready letter"
    return None


def _facts_case(text: str, word: str) -> str | None:
    try:
        parse_mapping(text, "facts")
    except AfterwordError as err:
        return None if word in str(err) else f"message without {word!r}: {err}"
    return "accepted"


def _shape_case(text: str) -> str | None:
    extract(text, TODAY)
    return None


def _terminal_case(trap: str) -> str | None:
    shown = safe(f"Maria {trap}Lopez")
    return None if shown.isprintable() else f"unsafe: {shown!r}"


def family(name: str, cases: list[tuple[str, Callable[[], str | None]]]) -> int:
    """Run one family, print its line and failures, and return the failure count."""
    results = [(label, *_timed(fn)) for label, fn in cases]
    failures = [(label, why) for label, _, why in results if why]
    slowest = max(results, key=lambda r: r[1])
    print(
        f"{name:22} {len(cases):3} tried, {len(failures)} failed; "
        f"slowest {slowest[0]!r} {slowest[1] * 1000:.0f} ms CPU"
    )
    for label, why in failures:
        print(f"  FAIL {label}: {why}")
    return len(failures)


def main() -> None:
    """Try every family and print the figures."""
    failed = family(
        "hostile offers", [(c.name, lambda c=c: _offer_case(c.text)) for c in HOSTILE_OFFERS]
    )
    failed += family(
        "facts files", [(n, lambda t=t, w=w: _facts_case(t, w)) for n, t, w in BAD_FACTS]
    )
    failed += family(
        "terminal output", [(repr(t), lambda t=t: _terminal_case(t)) for t in TERMINAL_TRAPS]
    )
    failed += family(
        "99 KB offer shapes", [(n, lambda t=t: _shape_case(t)) for n, t in shapes().items()]
    )
    slow = [n for n, t in shapes().items() if _timed(lambda t=t: _shape_case(t))[0] >= 1.0]
    print(f"shapes at or over 1 s: {len(slow)} {slow if slow else ''}".rstrip())
    print(f"total failures: {failed}")


if __name__ == "__main__":
    main()
