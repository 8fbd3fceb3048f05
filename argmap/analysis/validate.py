"""Checks on a map: each rule has a code, a severity and a one-line description.

:func:`validate` runs them all and returns located :class:`Diagnostic` records,
sorted by place. Reference problems come from :func:`argmap.graph.integrity_problems`;
the graph rules then run on the parts of the map that are sound, so one run
reports as much as it can.

Examples:
    >>> from argmap.formats.native import loads
    >>> doc = loads('''
    ... title: t
    ... claims:
    ...   - {id: c, text: C, kind: conclusion}
    ...   - {id: a, text: A, supports: [b]}
    ...   - {id: b, text: B, supports: [a, c]}
    ... ''', "m.yaml")
    >>> for d in validate(doc): print(d.format())
    m.yaml:5:5: error[support_cycle]: support cycle: a -> b -> a
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from pydantic import RootModel

from argmap.errors import Diagnostic, Severity
from argmap.graph import integrity_problems, reaching, support_adjacency, tops
from argmap.model import ClaimKind, LinkKind
from argmap.model.answers import Record
from argmap.model.document import Document

__all__ = ["Rule", "RULES", "validate", "has_errors", "CheckedMap", "Checked", "Problem",
           "Problems"]  # fmt: skip


@dataclass(frozen=True)
class Rule:
    """A documented check."""

    code: str
    severity: Severity
    description: str


RULES: dict[str, Rule] = {
    r.code: r
    for r in [
        Rule("syntax", "error", "the file is not well-formed YAML or JSON"),
        Rule("merge_conflict", "error", "the file still holds a merge's conflict markers"),
        Rule("empty", "error", "the file holds nothing"),
        Rule("binary", "error", "the file is not text (it holds NUL bytes)"),
        Rule("encoding", "error", "the file is not UTF-8 text"),
        Rule("too_large", "error", "the file, or the YAML its aliases expand to, is too large"),
        Rule(
            "too_deep",
            "error",
            "the document is nested too deeply (or maps use each other too deeply)",
        ),
        Rule("duplicate_key", "error", "a mapping gives the same key twice"),
        Rule("not_a_map", "error", "the top level is not a mapping with title, claims and links"),
        Rule("unreadable", "error", "a file could not be read (gone mid-save, say)"),
        Rule(
            "render_failed",
            "error",
            "a live preview's picture could not be drawn (Graphviz failed or took too long)",
        ),
        Rule("edit_failed", "error", "argmap could not make a change to the file's layout"),
        Rule("unknown_key", "error", "a key the format does not know (with a did-you-mean hint)"),
        Rule("missing_key", "error", "a required key is missing"),
        Rule("bad_value", "error", "a value of the wrong type or out of range"),
        Rule("bad_id", "error", "an id that is not a slug"),
        Rule("duplicate_id", "error", "two claims, sources or links share an id"),
        Rule(
            "dangling_ref",
            "error",
            "a link or claim names a claim, link or source that does not exist",
        ),
        Rule("self_link", "error", "a claim supports, attacks or undercuts itself"),
        Rule(
            "undercut_target", "error", "an undercut aims at a claim, or undercuts go in a circle"
        ),
        Rule("bad_group", "error", "a linked group mixes targets or link kinds"),
        Rule("support_cycle", "error", "claims support each other in a circle"),
        Rule(
            "support_attack_conflict", "error", "a claim both supports and attacks the same target"
        ),
        Rule("quote_without_source", "error", "a claim quotes but names no source"),
        Rule(
            "quote_not_found",
            "error",
            "a quote is not in its source's text (closest passage shown)",
        ),
        Rule("source_unreadable", "error", "a source's local text cannot be read"),
        Rule(
            "source_absent",
            "warning",
            "a source's local text is not where the map says, so its quotes went unchecked",
        ),
        Rule(
            "source_withheld",
            "note",
            "a source's text is withheld on purpose (its withheld field) and not there, so "
            "its quotes went unchecked",
        ),
        Rule(
            "path_outside",
            "error",
            "a source text or used map lies outside the map's project and no setting allows it",
        ),
        Rule(
            "locator_mismatch", "warning", "a ¶N locator names another paragraph than the quote's"
        ),
        Rule("lonely_group", "warning", "a linked group with a single link"),
        Rule("duplicate_link", "warning", "the same link written twice"),
        Rule("no_conclusion", "warning", "the map marks no claim as a conclusion"),
        Rule("unsupported_conclusion", "warning", "a conclusion with no support"),
        Rule("disconnected", "warning", "a claim with no path to a conclusion or an open question"),
        Rule("unused_source", "warning", "a source no claim cites"),
        Rule(
            "unknown_scheme",
            "warning",
            "a link names a scheme the catalogue lacks (with a did-you-mean hint)",
        ),
        Rule("unknown_role", "warning", "a premise role its scheme does not have"),
        Rule(
            "unknown_question",
            "warning",
            "an answer to a critical question the inference's scheme does not ask",
        ),
        Rule("dangling_use", "error", "a used map is missing, unreadable or broken"),
        Rule("circular_use", "error", "maps use each other in a circle"),
        Rule(
            "drafted",
            "note",
            "claims and links proposed by argmap draft that no one has reviewed yet",
        ),
        Rule(
            "one_sided_debate",
            "note",
            "a map attacks claims of a map it uses and records no reply from it, so it has "
            "the last word by construction (with the used map's labels that change)",
        ),
        Rule("scheme_conflict", "error", "the links of one linked group name different schemes"),
        Rule("reconstructed_quote", "error", "a claim marked reconstructed carries a quote"),
        Rule(
            "control_character",
            "warning",
            "a text holds a control character (ESC, BEL...), which views show as a symbol",
        ),
    ]
}


def has_errors(diagnostics: list[Diagnostic], *, strict: bool = False) -> bool:
    """Whether the diagnostics fail a check (warnings too when ``strict``)."""
    failing = ("error", "warning") if strict else ("error",)
    return any(d.severity in failing for d in diagnostics)


def validate(doc: Document, *, texts: bool = True) -> list[Diagnostic]:
    """Every problem in a map, sorted by location. ``texts=False`` leaves out the checks
    that read the source texts the map names (for a map that has no place yet: one being
    imported, say)."""
    from argmap.graph import _build
    from argmap.io.bulk import kept

    paths_links = list(doc.model.iter_links())
    found = list(integrity_problems(doc, paths_links))
    # Broken references are left out of the graph (and reported); a sound map needs no sifting.
    broken = any(d.severity == "error" for d in found)
    G = _build(doc.model, [link for _, link in paths_links], tolerant=broken)
    kept(G)
    index = {c.id: i for i, c in enumerate(doc.model.claims)}
    for check in _CHECKS:
        if texts or check is not _quotes:
            found.extend(check(doc, G, index))
    return sorted(found, key=_order)


def _order(d: Diagnostic) -> tuple:
    loc = d.location
    return (loc.line if loc else 0, loc.col if loc else 0, d.code, d.message)


def _at(doc: Document, index: dict[str, int], ident: str):
    return doc.locate(("claims", index[ident]))


def _support_cycles(doc, G, index) -> Iterator[Diagnostic]:
    # The support links as plain adjacency (most maps have no cycle: one linear pass).
    succ = support_adjacency(G)
    for scc in _strong_components(_in_cycles(succ)):
        if len(scc) < 2:
            continue
        start = min(scc, key=index.__getitem__)
        cycle = _cycle_through(start, succ, set(scc))
        chain = " -> ".join([*cycle, cycle[0]])
        yield Diagnostic(
            "support_cycle", "error", f"support cycle: {chain}", _at(doc, index, start), claim=start
        )


def _in_cycles(succ: dict[str, list[str]]) -> dict[str, list[str]]:
    """The part of a graph that can hold cycles: what is left once claims nothing leads
    into are peeled off, again and again (Kahn's algorithm). Empty for a map without a
    support cycle, which most are."""
    degree: dict[str, int] = dict.fromkeys(succ, 0)
    for vs in succ.values():
        for v in vs:
            degree[v] = degree.get(v, 0) + 1
    queue = [n for n, d in degree.items() if d == 0]
    left = len(degree)
    while queue:
        n = queue.pop()
        left -= 1
        for m in succ.get(n, ()):
            degree[m] -= 1
            if degree[m] == 0:
                queue.append(m)
    if not left:
        return {}
    return {u: vs for u, vs in succ.items() if degree[u] > 0}


def _strong_components(succ: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components, without recursion."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    counter = 0
    for root in succ:
        if root in index:
            continue
        work = [(root, iter(succ.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(succ.get(child, ()))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    out.append(component)
    return out


def _cycle_through(start: str, succ: dict[str, list[str]], within: set[str]) -> list[str]:
    """A cycle from ``start`` back to it inside one strong component (shortest first
    steps: a walk breadth first, then the way back)."""
    came: dict[str, str] = {}
    frontier = [start]
    while frontier:
        nxt = []
        for u in frontier:
            for v in succ.get(u, ()):
                if v not in within:
                    continue
                if v == start:
                    path = [u]
                    while path[-1] != start:
                        path.append(came[path[-1]])
                    return path[::-1]
                if v not in came:
                    came[v] = u
                    nxt.append(v)
        frontier = nxt
    return [start]


def _conflicts(doc, G, index) -> Iterator[Diagnostic]:
    # Only pairs of claims joined by more than one link can conflict or repeat.
    pairs = [(u, v) for u, nbrs in G._succ.items() for v, keyed in nbrs.items() if len(keyed) > 1]
    for u, v in sorted(pairs, key=lambda e: (index[e[0]], index[e[1]])):
        kinds = [d["kind"] for d in G._succ[u][v].values() if "undercuts" not in d]
        if "support" in kinds and "attack" in kinds:
            yield Diagnostic(
                "support_attack_conflict",
                "error",
                f"claim {u!r} both supports and attacks {v!r}",
                _at(doc, index, u),
                claim=u,
            )
        for kind in ("support", "attack"):
            if kinds.count(kind) > 1:
                yield Diagnostic(
                    "duplicate_link",
                    "warning",
                    f"claim {u!r} {kind}s {v!r} {kinds.count(kind)} times",
                    _at(doc, index, u),
                    claim=u,
                )


def _conclusions(doc, G, index) -> Iterator[Diagnostic]:
    marked = [c.id for c in doc.model.claims if c.kind is ClaimKind.conclusion]
    if not marked:
        if doc.model.claims:
            yield Diagnostic(
                "no_conclusion",
                "warning",
                "no claim has kind 'conclusion'",
                doc.locate(("claims",), key=True),
                hint="mark the main claim(s) with kind: conclusion",
            )
        return
    for ident in dict.fromkeys(marked):
        if not any(d["kind"] == LinkKind.support.value for _, _, d in G.in_edges(ident, data=True)):
            yield Diagnostic(
                "unsupported_conclusion",
                "warning",
                f"conclusion {ident!r} has no support",
                _at(doc, index, ident),
                claim=ident,
            )
    reached = reaching(G, tops(G))
    # A claim that answers a critical question bears on that inference's conclusion.
    targets = (
        {lk.key: lk.target for lk in doc.model.all_links()}
        if any(c.answers for c in doc.model.claims)
        else {}
    )
    for c in doc.model.claims:
        if c.id not in reached and not any(targets.get(a.link) in reached for a in c.answers):
            yield Diagnostic(
                "disconnected",
                "warning",
                f"claim {c.id!r} bears on no conclusion or question",
                _at(doc, index, c.id),
                claim=c.id,
            )


def _provenance(doc, G, index) -> Iterator[Diagnostic]:
    cited = set()
    for i, c in enumerate(doc.model.claims):
        cited.add(c.source)
        if c.quote is None:
            continue
        # A quote needs a source; a reconstruction (the analyst's words) has none.
        if c.source is None or c.reconstructed:
            code, why, hint = (
                ("quote_without_source", "has a quote but no source", "add source: SOURCE-ID")
                if c.source is None
                else (
                    "reconstructed_quote",
                    "is marked reconstructed but quotes its source",
                    "a reconstruction is the analyst's words: drop the quote or the mark",
                )
            )
            yield Diagnostic(
                code,
                "error",
                f"claim {c.id!r} {why}",
                doc.locate(("claims", i, "quote"), key=True),
                hint=hint,
                claim=c.id,
            )
    for i, s in enumerate(doc.model.sources):
        if s.id not in cited:
            yield Diagnostic(
                "unused_source",
                "warning",
                f"source {s.id!r} is cited by no claim",
                doc.locate(("sources", i)),
            )


def _quotes(doc, G, index) -> Iterator[Diagnostic]:
    from argmap.analysis.provenance import check_quotes

    yield from check_quotes(doc).problems


def _schemes(doc, G, index) -> Iterator[Diagnostic]:
    from argmap.analysis.schemes import scheme_problems

    yield from scheme_problems(doc)


def _control_characters(doc, G, index) -> Iterator[Diagnostic]:
    """Texts holding control characters: terminal commands (ESC sequences that move the
    cursor or write the clipboard), which no one means to write in an argument."""
    from argmap.wording import visible

    def found(value: object) -> bool:
        return isinstance(value, str) and visible(value) != value

    m = doc.model
    for key in ("title", "description"):
        if found(getattr(m, key)):
            yield Diagnostic("control_character", "warning",
                             f"the map's {key} holds a control character",
                             doc.locate((key,)))  # fmt: skip
    for i, s in enumerate(m.sources):
        for key in ("title", "author"):
            if found(getattr(s, key)):
                yield Diagnostic("control_character", "warning",
                                 f"source {s.id!r}: its {key} holds a control character",
                                 doc.locate(("sources", i, key)))  # fmt: skip
    for i, c in enumerate(m.claims):
        for key in ("text", "label", "quote", "note", "locator"):
            value = getattr(c, key)
            if value is not None and found(value):
                yield Diagnostic("control_character", "warning",
                                 f"claim {c.id!r}: its {key} holds a control character "
                                 f"({visible(getattr(c, key))[:60]!r})",
                                 doc.locate(("claims", i, key)), claim=c.id)  # fmt: skip


def _drafted(doc, G, index) -> Iterator[Diagnostic]:
    """One note for what argmap draft proposed and no one has reviewed yet."""
    m = doc.model
    claims = [i for i, c in enumerate(m.claims) if c.drafted is not None]
    links = sum(1 for lk in m.all_links() if lk.drafted is not None)
    if claims or links:
        from argmap.wording import counted

        yield Diagnostic("drafted", "note",
                         f"{counted(len(claims), 'claim')} and {counted(links, 'link')} were "
                         "drafted by argmap draft and are not yet reviewed",
                         doc.locate(("claims", claims[0])) if claims else None,
                         hint="review each, then: argmap set MAP ID drafted false")  # fmt: skip


def _debates(doc, G, index) -> Iterator[Diagnostic]:
    if not doc.model.uses:
        return
    from argmap.semantics.debate import one_sided

    at = {u.name: k for k, u in enumerate(doc.model.uses)}
    for side in one_sided(G, doc.model):
        yield Diagnostic("one_sided_debate", "note", side.message(),
                         doc.locate(("uses", at[side.name], "name")),
                         hint="record the replies its text gives, or say that the verdict "
                         "is where the exchange stands after this map")  # fmt: skip


_CHECKS: list[Callable] = [
    _control_characters,
    _support_cycles,
    _conflicts,
    _conclusions,
    _provenance,
    _quotes,
    _schemes,
    _debates,
    _drafted,
]


class Problem(Record):
    """One problem found: its code (``argmap validate --codes``), where, and a hint."""

    code: str
    severity: Severity
    message: str
    hint: str | None
    file: str | None
    line: int | None
    col: int | None
    claim: str | None

    @classmethod
    def of(cls, d: Diagnostic) -> Problem:
        loc = d.location
        # Built as it stands (a map may have tens of thousands of warnings): its fields
        # are the diagnostic's, which are already checked.
        return cls.model_construct(
            code=d.code, severity=d.severity, message=d.message, hint=d.hint,
            file=loc.file if loc else None, line=loc.line if loc else None,
            col=loc.col if loc else None, claim=d.claim,
        )  # fmt: skip


class Problems(RootModel[list[Problem]]):
    """``argmap validate --format json``: every problem of every map, in order."""


@dataclass
class CheckedMap:
    """What checking one map file found."""

    name: str
    #: The map's size (``40 claims, 51 links``); None when the file does not read as a map.
    size: str | None
    diagnostics: list[Diagnostic]
    #: Whether warnings fail this map (``--strict``, or its project's ``strict = true``).
    strict: bool = False
    #: How many problems its project's settings left out (``ignore``/``select``).
    ignored: int = 0
    #: The settings file that applied (None: the defaults).
    settings: str | None = None

    @property
    def failed(self) -> bool:
        """Whether this map fails: it does not read, or it has errors (or warnings, when
        strict). A map that does not read fails whatever its settings ignore."""
        return self.size is None or has_errors(self.diagnostics, strict=self.strict)


@dataclass
class Checked:
    """What checking several map files found, file by file."""

    maps: list[CheckedMap] = field(default_factory=list)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Every problem reported, file by file, each sorted by place."""
        return [d for m in self.maps for d in m.diagnostics]

    def failed(self) -> bool:
        """Whether any file fails."""
        return any(m.failed for m in self.maps)

    def answer(self) -> Problems:
        """What ``argmap validate --format json`` prints: every problem, file by file."""
        return Problems([Problem.of(d) for d in self.diagnostics])

    def ids(self) -> list[str]:
        """The claims the problems concern, once each."""
        return list(dict.fromkeys(d.claim for d in self.diagnostics if d.claim))
