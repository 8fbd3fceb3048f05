"""Views of an evaluation (``argmap eval``): the labels of a map or an abstract framework,
what a what-if changed, strengths and their explanation, as plain lines, and as a table
with marks and colour on a terminal."""

from __future__ import annotations

from typing import Any

from argmap.wording import counted

__all__ = ["semantics_header", "framework_lines", "extension_lines", "eval_lines", "eval_view"]


def semantics_header(result: Any) -> str:
    """``grounded semantics``, or ``preferred semantics, skeptical acceptance``."""
    if result.acceptance:
        return f"{result.semantics} semantics, {result.acceptance} acceptance"
    return f"{result.semantics} semantics"


def framework_lines(report: Any, *, extensions: bool = False) -> list[str]:
    """An abstract framework's evaluation (:class:`argmap.semantics.report.FrameworkReport`):
    a summary line, each argument's label, and the extensions when asked for."""
    counts = report.counts()
    F = report.framework
    lines = [
        f"{report.name}: {counted(F.n, 'argument')}, {counted(len(F.sources), 'attack')}; "
        f"{semantics_header(report.result)}: "
        f"{counts['in']} in, {counts['out']} out, {counts['undec']} undec"
    ]
    lines += [f"{label}\t{name}" for name, label in report.result.labels.items()]
    if extensions:
        lines += extension_lines(report.result.extensions)
    return lines


def extension_lines(extensions: list[list[str]]) -> list[str]:
    """The extensions of a framework, numbered."""
    if not extensions:
        return ["", "no extension"]
    return ["", f"{counted(len(extensions), 'extension')}:"] + [
        f"  {i}. {{{', '.join(ext)}}}" for i, ext in enumerate(extensions, 1)
    ]


def eval_lines(report: Any, *, extensions: bool = False) -> list[str]:
    """An evaluation (:class:`argmap.semantics.report.EvalReport`) as plain text: the
    counts, one line per claim (conclusions first), then what changed, the extensions,
    the explanation and the single points of failure, as asked."""
    G, labels, strengths = report.G, report.labels, report.strengths
    conclusion_ids = report.conclusions
    counts = {k: sum(v == k for v in labels.values()) for k in ("in", "out", "undec")}
    lines = [
        f"{report.doc.name}: {semantics_header(report.result)}: {counts['in']} in, "
        f"{counts['out']} out, {counts['undec']} undec"
    ]
    if report.retract or report.assume:
        what = [f"retract {i}" for i in report.retract] + [f"assume {i}" for i in report.assume]
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
    if report.changes is not None:
        lines += ["", "What changes:"]
        if not report.changes:
            lines.append("  no label changes")
        for ch in report.changes:
            mark = "conclusion " if ch.id in conclusion_ids else ""
            lines.append(f"  {mark}{ch.id}: {ch.before} -> {ch.after or 'retracted'}")
        shown = [r for r in report.strength_changes or [] if abs(r["delta"]) >= 0.0005]
        for row in shown[:20]:
            lines.append(
                f"  strength {row['id']}: {row['before']:.3f} -> {row['after']:.3f} "
                f"({row['delta']:+.3f})"
            )
    if extensions:
        lines += extension_lines(report.result.extensions)
    if report.explanation is not None:
        lines += ["", "Why:"] + report.explanation.lines()
        if strengths:
            s = strengths.explain(report.explain)
            lines += ["", f"Strength of {report.explain}: base {s['base']:g}"]
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
    if report.critical is not None:
        lines += [
            "",
            "Single points of failure (retracting one claim alone topples the conclusion):",
        ]
        if not report.critical:
            lines.append("  no conclusion stands")
        for conclusion, found in report.critical.items():
            names = ", ".join(
                f"{k.id} (also topples {len(k.topples) - 1} more)" if len(k.topples) > 1 else k.id
                for k in found
            )
            lines.append(f"  {conclusion}: {names or 'none'}")
    return lines


#: How a label reads on a terminal: a mark that needs no colour, and a colour.
_LABEL_MARK = {
    "in": ("✔ in", "bold green"),
    "out": ("✘ out", "red"),
    "undec": ("? undec", "yellow"),
}


def eval_view(report: Any, lines: list[str]) -> Any:
    """:func:`eval_lines` for a terminal: the labels as a table that wraps to the
    terminal, each label with a mark and a colour; the lines before and after it as they
    are."""
    from rich.console import Console, Group
    from rich.table import Table
    from rich.text import Text

    from argmap.cli.output import column_widths

    G, labels, strengths = report.G, report.labels, report.strengths
    start = next(i for i, line in enumerate(lines) if line.startswith("label"))
    end = start + 1 + len(labels)
    order = sorted(labels, key=lambda c: c not in report.conclusions)
    columns = ["label", *(["strength"] if strengths else []), "kind", "id", "text"]
    rows = []
    for claim in order:
        c = G.nodes[claim]["claim"]
        value = [f"{strengths.strength[claim]:.3f}"] if strengths else []
        rows.append([_LABEL_MARK[labels[claim]][0], *value, c.kind.value, claim, c.text])
    table = Table(box=None, header_style="bold", pad_edge=False)
    for i, (name, width) in enumerate(
        zip(columns, [*column_widths(columns, rows, Console().width), None], strict=True)
    ):
        if i == len(columns) - 1:
            table.add_column(name, ratio=1, overflow="fold")
        else:
            table.add_column(name, width=width, overflow="fold")
    for claim, row in zip(order, rows, strict=True):
        mark, style = _LABEL_MARK[labels[claim]]
        bold = "bold" if claim in report.conclusions else ""
        table.add_row(Text(mark, style=style), *row[1:-1], Text(" ".join(row[-1].split()), bold))
    return Group(Text("\n".join(lines[:start])), table, Text("\n".join(lines[end:])))
