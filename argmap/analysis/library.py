"""A library of maps, as one: what of a map is indexed (its claims, located, with the
map's verdict on each, and its links with their ends located across the maps it uses),
how claims are told to be the same across maps, and the answers of ``argmap library``.

Identity across maps is seen, not guessed, in three tiers, each named in the answer:

- **same quote**: the same words quoted (spaces, case and punctuation aside) from the same
  source (its URL, else its title), or, a source named by neither, the same words quoted;
- **quote within**: a quote of the same source that holds the other (the same passage
  quoted longer or shorter), scored by the shorter's share of the longer;
- **same text**: the same wording of the claim (spaces, case and punctuation aside);
- **wording**: claims whose words say the same, scored 0-1: the Dice overlap of their
  content words (Snowball-stemmed, stop words left out), each weighed by how rare it is in
  the library (IDF), and the words of the debate's topic (the maps' titles) weighed at a
  fifth, since every claim of a debate uses them; the best of a claim's candidates raised
  by how far it stands out from the next (:func:`stood_out`: a match no other candidate
  comes near is likelier the same claim). A score, never a merge: which claims are shown
  is decided by the wording alone. On IBM's ArgKP-2021 test split (arguments to key
  points, official scorer), this scores mAP 0.608 strict and 0.753 relaxed (the wording
  alone: 0.586 and 0.728; ``bench/argkp.py``).

Examples:
    >>> normalise("  The Alliance — is *ballast*! ")
    'the alliance is ballast'
    >>> content_words("The United States is retrenching from Asia's alliances")
    ['unit', 'state', 'retrench', 'asia', 'allianc']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import Field

from argmap.model.answers import Label, Record, Relation

if TYPE_CHECKING:
    from argmap.io.library_store import ClaimRow, HeldRow, LinkRow

__all__ = [
    "normalise",
    "content_words",
    "source_key",
    "rows_of",
    "wording_score",
    "stood_out",
    "LibraryClaim",
    "Indexed",
    "Found",
    "FindAnswer",
    "Same",
    "SameAnswer",
    "Arguer",
    "Verdict",
    "WhoAnswer",
]

_WORD = re.compile(r"\w+", re.UNICODE)

#: Words too common to tell claims apart.
_STOP = """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers him his how i if in into
    is it its itself just me more most my no nor not now of off on once only or other
    our ours out over own same she should so some such than that the their theirs them
    then there these they this those through to too under until up very was we were what
    when where which while who whom why will with would you your yours
"""
STOP_WORDS = frozenset(_STOP.split())


def normalise(text: str) -> str:
    """Text as compared for sameness: Unicode-normalised, lower case, words only."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORD.findall(text))


def _stemmer() -> Any:
    global _STEMMER
    if _STEMMER is None:
        import snowballstemmer

        _STEMMER = snowballstemmer.stemmer("english")
    return _STEMMER


_STEMMER: Any = None
#: Each word's stem, as found (words repeat: most are stemmed once).
_STEMS: dict[str, str] = {}


def content_words(text: str) -> list[str]:
    """The stemmed words of a text that carry its content (stop words and numbers left out),
    in order, each once."""
    out: dict[str, None] = {}
    for w in normalise(text).split():
        if len(w) > 1 and w not in STOP_WORDS and not w.isdigit():
            stem = _STEMS.get(w)
            if stem is None:
                if len(_STEMS) > 200_000:  # a bound on the memory a huge library takes
                    _STEMS.clear()
                stem = _STEMS[w] = _stemmer().stemWord(w)
            out[stem] = None
    return list(out)


def source_key(source: Any) -> str | None:
    """What names a source across maps: its URL (scheme and trailing slash aside), else
    its title (normalised); None when it has neither."""
    if source is None:
        return None
    url = (getattr(source, "url", None) or "").strip()
    if url:
        return re.sub(r"^[a-z]+://(www\.)?", "", url.casefold()).rstrip("/")
    title = getattr(source, "title", None)
    return f"title:{normalise(title)}" if title else None


def rows_of(
    doc: Any,
    file: str,
    used: dict[str, str],
    verdicts: Mapping[str, tuple[str, float | None]] | None,
) -> tuple[list[ClaimRow], list[LinkRow], list[HeldRow]]:
    """What the library indexes of a map read from ``file``: its own claims (a used map's
    claims are that map's), its links, each end located (a claim id of a used map,
    ``panda:x``, is claim ``x`` of the file ``used`` gives for ``panda``), and its verdicts
    on the used maps' claims (a debate weighs them anew)."""
    from argmap.io.library_store import ClaimRow, HeldRow, LinkRow

    model = doc.model
    sources = {s.id: s for s in model.sources}
    prefixes = sorted(used, key=len, reverse=True)

    def located(ident: str) -> tuple[str, str]:
        for prefix in prefixes:
            if ident.startswith(prefix + ":"):
                return used[prefix], ident[len(prefix) + 1 :]
        return file, ident

    claims: list[ClaimRow] = []
    held: list[HeldRow] = []
    for c in model.claims:
        label, strength = (verdicts or {}).get(c.id, (None, None))
        home, own_id = located(c.id)
        if home != file:
            held.append(HeldRow(file, home, own_id, label, strength))
            continue
        quote = c.quote or None
        key = source_key(sources.get(c.source)) if c.source else None
        claims.append(ClaimRow(
            file=file, id=c.id, kind=c.kind.value, text=c.text, quote=quote, source=key,
            locator=c.locator, label=label, strength=strength, norm=normalise(c.text),
            quote_norm=(f"{key}|{normalise(quote)}" if key else f"|{normalise(quote)}")
            if quote else None,
        ))  # fmt: skip
    links: list[LinkRow] = []
    for lk in model.all_links():
        if located(lk.source)[0] != file and located(lk.target)[0] != file:
            continue  # a link of a used map: that map's
        source_file, source = located(lk.source)
        undercut = lk.kind.value == "undercut"
        target_file, target = (file, lk.target) if undercut else located(lk.target)
        links.append(LinkRow(
            file=file, id=lk.id or "", kind=lk.kind.value, source_file=source_file,
            source=source, target_file=target_file, target=target,
            undercuts=lk.target if undercut else None,
        ))  # fmt: skip
    return claims, links, held


#: How much a word of the debate's topic counts, against another word as rare.
TOPIC_WEIGHT = 0.2


def wording_score(
    a: str, b: str, idf: dict[str, float], topic: frozenset[str] | set[str] = frozenset()
) -> float:
    """How alike two claims' wordings are, 0-1: the Dice overlap of their content words,
    each weighed by its ``idf`` (1 where unknown), the words of ``topic`` (content words)
    at :data:`TOPIC_WEIGHT` of that (see the module's description).

    Examples:
        >>> wording_score("Vaccines protect children", "Children are protected by vaccines", {})
        1.0
        >>> wording_score("Vaccines protect children", "Vaccines are expensive", {})
        0.4
    """
    wa, wb = set(content_words(a)), set(content_words(b))

    def weight(w: str) -> float:
        return idf.get(w, 1.0) * (TOPIC_WEIGHT if w in topic else 1.0)

    total = sum(map(weight, wa)) + sum(map(weight, wb))
    return round(2 * sum(map(weight, wa & wb)) / total, 4) if total else 0.0


#: How much a best match that stands out is raised: what keeps it from 1 shrinks by
#: e^(-STANDS_OUT x its lead over the next). Chosen on ArgKP-2021's dev split (2, 3 and 5
#: within 0.002 of each other there), then measured once on its test split.
STANDS_OUT = 3.0


def stood_out(scores: Mapping[Any, float]) -> dict[Any, float]:
    """A claim's candidates' wording scores with the best raised by its lead over the next
    (none: over 0), kept within 0-1 and in the same order: ``1 - (1 - best) *
    exp(-STANDS_OUT * lead)``. A match that stands out from every other candidate is
    likelier the same claim (Lowe's ratio test, as a margin); a claim with two equally good
    candidates gains nothing.

    Examples:
        >>> stood_out({"a": 0.5, "b": 0.1})["a"] > 0.5, stood_out({"a": 0.5, "b": 0.5})["a"]
        (True, 0.5)
    """
    import math

    out = dict(scores)
    if out:
        best = max(out, key=out.__getitem__)
        lead = out[best] - max((v for k, v in out.items() if k != best), default=0.0)
        out[best] = round(1 - (1 - out[best]) * math.exp(-STANDS_OUT * lead), 4)
    return out


# -- the answers --------------------------------------------------------------------------


class LibraryClaim(Record):
    """A claim of a map in the library."""

    map: str = Field(description="The map's file, as the library names it.")
    id: str
    kind: str
    text: str
    quote: str | None = None
    locator: str | None = None
    verdict: Label | None = Field(
        None, description="The map's own verdict on the claim (argmap eval)."
    )
    strength: float | None = None

    @classmethod
    def of(cls, row: ClaimRow, shown: str) -> LibraryClaim:
        return cls(map=shown, id=row.id, kind=row.kind, text=row.text, quote=row.quote,
                   locator=row.locator, verdict=row.label, strength=row.strength)  # fmt: skip


class Skipped(Record):
    path: str
    problem: str


class Indexed(Record):
    """``argmap library index``: what the library holds, and what this run did."""

    index: str = Field(description="The index file.")
    engine: str
    maps: int = Field(description="Maps in the library.")
    claims: int = Field(description="Claims in the library.")
    read: int = Field(description="Files read and indexed by this run (new or changed).")
    unchanged: int
    removed: int = Field(description="Files gone since the last run, taken out.")
    skipped: list[Skipped] = Field(description="Files that could not be read as a map.")
    rebuilt: str | None = Field(None, description="Why the index was rebuilt, if it was.")

    def ids(self) -> list[str]:
        return []


class Found(Record):
    score: float = Field(description="BM25 (larger: more about the query).")
    claim: LibraryClaim
    relation: Relation | None = Field(
        None, description="With --for/--against: how it bears on the claim named."
    )
    about: LibraryClaim | None = Field(
        None, description="With --for/--against: the claim (or its duplicate) it bears on."
    )


class FindAnswer(Record):
    """``argmap library find``: claims about a query, best first."""

    query: str
    searched: int = Field(description="Claims in the library.")
    results: list[Found]

    #: Said when nothing is found.
    EMPTY: ClassVar[str] = "no claim of the library matches"

    def ids(self) -> list[str]:
        return [f"{r.claim.map} {r.claim.id}" for r in self.results]

    def columns(self) -> list[str]:
        return ["score", "map", "id", "kind", "text"]

    def rows(self) -> list[list[str]]:
        return [[f"{r.score:.2f}", r.claim.map, r.claim.id, r.claim.kind, r.claim.text]
                for r in self.results]  # fmt: skip


class Same(Record):
    claim: LibraryClaim
    basis: Literal["same quote", "quote within", "same text", "wording"]
    score: float = Field(
        description="1 for the same quote or text; for a quote within the other's, the "
        "shorter's share of the longer; else the wording's, 0-1 (the best candidate's "
        "raised by its lead over the next; shown or not by the wording alone)."
    )


class SameAnswer(Record):
    """``argmap library same``: where else a claim appears."""

    claim: LibraryClaim
    matches: list[Same]
    threshold: float = Field(description="The least wording score shown.")

    EMPTY: ClassVar[str] = "the claim appears nowhere else in the library"

    def ids(self) -> list[str]:
        return [f"{m.claim.map} {m.claim.id}" for m in self.matches]

    def columns(self) -> list[str]:
        return ["basis", "score", "map", "id", "text"]

    def rows(self) -> list[list[str]]:
        return [[m.basis, f"{m.score:.2f}", m.claim.map, m.claim.id, m.claim.text]
                for m in self.matches]  # fmt: skip


class Arguer(Record):
    relation: Relation
    claim: LibraryClaim = Field(description="The claim that supports, attacks or undercuts.")
    about: LibraryClaim = Field(description="The claim it bears on: the one named, or a duplicate.")
    link: str = Field(description="The link's id in its map.")


class Verdict(Record):
    map: str = Field(description="The map whose verdict it is.")
    id: str = Field(description="The claim's id in the map it is written in.")
    via: str | None = Field(
        None, description="When the map weighs a claim of a map it uses: that map."
    )
    basis: Literal["named", "same quote", "quote within", "same text", "wording"]
    verdict: Label | None
    strength: float | None = None


class WhoAnswer(Record):
    """``argmap library who``: everything that bears on a claim or its duplicates, across
    the library, with each map's verdict on it."""

    claim: LibraryClaim
    verdicts: list[Verdict] = Field(description="Each map's verdict on the claim or its duplicate.")
    disagree: bool = Field(description="Whether the maps' verdicts differ.")
    arguers: list[Arguer]

    EMPTY: ClassVar[str] = "nothing in the library bears on it"

    def ids(self) -> list[str]:
        return [f"{a.claim.map} {a.claim.id}" for a in self.arguers]

    def columns(self) -> list[str]:
        return ["relation", "map", "id", "verdict", "text"]

    def rows(self) -> list[list[str]]:
        return [[a.relation, a.claim.map, a.claim.id, a.claim.verdict or "-", a.claim.text]
                for a in self.arguers]  # fmt: skip
