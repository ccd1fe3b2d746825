"""Afterword: the letters a job seeker owes after an interview, drafted and checked."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models import Channel, Draft, Facts, Finding, Kind, Letter, Report

__all__ = ["Channel", "Draft", "Facts", "Finding", "Kind", "Letter", "Report"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """Import the models only when asked: `afterword check`'s client must start quickly."""
    if name in __all__:
        from . import models

        return getattr(models, name)
    raise AttributeError(f"module 'afterword' has no attribute {name!r}")
