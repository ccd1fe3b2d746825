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


def test_refinements() -> None:
    options, mentions, reply = parse_refinement(
        "warmer and mention my Belgium semesters", DraftOptions(), []
    )
    assert options.tone == "warm" and mentions == ["my Belgium semesters"]
    assert reply == 'Redrafted: warmer, mentioning "my Belgium semesters".'
    with pytest.raises(AnswerError, match="shorter, more formal or warmer"):
        parse_refinement("make it pop", DraftOptions(), [])
