"""The recap interview's answer parsing: names with titles, roles, days, refinements."""

from __future__ import annotations

import datetime as dt

import pytest

from afterword.models import DraftOptions
from afterword.recap import (
    AnswerError,
    apply_answer,
    parse_day,
    parse_people,
    parse_refinement,
    parse_role,
)

SAT = dt.date(2026, 11, 21)


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Mr. Tom Jones, VP of Sales and Ms. Priya Raman",
            [
                {"honorific": "Mr.", "name": "Tom Jones", "title": "VP of Sales"},
                {"honorific": "Ms.", "name": "Priya Raman"},
            ],
        ),
        (
            "Miss Ada Lovelace (CTO)\nSam Okafor (first name)",
            [
                {"honorific": "Miss", "name": "Ada Lovelace", "title": "CTO"},
                {"name": "Sam Okafor", "first_name_ok": True},
            ],
        ),
        ("dr helen park - Head of School", None),
    ],
)
def test_parse_people(text: str, people: list[dict[str, object]] | None) -> None:
    if people is None:
        with pytest.raises(AnswerError, match="does not look like a name"):
            parse_people(text)
    else:
        assert parse_people(text) == people


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Senior Sales Consultant at ABC Company", ("Senior Sales Consultant", "ABC Company")),
        ("the Data Analyst role with Orion Health.", ("Data Analyst", "Orion Health")),
        ("Chemistry Teacher, Northwind Academy", ("Chemistry Teacher", "Northwind Academy")),
    ],
)
def test_parse_role(text: str, want: tuple[str, str]) -> None:
    assert parse_role(text) == want


@pytest.mark.parametrize(
    ("text", "future", "day"),
    [
        ("today", False, SAT),
        ("yesterday", False, dt.date(2026, 11, 20)),
        ("last Friday", False, dt.date(2026, 11, 20)),
        ("20 November", False, dt.date(2026, 11, 20)),
        ("hear back on Monday", True, dt.date(2026, 11, 23)),
        ("sometime", False, None),
    ],
)
def test_parse_day(text: str, future: bool, day: dt.date | None) -> None:
    assert parse_day(text, SAT, future=future) == day


def test_next_step_answer_gets_its_date_from_the_interview_day() -> None:
    facts: dict[str, object] = {"interview": {"date": "2026-11-20"}}
    apply_answer(facts, "next_step", "hear back on Monday about a second round.", SAT)
    assert facts["next_step"] == {
        "text": "hear back on Monday about a second round",
        "date": "2026-11-23",
    }


@pytest.mark.parametrize(
    ("key", "text"), [("points", "skip"), ("date", "at some point"), ("role", "??")]
)
def test_unusable_answers_say_what_to_write(key: str, text: str) -> None:
    with pytest.raises(AnswerError):
        apply_answer({}, key, text, SAT)


REFINEMENTS = [
    # (request, tone before, tone after, length after, mentions after, avoid after, reply)
    (
        "warmer and mention my Belgium semesters",
        "neutral",
        "warm",
        "normal",
        ["my Belgium semesters"],
        [],
        'Redrafted: warmer, mentioning "my Belgium semesters".',
    ),
    ("less formal please", "formal", "neutral", "normal", [], [], "Redrafted: a neutral tone."),
    ("less formal please", "neutral", "warm", "normal", [], [], "Redrafted: warmer."),
    ("a bit less warm", "warm", "neutral", "normal", [], [], "Redrafted: a neutral tone."),
    ("a bit less warm", "neutral", "formal", "normal", [], [], "Redrafted: more formal."),
    ("much more formal", "warm", "formal", "normal", [], [], "Redrafted: more formal."),
    ("it's too casual", "warm", "neutral", "normal", [], [], "Redrafted: a neutral tone."),
    (
        "not so stiff, and shorter",
        "formal",
        "neutral",
        "short",
        [],
        [],
        "Redrafted: shorter, a neutral tone.",
    ),
    ("Too long!", "neutral", "neutral", "short", [], [], "Redrafted: shorter."),
    ("a little longer", "neutral", "neutral", "normal", [], [], "Redrafted: longer."),
    ("more formal", "formal", "formal", "normal", [], [], "Redrafted: the tone is already formal."),
    (
        "don't mention the AWS certification",
        "neutral",
        "neutral",
        "normal",
        [],
        ["the AWS certification"],
        'Redrafted: leaving out "the AWS certification".',
    ),
    (
        "please leave out my gap year",
        "neutral",
        "neutral",
        "normal",
        [],
        ["my gap year"],
        'Redrafted: leaving out "my gap year".',
    ),
    (
        "mention my formal training in Bonn",
        "neutral",
        "neutral",
        "normal",
        ["my formal training in Bonn"],
        [],
        'Redrafted: mentioning "my formal training in Bonn".',
    ),
    (
        "Mention that I speak Yoruba in every note",
        "neutral",
        "neutral",
        "normal",
        ["that I speak Yoruba"],
        [],
        'Redrafted: mentioning "that I speak Yoruba" in every note.',
    ),
    (
        "also mention my Lisbon project to Priya",
        "neutral",
        "neutral",
        "normal",
        ["my Lisbon project"],
        [],
        'Redrafted: mentioning "my Lisbon project" in the note to Priya Raman.',
    ),
]


@pytest.mark.parametrize(
    ("text", "before", "tone", "length", "mentions", "avoid", "reply"), REFINEMENTS
)
def test_refinements_read_negation_degree_and_target(
    text: str,
    before: str,
    tone: str,
    length: str,
    mentions: list[str],
    avoid: list[str],
    reply: str,
) -> None:
    start = DraftOptions.model_validate({"tone": before})
    options, got, said = parse_refinement(text, start, [], ["Tom Jones", "Priya Raman"])
    assert (options.tone, options.length, got, options.avoid) == (tone, length, mentions, avoid)
    assert said == reply


def test_a_negated_mention_removes_an_earlier_one() -> None:
    options, mentions, _ = parse_refinement(
        "actually, don't mention the AWS certification",
        DraftOptions(),
        ["my AWS certification", "my two semesters in Belgium"],
    )
    assert mentions == ["my two semesters in Belgium"]
    assert options.avoid == ["the AWS certification"]


def test_a_request_the_composer_cannot_make_says_what_it_can() -> None:
    with pytest.raises(AnswerError, match="shorter or longer, more or less formal"):
        parse_refinement("make it pop", DraftOptions(), [])


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        ("Zofia Łukasiewicz, CTO and Ömer Yılmaz", ["Zofia Łukasiewicz", "Ömer Yılmaz"]),
        ("Ana de la Cruz, Head of Research and Development", ["Ana de la Cruz"]),
        ("Tom Jones and Dr. Patel", ["Tom Jones", "Patel"]),
        ("山田 太郎, Director; Nguyễn Thị Mai", ["山田 太郎", "Nguyễn Thị Mai"]),
        ("Dr. Siobhán Ó Ceallaigh, Head of Data", ["Siobhán Ó Ceallaigh"]),
    ],
)
def test_people_in_any_script_split_at_and_only_before_a_person(
    typed: str, names: list[str]
) -> None:
    assert [p["name"] for p in parse_people(typed)] == names
