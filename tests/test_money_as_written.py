"""Money as people around the world write it (issue 11); dates are in test_dates_as_written.

Each table pairs what a writer types with what the checker must read: the amount and its period
of pay, the reading of an all-number date, and whether a rule flags the letter or lets it pass.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from afterword.checker import check
from afterword.extract import amount_of, find_amounts, period_of
from afterword.offers.fields import salary_candidates

from .money_letters import acceptance, letter, rules

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "value", "period"),
    [
        ("I confirm a CTC of 24 LPA from January.", "2400000", "year"),
        ("a package of R650k per annum", "650000", "year"),
        ("R1.2m a year", "1200000", "year"),
        ("a salary of LE 38,000 per month", "38000", "month"),
        ("E£38,000 a month", "38000", "month"),
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
        "I scored R2 in the test and took route R65 k.",
        "LE 5 items were shipped.",
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
        # one currency written as a sign, a code or a word
        ("USD 148,000 per year", "a base salary of $148,000 per year"),
        ("$148,000 per year", "a base salary of USD 148,000"),
        ("€60,000 per year", "a salary of 60,000 euros a year"),
        ("SEK 650,000 per year", "a salary of 650 000 kr per year"),
        ("₹24,00,000 per year", "a CTC of Rs. 24,00,000"),
        ("¥6,500,000 per year", "a salary of JPY 6,500,000"),
    ],
)
def test_a_salary_written_another_way_is_the_offer(salary: str, money: str) -> None:
    found = rules(letter(money), acceptance(salary))
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
        # the offer's figure in another currency
        ("USD 148,000 per year", "a base salary of €148,000 per year"),
        ("$148,000 per year", "a base salary of £148,000"),
        ("€60,000 per year", "a salary of $60,000"),
        ("C$95,000 per year", "a salary of US$95,000"),
        ("₹24,00,000 per year", "a CTC of $2,400,000"),
    ],
)
def test_a_wrong_salary_or_period_is_flagged(salary: str, money: str) -> None:
    assert "facts.salary" in rules(letter(money), acceptance(salary))


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
        ("decline", "an annual €180.000", True),  # the offer's figure in another currency
        ("decline", "an annual BRL 180.000", False),
    ],
)
def test_the_offer_figure_for_another_period_is_flagged_in_anyletter(
    kind: str, money: str, flagged: bool
) -> None:
    facts = acceptance(
        "R$ 180.000 per year",
        kind=kind,
        decision={"reason": "another offer", "requested_date": "2026-12-04"},
    )
    text = f"Dear Ms. Chatterjee,\n\nThank you for the offer of {money}.\n\nBest,\nSneha Kulkarni\n"
    hits = [f for f in check(text, facts).findings if f.rule == "grounding.amount"]
    assert bool(hits) is flagged


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
