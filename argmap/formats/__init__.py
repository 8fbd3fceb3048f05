"""Reading and writing maps: one module per format, chosen here by name.

``read_map`` reads argmap's own format (YAML or JSON). ``export`` writes a
document in any export format: text formats as ``str``, rendered pictures as
``bytes``.
"""

from __future__ import annotations

import os

from argmap.document import Document

__all__ = ["EXPORT_FORMATS", "TEXT_FORMATS", "read_map", "export"]

TEXT_FORMATS = ("json", "yaml", "dot")
EXPORT_FORMATS = (*TEXT_FORMATS, "svg", "png", "pdf")


def read_map(path: str | os.PathLike) -> Document:
    """Read a map from a path, or from standard input for ``-``.

    Raises:
        UsageError: the file cannot be read.
        MapError: the map is malformed (located diagnostics).
    """
    from argmap.bulk import paused_gc
    from argmap.files import read_input
    from argmap.formats import native

    inp = read_input(path)
    with paused_gc():
        return native.parse(inp)


def export(doc: Document, to: str) -> str | bytes:
    """The document in format ``to`` (one of :data:`EXPORT_FORMATS`).

    Raises:
        MapError: the map has broken references; nothing is written for such a map.
        ToolError: Graphviz is needed and missing or failing.
    """
    from argmap.graph import build_graph

    G = build_graph(doc)
    if to == "json":
        from argmap.formats.native import dump_json

        return dump_json(doc.model)
    if to == "yaml":
        from argmap.formats.native import dump_yaml

        return dump_yaml(doc.model)
    from argmap.formats import dot

    text = dot.dump(G)
    if to == "dot":
        return text
    from argmap.formats import graphviz

    return graphviz.render(text, to)
