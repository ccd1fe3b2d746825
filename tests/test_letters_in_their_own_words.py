"""Fine letters from the ninth stranger round that the checker blocked, and the flaws that
stand beside them: each table pairs what a writer wrote with what a careful reader sees.

A colleague's note opens with the name alone ("Robert,"); a formal writer signs off in a long
line ("With my sincere thanks and best wishes for the continued success of your team,");
"would of course" is no "would of"; "we spoke on Monday" may be another call; a resignation
need not name the employer its reader runs, but must not name another one as the job left.
"""

from __future__ import annotations

import pytest

from afterword.checker import check
from afterword.models import Facts, Kind

from .letter_edits import facts_of

WRITER: dict[str, object] = {
    "channel": "email",
    "sent_on": "2026-11-24",
    "candidate": {"name": "Luana Ferreira", "email": "luana@example.com.br"},
    "company": "Nubank Brasil S.A.",
    "position": "Product Designer",
    "recipients": [{"name": "Camila Rocha", "honorific": "Ms."}],
    "interview": {"date": "2026-11-23"},  # a Monday
    "next_step": {"text": "a site visit", "date": "2026-11-26"},  # a Thursday
}


def _facts(kind: Kind, **more: object) -> Facts:
    return facts_of(WRITER, kind, **more)


BODY = (
    "Thank you for the conversation about the Product Designer role at Nubank. I enjoyed "
    "hearing about the research team, and I look forward to hearing about the next steps."
)


def _rules(text: str, facts: Facts | None = None, kind: Kind = Kind.THANK_YOU) -> dict[str, str]:
    return {f.rule: f.severity for f in check(text, facts, kind).findings}


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("I would of course be glad to send my portfolio.", False),
        ("Should that be the case, I would of course be grateful.", False),
        ("I would of sent it sooner.", True),
        ("You should of seen the prototype.", True),
    ],
)
def test_would_of_course_is_not_would_of(sentence: str, flagged: bool) -> None:
    text = f"Dear Ms. Rocha,\n\n{BODY} {sentence}\n\nBest regards,\nLuana Ferreira\n"
    assert ("mechanics.confusable" in _rules(text, _facts(Kind.THANK_YOU))) is flagged


@pytest.mark.parametrize(
    ("opening", "greeted"),
    [
        ("Camila,", True),
        ("Oi Camila,", True),
        ("Subject: Thank you\n\nCamila,", True),
        ("Camila Rocha,", True),
        ("", False),
    ],
)
def test_a_name_alone_or_a_home_greeting_opens_the_letter(opening: str, greeted: bool) -> None:
    text = f"{opening}\n\n{BODY}\n\nBeijos,\nLuana\n"
    found = _rules(text)
    assert ("names.salutation_missing" not in found) is greeted
    assert "names.duplicate_greeting" not in found  # "Beijos," closes the letter


@pytest.mark.parametrize(
    "closing",
    [
        "With my sincere thanks and best wishes for the continued success of your team,",
        "With my renewed thanks for your confidence, and with my best regards,",
    ],
)
def test_a_long_formal_sign_off_is_one(closing: str) -> None:
    text = f"Dear Ms. Rocha,\n\n{BODY}\n\n{closing}\n\nLuana Ferreira\n"
    assert "structure.sign_off" not in _rules(text, _facts(Kind.THANK_YOU))


def test_a_one_paragraph_note_opened_in_french_may_end_with_the_name() -> None:
    note = (
        "Bonjour Mme Rocha, thank you for the offer! I'm happy to accept the Product Designer "
        "position at Nubank. I'll return the signed letter today.\nLuana Ferreira\n"
    )
    assert _rules(note, None, Kind.ACCEPTANCE).get("structure.sign_off") == "suggestion"


@pytest.mark.parametrize(
    ("sentence", "severity"),
    [
        ("Thank you for meeting me on Tuesday.", "error"),  # the interview was a Monday
        ("We spoke on Tuesday, before the interview.", "warning"),  # maybe another call
        ("I look forward to the site visit on Thursday.", None),  # the next step's day
        ("Thank you for meeting me on Monday.", None),
    ],
)
def test_a_weekday_is_weighed_by_what_it_names(sentence: str, severity: str | None) -> None:
    text = f"Dear Ms. Rocha,\n\n{BODY} {sentence}\n\nBest regards,\nLuana Ferreira\n"
    found = [
        f.severity
        for f in check(text, _facts(Kind.THANK_YOU), Kind.THANK_YOU).findings
        if f.rule == "grounding.date" and "interview was" in f.message
    ]
    assert found == ([severity] if severity else [])


@pytest.mark.parametrize(
    ("kind", "sentence", "rule"),
    [
        (Kind.WITHDRAWAL, "I ask that my application be withdrawn.", "structure.withdrawal_stated"),
        (
            Kind.DECLINE,
            "I begin by thanking you for the offer, which I must decline.",
            "structure.thanks",
        ),
    ],
)
def test_a_purpose_in_formal_words_is_stated(kind: Kind, sentence: str, rule: str) -> None:
    text = f"Dear Ms. Rocha,\n\n{sentence}\n\nBest regards,\nLuana Ferreira\n"
    assert rule not in _rules(text, _facts(kind), kind)


def test_harper_reads_further_that_as_a_relative_clause() -> None:
    text = (
        f"Dear Ms. Rocha,\n\n{BODY} I should be glad to provide anything further that might "
        "assist you.\n\nBest regards,\nLuana Ferreira\n"
    )
    assert "grammar.harper" not in _rules(text, _facts(Kind.THANK_YOU))


def _resignation(sentence: str) -> str:
    return (
        f"Dear Ms. Rocha,\n\n{sentence} My last day will be 18 December 2026.\n\nI will help "
        "with the handover in any way I can. It has been a privilege to work with you.\n\n"
        "Best regards,\nLuana Ferreira\n"
    )


@pytest.mark.parametrize(
    ("sentence", "severity"),
    [
        ("Please accept this letter as notice of my resignation.", "suggestion"),
        ("Please accept this letter as notice of my resignation from Orbita Ltda.", None),
        (
            "Please accept this letter as notice of my resignation from my position at "
            "Fintrack Labs Ltd.",
            "error",
        ),
        ("I am resigning, as I have accepted a new role at Fintrack Labs Ltd.", "suggestion"),
    ],
)
def test_a_resignation_names_the_employer_it_leaves_or_none(
    sentence: str, severity: str | None
) -> None:
    facts = _facts(
        Kind.RESIGNATION,
        candidate={"name": "Luana Ferreira", "current_employer": "Orbita Ltda."},
        company="Fintrack Labs Ltd.",
        decision={"last_day": "2026-12-18"},
    )
    found = _rules(_resignation(sentence), facts, Kind.RESIGNATION)
    worst = found.get("facts.company_other") or found.get("facts.company")
    assert worst == severity, found


def test_the_timing_advice_says_what_it_counts_from_in_words() -> None:
    facts = _facts(Kind.THANK_YOU, sent_on="2026-11-27")  # four days after the interview
    text = f"Dear Ms. Rocha,\n\n{BODY}\n\nBest regards,\nLuana Ferreira\n"
    found = [f for f in check(text, facts, Kind.THANK_YOU).findings if f.rule == "timing.window"]
    assert found and "4 days after the interview" in found[0].message
    assert "interview.date" not in found[0].message


@pytest.mark.parametrize(
    ("facts_name", "signed", "flagged"),
    [
        ("Tanaka Haruki", "Haruki Tanaka", False),  # family name first in the facts
        ("Kim Min-jun", "Min-jun Kim", False),
        ("Ana Paula Souza Lima", "Ana Paula Lima", False),  # a second surname left out
        ("Fatima Zahra Benali", "Fatima Zahra", False),  # the given names, both
        ("Tanaka Haruki", "Haruki Sato", True),
        ("Ana Paula Souza Lima", "Ana Lucia Lima", True),
    ],
)
def test_a_signature_may_order_or_shorten_the_facts_name(
    facts_name: str, signed: str, flagged: bool
) -> None:
    facts = _facts(Kind.THANK_YOU, candidate={"name": facts_name})
    text = f"Dear Ms. Rocha,\n\n{BODY}\n\nBest regards,\n{signed}\n"
    found = [f.rule for f in check(text, facts, Kind.THANK_YOU).findings]
    assert ("names.signature" in found) is flagged


def test_a_subject_naming_a_job_is_fine_when_the_facts_name_none() -> None:
    facts = _facts(Kind.THANK_YOU, position=None)
    text = (
        f"Subject: Thank you – Project Engineer interview\n\nDear Ms. Rocha,\n\n{BODY}\n\n"
        "Best regards,\nLuana Ferreira\n"
    )
    assert "facts.subject" not in _rules(text, facts)


@pytest.mark.parametrize(
    ("greeting", "honorific"), [("Dear Mr. Petit,", "M."), ("Dear Ms. Petit,", "Mme")]
)
def test_a_french_title_in_the_facts_is_the_english_one_in_the_letter(
    greeting: str, honorific: str
) -> None:
    facts = _facts(Kind.THANK_YOU, recipients=[{"name": "Luc Petit", "honorific": honorific}])
    text = f"{greeting}\n\n{BODY}\n\nBest regards,\nLuana Ferreira\n"
    assert "names.honorific" not in _rules(text, facts)


def test_a_legal_form_with_its_own_letters_may_be_left_out() -> None:
    facts = _facts(Kind.THANK_YOU, company="Anadolu Textiles A.Ş.")
    text = f"Dear Ms. Rocha,\n\n{BODY.replace('Nubank', 'Anadolu Textiles')}\n\nBest regards,\nLuana Ferreira\n"
    assert "facts.company" not in _rules(text, facts)


@pytest.mark.parametrize(
    ("sentence", "rule", "flagged"),
    [
        (
            "I'm sure you'll finally find someone who meets your expectations.",
            "tone.sarcastic",
            True,
        ),
        ("Nothing I did ever seemed to be quite enough.", "tone.sarcastic", True),
        ("I write again, assuming someone reads this one.", "tone.sarcastic", True),
        ("I feel terrible about declining, as you were so kind.", "tone.negative_employer", False),
        ("The process was disorganised from start to finish.", "tone.negative_employer", True),
    ],
)
def test_sarcasm_and_feelings_are_told_apart(sentence: str, rule: str, flagged: bool) -> None:
    text = (
        f"Dear Ms. Rocha,\n\nThank you for the offer. {sentence} I must decline the offer.\n\n"
        "Best regards,\nLuana Ferreira\n"
    )
    assert (rule in _rules(text, _facts(Kind.DECLINE), Kind.DECLINE)) is flagged


def test_a_misspelt_name_is_seen_through_a_possessive() -> None:
    text = (
        "Dear Ms. Kowalski,\n\nThank you for the tour of Ms. Kowalsky's team on Monday. I look "
        "forward to hearing about the next steps.\n\nBest regards,\nLuana Ferreira\n"
    )
    found = [f for f in check(text).findings if f.rule == "names.misspelt"]
    assert found and found[0].suggestion == "Kowalski"
    assert "the facts" not in found[0].message  # read alone: the greeting spells it


@pytest.mark.parametrize(
    ("facts_phone", "said", "flagged"),
    [
        ("+44 7700 900456", "07700 900456", False),  # the national form, trunk 0 in front
        ("+1 555 0100", "555-0100", False),
        ("+44 7700 900456", "07700 900457", True),
    ],
)
def test_a_phone_in_its_national_form_is_the_facts_number(
    facts_phone: str, said: str, flagged: bool
) -> None:
    facts = _facts(Kind.THANK_YOU, candidate={"name": "Luana Ferreira", "phone": facts_phone})
    text = (
        f"Dear Ms. Rocha,\n\n{BODY} You can reach me on {said}.\n\nBest regards,\nLuana Ferreira\n"
    )
    assert ("grounding.phone" in _rules(text, facts)) is flagged


@pytest.mark.parametrize(
    ("text", "rule", "flagged"),
    [
        ("Hi Mr. Novak, it's Sara Lindgren calling about the role.", "grammar.harper", False),
        (
            "May I ask if there is any new information about the position?",
            "structure.status_question",
            False,
        ),
    ],
)
def test_what_a_caller_or_an_asker_says_is_fine(text: str, rule: str, flagged: bool) -> None:
    letter = f"Dear Ms. Rocha,\n\n{BODY} {text}\n\nBest regards,\nLuana Ferreira\n"
    assert (rule in _rules(letter, _facts(Kind.INQUIRY), Kind.INQUIRY)) is flagged


def test_a_titled_name_alone_greets_and_a_nickname_from_the_end_of_a_name_signs() -> None:
    facts = _facts(Kind.THANK_YOU, candidate={"name": "Oluwaseun Adeyemi"})
    text = f"Ms. Rocha,\n\n{BODY}\n\nBest regards,\nSeun\n"
    found = {f.rule: f.severity for f in check(text, facts, Kind.THANK_YOU).findings}
    assert "names.salutation_missing" not in found
    assert found.get("names.signature") in (None, "warning")


def test_another_employer_in_a_clause_of_its_own_is_named() -> None:
    text = (
        f"Dear Ms. Rocha,\n\n{BODY} I managed a similar study at my current company and would be "
        "glad to bring that experience to the team at Novartis.\n\nBest regards,\nLuana Ferreira\n"
    )
    assert _rules(text, _facts(Kind.THANK_YOU)).get("facts.company_other") == "error"
    past = text.replace("to the team at Novartis", "to your team, as I saw at Novartis")
    assert "facts.company_other" not in _rules(past, _facts(Kind.THANK_YOU))
