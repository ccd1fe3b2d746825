"""A small OpenAI-compatible chat server on 127.0.0.1 for tests: it records every request and
answers from a script (errors, delays, refusals, raw text, broken bodies, silence, a trickle)
or, by default, with a letter made from the facts in the request's <facts> block, shaped to
what was asked for (json_schema content, a function call, or plain text), streamed as
server-sent events when the request asks for a stream."""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Parts = dict[str, Any]


@dataclass
class Reply:
    """One scripted answer."""

    status: int = 200
    body: dict[str, Any] | None = None
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    transform: Callable[[Parts], Parts] | None = None
    content: str | None = None  # raw assistant content, used as it is
    refusal: str | None = None
    raw: bytes | None = None  # the whole HTTP body, sent as it is with `content_type`
    content_type: str = "application/json"
    trickle: float = 0.0  # send the answer a byte at a time, this many seconds apart
    silent: float = 0.0  # send the headers, then nothing for this many seconds


def letter_parts(request: dict[str, Any]) -> Parts:
    """Write the letter the facts in the request ask for, using the offline composer."""
    from afterword.drafting.offline import compose_one
    from afterword.models import Facts

    text = "\n".join(str(m.get("content", "")) for m in request["messages"])
    found = re.search(r"<facts>\n(.*?)\n</facts>", text, re.S)
    assert found, "the prompt has no <facts> block"
    draft = compose_one(Facts.model_validate(json.loads(found.group(1))), 0)
    return {
        "subject": draft.subject,
        "salutation": draft.salutation,
        "paragraphs": draft.paragraphs,
        "closing": draft.closing,
        "signature": draft.signature,
    }


def _prompt(request: dict[str, Any]) -> str:
    return "\n".join(str(m.get("content", "")) for m in request["messages"])


def is_judge(request: dict[str, Any]) -> bool:
    """Say whether a request is the rubric judge's or the pairwise judge's."""
    return bool(re.search(r"^<letter(_1)?>$", _prompt(request), re.M))


def judge_answer(request: dict[str, Any]) -> Parts:
    """Answer a judge's request from simple features of the letters: a canned judge for tests
    and for the committed stand-in recordings, never a verdict on quality."""
    text = _prompt(request)
    if "<letter_1>" in text:
        first = re.search(r"<letter_1>\n(.*?)\n</letter_1>", text, re.S)
        second = re.search(r"<letter_2>\n(.*?)\n</letter_2>", text, re.S)
        assert first and second
        a, b = len(first.group(1).split()), len(second.group(1).split())
        better = 0 if abs(a - b) < 5 else (1 if a < b else 2)
        return {"reason": f"canned: the shorter letter ({a} vs {b} words)", "better": better}
    found = re.search(r"<letter>\n(.*?)\n</letter>", text, re.S)
    assert found, "the judge's prompt has no <letter> block"
    letter = found.group(1)
    words = len(letter.split())
    brief = 5 if words <= 130 else 4 if words <= 190 else 3 if words <= 260 else 2
    pleas = len(re.findall(r"\bplease\b|!|\bdesperate|\bbeg\b|\breally need", letter, re.I))
    scores = {"brief": brief, "confident": max(1, 4 - pleas)}
    answer = {}
    for name in re.findall(r"^- (\w+): ", text, re.M):
        score = scores.get(name, 3)
        answer[name] = {"reason": f"canned: {words} words, {pleas} pleas", "score": score}
    return answer


def parts_text(parts: Parts) -> str:
    """Render parts as a plain-text letter."""
    head = [f"Subject: {parts['subject']}", ""] if parts.get("subject") else []
    body = "\n\n".join(parts["paragraphs"])
    return "\n".join(
        [*head, parts["salutation"], "", body, "", parts["closing"], *parts["signature"]]
    )


class FakeOpenAI:
    """The server: start() it, point OPENAI_BASE_URL at .url, script it with .queue."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.queue: deque[Reply] = deque()
        self.supports = {"json_schema": True, "tools": True}
        self.always: Reply | None = None  # answer every request so when the queue is empty
        self.model = "gpt-4o-mini"
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        """Return the base URL (with /v1)."""
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def start(self) -> FakeOpenAI:
        """Start serving on a free port in a background thread."""
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # without it every call stalls about 40 ms

            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", 0))
                request = json.loads(self.rfile.read(length) or b"{}")
                owner.requests.append(request)
                owner.headers.append({k.lower(): v for k, v in self.headers.items()})
                reply = owner.queue.popleft() if owner.queue else (owner.always or Reply())
                status, body, headers = owner.answer(request, reply)
                kind, data = "application/json", json.dumps(body).encode()
                if reply.raw is not None:
                    kind, data = reply.content_type, reply.raw
                elif status == 200 and request.get("stream"):
                    kind, data = "text/event-stream", _events(body, request)
                with contextlib.suppress(OSError):  # a client that gave up on a slow answer
                    self._send(status, kind, data, headers, reply)

            def _send(
                self, status: int, kind: str, data: bytes, headers: dict[str, str], reply: Reply
            ) -> None:
                self.send_response(status)
                self.send_header("content-type", kind)
                self.send_header("content-length", str(len(data)))
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.flush()
                if reply.silent:
                    time.sleep(reply.silent)
                if not reply.trickle:
                    self.wfile.write(data)
                    return
                for byte in data:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(reply.trickle)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop serving."""
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    def answer(
        self, request: dict[str, Any], reply: Reply
    ) -> tuple[int, dict[str, Any], dict[str, str]]:
        """Answer one request as the reply says, or with a letter from its facts."""
        if reply.delay:
            time.sleep(reply.delay)
        if reply.status != 200:
            body = reply.body or {"error": {"message": "scripted failure", "type": "server_error"}}
            return reply.status, body, reply.headers
        fmt = (request.get("response_format") or {}).get("type")
        if fmt == "json_schema" and not self.supports["json_schema"]:
            return 400, _error("response_format json_schema is not supported"), {}
        if request.get("tools") and not self.supports["tools"]:
            return 400, _error("tools are not supported"), {}
        message: dict[str, Any] = {"role": "assistant", "content": None}
        if reply.refusal is not None:
            message["refusal"] = reply.refusal
        elif reply.content is not None:
            message["content"] = reply.content
        else:
            judged = is_judge(request)
            parts = judge_answer(request) if judged else letter_parts(request)
            if reply.transform:
                parts = reply.transform(parts)
            if request.get("tools"):
                name = request["tools"][0]["function"]["name"]
                call = {"name": name, "arguments": json.dumps(parts)}
                message["tool_calls"] = [{"id": "call_1", "type": "function", "function": call}]
            elif fmt == "json_schema":
                message["content"] = json.dumps(parts)
            else:
                message["content"] = json.dumps(parts) if judged else parts_text(parts)
        prompt_tokens = sum(len(str(m.get("content", "")).split()) for m in request["messages"])
        return (
            200,
            {
                "id": f"chatcmpl-{len(self.requests)}",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": request.get("model", self.model),
                "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
                "usage": {
                    "prompt_tokens": prompt_tokens,
                    "completion_tokens": 150,
                    "total_tokens": prompt_tokens + 150,
                },
            },
            {},
        )


def _events(body: dict[str, Any], request: dict[str, Any]) -> bytes:
    """Turn a whole completion into the server-sent events of a stream, in small pieces."""
    message = body["choices"][0]["message"]
    base = {k: body[k] for k in ("id", "created", "model")} | {"object": "chat.completion.chunk"}

    def event(delta: dict[str, Any], finish: str | None = None) -> str:
        choice = {"index": 0, "delta": delta, "finish_reason": finish}
        return "data: " + json.dumps(base | {"choices": [choice]}) + "\n\n"

    out = [event({"role": "assistant", "content": ""})]
    if message.get("refusal"):
        out.append(event({"refusal": message["refusal"]}))
    for call in message.get("tool_calls") or []:
        head = {"index": 0, "id": call["id"], "type": "function"}
        out.append(event({"tool_calls": [head | {"function": {"name": call["function"]["name"]}}]}))
        for piece in _pieces(call["function"]["arguments"]):
            out.append(event({"tool_calls": [{"index": 0, "function": {"arguments": piece}}]}))
    for piece in _pieces(message.get("content") or ""):
        out.append(event({"content": piece}))
    out.append(event({}, "tool_calls" if message.get("tool_calls") else "stop"))
    if (request.get("stream_options") or {}).get("include_usage"):
        out.append("data: " + json.dumps(base | {"choices": [], "usage": body["usage"]}) + "\n\n")
    out.append("data: [DONE]\n\n")
    return "".join(out).encode()


def _pieces(text: str, size: int = 40) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


def _error(message: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": "invalid_request_error"}}
