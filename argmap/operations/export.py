"""``argmap export`` (and what ``watch`` and ``serve`` draw): a map in another format,
whole or in part."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import Field

from argmap.analysis.selection import WHOLE_MAP, Selection
from argmap.model.answers import Record, optional
from argmap.operations.result import Result

__all__ = ["Exported", "export_view", "export_file", "renderer", "write_exported"]


class ExportAnswer(Record):
    """An export, for a program (``Result.to_data()``): what it wrote."""

    format: str
    lost: list[str] = Field(description="What the format could not carry.")
    view: str | None = Field(description="The view exported, when a selection chose part.")
    pages: int | None = optional()
    text_pt: list[float] | None = optional("Each page's claim text, in points.")
    files: list[str] | None = optional()


@dataclass
class Exported:
    """A map written in a format: the output, the format, the document shown (part of the
    map, when a selection chose part), what the format could not carry."""

    data: str | bytes
    format: str
    doc: Any
    view: Any
    lost: list[str]
    #: Printed by pages (``--paper``): every page's output (``data`` is the first), and
    #: the size each prints its claim text at, in points.
    pages: list[str | bytes] | None = None
    text_pt: list[float] | None = None
    #: The files written, when more than one (a picture a page).
    files: list[str] | None = None

    def answer(self) -> ExportAnswer:
        """What was exported, for a program: the format, what it lost, the view, the pages."""
        return ExportAnswer(
            format=self.format, lost=self.lost,
            view=self.view.summary() if self.view is not None else None,
            pages=len(self.text_pt) if self.text_pt is not None else None,
            text_pt=[round(pt, 2) for pt in self.text_pt] if self.text_pt is not None else None,
            files=self.files,
        )  # fmt: skip

    def ids(self) -> list[str]:
        return [c.id for c in self.doc.model.claims]


def export_view(
    doc: Any,
    to: str,
    *,
    with_eval: bool = False,
    schemes: bool = False,
    selection: Selection = WHOLE_MAP,
    short: bool = False,
    paper: str | None = None,
) -> Exported:
    """The map in format ``to``, narrowed to what ``selection`` chooses (its stubs drawn),
    with each claim's label and strength when ``with_eval`` (weighed on the whole map);
    ``short``: pictures draw claims by their short labels; ``paper``: printed by pages
    on that paper (:func:`argmap.formats.export_pages`)."""
    from argmap.analysis.selection import view_of
    from argmap.formats import export, export_pages, losses

    shown, view = view_of(doc, **selection.options())
    verdicts = None
    if with_eval:
        from argmap.graph import build_graph
        from argmap.semantics.evaluate import verdicts as verdicts_of

        verdicts = verdicts_of(build_graph(doc))
    stubs = view.stubs if view is not None else None
    if paper is not None:
        printed, sizes = export_pages(shown, to, paper, stubs=stubs, verdicts=verdicts,
                                      schemes=schemes, short=short)  # fmt: skip
        return Exported(printed[0], to, shown, view, losses(shown, to), printed, sizes)
    data = export(shown, to, stubs=stubs, verdicts=verdicts, schemes=schemes, short=short)
    return Exported(data, to, shown, view, losses(shown, to))


def export_file(
    path: str | os.PathLike,
    output: str = "-",
    *,
    to: str | None = None,
    with_eval: bool = False,
    schemes: bool = False,
    selection: Selection = WHOLE_MAP,
    short: bool = False,
    paper: str | None = None,
) -> Result:
    """Export the map at ``path`` to ``output`` (``-``: standard output) in format ``to``
    (default: by the output's suffix, DOT on standard output), written atomically. The
    result's notes say what was left out and what the format does not carry. ``short``
    draws pictures by short labels; ``paper`` prints by pages: a PDF of them all, or an
    SVG or PNG file a page, numbered (``map-1.svg``, ``map-2.svg``, ...).

    Raises:
        UsageError: the file cannot be read; the output names no format; ``paper`` or
            ``short`` asked of a format they do not apply to, or pages of SVG or PNG
            asked on standard output.
        MapError: the map is not valid (nothing is written).
        ToolError: Graphviz is missing or fails; the output cannot be written.
    """
    from argmap.formats import format_for_output
    from argmap.io.files import write_output
    from argmap.operations.loading import read_map

    fmt = format_for_output(output, to)
    _check_picture_options(fmt, output, short=short, paper=paper)
    doc = read_map(path)
    if fmt in ("json", "yaml") and str(output) != "-":
        doc = _rebased(doc, Path(os.fspath(path)).resolve().parent,
                       Path(os.fspath(output)).resolve().parent)  # fmt: skip
    done = export_view(doc, fmt, with_eval=with_eval, schemes=schemes, selection=selection,
                       short=short, paper=paper)  # fmt: skip
    notes = [done.view.summary()] if done.view is not None else []
    if done.lost:
        notes.append(f"warning: {fmt} does not carry {', '.join(done.lost)}")
    if done.pages is not None and fmt in ("svg", "png"):
        done.files = _numbered(output, len(done.pages))
        for data, name in zip(done.pages, done.files, strict=True):
            write_output(data, name)
        stale = _numbered(output, len(done.pages) + 1)[-1]
        if os.path.exists(stale):
            notes.append(f"warning: {stale} and any after it are from an earlier export "
                         "(not removed)")  # fmt: skip
    else:
        write_output(done.data, output)
    if done.text_pt is not None:
        notes.append(_printed_note(paper or "", done.text_pt))
    return Result(done, notes=notes)


def _check_picture_options(fmt: str, output: str, *, short: bool, paper: str | None) -> None:
    """Raise a usage error for ``--paper``/``--text short`` where they do not apply."""
    from argmap.errors import UsageError
    from argmap.formats import PAGED_FORMATS

    if paper is not None and fmt not in PAGED_FORMATS:
        raise UsageError(f"--paper prints pictures ({', '.join(PAGED_FORMATS)}), not {fmt}",
                         hint="export to a .pdf, or leave --paper out")  # fmt: skip
    if paper is not None and fmt in ("svg", "png") and output == "-":
        raise UsageError(f"--paper with {fmt} writes a file a page, not standard output",
                         hint=f"give -o FILE.{fmt} (pages: FILE-1.{fmt}, FILE-2.{fmt}, ...), "
                         "or export to .pdf")  # fmt: skip
    if short and fmt not in (*PAGED_FORMATS, "html"):
        raise UsageError(
            f"--text short draws pictures, not {fmt}", hint="use it with dot, svg, png, pdf or html"
        )


def _numbered(output: str, count: int) -> list[str]:
    """The files of a picture a page: ``map.svg`` -> ``map-1.svg``, ``map-2.svg``, ..."""
    base, dot, suffix = output.rpartition(".")
    if not dot or "/" in suffix:
        base, suffix = output, ""
    return [f"{base}-{n}.{suffix}" if suffix else f"{base}-{n}" for n in range(1, count + 1)]


def _printed_note(paper: str, sizes: list[float]) -> str:
    """What printing by pages gave, in a line."""
    low, high = min(sizes), max(sizes)
    size = f"{low:.1f} pt" if round(low, 1) == round(high, 1) else f"{low:.1f}-{high:.1f} pt"
    if len(sizes) == 1:
        return f"printed on {paper.upper()}: one page, claim text at {size}"
    return (f"printed on {paper.upper()}: {len(sizes)} pages (an overview and "
            f"{len(sizes) - 1} by sub-argument), claim text at {size}")  # fmt: skip


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


def renderer(
    to: str, *, with_eval: bool = False, selection: Selection = WHOLE_MAP
) -> Callable[[Any], str | bytes]:
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
