"""Normalising the model's parts: pieces move to the slot the letter's form owns, or are dropped
where the form already has them; the model's sentences are never rewritten."""

from __future__ import annotations

from typing import Any

import pytest

from afterword.drafting.normalise import normalise
from afterword.drafting.parts import LetterParts
from afterword.models import Facts, Kind

from .conftest import example_facts

BODY = "Thank you for your time on Friday and for the chance to talk about the role."


def facts_for(candidate: str, recipient: dict[str, Any], channel: str = "email") -> Facts:
    """The thank-you example, written by and to other people."""
    base = example_facts(Kind.THANK_YOU)
    data = base.model_dump(mode="json", exclude_none=True)
    data["candidate"]["name"] = candidate
    data["recipients"] = [recipient]
    data["channel"] = channel
    return Facts.model_validate(data)


def parts(**given: Any) -> LetterParts:
    values: dict[str, Any] = {
        "subject": "Thank you",
        "salutation": "",
        "paragraphs": [BODY],
        "closing": "Best regards,",
        "signature": [],
    }
    return LetterParts(**{**values, **given})


OBRIEN = ("Siobhán O'Brien", {"name": "Tom Jones", "honorific": "Mr.", "title": "VP of Sales"})
NGUYEN = ("Nguyễn Văn An", {"name": "Ingrid van der Berg", "honorific": "Dr."})
YAMADA = ("Kwame Mensah", {"name": "Taro Yamada", "honorific": "Mr."})
CRUZ = ("Jean-Luc Picard", {"name": "María de la Cruz", "honorific": "Ms."})
OKAFOR = ("Aarav Sharma", {"name": "Ngozi Okafor-Bello", "honorific": "Ms."})
SAM = ("Li Wei", {"name": "Sam Okafor", "first_name_ok": True})

CASES = [
    (
        "a-subject-that-repeats-the-field-description",
        OBRIEN,
        {"subject": "Email subject line of under ten words; null for a card or a printed letter."},
        {"subject": "Thank you: Senior Sales Consultant interview"},
    ),
    (
        "greeting-and-sign-off-without-their-commas",
        CRUZ,
        {"salutation": "Dear Ms. de la Cruz", "closing": "Best regards"},
        {"salutation": "Dear Ms. de la Cruz,", "closing": "Best regards,"},
    ),
    (
        "name-folded-into-the-sign-off",
        OBRIEN,
        {"salutation": "Dear Mr. Jones,", "closing": "Sincerely, Siobhán O'Brien"},
        {"closing": "Sincerely,", "signature": ["Siobhán O'Brien"]},
    ),
    (
        "sign-off-and-name-on-two-lines",
        NGUYEN,
        {"salutation": "Dear Dr. van der Berg,", "closing": "Best regards,\nNguyễn Văn An"},
        {"closing": "Best regards,", "signature": ["Nguyễn Văn An"]},
    ),
    (
        "name-in-the-sign-off-and-the-signature",
        SAM,
        {"salutation": "Dear Sam,", "closing": "Kind regards Li Wei", "signature": ["Li Wei"]},
        {"closing": "Kind regards,", "signature": ["Li Wei"]},
    ),
    (
        "the-greeting-repeated-as-a-paragraph",
        NGUYEN,
        {"salutation": "Dear Dr. van der Berg,", "paragraphs": ["Dear Dr. van der Berg,", BODY]},
        {"salutation": "Dear Dr. van der Berg,", "paragraphs": [BODY]},
    ),
    (
        "the-greeting-opening-the-first-paragraph",
        OKAFOR,
        {
            "salutation": "Dear Ms. Okafor-Bello,",
            "paragraphs": ["Dear Ms. Okafor-Bello, thank you for your time on Friday."],
        },
        {"paragraphs": ["Thank you for your time on Friday."]},
    ),
    (
        "a-greeting-only-in-the-body-is-lifted",
        YAMADA,
        {"salutation": "", "paragraphs": ["Dear Mr. Yamada,\n" + BODY]},
        {"salutation": "Dear Mr. Yamada,", "paragraphs": [BODY]},
    ),
    (
        "the-body-greeting-names-them-the-field-does-not",
        CRUZ,
        {"salutation": "Dear Hiring Manager,", "paragraphs": ["Dear Ms. de la Cruz,", BODY]},
        {"salutation": "Dear Ms. de la Cruz,", "paragraphs": [BODY]},
    ),
    (
        "address-blocks-and-date-as-paragraphs",
        OBRIEN,
        {
            "salutation": "Dear Mr. Jones,",
            "paragraphs": [
                "Siobhán O'Brien\n12 Elm Street\nSpringfield, IL 62701",
                "November 21, 2026",
                "Tom Jones\nVP of Sales\nABC Company",
                BODY,
            ],
        },
        {"paragraphs": [BODY]},
    ),
    (
        "sign-off-and-name-as-the-last-paragraphs",
        YAMADA,
        {
            "salutation": "Dear Mr. Yamada,",
            "paragraphs": [BODY, "Sincerely,", "Kwame Mensah"],
            "closing": "",
        },
        {"paragraphs": [BODY], "closing": "Sincerely,", "signature": ["Kwame Mensah"]},
    ),
    (
        "a-subject-line-in-the-body",
        OBRIEN,
        {"subject": None, "salutation": "Dear Mr. Jones,", "paragraphs": ["Subject: Thanks", BODY]},
        {"subject": "Thanks", "paragraphs": [BODY]},
    ),
    (
        "a-repeated-signature-line",
        SAM,
        {"salutation": "Dear Sam,", "signature": ["Li Wei", "Li Wei", "jane.doe@example.com"]},
        {"signature": ["Li Wei", "jane.doe@example.com"]},
    ),
]


@pytest.mark.parametrize(
    ("who", "given", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_pieces_move_to_their_slot(
    who: tuple[str, dict[str, Any]], given: dict[str, Any], expected: dict[str, Any]
) -> None:
    out = normalise(parts(**given), facts_for(*who), 0)
    for field, value in expected.items():
        assert getattr(out, field) == value, field


KEPT = [
    ("a-closing-sentence-is-not-a-sign-off", "Thank you for your time, Mr. Jones."),
    ("a-word-that-starts-like-a-greeting", "Dearborn was where we first met, as you recalled."),
    ("hiring-is-not-hi", "Hiring for the European team starts in spring, you said."),
    ("the-company-in-a-sentence", "ABC Company is growing fast, and I want to help."),
    ("a-sentence-naming-the-candidate", "Siobhán O'Brien is the name on my application."),
    ("an-address-in-a-sentence", "I can come to 4903 Midtown Avenue whenever it suits."),
]


@pytest.mark.parametrize("sentence", [k[1] for k in KEPT], ids=[k[0] for k in KEPT])
def test_sentences_are_never_moved_or_rewritten(sentence: str) -> None:
    given = parts(salutation="Dear Mr. Jones,", paragraphs=[BODY, sentence])
    out = normalise(given, facts_for(*OBRIEN), 0)
    assert out.paragraphs == [BODY, sentence]
    assert (out.salutation, out.closing, out.signature) == ("Dear Mr. Jones,", "Best regards,", [])


def test_a_phone_script_is_left_as_the_model_wrote_it() -> None:
    data = example_facts(Kind.THANK_YOU).model_dump(mode="json", exclude_none=True)
    facts = Facts.model_validate({**data, "kind": "phone_follow_up", "channel": "phone"})
    script = ["Hi, this is Jane Doe calling about the role.", "Best regards,", "Jane Doe"]
    given = LetterParts(subject=None, salutation="", paragraphs=script, closing="", signature=[])
    assert normalise(given, facts, 0) == given


# The greeting line is the form's: one that names the reader in another way becomes the one
# the prompt asked for; one naming someone else, or no one, is left for the checker.
GREETINGS = {
    "full-name-for-honorific": (
        {"name": "Maria Lopez", "honorific": "Ms."},
        "Dear Maria Lopez,",
        "Dear Ms. Lopez,",
    ),
    "title-after-the-name": (
        {"name": "Jonas Becker", "honorific": "Mr.", "title": "Design Lead"},
        "Dear Mr. Becker, Design Lead.",
        "Dear Mr. Becker,",
    ),
    "full-name-for-first-name": (
        {"name": "Grace Osei-Bonsu", "first_name_ok": True},
        "Dear Grace Osei-Bonsu,",
        "Dear Grace,",
    ),
    "particle-name": (
        {"name": "Pieter van der Berg", "honorific": "Dr."},
        "Dear Pieter,",
        "Dear Dr. van der Berg,",
    ),
    "accents-dropped": (
        {"name": "Zoë Łukasiewicz", "honorific": "Ms."},
        "Dear Ms. Łukasiewicz",
        "Dear Ms. Łukasiewicz,",
    ),
    "accents-folded": (
        {"name": "Zoë Łukasiewicz", "honorific": "Ms."},
        "Dear Ms. Lukasiewicz,",
        "Dear Ms. Łukasiewicz,",
    ),
    "a-shared-particle-is-not-a-name": (
        {"name": "Pieter van der Berg", "honorific": "Dr."},
        "Dear Mr. Van Damme,",
        "Dear Mr. Van Damme,",
    ),
    "someone-else-kept": (
        {"name": "Maria Lopez", "honorific": "Ms."},
        "Dear Mr. Smith,",
        "Dear Mr. Smith,",
    ),
    "no-name-kept": (
        {"name": "Maria Lopez", "honorific": "Ms."},
        "Dear Hiring Manager,",
        "Dear Hiring Manager,",
    ),
    "not-a-greeting-kept": (
        {"name": "Maria Lopez", "honorific": "Ms."},
        "Maria Lopez",
        "Maria Lopez",
    ),
}


@pytest.mark.parametrize("reader,given,expected", GREETINGS.values(), ids=GREETINGS.keys())
def test_the_greeting_is_the_one_asked_for(
    reader: dict[str, Any], given: str, expected: str
) -> None:
    out = normalise(parts(salutation=given), facts_for("Jane Doe", reader), 0)
    assert out.salutation == expected
    assert out.paragraphs == [BODY]


SIGNATURES = {
    "employer-title-and-made-up-contacts": (
        ["Jane Doe", "ABC Company", "Sales Manager", "555-555-5555", "salesmanager@abc.com"],
        ["Jane Doe"],
    ),
    "own-contacts-kept": (
        ["Jane Doe", "jane.doe@example.com", "+1 555 0100"],
        ["Jane Doe", "jane.doe@example.com", "+1 555 0100"],
    ),
    "name-with-a-title": (
        ["Jane Doe, Senior Analyst", "jane.doe@example.com"],
        ["Jane Doe", "jane.doe@example.com"],
    ),
    "name-missing": (["jane.doe@example.com"], ["Jane Doe", "jane.doe@example.com"]),
    "none-given": ([], []),
}


@pytest.mark.parametrize("given,expected", SIGNATURES.values(), ids=SIGNATURES.keys())
def test_the_signature_holds_only_the_candidates_own_lines(
    given: list[str], expected: list[str]
) -> None:
    facts = example_facts(Kind.THANK_YOU)
    assert facts.candidate.email == "jane.doe@example.com" and facts.candidate.phone
    out = normalise(parts(signature=given), facts, 0)
    assert out.signature == expected
