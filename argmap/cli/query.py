"""The query commands: claims, why, impact, path, stats.

They share one output contract (--format text|json|ids|tsv) and grep's exit statuses:
0 when something matched, 1 when nothing did, 2 for a usage error or a map that cannot
be read (so `argmap claims ... || echo none` never mistakes a broken map for no match).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

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

if TYPE_CHECKING:
    import networkx as nx

    from argmap.model.document import Document


def _load(path: str, *, graph: bool = True) -> tuple[Document, nx.MultiDiGraph | None]:
    from argmap.errors import EXIT_USAGE, MapError
    from argmap.formats import read_map
    from argmap.graph import build_graph

    try:
        doc = read_map(path)
        return doc, build_graph(doc) if graph else None
    except MapError as exc:
        exc.exit_code = EXIT_USAGE  # grep's "trouble", distinct from "no match"
        raise


def _emit_table(table: Any, fmt: RowFormat, nothing: str | None = None) -> None:
    """A result table (:mod:`argmap.analysis.tables`) as text, TSV, JSON or ids. TSV always names
    each row's map, for tools. With no rows, text prints its header only on a terminal, and
    ``nothing`` (what found none) on standard error."""
    from argmap.cli.output import (
        emit_json,
        emit_lines,
        emit_table,
        emit_tsv,
        is_terminal,
        print_error,
    )

    if fmt is RowFormat.json:
        emit_json(table.to_data())
    elif fmt is RowFormat.ids:
        emit_lines(table.ids())
    elif fmt is RowFormat.tsv:
        if getattr(table, "with_map", None) is False:
            from dataclasses import replace

            table = replace(table, with_map=True)
        emit_tsv(table.columns(), table.rows())
    else:
        rows = table.rows()
        if rows or is_terminal():  # piped, no match prints nothing (as grep)
            emit_table(table.columns(), rows)
        if not rows and nothing:
            print_error([f"argmap: {nothing}"])


def _exit_by_matches(found: list) -> None:
    if not found:
        raise typer.Exit(1)


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

    from argmap.analysis.query import ClaimFilter, Pattern, parse_kinds, search
    from argmap.analysis.tables import ClaimTable
    from argmap.errors import EXIT_USAGE, MapError, UsageError

    kinds = parse_kinds(kind)
    try:
        pattern = Pattern(regex) if regex is not None else None
    except UsageError as exc:
        raise UsageError(f"--regex {exc.message}", hint=exc.hint) from None
    f = ClaimFilter(
        text=text,
        pattern=pattern,
        tags=tuple(tag or ()),
        kinds=kinds,
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
    from argmap.formats import read_maps

    try:
        found = search(read_maps(map_files), f, where)
    except MapError as exc:  # a map that cannot be read (as a graph): grep's "trouble"
        exc.exit_code = EXIT_USAGE
        raise
    _emit_table(ClaimTable.of(found, with_map=len(map_files) > 1), fmt, "no claims match")
    _exit_by_matches(found)


def why(map_file: MapArg, claim: ClaimArg, fmt: RowFormatOpt = RowFormat.text) -> None:
    """Everything a claim rests on: every claim with a chain of links into it.

    As text, the tree of its supports and attacks (as `show` draws it); as json, ids or
    tsv, the claims with their distance and net effect on it (support, attack or mixed).
    Exit status 1 when it rests on nothing.

    Example: argmap why maps/us-japan-trump2.yaml prepare-for-readjustment
    """
    _answer_reach(map_file, claim, fmt, forward=False)


def impact(map_file: MapArg, claim: ClaimArg, fmt: RowFormatOpt = RowFormat.text) -> None:
    """Everything a claim bears on: every claim it has a chain of links into.

    Each is listed with its distance (links away, nearest first) and the claim's net
    effect on it: support, attack, or mixed when chains of both signs lead there.
    Exit status 1 when it bears on nothing.

    Example: argmap impact maps/us-japan-trump2.yaml no-moderating-advisors
    """
    _answer_reach(map_file, claim, fmt, forward=True)


def _answer_reach(map_file: str, claim: str, fmt: RowFormat, *, forward: bool) -> None:
    """why (``forward`` False) and impact: ids alone, the tree (why as text), or the claims
    with their distance and effect."""
    from argmap.analysis.query import bears_on, reach_ids, rests_on
    from argmap.graph import require_claim

    doc, G = _load(map_file)
    require_claim(G, claim)
    if fmt is RowFormat.ids or (fmt is RowFormat.text and not forward):
        ids = reach_ids(G, claim, forward=forward)  # no effects: they are not printed
        if fmt is RowFormat.ids:
            from argmap.cli.output import emit_lines

            emit_lines(ids)
        else:
            from argmap.analysis.outline import outline
            from argmap.cli.output import emit_outline

            emit_outline(G, outline(G, [claim]))
        _exit_by_matches(ids)
        return
    from argmap.analysis.tables import ClaimTable

    reached = (bears_on if forward else rests_on)(G, claim)
    nothing = f"{claim} {'bears' if forward else 'rests'} on nothing"
    _emit_table(ClaimTable.reached(doc, G, reached), fmt, nothing)
    _exit_by_matches(reached)


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
    from argmap.analysis.query import chains
    from argmap.analysis.tables import ChainTable
    from argmap.graph import require_claim

    doc, G = _load(map_file)
    require_claim(G, source)
    require_claim(G, target)
    found = chains(G, source, target, limit=limit)
    _emit_table(ChainTable(doc.name, found), fmt, "no chain of links leads there")
    _exit_by_matches(found)


def stats(map_file: MapArg, fmt: RowFormatOpt = RowFormat.text) -> None:
    """Counts and notable claims: kinds, link kinds, depth, contested claims, conclusions
    without support, objections without an answer, and the most central claims.

    Centrality is networkx's betweenness centrality (named in the output): how often a
    claim lies on the shortest chains between others. --format ids lists the central
    claims, most central first.

    Example: argmap stats maps/us-japan-trump2.yaml --format json
    """
    from argmap.analysis.query import summary
    from argmap.analysis.tables import StatsTable

    _, G = _load(map_file)
    _emit_table(StatsTable(summary(G)), fmt)
