"""How argmap words what it counts and shows text it did not write, in messages and views
alike."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

__all__ = [
    "counted",
    "visible",
    "clipped",
    "spreadsheet_safe",
    "linkable",
    "tree_lines",
    "cells",
    "units",
    "fill",
    "has_wide",
    "json_safe",
]

#: Control characters that would reach a terminal as commands (ESC starts the sequences
#: that move the cursor, write the clipboard or make links; BEL, CR, backspace...): every
#: C0 control but tab and newline, DEL, and the C1 controls; and the bidirectional
#: overrides, embeddings and isolates (U+202A-U+202E, U+2066-U+2069), which make a line
#: read otherwise than it is written (CVE-2021-42574, "Trojan Source").
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]")
#: What a JSON text may hold raw that a terminal would obey (JSON escapes C0 itself).
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _shown(m: re.Match) -> str:
    code = ord(m.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC, ␇ for BEL
    if code == 0x7F:
        return "\u2421"  # ␡
    if code > 0xFF:
        return f"\\u{code:04x}"  # a bidirectional control, named
    return f"\\x{code:02x}"


def json_safe(text: str) -> str:
    r"""A JSON text with DEL, the C1 controls and the bidirectional controls written as
    ``\uXXXX`` escapes: the same JSON to a reader, nothing a terminal obeys when it is
    printed. They can stand only inside strings, where the escape means the character.

    Examples:
        >>> json_safe('{"a": "x\x9by\u202e"}')
        '{"a": "x\\u009by\\u202e"}'
    """
    if not _RAW_IN_JSON.search(text):
        return text
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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
    """At most ``limit`` characters of ``text`` where its words allow, cut between words,
    with an ellipsis when cut: a word is never split (a first word longer than ``limit``
    is kept whole).

    Examples:
        >>> clipped("the quick brown fox", 12)
        'the quick…'
        >>> clipped("short", 12)
        'short'
        >>> clipped("incomprehensibilities abound", 10)
        'incomprehensibilities…'
    """
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > 0:
        cut = cut[:space]
    else:
        after = text.find(" ", limit - 1)
        if after < 0:
            return text
        cut = text[:after]
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


# --- Text laid out in columns -------------------------------------------------------


def cells(text: str) -> int:
    """The columns ``text`` takes on a terminal: a wide character takes two.

    Examples:
        >>> cells("alliance"), cells("日米同盟"), cells("👍 ok")
        (8, 8, 5)
    """
    if text.isascii():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def has_wide(text: str) -> bool:
    """Whether ``text`` holds a character a terminal draws two columns wide."""
    return not text.isascii() and any(_is_wide(ch) for ch in text)


#: Wide marks that close a phrase: a line never starts with one (they stay with the
#: character before them).
_CLOSING = set(
    "、。，．：；？！）」』】〕〉》〙〗〛・ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
)


def _attached(char: str, before: str) -> bool:
    """Whether ``char`` belongs with the character before it: a closing mark, a combining
    mark, a joiner or variation selector, a skin tone, or what a zero-width joiner joins."""
    return (
        char in _CLOSING
        or unicodedata.category(char) in ("Mn", "Me", "Cf")
        or 0x1F3FB <= ord(char) <= 0x1F3FF
        or before.endswith("\u200d")
    )


def units(word: str) -> list[str]:
    """A word's unbreakable units: the word itself, unless it holds wide characters, which
    may be broken between (each with the closing marks after it; runs of narrow
    characters, a Latin word inside Japanese text, say, stay whole).

    Examples:
        >>> units("防衛費は増加。")
        ['防', '衛', '費', 'は', '増', '加。']
        >>> units("alliance")
        ['alliance']
        >>> units("良い👍🏽")
        ['良', 'い', '👍🏽']
    """
    if not has_wide(word):
        return [word]
    found: list[str] = []
    narrow = False  # whether the last unit is a run of narrow characters still growing
    for ch in word:
        if found and _attached(ch, found[-1]):
            found[-1] += ch
        elif _is_wide(ch):
            found.append(ch)
            narrow = False
        elif narrow:
            found[-1] += ch
        else:
            found.append(ch)
            narrow = True
    return found


def fill(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """``textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)``
    with ``first``/``rest`` as its indents, measured in terminal columns (:func:`cells`)
    and breaking wide text between characters (:func:`units`): a Latin word is never cut.

    Examples:
        >>> fill("日本は同盟の将来について最善を望む", 12)
        ['日本は同盟の', '将来について', '最善を望む']
    """
    if not has_wide(text):
        import textwrap

        return textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest,
                             break_long_words=False, break_on_hyphens=False)  # fmt: skip
    lines: list[str] = []
    line, used = first, cells(first)
    empty = True  # nothing but the indent on the line so far
    for word in text.split():
        for k, unit in enumerate(units(word)):
            gap = 1 if k == 0 and not empty else 0
            size = cells(unit)
            if not empty and used + gap + size > width:
                lines.append(line)
                line, used, gap = rest, cells(rest), 0
            line += " " * gap + unit
            used += gap + size
            empty = False
    if not empty:
        lines.append(line)
    return lines
