"""Every rule flags its should-flag examples (at the exact span) and passes its others."""

from __future__ import annotations

import pytest

from afterword.checker import RULES, check
from afterword.drafting.offline import compose
from afterword.facts import merge
from afterword.models import Facts, Report

from .conftest import example_facts
from .rule_examples import EXAMPLES, Ex


def run_example(ex: Ex) -> tuple[str, Report]:
    """Build the example's letter and check it."""
    base = example_facts(ex.kind)
    draft = compose(base)[0]
    text = ex.text if ex.text is not None else draft.text
    for old, new in ex.edits:
        assert old in text, f"example edit does not apply: {old!r}"
        text = text.replace(old, new)
    facts = Facts.model_validate(merge(base.model_dump(), ex.facts)) if ex.facts else base
    subject = draft.subject if ex.subject == "keep" else ex.subject
    if ex.alone:
        return text, check(text, None, ex.kind, subject=subject)
    return text, check(text, facts, ex.kind, subject=subject, recipient=0)


def _cases(which: int) -> list[tuple[str, Ex]]:
    return [(rule_id, ex) for rule_id, pair in EXAMPLES.items() for ex in pair[which]]


@pytest.mark.parametrize(
    ("rule_id", "ex"), _cases(0), ids=lambda v: v if isinstance(v, str) else ""
)
def test_should_flag(rule_id: str, ex: Ex) -> None:
    text, report = run_example(ex)
    hits = [f for f in report.findings if f.rule == rule_id]
    assert hits, f"False negative for {rule_id}"
    if ex.span is not None:
        spans = [text[f.start : f.end] for f in hits if f.start is not None]
        assert ex.span in spans, f"{rule_id}: expected span {ex.span!r}, got {spans}"


@pytest.mark.parametrize(
    ("rule_id", "ex"), _cases(1), ids=lambda v: v if isinstance(v, str) else ""
)
def test_should_pass(rule_id: str, ex: Ex) -> None:
    _, report = run_example(ex)
    hits = [f.message for f in report.findings if f.rule == rule_id]
    assert not hits, f"False positive for {rule_id}: {hits}"


def test_every_rule_has_examples() -> None:
    missing = sorted(set(RULES) - set(EXAMPLES))
    assert not missing, f"rules without examples: {missing}"
    assert not set(EXAMPLES) - set(RULES), "examples for rules that do not exist"
    for rule_id, (flag, ok) in EXAMPLES.items():
        assert flag and ok, f"{rule_id} needs both should-flag and should-pass examples"
