"""The outline of a map: each conclusion with what supports and attacks it, recursively.

This is the shape ``argmap show`` draws, as plain data, so the terminal view
(:mod:`argmap.views.tree`) and the JSON view are the same tree. A claim reached a
second time is a reference (``ref``), not a copy; undercuts hang under the
support they attack; premises that hold only together sit under one group node.

Examples:
    >>> G = build_graph(loads('''
    ... title: t
    ... claims:
    ...   - {id: c, text: C, kind: conclusion}
    ...   - {id: p, text: P, supports: [c]}
    ...   - {id: o, text: O, kind: objection, attacks: [c, p]}
    ... '''))
    >>> [t.id for t in outline(G)]
    ['c']
    >>> [(n.link, n.id, n.ref) for n in outline(G)[0].children]
    [('support', 'p', False), ('attack', 'o', True)]
    >>> [(n.link, n.id, n.ref) for n in outline(G)[0].children[0].children]
    [('attack', 'o', False)]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Union, cast

from pydantic import RootModel

from argmap.graph import incoming, reaching, tops
from argmap.model.answers import Label, Record, Relation, optional

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Node", "Shown", "ShownTrees", "outline", "show_map", "tree_ids"]


@dataclass
class Node:
    """One line of the outline.

    ``id`` is the claim (None for a linked-premise group node); ``link`` is how it
    bears on its parent (None at a root); ``ref`` marks a claim drawn in full
    elsewhere; ``hidden`` counts links cut off by the depth limit.
    """

    id: str | None
    link: str | None = None
    link_id: str | None = None
    group: str | None = None
    ref: bool = False
    hidden: int = 0
    outside: int = 0  # links leading out of the view shown (argmap.analysis.selection)
    loose: bool = False
    #: The scheme of the inference this node stands for (a support, or a linked group).
    scheme: str | None = None
    #: The role the claim plays in the scheme of the link it bears on its parent by.
    role: str | None = None
    #: The inference's key (its first link's id), for its critical questions.
    inference: str | None = None
    children: list[Node] = field(default_factory=list)

    def record(self, G: nx.MultiDiGraph, verdicts: dict[str, tuple[str, float]] | None = None
               ) -> ShownNode:  # fmt: skip
        """This node and those below it as ``show --format json`` prints them: a claim
        with its kind, text and tags (and, weighed, its label and strength), or a group."""
        # Built as it stands (a tree of a large map has as many nodes as it has links):
        # its values are the map's, already checked; a key says something or is left out.
        fields: dict[str, Any] = {
            "id": self.id, "link": self.link, "link_id": self.link_id,
            "children": [child.record(G, verdicts) for child in self.children],
            "ref": self.ref or None, "hidden": self.hidden or None,
            "outside": self.outside or None, "loose": self.loose or None,
            "scheme": self.scheme or None,
        }  # fmt: skip
        if self.id is None:
            fields["group"] = self.group
            return ShownGroup.model_construct(**fields)
        c = G.nodes[self.id]["claim"]
        fields.update(kind=c.kind.value, text=c.text, tags=list(c.tags), role=self.role or None)
        if verdicts and self.id in verdicts:
            fields.update(label=verdicts[self.id][0], strength=round(verdicts[self.id][1], 6))
        return ShownClaim.model_construct(**fields)


class ShownClaim(Record):
    """A claim in a tree; ``link``/``link_id``: how it bears on its parent (null at a root)."""

    id: str
    link: Relation | None
    link_id: str | None
    kind: str
    text: str
    tags: list[str]
    ref: bool | None = optional("Drawn earlier in the tree; not repeated.")
    hidden: int | None = optional("Links below it not drawn (depth).")
    outside: int | None = optional("Links out of the view (--where, --focus).")
    loose: bool | None = optional()
    scheme: str | None = optional()
    role: str | None = optional("Its role in the scheme of its inference.")
    label: Label | None = optional("Its grounded label (--eval).")
    strength: float | None = optional("Its gradual strength (--eval).")
    children: list[ShownNode]


class ShownGroup(Record):
    """Premises that support their parent together (a linked argument)."""

    id: None
    link: Relation
    link_id: None
    group: str
    ref: bool | None = optional()
    hidden: int | None = optional()
    outside: int | None = optional()
    loose: bool | None = optional()
    scheme: str | None = optional()
    children: list[ShownNode]


ShownNode = Union[ShownClaim, ShownGroup]  # noqa: UP007  (pydantic resolves it by name)
ShownClaim.model_rebuild()
ShownGroup.model_rebuild()


class ShownTrees(RootModel[list[ShownNode]]):
    """``argmap show --format json``: the trees, one per conclusion (or the claim asked)."""

    def model_dump(self, **options: Any) -> Any:  # the options pydantic takes
        """As pydantic dumps it (``options`` as it takes them), at any depth: each node by
        its own model, its children put in by a walk, not by recursion (pydantic's
        serializer refuses trees deeper than some 250 levels, and a tree drawn 150 claims
        deep through linked groups is twice that)."""
        out: list[Any] = []
        todo: list[tuple[Any, list[Any]]] = [(node, out) for node in reversed(self.root)]
        while todo:
            node, into = todo.pop()
            record = node.model_dump(**options, exclude={"children"})
            record["children"] = []
            into.append(record)
            todo.extend((child, record["children"]) for child in reversed(node.children))
        return out


#: The deepest an outline is drawn when no depth is asked for: a chain of links longer
#: than this is cut there, its rest counted ("… N more links below"), so that no map can
#: exhaust the stack; ``show CLAIM`` goes on from any claim.
MAX_DEPTH = 150


class _Walker:
    def __init__(self, G: nx.MultiDiGraph, depth: int | None) -> None:
        self.G = G
        self.depth = MAX_DEPTH if depth is None else min(depth, MAX_DEPTH)
        self.drawn: set[str] = set()

    def root(self, ident: str) -> Node:
        self.drawn.add(ident)
        node = Node(ident)
        if self.depth == 0:
            node.hidden = self.G.in_degree(ident)
        else:
            self.expand(node, 1)
        return node

    def expand(self, node: Node, level: int) -> None:
        links = incoming(self.G, cast(str, node.id))  # only a claim's node is expanded
        undercuts: dict[str, list[tuple[str, dict]]] = {}
        for u, data in links:
            if data["kind"] == "undercut":
                undercuts.setdefault(data["undercuts"], []).append((u, data))
        groups: dict[str, Node] = {}
        # Reasons for first, then objections; each in the order the map gives them.
        links.sort(key=lambda item: item[1]["kind"] != "support")
        for u, data in links:
            if data["kind"] == "undercut":
                continue
            link = data["link"]
            parent = node
            if link.group is not None:
                if link.group not in groups:
                    groups[link.group] = Node(
                        None, link="support", group=link.group, inference=link.id
                    )
                    node.children.append(groups[link.group])
                parent = groups[link.group]
                parent.scheme = parent.scheme or link.scheme
            child = self.visit(u, data, level)
            parent.children.append(child)
            self.hang_undercuts(child, link.id, undercuts, level + 1, set())

    def hang_undercuts(
        self, child: Node, link_id: str, undercuts: dict, level: int, done: set[str]
    ) -> None:
        """Undercuts of a link stand under the claim that link comes from, before that
        claim's own reasons; undercuts of an undercut under the undercutter, and so on."""
        if link_id in done:
            return
        done.add(link_id)
        if level > self.depth:  # as deep as the outline goes: say how many lie below
            child.hidden += len(undercuts.get(link_id, []))
            return
        for w, udata in reversed(undercuts.get(link_id, [])):
            grandchild = self.visit(w, udata, level)
            child.children.insert(0, grandchild)
            self.hang_undercuts(grandchild, udata["link"].id, undercuts, level + 1, done)

    def visit(self, ident: str, data: dict, level: int) -> Node:
        link = data["link"]
        node = Node(ident, link=str(data["kind"]), link_id=link.id, role=link.role)
        if link.group is None and node.link == "support":
            node.scheme, node.inference = link.scheme, link.id
        if ident in self.drawn:
            node.ref = True
        elif self.depth is not None and level >= self.depth:
            # Cut off by the depth limit: say how much lies below.
            node.hidden = self.G.in_degree(ident)
        else:
            self.drawn.add(ident)
            self.expand(node, level + 1)
        return node


def outline(
    G: nx.MultiDiGraph, roots: Iterable[str] | None = None, *, depth: int | None = None
) -> list[Node]:
    """The outline trees, from ``roots`` or else from the conclusions.

    Without ``roots``, claims with no path to a conclusion follow in trees of their
    own, marked ``loose``.

    Args:
        G: the argument graph.
        roots: claim ids to start from; default, :func:`argmap.graph.tops`.
        depth: how many levels of links to follow below each root (None: all, up to
            :data:`MAX_DEPTH`).
    """
    walker = _Walker(G, depth)
    if roots is not None:
        return [walker.root(r) for r in roots]
    starts = tops(G)
    trees = [walker.root(r) for r in starts if r not in walker.drawn]
    trees.extend(_loose_ends(G, walker, starts))
    return trees


def _loose_ends(G: nx.MultiDiGraph, walker: _Walker, starts: list[str]) -> list[Node]:
    connected = reaching(G, starts)
    rest = [n for n in G.nodes if n not in connected]
    trees = []
    # Claims that bear on nothing head their own trees first, in document order.
    for n in sorted(rest, key=lambda n: G.out_degree(n) != 0):
        if n not in walker.drawn:
            tree = walker.root(n)
            tree.loose = True
            trees.append(tree)
    return trees


def tree_ids(trees: list[Node]) -> list[str]:
    """The claim ids of an outline in reading order, each once."""
    seen: dict[str, None] = {}
    stack = list(reversed(trees))
    while stack:
        node = stack.pop()
        if node.id is not None:
            seen.setdefault(node.id, None)
        stack.extend(reversed(node.children))
    return list(seen)


def mark_outside(trees: list[Node], stubs: dict[str, int]) -> None:
    """Note on each claim drawn in full how many of its links lead out of the view."""
    stack = list(trees)
    while stack:
        node = stack.pop()
        if node.id is not None and not node.ref:
            node.outside = stubs.get(node.id, 0)
        stack.extend(node.children)


def cut_short(trees: list[Node]) -> int:
    """How many claims of an outline have links below them that were not drawn."""
    count, stack = 0, list(trees)
    while stack:
        node = stack.pop()
        count += bool(node.hidden)
        stack.extend(node.children)
    return count


@dataclass
class Shown:
    """What ``argmap show`` shows: the trees of a map (or of a view of it) and what was
    asked besides. ``notes`` (a tree cut short, the view's summary) and ``problems``
    (quotes not found in their sources, as diagnostics) are for standard error."""

    G: Any
    trees: list[Node]
    verdicts: dict[str, tuple[str, float]] | None = None
    questions: dict | None = None
    quotes: Any = None
    notes: list[str] = field(default_factory=list)
    problems: list[Any] = field(default_factory=list)

    def answer(self) -> ShownTrees:
        """The trees as nested records, each claim's label and strength when weighed."""
        return ShownTrees.model_construct([t.record(self.G, self.verdicts) for t in self.trees])

    def ids(self) -> list[str]:
        """The claim ids in tree order."""
        return tree_ids(self.trees)


def show_map(
    whole: Any,
    claim: str | None = None,
    *,
    depth: int | None = None,
    quotes: bool = False,
    with_eval: bool = False,
    with_questions: bool = False,
    **view_options: Any,
) -> Shown:
    """The trees of a map from its conclusions (or from ``claim``), at most ``depth``
    levels deep, narrowed to the view ``view_options`` choose (where, focus, radius,
    tags: each claim marked with the links that lead out of it). ``with_eval`` weighs the
    whole map; ``quotes`` finds each quote in its source; ``with_questions`` lists each
    inference's critical questions.

    Raises:
        UsageError: no such claim, or a bad view option.
    """
    from argmap.analysis.selection import view_of
    from argmap.graph import build_graph, require_claim

    doc, view = view_of(whole, **view_options)
    G = build_graph(doc)
    roots = [require_claim(G, claim)] if claim is not None else None
    shown = Shown(G, outline(G, roots, depth=depth))
    if depth is None and cut_short(shown.trees):
        shown.notes.append(
            f"note: the tree is drawn {MAX_DEPTH} levels deep; "
            "argmap show MAP CLAIM goes on from any claim"
        )
    if view is not None:
        mark_outside(shown.trees, view.stubs)
        shown.notes.append(view.summary())
    if with_eval:
        from argmap.semantics.evaluate import verdicts

        shown.verdicts = verdicts(build_graph(whole) if view is not None else G)
    if quotes:
        from argmap.analysis.provenance import quote_positions

        positions, absent = quote_positions(doc)
        shown.problems = absent
        shown.quotes = positions or True
    if with_questions:
        from argmap.analysis.schemes import questions_by_inference

        shown.questions = questions_by_inference(whole.model)
    return shown
