"""Evaluating a map or a framework: labels, extensions, and what changes under what-ifs.

Examples:
    >>> # G: the example map (c; p supports c; objection o attacks c; r attacks o)
    >>> evaluate(G).labels
    {'c': 'in', 'p': 'in', 'o': 'out', 'r': 'in'}
    >>> evaluate(G, retract=["r"]).labels
    {'c': 'out', 'p': 'in', 'o': 'in'}
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.semantics.bipolar import Encoding, encode
from argmap.semantics.dung import Grounded, extensions, grounded, labels_from_extensions
from argmap.semantics.framework import Framework

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "Evaluation",
    "evaluate",
    "evaluate_framework",
    "Change",
    "changes",
    "Critical",
    "critical",
    "what_if_graph",
    "verdicts",
]


@dataclass
class Evaluation:
    """Labels of the claims (or arguments), and the extensions, under one semantics."""

    semantics: str
    acceptance: str | None
    labels: dict[str, str]
    extensions: list[list[str]]
    encoding: Encoding | None = None
    ground: Grounded | None = None


def _solve(F: Framework, semantics: str, acceptance: str) -> tuple[list[str], list, Grounded]:
    ground = grounded(F)
    if semantics == "grounded":
        return ground.labels, [ground.extension], ground
    found = extensions(F, semantics)
    return labels_from_extensions(F, found, acceptance=acceptance), found, ground


def evaluate(
    G: nx.MultiDiGraph,
    *,
    semantics: str = "grounded",
    acceptance: str = "sceptical",
    retract: Iterable[str] = (),
    assume: Iterable[str] = (),
) -> Evaluation:
    """Label every claim of a map (see :mod:`argmap.semantics.bipolar` for how supports
    and undercuts count)."""
    enc = encode(G, retract=retract, assume=assume)
    F = enc.framework
    labels, found, ground = _solve(F, semantics, acceptance)
    k = len(enc.claims)
    projected = sorted({tuple(sorted(enc.claims[i] for i in ext if i < k)) for ext in found})
    return Evaluation(
        semantics,
        None if semantics == "grounded" else acceptance,
        {c: labels[i] for i, c in enumerate(enc.claims)},
        [list(e) for e in projected],
        enc,
        ground,
    )


def evaluate_framework(
    F: Framework, *, semantics: str = "grounded", acceptance: str = "sceptical"
) -> Evaluation:
    """Label every argument of an abstract framework."""
    labels, found, ground = _solve(F, semantics, acceptance)
    names = F.names
    exts = sorted(sorted(names[i] for i in ext) for ext in found)
    return Evaluation(
        semantics,
        None if semantics == "grounded" else acceptance,
        dict(zip(names, labels, strict=True)),
        exts,
        None,
        ground,
    )


@dataclass(frozen=True)
class Change:
    """A claim whose label differs between two evaluations (None: retracted)."""

    id: str
    before: str | None
    after: str | None


def changes(before: Evaluation, after: Evaluation) -> list[Change]:
    """The claims whose label changed, in the order of the first evaluation."""
    ids = list(dict.fromkeys([*before.labels, *after.labels]))
    return [
        Change(i, before.labels.get(i), after.labels.get(i))
        for i in ids
        if before.labels.get(i) != after.labels.get(i)
    ]


@dataclass(frozen=True)
class Critical:
    """A claim whose retraction alone makes a conclusion lose its ``in`` label."""

    id: str
    distance: int
    topples: tuple[str, ...]


def critical(
    G: nx.MultiDiGraph,
    *,
    semantics: str = "grounded",
    acceptance: str = "sceptical",
) -> dict[str, list[Critical]]:
    """For each conclusion labelled in, the claims whose retraction alone would make it
    fall (no longer in), most damaging first: by how many conclusions they topple, then
    nearest first, then map order.

    Only claims the conclusion rests on can matter, so only those are tried.
    """
    from argmap.analysis.query import rests_on
    from argmap.graph import conclusions

    base = evaluate(G, semantics=semantics, acceptance=acceptance)
    standing = [c for c in conclusions(G) if base.labels[c] == "in"]
    candidates: dict[str, int] = {}
    for c in standing:
        for r in rests_on(G, c):
            candidates[r.id] = min(candidates.get(r.id, r.distance), r.distance)
    topples: dict[str, list[str]] = {}
    for claim in candidates:
        after = evaluate(G, semantics=semantics, acceptance=acceptance, retract=[claim])
        fallen = [c for c in standing if c != claim and after.labels.get(c) != "in"]
        if fallen:
            topples[claim] = fallen
    index = {n: i for i, n in enumerate(G.nodes)}
    out: dict[str, list[Critical]] = {}
    for c in standing:
        found = [
            Critical(claim, candidates[claim], tuple(fallen))
            for claim, fallen in topples.items()
            if c in fallen
        ]
        found.sort(key=lambda k: (-len(k.topples), k.distance, index[k.id]))
        out[c] = found
    return out


def what_if_graph(
    G: nx.MultiDiGraph, retract: Iterable[str] = (), assume: Iterable[str] = ()
) -> nx.MultiDiGraph:
    """The graph under a what-if, for readings that work on the graph itself (gradual
    strengths, explanations): retracted claims removed, assumed claims kept with nothing
    attacking them. (:func:`evaluate` applies a what-if inside its own encoding.)"""
    H = G.copy()
    H.remove_nodes_from(list(retract))
    for claim in assume:
        H.remove_edges_from(
            [
                (u, v, k)
                for u, v, k, d in H.in_edges(claim, keys=True, data=True)
                if d["kind"] == "attack"
            ]
        )
    H.graph = dict(G.graph)
    if "links" in H.graph:  # the index of links names only the edges still there
        succ = H._succ
        H.graph["links"] = {
            key: (u, v, k)
            for key, (u, v, k) in G.graph["links"].items()
            if u in succ and k in succ[u].get(v, ())
        }
    return H


def verdicts(G: nx.MultiDiGraph) -> dict[str, tuple[str, float]]:
    """Each claim's grounded label and gradual strength: DF-QuAD on a map without cycles,
    quadratic energy on one with them (as ``show --eval`` and editors' hovers give them)."""
    import networkx as nx

    from argmap.semantics.gradual import dfquad, qe

    labels = evaluate(G).labels
    strengths = (dfquad(G) if nx.is_directed_acyclic_graph(G) else qe(G)).strength
    return {c: (labels[c], strengths[c]) for c in labels}
