"""GraphML, for graph tools (networkx, Gephi, yEd, Cytoscape).

Written by networkx from argmap's own graph: one node per claim with ``text``, ``kind``,
``tags`` (comma separated) and, where set, ``source``, ``quote``, ``locator``,
``confidence``, ``note``, ``reconstructed`` and ``answers`` (JSON text); one edge per link
with ``kind``, ``link_id`` and, where set, ``group``, ``note``, ``weight``, ``scheme``,
``role`` and ``undercuts`` (the link an undercut attacks; the edge then runs from the
undercutter to the claim that link supports). The map's title, description, dates,
authors, tags, sources and schemes are graph attributes (lists, sources and schemes as
JSON text). Reading it back gives the same map, except for control characters, which XML
cannot hold (they are written as U+FFFD).

Examples:
    >>> from argmap.model import ArgMap, landing_claim
    >>> m = ArgMap.model_validate({"title": "t", "claims": [
    ...     {"id": "c", "text": "C", "kind": "conclusion"},
    ...     {"id": "p", "text": "P", "supports": ["c"]}]})
    >>> again = parse(dump(m))
    >>> [(lk.source, lk.target, lk.kind.value) for lk in again.links]
    [('p', 'c', 'support')]
"""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Any

from argmap.errors import Diagnostic, Location, MapError
from argmap.formats.xmltext import xml_safe
from argmap.model import ArgMap

if TYPE_CHECKING:
    from argmap.formats.registry import Drawing
    from argmap.model.document import Document

__all__ = ["write", "parse", "dump", "LOSSES"]

#: What GraphML as argmap writes it cannot carry (see argmap.formats.FEATURES).
LOSSES: set[str] = set()
#: Map-level fields kept as graph attributes (lists and sources as JSON text).
_META = (
    "title", "description", "authors", "created", "updated", "tags", "uses", "sources", "schemes"
)  # fmt: skip
_JSON_META = {"authors", "tags", "uses", "sources", "schemes"}
_CLAIM_FIELDS = ("label", "source", "quote", "locator", "confidence", "note")
_LINK_FIELDS = ("group", "note", "weight", "scheme", "role")


def dump(model: ArgMap) -> str:
    """The map as GraphML text: the argument graph (:func:`argmap.graph.build_graph`)
    with every attribute flattened to a string, number or flag."""
    import networkx as nx

    from argmap.graph import build_graph

    meta = model.model_dump(mode="json", exclude_none=True, include=set(_META))
    G = nx.MultiDiGraph(
        **{
            k: v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
            for k, v in meta.items()
            if v != []
        }
    )
    for c in model.claims:
        attrs: dict[str, Any] = {"text": c.text, "kind": c.kind.value, "tags": ",".join(c.tags)}
        attrs.update({f: getattr(c, f) for f in _CLAIM_FIELDS if getattr(c, f) is not None})
        if c.reconstructed:
            attrs["reconstructed"] = True
        if c.answers:
            answers = [a.model_dump(mode="json") for a in c.answers]
            attrs["answers"] = json.dumps(answers, ensure_ascii=False)
        G.add_node(c.id, **attrs)
    # The edges of the argument graph (an undercut lands where argmap.graph puts it), with
    # their attributes flattened to what GraphML holds.
    argument_graph = build_graph(model)
    ends = argument_graph.graph["links"]
    for order, lk in enumerate(model.all_links()):
        attrs = {"kind": lk.kind.value, "link_id": lk.id, "order": order}
        _, target, _ = ends[lk.id]
        if lk.kind == "undercut":
            attrs["undercuts"] = lk.target
        for f in _LINK_FIELDS:
            if getattr(lk, f) is not None:
                attrs[f] = getattr(lk, f)
        G.add_edge(lk.source, target, key=lk.id, **attrs)
    _clean_for_xml(G)
    out = io.BytesIO()
    nx.write_graphml(G, out, encoding="utf-8", prettyprint=True)
    return out.getvalue().decode("utf-8")


def _clean_for_xml(G: Any) -> None:
    def clean(attrs: dict) -> None:
        for k, v in attrs.items():
            if isinstance(v, str):
                attrs[k] = xml_safe(v)

    clean(G.graph)
    for _, d in G.nodes(data=True):
        clean(d)
    for _, _, d in G.edges(data=True):
        clean(d)


def parse(text: str, name: str = "<graphml>") -> ArgMap:
    """Read GraphML written by :func:`dump` (or any graph with ``text`` on its nodes)."""
    import networkx as nx

    try:
        G = nx.parse_graphml(text, force_multigraph=True)
    except Exception as exc:  # networkx raises several kinds for bad XML
        raise MapError(
            [Diagnostic("syntax", "error", f"not GraphML: {exc}", Location(name, 1, 1))]
        ) from None
    claims = []
    for n, d in G.nodes(data=True):
        claim = {
            "id": str(n),
            "text": str(d.get("text") or d.get("label") or n),
            "kind": d.get("kind", "claim"),
        }
        if d.get("tags"):
            claim["tags"] = [t for t in str(d["tags"]).split(",") if t]
        claim.update({f: d[f] for f in _CLAIM_FIELDS if f in d})
        if d.get("reconstructed"):
            claim["reconstructed"] = True
        if "answers" in d:
            claim["answers"] = _json_field(d["answers"], name, "answers")
        claims.append(claim)
    links = []
    edges = sorted(G.edges(keys=True, data=True), key=lambda e: e[3].get("order", 0))
    for u, v, key, d in edges:
        link = {
            "id": str(d.get("link_id", key)),
            "source": str(u),
            "kind": d.get("kind", "support"),
        }
        link["target"] = str(d["undercuts"]) if link["kind"] == "undercut" else str(v)
        link.update({f: d[f] for f in _LINK_FIELDS if f in d})
        links.append(link)
    data: dict[str, Any] = {"title": str(G.graph.get("title") or name)}
    for key in _META:
        if key in G.graph and key != "title":
            value = G.graph[key]
            data[key] = _json_field(value, name, key) if key in _JSON_META else value
    data.update(claims=claims, links=links)
    return ArgMap.model_validate(data)


def _json_field(value: Any, name: str, key: str) -> Any:
    """A field argmap writes as JSON text, read back; a located error when it is not JSON."""
    try:
        return json.loads(str(value))
    except ValueError as exc:
        raise MapError(
            [Diagnostic("syntax", "error", f"{key} is not JSON text: {exc}", Location(name, 1, 1))]
        ) from None


def write(doc: Document, drawing: Drawing) -> str:
    """The document in this format (the writer every format has: see
    :mod:`argmap.formats.registry`; a map's format draws nothing, so ``drawing`` is not
    read)."""
    return dump(doc.model)
