"""argmap coverage: what a map leaves open, and how much of its source it draws on."""

from __future__ import annotations

from typing import Annotated

import typer

from argmap.cli.options import Format, FormatOpt, MapArg


def coverage(
    map_file: MapArg,
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            metavar="FILE",
            help="Check every quote against this text (default: each source's path).",
        ),
    ] = None,
    fmt: FormatOpt = Format.text,
) -> None:
    """Report what a map leaves open and how much of its source text it covers.

    Lists conclusions without support, objections nobody answers, evidence without a
    source or quote; the claims the analyst reconstructed and their share of the map; the
    critical questions of each inference that names a scheme, open or answered (open
    ones listed); and, for each source text, which argumentative paragraphs (12 words
    or more) the quotes draw on and which they leave out, with the percentage.
    --format ids lists the claims concerned.

    Example: argmap coverage maps/us-japan-trump2.yaml
    """
    from argmap.analysis.provenance import coverage as report_of
    from argmap.analysis.provenance import coverage_ids
    from argmap.cli.output import emit_json, emit_lines
    from argmap.formats import read_map
    from argmap.views.reports import coverage_lines

    report = report_of(read_map(map_file), source_file=source)
    if fmt is Format.json:
        emit_json(report)
    elif fmt is Format.ids:
        emit_lines(coverage_ids(report))
    else:
        from argmap.views.table import output_width, wrapped_lines

        emit_lines(wrapped_lines(coverage_lines(report), output_width()))
