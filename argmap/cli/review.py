"""argmap review: a drafted map's proposals, one at a time."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from argmap.cli.edit import FileArg
from argmap.cli.options import RowFormatOpt
from argmap.cli.output import RowFormat

_KEYS = "[a]ccept  [r]eject  [t]arget another claim  [m]erge into a claim  [s]kip  [q]uit"


def review(
    map_file: FileArg,
    only: Annotated[
        list[str] | None,
        typer.Argument(metavar="[ID]...", help="Review these items only (default: all)."),
    ] = None,
    listing: Annotated[
        bool,
        typer.Option("--list", help="List what is left to review, and ask nothing."),
    ] = False,
    fmt: RowFormatOpt = RowFormat.text,
) -> None:
    """Review a drafted map: each proposal in turn, accepted, rejected, drawn to another
    claim or merged into one; every decision is written to the map at once, so quitting
    midway keeps what was decided.

    At each proposal type a letter and Enter: a (accept: its drafted mark goes), r (reject:
    a claim goes with its links, a link goes), t (a link: draw it to another claim, asked
    for next), m (a claim: take it as another claim of the map, asked for next; its links
    move there), s (skip: decide later), q (quit). Lines are read from standard input, so a
    script can pipe its decisions in.

    --list prints the proposals left (a table, or --format json, ids, tsv) without asking.

    Example: argmap review draft.yaml

    Example: argmap review draft.yaml --list --format ids
    """
    from argmap.cli.output import print_error
    from argmap.errors import ArgmapError
    from argmap.operations import review as decide

    if listing or fmt is not RowFormat.text:
        from argmap.cli.output import emit

        emit(decide.listed(map_file, only or None), fmt)
        return
    items = decide.pending(map_file)
    if only:
        items = [p for p in items if p.id in set(only)]
    if not items:
        print_error(["argmap: nothing drafted is left to review"])
        return
    out = sys.stdout
    counts = {"accepted": 0, "rejected": 0, "retargeted": 0, "merged": 0, "skipped": 0}
    for n, item in enumerate(items, 1):
        head = f"[{n}/{len(items)}] {item.what} {item.id} ({item.kind}, drafted {item.score:.2f})"
        out.write(f"\n{head}\n  {item.text}\n")
        if item.quote and item.quote != item.text:
            out.write(f"  quote: {item.quote}\n")
        for link in item.links:
            out.write(f"  {link}\n")
        while True:
            out.write(f"{_KEYS}\n> ")
            out.flush()
            answer = sys.stdin.readline()
            if not answer:  # end of input: as quit
                answer = "q"
            key = answer.strip().lower()[:1]
            try:
                if key == "a":
                    decide.accept(map_file, item.id)
                    counts["accepted"] += 1
                elif key == "r":
                    decide.reject(map_file, item)
                    counts["rejected"] += 1
                elif key in ("t", "m"):
                    out.write("claim id> ")
                    out.flush()
                    other = sys.stdin.readline().strip()
                    if key == "t":
                        decide.retarget(map_file, item, other)
                        counts["retargeted"] += 1
                    else:
                        decide.merge(map_file, item, other)
                        counts["merged"] += 1
                elif key == "s":
                    counts["skipped"] += 1
                elif key == "q":
                    _said(counts)
                    return
                else:
                    out.write("  (type one of the letters)\n")
                    continue
            except ArgmapError as exc:  # a wrong id, a link already there: ask again
                print_error([f"argmap: {line}" for line in exc.lines()])
                continue
            break
        if key in ("r", "m"):
            # What went may have taken later proposals with it (a claim's links).
            left = {p.id for p in decide.pending(map_file)}
            items[n:] = [p for p in items[n:] if p.id in left]
    _said(counts)


def _said(counts: dict[str, int]) -> None:
    from argmap.cli.output import print_error
    from argmap.operations.review import decided

    print_error([f"argmap: {decided(counts)}"])
