"""A rubric judge: a chat model scores what rules cannot see, each criterion 1-5 with a reason.

It talks through the drafter's own call machinery (streamed, one deadline per call, output
methods stepping down json_schema -> function calling -> plain JSON) and, in the evals, through
the cassette transport, so a replayed judged eval is free, offline and gives the same numbers.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import httpx
from langchain_core.language_models import BaseChatModel
from pydantic import BaseModel, Field, create_model

from ..drafting.calling import METHODS, CallFailed, call, structured
from ..drafting.prompting import inert, prompt_env
from ..errors import AfterwordError, BackendError
from ..kinds import spec_for
from ..models import Kind
from ..paths import evals_dir
from ..settings import Settings, load_settings
from .cassette import RecordingTransport, ReplayTransport

# Each criterion's text is prompt text: it goes to the model in the prompt and the schema.
CRITERIA: dict[str, str] = {
    "genuine": "sounds genuine and personal, written by this person to this reader, not a form "
    "letter with the names swapped in",
    "specific": "the point it recalls (from the interview, or the help given) is concrete: a "
    "named project, problem, plan or number, not 'our great conversation'",
    "confident": "confident and courteous: not desperate, pleading, apologetic, flattering or "
    "pushy (no begging, no pressure, no demands)",
    "warm_decline": "says no warmly: appreciation before the decline, a sincere positive close "
    "after it, nothing negative about the employer",
    "brief": "every sentence earns its place; no padding, repetition or life story",
}
_SPECIFIC = {
    Kind.THANK_YOU,
    Kind.NETWORKING_THANKS,
    Kind.REFERENCE_UPDATE,
    Kind.REFERENCE_CHECK_IN,
    Kind.STAY_IN_TOUCH,
    Kind.PROMISED_FOLLOW_UP,
    Kind.THANKS_AFTER_LANDING,
}
_DECLINING = {Kind.DECLINE, Kind.WITHDRAWAL}


def criteria_for(kind: Kind | str) -> tuple[str, ...]:
    """Return the criteria that apply to a kind of letter, in a fixed order."""
    kind = Kind(kind)
    names = ["genuine"]
    if kind in _SPECIFIC:
        names.append("specific")
    names.append("confident")
    if kind in _DECLINING:
        names.append("warm_decline")
    return (*names, "brief")


class Scored(BaseModel):
    """One criterion's score."""

    reason: str = Field(description="One line saying why, quoting the letter where it helps.")
    score: int = Field(ge=1, le=5, description="1 (poor) to 5 (excellent).")


class PairPick(BaseModel):
    """Which of two letters is better."""

    reason: str = Field(description="One line saying what decided it.")
    better: int = Field(ge=0, le=2, description="1: Letter 1 is better; 2: Letter 2; 0: neither.")


@cache
def rubric_model(criteria: tuple[str, ...]) -> type[BaseModel]:
    """Return the structured output for a set of criteria: one required Scored per criterion."""
    fields: dict[str, Any] = {
        name: (Scored, Field(description=CRITERIA[name])) for name in criteria
    }
    model: type[BaseModel] = create_model("Rubric", __doc__="Scores for one letter.", **fields)
    return model


def rubric_messages(kind: Kind | str, letter: str) -> list[tuple[str, str]]:
    """Return the messages asking for one letter's scores."""
    return _messages("rubric.j2", kind, letter=letter)


def pair_messages(kind: Kind | str, first: str, second: str) -> list[tuple[str, str]]:
    """Return the messages asking which of two letters is better."""
    return _messages("pairwise.j2", kind, first=first, second=second)


def _messages(template: str, kind: Kind | str, **letters: str) -> list[tuple[str, str]]:
    """Render a judge prompt: the kind, its criteria, and the letters made inert."""
    spec = spec_for(Kind(kind))
    env = prompt_env("judge")
    user = env.get_template(template).render(
        kind_name=spec.title,
        kind_purpose=spec.purpose,
        criteria=[(n, CRITERIA[n]) for n in criteria_for(kind)],
        **{name: inert(text) for name, text in letters.items()},
    )
    return [("system", env.get_template("system.j2").render()), ("human", user)]


@dataclass
class JudgeStats:
    """Every request the judge made, and what came of each, counted apart."""

    calls: int = 0
    answers: int = 0
    timeouts: int = 0
    retries: int = 0
    step_downs: int = 0
    failures: int = 0  # questions that got no usable answer at all
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    methods: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """Return the counts for a summary."""
        return {k: round(v, 3) if isinstance(v, float) else v for k, v in vars(self).items()}


class Judge:
    """Asks a chat model for rubric scores and pairwise picks."""

    def __init__(
        self,
        settings: Settings,
        model: BaseChatModel | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        from ..drafting.chain import default_model

        self.settings = settings
        self.model = model if model is not None else default_model(settings, temperature=0)
        self.methods = list(METHODS)
        self.sleep = sleep
        self.stats = JudgeStats()

    @property
    def name(self) -> str:
        """Name the judge as reports show it."""
        return f"{self.settings.model} at {self.settings.base_url}"

    def score(self, kind: Kind | str, letter: str) -> dict[str, Scored]:
        """Return each applicable criterion's score and reason for one letter."""
        schema = rubric_model(criteria_for(kind))
        answer = self.ask(rubric_messages(kind, letter), schema, 120 * len(schema.model_fields))
        return {name: getattr(answer, name) for name in schema.model_fields}

    def pick(self, kind: Kind | str, first: str, second: str) -> PairPick:
        """Return which of two letters (shown as Letter 1 and Letter 2) is better."""
        answer = self.ask(pair_messages(kind, first, second), PairPick, 200)
        assert isinstance(answer, PairPick)
        return answer

    def ask(self, messages: list[tuple[str, str]], schema: type[BaseModel], cap: int) -> Any:
        """Ask until an answer fits the schema, stepping down output methods and retrying
        transient faults inside one deadline; raise BackendError when none comes."""
        until = time.monotonic() + self.settings.timeout
        retries = self.settings.retries
        while True:
            if time.monotonic() >= until:
                self.stats.failures += 1
                raise BackendError(f"the judge ({self.name}) gave no answer in time")
            method = self.methods[0]
            self.stats.calls += 1
            began = time.monotonic()
            try:
                message, _ = call(self.model, messages, method, cap, until, None, schema)
                usage: dict[str, Any] = dict(message.usage_metadata or {})
                self.stats.prompt_tokens += int(usage.get("input_tokens") or 0)
                self.stats.completion_tokens += int(usage.get("output_tokens") or 0)
                answer = structured(message, method, schema)
                self.stats.answers += 1
                self.stats.methods[method] = self.stats.methods.get(method, 0) + 1
                return answer
            except CallFailed as fail:
                if fail.reason == "ran out of time":
                    self.stats.timeouts += 1
                if fail.step == "down" and len(self.methods) > 1:
                    self.methods.pop(0)
                    self.stats.step_downs += 1
                    continue
                if fail.step == "stop" or retries <= 0:
                    self.stats.failures += 1
                    raise BackendError(f"the judge ({self.name}) {fail.reason}") from fail
                retries -= 1
                self.stats.retries += 1
                wait = fail.wait if fail.wait is not None else self.settings.backoff
                self.sleep(max(0.0, min(wait, 30.0, until - time.monotonic())))
            finally:
                self.stats.seconds += time.monotonic() - began


JUDGE_CASSETTES = evals_dir() / "cassettes" / "judge"


def open_judge(
    mode: str, folder: Path | None = None, settings: Settings | None = None
) -> tuple[Judge, Callable[[], None]]:
    """Return a judge for a mode (replay, record or live) and a function that closes it.

    Replay reads the model's name from the cassette, so it asks exactly what was recorded."""
    from ..drafting.chain import default_model

    folder = folder or JUDGE_CASSETTES
    meta = folder / "judge.json"
    settings = settings or load_settings()
    transport: httpx.BaseTransport | None = None
    if mode == "replay":
        if not meta.exists():
            raise AfterwordError(
                f"no judge recordings in {folder}: run the judged eval with --mode record "
                "against a model first (see docs/evals.md)"
            )
        model_name = json.loads(meta.read_text())["model"]
        settings = load_settings(openai_base_url="http://replay.invalid/v1", model=model_name)
        transport = ReplayTransport(folder)
    elif mode == "record":
        settings.api_key()  # a clear error when no model is configured
        transport = RecordingTransport(folder)
        record = {"model": settings.model, "recorded_from": settings.base_url}
        meta.write_text(json.dumps(record, indent=1) + "\n")
    elif mode != "live":
        raise AfterwordError(f"--mode must be replay, record or live; it is {mode!r}")
    client = httpx.Client(transport=transport, timeout=settings.timeout) if transport else None
    judge = Judge(settings, model=default_model(settings, http_client=client, temperature=0))
    return judge, (client.close if client else lambda: None)
