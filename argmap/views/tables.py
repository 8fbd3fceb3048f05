"""What the query commands answer, as tables: each result knows its JSON records
(:meth:`to_data`), its ids (:meth:`ids`) and its rows under named columns (:meth:`rows`),
which the command line prints as a table, TSV, JSON or ids one per line.

Examples:
    >>> doc = loads('''
    ... title: t
    ... claims:
    ...   - {id: c, text: C, kind: conclusion}
    ...   - {id: p, text: P, supports: [c], tags: [x]}
    ... ''', "m.yaml")
    >>> table = ClaimTable.of([(doc, doc.model.claims[1])])
    >>> table.columns(), table.rows()
    (['map', 'id', 'kind', 'tags', 'text'], [['m.yaml', 'p', 'claim', 'x', 'P']])
    >>> table.ids()
    ['p']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["ClaimTable", "ChainTable", "StatsTable", "claim_record"]


def claim_record(doc: Any, claim: Any, **extra: Any) -> dict[str, Any]:
    """A claim as a JSON record, with the name of the map it comes from."""
    return {
        "map": doc.name,
        "id": claim.id,
        "text": claim.text,
        "kind": claim.kind.value,
        "tags": list(claim.tags),
        "source": claim.source,
        "quote": claim.quote,
        "confidence": claim.confidence,
        **extra,
    }


@dataclass
class ClaimTable:
    """Claims, each with the map it comes from and ``extra`` columns (distance, effect).
    Its rows name each claim's map when ``with_map`` (JSON records always do)."""

    records: list[dict[str, Any]]
    extra: list[str] = field(default_factory=list)
    with_map: bool = True

    @classmethod
    def of(cls, found: list[tuple[Any, Any]], *, with_map: bool = True) -> ClaimTable:
        """The claims found, as (document, claim) pairs."""
        return cls([claim_record(doc, c) for doc, c in found], with_map=with_map)

    @classmethod
    def reached(cls, doc: Any, G: Any, reached: list[Any]) -> ClaimTable:
        """Claims reached from another (:class:`argmap.analysis.query.Reached`), with their
        distance and net effect."""
        nodes = G._node
        return cls(
            [
                claim_record(doc, nodes[r.id]["claim"], distance=r.distance, effect=r.effect)
                for r in reached
            ],
            ["distance", "effect"],
            with_map=False,
        )

    def columns(self) -> list[str]:
        return ["map", "id", *self.extra, "kind", "tags", "text"][0 if self.with_map else 1 :]

    def rows(self) -> list[list[str]]:
        """One row a claim: its text on one line, its tags comma-separated."""
        with_map = self.with_map
        out = []
        for r in self.records:
            cells = [r["map"], r["id"], *(str(r[k]) for k in self.extra), r["kind"]]
            row = [*cells, ",".join(r["tags"]), " ".join(r["text"].split())]
            out.append(row if with_map else row[1:])
        return out

    def to_data(self) -> list[dict[str, Any]]:
        return self.records

    def ids(self) -> list[str]:
        return [r["id"] for r in self.records]


@dataclass
class ChainTable:
    """The chains by which one claim bears on another (:class:`argmap.analysis.query.Chain`)."""

    name: str
    chains: list[Any]

    def columns(self) -> list[str]:
        return ["n", "net", "links", "chain (+> supports, -> attacks, _> undercuts)"]

    def rows(self) -> list[list[str]]:
        from argmap.formats.argdown_syntax import ARROWS

        out = []
        for i, ch in enumerate(self.chains, 1):
            parts = [ch.claims[0]]
            for kind, claim in zip(ch.kinds, ch.claims[1:], strict=True):
                parts += [ARROWS[kind], claim]
            out.append([str(i), ch.net, str(len(ch.links)), " ".join(parts)])
        return out

    def to_data(self) -> list[dict[str, Any]]:
        return [
            {"map": self.name, "claims": ch.claims, "links": ch.links, "kinds": ch.kinds,
             "net": ch.net}
            for ch in self.chains
        ]  # fmt: skip

    def ids(self) -> list[str]:
        """Every claim on a chain, once, in the order met."""
        return list(dict.fromkeys(c for ch in self.chains for c in ch.claims))


@dataclass
class StatsTable:
    """The shape of a map (:func:`argmap.analysis.query.summary`) as measures and values."""

    data: dict[str, Any]

    def columns(self) -> list[str]:
        return ["measure", "value"]

    def rows(self) -> list[list[str]]:
        data = self.data
        rows = [["claims", str(data["claims"])], ["links", str(data["links"])]]
        rows += [[f"claims: {k}", str(v)] for k, v in data["claims_by_kind"].items() if v]
        rows += [[f"links: {k}", str(v)] for k, v in data["links_by_kind"].items() if v]
        rows.append(["depth (longest support chain)", str(data["depth"])])
        for key in ("contested", "unsupported_conclusions", "unanswered_objections"):
            ids = data[key]
            rows.append([key.replace("_", " "), f"{len(ids)}: {', '.join(ids)}" if ids else "0"])
        central = ", ".join(f"{c['id']} ({c['score']:.3f})" for c in data["central"])
        rows.append([f"most central, by {data['centrality']}", central])
        return rows

    def to_data(self) -> dict[str, Any]:
        return self.data

    def ids(self) -> list[str]:
        """The most central claims, most central first."""
        return [c["id"] for c in self.data["central"]]
