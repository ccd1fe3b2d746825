"""Text on its way to a terminal: control and direction-changing characters are shown, not obeyed.

A name in a facts file, a pasted offer or a model's reply may hold an escape sequence
("\\u001b[2J" clears the screen) or a right-to-left override that makes text read backwards.
Each such character is written as a \\uXXXX escape: visible, harmless, and still valid inside
a JSON string, so the same helper serves plain and --json output.
"""

from __future__ import annotations

import re

import typer

# C0 controls but tab and newline, DEL, C1 controls, and the bidi marks, embeddings and isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe(text: str) -> str:
    """Return text with every character a terminal would act on written as a \\uXXXX escape."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def echo(message: str = "", *, err: bool = False) -> None:
    """Print a line for a person at a terminal, escaping what a terminal would obey."""
    typer.echo(safe(message), err=err)
