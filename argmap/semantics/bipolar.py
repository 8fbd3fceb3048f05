"""From an argument map (supports, attacks, undercuts) to a Dung framework.

argmap reads support as **evidential support** (Oren & Norman, *Semantics for
Evidence-Based Argumentation*, COMMA 2008; Polberg & Oren 2014), encoded into a plain
Dung framework with auxiliary arguments in the manner of Boella, Gabbay, van der Torre
and Villata (*Support in Abstract Argumentation*, COMMA 2010):

- A claim with no support link is taken as given (*prima facie*) unless attacked; a
  ``question`` never is: it stands only when an answer supporting it stands.
- A claim with support links stands only if at least one of its supports holds: its
  reasons are alternatives (convergent), so an objection to one reason does not topple
  a claim that has another.
- A support holds when all its premises stand (a linked group needs every member) and no
  undercut against it stands.
- An attack defeats its target as in Dung's framework.

The encoding adds, for each support (a single link, or a linked group), an *inference*
argument; for each supported claim, an argument ``unsupported:C`` that attacks C and is
attacked by every inference into C; and for each premise P of an inference I, an argument
``missing:P@I`` that attacks I and is attacked by P. Undercuts attack the inference; an
undercut attack A -> B becomes an argument ``attack:ID`` that attacks B, needs A the way an
inference needs its premise, and is attacked by the undercuts.
Every Dung semantics then applies unchanged, and each verdict can be traced through
these arguments (:mod:`argmap.semantics.explain`).

Examples:
    >>> from argmap.semantics.dung import grounded
    >>> G = build_graph(loads('''
    ... title: t
    ... claims:
    ...   - {id: c, text: C, kind: conclusion}
    ...   - {id: p, text: P, supports: [c]}
    ...   - {id: q, text: Q, supports: [c]}
    ...   - {id: o, text: O, attacks: [p]}
    ... '''))
    >>> enc = encode(G)
    >>> labels = grounded(enc.framework).labels
    >>> {c: labels[enc.framework.index[c]] for c in enc.claims}
    {'c': 'in', 'p': 'out', 'q': 'in', 'o': 'in'}
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.graph import edge_list
from argmap.model import ClaimKind
from argmap.semantics.framework import Framework

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Inference", "Encoding", "encode", "inferences"]


@dataclass(frozen=True)
class Inference:
    """One support: premises that together support a target, through these links."""

    name: str
    premises: tuple[str, ...]
    target: str
    links: tuple[str, ...]
    group: str | None = None


@dataclass
class Encoding:
    """A map's Dung framework; the first ``len(claims)`` arguments are the claims."""

    framework: Framework
    claims: list[str]
    inferences: dict[str, Inference]


def inferences(G: nx.MultiDiGraph, *, skip: Iterable[str] = ()) -> list[Inference]:
    """The supports of a map: one per linked group, one per ungrouped support link.

    Claims in ``skip`` (retracted) take their supports with them.
    """
    skip = set(skip)
    grouped: dict[tuple[str, str], list] = {}
    found: list[Inference] = []
    edges = sorted(edge_list(G), key=lambda e: e[2]["index"])
    for u, v, d in edges:
        if d["kind"] != "support":
            continue
        link = d["link"]
        if link.group is not None:
            grouped.setdefault((link.group, v), []).append((u, link))
            continue
        found.append(
            Inference(
                f"inference:{link.id}",
                (u,),
                v,
                (link.id,),
                None,
            )
        )
    for (group, target), members in grouped.items():
        ids = tuple(link.id for _, link in members)
        found.append(
            Inference(
                f"inference:group:{group}",
                tuple(u for u, _ in members),
                target,
                ids,
                group,
            )
        )
    return [
        inf for inf in found if inf.target not in skip and not any(p in skip for p in inf.premises)
    ]


def encode(
    G: nx.MultiDiGraph, *, retract: Iterable[str] = (), assume: Iterable[str] = ()
) -> Encoding:
    """The Dung framework of a map under the evidential reading of support.

    ``retract`` drops claims with all their links (a claim whose reasons are all retracted
    no longer stands); ``assume`` takes claims as given: nothing attacks them and they need
    no support.
    """
    retract = set(retract)
    assume = set(assume)
    claims = [n for n in G.nodes if n not in retract]
    names = list(claims)
    attacks: list[tuple[str, str]] = []
    # The undercuts aimed at each link, as (undercutter, undercut link id).
    undercut_by: dict[str, list[tuple[str, str]]] = {}
    edges = edge_list(G)
    for u, _, d in edges:
        if d["kind"] == "undercut" and u not in retract:
            undercut_by.setdefault(d["undercuts"], []).append((u, d["link"].id))
    carriers: dict[str, str] = {}

    def carrier(source: str, link_id: str) -> str:
        """The argument that carries a link's attack: its source claim, or, when the
        link is itself undercut, an ``attack:ID`` argument that holds only while the
        source stands and no undercut of it does."""
        if link_id not in undercut_by:
            return source
        if link_id in carriers:
            return carriers[link_id]

        def start(source: str, link_id: str) -> list:
            node = f"attack:{link_id}"
            missing = f"missing:{source}@{node}"
            carriers[link_id] = node
            names.extend([node, missing])
            attacks.extend([(missing, node), (source, missing)])
            return [node, undercut_by[link_id], 0]

        # Depth first, without recursion (undercut chains may be thousands deep): an
        # undercut's own carrier is built before the attack it carries is added.
        stack = [start(source, link_id)]
        while stack:
            frame = stack[-1]
            node, cuts, i = frame
            if i == len(cuts):
                stack.pop()
                continue
            w, wid = cuts[i]
            if wid in undercut_by and wid not in carriers:
                stack.append(start(w, wid))
                continue
            attacks.append((carriers.get(wid, w), node))
            frame[2] = i + 1
        return carriers[link_id]

    for u, v, d in edges:
        if d["kind"] == "attack" and u not in retract and v not in retract and v not in assume:
            attacks.append((carrier(u, d["link"].id), v))
    infs = {inf.name: inf for inf in inferences(G, skip=retract)}
    # A claim the map gives reasons for needs one to hold, even when what-ifs have
    # retracted them all: then it has nothing left to stand on.
    supported: dict[str, list[str]] = {
        v: [] for _, v, d in edges if d["kind"] == "support" and v not in retract
    }
    # A question is never taken as given: it stands only when an answer supporting it does.
    supported.update(
        (n, [])
        for n in claims
        if G.nodes[n]["claim"].kind is ClaimKind.question and n not in supported
    )
    for inf in infs.values():
        names.append(inf.name)
        supported.setdefault(inf.target, []).append(inf.name)
        for p in inf.premises:
            missing = f"missing:{p}@{inf.name}"
            names.append(missing)
            attacks += [(missing, inf.name), (p, missing)]
        for link_id in inf.links:
            attacks += [(carrier(w, wid), inf.name) for w, wid in undercut_by.get(link_id, [])]
    for claim, into in supported.items():
        if claim in assume:
            continue
        lack = f"unsupported:{claim}"
        names.append(lack)
        attacks.append((lack, claim))
        attacks += [(inf, lack) for inf in into]
    return Encoding(Framework.from_pairs(names, attacks), claims, infs)
