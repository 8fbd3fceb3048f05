"""The query commands: claims, why, impact, path, stats.

They share one output contract (--format text|json|ids|tsv) and grep's exit statuses:
0 when something matched, 1 when nothing did, 2 for a usage error or a map that cannot
be read (so `argmap claims ... || echo none` never mistakes a broken map for no match).
"""

from __future__ import annotations

from typing import Annotated

import typer

from argmap.cli.options import (
    KIND_NAMES,
    ClaimArg,
    MapArg,
    MapsArg,
    RowFormat,
    RowFormatOpt,
    complete_claim_id,
    complete_kind,
    complete_source_id,
    complete_tag,
)


def claims(
    map_files: MapsArg,
    text: Annotated[
        str | None, typer.Option("--text", "-t", help="Text contains this (any case).")
    ] = None,
    regex: Annotated[
        str | None, typer.Option("--regex", "-r", help="Text matches this Python regex.")
    ] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option(
            "--tag", help="Has this tag (repeat: all of them).", autocompletion=complete_tag
        ),
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            "-k",
            help=f"Is of this kind (repeat: any of them): {KIND_NAMES}.",
            autocompletion=complete_kind,
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option("--source", help="Cites this source.", autocompletion=complete_source_id),
    ] = None,
    supports: Annotated[
        str | None,
        typer.Option(
            "--supports", metavar="ID", help="Supports claim ID.", autocompletion=complete_claim_id
        ),
    ] = None,
    attacks: Annotated[
        str | None,
        typer.Option(
            "--attacks", metavar="ID", help="Attacks claim ID.", autocompletion=complete_claim_id
        ),
    ] = None,
    supported_by: Annotated[
        str | None,
        typer.Option(
            "--supported-by",
            metavar="ID",
            help="Is supported by claim ID.",
            autocompletion=complete_claim_id,
        ),
    ] = None,
    attacked_by: Annotated[
        str | None,
        typer.Option(
            "--attacked-by",
            metavar="ID",
            help="Is attacked by claim ID.",
            autocompletion=complete_claim_id,
        ),
    ] = None,
    unsupported: Annotated[
        bool, typer.Option("--unsupported", help="Has no support link in.")
    ] = False,
    unattacked: Annotated[
        bool, typer.Option("--unattacked", help="Has no attack link in.")
    ] = False,
    contested: Annotated[
        bool, typer.Option("--contested", help="Has at least one attacker.")
    ] = False,
    roots: Annotated[bool, typer.Option("--roots", help="Bears on nothing.")] = False,
    leaves: Annotated[bool, typer.Option("--leaves", help="Rests on nothing.")] = False,
    min_confidence: Annotated[
        float | None,
        typer.Option(
            "--min-confidence", metavar="X", min=0.0, max=1.0, help="Confidence given and ≥ X."
        ),
    ] = None,
    where: Annotated[
        str | None,
        typer.Option(
            "--where",
            "-w",
            metavar="EXPR",
            help="Conditions joined by and/or/not, e.g. 'tag:china or not contested'.",
        ),
    ] = None,
    fmt: RowFormatOpt = RowFormat.text,
) -> None:
    """List the claims that pass every filter given, from one map or several.

    Filters combine with AND. --where takes an expression for the rest: conditions
    text:, regex:, tag:, kind:, source:, supports:, attacks:, supported-by:,
    attacked-by:, min-confidence: and the flags unsupported, unattacked, contested, roots,
    leaves, joined by not, and, or and parentheses (quote values with spaces). Each row
    names the map it came from. Exit status 0 when something matched, 1 when nothing did,
    2 on a usage error or an unreadable map.

    Example: argmap claims maps/*.yaml --where 'kind:evidence and (tag:china or tag:korea)'
    """

    from argmap.cli.output import emit
    from argmap.operations.query import find_claims

    found = find_claims(
        map_files,
        where,
        text=text,
        regex=regex,
        tags=tag,
        kinds=kind,
        source=source,
        supports=supports,
        attacks=attacks,
        supported_by=supported_by,
        attacked_by=attacked_by,
        unsupported=unsupported,
        unattacked=unattacked,
        contested=contested,
        roots=roots,
        leaves=leaves,
        min_confidence=min_confidence,
    )
    emit(found, fmt)


def why(map_file: MapArg, claim: ClaimArg, fmt: RowFormatOpt = RowFormat.text) -> None:
    """Everything a claim rests on: every claim with a chain of links into it.

    As text, the tree of its supports and attacks (as `show` draws it); as json, ids or
    tsv, the claims with their distance and net effect on it (support, attack or mixed).
    Exit status 1 when it rests on nothing.

    Example: argmap why maps/us-japan-trump2.yaml prepare-for-readjustment
    """
    from argmap.cli.output import emit
    from argmap.operations.query import why as why_of

    emit(why_of(map_file, claim), fmt)


def impact(map_file: MapArg, claim: ClaimArg, fmt: RowFormatOpt = RowFormat.text) -> None:
    """Everything a claim bears on: every claim it has a chain of links into.

    Each is listed with its distance (links away, nearest first) and the claim's net
    effect on it: support, attack, or mixed when chains of both signs lead there.
    Exit status 1 when it bears on nothing.

    Example: argmap impact maps/us-japan-trump2.yaml no-moderating-advisors
    """
    from argmap.cli.output import emit
    from argmap.operations.query import impact as impact_of

    emit(impact_of(map_file, claim), fmt)


def path(
    map_file: MapArg,
    source: Annotated[
        str,
        typer.Argument(
            metavar="FROM",
            help="The claim the chains start from.",
            autocompletion=complete_claim_id,
        ),
    ],
    target: Annotated[
        str,
        typer.Argument(
            metavar="TO", help="The claim they lead to.", autocompletion=complete_claim_id
        ),
    ],
    limit: Annotated[
        int, typer.Option("--max", min=1, help="List at most this many chains.")
    ] = 100,
    fmt: RowFormatOpt = RowFormat.text,
) -> None:
    """The chains of links by which one claim bears on another, each with its net sign.

    A support of a support is a support; a support of an attack is an attack; an attack
    on an attack is a defence (a support). Shortest chains first. Exit status 1 when
    there is no chain.

    Example: argmap path maps/us-japan-trump2.yaml biden-was-interlude hedge
    """
    from argmap.cli.output import emit
    from argmap.operations.query import chains_between

    emit(chains_between(map_file, source, target, limit=limit), fmt)


def stats(map_file: MapArg, fmt: RowFormatOpt = RowFormat.text) -> None:
    """Counts and notable claims: kinds, link kinds, depth, contested claims, conclusions
    without support, objections without an answer, and the most central claims.

    Centrality is networkx's betweenness centrality (named in the output): how often a
    claim lies on the shortest chains between others. --format ids lists the central
    claims, most central first.

    Example: argmap stats maps/us-japan-trump2.yaml --format json
    """
    from argmap.cli.output import emit
    from argmap.operations.query import map_stats

    emit(map_stats(map_file), fmt)
