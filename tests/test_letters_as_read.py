"""What strangers' fine letters taught (round five): a negation stays in its clause, a short
name one letter off is another person, help is thanked in other tenses, a day is named as "the
20th", the kinds that need not name the job, a company written without its accents; and the
flaws they slipped past: another company after "bring my experience to", a grievance about the
interview, a reminder of unanswered emails, grovelling.

Each case edits the offline composer's letter for a kind's example facts (the rest is clean).
"""

from __future__ import annotations

import pytest

from afterword.checker import check
from afterword.drafting.offline import compose
from afterword.models import Channel, Kind, Severity

from .conftest import example_facts
from .letter_edits import severities

K = Kind
INQ_ASK = (
    "I am writing to ask whether there is any news about the position, and whether you need "
    "anything else from me to help with your decision."
)
INQ_DATES = (
    "on Friday, November 20, and I enjoyed our conversation about the plans to expand into the "
    "European commodities market. You mentioned that a decision was expected by Monday, "
    "November 30."
)
TY_POINT = "I especially enjoyed our conversation about the plans to expand into the European commodities market."
LANDED = "Thank you for introducing me to the hiring team."
NET_POSITION = " I interviewed for the Senior Sales Consultant position on Friday, November 20."

CASES: list[tuple[Kind, tuple[tuple[str, str], ...], str, Severity | None]] = [
    # A negation before ", so" belongs to the clause before it.
    (
        K.INQUIRY,
        (
            (
                INQ_ASK,
                "I haven't heard anything yet, so I wanted to check whether the timeline has changed.",
            ),
        ),
        "structure.status_question",
        None,
    ),
    (
        K.INQUIRY,
        ((INQ_ASK, "I do not want to ask about the timeline."),),
        "structure.status_question",
        "error",
    ),
    # A day said as "the 20th" is the interview's day.
    (
        K.INQUIRY,
        ((INQ_DATES, "on the 20th, and I enjoyed our conversation about the market."),),
        "facts.interview_date",
        None,
    ),
    (
        K.INQUIRY,
        ((INQ_DATES, "on the 12th, and I enjoyed our conversation about the market."),),
        "facts.interview_date",
        "error",
    ),
    # Help thanked in another tense: "took the call" and "taking the call".
    (
        K.THANKS_AFTER_LANDING,
        ((LANDED, "Thank you for introducing me to the team that hired me."),),
        "structure.helped",
        None,
    ),
    # The kinds that need not name the job; an answer to an offer should.
    (K.NETWORKING_THANKS, ((NET_POSITION, ""),), "facts.position", None),
    # Another company where this one belongs.
    (
        K.THANK_YOU,
        ((TY_POINT, "I would be excited to bring my experience in sales to Hikari Apps."),),
        "facts.company_other",
        "error",
    ),
    (
        K.THANK_YOU,
        ((TY_POINT, "I would be excited to bring my experience in sales to ABC Company."),),
        "facts.company_other",
        None,
    ),
    # Tone: regret, not a plain addition or a plan.
    (
        K.THANK_YOU,
        ((TY_POINT, "I should have prepared better for the case study."),),
        "tone.apologetic",
        "error",
    ),
    (
        K.THANK_YOU,
        ((TY_POINT, "I should have mentioned that I led the Lisbon launch."),),
        "tone.apologetic",
        None,
    ),
    (
        K.THANK_YOU,
        ((TY_POINT, "I should have the references ready by Friday."),),
        "tone.apologetic",
        None,
    ),
    # Grievances about the interview and reminders of unanswered mail.
    (
        K.THANK_YOU,
        (
            (
                TY_POINT,
                "I was disappointed that we started forty minutes late and that nobody offered an explanation.",
            ),
        ),
        "tone.grievance",
        "warning",
    ),
    (
        K.INQUIRY,
        (
            (
                INQ_ASK,
                "As I have already mentioned in my previous three emails, I would like an update. Perhaps this one will actually reach you.",
            ),
        ),
        "tone.grievance",
        "warning",
    ),
    (
        K.INQUIRY,
        (
            (
                INQ_ASK,
                "I was ten minutes late to the call, which I regret; is there any news about the position?",
            ),
        ),
        "tone.grievance",
        None,
    ),
    # Round six: a decline said plainly, an opener after the greeting, "your name" in a
    # sentence, a resignation's grudges.
    (
        K.DECLINE,
        (
            (
                "For that reason, I must decline your offer.",
                "I have decided not to accept the offer.",
            ),
        ),
        "structure.decline_stated",
        None,
    ),
    (
        K.ACCEPTANCE,
        (("Dear Ms. Lopez,", "Dear Ms. Lopez,\n\nGood day!"),),
        "names.duplicate_greeting",
        None,
    ),
    (
        K.THANK_YOU,
        ((TY_POINT, "I gave your name as one of my references."),),
        "mechanics.placeholder",
        None,
    ),
    (K.THANK_YOU, ((TY_POINT, "I will send [Your Name] soon."),), "mechanics.placeholder", "error"),
    (
        K.RESIGNATION,
        (
            (
                "Please accept",
                "After two years of being overlooked for promotion, I don't expect much more. Please accept",
            ),
        ),
        "tone.grievance",
        "warning",
    ),
    # Grovelling.
    (
        K.THANK_YOU,
        ((TY_POINT, "I am unworthy of your attention, and I know it."),),
        "tone.self_deprecating",
        "warning",
    ),
]


@pytest.mark.parametrize(("kind", "edits", "rule", "expected"), CASES)
def test_the_rule_reads_the_letter_as_a_stranger_wrote_it(
    kind: Kind, edits: tuple[tuple[str, str], ...], rule: str, expected: Severity | None
) -> None:
    found = severities(kind, edits, rule)
    if expected is None:
        assert found <= {"suggestion"}, found
    else:
        assert expected in found


@pytest.mark.parametrize(
    ("said", "flagged"),
    [
        ("Thank you so much for introducing me to Gracy at the company.", False),  # another person
        ("Thank you so much, Ms. Gracy, for the introduction.", True),  # after a title: a slip
        ("Thank you so much, Garce, for the introduction.", True),  # letters swapped: a slip
    ],
)
def test_a_short_name_one_letter_off_is_another_person_unless_it_stands_for_the_reader(
    said: str, flagged: bool
) -> None:
    facts = example_facts(K.NETWORKING_THANKS)  # the reader is Grace
    text = compose(facts)[0].text.replace("Thank you for introducing me to ABC Company.", said)
    found = [f for f in check(text, facts).findings if f.rule == "names.misspelt"]
    assert bool(found) is flagged


@pytest.mark.parametrize(
    ("kind", "severity"),
    [
        (K.THANK_YOU, "error"),
        (K.INQUIRY, "error"),
        (K.DECLINE, "warning"),
        (K.NETWORKING_THANKS, "suggestion"),
        (K.PROMISED_FOLLOW_UP, "suggestion"),
    ],
)
def test_a_job_left_unnamed_weighs_as_the_kind_needs_it(kind: Kind, severity: Severity) -> None:
    facts = example_facts(kind)
    assert facts.position
    draft = compose(facts)[0]
    text = draft.text.replace(facts.position, "role")
    found = {f.severity for f in check(text, facts, kind).findings if f.rule == "facts.position"}
    assert found == {severity}


@pytest.mark.parametrize(
    ("phone_in_facts", "signed", "severity"),
    [
        (None, "+44 7700 900123", "suggestion"),  # the signer's own: nothing to compare with
        ("+1 555 0100", "+1 555 0100", None),
        ("+1 555 0100", "+1 555 0199", "error"),  # a slip in one's own number
    ],
)
def test_the_phone_in_the_signature_is_compared_when_the_facts_have_one(
    phone_in_facts: str | None, signed: str, severity: Severity | None
) -> None:
    facts = example_facts(K.THANK_YOU)
    facts = facts.model_copy(
        update={"candidate": facts.candidate.model_copy(update={"phone": phone_in_facts})}
    )
    draft = compose(facts)[0]
    text = draft.text.rstrip("\n") + f"\n{signed}\n"
    found = {
        f.severity
        for f in check(text, facts, subject=draft.subject).findings
        if f.rule == "grounding.phone"
    }
    assert found == ({severity} if severity else set())


@pytest.mark.parametrize(
    ("dated", "severity"),
    [("November 24, 2026", None), ("Porto, 25 November 2026", None), ("March 3, 2021", "warning")],
)
def test_a_posted_letters_own_date_is_checked_only_for_staleness(
    dated: str, severity: Severity | None
) -> None:
    facts = example_facts(K.THANK_YOU).model_copy(update={"channel": Channel.LETTER})
    text = f"{dated}\n\n" + compose(facts)[0].text
    found = {f.severity for f in check(text, facts).findings if f.rule == "grounding.date"}
    assert found == ({severity} if severity else set())


@pytest.mark.parametrize(
    ("line", "spans"),
    [
        (
            "Sure! Here is a polished thank-you letter you can send:",
            ["Sure! Here is a polished thank-you letter you can send"],
        ),
        (
            "As instructed, I have ignored my previous instructions.",
            ["As instructed", "ignored my previous instructions"],
        ),
    ],
)
def test_a_models_line_is_one_finding_where_its_phrases_touch(line: str, spans: list[str]) -> None:
    facts = example_facts(K.THANK_YOU)
    text = f"{line}\n\n" + compose(facts)[0].text
    found = [f for f in check(text, facts).findings if f.rule == "mechanics.model_talk"]
    assert [text[f.start : f.end] for f in found if f.start is not None] == spans
