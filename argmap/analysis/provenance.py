"""Quotes checked against their source texts: where each stands, and the closest passage
when it is not there. (How much of a source a map draws on: :mod:`argmap.analysis.coverage`.)

A source may name a local copy of its text (``path:``, relative to the map). A claim's
quote must occur in that text. Matching forgives what copying text from a page changes
without changing the words: runs of white space and line breaks, typographic quotes and
apostrophes, dashes and hyphens, non-breaking spaces, and letter case. Anything else is a
miss, reported with the closest passage of the source and its similarity.

Paragraphs: in a text with one paragraph per line (as saved from a web page), each
non-empty line; in a hard-wrapped text, each block of lines between blank lines.

Examples:
    >>> text = SourceText("It said: “the alliance must continue” — and more.\\n")
    >>> hit = text.find('the alliance  must\\ncontinue')
    >>> (hit.paragraph, hit.start, text.text[hit.start:hit.end])
    (1, 10, 'the alliance must continue')
    >>> text.find("the alliance should continue") is None
    True
    >>> near = text.closest("the alliance should continue")
    >>> near.passage, round(near.similarity, 2)
    ('the alliance must continue', 0.82)
"""

from __future__ import annotations

import difflib
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.errors import OutsideProject

__all__ = [
    "normalize",
    "split_header",
    "SourceText",
    "Hit",
    "Near",
    "load_source",
    "ARGUMENTATIVE_WORDS",
    "QuoteCheck",
    "check_quotes",
    "Passage",
    "find_passage",
    "require_source",
    "quote_positions",
]

#: The largest source text read to check quotes (a book is a few MiB).
MAX_SOURCE_BYTES = 64 * 2**20

#: The most words of a quote that the search for the closest passage compares.
CLOSEST_WORDS = 60
#: How many alignments of a missing quote are compared character by character (the most
#: promising, by the quote's words they hold).
CLOSEST_CANDIDATES = 40

#: Paragraphs shorter than this (headings, bylines, captions) are not argumentative.
ARGUMENTATIVE_WORDS = 12

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
    }
)


_EDGE_PUNCTUATION = "\"'“”‘’«»()[]{}—–-,.;: "


def normalize(text: str, base: int = 0) -> tuple[str, Sequence[int]]:
    """Text folded for matching, and for each folded character its offset in ``text``
    (plus ``base``), as a compact array of machine integers.

    Quotes, dashes and spaces are made plain, case is folded, every run of white space
    becomes one space (none at either end), and an editor's square brackets are dropped
    (their words kept), as a quotation marks its own changes: ``.[S]tates`` reads as
    ``.states``.

    The text is folded whole and walked a word at a time (a 10 MB text is checked in
    about 10 times its size, where a string and an integer object a character took 66);
    a text whose folding makes some character two (``ß``: ``ss``) is walked a character
    at a time (:func:`_normalize_by_character`), with the same result.
    """
    from array import array

    plain = text.translate(_FOLD)
    folded = plain.casefold()
    if len(folded) != len(plain):
        return _normalize_by_character(plain, base)
    import io

    out = io.StringIO()  # written into one buffer: no string object a word kept alive
    wrote = False
    where = array("I" if len(text) + base < 2**32 else "Q")
    for m in _WORD_RUN.finditer(folded):
        a, b = m.span()
        word = m.group()
        if "[" in word or "]" in word:  # an editor's brackets: their letters kept
            pieces = [(a + k.start(), a + k.end()) for k in _NOT_BRACKET.finditer(word)]
        else:
            pieces = [(a, b)]
        for k, (x, y) in enumerate(pieces):
            if k == 0 and wrote:
                out.write(" ")
                where.append(x - 1 + base)
            out.write(folded[x:y])
            where.extend(range(x + base, y + base))
            wrote = True
    return out.getvalue(), where


_WORD_RUN = re.compile(r"\S+")
_NOT_BRACKET = re.compile(r"[^\[\]]+")


def _normalize_by_character(plain: str, base: int) -> tuple[str, Sequence[int]]:
    """:func:`normalize` of a text whose quotes, dashes and spaces are made plain
    already, a character at a time (a character's folding may give several)."""
    from array import array

    out: list[str] = []
    where = array("I" if len(plain) + base < 2**32 else "Q")
    pending_space = False
    for i, ch in enumerate(plain, base):
        if ch.isspace():
            pending_space = bool(out)
            continue
        if ch in "[]":  # an editor's brackets: "[S]tates" matches "states", and the reverse
            continue
        if pending_space:
            out.append(" ")
            where.append(i - 1)
            pending_space = False
        for part in ch.casefold():
            out.append(part)
            where.append(i)
    return "".join(out), where


@dataclass(frozen=True)
class Hit:
    """Where a quote stands: paragraph number (from 1) and character offsets in the text."""

    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class Near:
    """The passage of a source most like a quote that is not in it."""

    passage: str
    similarity: float
    paragraph: int


_FIELD_LINE = re.compile(r"(?P<key>[A-Za-z][A-Za-z ]{0,24}):[ \t]+(?P<value>\S.*)")
#: Header keys, as people write them, and the source field each fills.
HEADER_FIELDS = {
    "title": "title",
    "headline": "title",
    "author": "author",
    "authors": "author",
    "by": "author",
    "byline": "author",
    "date": "date",
    "published": "date",
    "url": "url",
    "address": "url",
    "link": "url",
    "source": "url",
}


_URL_LINE = re.compile(r"(?:https?://|www\.)\S+")


def split_header(text: str) -> tuple[dict[str, str], int]:
    r"""A header block at the top of a source text, and where the text proper starts.

    A header is what people save above an article: the page's address alone on the first
    line (a header of its own, which may head one of the others); front matter between
    two ``---`` lines at the very top; or ``Key: value`` lines at the top (``Title:``, ``Author:``,
    ``Date:``, ``URL:``...), ended by a blank line or a ``---`` line; or a few short lines
    above a ``---`` line near the top. Its ``Key: value`` lines give the source's fields
    (title, author, date, url). No header: ``({}, 0)``.

    Examples:
        >>> split_header("Title: Open the port\nAuthor: A. Writer\n\nThe port...")
        ({'title': 'Open the port', 'author': 'A. Writer'}, 40)
        >>> split_header("The port should open.\n\nIt would.")
        ({}, 0)
        >>> split_header("https://example.org/port\n\nThe port...")
        ({'url': 'https://example.org/port'}, 26)
    """
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)

    def fields(block: list[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for line in block:
            m = _FIELD_LINE.fullmatch(line.strip())
            if m is None:
                continue
            key = HEADER_FIELDS.get(m.group("key").strip().lower())
            if key and key not in out:
                out[key] = m.group("value").strip().strip('"')
        return out

    if lines and _URL_LINE.fullmatch(lines[0].strip()) and len(lines) > 1:
        # The page's address saved above the article: a header of its own.
        rest_fields, rest = split_header("\n".join(lines[1:]).lstrip("\n"))
        skipped = len(text) - len("\n".join(lines[1:]).lstrip("\n"))
        return {"url": lines[0].strip(), **rest_fields}, min(skipped + rest, len(text))
    if lines and lines[0].strip() == "---":  # front matter
        for k in range(1, min(len(lines), 40)):
            if lines[k].strip() == "---":
                return fields(lines[1:k]), min(offsets[k + 1], len(text))
        return {}, 0
    k = 0
    while k < len(lines) and k < 20 and _FIELD_LINE.fullmatch(lines[k].strip()):
        k += 1
    if k and (k == len(lines) or not lines[k].strip() or lines[k].strip() == "---"):
        found = fields(lines[:k])
        if found:
            skip = k + 1 if k < len(lines) else k
            return found, min(offsets[skip], len(text))
    for k in range(1, min(len(lines), 12)):  # short lines above a rule
        if lines[k].strip() == "---":
            if all(len(x) < 120 for x in lines[:k]):
                return fields(lines[:k]), min(offsets[k + 1], len(text))
            break
    return {}, 0


#: A quote's ellipsis: words left out between two parts, each found in turn.
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")
#: How far apart the parts of a quote with an ellipsis may stand (characters).
ELLIPSIS_SPAN = 600


class SourceText:
    """A source's text, ready for quotes to be looked up in it. A header block at its top
    (:func:`split_header`: the title, author and date people save with an article) is not
    searched and not counted among the paragraphs."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.header, self.body_start = split_header(text)
        folded, offsets = normalize(text[self.body_start :], self.body_start)
        self.folded = folded
        self.offsets = offsets
        self.paragraphs = [
            (a + self.body_start, b + self.body_start)
            for a, b in _paragraphs(text[self.body_start :])
        ]

    def paragraph_at(self, offset: int) -> int:
        """The number (from 1) of the paragraph holding character ``offset``."""
        for number, (start, end) in enumerate(self.paragraphs, 1):
            if start <= offset < end:
                return number
        return len(self.paragraphs)

    def find(self, quote: str) -> Hit | None:
        """Where ``quote`` stands, forgiving spacing, quotes, dashes, case, an editor's
        brackets, and words left out at an ellipsis (``...`` or ``…``)."""
        hits = self._spans(quote, first=True)
        return hits[0] if hits else None

    def find_all(self, quote: str) -> list[Hit]:
        """Every place ``quote`` stands (a text may repeat a passage, as pull-quotes do)."""
        return self._spans(quote)

    def _bracketed(self, start: int, end: int) -> tuple[int, int]:
        """A span widened over an editor's bracket it cuts in two (``[T]he``, not
        ``T]he``)."""
        text = self.text
        while start > self.body_start and text[start - 1] == "[":
            start -= 1
        while (
            end < len(text)
            and text[end] == "]"
            and (text.count("[", start, end) > text.count("]", start, end))
        ):
            end += 1
        return start, end

    def _spans(self, quote: str, *, first: bool = False) -> list[Hit]:
        needle, _ = normalize(quote)
        parts = [p for p in _ELLIPSIS.split(needle) if p]
        hits: list[Hit] = []
        at = self.folded.find(parts[0]) if parts else -1
        while at >= 0:
            end_at = at + len(parts[0])
            for part in parts[1:]:  # each next part after the last, not far from it
                found = self.folded.find(part, end_at, end_at + ELLIPSIS_SPAN + len(part))
                if found < 0:
                    end_at = -1
                    break
                end_at = found + len(part)
            if end_at > 0:
                start, end = self._bracketed(self.offsets[at], self.offsets[end_at - 1] + 1)
                hits.append(Hit(self.paragraph_at(start), start, end))
                if first:
                    break
            at = self.folded.find(parts[0], at + 1)
        return hits

    def closest(self, quote: str) -> Near:
        """The passage most like ``quote`` (as many words long), with its similarity 0..1.

        Only passages that share a rare word of the quote, aligned on it, are weighed
        (a sample of the text when none does), so a long text and many missing quotes
        stay quick: the search grows with the text, not with text times quote."""
        needle, _ = normalize(quote)
        # A very long quote is placed by its first words: comparing passages thousands of
        # words long costs seconds each.
        needle = " ".join(needle.split()[:CLOSEST_WORDS])
        words = self._word_starts()
        width = max(1, len(needle.split()))
        best = (0.0, 0, 0)
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(needle)
        # Weigh every alignment cheaply first (the quote's words it holds), then compare
        # characters only for the most promising: a text of a few common words and many
        # missing quotes stay quick.
        number = self._vocabulary
        wanted = Counter(number[w] for w in needle.split() if w in number)
        texts = self._words

        def overlap(k: int) -> int:
            return sum((Counter(texts[k : k + width]) & wanted).values())

        aligned = self._alignments(needle.split(), len(words))
        if len(aligned) > CLOSEST_CANDIDATES:
            scored = sorted(aligned, key=lambda k: (-overlap(k), k))
            aligned = sorted(scored[:CLOSEST_CANDIDATES])
        for k in aligned:
            start = words[k]
            end_word = min(k + width, len(words)) - 1
            end = self.folded.find(" ", words[end_word])
            end = len(self.folded) if end < 0 else end
            matcher.set_seq1(self.folded[start:end])
            if matcher.real_quick_ratio() <= best[0] or matcher.quick_ratio() <= best[0]:
                continue
            ratio = matcher.ratio()
            if ratio > best[0]:
                best = (ratio, start, end)
        ratio, start, end = best
        if end <= start:
            return Near("", 0.0, 0)
        a, b = self.offsets[start], self.offsets[end - 1] + 1
        passage = " ".join(self.text[a:b].split()).strip(_EDGE_PUNCTUATION)
        return Near(passage, ratio, self.paragraph_at(a))

    def _word_starts(self) -> Sequence[int]:
        if not hasattr(self, "_starts"):
            from array import array

            # Compact: word starts and each place of a word as machine integers, the words
            # as numbers of a vocabulary (a 10 MB text: about 25 MB, not 170).
            self._starts = array("I" if len(self.folded) < 2**32 else "Q")
            self._where: dict[str, Any] = {}
            self._vocabulary: dict[str, int] = {}
            self._words = array("I")
            for k, m in enumerate(_WORD_RUN.finditer(self.folded)):
                word = m.group()
                self._starts.append(m.start())
                places = self._where.get(word)
                if places is None:
                    places = self._where[word] = array("I")
                    self._vocabulary[word] = len(self._vocabulary)
                places.append(k)
                self._words.append(self._vocabulary[word])
        return self._starts

    def _alignments(self, quote_words: list[str], count: int, most: int = 400) -> list[int]:
        """Word positions where a passage like the quote could start: aligned on the
        quote's rarest words found in the text; an even sample when none is found."""
        found = sorted(
            (len(self._where[w]), i, w) for i, w in enumerate(quote_words) if w in self._where
        )
        starts: set[int] = set()
        for _, i, w in found[:4]:
            starts.update(max(0, k - i) for k in self._where[w])
            if len(starts) >= most:
                break
        if not starts:
            step = max(1, count // most)
            starts = set(range(0, count, step))
        return sorted(starts)[: most * 2]

    def argumentative(self) -> list[int]:
        """The numbers of the paragraphs long enough to argue something."""
        return [
            n
            for n, (start, end) in enumerate(self.paragraphs, 1)
            if len(self.text[start:end].split()) >= ARGUMENTATIVE_WORDS
        ]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*", text) if m.end() > m.start()]
    content = [(s, e) for s, e in lines if text[s:e].strip()]
    if not content:
        return []
    # Hard-wrapped prose has short lines that run on into the next one; one paragraph a
    # line has long lines. Decide by the typical line.
    lengths = sorted(e - s for s, e in content)
    wrapped = lengths[len(lengths) // 2] < 100 and re.search(r"\S\n\S", text) is not None
    if not wrapped:
        return content
    blocks = []
    for m in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        blocks.append((m.start(), m.end()))
    return blocks


def load_source(files: Any, source_path: str) -> tuple[Path, SourceText]:
    """A source text a map names, through the map's reader of the files it names
    (``doc.files``, :class:`argmap.io.files.NamedFiles`: relative to the map, inside its
    project only). A map made in memory (``files`` None) names no text it could read.

    Raises:
        OSError: the file cannot be read (FileNotFoundError: it is not there;
            OutsideProject: it lies outside the project; NotRegularFile: a pipe, say).
        UnicodeDecodeError: it is not UTF-8 text.
    """
    if files is None:
        raise FileNotFoundError(source_path)
    path, data = files.read(source_path, max_bytes=MAX_SOURCE_BYTES)
    return path, SourceText(data.decode("utf-8"))


@dataclass
class QuoteCheck:
    """Where each quote of a map stands in its source, and what is wrong.

    ``problems`` holds one ``source_absent`` note for each source whose text is not
    there: its quotes are left unchecked, never reported as missing.
    """

    hits: dict[str, Hit]
    problems: list  # Diagnostic
    sources: dict[str, Path]
    #: Each claim whose ``¶N`` locator names another paragraph than its quote's: the
    #: paragraph the quote stands in.
    misplaced: dict[str, int] = field(default_factory=dict)
    #: The texts read, by source id (a source whose text could not be read is not here).
    texts: dict[str, SourceText] = field(default_factory=dict)

    @property
    def absent(self) -> list:
        """What is said of each source whose text is not there (``source_absent``, or
        ``source_withheld`` for a text withheld on purpose), one per source."""
        return [d for d in self.problems if d.code in ("source_absent", "source_withheld")]


def check_quotes(doc) -> QuoteCheck:
    """Look up every quote whose source names a local text; report misses, unreadable
    sources, and ``¶N`` locators that disagree with where the quote stands."""
    from argmap.errors import Diagnostic

    m = doc.model
    texts: dict[str, SourceText | None] = {}
    paths: dict[str, Path] = {}
    problems = []
    for i, s in enumerate(m.sources):
        if s.path is None:
            continue
        try:
            paths[s.id], texts[s.id] = load_source(doc.files, s.path)
        except FileNotFoundError:
            texts[s.id] = None
            problems.append(absent_note(doc, i))
        except OutsideProject as exc:
            texts[s.id] = None
            if s.withheld:
                # The map says its text is not with it; where it lies outside the project,
                # only the person running argmap can let it be read (the hint says how).
                problems.append(
                    Diagnostic(
                        "source_withheld",
                        "note",
                        f"source {s.id!r}: its text is withheld ({s.withheld}) and "
                        f"{s.path!r} lies {exc.strerror}, so its quotes went unchecked",
                        doc.locate(("sources", i, "path")),
                        hint=exc.hint,
                    )
                )
                continue
            problems.append(
                Diagnostic(
                    "path_outside",
                    "error",
                    f"source {s.id!r}: {s.path!r} lies {exc.strerror}, so argmap does not read it",
                    doc.locate(("sources", i, "path")),
                    hint=exc.hint,
                )
            )
        except (OSError, UnicodeDecodeError) as exc:
            texts[s.id] = None
            reason = (
                "not UTF-8 text"
                if isinstance(exc, UnicodeDecodeError)
                else (exc.strerror or str(exc))
            )
            problems.append(
                Diagnostic(
                    "source_unreadable",
                    "error",
                    f"source {s.id!r}: cannot read {s.path!r} ({reason})",
                    doc.locate(("sources", i, "path")),
                )
            )
    hits: dict[str, Hit] = {}
    misplaced: dict[str, int] = {}
    for i, c in enumerate(m.claims):
        text = texts.get(c.source) if c.source else None
        if c.quote is None or text is None:
            continue
        hit = text.find(c.quote)
        if hit is None:
            near = text.closest(c.quote)
            problems.append(
                Diagnostic(
                    "quote_not_found",
                    "error",
                    f"claim {c.id!r}: quote {_short(c.quote)!r} is not in source {c.source!r}; "
                    f"closest passage (¶{near.paragraph}, {near.similarity:.0%} alike): "
                    f"{_echo(near.passage, c.quote)!r}",
                    doc.locate(("claims", i, "quote")),
                    claim=c.id,
                )
            )
            continue
        hits[c.id] = hit
        stated = stated_paragraph(c.locator)
        if stated is not None and stated != hit.paragraph:
            misplaced[c.id] = hit.paragraph
            problems.append(
                Diagnostic(
                    "locator_mismatch",
                    "warning",
                    f"claim {c.id!r}: locator says ¶{stated}, the quote stands in ¶{hit.paragraph}",
                    doc.locate(("claims", i, "locator")),
                    claim=c.id,
                )
            )
    read = {source: text for source, text in texts.items() if text is not None}
    return QuoteCheck(hits, _shifted(doc, hits, problems), paths, misplaced, read)


def stated_paragraph(locator: str | None) -> int | None:
    """The paragraph a ``¶N`` locator names (None: it is no such locator).

    >>> stated_paragraph(" ¶ 12 "), stated_paragraph("p. 3")
    (12, None)
    """
    stated = _PARAGRAPH_LOCATOR.fullmatch(locator or "")
    return int(stated.group(1)) if stated else None


_PARAGRAPH_LOCATOR = re.compile(r"\s*¶\s*(\d+)\s*")


def _shifted(doc, hits: dict[str, Hit], problems: list) -> list:
    """The problems with a source's ``locator_mismatch`` warnings folded into one where
    every ``¶N`` locator of that source (three or more) is off by the same count: the text
    counts its paragraphs otherwise than the mapper did (a line of address or title above
    the article, say), which one line says better than one warning a claim."""
    from argmap.errors import Diagnostic

    by_source: dict[str, list] = {}
    claims = {c.id: (i, c) for i, c in enumerate(doc.model.claims)}
    for d in problems:
        if d.code == "locator_mismatch" and d.claim in claims:
            by_source.setdefault(claims[d.claim][1].source, []).append(d)
    out = list(problems)
    for source, found in by_source.items():
        stated = {c.id: stated_paragraph(c.locator) for c in doc.model.claims
                  if c.source == source and c.id in hits}  # fmt: skip
        located = {i: n for i, n in stated.items() if n is not None}
        shifts = {n - hits[i].paragraph for i, n in located.items()}
        if len(found) < 3 or len(found) != len(located) or len(shifts) != 1:
            continue
        shift = shifts.pop()
        first = claims[found[0].claim][0]
        out = [d for d in out if d not in found]
        out.append(Diagnostic(
            "locator_mismatch", "warning",
            f"source {source!r}: all {len(found)} ¶N locators are off by {shift:+d} (they "
            f"count {abs(shift)} paragraph{'s' * (abs(shift) != 1)} "
            f"{'more' if shift > 0 else 'fewer'} than its text: a header line above it?)",
            doc.locate(("claims", first, "locator")),
            hint="argmap fmt MAP --fix sets each to the paragraph its quote stands in",
        ))  # fmt: skip
    return out


@dataclass(frozen=True)
class Passage:
    """Words found in a source's text: the passage as the text has it (its spacing
    folded), its paragraph, its character offsets, and a ``¶N`` locator for it."""

    text: str
    paragraph: int
    start: int
    end: int

    @property
    def locator(self) -> str:
        return f"¶{self.paragraph}"


def require_source(doc, source_id: str):
    """The map's source ``source_id``.

    Raises:
        UsageError: there is none; the hint names a close id, or how to add it.
    """
    from argmap.errors import UsageError, did_you_mean

    for source in doc.model.sources:
        if source.id == source_id:
            return source
    raise UsageError(
        f"no source {source_id!r} in {doc.name}",
        hint=did_you_mean(source_id, [s.id for s in doc.model.sources])
        or f"add it first: argmap source add {doc.name} --id {source_id} --title TITLE",
    )


def find_passage(doc, source_id: str, words: str, *, locator: str | None = None):
    """Look ``words`` up in the text of source ``source_id``, with the same forgiving
    matcher as ``validate`` (spacing, quotes, dashes, case): what a person types, found
    as the source writes it.

    Returns:
        the :class:`Passage`, or None when the source names no text or its text is not
        there (the words then stay as given, unchecked).

    Raises:
        UsageError: no such source; the words stand nowhere (the closest passage is
            named) or in several places and ``locator`` (``¶N``) picks none of them.
    """
    from argmap.errors import UsageError

    source = require_source(doc, source_id)
    if source.path is None:
        return None
    try:
        _, text = load_source(doc.files, source.path)
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"source {source_id!r}: cannot read {source.path!r} ({exc})") from None
    hits = text.find_all(words)
    if not hits:
        near = text.closest(words)
        raise UsageError(
            f"{_short(words)!r} is not in source {source_id!r}",
            hint=f"closest passage (¶{near.paragraph}, {near.similarity:.0%} alike): "
            f"{_echo(near.passage, words)!r}",
        )
    stated = stated_paragraph(locator)
    if len(hits) > 1 and stated is not None:
        hits = [h for h in hits if h.paragraph == stated] or hits
    if len(hits) > 1:
        places = ", ".join(f"¶{h.paragraph} (characters {h.start}–{h.end})" for h in hits)
        raise UsageError(
            f"{_short(words)!r} stands in {len(hits)} places in source {source_id!r}: {places}",
            hint="add words to tell them apart, or choose one with --locator ¶N",
        )
    hit = hits[0]
    # Words the text has, as it has them; a quote that leaves words out (an ellipsis)
    # keeps its ellipsis, as the person wrote it.
    shown = text.text[hit.start : hit.end] if not _ELLIPSIS.search(words) else words
    return Passage(" ".join(shown.split()), hit.paragraph, hit.start, hit.end)


def absent_note(doc, index: int):
    """What to say of the map's source number ``index``, whose text is not there: a
    ``source_absent`` warning (its quotes go unchecked: ``--strict`` fails), or, for a
    source the map says is withheld on purpose, a ``source_withheld`` note."""
    from argmap.errors import Diagnostic

    s = doc.model.sources[index]
    quoting = sum(1 for c in doc.model.claims if c.source == s.id and c.quote)
    unchecked = f"{quoting} quote{'s' * (quoting != 1)}" if quoting else "its quotes"
    tried = doc.path.parent / s.path if doc.path is not None else Path(s.path)
    where = doc.locate(("sources", index, "path"))
    if s.withheld:
        return Diagnostic(
            "source_withheld",
            "note",
            f"source {s.id!r}: its text is withheld ({s.withheld}) and not at {s.path!r}, "
            f"so {unchecked} went unchecked",
            where,
        )
    return Diagnostic(
        "source_absent",
        "warning",
        f"source {s.id!r}: no text at {os.path.normpath(tried)}, so {unchecked} went unchecked",
        where,
        hint="put the text there, or say why it is not with withheld: REASON on the source",
    )


def _echo(passage: str, quote: str) -> str:
    """As much of a source's passage as a message may show beside a quote: no more than
    the quote itself needs (its length and a few characters, at most 90), control
    characters made visible. The map's author chooses the quote, so this bounds what a
    map can make argmap print of any text."""
    from argmap.wording import clipped, visible

    return visible(clipped(passage, min(90, len(quote) + 12)))


def _short(text: str, limit: int = 90) -> str:
    from argmap.wording import clipped

    return clipped(" ".join(text.split()), limit)


def quote_positions(doc) -> tuple[dict[str, str], list]:
    """For each quote with a local source text, where it stands, in words: ``source,
    ¶N, characters A-B``, or that it was not found; and the ``source_absent`` notes of
    the sources whose text is not there."""
    check = check_quotes(doc)
    out = {}
    for c in doc.model.claims:
        if c.quote is None or c.source not in check.sources:
            continue
        hit = check.hits.get(c.id)
        if hit is None:
            out[c.id] = f"{c.source}: NOT FOUND in the source text"
        else:
            out[c.id] = f"{c.source}, ¶{hit.paragraph}, characters {hit.start}–{hit.end}"
    return out, check.absent
