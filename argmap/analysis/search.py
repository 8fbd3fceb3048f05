"""The ``claims`` command's search: the claims of one map or several that pass the
filters (:class:`argmap.analysis.query.ClaimFilter`) and a ``--where`` expression
(:mod:`argmap.analysis.expression`), which both build on the query module."""

from __future__ import annotations

from typing import Any

from argmap.analysis.query import ClaimFilter, find_claims

__all__ = ["search"]


def search(docs: list[Any], f: ClaimFilter, where: str | None = None) -> list[tuple[Any, Any]]:
    """The claims of one map or several (documents) that pass the filter ``f`` and the
    ``--where`` expression ``where``, in map order, each with its document. A map that
    lacks a claim a filter names holds no match; a claim named that no map has is an
    error.

    Raises:
        UsageError: the expression does not parse, or names a claim no map has.
        MapError: a map whose relations are asked about has broken references.
    """
    from argmap.analysis import expression
    from argmap.errors import UsageError, did_you_mean
    from argmap.graph import build_graph

    expr = expression.parse(where) if where is not None else None
    named = f.named_claims + (expression.named_claims(expr) if expr else [])
    graph = f.needs_graph or (expr is not None and expression.needs_graph(expr))
    out: list[tuple[Any, Any]] = []
    named_seen: set[str] = set()
    for doc in docs:
        G = build_graph(doc) if graph else None
        if G is not None:
            named_seen |= {i for i in named if i in G}
        if any(G is not None and i not in G for i in f.named_claims):
            continue  # this map lacks a claim a filter names: nothing in it can match
        found = find_claims(G if G is not None else doc.model, f)
        if expr is not None:
            passing = expression.matching(G if G is not None else doc.model, expr)
            found = [c for c in found if c.id in passing]
        out.extend((doc, c) for c in found)
    for ident in named:
        if ident not in named_seen:
            ids = {c.id for doc in docs for c in doc.model.claims}
            raise UsageError(f"no claim {ident!r} in the maps given", hint=did_you_mean(ident, ids))
    return out
