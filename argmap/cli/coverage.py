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
    from argmap.cli.output import emit
    from argmap.operations.coverage import coverage_file

    emit(coverage_file(map_file, source_file=source), fmt)
