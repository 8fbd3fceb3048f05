"""SADFace JSON documents, read into an argmap map and written from one.

SADFace has the shape of AIF: ``atom`` nodes hold the claims, ``scheme`` nodes the
relations between them (``conflict`` ones attack; ``support`` and every named argument
scheme support), with edges ``source_id -> target_id``. It is read through the AIF reader
(:func:`argmap.formats.aif.from_nodes`) and written through the AIF writer
(:func:`argmap.formats.aif.to_nodes`), so the same rules apply both ways: claims keep their
ids and texts, every link its kind and ends (a linked group is one ``support`` scheme, an
undercut a ``conflict`` scheme aimed at the scheme it attacks); the document's title and
description are kept.

Examples:
    >>> m = parse('{"metadata": {"core": {"title": "T"}}, "nodes": ['
    ...           '{"id": "c", "type": "atom", "text": "C"},'
    ...           '{"id": "p", "type": "atom", "text": "P"},'
    ...           '{"id": "s", "type": "scheme", "name": "support"}], "edges": ['
    ...           '{"source_id": "p", "target_id": "s"}, {"source_id": "s", "target_id": "c"}]}')
    >>> m.title, [(lk.source, lk.kind.value, lk.target) for lk in m.links]
    ('T', [('p', 'support', 'c')])
    >>> again = parse(dump(m))
    >>> again.title, [(lk.source, lk.kind.value, lk.target) for lk in again.links]
    ('T', [('p', 'support', 'c')])
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from argmap.errors import Diagnostic, Location, MapError
from argmap.formats.aif import from_nodes, objects, to_nodes
from argmap.model import ArgMap

if TYPE_CHECKING:
    from argmap.formats.registry import Drawing
    from argmap.model.document import Document

__all__ = ["write", "parse", "dump", "LOSSES"]

#: What SADFace as argmap writes it cannot carry (see argmap.formats.FEATURES).
LOSSES = {
    "kinds", "labels", "tags", "quotes", "sources", "confidence", "link-notes", "link-ids",
    "metadata", "roles", "answers", "reconstructed",
}  # fmt: skip

_CONFLICT = {"conflict", "attack", "rebuttal", "undercut", "default conflict"}


def parse(text: str, name: str = "<sadface>") -> ArgMap:
    """Read a SADFace document."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = Location(name, exc.lineno, exc.colno)
        raise MapError([Diagnostic("syntax", "error", f"invalid JSON: {exc.msg}", where)]) from None
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise MapError(
            [Diagnostic("bad_value", "error", "not SADFace: no 'nodes' list", Location(name, 1, 1))]
        )
    nodes = {}
    for n in objects(text, name, data, "nodes", "a node"):
        if n.get("type") == "atom":
            nodes[str(n.get("id"))] = {"type": "I", "text": n.get("text", "")}
        elif n.get("type") == "scheme":
            kind = "CA" if str(n.get("name", "")).lower() in _CONFLICT else "RA"
            nodes[str(n.get("id"))] = {"type": kind, "scheme": n.get("name")}
    given = objects(text, name, data, "edges", "an edge")
    edges = [(str(e.get("source_id")), str(e.get("target_id"))) for e in given]
    metadata = data.get("metadata")
    core = metadata.get("core") if isinstance(metadata, dict) else None
    core = core if isinstance(core, dict) else {}
    model = from_nodes(nodes, edges, str(core.get("title") or name.rsplit("/", 1)[-1]), name)
    description = core.get("description")
    if description:
        note = f"{description} {model.description or ''}".strip()
        model = model.model_copy(update={"description": note})
    return model


def dump(model: ArgMap) -> str:
    """The map as a SADFace document (version 0.5)."""
    nodes, edges = to_nodes(model)
    core = {"version": "0.5", "title": model.title}
    if model.description:
        core["description"] = model.description
    document = {
        "metadata": {"core": core},
        "resources": [],
        "nodes": [
            {"id": i, "type": "atom", "text": n["text"], "sources": [], "metadata": {}}
            if n["type"] == "I"
            else {
                "id": i,
                "type": "scheme",
                "name": n.get("scheme") or ("support" if n["type"] == "RA" else "conflict"),
                "metadata": {},
            }
            for i, n in nodes.items()
        ],
        "edges": [
            {"id": f"e{k}", "source_id": a, "target_id": b} for k, (a, b) in enumerate(edges, 1)
        ],
    }
    from argmap.wording import json_safe

    return json_safe(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def write(doc: Document, drawing: Drawing) -> str:
    """The document in this format (the writer every format has: see
    :mod:`argmap.formats.registry`; a map's format draws nothing, so ``drawing`` is not
    read)."""
    return dump(doc.model)
