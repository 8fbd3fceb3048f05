"""``argmap compare`` as text: the scores first, then what differs, in words a coach can
read out (:class:`argmap.analysis.compare.Comparison`)."""

from __future__ import annotations

from typing import Any

__all__ = ["comparison_form"]


def _n(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def comparison_form(result: Any, *, grade: dict | None = None) -> Any:
    """The comparison as a :class:`~argmap.views.forms.Stack` of lines and tables; with a
    ``grade`` (``--key``), B graded against A, the key's wording given for what it missed."""
    from argmap.views.forms import Lines, Stack, Table
    from argmap.wording import counted

    r = result
    n_a, n_b = len(r.pairs) + len(r.only_a), len(r.pairs) + len(r.only_b)
    by = {m: sum(1 for p in r.pairs if p.method == m) for m in ("given", "quote", "text")}
    how = ", ".join(f"{v} by {m}" for m, v in by.items() if v)
    head = [f"A: {r.name_a}", f"B: {r.name_b}",
            f"aligned {len(r.pairs)} of {n_a} claims in A and of {n_b} in B"
            + (f" ({how})" if how else "")]  # fmt: skip
    rows = []
    if r.kinds:
        rows.append(["kinds", _n(r.kinds.kappa), _n(r.kinds.f1), _n(r.kinds.accuracy),
                     f"{r.kinds.n} aligned claims"])  # fmt: skip
    if r.relations:
        rows.append(["relations", _n(r.relations.kappa), _n(r.relations.f1),
                     _n(r.relations.accuracy), f"{r.relations.n} linked pairs"])  # fmt: skip
    if r.reference:
        ref = r.reference
        rows.append(["reference relations", _n(ref.kappa), _n(ref.f1), _n(ref.accuracy),
                     f"{ref.n} cells, as ARG-tech's"])  # fmt: skip
    scores = Table(["measure", "kappa", "F1", "accuracy", "over"], rows)
    more = []
    seg = r.segmentation
    if seg:
        more.append(
            f"segmentation: S {_n(seg['S'])}, B {_n(seg['B'])} over {seg['words']} "
            f"words; argument marked: A {seg['share_a']:.0%}, B {seg['share_b']:.0%}"
        )
    else:
        more.append("segmentation: - (no source text both maps quote)")
    cass = r.cass
    if cass["CASS"] is not None:
        more.append(
            f"CASS {_n(cass['CASS'])} = 2MS/(M+S), M (mean kappa) {_n(cass['M'])}, "
            f"S {_n(cass['S'])}"
        )
    else:
        more.append(f"CASS: - ({cass.get('why')})")
    c = r.conclusions
    shown = ", ".join(c["shared"][:8]) + (f" and {len(c['shared']) - 8} more"
                                           if len(c["shared"]) > 8 else "")  # fmt: skip
    more.append(
        f"conclusions: {len(c['shared'])} of A's {c['a']} found among B's {c['b']}"
        + (f" ({shown})" if c["shared"] else "")
    )
    lab = r.labels
    if lab["of"]:
        more.append(f"labels (grounded): the same on {lab['same']} of {lab['of']} aligned claims")
    parts: list[Any] = [Lines(head, wrap=True), scores, Lines(more, wrap=True)]
    if grade is not None:
        g = grade
        parts.append(Lines([
            f"grade: {g['letter']} ({g['score']}%): claims F1 {_n(g['claims']['f1'])} "
            f"(found {len(g['found'])} of the key's {n_a}), links F1 {_n(g['links']['f1'])} "
            f"({r.links.get('same', 0)} of the key's {r.links.get('a', 0)} drawn alike)"],
            wrap=True))  # fmt: skip
        if r.only_a:
            parts.append(Lines(["", f"missed ({len(r.only_a)}): in the key, not found in B"]))
            parts.append(Table(["key", "text"], [[i, r.texts_a[i]] for i in r.only_a]))
        if r.only_b:
            parts.append(Lines(["", f"extra ({len(r.only_b)}): in B, not in the key"]))
            parts.append(Table(["B", "text"], [[i, r.texts_b[i]] for i in r.only_b]))
    else:
        for ids, texts, side in ((r.only_a, r.texts_a, "A"), (r.only_b, r.texts_b, "B")):
            if ids:
                parts.append(Lines(["", f"only in {side} ({counted(len(ids), 'claim')}):"]))
                parts.append(Table([side, "text"], [[i, texts[i]] for i in ids]))
    if r.link_differences:
        parts.append(Lines(["", f"links drawn differently ({len(r.link_differences)}):"]))
        parts.append(
            Table(
                ["how", "in A", "in B"],
                [[d.kind, d.a or "-", d.b or "-"] for d in r.link_differences],
            )
        )
    doubtful = r.doubtful()
    if doubtful:
        parts.append(Lines(["", f"paired on little likeness ({len(doubtful)}): check them"]))
        parts.append(Table(["A", "B", "similarity", "A's text", "B's text"],
                           [[p.a, p.b, f"{p.similarity:.2f}", r.texts_a[p.a], r.texts_b[p.b]]
                            for p in doubtful]))  # fmt: skip
    return Stack(parts)
