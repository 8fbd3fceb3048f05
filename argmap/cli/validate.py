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
    from argmap.cli.output import emit_json, emit_lines, emit_segments
    from argmap.errors import MapError
    from argmap.formats import read_map
    from argmap.validate import has_errors
    from argmap.validate import validate as check

    found = []
    summaries = []
    for path in map_files:
        try:
            doc = read_map(path)
        except MapError as exc:
            diags = exc.diagnostics
            summary = None
        else:
            diags = check(doc)
            from argmap.render import counted

            summary = (
                f"{counted(len(doc.model.claims), 'claim')}, "
                f"{counted(len(doc.model.all_links()), 'link')}"
            )
        found.extend(diags)
        summaries.append((doc.name if summary else path, summary, diags))
    if fmt is Format.json:
        emit_json([d.to_dict() for d in found])
    elif fmt is Format.ids:
        emit_lines(list(dict.fromkeys(d.claim for d in found if d.claim)))
    else:
        from argmap.render import diagnostic_segments, summary_segments

        lines = [diagnostic_segments(d) for d in found]
        lines += [summary_segments(*result) for result in summaries]
        emit_segments(lines)
    if has_errors(found, strict=strict):
        raise typer.Exit(1)
