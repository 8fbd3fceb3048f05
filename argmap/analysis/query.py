"""Questions asked of an argument graph: pure functions, graph first, plain data out.

- :class:`ClaimFilter` and :func:`find_claims`: claims by text, tag, kind, source and
  relation (all filters combine with AND);
- :func:`rests_on` and :func:`bears_on`: everything a claim rests on, or bears on,
  transitively, with the distance and the net effect;
- :func:`chains`: the chains of links by which one claim bears on another, each with its
  net sign (a support of an attack is an attack; an attack on an attack is a defence);
- :func:`summary`: counts, depth, contested claims, open objections, central claims.

Sign: a support link is +1, an attack or an undercut (an attack on a support link) is
-1; a chain's sign is the product of its links' signs.

Examples:
    >>> G = build_graph(loads('''
    ... title: t
    ... claims:
    ...   - {id: c, text: Conclusion, kind: conclusion}
    ...   - {id: p, text: A premise about China, supports: [c], tags: [china]}
    ...   - {id: o, text: Objection, kind: objection, attacks: [p]}
    ...   - {id: r, text: Reply, attacks: [o]}
    ... '''))
    >>> [c.id for c in find_claims(G, ClaimFilter(text="china"))]
    ['p']
    >>> [c.id for c in find_claims(G, ClaimFilter(contested=True))]
    ['p', 'o']
    >>> [(r.id, r.distance, r.effect) for r in bears_on(G, "r")]
    [('o', 1, 'attack'), ('p', 2, 'support'), ('c', 3, 'support')]
    >>> [(ch.claims, ch.net) for ch in chains(G, "o", "c")]
    [(['o', 'p', 'c'], 'attack')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from argmap.errors import UsageError
from argmap.model import ArgMap, Claim, ClaimKind

if TYPE_CHECKING:
    import networkx as nx

    from argmap.analysis.query_answers import Stats

__all__ = [
    "ClaimFilter",
    "find_claims",
    "Reached",
    "Reach",
    "rests_on",
    "bears_on",
    "Chain",
    "chains",
    "summary",
    "SIGN",
    "CENTRALITY",
]

SIGN = {"support": 1, "attack": -1, "undercut": -1}
CENTRALITY = "betweenness centrality (networkx.betweenness_centrality)"
#: The work betweenness centrality may do on a larger map, in steps of its walks (claims
#: and links visited): each claim it samples costs a walk of the whole map, so a map of
#: 100,000 claims is sampled from 10 claims, not 500 (which took a minute and a half).
CENTRALITY_BUDGET = 3_000_000
_EFFECT = {1: "support", -1: "attack"}


#: How long a user's regular expression may search, over all the claims of one command.
REGEX_SECONDS = 2.0


class Pattern:
    """A user's regular expression (Python's syntax), searched with a time limit: a
    pattern that backtracks without end, such as ``(a+)+$``, is stopped and reported
    instead of hanging the command (the ``regex`` module's timeout).

    Examples:
        >>> Pattern("^Japan").search("Japan must prepare")
        True
        >>> Pattern("(").search("x")
        Traceback (most recent call last):
        ...
        argmap.errors.UsageError: '(' is not a valid pattern: missing ) at position 1
    """

    def __init__(self, text: str, *, seconds: float | None = None) -> None:
        import regex

        self.text = text
        try:
            self._compiled = regex.compile(text)
        except regex.error as exc:
            raise UsageError(f"{text!r} is not a valid pattern: {exc}") from None
        self._seconds = REGEX_SECONDS if seconds is None else seconds
        self._left = self._seconds

    def search(self, text: str) -> bool:
        import time

        began = time.perf_counter()
        try:
            found = self._compiled.search(text, timeout=max(self._left, 0.001)) is not None
        except TimeoutError:
            raise UsageError(
                f"{self.text!r} took more than {self._seconds:g} s to search the claims",
                hint="it backtracks without end, as nested repeats like (a+)+ do; simplify it",
            ) from None
        self._left -= time.perf_counter() - began
        return found


def parse_kinds(names: list[str] | None) -> tuple[ClaimKind, ...]:
    """Claim kinds as a person names them (any case).

    Raises:
        UsageError: an unknown kind (the nearest named).
    """
    from argmap.errors import did_you_mean

    kinds = []
    for name in names or []:
        try:
            kinds.append(ClaimKind(name.lower()))
        except ValueError:
            choices = [c.value for c in ClaimKind]
            raise UsageError(f"unknown kind {name!r}", hint=did_you_mean(name, choices)) from None
    return tuple(kinds)


@dataclass(frozen=True)
class ClaimFilter:
    """What a claim must satisfy to be listed; every given condition must hold.

    ``kinds`` lists the kinds allowed (any of them); ``tags`` the tags required (all of
    them). ``supports=ID`` keeps the claims with a support link into ID, ``supported_by=ID``
    those that ID supports (likewise ``attacks``, ``attacked_by``). ``unsupported``: no
    support link in; ``unattacked``: no attack link in; ``contested``: at least one;
    ``roots``: bears on nothing; ``leaves``: rests on nothing. ``min_confidence`` keeps
    claims whose confidence is given and at least that.
    """

    text: str | None = None
    pattern: Pattern | None = None
    tags: tuple[str, ...] = ()
    kinds: tuple[ClaimKind | str, ...] = ()
    source: str | None = None
    supports: str | None = None
    attacks: str | None = None
    supported_by: str | None = None
    attacked_by: str | None = None
    unsupported: bool = False
    unattacked: bool = False
    contested: bool = False
    roots: bool = False
    leaves: bool = False
    min_confidence: float | None = None

    @property
    def needs_graph(self) -> bool:
        """Whether a relation is asked about (the claims alone do not answer it)."""
        return any(
            (
                self.supports,
                self.attacks,
                self.supported_by,
                self.attacked_by,
                self.unsupported,
                self.unattacked,
                self.contested,
                self.roots,
                self.leaves,
            )
        )

    @property
    def named_claims(self) -> list[str]:
        """The claim ids the filter names."""
        ids = (self.supports, self.attacks, self.supported_by, self.attacked_by)
        return [i for i in ids if i is not None]


def find_claims(G: nx.MultiDiGraph | ArgMap, f: ClaimFilter) -> list[Claim]:
    """The claims that pass the filter, in document order.

    A map (rather than its graph) answers only filters on the claims themselves.
    """
    if isinstance(G, ArgMap):
        if f.needs_graph:
            raise ValueError("this filter asks about links: pass the graph")
        candidates: Iterable[Claim] = G.claims
    else:
        candidates = (data["claim"] for _, data in G.nodes(data=True))
    needle = f.text.casefold() if f.text else None
    kinds = {ClaimKind(k) for k in f.kinds}
    tags = set(f.tags)
    related = _related_sets(G, f) if f.needs_graph else {}
    out = []
    for c in candidates:
        if needle is not None and needle not in c.text.casefold():
            continue
        if f.pattern is not None and not f.pattern.search(c.text):
            continue
        if kinds and c.kind not in kinds:
            continue
        if tags and not tags.issubset(c.tags):
            continue
        if f.source is not None and c.source != f.source:
            continue
        if f.min_confidence is not None and (
            c.confidence is None or c.confidence < f.min_confidence
        ):
            continue
        if related and not all(c.id in allowed for allowed in related.values()):
            continue
        if f.needs_graph and not _passes_degree_filters(G, c.id, f):
            continue
        out.append(c)
    return out


def _related_sets(G: nx.MultiDiGraph, f: ClaimFilter) -> dict[str, set[str]]:
    """For each relation the filter names, the claims standing in it."""
    asked = {
        # filter: (named claim, look at links into it (True) or out of it, link kind)
        "supports": (f.supports, True, "support"),
        "attacks": (f.attacks, True, "attack"),
        "supported_by": (f.supported_by, False, "support"),
        "attacked_by": (f.attacked_by, False, "attack"),
    }
    sets = {}
    for name, (ident, into, kind) in asked.items():
        if ident is None:
            continue
        edges = G.in_edges(ident, data=True) if into else G.out_edges(ident, data=True)
        sets[name] = {u if into else v for u, v, d in edges if d["kind"] == kind}
    return sets


def _passes_degree_filters(G: nx.MultiDiGraph, ident: str, f: ClaimFilter) -> bool:
    kinds_in = [d["kind"] for _, _, d in G.in_edges(ident, data=True)]
    if f.unsupported and "support" in kinds_in:
        return False
    attacked = "attack" in kinds_in
    if f.unattacked and attacked:
        return False
    if f.contested and not attacked:
        return False
    if f.roots and G.out_degree(ident) != 0:
        return False
    return not (f.leaves and kinds_in)


@dataclass(frozen=True)
class Reached:
    """A claim reached from another: how many links away, and with what net effect.

    ``effect`` is ``"support"`` when every chain between them is positive, ``"attack"``
    when every one is negative, and ``"mixed"`` when there are both.
    """

    id: str
    distance: int
    effect: str


def _reach(G: nx.MultiDiGraph, start: str, *, forward: bool) -> list[Reached]:
    # Breadth first over (claim, sign) states: at most two visits a claim, so linear. The
    # signs are those of every walk of links, round cycles too: a claim that supports its
    # own attacker has a mixed effect on it. Nearest first, then in document order.
    from argmap.io.bulk import paused_gc

    # The raw adjacency dicts: networkx's views cost more than the walk itself here.
    adjacency = G._succ if forward else G._pred
    # Level by level; a claim is reached with a positive net sign, a negative one, or both.
    positive, negative = {start}, set()
    distance: dict[str, int] = {}
    level: tuple[list[str], list[str]] = ([start], [])
    dist = 0
    with paused_gc():
        while level[0] or level[1]:
            dist += 1
            more_positive: list[str] = []
            more_negative: list[str] = []
            for was_positive, nodes in zip((True, False), level, strict=True):
                for node in nodes:
                    for nxt, keydict in adjacency[node].items():
                        for data in keydict.values():
                            # Compared, not looked up: an enum's hash is computed in Python.
                            if (data["kind"] == "support") is was_positive:
                                if nxt not in positive:
                                    positive.add(nxt)
                                    more_positive.append(nxt)
                            elif nxt not in negative:
                                negative.add(nxt)
                                more_negative.append(nxt)
            for nxt in more_positive + more_negative:
                if nxt not in distance:
                    distance[nxt] = dist
            level = (more_positive, more_negative)
    distance.pop(start, None)
    nodes = G._node
    # Sorted as plain tuples: compared in C, with no key function to call.
    found = sorted([(d, nodes[n]["index"], n) for n, d in distance.items()])
    return [
        Reached(
            n,
            d,
            "mixed"
            if n in positive and n in negative
            else "support"
            if n in positive
            else "attack",
        )
        for d, _, n in found
    ]


def reach_ids(G: nx.MultiDiGraph, ident: str, *, forward: bool) -> list[str]:
    """The ids :func:`bears_on` (``forward``) or :func:`rests_on` lists, in the same order
    (nearest first, then in document order), without working out their effects: for an
    answer that prints ids alone. (The nearest distance of a claim does not depend on the
    signs of the chains that reach it.)

    Examples:
        >>> G = build_graph(loads("title: t\\nclaims:\\n  - {id: c, text: C}\\n"
        ...     "  - {id: p, text: P, supports: [c]}\\n  - {id: x, text: X, attacks: [p, c]}\\n"))
        >>> reach_ids(G, "c", forward=False), [r.id for r in rests_on(G, "c")]
        (['p', 'x'], ['p', 'x'])
    """
    adjacency = G._succ if forward else G._pred
    nodes = G._node
    seen = {ident}
    found: list[str] = []
    level = [ident]
    while level:
        nearer: list[str] = []
        for node in level:
            for other in adjacency[node]:
                if other not in seen:
                    seen.add(other)
                    nearer.append(other)
        found += [n for _, n in sorted([(nodes[n]["index"], n) for n in nearer])]
        level = nearer
    return found


def rests_on(G: nx.MultiDiGraph, ident: str) -> list[Reached]:
    """Every claim with a chain of links into ``ident`` (its networkx ancestors), nearest
    first, with its net effect on ``ident``."""
    return _reach(G, ident, forward=False)


def bears_on(G: nx.MultiDiGraph, ident: str) -> list[Reached]:
    """Every claim ``ident`` has a chain of links into (its networkx descendants), nearest
    first, with the net effect of ``ident`` on it."""
    return _reach(G, ident, forward=True)


@dataclass(frozen=True)
class Chain:
    """One way a claim bears on another: the claims passed, the links taken, the net sign."""

    claims: list[str]
    links: list[str]
    kinds: list[str]
    net: str = field(default="support")


def chains(G: nx.MultiDiGraph, a: str, b: str, *, limit: int = 100) -> list[Chain]:
    """The simple chains of links from ``a`` to ``b``, shortest first (at most ``limit``).

    Only claims that lie on some way from ``a`` to ``b`` are searched (none when ``b`` is
    out of reach: the answer is then immediate, however dense the map), and chains come
    shortest first (Yen's algorithm), so a dense map never makes the search explode.
    """
    import itertools

    import networkx as nx

    if a == b or a not in G or b not in G:
        return []
    between = (nx.descendants(G, a) | {a}) & (nx.ancestors(G, b) | {b})
    if b not in between or a not in between:
        return []
    simple = nx.DiGraph()
    keys: dict[tuple[str, str], list[str]] = {}
    for u, v, k in G.subgraph(between).edges(keys=True):
        simple.add_edge(u, v)
        keys.setdefault((u, v), []).append(k)
    out: list[Chain] = []
    for nodes in nx.shortest_simple_paths(simple, a, b):
        steps = list(zip(nodes, nodes[1:], strict=False))
        for choice in itertools.product(*(sorted(keys[s]) for s in steps)):
            kinds = [str(G.edges[u, v, k]["kind"]) for (u, v), k in zip(steps, choice, strict=True)]
            sign = 1
            for kind in kinds:
                sign *= SIGN[kind]
            out.append(Chain(list(nodes), list(choice), kinds, _EFFECT[sign]))
            if len(out) >= limit:
                break
        if len(out) >= limit:
            break
    return sorted(out, key=lambda ch: (len(ch.links), ch.claims, ch.links))


def _support_depth(succ: dict[str, list[str]]) -> int:
    """The longest chain of support links, in links (a cycle of support counts as one
    step, as networkx's condensation makes it one claim).

    Examples:
        >>> _support_depth({"a": ["b"], "b": ["c"], "c": [], "d": ["c"]})
        2
    """
    indegree = dict.fromkeys(succ, 0)
    for targets in succ.values():
        for v in targets:
            indegree[v] += 1
    order = [n for n, d in indegree.items() if d == 0]
    longest = dict.fromkeys(succ, 0)
    for u in order:  # Kahn's order: grows as claims are reached (most maps have no cycle)
        for v in succ[u]:
            longest[v] = max(longest[v], longest[u] + 1)
            indegree[v] -= 1
            if indegree[v] == 0:
                order.append(v)
    if len(order) == len(succ):
        return max(longest.values(), default=0)
    import networkx as nx  # a support cycle: its claims count as one, as networkx says

    return nx.dag_longest_path_length(nx.condensation(nx.DiGraph(succ)))


def summary(G: nx.MultiDiGraph, *, top: int = 5) -> Stats:
    """Counts and notable claims of a map (``argmap stats``'s answer).

    ``depth`` is the longest chain of support links (in links); ``central`` ranks claims by
    betweenness centrality, sampled on maps of more than 500 claims (seeded, so stable)
    from 500 claims, or fewer on a map so large that 500 walks of it would exceed
    :data:`CENTRALITY_BUDGET` (never fewer than 10); ``centrality`` says which.
    """
    import networkx as nx

    from argmap.graph import link_counts, open_issues, support_adjacency

    counts = link_counts(G)
    claims = [d["claim"] for d in G._node.values()]
    kinds = Counter(c.kind for c in claims)
    depth = _support_depth(support_adjacency(G))
    size = G.number_of_nodes() + counts.total()
    k = None if G.number_of_nodes() <= 500 else max(10, min(500, CENTRALITY_BUDGET // size))
    # On the multigraph itself: its walks go claim to claim, as on a copy without parallel
    # links (which would cost more to make than the sampled walks do).
    centrality = nx.betweenness_centrality(G, k=k, seed=0) if G.number_of_nodes() else {}
    index = {n: i for i, n in enumerate(G.nodes)}
    central = sorted(centrality, key=lambda n: (-centrality[n], index[n]))[:top]
    from argmap.analysis.query_answers import Central, Stats

    issues = open_issues(G)
    return Stats.model_construct(
        title=G.graph.get("title", ""),
        claims=len(claims),
        links=counts.total(),
        claims_by_kind={k.value: kinds[k] for k in ClaimKind},
        links_by_kind={kind: counts.get(kind, 0) for kind in ("support", "attack", "undercut")},
        depth=depth,
        contested=issues["contested"],
        unsupported_conclusions=issues["unsupported_conclusions"],
        unanswered_objections=issues["unanswered_objections"],
        central=[Central.model_construct(id=n, score=round(centrality[n], 6)) for n in central],
        centrality=CENTRALITY + (f" sampled from {k} claims" if k else ""),
    )


@dataclass
class Reach:
    """``why`` / ``impact`` asked of ``claim`` in graph ``G``: the ids reached (found at
    once), and their :class:`Reached` records, worked out (distance, net effect) only when
    they are shown. ``forward``: what it bears on (impact), else what it rests on (why)."""

    doc: Any
    G: Any
    claim: str
    forward: bool
    found: list[str]
    _table: Any = field(default=None, repr=False)

    @property
    def empty(self) -> str:
        return f"{self.claim} {'bears' if self.forward else 'rests'} on nothing"

    def table(self) -> Any:
        """The claims reached, as :class:`~argmap.analysis.query_answers.Reached`."""
        if self._table is None:
            from argmap.analysis import query_answers

            reached = (bears_on if self.forward else rests_on)(self.G, self.claim)
            self._table = query_answers.Reached.of(self.doc, self.G, reached)
        return self._table

    def answer(self) -> Any:
        """What ``why``/``impact --format json`` print: the :meth:`table`."""
        return self.table()

    def ids(self) -> list[str]:
        return self.found
