"""argmap validate: check maps and report every problem with its place."""

from __future__ import annotations

from typing import Annotated

import typer

from argmap.cli.options import Format, FormatOpt, MapsArg


def validate(
    map_files: MapsArg,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1) on warnings too, not only errors.")
    ] = False,
    fmt: FormatOpt = Format.text,
) -> None:
    """Check maps: syntax, schema, references, cycles of support, provenance.

    Every problem is printed as FILE:LINE:COL: severity[code]: message. Exit
    status 1 when any map has errors (or warnings, with --strict), else 0.
    --format json prints a list of problem records; --format ids the ids of the
    claims concerned.

    Example: argmap validate maps/*.yaml --strict
    """
    from argmap.analysis.validate import check_files
    from argmap.cli.output import emit_json, emit_lines, emit_segments

    checked = check_files(map_files)
    if fmt is Format.json:
        emit_json(checked.to_data())
    elif fmt is Format.ids:
        emit_lines(checked.ids())
    else:
        from argmap.views.reports import validation_lines

        emit_segments(validation_lines(checked, strict=strict))
    if checked.failed(strict=strict):
        raise typer.Exit(1)
