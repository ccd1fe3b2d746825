"""The composer takes any reasonable phrasing: every phrasing in tests/phrasings.py, drafted in
every kind, channel, length and tone, gives a letter the checker passes (its grammar family
included) with no doubled word and no third-person mention of the reader."""

from __future__ import annotations

import functools
import itertools
import re
from typing import Any

import pytest

from afterword.checker import check
from afterword.drafting import phrasing as ph
from afterword.drafting.offline import compose
from afterword.models import Channel, DraftOptions, Facts, Kind, Report

from . import phrasings as P
from .conftest import example_facts

LENGTHS_TONES = list(itertools.product(["normal", "short"], ["neutral", "formal", "warm"]))
SPOKEN = {Kind.PHONE_FOLLOW_UP}  # a voicemail and a call script travel by phone only
COMBOS = [(c, n, t) for c in ("email", "card", "letter") for n, t in LENGTHS_TONES]
ROWS = max(len(P.REASONS), len(P.POINTS))
DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.I)
LEAKS = re.compile(
    r"\bNone\b|\{\{|\}\}|\s[,.]|\.\.(?!\.)|\bi\b|\bmy my\b|\b(?:Mr|Ms|Mrs|Dr)\.? (?:your?|you)\b"
)


@functools.cache
def _base(kind: Kind) -> dict[str, Any]:
    return example_facts(kind).model_dump(mode="json")


def _facts(kind: Kind, row: int, channel: Channel) -> Facts:
    base = _base(kind)
    company, position = P.COMPANIES[row % len(P.COMPANIES)]
    panel = P.PANELS[row % len(P.PANELS)]
    points = [P.POINTS[(row + k) % len(P.POINTS)] for k in range(len(panel))]
    interview = {
        **(base.get("interview") or {}),
        "points": points,
        "strengths": P.STRENGTHS[row % len(P.STRENGTHS)],
        "clarification": P.CLARIFICATIONS[row % len(P.CLARIFICATIONS)],
        "notes": P.JOBS[row % len(P.JOBS)],
        "mentions": [P.MENTIONS[row % len(P.MENTIONS)]],
    }
    data: dict[str, Any] = {
        **base,
        "channel": channel.value,
        "company": company,
        "position": position,
        "recipients": [
            {"name": n, "honorific": h, "first_name_ok": ok, "addressed_as": a}
            for n, h, ok, a in panel
        ],
        "interview": interview,
        "next_step": {
            **(base.get("next_step") or {}),
            "text": P.NEXT_STEPS[row % len(P.NEXT_STEPS)],
        },
        "news": P.NEWS[row % len(P.NEWS)],
    }
    if base.get("decision"):
        data["decision"] = {**base["decision"], "reason": P.REASONS[row % len(P.REASONS)]}
    return Facts.model_validate(data)


def _options(row: int, facts: Facts, length: str, tone: str) -> DraftOptions:
    mention = facts.interview.mentions[0] if facts.interview else ""
    target = [None, "*", facts.recipients[-1].name][row % 3]
    avoid = [facts.interview.strengths[0]] if facts.interview and row % 4 == 3 else []
    return DraftOptions.model_validate(
        {
            "length": length,
            "tone": tone,
            "mention_to": {mention: target} if target else {},
            "avoid": avoid,
        }
    )


@functools.lru_cache(maxsize=4096)
def _report(text: str, subject: str | None, facts_json: str, index: int) -> Report:
    """Check a letter once: most kinds read the same under every length and tone."""
    facts = Facts.model_validate_json(facts_json)
    return check(text, facts, facts.kind, subject=subject, recipient=index)


NOT_AT_INTERVIEW = {Kind.NETWORKING_THANKS, Kind.REFERENCE_UPDATE, Kind.REFERENCE_CHECK_IN}


def _problems(facts: Facts, options: DraftOptions) -> list[str]:
    problems = []
    facts_json = facts.model_dump_json()
    for i, draft in enumerate(compose(facts, options=options)):
        report = _report(draft.text, draft.subject, facts_json, i)
        bad = [f for f in report.findings if f.severity == "error" or f.rule.startswith("grammar")]
        body = " ".join(draft.paragraphs)
        spoken = re.sub(r"\b(?:Hello|Hi|Dear)\s+[^,:]+[,:]", "", body)  # greetings say the name
        person = facts.recipients[i]
        named = [n for n in ph.Reader.of(person).forms if re.search(rf"\b{re.escape(n)}\b", spoken)]
        for what, hit in (
            (
                "finding",
                [f"{f.rule}: {f.message} {draft.text[f.start or 0 : f.end or 0]!r}" for f in bad],
            ),
            ("doubled", [m.group(0) for m in DOUBLED.finditer(draft.text)]),
            ("leak", [m.group(0) for m in LEAKS.finditer(body)]),
            ("reader in third person", named),
            (
                "told it was discussed, but not at the interview",
                re.findall(r"As we discussed", body) if facts.kind in NOT_AT_INTERVIEW else [],
            ),
        ):
            if hit:
                problems.append(f"{draft.recipient} {what}: {hit}\n{draft.text}")
    return problems


CASES = [
    (kind, combo)
    for kind in Kind
    for combo in ([("phone", n, t) for n, t in LENGTHS_TONES] if kind in SPOKEN else COMBOS)
]


@pytest.mark.parametrize(
    ("kind", "combo"), CASES, ids=[f"{k.value}-{'-'.join(c)}" for k, c in CASES]
)
def test_every_phrasing_in_every_kind_and_option(kind: Kind, combo: tuple[str, str, str]) -> None:
    channel, length, tone = combo
    problems = []
    for row in range(ROWS):
        facts = _facts(kind, row, Channel(channel))
        problems += _problems(facts, _options(row, facts, length, tone))
    assert not problems, "\n\n".join(problems[:5])


def test_the_table_is_large_enough() -> None:
    assert P.COUNT >= 60


SIOBHAN = ph.Reader("Siobhan O'Brien", "Ms.")
SHAPES = [
    (
        ph.decision_sentence,
        "I have accepted a role closer to my family in Cork.",
        "I have accepted a role closer to my family in Cork.",
    ),
    (
        ph.decision_sentence,
        "a role closer to my family",
        "I have decided to pursue a role closer to my family.",
    ),
    (ph.decision_sentence, "relocating to Lyon", "I am relocating to Lyon."),
    (ph.decision_sentence, "Decided to go back to school", "I decided to go back to school."),
    (ph.decision_sentence, "family reasons", "I have made this decision for family reasons."),
    (ph.because, "I have another interview next week", "I have another interview next week"),
    (ph.because, "another interview next week", "of another interview next week"),
    (ph.because, "need to talk it over with my family", "I need to talk it over with my family"),
    (ph.because, "waiting on another offer", "I am waiting on another offer"),
    (ph.strength, "my Airflow migration at Lumen", "my Airflow migration at Lumen"),
    (ph.strength, "Stakeholder management", "my stakeholder management"),
    (ph.strength, "leading a team of twelve", "my experience leading a team of twelve"),
    (ph.strength, "they liked my portfolio", None),
    (ph.noun_phrase, "plans to expand into Europe", "the plans to expand into Europe"),
    (ph.noun_phrase, "language fluency", "language fluency"),
    (
        ph.next_step,
        "hear back on Monday",
        "As we discussed, I understand the next step is to hear back on Monday.",
    ),
    (ph.next_step, "They'll call me next week.", "As we discussed, they'll call me next week."),
    (
        ph.next_step,
        "a panel interview",
        "As we discussed, I understand the next step is a panel interview.",
    ),
    (ph.mention, "I speak Dutch", "I also wanted to mention that I speak Dutch."),
    # A lead-in word opens a whole sentence when a comma and its main clause follow.
    (
        ph.as_sentence,
        "Since we spoke, I have completed a certificate in applied statistics",
        "Since we spoke, I have completed a certificate in applied statistics.",
    ),
    (
        ph.as_sentence,
        "As promised, I am attaching my portfolio",
        "As promised, I am attaching my portfolio.",
    ),
    (
        ph.as_sentence,
        "since I have accepted a role near Porto",
        "I have accepted a role near Porto.",
    ),
    (
        ph.because,
        "because I have another offer, which is closer to home",
        "I have another offer, which is closer to home",
    ),
    (
        ph.mention,
        "my two semesters in Belgium",
        "I also wanted to mention my two semesters in Belgium.",
    ),
]


NOT_THERE = [
    ("hear back on Monday", "The next step is to hear back on Monday."),
    ("They'll call me next week.", "They'll call me next week."),
    ("a panel interview with the CTO", "The next step is a panel interview with the CTO."),
]


@pytest.mark.parametrize(("text", "want"), NOT_THERE)
def test_a_reader_who_was_not_there_is_not_told_it_was_discussed(text: str, want: str) -> None:
    """A reference or a contact hears the next step as news, not "As we discussed"."""
    assert ph.next_step(text, discussed=False) == want


@pytest.mark.parametrize(("shape", "text", "want"), SHAPES)
def test_words_are_placed_by_their_form(shape: Any, text: str, want: str | None) -> None:
    assert shape(text) == want


READER_CASES = [
    ("Siobhan's plan to move billing to Kafka", "your plan to move billing to Kafka"),
    ("Ms. O'Brien's question about churn", "your question about churn"),
    ("Siobhan mentioned the team is hiring", "You mentioned the team is hiring"),
    ("Siobhan has a plan for Kafka", "You have a plan for Kafka"),
    ("Siobhan thinks the migration will take a year", "You think the migration will take a year"),
    ("Tom's plan to move billing", "Tom's plan to move billing"),
    ("the May launch with Siobhan", "the May launch with you"),
    ("siobhan's plan, typed in a hurry", "your plan, typed in a hurry"),
    ("I will send the notes siobhan asked for", "I will send the notes siobhan asked for"),
]


@pytest.mark.parametrize(("text", "want"), READER_CASES)
def test_the_reader_is_you(text: str, want: str) -> None:
    assert ph.to_reader(text, SIOBHAN) == want


@pytest.mark.parametrize(
    ("name", "text", "want"),
    [
        (
            "Siobhán O'Brien",
            "siobhan's plan to move billing to kafka",
            "your plan to move billing to kafka",
        ),
        ("Zoë Łukasiewicz", "Lukasiewicz's team in Kraków", "your team in Kraków"),
        ("Pieter van der Berg", "Pieter's roadmap", "your roadmap"),
    ],
)
def test_the_reader_is_you_with_or_without_accents(name: str, text: str, want: str) -> None:
    """A name typed without its accents is still the reader's."""
    assert ph.to_reader(text, ph.Reader(name, "Ms.")) == want


@pytest.mark.parametrize(
    ("typed", "want"),
    [
        ("my my airflow migration at Lumen", "my airflow migration at Lumen"),
        ("the the plans to expand", "the plans to expand"),
        ("I had had two offers", "I had had two offers"),
        ("at AT&T", "at AT&T"),
    ],
)
def test_a_word_typed_twice_is_typed_once(typed: str, want: str) -> None:
    assert ph.tidy(typed) == want


def _panel(**interview: Any) -> Facts:
    base = example_facts(Kind.THANK_YOU)
    assert base.interview is not None
    return base.model_copy(update={"interview": base.interview.model_copy(update=interview)})


MENTION_TARGETS = [
    ({}, [True, False, False]),
    ({"my Dutch": "*"}, [True, True, True]),
    ({"my Dutch": "Priya Raman"}, [False, True, False]),
]


@pytest.mark.parametrize(("target", "carried"), MENTION_TARGETS)
def test_a_mention_goes_into_one_note_unless_asked_for_all(
    target: dict[str, str], carried: list[bool]
) -> None:
    facts = _panel(mentions=["my Dutch"])
    drafts = compose(facts, options=DraftOptions(mention_to=target))
    assert ["mention my Dutch" in d.text for d in drafts] == carried


def test_what_the_job_entails_is_used_in_every_note() -> None:
    facts = _panel(notes="Opening accounts in Europe and hiring two account managers")
    for draft in compose(facts):
        assert "looking forward to opening accounts in Europe and hiring two" in draft.text


def test_an_avoided_strength_is_left_out() -> None:
    facts = _panel(strengths=["language fluency", "the AWS certification"])
    drafts = compose(facts, options=DraftOptions(avoid=["AWS certification"]))
    assert all("AWS" not in d.text and "language fluency" in d.text for d in drafts)


def test_a_family_name_first_reader_is_you_too() -> None:
    from afterword.models import Recipient

    kim = ph.Reader.of(Recipient(name="Kim Min-jun", honorific="Mr.", addressed_as="Mr. Kim"))
    assert ph.to_reader("Mr. Kim's plan to move billing to Kafka", kim) == (
        "your plan to move billing to Kafka"
    )
