"""The LLM chain: prompt -> chat model -> letter parts -> normalised -> checked -> one revision
at most, keeping the better of the two drafts.

Each letter has one deadline (AFTERWORD_TIMEOUT) that every try, wait and revision shares.
Output methods step down (json_schema -> function calling -> plain text) when the server refuses
one or answers it with something that is not a letter; the method that worked is remembered for
the server and model. Transient faults are retried within the deadline; when no letter comes,
the offline composer writes it and the user is told why.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessageChunk

from ..checker import check
from ..errors import BackendError
from ..kinds import spec_for
from ..models import Draft, DraftOptions, Facts, Finding, Letter
from ..settings import Settings
from ..tokens import cost, count_messages, counter_for
from .calling import CallFailed, Reply, Try, Words, call, parse
from .methods import MethodMemory
from .normalise import normalise
from .offline import compose_one
from .parts import draft_from_parts, parts_from_text
from .prompting import Messages, letter_messages, revision_messages

Progress = Callable[[str], None]


@dataclass
class Attempt:
    """One letter the model gave and what the checker made of it."""

    purpose: str
    method: str
    text: str
    findings: list[Finding]
    prompt_tokens: int
    completion_tokens: int
    estimated_prompt_tokens: int
    latency_ms: float
    draft: Draft | None = None

    def rank(self) -> tuple[int, int]:
        """Order attempts best first: fewer errors, then fewer warnings."""
        errors = sum(f.severity == "error" for f in self.findings)
        return errors, sum(f.severity == "warning" for f in self.findings)


@dataclass
class LetterRun:
    """A letter from the chain, with every try, every checked attempt, usage and timing."""

    letter: Letter | None = None
    attempts: list[Attempt] = field(default_factory=list)
    tries: list[Try] = field(default_factory=list)
    model_ms: float = 0.0
    total_ms: float = 0.0
    cost_usd: float | None = None

    @property
    def calls(self) -> int:
        """Return how many requests went to the model, failed ones included."""
        return len(self.tries)

    @property
    def prompt_tokens(self) -> int:
        """Return the prompt tokens of every try."""
        return sum(t.prompt_tokens for t in self.tries)

    @property
    def completion_tokens(self) -> int:
        """Return the completion tokens of every try."""
        return sum(t.completion_tokens for t in self.tries)

    @property
    def fallback(self) -> bool:
        """Say whether the offline composer wrote the letter."""
        return self.letter is not None and self.letter.backend == "offline"

    @property
    def overhead_ms(self) -> float:
        """Return the chain's own time, excluding time spent waiting on the model."""
        return self.total_ms - self.model_ms


def default_model(
    settings: Settings, http_client: Any = None, temperature: float = 0.3
) -> BaseChatModel:
    """Build the ChatOpenAI client from the settings (retries and deadline are the chain's own).

    `http_client` is the transport seam: the evals pass one that records or replays."""
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        model=settings.model,
        api_key=settings.api_key(),  # type: ignore[arg-type]
        base_url=settings.client_url,
        timeout=settings.timeout,
        max_retries=0,
        temperature=temperature,  # a letter should follow the facts and the form, not wander
        http_client=http_client,
    )


def max_tokens_for(facts: Facts) -> int:
    """Size the reply's token cap to the kind's word band: room for the longest letter and
    its JSON, and no more, so a rambling model stops."""
    most = spec_for(facts.kind).words[facts.channel][1]
    return most * 2 + 200


class Chain:
    """Drafts letters with a chat model, checks each, and revises once when errors remain."""

    def __init__(
        self,
        settings: Settings,
        model: BaseChatModel | None = None,
        method: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
        memory: MethodMemory | None = None,
    ) -> None:
        self.settings = settings
        self.model = model if model is not None else default_model(settings)
        self.memory = memory if memory is not None else MethodMemory(settings.methods_path)
        self.methods = [method] if method else self.memory.order(settings.base_url, settings.model)
        self.sleep = sleep
        self.counter = counter_for(settings.model)

    @property
    def backend(self) -> str:
        """Name the backend as the user sees it."""
        return f"openai:{self.settings.model}"

    def draft(
        self,
        facts: Facts,
        progress: Progress | None = None,
        options: DraftOptions | None = None,
        words: Words | None = None,
    ) -> list[LetterRun]:
        """Draft, check and (once) revise a letter per recipient."""
        return [
            self.draft_one(facts, i, progress, options, words) for i in range(len(facts.recipients))
        ]

    def draft_one(
        self,
        facts: Facts,
        index: int,
        progress: Progress | None = None,
        options: DraftOptions | None = None,
        words: Words | None = None,
        deadline: float = math.inf,
    ) -> LetterRun:
        """Draft one letter within its deadline; fall back to the offline composer when the
        model gives none. `deadline` (time.monotonic) may cut the letter's own time shorter."""
        started = time.monotonic()
        until = min(started + self.settings.timeout, deadline)
        label = f"Letter {index + 1} of {len(facts.recipients)}, to {facts.recipients[index].name}"
        say: Progress = (lambda stage: progress(f"{label}: {stage}")) if progress else _quiet
        notices = [self.counter.note] if self.counter.note else []
        run = LetterRun()
        messages = letter_messages(
            facts, index, self.counter, notices, options, self.settings.outline
        )
        try:
            say("drafting")
            best = self._attempt(facts, index, messages, "draft", run, until, words)
            errors = [f for f in best.findings if f.severity == "error"]
            if errors:
                say("revising")
                assert best.draft is not None
                again = revision_messages(messages, best.draft.text, errors, facts, index)
                best = self._revise(facts, index, again, run, until, words, best, notices)
            assert best.draft is not None
            run.letter = Letter.from_draft(best.draft, best.findings, notices)
        except BackendError as err:
            say("writing it offline")
            notices.append(f"drafted offline: {err}")
            run.letter = _offline(facts, index, options, notices)
        say("done")
        run.cost_usd = (
            cost(self.settings.model, run.prompt_tokens, run.completion_tokens)
            if run.tries
            else None
        )
        run.total_ms = (time.monotonic() - started) * 1000
        return run

    def _revise(
        self,
        facts: Facts,
        index: int,
        messages: Messages,
        run: LetterRun,
        until: float,
        words: Words | None,
        first: Attempt,
        notices: list[str],
    ) -> Attempt:
        """Ask for a revision; keep whichever draft the checker likes better (the first on a
        tie), and the first when the revision does not come or could not come in time."""
        left = until - time.monotonic()
        if left < first.latency_ms / 1000:
            # a revision takes about as long as the draft did; one cut off halfway is wasted
            notices.append(f"not revised: {left:.0f} s were left of {self.settings.timeout:g} s")
            return first
        try:
            second = self._attempt(facts, index, messages, "revision", run, until, words)
        except BackendError as err:
            notices.append(f"not revised: {err}")
            return first
        return min((first, second), key=Attempt.rank)

    def _attempt(
        self,
        facts: Facts,
        index: int,
        messages: Messages,
        purpose: str,
        run: LetterRun,
        until: float,
        words: Words | None,
    ) -> Attempt:
        estimated = count_messages(self.counter, messages)
        reply, tried = self._reply(facts, messages, run, until, words, estimated)
        parts = normalise(reply.parts, facts, index)
        draft = draft_from_parts(facts, index, parts, self.backend)
        report = check(draft.text, facts, draft.kind, subject=draft.subject or "", recipient=index)
        attempt = Attempt(
            purpose=purpose,
            method=tried.method,
            text=draft.text,
            findings=report.findings,
            prompt_tokens=tried.prompt_tokens,
            completion_tokens=tried.completion_tokens,
            estimated_prompt_tokens=estimated,
            latency_ms=tried.latency_ms,
            draft=draft,
        )
        run.attempts.append(attempt)
        return attempt

    def _reply(
        self,
        facts: Facts,
        messages: Messages,
        run: LetterRun,
        until: float,
        words: Words | None,
        estimated: int,
    ) -> tuple[Reply, Try]:
        """Try the output methods in turn, and transient faults again, until a letter comes,
        the tries run out or the deadline passes."""
        retries = self.settings.retries
        while True:
            if time.monotonic() >= until:
                raise BackendError(self._why("ran out of time"))
            tried = Try(self.methods[0], "letter", prompt_tokens=estimated)
            run.tries.append(tried)
            began = time.monotonic()
            try:
                reply = self._one(facts, messages, tried, until, words)
                self.memory.remember(self.settings.base_url, self.settings.model, tried.method)
                return reply, tried
            except CallFailed as fail:
                tried.outcome = fail.reason
                if fail.step == "down" and len(self.methods) > 1:
                    self.methods.pop(0)
                    continue
                if fail.step == "stop" or retries <= 0:
                    raise BackendError(self._why(fail.reason)) from fail
                retries -= 1
                wait = fail.wait if fail.wait is not None else self.settings.backoff
                self.sleep(max(0.0, min(wait, 30.0, until - time.monotonic())))
            finally:
                tried.latency_ms = (time.monotonic() - began) * 1000
                run.model_ms += tried.latency_ms

    def _one(
        self, facts: Facts, messages: Messages, tried: Try, until: float, words: Words | None
    ) -> Reply:
        """Make one try and count what it cost, usable or not."""
        try:
            message, _ = call(
                self.model, messages, tried.method, max_tokens_for(facts), until, words
            )
        except CallFailed as fail:
            tried.completion_tokens = self.counter.count(fail.partial) if fail.partial else 0
            raise
        usage: dict[str, Any] = (
            dict(message.usage_metadata or {}) if isinstance(message, AIMessageChunk) else {}
        )
        if usage.get("input_tokens"):
            tried.prompt_tokens = int(usage["input_tokens"])
        tried.completion_tokens = int(usage.get("output_tokens") or 0) or self.counter.count(
            str(message.content) + str(message.tool_call_chunks)
        )
        return parse(message, tried.method, lambda text: parts_from_text(text, facts))

    def _why(self, reason: str) -> str:
        if reason == "ran out of time":
            return (
                f"the model at {self.settings.base_url} gave no letter within "
                f"{self.settings.timeout:g} s (AFTERWORD_TIMEOUT)"
            )
        return f"the model at {self.settings.base_url} {reason}"


def _offline(facts: Facts, index: int, options: DraftOptions | None, notices: list[str]) -> Letter:
    """Write the letter with the offline composer, checked, when the model gave none."""
    offline = compose_one(facts, index, options=options)
    report = check(
        offline.text, facts, offline.kind, subject=offline.subject or "", recipient=index
    )
    return Letter.from_draft(offline, report.findings, notices)


def _quiet(_stage: str) -> None:
    pass
