"""``argmap compare`` as text: the scores first, then what differs, in words a coach can
read out (:class:`argmap.analysis.compare.Comparison`)."""

from __future__ import annotations

from typing import Any

__all__ = ["comparison_form"]


def _n(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def comparison_form(result: Any) -> Any:
    """The comparison as a :class:`~argmap.views.forms.Stack` of lines and tables; graded
    (``--key``), B against A, the key's wording given for what it missed."""
    from argmap.views.forms import Lines, Stack, Table
    from argmap.wording import counted

    r = result
    n_a, n_b = len(r.pairs) + len(r.only_a), len(r.pairs) + len(r.only_b)
    paired_a = len({p.a for p in r.pairs})
    paired_b = len({p.b for p in r.pairs})
    n_a, n_b = paired_a + len(r.only_a), paired_b + len(r.only_b)
    merges = r.merges()
    by = {m: sum(1 for p in r.pairs if p.method == m)
          for m in ("given", "quote", "text")}  # fmt: skip
    how = ", ".join(f"{v} by {m}" for m, v in by.items() if v)
    if merges:
        how += (", " if how else "") + f"{counted(len(merges), 'merge')}"
    head = [f"A: {r.a}", f"B: {r.b}",
            f"paired {paired_a} of {n_a} claims in A with {paired_b} of {n_b} in B"
            + (f" ({how})" if how else "")]  # fmt: skip
    same, in_a, in_b = r.links.get("same", 0), r.links.get("a", 0), r.links.get("b", 0)
    recall = same / in_a if in_a else None
    precision = same / in_b if in_b else None
    f1 = (2 * recall * precision / (recall + precision)
          if recall and precision else (0.0 if in_a or in_b else None))  # fmt: skip
    head.append(
        f"links: {same} of A's {in_a} drawn alike in B (of B's {in_b}): precision "
        f"{_n(precision)}, recall {_n(recall)}, F1 {_n(f1)}"
    )
    rows = []
    if r.kinds:
        rows.append(["kinds", _n(r.kinds.kappa), _n(r.kinds.f1), _n(r.kinds.accuracy),
                     f"{r.kinds.n} paired claims"])  # fmt: skip
    if r.relations:
        k = len({g for g in (p.a for p in r.pairs)}) - sum(len(a) - 1 for a, _ in merges)
        rows.append(["relations", _n(r.relations.kappa), _n(r.relations.f1),
                     _n(r.relations.accuracy),
                     f"{r.relations.n} ordered pairs of the {k} paired claims, "
                     "no link on both counted"])  # fmt: skip
    scores = Table(["measure", "kappa", "F1", "accuracy", "over"], rows)
    more = []
    seg = r.segmentation
    if seg:
        more.append(
            f"segmentation: S {_n(seg.S)}, B {_n(seg.B)} over {seg.words} "
            f"words; argument marked: A {seg.share_a:.0%}, B {seg.share_b:.0%}"
        )
    else:
        more.append("segmentation: - (no source text both maps quote)")
    cass = r.cass
    if cass.CASS is not None:
        more.append(f"CASS {_n(cass.CASS)} = 2MS/(M+S), M (mean kappa) {_n(cass.M)}, "
                    f"S {_n(cass.S)}")  # fmt: skip
    else:
        more.append(f"CASS: - ({cass.why}; M {_n(cass.M)}, S {_n(cass.S)})")
    c = r.conclusions
    shown = ", ".join(c.shared[:8]) + (f" and {len(c.shared) - 8} more"
                                       if len(c.shared) > 8 else "")  # fmt: skip
    more.append(
        f"conclusions: {len(c.shared)} of A's {c.a} found among B's {c.b}"
        + (f" ({shown})" if c.shared else "")
    )
    lab = r.labels
    if lab.of:
        more.append(f"labels (grounded): the same on {lab.same} of {lab.of} paired claims")
    if r.reference_relations:
        ref = r.reference_relations
        more.append(
            f"ARG-tech's propositional matrix (a cross-check, its own pairing): kappa "
            f"{_n(ref.kappa)}, F1 {_n(ref.f1)}, accuracy {_n(ref.accuracy)} over {ref.n} cells"
        )
    elif r.reference_left_out:
        more.append(r.reference_left_out)
    parts: list[Any] = [Lines(head, wrap=True), scores, Lines(more, wrap=True)]
    if r.grade is not None:
        g = r.grade
        parts.append(Lines([
            f"grade: {g.letter} ({g.score}%): claims F1 {_n(g.claims.f1)} "
            f"(found {len(g.found)} of the key's {n_a}"
            + (f", {len(g.merged)} of them merged" if g.merged else "")
            + f"), links F1 {_n(g.links.f1)} "
            f"({r.links.get('same', 0)} of the key's {r.links.get('a', 0)} drawn alike)"],
            wrap=True))  # fmt: skip
        if merges:
            parts.append(Lines(["", f"merged ({len(merges)}): one claim in one map, several "
                                "in the other (found, not missed)"]))  # fmt: skip
            parts.append(Table(["key", "B"], [[" + ".join(a), " + ".join(b)]
                                              for a, b in merges]))  # fmt: skip
        if r.only_a:
            parts.append(Lines(["", f"missed ({len(r.only_a)}): in the key, not found in B"]))
            parts.append(Table(["key", "text"], [[i, r.texts_a[i]] for i in r.only_a]))
        if r.only_b:
            parts.append(Lines(["", f"extra ({len(r.only_b)}): in B, not in the key"]))
            parts.append(Table(["B", "text"], [[i, r.texts_b[i]] for i in r.only_b]))
    else:
        if merges:
            parts.append(Lines(["", f"merged ({len(merges)}): one claim in one map, several "
                                "in the other"]))  # fmt: skip
            parts.append(Table(["A", "B"], [[" + ".join(a), " + ".join(b)]
                                            for a, b in merges]))  # fmt: skip
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
