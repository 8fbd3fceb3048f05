"""Part of a map: the claims a view selects, the links among them, and what it leaves out.

A view is chosen the same way in ``show``, ``export``, ``eval``, ``watch`` and ``serve``:
``--where EXPR`` (the ``claims`` expression language), ``--tag T`` (shorthand for
``--where tag:T``), and ``--focus ID`` with ``--radius N`` (the claims within N links of
ID, following links either way). Several options narrow the view together.

A :class:`View` keeps the links whose ends are both in it (an undercut also needs the link
it aims at), counts for each claim the links that lead out of the view (drawn as stubs),
and says in one line what it left out. :meth:`View.submap` is a valid map of its own.

Examples:
    >>> doc = loads('''
    ... title: t
    ... claims:
    ...   - {id: c, text: C, kind: conclusion}
    ...   - {id: p, text: P, supports: [c]}
    ...   - {id: q, text: Q, supports: [p]}
    ...   - {id: o, text: O, attacks: [c]}
    ... ''')
    >>> view = select(build_graph(doc), focus="p", radius=1)
    >>> view.claims, view.stubs
    (['c', 'p', 'q'], {'c': 1})
    >>> view.summary()
    'view: 3 of 4 claims, 2 of 3 links (left out 1 claim and 1 link)'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from argmap.errors import UsageError

if TYPE_CHECKING:
    import networkx as nx

    from argmap.model import ArgMap, Link

__all__ = ["Selection", "WHOLE_MAP", "View", "select", "wants_view", "view_of"]


@dataclass(frozen=True)
class Selection:
    """The options that choose part of a map, as every command that shows one takes
    them: ``where`` (an expression), ``tags``, ``focus`` with ``radius``. The default
    chooses the whole map.

    >>> Selection().wanted, Selection(tags=("china",)).wanted
    (False, True)
    """

    where: str | None = None
    focus: str | None = None
    radius: int = 1
    tags: tuple[str, ...] = ()

    @property
    def wanted(self) -> bool:
        """Whether it chooses part of the map (any option given)."""
        return wants_view(where=self.where, focus=self.focus, tags=list(self.tags))

    def options(self) -> dict[str, Any]:
        """The options as keyword arguments of :func:`select` and :func:`view_of`."""
        return {
            "where": self.where,
            "focus": self.focus,
            "radius": self.radius,
            "tags": list(self.tags) or None,
        }


#: The selection of the whole map (no option given).
WHOLE_MAP = Selection()


@dataclass
class View:
    """The claims a view shows (in document order), the links it keeps, and, for each
    claim, how many of its links lead out of the view."""

    claims: list[str]
    links: list[Link]
    total_claims: int
    total_links: int
    stubs: dict[str, int] = field(default_factory=dict)
    criteria: str = ""

    @property
    def left_claims(self) -> int:
        return self.total_claims - len(self.claims)

    @property
    def left_links(self) -> int:
        return self.total_links - len(self.links)

    def summary(self) -> str:
        """One line: what the view shows of the map, and what it leaves out."""

        from argmap.wording import counted as n

        return (
            f"view: {len(self.claims)} of {n(self.total_claims, 'claim')}, "
            f"{len(self.links)} of {n(self.total_links, 'link')} "
            f"(left out {n(self.left_claims, 'claim')} and {n(self.left_links, 'link')})"
        )

    def submap(self, model: ArgMap) -> ArgMap:
        """The view as a map of its own (valid: every link it keeps has both ends): its
        claims without shorthand, its links explicit, the sources they cite."""
        from argmap.model import ArgMap

        keep = set(self.claims)
        shown = {lk.key for lk in self.links}
        defeats = {(lk.source, lk.target) for lk in self.links if lk.kind.value == "undercut"}
        claims = [
            c.model_copy(
                update={
                    "supports": [],
                    "attacks": [],
                    "undercuts": [],
                    # An answer stays when the inference it answers is in the view and,
                    # for a "no", the undercut it makes is too.
                    "answers": [
                        a
                        for a in c.answers
                        if a.link in shown and (a.answer == "yes" or (c.id, a.link) in defeats)
                    ],
                }
            )
            for c in model.claims
            if c.id in keep
        ]
        cited = {c.source for c in claims if c.source}
        note = f"A view of the map ({self.criteria}): {self.summary()}."
        description = f"{model.description}\n\n{note}" if model.description else note
        return ArgMap.model_validate(
            {
                **model.model_dump(exclude={"claims", "links", "sources", "description"}),
                "description": description,
                "sources": [s.model_dump() for s in model.sources if s.id in cited],
                "claims": [c.model_dump() for c in claims],
                "links": [lk.model_dump() for lk in self.links],
            }
        )


def wants_view(*, where: str | None, focus: str | None, tags: list[str] | None) -> bool:
    """Whether any view option was given."""
    return bool(where or focus or tags)


def select(
    G: nx.MultiDiGraph,
    *,
    where: str | None = None,
    focus: str | None = None,
    radius: int = 1,
    tags: list[str] | None = None,
) -> View:
    """The view of the map in ``G`` that the options choose (all of it, with none).

    Raises:
        UsageError: an unknown focus claim, or an expression that does not parse.
    """
    from argmap.analysis import expression
    from argmap.graph import require_claim

    order = list(G.nodes)
    chosen = set(order)
    criteria = []
    if focus is not None:
        require_claim(G, focus)
        chosen &= _near(G, focus, radius)
        criteria.append(f"--focus {focus} --radius {radius}")
    terms = [f"tag:{_quoted(t)}" for t in tags or []]
    if where:
        terms.append(f"({where})")
    if terms:
        text = " and ".join(terms)
        chosen &= expression.matching(G, expression.parse(text))
        criteria.append(f"--where '{text}'")
    all_links = G.graph["map"].all_links()
    by_id = {lk.id: lk for lk in all_links}
    kept: list[Link] = []
    kept_ids: set[str] = set()
    # Undercuts come after what they aim at in a map's links only by convention: settle
    # the claim-to-claim links first, then undercuts in rounds.
    for lk in all_links:
        if lk.kind != "undercut" and lk.source in chosen and lk.target in chosen:
            kept.append(lk)
            kept_ids.add(lk.id)
    pending = [lk for lk in all_links if lk.kind == "undercut" and lk.source in chosen]
    while pending:
        ready = [lk for lk in pending if lk.target in kept_ids]
        if not ready:
            break
        kept += ready
        kept_ids |= {lk.id for lk in ready}
        pending = [lk for lk in pending if lk.id not in kept_ids]
    kept.sort(key=lambda lk: all_links.index(lk))
    stubs: dict[str, int] = {}
    for lk in all_links:
        if lk.id in kept_ids:
            continue
        for end in _ends(lk, by_id):
            if end in chosen:
                stubs[end] = stubs.get(end, 0) + 1
    return View(
        claims=[c for c in order if c in chosen],
        links=kept,
        total_claims=len(order),
        total_links=len(all_links),
        stubs={c: stubs[c] for c in order if c in stubs},
        criteria="; ".join(criteria) or "the whole map",
    )


def view_of(
    doc: Any,
    *,
    where: str | None = None,
    focus: str | None = None,
    radius: int = 1,
    tags: list[str] | None = None,
) -> tuple[Any, View | None]:
    """The document to show for a view (a map of its own) and the view; the document
    itself and None when no view option is given."""
    if not wants_view(where=where, focus=focus, tags=tags):
        return doc, None
    from argmap.graph import build_graph
    from argmap.model.document import Document

    view = select(build_graph(doc), where=where, focus=focus, radius=radius, tags=tags)
    part = Document(view.submap(doc.model), doc.name, doc.path, doc.positions, doc.files)
    return part, view


def _ends(link: Any, by_id: dict[str, Any]) -> list[str]:
    """The claims a link touches: its source and target, or for an undercut its source
    and the claims at the ends of the link it aims at."""
    if link.kind != "undercut":
        return [link.source, link.target]
    seen: list[str] = [link.source]
    aim = by_id.get(link.target)
    while aim is not None and aim.kind == "undercut":
        seen.append(aim.source)
        aim = by_id.get(aim.target)
    if aim is not None:
        seen += [aim.source, aim.target]
    return list(dict.fromkeys(seen))


def _near(G: nx.MultiDiGraph, start: str, radius: int) -> set[str]:
    """The claims within ``radius`` links of ``start``, following links either way (an
    undercut joins its source to the ends of the link it aims at)."""
    by_id = {lk.id: lk for lk in G.graph["map"].all_links()}
    neighbours: dict[str, set[str]] = {n: set() for n in G.nodes}
    for lk in by_id.values():
        ends = _ends(lk, by_id)
        for a in ends:
            neighbours.setdefault(a, set()).update(e for e in ends if e != a)
    seen = {start}
    frontier = {start}
    for _ in range(max(radius, 0)):
        frontier = {n for f in frontier for n in neighbours.get(f, ())} - seen
        if not frontier:
            break
        seen |= frontier
    return seen


def _quoted(value: str) -> str:
    if any(ch.isspace() or ch in "()\"'" for ch in value):
        if '"' in value:
            raise UsageError(f"--tag {value!r}: a tag cannot hold a double quote")
        return f'"{value}"'
    return value
