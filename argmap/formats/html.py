"""A standalone HTML report: the map drawn by Graphviz, and every claim written out.

One file, no network: the SVG picture is inlined, the styles are in the page, there is
no script. Each box in the picture links to the claim's entry below it, which gives the
claim's text, kind, tags, quote, source and locator, its reasons and objections, and its
notes. Printed, the picture takes the first page and entries do not break across pages.

"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["dump", "LOSSES"]

#: An HTML report carries everything the map holds.
LOSSES: set[str] = set()

_STYLE = """
body { font: 15px/1.45 Georgia, serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.figure svg { max-width: 100%; height: auto; }
.claim { border-left: 4px solid #bbb; padding: .3rem .8rem; margin: .8rem 0; }
.claim.conclusion { border-color: #1f5fa8; } .claim.objection { border-color: #c62828; }
.claim.evidence { border-color: #c9a400; } .claim.premise { border-color: #2e7d32; }
.kind { font: 600 .75rem sans-serif; letter-spacing: .05em; color: #555; }
.tags { font: .8rem sans-serif; color: #1f5fa8; }
blockquote { margin: .3rem 0 .3rem 1rem; font-style: italic; color: #444; }
.links { font: .85rem sans-serif; color: #444; }
.sym-support { color: #2e7d32; } .sym-attack, .sym-undercut { color: #c62828; }
@media print { .figure { page-break-after: always; } .claim { page-break-inside: avoid; } }
"""
_SYMBOL = {"support": "+", "attack": "−", "undercut": "⊘"}
_VERB = {"support": "supported by", "attack": "attacked by", "undercut": "undercut by"}


def dump(
    G: nx.MultiDiGraph,
    *,
    stubs: dict[str, int] | None = None,
    verdicts: dict[str, tuple[str, float | None]] | None = None,
) -> str:
    """The report as one HTML document (Graphviz draws the picture)."""
    from argmap.formats import dot, graphviz

    m = G.graph["map"]
    picture = dot.dump(G, href="#c-{id}", stubs=stubs, verdicts=verdicts)
    svg = graphviz.render(picture, "svg").decode("utf-8")
    svg = svg[svg.index("<svg") :]  # inline: no XML declaration or doctype
    sources = {s.id: s for s in m.sources}
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(m.title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{e(m.title)}</h1>",
    ]
    if m.description:
        parts.append(f"<p>{e(m.description)}</p>")
    meta = ", ".join(x for x in [", ".join(m.authors), m.created or "", m.updated or ""] if x)
    if meta:
        parts.append(f'<p class="tags">{e(meta)}</p>')
    parts.append(f'<div class="figure">{svg}</div>')
    parts.append("<h2>Claims</h2>")
    order = sorted(G.nodes, key=lambda n: G.nodes[n]["claim"].kind.value != "conclusion")
    for n in order:
        c = G.nodes[n]["claim"]
        block = [
            f'<div class="claim {e(c.kind.value)}" id="c-{e(c.id)}">',
            f'<div class="kind">{e(c.kind.value.upper())} · {e(c.id)}</div>',
            f"<div>{e(c.text)}</div>",
        ]
        if c.tags:
            block.append(f'<div class="tags">{" ".join("#" + e(t) for t in c.tags)}</div>')
        if c.quote:
            source = sources.get(c.source)
            cite = ", ".join(
                x
                for x in [
                    e(source.title) if source else e(c.source or ""),
                    e(source.author or "") if source else "",
                    e(c.locator or ""),
                ]
                if x
            )
            if source and source.url:
                cite = f'<a href="{e(source.url)}">{cite}</a>'
            block.append(f"<blockquote>“{e(c.quote)}”</blockquote><div class='links'>{cite}</div>")
        for u, _, d in sorted(G.in_edges(n, data=True), key=lambda x: x[2]["index"]):
            kind = str(d["kind"])
            note = f" — {e(d['link'].note)}" if d["link"].note else ""
            block.append(
                f'<div class="links"><span class="sym-{kind}">{_SYMBOL[kind]}</span> '
                f'{_VERB[kind]} <a href="#c-{e(u)}">{e(u)}</a>{note}</div>'
            )
        if c.note:
            block.append(f'<div class="links">Note: {e(c.note)}</div>')
        if c.confidence is not None:
            block.append(f'<div class="links">Confidence {c.confidence:g}</div>')
        block.append("</div>")
        parts.append("\n".join(block))
    parts.append("</body></html>")
    text = "\n".join(parts) + "\n"
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", text)
