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
    from argmap.cli.output import emit
    from argmap.operations.diff import diff_files

    emit(diff_files(old, new, with_eval=with_eval, name=name), fmt)
