"""Views for people: the claim tree and diagnostics, as styled text.

Every line is first built as *segments*, ``(text, style)`` pairs, in one place
(:func:`label`). A terminal gets them as a rich tree with colour
(:func:`outline_view`); a pipe gets the same tree as plain lines, one claim per
line, drawn without rich (:func:`outline_lines`), which keeps ``argmap show |
grep`` fast and exact. Support, attack and undercut differ by symbol as well as
by colour, so the tree reads without colour. User text always goes into
:class:`rich.text.Text` as text, never as markup.

Examples:
    >>> from argmap.formats.native import loads
    >>> from argmap.graph import build_graph
    >>> from argmap.analysis.outline import outline
    >>> G = build_graph(loads('''
    ... title: Tiny
    ... claims:
    ...   - {id: c, text: C, kind: conclusion}
    ...   - {id: p, text: P, supports: [c]}
    ...   - {id: o, text: O, kind: objection, attacks: [c]}
    ... '''))
    >>> print("\\n".join(outline_lines(G, outline(G))[3:]))
    ■ CONCLUSION c  C
    ├── + CLAIM p  P
    └── − OBJECTION o  O
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.analysis.outline import Node

if TYPE_CHECKING:
    import networkx as nx

    from argmap.errors import Diagnostic

__all__ = [
    "SYMBOLS",
    "Segments",
    "label",
    "outline_lines",
    "tree_lines",
    "outline_view",
    "diagnostic_segments",
    "summary_segments",
    "plain",
    "styled",
]

#: A line of styled text: (text, rich style or None) pairs.
Segments = list[tuple[str, str | None]]

SYMBOLS = {"support": "+", "attack": "−", "undercut": "⊘"}
_LINK_STYLE = {"support": "bold green", "attack": "bold red", "undercut": "bold red"}
_ROOT_MARK = {"conclusion": "■ ", "question": "? "}
_KIND_STYLE = {
    "conclusion": "bold blue",
    "claim": "bold",
    "premise": "bold green",
    "evidence": "bold yellow",
    "assumption": "bold magenta",
    "objection": "bold red",
    "question": "bold cyan",
    "argument": "bold blue",
}


def plain(segments: Segments) -> str:
    """Segments as plain text."""
    return "".join(text for text, _ in segments)


def styled(segments: Segments) -> Any:
    """Segments as a rich Text."""
    from rich.text import Text

    out = Text()
    for text, style in segments:
        out.append(text, style=style or "")
    return out


def _header(G: nx.MultiDiGraph) -> list[Segments]:
    uses = G.graph["map"].uses if "map" in G.graph else []
    return [
        [(G.graph.get("title", ""), "bold underline")],
        *([[(f"{u.name}:", "bold magenta"), (f" claims of {u.path}", "dim")] for u in uses]),
        [
            ("+", _LINK_STYLE["support"]),
            (" supports   ", "dim"),
            ("−", _LINK_STYLE["attack"]),
            (" attacks   ", "dim"),
            ("⊘", _LINK_STYLE["undercut"]),
            (" undercuts the link above it", "dim"),
        ],
    ]


_VERDICT_STYLE = {"in": "bold green", "out": "bold red", "undec": "bold yellow"}


def label(
    G: nx.MultiDiGraph,
    node: Node,
    *,
    quotes: bool | dict[str, str] = False,
    verdicts: dict[str, tuple[str, float | None]] | None = None,
    questions: dict[str, list] | None = None,
) -> list[Segments]:
    """The line(s) for one node of the outline: the claim, then its quote if asked.

    ``quotes`` may map claim ids to where each quote was found in its source (see
    :func:`argmap.analysis.provenance.quote_positions`); those replace the map's own locator.

    ``verdicts`` maps claim ids to (label, strength) from an evaluation, shown as
    ``[in 0.85]`` after the id.

    A support that names its scheme shows it in angle quotes (``‹analogy›``), a premise
    its role (``‹base›``); ``questions`` maps inference keys to their critical questions
    (:class:`argmap.analysis.schemes.QuestionStatus`), listed under the inference.
    """
    line: Segments = []
    if node.link is not None:
        line += [(SYMBOLS[node.link], _LINK_STYLE[node.link]), (" ", None)]
    if node.id is None:
        group = f"  (linked premises, group {node.group})"
        line = [*line, ("together", "italic"), (group, "dim")]
        if node.scheme:
            line.append((f"  ‹{node.scheme}›", "magenta"))
        return [line, *_question_lines(node, questions)]
    c = G.nodes[node.id]["claim"]
    kind = c.kind.value
    if node.link is None and kind in _ROOT_MARK:
        line.append((_ROOT_MARK[kind], _KIND_STYLE[kind]))
    line += [(kind.upper(), _KIND_STYLE[kind]), (" ", None), (c.id, "dim")]
    if verdicts and c.id in verdicts:
        verdict, strength = verdicts[c.id]
        shown = verdict if strength is None else f"{verdict} {strength:.2f}"
        line += [(" [", None), (shown, _VERDICT_STYLE[verdict]), ("]", None)]
    if node.ref:
        return [[*line, ("  (shown above)", "dim italic")]]
    line += [("  ", None), (" ".join(c.text.split()), None)]
    line += [(f"  #{tag}", "cyan") for tag in c.tags]
    if c.confidence is not None:
        line.append((f"  (confidence {c.confidence:g})", "dim"))
    if c.reconstructed:
        line.append(("  (reconstructed)", "italic yellow"))
    marks = [x for x in (node.scheme, node.role) if x]
    if marks:
        line.append((f"  ‹{': '.join(marks)}›", "magenta"))
    if node.hidden:
        more = "link" if node.hidden == 1 else "links"
        line.append((f"  … {node.hidden} more {more} below", "dim"))
    if node.outside:
        more = "link" if node.outside == 1 else "links"
        line.append((f"  … {node.outside} more {more} outside the view", "dim"))
    lines = [line]
    if quotes and c.quote:
        quote: Segments = [(f"“{' '.join(c.quote.split())}”", "italic")]
        found = quotes.get(c.id) if isinstance(quotes, dict) else None
        where = found or ", ".join(x for x in (c.source, c.locator) if x)
        if where:
            quote.append((f" — {where}", "dim"))
        lines.append(quote)
    return [*lines, *_question_lines(node, questions)]


_ANSWER_MARK = {"open": ("? open", "bold red"), "yes": ("✓ yes", "green"), "no": ("✗ no", "red")}


def _question_lines(node: Node, questions: dict[str, list] | None) -> list[Segments]:
    if not questions or node.inference not in questions or node.ref:
        return []
    out: list[Segments] = []
    for q in questions[node.inference]:
        mark, style = _ANSWER_MARK[q.status]
        who = f" ({', '.join(c for c, _ in q.answers)})" if q.answers else ""
        out.append([(mark, style), (who, "dim"), (f"  {q.question}: ", "dim"), (q.text, None)])
    return out


def outline_lines(
    G: nx.MultiDiGraph,
    trees: list[Node],
    *,
    quotes: bool | dict[str, str] = False,
    verdicts: dict | None = None,
    questions: dict[str, list] | None = None,
) -> list[str]:
    """The outline as plain text lines, one claim a line, with tree guides."""
    out = [plain(s) for s in _header(G)]
    loose_heading = False
    for tree in trees:
        if tree.loose and not loose_heading:
            out += ["", "Not connected to a conclusion"]
            loose_heading = True
        elif not tree.loose:
            out.append("")
        out += tree_lines(
            tree,
            lambda n: [
                plain(s) for s in label(G, n, quotes=quotes, verdicts=verdicts, questions=questions)
            ],
            lambda n: n.children,
        )
    return out


def tree_lines(root: Any, lines_of: Any, children_of: Any) -> list[str]:
    """Any tree as plain lines with guides (``├──``, ``│``, ``└──``), the way rich draws
    trees. ``lines_of(node)`` gives a node's text lines; ``children_of(node)`` its children.
    """
    out: list[str] = []

    def draw(node: Any, first: str, rest: str) -> None:
        lines = lines_of(node)
        children = children_of(node)
        out.append(first + lines[0])
        below = rest + ("│   " if children else "    ")
        out.extend(below + extra for extra in lines[1:])
        for i, child in enumerate(children):
            last = i == len(children) - 1
            draw(child, rest + ("└── " if last else "├── "), rest + ("    " if last else "│   "))

    draw(root, "", "")
    return out


def outline_view(
    G: nx.MultiDiGraph,
    trees: list[Node],
    *,
    quotes: bool | dict[str, str] = False,
    verdicts: dict | None = None,
    questions: dict[str, list] | None = None,
) -> Any:
    """The outline as titled rich trees with a legend, for a terminal."""
    from rich.console import Group
    from rich.text import Text

    parts: list[Any] = [styled(s) for s in _header(G)]
    loose_heading = False
    for tree in trees:
        if tree.loose and not loose_heading:
            parts.append(Text("\nNot connected to a conclusion", style="bold"))
            loose_heading = True
        elif not tree.loose:
            parts.append(Text(""))
        parts.append(_rich_tree(G, tree, quotes, verdicts, questions))
    return Group(*parts)


def _rich_tree(
    G: nx.MultiDiGraph, node: Node, quotes: Any, verdicts: dict | None, questions: Any = None
) -> Any:
    from rich.text import Text
    from rich.tree import Tree

    lines = label(G, node, quotes=quotes, verdicts=verdicts, questions=questions)
    text = Text("\n").join(styled(s) for s in lines)
    tree = Tree(text, guide_style="dim")
    tree.children.extend(
        _rich_tree(G, child, quotes, verdicts, questions) for child in node.children
    )
    return tree


def diagnostic_segments(d: Diagnostic) -> Segments:
    """One diagnostic, errors in red, warnings in yellow, notes dim."""
    return [(d.format(), {"error": "red", "warning": "yellow"}.get(d.severity, "dim"))]


def summary_segments(name: str, summary: str | None, diags: list[Diagnostic]) -> Segments:
    """One map's verdict: ok, or how many errors and warnings (``summary`` None: unreadable)."""
    errors = sum(d.severity == "error" for d in diags)
    warnings = sum(d.severity == "warning" for d in diags)
    line: Segments = [(f"{name}: ", None)]
    if errors:
        line.append((f"{errors} error{'s' * (errors != 1)}", "bold red"))
    else:
        line.append(("ok", "bold green"))
    if warnings:
        line.append((f", {warnings} warning{'s' * (warnings != 1)}", "yellow"))
    if summary:
        line.append((f" ({summary})", "dim"))
    return line


def counted(count: int, word: str) -> str:
    """A number with its noun, singular for one.

    Examples:
        >>> counted(1, "link"), counted(2, "claim"), counted(0, "attack")
        ('1 link', '2 claims', '0 attacks')
    """
    return f"{count} {word}{'s' * (count != 1)}"


# --- argmap eval -------------------------------------------------------------------------


def semantics_header(result: Any) -> str:
    """``grounded semantics``, or ``preferred semantics, skeptical acceptance``."""
    if result.acceptance:
        return f"{result.semantics} semantics, {result.acceptance} acceptance"
    return f"{result.semantics} semantics"


def framework_lines(report: Any, *, extensions: bool = False) -> list[str]:
    """An abstract framework's evaluation (:class:`argmap.semantics.report.FrameworkReport`):
    a summary line, each argument's label, and the extensions when asked for."""
    counts = report.counts()
    F = report.framework
    lines = [
        f"{report.name}: {counted(F.n, 'argument')}, {counted(len(F.sources), 'attack')}; "
        f"{semantics_header(report.result)}: "
        f"{counts['in']} in, {counts['out']} out, {counts['undec']} undec"
    ]
    lines += [f"{label}\t{name}" for name, label in report.result.labels.items()]
    if extensions:
        lines += extension_lines(report.result.extensions)
    return lines


def extension_lines(extensions: list[list[str]]) -> list[str]:
    """The extensions of a framework, numbered."""
    if not extensions:
        return ["", "no extension"]
    return ["", f"{counted(len(extensions), 'extension')}:"] + [
        f"  {i}. {{{', '.join(ext)}}}" for i, ext in enumerate(extensions, 1)
    ]


def eval_lines(report: Any, *, extensions: bool = False) -> list[str]:
    """An evaluation (:class:`argmap.semantics.report.EvalReport`) as plain text: the
    counts, one line per claim (conclusions first), then what changed, the extensions,
    the explanation and the single points of failure, as asked."""
    G, labels, strengths = report.G, report.labels, report.strengths
    conclusion_ids = report.conclusions
    counts = {k: sum(v == k for v in labels.values()) for k in ("in", "out", "undec")}
    lines = [
        f"{report.doc.name}: {semantics_header(report.result)}: {counts['in']} in, "
        f"{counts['out']} out, {counts['undec']} undec"
    ]
    if report.retract or report.assume:
        what = [f"retract {i}" for i in report.retract] + [f"assume {i}" for i in report.assume]
        lines.append(f"what if: {', '.join(what)}")
    if strengths:
        lines.append(
            f"strength: {'DF-QuAD' if strengths.method == 'dfquad' else 'quadratic energy'}"
            " (base = confidence, else 0.5)"
        )
    order = sorted(labels, key=lambda c: c not in conclusion_ids)
    width = max((len(c) for c in order), default=0)
    lines += [
        "",
        f"{'label':<5}{'  strength' if strengths else ''}  {'kind':<10}  {'id':<{width}}  text",
    ]
    for claim in order:
        c = G.nodes[claim]["claim"]
        value = f"  {strengths.strength[claim]:>8.3f}" if strengths else ""
        lines.append(
            f"{labels[claim]:<5}{value}  {c.kind.value:<10}  {claim:<{width}}  "
            f"{' '.join(c.text.split())}"
        )
    if report.changes is not None:
        lines += ["", "What changes:"]
        if not report.changes:
            lines.append("  no label changes")
        for ch in report.changes:
            mark = "conclusion " if ch.id in conclusion_ids else ""
            lines.append(f"  {mark}{ch.id}: {ch.before} -> {ch.after or 'retracted'}")
        shown = [r for r in report.strength_changes or [] if abs(r["delta"]) >= 0.0005]
        for row in shown[:20]:
            lines.append(
                f"  strength {row['id']}: {row['before']:.3f} -> {row['after']:.3f} "
                f"({row['delta']:+.3f})"
            )
    if extensions:
        lines += extension_lines(report.result.extensions)
    if report.explanation is not None:
        lines += ["", "Why:"] + report.explanation.lines()
        if strengths:
            s = strengths.explain(report.explain)
            lines += ["", f"Strength of {report.explain}: base {s['base']:g}"]
            for term in s["terms"]:
                sign = "+" if term["kind"] == "support" else "−"
                lines.append(
                    f"  {sign} {' + '.join(term['from'])}: strength {term['strength']:.3f}"
                    f" x weight {term['weight']:.3f} = {term['contribution']:.3f}"
                )
            lines.append(
                f"  supports {s['supports']:.3f}, attacks {s['attacks']:.3f} "
                f"-> strength {s['strength']:.3f}"
            )
    if report.critical is not None:
        lines += [
            "",
            "Single points of failure (retracting one claim alone topples the conclusion):",
        ]
        if not report.critical:
            lines.append("  no conclusion stands")
        for conclusion, found in report.critical.items():
            names = ", ".join(
                f"{k.id} (also topples {len(k.topples) - 1} more)" if len(k.topples) > 1 else k.id
                for k in found
            )
            lines.append(f"  {conclusion}: {names or 'none'}")
    return lines


#: How a label reads on a terminal: a mark that needs no colour, and a colour.
_LABEL_MARK = {
    "in": ("✔ in", "bold green"),
    "out": ("✘ out", "red"),
    "undec": ("? undec", "yellow"),
}


def eval_view(report: Any, lines: list[str]) -> Any:
    """:func:`eval_lines` for a terminal: the labels as a table that wraps to the
    terminal, each label with a mark and a colour; the lines before and after it as they
    are."""
    from rich.console import Console, Group
    from rich.table import Table
    from rich.text import Text

    from argmap.cli.output import column_widths

    G, labels, strengths = report.G, report.labels, report.strengths
    start = next(i for i, line in enumerate(lines) if line.startswith("label"))
    end = start + 1 + len(labels)
    order = sorted(labels, key=lambda c: c not in report.conclusions)
    columns = ["label", *(["strength"] if strengths else []), "kind", "id", "text"]
    rows = []
    for claim in order:
        c = G.nodes[claim]["claim"]
        value = [f"{strengths.strength[claim]:.3f}"] if strengths else []
        rows.append([_LABEL_MARK[labels[claim]][0], *value, c.kind.value, claim, c.text])
    table = Table(box=None, header_style="bold", pad_edge=False)
    for i, (name, width) in enumerate(
        zip(columns, [*column_widths(columns, rows, Console().width), None], strict=True)
    ):
        if i == len(columns) - 1:
            table.add_column(name, ratio=1, overflow="fold")
        else:
            table.add_column(name, width=width, overflow="fold")
    for claim, row in zip(order, rows, strict=True):
        mark, style = _LABEL_MARK[labels[claim]]
        bold = "bold" if claim in report.conclusions else ""
        table.add_row(Text(mark, style=style), *row[1:-1], Text(" ".join(row[-1].split()), bold))
    return Group(Text("\n".join(lines[:start])), table, Text("\n".join(lines[end:])))


# --- argmap diff -------------------------------------------------------------------------


def diff_lines(d: Any) -> list[str]:
    """A :class:`argmap.analysis.diff.MapDiff` as text, one change a line, marked - + ~ !."""
    if d.empty:
        return ["no changes"]
    lines = []
    for i in d.removed_claims:
        lines.append(f"- claim {i} (removed, with its links)")
    for i in d.added_claims:
        lines.append(f"+ claim {i} (added, with its links)")
    for a, b in d.renamed:
        lines.append(f"~ claim {a} is now {b}")
    for r in d.reworded:
        lines.append(f"~ claim {r.id} reworded ({r.similarity:.0%} alike):")
        lines.append(f"    was: {' '.join(r.before.split())}")
        lines.append(f"    now: {' '.join(r.after.split())}")
    for c in d.changed_fields:
        lines.append(f"~ claim {c.id} {c.field}: {c.before!r} -> {c.after!r}")
    for lk in d.removed_links:
        lines.append(f"- link {lk.source} {lk.kind}s {lk.target}")
    for lk in d.added_links:
        lines.append(f"+ link {lk.source} {lk.kind}s {lk.target}")
    for k in d.kind_changed:
        lines.append(f"~ link {k.source} -> {k.target}: {k.before} became {k.after}")
    for c in d.label_changes:
        what = "conclusion" if c["conclusion"] else "claim"
        lines.append(f"! {what} {c['id']}: {c['before']} -> {c['after']}")
    return lines


# --- argmap coverage ---------------------------------------------------------------------


def coverage_lines(report: dict) -> list[str]:
    """A coverage report (:func:`argmap.analysis.provenance.coverage`) as plain lines."""
    from argmap.analysis.provenance import COVERAGE_GAPS

    lines = []
    for key in COVERAGE_GAPS:
        ids = report[key]
        lines.append(
            f"{key.replace('_', ' ')}: {len(ids)}" + (f" ({', '.join(ids)})" if ids else "")
        )
    made = report["reconstructed"]
    lines.append(
        f"reconstructed claims: {len(made['claims'])} ({made['share']:.0%} of the map)"
        + (f" ({', '.join(made['claims'])})" if made["claims"] else "")
    )
    cq = report["critical_questions"]
    lines.append(
        f"critical questions: {cq['open']} open, {cq['yes']} answered yes, {cq['no']} answered "
        f"no, over {cq['inferences_with_scheme']} of {cq['inferences']} inferences that name "
        "a scheme"
    )
    for q in cq["open_questions"]:
        lines.append(f"  open: {q['inference']} ({q['scheme']}) {q['question']}: {q['text']}")
    for u in cq["unknown_schemes"]:
        lines.append(f"  scheme not in the catalogue: {u['inference']} ({u['scheme']})")
    for s in report["sources_absent"]:
        lines.append(
            f"source {s['source']}: no text at {s['path']}, so its quotes were not checked "
            "and its coverage is unknown"
        )
    for s in report["sources"]:
        name = s["source"] or s["path"]
        share = "n/a" if s["coverage"] is None else f"{s['coverage']:.0%}"
        lines.append(
            f"source {name}: draws on {len(s['drawn_on'])} of {s['argumentative']} "
            f"argumentative paragraphs ({share})"
        )
        for p, ids in s["claims_by_paragraph"].items():
            lines.append(f"  ¶{p}: {', '.join(ids)}")
        for p in s["left_out"]:
            lines.append(f"  left out ¶{p}: {s['left_out_text'][str(p)]}")
    return lines


def validation_lines(checked: Any) -> list[Segments]:
    """What checking map files found (:class:`argmap.analysis.validate.Checked`): each problem,
    then each file's verdict."""
    lines = [diagnostic_segments(d) for d in checked.diagnostics]
    return lines + [summary_segments(*result) for result in checked.maps]
