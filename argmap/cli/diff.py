"""argmap diff: what changed between two versions of a map."""

from __future__ import annotations

from typing import Annotated

import typer

from argmap.cli.options import Format, FormatOpt


def diff(
    old: Annotated[str, typer.Argument(metavar="OLD", help="A map file, or REV:path from git.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="A map file, or REV:path from git.")],
    with_eval: Annotated[
        bool, typer.Option("--eval", help="Also say which claims changed label (grounded).")
    ] = False,
    fmt: FormatOpt = Format.text,
) -> None:
    """Show what changed between two versions of a map, as an argument.

    Claims added, removed, renamed (matched by text when the id changed) and reworded;
    other fields changed; links added, removed, or changed in kind; with --eval, claims
    whose label changed. Exit status like diff: 0 no change, 1 changes, 2 trouble.

    Example: argmap diff HEAD~1:maps/us-japan-trump2.yaml maps/us-japan-trump2.yaml --eval
    """
    from argmap.cli.output import emit_json, emit_lines
    from argmap.diff import diff_maps

    old_doc, new_doc = _read(old), _read(new)
    d = diff_maps(old_doc.model, new_doc.model)
    if with_eval:
        from argmap.graph import build_graph, conclusions
        from argmap.semantics.evaluate import evaluate

        G_new = build_graph(new_doc)
        before = evaluate(build_graph(old_doc)).labels
        after = evaluate(G_new).labels
        tops = set(conclusions(G_new))
        renamed = dict(d.renamed)
        for old_id, label in before.items():
            new_id = renamed.get(old_id, old_id)
            if new_id in after and after[new_id] != label:
                d.label_changes.append(
                    {
                        "id": new_id,
                        "before": label,
                        "after": after[new_id],
                        "conclusion": new_id in tops,
                    }
                )
        d.label_changes.sort(key=lambda c: not c["conclusion"])
    if fmt is Format.json:
        emit_json(d.to_dict())
    elif fmt is Format.ids:
        ids = [
            *d.added_claims,
            *d.removed_claims,
            *(b for _, b in d.renamed),
            *(r.id for r in d.reworded),
            *(c.id for c in d.changed_fields),
            *(c["id"] for c in d.label_changes),
        ]
        emit_lines(list(dict.fromkeys(ids)))
    else:
        emit_lines(_text(d))
    if not d.empty:
        raise typer.Exit(1)


def _read(spec: str):
    from pathlib import Path

    from argmap.errors import EXIT_USAGE, MapError
    from argmap.files import Input, read_git, read_input
    from argmap.formats.native import parse

    if spec == "/dev/null":  # git's side of an added or deleted file
        return parse(Input("title: (none)\nclaims: []\n", spec, ".yaml"))
    try:
        inp = read_git(spec) if ":" in spec and not Path(spec).exists() else read_input(spec)
        return parse(inp)
    except MapError as exc:  # unreadable (binary, not UTF-8) or invalid: trouble
        exc.exit_code = EXIT_USAGE  # diff's "trouble" (2), not "differences" (1)
        raise


def _text(d) -> list[str]:
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
