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


ClaimsOpt = Annotated[
    list[str] | None, typer.Option(metavar="ID", autocompletion=complete_claim_id)
]


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
    from argmap.errors import UsageError

    kind = source.value if source is not None else _guess_source(map_file)
    if kind != "map":
        if strength or retract or assume or explain_claim or show_critical:
            raise UsageError(
                "--strength, --retract, --assume, --explain and --critical need an argument "
                "map, not an abstract framework"
            )
        _evaluate_framework(map_file, kind, semantics, acceptance, show_extensions, fmt)
        return
    _evaluate_map(
        map_file,
        semantics.value,
        acceptance.value,
        show_extensions,
        strength.value if strength else None,
        retract or [],
        assume or [],
        explain_claim,
        show_critical,
        fmt,
        {"where": where, "focus": focus, "radius": radius, "tags": tag},
    )


def _guess_source(path: str) -> str:
    from pathlib import Path

    from argmap.formats.registry import FRAMEWORKS

    return FRAMEWORKS.get(Path(path).suffix.lower(), "map")


def _evaluate_framework(path, kind, semantics, acceptance, show_extensions, fmt) -> None:
    from argmap.cli.output import emit_json, emit_lines
    from argmap.errors import UsageError
    from argmap.semantics.report import evaluate_framework_file
    from argmap.views.evaluation import framework_lines

    if fmt is Format.ids:
        raise UsageError("--format ids is not available for eval")
    report = evaluate_framework_file(
        path, kind, semantics=semantics.value, acceptance=acceptance.value
    )
    if fmt is Format.json:
        emit_json(report.to_data())
    else:
        emit_lines(framework_lines(report, extensions=show_extensions))


def _evaluate_map(
    path,
    semantics,
    acceptance,
    show_extensions,
    strength,
    retract,
    assume,
    explain_claim,
    show_critical,
    fmt,
    view_options: dict,
) -> None:
    from argmap.cli.output import emit_json, emit_segments, is_terminal, print_error
    from argmap.errors import UsageError
    from argmap.formats import read_map
    from argmap.semantics.report import evaluate_map

    if fmt is Format.ids:
        raise UsageError("--format ids is not available for eval")
    report = evaluate_map(
        read_map(path),
        semantics=semantics,
        acceptance=acceptance,
        strength=strength,
        retract=retract,
        assume=assume,
        explain=explain_claim,
        critical=show_critical,
        view_options=view_options,
    )
    if report.view is not None:
        print_error([f"argmap: {report.view.summary()}"])
    if fmt is Format.json:
        emit_json(report.to_data())
        return
    from argmap.views.evaluation import eval_lines
    from argmap.views.table import output_width

    emit_segments(
        eval_lines(report, extensions=show_extensions, width=output_width(), marks=is_terminal())
    )
