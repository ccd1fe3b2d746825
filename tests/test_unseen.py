"""The issue's bar: on letters written fresh here (not in the corpus, not from templates),
the checker catches each flaw and stays quiet on a well-written letter."""

from __future__ import annotations

import pytest

from afterword.checker import check
from afterword.models import Facts, Kind

from .conftest import example_facts

GOOD = """Subject: Thank you

Dear Mr. Jones,

Many thanks for our conversation on Friday about the Senior Sales Consultant role at ABC Company. I came away eager to help the team grow.

Your plans to expand into the European commodities market stood out to me; my language fluency would be useful there from the first week.

I understand I should hear back on Monday about a second round, and I look forward to it.

Sincerely,
Jane Doe
"""

FLAWS = [
    ("Dear Mr. Jones,", "Dear Mr. Jnoes,", "names.misspelt", "Jnoes"),
    ("the Senior Sales Consultant role", "the role", "facts.position", None),
    (
        "I understand I should hear back on Monday about a second round, and I look forward to it.\n",
        "Have a good weekend.\n",
        "structure.next_step",
        None,
    ),
    ("at ABC Company.", "at [Company Name].", "mechanics.placeholder", "[Company Name]"),
    (
        "I came away",
        "I apologize for my long answers. I came away",
        "tone.apologetic",
        "I apologize",
    ),
    (
        "I came away eager to help the team grow.",
        "I came away eager to help the team grow. I came away eager to help the team grow.",
        "mechanics.repeated_sentence",
        None,
    ),
    (
        "Many thanks for our",
        "Thank you for you're your time and our",
        "mechanics.confusable",
        "you're your",
    ),
]


def _facts() -> Facts:
    return example_facts(Kind.THANK_YOU)


def test_a_well_written_letter_has_no_error() -> None:
    report = check(GOOD, _facts(), recipient=0)
    assert report.passed, [f.message for f in report.errors]


@pytest.mark.parametrize(("old", "new", "rule", "span"), FLAWS, ids=[f[2] for f in FLAWS])
def test_each_flaw_is_caught(old: str, new: str, rule: str, span: str | None) -> None:
    assert old in GOOD
    text = GOOD.replace(old, new)
    report = check(text, _facts(), recipient=0)
    hits = [f for f in report.findings if f.rule == rule]
    assert hits and hits[0].severity == "error" and not report.passed
    if span:
        assert span in [text[f.start : f.end] for f in hits if f.start is not None]


def test_salary_differing_from_the_offer() -> None:
    facts = example_facts(Kind.ACCEPTANCE)
    text = (
        "Subject: Acceptance\n\nDear Ms. Lopez,\n\nI am pleased to accept the Senior Sales "
        "Consultant position at ABC Company at $88,000 per year, starting January 4, 2027. "
        "Thank you; I am excited to join.\n\nBest regards,\nJane Doe\n"
    )
    report = check(text, facts)
    salary = [f for f in report.findings if f.rule == "facts.salary"]
    assert salary and text[salary[0].start : salary[0].end] == "$88,000"  # type: ignore[index]


def test_decline_that_opens_with_the_refusal() -> None:
    facts = example_facts(Kind.DECLINE)
    text = (
        "Subject: Offer\n\nDear Ms. Lopez,\n\nI am declining the Senior Sales Consultant "
        "offer from ABC Company. Thank you for your time. I have chosen a role closer to my "
        "family.\n\nI wish you every success.\n\nBest regards,\nJane Doe\n"
    )
    report = check(text, facts)
    assert "structure.decline_order" in {f.rule for f in report.errors}


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=800))
def test_the_checker_never_crashes_and_spans_lie_inside(text: str) -> None:
    report = check(text, _facts(), recipient=0)
    assert report.passed == (not report.errors)
    for f in report.findings:
        if f.start is not None:
            assert f.end is not None and 0 <= f.start <= f.end <= len(text)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, len(GOOD)), st.text(max_size=60))
def test_insertions_into_a_good_letter_never_crash(at: int, junk: str) -> None:
    text = GOOD[:at] + junk + GOOD[at:]
    for f in check(text, _facts(), recipient=0).findings:
        if f.start is not None:
            assert text[f.start : f.end] or f.start == f.end
