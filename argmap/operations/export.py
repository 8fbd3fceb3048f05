"""``argmap export`` (and what ``watch`` and ``serve`` draw): a map in another format,
whole or in part."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argmap.analysis.selection import WHOLE_MAP, Selection
from argmap.operations.result import Result

__all__ = ["Exported", "export_view", "export_file", "renderer", "write_exported"]


@dataclass
class Exported:
    """A map written in a format: the output, the format, the document shown (part of the
    map, when a selection chose part), what the format could not carry."""

    data: str | bytes
    format: str
    doc: Any
    view: Any
    lost: list[str]

    def to_data(self) -> dict[str, Any]:
        return {"format": self.format, "lost": self.lost,
                "view": self.view.summary() if self.view is not None else None}  # fmt: skip

    def ids(self) -> list[str]:
        return [c.id for c in self.doc.model.claims]


def export_view(
    doc: Any,
    to: str,
    *,
    with_eval: bool = False,
    schemes: bool = False,
    selection: Selection = WHOLE_MAP,
) -> Exported:
    """The map in format ``to``, narrowed to what ``selection`` chooses (its stubs drawn),
    with each claim's label and strength when ``with_eval`` (weighed on the whole map)."""
    from argmap.analysis.selection import view_of
    from argmap.formats import export, losses

    shown, view = view_of(doc, **selection.options())
    verdicts = None
    if with_eval:
        from argmap.graph import build_graph
        from argmap.semantics.evaluate import verdicts as verdicts_of

        verdicts = verdicts_of(build_graph(doc))
    stubs = view.stubs if view is not None else None
    data = export(shown, to, stubs=stubs, verdicts=verdicts, schemes=schemes)
    return Exported(data, to, shown, view, losses(shown, to))


def export_file(
    path: str | os.PathLike,
    output: str = "-",
    *,
    to: str | None = None,
    with_eval: bool = False,
    schemes: bool = False,
    selection: Selection = WHOLE_MAP,
) -> Result:
    """Export the map at ``path`` to ``output`` (``-``: standard output) in format ``to``
    (default: by the output's suffix, DOT on standard output), written atomically. The
    result's notes say what was left out and what the format does not carry.

    Raises:
        UsageError: the file cannot be read; the output names no format.
        MapError: the map is not valid (nothing is written).
        ToolError: Graphviz is missing or fails; the output cannot be written.
    """
    from argmap.formats import format_for_output
    from argmap.io.files import write_output
    from argmap.operations.loading import read_map

    fmt = format_for_output(output, to)
    doc = read_map(path)
    if fmt in ("json", "yaml") and str(output) != "-":
        doc = _rebased(doc, Path(os.fspath(path)).resolve().parent,
                       Path(os.fspath(output)).resolve().parent)  # fmt: skip
    done = export_view(doc, fmt, with_eval=with_eval, schemes=schemes, selection=selection)
    notes = [done.view.summary()] if done.view is not None else []
    if done.lost:
        notes.append(f"warning: {fmt} does not carry {', '.join(done.lost)}")
    write_output(done.data, output)
    return Result(done, notes=notes)


def _rebased(doc: Any, here: Path, there: Path) -> Any:
    """The map as written to a file in folder ``there``: its relative ``path:`` entries
    (sources, used maps) made relative to that folder, so that the written map reads its
    texts where it lands, as it did where it was."""
    if here == there:
        return doc
    from argmap.model.document import Document

    def moved(p: str | None) -> str | None:
        if p is None or os.path.isabs(p):
            return p
        return os.path.relpath(here / p, there)

    m = doc.model
    model = m.model_copy(update={
        "sources": [s.model_copy(update={"path": moved(s.path)}) for s in m.sources],
        "uses": [u.model_copy(update={"path": moved(u.path)}) for u in m.uses],
    })  # fmt: skip
    return Document(model, doc.name, doc.path, doc.positions, doc.files, used_files=doc.used_files)


def renderer(to: str, *, with_eval: bool = False, selection: Selection = WHOLE_MAP):
    """:func:`export_view` as a function of the map alone, for ``watch`` and ``serve``,
    which export each new version of a map."""

    def render(doc: Any) -> str | bytes:
        return export_view(doc, to, with_eval=with_eval, selection=selection).data

    return render


def write_exported(data: str | bytes, output: str = "-") -> None:
    """Write what a renderer drew to ``output`` (``-``: standard output), atomically (for
    ``watch``, which writes each new version).

    Raises:
        ToolError: the file cannot be written.
    """
    from argmap.io.files import write_output

    write_output(data, output)
