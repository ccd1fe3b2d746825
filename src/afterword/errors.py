"""Afterword's errors: each carries a message a person can act on."""

from __future__ import annotations


class AfterwordError(Exception):
    """Base class: every error Afterword raises on purpose."""

    exit_code = 2


class FactsError(AfterwordError):
    """The facts file cannot be read or does not fit the contract."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{source}: the facts do not fit:\n{lines}")


class MissingFactError(AfterwordError):
    """A letter kind needs a fact the user has not given."""

    def __init__(self, kind: str, missing: list[tuple[str, str]]) -> None:
        self.kind = kind
        self.missing = missing
        lines = "\n".join(f"  - {field}: {why}" for field, why in missing)
        super().__init__(f"a {kind} letter needs facts that are missing:\n{lines}")

    @property
    def fields(self) -> list[str]:
        """Return the dotted names of the missing fields."""
        return [field for field, _ in self.missing]


class InputError(AfterwordError):
    """A file or pasted text cannot be used (missing, too large, not text)."""


class ConfigError(AfterwordError):
    """Settings are wrong; the message says how to fix them."""


class BackendError(AfterwordError):
    """A model backend failed after its retries."""

    exit_code = 1
