"""Views of an evaluation (``argmap eval``): the labels of a map or an abstract framework,
what a what-if changed, strengths and their explanation, as plain lines, and as a table
with marks and colour on a terminal."""

from __future__ import annotations

from typing import Any

from argmap.wording import counted

__all__ = ["semantics_header", "framework_lines", "extension_lines", "eval_lines"]


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


def eval_lines(
    report: Any, *, extensions: bool = False, width: int | None = None, marks: bool = False
) -> list[list[tuple[str, str | None]]]:
    """An evaluation (:class:`argmap.semantics.report.EvalReport`) as lines of styled
    segments (:func:`argmap.views.tree.plain` joins one into text): the counts, a table of
    the labels, one row a claim (conclusions first; laid out for ``width``, never breaking
    an id or a word), then what changed, the extensions, and the single points of failure,
    as asked. With ``--explain ID`` the explanation stands alone, without the table.
    ``marks`` writes each label with a sign and a colour (a terminal)."""
    from argmap.views.columns import table_layout

    G, labels, strengths = report.G, report.labels, report.strengths
    conclusion_ids = report.conclusions
    counts = {k: sum(v == k for v in labels.values()) for k in ("in", "out", "undec")}
    lines = [
        f"{report.doc.name}: {semantics_header(report.result)}: {counts['in']} in, "
        f"{counts['out']} out, {counts['undec']} undec"
    ]
    lines += [f"note: {side.message()}" for side in report.one_sided]
    if report.retract or report.assume:
        what = [f"retract {i}" for i in report.retract] + [f"assume {i}" for i in report.assume]
        lines.append(f"what if: {', '.join(what)}")
    if strengths:
        lines.append(
            f"strength: {'DF-QuAD' if strengths.method == 'dfquad' else 'quadratic energy'}"
            " (base = confidence, else 0.5)"
        )
    from argmap.views.columns import wrapped_lines

    out: list[list[tuple[str, str | None]]] = [[(x, None)] for x in wrapped_lines(lines, width)]
    if report.explanation is None:
        order = sorted(labels, key=lambda c: c not in conclusion_ids)
        columns = ["label", *(["strength"] if strengths else []), "kind", "id", "text"]
        rows = []
        for claim in order:
            c = G.nodes[claim]["claim"]
            value = [f"{strengths.strength[claim]:.3f}"] if strengths else []
            label = _LABEL_MARK[labels[claim]][0] if marks else labels[claim]
            rows.append([label, *value, c.kind.value, claim, c.text])
        out.append([("", None)])
        seen: set[int] = set()
        for row, text in table_layout(columns, rows, width):
            if row < 0:
                out.append([(text, "bold" if marks else None)])
                continue
            claim = order[row]
            style = _LABEL_MARK[labels[claim]][1] if marks and row not in seen else None
            mark = rows[row][0] if row not in seen else ""
            seen.add(row)
            rest = text[len(mark) :]
            bold = "bold" if marks and claim in conclusion_ids else None
            out.append([(mark, style), (rest, bold)] if mark else [(rest, bold)])
    lines = []
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
    out += [[(x, None)] for x in wrapped_lines(lines, width)]
    return out


#: How a label reads on a terminal: a mark that needs no colour, and a colour.
_LABEL_MARK = {
    "in": ("✔ in", "bold green"),
    "out": ("✘ out", "red"),
    "undec": ("? undec", "yellow"),
}
