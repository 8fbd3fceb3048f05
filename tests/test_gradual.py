from __future__ import annotations

import networkx as nx
import pytest
from conftest import MAPS
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from strategies import argument_maps

from argmap.errors import ArgmapError, MapError
from argmap.formats.native import loads
from argmap.graph import build_graph
from argmap.model import ArgMap
from argmap.operations.loading import read_map
from argmap.semantics.gradual import NoConvergence, dfquad, qe


def graph(text):
    return build_graph(loads("title: t\nclaims:\n" + text))


def test_dfquad_by_hand():
    # c: base 0.5; supports p (0.8) and q (0.6): vs = 1 - 0.2*0.4 = 0.92;
    # attack o (0.4) at weight 0.5: va = 0.2. vs > va: 0.5 + 0.5*(0.92 - 0.2) = 0.86.
    G = graph(
        "  - {id: c, text: C}\n  - {id: p, text: P, confidence: 0.8, supports: [c]}\n"
        "  - {id: q, text: Q, confidence: 0.6, supports: [c]}\n"
        "  - {id: o, text: O, confidence: 0.4}\nlinks:\n"
        "  - {source: o, target: c, kind: attack, weight: 0.5}\n"
    )
    s = dfquad(G)
    assert s.strength["c"] == pytest.approx(0.86)
    t = s.traces["c"]
    assert (t.base, t.supports, t.attacks) == (0.5, pytest.approx(0.92), pytest.approx(0.2))
    assert [(term.kind, term.sources, term.contribution) for term in t.terms] == [
        ("support", ("p",), pytest.approx(0.8)),
        ("support", ("q",), pytest.approx(0.6)),
        ("attack", ("o",), pytest.approx(0.2)),
    ]


def test_dfquad_attack_dominates():
    # va = 0.9 > vs = 0: 0.5 - 0.5*0.9 = 0.05
    G = graph("  - {id: c, text: C}\n  - {id: o, text: O, confidence: 0.9, attacks: [c]}\n")
    assert dfquad(G).strength["c"] == pytest.approx(0.05)


def test_linked_group_counts_as_its_weakest_member_and_undercut_scales_the_weight():
    G = graph(
        "  - {id: c, text: C}\n  - {id: p, text: P, confidence: 0.9}\n"
        "  - {id: q, text: Q, confidence: 0.3}\n  - {id: u, text: U, confidence: 0.5}\n"
        "links:\n  - {source: p, target: c, group: g}\n  - {source: q, target: c, group: g}\n"
        "  - {source: u, target: p.support.c, kind: undercut}\n"
    )
    (term,) = dfquad(G).traces["c"].terms
    assert term.sources == ("p", "q")
    assert term.strength == pytest.approx(0.3)
    assert term.weight == pytest.approx(0.5)  # min(1 * (1 - 0.5), 1)
    assert dfquad(G).strength["c"] == pytest.approx(0.5 + 0.5 * 0.15)


def test_dfquad_refuses_cycles_and_qe_handles_them():
    G = graph("  - {id: a, text: A, attacks: [b]}\n  - {id: b, text: B, attacks: [a]}\n")
    with pytest.raises(ArgmapError, match="use --strength qe|without cycles"):
        dfquad(G)
    s = qe(G)
    assert s.strength["a"] == pytest.approx(s.strength["b"])


def _qe_target(base, energy):
    def h(x):
        x = max(x, 0.0)
        return x * x / (1 + x * x)

    return base + (1 - base) * h(energy) - base * h(-energy)


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_qe_reaches_a_fixed_point(path):
    G = build_graph(read_map(path))
    s = qe(G)
    for n, t in s.traces.items():
        assert s.strength[n] == pytest.approx(_qe_target(t.base, t.supports - t.attacks), abs=1e-7)
        assert 0.0 <= s.strength[n] <= 1.0


def test_qe_reports_when_it_does_not_converge():
    G = graph("  - {id: a, text: A, attacks: [b]}\n  - {id: b, text: B, attacks: [a]}\n")
    with pytest.raises(NoConvergence, match="did not converge in 2 iterations"):
        qe(G, max_iterations=2)


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_strength_on_shipped_maps_stays_in_range(path):
    # DF-QuAD where the map has no cycle; the US-Japan map's rival readings attack each
    # other, so it takes quadratic energy, as show --eval does.
    G = build_graph(read_map(path))
    s = dfquad(G) if nx.is_directed_acyclic_graph(G) else qe(G)
    assert all(0.0 <= v <= 1.0 for v in s.strength.values())


@settings(max_examples=150, deadline=None)
@given(
    argument_maps(max_claims=7, max_links=12, grouped=True, max_undercuts=3, parallel=True),
    st.lists(st.floats(0.0, 1.0), min_size=20, max_size=20),
)
def test_qe_sums_plain_links_as_its_terms_do(m, numbers):
    # qe adds up the links of a claim that no undercut or linked group touches without
    # building their terms (a map of 100,000 claims took a minute and a half): its
    # strengths must be the very numbers the terms give, to the last bit.
    import argmap.semantics.gradual as gradual

    data = m.model_dump(mode="json", exclude_none=True)
    for i, claim in enumerate(data["claims"]):
        if i % 3:
            claim["confidence"] = numbers[i]
    for i, link in enumerate(data.get("links", [])):
        if i % 2:
            link["weight"] = numbers[-1 - i % 10]
    try:
        G = build_graph(ArgMap.model_validate(data))
    except MapError:
        assume(False)  # a link undercutting its own source's link, say: no graph
    try:
        fast = qe(G)
    except NoConvergence:
        return
    terms_only = gradual._plain_terms
    gradual._plain_terms = lambda incoming: None
    try:
        slow = qe(G)
    finally:
        gradual._plain_terms = terms_only
    assert fast.strength == slow.strength
    assert fast.iterations == slow.iterations
