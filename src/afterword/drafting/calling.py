"""One call to the chat model with one output method, streamed, inside the letter's deadline.

The call runs in a worker thread that hands each streamed chunk to the caller's thread through
a queue, so the deadline holds however the server behaves (silent, or sending a byte now and
then), and the words can be shown where they are being written (Streamlit draws only from its
own thread). Whatever the server sends, a failure comes back as one CallFailed.
"""

from __future__ import annotations

import json
import queue
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import openai
import pydantic
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessageChunk, BaseMessageChunk
from langchain_core.utils.json import parse_partial_json

from ..checker.lexicon import phrases_regex
from ..errors import AfterwordError
from .parts import LetterParts
from .prompting import Messages

Words = Callable[[str], None]
METHODS = ("json_schema", "function_calling", "text")
_PLAIN = (
    "\n\nReply with the letter only, as plain text: a 'Subject:' line (email only), the "
    "greeting, the paragraphs separated by blank lines, the sign-off and the signature."
)


@dataclass
class Try:
    """One request to the model, whatever came of it."""

    method: str
    outcome: str  # "letter", or why it was not one
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_ms: float = 0.0


class CallFailed(Exception):
    """A try gave no usable letter. `step` says what to do next: `down` to the next output
    method, `retry` the same one after `wait` seconds, or `stop` (fall back now)."""

    def __init__(
        self, reason: str, step: str, wait: float | None = None, partial: str = ""
    ) -> None:
        super().__init__(reason)
        self.reason, self.step, self.wait, self.partial = reason, step, wait, partial


@dataclass
class Reply:
    """What one try produced."""

    parts: LetterParts
    text: str  # the model's reply as it came, for the revision conversation


def call(
    model: BaseChatModel,
    messages: Messages,
    method: str,
    max_tokens: int,
    deadline: float,
    words: Words | None,
    schema: type[pydantic.BaseModel] = LetterParts,
) -> tuple[AIMessageChunk, float]:
    """Stream one reply; return it and the seconds it took. Raise CallFailed on any fault.

    `schema` is the structured output asked for: a letter's parts, or a judge's scores."""
    runnable, prompt, kwargs = _request(model, messages, method, max_tokens, schema)
    chunks: queue.Queue[tuple[str, Any]] = queue.Queue()
    stop = threading.Event()

    def work() -> None:
        try:
            for chunk in runnable.stream(prompt, **kwargs):
                chunks.put(("chunk", chunk))
                if stop.is_set():
                    return  # the letter's time is up; leaving closes the response
            chunks.put(("done", None))
        except Exception as err:
            chunks.put(("error", err))

    began = time.monotonic()
    threading.Thread(target=work, daemon=True, name="afterword-model-call").start()
    message: BaseMessageChunk | None = None
    shown = 0.0
    while True:
        try:
            what, item = chunks.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            stop.set()
            partial = str(message.content) if message is not None else ""
            raise CallFailed("ran out of time", "stop", partial=partial) from None
        if what == "error":
            raise _raised(item)
        if what == "done":
            break
        message = item if message is None else message + item
        if words and time.monotonic() - shown > 0.2:
            shown = time.monotonic()
            words(readable(message, method))
    if not isinstance(message, AIMessageChunk):
        raise CallFailed("sent an empty reply (not a chat completion stream)", "down")
    if words:
        words(readable(message, method))
    return message, time.monotonic() - began


def _request(
    model: BaseChatModel,
    messages: Messages,
    method: str,
    max_tokens: int,
    schema: type[pydantic.BaseModel],
) -> tuple[Any, Messages, dict[str, Any]]:
    """Return what to stream for an output method: the runnable, the prompt and its options."""
    # max_tokens, not the newer max_completion_tokens langchain would send: every
    # OpenAI-compatible server (llama.cpp, Ollama, vLLM, LM Studio) reads this one
    body: dict[str, Any] = {"max_tokens": max_tokens}
    kwargs: dict[str, Any] = {"extra_body": body, "stream_usage": True}
    if method == "json_schema":
        shape = {"name": schema.__name__, "schema": json_schema(schema)}
        # in the body, so the client streams it plainly instead of through its beta parser
        body["response_format"] = {"type": "json_schema", "json_schema": shape}
    elif method == "function_calling":
        return model.bind_tools([schema], tool_choice=schema.__name__), messages, kwargs
    else:
        plain = _PLAIN if schema is LetterParts else _plain_json(schema)
        return model, [*messages[:-1], (messages[-1][0], messages[-1][1] + plain)], kwargs
    return model, messages, kwargs


@cache
def json_schema(schema: type[pydantic.BaseModel]) -> dict[str, Any]:
    """Return a model's JSON schema, built once (pydantic takes about 2 ms each time)."""
    return schema.model_json_schema()


def _plain_json(schema: type[pydantic.BaseModel]) -> str:
    """Ask a server without structured output for the JSON object in plain text."""
    shape = json.dumps(json_schema(schema), ensure_ascii=False)
    return f"\n\nReply with one JSON object only, no other text, matching this JSON schema: {shape}"


def structured(
    message: AIMessageChunk, method: str, schema: type[pydantic.BaseModel]
) -> pydantic.BaseModel:
    """Read a reply into `schema`, whichever output method carried it; raise CallFailed when
    it does not fit (the next method may do better)."""
    if (message.additional_kwargs or {}).get("refusal"):
        raise CallFailed("refused to answer", "stop")
    if method == "function_calling":
        if not message.tool_calls:
            raise CallFailed("answered without calling the function", "down")
        text = json.dumps(message.tool_calls[0]["args"], ensure_ascii=False)
    else:
        text = message.content if isinstance(message.content, str) else str(message.content)
    found = re.search(r"\{.*\}", _unfenced(text), re.S)  # a plain answer may wrap it in prose
    try:
        return schema.model_validate_json(found.group(0) if found else text)
    except (ValueError, pydantic.ValidationError) as err:
        raise CallFailed(f"returned output that did not fit {schema.__name__}", "down") from err


def _raised(err: BaseException) -> BaseException:
    """Return what to raise for an error in the worker: our own errors as they are (a replay
    miss from the evals' transport), every other fault as a CallFailed."""
    if isinstance(err, AfterwordError):
        return err
    if isinstance(err.__cause__, AfterwordError):
        return err.__cause__
    failed = _failure(err)
    failed.__cause__ = err
    return failed


def parse(message: AIMessageChunk, method: str, to_parts: Callable[[str], LetterParts]) -> Reply:
    """Read the reply into letter parts; raise CallFailed when it is not a letter."""
    refusal = (message.additional_kwargs or {}).get("refusal")
    text = message.content if isinstance(message.content, str) else str(message.content)
    if method == "function_calling":
        calls = message.tool_calls
        if not calls:
            raise CallFailed("answered without calling the letter function", "down")
        text = json.dumps(calls[0]["args"], ensure_ascii=False)
    if refusal:
        raise CallFailed("refused to write the letter", "stop")
    if not text.strip():
        raise CallFailed("sent an empty reply", "down")
    try:
        parts = (
            to_parts(text) if method == "text" else LetterParts.model_validate_json(_unfenced(text))
        )
    except (ValueError, pydantic.ValidationError) as err:
        raise CallFailed("returned output that was not a letter", "down") from err
    body = " ".join(parts.paragraphs)
    if phrases_regex("mechanics", "refusal").search(body):
        raise CallFailed("refused to write the letter", "stop")
    return Reply(parts, text)


def _unfenced(text: str) -> str:
    """Return JSON a server wrapped in a ```json fence, as it is otherwise."""
    found = re.fullmatch(r"\s*```(?:json)?\s*\n(.*?)\n?```\s*", text, re.S)
    return found.group(1) if found else text


def readable(message: BaseMessageChunk, method: str) -> str:
    """Return the letter written so far as a person would read it, from a partial reply."""
    if method == "function_calling":
        pieces = getattr(message, "tool_call_chunks", None) or []
        raw = "".join(str(c.get("args") or "") for c in pieces)
    else:
        raw = message.content if isinstance(message.content, str) else ""
        if method == "text":
            return raw
    data = parse_partial_json(raw) if raw.strip() else None
    if not isinstance(data, dict):
        return ""
    lines = [str(data.get("salutation") or "")]
    lines += [str(p) for p in data.get("paragraphs") or []]
    lines += [str(data.get("closing") or ""), *[str(s) for s in data.get("signature") or []]]
    return "\n\n".join(line for line in lines if line)


def _failure(err: BaseException) -> CallFailed:
    """Say what a fault means for the next try."""
    if isinstance(err, openai.APIStatusError):
        code = err.status_code
        if code in (401, 403):
            return CallFailed(f"rejected the API key ({code}); check OPENAI_API_KEY", "stop")
        if code == 404:
            return CallFailed("returned 404; check OPENAI_BASE_URL (it often ends in /v1)", "stop")
        if code in (400, 422):
            return CallFailed(f"returned {code}", "down")  # a method it does not support
        if code == 429 or code >= 500:
            return CallFailed(f"returned {code}", "retry", _retry_after(err))
        return CallFailed(f"returned {code}", "stop")
    if isinstance(err, openai.APITimeoutError):
        return CallFailed("ran out of time", "stop")
    if isinstance(err, openai.APIConnectionError):
        return CallFailed("could not be reached", "retry")
    # Anything else is a reply the client could not read: an HTML page, no choices, bad JSON.
    return CallFailed(
        f"sent a reply that was not a chat completion ({type(err).__name__})", "retry"
    )


def _retry_after(err: openai.APIStatusError) -> float | None:
    value = err.response.headers.get("retry-after") if err.response is not None else None
    try:
        return float(value) if value else None
    except ValueError:
        return None
