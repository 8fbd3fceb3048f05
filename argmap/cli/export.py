"""argmap export: write a map as canonical JSON or YAML, DOT, or a rendered picture."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from argmap.cli.options import EvalMarksOpt, FocusOpt, MapArg, RadiusOpt, TagOpt, WhereOpt
from argmap.formats import EXPORT_FORMATS

ExportFormat = StrEnum("ExportFormat", list(EXPORT_FORMATS))  # type: ignore[misc]  # from the registry
Paper = StrEnum("Paper", ["a4", "a3", "letter"])
TextForm = StrEnum("TextForm", ["full", "short"])


def export(
    map_file: MapArg,
    to: Annotated[
        ExportFormat | None,
        typer.Option(
            "--to",
            "-t",
            case_sensitive=False,
            help="Output format; default: from the -o suffix (an unknown suffix is an "
            "error), dot on stdout.",
        ),
    ] = None,
    output: Annotated[
        str, typer.Option("--output", "-o", metavar="FILE", help="Write here (- = stdout).")
    ] = "-",
    where: WhereOpt = None,
    focus: FocusOpt = None,
    radius: RadiusOpt = 1,
    tag: TagOpt = None,
    with_eval: EvalMarksOpt = False,
    schemes: Annotated[
        bool,
        typer.Option(
            "--schemes",
            help="Pictures: name each inference's argument scheme (and premise roles) on "
            "its arrow.",
        ),
    ] = False,
    paper: Annotated[
        Paper | None,
        typer.Option(
            "--paper",
            case_sensitive=False,
            help="Print on this paper (pdf, svg, png, dot): the whole map on one page if "
            "its claim text prints at 8 pt or more there, else an overview page and pages "
            "by sub-argument, each at 8 pt or more. svg and png: a file a page (-1, -2, ...).",
        ),
    ] = None,
    text: Annotated[
        TextForm,
        typer.Option(
            "--text",
            case_sensitive=False,
            help="Pictures: 'short' draws each claim by its label: field, else its first "
            "words (the whole text in tooltips and the report's cards).",
        ),
    ] = TextForm.full,
) -> None:
    """Export a map: canonical JSON or YAML, a picture, or another tool's format.

    Formats: json, yaml (argmap's own), dot, and svg/png/pdf through Graphviz; argdown,
    aif (AIFdb JSON), graphml, mermaid; html, a standalone report with the picture and every claim
    written out.

    --where, --tag and --focus/--radius export part of the map: the claims they
    select and the links among them; pictures mark each link that leaves the view,
    and one line on stderr says what was left out. Part of a map exported as a map
    is a valid map of its own.

    The json form is argmap's canonical map (shorthand links made explicit) and
    reads back into every command. What a format cannot carry is named in a
    warning. Output is deterministic: the same map gives the same bytes. Files are
    written atomically; nothing is written for a broken map.

    --paper a4 (a3, letter) prints by pages: claim text at 8 pt or more on every
    page, a claim continued elsewhere marked with its page ("continues on p. 3"),
    page 1 an overview of the pages. --text short draws a whole map small enough to
    read on one page.

    Example: argmap export maps/us-japan-trump2.yaml --to svg -o us-japan.svg

    Example: argmap export maps/us-japan-trump2.yaml -o us-japan.pdf --paper a4
    """
    from argmap.analysis.selection import Selection
    from argmap.cli.output import emit
    from argmap.operations.export import export_file

    emit(
        export_file(
            map_file,
            output,
            to=to.value if to is not None else None,
            with_eval=with_eval,
            schemes=schemes,
            selection=Selection(where, focus, radius, tuple(tag or ())),
            short=text is TextForm.short,
            paper=paper.value if paper is not None else None,
        )
    )
