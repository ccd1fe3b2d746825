"""Grammar slips of hurried and non-native writers, read in whole letters by the checker:
each is one error with the fix, and the right forms beside them pass."""

from __future__ import annotations

import pytest

from afterword.checker import check, grammar
from afterword.drafting.offline import compose
from afterword.models import Facts, Finding, Kind

from .conftest import example_facts

END = "from the start."


def _letter(sentence: str) -> tuple[str, Facts]:
    facts = example_facts(Kind.THANK_YOU)
    return compose(facts)[0].text.replace(END, f"{END} {sentence}"), facts


def _grammar(text: str, facts: Facts) -> list[Finding]:
    return [
        f
        for f in check(text, facts).findings
        if f.rule.startswith("grammar.") and f.severity != "suggestion"
    ]


# (sentence, the span flagged, its fix)
SLIPS = [
    (
        "I am very appreciate for your time, Ms. Nakamura.",
        "I am very appreciate for",
        "I am very grateful for",
    ),
    (
        "We are truly appreciate of the tour in Kraków.",
        "We are truly appreciate of",
        "We are truly grateful for",
    ),
    ("I'm appreciate your patience.", "I'm appreciate", "I appreciate"),
    (
        "Thank you for taking time to discuss with me about the role.",
        "discuss with me about",
        "talk with me about",
    ),
    (
        "I discussed with Mr. Okafor about the rollout.",
        "discussed with Mr",
        "talked with Mr. Okafor about",
    ),
    ("I am resign from my position as of June.", "I am resign", "I resign"),
    ("I am confirm the start date of 4 May.", "I am confirm", "I confirm"),
    ("We are accept the revised terms.", "We are accept", "We accept"),
    ("I'm still hope to join Ms. Adeyemi's team.", "I'm still hope", "I still hope"),
    (
        "I enjoyed the many opportunity to meet Dr. Łukasiewicz.",
        "many opportunity",
        "many opportunities",
    ),
    ("I have many idea for the São Paulo office.", "many idea", "many ideas"),
    ("I met several colleague from Nairobi.", "several colleague", "several colleagues"),
    ("I led multiple project in Hanoi.", "multiple project", "multiple projects"),
    (
        "During last three years I ran payroll in Lagos.",
        "During last three years",
        "During the last three years",
    ),
    ("I grew the team over past year.", "over past year", "over the past year"),
    ("We will decide in next few weeks.", "in next few weeks", "in the next few weeks"),
    ("It was pleasure to meet you in Utrecht.", "It was pleasure", "It was a pleasure"),
    ("It is great pleasure to accept.", "It is great pleasure", "It is a great pleasure"),
    ("Please thank Mr. Yılmaz and rest of the panel.", "and rest of", "and the rest of"),
    (
        "I have 8 years experience in customs brokerage.",
        "8 years experience",
        "8 years of experience",
    ),
    ("I bring twelve year expertise in SAP.", "twelve year expertise", "twelve years of expertise"),
    ("I have one year experience as a barista.", "one year experience", "one year of experience"),
    ("I look forward to here from you.", "look forward to here", "look forward to hearing"),
    ("I hope to here from Ms. Nguyễn soon.", "hope to here", "hope to hear"),
]


@pytest.mark.parametrize(("sentence", "span", "fix"), SLIPS)
def test_a_slip_is_one_error_with_its_fix(sentence: str, span: str, fix: str | None) -> None:
    text, facts = _letter(sentence)
    found = _grammar(text, facts)
    at = [f for f in found if text[f.start : f.end].startswith(span)]
    assert len(at) == 1, [f.message for f in found]
    assert at[0].severity == "error"
    if fix is not None:
        assert at[0].suggestion == fix


# The right forms, and phrases that only look like the slips: no grammar finding.
RIGHT = [
    "I am very grateful for your time, Ms. Nakamura.",
    "I am appreciative of the tour in Kraków.",
    "I am appreciated by my team in Accra.",
    "Thank you for taking time to discuss the role with me.",
    "I discussed the rollout with Mr. Okafor.",
    "I am resigning from my position as of June.",
    "We are like family at the Porto office.",
    "I am thankful and I am hopeful.",
    "I have many ideas for the São Paulo office.",
    "I met several project managers from Nairobi.",
    "Both my colleague and I enjoyed the visit.",
    "I have worked in many customer-facing roles.",
    "During the last three years I ran payroll in Lagos.",
    "We met last year in Oslo.",
    "I read it in last week's newsletter.",
    "It was a pleasure to meet you in Utrecht.",
    "It was my pleasure to host the panel.",
    "It was pleasant to meet Ms. Ferreira.",
    "Please thank Mr. Yılmaz and the rest of the panel.",
    "I will rest for the remainder of the week.",
    "I have 8 years of experience in customs brokerage.",
    "I have 8 years' experience in customs brokerage.",
    "I look forward to hearing from you.",
    "I look forward to working here from January.",
    "I moved to here from Lisbon last year.",
]


@pytest.mark.parametrize("sentence", RIGHT)
def test_the_right_form_passes(sentence: str) -> None:
    text, facts = _letter(sentence)
    assert [f.message for f in _grammar(text, facts)] == []


@pytest.mark.parametrize(
    ("noun", "plural"),
    [
        ("idea", "ideas"),
        ("opportunity", "opportunities"),
        ("day", "days"),
        ("process", "processes"),
        ("approach", "approaches"),
        ("tax", "taxes"),
        ("colleague", "colleagues"),
    ],
)
def test_plural(noun: str, plural: str) -> None:
    assert grammar.plural(noun) == plural
