"""The query commands: ``claims``, ``why``, ``impact``, ``path``, ``stats``.

They share grep's exit statuses: 0 when something matched, 1 when nothing did (the
result's ``status``), 2 for a usage error or a map that cannot be read (a map error is
raised with exit status 2 here, so ``argmap claims ... || echo none`` never mistakes a
broken map for no match).
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from argmap.errors import UsageError
from argmap.operations.result import Result

if TYPE_CHECKING:
    from collections.abc import Iterator

    import networkx as nx

    from argmap.model.document import Document

__all__ = ["find_claims", "why", "impact", "chains_between", "map_stats"]


@contextmanager
def _trouble() -> Iterator[None]:
    """A map that cannot be read is grep's "trouble" (2), not "no match" (1)."""
    from argmap.errors import EXIT_USAGE, MapError

    try:
        yield
    except MapError as exc:
        exc.exit_code = EXIT_USAGE
        raise


def _load(path: str | os.PathLike) -> tuple[Document, nx.MultiDiGraph]:
    from argmap.graph import build_graph
    from argmap.operations.loading import read_map

    with _trouble():
        doc = read_map(path)
        return doc, build_graph(doc)


def _rows(table: Any, found: Any) -> Result:
    """A table's result: its rows as text, json, ids and tsv (which names each row's map:
    :func:`argmap.views.answers.table_form`). Status 1: nothing ``found``."""
    return Result(table, status=0 if found else 1)


def find_claims(
    paths: list[str],
    where: str | None = None,
    *,
    regex: str | None = None,
    kinds: list[str] | None = None,
    tags: list[str] | None = None,
    **filters: Any,
) -> Result:
    """The claims of the maps at ``paths`` that pass the filters and the ``where``
    expression (:func:`argmap.analysis.search.search`); a table of claims. ``regex`` and
    ``kinds`` are as a person writes them; ``filters``: the other fields of
    :class:`~argmap.analysis.query.ClaimFilter` (text, source, supports, contested...).

    Raises:
        UsageError: a regex that does not compile, a kind that is none, an expression that
            does not parse.
    """
    from argmap.analysis.query import ClaimFilter, Pattern, parse_kinds
    from argmap.analysis.search import search

    try:
        pattern = Pattern(regex) if regex is not None else None
    except UsageError as exc:
        raise UsageError(f"--regex {exc.message}", hint=exc.hint) from None
    claim_filter = ClaimFilter(pattern=pattern, kinds=parse_kinds(kinds),
                               tags=tuple(tags or ()), **filters)  # fmt: skip
    from argmap.analysis.query_answers import Claims
    from argmap.operations.loading import read_maps

    with _trouble():  # a map that cannot be read (as a graph): grep's "trouble"
        found = search(read_maps(paths), claim_filter, where)
    return _rows(Claims.of(found, with_map=len(paths) > 1), found)


def _reach(path: str | os.PathLike, claim: str, *, forward: bool) -> Result:
    from argmap.analysis.query import Reach, reach_ids
    from argmap.graph import require_claim

    doc, G = _load(path)
    require_claim(G, claim)
    # The ids at once; the effects are worked out only if shown.
    reach = Reach(doc, G, claim, forward, reach_ids(G, claim, forward=forward))
    return Result(reach, status=0 if reach.found else 1)


def why(path: str | os.PathLike, claim: str) -> Result:
    """What ``claim`` rests on: the claims that bear on it, with their distance and net
    effect (as text, the tree of its supports and attacks). Status 1: nothing."""
    return _reach(path, claim, forward=False)


def impact(path: str | os.PathLike, claim: str) -> Result:
    """What ``claim`` bears on, with distance and net effect. Status 1: nothing."""
    return _reach(path, claim, forward=True)


def chains_between(
    path: str | os.PathLike, source: str, target: str, *, limit: int = 100
) -> Result:
    """The chains of links by which ``source`` bears on ``target``, shortest first, each
    with its net sign. Status 1: no chain."""
    from argmap.analysis.query import chains
    from argmap.analysis.query_answers import Path
    from argmap.graph import require_claim

    doc, G = _load(path)
    require_claim(G, source)
    require_claim(G, target)
    found = chains(G, source, target, limit=limit)
    return _rows(Path.of(doc.name, found), found)


def map_stats(path: str | os.PathLike) -> Result:
    """Counts and notable claims of a map (:func:`argmap.analysis.query.summary`)."""
    from argmap.analysis.query import summary

    _, G = _load(path)
    return _rows(summary(G), True)
