"""Ids made for a map: from other tools' names and titles (Argdown titles, Carneades
statement ids, AIF nodes), from a claim's first words, cut to what the format allows,
and unique among those made.

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

__all__ = ["slug", "fit", "from_words", "UniqueIds"]

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


def fit(ident: str, limit: int = 200) -> str:
    """An id cut to what a map allows (200 characters for claims and groups, 500 for
    links): a longer one keeps its start and a short hash of the whole, so that it stays
    unique and the same on every import."""
    if len(ident) <= limit:
        return ident
    import hashlib

    return f"{ident[: limit - 9]}-{hashlib.sha1(ident.encode()).hexdigest()[:8]}"


#: The most characters an id made from words takes (an id holds 200; "-N" may follow).
ID_ROOM = 60


def from_words(text: str, taken: set[str] | frozenset[str] = frozenset(), words: int = 6) -> str:
    """An id made from a claim's first words, unique among ``taken``.

    Examples:
        >>> from_words("Japan must prepare for the worst, now!")
        'japan-must-prepare-for-the-worst'
        >>> from_words("Japan must", {"japan-must"})
        'japan-must-2'
        >>> len(from_words("x" * 500))
        60
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = ascii_text.replace("'", "")  # "Japan's" -> "japans", not "japan-s"
    parts = re.findall(r"[a-z0-9]+", ascii_text.lower())[:words] or ["claim"]
    # An id holds at most 200 characters, room left for a "-N" that keeps it unique: a
    # word of hundreds of letters is cut.
    base = "-".join(parts)[:ID_ROOM].rstrip("-") or "claim"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
