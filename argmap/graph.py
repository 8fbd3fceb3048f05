"""The argument graph: the one place a map becomes a networkx graph.

Claims are nodes keyed by id, in document order, with the :class:`Claim` as the
``claim`` attribute. Every link is an edge ``source -> target`` of a
``MultiDiGraph`` keyed by the link id, with ``kind`` (a :class:`LinkKind`, equal to ``"support"``,
``"attack"`` or ``"undercut"``) and the :class:`Link` as ``link``. An undercut
attacks a link, not a claim: its edge runs from the undercutter to the claim the
undercut link supports, and its ``undercuts`` attribute names that link. So
"what bears on X" is always "what has a path into X".

``G.graph["links"]`` maps each link id to its ``(source, target, key)`` edge.

Examples:
    >>> G = build_graph(loads('''
    ... title: t
    ... claims:
    ...   - {id: c, text: C, kind: conclusion}
    ...   - {id: p, text: P, supports: [c]}
    ...   - {id: u, text: U, undercuts: [p.support.c]}
    ... '''))
    >>> sorted((u, v, str(d["kind"])) for u, v, d in G.edges(data=True))
    [('p', 'c', 'support'), ('u', 'c', 'undercut')]
    >>> conclusions(G)
    ['c']
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from argmap.errors import Diagnostic, MapError, UsageError, did_you_mean
from argmap.model import ArgMap, Claim, ClaimKind, Link, LinkKind, Path, landing_claim
from argmap.model.document import Document

if TYPE_CHECKING:
    import networkx as nx

    from argmap.errors import Location

__all__ = [
    "build_graph",
    "check_integrity",
    "integrity_problems",
    "claim",
    "claims",
    "links",
    "conclusions",
    "tops",
    "reaching",
    "require_claim",
    "support_adjacency",
    "open_issues",
    "incoming",
    "link_counts",
    "edge_list",
    "add_claim_nodes",
]


def build_graph(doc: Document | ArgMap) -> nx.MultiDiGraph:
    """Build the argument graph of a map.

    Raises:
        MapError: the map has broken references (see :func:`integrity_problems`).
    """
    if isinstance(doc, ArgMap):
        doc = Document(doc)
    from argmap.io.bulk import kept, paused_gc

    with paused_gc():
        G = _build(doc.model, checked=True)
        if G is None:  # something is broken: find every problem, with its place
            G = _build(doc.model, check_integrity(doc))
    kept(G)
    return G


def _place(d: Diagnostic) -> tuple[int, int]:
    return (d.location.line, d.location.col) if d.location is not None else (0, 0)


def check_integrity(doc: Document | ArgMap) -> list[Link]:
    """Every link of a map, once its references are known to hold (no graph is built).

    Raises:
        MapError: the map has broken references (see :func:`integrity_problems`).
    """
    if isinstance(doc, ArgMap):
        doc = Document(doc)
    paths_links = list(doc.model.iter_links())
    problems = [d for d in integrity_problems(doc, paths_links) if d.severity == "error"]
    if problems:
        raise MapError(sorted(problems, key=_place))
    return [link for _, link in paths_links]


def _build(
    m: ArgMap,
    all_links: list[Link] | None = None,
    *,
    tolerant: bool = False,
    checked: bool = False,
) -> Any:
    """The graph of a map; ``tolerant`` leaves out links whose references are broken
    (for :func:`argmap.analysis.validate.validate`, which reports them). With ``checked``, the
    references are checked as the graph is built, in the same pass, and None is returned
    at the first sign of a problem (for :func:`integrity_problems` to say what and where)."""
    import networkx as nx

    G = nx.MultiDiGraph(title=m.title, map=m)
    add_claim_nodes(G, m.claims)
    claims = G._node  # a plain dict: much quicker to ask than the graph
    if all_links is None:
        all_links = m.all_links()
    # Every id is filled in (all_links); no cast called per link: this is the hot loop.
    by_id: dict[str, Link] = {link.id: link for link in all_links}  # type: ignore[misc]
    if checked and not _sound_map(m, all_links, by_id, claims):
        return None
    if tolerant:  # only for a map with broken references (validate sifts a sound one not)
        all_links = [link for link in all_links if _sound(link, claims, by_id)]
    index: dict[str, tuple[str, str, str]] = {}
    # The edges are written straight into networkx's adjacency, in the same pass: networkx's
    # own loop spends most of its time on checks made here already. (A repeated link id is
    # refused by the checks, or reported by validate; its data is merged as networkx would.)
    succ, pred = G._succ, G._pred
    new_keydict = G.edge_key_dict_factory
    undercut = LinkKind.undercut
    for i, link in enumerate(all_links):
        source, target, kind = link.source, link.target, link.kind
        key: str = link.id  # type: ignore[assignment]  # filled in, as above
        # The kind is a StrEnum: it equals "support", "attack" or "undercut".
        attrs: dict[str, Any] = {"kind": kind, "link": link, "index": i}
        if kind is undercut:
            attrs["undercuts"] = target
            target = landing_claim(link, by_id)  # type: ignore[assignment]  # None: refused below
            # (The undercut link is itself checked in its turn: no need to follow chains.)
            if checked and (
                target is None
                or source not in claims
                or by_id[link.target].source == source  # undercutting its own link
            ):
                return None
        elif checked and (source not in claims or target not in claims or source == target):
            return None
        keydict = succ[source].get(target)
        if keydict is None:
            keydict = succ[source][target] = pred[target][source] = new_keydict()
        data = keydict.get(key)
        if data is None:
            keydict[key] = attrs
        else:
            data.update(attrs)
        index[key] = (source, target, key)
    G.graph["links"] = index
    return G


def _sound_map(m: ArgMap, all_links: list[Link], by_id: dict, claims: dict) -> bool:
    """Whether the map's ids are unique, its claims' sources exist and its linked groups
    are consistent: the checks of :func:`integrity_problems` that are not about one link."""
    if len(claims) != len(m.claims) or len(by_id) != len(all_links):
        return False
    source_ids = {s.id for s in m.sources}
    if len(source_ids) != len(m.sources):
        return False
    if not {c.source for c in m.claims if c.source is not None} <= source_ids:
        return False
    grouped = [link for link in m.links if link.group is not None]
    if grouped:
        targets: dict[str | None, str] = {}
        for link in grouped:
            if link.kind is not LinkKind.support or targets.setdefault(link.group, link.target) != (
                link.target
            ):
                return False
    return True


def add_claim_nodes(G: nx.MultiDiGraph, claims: list[Claim]) -> None:
    """Add one node per claim, keyed by id, with ``claim`` and ``index`` attributes, as
    ``G.add_nodes_from`` would, into an empty graph."""
    node, succ, pred = G._node, G._succ, G._pred
    new_attrs, new_adj = G.node_attr_dict_factory, G.adjlist_inner_dict_factory
    for i, c in enumerate(claims):
        if c.id not in node:
            succ[c.id] = new_adj()
            pred[c.id] = new_adj()
            node[c.id] = new_attrs()
        node[c.id].update(claim=c, index=i)


def _sound(link: Link, G: Any, by_id: dict[str, Link]) -> bool:
    """Whether a link's references hold (``G``: the claims, a graph or a set of ids)."""
    if link.source not in G:
        return False
    if link.kind is LinkKind.undercut:
        target = by_id.get(link.target)
        if target is None or landing_claim(link, by_id) is None:
            return False
        return _sound(target, G, by_id)
    return link.target in G and link.target != link.source


def integrity_problems(
    doc: Document, paths_links: list[tuple[Path, Link]] | None = None
) -> Iterator[Diagnostic]:
    """Problems that stop a map becoming a graph: duplicate ids, dangling references,
    self-links, misdirected undercuts and inconsistent linked groups.

    ``paths_links`` is ``list(doc.model.iter_links())`` when the caller has it already."""
    m = doc.model
    yield from _duplicates(doc, "sources", [s.id for s in m.sources], "source")
    yield from _duplicates(doc, "claims", [c.id for c in m.claims], "claim")
    claim_ids = {c.id for c in m.claims}
    source_ids = {s.id for s in m.sources}
    for i, c in enumerate(m.claims):
        if c.source is not None and c.source not in source_ids:
            yield Diagnostic(
                "dangling_ref",
                "error",
                f"claim {c.id!r} names source {c.source!r}, which is not in sources",
                doc.locate(("claims", i, "source")),
                hint=did_you_mean(c.source, source_ids),
                claim=c.id,
            )
    if paths_links is None:
        paths_links = list(m.iter_links())
    links_by_id = {link.key: link for _, link in paths_links}
    seen_link: dict[str, Path] = {}
    # Look for the repeated ids only when the count says there are some.
    for path, link in paths_links if len(links_by_id) < len(paths_links) else ():
        if link.key in seen_link:
            yield Diagnostic(
                "duplicate_id",
                "error",
                f"link id {link.id!r} is used twice (first at {doc.locate(seen_link[link.key])})",
                doc.locate(path),
            )
        else:
            seen_link[link.key] = path
    # Most links are sound: find the few worth a closer look with one quick pass.
    undercut = LinkKind.undercut
    suspects = [
        (path, link)
        for path, link in paths_links
        if link.kind is undercut
        or link.source not in claim_ids
        or link.target not in claim_ids
        or link.source == link.target
    ]
    for path, link in suspects:
        if link.source not in claim_ids:
            yield Diagnostic(
                "dangling_ref",
                "error",
                f"link {link.id!r} comes from unknown claim {link.source!r}",
                _link_part(doc, path, "source"),
                hint=did_you_mean(link.source, claim_ids),
            )
        if link.kind is LinkKind.undercut:
            yield from _undercut_problems(doc, path, link, links_by_id, claim_ids)
            continue
        if link.target not in claim_ids:
            yield Diagnostic(
                "dangling_ref",
                "error",
                f"link {link.id!r} points to unknown claim {link.target!r}",
                _link_part(doc, path, "target"),
                hint=did_you_mean(link.target, claim_ids),
            )
        elif link.source == link.target:
            yield Diagnostic(
                "self_link",
                "error",
                f"claim {link.source!r} {link.kind.value}s itself",
                doc.locate(path),
                claim=link.source,
            )
    yield from _group_problems(doc, paths_links)


def _link_part(doc: Document, path: Path, part: str) -> Location:
    """Where a link's source or target is written: the key of an explicit link, or the
    shorthand entry on its claim."""
    return doc.locate((*path, part)) if path[0] == "links" else doc.locate(path)


def _duplicates(doc: Document, section: str, ids: list[str], what: str) -> Iterator[Diagnostic]:
    if len(set(ids)) == len(ids):
        return
    first: dict[str, int] = {}
    for i, ident in enumerate(ids):
        if ident in first:
            yield Diagnostic(
                "duplicate_id",
                "error",
                f"{what} id {ident!r} is used twice "
                f"(first at {doc.locate((section, first[ident]))})",
                doc.locate((section, i, "id")),
                claim=ident if what == "claim" else None,
            )
        else:
            first[ident] = i


def _undercut_problems(
    doc: Document, path: Path, link: Link, links_by_id: dict[str, Link], claim_ids: set[str]
) -> Iterator[Diagnostic]:
    target = links_by_id.get(link.target)
    answered = len(path) > 2 and path[2] == "answers"  # a "no" answer, read as an undercut
    if target is None and answered:
        into = [k for k, lk in links_by_id.items() if lk.target == link.target and
                lk.kind.value == "support"]  # fmt: skip
        known = link.target in claim_ids
        yield Diagnostic(
            "undercut_target" if known else "dangling_ref",
            "error",
            f"claim {link.source!r} answers a question of {link.target!r}, which is "
            + ("a claim: an answer names the inference (a support link) it questions"
               if known else "no link of this map"),
            doc.locate((*path, "link")),
            hint=(f"the supports into {link.target!r}: {', '.join(into)}" if into
                  else did_you_mean(link.target, links_by_id)),
        )  # fmt: skip
        return
    if target is None:
        if link.target in claim_ids:
            yield Diagnostic(
                "undercut_target",
                "error",
                f"undercut {link.id!r} targets claim {link.target!r}; an undercut targets a link",
                _link_part(doc, path, "target"),
                hint="to attack the claim itself, use an attack link",
            )
        else:
            yield Diagnostic(
                "dangling_ref",
                "error",
                f"undercut {link.id!r} targets unknown link {link.target!r}",
                _link_part(doc, path, "target"),
                hint=did_you_mean(link.target, links_by_id),
            )
    elif landing_claim(link, links_by_id) is None:
        yield Diagnostic(
            "undercut_target",
            "error",
            f"undercut {link.id!r} is part of a circle of undercuts",
            _link_part(doc, path, "target"),
        )
    elif target.source == link.source:
        yield Diagnostic(
            "self_link", "error", f"claim {link.source!r} undercuts its own link", doc.locate(path)
        )


def _group_problems(doc: Document, paths_links: list[tuple[Path, Link]]) -> Iterator[Diagnostic]:
    groups: dict[str, list[tuple[Path, Link]]] = defaultdict(list)
    for path, link in paths_links:
        if link.group is not None:
            groups[link.group].append((path, link))
    for name, members in groups.items():
        targets = {link.target for _, link in members}
        path, first = members[0]
        if len(targets) > 1:
            yield Diagnostic(
                "bad_group",
                "error",
                f"linked group {name!r} points to several targets ({', '.join(sorted(targets))}); "
                "premises in a group support one claim together",
                doc.locate((*path, "group")),
            )
        for p, link in members:
            if link.kind is not LinkKind.support:
                yield Diagnostic(
                    "bad_group",
                    "error",
                    f"link {link.id!r} is a {link.kind.value} in linked group {name!r}; "
                    "only support links can be linked",
                    doc.locate((*p, "group")),
                )
        if len(members) == 1:
            yield Diagnostic(
                "lonely_group",
                "warning",
                f"linked group {name!r} has a single link; a linked argument needs two premises",
                doc.locate((*path, "group")),
            )


# --- accessors ----------------------------------------------------------------------------


def claim(G: nx.MultiDiGraph, ident: str) -> Claim:
    """The claim with id ``ident``."""
    return G.nodes[ident]["claim"]


def claims(G: nx.MultiDiGraph) -> list[Claim]:
    """All claims in document order."""
    return [data["claim"] for _, data in G.nodes(data=True)]


def links(G: nx.MultiDiGraph, kind: LinkKind | str | None = None) -> list[Link]:
    """All links (optionally of one kind) in document order."""
    wanted = None if kind is None else LinkKind(kind).value
    found = [d for _, _, d in G.edges(data=True) if wanted is None or d["kind"] == wanted]
    return [d["link"] for d in sorted(found, key=lambda d: d["index"])]


def incoming(G: nx.MultiDiGraph, ident: str) -> list[tuple[str, dict]]:
    """The links into a claim as (source id, edge data), in document order of the links
    (read from the adjacency: networkx's edge view costs more, for every claim of a map)."""
    found = [(u, data) for u, keyed in G._pred[ident].items() for data in keyed.values()]
    return sorted(found, key=lambda item: item[1]["index"])


def conclusions(G: nx.MultiDiGraph) -> list[str]:
    """The conclusions in document order; when the map marks none, the claims that
    bear on nothing (no outgoing link)."""
    marked = [n for n, d in G.nodes(data=True) if d["claim"].kind is ClaimKind.conclusion]
    if marked:
        return marked
    return [n for n in G.nodes if G.out_degree(n) == 0]


def tops(G: nx.MultiDiGraph) -> list[str]:
    """Where a reading of the map starts: the conclusions, then the questions (issues
    that claims answer), in document order."""
    questions = [n for n, d in G.nodes(data=True) if d["claim"].kind is ClaimKind.question]
    return [*conclusions(G), *(q for q in questions if G.out_degree(q) == 0)]


def reaching(G: nx.MultiDiGraph, targets: list[str]) -> set[str]:
    """The targets and every claim with a path of links into one of them (one walk
    backwards from all of them, over the graph's own adjacency)."""
    pred = G._pred
    found = set(t for t in targets if t in pred)
    stack = list(found)
    while stack:
        for u in pred[stack.pop()]:
            if u not in found:
                found.add(u)
                stack.append(u)
    return found


def support_adjacency(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    """The support links alone, as each claim's list of the claims it supports (every
    claim a key): what support cycles and support depth are found in.

    Examples:
        >>> support_adjacency(build_graph(loads(
        ...     "title: t\\nclaims:\\n  - {id: c, text: C}\\n  - {id: p, text: P, supports: [c]}\\n"
        ...     "  - {id: x, text: X, attacks: [p]}\\n")))
        {'c': [], 'p': ['c'], 'x': []}
    """
    out: dict[str, list[str]] = {n: [] for n in G._node}
    for u, nbrs in G._succ.items():
        for v, keydict in nbrs.items():
            if any(d["kind"] == "support" for d in keydict.values()):
                out[u].append(v)
    return out


def open_issues(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    """What a map leaves open, in document order: claims attacked (``contested``),
    conclusions nothing supports, objections nothing answers (an attack on the objection,
    or an undercut of its attack, answers it)."""
    pred = G._pred
    kinds_in = {
        n: {d["kind"] for keydict in pred[n].values() for d in keydict.values()} for n in pred
    }
    claims = [d["claim"] for d in G._node.values()]
    # An objection is answered when something attacks it, or undercuts its attack (as
    # eval counts it: the undercut attack no longer defeats its target).
    links = G.graph.get("links", {})
    undercut_attackers = set()
    for _, nbrs in G._succ.items():
        for keydict in nbrs.values():
            for d in keydict.values():
                if d["kind"] == "undercut" and d.get("undercuts") in links:
                    source, _, _ = links[d["undercuts"]]
                    undercut_attackers.add(source)
    return {
        "contested": [c.id for c in claims if "attack" in kinds_in[c.id]],
        "unsupported_conclusions": [
            c.id
            for c in claims
            if c.kind is ClaimKind.conclusion and "support" not in kinds_in[c.id]
        ],
        "unanswered_objections": [
            c.id
            for c in claims
            if c.kind is ClaimKind.objection
            and "attack" not in kinds_in[c.id]
            and c.id not in undercut_attackers
        ],
    }


def require_claim(G: nx.MultiDiGraph, ident: str) -> str:
    """Check that a claim id given by the user exists.

    Raises:
        UsageError: no such claim; the message suggests close ids.
    """
    if ident in G:
        return ident
    raise UsageError(f"no claim {ident!r} in this map", hint=did_you_mean(ident, list(G.nodes)))


def edge_list(G: nx.MultiDiGraph) -> list[tuple[str, str, dict]]:
    """Every edge as (source, target, data), in the order of ``G.edges(data=True)``, read
    straight from the adjacency: networkx's edge view costs seconds on a large map.

    Examples:
        >>> edge_list(G) == list(G.edges(data=True))
        True
    """
    return [(u, v, d) for u, nbrs in G._succ.items() for v, kd in nbrs.items() for d in kd.values()]


def link_counts(G: nx.MultiDiGraph) -> Counter:
    """How many links of each kind (:func:`edge_list`)."""
    return Counter(d["kind"] for _, _, d in edge_list(G))
