"""Show the checker's scores on the labelled letters: a text report and the same as data."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .corpus import CorpusResult, Tally


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _tally(t: Tally) -> dict[str, Any]:
    return {
        "tp": t.tp,
        "fp": t.fp,
        "fn": t.fn,
        "precision": _round(t.precision),
        "recall": _round(t.recall),
    }


def scores_json(result: CorpusResult) -> dict[str, Any]:
    """Return every figure of the text report as plain data (for --json and eval reports)."""
    overall = result.overall()
    rules = {
        s.rule: {
            "severity": s.severity,
            **_tally(s),
            "error_precision": _round(s.error_precision),
            "lintscore": round(s.lintscore, 2),
        }
        for s in sorted(result.scores.values(), key=lambda s: s.rule)
        if s.tp + s.fp + s.fn
    }
    return {
        "letters": len(result.letters),
        "good_letters": sum(1 for x in result.letters if not x.expect),
        "labelled_flaws": overall.tp + overall.fn,
        "caught": overall.tp,
        "recall": _round(overall.recall),
        "error_precision": _round(result.severity_precision("error").precision),
        "warning_precision": _round(result.severity_precision("warning").precision),
        "lintscore": round(result.total_lintscore, 2),
        "families": {name: _tally(t) for name, t in result.families().items()},
        "rules": rules,
        "false_positives": {
            letter: [{"rule": r, "severity": s} for r, s in pairs]
            for letter, pairs in result.false_positives().items()
        },
        "misses": {
            family: [{"letter": letter, "rule": rule} for letter, rule in pairs]
            for family, pairs in result.misses_by_family().items()
        },
        "below_target": result.below_target(),
    }


def _summary_lines(result: CorpusResult) -> list[str]:
    overall = result.overall()
    errors = result.severity_precision("error")
    warnings = result.severity_precision("warning")
    good = sum(1 for x in result.letters if not x.expect)
    return [
        f"{len(result.letters)} letters ({good} good); "
        f"{overall.tp + overall.fn} labelled flaws, {overall.tp} caught",
        f"recall {_pct(overall.recall)}   "
        f"error precision {_pct(errors.precision)} ({errors.tp} right, {errors.fp} false)   "
        f"warning precision {_pct(warnings.precision)} ({warnings.tp} right, {warnings.fp} false)",
        "(a rule counts when it fires at error or warning; suggestions are not scored)",
    ]


def _table(title: str, rows: Sequence[tuple[str, str, Tally, str]]) -> list[str]:
    lines = ["", f"{title:34} {'sev':10} {'TP':>3} {'FP':>3} {'FN':>3} {'prec':>5} {'recall':>6}"]
    lines[1] += "  errprec" if rows and rows[0][3] != "" else ""
    for name, sev, t, extra in rows:
        lines.append(
            f"{name:34} {sev:10} {t.tp:>3} {t.fp:>3} {t.fn:>3} "
            f"{_pct(t.precision):>5} {_pct(t.recall):>6}{extra}"
        )
    return lines


def format_scores(result: CorpusResult) -> str:
    """Render the summary, the family and rule tables, false positives and misses as text."""
    lines = _summary_lines(result)
    families = [(n, "", t, "") for n, t in result.families().items() if t.tp + t.fp + t.fn]
    lines += _table("family", families)
    rules = [
        (s.rule, s.severity, s, f"  {_pct(s.error_precision):>7}")
        for s in sorted(result.scores.values(), key=lambda s: s.rule)
        if s.tp + s.fp + s.fn
    ]
    lines += _table("rule", rules)
    fps = result.false_positives()
    good = {x.id for x in result.letters if not x.expect}
    for title, ids in (("on good letters", good), ("on flawed letters", set(fps) - good)):
        shown = {k: v for k, v in fps.items() if k in ids}
        lines += ["", f"False positives {title} ({len(shown)} letters; E error, W warning):"]
        for letter, pairs in shown.items():
            lines.append(f"  {letter}: " + ", ".join(f"{r} ({s[0].upper()})" for r, s in pairs))
    lines += ["", "Misses by family:"]
    for family, pairs in result.misses_by_family().items():
        lines.append(f"  {family} ({len(pairs)}):")
        lines += [f"    {rule} on {letter}" for letter, rule in pairs]
    below = result.below_target()
    lines += ["", "Below target:" if below else "All targets met."]
    lines += [f"  {x}" for x in below]
    return "\n".join(lines)
