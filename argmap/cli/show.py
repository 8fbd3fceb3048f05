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
    from argmap.cli.output import emit_json, emit_lines, emit_outline
    from argmap.formats import read_map
    from argmap.graph import build_graph, require_claim
    from argmap.outline import cut_short, outline, tree_ids
    from argmap.selection import view_of

    whole = read_map(map_file)
    doc, view = view_of(whole, where=where, focus=focus, radius=radius, tags=tag)
    G = build_graph(doc)
    roots = [require_claim(G, claim)] if claim is not None else None
    trees = outline(G, roots, depth=depth)
    if depth is None and cut_short(trees):
        from argmap.cli.output import print_error
        from argmap.outline import MAX_DEPTH

        print_error(
            [
                f"argmap: note: the tree is drawn {MAX_DEPTH} levels deep; "
                "argmap show MAP CLAIM goes on from any claim"
            ]
        )
    if view is not None:
        from argmap.cli.output import print_error
        from argmap.outline import mark_outside

        mark_outside(trees, view.stubs)
        print_error([f"argmap: {view.summary()}"])
    if with_eval:
        from argmap.semantics.evaluate import verdicts as verdicts_of

        verdicts = verdicts_of(build_graph(whole) if view is not None else G)
    else:
        verdicts = None
    if quotes:
        from argmap.cli.output import print_error
        from argmap.provenance import quote_positions

        positions, absent = quote_positions(doc)
        print_error([d.format() for d in absent])
        quotes = positions or True
    questions = None
    if with_questions:
        from argmap.schemes import questions_by_inference

        questions = questions_by_inference(whole.model)
    if fmt is Format.json:
        records = [t.to_dict(G) for t in trees]
        if verdicts:
            _annotate(records, verdicts)
        emit_json(records)
    elif fmt is Format.ids:
        emit_lines(tree_ids(trees))
    else:
        emit_outline(G, trees, quotes=quotes, verdicts=verdicts, questions=questions)


def _annotate(records: list[dict], verdicts: dict[str, tuple[str, float]]) -> None:
    for record in records:
        if record.get("id") in verdicts:
            label, strength = verdicts[record["id"]]
            record["label"], record["strength"] = label, round(strength, 6)
        _annotate(record["children"], verdicts)
