"""Write an eval run's outputs: summary.json, results.jsonl, report.md and report.html."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from ..render import highlight, sorted_findings
from .corpus import CorpusResult
from .corpus_report import scores_json
from .runner import CaseResult


def checker_summary(corpus: CorpusResult) -> dict[str, Any]:
    """Return the checker's own scores on the labelled letters."""
    return scores_json(corpus)


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def console_table(summary: dict[str, Any], diff: dict[str, list[str]] | None) -> str:
    """Return the run as a short text table."""
    lines = [f"{'kind':18} {'cases':>5} {'passed':>6} {'rate':>6} {'fallbacks':>9}"]
    for kind, k in summary["per_kind"].items():
        lines.append(
            f"{kind:18} {k['cases']:>5} {k['passed']:>6} {k['pass_rate']:>6.0%} "
            f"{k.get('fallbacks', 0):>9}"
        )
    lines.append(
        f"{'all':18} {summary['cases']:>5} {summary['passed']:>6} {summary['pass_rate']:>6.0%} "
        f"{summary.get('fallbacks', 0):>9}"
    )
    lines.append(
        f"model calls {summary['calls']}: fallbacks {summary.get('fallbacks', 0)}, timeouts "
        f"{summary.get('timeouts', 0)}, retries {summary.get('retries', 0)} (counted apart)"
    )
    lines.append(
        f"slot recall {summary['slot_recall']:.1%}, grounding precision "
        f"{summary['grounding_precision']:.1%}, placeholder leaks {summary['placeholder_leaks']}, "
        f"refusal leaks {summary['refusal_leaks']}, in band {summary['in_band']:.0%}, "
        f"distinct {summary['distinct']:.0%}, traps {summary['traps_held']}/{summary['traps']}"
    )
    lines.append(
        f"tokens {summary['prompt_tokens']} + {summary['completion_tokens']}, cost "
        f"${summary['cost_usd']:.4f}, latency p50 {summary['latency_ms_p50']} ms, "
        f"p95 {summary['latency_ms_p95']} ms"
    )
    if diff is not None:
        lines += _diff_lines(diff)
    return "\n".join(lines)


def _diff_lines(diff: dict[str, list[str]]) -> list[str]:
    out = []
    if diff["regressions"]:
        out.append(
            "REGRESSIONS (passed in the baseline, fail now): " + ", ".join(diff["regressions"])
        )
    for name in ("fixed", "new", "missing"):
        if diff[name]:
            out.append(f"{name}: " + ", ".join(diff[name]))
    if not any(diff.values()):
        out.append("same as the baseline")
    return out


def write_outputs(
    out: Path,
    results: list[CaseResult],
    summary: dict[str, Any],
    diff: dict[str, list[str]] | None,
    checker: dict[str, Any],
) -> None:
    """Write every output file into the run folder."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "summary.json").write_text(
        json.dumps({**summary, "checker": checker, "baseline_diff": diff}, indent=2, sort_keys=True)
    )
    with (out / "results.jsonl").open("w") as fh:
        for r in results:
            fh.write(json.dumps(r.as_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    (out / "report.md").write_text(_markdown(results, summary, diff, checker))
    (out / "report.html").write_text(_html(results, summary, diff, checker))


def _markdown(
    results: list[CaseResult],
    summary: dict[str, Any],
    diff: dict[str, list[str]] | None,
    checker: dict[str, Any],
) -> str:
    lines = [f"# Afterword eval: {summary['backend']}", ""]
    if diff is not None:
        lines += [f"- {line}" for line in _diff_lines(diff)] + [""]
    lines += ["| kind | cases | passed | rate |", "| --- | ---: | ---: | ---: |"]
    for kind, k in summary["per_kind"].items():
        lines.append(f"| {kind} | {k['cases']} | {k['passed']} | {k['pass_rate']:.0%} |")
    lines += ["", "| metric | value |", "| --- | --- |"]
    for key in ("slot_recall", "grounding_precision", "in_band", "distinct"):
        lines.append(f"| {key} | {summary[key]:.1%} |")
    for key in (
        "placeholder_leaks",
        "refusal_leaks",
        "prompt_tokens",
        "completion_tokens",
        "latency_ms_p50",
        "latency_ms_p95",
    ):
        lines.append(f"| {key} | {summary[key]} |")
    lines.append(f"| traps held | {summary['traps_held']}/{summary['traps']} |")
    lines += judge_table(summary.get("judge"))
    lines += ["", "## Checker pass rate per family", "", "| family | rate |", "| --- | ---: |"]
    lines += [f"| {f} | {v:.0%} |" for f, v in summary["family_pass_rate"].items()]
    failed = [r for r in results if not r.passed]
    lines += ["", f"## Failing cases ({len(failed)})", ""]
    for r in failed:
        why = (
            r.error
            or ", ".join(f.rule for x in r.letters for f in x.findings if f.severity == "error")
            or ", ".join(k for k, v in r.traps.items() if not v)
        )
        lines.append(f"- `{r.case.id}`: {why}")
    lines += [
        "",
        f"## The checker on {checker['letters']} labelled letters "
        f"(recall {_num(checker['recall'])}, error precision "
        f"{_num(checker['error_precision'])}, warning precision "
        f"{_num(checker['warning_precision'])}, lintscore {checker['lintscore']})",
        "",
        "| rule | TP | FP | FN | precision | recall |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for rule, s in checker["rules"].items():
        counts = f"{s['tp']} | {s['fp']} | {s['fn']}"
        lines.append(f"| {rule} | {counts} | {_num(s['precision'])} | {_num(s['recall'])} |")
    return "\n".join(lines) + "\n"


def _chart(summary: dict[str, Any]) -> str:
    rows = list(summary["per_kind"].items())
    bar_h, width = 22, 360
    parts = [
        f'<svg width="{width + 190}" height="{bar_h * len(rows) + 10}" role="img" '
        'aria-label="pass rate per kind">'
    ]
    for i, (kind, k) in enumerate(rows):
        y, w = i * bar_h + 4, int(width * k["pass_rate"])
        parts.append(f'<text x="0" y="{y + 14}" font-size="13">{html.escape(kind)}</text>')
        parts.append(f'<rect x="140" y="{y}" width="{width}" height="16" fill="#eee"/>')
        color = "#2e7d32" if k["pass_rate"] == 1 else "#c62828"
        parts.append(f'<rect x="140" y="{y}" width="{w}" height="16" fill="{color}"/>')
        parts.append(
            f'<text x="{150 + width}" y="{y + 14}" font-size="13">{k["pass_rate"]:.0%}</text>'
        )
    return "".join(parts) + "</svg>"


def judge_table(found: dict[str, Any] | None) -> list[str]:
    """Return the judge's mean scores and its agreement with the hand ratings as lines."""
    if not found:
        return []
    means = ", ".join(f"{c} {v:.2f}" for c, v in found["means"].items())
    lines = ["", f"## Judge: {found['name']}", "", f"Mean scores: {means}."]
    for c, a in (found.get("agreement") or {}).items():
        kappa = "-" if a["kappa"] is None else f"{a['kappa']:.2f}"
        lines.append(
            f"- {c}: agreement with the hand ratings {a['exact']:.0%} exact, "
            f"{a['within_one']:.0%} within one point, weighted kappa {kappa} ({a['strength']}), "
            f"n {a['n']}"
        )
    return lines


def judge_html(scores: dict[str, Any]) -> str:
    """Return the judge's scores and reasons for one letter as a small table."""
    if "error" in scores:
        return f"<p>Judge: no scores ({html.escape(str(scores['error']))})</p>"
    rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td>{s['score']}/5</td>"
        f"<td>{html.escape(s['reason'])}</td></tr>"
        for name, s in scores.items()
    )
    return (
        f'<table class="judge"><tr><th>judge</th><th>score</th><th>reason</th></tr>{rows}</table>'
    )


_STYLE = """body{font:15px/1.45 system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em}
pre{white-space:pre-wrap;background:#fafafa;border:1px solid #ddd;padding:.8em}
mark.error{background:#ffcdd2}mark.warning{background:#fff3c4}mark.suggestion{background:#e3f2fd}
.pass{color:#2e7d32}.fail{color:#c62828}details{margin:.4em 0}table{border-collapse:collapse}
td,th{border:1px solid #ddd;padding:2px 8px}"""


def _html(
    results: list[CaseResult],
    summary: dict[str, Any],
    diff: dict[str, list[str]] | None,
    checker: dict[str, Any],
) -> str:
    body = [f"<h1>Afterword eval: {html.escape(summary['backend'])}</h1>"]
    if diff is not None:
        body += [f"<p>{html.escape(line)}</p>" for line in _diff_lines(diff)]
    body.append(
        f"<p>{summary['passed']} of {summary['cases']} cases pass; grounding precision "
        f"{summary['grounding_precision']:.1%}; slot recall {summary['slot_recall']:.1%}; "
        f"traps {summary['traps_held']}/{summary['traps']}.</p>"
    )
    body.append("<h2>Pass rate per kind</h2>" + _chart(summary))
    if summary.get("judge"):
        table = "".join(f"<p>{html.escape(x)}</p>" for x in judge_table(summary["judge"]) if x)
        body.append(f"<h2>Judge</h2>{table}")
    body.append("<h2>Cases</h2>")
    for r in sorted(results, key=lambda r: (r.passed, r.case.id)):
        verdict = '<span class="pass">pass</span>' if r.passed else '<span class="fail">FAIL</span>'
        inner = [f"<p>{html.escape(r.error)}</p>"] if r.error else []
        for i, letter in enumerate(r.letters):
            inner.append(f"<h4>{html.escape(letter.recipient)} ({letter.backend})</h4>")
            if letter.subject:
                inner.append(f"<p>Subject: {html.escape(letter.subject)}</p>")
            inner.append(f"<pre>{highlight(letter.text, letter.findings)}</pre>")
            items = "".join(
                f"<li>{f.severity} <code>{f.rule}</code> {html.escape(f.message)}</li>"
                for f in sorted_findings(letter.findings)
            )
            inner.append(f"<ul>{items}</ul>" if items else "<p>No findings.</p>")
            if i < len(r.judge):
                inner.append(judge_html(r.judge[i]))
        opened = "" if r.passed else " open"
        body.append(
            f"<details{opened}><summary>{verdict} <b>{html.escape(r.case.id)}</b> "
            f"({r.case.kind})</summary>{''.join(inner)}</details>"
        )
    rows = "".join(
        f"<tr><td>{html.escape(k)}</td><td>{s['tp']}</td><td>{s['fp']}</td><td>{s['fn']}</td>"
        f"<td>{_num(s['precision'])}</td><td>{_num(s['recall'])}</td></tr>"
        for k, s in checker["rules"].items()
    )
    body.append(
        f"<h2>The checker on {checker['letters']} labelled letters (recall "
        f"{_num(checker['recall'])}, error precision {_num(checker['error_precision'])}, "
        f"lintscore {checker['lintscore']})</h2><table><tr><th>rule</th><th>TP</th><th>FP</th>"
        f"<th>FN</th><th>precision</th><th>recall</th></tr>{rows}</table>"
    )
    return (
        f"<!doctype html><html lang=en><meta charset=utf-8><title>Afterword eval</title>"
        f"<style>{_STYLE}</style><body>{''.join(body)}</body></html>\n"
    )
