"""The claim tree that ``show`` and ``why`` draw, as styled text.

Every line is first built as *segments*, ``(text, style)`` pairs, in one place
(:func:`label`). A terminal gets them as a rich tree with colour
(:func:`outline_view`); a pipe gets the same tree as plain lines, one claim per
line, drawn without rich (:func:`outline_lines`), which keeps ``argmap show |
grep`` fast and exact. Support, attack and undercut differ by symbol as well as
by colour, so the tree reads without colour. User text always goes into
:class:`rich.text.Text` as text, never as markup.

Examples:
    >>> from argmap.analysis.outline import outline
    >>> # G and doc: the example map (c; p supports c; objection o attacks c; r attacks o)
    >>> print("\\n".join(outline_lines(G, outline(G))[3:]))
    ■ CONCLUSION c  C
    ├── + CLAIM p  P
    └── − OBJECTION o  O
        └── − CLAIM r  R
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.analysis.outline import Node
from argmap.wording import tree_lines

if TYPE_CHECKING:
    import networkx as nx


__all__ = [
    "SYMBOLS",
    "Segments",
    "label",
    "outline_lines",
    "tree_lines",
    "outline_view",
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
    used: list[Segments] = [
        [(f"{u.name}:", "bold magenta"), (f" claims of {u.path}", "dim")] for u in uses
    ]
    return [
        [(G.graph.get("title", ""), "bold underline")],
        *used,
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
    if c.drafted is not None:
        line.append((f"  (drafted {c.drafted:.2f}, not reviewed)", "italic magenta"))
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
        out.append(
            [(mark, style), (who, "dim"), (f"  {q.question}: ", "dim"), (q.asked or q.text, None)]
        )
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
