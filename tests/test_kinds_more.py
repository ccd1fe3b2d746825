"""The five later kinds: drafted offline and by a model from varied facts, all passing."""

from __future__ import annotations

import re
from typing import Any

import pytest

from afterword.drafting.chain import Chain
from afterword.errors import FactsError
from afterword.facts import facts_from_mapping, merge
from afterword.models import Kind
from afterword.pipeline import draft_offline
from afterword.settings import Settings
from afterword.speech import spoken_number, spoken_pattern, spoken_seconds

from .conftest import example_facts
from .openai_server import FakeOpenAI, Reply

K = Kind
NEW = [
    K.WRITTEN_OFFER_REQUEST,
    K.PHONE_FOLLOW_UP,
    K.PROMISED_FOLLOW_UP,
    K.REFERENCE_CHECK_IN,
    K.THANKS_AFTER_LANDING,
]

# People and places from many countries, typed the way people type them.
PEOPLE: list[dict[str, Any]] = [
    {"name": "Siobhán O'Brien", "honorific": "Ms."},
    {"name": "Nguyễn Thị Lan", "first_name_ok": True},
    {"name": "Jan van der Berg", "honorific": "Mr."},
    {"name": "María José de la Cruz", "honorific": "Dr."},
    {"name": "Oluwaseun Adeyemi-Bello", "honorific": "Mr."},
    {"name": "Priya Raman", "first_name_ok": True},
]
COMPANIES = [
    ("Brennan & Doyle", "Junior Solicitor"),
    ("Saigon Digital", "QA Engineer"),
    ("Van Leeuwen Logistiek B.V.", "Supply Chain Planner"),
    ("Clínica San Rafael", "Nurse Practitioner"),
    ("Lagos Fintech Ltd", "Backend Developer"),
    ("Chennai Health Trust", "Data Analyst"),
]
PHONES = ["+353 1 555 0199", "090 555 0142", "+31 20 555 0123", "(555) 010-4477", "07700 900123"]
PROMISES = [
    "a writing sample on onboarding emails",
    "send the Q3 pricing analysis",
    "I'd send my references",
    "to send you the case study from my last role.",
    "The slides from my presentation",
]
HELPED = [
    "introducing me to the hiring team",
    "introduced me to Priya at the company",
    "the mock interview the week before",
    "You read my cover letter twice",
    "your reference",
]


def _variants(kind: Kind) -> list[dict[str, Any]]:
    out = []
    for n, (company, position) in enumerate(COMPANIES):
        over: dict[str, Any] = {
            "company": company,
            "position": position,
            "recipients": [PEOPLE[n]],
        }
        if kind is K.PHONE_FOLLOW_UP:
            over["candidate"] = {"phone": PHONES[n % len(PHONES)]}
        elif kind is K.PROMISED_FOLLOW_UP:
            over["promise"] = {"what": PROMISES[n % len(PROMISES)]}
            over["channel"] = ["email", "letter", "card"][n % 3]
        elif kind is K.THANKS_AFTER_LANDING:
            over["recipients"] = [
                {**PEOPLE[n], "helped": HELPED[n % len(HELPED)]},
                {**PEOPLE[(n + 1) % len(PEOPLE)], "helped": HELPED[(n + 2) % len(HELPED)]},
            ]
        elif kind is not K.PHONE_FOLLOW_UP:
            over["channel"] = ["email", "letter", "card"][n % 3]
        out.append(over)
    return out


CASES = [(kind, n, over) for kind in NEW for n, over in enumerate(_variants(kind))]


@pytest.mark.parametrize(("kind", "n", "over"), CASES, ids=[f"{k.value}-{n}" for k, n, _ in CASES])
def test_varied_facts_draft_clean_letters(kind: Kind, n: int, over: dict[str, Any]) -> None:
    base = example_facts(kind).model_dump(mode="json")
    facts = facts_from_mapping(merge(base, over))
    letters = draft_offline(facts)
    for letter in letters:
        errors = [f"{f.rule}: {f.message}" for f in letter.findings if f.severity == "error"]
        assert not errors, letter.text
        assert "  " not in letter.text and " ." not in letter.text
        assert not re.search(r"\b(?:attaching|enclosing|for) (?:I|to|send|you)\b", letter.text)
    if len(letters) > 1:  # one distinct note per person
        assert len({letter.text for letter in letters}) == len(letters)


@pytest.mark.parametrize("kind", NEW)
def test_plain_text_model_reply_is_read_and_passes(
    kind: Kind, server: FakeOpenAI, settings: Settings
) -> None:
    server.supports.update(json_schema=False, tools=False)
    runs = Chain(settings).draft(example_facts(kind))
    for run in runs:
        assert run.letter is not None and run.letter.passed, run.letter
        assert run.letter.backend.startswith("openai") and run.attempts[0].method == "text"


def test_a_number_in_digits_is_caught_and_the_script_revised(
    server: FakeOpenAI, settings: Settings
) -> None:
    def digits(parts: dict[str, Any]) -> dict[str, Any]:
        spoken = "plus one, five-five-five, zero-one-three-three"
        parts["paragraphs"] = [p.replace(spoken, "+1 555 0133") for p in parts["paragraphs"]]
        return parts

    server.queue.append(Reply(transform=digits))
    run = Chain(settings).draft(example_facts(K.PHONE_FOLLOW_UP))[0]
    assert "mechanics.number_for_speech" in {f.rule for f in run.attempts[0].findings}
    assert run.letter is not None and run.letter.passed and run.letter.subject is None
    assert "A phone script" in server.requests[0]["messages"][-1]["content"]


@pytest.mark.parametrize(
    ("over", "field"),
    [
        ({"kind": "thank_you", "channel": "phone"}, "channel"),
        ({"kind": "phone_follow_up", "channel": "email"}, "channel"),
        ({"promise": {"what": "a report", "due": "next Tuesday"}}, "promise.due"),
        ({"recipients": [{"name": "Ana Lima", "helped": ["a list"]}]}, "recipients[0].helped"),
    ],
)
def test_bad_new_facts_name_the_field(over: dict[str, Any], field: str) -> None:
    base = example_facts(K.PROMISED_FOLLOW_UP).model_dump(mode="json")
    with pytest.raises(FactsError) as err:
        facts_from_mapping(merge(base, over))
    assert field in str(err.value)


def test_phone_follow_up_defaults_to_the_phone_channel() -> None:
    base = example_facts(K.PHONE_FOLLOW_UP).model_dump(mode="json")
    base.pop("channel")
    assert facts_from_mapping(base).channel == "phone"


@pytest.mark.parametrize(
    ("phone", "said"),
    [
        ("+1 555 0133", "plus one, five-five-five, zero-one-three-three"),
        ("(555) 010-4477", "five-five-five, zero-one-zero, four-four-seven-seven"),
        ("07700 900123", "zero-seven-seven-zero-zero, nine-zero-zero-one-two-three"),
        ("+49 30 1234567", "plus four-nine, three-zero, one-two-three-four-five-six-seven"),
    ],
)
def test_numbers_are_spelled_for_speech(phone: str, said: str) -> None:
    assert spoken_number(phone) == said
    assert spoken_pattern(phone).search(f"Call me on {said.replace('zero', 'oh')}.")


@pytest.mark.parametrize(("words", "seconds"), [(75, 30.0), (50, 20.0), (10, 4.0)])
def test_spoken_seconds_at_150_words_a_minute(words: int, seconds: float) -> None:
    assert spoken_seconds(" ".join(["word"] * words)) == seconds
