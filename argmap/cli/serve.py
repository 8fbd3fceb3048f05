"""argmap serve: a live preview of the HTML report in the browser."""

from __future__ import annotations

import contextlib
from typing import Annotated

import typer

from argmap.cli.options import EvalMarksOpt, FocusOpt, MapFileArg, RadiusOpt, TagOpt, WhereOpt


def serve(
    map_file: MapFileArg,
    port: Annotated[
        int,
        typer.Option(
            "--port", "-p", min=0, max=65535, help="Port on 127.0.0.1 (default: a free one)."
        ),
    ] = 0,
    where: WhereOpt = None,
    focus: FocusOpt = None,
    radius: RadiusOpt = 1,
    tag: TagOpt = None,
    with_eval: EvalMarksOpt = False,
) -> None:
    """Serve the map's HTML report on this machine; the page reloads itself on each save.

    Only 127.0.0.1 listens, and the page fetches nothing from the network. A save
    that breaks the map shows its errors at the top of the page, above the last good
    picture. The URL is printed; Ctrl-C stops. --where, --tag and --focus/--radius
    preview part of the map, as in export.

    Example: argmap serve maps/us-japan-trump2.yaml
    """
    import gc

    from argmap.analysis.selection import Selection
    from argmap.cli.output import print_build, print_error
    from argmap.errors import ToolError, UsageError
    from argmap.io import progress
    from argmap.live.preview import Preview
    from argmap.live.rebuild import LiveMap
    from argmap.operations.export import renderer

    if map_file == "-":
        raise UsageError("serve needs a map file, not standard input")
    progress.stop()
    gc.enable()  # a long-lived process

    def report(build) -> None:
        print_build(build, "rebuilt")

    try:
        selection = Selection(where, focus, radius, tuple(tag or ()))
        render = renderer("html", with_eval=with_eval, selection=selection)
        preview = Preview(LiveMap(map_file, render), port, report)
    except OSError as exc:
        raise ToolError(f"cannot listen on 127.0.0.1:{port} ({exc.strerror})") from None
    print_error([f"serving {map_file} at {preview.url} (Ctrl-C stops)"])
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C, even mid-rebuild
        preview.run()
    print_error(["stopped"])
