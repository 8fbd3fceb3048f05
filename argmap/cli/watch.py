"""argmap watch: keep an export up to date while the map is edited."""

from __future__ import annotations

import contextlib
from typing import Annotated

import typer

from argmap.cli.export import ExportFormat
from argmap.cli.options import EvalMarksOpt, FocusOpt, MapFileArg, RadiusOpt, TagOpt, WhereOpt


def watch(
    map_file: MapFileArg,
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The file to keep up to date (its suffix names the format, unless --to does).",
        ),
    ],
    to: Annotated[
        ExportFormat | None,
        typer.Option("--to", "-t", case_sensitive=False, help="Output format."),
    ] = None,
    where: WhereOpt = None,
    focus: FocusOpt = None,
    radius: RadiusOpt = 1,
    tag: TagOpt = None,
    with_eval: EvalMarksOpt = False,
) -> None:
    """Re-export the map each time it, or a source text it cites, is saved.

    Any export format, pictures included, and any view (--where, --tag,
    --focus/--radius, as in export). A save that breaks the map prints its
    located errors and keeps the last good output; the next good save replaces it.
    Ctrl-C stops watching.

    Example: argmap watch maps/us-japan-trump2.yaml -o us-japan.svg
    """
    import gc

    from argmap.analysis.selection import Selection
    from argmap.cli.output import print_build, print_error
    from argmap.errors import UsageError
    from argmap.formats import format_for_output
    from argmap.io import progress
    from argmap.live.rebuild import LiveMap, follow
    from argmap.operations.export import renderer, write_exported

    if map_file == "-":
        raise UsageError("watch needs a map file, not standard input")
    progress.stop()
    gc.enable()  # a long-lived process
    fmt = format_for_output(output, to.value if to is not None else None)
    selection = Selection(where, focus, radius, tuple(tag or ()))
    live = LiveMap(map_file, renderer(fmt, with_eval=with_eval, selection=selection))

    def report(build) -> None:
        if build.ok:
            write_exported(build.data, output)
        print_build(build, f"wrote {output}", kept=live.last_good is not None)

    print_error([f"watching {map_file} and the source texts it cites; Ctrl-C stops"])
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C, even mid-rebuild
        follow(live, report)
    print_error(["stopped"])
