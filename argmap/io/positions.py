"""Offsets in a text to lines and columns: the one place they are converted.

A :class:`Lines` answers many lookups in one text in about one pass over it; a single
lookup is :func:`line_col`. (Scanning back to the line's start from each offset, as
:meth:`str.rfind` from the file's start does, is quadratic in a long one-line file.)

Examples:
    >>> lines = Lines("ab\\ncd\\n")
    >>> lines.line_col(0), lines.line_col(3), lines.line_col(4)
    ((1, 1), (2, 1), (2, 2))
    >>> line_col("x\\ny", 2)
    (2, 1)
    >>> offset_of("ab\\ncd\\n", 2, 2), offset_of("ab\\ncd\\n", 1, 9), offset_of("ab", 5, 1)
    (4, 2, 2)
"""

from __future__ import annotations

import bisect
from typing import Any

__all__ = ["Lines", "line_col", "offset_of"]


class Lines:
    """Lines and columns of offsets in one text (str or bytes), for many lookups.

    Nothing is built up front: each lookup counts newlines from the nearest place looked
    up before (in C, by :meth:`str.count`), and finds its line's start within that gap
    only, so that many lookups cost about one pass over the text, whether it has two
    million lines (a pretty-printed 40 MB map: no table of them is built) or one (a
    minified map: no scan back to the start of the file for each)."""

    __slots__ = ("text", "newline", "at", "line", "start")

    def __init__(self, text: str | bytes) -> None:
        self.text = text
        self.newline: Any = "\n" if isinstance(text, str) else b"\n"
        #: Places looked up, sorted, with their line and their line's start.
        self.at, self.line, self.start = [0], [1], [0]

    def line_col(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of ``offset``."""
        i = bisect.bisect_right(self.at, offset) - 1
        known = self.at[i]
        newlines = self.text.count(self.newline, known, offset)
        line = self.line[i] + newlines
        start = self.start[i] if not newlines else self.text.rfind(self.newline, known, offset) + 1
        if known != offset:
            self.at.insert(i + 1, offset)
            self.line.insert(i + 1, line)
            self.start.insert(i + 1, start)
        return line, offset - start + 1


def line_col(text: str | bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset`` in ``text``, for a single lookup (several
    in one text: build a :class:`Lines` once)."""
    newline = "\n" if isinstance(text, str) else b"\n"
    line = text.count(newline, 0, offset) + 1  # type: ignore[arg-type]
    return line, offset - (text.rfind(newline, 0, offset) + 1) + 1  # type: ignore[arg-type]


def offset_of(text: str, line: int, col: int) -> int:
    """The offset of a 1-based ``line`` and ``col`` in ``text``: a column past its line's
    end is the line's end, a line past the text's end the text's end."""
    start = 0
    for _ in range(max(line, 1) - 1):
        newline = text.find("\n", start)
        if newline < 0:
            return len(text)
        start = newline + 1
    end = text.find("\n", start)
    return min(start + max(col, 1) - 1, len(text) if end < 0 else end)
