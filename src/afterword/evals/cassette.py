"""Record and replay a model's HTTP answers, keyed by a hash of everything that shapes them.

Replay never touches the network: a missing recording is an error naming the request.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import httpx

from ..errors import AfterwordError


class MissingRecording(AfterwordError):
    """Replay found no recording for a request."""


def request_key(request: httpx.Request) -> str:
    """Hash the method, path and JSON body of a request (not its host or headers)."""
    try:
        body: Any = json.loads(request.content or b"null")
    except ValueError:
        body = request.content.decode("utf-8", "replace")
    canonical = json.dumps(
        {"method": request.method, "path": request.url.path, "body": body},
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()[:32]


class RecordingTransport(httpx.BaseTransport):
    """Send requests for real and keep each answer in the cassette folder."""

    def __init__(self, folder: Path, inner: httpx.BaseTransport | None = None) -> None:
        self.folder = folder
        self.inner = inner or httpx.HTTPTransport()
        folder.mkdir(parents=True, exist_ok=True)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Forward the request and record the answer."""
        response = self.inner.handle_request(request)
        content = response.read()
        response.close()
        headers = {"content-type": response.headers.get("content-type", "application/json")}
        record = {
            "status": response.status_code,
            "headers": headers,
            "body": content.decode("utf-8", "replace"),
        }
        (self.folder / f"{request_key(request)}.json").write_text(json.dumps(record, indent=1))
        return httpx.Response(
            response.status_code, headers=headers, content=content, request=request
        )

    def close(self) -> None:
        """Close the real transport underneath."""
        self.inner.close()


class ReplayTransport(httpx.BaseTransport):
    """Answer from the cassette folder only."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Return the recorded answer, or raise MissingRecording."""
        key = request_key(request)
        path = self.folder / f"{key}.json"
        if not path.exists():
            raise MissingRecording(
                f"no recording {key} for {request.method} {request.url.path} in {self.folder}; "
                "run the eval with --mode record first"
            )
        record = json.loads(path.read_text())
        return httpx.Response(
            record["status"],
            headers=record["headers"],
            content=record["body"].encode(),
            request=request,
        )
