"""A standalone HTML report: the map drawn by Graphviz, and every claim written out.

One file, no network: the SVG picture is inlined, the styles and a small script are in
the page. The picture opens readable, in a frame that pans and zooms: whole, fitted to its
frame with its legend in view, where its claim text is then 11 px or more; else at the scale
that makes it 11 px, the main conclusion in view. Drag or the arrow keys move it, the wheel
or + and - zoom, 0 (or "fit") shows it whole, 1 at natural size (claim text about 15 px);
buttons do the same. Each box links to
the claim's card below, which gives its text, kind, tags, quote, source and locator, what
bears on it (supports, attacks, undercuts, premises that hold only together) and what it
bears on, its label and strength when the report was made with ``--eval``, and its notes.
Printed, the picture is fitted to the first page and cards do not break across pages.

"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from argmap.errors import ToolError

if TYPE_CHECKING:
    from collections.abc import Mapping

    import networkx as nx

    from argmap.formats.registry import Drawing
    from argmap.model.document import Document

__all__ = ["dump", "write", "missing", "LOSSES"]

#: An HTML report carries everything the map holds.
LOSSES: set[str] = set()

_STYLE = """
body { font: 15px/1.45 Georgia, serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.figure { position: relative; height: 75vh; min-height: 20rem; overflow: hidden;
          border: 1px solid #ccc; border-radius: 6px; background: #fff; cursor: grab;
          touch-action: none; }
.figure:focus { outline: 2px solid #1f5fa8; }
.figure .canvas { position: absolute; left: 0; top: 0; transform-origin: 0 0; }
.figure svg { display: block; }
.controls { position: absolute; right: .5rem; top: .5rem; z-index: 2; display: flex;
            gap: .25rem; font: 13px sans-serif; }
.controls button { font: 600 13px sans-serif; min-width: 2rem; padding: .2rem .45rem;
                   border: 1px solid #999; border-radius: 4px; background: #f6f6f6; }
.hint { font: .8rem sans-serif; color: #555; margin: .3rem 0 0; }
.claim { border-left: 4px solid #bbb; padding: .3rem .8rem; margin: .8rem 0; }
.claim.conclusion { border-color: #1f5fa8; } .claim.objection { border-color: #c62828; }
.claim.evidence { border-color: #c9a400; } .claim.premise { border-color: #2e7d32; }
.claim:target { background: #fff8d6; }
.kind { font: 600 .75rem sans-serif; letter-spacing: .05em; color: #555; }
.label { font: 700 .75rem sans-serif; padding: 0 .3rem; border-radius: 3px; color: #fff; }
.label.in { background: #1b7d32; } .label.out { background: #b71c1c; }
.label.undec { background: #b26a00; }
.tags { font: .8rem sans-serif; color: #1f5fa8; }
blockquote { margin: .3rem 0 .3rem 1rem; font-style: italic; color: #444; }
.links { font: .85rem sans-serif; color: #444; }
.sym-support { color: #2e7d32; } .sym-attack, .sym-undercut { color: #c62828; }
.scheme { color: #8e24aa; }
.made { font: italic .75rem sans-serif; color: #7a5c00; border: 1px dashed #7a5c00;
        padding: 0 .3rem; border-radius: 3px; }
.questions { margin: .2rem 0 .3rem 1.2rem; padding: 0; font-size: .85rem; }
.q.open { color: #b71c1c; } .q.answered { color: #1b7d32; }
.q.answered.no { text-decoration: none; }
.nopicture { border: 1px solid #ccc; padding: 0 1rem; overflow-x: auto; }
.nopicture pre { font-size: 13px; line-height: 1.4; }
@media print {
  body { max-width: none; margin: 0; }
  .controls, .hint { display: none; }
  .figure { height: auto; overflow: visible; border: 0; page-break-after: always; }
  .figure .canvas { position: static; transform: none !important; }
  .figure svg { width: 100%; height: auto; max-height: 95vh; }
  .claim { page-break-inside: avoid; }
}
"""

# Pan and zoom: a transform on the canvas; nothing leaves the page.
_SCRIPT = """
(function () {
  var frame = document.querySelector(".figure"), canvas = frame.querySelector(".canvas");
  var svg = canvas.querySelector("svg"), scale = 1, x = 0, y = 0, drag = null;
  var width = svg.width.baseVal.value, height = svg.height.baseVal.value;
  function show() {
    canvas.style.transform = "translate(" + x + "px," + y + "px) scale(" + scale + ")";
    frame.dataset.scale = scale.toFixed(3);
  }
  function zoom(factor, cx, cy) {
    var next = Math.min(8, Math.max(0.05, scale * factor));
    x = cx - (cx - x) * next / scale; y = cy - (cy - y) * next / scale; scale = next; show();
  }
  function natural() {  /* natural size, the top (the conclusions) in view */
    scale = 1; x = Math.min(0, (frame.clientWidth - width) / 2); y = 0; show();
  }
  function whole() {
    scale = Math.min(frame.clientWidth / width, frame.clientHeight / height, 1);
    x = (frame.clientWidth - width * scale) / 2; y = 0; show();
  }
  frame.addEventListener("wheel", function (e) {
    e.preventDefault();
    var r = frame.getBoundingClientRect();
    zoom(e.deltaY < 0 ? 1.2 : 1 / 1.2, e.clientX - r.left, e.clientY - r.top);
  }, {passive: false});
  frame.addEventListener("pointerdown", function (e) {
    if (e.target.closest("a, button")) { return; }
    drag = {x: e.clientX - x, y: e.clientY - y}; frame.setPointerCapture(e.pointerId);
  });
  frame.addEventListener("pointermove", function (e) {
    if (drag) { x = e.clientX - drag.x; y = e.clientY - drag.y; show(); }
  });
  frame.addEventListener("pointerup", function () { drag = null; });
  document.addEventListener("keydown", function (e) {
    if (e.target.closest && e.target.closest("input, textarea")) { return; }
    var w = frame.clientWidth / 2, h = frame.clientHeight / 2, step = 60;
    var keys = {"+": function () { zoom(1.25, w, h); }, "=": function () { zoom(1.25, w, h); },
      "-": function () { zoom(0.8, w, h); }, "0": whole, "1": natural,
      "ArrowLeft": function () { x += step; show(); },
      "ArrowRight": function () { x -= step; show(); },
      "ArrowUp": function () { y += step; show(); },
      "ArrowDown": function () { y -= step; show(); }};
    if (keys[e.key] && !e.ctrlKey && !e.metaKey) { keys[e.key](); e.preventDefault(); }
  });
  var buttons = frame.querySelectorAll(".controls button");
  buttons[0].onclick = function () { zoom(1.25, frame.clientWidth / 2, frame.clientHeight / 2); };
  buttons[1].onclick = function () { zoom(0.8, frame.clientWidth / 2, frame.clientHeight / 2); };
  buttons[2].onclick = whole; buttons[3].onclick = natural;
  /* It opens readable: whole where the whole map's claim text is 11 px or more, else at
     the scale that makes it 11 px, the main conclusion (the top box) in view; 0 or "fit"
     shows it whole, 1 or "1:1" at natural size. */
  function readable() {
    scale = 1; x = 0; y = 0; show();
    var texts = [].slice.call(svg.querySelectorAll("g.node text")).filter(function (t) {
      return t.getAttribute("font-size") === "12.00" && t.textContent.trim() !== "";
    });
    var px = texts.length ? Math.min.apply(null, texts.map(function (t) {
      return t.getBoundingClientRect().height; })) : 15;
    whole();
    if (scale * px >= 11) { return; }
    scale = Math.min(1, 11 / px);
    var top = null, best = Infinity, origin = svg.getBoundingClientRect();
    [].slice.call(svg.querySelectorAll("g.node")).forEach(function (g) {
      var title = g.querySelector("title");
      if (title && title.textContent === "legend") { return; }
      var r = g.getBoundingClientRect();
      if (r.top < best) { best = r.top; top = r; }
    });
    var centre = width / 2;
    if (top) { centre = (top.left + top.width / 2 - origin.left) / (origin.width / width); }
    x = frame.clientWidth / 2 - centre * scale; y = 0; show();
  }
  readable();
})();
"""


def _figure(svg: str) -> str:
    """The picture in its frame, with the buttons that pan and zoom it."""
    return (
        '<div class="figure" tabindex="0" aria-label="the map (drag or arrow keys to move, '
        'wheel or + and - to zoom)"><div class="controls">'
        '<button type="button" title="zoom in (+)">+</button>'
        '<button type="button" title="zoom out (-)">−</button>'
        '<button type="button" title="the whole map (0)">fit</button>'
        '<button type="button" title="natural size (1)">1:1</button></div>'
        f'<div class="canvas">{svg}</div></div>'
        '<p class="hint">Drag or use the arrow keys to move the picture; the wheel, + and − '
        "zoom; 0 shows the whole map, 1 its natural size. Click a box for its card.</p>"
    )


def _without_picture(G: nx.MultiDiGraph, missing: Exception | None) -> str:
    """Where the picture would stand when Graphviz is not there: why, how to get it, and
    the map's structure as the tree ``argmap show`` prints, each claim linked to its card."""
    from argmap.analysis.outline import outline
    from argmap.views.tree import outline_lines

    why = getattr(missing, "message", str(missing))
    hint = getattr(missing, "hint", None)
    lines = outline_lines(G, outline(G))
    ids = set(G.nodes)

    def linked(line: str) -> str:
        out = []
        for word in line.split(" "):
            plain, shown = word.strip("()"), html.escape(word)
            if plain in ids:
                ident = html.escape(plain)
                shown = shown.replace(ident, f'<a href="#c-{ident}">{ident}</a>')
            out.append(shown)
        return " ".join(out)

    return (
        '<div class="nopicture" role="note"><p><strong>No picture:</strong> '
        f"{html.escape(why)}{' (' + html.escape(hint) + ')' if hint else ''}. The map's "
        "structure is below, as <code>argmap show</code> draws it; every claim's card "
        f"follows.</p><pre>{chr(10).join(linked(x) for x in lines)}</pre></div>"
    )


_SYMBOL = {"support": "+", "attack": "−", "undercut": "⊘"}
_VERB = {"support": "supported by", "attack": "attacked by", "undercut": "undercut by"}
_OUT_VERB = {"support": "supports", "attack": "attacks", "undercut": "undercuts"}


def dump(
    G: nx.MultiDiGraph,
    *,
    stubs: dict[str, int] | None = None,
    verdicts: Mapping[str, tuple[str, float | None]] | None = None,
    short: bool = False,
) -> str:
    """The report as one HTML document (Graphviz draws the picture; ``short``: its boxes
    by their short labels, every claim written out whole below it)."""
    from argmap.errors import ToolError
    from argmap.formats import dot, graphviz

    m = G.graph["map"]
    picture = dot.dump(G, href="#c-{id}", stubs=stubs, verdicts=verdicts, schemes=True, short=short)
    try:
        drawn = graphviz.render(picture, "svg").decode("utf-8")
        svg: str | None = drawn[drawn.index("<svg") :]  # inline: no XML declaration or doctype
        missing = None
    except ToolError as exc:  # no Graphviz here: the report without its picture
        svg, missing = None, exc
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
    links_by_id = {lk.id: lk for lk in m.all_links()}
    drafted = sum(c.drafted is not None for c in m.claims)
    drafted_links = sum(lk.drafted is not None for lk in links_by_id.values())
    if drafted or drafted_links:
        parts.append(
            f'<p class="tags">A draft: {drafted} claim{"s" * (drafted != 1)} and '
            f"{drafted_links} link{'s' * (drafted_links != 1)} proposed by argmap draft, not "
            "reviewed yet (accept one with <code>argmap set MAP ID drafted false</code>, or "
            "with your editor's quick fix; rewording a claim accepts it too).</p>"
        )
    if svg is None:
        parts.append(_without_picture(G, missing))
    else:
        parts.append(_figure(svg))
    parts.append("<h2>Claims</h2>")
    from argmap.analysis.schemes import questions_by_inference

    asked = questions_by_inference(m)
    order = sorted(G.nodes, key=lambda n: G.nodes[n]["claim"].kind.value != "conclusion")
    for n in order:
        c = G.nodes[n]["claim"]
        mark = ""
        if verdicts and n in verdicts:
            label, strength = verdicts[n]
            shown = label.upper() + (f" {strength:.2f}" if strength is not None else "")
            mark = f' <span class="label {e(label)}">{e(shown)}</span>'
        block = [
            f'<div class="claim {e(c.kind.value)}" id="c-{e(c.id)}">',
            f'<div class="kind">{e(c.kind.value.upper())} · {e(c.id)}{mark}'
            + (' <span class="made">reconstructed</span>' if c.reconstructed else "")
            + (
                f' <span class="made">drafted {c.drafted:.2f}, not reviewed</span>'
                if c.drafted is not None
                else ""
            )
            + "</div>",
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
                from argmap.wording import linkable

                if linkable(source.url):
                    cite = f'<a href="{e(source.url)}" rel="noopener noreferrer">{cite}</a>'
                else:  # a javascript: or data: URL is shown, never followed
                    cite += f" <code>{e(source.url)}</code>"
            block.append(f"<blockquote>“{e(c.quote)}”</blockquote><div class='links'>{cite}</div>")
        block += _relations(G, n, links_by_id)
        block += _questions(n, links_by_id, asked)
        if c.note:
            block.append(f'<div class="links">Note: {e(c.note)}</div>')
        if c.confidence is not None:
            block.append(f'<div class="links">Confidence {c.confidence:g}</div>')
        block.append("</div>")
        parts.append("\n".join(block))
    parts.append((f"<script>{_SCRIPT}</script>" if svg is not None else "") + "</body></html>")
    text = "\n".join(parts) + "\n"
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", text)


def _questions(n: str, links_by_id: dict, asked: dict[str, list]) -> list[str]:
    """The critical questions of the inferences that conclude in claim ``n``: open ones in
    red, answered ones in green (with who answers, and how), as OVA marks them."""
    e = html.escape
    out = []
    for key, questions in asked.items():
        if not questions or questions[0].target != n:
            continue
        first = questions[0]
        premises = ", ".join(f'<a href="#c-{e(p)}">{e(p)}</a>' for p in first.premises)
        n_open = sum(q.status == "open" for q in questions)
        out.append(
            f'<div class="links">Inference <span class="scheme">‹{e(first.scheme)}›</span> '
            f"from {premises}: {n_open} of {len(questions)} critical questions open</div>"
        )
        items = []
        for q in questions:
            if q.status == "open":
                items.append(
                    f'<li class="q open">open: {e(q.asked or q.text)} <i>({e(q.question)})</i></li>'
                )
            else:
                who = ", ".join(f'<a href="#c-{e(c)}">{e(c)}</a>' for c, _ in q.answers)
                items.append(
                    f'<li class="q answered {e(q.status)}">answered {e(q.status)} by {who}: '
                    f"{e(q.asked or q.text)} <i>({e(q.question)})</i></li>"
                )
        out.append(f'<ul class="questions" data-inference="{e(key)}">{"".join(items)}</ul>')
    return out


def _relations(G: nx.MultiDiGraph, n: str, links_by_id: dict) -> list[str]:
    """A card's lines on what bears on the claim (premises that hold only together named
    as such, undercuts with the link they aim at) and on what the claim bears on."""
    e = html.escape

    def ref(ident: str) -> str:
        return f'<a href="#c-{e(ident)}">{e(ident)}</a>'

    def aim(link_id: str) -> str:
        lk = links_by_id.get(link_id)
        if lk is None:
            return e(link_id)
        if lk.kind.value == "undercut":
            return f"the undercut by {ref(lk.source)} of {aim(lk.target)}"
        return f"the link {ref(lk.source)} → {ref(lk.target)} ({e(lk.kind.value)})"

    def line(kind: str, text: str, note: str | None) -> str:
        rest = f" — {e(note)}" if note else ""
        return (
            f'<div class="links"><span class="sym-{kind}">{_SYMBOL[kind]}</span> {text}{rest}</div>'
        )

    def together(link) -> str:
        """The other premises of the link's linked group, if it has one."""
        mates = [
            lk.source
            for lk in links_by_id.values()
            if link.group is not None
            and lk.group == link.group
            and lk.target == link.target
            and lk.source != link.source
        ]
        return " together with " + ", ".join(ref(x) for x in mates) if mates else ""

    def by_index(edges):
        return sorted(edges, key=lambda x: x[2]["index"])

    out = []
    for u, _, d in by_index(G.in_edges(n, data=True)):
        kind, link = str(d["kind"]), d["link"]
        if kind == "undercut":
            text = f"{ref(u)} undercuts {aim(link.target)}"
        else:
            text = f"{_VERB[kind]} {ref(u)}{together(link)}"
        out.append(line(kind, text, link.note))
    for _, v, d in by_index(G.out_edges(n, data=True)):
        kind, link = str(d["kind"]), d["link"]
        if kind == "undercut":
            text = f"undercuts {aim(link.target)}"
        else:
            text = f"{_OUT_VERB[kind]} {ref(v)}{together(link)}"
        out.append(line(kind, text, link.note))
    return out


def write(doc: Document, drawing: Drawing) -> str:
    """The document's report (a writer of :mod:`argmap.formats.registry`; it always names
    schemes)."""
    from argmap.graph import build_graph

    return dump(build_graph(doc), stubs=drawing.stubs, verdicts=drawing.verdicts,
                short=drawing.short)  # fmt: skip


def missing() -> list[str]:
    """What a report written here and now leaves out: its picture, without Graphviz."""
    from argmap.formats.graphviz import dot_program

    try:
        dot_program()
    except ToolError:
        return ["the picture (Graphviz 'dot' is not installed: the tree stands in for it)"]
    return []
