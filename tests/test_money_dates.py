"""Money, dates and send times as people around the world write them (issue 11).

Each table pairs what a writer types with what the checker must read: the amount and its period
of pay, the reading of an all-number date, and whether a rule flags the letter or lets it pass.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from afterword.checker import check
from afterword.checker.known import checking, writes_day_first
from afterword.extract import amount_of, find_amounts, find_dates, period_of
from afterword.models import Facts, Kind
from afterword.offers.fields import salary_candidates

from .conftest import example_facts

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "value", "period"),
    [
        ("I confirm a CTC of 24 LPA from January.", "2400000", "year"),
        ("an annual CTC of Rs. 24 lakh", "2400000", "year"),
        ("a package of 24 lakhs p.a.", "2400000", "year"),
        ("a fixed pay of INR 18.5 lakh per annum", "1850000", "year"),
        ("a CTC of 1.2 crore", "12000000", None),
        ("Rs 2 crores", "20000000", None),
        ("₹24,00,000 per year", "2400000", "year"),
        ("6.5 million yen per year", "6500000", "year"),
        ("年収650万円で", "6500000", "year"),
        ("月給40万円", "400000", "month"),
        ("a salary of ¥6.5M", "6500000", None),
        ("JPY 6,500,000", "6500000", None),
        ("a base salary of 85k", "85000", None),
        ("$148K", "148000", None),
        ("USD 148,000 annually", "148000", "year"),
        ("$78,500.00", "78500", None),
        ("a salary of EUR 60.000", "60000", None),
        ("60 000 € per year", "60000", "year"),
        ("60\u00a0000 €", "60000", None),
        ("€62.000 brutto", "62000", None),
        ("€4.500,00 monthly", "4500", "month"),
        ("85.000 EUR p.a.", "85000", "year"),
        ("£45k pa", "45000", "year"),
        ("£52,500 a year", "52500", "year"),
        ("R$ 180.000", "180000", None),
        ("R$ 15.000 por mês, a monthly salary", "15000", None),
        ("a monthly salary of R$ 15.000", "15000", "month"),
        ("R900,000 per year", "900000", "year"),
        ("CHF 120'000 a year", "120000", "year"),
        ("240 000 zł per year", "240000", "year"),
        ("PLN 19 500 a month", "19500", "month"),
        ("₦18m per annum", "18000000", "year"),
        ("$40 an hour", "40", "hour"),
        ("a rate of $40/hr", "40", "hour"),
        ("$1,200 per week", "1200", "week"),
        ("6,5 million euros", "6500000", None),
        ("an hourly rate of 35 dollars", "35", "hour"),
        ("S$ 96,000 / year", "96000", "year"),
        ("INR 24,00,000/- per annum", "2400000", "year"),
        ("₹24L CTC", "2400000", None),
        ("INR 24.5 LPA", "2450000", "year"),
        ("£45,000 p/a", "45000", "year"),
        ("kr 600 000 per year", "600000", "year"),
        ("600 000 kr i året", "600000", None),
        ("Rp 15.000.000 per month", "15000000", "month"),
        ("KSh 150,000 per month", "150000", "month"),
        ("30.000.000 ₫ a month", "30000000", "month"),
    ],
)
def test_amounts_are_read_as_written(text: str, value: str, period: str | None) -> None:
    found = list(find_amounts(text))
    assert [(a.value, a.period) for a in found] == [(Decimal(value), period)]


@pytest.mark.parametrize(
    "text",
    [
        "Our app reached 10k users last spring.",
        "The platform serves 2 crore users across India.",
        "I ran a 10k with the team on Sunday.",
        "I look forward to it; yours 24 hours a day.",
        "R2-D2 was my favourite robot.",
        "The office is a 5 m walk from the station.",
        "We solved 3 real problems for 900,000 customers.",
        "The 2 lakh households in the pilot district",
        "I wrote version 2.5 of the tool.",
        "Season 2 won the award.",
        "We carried 20 l of water up the hill.",
        "The keynote drew 3 mn viewers online.",
    ],
)
def test_counts_and_codes_are_not_money(text: str) -> None:
    assert list(find_amounts(text)) == []


def test_a_period_said_before_one_amount_is_not_the_next_ones() -> None:
    text = "a monthly gross of R$ 15.000, that is R$ 180.000"
    assert [a.period for a in find_amounts(text)] == ["month", None]


@pytest.mark.parametrize(
    ("salary", "value", "period"),
    [
        ("$85,000 per year", "85000", "year"),
        ("85k", "85000", None),
        ("6.5 million", "6500000", None),
        ("24 LPA", "2400000", "year"),
        ("24 lakh", "2400000", None),
        ("R$ 15.000 mensais", "15000", "month"),
        ("€4.500 brutto monatlich", "4500", "month"),
        ("9 000 zł miesięcznie", "9000", "month"),
        ("$40/hr", "40", "hour"),
        ("€60.000 jährlich", "60000", "year"),
        ("MXN 45,000 al mes", "45000", "month"),
        ("85000", "85000", None),
    ],
)
def test_the_offer_salary_is_read_with_its_period(salary: str, value: str, period: str) -> None:
    assert (amount_of(salary), period_of(salary)) == (Decimal(value), period)


def _acceptance(salary: str, start: str = "2027-01-04", **more: Any) -> Facts:
    data: dict[str, Any] = {
        "kind": "acceptance",
        "sent_on": "2026-11-23",
        "candidate": {"name": "Sneha Kulkarni", "email": "sneha.k@example.in"},
        "company": "Zephyr Retail Pvt. Ltd.",
        "position": "Associate Product Manager",
        "recipients": [{"name": "Rituparna Chatterjee", "honorific": "Ms."}],
        "offer": {
            "salary": salary,
            "start_date": start,
            "respond_by": "2026-11-27",
            "received": "2026-11-20",
        },
    }
    data.update(more)
    return Facts.model_validate(data)


def _letter(money: str, start: str = "4 January 2027", before: str = "") -> str:
    return (
        "Dear Ms. Chatterjee,\n\n"
        f"Thank you for the offer{before}. I am delighted to accept the Associate Product "
        "Manager position at Zephyr Retail Pvt. Ltd.\n\n"
        f"I confirm {money} and my start date of {start}. I will return the signed offer "
        "letter and my documents this week.\n\n"
        "I look forward to joining the team.\n\n"
        "Kind regards,\nSneha Kulkarni\n"
    )


def _rules(text: str, facts: Facts) -> set[str]:
    return {f.rule for f in check(text, facts).findings if f.severity == "error"}


@pytest.mark.parametrize(
    ("salary", "money"),
    [
        ("₹24,00,000 per year", "a CTC of 24 LPA"),
        ("₹24,00,000 per year", "an annual CTC of Rs. 24 lakh"),
        ("₹24,00,000 per year", "a package of 24 lakhs p.a."),
        ("₹24,00,000 per year", "the annual CTC of ₹24,00,000"),
        ("₹1,20,00,000 per year", "a CTC of 1.2 crore"),
        ("¥6,500,000 per year", "a salary of 6.5 million yen per year"),
        ("¥6,500,000 per year", "年収650万円"),
        ("¥6,500,000 per year", "a salary of ¥6.5M"),
        ("$85,000 per year", "a base salary of 85k"),
        ("$85,000", "a salary of $85,000 a year"),
        ("$148,000 per year", "a base salary of USD 148,000 annually"),
        ("€60,000 per year", "a salary of EUR 60.000"),
        ("€60,000 per year", "a salary of 60 000 € per year"),
        ("€62,000 per year", "a salary of €62.000 per year"),
        ("£45,000 per year", "a salary of £45k pa"),
        ("R$ 180,000 per year", "a salary of R$ 180.000"),
        ("R$ 15,000 per month", "a monthly salary of R$ 15.000"),
        ("€4,500 per month", "a salary of €4.500,00 monthly"),
        ("CHF 120,000 per year", "a salary of CHF 120'000 a year"),
        ("$40 per hour", "a rate of $40 an hour"),
        ("PLN 240,000 per year", "a salary of 240 000 zł per year"),
    ],
)
def test_a_salary_written_another_way_is_the_offer(salary: str, money: str) -> None:
    found = _rules(_letter(money), _acceptance(salary))
    assert not found & {"facts.salary", "grounding.amount"}


@pytest.mark.parametrize(
    ("salary", "money"),
    [
        ("R$ 180,000 per year", "a salary of R$ 180.000 per month"),
        ("₹24,00,000 per year", "a CTC of 24 lakhs per month"),
        ("$85,000 per year", "a salary of $85,000 monthly"),
        ("$85,000", "a salary of $85,000 p.m."),
        ("$40 per hour", "a rate of $40 a week"),
        ("€60,000 per year", "a monthly salary of €60,000"),
        ("¥6,500,000 per year", "月給650万円"),
        ("£45,000 per year", "a salary of £45,000 per hour"),
        ("₹24,00,000 per year", "a CTC of 42 LPA"),
        ("₹24,00,000 per year", "a CTC of Rs. 2.4 crore"),
        ("¥6,500,000 per year", "a salary of ¥5.6M"),
        ("£45,000 per year", "a salary of £54k pa"),
        ("€60,000 per year", "a salary of EUR 66.000"),
        ("$85,000 per year", "a base salary of 58k"),
        ("R$ 180,000 per year", "a salary of R$ 195.000"),
    ],
)
def test_a_wrong_salary_or_period_is_flagged(salary: str, money: str) -> None:
    assert "facts.salary" in _rules(_letter(money), _acceptance(salary))


@pytest.mark.parametrize(
    ("text", "day_first", "value", "other"),
    [
        ("joining on 04/01/2027", None, "2027-04-01", "2027-01-04"),
        ("joining on 04/01/2027", True, "2027-01-04", "2027-04-01"),
        ("joining on 04/01/2027", False, "2027-04-01", "2027-01-04"),
        ("on 25/12/2026 and 04/01/2027", None, "2027-01-04", "2027-04-01"),
        ("on 12/25/2026 and 04/01/2027", True, "2027-04-01", "2027-01-04"),
        ("letter dated 20 November; joining 04/01/2027", None, "2027-01-04", "2027-04-01"),
        ("January 19, 2027, that is 01/04/2027", True, "2027-01-04", "2027-04-01"),
        ("from 04-01-2027", True, "2027-01-04", "2027-04-01"),
        ("ab dem 11.01.2027", False, "2027-01-11", None),
        ("2027/01/04 に入社", None, "2027-01-04", None),
        ("on 1/19/2027", True, "2027-01-19", None),
        ("on 19/1/27", False, "2027-01-19", None),
        ("on 05/05/2027", True, "2027-05-05", None),
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
    ],
)
def test_dates_in_words_and_characters(text: str, value: str, year_given: bool) -> None:
    found = list(find_dates(text, TODAY))
    assert [(d.value, d.year_given) for d in found] == [(dt.date.fromisoformat(value), year_given)]


@pytest.mark.parametrize("text", ["v1.2.26 of the app", "13/13/2027", "open 24/7/365", "1.2.3"])
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
    ],
)
def test_a_start_date_matching_in_either_reading_passes(salary: str, start: str) -> None:
    money = "the salary in the offer"
    found = _rules(_letter(money, start), _acceptance(salary))
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
    ],
)
def test_a_start_date_matching_neither_reading_is_flagged(salary: str, start: str) -> None:
    found = _rules(_letter("the salary in the offer", start), _acceptance(salary))
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
    text = _letter("the salary in the offer", start, before=" letter dated 20 November")
    message = next(
        f.message
        for f in check(text, _acceptance("$85,000")).findings
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
    facts = _acceptance(salary, **more)
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
    facts = _acceptance("$85,000", channel=channel, sent_on=sent_on)
    findings = check(_letter("a salary of $85,000"), facts).findings
    assert any(f.rule == "timing.window" for f in findings) is late


@pytest.mark.parametrize(
    ("kind", "money", "flagged"),
    [
        ("extension", "R$ 180.000 per month", True),
        ("extension", "R$ 180.000 per year", False),
        ("extension", "R$ 180.000", False),
        ("decline", "a monthly R$ 180.000", True),
        ("decline", "an annual R$ 180.000", False),
        ("written_offer_request", "R$ 180.000 an hour", True),
        ("written_offer_request", "R$ 180.000 annually", False),
    ],
)
def test_the_offer_figure_for_another_period_is_flagged_in_any_letter(
    kind: str, money: str, flagged: bool
) -> None:
    facts = _acceptance(
        "R$ 180.000 per year",
        kind=kind,
        decision={"reason": "another offer", "requested_date": "2026-12-04"},
    )
    text = f"Dear Ms. Chatterjee,\n\nThank you for the offer of {money}.\n\nBest,\nSneha Kulkarni\n"
    hits = [f for f in check(text, facts).findings if f.rule == "grounding.amount"]
    assert bool(hits) is flagged


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
    facts = _acceptance(
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


@pytest.mark.parametrize(
    ("text", "amount", "period"),
    [
        ("Your CTC will be 24 LPA.", 2_400_000, "year"),
        ("We are pleased to offer you 18.5 LPA.", 1_850_000, "year"),
        ("Offer: INR 24 LPA fixed", 2_400_000, "year"),
        ("Compensation: 24 lakhs per annum", 2_400_000, "year"),
        ("Your annual CTC is Rs. 24,00,000/-", 2_400_000, "year"),
        ("Salary: 6.5 million yen per year", 6_500_000, "year"),
        ("Your gross salary will be EUR 60.000 per year.", 60_000, "year"),
        ("Your monthly salary will be R$ 15.000.", 15_000, "month"),
    ],
)
def test_the_offer_reader_reads_pay_as_written(text: str, amount: int, period: str) -> None:
    best = max(salary_candidates(text), key=lambda found: found[0])[1]
    assert (best.amount, best.period) == (amount, period)
