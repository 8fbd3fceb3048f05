"""argmap eval: which claims stand, how strong they are, what a retraction changes."""

from __future__ import annotations

from enum import StrEnum
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


class Semantics(StrEnum):
    grounded = "grounded"
    complete = "complete"
    preferred = "preferred"
    stable = "stable"


class Acceptance(StrEnum):
    sceptical = "sceptical"
    credulous = "credulous"


class Strength(StrEnum):
    dfquad = "dfquad"
    qe = "qe"


class Source(StrEnum):
    map = "map"
    apx = "apx"
    tgf = "tgf"
    i23 = "i23"


def eval_(
    map_file: MapArg,
    semantics: Annotated[
        Semantics, typer.Option("--semantics", "-s", help="Dung semantics.")
    ] = Semantics.grounded,
    acceptance: Annotated[
        Acceptance,
        typer.Option(help="With several extensions: in when in all (sceptical) or any."),
    ] = Acceptance.sceptical,
    show_extensions: Annotated[
        bool, typer.Option("--extensions", "-e", help="List every extension.")
    ] = False,
    strength: Annotated[
        Strength | None,
        typer.Option(help="Also compute gradual strength: dfquad (no cycles) or qe."),
    ] = None,
    retract: Annotated[
        list[str] | None,
        typer.Option(
            "--retract",
            metavar="ID",
            help="What if this claim is dropped? (repeat)",
            autocompletion=complete_claim_id,
        ),
    ] = None,
    assume: Annotated[
        list[str] | None,
        typer.Option(
            "--assume",
            metavar="ID",
            help="What if this claim is taken as given?",
            autocompletion=complete_claim_id,
        ),
    ] = None,
    explain_claim: Annotated[
        str | None,
        typer.Option(
            "--explain",
            metavar="ID",
            help="Why this claim has its label (and strength).",
            autocompletion=complete_claim_id,
        ),
    ] = None,
    show_critical: Annotated[
        bool,
        typer.Option(
            "--critical", help="For each conclusion that stands, what alone would topple it."
        ),
    ] = False,
    source: Annotated[
        Source | None,
        typer.Option(
            "--from", help="Input format; default: by suffix (.apx .tgf .i23 .af), else map."
        ),
    ] = None,
    fmt: FormatOpt = Format.text,
    where: WhereOpt = None,
    focus: FocusOpt = None,
    radius: RadiusOpt = 1,
    tag: TagOpt = None,
) -> None:
    """Label every claim in, out or undec: which conclusions stand once attacks and
    counter-attacks are weighed.

    Supports count as evidential support: a claim with reasons stands only while one of
    them holds; a linked group holds only with all its premises; an undercut stops the
    support it attacks. Also reads abstract frameworks (APX, TGF, ICCMA'23).
    --retract and --assume re-evaluate and print what changed. --where, --tag and
    --focus/--radius show part of the map: the whole map is evaluated, so labels never
    change because of what is hidden.

    Example: argmap eval maps/us-japan-trump2.yaml --retract irreversible-since-2016 --strength qe
    """
    from argmap.analysis.selection import Selection
    from argmap.cli.output import emit
    from argmap.operations.evaluate import evaluate_file

    emit(
        evaluate_file(
            map_file,
            kind=source.value if source is not None else None,
            semantics=semantics.value,
            acceptance=acceptance.value,
            extensions=show_extensions,
            strength=strength.value if strength else None,
            retract=retract or [],
            assume=assume or [],
            explain=explain_claim,
            critical=show_critical,
            selection=Selection(where, focus, radius, tuple(tag or ())),
        ),
        fmt,
    )
