"""Letters read alone, as people type them: the sign-off on the last line of a one-paragraph
message, the slips a careful reader marks in it ("Kind regard", "Your sincerely", "Sincerly"),
and the kind the letter's own words say ("withdraw from consideration", "keep me in mind")."""

from __future__ import annotations

import pytest

from afterword.checker import check
from afterword.checker.doc import tail_sign_off
from afterword.checker.infer import cued_kind
from afterword.models import Kind

from .conftest import example_facts

LETTER = (
    "Dear Ms. Mensah,\n\nThank you for meeting me on Monday to discuss the Data Analyst role. "
    "I enjoyed hearing how your team plans the cocoa harvest forecasts, and I look forward to "
    "hearing about the next steps.\n\n{closing}\nKwame Boateng\n"
)


@pytest.mark.parametrize(
    ("text", "sign_off", "name"),
    [
        ("Hi Priya, thanks for the chat. Have a great week! - Bartek", "-", "Bartek"),
        (
            "Hi Rahul, thank you. I hope we keep in touch. All the best, Klaus",
            "All the best,",
            "Klaus",
        ),
        ("Hi Ana, thanks!\n\nBest regards, Ana de la Cruz", "Best regards,", "Ana de la Cruz"),
        ("Hi Tom, thank you so much. – Łukasz Wiśniewski\n", "–", "Łukasz Wiśniewski"),
        ("We met at the fair - Monday", None, None),
        ("Thank you for the call - really useful", None, None),
        (
            "Hi Dariush, thanks again. Looking forward to it. Best, Leila Farahani",
            "Best,",
            "Leila Farahani",
        ),
        ("Hi Jo, great to meet you. Cheers, Tane", "Cheers,", "Tane"),
        ("Hi Eleni, thank you for the tour. Thanks again, Nikos", "Thanks again,", "Nikos"),
        ("Hi Ana, talk to you then. Take care, Ioana", "Take care,", "Ioana"),
        ("I liked the Best Buy case best. Thanks", None, None),
    ],
)
def test_a_message_ends_with_its_sign_off_on_the_last_line(
    text: str, sign_off: str | None, name: str | None
) -> None:
    found = tail_sign_off(text)
    assert (found and (found.group("c"), found.group("n"))) == (
        (sign_off, name) if sign_off else None
    )


def test_a_linkedin_message_signed_inline_is_not_blocked() -> None:
    note = (
        "Hi Dariush, thanks again for your time today and for walking me through the ML "
        "Platform Engineer role. I'm even more excited about the job now. Looking forward to "
        "hearing about next steps. Best, Leila Farahani"
    )
    blocking = [f.rule for f in check(note).findings if f.severity == "error"]
    assert "structure.sign_off" not in blocking and "names.signature" not in blocking


@pytest.mark.parametrize(
    ("closing", "fix"),
    [
        ("Your sincerely,", "Yours sincerely"),
        ("Kind regard,", "Kind regards"),
        ("Best regard,", "Best regards"),
        ("With kind regard,", "With kind regards"),
        ("Sincerely your,", "Sincerely yours"),
        ("Best wish,", "Best wishes"),
    ],
)
def test_a_slip_in_the_sign_off_is_an_error_with_its_fix(closing: str, fix: str) -> None:
    text = LETTER.format(closing=closing)
    found = [f for f in check(text).findings if f.rule == "structure.closing_slip"]
    assert [(f.severity, f.suggestion) for f in found] == [("error", fix)]


@pytest.mark.parametrize(
    "closing",
    ["Yours sincerely,", "Kind regards,", "Best wishes,", "Regards,", "Best,", "Sincerely yours,"],
)
def test_a_sound_sign_off_has_no_slip(closing: str) -> None:
    text = LETTER.format(closing=closing)
    assert not [f for f in check(text).findings if f.rule == "structure.closing_slip"]


@pytest.mark.parametrize(
    ("greeting", "warned"),
    [("Dear Ms. Mensah,", True), ("Dear Sir or Madam,", False), ("Dear Hiring Manager,", False)],
)
def test_yours_faithfully_goes_with_an_unnamed_reader(greeting: str, warned: bool) -> None:
    text = LETTER.format(closing="Yours faithfully,").replace("Dear Ms. Mensah,", greeting)
    found = [f for f in check(text).findings if f.rule == "structure.closing_slip"]
    assert [(f.severity, f.suggestion) for f in found] == (
        [("warning", "Yours sincerely")] if warned else []
    )


def test_the_composer_signs_off_without_a_slip() -> None:
    for kind in Kind:
        facts = example_facts(kind)
        from afterword.drafting.offline import compose

        for draft in compose(facts):
            found = check(draft.text, facts, kind, subject=draft.subject).findings
            assert not [f for f in found if f.rule == "structure.closing_slip"], kind


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("I would like to withdraw from consideration for the role.", Kind.WITHDRAWAL),
        ("Please remove me from consideration.", Kind.WITHDRAWAL),
        ("I have decided to withdraw my name from the process.", Kind.WITHDRAWAL),
        ("I would love to be considered if a similar role opens up.", Kind.STAY_IN_TOUCH),
        ("Please keep me in mind for future openings.", Kind.STAY_IN_TOUCH),
        ("Thank you for meeting me on Monday.", None),
        ("I look forward to future opportunities to work together.", None),
    ],
)
def test_a_letter_alone_is_read_as_the_kind_its_words_say(sentence: str, kind: Kind | None) -> None:
    assert cued_kind(f"Dear Ms. Haile,\n\n{sentence}\n\nSincerely,\nYonas\n") == kind
