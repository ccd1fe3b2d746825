"""Letters as people write them: the parts a careful reader sees are found, in the writer's words.

Each case edits the offline composer's letter for a kind's example facts (so the rest is clean)
and says which rule must give which severity, or that it must stay silent.
"""

from __future__ import annotations

import pytest

from afterword.checker import check
from afterword.drafting.offline import compose
from afterword.models import Kind, Severity

from .conftest import example_facts
from .letter_edits import severities

K = Kind
TY_POINT = "I especially enjoyed our conversation about the plans to expand into the European commodities market."
TY_NEXT = (
    "As we discussed, I understand the next step is to hear back on Monday about a second round."
)
INQ_ASK = "I am writing to ask whether there is any news about the position, and whether you need anything else from me to help with your decision."
DEC_SAY = "After careful thought, I have decided to pursue a role closer to my family."
SIGN = "Best regards,\nJane Doe"

CASES: list[tuple[Kind, tuple[tuple[str, str], ...], str, Severity | None]] = [
    # status asked in other words
    (
        K.INQUIRY,
        ((INQ_ASK, "I wanted to check in and ask whether there are any updates on the search."),),
        "structure.status_question",
        None,
    ),
    (
        K.INQUIRY,
        ((INQ_ASK, "I'm writing to ask politely whether a decision has been made."),),
        "structure.status_question",
        None,
    ),
    (
        K.INQUIRY,
        ((INQ_ASK, "I am writing to ask whether there has been any progress."),),
        "structure.status_question",
        None,
    ),
    (
        K.INQUIRY,
        ((INQ_ASK, "I would be glad to hear back when you can."),),
        "structure.status_question",
        None,
    ),
    (K.INQUIRY, ((INQ_ASK, "I am writing to say hello."),), "structure.status_question", "error"),
    # a decline in other words
    (
        K.DECLINE,
        ((DEC_SAY, "After careful thought, I won't be accepting the position."),),
        "structure.decline_stated",
        None,
    ),
    (
        K.DECLINE,
        ((DEC_SAY, "After a lot of thought I'll have to say no this time."),),
        "structure.decline_stated",
        None,
    ),
    (
        K.DECLINE,
        ((DEC_SAY, "After careful thought, I am turning the offer down."),),
        "structure.decline_stated",
        None,
    ),
    # a next step in other words
    (
        K.THANK_YOU,
        ((TY_NEXT, "I will wait for your call about the trial shift."),),
        "structure.next_step",
        None,
    ),
    (
        K.THANK_YOU,
        (
            (
                TY_NEXT,
                "I'm happy to prepare a short proof of concept if it helps with the next stage.",
            ),
        ),
        "structure.next_step",
        None,
    ),
    (
        K.THANK_YOU,
        (
            (
                TY_NEXT + " Please let me know if I can provide anything further.",
                "It was a good day.",
            ),
        ),
        "structure.next_step",
        "error",
    ),
    (
        K.THANK_YOU,
        ((TY_NEXT, "I am available for a second interview any day next week."),),
        "structure.next_step",
        None,
    ),
    # the point, paraphrased
    (
        K.THANK_YOU,
        ((TY_POINT, "Your plan to take the commodities desk into Europe stayed with me."),),
        "structure.specific_point",
        None,
    ),
    (
        K.THANK_YOU,
        ((TY_POINT, "Expanding into European commodity markets sounds like the right bet."),),
        "structure.specific_point",
        None,
    ),
    (K.THANK_YOU, ((TY_POINT, "I enjoyed the office tour."),), "structure.specific_point", "error"),
    # people named beside the reader, and the reader named wrongly
    (
        K.THANK_YOU,
        ((TY_POINT, TY_POINT + " Please pass my thanks to Ms. Tran as well."),),
        "grounding.name",
        "warning",
    ),
    (
        K.THANK_YOU,
        (("meet with me on", "meet with me and Dr. Okonkwo on"),),
        "grounding.name",
        "warning",
    ),
    (
        K.THANK_YOU,
        (("Thank you for taking", "It was good to meet you, Mr. Weber. Thank you for taking"),),
        "grounding.name",
        "error",
    ),
    (K.THANK_YOU, (("Dear Mr. Jones,", "Dear Mr. Weber,"),), "grounding.name", "error"),
    (
        K.THANK_YOU,
        ((TY_POINT, TY_POINT + " The office on Madison St is lovely."),),
        "grounding.name",
        None,
    ),
    # links and addresses
    (
        K.THANK_YOU,
        (("jane.doe@example.com |", "https://janedoe.example.com | jane.doe@example.com |"),),
        "grounding.url",
        None,
    ),
    (
        K.THANK_YOU,
        ((TY_POINT, TY_POINT + " My write-up is at https://janedoe.example.com/sales."),),
        "grounding.url",
        "warning",
    ),
    (
        K.THANK_YOU,
        (("Dear Mr. Jones,", "To: Tom Jones <tom.jones@abc.example>\n\nDear Mr. Jones,"),),
        "grounding.email",
        None,
    ),
    (
        K.THANK_YOU,
        ((TY_POINT, TY_POINT + " Write to me at jd1984@mail.example."),),
        "grounding.email",
        "error",
    ),
    # weekdays: the interview's day must be right; a day the writer promises is theirs
    (K.THANK_YOU, (("on Friday, November 20,", "on Tuesday"),), "grounding.date", "error"),
    (K.THANK_YOU, ((TY_NEXT, "I will send the deck by Wednesday."),), "grounding.date", "warning"),
    (
        K.THANK_YOU,
        ((TY_NEXT, "We meet again on Wednesday, November 25."),),
        "mechanics.weekday",
        None,
    ),
    (
        K.THANK_YOU,
        ((TY_NEXT, "We meet again on Wednesday, November 24."),),
        "mechanics.weekday",
        "error",
    ),
    (K.THANK_YOU, (("on Friday, November 20,", "on Friday"),), "grounding.date", None),
    # a short form of the signer's own name, to someone on first names
    (K.THANK_YOU, (("Dear Mr. Jones,", "Hi Tom,"), (SIGN, "Best,\nJan")), "names.signature", None),
    (K.THANK_YOU, ((SIGN, "Best regards,\nJan"),), "names.signature", "warning"),
    # a company's name one letter off, in any kind of letter
    (
        K.DECLINE,
        (("for the time you and your team", "for the time you and your team at ABC Compny"),),
        "facts.company_other",
        "error",
    ),
    # a date mask left in
    (K.THANK_YOU, (("on Friday, November 20,", "on XX/XX,"),), "mechanics.placeholder", "error"),
    # signatures as people sign
    (K.THANK_YOU, ((SIGN, "Best regards,\nJane (Janie) Doe"),), "names.signature", None),
    (K.THANK_YOU, ((SIGN, "Best regards,\nJanie Doe"),), "names.signature", "warning"),
    (K.THANK_YOU, ((SIGN, "Best regards,\nJohn Smith"),), "names.signature", "error"),
    (
        K.THANK_YOU,
        ((SIGN, "Wishing you a restful end to the year,\nJane Doe"),),
        "structure.sign_off",
        None,
    ),
    # a withdrawal or decline that waits for the next round takes itself back
    (
        K.DECLINE,
        (("I hope our paths cross again.", "I look forward to hearing about the next steps."),),
        "structure.contradiction",
        "error",
    ),
    (
        K.DECLINE,
        (("I hope our paths cross again.", "I look forward to our paths crossing again."),),
        "structure.contradiction",
        None,
    ),
    # open punctuation: no comma after the greeting nor the sign-off
    (
        K.THANK_YOU,
        (("Dear Mr. Jones,", "Dear Mr. Jones"), ("Best regards,", "Best regards")),
        "names.greeting_punctuation",
        None,
    ),
    (
        K.THANK_YOU,
        (("Dear Mr. Jones,", "Dear Mr. Jones"),),
        "names.greeting_punctuation",
        "warning",
    ),
    # two endings pasted together
    (K.THANK_YOU, ((SIGN, SIGN + "\n\nThanks,\nJane"),), "structure.two_sign_offs", "error"),
    (K.THANK_YOU, ((SIGN, "Thanks again,\nJane Doe"),), "structure.two_sign_offs", None),
    # pressure with a time word closing the demand; the strain of a job given as the reason
    (
        K.THANK_YOU,
        ((TY_NEXT, "Send me the written offer today, with the salary."),),
        "tone.pushy",
        "warning",
    ),
    (K.THANK_YOU, ((TY_NEXT, "I enjoyed our conversation today."),), "tone.pushy", None),
    (
        K.THANK_YOU,
        ((TY_NEXT, "Honestly, I can't take the long hours at my job any more."),),
        "tone.grievance",
        "warning",
    ),
    (
        K.THANK_YOU,
        ((TY_NEXT, "My family life has suffered from the commute."),),
        "tone.grievance",
        "warning",
    ),
    # the position in the subject line counts; a company unnamed with the job named is a warning
    (K.ACCEPTANCE, (("ABC Company", "the company"),), "facts.company", "warning"),
]


@pytest.mark.parametrize(("kind", "edits", "rule", "expected"), CASES)
def test_the_rule_reads_the_letter_as_written(
    kind: Kind, edits: tuple[tuple[str, str], ...], rule: str, expected: Severity | None
) -> None:
    found = severities(kind, edits, rule)
    if expected is None:
        assert found <= {"suggestion"}, found
    else:
        assert expected in found and not ({"error"} & found if expected != "error" else set())


@pytest.mark.parametrize(
    "note",
    [
        "Hi Priya, thanks a lot for the chat this morning about the Growth Lead role. Your point "
        "about pricing pages stuck with me. I'll send the write-ups by Thursday. Have a great week! "
        "- Bartek",
        "Hi Sam,\n\nThanks so much for the introduction to Daniel. The interview went really "
        "well and I'll let you know how the next round goes.\n\nI owe you a coffee!\n\nHiroshi",
    ],
)
def test_a_note_pasted_alone_is_not_blocked_for_its_sign_off(note: str) -> None:
    report = check(note, None, "networking_thanks")
    blocking = [f.rule for f in report.findings if f.severity == "error"]
    assert "structure.sign_off" not in blocking and "names.signature" not in blocking


@pytest.mark.parametrize(
    ("note", "kind", "read_as"),
    [
        # nothing says what it is: read as a thank-you, its own checks only warn
        (
            "Dear Ms. Naidoo,\n\nWe met in May about the Marketing Coordinator role. Since "
            "then I have finished my diploma, and I would be glad to hear of future openings."
            "\n\nWarm regards,\nZanele Khumalo\n",
            None,
            Kind.THANK_YOU,
        ),
        # the caller says which, or the letter's words do: its checks block as usual
        (
            "Dear Ms. Naidoo,\n\nWe met in May about the Marketing Coordinator role.\n\n"
            "Warm regards,\nZanele Khumalo\n",
            "thank_you",
            None,
        ),
        (
            "Dear Ms. Naidoo,\n\nPlease accept my resignation from my role.\n\n"
            "Warm regards,\nZanele Khumalo\n",
            None,
            None,
        ),
    ],
)
def test_a_letter_alone_says_what_it_was_read_as(
    note: str, kind: str | None, read_as: Kind | None
) -> None:
    report = check(note, None, kind)
    assert report.read_as == read_as
    kind_rules = [f for f in report.findings if f.rule.startswith("structure.")]
    if read_as is not None:
        assert kind_rules and all(f.severity != "error" for f in kind_rules)
    elif kind is not None:
        assert any(f.severity == "error" for f in kind_rules)


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("a salary of PHP 38,000 per month", ["PHP 38,000"]),
        ("Php 38,000.00 a month", ["Php 38,000.00"]),
        ("PHP 450000 per year", ["PHP 450000"]),
        ("I upgraded our stack to PHP 8 last year", []),
        ("a PHP developer for 5 years", []),
        ("TRY 75.000 per month", ["TRY 75.000"]),
        ("COP 6.500.000 mensuales", ["COP 6.500.000"]),
    ],
)
def test_pesos_and_lira_are_money_only_before_a_figure_of_money(
    text: str, amounts: list[str]
) -> None:
    from afterword.extract import find_amounts

    assert [a.text for a in find_amounts(text)] == amounts


@pytest.mark.parametrize(
    ("said", "company"),
    [
        ("DArcy & Son Holdings, Inc.", "D'Arcy & Søn Holdings, Inc."),
        ("Andes Cargo S.A.", "Andes Carga S.A."),
        ("Harbourview Software Ltd", "Harbourline Software Ltd."),
    ],
)
def test_a_slip_of_the_company_name_is_fixed_whole(said: str, company: str) -> None:
    facts = example_facts(K.THANK_YOU).model_copy(update={"company": company})
    text = compose(facts)[0].text.replace(company, said, 1)
    assert said in text
    report = check(text, facts, K.THANK_YOU, recipient=0)
    [slip] = [f for f in report.findings if f.rule == "facts.company_other"]
    assert slip.start is not None and slip.end is not None and slip.suggestion == company
    assert text[slip.start : slip.end] == said  # the whole name, legal form included
    fixed = text[: slip.start] + slip.suggestion + text[slip.end :]
    assert company in fixed and said not in fixed
