"""The public data shapes: the facts file, a draft, a finding and a report."""

from __future__ import annotations

import datetime as dt
import unicodedata
from enum import StrEnum
from typing import Any, Literal

from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .names import parse_name


class Kind(StrEnum):
    """The letters Afterword writes."""

    THANK_YOU = "thank_you"
    INQUIRY = "inquiry"
    EXTENSION = "extension"
    ACCEPTANCE = "acceptance"
    DECLINE = "decline"
    WITHDRAWAL = "withdrawal"
    RESIGNATION = "resignation"
    REFERENCE_UPDATE = "reference_update"
    NETWORKING_THANKS = "networking_thanks"
    STAY_IN_TOUCH = "stay_in_touch"
    WRITTEN_OFFER_REQUEST = "written_offer_request"
    PHONE_FOLLOW_UP = "phone_follow_up"
    PROMISED_FOLLOW_UP = "promised_follow_up"
    REFERENCE_CHECK_IN = "reference_check_in"
    THANKS_AFTER_LANDING = "thanks_after_landing"


class Channel(StrEnum):
    """How a letter travels."""

    EMAIL = "email"
    CARD = "card"
    LETTER = "letter"
    PHONE = "phone"  # a voicemail and a call script: phone_follow_up only


class _Strict(BaseModel):
    # A number typed for a text field ("salary: 85000", "phone: 5550100") is taken as written
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, coerce_numbers_to_str=True)

    @field_validator("*", mode="before")
    @classmethod
    def _composed(cls, value: Any) -> Any:
        """Compose accents typed or pasted as separate marks (macOS writes "Nguyễn" as "e"
        and two marks): the letter is read composed, so a name must be too."""
        return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


class Candidate(_Strict):
    """The job seeker who signs the letter."""

    name: str = Field(min_length=1)
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    current_employer: str | None = None


class Recipient(_Strict):
    """One person a letter is addressed to."""

    name: str = Field(min_length=1)
    honorific: str | None = None
    title: str | None = None
    first_name_ok: bool = False
    email: str | None = None
    address: str | None = None
    helped: str | None = None  # thanks_after_landing: what this person did for you
    # The form of address when a name cannot tell it ("Dr. Yamada", "Ms. de la Cruz").
    salutation_form: str | None = Field(
        default=None,
        validation_alias=AliasChoices("addressed_as", "salutation_form"),
        serialization_alias="addressed_as",
    )

    @property
    def first_name(self) -> str:
        """Return the given name (the first word, or the last for family-name-first scripts)."""
        return parse_name(self.name).given

    @property
    def last_name(self) -> str:
        """Return the family name with its particles ('van der Berg', 'Ó Ceallaigh')."""
        return parse_name(self.name).family

    @property
    def addressed_as(self) -> str:
        """Return how the salutation names this person."""
        if self.salutation_form:
            return self.salutation_form
        if self.first_name_ok:
            return self.first_name
        if self.honorific:
            return f"{self.honorific} {self.last_name}"
        return self.name


class Interview(_Strict):
    """What happened at the interview."""

    date: dt.date | None = None
    points: list[str] = Field(default_factory=list)
    clarification: str | None = None
    strengths: list[str] = Field(default_factory=list)
    mentions: list[str] = Field(default_factory=list)
    notes: str | None = None


class NextStep(_Strict):
    """What the candidate was told would happen next."""

    text: str | None = None
    date: dt.date | None = None


class Offer(_Strict):
    """The facts of a job offer."""

    salary: str | None = None
    start_date: dt.date | None = None
    respond_by: dt.date | None = None
    received: dt.date | None = None


class Decision(_Strict):
    """The candidate's decision and its reasons."""

    reason: str | None = None
    requested_date: dt.date | None = None
    last_day: dt.date | None = None


class Promise(_Strict):
    """Something the candidate promised to send, and by when."""

    what: str | None = None
    due: dt.date | None = None


class Facts(_Strict):
    """One request: the facts file contract (v1)."""

    kind: Kind
    channel: Channel = Channel.EMAIL
    sent_on: dt.date = Field(default_factory=dt.date.today)
    candidate: Candidate
    company: str = Field(min_length=1)
    position: str | None = None
    recipients: list[Recipient] = Field(min_length=1)
    interview: Interview | None = None
    next_step: NextStep | None = None
    offer: Offer | None = None
    decision: Decision | None = None
    promise: Promise | None = None
    news: str | None = None
    references: list[Recipient] = Field(default_factory=list)
    contact: Recipient | None = None

    @model_validator(mode="before")
    @classmethod
    def _spoken_kind_is_phoned(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("kind") == "phone_follow_up":
            data = {**data, "channel": data.get("channel") or "phone"}
        return data

    @field_validator("channel")
    @classmethod
    def _phone_only_for_calls(cls, value: Channel, info: ValidationInfo) -> Channel:
        spoken = info.data.get("kind") == Kind.PHONE_FOLLOW_UP
        if spoken and value is not Channel.PHONE:
            raise ValueError("a phone_follow_up is spoken: the channel must be phone")
        if value is Channel.PHONE and not spoken and "kind" in info.data:
            raise ValueError("phone is the channel of phone_follow_up only")
        return value

    @field_validator("position")
    @classmethod
    def _blank_is_missing(cls, value: str | None) -> str | None:
        return value or None


class DraftOptions(BaseModel):
    """How the user wants a draft to read (refinements from the chat)."""

    length: Literal["normal", "short"] = "normal"
    tone: Literal["neutral", "formal", "warm"] = "neutral"
    mention_to: dict[str, str] = Field(
        default_factory=dict,
        description="Which note carries each mention: a recipient's name, or '*' for every "
        "note; a mention not listed goes into the first note only.",
    )
    avoid: list[str] = Field(
        default_factory=list, description="Things the user asked the notes not to mention."
    )


class Draft(BaseModel):
    """A letter in parts, and the whole text as it would be sent (subject excluded)."""

    kind: Kind
    channel: Channel
    recipient: str
    backend: str = "offline"
    subject: str | None = None
    salutation: str
    paragraphs: list[str]
    closing: str
    signature: list[str]
    text: str


Severity = Literal["error", "warning", "suggestion"]


class Finding(BaseModel):
    """One thing the checker noticed, located by character offsets into the letter."""

    rule: str
    severity: Severity
    message: str
    start: int | None = None
    end: int | None = None
    suggestion: str | None = None


class Report(BaseModel):
    """The checker's verdict on one letter."""

    passed: bool
    findings: list[Finding]
    # Rules not run because they need facts the letter alone cannot give.
    skipped: list[str] = Field(default_factory=list)
    # The kind a letter checked alone was taken for, when nothing in it or the call said which:
    # that kind's own rules then warn instead of blocking.
    read_as: Kind | None = None

    @property
    def errors(self) -> list[Finding]:
        """Return the error findings."""
        return [f for f in self.findings if f.severity == "error"]


class Letter(BaseModel):
    """A checked draft: what `draft --json` prints for each recipient."""

    kind: Kind
    channel: Channel
    recipient: str
    backend: str
    subject: str | None
    text: str
    passed: bool
    findings: list[Finding]
    notices: list[str] = Field(default_factory=list)

    @classmethod
    def from_draft(cls, draft: Draft, findings: list[Finding], notices: list[str]) -> Letter:
        """Return a draft with the checker's findings, ready to show."""
        return cls(
            kind=draft.kind,
            channel=draft.channel,
            recipient=draft.recipient,
            backend=draft.backend,
            subject=draft.subject,
            text=draft.text,
            passed=not any(f.severity == "error" for f in findings),
            findings=findings,
            notices=list(notices),
        )
