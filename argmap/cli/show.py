"""argmap show: the map as a tree, conclusions first."""

from __future__ import annotations

from typing import Annotated

import typer

from argmap.cli.options import (
    FocusOpt,
    Format,
    FormatOpt,
    MapArg,
    RadiusOpt,
    TagOpt,
    WhereOpt,
    complete_claim_id,
)


def show(
    map_file: MapArg,
    claim: Annotated[
        str | None,
        typer.Argument(
            metavar="CLAIM",
            help="Start from this claim id instead.",
            autocompletion=complete_claim_id,
        ),
    ] = None,
    depth: Annotated[
        int | None,
        typer.Option("--depth", "-d", min=0, help="Follow at most this many levels of links."),
    ] = None,
    quotes: Annotated[
        bool,
        typer.Option(
            "--quotes", "-q", help="Show each quote, with where it stands in its source text."
        ),
    ] = False,
    with_eval: Annotated[
        bool,
        typer.Option(
            "--eval",
            help="Show each claim's grounded label and strength (DF-QuAD; quadratic energy "
            "when the map has cycles).",
        ),
    ] = False,
    with_questions: Annotated[
        bool,
        typer.Option(
            "--questions",
            help="List under each inference that names a scheme its critical questions, "
            "open (?) or answered (✓ yes, ✗ no).",
        ),
    ] = False,
    fmt: FormatOpt = Format.text,
    where: WhereOpt = None,
    focus: FocusOpt = None,
    radius: RadiusOpt = 1,
    tag: TagOpt = None,
) -> None:
    """Show a map as a tree: each conclusion with what supports (+) and attacks (−) it.

    Undercuts (⊘) stand under the support they attack. A support that names its
    argument scheme shows it in angle quotes (‹analogy›), a premise its role; a
    claim the analyst reconstructed is marked (reconstructed). A claim reached twice is
    drawn once in full, then referred to. Claims connected to no conclusion
    follow at the end. --format json gives the same tree as nested records;
    --format ids lists the claim ids in tree order. --where, --tag and
    --focus/--radius show part of the map, each claim marked with the links that
    lead out of it; --eval still weighs the whole map.

    Example: argmap show maps/us-japan-trump2.yaml --depth 2 --quotes
    """
    from argmap.analysis.selection import Selection
    from argmap.cli.output import emit
    from argmap.operations.show import show_file

    emit(
        show_file(
            map_file,
            claim,
            depth=depth,
            quotes=quotes,
            with_eval=with_eval,
            with_questions=with_questions,
            selection=Selection(where, focus, radius, tuple(tag or ())),
        ),
        fmt,
    )
