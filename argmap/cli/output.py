"""Where results go: rich on a terminal, plain text when piped, JSON and ids for tools.

Rich is imported only when stdout is a terminal (or FORCE_COLOR is set); piped text
is written plainly, so it is exact for grep and cheap to produce. Machine formats
never go through rich (which wraps lines and reads brackets as markup). Errors go
to stderr only.
"""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from typing import Any

__all__ = [
    "Format",
    "is_terminal",
    "emit_json",
    "emit_lines",
    "emit_rich",
    "emit_segments",
    "print_error",
]


class Format(StrEnum):
    """Output formats shared by the commands."""

    text = "text"
    json = "json"
    ids = "ids"


def is_terminal() -> bool:
    """Whether stdout is a terminal that gets rich output (FORCE_COLOR forces it)."""
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(sys.stdout, "isatty", None)
    return bool(isatty and isatty())


def emit_rich(renderable: Any, *, wrap: bool = True) -> None:
    """Print a rich renderable to stdout (colour unless NO_COLOR); ``wrap=False`` keeps
    each line whole."""
    from rich.console import Console

    Console(highlight=False, emoji=False).print(renderable, soft_wrap=not wrap)


def emit_segments(lines: list[list[tuple[str, str | None]]]) -> None:
    """Styled lines: coloured on a terminal, plain text otherwise. Lines are never wrapped."""
    from argmap.render import plain, styled

    if is_terminal():
        from rich.text import Text

        emit_rich(Text("\n").join(styled(line) for line in lines), wrap=False)
    else:
        emit_lines([plain(line) for line in lines])


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
