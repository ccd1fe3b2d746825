"""How the chain gets a letter out of a server: output methods stepping down on refusals and on
unusable output, the method remembered per server and model, the better draft kept, revisions
asked for as instructions with quotes, a reply cap sized to the letter, and words streamed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from afterword.drafting.chain import Chain
from afterword.facts import load_facts
from afterword.kinds import spec_for
from afterword.models import Kind
from afterword.settings import Settings, load_settings

from .conftest import EXAMPLES, example_facts
from .openai_server import FakeOpenAI, Reply, letter_parts, parts_text


def method_of(request: dict[str, Any]) -> str:
    """Name the output method a request used."""
    if request.get("response_format"):
        return "json_schema"
    return "function_calling" if request.get("tools") else "text"


def fenced_call(request: dict[str, Any]) -> str:
    """What a small model behind llama.cpp writes when asked to call a function."""
    return "```json\n" + json.dumps({"name": "LetterParts", "arguments": letter_parts(request)})


STEPS = [
    ("json_schema-works", {}, [], ["json_schema"]),
    ("no-json_schema", {"json_schema": False}, [], ["json_schema", "function_calling"]),
    (
        "no-structured-output",
        {"json_schema": False, "tools": False},
        [],
        ["json_schema", "function_calling", "text"],
    ),
    (
        "prose-for-json_schema",
        {},
        [Reply(content="Here is a letter you could send to Mr. Jones.")],
        ["json_schema", "function_calling"],
    ),
    (
        "the-wrong-json-shape",
        {},
        [Reply(content='{"letter": "Dear Mr. Jones, thank you."}')],
        ["json_schema", "function_calling"],
    ),
    (
        "a-call-written-as-text",
        {},
        [Reply(content="{"), Reply(content='```json\n{"name": "LetterParts"}\n```')],
        ["json_schema", "function_calling", "text"],
    ),
]


@pytest.mark.parametrize(
    ("supports", "replies", "methods"), [s[1:] for s in STEPS], ids=[s[0] for s in STEPS]
)
def test_methods_step_down_until_a_letter_comes(
    supports: dict[str, bool],
    replies: list[Reply],
    methods: list[str],
    server: FakeOpenAI,
    settings: Settings,
) -> None:
    server.supports.update(supports)
    server.queue.extend(replies)
    run = Chain(settings).draft_one(example_facts(Kind.THANK_YOU), 0)
    assert [method_of(r) for r in server.requests] == methods
    assert run.letter is not None and run.letter.passed and run.letter.backend.startswith("openai")
    assert [t.method for t in run.tries] == methods and run.calls == len(methods)
    assert [t.outcome for t in run.tries][-1] == "letter"


def test_the_method_that_worked_is_remembered_beside_the_history(
    server: FakeOpenAI, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.supports.update(json_schema=False)
    Chain(settings).draft_one(example_facts(Kind.DECLINE), 0)
    assert [method_of(r) for r in server.requests] == ["json_schema", "function_calling"]
    memory = json.loads(settings.methods_path.read_text())
    assert settings.methods_path.parent == settings.db_path.parent
    assert memory == {f"{server.url} gpt-4o-mini": "function_calling"}
    server.requests.clear()
    Chain(load_settings()).draft_one(example_facts(Kind.DECLINE), 0)  # a later run
    assert [method_of(r) for r in server.requests] == ["function_calling"]
    server.requests.clear()
    monkeypatch.setenv("AFTERWORD_MODEL", "another-model")
    Chain(load_settings()).draft_one(example_facts(Kind.DECLINE), 0)
    assert [method_of(r) for r in server.requests] == ["json_schema", "function_calling"]


def test_a_memory_file_that_cannot_be_read_only_costs_a_probe(
    server: FakeOpenAI, settings: Settings
) -> None:
    settings.methods_path.parent.mkdir(parents=True, exist_ok=True)
    settings.methods_path.write_text("{not json")
    run = Chain(settings).draft_one(example_facts(Kind.DECLINE), 0)
    assert run.letter is not None and run.letter.passed
    assert json.loads(settings.methods_path.read_text()) == {
        f"{server.url} gpt-4o-mini": "json_schema"
    }


def _misspelt(p: dict[str, Any]) -> dict[str, Any]:
    return {**p, "salutation": "Dear Mr. Jnoes,"}


def _invented(p: dict[str, Any]) -> dict[str, Any]:
    extra = "I was glad to hear the role pays $120,000 and starts on March 3, 2027."
    return {**p, "salutation": "Dear Mr. Jnoes,", "paragraphs": [*p["paragraphs"], extra]}


@pytest.mark.parametrize(
    ("first", "second", "kept"),
    [(_misspelt, _invented, "draft"), (_invented, _misspelt, "revision")],
    ids=["a-worse-revision-is-dropped", "a-better-revision-is-kept"],
)
def test_the_better_draft_is_kept(
    first: Any, second: Any, kept: str, server: FakeOpenAI, settings: Settings
) -> None:
    server.queue.extend([Reply(transform=first), Reply(transform=second)])
    run = Chain(settings).draft_one(example_facts(Kind.THANK_YOU), 0)
    assert [a.purpose for a in run.attempts] == ["draft", "revision"]
    best = min(run.attempts, key=lambda a: a.rank())
    assert best.purpose == kept and run.letter is not None and run.letter.text == best.text
    assert ("$120,000" in run.letter.text) is (kept == "draft" and first is _invented)


REVISIONS = [
    (
        "sign-off",
        lambda p: {**p, "closing": "", "paragraphs": p["paragraphs"]},
        'End with "Best regards," on its own line and "Jane Doe" on the next.',
    ),
    ("misspelt-name", _misspelt, 'where you wrote "Jnoes"'),
    (
        "invented-amount",
        lambda p: {**p, "paragraphs": [*p["paragraphs"], "The role pays $120,000, you said."]},
        'Remove "$120,000"; it is not in the facts.',
    ),
    (
        "wrong-person-greeted",
        lambda p: {**p, "salutation": "Dear Ms. Raman,"},
        'Open with exactly "Dear Mr. Jones," on its own line, not "Ms. Raman"',
    ),
    (
        "placeholder",
        lambda p: {**p, "paragraphs": [*p["paragraphs"], "Please reach me at [Phone Number]."]},
        'Replace "[Phone Number]" with the real value from the facts',
    ),
]


@pytest.mark.parametrize(
    ("transform", "asked"), [r[1:] for r in REVISIONS], ids=[r[0] for r in REVISIONS]
)
def test_revisions_are_instructions_with_quotes(
    transform: Any, asked: str, server: FakeOpenAI, settings: Settings
) -> None:
    server.queue.append(Reply(transform=transform))
    run = Chain(settings).draft_one(example_facts(Kind.THANK_YOU), 0)
    assert run.calls == 2 and run.letter is not None and run.letter.passed
    conversation = server.requests[1]["messages"]
    assert conversation[-2]["role"] == "assistant"
    assert asked in conversation[-1]["content"], conversation[-1]["content"]


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_the_reply_cap_fits_the_kinds_word_band(
    path: Path, server: FakeOpenAI, settings: Settings
) -> None:
    facts = load_facts(path)
    Chain(settings).draft_one(facts, 0)
    high = spec_for(facts.kind).words[facts.channel][1]
    cap = server.requests[0]["max_tokens"]
    # room for the longest body (about 1.3 tokens a word) and the JSON around it, not much more
    assert high * 1.3 + 100 <= cap <= high * 3 + 300


@pytest.mark.parametrize(
    "supports",
    [{}, {"json_schema": False}, {"json_schema": False, "tools": False}],
    ids=["json_schema", "function_calling", "text"],
)
def test_the_words_are_shown_while_the_model_writes(
    supports: dict[str, bool], server: FakeOpenAI, settings: Settings
) -> None:
    server.supports.update(supports)
    seen: list[str] = []
    stages: list[str] = []
    run = Chain(settings).draft_one(
        example_facts(Kind.THANK_YOU), 1, stages.append, words=seen.append
    )
    assert run.letter is not None and run.letter.passed
    assert seen and "Dear Ms. Raman," in seen[-1]
    first_paragraph = run.letter.text.split("\n\n")[2 if run.letter.subject is None else 1]
    assert first_paragraph.strip()[:40] in seen[-1]
    assert stages[0] == "Letter 2 of 3, to Priya Raman: drafting"
    assert stages[-1] == "Letter 2 of 3, to Priya Raman: done"


def test_plain_text_is_parsed_into_the_draft(server: FakeOpenAI, settings: Settings) -> None:
    server.supports.update(json_schema=False, tools=False)
    facts = example_facts(Kind.ACCEPTANCE)
    run = Chain(settings).draft_one(facts, 0)
    sent = parts_text(letter_parts(server.requests[-1]))
    assert run.letter is not None and run.letter.passed
    assert run.letter.subject and run.letter.subject in sent
    for paragraph in letter_parts(server.requests[-1])["paragraphs"]:
        assert paragraph in run.letter.text


@pytest.mark.parametrize("fence", ["```json\n{}\n```", "```\n{}\n```", " {} "])
def test_json_in_a_fence_is_read_as_it_is(fence: str) -> None:
    from langchain_core.messages import AIMessageChunk

    from afterword.drafting.calling import parse

    letter = {
        "subject": None,
        "salutation": "Dear Dr. Nakamura,",
        "paragraphs": ["Thank you for your time."],
        "closing": "Best regards,",
        "signature": ["Aisha Al-Farsi"],
    }
    message = AIMessageChunk(content=fence.replace("{}", json.dumps(letter)))
    reply = parse(message, "json_schema", lambda text: pytest.fail("not plain text"))
    assert reply.parts.model_dump() == letter
