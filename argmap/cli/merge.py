"""argmap merge: git's merge driver for maps, merging by claim, link and source id."""

from __future__ import annotations

from typing import Annotated

import typer

from argmap.cli.options import Format, FormatOpt


def merge(
    base: Annotated[str, typer.Argument(metavar="BASE", help="The common ancestor (git's %O).")],
    ours: Annotated[
        str, typer.Argument(metavar="OURS", help="Our version, where the result goes (%A).")
    ],
    theirs: Annotated[str, typer.Argument(metavar="THEIRS", help="Their version (%B).")],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write here instead (- = stdout)."),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option("--name", metavar="PATH", help="The map's path in messages (git's %P)."),
    ] = None,
    fmt: FormatOpt = Format.text,
) -> None:
    """Merge two versions of a map by meaning: git's merge driver for argument maps.

    Each side's changes since BASE are merged by claim, link and source id: additions on
    both sides are both kept, a change on one side applies, and lists of ids (tags,
    supports, attacks, undercuts) take both sides' additions. The same field changed
    differently on both sides, or an item removed on one side and changed on the other,
    is a conflict: exit 1, one line per conflict, and the file marked (<<<<<<< ours /
    ======= / >>>>>>> theirs) around the conflicting item only. A merge that would
    break the map (a link to a claim the other side removed) is a conflict too. OURS'
    comments and layout are kept; THEIRS' additions are written in the canonical layout.
    The result is written to OURS, as git expects. Set it up with:

    \b
      git config merge.argmap.driver 'argmap merge %O %A %B --name %P'
      echo 'maps/*.yaml merge=argmap' >> .gitattributes

    Example: argmap merge base.yaml ours.yaml theirs.yaml -o merged.yaml
    """
    from argmap.cli.output import emit
    from argmap.operations.diff import merge_files

    if output == "-" and fmt is not Format.text:
        from argmap.errors import UsageError

        raise UsageError(
            f"-o - and --format {fmt.value} would both write to standard output; "
            "write the merged map to a file"
        )
    emit(merge_files(base, ours, theirs, output=output, name=name), fmt)
