"""What the query commands answer (``claims``, ``why``, ``impact``, ``path``, ``stats``),
each as one pydantic model: its JSON is ``model_dump(mode="json")``, its published schema
(``argmap schema --of claims``) is ``model_json_schema()``, and it knows its ids
(:meth:`ids`) and its rows under named columns (:meth:`columns`, :meth:`rows`), which the
command line prints as a table or TSV. Nothing here is written twice.

Adding a command's answer: a model here (or beside the analysis that fills it) with
``extra="forbid"``, the operation returns it as its :class:`~argmap.operations.result.
Result`'s value, and :data:`argmap.operations.schema.OUTPUTS` names it.

Examples:
    >>> from argmap.formats.native import loads
    >>> doc = loads('''
    ... title: t
    ... claims:
    ...   - {id: c, text: C, kind: conclusion}
    ...   - {id: p, text: P, supports: [c], tags: [x]}
    ... ''', "m.yaml")
    >>> table = Claims.of([(doc, doc.model.claims[1])])
    >>> table.columns(), table.rows()
    (['map', 'id', 'kind', 'tags', 'text'], [['m.yaml', 'p', 'claim', 'x', 'P']])
    >>> table.ids(), table.model_dump(mode="json")[0]["tags"]
    (['p'], ['x'])
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import Field, PrivateAttr, RootModel

from argmap.model.answers import Record, Relation

__all__ = ["ClaimRecord", "Claims", "ReachedRecord", "Reached", "ChainRecord", "Path",
           "Central", "Stats"]  # fmt: skip

Kind = Literal[
    "conclusion", "claim", "premise", "evidence", "assumption", "objection", "question",
    "argument",
]  # fmt: skip


class ClaimRecord(Record):
    """A claim found by a query, with the map it is in."""

    map: str
    id: str
    text: str
    kind: Kind
    tags: list[str]
    source: str | None
    quote: str | None
    confidence: float | None

    @classmethod
    def of(cls, doc: Any, claim: Any, **extra: Any) -> Any:
        """A claim of the document ``doc`` (built without validation: the claim is)."""
        return cls.model_construct(
            map=doc.name, id=claim.id, text=claim.text, kind=claim.kind.value,
            tags=list(claim.tags), source=claim.source, quote=claim.quote,
            confidence=claim.confidence, **extra,
        )  # fmt: skip


class Claims(RootModel[list[ClaimRecord]]):
    """``argmap claims --format json``: the claims that pass every filter. Its rows name
    each claim's map when it was asked of several maps (its JSON records always do)."""

    #: What the text says when nothing was found.
    EMPTY: ClassVar[str] = "no claims match"
    _with_map: bool = PrivateAttr(default=True)

    @classmethod
    def of(cls, found: list[tuple[Any, Any]], *, with_map: bool = True) -> Claims:
        """The claims found, as (document, claim) pairs."""
        answer = cls.model_construct([ClaimRecord.of(doc, c) for doc, c in found])
        answer._with_map = with_map
        return answer

    def with_maps(self) -> Claims:
        """The same claims, each row naming its map (as TSV always does)."""
        answer = type(self).model_construct(self.root)
        answer._with_map = True
        return answer

    def columns(self) -> list[str]:
        return ["map", "id", "kind", "tags", "text"][0 if self._with_map else 1 :]

    def rows(self) -> list[list[str]]:
        """One row a claim: its text on one line, its tags comma-separated."""
        out = []
        for r in self.root:
            row = [r.map, r.id, r.kind, ",".join(r.tags), " ".join(r.text.split())]
            out.append(row if self._with_map else row[1:])
        return out

    def ids(self) -> list[str]:
        return [r.id for r in self.root]


class ReachedRecord(ClaimRecord):
    distance: int = Field(description="Links between it and the claim asked about.")
    effect: Literal["support", "attack", "mixed"] = Field(
        description="How it bears on (why) or is borne on by (impact) that claim."
    )


class Reached(RootModel[list[ReachedRecord]]):
    """``argmap why`` / ``argmap impact --format json``: every claim reached, nearest
    first, with its distance and net effect. Its rows name the map only as TSV."""

    _with_map: bool = PrivateAttr(default=False)

    @classmethod
    def of(cls, doc: Any, G: Any, reached: list[Any]) -> Reached:
        """Claims reached from another (:class:`argmap.analysis.query.Reached`)."""
        nodes = G._node
        return cls.model_construct([ReachedRecord.of(doc, nodes[r.id]["claim"],
                                                     distance=r.distance, effect=r.effect)
                                    for r in reached])  # fmt: skip

    def with_maps(self) -> Reached:
        answer = type(self).model_construct(self.root)
        answer._with_map = True
        return answer

    def columns(self) -> list[str]:
        return ["map", "id", "distance", "effect", "kind", "tags", "text"][
            0 if self._with_map else 1 :
        ]

    def rows(self) -> list[list[str]]:
        out = []
        for r in self.root:
            row = [r.map, r.id, str(r.distance), r.effect, r.kind, ",".join(r.tags),
                   " ".join(r.text.split())]  # fmt: skip
            out.append(row if self._with_map else row[1:])
        return out

    def ids(self) -> list[str]:
        return [r.id for r in self.root]


class ChainRecord(Record):
    map: str
    claims: list[str]
    links: list[str]
    kinds: list[Relation]
    net: Literal["support", "attack"]


class Path(RootModel[list[ChainRecord]]):
    """``argmap path --format json``: the chains of links from one claim to another."""

    EMPTY: ClassVar[str] = "no chain of links leads there"

    @classmethod
    def of(cls, name: str, chains: list[Any]) -> Path:
        """The chains found (:class:`argmap.analysis.query.Chain`) in the map ``name``."""
        records = [
            ChainRecord.model_construct(
                map=name, claims=ch.claims, links=ch.links, kinds=ch.kinds, net=ch.net
            )
            for ch in chains
        ]
        return cls.model_construct(records)

    def with_maps(self) -> Path:
        return self

    def columns(self) -> list[str]:
        return ["n", "net", "links", "chain (+> supports, -> attacks, _> undercuts)"]

    def rows(self) -> list[list[str]]:
        out = []
        for i, ch in enumerate(self.root, 1):
            parts = [ch.claims[0]]
            for kind, claim in zip(ch.kinds, ch.claims[1:], strict=True):
                parts += [_ARROWS[kind], claim]
            out.append([str(i), ch.net, str(len(ch.links)), " ".join(parts)])
        return out

    def ids(self) -> list[str]:
        """Every claim on a chain, once, in the order met."""
        return list(dict.fromkeys(c for ch in self.root for c in ch.claims))


#: The arrows a chain is written with (Argdown's).
_ARROWS = {"support": "+>", "attack": "->", "undercut": "_>"}


class Central(Record):
    id: str
    score: float


class Stats(Record):
    """``argmap stats --format json``: the shape of a map (see
    :func:`argmap.analysis.query.summary`)."""

    title: str
    claims: int
    links: int
    claims_by_kind: dict[Kind, int]
    links_by_kind: dict[Relation, int]
    depth: int
    contested: list[str]
    unsupported_conclusions: list[str]
    unanswered_objections: list[str]
    central: list[Central]
    centrality: str

    def with_maps(self) -> Stats:
        return self

    def columns(self) -> list[str]:
        return ["measure", "value"]

    def rows(self) -> list[list[str]]:
        rows = [["claims", str(self.claims)], ["links", str(self.links)]]
        rows += [[f"claims: {k}", str(v)] for k, v in self.claims_by_kind.items() if v]
        rows += [[f"links: {k}", str(v)] for k, v in self.links_by_kind.items() if v]
        rows.append(["depth (longest support chain)", str(self.depth)])
        for key in ("contested", "unsupported_conclusions", "unanswered_objections"):
            ids = getattr(self, key)
            rows.append([key.replace("_", " "), f"{len(ids)}: {', '.join(ids)}" if ids else "0"])
        central = ", ".join(f"{c.id} ({c.score:.3f})" for c in self.central)
        rows.append([f"most central, by {self.centrality}", central])
        return rows

    def ids(self) -> list[str]:
        """The most central claims, most central first."""
        return [c.id for c in self.central]
