"""Which output method works for a server and model, remembered beside the history.

A server that ignores or refuses json_schema costs a wasted call (15-45 s on a laptop CPU) for
every letter; once a method has given a letter, the next letter starts with it. The file is a
convenience: when it cannot be read or written, the chain simply starts from the top.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .calling import METHODS


class MethodMemory:
    """A small JSON map from "base URL model" to the output method that last worked."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def order(self, base_url: str, model: str) -> list[str]:
        """Return the methods to try, the one that last worked first, then the ones after it."""
        known = self._read().get(_key(base_url, model))
        return list(METHODS[METHODS.index(known) :]) if known in METHODS else list(METHODS)

    def remember(self, base_url: str, model: str, method: str) -> None:
        """Keep the method that gave a letter (base_url is the shown URL, never credentials)."""
        if self.path is None:
            return
        data = self._read()
        if data.get(_key(base_url, model)) == method:
            return
        data[_key(base_url, model)] = method
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_name(self.path.name + ".tmp")
            partial.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
            os.replace(partial, self.path)
        except OSError:
            pass  # a memory that cannot be written only costs a probe next time

    def _read(self) -> dict[str, str]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {str(k): str(v) for k, v in data.items()}


def _key(base_url: str, model: str) -> str:
    return f"{base_url} {model}"
