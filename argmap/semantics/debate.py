"""Debates across maps: whether each side has had its say.

A map that ``uses`` another may attack its claims while the used map, which was written
before, answers none of those attacks: the map then has the last word by construction.
That may be what the mapper means (the state of an exchange after a rebuttal, no rejoinder
mapped), but a reader should be told which verdicts rest on it. :func:`one_sided` judges
each label of the used map that the debate changes (the used map alone against the whole):
it computes the labels again with every *unanswered* attack removed (an attack, or an
undercut, is answered when a claim of the used map that is not out attacks or undercuts
its source, or undercuts the attack itself), and names the changes that hold only through
unanswered attacks, each with the attack that makes it. A change that holds with the
unanswered attacks gone (an attack answered on the merits, a support the debate adds, a
label the used map's claims gain) is not named.

Examples:
    >>> from argmap.graph import build_graph
    >>> from argmap.model import ArgMap
    >>> m = ArgMap.model_validate({"title": "B", "uses": [{"name": "a", "path": "a.yaml"}],
    ...     "claims": [{"id": "x", "text": "X", "attacks": ["a:c"]},
    ...                {"id": "a:c", "text": "C", "kind": "conclusion"}]})
    >>> [(s.name, s.attacks, [(c.id, c.before, c.after, c.by) for c in s.changed])
    ...  for s in one_sided(build_graph(m), m)]
    [('a', 1, [('a:c', 'in', 'out', ('x attack a:c',))])]
    >>> print(one_sided(build_graph(m), m)[0].message())  # doctest: +NORMALIZE_WHITESPACE
    one-sided debate: 1 label of 'a' changes only through an attack it does not answer
    (a:c in->out, by x attack a:c)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from argmap.model.debate import origin

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["OneSided", "HeldChange", "one_sided"]

_AGAINST = ("attack", "undercut")
#: The most unanswered attacks weighed one at a time for the change each makes (each is
#: one more evaluation); past it, a change is put down to the unanswered attacks together.
_WEIGHED_ALONE = 20
#: Nor in a debate of more claims than this (each evaluation of it takes a while).
_WEIGHED_NODES = 5000


@dataclass(frozen=True)
class HeldChange:
    """A label of the used map that the debate changes, and the unanswered attacks that
    make the change (``source kind target``)."""

    id: str
    before: str | None
    after: str | None
    by: tuple[str, ...]


@dataclass(frozen=True)
class OneSided:
    """A used map whose labels change only through attacks it does not answer: how many
    unanswered attacks there are, and the changes that hold only through them."""

    name: str
    attacks: int
    changed: list[HeldChange]

    def message(self) -> str:
        from argmap.wording import counted

        shown = "; ".join(
            f"{c.id} {c.before}->{c.after}, by {', '.join(c.by[:2])}"
            + (f" and {len(c.by) - 2} more" if len(c.by) > 2 else "")
            for c in self.changed[:4]
        )
        more = f"; and {len(self.changed) - 4} more" if len(self.changed) > 4 else ""
        n = len(self.changed)
        verb = "changes" if n == 1 else "change"
        causes = {b for c in self.changed for b in c.by}
        attack = "an attack" if len(causes) == 1 else "attacks"
        return (
            f"one-sided debate: {counted(n, 'label')} of {self.name!r} {verb} only through "
            f"{attack} it does not answer ({shown}{more})"
        )


def _without(G: nx.MultiDiGraph, edges: list[tuple]) -> nx.MultiDiGraph:
    """The graph without these edges (``(u, v, key)``), its index of links kept true."""
    H = G.copy()
    H.remove_edges_from(edges)
    H.graph = dict(G.graph)
    if "links" in H.graph:
        gone = set(edges)
        H.graph["links"] = {k: e for k, e in G.graph["links"].items() if e not in gone}
    return H


def one_sided(G: nx.MultiDiGraph, model: Any, together: Any = None) -> list[OneSided]:
    """Each map ``model`` uses whose labels the debate changes only through attacks of
    this map that it does not answer (see the module's description). ``together``: the
    grounded evaluation of ``G``, when the caller has it already."""
    from argmap.semantics.evaluate import changes, evaluate, what_if_graph

    names = [u.name for u in model.uses]
    if not names:
        return []
    ours: dict[str, list[tuple]] = {n: [] for n in names}
    for u, v, key, data in G.edges(keys=True, data=True):
        used = origin(v)
        if data.get("kind") in _AGAINST and origin(u) is None and used in ours:
            ours[used].append((u, v, key, data))
    if not any(ours.values()):
        return []
    together = evaluate(G) if together is None else together
    labels = together.labels
    undercut_by: dict[str, list[str]] = {}  # a link's id: the claims that undercut it
    for w, _, d in G.edges(data=True):
        if d.get("kind") == "undercut" and d.get("undercuts") is not None:
            undercut_by.setdefault(d["undercuts"], []).append(w)
    sides = []
    for name in names:
        unanswered = [e for e in ours[name]
                      if not _answered(G, e, name, labels, undercut_by)]  # fmt: skip
        if not unanswered:
            continue
        alone = evaluate(what_if_graph(G, [c for c in G.nodes if origin(c) != name]))
        changed = [c for c in changes(alone, together) if c.before and origin(c.id) == name]
        if not changed:
            continue
        edges = [(u, v, k) for u, v, k, _ in unanswered]
        fair = evaluate(_without(G, edges)).labels
        held = [c for c in changed if fair.get(c.id) != c.after]
        if not held:
            continue
        by: dict[str, list[str]] = {c.id: [] for c in held}
        if 1 < len(unanswered) <= _WEIGHED_ALONE and G.number_of_nodes() <= _WEIGHED_NODES:
            for u, v, k, data in unanswered:
                without_one = evaluate(_without(G, [(u, v, k)])).labels
                for c in held:
                    if without_one.get(c.id) != c.after:
                        by[c.id].append(_said(u, v, data))
        every = [_said(u, v, d) for u, v, _, d in unanswered]
        sides.append(OneSided(name, len(unanswered), [
            HeldChange(c.id, c.before, c.after, tuple(by[c.id] or every)) for c in held
        ]))  # fmt: skip
    return sides


def _said(u: str, v: str, data: dict) -> str:
    """An attack in words: ``source attack target``, an undercut by the link it aims at."""
    if data.get("kind") == "undercut":
        return f"{u} undercut {data.get('undercuts', v)}"
    return f"{u} {data.get('kind')} {v}"


def _answered(
    G: nx.MultiDiGraph, edge: tuple, name: str, labels: dict[str, str], undercut_by: dict
) -> bool:
    """Whether a claim of map ``name`` that is not out attacks or undercuts the source of
    this attack of ours, or undercuts the attack itself."""
    u, _, _, data = edge
    for w, _, d in G.in_edges(u, data=True):
        if d.get("kind") in _AGAINST and origin(w) == name and labels.get(w) != "out":
            return True
    link = data.get("link")
    ids = {getattr(link, "id", None), getattr(link, "key", None)} - {None}
    return any(
        origin(w) == name and labels.get(w) != "out" for i in ids for w in undercut_by.get(i, ())
    )
