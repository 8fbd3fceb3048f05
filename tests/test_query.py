from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from conftest import HARBOUR, run
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import argument_maps

from argmap.analysis.query import ClaimFilter, bears_on, chains, find_claims, rests_on, summary
from argmap.formats.native import loads
from argmap.graph import build_graph
from argmap.model import ArgMap
from argmap.operations.loading import read_map

# A map with a cycle of attacks, an undercut, a linked pair and a part cut off from the rest.
MAP = """
title: t
claims:
  - {id: c, text: The conclusion, kind: conclusion, tags: [main]}
  - {id: p, text: Premise on China trade, kind: premise, tags: [china, trade], confidence: 0.9}
  - {id: q, text: Second premise, kind: premise, tags: [china]}
  - {id: e, text: Evidence from a report, kind: evidence, source: s, quote: a report said,
     supports: [p]}
  - {id: o, text: An objection, kind: objection, attacks: [c], confidence: 0.4}
  - {id: r, text: A reply, attacks: [o]}
  - {id: x, text: X attacks Y, attacks: [y]}
  - {id: y, text: Y attacks X, attacks: [x]}
  - {id: u, text: Undercutter, undercuts: [e.support.p]}
sources:
  - {id: s, title: S}
links:
  - {source: q, target: c, group: g}
  - {source: p, target: c, group: g, id: p-in-group}
"""


@pytest.fixture(scope="module")
def G():
    return build_graph(loads(MAP))


def ids(claims):
    return [c.id for c in claims]


@pytest.mark.parametrize(
    ("f", "expected"),
    [
        (ClaimFilter(), ["c", "p", "q", "e", "o", "r", "x", "y", "u"]),
        (ClaimFilter(text="CHINA"), ["p"]),
        (ClaimFilter(pattern=re.compile(r"^[XY] attacks")), ["x", "y"]),
        (ClaimFilter(tags=("china",)), ["p", "q"]),
        (ClaimFilter(tags=("china", "trade")), ["p"]),
        (ClaimFilter(kinds=("premise", "evidence")), ["p", "q", "e"]),
        (ClaimFilter(source="s"), ["e"]),
        (ClaimFilter(supports="c"), ["p", "q"]),
        (ClaimFilter(attacks="c"), ["o"]),
        (ClaimFilter(supported_by="e"), ["p"]),
        (ClaimFilter(attacked_by="r"), ["o"]),
        (ClaimFilter(unsupported=True), ["q", "e", "o", "r", "x", "y", "u"]),
        (ClaimFilter(unattacked=True), ["p", "q", "e", "r", "u"]),
        (ClaimFilter(contested=True), ["c", "o", "x", "y"]),
        (ClaimFilter(roots=True), ["c"]),
        (ClaimFilter(leaves=True), ["q", "e", "r", "u"]),
        (ClaimFilter(min_confidence=0.5), ["p"]),
        (
            ClaimFilter(kinds=("premise",), tags=("china",), supports="c", unattacked=True),
            ["p", "q"],
        ),
        (ClaimFilter(text="nothing like this"), []),
    ],
)
def test_each_filter(G, f, expected):
    assert ids(find_claims(G, f)) == expected


def test_a_map_answers_filters_on_claims_alone_and_refuses_relations(G):
    m = G.graph["map"]
    assert ids(find_claims(m, ClaimFilter(tags=("china",)))) == ["p", "q"]
    with pytest.raises(ValueError):
        find_claims(m, ClaimFilter(roots=True))


def test_rests_on_and_bears_on_with_distance_and_effect(G):
    assert [(r.id, r.distance, r.effect) for r in rests_on(G, "c")] == [
        ("p", 1, "support"),
        ("q", 1, "support"),
        ("o", 1, "attack"),
        ("e", 2, "support"),
        ("r", 2, "support"),
        ("u", 2, "attack"),
    ]
    assert [(r.id, r.effect) for r in bears_on(G, "u")] == [("p", "attack"), ("c", "attack")]
    # In a cycle of attacks each claim is both defended and attacked by the other's chain.
    assert [(r.id, r.effect) for r in bears_on(G, "x")] == [("y", "attack")]
    assert rests_on(G, "r") == []


def test_mixed_effect_when_chains_of_both_signs_meet():
    G = build_graph(
        loads(
            "title: t\nclaims:\n  - {id: a, text: A, supports: [b, c]}\n"
            "  - {id: b, text: B, supports: [d]}\n  - {id: c, text: C, attacks: [d]}\n"
            "  - {id: d, text: D}\n"
        )
    )
    assert [(r.id, r.effect) for r in bears_on(G, "a")] == [
        ("b", "support"),
        ("c", "support"),
        ("d", "mixed"),
    ]


def test_chains_with_net_sign(G):
    found = chains(G, "r", "c")
    assert [(ch.claims, ch.kinds, ch.net) for ch in found] == [
        (["r", "o", "c"], ["attack", "attack"], "support")
    ]
    (via_undercut,) = chains(G, "u", "c")
    assert via_undercut.claims == ["u", "p", "c"]
    assert via_undercut.kinds == ["undercut", "support"]
    assert via_undercut.net == "attack"
    assert chains(G, "c", "r") == []
    assert chains(G, "c", "c") == []


def test_chains_are_capped():
    claims = "\n".join(f"  - {{id: m{i}, text: M, supports: [z]}}" for i in range(30))
    links = "\n".join(f"  - {{source: a, target: m{i}}}" for i in range(30))
    G = build_graph(
        loads(
            f"title: t\nclaims:\n  - {{id: a, text: A}}\n  - {{id: z, text: Z}}\n"
            f"{claims}\nlinks:\n{links}\n"
        )
    )
    assert len(chains(G, "a", "z", limit=7)) == 7
    assert len(chains(G, "a", "z")) == 30


def test_summary_of_a_map():
    G = build_graph(read_map(HARBOUR))
    s = summary(G)
    assert s.claims == 21 and s.links == 20
    assert s.links_by_kind == {"support": 13, "attack": 6, "undercut": 1}
    assert sum(s.claims_by_kind.values()) == 21
    assert s.unsupported_conclusions == []
    assert s.unanswered_objections == []
    assert s.central[0].id == "open-at-night"
    assert "betweenness" in s.centrality
    assert s.depth == 4  # cost-figure -> queues-cost -> open-at-night -> fund-cranes -> ...


def test_summary_samples_betweenness_within_a_budget_of_work(monkeypatch):
    # Each claim betweenness samples costs a walk of the whole map: on a large map the
    # number of samples shrinks so that the work stays bounded, and the summary says so.
    import argmap.analysis.query as query

    lines = [f"  - {{id: c{i}, text: C{i}, supports: [c{i + 1}]}}" for i in range(599)]
    G = build_graph(loads("title: t\nclaims:\n" + "\n".join(lines) + "\n  - {id: c599, text: E}\n"))
    samples = []
    real = nx.betweenness_centrality

    def counting(graph, k=None, seed=None):
        samples.append(k)
        return real(graph, k=k, seed=seed)

    monkeypatch.setattr(nx, "betweenness_centrality", counting)
    assert summary(G).centrality.endswith("sampled from 500 claims")
    monkeypatch.setattr(query, "CENTRALITY_BUDGET", 1199 * 40)  # 600 claims, 599 links
    assert summary(G).centrality.endswith("sampled from 40 claims")
    monkeypatch.setattr(query, "CENTRALITY_BUDGET", 1)
    assert summary(G).centrality.endswith("sampled from 10 claims")  # never fewer
    assert samples == [500, 40, 10]
    small = build_graph(read_map(HARBOUR))
    assert "sampled" not in summary(small).centrality  # exact on a small map


# --- property: why/impact agree with networkx on random graphs ---------------------------


@settings(max_examples=150, deadline=None)
@given(argument_maps(max_claims=12, max_links=30), st.data())
def test_why_and_impact_agree_with_networkx(m, data):
    G = build_graph(m)
    node = data.draw(st.sampled_from(sorted(G.nodes)))
    assert {r.id for r in rests_on(G, node)} == nx.ancestors(G, node)
    assert {r.id for r in bears_on(G, node)} == nx.descendants(G, node)
    for r in bears_on(G, node):
        assert r.distance == nx.shortest_path_length(G, node, r.id)
    # The effect is the set of signs over all walks of links (a walk may go round a cycle:
    # a claim that supports its own attacker undermines itself), checked layer by layer.
    sign_of = {"support": 1, "attack": -1}
    layer = {(node, 1)}
    signs: dict[str, set[int]] = {}
    for _ in range(2 * G.number_of_nodes() + 1):
        layer = {
            (v, s * sign_of[d["kind"]]) for u, s in layer for _, v, d in G.out_edges(u, data=True)
        }
        for v, s in layer:
            if v != node:
                signs.setdefault(v, set()).add(s)
    expected = {
        v: ("support" if s == {1} else "attack" if s == {-1} else "mixed") for v, s in signs.items()
    }
    assert {r.id: r.effect for r in bears_on(G, node)} == expected
    if nx.is_directed_acyclic_graph(G):  # then walks are simple chains: check against them
        for r in bears_on(G, node):
            nets = {ch.net for ch in chains(G, node, r.id, limit=10_000)}
            assert r.effect == (nets.pop() if len(nets) == 1 else "mixed")


def test_chains_in_a_dense_map_draw_only_as_many_paths_as_asked_and_shortest_first(monkeypatch):
    """A dense map has astronomically many chains; the search is bounded by mechanism: it
    draws paths from a shortest-first generator and stops at ``limit``, and it does not
    start at all when nothing leads to the target."""
    import random

    drawn: list[int] = []
    real = nx.shortest_simple_paths

    def counting(*args, **kwargs):
        drawn.append(0)
        for path in real(*args, **kwargs):
            drawn[-1] += 1
            yield path

    monkeypatch.setattr(nx, "shortest_simple_paths", counting)
    rng = random.Random(1)
    n = 80
    links = [
        {"source": f"c{j}", "target": f"c{i}", "kind": "attack"}
        for i in range(n)
        for j in range(i + 1, n - 1)
        if rng.random() < 0.5
    ]
    model = ArgMap.model_validate(
        {"title": "t", "claims": [{"id": f"c{i}", "text": "t"} for i in range(n)], "links": links}
    )
    G = build_graph(model)
    assert chains(G, "c30", f"c{n - 1}") == []  # nothing leads there ...
    assert drawn == []  # ... so no path was drawn
    found = chains(G, "c70", "c0", limit=100)
    assert len(found) == 100
    assert drawn == [100]  # as many as asked, never the whole set
    lengths = [len(ch.links) for ch in found]
    assert lengths == sorted(lengths) and lengths[0] == 1


def test_reach_ids_lists_what_bears_on_and_rests_on_list_in_the_same_order():
    """-f ids takes the quick walk (no effects); its answer is the full walk's ids."""
    import importlib.util

    from conftest import MAPS, ROOT

    from argmap.analysis.query import bears_on, reach_ids, rests_on
    from argmap.graph import build_graph
    from argmap.model import ArgMap
    from argmap.operations.loading import read_map

    spec = importlib.util.spec_from_file_location("bigmap", ROOT / "bench" / "bigmap.py")
    bigmap = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bigmap)
    graphs = [build_graph(read_map(path)) for path in MAPS]
    graphs.append(build_graph(ArgMap.model_validate(bigmap.build(800, 1600))))
    for G in graphs:
        for claim in list(G.nodes)[:300]:
            assert reach_ids(G, claim, forward=True) == [r.id for r in bears_on(G, claim)]
            assert reach_ids(G, claim, forward=False) == [r.id for r in rests_on(G, claim)]


def test_an_objection_whose_attack_is_undercut_counts_as_answered_as_eval_counts_it(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(
        "title: t\nclaims:\n  - {id: c, text: We should build it., kind: conclusion}\n"
        "  - {id: p, text: It pays for itself., supports: [c]}\n"
        "  - {id: o, text: It floods the valley., kind: objection, attacks: [c]}\n"
        "  - {id: u, text: The valley is dammed upstream., undercuts: [o.attack.c]}\n"
        "  - {id: o2, text: It is ugly., kind: objection, attacks: [c]}\n"
    )
    covered = json.loads(run("coverage", path, "-f", "json").stdout)
    assert covered["unanswered_objections"] == ["o2"]
    stats = json.loads(run("stats", path, "-f", "json").stdout)
    assert stats["unanswered_objections"] == ["o2"]
    assert "1: o2" in run("stats", path).stdout
