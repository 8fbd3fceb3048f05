"""Offsets in a text to lines and columns, and back: the one place they are converted.

A :class:`Lines` is a table of where each line starts, built once per text; each
conversion is then a binary search, so that reporting thousands of problems in a long
one-line file costs no more than in a file of many lines (scanning back for the line's
start, as :meth:`str.rfind` does, is quadratic there).

Examples:
    >>> lines = Lines("ab\\ncd\\n")
    >>> lines.line_col(0), lines.line_col(3), lines.line_col(4)
    ((1, 1), (2, 1), (2, 2))
    >>> lines.offset(2, 2)
    4
    >>> line_col("x\\ny", 2)
    (2, 1)
"""

from __future__ import annotations

import bisect

__all__ = ["Lines", "line_col"]


class Lines:
    """Where each line of a text (str or bytes) starts."""

    __slots__ = ("starts",)

    def __init__(self, text: str | bytes) -> None:
        newline = "\n" if isinstance(text, str) else b"\n"
        starts = [0]
        find = text.find
        at = find(newline)  # type: ignore[arg-type]
        while at >= 0:
            starts.append(at + 1)
            at = find(newline, at + 1)  # type: ignore[arg-type]
        self.starts = starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of ``offset``."""
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def line_start(self, offset: int) -> int:
        """The offset where the line holding ``offset`` starts."""
        return self.starts[bisect.bisect_right(self.starts, offset) - 1]

    def offset(self, line: int, col: int) -> int:
        """The offset of a 1-based line and column (the last line for one past it)."""
        line = min(max(line, 1), len(self.starts))
        return self.starts[line - 1] + col - 1


def line_col(text: str | bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset`` in ``text``, for a single lookup (several
    in one text: build a :class:`Lines` once)."""
    newline = "\n" if isinstance(text, str) else b"\n"
    line = text.count(newline, 0, offset) + 1  # type: ignore[arg-type]
    return line, offset - (text.rfind(newline, 0, offset) + 1) + 1  # type: ignore[arg-type]
