"""Token counts (tiktoken) before a prompt is sent, the notes budget, and estimated cost."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

# USD per million tokens (input, output), from OpenAI's published prices.
PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "o4-mini": (1.10, 4.40),
}
NOTES_BUDGET = 600  # tokens of pasted interview notes sent to the model


@dataclass(frozen=True)
class Counter:
    """Counts tokens for a model; `exact` is False when it is an approximation."""

    encoding: Any
    exact: bool
    note: str | None

    def count(self, text: str) -> int:
        """Count the tokens in a text."""
        if self.encoding is None:
            return max(1, (len(text) + 3) // 4)
        return len(self.encoding.encode(text, disallowed_special=()))

    def trim(self, text: str, budget: int) -> str:
        """Cut a text to at most `budget` tokens."""
        if self.encoding is None:
            return text[: budget * 4]
        return str(self.encoding.decode(self.encoding.encode(text, disallowed_special=())[:budget]))


@cache
def counter_for(model: str) -> Counter:
    """Return a token counter for the model, falling back to an estimate, never failing."""
    try:
        import tiktoken
    except ImportError:  # pragma: no cover - tiktoken is a dependency
        return Counter(None, False, "token counts are estimates (tiktoken is not installed)")
    try:
        return Counter(tiktoken.encoding_for_model(model), True, None)
    except KeyError:
        name, note = "o200k_base", f"token counts for {model} approximate it with o200k_base"
    except Exception:  # a failed download of the encoding table
        name, note = "o200k_base", None
    try:
        return Counter(tiktoken.get_encoding(name), False, note)
    except Exception:
        return Counter(
            None, False, "token counts are estimates: no tiktoken encoding could be loaded"
        )


def count_messages(counter: Counter, messages: list[tuple[str, str]]) -> int:
    """Count a chat prompt's tokens (about 4 per message of framing, 3 to prime the reply)."""
    return sum(counter.count(content) + 4 for _, content in messages) + 3


def cost(model: str, prompt_tokens: int, completion_tokens: int) -> float | None:
    """Estimate the cost in USD, or None for a model not in the price table."""
    price = PRICES.get(model)
    if price is None:
        return None
    return (prompt_tokens * price[0] + completion_tokens * price[1]) / 1_000_000
