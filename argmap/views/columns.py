"""Tables laid out for a terminal or a pipe, never breaking an id or a word.

Columns of ids, kinds, labels and numbers keep their width and never wrap; columns of
prose (a claim's text, a chain, a name) wrap at spaces, and tags wrap after a comma, so an
id or a word is never cut in two and can be copied into the next command. When the width
left for the text would be too narrow, the text goes on lines of its own under its row.
With no width (a pipe, and ``COLUMNS`` unset) each row is one line, for ``grep``.
Widths are the columns a terminal gives the text: a wide character (Chinese, Japanese,
Korean, most emoji) takes two, and a run of them breaks between its characters, as those
scripts are broken (never before a closing mark such as 。 or 」).

Examples:
    >>> rows = [["plan-for-america-first", "conclusion", "us-politics,planning",
    ...          "Prudent planning for Japan's security must take seriously that it stays."]]
    >>> for line in table_lines(["id", "kind", "tags", "text"], rows, 80):
    ...     print(line)
    id                      kind        tags          text
    plan-for-america-first  conclusion  us-politics,  Prudent planning for Japan's
                                        planning      security must take seriously
                                                      that it stays.
    >>> for line in table_lines(["id", "kind", "tags", "text"], rows, 60):
    ...     print(line)
    id                      kind        tags  text
    plan-for-america-first  conclusion  us-politics,planning
        Prudent planning for Japan's security must take
        seriously that it stays.
"""

from __future__ import annotations

import os
import sys

from argmap.wording import cells, fill, units

__all__ = [
    "table_lines",
    "table_layout",
    "output_width",
    "wrapped",
    "wrapped_lines",
    "WRAPPING",
    "TEXT_MIN",
]

#: Columns of prose, which wrap at spaces (the last one takes the room left); every other
#: column keeps its width. ``tags`` wrap after commas.
WRAPPING = {"text", "chain", "name", "value", "measure", "tags", "title", "reason"}
#: The narrowest the last column may be before it goes on lines of its own, and the width
#: the other prose columns narrow to leave it.
TEXT_MIN = 30
TEXT_COMFORT = 40
_GAP = "  "


def output_width() -> int | None:
    """The width to lay text out for: the terminal's on a terminal, ``COLUMNS`` when it is
    set (piped too), else None: no limit (one row a line, as ``grep`` wants)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    isatty = getattr(sys.stdout, "isatty", None)
    if os.environ.get("FORCE_COLOR") or (isatty and isatty()):
        import shutil

        return shutil.get_terminal_size().columns
    return None


def _ljust(text: str, width: int) -> str:
    if text.isascii():
        return text.ljust(width)
    return text + " " * (width - cells(text))


def _pieces(column: str, cell: str) -> list[str]:
    """The unbreakable pieces of a cell: its words (or the characters of wide text), or
    for tags each tag with its comma."""
    if column == "tags" and " " not in cell:
        tags = [t for t in cell.split(",") if t]
        return [t + ("," if i < len(tags) - 1 else "") for i, t in enumerate(tags)]
    if cell.isascii():
        return cell.split()
    return [unit for word in cell.split() for unit in units(word)]


def wrapped(column: str, cell: str, width: int) -> list[str]:
    """A cell as lines of at most ``width`` characters, broken only between its pieces
    (a piece longer than the width stands alone on its line, whole)."""
    if column == "tags" and " " not in cell:
        lines: list[str] = []
        for piece in _pieces(column, cell):
            if lines and cells(lines[-1]) + cells(piece) <= width:
                lines[-1] += piece
            else:
                lines.append(piece)
        return lines or [""]
    return fill(" ".join(cell.split()), width) or [""]


def table_lines(columns: list[str], rows: list[list[str]], width: int | None) -> list[str]:
    """The table as lines of text (header first), laid out for ``width`` (None: one row a
    line, no wrapping)."""
    return [line for _, line in table_layout(columns, rows, width)]


def table_layout(
    columns: list[str], rows: list[list[str]], width: int | None, *, prose: bool = True
) -> list[tuple[int, str]]:
    """:func:`table_lines`, each line with the number of the row it belongs to (-1: the
    header), for a view that styles rows (a label's colour, say). ``prose``: the last
    column is prose, which goes under its row rather than be squeezed narrower than
    :data:`TEXT_MIN`."""
    n = len(columns)
    table = [[" ".join(str(c).split()) for c in row] for row in rows]
    widest = [max([cells(columns[i]), *(cells(r[i]) for r in table)]) for i in range(n)]
    if width is None or n == 1 and widest[0] <= width:
        return list(enumerate(_aligned(columns, table, widest), -1))
    # The last column always wraps (it is the prose); others only if they are prose.
    wraps = [i == n - 1 or (columns[i].split() or [""])[0] in WRAPPING for i in range(n)]
    # The narrowest each wrapping column may be: its longest piece (never cut).
    least = [
        max([cells(columns[i]), *(cells(p) for r in table for p in _pieces(columns[i], r[i]))])
        if wraps[i]
        else widest[i]
        for i in range(n)
    ]
    widths = list(widest)
    room = width - len(_GAP) * (n - 1)
    # The text should get a comfortable width: the other prose columns (tags, a measure's
    # name) give way first, the widest first, never below their longest piece.
    wanted = min(widest[-1], max(TEXT_COMFORT if prose else 0, least[-1]))
    while room - sum(widths[:-1]) < wanted:
        narrowable = [i for i in range(n - 1) if wraps[i] and widths[i] > least[i]]
        if not narrowable:
            break
        widest_one = max(narrowable, key=lambda i: widths[i])
        widths[widest_one] -= 1
    last = room - sum(widths[:-1])
    if last >= min(widest[-1], max(TEXT_MIN if prose else 0, least[-1])):
        widths[-1] = min(widest[-1], last)
        return _wrapped_rows(columns, table, widths, wraps)
    if n == 1:
        # One column, too narrow even for its longest word: the words go on lines of their
        # own, whole (the terminal folds what is wider than itself; nothing is cut).
        widths[-1] = max(1, width)
        return _wrapped_rows(columns, table, widths, wraps)
    # Too narrow for the text beside the rest: each row's text on lines of its own, under
    # its other cells (laid out as a table of their own, for the same width).
    head = table_layout(columns[:-1], [r[:-1] for r in table], width, prose=False)
    titles = [x for r, x in head if r < 0]
    header = titles[0] + _GAP + columns[-1]
    lines = [(-1, x) for x in titles]
    if cells(header) <= width and len(titles) == 1:
        lines = [(-1, header)]
    else:
        lines += [(-1, "    " + x) for x in wrapped(columns[-1], columns[-1], max(width - 4, 1))]
    by_row: dict[int, list[str]] = {}
    for r, x in head:
        if r >= 0:
            by_row.setdefault(r, []).append(x)
    for k, row in enumerate(table):
        lines += [(k, x) for x in by_row.get(k, [])]
        if row[-1]:  # an empty cell leaves no blank line
            lines += [(k, "    " + x) for x in wrapped(columns[-1], row[-1], max(width - 4, 1))]
    return lines


def _aligned(columns: list[str], table: list[list[str]], widest: list[int]) -> list[str]:
    out = []
    for row in [columns, *table]:
        parts = [_ljust(c, w) for c, w in zip(row[:-1], widest, strict=False)]
        out.append(_GAP.join([*parts, row[-1]]).rstrip())
    return out


def _wrapped_rows(
    columns: list[str], table: list[list[str]], widths: list[int], wraps: list[bool]
) -> list[tuple[int, str]]:
    out = [(-1, _GAP.join(_ljust(c, w) for c, w in zip(columns, widths, strict=True)).rstrip())]
    for r, row in enumerate(table):
        parts = [wrapped(columns[i], c, widths[i]) if wraps[i] else [c] for i, c in enumerate(row)]
        height = max(len(p) for p in parts)
        for k in range(height):
            line = _GAP.join(
                _ljust(p[k] if k < len(p) else "", w) for p, w in zip(parts, widths, strict=True)
            )
            out.append((r, line.rstrip()))
    return out


def wrapped_lines(lines: list[str], width: int | None) -> list[str]:
    """Report lines laid out for ``width`` (None: as they are): a long line wraps at
    spaces, its continuation indented two more than the line, no word ever cut.

    Examples:
        >>> wrapped_lines(["  open: a question that goes on"], 20)
        ['  open: a question', '    that goes on']
    """
    if width is None:
        return lines
    out = []
    for line in lines:
        if cells(line) <= width:
            out.append(line)
            continue
        indent = len(line) - len(line.lstrip(" "))
        out += fill(line[indent:], width, " " * indent, " " * (indent + 2)) or [line]
    return out
