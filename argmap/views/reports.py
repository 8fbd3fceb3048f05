"""Views of reports: problems (diagnostics) and each file's verdict from ``validate``,
what a map leaves open (``coverage``), and what changed between two versions (``diff``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.views.tree import Segments

if TYPE_CHECKING:
    from argmap.errors import Diagnostic

__all__ = [
    "diagnostic_segments",
    "summary_segments",
    "validation_lines",
    "coverage_lines",
    "diff_lines",
]


def diagnostic_segments(d: Diagnostic) -> Segments:
    """One diagnostic, errors in red, warnings in yellow, notes dim."""
    return [(d.format(), {"error": "red", "warning": "yellow"}.get(d.severity, "dim"))]


def summary_segments(
    name: str, summary: str | None, diags: list[Diagnostic], *, strict: bool = False
) -> Segments:
    """One map's verdict: ok, or how many errors and warnings (``summary`` None:
    unreadable); under ``strict``, warnings fail it, and it says so."""
    from argmap.errors import shown_name

    errors = sum(d.severity == "error" for d in diags)
    warnings = sum(d.severity == "warning" for d in diags)
    line: Segments = [(f"{shown_name(name)}: ", None)]
    if errors:
        line.append((f"{errors} error{'s' * (errors != 1)}", "bold red"))
    elif warnings and strict:
        counts = "count as errors" if warnings != 1 else "counts as an error"
        line.append((f"failed: {warnings} warning{'s' * (warnings != 1)} {counts} under --strict",
                     "bold red"))  # fmt: skip
        warnings = 0
    else:
        line.append(("ok", "bold green"))
    if warnings:
        line.append((f", {warnings} warning{'s' * (warnings != 1)}", "yellow"))
    if summary:
        line.append((f" ({summary})", "dim"))
    return line


def coverage_lines(report: dict) -> list[str]:
    """A coverage report (:func:`argmap.analysis.provenance.coverage`) as plain lines."""
    from argmap.analysis.provenance import COVERAGE_GAPS

    lines = []
    for key in COVERAGE_GAPS:
        ids = report[key]
        lines.append(
            f"{key.replace('_', ' ')}: {len(ids)}" + (f" ({', '.join(ids)})" if ids else "")
        )
    made = report["reconstructed"]
    lines.append(
        f"reconstructed claims: {len(made['claims'])} ({made['share']:.0%} of the map)"
        + (f" ({', '.join(made['claims'])})" if made["claims"] else "")
    )
    cq = report["critical_questions"]
    lines.append(
        f"critical questions: {cq['open']} open, {cq['yes']} answered yes, {cq['no']} answered "
        f"no, over {cq['inferences_with_scheme']} of {cq['inferences']} inferences that name "
        "a scheme"
    )
    for q in cq["open_questions"]:
        lines.append(f"  open: {q['inference']} ({q['scheme']}) {q['question']}: {q['asked']}")
    for u in cq["unknown_schemes"]:
        lines.append(f"  scheme not in the catalogue: {u['inference']} ({u['scheme']})")
    for s in report["sources_absent"]:
        lines.append(
            f"source {s['source']}: no text at {s['path']}, so its quotes were not checked "
            "and its coverage is unknown"
        )
    for s in report["sources"]:
        name = s["source"] or s["path"]
        share = "n/a" if s["coverage"] is None else f"{s['coverage']:.0%}"
        lines.append(
            f"source {name}: draws on {len(s['drawn_on'])} of {s['argumentative']} "
            f"argumentative paragraphs ({share})"
        )
        for p, ids in s["claims_by_paragraph"].items():
            lines.append(f"  ¶{p}: {', '.join(ids)}")
        for p in s["left_out"]:
            lines.append(f"  left out ¶{p}: {s['left_out_text'][str(p)]}")
    return lines


def validation_lines(checked: Any, *, strict: bool = False) -> list[Segments]:
    """What checking map files found (:class:`argmap.analysis.validate.Checked`): each problem,
    then each file's verdict (``strict``: warnings fail it)."""
    lines = [diagnostic_segments(d) for d in checked.diagnostics]
    return lines + [summary_segments(*result, strict=strict) for result in checked.maps]


def diff_lines(d: Any) -> list[str]:
    """A :class:`argmap.analysis.diff.MapDiff` as text, one change a line, marked - + ~ !."""
    if d.empty:
        return ["no changes"]
    lines = []
    for i in d.removed_claims:
        lines.append(f"- claim {i} (removed, with its links)")
    for i in d.added_claims:
        lines.append(f"+ claim {i} (added, with its links)")
    for a, b in d.renamed:
        lines.append(f"~ claim {a} is now {b}")
    for r in d.reworded:
        lines.append(f"~ claim {r.id} reworded ({r.similarity:.0%} alike):")
        lines.append(f"    was: {' '.join(r.before.split())}")
        lines.append(f"    now: {' '.join(r.after.split())}")
    for c in d.changed_fields:
        lines.append(f"~ claim {c.id} {c.field}: {c.before!r} -> {c.after!r}")
    for lk in d.removed_links:
        lines.append(f"- link {lk.source} {lk.kind}s {lk.target}")
    for lk in d.added_links:
        lines.append(f"+ link {lk.source} {lk.kind}s {lk.target}")
    for k in d.kind_changed:
        lines.append(f"~ link {k.source} -> {k.target}: {k.before} became {k.after}")
    for c in d.label_changes:
        what = "conclusion" if c["conclusion"] else "claim"
        lines.append(f"! {what} {c['id']}: {c['before']} -> {c['after']}")
    return lines
