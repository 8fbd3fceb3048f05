"""The Potsdam argumentative microtexts (arggraph XML), read into an argmap map.

Elementary discourse units (``edu``) are joined into argumentative units (``adu``) by
``seg`` edges; the ADUs become claims (``opp`` ones, the opponent's voice, as objections;
the central claim, the one ADU bearing on nothing, as the conclusion; sources of ``exa``
as evidence). Relations: ``sup`` and ``exa`` support, ``reb`` attacks, ``und`` undercuts
the edge it names (a support or an attack); ``add`` adds a premise to an edge: to a
support it makes a linked group, to an attack or undercut (which argmap does not link) a
second link of the same kind, with a note. Link ids are the corpus's edge ids.

Examples:
    >>> xml = '''<arggraph id="m"><edu id="e1">Do it.</edu><edu id="e2">It helps.</edu>
    ... <adu id="a1" type="pro"/><adu id="a2" type="pro"/>
    ... <edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="e2" trg="a2" type="seg"/>
    ... <edge id="c3" src="a2" trg="a1" type="sup"/></arggraph>'''
    >>> m = parse(xml)
    >>> [(c.id, c.kind.value, c.text) for c in m.claims]
    [('a1', 'conclusion', 'Do it.'), ('a2', 'claim', 'It helps.')]
"""

from __future__ import annotations

from typing import Any

from argmap.errors import Diagnostic, Location, MapError
from argmap.model import ArgMap

__all__ = ["parse"]

_KINDS = {"sup": "support", "exa": "support", "reb": "attack", "und": "undercut"}


def _fail(name: str, message: str) -> MapError:
    return MapError([Diagnostic("bad_value", "error", message, Location(name, 1, 1))])


def parse(text: str, name: str = "<microtext>") -> ArgMap:
    """Read one arggraph XML document."""
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        line, col = exc.position
        raise MapError(
            [Diagnostic("syntax", "error", f"invalid XML: {exc}", Location(name, line, col + 1))]
        ) from None
    if root.tag != "arggraph":
        raise _fail(name, f"not an arggraph document (the root is <{root.tag}>)")
    edus = {e.get("id"): " ".join((e.text or "").split()) for e in root.iter("edu")}
    adus = {a.get("id"): a.get("type") for a in root.iter("adu")}
    edges = {e.get("id"): (e.get("src"), e.get("trg"), e.get("type")) for e in root.iter("edge")}
    texts: dict[str, list[str]] = {a: [] for a in adus}
    for src, trg, kind in edges.values():
        if kind == "seg" and trg in texts and src in edus:
            texts[trg].append(edus[src])
    relations = {i: e for i, e in edges.items() if e[2] != "seg"}
    bears = {src for src, _, _ in relations.values()}
    examples = {src for src, _, kind in relations.values() if kind == "exa"}
    links: list[dict[str, Any]] = []
    added: dict[str, list[str]] = {}
    for eid, (src, trg, kind) in relations.items():
        if kind == "add":
            added.setdefault(trg, []).append(src)
            continue
        if kind not in _KINDS:
            raise _fail(name, f"edge {eid!r} has unknown type {kind!r}")
        links.append({"id": eid, "source": src, "target": trg, "kind": _KINDS[kind]})
    by_id = {lk["id"]: lk for lk in links}
    for eid, sources in added.items():
        base = by_id.get(eid)
        if base is None:
            raise _fail(name, f"an 'add' edge names edge {eid!r}, which is not a relation")
        if base["kind"] == "support":
            base["group"] = f"g-{eid}"
            for k, src in enumerate(sources, 1):
                links.append(
                    {
                        "id": f"{eid}-add{k}",
                        "source": src,
                        "target": base["target"],
                        "kind": "support",
                        "group": f"g-{eid}",
                    }
                )
        else:
            for k, src in enumerate(sources, 1):
                links.append(
                    {
                        "id": f"{eid}-add{k}",
                        "source": src,
                        "target": base["target"],
                        "kind": base["kind"],
                        "note": f"Added premise of {eid} (linked in the microtext).",
                    }
                )
    claims = []
    for aid, kind in adus.items():
        if aid not in bears:
            role = "conclusion"
        elif kind == "opp":
            role = "objection"
        elif aid in examples:
            role = "evidence"
        else:
            role = "claim"
        claims.append({"id": aid, "text": " ".join(texts[aid]) or aid, "kind": role})
    title = root.get("id") or name
    topic = root.get("topic_id")
    return ArgMap.model_validate(
        {
            "title": title,
            **({"tags": [topic.replace("_", "-")]} if topic else {}),
            "claims": claims,
            "links": links,
        }
    )
