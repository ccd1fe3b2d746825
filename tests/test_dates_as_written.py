"""Dates and send times as people around the world write them (issue 11).

Each table pairs what a writer types with what the checker must read: the reading of an
all-number date, which dates speak of the fact, and whether a letter was sent in time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from afterword.checker import check
from afterword.checker.known import checking, writes_day_first
from afterword.extract import find_dates
from afterword.models import Facts, Kind

from .conftest import example_facts
from .money_letters import TODAY, acceptance, letter, rules


@pytest.mark.parametrize(
    ("text", "day_first", "value", "other"),
    [
        ("joining on 04/01/2027", None, "2027-04-01", "2027-01-04"),
        ("joining on 04/01/2027", True, "2027-01-04", None),  # the writer writes day first
        ("joining on 04/01/2027", False, "2027-04-01", "2027-01-04"),
        ("on 25/12/2026 and 04/01/2027", None, "2027-01-04", None),  # the letter tells
        ("on 12/25/2026 and 04/01/2027", True, "2027-04-01", None),
        ("letter dated 20 November; joining 04/01/2027", None, "2027-01-04", None),
        ("January 19, 2027, that is 01/04/2027", True, "2027-01-04", None),
        ("from 04-01-2027", True, "2027-01-04", None),
        ("ab dem 11.01.2027", False, "2027-01-11", None),
        ("2027/01/04 に入社", None, "2027-01-04", None),
        ("on 1/19/2027", True, "2027-01-19", None),
        ("on 19/1/27", False, "2027-01-19", None),
        ("on 05/05/2027", True, "2027-05-05", None),
        # the year after a space, and dots with spaces (Czech, German, Polish, Korean)
        ("start 15/2 2027", None, "2027-02-15", None),
        ("start 4/1 2027", True, "2027-01-04", None),
        ("nástup 15. 2. 2027", None, "2027-02-15", None),
        ("입사일 2027. 02. 15.", None, "2027-02-15", None),
        # a day and month alone after "on" or a weekday: the nearest year
        ("I can start on 2/15", None, "2027-02-15", None),
        ("available from Monday 15/2", None, "2027-02-15", None),
        ("back by Tue, 1/12", True, "2026-12-01", None),
        ("back by Tue, 1/12", None, "2027-01-12", "2026-12-01"),  # in doubt: both readings
    ],
)
def test_all_number_dates_are_read_both_ways(
    text: str, day_first: bool | None, value: str, other: str | None
) -> None:
    last = list(find_dates(text, TODAY, day_first))[-1]
    want_other = dt.date.fromisoformat(other) if other else None
    assert (last.value, last.other) == (dt.date.fromisoformat(value), want_other)


@pytest.mark.parametrize(
    ("text", "value", "year_given"),
    [
        ("入社日は2027年1月4日です", "2027-01-04", True),
        ("1月4日から", "2027-01-04", False),
        ("joining on 04-Jan-2027", "2027-01-04", True),
        ("on 4-January-2027", "2027-01-04", True),
        ("the 4th of January, 2027", "2027-01-04", True),
        ("Jan. 4th, 2027", "2027-01-04", True),
        ("from Monday, 4 January", "2027-01-04", False),
        # the month in the writer's language, in a whole date
        ("tillträde 15 februari 2027", "2027-02-15", True),
        ("dal 1° febbraio 2027", "2027-02-01", True),
        ("a partir del 4 de enero de 2027", "2027-01-04", True),
        ("ab dem 15. März 2027", "2027-03-15", True),
        ("Porto, 30 de novembro de 2026", "2026-11-30", True),
        ("od 2 września 2027 r.", "2027-09-02", True),
        ("from February the 15th", "2027-02-15", False),
    ],
)
def test_dates_in_words_and_characters(text: str, value: str, year_given: bool) -> None:
    found = list(find_dates(text, TODAY))
    assert [(d.value, d.year_given) for d in found] == [(dt.date.fromisoformat(value), year_given)]


@pytest.mark.parametrize(
    "text",
    [
        "I saw 15 mars bars at the fair",
        "v1.2.26 of the app",
        "13/13/2027",
        "open 24/7/365",
        "1.2.3",
        "about 3/4 of the team",
        "scored 9/10 on the test",
        "the 24/7 desk in 2027",
        "a 50/50 split from 2027",
        "today 3/4 of us",
    ],
)
def test_numbers_that_are_not_dates(text: str) -> None:
    assert list(find_dates(text, TODAY)) == []


@pytest.mark.parametrize(
    ("salary", "start"),
    [
        ("₹24,00,000 per year", "04/01/2027"),
        ("₹24,00,000 per year", "4th January 2027"),
        ("$85,000 per year", "01/04/2027"),
        ("$85,000 per year", "04/01/2027"),  # matches in one of its two readings
        ("€60,000 per year", "04.01.2027"),
        ("£45,000 per year", "04-01-2027"),
        ("¥6,500,000 per year", "2027/01/04"),
        ("¥6,500,000 per year", "4/1/27"),
        ("¥6,500,000 per year", "2027年1月4日"),
        ("₹24,00,000 per year", "04-Jan-2027"),
        ("€60,000 per year", "4. 1. 2027"),
        ("€60,000 per year", "4/1 2027"),
        ("$85,000 per year", "Monday, January the 4th"),
    ],
)
def test_a_start_date_matching_in_either_reading_passes(salary: str, start: str) -> None:
    money = "the salary in the offer"
    found = rules(letter(money, start), acceptance(salary))
    assert not found & {"facts.start_date", "grounding.date"}


@pytest.mark.parametrize(
    ("salary", "start"),
    [
        ("₹24,00,000 per year", "05/01/2027"),
        ("₹24,00,000 per year", "01/05/2027"),
        ("$85,000 per year", "14/01/2027"),
        ("€60,000 per year", "01.04.2027"),
        ("£45,000 per year", "4 February 2027"),
        ("¥6,500,000 per year", "2027/04/01"),
        ("$85,000 per year", "1/14/2027"),
        ("€60,000 per year", "5. 1. 2027"),
        ("€60,000 per year", "14/1 2027"),
        # a day-first writer's "01/04/2027" is 1 April, not the offer's 4 January
        ("LKR 420,000 per month", "01/04/2027"),
        ("₹24,00,000 per year", "01/04/2027"),
    ],
)
def test_a_start_date_matching_neither_reading_is_flagged(salary: str, start: str) -> None:
    found = rules(letter("the salary in the offer", start), acceptance(salary))
    assert {"facts.start_date", "grounding.date"} <= found


@pytest.mark.parametrize(
    ("start", "named", "not_named"),
    [
        ("05/01/2027", "05/01/2027", "20 November"),
        ("11 January 2027", "11 January 2027", "20 November"),
        ("Monday", None, "20 November"),
    ],
)
def test_only_dates_said_about_the_start_are_reported(
    start: str, named: str | None, not_named: str
) -> None:
    text = letter("the salary in the offer", start, before=" letter dated 20 November")
    message = next(
        f.message
        for f in check(text, acceptance("$85,000")).findings
        if f.rule == "facts.start_date"
    )
    assert not_named not in message
    assert (named in message) if named else "state the start date" in message


@pytest.mark.parametrize(
    ("more", "salary", "day_first"),
    [
        ({}, "₹24,00,000 per year", True),
        ({}, "£45,000 per year", True),
        ({}, "R$ 180.000 per year", True),
        ({}, "EUR 60.000", True),
        ({}, "24 LPA", True),
        ({}, "USD 85,000", False),
        ({}, "$85,000 per year", None),
        ({}, "¥6,500,000 per year", None),
        (
            {"candidate": {"name": "Ana Souza", "address": "Rua Augusta 1200, São Paulo, Brazil"}},
            "$85,000",
            True,
        ),
        (
            {"candidate": {"name": "Tom Reed", "address": "4417 Alder Lane, Austin, TX 78745"}},
            "£45,000",
            False,
        ),
        (
            {"candidate": {"name": "Aoife Byrne", "address": "3 Quay St, Galway, Ireland"}},
            "$85,000",
            True,
        ),
        ({"candidate": {"name": "Dana Cole", "address": "Seattle, WA, USA"}}, "€60,000", False),
    ],
)
def test_where_the_writer_is_tells_the_order_of_dates(
    more: dict[str, Any], salary: str, day_first: bool | None
) -> None:
    facts = acceptance(salary, **more)
    with checking(facts):
        assert writes_day_first(facts) is day_first


def _thanks(channel: str, days: int) -> Facts:
    facts = example_facts(Kind.THANK_YOU)
    interview = facts.interview
    assert interview is not None and interview.date is not None
    sent = interview.date + dt.timedelta(days=days)
    return Facts.model_validate({**facts.model_dump(), "channel": channel, "sent_on": sent})


@pytest.mark.parametrize(
    ("channel", "days", "late"),
    [
        ("email", 0, False),
        ("email", 1, False),
        ("email", 2, True),
        ("letter", 2, False),
        ("letter", 5, False),
        ("letter", 7, False),
        ("letter", 9, True),
        ("card", 3, False),
        ("card", 6, False),
        ("card", 8, True),
    ],
)
def test_a_posted_thank_you_may_take_a_week(channel: str, days: int, late: bool) -> None:
    text = "Dear Mr. Jones,\n\nThank you for the interview.\n\nSincerely,\nJane Doe\n"
    findings = check(text, _thanks(channel, days)).findings
    assert any(f.rule == "timing.window" for f in findings) is late


@pytest.mark.parametrize(
    ("channel", "sent_on", "late"),
    [
        ("email", "2026-11-27", True),  # seven days after the offer came
        ("letter", "2026-11-27", False),
        ("letter", "2026-11-29", True),  # nine days: late by post too
        ("letter", "2026-12-01", True),
    ],
)
def test_an_offer_answered_by_post_may_take_a_week(channel: str, sent_on: str, late: bool) -> None:
    facts = acceptance("$85,000", channel=channel, sent_on=sent_on)
    findings = check(letter("a salary of $85,000"), facts).findings
    assert any(f.rule == "timing.window" for f in findings) is late


@pytest.mark.parametrize(
    ("kind", "field", "text", "named", "not_named"),
    [
        (
            "resignation",
            "last_day",
            "I joined on 3 February 2020. My last working day will be 30 December 2026.",
            "30 December 2026",
            "3 February 2020",
        ),
        (
            "resignation",
            "last_day",
            "Since 03/02/2020 I have learnt a lot; I will leave on 15/12/2026.",
            "15/12/2026",
            "03/02/2020",
        ),
        (
            "extension",
            "requested_date",
            "Thank you for the offer dated 20 November. May I answer by 5 December?",
            "5 December",
            "20 November",
        ),
    ],
)
def test_only_dates_said_about_the_fact_are_reported(
    kind: str, field: str, text: str, named: str, not_named: str
) -> None:
    facts = acceptance(
        "$85,000",
        kind=kind,
        decision={"reason": "another offer", field: "2026-12-31"},
        candidate={"name": "Sneha Kulkarni", "current_employer": "Zephyr Retail Pvt. Ltd."},
    )
    letter = f"Dear Ms. Chatterjee,\n\n{text}\n\nBest,\nSneha Kulkarni\n"
    rule = f"facts.{field}"
    message = next(f.message for f in check(letter, facts).findings if f.rule == rule)
    assert named in message
    assert not_named not in message
