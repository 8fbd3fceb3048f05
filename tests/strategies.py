"""The one Hypothesis strategy for random argument maps, shared by every property test.

``argument_maps(...)`` draws an :class:`~argmap.model.ArgMap` of claims ``c0, c1, ...``
with links between them; its options choose the shape a test needs (claim kinds, linked
groups, undercuts, parallel links with ids of their own). Abstract frameworks (no texts,
only attacks) are drawn by ``frameworks``.
"""

from __future__ import annotations

from hypothesis import strategies as st

from argmap.model import ArgMap

#: Claim texts: any printable text (no control characters, no lone surrogates).
TEXTS = st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=30)


@st.composite
def argument_maps(
    draw,
    *,
    min_claims: int = 1,
    max_claims: int = 8,
    texts: st.SearchStrategy[str] = TEXTS,
    kinds: tuple[str, ...] = ("claim",),
    relations: tuple[str, ...] = ("support", "attack"),
    max_links: int = 12,
    grouped: bool = False,
    max_undercuts: int = 0,
    parallel: bool = False,
    title: str = "t",
) -> ArgMap:
    """A random map.

    Args:
        texts, kinds: what each claim's text and kind are drawn from.
        relations: the kinds of the links between claims.
        grouped: some supports are drawn as members of one linked group ``g``.
        max_undercuts: undercuts drawn after the links, each aimed at a link drawn before
            it (undercuts included, so an undercut may be undercut in turn).
        parallel: links with the same ends may repeat (ids ``l0, l1, ...``); otherwise a
            link is drawn once for its ends and kind, its id ``cA.KIND.cB``.
    """
    n = draw(st.integers(min_claims, max_claims))
    claim_texts = draw(st.lists(texts, min_size=n, max_size=n))
    claim_kinds = draw(st.lists(st.sampled_from(kinds), min_size=n, max_size=n))
    how = list(relations) + (["group"] if grouped else [])
    drawn = draw(
        st.lists(
            st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.sampled_from(how)),
            max_size=max_links,
        )
    )
    links: dict[str, dict] = {}
    for j, (a, b, k) in enumerate(drawn):
        if a == b:
            continue
        kind = "support" if k == "group" else k
        ident = f"l{j}" if parallel else f"c{a}.{kind}.c{b}"
        if ident in links:
            continue  # a grouped and a plain support of the same ends: one link
        links[ident] = {"id": ident, "source": f"c{a}", "target": f"c{b}", "kind": kind}
        if k == "group":
            links[ident]["group"] = "g"
    for who, which in draw(
        st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, 40)), max_size=max_undercuts)
    ):
        if links:
            aim = list(links)[which % len(links)]
            ident = f"c{who}.undercut.{aim}"
            links.setdefault(
                ident, {"id": ident, "source": f"c{who}", "target": aim, "kind": "undercut"}
            )
    return ArgMap.model_validate(
        {
            "title": title,
            "claims": [
                {"id": f"c{i}", "text": t, "kind": k}
                for i, (t, k) in enumerate(zip(claim_texts, claim_kinds, strict=True))
            ],
            "links": list(links.values()),
        }
    )


def frameworks(*, max_arguments: int = 12, max_attacks: int = 30, names=None):
    """Abstract argumentation frameworks: arguments (named from ``names``, else a0, a1,
    ...) and attacks between them (self-attacks included)."""
    from argmap.semantics.framework import Framework

    if names is None:
        return st.integers(0, max_arguments).flatmap(
            lambda n: st.lists(
                st.tuples(st.integers(0, max(n - 1, 0)), st.integers(0, max(n - 1, 0))),
                max_size=0 if n == 0 else max_attacks,
                unique=True,
            ).map(lambda atts: Framework([f"a{i}" for i in range(n)], atts))
        )
    return st.lists(names, min_size=1, max_size=max_arguments, unique=True).flatmap(
        lambda ns: st.lists(
            st.tuples(st.sampled_from(ns), st.sampled_from(ns)), max_size=max_attacks
        ).map(lambda atts: Framework.from_pairs(ns, atts))
    )
