"""argmap diff: what changed between two versions of a map."""

from __future__ import annotations

from typing import Annotated

import typer

from argmap.cli.options import Format, FormatOpt


def diff(
    old: Annotated[str, typer.Argument(metavar="OLD", help="A map file, or REV:path from git.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="A map file, or REV:path from git.")],
    with_eval: Annotated[
        bool, typer.Option("--eval", help="Also say which claims changed label (grounded).")
    ] = False,
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            metavar="PATH",
            help="The file the two versions are of, named in a first line (git's diff "
            "driver passes it).",
        ),
    ] = None,
    fmt: FormatOpt = Format.text,
) -> None:
    """Show what changed between two versions of a map, as an argument.

    Claims added, removed, renamed (matched by text when the id changed) and reworded;
    other fields changed; links added, removed, or changed in kind; with --eval, claims
    whose label changed. Exit status like diff: 0 no change, 1 changes, 2 trouble.

    Example: argmap diff HEAD~1:maps/us-japan-trump2.yaml maps/us-japan-trump2.yaml --eval
    """
    from argmap.analysis.diff import diff_maps
    from argmap.cli.output import emit_json, emit_lines
    from argmap.views.reports import diff_lines

    old_doc, new_doc = _read(old), _read(new)
    d = diff_maps(old_doc.model, new_doc.model, labels=with_eval)
    if fmt is Format.json:
        emit_json({"file": name, **d.to_dict()} if name else d.to_dict())
    elif fmt is Format.ids:
        emit_lines(d.ids())
    else:
        emit_lines(([f"argmap diff {name}"] if name else []) + diff_lines(d))
    if not d.empty:
        raise typer.Exit(1)


def _read(spec: str):
    from pathlib import Path

    from argmap.errors import EXIT_USAGE, MapError
    from argmap.formats.native import parse
    from argmap.io.files import Input, read_git, read_input

    if spec == "/dev/null":  # git's side of an added or deleted file
        return parse(Input("title: (none)\nclaims: []\n", spec, ".yaml"))
    try:
        inp = read_git(spec) if ":" in spec and not Path(spec).exists() else read_input(spec)
        return parse(inp)
    except MapError as exc:  # unreadable (binary, not UTF-8) or invalid: trouble
        exc.exit_code = EXIT_USAGE  # diff's "trouble" (2), not "differences" (1)
        raise
