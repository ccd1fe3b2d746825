"""What the offer reader returns: each value with the span of the offer text it came from."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Period = Literal["year", "month", "week", "day", "hour"]


class Span(BaseModel):
    """A value and where it is in the pasted text."""

    value: str
    start: int
    end: int


class Salary(Span):
    """The pay, with its amount, currency and period."""

    amount: float
    currency: str | None = None
    period: Period | None = None


class Contact(Span):
    """The person who signed or sent the offer."""

    honorific: str | None = None
    title: str | None = None
    email: str | None = None  # the address in their signature, when it is theirs


class Conflict(BaseModel):
    """Different values the offer gives for one field: the person chooses, nothing is picked."""

    field: str
    options: list[Salary | Span]
    message: str


class OfferFacts(BaseModel):
    """What `offer --json` prints."""

    is_template: bool = False
    verbal: bool = False
    warnings: list[str] = Field(default_factory=list)
    company: Span | None = None
    position: Span | None = None
    salary: Salary | None = None
    start_date: Span | None = None
    respond_by: Span | None = None
    contact: Contact | None = None
    conditions: list[Span] = Field(default_factory=list)
    benefits: list[Span] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)

    def spans(self) -> list[Span]:
        """Return every extracted value that points into the text."""
        single = [
            self.company,
            self.position,
            self.salary,
            self.start_date,
            self.respond_by,
            self.contact,
        ]
        options = [o for c in self.conflicts for o in c.options]
        found = [*single, *self.conditions, *self.benefits, *options]
        return [f for f in found if f is not None]
