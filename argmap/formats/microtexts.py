"""The Potsdam argumentative microtexts (arggraph XML), read into an argmap map.

Elementary discourse units (``edu``) are joined into argumentative units (``adu``) by
``seg`` edges; the ADUs become claims (``opp`` ones, the opponent's voice, as objections;
the central claim, the one ADU bearing on nothing, as the conclusion; sources of ``exa``
as evidence). Relations: ``sup`` and ``exa`` support, ``reb`` attacks, ``und`` undercuts
the edge it names (a support or an attack); ``add`` adds a premise to an edge: to a
support it makes a linked group, to an attack or undercut (which argmap does not link) a
second link of the same kind, with a note. Link ids are the corpus's edge ids.

Writing is the reverse: each claim an EDU and an ADU (``opp`` for objections, ``pro``
otherwise) joined by a ``seg`` edge; each support a ``sup`` edge (``exa`` from evidence),
each attack ``reb``, each undercut ``und`` aimed at the edge it attacks; the other members
of a linked group are ``add`` edges to the first member's edge. The document is valid
against the corpus's DTD: every id is an XML name, unique in the document, so the title
becomes one (``Should_we_act``) and an id that is not a name gets a prefix (``a_1``). Read
back, claims keep their ids (names) and texts (spacing aside), links their kinds and ends
and linked groups their members; kinds other than objection, evidence and conclusion,
tags, quotes, sources, confidence, notes, most link ids and the title's spacing are not
carried (XML cannot hold control characters: they become U+FFFD).

Examples:
    >>> xml = '''<arggraph id="m"><edu id="e1">Do it.</edu><edu id="e2">It helps.</edu>
    ... <adu id="a1" type="pro"/><adu id="a2" type="pro"/>
    ... <edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="e2" trg="a2" type="seg"/>
    ... <edge id="c3" src="a2" trg="a1" type="sup"/></arggraph>'''
    >>> m = parse(xml)
    >>> [(c.id, c.kind.value, c.text) for c in m.claims]
    [('a1', 'conclusion', 'Do it.'), ('a2', 'claim', 'It helps.')]
    >>> [(lk.source, lk.kind.value, lk.target) for lk in parse(dump(m)).links]
    [('a2', 'support', 'a1')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from argmap.errors import Diagnostic, Location, MapError
from argmap.model import ArgMap
from argmap.model.ids import slug

if TYPE_CHECKING:
    from argmap.formats.registry import Drawing
    from argmap.model.document import Document

__all__ = ["write", "parse", "dump", "LOSSES"]

#: What an arggraph document as argmap writes it cannot carry (FEATURES of argmap.formats).
LOSSES = {
    "kinds", "labels", "tags", "quotes", "sources", "confidence", "link-notes", "link-ids",
    "metadata", "schemes", "roles", "answers", "reconstructed",
}  # fmt: skip

_KINDS = {"sup": "support", "exa": "support", "reb": "attack", "und": "undercut"}


def _group_id(edge_id: str) -> str:
    """A linked group's id from its first edge's: a slug (an edge id may hold other
    characters: argmap's link ids hold dots) of at most 200 characters, as a claim id (a
    longer one is cut and told apart from others by a digest of the whole).

    >>> _group_id("a.support.b")
    'g-a-support-b'
    >>> len(_group_id("x" * 400))
    200
    """
    slug = "g-" + re.sub(r"[^A-Za-z0-9_-]+", "-", edge_id)
    if len(slug) <= 200:
        return slug
    import hashlib

    return slug[:183] + "-" + hashlib.blake2b(edge_id.encode(), digest_size=8).hexdigest()


def parse(text: str, name: str = "<microtext>") -> ArgMap:
    """Read one arggraph XML document."""
    import xml.etree.ElementTree as ET

    try:
        # Parsed as the text argmap read (UTF-8): the declaration's encoding, which may
        # name another or none that exists, is not applied a second time.
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line, col = exc.position
        raise MapError(
            [Diagnostic("syntax", "error", f"invalid XML: {exc}", Location(name, line, col + 1))]
        ) from None
    if root.tag != "arggraph":
        raise MapError.at(name, f"not an arggraph document (the root is <{root.tag}>)")

    def attr(element: ET.Element, name: str) -> str:
        return element.get(name) or ""

    edus = {attr(e, "id"): " ".join((e.text or "").split()) for e in root.iter("edu")}
    adus = {attr(a, "id"): a.get("type") for a in root.iter("adu")}
    # Part 2 of the corpus marks the units the annotators supplied: argmap's reconstructions.
    implicit = {attr(e, "id") for e in root.iter("edu") if e.get("implicit") == "true"}
    segments: dict[str, list[str]] = {}
    edges = {attr(e, "id"): (attr(e, "src"), attr(e, "trg"), attr(e, "type"))
             for e in root.iter("edge")}  # fmt: skip
    texts: dict[str, list[str]] = {a: [] for a in adus}
    for src, trg, kind in edges.values():
        if kind == "seg" and trg in texts and src in edus:
            texts[trg].append(edus[src])
            segments.setdefault(trg, []).append(src)
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
            raise MapError.at(name, f"edge {eid!r} has unknown type {kind!r}")
        links.append({"id": eid, "source": src, "target": trg, "kind": _KINDS[kind]})
    by_id = {lk["id"]: lk for lk in links}
    for eid, sources in added.items():
        base = by_id.get(eid)
        if base is None:
            raise MapError.at(name, f"an 'add' edge names edge {eid!r}, which is not a relation")
        if base["kind"] == "support":
            base["group"] = _group_id(eid)
            for k, src in enumerate(sources, 1):
                links.append(
                    {
                        "id": f"{eid}-add{k}",
                        "source": src,
                        "target": base["target"],
                        "kind": "support",
                        "group": _group_id(eid),
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
    for aid, adu_type in adus.items():
        if aid not in bears:
            role = "conclusion"
        elif adu_type == "opp":
            role = "objection"
        elif aid in examples:
            role = "evidence"
        else:
            role = "claim"
        claim: dict[str, Any] = {"id": aid, "text": " ".join(texts[aid]) or aid, "kind": role}
        if segments.get(aid) and all(e in implicit for e in segments[aid]):
            claim["reconstructed"] = True
        claims.append(claim)
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


def dump(model: ArgMap) -> str:
    """The map as one arggraph XML document, valid against the corpus's DTD."""
    import xml.etree.ElementTree as ET

    from argmap.formats.xmltext import xml_safe
    from argmap.model import ClaimKind, LinkKind

    links = model.all_links()
    kinds = {c.id: c.kind for c in model.claims}
    # One namespace of XML ids for the document, units and edges (the DTD says ID): claim
    # and link ids are kept where they are XML names; others get a prefix.
    taken: set[str] = set()

    def name(wanted: str, prefix: str) -> str:
        base = wanted if _XML_NAME.match(wanted) else f"{prefix}{wanted}"
        out, k = base, 2
        while out in taken:
            out, k = f"{base}-{k}", k + 1
        taken.add(out)
        return out

    adu = {c.id: name(c.id, "a_") for c in model.claims}
    edge = {lk.key: name(lk.key, "c_") for lk in links}
    root = ET.Element("arggraph", id=name(slug(model.title, dots=True).replace("-", "_"), "m_"))
    edus = [name(f"e{i}", "") for i in range(1, len(model.claims) + 1)]
    for e, c in zip(edus, model.claims, strict=True):
        ET.SubElement(root, "edu", id=e).text = xml_safe(c.text)
    for c in model.claims:
        kind = "opp" if c.kind is ClaimKind.objection else "pro"
        ET.SubElement(root, "adu", id=adu[c.id], type=kind)
    for i, (e, c) in enumerate(zip(edus, model.claims, strict=True), 1):
        ET.SubElement(root, "edge", id=name(f"s{i}", ""), src=e, trg=adu[c.id], type="seg")
    # A linked group: its first member an ordinary edge, the others 'add' edges to it.
    first_of: dict[tuple[str, str], str] = {}
    base_of: dict[str, str] = {}  # link id -> the edge an undercut of it aims at
    for lk in links:
        if lk.kind is LinkKind.support and lk.group is not None:
            base_of[lk.key] = first_of.setdefault((lk.group, lk.target), lk.key)
    for lk in links:
        attrs = {"id": edge[lk.key], "src": adu[lk.source]}
        if lk.kind is LinkKind.undercut:
            attrs.update(trg=edge[base_of.get(lk.target, lk.target)], type="und")
        elif base_of.get(lk.key, lk.key) != lk.key:
            attrs.update(trg=edge[base_of[lk.key]], type="add")
        elif lk.kind is LinkKind.support:
            evidence = kinds.get(lk.source) is ClaimKind.evidence
            attrs.update(trg=adu[lk.target], type="exa" if evidence else "sup")
        else:
            attrs.update(trg=adu[lk.target], type="reb")
        ET.SubElement(root, "edge", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


#: An XML name as an ID attribute needs it (ASCII letters, digits, '_', '-', '.').
_XML_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.:-]*$")


def write(doc: Document, drawing: Drawing) -> str:
    """The document in this format (the writer every format has: see
    :mod:`argmap.formats.registry`; a map's format draws nothing, so ``drawing`` is not
    read)."""
    return dump(doc.model)
