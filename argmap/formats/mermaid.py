"""Mermaid flowcharts, which GitHub renders inside Markdown (a ```mermaid block).

Claims are nodes labelled with kind, id and text (shaped by kind); supports are arrows,
attacks are arrows ending in a cross, drawn red. Mermaid cannot aim an edge at an edge, so
an undercut is a dotted arrow to the supported claim labelled with the link it undercuts;
linked premises are labelled with their group. Node names are generated (``n0``, ``n1``,
...) so that no claim id can collide with Mermaid's keywords.

Examples:
    >>> from argmap.model import ArgMap, landing_claim
    >>> m = ArgMap.model_validate({"title": "t", "claims": [
    ...     {"id": "c", "text": 'Say "no"', "kind": "conclusion"},
    ...     {"id": "o", "text": "O", "attacks": ["c"]}]})
    >>> print(dump(m), end="")
    flowchart BT
      n0(["CONCLUSION c<br/>Say #quot;no#quot;"])
      n1["CLAIM o<br/>O"]
      n1 --x n0
      linkStyle 0 stroke:#c62828,color:#c62828
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, cast

from argmap.model import ArgMap, landing_claim

if TYPE_CHECKING:
    from argmap.formats.registry import Drawing
    from argmap.model.document import Document

__all__ = ["write", "dump", "LOSSES"]

#: What a Mermaid flowchart cannot carry (see argmap.formats.FEATURES).
LOSSES = {
    "labels",
    "quotes",
    "sources",
    "tags",
    "confidence",
    "link-notes",
    "undercuts",
    "metadata",
    "link-ids",
    "schemes",
    "roles",
    "answers",
    "reconstructed",
}
_SHAPE = {
    "conclusion": ('(["', '"])'),
    "evidence": ('[/"', '"/]'),
    "question": ('{{"', '"}}'),
    "assumption": ('[("', '")]'),
}


def _label(text: str) -> str:
    from argmap.wording import visible

    # Control characters (which Mermaid's parser refuses) are shown, as on a terminal.
    safe = visible(" ".join(text.split()))
    for a, b in (("&", "#amp;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;")):
        safe = safe.replace(a, b)
    return "<br/>".join(textwrap.wrap(safe, 40)) or " "


def dump(model: ArgMap) -> str:
    """The map as a Mermaid flowchart (control characters written visibly)."""
    from argmap.wording import visible

    return visible(_flowchart(model))


def _flowchart(model: ArgMap) -> str:
    names = {c.id: f"n{i}" for i, c in enumerate(model.claims)}
    lines = ["flowchart BT"]
    for c in model.claims:
        left, right = _SHAPE.get(c.kind.value, ('["', '"]'))
        lines.append(
            f"  {names[c.id]}{left}{c.kind.value.upper()} {c.id}<br/>{_label(c.text)}{right}"
        )
    links = model.all_links()
    by_id = {lk.key: lk for lk in links}
    red = []  # indexes (in drawing order) of the edges to draw red
    for k, lk in enumerate(links):
        if lk.kind == "support":
            arrow = f"-->|linked: {_label(lk.group)}|" if lk.group else "-->"
            lines.append(f"  {names[lk.source]} {arrow} {names[lk.target]}")
            continue
        red.append(k)
        if lk.kind == "attack":
            lines.append(f"  {names[lk.source]} --x {names[lk.target]}")
        else:
            lands = names[cast(str, landing_claim(lk, by_id))]  # a sound map: it lands
            lines.append(f"  {names[lk.source]} -.->|undercuts {_label(lk.target)}| {lands}")
    for index in red:
        lines.append(f"  linkStyle {index} stroke:#c62828,color:#c62828")
    return "\n".join(lines) + "\n"


def write(doc: Document, drawing: Drawing) -> str:
    """The document in this format (the writer every format has: see
    :mod:`argmap.formats.registry`; a map's format draws nothing, so ``drawing`` is not
    read)."""
    return dump(doc.model)
