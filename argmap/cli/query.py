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

    from argmap.document import Document

CLAIM_COLUMNS = ["map", "id", "kind", "tags", "text"]


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


def _record(doc: Document, claim: Any, **extra: Any) -> dict[str, Any]:
    return {
        "map": doc.name,
        "id": claim.id,
        "text": claim.text,
        "kind": claim.kind.value,
        "tags": list(claim.tags),
        "source": claim.source,
        "quote": claim.quote,
        "confidence": claim.confidence,
        **extra,
    }


def _row(record: dict[str, Any], extra: list[str] = ()) -> list[str]:
    cells = [record["map"], record["id"], *(str(record[k]) for k in extra), record["kind"]]
    return [*cells, ",".join(record["tags"]), " ".join(record["text"].split())]


def _emit_records(
    records: list[dict[str, Any]],
    fmt: RowFormat,
    extra: list[str] = (),
    *,
    several: bool = False,
) -> None:
    """Rows of claims; the text table names each row's map only when ``several`` maps
    were given (JSON and TSV always do, for tools)."""
    from argmap.cli.output import emit_json, emit_lines, emit_table, emit_tsv

    columns = ["map", "id", *extra, "kind", "tags", "text"]
    if fmt is RowFormat.json:
        emit_json(records)
    elif fmt is RowFormat.ids:
        emit_lines([r["id"] for r in records])
    elif fmt is RowFormat.tsv:
        emit_tsv(columns, [_row(r, extra) for r in records])
    else:
        drop = 0 if several else 1
        emit_table(columns[drop:], [_row(r, extra)[drop:] for r in records])


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

    from argmap.errors import UsageError, did_you_mean
    from argmap.model import ClaimKind
    from argmap.query import ClaimFilter, Pattern

    kinds = []
    for k in kind or []:
        try:
            kinds.append(ClaimKind(k.lower()))
        except ValueError:
            choices = [c.value for c in ClaimKind]
            raise UsageError(f"unknown kind {k!r}", hint=did_you_mean(k, choices)) from None
    try:
        pattern = Pattern(regex) if regex is not None else None
    except UsageError as exc:
        raise UsageError(f"--regex {exc.message}", hint=exc.hint) from None
    f = ClaimFilter(
        text=text,
        pattern=pattern,
        tags=tuple(tag or ()),
        kinds=tuple(kinds),
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
    from argmap.errors import EXIT_USAGE, MapError
    from argmap.query import search

    docs = [_load(path, graph=False)[0] for path in map_files]
    try:
        found = search(docs, f, where)
    except MapError as exc:  # a map that cannot be read as a graph: grep's "trouble"
        exc.exit_code = EXIT_USAGE
        raise
    _emit_records([_record(doc, c) for doc, c in found], fmt, several=len(docs) > 1)
    _exit_by_matches(found)


def why(map_file: MapArg, claim: ClaimArg, fmt: RowFormatOpt = RowFormat.text) -> None:
    """Everything a claim rests on: every claim with a chain of links into it.

    As text, the tree of its supports and attacks (as `show` draws it); as json, ids or
    tsv, the claims with their distance and net effect on it (support, attack or mixed).
    Exit status 1 when it rests on nothing.

    Example: argmap why maps/us-japan-trump2.yaml prepare-for-readjustment
    """
    from argmap.graph import require_claim
    from argmap.query import rests_on

    doc, G = _load(map_file)
    require_claim(G, claim)
    reached = rests_on(G, claim)
    if fmt is RowFormat.text:
        from argmap.cli.output import emit_outline
        from argmap.outline import outline

        emit_outline(G, outline(G, [claim]))
    else:
        _emit_reached(doc, G, reached, fmt)
    _exit_by_matches(reached)


def impact(map_file: MapArg, claim: ClaimArg, fmt: RowFormatOpt = RowFormat.text) -> None:
    """Everything a claim bears on: every claim it has a chain of links into.

    Each is listed with its distance (links away, nearest first) and the claim's net
    effect on it: support, attack, or mixed when chains of both signs lead there.
    Exit status 1 when it bears on nothing.

    Example: argmap impact maps/us-japan-trump2.yaml no-moderating-advisors
    """
    from argmap.graph import require_claim
    from argmap.query import bears_on

    doc, G = _load(map_file)
    require_claim(G, claim)
    reached = bears_on(G, claim)
    _emit_reached(doc, G, reached, fmt)
    _exit_by_matches(reached)


def _emit_reached(doc: Document, G: nx.MultiDiGraph, reached: list, fmt: RowFormat) -> None:
    if fmt is RowFormat.ids:  # the common case in pipelines, and the fastest
        from argmap.cli.output import emit_lines

        emit_lines([r.id for r in reached])
        return
    records = [
        _record(doc, G.nodes[r.id]["claim"], distance=r.distance, effect=r.effect) for r in reached
    ]
    _emit_records(records, fmt, extra=["distance", "effect"])


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
    from argmap.cli.output import emit_json, emit_lines, emit_table, emit_tsv
    from argmap.graph import require_claim
    from argmap.query import chains

    doc, G = _load(map_file)
    require_claim(G, source)
    require_claim(G, target)
    found = chains(G, source, target, limit=limit)
    arrows = {"support": "+>", "attack": "->", "undercut": "_>"}

    def chain_text(ch: Any) -> str:
        parts = [ch.claims[0]]
        for kind, claim in zip(ch.kinds, ch.claims[1:], strict=True):
            parts += [arrows[kind], claim]
        return " ".join(parts)

    if fmt is RowFormat.json:
        emit_json(
            [
                {
                    "map": doc.name,
                    "claims": ch.claims,
                    "links": ch.links,
                    "kinds": ch.kinds,
                    "net": ch.net,
                }
                for ch in found
            ]
        )
    elif fmt is RowFormat.ids:
        emit_lines(list(dict.fromkeys(c for ch in found for c in ch.claims)))
    else:
        rows = [
            [str(i), ch.net, str(len(ch.links)), chain_text(ch)] for i, ch in enumerate(found, 1)
        ]
        columns = ["n", "net", "links", "chain (+> supports, -> attacks, _> undercuts)"]
        (emit_tsv if fmt is RowFormat.tsv else emit_table)(columns, rows)
    _exit_by_matches(found)


def stats(map_file: MapArg, fmt: RowFormatOpt = RowFormat.text) -> None:
    """Counts and notable claims: kinds, link kinds, depth, contested claims, conclusions
    without support, objections without an answer, and the most central claims.

    Centrality is networkx's betweenness centrality (named in the output): how often a
    claim lies on the shortest chains between others. --format ids lists the central
    claims, most central first.

    Example: argmap stats maps/us-japan-trump2.yaml --format json
    """
    from argmap.cli.output import emit_json, emit_lines, emit_table, emit_tsv
    from argmap.query import summary

    _, G = _load(map_file)
    data = summary(G)
    if fmt is RowFormat.json:
        emit_json(data)
        return
    if fmt is RowFormat.ids:
        emit_lines([c["id"] for c in data["central"]])
        return
    rows = [["claims", str(data["claims"])], ["links", str(data["links"])]]
    rows += [[f"claims: {k}", str(v)] for k, v in data["claims_by_kind"].items() if v]
    rows += [[f"links: {k}", str(v)] for k, v in data["links_by_kind"].items() if v]
    rows.append(["depth (longest support chain)", str(data["depth"])])
    for key in ("contested", "unsupported_conclusions", "unanswered_objections"):
        ids = data[key]
        rows.append([key.replace("_", " "), f"{len(ids)}: {', '.join(ids)}" if ids else "0"])
    central = ", ".join(f"{c['id']} ({c['score']:.3f})" for c in data["central"])
    rows.append([f"most central, by {data['centrality']}", central])
    (emit_tsv if fmt is RowFormat.tsv else emit_table)(["measure", "value"], rows)
