"""A job-search letter about an offer, for the money and date tables: the facts of an
acceptance paid in rupees, and the letter that confirms them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from afterword.checker import check
from afterword.models import Facts

TODAY = dt.date(2026, 11, 23)


def acceptance(salary: str, start: str = "2027-01-04", **more: Any) -> Facts:
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


def letter(money: str, start: str = "4 January 2027", before: str = "") -> str:
    return (
        "Dear Ms. Chatterjee,\n\n"
        f"Thank you for the offer{before}. I am delighted to accept the Associate Product "
        "Manager position at Zephyr Retail Pvt. Ltd.\n\n"
        f"I confirm {money} and my start date of {start}. I will return the signed offer "
        "letter and my documents this week.\n\n"
        "I look forward to joining the team.\n\n"
        "Kind regards,\nSneha Kulkarni\n"
    )


def rules(text: str, facts: Facts) -> set[str]:
    return {f.rule for f in check(text, facts).findings if f.severity == "error"}
