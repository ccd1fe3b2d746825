"""The offline composer: every kind, missing facts, distinct notes, golden texts."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from afterword.drafting.offline import compose
from afterword.errors import MissingFactError
from afterword.kinds import SPECS
from afterword.models import Channel, Kind
from afterword.pipeline import draft_offline

from .conftest import EXAMPLES, example_facts

GOLDEN = Path(__file__).parent / "golden"
ALL_EXAMPLES = sorted(EXAMPLES.glob("*.yaml"))
LEAKS = re.compile(r"\bNone\b|\[[^\]]*\]|\{\{|\}\}|<[A-Z_ ]+>|\bTODO\b|\bnull\b|\s,|\.\.(?!\.)")


@pytest.mark.parametrize("path", ALL_EXAMPLES, ids=lambda p: p.stem)
def test_every_example_drafts_a_clean_checked_letter(path: Path) -> None:
    from afterword.facts import load_facts

    letters = draft_offline(load_facts(path))
    assert letters
    for letter in letters:
        assert not LEAKS.search(letter.text), letter.text
        assert letter.passed, [f.message for f in letter.findings]
        assert all(f.severity == "suggestion" for f in letter.findings) or not letter.findings


def test_all_ten_kinds_have_an_example() -> None:
    from afterword.facts import load_facts

    assert {load_facts(p).kind for p in ALL_EXAMPLES} == set(Kind)


def _without(data: dict[str, object], dotted: str) -> dict[str, object]:
    head, _, rest = dotted.partition(".")
    if not rest:
        return {k: v for k, v in data.items() if k != head}
    inner = data.get(head)
    assert isinstance(inner, dict)
    return {**data, head: _without(inner, rest)}


MISSING = [(kind, field) for kind, spec in SPECS.items() for field, _ in spec.required]


@pytest.mark.parametrize(("kind", "field"), MISSING, ids=[f"{k.value}-{f}" for k, f in MISSING])
def test_missing_fact_is_named_never_filled(kind: Kind, field: str) -> None:
    facts = example_facts(kind)
    data = _without(facts.model_dump(), field)
    stripped = type(facts).model_validate(data)
    with pytest.raises(MissingFactError) as err:
        compose(stripped)
    assert field in err.value.fields
    assert field in str(err.value)


def test_panel_notes_are_distinct_and_lead_with_different_points() -> None:
    facts = example_facts(Kind.THANK_YOU)
    drafts = compose(facts)
    assert len(drafts) == 3
    openings = {d.paragraphs[0] for d in drafts}
    assert len(openings) == 3
    points = facts.interview.points if facts.interview else []
    for draft, point in zip(drafts, points, strict=True):
        assert point in draft.paragraphs[1]
    salutations = [d.salutation for d in drafts]
    assert salutations == ["Dear Mr. Jones,", "Dear Ms. Raman,", "Dear Sam,"]


def test_composer_is_deterministic() -> None:
    facts = example_facts(Kind.THANK_YOU)
    assert [d.text for d in compose(facts)] == [d.text for d in compose(facts)]


@pytest.mark.parametrize("channel", list(Channel))
def test_channel_forms(channel: Channel) -> None:
    facts = example_facts(Kind.THANK_YOU).model_copy(update={"channel": channel})
    draft = compose(facts)[0]
    words = sum(len(p.split()) for p in draft.paragraphs)
    if channel is Channel.EMAIL:
        assert draft.subject and "Senior Sales Consultant" in draft.subject
    else:
        assert draft.subject is None
    if channel is Channel.CARD:
        assert words <= 90
    if channel is Channel.LETTER:
        assert draft.text.startswith("Jane Doe\n12 Elm Street")
        assert "November 21, 2026" in draft.text and "Dear Mr. Jones:" in draft.text


GOLDEN_CASES = ["thank_you_panel", "decline", "resignation", "acceptance", "thank_you_card"]


@pytest.mark.parametrize("name", GOLDEN_CASES)
def test_golden_texts(name: str) -> None:
    """A template change shows up here in review; AFTERWORD_BLESS=1 rewrites the files."""
    from afterword.facts import load_facts

    text = "\n\n=====\n\n".join(d.text for d in compose(load_facts(EXAMPLES / f"{name}.yaml")))
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("AFTERWORD_BLESS") == "1":
        golden.write_text(text)
    assert golden.read_text() == text
