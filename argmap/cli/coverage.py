"""argmap coverage: what a map leaves open, and how much of its source it draws on."""

from __future__ import annotations

from typing import Annotated

import typer

from argmap.cli.options import Format, FormatOpt, MapArg


def coverage(
    map_file: MapArg,
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            metavar="FILE",
            help="Check every quote against this text (default: each source's path).",
        ),
    ] = None,
    fmt: FormatOpt = Format.text,
) -> None:
    """Report what a map leaves open and how much of its source text it covers.

    Lists conclusions without support, objections nobody answers, evidence without a
    source or quote; the claims the analyst reconstructed and their share of the map; the
    critical questions of each inference that names a scheme, open or answered (open
    ones listed); and, for each source text, which argumentative paragraphs (12 words
    or more) the quotes draw on and which they leave out, with the percentage.
    --format ids lists the claims concerned.

    Example: argmap coverage maps/us-japan-trump2.yaml
    """
    from argmap.cli.output import emit_json, emit_lines
    from argmap.formats import read_map
    from argmap.graph import build_graph
    from argmap.provenance import coverage as report_of

    doc = read_map(map_file)
    G = build_graph(doc)
    try:
        report = report_of(doc, G, source_file=source)
    except (OSError, UnicodeDecodeError) as exc:
        from argmap.errors import UsageError

        reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else exc.strerror
        raise UsageError(f"{source}: cannot read the source text ({reason})") from None
    if fmt is Format.json:
        emit_json(report)
        return
    keys = ("unsupported_conclusions", "unanswered_objections", "evidence_without_provenance")
    if fmt is Format.ids:
        emit_lines(list(dict.fromkeys(i for k in keys for i in report[k])))
        return
    lines = []
    for key in keys:
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
        lines.append(f"  open: {q['inference']} ({q['scheme']}) {q['question']}: {q['text']}")
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
    emit_lines(lines)
