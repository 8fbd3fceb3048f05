"""Debates across maps: whether each side has had its say.

A map that ``uses`` another and attacks its claims, while no claim of the used map attacks
the map's own, gives itself the last word by construction: under any semantics the used
map's claims can only lose. That may be what the mapper means (the state of an exchange
after a rebuttal, no rejoinder mapped), but a reader should be told, with what it costs
the used map: :func:`one_sided` names each such used map and the claims of it whose
grounded label the one-way attacks change.

Examples:
    >>> from argmap.graph import build_graph
    >>> from argmap.model import ArgMap
    >>> m = ArgMap.model_validate({"title": "B", "uses": [{"name": "a", "path": "a.yaml"}],
    ...     "claims": [{"id": "x", "text": "X", "attacks": ["a:c"]},
    ...                {"id": "a:c", "text": "C", "kind": "conclusion"}]})
    >>> [(s.name, s.attacks, [(c.id, c.before, c.after) for c in s.changed])
    ...  for s in one_sided(build_graph(m), m)]
    [('a', 1, [('a:c', 'in', 'out')])]
    >>> print(one_sided(build_graph(m), m)[0].message())  # doctest: +NORMALIZE_WHITESPACE
    one-sided debate: 1 attack on 'a' and no reply from it, so this map has the last word
    by construction; 1 label of 'a' changes because of it (a:c in->out)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from argmap.model.debate import origin

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["OneSided", "one_sided"]

_AGAINST = ("attack", "undercut")


@dataclass(frozen=True)
class OneSided:
    """A used map the map attacks with no reply recorded: how many attacks, and the used
    map's claims whose grounded label they change (before: the used map alone)."""

    name: str
    attacks: int
    changed: list[Any]

    def message(self) -> str:
        from argmap.wording import counted

        labels = ", ".join(f"{c.id} {c.before}->{c.after}" for c in self.changed[:4])
        more = f" and {len(self.changed) - 4} more" if len(self.changed) > 4 else ""
        cost = (
            f"; {counted(len(self.changed), 'label')} of {self.name!r} "
            f"{'changes' if len(self.changed) == 1 else 'change'} because of it "
            f"({labels}{more})"
            if self.changed
            else "; no label of it changes because of it"
        )
        return (
            f"one-sided debate: {counted(self.attacks, 'attack')} on {self.name!r} and no reply "
            f"from it, so this map has the last word by construction{cost}"
        )


def one_sided(G: nx.MultiDiGraph, model: Any, together: Any = None) -> list[OneSided]:
    """Each map ``model`` uses that its own claims attack or undercut while no claim of
    that map attacks or undercuts the map's own (see the module's description).
    ``together``: the grounded evaluation of ``G``, when the caller has it already."""
    from argmap.semantics.evaluate import changes, evaluate, what_if_graph

    names = [u.name for u in model.uses]
    if not names:
        return []
    attacks = dict.fromkeys(names, 0)
    replies = dict.fromkeys(names, 0)
    for u, v, data in G.edges(data=True):
        if data.get("kind") not in _AGAINST:
            continue
        here, there = origin(u), origin(v)  # an undercut's edge ends at its link's target
        if here is None and there in attacks:
            attacks[there] += 1
        elif here in replies and there is None:
            replies[here] += 1
    found = [n for n in names if attacks[n] and not replies[n]]
    if not found:
        return []
    together = evaluate(G) if together is None else together
    sides = []
    for name in found:
        # The used map alone: its claims and the links among them, as its own file has them.
        alone = evaluate(what_if_graph(G, [c for c in G.nodes if origin(c) != name]))
        changed = [c for c in changes(alone, together) if c.before and origin(c.id) == name]
        sides.append(OneSided(name, attacks[name], changed))
    return sides
