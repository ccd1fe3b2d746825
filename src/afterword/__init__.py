"""Afterword: the letters a job seeker owes after an interview, drafted and checked."""

from .models import Channel, Draft, Facts, Finding, Kind, Letter, Report

__all__ = ["Channel", "Draft", "Facts", "Finding", "Kind", "Letter", "Report"]
__version__ = "0.1.0"
