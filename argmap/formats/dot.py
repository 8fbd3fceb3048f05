"""Graphviz DOT: the map as a picture description. All styling lives here.

Claims are boxes shaped and coloured by kind; support arrows are solid green,
attacks red with a flat head, undercuts dashed red and aimed at a small dot on
the arrow they attack. Premises that hold only together meet in a junction dot
before their arrow reaches the target. Labels are HTML-like, escaped, and
wrapped; any text gives valid DOT. Output is deterministic (document order).

Examples:
    >>> G = build_graph(loads("title: t\\nclaims:\\n  - {id: c, text: 'a < b'}\\n"))
    >>> "a &lt; b" in dump(G)
    True
"""

from __future__ import annotations

import html
import re
import textwrap
from typing import TYPE_CHECKING, Any

from argmap.model import Claim, Link
from argmap.wording import fill, has_wide

if TYPE_CHECKING:
    from collections.abc import Mapping

    import networkx as nx

    from argmap.formats.registry import Drawing
    from argmap.model.document import Document

__all__ = ["dump", "write", "short_label", "LOSSES", "WRAP", "SHORT", "CLAIM_PT", "SHORT_PT"]

#: What a picture of the map leaves out: it draws claims (text, kind, tags, id), links,
#: groups, undercuts, weights, drafts and reconstructions; schemes and roles with
#: ``--schemes``; a link's note only in its tooltip.
LOSSES = {"quotes", "sources", "confidence", "metadata", "answers"}

WRAP = 28
#: The most characters of a claim's first words a short label shows (``--text short``).
SHORT = 24
#: The width short labels are wrapped at: narrow boxes, so that a whole map fits a page.
SHORT_WRAP = 16
#: The size claim text is drawn at, in points, and short labels: a box of a few words
#: drawn larger prints them readably when a whole map is fitted to a page (its id, in a
#: header of fixed size, does not grow with it).
CLAIM_PT = 12
SHORT_PT = 16
FONT = "Helvetica"

_KIND_STYLE = {
    "conclusion": {"style": "rounded,filled,bold", "fillcolor": "#d6e6f7", "peripheries": "2"},
    "claim": {"style": "rounded,filled", "fillcolor": "#f2f2f2"},
    "premise": {"style": "rounded,filled", "fillcolor": "#e6f2e6"},
    "evidence": {"shape": "note", "style": "filled", "fillcolor": "#fff6d5"},
    "assumption": {"style": "rounded,filled,dashed", "fillcolor": "#efe3f5"},
    "objection": {"style": "rounded,filled", "fillcolor": "#fbdcdc"},
    "question": {"shape": "box", "style": "filled,diagonals", "fillcolor": "#fde9cc"},
    "argument": {"shape": "box", "style": "filled", "fillcolor": "#e3ecf9"},
}
_STUB = {"shape": "plaintext", "fontsize": "9", "fontcolor": "#666666", "margin": "0.02"}
_SUPPORT = {"color": "#2e7d32", "arrowhead": "normal"}
_ATTACK = {"color": "#c62828", "arrowhead": "tee", "penwidth": "1.6"}
_UNDERCUT = {"color": "#c62828", "arrowhead": "tee", "style": "dashed", "penwidth": "1.6"}


def dump(
    G: nx.MultiDiGraph,
    *,
    wrap: int | None = None,
    href: str | None = None,
    stubs: dict[str, int] | None = None,
    verdicts: Mapping[str, tuple[str, float | None]] | None = None,
    legend: bool = True,
    schemes: bool = False,
    short: bool = False,
    elsewhere: dict[str, str] | None = None,
) -> str:
    """The DOT text of an argument graph.

    ``wrap``: the characters a line of claim text holds (:data:`WRAP`, or
    :data:`SHORT_WRAP` for short labels). ``href``, a pattern such as ``"#c-{id}"``, makes
    each claim a link (in SVG output).
    ``stubs`` gives, for claims of a view, how many of their links lead out of it: each
    such claim gets a grey "… N more links" mark joined to it by a dotted line.
    ``verdicts`` (claim id -> label, strength) marks each claim IN, OUT or UNDEC, in
    words and in colour. ``legend`` adds a key to what kinds, arrows and marks mean.
    ``schemes`` names each inference's argument scheme on its arrow (in magenta), and each
    premise's role on the arrow it starts. A claim the analyst reconstructed is drawn
    with a dashed border and marked so in its header. ``short`` draws each box with the
    claim's short label (its ``label:``, else its first words: :func:`short_label`), the
    whole text in its tooltip. ``elsewhere`` (claim id -> where it is drawn, such as
    "continues on p. 3") draws those claims as dashed references carrying that marker:
    a printed page's claims that live on another page.
    """
    if wrap is None:
        wrap = SHORT_WRAP if short else WRAP
    out = _header(G, short)
    quoted = _nodes(G, out, wrap, href, verdicts, short, elsewhere)
    claims = [data["claim"] for data in G._node.values()]
    # In the map's order (straight from the adjacency: networkx's views cost more here).
    edges = _edges_in_order(G)
    if legend and claims:
        links = [d["link"] for _, _, d in edges]
        out += _legend(G, claims, links, verdicts is not None, schemes, 3 if short else 1)
    _stubs(G, out, stubs or {})
    # One pass for the few edges that need more than an arrow: undercuts (and the links
    # they aim at) and the members of linked groups.
    pending: list[tuple[str, dict]] = []  # the undercuts, drawn last
    groups: dict[str, list[tuple[str, str, dict]]] = {}
    for u, v, d in edges:
        if d["kind"] == "undercut":
            pending.append((u, d))
        group = d["link"].group
        if group is not None:
            groups.setdefault(group, []).append((u, v, d))
    undercut = {d["undercuts"] for _, d in pending}
    # Where an arrow must be reachable by an undercut, or premises must meet, a small
    # point node sits on the way: the arrow ends there and a second arrow goes on.
    via = _junctions(out, groups, schemes)
    # Conclusions on top: a link from one conclusion to another does not push the first
    # one down (rankdir=BT draws the sources of arrows below their targets).
    tops = {c.id for c in claims if c.kind == "conclusion"}
    _arrows(out, edges, quoted, via, undercut, tops, schemes)
    _undercuts(out, pending, via, undercut)
    out.append("}")
    return "\n".join(out) + "\n"


def _header(G: nx.MultiDiGraph, short: bool) -> list[str]:
    """The graph's opening: its title and the defaults of its boxes and arrows."""
    title = _h(G.graph.get("title", ""))
    # An empty <B></B> is a syntax error in Graphviz's HTML labels.
    title_label = f"<<B>{title}</B>>" if title else '""'
    return [
        "digraph argmap {",
        f'  graph [rankdir=BT, charset="UTF-8", fontname={_q(FONT)}, labelloc=t, '
        f"fontsize=16, nodesep=0.05, ranksep=0.1, label={title_label}];",
        f"  node [shape=box, fontname={_q(FONT)}, fontsize={SHORT_PT if short else CLAIM_PT}, "
        'margin="0.05,0.035"];',
        f"  edge [fontname={_q(FONT)}, fontsize=9, arrowsize=0.8];",
    ]


def _nodes(G: nx.MultiDiGraph, out: list[str], wrap: int, href: str | None,
           verdicts: Mapping[str, tuple[str, float | None]] | None, short: bool,
           elsewhere: dict[str, str] | None) -> dict[str, str]:  # fmt: skip
    """A box a claim (a dashed reference for one drawn elsewhere); each claim's id as
    DOT writes it, for its arrows."""
    quoted: dict[str, str] = {}
    for node, data in G._node.items():
        plain_id = _PLAIN.fullmatch(node) is not None
        quoted[node] = f'"{node}"' if plain_id else _q(node)
        verdict = verdicts.get(node) if verdicts else None
        claim = data["claim"]
        if elsewhere is not None and node in elsewhere:
            out.append(f"  {quoted[node]} [{_attrs(_reference(claim, elsewhere[node]))}];")
            continue
        shown = short_label(claim) if short else None
        if (
            verdict is None
            and href is None
            and not claim.reconstructed
            and claim.drafted is None
            and shown is None
        ):
            out.append(_plain_node(claim, quoted[node], wrap, plain_id))
            continue
        attrs = _node_attrs(claim, wrap, verdict, shown)
        if href is not None:
            attrs["href"] = href.format(id=node)
        out.append(f"  {quoted[node]} [{_attrs(attrs)}];")
    return quoted


def _stubs(G: nx.MultiDiGraph, out: list[str], stubs: dict[str, int]) -> None:
    """A grey "… N more links" mark on each claim of a view with links out of it."""
    for node, count in stubs.items():
        if node not in G:
            continue
        more = f"… {count} more link{'s' * (count != 1)}"
        stub = f"stub:{node}"
        out.append(f"  {_q(stub)} [{_attrs(_STUB | {'label': more, 'tooltip': more})}];")
        out.append(f'  {_q(stub)} -> {_q(node)} [style=dotted, color="#888888", dir=none];')


def _junctions(out: list[str], groups: dict[str, list[tuple[str, str, dict]]],
               schemes: bool) -> dict[str, str]:  # fmt: skip
    """A point where a linked group's premises meet, and its one arrow to the claim they
    support together; the point each member's arrow ends at, by the member's link id."""
    via: dict[str, str] = {}
    for name, members in groups.items():
        junction = f"group:{name}"
        via.update({d["link"].id: junction for _, _, d in members})
        _, target, first = members[0]
        out.append(f"  {_q(junction)} [{_attrs(_junction(name))}];")
        attrs = _edge_attrs(first["link"], _SUPPORT)
        scheme = next((d["link"].scheme for _, _, d in members if d["link"].scheme), None)
        if schemes and scheme:
            attrs.update(_scheme_label(scheme))
        out.append(f"  {_q(junction)} -> {_q(target)} [{_attrs(attrs)}];")
    return via


def _arrows(out: list[str], edges: list[tuple[str, str, dict]], quoted: dict[str, str],
            via: dict[str, str], undercut: set[str], tops: set[str],
            schemes: bool) -> None:  # fmt: skip
    """An arrow a support or attack: plain where it can be, through a point where an
    undercut aims at it (the point recorded in ``via``), to its group's junction."""
    for u, v, d in edges:
        link: Link = d["link"]
        kind = d["kind"]
        if kind == "undercut":
            continue
        ident = link.id
        if (
            link.weight is None
            and ident not in via
            and ident not in undercut
            and not (schemes and (link.scheme or link.role))
        ):
            out.append(_plain_arrow(link, quoted[u], quoted[v], from_top=u in tops))
            continue
        style = _SUPPORT if kind == "support" else _ATTACK
        if schemes and (link.scheme or link.role):
            style = {**style, **_scheme_label(link.scheme, link.role, grouped=link.id in via)}
        if link.id in via:
            out.append(
                f"  {_q(u)} -> {_q(via[link.id])} [{_attrs(_edge_attrs(link, style, head=False))}];"
            )
        elif link.id in undercut:
            mid = f"link:{link.id}"
            via[link.key] = mid
            out.append(f"  {_q(mid)} [{_attrs(_point(link.key))}];")
            out.append(f"  {_q(u)} -> {_q(mid)} [{_attrs(_edge_attrs(link, style, head=False))}];")
            # One inference, one label: the scheme stands on the first half of the arrow.
            rest = {k: v for k, v in style.items() if k not in ("label", "xlabel")}
            out.append(f"  {_q(mid)} -> {_q(v)} [{_attrs(_edge_attrs(link, rest))}];")
        else:
            attrs = _edge_attrs(link, style)
            if u in tops:
                attrs["constraint"] = "false"
            out.append(f"  {_q(u)} -> {_q(v)} [{_attrs(attrs)}];")


def _undercuts(out: list[str], pending: list[tuple[str, dict]], via: dict[str, str],
               undercut: set[str]) -> None:  # fmt: skip
    """The undercuts, last, those aimed at other undercuts after their targets; an
    undercut that is itself undercut gets its own point on the way, as attacks do."""
    while pending:
        ready = [(u, d) for u, d in pending if d["undercuts"] in via]
        if not ready:
            break  # a circle of undercuts: validation reports it
        for u, d in ready:
            link = d["link"]
            target = via[d["undercuts"]]
            if link.id in undercut:
                mid = f"link:{link.id}"
                via[link.key] = mid
                out.append(f"  {_q(mid)} [{_attrs(_point(link.key))}];")
                tail = _attrs(_edge_attrs(link, _UNDERCUT, head=False))
                out.append(f"  {_q(u)} -> {_q(mid)} [{tail}];")
                out.append(f"  {_q(mid)} -> {_q(target)} [{_attrs(_edge_attrs(link, _UNDERCUT))}];")
            else:
                out.append(f"  {_q(u)} -> {_q(target)} [{_attrs(_edge_attrs(link, _UNDERCUT))}];")
        pending = [item for item in pending if item not in ready]


def _edges_in_order(G: nx.MultiDiGraph) -> list[tuple[str, str, dict]]:
    """Every edge with its data, in the map's order of links: read through the graph's
    index of links when it has one (a graph from :func:`argmap.graph.build_graph`), else
    gathered from the adjacency and sorted."""
    succ = G._succ
    index = G.graph.get("links")
    if index is not None:
        try:
            return [(u, v, succ[u][v][key]) for u, v, key in index.values()]
        except KeyError:
            pass  # an edge was removed after the graph was built: gather them instead
    found = [(d["index"], u, v, d) for u, nbrs in succ.items() for v, kd in nbrs.items()
             for d in kd.values()]  # fmt: skip
    found.sort(key=_first)
    return [(u, v, d) for _, u, v, d in found]


def _first(item: tuple) -> Any:
    return item[0]


_BR = '<BR ALIGN="LEFT"/>'


def _plain_node(c: Claim, quoted: str, wrap: int, plain_id: bool) -> str:
    """A claim's node, with no verdict, link or reconstruction mark: the same text as
    :func:`_node_attrs` gives, written at once (most nodes of a large map). ``plain_id``:
    the id needs no escaping (see :data:`_PLAIN`)."""
    text = c.text
    if _PLAIN.fullmatch(text):  # every line of it is plain too
        body = _BR.join(_wrap(text, wrap) or [""])
        body = body.replace("'", "&#x27;")
        tip = f'"{text}"'
    else:
        body = _BR.join(_h(line) for line in _wrap(_clean(text), wrap) or [""])
        tip = _q(text)
    kind = c.kind  # a StrEnum: its own text, hashed as text
    cid = c.id
    if plain_id:
        shown, ident = cid.replace("'", "&#x27;"), f'"claim-{cid}"'
    else:
        shown, ident = _h(cid), _q(f"claim-{cid}")
    label = f"{_HEAD[kind]}{shown}</FONT>{_BR}{body}{_BR}"
    if c.tags:
        tags = _h(" ".join(f"#{t}" for t in c.tags))
        label += f'<FONT POINT-SIZE="7" COLOR="#1f5fa8">{tags}</FONT>{_BR}'
    return f"  {quoted} [id={ident}, tooltip={tip}, {_KIND_TEXT[kind]}, label=<{label}>];"


def _plain_arrow(link: Link, source: str, target: str, *, from_top: bool) -> str:
    """A support or attack arrow with no weight, junction, undercut point or scheme label,
    between two quoted ids: the same text as :func:`_edge_attrs` gives, written at once
    (most arrows of a large map). ``from_top``: it leaves a conclusion (no rank pull)."""
    plain = "support" if link.kind == "support" else "attack"
    tip = _q(f"{plain}: {link.note}") if link.note else _TIP[plain]
    rank = ', constraint="false"' if from_top else ""
    ident = _q(f"link-{link.id}")
    return f"  {source} -> {target} [id={ident}, {_STYLE_TEXT[plain]}, tooltip={tip}{rank}];"


def short_label(c: Claim, limit: int = SHORT) -> str:
    """A claim's short label: its ``label:``, else the first words of its text that fit in
    ``limit`` characters, ending in "…" when words were left out (never a word cut).

    Examples:
        >>> from argmap.model import Claim
        >>> short_label(Claim(id="c", text="Japan should hedge against an unreliable ally"))
        'Japan should hedge…'
        >>> short_label(Claim(id="c", text="Japan should hedge", label="The hedge"))
        'The hedge'
    """
    if c.label:
        return c.label
    words = " ".join(c.text.split()).split(" ")
    kept: list[str] = []
    for word in words:
        if kept and len(" ".join([*kept, word])) > limit:
            return " ".join(kept).rstrip(",;:") + "…"
        kept.append(word)
    return " ".join(kept)


def whole_words(text: str, width: int) -> list[str]:
    """``text`` in lines of about ``width`` characters, never broken inside a word (a
    longer word has a line of its own)."""
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


def _reference(c: Claim, marker: str) -> dict[str, str]:
    """A claim drawn on another page: a small dashed box with its kind, its id and, in
    bold, where it is drawn (``marker``); its short label in the tooltip."""
    head = f'<FONT POINT-SIZE="7" COLOR="#555555">{_h(c.kind.value.upper())}</FONT>'
    mark = f'<FONT COLOR="#1f5fa8"><B>{_h(marker)}</B></FONT>'
    return {
        "id": f"claim-{c.id}",
        "tooltip": f"{marker}: {short_label(c)}",
        "style": "rounded,dashed",
        "color": "#777777",
        "fontcolor": "#333333",
        "label": f"<{head}{_BR}{_h(c.id)}{_BR}{mark}{_BR}>",
    }


def _node_attrs(
    c: Claim, wrap: int, verdict: tuple[str, float | None] | None, shown: str | None = None
) -> dict[str, str]:
    attrs = {"id": f"claim-{c.id}", "tooltip": c.text}
    if shown is not None and c.tags:
        attrs["tooltip"] += "  " + " ".join(f"#{t}" for t in c.tags)
    attrs.update(_KIND_STYLE[c.kind.value])
    made = ""
    if c.reconstructed:
        attrs["style"] = ",".join(dict.fromkeys([*attrs["style"].split(","), "dashed"]))
        made = " · reconstructed"
    if c.drafted is not None:
        made += f" · drafted {c.drafted:.2f}"
    kind = _h(c.kind.value.upper())
    # A short label's box is named by its id alone (its kind is its shape and colour).
    shown_kind = "" if shown is not None else f"{kind} · "
    size = 7 if shown is None else 8  # beside a short label's larger face
    head = f'<FONT POINT-SIZE="{size}" COLOR="#555555">{shown_kind}{_h(c.id)}{made}</FONT>'
    mark = ""
    if verdict is not None:
        # On the last line, with the tags (the header is the widest line already).
        label, strength = verdict
        colour = _VERDICT_COLOUR[label]
        shown = label.upper() + (f" {strength:.2f}" if strength is not None else "")
        mark = f'<FONT POINT-SIZE="7" COLOR="{colour}"><B>{_h(shown)}</B></FONT>'
        attrs["color"] = colour
        attrs["penwidth"] = "2.2"
        attrs["tooltip"] = f"{label}: {c.text}"
    if shown is None:
        lines = _wrap(_clean(c.text), wrap) or [""]
    else:  # a short label is never broken inside a word, however narrow its box
        lines = whole_words(_clean(shown), wrap)
    body = '<BR ALIGN="LEFT"/>'.join(_h(line) for line in lines)
    label = f'{head}<BR ALIGN="LEFT"/>{body}<BR ALIGN="LEFT"/>'
    # A short label's box leaves its tags to the tooltip and the report's card.
    tags = " ".join(f"#{t}" for t in c.tags) if shown is None else ""
    tags = f'<FONT POINT-SIZE="7" COLOR="#1f5fa8">{_h(tags)}</FONT>' if tags else ""
    if tags or mark:
        label += " ".join(x for x in (mark, tags) if x) + '<BR ALIGN="LEFT"/>'
    attrs["label"] = f"<{label}>"
    return attrs


def _wrap(text: str, width: int) -> list[str]:
    """``textwrap.wrap(text, width, break_long_words=True)``, quicker for the usual text
    (words no longer than a line, no hyphens to break at): the same lines. Text with wide
    characters (Japanese, Chinese, Korean) is measured in their width, two each, and
    broken between them (:func:`argmap.wording.fill`).

    Examples:
        >>> _wrap("Japan should hope for the best from the alliance", 20)
        ['Japan should hope', 'for the best from', 'the alliance']
    """
    if has_wide(text):
        # Japanese or Chinese: its characters are twice as wide and break between them.
        return fill(text, width)
    words = text.split(" ")
    if "-" in text or "\u00ad" in text or max(map(len, words)) > width:
        return textwrap.wrap(text, width, break_long_words=True)
    lines: list[str] = []
    line = ""
    for word in words:
        if not word:
            continue
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _point(tooltip: str) -> dict[str, str]:
    """Where an undercut meets the arrow it attacks: a red dot on that arrow."""
    return {
        "shape": "point",
        "width": "0.09",
        "color": "#c62828",
        "tooltip": f"undercut aims here: {tooltip}",
        "label": "",
    }


def _junction(group: str) -> dict[str, str]:
    """Where linked premises meet: a small green circle marked &, nothing like the red
    dot an undercut aims at."""
    return {
        "shape": "circle",
        "label": "&",
        "fixedsize": "true",
        "width": "0.22",
        "height": "0.22",
        "fontsize": "9",
        "style": "filled",
        "fillcolor": "#e6f2e6",
        "color": "#2e7d32",
        "tooltip": f"linked premises (group {group}): they support only together",
    }


_VERDICT_COLOUR = {"in": "#1b7d32", "out": "#b71c1c", "undec": "#b26a00"}


def _scheme_label(
    scheme: str | None, role: str | None = None, *, grouped: bool = False
) -> dict[str, str]:
    """The words on an arrow that names its scheme (and its premise's role): in magenta,
    small; a premise of a linked group shows its role only (the group's scheme stands on
    the arrow from the junction)."""
    words = [] if grouped and role else [x for x in (scheme,) if x]
    if role:
        words.append(f"as {role}")
    text = ", ".join(words)
    return {"label": f"<{_h(text)}>", "fontcolor": "#8e24aa"} if text else {}


def _legend(
    G: nx.MultiDiGraph,
    claims: list[Claim],
    links: list[Link],
    verdicts: bool,
    schemes: bool,
    across: int = 1,
) -> list[str]:
    """A key to the picture, as one table: the kinds the map uses (``claims``, the graph's
    in its order), the three arrows, the junction of linked premises, the dot an undercut
    aims at, and the labels when shown (what ``links`` hold)."""
    green, red = _SUPPORT["color"], _ATTACK["color"]

    def row(mark: str, colour: str, words: str) -> str:
        return (
            f'<TD ALIGN="RIGHT"><FONT COLOR="{colour}"><B>{mark}</B></FONT></TD>'
            f'<TD ALIGN="LEFT">{words}</TD>'
        )

    rows = [
        row("───▶", green, "supports"),
        row("───┤", red, "attacks"),
        row("─ ─ ┤", red, "undercuts: aims at the red ● on the arrow it attacks"),
        row("(&amp;)", green, "linked premises meet: they support only together"),
    ]
    kinds = list(dict.fromkeys(c.kind.value for c in claims))
    if "conclusion" in kinds:
        rows.append(row("▭▭", "#1f3b73", "double border: a conclusion"))
    if "evidence" in kinds:
        rows.append(row("◹", "#8a6d00", "folded corner: evidence, quoted from a source"))
    if any(c.reconstructed for c in claims):
        rows.append(row("┄┄┄", "#555555", "dashed border: reconstructed by the analyst"))
    if schemes and any(lk.scheme for lk in links):
        rows.append(row("abc", "#8e24aa", "the argument scheme of the arrow it stands on"))
    if schemes and any(lk.role for lk in links):
        rows.append(row("as X", "#8e24aa", "the role of the premise the arrow leaves (X)"))
    if any(lk.weight is not None for lk in links):
        rows.append(row("━━▶", "#555555", "a thicker arrow: a link weighted more (0 to 1)"))
    for use in G.graph["map"].uses if "map" in G.graph else []:
        rows.append(row(f"{_h(use.name)}:", "#555555", f"claims of {_h(use.path)}"))
    # ``across`` entries a row: a wide, low key for a picture that must fit a page.
    rows = ["<TR>" + "".join(rows[i : i + across]) + "</TR>" for i in range(0, len(rows), across)]
    span = 2 * across
    cells = "".join(
        f'<TD BGCOLOR="{_KIND_STYLE[k]["fillcolor"]}" BORDER="1">{_h(k.upper())}</TD>'
        for k in kinds
    )
    if cells:  # an empty row is a syntax error in Graphviz's tables
        rows.append(
            f'<TR><TD COLSPAN="{span}"><TABLE BORDER="0" CELLSPACING="3"><TR>{cells}</TR>'
            "</TABLE></TD></TR>"
        )
    if verdicts:  # one row: "IN stands   OUT falls   UNDEC undecided ..."
        marks = "   ".join(
            f'<FONT COLOR="{colour}"><B>{label.upper()}</B></FONT> {_h(_VERDICT_WORDS[label])}'
            for label, colour in _VERDICT_COLOUR.items()
        )
        rows.append(f'<TR><TD COLSPAN="{span}" ALIGN="LEFT">{marks}</TD></TR>')
        rows.append(
            f'<TR><TD COLSPAN="{span}" ALIGN="LEFT">the number after a label: the claim\'s '
            "strength, 0 to 1, from its confidence and what supports and attacks it</TD></TR>"
        )
    table = (
        '<TABLE BORDER="1" COLOR="#999999" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        f'<TR><TD COLSPAN="{span}"><B>Legend</B></TD></TR>' + "".join(rows) + "</TABLE>"
    )
    return [f'  "legend" [shape=plaintext, fontsize=8, margin=0, label=<{table}>];']


_VERDICT_WORDS = {
    "in": "stands",
    "out": "falls",
    "undec": "undecided (a tie of attacks)",
}


def _edge_attrs(link: Link, style: dict[str, str], *, head: bool = True) -> dict[str, str]:
    attrs = {"id": f"link-{link.id}", **style}
    if not head:
        attrs["id"] += "-tail"
        attrs["arrowhead"] = "none"
    attrs["tooltip"] = f"{link.kind.value}: {link.note}" if link.note else link.kind.value
    if link.weight is not None:
        attrs["penwidth"] = f"{0.6 + 2.4 * link.weight:.2f}"
    return attrs


def _attrs(attrs: dict[str, str]) -> str:
    parts = []
    for key, value in attrs.items():
        if key == "label" and value.startswith("<"):
            parts.append(f"label={value}")
        else:
            parts.append(f"{key}={_q(value)}")
    return ", ".join(parts)


def _clean(text: str) -> str:
    """Text on one line without characters DOT or XML cannot carry, nor any a terminal
    would obey when the DOT is printed (DEL, C1 and bidirectional controls, made visible)."""
    text = str(text)
    if _PLAIN.fullmatch(text):  # most ids, colours and words: nothing to do
        return text
    from argmap.formats.xmltext import xml_safe
    from argmap.wording import visible

    return " ".join(visible(xml_safe(text)).split())


#: Text that needs no cleaning or escaping anywhere in DOT: one line of printable ASCII
#: without quotes, backslashes, markup characters or doubled spaces.
_PLAIN = re.compile(r"[A-Za-z0-9_.,:;#()+/=?!*%'-]+(?: [A-Za-z0-9_.,:;#()+/=?!*%'-]+)*")


def _q(text: str) -> str:
    """A DOT quoted string (escString): backslashes and quotes escaped, one line."""
    if _PLAIN.fullmatch(text):
        return f'"{text}"'
    cleaned = _clean(text).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{cleaned}"'


def _h(text: str) -> str:
    """Text for an HTML-like label. Graphviz reads escapes such as ``\\N`` and ``\\E`` even
    there, so every backslash is doubled to stay a backslash; and its lexer refuses a
    label that is only ``]`` (Graphviz 2.43), so ``]`` is written as a character
    reference."""
    if _PLAIN.fullmatch(text):
        return text.replace("'", "&#x27;")
    escaped = html.escape(_clean(text), quote=True).replace("\\", "\\\\")
    return escaped.replace("]", "&#93;")


#: Written once: each kind's style, each arrow's, and the start of each kind's header.
_KIND_TEXT = {kind: _attrs(style) for kind, style in _KIND_STYLE.items()}
_STYLE_TEXT = {"support": _attrs(_SUPPORT), "attack": _attrs(_ATTACK)}
_TIP = {"support": '"support"', "attack": '"attack"'}
_HEAD = {
    kind: f'<FONT POINT-SIZE="7" COLOR="#555555">{_h(kind.upper())} · ' for kind in _KIND_STYLE
}


def write(doc: Document, drawing: Drawing) -> str:
    """The document's picture as DOT text (a writer of :mod:`argmap.formats.registry`)."""
    from argmap.graph import build_graph

    return dump(build_graph(doc), stubs=drawing.stubs, verdicts=drawing.verdicts,
                schemes=drawing.schemes, short=drawing.short)  # fmt: skip
