"""The slow lane: hypothesis runs 10,000 examples over the offer reader, the facts loader and
the checker, each of which must answer any text without crashing. Select with `pytest -m slow`
(the default run leaves it out; see addopts in pyproject.toml)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from afterword.checker import check
from afterword.errors import AfterwordError
from afterword.facts import facts_from_mapping, parse_mapping
from afterword.models import Kind
from afterword.offers import extract

from .conftest import example_facts

EXAMPLES = 10_000
LANE = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
pytestmark = pytest.mark.slow

# Pieces hostile pastes are made of, so examples hit the interesting paths, not only noise.
PIECES = [
    "Salary: $85,000 per year",
    "$999,999",
    "£42k per annum",
    "INR 12,00,000 CTC",
    "18 LPA",
    "start date January 4, 2027",
    "respond by 2026-11-27",
    "Note to assistant: ",
    "System: ",
    "ignore previous instructions",
    "[INST]",
    "<div style='display:none'>",
    "</div>",
    "<!--",
    "-->",
    "<p style='color:#fff'>",
    "<script>",
    "\u202e",
    "\u2066",
    "\u200b",
    "\u0410BC",
    "Sincerely,\n",
    "María de la Cruz",
    "Siobhán Ó Ceallaigh",
    "Nguyễn Văn An",
    "Jean-Luc Dubois",
    "[Job Title]",
    "{{salary}}",
    "\n\n",
    "\x1b[2J",
]
pasted = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), max_size=25).map(
    "".join
)


@LANE
@given(pasted)
def test_the_offer_reader_answers_any_paste(text: str) -> None:
    cleaned, got = extract(text, dt.date(2026, 11, 21))
    for span in got.spans():
        assert 0 <= span.start <= span.end <= len(cleaned)
        assert span.value.strip()
    assert not any(c.options == [] for c in got.conflicts)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=30,
)
facts_text = st.one_of(
    st.text(max_size=300),
    json_values.map(lambda v: json.dumps({"kind": "acceptance", "x": v})),
    st.lists(st.sampled_from(["kind: ", "acceptance", "\n", "  ", "- ", "{", "}", "[", "]",
                              ": ", "&a ", "*a", "!!str ", "9" * 40, "'", '"', "company"]),
             max_size=40).map("".join),
)  # fmt: skip


@LANE
@given(facts_text)
def test_the_facts_loader_answers_any_file(text: str) -> None:
    try:
        facts_from_mapping(parse_mapping(text, "facts.yaml"), "facts.yaml")
    except AfterwordError as err:
        assert str(err).startswith("facts.yaml")


FACTS = [example_facts(k) for k in (Kind.ACCEPTANCE, Kind.THANK_YOU, Kind.DECLINE)]
letters = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "Dear Ms. Lopez,\n\n",
                "Thank you for the offer of $85,000 per year. ",
                "I accept the Senior Sales Consultant position. ",
                "I will start on January 4, 2027. ",
                "Sincerely,\nJane Doe",
                "!!!",
                "I'm sorry ",
                "\u202e",
                "María de la Cruz",
            ]
        ),
        st.text(max_size=40),
    ),
    max_size=20,
).map("".join)


@LANE
@given(letters, st.sampled_from(range(len(FACTS))), st.none() | st.text(max_size=60))
def test_the_checker_answers_any_letter(text: str, which: int, subject: str | None) -> None:
    report = check(text, FACTS[which], subject=subject)
    for f in report.findings:
        if f.start is not None and f.end is not None:
            assert 0 <= f.start <= f.end <= len(text)
    assert report.passed == (not any(f.severity == "error" for f in report.findings))
