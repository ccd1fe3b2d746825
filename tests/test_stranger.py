"""Letters a stranger wrote to try the checker: good ones pass, flawed ones are caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from afterword.checker import check
from afterword.facts import load_facts

DATA = Path(__file__).parent / "data" / "stranger"
GOOD = sorted(p.stem for p in DATA.glob("g*.txt"))
# Each flawed letter, and the rules (any of them) a careful reader expects raised.
FLAWED: dict[str, tuple[str, ...]] = {
    "b01_template_placeholders": ("mechanics.placeholder",),
    "b02_misspelt_obrian": ("names.misspelt",),
    "b03_wrong_name_jones": ("names.salutation_recipient",),
    "b04_grammar_slips": ("grammar.",),
    "b05_please_advice_inquiry": ("grammar.word_choice",),
    "b06_apologetic": ("tone.apologetic",),
    "b07_desperate": ("tone.desperate",),
    "b08_ultimatum_inquiry": ("tone.ultimatum",),
    "b09_flattering": ("tone.presumptuous",),
    "b10_self_deprecating": ("tone.self_deprecating",),
    "b11_grievance_decline": ("tone.grievance", "tone.negative_employer"),
    "b12_repeated_sentences": ("mechanics.repeated_sentence",),
    "b13_acceptance_wrong_salary": ("facts.salary",),
    "b14_acceptance_wrong_start": ("facts.start_date", "grounding.date"),
    "b15_extension_wrong_date": ("facts.requested_date", "grounding.amount"),
    "b16_chatbot_output": ("mechanics.model_talk",),
    "b17_wrong_company": ("facts.company",),
    "b18_wrong_position": ("facts.position",),
    "b19_resignation_grievance": ("tone.grievance", "tone.negative_employer"),
    "b20_wrong_form_yamada": ("names.honorific", "names.salutation_recipient"),
    "b21_nonnative_slips": ("grammar.",),
    "b22_wrong_interview_date": ("grounding.date", "facts.interview_date"),
    "b23_ambiguous_acceptance": ("structure.acceptance_stated",),
    "b24_salary_placeholder_xx": ("mechanics.placeholder",),
    "b25_to_whom_it_may_concern": ("names.generic_greeting",),
    "b26_misspelt_lukasiewicz": ("names.misspelt",),
}


def _run(stem: str, with_facts: bool) -> list[tuple[str, str]]:
    text = (DATA / f"{stem}.txt").read_text(encoding="utf-8")
    facts = load_facts(DATA / f"{stem}.yaml")
    report = check(text, facts if with_facts else None, facts.kind)
    return [(f.rule, f.severity) for f in report.findings]


@pytest.mark.parametrize("with_facts", [True, False], ids=["facts", "alone"])
@pytest.mark.parametrize("stem", GOOD)
def test_good_letters_raise_no_error(stem: str, with_facts: bool) -> None:
    errors = [rule for rule, severity in _run(stem, with_facts) if severity == "error"]
    assert errors == []


@pytest.mark.parametrize(("stem", "rules"), FLAWED.items())
def test_flawed_letters_are_caught(stem: str, rules: tuple[str, ...]) -> None:
    raised = [r for r, sev in _run(stem, True) if sev in ("error", "warning")]
    assert any(r.startswith(want) for r in raised for want in rules), raised


def test_every_flawed_letter_is_listed() -> None:
    assert sorted(FLAWED) == sorted(p.stem for p in DATA.glob("b*.txt"))
