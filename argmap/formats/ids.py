"""Ids for argmap maps made from other tools' names and titles (Argdown titles,
Carneades statement ids): slugs, and a maker of unique ones.

Examples:
    >>> slug("Statement 1"), slug("Natürlichkeit"), slug("p.support.c", dots=True)
    ('Statement-1', 'Naturlichkeit', 'p.support.c')
    >>> unique = UniqueIds()
    >>> unique("A b"), unique("A-b"), unique("A b")
    ('A-b', 'A-b-2', 'A-b-3')
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["slug", "UniqueIds"]

#: Ids are capped below the format's 200 characters, leaving room for a "-N" suffix.
_CAP = 190
_PLAIN = re.compile(r"(?:[A-Za-z0-9][A-Za-z0-9_-]{0,98}:)?[A-Za-z0-9][A-Za-z0-9_-]{0,89}")
_PLAIN_DOTS = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,189}")
_NOT_ID = re.compile(r"[^A-Za-z0-9_-]+")
_NOT_ID_DOTS = re.compile(r"[^A-Za-z0-9_.-]+")


def slug(text: str, *, dots: bool = False) -> str:
    """An id from a name: ASCII letters (accents dropped), digits, '-' and '_' (and '.',
    for link ids, with ``dots``); 'x' when nothing is left. An id that is one already
    (``panda:hedge``, a claim of a used map, included) is kept."""
    if (_PLAIN_DOTS if dots else _PLAIN).fullmatch(text):
        return text
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = (_NOT_ID_DOTS if dots else _NOT_ID).sub("-", text).strip("-_.")
    return (s or "x")[:_CAP]


class UniqueIds:
    """Slugs that are unique among those it made: a repeat gets "-2", "-3", ..."""

    def __init__(self, *, dots: bool = False) -> None:
        self.used: set[str] = set()
        self.dots = dots

    def __call__(self, name: str) -> str:
        base = slug(name, dots=self.dots)
        out, k = base, 2
        while out in self.used:
            out, k = f"{base}-{k}", k + 1
        self.used.add(out)
        return out
