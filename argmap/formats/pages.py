"""Printing a map by pages: a map too large to print whole at a readable size is split
into pages by sub-argument, each page laid out by Graphviz and checked to print its claim
text at :data:`MIN_TEXT_PT` or more on the paper chosen.

How a map is split:

1. Every claim gets one home in a spanning forest of the argument: the conclusions (and
   open questions) are its roots, and each claim hangs under the first claim it bears on
   that a walk back from the roots reaches (its support, attack or undercut). Claims no
   root reaches start trees of their own.
2. Each tree is a page if it prints readably. If not, its largest sub-argument (the
   biggest subtree, a support's or an objection's tree) is cut out to a page of its own,
   and again, until the page prints readably; a claim whose many reasons cannot share one
   page has them split over several pages, the claim repeated on each.
3. A claim drawn on a page but living on another is a dashed reference naming its page:
   "continues on p. 3" where its sub-argument goes on, "see p. 2" for the claim a page's
   argument bears on.

Page 1 is then an overview: one box per page (its top claim, how many claims it holds),
arrows where links cross pages, and the picture's legend. "Readably" is measured, not
guessed: the layout Graphviz gives (``dot -Tjson``), scaled to the paper inside its margins
(landscape or portrait, whichever is larger), must draw claim text at ``MIN_TEXT_PT``.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["PAPERS", "MIN_TEXT_PT", "Page", "Printed", "paginate", "printed", "book", "paper_scale"]

#: Paper sizes, portrait, in points.
PAPERS: dict[str, tuple[float, float]] = {
    "a4": (595.0, 842.0),
    "a3": (842.0, 1191.0),
    "letter": (612.0, 792.0),
}
#: The margin left on every side of a printed page, in points (about 1 cm).
MARGIN = 28.0
#: The smallest size claim text may print at, in points.
MIN_TEXT_PT = 8.0
#: The pad Graphviz draws round a layout, in points.
PAD = 4.0


def claim_pt(dot_text: str) -> float:
    """The size a DOT text of :mod:`argmap.formats.dot` draws claim text at, in points
    (its boxes' font size: larger for short labels)."""
    import re

    found = re.search(r"^  node \[[^\]]*fontsize=([0-9.]+)", dot_text, re.M)
    return float(found.group(1)) if found else 12.0


@dataclass
class Page:
    """One printed page: the claims that live on it (in the map's order), the claims of
    other pages it draws as references (id -> the number of the page they live on), and
    the claim its title names."""

    number: int
    top: str
    claims: list[str]
    elsewhere: dict[str, int] = field(default_factory=dict)
    #: Claims of this page whose sub-argument goes on on another page.
    continued: set[str] = field(default_factory=set)

    def markers(self) -> dict[str, str]:
        """The marker each reference carries."""
        return {
            ident: f"continues on p. {page}" if ident in self.continued else f"see p. {page}"
            for ident, page in self.elsewhere.items()
        }


def paper_scale(width: float, height: float, paper: tuple[float, float]) -> tuple[float, bool]:
    """How much a drawing of ``width`` x ``height`` points is scaled to fit ``paper``
    inside its margins (never enlarged), and whether it is then printed landscape (the
    orientation that scales it least)."""
    pw, ph = paper
    portrait = min((pw - 2 * MARGIN) / width, (ph - 2 * MARGIN) / height, 1.0)
    landscape = min((ph - 2 * MARGIN) / width, (pw - 2 * MARGIN) / height, 1.0)
    return (landscape, True) if landscape > portrait else (portrait, False)


def _forest(G: nx.MultiDiGraph) -> tuple[list[str], dict[str, list[str]]]:
    """The roots of the map's spanning forest, in order, and each claim's children."""
    from argmap.graph import incoming, tops

    children: dict[str, list[str]] = {n: [] for n in G._node}
    placed: set[str] = set()
    roots: list[str] = []

    def grow(root: str) -> None:
        roots.append(root)
        placed.add(root)
        queue = deque([root])
        while queue:
            node = queue.popleft()
            for source, _ in incoming(G, node):
                if source not in placed:
                    placed.add(source)
                    children[node].append(source)
                    queue.append(source)

    for root in tops(G):
        if root not in placed:
            grow(root)
    while len(placed) < len(children):
        left = [n for n in G._node if n not in placed]
        # The furthest downstream first: a claim bearing only on placed claims (or none).
        sinks = [n for n in left if all(v in placed for v in G._succ[n])]
        grow((sinks or left)[0])
    return roots, children


def paginate(G: nx.MultiDiGraph, paper: tuple[float, float], **drawing: Any) -> list[Page]:
    """The map's pages on ``paper``, drawn with ``drawing`` (:func:`argmap.formats.dot.dump`'s
    options), numbered from 2 (the overview will be page 1). A page is filled as long as
    one Graphviz layout of it prints readably; :func:`printed` then lays each out better."""
    order = {n: i for i, n in enumerate(G._node)}

    from argmap.formats.dot import CLAIM_PT, SHORT_PT

    font = SHORT_PT if drawing.get("short") else CLAIM_PT

    def readable(members: list[str], elsewhere: dict[str, str]) -> bool:
        scale = _measure(G, members, elsewhere, paper, **drawing)
        return scale * font >= MIN_TEXT_PT - 1e-9

    def references(members: list[str]) -> dict[str, str]:
        return {n: "continues on p. 99" for n in _neighbours(G, set(members))}

    roots, children = _forest(G)
    placed: set[str] = set()

    def subtree(node: str) -> list[str]:
        found, stack = [], [node]
        while stack:
            n = stack.pop()
            if n not in placed:
                found.append(n)
                stack.extend(reversed(children[n]))
        return found

    def fits(members: list[str]) -> bool:
        listed = sorted(members, key=order.__getitem__)
        return readable(listed, references(listed))

    # Pages are filled in turn from one queue of sub-arguments still to print, the trees'
    # roots first: each goes whole on the page being filled if it fits, else its top claim
    # goes there and its reasons are tried one by one; what does not fit waits for the
    # next page, where sub-arguments are packed together as long as they fit.
    waiting: deque[str] = deque(roots)
    done: list[tuple[str, list[str]]] = []

    def place(node: str, page: list[str], spilled: list[str]) -> None:
        """Put ``node``'s sub-argument on ``page`` as far as it fits; what does not fit
        goes to ``spilled``."""
        whole = subtree(node)
        # Whole, if it fits (on an empty page: if it fits alone, else claim by claim).
        if (page and fits(page + whole)) or (not page and (len(whole) == 1 or fits(whole))):
            page.extend(whole)
            placed.update(whole)
            return
        if page and not fits([*page, node]):
            spilled.append(node)
            return
        page.append(node)
        placed.add(node)
        for child in children[node]:
            if child not in placed:
                place(child, page, spilled)

    while waiting:
        page: list[str] = []
        top = waiting[0]
        spilled: list[str] = []
        while waiting:
            node = waiting.popleft()
            if node in placed:
                continue
            before = len(page)
            place(node, page, spilled)
            if len(page) == before and page:  # nothing of it fitted: the page is full
                spilled.remove(node)
                waiting.appendleft(node)
                break
        waiting.extendleft(reversed(spilled))
        done.append((top, sorted(page, key=order.__getitem__)))
    home: dict[str, int] = {}
    printed: list[Page] = []
    for number, (top, members) in enumerate(done, start=2):
        printed.append(Page(number, top, members))
        for n in members:
            home[n] = number
    for sheet in printed:
        inside = set(sheet.claims)
        for n in _neighbours(G, inside):
            sheet.elsewhere[n] = home[n]
            if any(n in children[m] for m in inside):
                sheet.continued.add(n)
    return printed


def _neighbours(G: nx.MultiDiGraph, inside: set[str]) -> list[str]:
    """The claims outside ``inside`` that a link joins to one inside (with, for an
    undercut, the source of the link it attacks), in the map's order."""
    found: set[str] = set()
    for u in inside:
        for adjacent in (G._succ[u], G._pred[u]):
            for v, keyed in adjacent.items():
                if v not in inside:
                    found.add(v)
                for d in keyed.values():
                    if d["kind"] == "undercut":
                        found.add(_undercut_source(G, d))
    return [n for n in G._node if n in found and n not in inside]


def _undercut_source(G: nx.MultiDiGraph, d: dict) -> str:
    """The claim whose link an undercut edge attacks (its source)."""
    index = G.graph.get("links") or {}
    ends = index.get(d["undercuts"])
    return ends[0] if ends else ""


def _page_graph(G: nx.MultiDiGraph, members: list[str], elsewhere: dict[str, str]) -> Any:
    """The graph a page draws: its claims and its references, the links with an end among
    its claims, and the links its undercuts aim at."""
    keep = [n for n in G._node if n in set(members) or n in elsewhere]
    sub = G.subgraph(keep).copy()
    inside = set(members)
    aimed = {d["undercuts"] for u, _, d in sub.edges(data=True) if d["kind"] == "undercut"}
    drop = [
        (u, v, k)
        for u, v, k, d in sub.edges(keys=True, data=True)
        if u not in inside and v not in inside and d["link"].id not in aimed
    ]
    sub.remove_edges_from(drop)
    sub.graph = {k: v for k, v in G.graph.items() if k != "links"}
    return sub


def _measure(
    G: nx.MultiDiGraph,
    members: list[str],
    elsewhere: dict[str, str],
    paper: tuple[float, float],
    **drawing: Any,
) -> float:
    """The scale a page of ``members`` (and its references) prints at on ``paper``."""
    import json

    from argmap.formats import dot
    from argmap.formats.graphviz import _run

    text = dot.dump(_page_graph(G, members, elsewhere), legend=False, elsewhere=elsewhere,
                    **drawing)  # fmt: skip
    layout = json.loads(_run(text, "-Tjson"))
    x0, y0, x1, y1 = (float(v) for v in layout["bb"].split(","))
    return paper_scale(max(x1 - x0, 1.0), max(y1 - y0, 1.0), paper)[0]


@dataclass
class Printed:
    """A page as Graphviz will draw it: its DOT text, and the scale it prints at."""

    dot: str
    scale: float

    @property
    def text_pt(self) -> float:
        """The size claim text prints at on the paper, in points."""
        return claim_pt(self.dot) * self.scale


def printed(G: nx.MultiDiGraph, paper: tuple[float, float], **drawing: Any) -> list[Printed]:
    """The map on ``paper``, page by page: the whole map on one page when it prints
    readably there (with its legend), else the overview and the pages of
    :func:`paginate`. ``drawing``: :func:`argmap.formats.dot.dump`'s options."""
    from argmap.formats import dot

    whole = _fitted(dot.dump(G, **drawing), paper)
    if whole.text_pt >= MIN_TEXT_PT - 1e-9 or len(G) <= 1:
        return [whole]
    pages = paginate(G, paper, **drawing)
    title = G.graph.get("title", "")
    out = [_fitted(_overview(G, pages), paper)]
    total = len(pages) + 1
    for page in pages:
        sub = _page_graph(G, page.claims, page.markers())
        top = G._node[page.top]["claim"]
        where = f"p. {page.number} of {total}: {top.id}"
        sub.graph["title"] = f"{title} · {where}" if title else where
        out.append(_fitted(dot.dump(sub, legend=False, elsewhere=page.markers(), **drawing),
                           paper))  # fmt: skip
    return out


def _fitted(text: str, paper: tuple[float, float]) -> Printed:
    """The DOT text reshaped to print largest on ``paper`` (landscape or portrait: see
    :func:`argmap.formats.graphviz.fit_to_page`), with the scale it prints at."""
    import json

    from argmap.formats.graphviz import _run, fit_to_page

    # The paper's margin is argmap's to leave: Graphviz's own (half an inch round a PDF)
    # goes, and what is drawn is the layout and its pad.
    text = text.replace("  graph [", "  graph [margin=0, ", 1)
    inner = (paper[0] - 2 * MARGIN, paper[1] - 2 * MARGIN)
    best: Printed | None = None
    for page in ((inner[1], inner[0]), inner):
        shaped = fit_to_page(text, page)
        x0, y0, x1, y1 = (float(v) for v in json.loads(_run(shaped, "-Tjson"))["bb"].split(","))
        width, height = x1 - x0 + 2 * PAD, y1 - y0 + 2 * PAD
        scale = paper_scale(max(width, 1.0), max(height, 1.0), paper)[0]
        if best is None or scale > best.scale + 1e-9:
            best = Printed(shaped, scale)
    assert best is not None
    return best


def _overview(G: nx.MultiDiGraph, pages: list[Page]) -> str:
    """Page 1: a box per page (its number, its top claim's id and short label, how many
    claims it holds), an arrow from page to page where links cross, and the legend."""
    from argmap.formats import dot

    home = {n: page.number for page in pages for n in page.claims}
    crossing: dict[tuple[int, int], int] = {}
    for u, v in G.edges():
        a, b = home[u], home[v]
        if a != b:
            crossing[(a, b)] = crossing.get((a, b), 0) + 1
    title = G.graph.get("title", "")
    total = len(pages) + 1
    where = f"p. 1 of {total}: the pages"
    heading = f"{title} · {where}" if title else where
    lines = [
        "digraph overview {",
        f"  graph [rankdir=BT, fontname={dot._q(dot.FONT)}, labelloc=t, fontsize=16, "
        f"label=<<B>{dot._h(heading)}</B>>];",
        f"  node [shape=box, style=rounded, fontname={dot._q(dot.FONT)}, fontsize=12];",
        f'  edge [fontname={dot._q(dot.FONT)}, fontsize=10, color="#777777"];',
    ]
    for page in pages:
        top = G._node[page.top]["claim"]
        words = dot._BR.join(
            dot._h(line) for line in dot.whole_words(dot._clean(dot.short_label(top)), dot.WRAP)
        )
        count = f"{len(page.claims)} claim{'s' * (len(page.claims) != 1)}"
        label = (
            f"<<B>p. {page.number}</B>{dot._BR}"
            f'<FONT POINT-SIZE="9" COLOR="#555555">{dot._h(top.kind.value.upper())} · '
            f"{dot._h(top.id)}</FONT>{dot._BR}{words}{dot._BR}"
            f'<FONT POINT-SIZE="9" COLOR="#555555">{count}</FONT>{dot._BR}>'
        )
        lines.append(f'  "p{page.number}" [label={label}, tooltip={dot._q(top.text)}];')
    for (a, b), links_crossing in sorted(crossing.items()):
        said = f"{links_crossing} link{'s' * (links_crossing != 1)}"
        lines.append(f'  "p{a}" -> "p{b}" [label={dot._q(said)}];')
    claims = [d["claim"] for d in G._node.values()]
    links = [d["link"] for _, _, d in G.edges(data=True)]
    lines += dot._legend(G, claims, links, False, False)
    lines.append("}")
    return "\n".join(lines) + "\n"


def book(pdfs: list[bytes], paper: tuple[float, float]) -> bytes:
    """One PDF of the pages Graphviz drew, each scaled onto ``paper`` inside its margins
    (landscape where that prints it larger), centred, never enlarged."""
    import io

    from pypdf import PageObject, PdfReader, PdfWriter, Transformation

    writer = PdfWriter()
    for data in pdfs:
        drawn = PdfReader(io.BytesIO(data)).pages[0]
        width, height = float(drawn.mediabox.width), float(drawn.mediabox.height)
        scale, landscape = paper_scale(width, height, paper)
        pw, ph = (paper[1], paper[0]) if landscape else paper
        page = PageObject.create_blank_page(width=pw, height=ph)
        x, y = (pw - width * scale) / 2, (ph - height * scale) / 2
        page.merge_transformed_page(drawn, Transformation().scale(scale).translate(x, y))
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
