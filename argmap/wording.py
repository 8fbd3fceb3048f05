"""How argmap words what it counts and shows text it did not write, in messages and views
alike."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["counted", "visible", "clipped", "spreadsheet_safe", "linkable", "tree_lines"]

#: Control characters that would reach a terminal as commands (ESC starts the sequences
#: that move the cursor, write the clipboard or make links; BEL, CR, backspace...): every
#: C0 control but tab and newline, DEL, and the C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def _shown(m: re.Match) -> str:
    code = ord(m.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC, ␇ for BEL
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\\x{code:02x}"


def visible(text: str) -> str:
    r"""``text`` with its control characters made visible and harmless, as a terminal or a
    text file should get text from a map: ESC as ␛, BEL as ␇, C1 controls as ``\x9b``
    (tabs and newlines stay).

    Examples:
        >>> visible("a\x1b]52;c;aGk=\x07b")
        'a␛]52;c;aGk=␇b'
        >>> print(visible("ok\x9b"))
        ok\x9b
    """
    return _CONTROL.sub(_shown, text) if _CONTROL.search(text) else text


def clipped(text: str, limit: int) -> str:
    """At most ``limit`` characters of ``text``, cut at a word where one is near, with an
    ellipsis when cut.

    Examples:
        >>> clipped("the quick brown fox", 12)
        'the quick…'
        >>> clipped("short", 12)
        'short'
    """
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


_NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")


def spreadsheet_safe(cell: str) -> str:
    """A cell of a table written for spreadsheets (TSV), made inert: one that starts with
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be read as a formula, so
    it gets a leading ``'``, which spreadsheets show as nothing (numbers stay numbers).

    Examples:
        >>> print(spreadsheet_safe('=HYPERLINK("http://x")'), spreadsheet_safe("-0.25"))
        '=HYPERLINK("http://x") -0.25
    """
    if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def counted(count: int, word: str) -> str:
    """A number with its noun, singular for one.

    Examples:
        >>> counted(1, "link"), counted(2, "claim"), counted(0, "attack")
        ('1 link', '2 claims', '0 attacks')
    """
    return f"{count} {word}{'s' * (count != 1)}"


def linkable(url: str) -> bool:
    """Whether a map's URL may become a link a reader clicks: ``http``, ``https`` and
    ``mailto`` only (a ``javascript:`` or ``data:`` URL is shown as text, never followed).

    Examples:
        >>> linkable("https://example.org/a"), linkable("JavaScript:alert(1)")
        (True, False)
    """
    scheme, sep, _ = url.strip().partition(":")
    return bool(sep) and scheme.lower() in ("http", "https", "mailto")


def tree_lines(root: Any, lines_of: Any, children_of: Any) -> list[str]:
    """Any tree as plain lines with guides (``├──``, ``│``, ``└──``), the way rich draws
    trees. ``lines_of(node)`` gives a node's text lines; ``children_of(node)`` its children.
    """
    out: list[str] = []

    def draw(node: Any, first: str, rest: str) -> None:
        lines = lines_of(node)
        children = children_of(node)
        out.append(first + lines[0])
        below = rest + ("│   " if children else "    ")
        out.extend(below + extra for extra in lines[1:])
        for i, child in enumerate(children):
            last = i == len(children) - 1
            draw(child, rest + ("└── " if last else "├── "), rest + ("    " if last else "│   "))

    draw(root, "", "")
    return out
