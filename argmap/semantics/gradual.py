"""Gradual strength: how strong each claim is, from 0 to 1, once supports and attacks count.

Each claim starts from a base score, its ``confidence`` (0.5 when none is given). What
bears on it:

- a support contributes ``weight x strength``; a linked group counts as one support whose
  strength is its weakest member's and whose weight is its smallest link weight;
- an attack contributes ``weight x strength of the attacker``;
- an undercut weakens the link it attacks: that link's weight is multiplied by
  ``1 - strength x weight`` of each undercut (an undercut's own weight being scaled, in
  turn, by the undercuts aimed at it).

Link weights default to 1. Two published semantics combine these:

- **DF-QuAD** (Rago, Toni, Aurisicchio, Baroni, KR 2016), for maps without cycles:
  supports and attacks are each aggregated as ``1 - prod(1 - v)``; with ``va`` and ``vs``
  the aggregates, strength = ``base - base*(va - vs)`` if ``va >= vs``, else
  ``base + (1 - base)*(vs - va)``. Claims are computed in an order where everything
  bearing on a claim comes first.
- **Quadratic energy** (Potyka, KR 2018), for any map: energy ``E = sum(support
  contributions) - sum(attack contributions)``; strength = ``base + (1 - base)*h(E) -
  base*h(-E)`` with ``h(x) = max(x, 0)^2 / (1 + max(x, 0)^2)``; iterated (with damping, as
  the continuous model) until no strength moves by more than ``tol``, or reported as not
  converging.

Each result keeps, per claim, the terms it was computed from (:class:`Trace`), so every
number can be explained.

Examples:
    >>> G = build_graph(loads('''
    ... title: t
    ... claims:
    ...   - {id: c, text: C}
    ...   - {id: p, text: P, supports: [c], confidence: 0.8}
    ...   - {id: o, text: O, attacks: [c], confidence: 0.4}
    ... '''))
    >>> s = dfquad(G).strength
    >>> round(s["c"], 4)
    0.7
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from argmap.errors import ArgmapError
from argmap.graph import incoming

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "DEFAULT_BASE",
    "Term",
    "Trace",
    "Strengths",
    "dfquad",
    "qe",
    "strengths",
    "strength_changes",
    "NoConvergence",
]

DEFAULT_BASE = 0.5


class NoConvergence(ArgmapError):
    """The iteration did not settle; the map's cycles keep strengths moving."""

    exit_code = 1
    code = "no_convergence"


@dataclass(frozen=True)
class Term:
    """One thing bearing on a claim: its kind, who, its strength, its weight, and the
    product that counts (``contribution``)."""

    kind: str
    sources: tuple[str, ...]
    strength: float
    weight: float

    @property
    def contribution(self) -> float:
        return self.strength * self.weight


@dataclass
class Trace:
    """How one claim's strength was computed."""

    base: float
    terms: list[Term] = field(default_factory=list)
    supports: float = 0.0
    attacks: float = 0.0
    strength: float = 0.0


@dataclass
class Strengths:
    """The strength of every claim, with the trace of each and the method used."""

    method: str
    strength: dict[str, float]
    traces: dict[str, Trace]
    iterations: int = 0

    def explain(self, claim: str) -> dict[str, Any]:
        """How ``claim``'s strength was computed, as JSON-ready data (rounded)."""
        t = self.traces[claim]
        return {
            "method": self.method,
            "base": t.base,
            "terms": [
                {
                    "kind": term.kind,
                    "from": list(term.sources),
                    "strength": round(term.strength, 6),
                    "weight": round(term.weight, 6),
                    "contribution": round(term.contribution, 6),
                }
                for term in t.terms
            ],
            "supports": round(t.supports, 6),
            "attacks": round(t.attacks, 6),
            "strength": round(t.strength, 6),
        }


def strengths(G: nx.MultiDiGraph, method: str) -> Strengths:
    """The strengths by ``method``: ``dfquad`` or ``qe``."""
    return dfquad(G) if method == "dfquad" else qe(G)


def strength_changes(before: Strengths, after: Strengths) -> list[dict[str, Any]]:
    """Claims whose strength moved, largest move first, as JSON-ready rows (rounded)."""
    rows: list[dict[str, Any]] = []
    for claim, old in before.strength.items():
        new = after.strength.get(claim)
        if new is None:
            continue
        delta = new - old
        if abs(delta) > 1e-9:
            rows.append(
                {
                    "id": claim,
                    "before": round(old, 6),
                    "after": round(new, 6),
                    "delta": round(delta, 6),
                }
            )
    rows.sort(key=lambda r: -abs(r["delta"]))
    return rows


def _base(G: nx.MultiDiGraph, n: str) -> float:
    confidence = G.nodes[n]["claim"].confidence
    return DEFAULT_BASE if confidence is None else confidence


def _incoming(G: nx.MultiDiGraph) -> dict[str, list[tuple[str, dict]]]:
    """Each claim's incoming links (:func:`argmap.graph.incoming`), gathered once for all
    the claims: what :func:`_terms` reads, which an iterative method reads on every round."""
    return {n: incoming(G, n) for n in G._pred}


def _plain_terms(incoming: list[tuple[str, dict]]) -> list[tuple[str, bool, float]] | None:
    """A claim's incoming links as (source, whether it supports, weight) when nothing
    undercuts them and none is in a linked group (most claims): then each term's
    contribution is its source's strength times that weight, summed in this order, as
    :func:`_terms` would give them. None otherwise."""
    out = []
    for u, d in incoming:
        link = d["link"]
        if d["kind"] == "undercut" or link.group is not None:
            return None
        # (1.0 if None else weight) * 1.0, the undercut factor: the same float as _terms.
        out.append((u, d["kind"] == "support", 1.0 if link.weight is None else link.weight))
    return out


def _terms(incoming: list[tuple[str, dict]], strength: dict[str, float]) -> list[Term]:
    """The supports (linked groups as one) and attacks bearing on a claim, from its
    ``incoming`` links (:func:`argmap.graph.incoming`)."""
    # Every undercut bearing on n ends at n, however deep its chain: an undercut's own
    # weight is scaled by the undercuts aimed at it, before it scales its target's.
    undercuts: dict[str, list[tuple[str, Any]]] = {}
    for u, d in incoming:
        if d["kind"] == "undercut":
            undercuts.setdefault(d["undercuts"], []).append((u, d["link"]))
    cut: dict[str, float] = {}

    def factor(link_id: str) -> float:
        if link_id not in cut:
            cut[link_id] = 1.0  # guards a circle; validation rejects those anyway
            value = 1.0
            for u, link in undercuts.get(link_id, []):
                weight = (1.0 if link.weight is None else link.weight) * factor(link.id)
                value *= 1.0 - strength[u] * weight
            cut[link_id] = value
        return cut[link_id]

    terms: list[Term] = []
    groups: dict[str, list[tuple[str, float]]] = {}
    for u, d in incoming:
        link = d["link"]
        weight = (1.0 if link.weight is None else link.weight) * factor(link.id)
        if d["kind"] == "attack":
            terms.append(Term("attack", (u,), strength[u], weight))
        elif d["kind"] == "support":
            if link.group is None:
                terms.append(Term("support", (u,), strength[u], weight))
            else:
                groups.setdefault(link.group, []).append((u, weight))
    for members in groups.values():
        terms.append(
            Term(
                "support",
                tuple(u for u, _ in members),
                min(strength[u] for u, _ in members),
                min(w for _, w in members),
            )
        )
    return terms


def _aggregate(values: list[float]) -> float:
    remaining = 1.0
    for v in values:
        remaining *= 1.0 - v
    return 1.0 - remaining


def dfquad(G: nx.MultiDiGraph) -> Strengths:
    """DF-QuAD strengths of an acyclic map.

    Raises:
        ArgmapError: the map has a cycle (use :func:`qe`).
    """
    import networkx as nx

    try:
        order = list(nx.topological_sort(G))
    except nx.NetworkXUnfeasible:
        cycle = [u for u, _, *_ in nx.find_cycle(G)]
        raise ArgmapError(
            f"DF-QuAD needs a map without cycles, and this one has {' -> '.join(cycle)}",
            hint="quadratic energy (qe) handles cycles",
        ) from None
    strength: dict[str, float] = {}
    traces: dict[str, Trace] = {}
    incoming = _incoming(G)
    for n in order:
        base = _base(G, n)
        terms = _terms(incoming[n], strength)
        vs = _aggregate([t.contribution for t in terms if t.kind == "support"])
        va = _aggregate([t.contribution for t in terms if t.kind == "attack"])
        if va >= vs:
            s = base - base * (va - vs)
        else:
            s = base + (1.0 - base) * (vs - va)
        strength[n] = s
        traces[n] = Trace(base, terms, vs, va, s)
    order_doc = list(G.nodes)
    return Strengths(
        "dfquad", {n: strength[n] for n in order_doc}, {n: traces[n] for n in order_doc}
    )


def _h(x: float) -> float:
    x = max(x, 0.0)
    return x * x / (1.0 + x * x)


def qe(
    G: nx.MultiDiGraph, *, tol: float = 1e-9, max_iterations: int = 100_000, damping: float = 0.5
) -> Strengths:
    """Quadratic-energy strengths of any map, by damped iteration to a fixed point.

    Raises:
        NoConvergence: strengths still moved by more than ``tol`` after ``max_iterations``.
    """
    nodes = list(G.nodes)
    base = {n: _base(G, n) for n in nodes}
    incoming = _incoming(G)
    plain = {n: _plain_terms(incoming[n]) for n in nodes}
    strength = dict(base)
    for iteration in range(1, max_iterations + 1):  # noqa: B007 (reported below)
        moved = 0.0
        new = {}
        for n in nodes:
            simple = plain[n]
            if simple is not None:  # the sums below, without the terms: the same numbers
                supports = attacks = 0.0
                for u, is_support, weight in simple:
                    if is_support:
                        supports += strength[u] * weight
                    else:
                        attacks += strength[u] * weight
                energy = supports - attacks
            else:
                terms = _terms(incoming[n], strength)
                energy = sum(t.contribution for t in terms if t.kind == "support") - sum(
                    t.contribution for t in terms if t.kind == "attack"
                )
            target = base[n] + (1.0 - base[n]) * _h(energy) - base[n] * _h(-energy)
            new[n] = strength[n] + damping * (target - strength[n])
            moved = max(moved, abs(new[n] - strength[n]))
        strength = new
        if moved <= tol:
            break
    else:
        raise NoConvergence(
            f"quadratic energy did not converge in {max_iterations} iterations "
            f"(last change {moved:.2e})"
        )
    traces = {}
    for n in nodes:
        terms = _terms(incoming[n], strength)
        traces[n] = Trace(
            base[n],
            terms,
            sum(t.contribution for t in terms if t.kind == "support"),
            sum(t.contribution for t in terms if t.kind == "attack"),
            strength[n],
        )
    return Strengths("qe", strength, traces, iteration)
