"""Views of reports: problems (diagnostics) and each file's verdict from ``validate``,
what a map leaves open (``coverage``), and what changed between two versions (``diff``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from argmap.views.tree import Segments
from argmap.wording import counted

if TYPE_CHECKING:
    from argmap.errors import Diagnostic

__all__ = [
    "diagnostic_segments",
    "summary_segments",
    "validation_lines",
    "github_lines",
    "sarif",
    "scheme_lines",
    "coverage_lines",
    "diff_lines",
]


def diagnostic_segments(d: Diagnostic) -> Segments:
    """One diagnostic, errors in red, warnings in yellow, notes dim."""
    return [(d.format(), {"error": "red", "warning": "yellow"}.get(d.severity, "dim"))]


def summary_segments(checked: Any) -> Segments:
    """One map's verdict (:class:`argmap.operations.validate.CheckedMap`): ok, or how many
    errors and warnings; when strict, warnings fail it, and it says so; what its settings
    left out is counted."""
    from argmap.errors import shown_name

    diags = checked.diagnostics
    errors = sum(d.severity == "error" for d in diags)
    warnings = sum(d.severity == "warning" for d in diags)
    line: Segments = [(f"{shown_name(checked.name)}: ", None)]
    if errors:
        line.append((f"{errors} error{'s' * (errors != 1)}", "bold red"))
    elif checked.size is None:
        line.append(("does not read as a map", "bold red"))
    elif warnings and checked.strict:
        counts = "count as errors" if warnings != 1 else "counts as an error"
        line.append((f"failed: {warnings} warning{'s' * (warnings != 1)} {counts} under --strict",
                     "bold red"))  # fmt: skip
        warnings = 0
    else:
        line.append(("ok", "bold green"))
    if warnings:
        line.append((f", {warnings} warning{'s' * (warnings != 1)}", "yellow"))
    told = [checked.size] if checked.size else []
    if checked.ignored:
        told.append(f"{counted(checked.ignored, 'problem')} left out by {checked.settings}")
    if told:
        line.append((f" ({'; '.join(told)})", "dim"))
    return line


def coverage_lines(report: dict) -> list[str]:
    """A coverage report (:func:`argmap.analysis.coverage.coverage`, as its JSON) as plain
    lines."""
    from argmap.analysis.coverage import COVERAGE_GAPS

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
    drafted = report.get("drafted") or {}
    if drafted.get("claims") or drafted.get("links"):
        lines.append(
            f"drafted, not yet reviewed: {len(drafted['claims'])} claims, "
            f"{drafted['links']} links (argmap set MAP ID drafted false accepts one)"
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


def validation_lines(checked: Any) -> list[Segments]:
    """What checking map files found (:class:`argmap.operations.validate.Checked`): each
    problem, then each file's verdict."""
    lines = [diagnostic_segments(d) for d in checked.diagnostics]
    return lines + [summary_segments(result) for result in checked.maps]


def _escaped(text: str, *, property: bool = False) -> str:
    # GitHub's workflow commands: % and line breaks escaped in the message; in a
    # property (file=, title=) the : and , that separate properties too.
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def github_lines(checked: Any) -> list[str]:
    """The problems as GitHub Actions workflow commands (``::error file=…,line=…::…``),
    which GitHub shows as annotations on the lines of a pull request; notes are
    ``::notice``.

    >>> from argmap.errors import Diagnostic, Location
    >>> from argmap.operations.validate import Checked, CheckedMap
    >>> d = Diagnostic("dangling_ref", "error", "unknown claim 'x'", Location("m.yaml", 3, 5))
    >>> github_lines(Checked([CheckedMap("m.yaml", "1 claim", [d])]))
    ["::error file=m.yaml,line=3,col=5,title=argmap dangling_ref::unknown claim 'x'"]
    """
    lines = []
    for d in checked.diagnostics:
        kind = {"error": "error", "warning": "warning"}.get(d.severity, "notice")
        where = []
        if d.location is not None:
            where.append(f"file={_escaped(d.location.file, property=True)}")
            where += [f"line={d.location.line}", f"col={d.location.col}"]
        where.append(f"title={_escaped('argmap ' + d.code, property=True)}")
        message = d.message + (f" ({d.hint})" if d.hint else "")
        lines.append(f"::{kind} {','.join(where)}::{_escaped(message)}")
    return lines


def sarif(checked: Any) -> dict:
    """The problems as a SARIF 2.1.0 log (the format code-scanning tools read: GitHub's
    code scanning, editors' SARIF viewers), with argmap's rules and their descriptions."""
    from argmap import __version__
    from argmap.analysis.validate import RULES

    used = sorted({d.code for d in checked.diagnostics})
    results = []
    for d in checked.diagnostics:
        result: dict[str, Any] = {
            "ruleId": d.code,
            "ruleIndex": used.index(d.code),
            "level": d.severity,
            "message": {"text": d.message + (f" ({d.hint})" if d.hint else "")},
        }
        if d.location is not None:
            result["locations"] = [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(d.location.file)},
                        "region": {
                            "startLine": d.location.line,
                            "startColumn": d.location.col,
                        },
                    }
                }
            ]
        if d.claim:
            result["properties"] = {"claim": d.claim}
        results.append(result)
    rules = [
        {
            "id": code,
            "shortDescription": {"text": RULES[code].description if code in RULES else code},
            "defaultConfiguration": {"level": RULES[code].severity if code in RULES else "warning"},
        }
        for code in used
    ]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "argmap", "version": __version__, "rules": rules}},
                "results": results,
            }
        ],
    }


def _uri(file: str) -> str:
    # A relative path stays relative (to the folder the check ran in), with / between its
    # parts and its characters escaped as a URI needs.
    from pathlib import PurePath
    from urllib.parse import quote

    return quote(PurePath(file).as_posix())


def diff_lines(d: Any) -> list[str]:
    """A :class:`argmap.analysis.diff.MapDiff` as text, one change a line, marked - + ~ !."""
    if d.empty:
        return ["no changes"]
    lines = []
    for i in d.removed_claims:
        lines.append(f"- claim {i} (removed, with its links)")
    for i in d.added_claims:
        lines.append(f"+ claim {i} (added, with its links)")
    for r in d.renamed:
        lines.append(f"~ claim {r.before} is now {r.after}")
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
        what = "conclusion" if c.conclusion else "claim"
        lines.append(f"! {what} {c.id}: {c.before} -> {c.after}")
    return lines


def scheme_lines(scheme: Any) -> list[str]:
    """A scheme as text: name, premises by role, conclusion, critical questions."""
    lines = [f"{scheme.name} ({scheme.id})"]
    if scheme.cite:
        lines.append(f"  after: {scheme.cite}")
    if scheme.aif or scheme.aliases:
        names = [n for n in (scheme.aif, *scheme.aliases) if n]
        lines.append(f"  also read as: {', '.join(dict.fromkeys(names))}")
    lines.append("  premises:")
    lines += [f"    {p.role}: {p.text}" for p in scheme.premises]
    if scheme.conclusion:
        lines.append(f"  conclusion: {scheme.conclusion}")
    lines.append("  critical questions (a 'no' answer defeats the inference):")
    lines += [f"    {q.id}: {q.text}" for q in scheme.questions]
    return lines
