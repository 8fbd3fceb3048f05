"""argmap eval: which claims stand, how strong they are, what a retraction changes."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

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


def evaluate(
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

    from argmap.formats.iccma import SUFFIXES

    return SUFFIXES.get(Path(path).suffix.lower(), "map")


def _evaluate_framework(path, kind, semantics, acceptance, show_extensions, fmt) -> None:
    from argmap.bulk import paused_gc
    from argmap.cli.output import emit_json, emit_lines
    from argmap.errors import UsageError
    from argmap.files import read_input
    from argmap.formats import iccma
    from argmap.render import counted
    from argmap.semantics.evaluate import evaluate_framework

    if fmt is Format.ids:
        raise UsageError("--format ids is not available for eval")
    inp = read_input(path)
    with paused_gc():
        F = iccma.parse(inp.text, inp.name, kind)
        result = evaluate_framework(F, semantics=semantics.value, acceptance=acceptance.value)
    if fmt is Format.json:
        emit_json(result.to_dict())
        return
    counts = {k: sum(v == k for v in result.labels.values()) for k in ("in", "out", "undec")}
    lines = [
        f"{inp.name}: {counted(F.n, 'argument')}, {counted(len(F.sources), 'attack')}; "
        f"{_header(result)}: "
        f"{counts['in']} in, {counts['out']} out, {counts['undec']} undec"
    ]
    lines += [f"{label}\t{name}" for name, label in result.labels.items()]
    if show_extensions:
        lines += _extension_lines(result.extensions)
    emit_lines(lines)


def _header(result: Any) -> str:
    if result.acceptance:
        return f"{result.semantics} semantics, {result.acceptance} acceptance"
    return f"{result.semantics} semantics"


def _extension_lines(extensions: list[list[str]]) -> list[str]:
    if not extensions:
        return ["", "no extension"]
    from argmap.render import counted

    return ["", f"{counted(len(extensions), 'extension')}:"] + [
        f"  {i}. {{{', '.join(ext)}}}" for i, ext in enumerate(extensions, 1)
    ]


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
    from argmap.cli.output import emit_json, emit_lines
    from argmap.errors import UsageError
    from argmap.formats import read_map
    from argmap.graph import build_graph, conclusions, require_claim
    from argmap.semantics.evaluate import changes, critical, evaluate, what_if_graph
    from argmap.semantics.gradual import strength_changes, strengths

    if fmt is Format.ids:
        raise UsageError("--format ids is not available for eval")
    doc = read_map(path)
    G = build_graph(doc)
    for ident in [*retract, *assume, *([explain_claim] if explain_claim else [])]:
        require_claim(G, ident)
    if explain_claim in retract:
        raise UsageError(f"cannot explain {explain_claim!r}: it is retracted")
    whatif = bool(retract or assume)
    before = evaluate(G, semantics=semantics, acceptance=acceptance)
    after = evaluate(G, semantics=semantics, acceptance=acceptance, retract=retract, assume=assume)
    strengths_before = strengths_after = None
    if strength:
        strengths_before = strengths(G, strength)
        strengths_after = strengths(what_if_graph(G, retract, assume), strength) if whatif else None
    result = after
    shown_strength = strengths_after or strengths_before
    data: dict[str, Any] = result.to_dict()
    if shown_strength:
        data["strength"] = {
            "method": shown_strength.method,
            "values": {k: round(v, 6) for k, v in shown_strength.strength.items()},
        }
    conclusion_ids = set(conclusions(G))
    if whatif:
        changed = changes(before, after)
        changed.sort(key=lambda c: c.id not in conclusion_ids)
        data["retract"], data["assume"] = retract, assume
        data["changes"] = [{"id": c.id, "before": c.before, "after": c.after} for c in changed]
        if strengths_before and strengths_after:
            data["strength_changes"] = strength_changes(strengths_before, strengths_after)
    explanation = None
    if explain_claim:
        from argmap.semantics.explain import explain

        explanation = explain(
            G if not whatif else what_if_graph(G, retract, assume), result, explain_claim
        )
        data["explain"] = explain_claim
        data["explanation"] = explanation.to_dict()
        if shown_strength:
            data["strength_explanation"] = shown_strength.explain(explain_claim)
    crit = None
    if show_critical:
        crit = critical(G, semantics=semantics, acceptance=acceptance)
        data["critical"] = {
            c: [{"id": k.id, "distance": k.distance, "topples": list(k.topples)} for k in ks]
            for c, ks in crit.items()
        }
    from argmap.selection import view_of

    _, view = view_of(doc, **view_options)
    if view is not None:  # evaluated whole; shown in part
        from dataclasses import replace

        from argmap.cli.output import print_error

        print_error([f"argmap: {view.summary()}"])
        keep = set(view.claims)
        result = replace(result, labels={c: v for c, v in result.labels.items() if c in keep})
        data["labels"] = result.labels
        data["view"] = {"claims": view.claims, "left_out_claims": view.left_claims}
    if fmt is Format.json:
        emit_json(data)
        return
    report = _text_report(
        G, doc, result, data, show_extensions, shown_strength, explanation, crit, conclusion_ids
    )
    from argmap.cli.output import is_terminal

    if is_terminal():
        _emit_labelled(report, G, result.labels, shown_strength, conclusion_ids)
    else:
        emit_lines(report)


#: How a label reads on a terminal: a mark that needs no colour, and a colour.
_LABEL_STYLE = {
    "in": ("✔ in", "bold green"),
    "out": ("✘ out", "red"),
    "undec": ("? undec", "yellow"),
}


def _emit_labelled(report: list[str], G, labels, strengths, conclusion_ids) -> None:
    """The report on a terminal: the labels as a table that wraps to the terminal, each
    label with a mark and a colour; the lines before and after it as they are."""
    from rich.console import Console, Group
    from rich.table import Table
    from rich.text import Text

    from argmap.cli.output import column_widths, emit_rich

    start = next(i for i, line in enumerate(report) if line.startswith("label"))
    end = start + 1 + len(labels)
    order = sorted(labels, key=lambda c: c not in conclusion_ids)
    columns = ["label", *(["strength"] if strengths else []), "kind", "id", "text"]
    rows = []
    for claim in order:
        c = G.nodes[claim]["claim"]
        value = [f"{strengths.strength[claim]:.3f}"] if strengths else []
        rows.append([_LABEL_STYLE[labels[claim]][0], *value, c.kind.value, claim, c.text])
    table = Table(box=None, header_style="bold", pad_edge=False)
    for i, (name, width) in enumerate(
        zip(columns, [*column_widths(columns, rows, Console().width), None], strict=True)
    ):
        if i == len(columns) - 1:
            table.add_column(name, ratio=1, overflow="fold")
        else:
            table.add_column(name, width=width, overflow="fold")
    for claim, row in zip(order, rows, strict=True):
        mark, style = _LABEL_STYLE[labels[claim]]
        bold = "bold" if claim in conclusion_ids else ""
        table.add_row(Text(mark, style=style), *row[1:-1], Text(" ".join(row[-1].split()), bold))
    emit_rich(
        Group(
            Text("\n".join(report[:start])),
            table,
            Text("\n".join(report[end:])),
        )
    )


def _text_report(
    G, doc, result, data, show_extensions, strengths, explanation, crit, conclusion_ids
) -> list[str]:
    labels = result.labels
    counts = {k: sum(v == k for v in labels.values()) for k in ("in", "out", "undec")}
    lines = [
        f"{doc.name}: {_header(result)}: {counts['in']} in, {counts['out']} out, "
        f"{counts['undec']} undec"
    ]
    if data.get("retract") or data.get("assume"):
        what = [f"retract {i}" for i in data["retract"]] + [f"assume {i}" for i in data["assume"]]
        lines.append(f"what if: {', '.join(what)}")
    if strengths:
        lines.append(
            f"strength: {'DF-QuAD' if strengths.method == 'dfquad' else 'quadratic energy'}"
            " (base = confidence, else 0.5)"
        )
    order = sorted(labels, key=lambda c: c not in conclusion_ids)
    width = max((len(c) for c in order), default=0)
    lines += [
        "",
        f"{'label':<5}{'  strength' if strengths else ''}  {'kind':<10}  {'id':<{width}}  text",
    ]
    for claim in order:
        c = G.nodes[claim]["claim"]
        value = f"  {strengths.strength[claim]:>8.3f}" if strengths else ""
        lines.append(
            f"{labels[claim]:<5}{value}  {c.kind.value:<10}  {claim:<{width}}  "
            f"{' '.join(c.text.split())}"
        )
    if "changes" in data:
        lines += ["", "What changes:"]
        if not data["changes"]:
            lines.append("  no label changes")
        for ch in data["changes"]:
            mark = "conclusion " if ch["id"] in conclusion_ids else ""
            lines.append(f"  {mark}{ch['id']}: {ch['before']} -> {ch['after'] or 'retracted'}")
        shown = [r for r in data.get("strength_changes", []) if abs(r["delta"]) >= 0.0005]
        for row in shown[:20]:
            lines.append(
                f"  strength {row['id']}: {row['before']:.3f} -> {row['after']:.3f} "
                f"({row['delta']:+.3f})"
            )
    if show_extensions:
        lines += _extension_lines(result.extensions)
    if explanation is not None:
        lines += ["", "Why:"] + explanation.lines()
        if "strength_explanation" in data:
            s = data["strength_explanation"]
            lines += ["", f"Strength of {data['explain']}: base {s['base']:g}"]
            for term in s["terms"]:
                sign = "+" if term["kind"] == "support" else "−"
                lines.append(
                    f"  {sign} {' + '.join(term['from'])}: strength {term['strength']:.3f}"
                    f" x weight {term['weight']:.3f} = {term['contribution']:.3f}"
                )
            lines.append(
                f"  supports {s['supports']:.3f}, attacks {s['attacks']:.3f} "
                f"-> strength {s['strength']:.3f}"
            )
    if crit is not None:
        lines += [
            "",
            "Single points of failure (retracting one claim alone topples the conclusion):",
        ]
        if not crit:
            lines.append("  no conclusion stands")
        for conclusion, found in crit.items():
            names = ", ".join(
                f"{k.id} (also topples {len(k.topples) - 1} more)" if len(k.topples) > 1 else k.id
                for k in found
            )
            lines.append(f"  {conclusion}: {names or 'none'}")
    return lines
