"""Where results go: rich on a terminal, plain text when piped, JSON and ids for tools.

Machine formats are written with plain writes, never through rich (which wraps
lines and reads brackets as markup). Errors go to stderr only.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Any

__all__ = ["Format", "console", "emit_json", "emit_lines", "emit_text", "print_error"]


class Format(StrEnum):
    """Output formats shared by the commands."""

    text = "text"
    json = "json"
    ids = "ids"


def console(*, stderr: bool = False):
    """A rich console for stdout or stderr; colour only on a terminal and without NO_COLOR."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, emoji=False)


def emit_text(renderable: Any, *, wrap: bool = True) -> None:
    """Print a rich renderable to stdout; ``wrap=False`` keeps each line whole (for
    lines meant for grep, such as diagnostics)."""
    console().print(renderable, soft_wrap=not wrap)


def emit_json(data: Any) -> None:
    """Write one JSON document to stdout, UTF-8, stable key order, newline at the end."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def emit_lines(lines: list[str]) -> None:
    """Write plain lines (e.g. ids) to stdout, one per line."""
    if lines:
        sys.stdout.write("\n".join(lines) + "\n")


def print_error(lines: list[str]) -> None:
    """Write error lines to stderr, plainly (no markup, no wrapping)."""
    for line in lines:
        sys.stderr.write(line + "\n")
    sys.stderr.flush()
