"""Write a pairwise comparison: compare.json, compare.md and compare.html (letters side by side
with both of the judge's picks and the checker's verdicts)."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from .pairwise import Pair

_STYLE = """body{font:15px/1.45 system-ui,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1em}
pre{white-space:pre-wrap;background:#fafafa;border:1px solid #ddd;padding:.8em;margin:0}
.win{outline:3px solid #2e7d32}.pass{color:#2e7d32}.fail{color:#c62828}
section{border-top:1px solid #ccc;margin-top:1.2em;padding-top:.6em}"""


def headline(report: dict[str, Any]) -> str:
    """Return the win rate of B over A with its interval, in one line."""
    low, high = report["interval"]
    c = report["counts"]
    return (
        f"B ({report['b']}) over A ({report['a']}): win rate {report['win_rate_b']:.2f} "
        f"[95% bootstrap interval {low:.2f}-{high:.2f}] over {report['pairs']} pairs "
        f"(B {c['B']}, A {c['A']}, ties {c['tie']}, flips {c['flip']}, unjudged {c['error']})"
    )


def console_lines(report: dict[str, Any]) -> list[str]:
    """Return the comparison as lines for the terminal."""
    lines = [headline(report)]
    low, high = report["interval"]
    if low <= 0.5 <= high:
        lines.append("the interval includes 0.5: no difference this judge can vouch for")
    checker = report["checker"]
    lines.append(
        f"checker: A passed {checker['a_passed']}, B passed {checker['b_passed']} of the pairs"
    )
    if report["flipped"]:
        lines.append("flipped (the pick followed the position): " + ", ".join(report["flipped"]))
    lines += report.get("noise") or []
    stats = report["judge_stats"]
    lines.append(
        f"judge {report['judge']}: calls {stats['calls']}, step-downs {stats['step_downs']}, "
        f"timeouts {stats['timeouts']}, retries {stats['retries']}, unanswered "
        f"{stats['failures']}"
    )
    return lines


def agreement_line(report: dict[str, Any]) -> list[str]:
    """Return the judge's agreement with the hand ratings in one line, when it was measured."""
    found = report.get("agreement")
    if not found:
        return []
    each = ", ".join(
        f"{c} {'-' if a['kappa'] is None else format(a['kappa'], '.2f')} ({a['strength']})"
        for c, a in found.items()
    )
    return [f"judge-human agreement, weighted kappa per criterion: {each}"]


def _row(p: Pair) -> dict[str, Any]:
    return {
        "key": p.key,
        "kind": p.a.kind,
        "outcome": p.outcome,
        "picks": p.picks,
        "a": {"text": p.a.text, "passed": p.a.passed, "errors": p.a.errors},
        "b": {"text": p.b.text, "passed": p.b.passed, "errors": p.b.errors},
    }


def write_compare(out: Path, report: dict[str, Any]) -> None:
    """Write every comparison output into the folder."""
    out.mkdir(parents=True, exist_ok=True)
    data = {k: v for k, v in report.items() if k != "rows"}
    data["rows"] = [_row(p) for p in report["rows"]]
    (out / "compare.json").write_text(json.dumps(data, indent=2, ensure_ascii=False))
    (out / "compare.md").write_text(_markdown(report))
    (out / "compare.html").write_text(_html(report))


def _markdown(report: dict[str, Any]) -> str:
    said = console_lines(report) + agreement_line(report)
    lines = ["# Afterword pairwise comparison", "", *[f"- {x}" for x in said]]
    lines += [
        "",
        "| pair | kind | outcome | A checker | B checker |",
        "| --- | --- | --- | --- | --- |",
    ]
    for p in report["rows"]:
        lines.append(
            f"| {p.key} | {p.a.kind} | {p.outcome} | {_verdict(p.a.passed, p.a.errors)} | "
            f"{_verdict(p.b.passed, p.b.errors)} |"
        )
    return "\n".join(lines) + "\n"


def _verdict(passed: bool, errors: list[str]) -> str:
    return "pass" if passed else "FAIL " + ", ".join(errors)


def _side_html(label: str, name: str, side: Any, won: bool) -> str:
    verdict = (
        '<span class="pass">checker: pass</span>'
        if side.passed
        else f'<span class="fail">checker: FAIL {html.escape(", ".join(side.errors))}</span>'
    )
    return (
        f'<div class="side{" win" if won else ""}"><h4>{label}: {html.escape(name)}</h4>'
        f"<p>{verdict}</p><pre>{html.escape(side.text)}</pre></div>"
    )


def _html(report: dict[str, Any]) -> str:
    body = ["<h1>Afterword pairwise comparison</h1>"]
    said = console_lines(report) + agreement_line(report)
    body += [f"<p>{html.escape(line)}</p>" for line in said]
    for p in report["rows"]:
        picks = "".join(
            f"<li>order {html.escape(x['order'])}: {html.escape(str(x.get('pick', 'no answer')))}"
            f" - {html.escape(str(x.get('reason') or x.get('error') or ''))}</li>"
            for x in p.picks
        )
        body.append(
            f"<section><h3>{html.escape(p.key)} ({html.escape(p.a.kind)}): judge's pick "
            f'<b>{html.escape(p.outcome)}</b></h3><ul>{picks}</ul><div class="pair">'
            f"{_side_html('A', report['a'], p.a, p.outcome == 'A')}"
            f"{_side_html('B', report['b'], p.b, p.outcome == 'B')}</div></section>"
        )
    return (
        "<!doctype html><html lang=en><meta charset=utf-8><title>Afterword comparison</title>"
        f"<style>{_STYLE}</style><body>{''.join(body)}</body></html>\n"
    )
