"""Rich renderables for the terminal: the claim tree and diagnostics.

Functions here build renderables and return them; they never print. User text
always goes into :class:`rich.text.Text`, never into markup, so brackets in a
claim cannot be read as styles. Support, attack and undercut differ by symbol as
well as by colour, so the tree reads without colour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text
from rich.tree import Tree

from argmap.outline import Node

if TYPE_CHECKING:
    import networkx as nx

    from argmap.errors import Diagnostic

__all__ = ["SYMBOLS", "outline_view", "diagnostics_text", "validation_summary"]

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
}


def outline_view(G: nx.MultiDiGraph, trees: list[Node], *, quotes: bool = False) -> Group:
    """The outline (:func:`argmap.outline.outline`) as titled rich trees with a legend."""
    legend = Text.assemble(
        ("+", _LINK_STYLE["support"]), " supports   ",
        ("−", _LINK_STYLE["attack"]), " attacks   ",
        ("⊘", _LINK_STYLE["undercut"]), " undercuts the support above it",
        style="dim",
    )
    parts: list = [Text(G.graph.get("title", ""), style="bold underline"), legend]
    loose_heading = False
    for tree in trees:
        if tree.loose and not loose_heading:
            parts.append(Text("\nNot connected to a conclusion", style="bold"))
            loose_heading = True
        else:
            parts.append(Text(""))
        parts.append(_tree(G, tree, quotes))
    return Group(*parts)


def _tree(G: nx.MultiDiGraph, node: Node, quotes: bool) -> Tree:
    tree = Tree(_label(G, node, quotes), guide_style="dim")
    for child in node.children:
        tree.children.append(_tree(G, child, quotes))
    return tree


def _label(G: nx.MultiDiGraph, node: Node, quotes: bool) -> Text:
    text = Text()
    if node.link is not None:
        text.append(SYMBOLS[node.link], style=_LINK_STYLE[node.link])
        text.append(" ")
    if node.id is None:
        text.append("together", style="italic")
        text.append(f"  (linked premises, group {node.group})", style="dim")
        return text
    c = G.nodes[node.id]["claim"]
    if node.link is None and c.kind.value in _ROOT_MARK:
        text.append(_ROOT_MARK[c.kind.value], style=_KIND_STYLE[c.kind.value])
    text.append(c.kind.value.upper(), style=_KIND_STYLE[c.kind.value])
    text.append(" ")
    text.append(c.id, style="dim")
    if node.ref:
        text.append("  (shown above)", style="dim italic")
        return text
    text.append("  ")
    text.append(c.text)
    for tag in c.tags:
        text.append(f"  #{tag}", style="cyan")
    if c.confidence is not None:
        text.append(f"  (confidence {c.confidence:g})", style="dim")
    if node.hidden:
        more = "link" if node.hidden == 1 else "links"
        text.append(f"  … {node.hidden} more {more} below", style="dim")
    if quotes and c.quote:
        text.append("\n")
        text.append(f"“{c.quote}”", style="italic")
        where = ", ".join(x for x in (c.source, c.locator) if x)
        if where:
            text.append(f" — {where}", style="dim")
    return text


def diagnostics_text(diagnostics: list[Diagnostic]) -> Text:
    """Diagnostics, one per line, errors in red and warnings in yellow."""
    out = Text()
    for d in diagnostics:
        out.append(d.format(), style="red" if d.severity == "error" else "yellow")
        out.append("\n")
    out.rstrip()
    return out


def validation_summary(results: list[tuple[str, str | None, list[Diagnostic]]]) -> Text:
    """One line per map: ok, or how many errors and warnings (``summary`` None: unreadable)."""
    out = Text()
    for name, summary, diags in results:
        errors = sum(d.severity == "error" for d in diags)
        warnings = len(diags) - errors
        out.append(f"{name}: ")
        if errors:
            out.append(f"{errors} error{'s' * (errors != 1)}", style="bold red")
        else:
            out.append("ok", style="bold green")
        if warnings:
            out.append(f", {warnings} warning{'s' * (warnings != 1)}", style="yellow")
        if summary:
            out.append(f" ({summary})", style="dim")
        out.append("\n")
    out.rstrip()
    return out
