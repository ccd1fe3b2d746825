"""The LLM chain: prompt -> chat model -> structured output -> checker -> one revision at most.

Failures (timeouts, rate limits, server errors, malformed output, refusals) are retried a few
times with backoff; after that the letter is drafted offline and the user is told why.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import openai
import pydantic
from langchain_core.exceptions import OutputParserException
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage
from langchain_core.runnables import RunnableLambda

from ..checker import check
from ..checker.lexicon import phrases_regex
from ..errors import AfterwordError, BackendError
from ..models import Draft, DraftOptions, Facts, Finding, Letter
from ..settings import Settings
from ..tokens import cost, count_messages, counter_for
from .offline import compose_one
from .parts import LetterParts, draft_from_parts, parts_from_text
from .prompting import Messages, letter_messages, revision_messages

Progress = Callable[[str], None]
METHODS = ("json_schema", "function_calling", "text")
_PLAIN = (
    "\n\nReply with the letter only, as plain text: a 'Subject:' line (email only), the "
    "greeting, the paragraphs separated by blank lines, the sign-off and the signature."
)


class ModelOutputError(Exception):
    """The model answered, but not with a usable letter (malformed output or a refusal)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Attempt:
    """One call to the model and what the checker made of its letter."""

    purpose: str
    method: str
    text: str
    findings: list[Finding]
    prompt_tokens: int
    completion_tokens: int
    estimated_prompt_tokens: int
    latency_ms: float


@dataclass
class LetterRun:
    """A letter from the chain, with every attempt, usage and timing."""

    letter: Letter | None = None
    attempts: list[Attempt] = field(default_factory=list)
    model_ms: float = 0.0
    total_ms: float = 0.0
    cost_usd: float | None = None

    @property
    def calls(self) -> int:
        """Return how many model calls produced a letter."""
        return len(self.attempts)

    @property
    def overhead_ms(self) -> float:
        """Return the chain's own time, excluding time spent waiting on the model."""
        return self.total_ms - self.model_ms


def default_model(settings: Settings, http_client: Any = None) -> BaseChatModel:
    """Build the ChatOpenAI client from the settings (retries are the chain's own).

    `http_client` is the transport seam: the evals pass one that records or replays."""
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        model=settings.model,
        api_key=settings.api_key(),  # type: ignore[arg-type]
        base_url=settings.base_url,
        timeout=settings.timeout,
        max_retries=0,
        http_client=http_client,
    )


class Chain:
    """Drafts letters with a chat model, checks each, and revises once when errors remain."""

    def __init__(
        self,
        settings: Settings,
        model: BaseChatModel | None = None,
        method: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.model = model if model is not None else default_model(settings)
        self.methods = [method] if method else list(METHODS)
        self.sleep = sleep
        self.counter = counter_for(settings.model)

    @property
    def backend(self) -> str:
        """Name the backend as the user sees it."""
        return f"openai:{self.settings.model}"

    def draft(
        self, facts: Facts, progress: Progress | None = None, options: DraftOptions | None = None
    ) -> list[LetterRun]:
        """Draft, check and (once) revise a letter per recipient."""
        return [self.draft_one(facts, i, progress, options) for i in range(len(facts.recipients))]

    def draft_one(
        self,
        facts: Facts,
        index: int,
        progress: Progress | None = None,
        options: DraftOptions | None = None,
    ) -> LetterRun:
        """Draft one letter; fall back to the offline composer when the model fails."""
        say = progress or (lambda _stage: None)
        started = time.perf_counter()
        notices: list[str] = []
        if self.counter.note:
            notices.append(self.counter.note)
        run = LetterRun()
        messages = letter_messages(facts, index, self.counter, notices, options)
        try:
            say("drafting")
            draft, attempt = self._attempt(facts, index, messages, "draft", run)
            say("checking")
            run.attempts.append(attempt)
            if any(f.severity == "error" for f in attempt.findings):
                say("revising")
                errors = [f for f in attempt.findings if f.severity == "error"]
                again = revision_messages(messages, draft.text, errors)
                draft, attempt = self._attempt(facts, index, again, "revision", run)
                say("checking")
                run.attempts.append(attempt)
            run.letter = Letter.from_draft(draft, attempt.findings, notices)
        except BackendError as err:
            notices.append(f"drafted offline: {err}")
            offline = compose_one(facts, index, options=options)
            say("checking")
            report = check(
                offline.text, facts, offline.kind, subject=offline.subject or "", recipient=index
            )
            run.letter = Letter.from_draft(offline, report.findings, notices)
        prompt = sum(a.prompt_tokens for a in run.attempts)
        completion = sum(a.completion_tokens for a in run.attempts)
        run.cost_usd = cost(self.settings.model, prompt, completion) if run.attempts else None
        run.total_ms = (time.perf_counter() - started) * 1000
        return run

    def _attempt(
        self, facts: Facts, index: int, messages: Messages, purpose: str, run: LetterRun
    ) -> tuple[Draft, Attempt]:
        estimated = count_messages(self.counter, messages)
        began = time.perf_counter()
        parts, raw, method = self._call_with_retries(facts, messages, run)
        latency = (time.perf_counter() - began) * 1000
        draft = draft_from_parts(facts, index, parts, self.backend)
        report = check(draft.text, facts, draft.kind, subject=draft.subject or "", recipient=index)
        usage = getattr(raw, "usage_metadata", None) or {}
        return draft, Attempt(
            purpose=purpose,
            method=method,
            text=draft.text,
            findings=report.findings,
            prompt_tokens=int(usage.get("input_tokens", 0)),
            completion_tokens=int(usage.get("output_tokens", 0)),
            estimated_prompt_tokens=estimated,
            latency_ms=latency,
        )

    def _call_with_retries(
        self, facts: Facts, messages: Messages, run: LetterRun
    ) -> tuple[LetterParts, AIMessage | None, str]:
        tries = self.settings.retries + 1
        last = ""
        for n in range(tries):
            began = time.perf_counter()
            try:
                return self._call(facts, messages)
            except openai.APIStatusError as err:
                if err.status_code in (401, 403):
                    raise BackendError(
                        f"the model at {self.settings.base_url} rejected the API key "
                        f"({err.status_code}); check OPENAI_API_KEY"
                    ) from err
                if err.status_code < 500 and err.status_code != 429:
                    raise BackendError(
                        f"the model at {self.settings.base_url} returned {err.status_code}"
                    ) from err
                last = f"returned {err.status_code}"
                wait = _retry_after(err) or self.settings.backoff * 2**n
            except openai.APITimeoutError:
                last = f"timed out after {self.settings.timeout:g} s"
                wait = self.settings.backoff * 2**n
            except openai.APIConnectionError as err:
                if isinstance(err.__cause__, AfterwordError):
                    raise err.__cause__ from err  # our own transport said no (a replay miss)
                last = "could not be reached"
                wait = self.settings.backoff * 2**n
            except ModelOutputError as err:
                last = err.reason
                wait = self.settings.backoff * 2**n
            finally:
                run.model_ms += (time.perf_counter() - began) * 1000
            if n + 1 < tries:
                self.sleep(min(wait, 30.0))
        raise BackendError(f"the model at {self.settings.base_url} {last}")

    def _call(self, facts: Facts, messages: Messages) -> tuple[LetterParts, AIMessage | None, str]:
        """Call the model with the first output method the server supports."""
        while len(self.methods) > 1:
            try:
                return self._call_method(facts, messages, self.methods[0])
            except (openai.BadRequestError, openai.UnprocessableEntityError):
                self.methods.pop(0)  # the server does not support this method; try the next
        return self._call_method(facts, messages, self.methods[0])

    def _call_method(
        self, facts: Facts, messages: Messages, method: str
    ) -> tuple[LetterParts, AIMessage | None, str]:
        if method == "text":
            prompt = [*messages[:-1], (messages[-1][0], messages[-1][1] + _PLAIN)]
            raw = (RunnableLambda(lambda m: m) | self.model).invoke(prompt)
            assert isinstance(raw, AIMessage)
            text = raw.content if isinstance(raw.content, str) else str(raw.content)
            _raise_if_refusal(text, raw)
            try:
                return parts_from_text(text, facts), raw, method
            except ValueError as err:
                raise ModelOutputError("returned a reply that was not a letter") from err
        structured = self.model.with_structured_output(LetterParts, method=method, include_raw=True)
        try:
            out: dict[str, Any] = (RunnableLambda(lambda m: m) | structured).invoke(messages)  # type: ignore[assignment]
        except (pydantic.ValidationError, ValueError, OutputParserException) as err:
            raise ModelOutputError("returned output that was not a letter") from err
        raw_msg = out.get("raw")
        parsed = out.get("parsed")
        if isinstance(parsed, LetterParts):
            _raise_if_refusal(" ".join(parsed.paragraphs), raw_msg)
            return parsed, raw_msg, method
        content = raw_msg.content if isinstance(raw_msg, AIMessage) else ""
        _raise_if_refusal(content if isinstance(content, str) else "", raw_msg)
        raise ModelOutputError("returned output that was not a letter")


def _raise_if_refusal(text: str, raw: object) -> None:
    kwargs = getattr(raw, "additional_kwargs", {}) or {}
    if kwargs.get("refusal") or phrases_regex("mechanics", "refusal").search(text or ""):
        raise ModelOutputError("refused to write the letter")


def _retry_after(err: openai.APIStatusError) -> float | None:
    value = err.response.headers.get("retry-after") if err.response is not None else None
    try:
        return float(value) if value else None
    except ValueError:
        return None
