"""Reading and writing maps: one module per format, chosen here by name.

``export`` writes a document in any export format: text formats as ``str``, rendered
pictures as ``bytes``; ``import_map`` reads the formats argmap imports. (A map file is
read by :func:`argmap.operations.loading.read_map`.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from argmap.model.document import Document

__all__ = [
    "EXPORT_FORMATS",
    "TEXT_FORMATS",
    "IMPORT_FORMATS",
    "FEATURES",
    "export",
    "format_for_output",
    "export_pages",
    "PAGED_FORMATS",
    "losses",
    "import_map",
    "import_checked",
    "guess_import_format",
]

from argmap.formats.registry import FORMATS as _FORMATS

# Derived from the one table of formats (argmap.formats.registry).
TEXT_FORMATS = tuple(f.name for f in _FORMATS if f.writes and not f.rendered)
EXPORT_FORMATS = tuple(f.name for f in _FORMATS if f.writes)
IMPORT_FORMATS = tuple(f.name for f in _FORMATS if f.reads)

#: The parts of a map some formats cannot carry, in words.
FEATURES = {
    "kinds": "claim kinds",
    "labels": "short labels",
    "tags": "tags",
    "quotes": "quotes",
    "sources": "sources",
    "confidence": "confidence",
    "link-notes": "link notes and weights",
    "link-ids": "link ids",
    "undercuts": "undercuts (drawn as a dotted arrow to the supported claim)",
    "metadata": "the map's description, authors and dates",
    "schemes": "argument schemes",
    "roles": "premise roles",
    "answers": "answers to critical questions",
    "reconstructed": "reconstruction marks",
}


def format_for_output(path: str, to: str | None = None) -> str:
    """The export format for an output path: ``to`` when given, else the path's suffix
    (stdout, ``-``, gets DOT).

    Raises:
        UsageError: the suffix names no format argmap writes (the formats are listed).
    """
    from pathlib import Path

    from argmap.errors import UsageError
    from argmap.formats.registry import by_suffix

    if to is not None:
        return to
    if path == "-":
        return "dot"
    spec = by_suffix(Path(path).name)
    if spec is None or not spec.writes:
        suffix = Path(path).suffix.lower().lstrip(".")
        shown = f"'.{suffix}' names no format argmap writes" if suffix else "no suffix to go by"
        raise UsageError(
            f"{path}: {shown}",
            hint=f"use --to with one of {', '.join(EXPORT_FORMATS)}",
        )
    return spec.name


def export(
    doc: Document,
    to: str,
    *,
    stubs: dict[str, int] | None = None,
    verdicts: Mapping[str, tuple[str, float | None]] | None = None,
    schemes: bool = False,
    short: bool = False,
) -> str | bytes:
    """The document in format ``to`` (one of :data:`EXPORT_FORMATS`). ``stubs`` (a view's
    links that lead out of it, per claim) are drawn in pictures and the HTML report, and
    so are ``verdicts`` (each claim's label and strength); ``schemes`` names each
    inference's argument scheme on its arrow in pictures (the HTML report always does);
    ``short`` draws each claim of a picture by its short label.

    Raises:
        MapError: the map has broken references; nothing is written for such a map.
        ToolError: Graphviz is needed and missing or failing.
    """
    import importlib

    from argmap.formats.registry import Drawing, by_name

    spec = by_name(to)
    if not spec.writes or spec.module is None:
        raise ValueError(f"cannot export {to!r}")
    write = getattr(importlib.import_module(f"argmap.formats.{spec.module}"), spec.writer)
    return write(doc, Drawing(stubs=stubs, verdicts=verdicts, schemes=schemes, short=short))


#: The formats a map can be printed by pages in (``export --paper``).
PAGED_FORMATS = ("pdf", "svg", "png", "dot")


def export_pages(
    doc: Document,
    to: str,
    paper: str,
    *,
    stubs: dict[str, int] | None = None,
    verdicts: Mapping[str, tuple[str, float | None]] | None = None,
    schemes: bool = False,
    short: bool = False,
) -> tuple[list[str | bytes], list[float]]:
    """The document printed on ``paper`` (a name of :data:`argmap.formats.pages.PAPERS`)
    in ``to`` (one of :data:`PAGED_FORMATS`): the whole map on one page when its claim
    text prints at 8 pt or more there, else an overview and pages by sub-argument
    (:mod:`argmap.formats.pages`). PDF is one document of all the pages, each scaled onto
    the paper; SVG and PNG are a picture a page, DOT the graphs one after another. With
    each page's claim-text size in points as printed on the paper.

    Raises:
        MapError: the map has broken references.
        ToolError: Graphviz is missing or failing.
    """
    from argmap.formats import graphviz, pages
    from argmap.graph import build_graph

    size = pages.PAPERS[paper]
    G = build_graph(doc)
    drawn = pages.printed(G, size, stubs=stubs, verdicts=verdicts, schemes=schemes,
                          short=short)  # fmt: skip
    sizes = [p.text_pt for p in drawn]
    if to == "dot":
        return ["".join(p.dot for p in drawn)], sizes
    pictures = [graphviz.render(p.dot, to, fit=False) for p in drawn]
    if to == "pdf":
        return [pages.book(pictures, size)], sizes
    return list(pictures), sizes


def _present(model) -> set[str]:
    """Which of :data:`FEATURES` a map uses."""
    links = model.all_links()
    found = set()
    if any(c.kind.value not in ("claim", "conclusion") for c in model.claims):
        found.add("kinds")
    if any(c.tags for c in model.claims) or model.tags:
        found.add("tags")
    if any(c.quote for c in model.claims):
        found.add("quotes")
    if model.sources:
        found.add("sources")
    if any(c.confidence is not None for c in model.claims):
        found.add("confidence")
    if any(c.label for c in model.claims):
        found.add("labels")
    if any(lk.note or lk.weight is not None for lk in links):
        found.add("link-notes")
    if any(lk.kind == "undercut" for lk in links):
        found.add("undercuts")
    if any(lk.id for lk in model.links):
        found.add("link-ids")
    if model.description or model.authors or model.created or model.updated:
        found.add("metadata")
    if any(lk.scheme for lk in links):
        found.add("schemes")
    if any(lk.role for lk in links):
        found.add("roles")
    if any(c.answers for c in model.claims):
        found.add("answers")
    if any(c.reconstructed for c in model.claims):
        found.add("reconstructed")
    return found


def losses(doc: Document, to: str) -> list[str]:
    """What exporting this map to ``to`` leaves out, in words (empty when nothing)."""
    import importlib

    from argmap.formats.registry import by_name

    module = importlib.import_module(f"argmap.formats.{by_name(to).module}")
    cannot = module.LOSSES.get(to, set()) if isinstance(module.LOSSES, dict) else module.LOSSES
    present = _present(doc.model)
    lost = [FEATURES[k] for k in FEATURES if k in cannot and k in present]
    # What a format leaves out here and now (the report's picture, with no Graphviz).
    return lost + (module.missing() if hasattr(module, "missing") else [])


def guess_import_format(name: str, text: str) -> str | None:
    """The import format of a file, from its name and first bytes; None when unsure."""
    from argmap.formats.registry import recognise

    return recognise(name, text)


def import_map(text: str, name: str, fmt: str):
    """Read a file of another tool into an :class:`~argmap.model.ArgMap`."""
    import importlib

    from pydantic import ValidationError

    from argmap.errors import Diagnostic, Location, MapError
    from argmap.formats.registry import by_name

    if fmt not in IMPORT_FORMATS:
        raise ValueError(f"cannot import {fmt!r}")
    try:
        return importlib.import_module(f"argmap.formats.{by_name(fmt).module}").parse(text, name)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        message = f"{fmt} file gives no valid map: {where}: {first['msg']}"
        raise MapError([Diagnostic("bad_value", "error", message, Location(name, 1, 1))]) from None
    except RecursionError:
        message = f"the {fmt} document is nested too deeply to read"
        raise MapError([Diagnostic("too_deep", "error", message, Location(name, 1, 1))]) from None
    except (TypeError, KeyError, AttributeError, IndexError, ValueError) as exc:
        # A structure the reader did not expect (a list where a mapping belongs, a missing
        # key, a number where text belongs): refused in one line, never a traceback.
        said: dict[type, str] = {KeyError: "a required key is missing",
                                 IndexError: "a list is too short"}  # fmt: skip
        what = said.get(type(exc), "a value has the wrong shape")
        detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        message = f"not a {fmt} document argmap can read: {what} ({detail})"
        raise MapError([Diagnostic("bad_value", "error", message, Location(name, 1, 1))]) from None


def import_checked(text: str, name: str, fmt: str):
    """:func:`import_map`, then the map checked as ``validate`` checks it: a map argmap
    would refuse is refused here, each problem located in the file read (at the first
    place its claim or link id stands there), so an import writes a valid map or nothing.

    Raises:
        MapError: the file cannot be read, or gives a map with errors.
    """
    from dataclasses import replace

    from argmap.analysis.validate import validate
    from argmap.errors import MapError
    from argmap.model.document import Document

    model = import_map(text, name, fmt)
    # The map has no place yet, so the source texts it names are not looked up.
    errors = [d for d in validate(Document(model, name), texts=False) if d.severity == "error"]
    if errors:
        raise MapError(
            [
                replace(
                    d,
                    message=f"the {fmt} file gives a map argmap refuses: {d.message}",
                    location=_place_in(text, name, d),
                )
                for d in errors
            ]
        )
    return model


def _place_in(text: str, name: str, d):
    """Where in the file read a problem of the imported map comes from: the first place
    one of the ids it names stands (as a whole word); else the file's start."""
    import re

    from argmap.errors import Location

    named = [d.claim] if d.claim else []
    named += re.findall(r"'([^'\n]{1,200})'", d.message)
    for ident in named:
        m = re.search(rf"(?<![\w-]){re.escape(ident)}(?![\w-])", text)
        if m:
            from argmap.io.positions import line_col

            return Location(name, *line_col(text, m.start()))
    return Location(name, 1, 1)
