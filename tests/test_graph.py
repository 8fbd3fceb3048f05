from __future__ import annotations

import pytest
from conftest import HARBOUR
from hypothesis import event, given, settings
from hypothesis import strategies as st
from strategies import argument_maps

from argmap.errors import MapError, UsageError
from argmap.formats.native import loads
from argmap.graph import (
    add_claim_nodes,
    build_graph,
    claims,
    conclusions,
    incoming,
    integrity_problems,
    link_counts,
    links,
    reaching,
    require_claim,
    tops,
)
from argmap.operations.loading import read_map

MAP = """
title: t
claims:
  - {id: c, text: C, kind: conclusion}
  - {id: p, text: P, supports: [c]}
  - {id: q, text: Q}
  - {id: o, text: O, kind: objection, attacks: [c]}
  - {id: u, text: U, undercuts: [p.support.c]}
  - {id: x, text: X}
links:
  - {source: q, target: c, group: g}
  - {source: x, target: c, group: g}
"""


def test_nodes_and_edges_carry_claims_and_links():
    G = build_graph(loads(MAP))
    assert list(G.nodes) == ["c", "p", "q", "o", "u", "x"]
    assert G.nodes["p"]["claim"].text == "P"
    assert sorted((u, v, k, d["kind"]) for u, v, k, d in G.edges(keys=True, data=True)) == [
        ("o", "c", "o.attack.c", "attack"),
        ("p", "c", "p.support.c", "support"),
        ("q", "c", "q.support.c", "support"),
        ("u", "c", "u.undercut.p.support.c", "undercut"),
        ("x", "c", "x.support.c", "support"),
    ]
    assert G.edges["u", "c", "u.undercut.p.support.c"]["undercuts"] == "p.support.c"
    assert G.graph["links"]["p.support.c"] == ("p", "c", "p.support.c")


def test_accessors_keep_document_order():
    G = build_graph(loads(MAP))
    assert [c.id for c in claims(G)] == ["c", "p", "q", "o", "u", "x"]
    assert [lk.id for lk in links(G, "support")] == ["p.support.c", "q.support.c", "x.support.c"]
    assert [u for u, _ in incoming(G, "c")] == ["p", "o", "u", "q", "x"]
    assert link_counts(G) == {"support": 3, "attack": 1, "undercut": 1}


def test_conclusions_fall_back_to_claims_that_bear_on_nothing():
    assert conclusions(build_graph(loads(MAP))) == ["c"]
    G = build_graph(
        loads(
            "title: t\nclaims:\n  - {id: a, text: A, supports: [b]}\n"
            "  - {id: b, text: B}\n  - {id: z, text: Z}\n"
        )
    )
    assert conclusions(G) == ["b", "z"]


def test_tops_add_open_questions_after_conclusions():
    G = build_graph(
        loads(
            "title: t\nclaims:\n  - {id: q, text: Q?, kind: question}\n"
            "  - {id: c, text: C, kind: conclusion}\n"
            "  - {id: a, text: A, supports: [q]}\n"
        )
    )
    assert tops(G) == ["c", "q"]
    assert reaching(G, tops(G)) == {"c", "q", "a"}


def test_a_claim_may_both_support_and_attack_without_losing_a_link():
    G = build_graph(
        loads(
            "title: t\nclaims:\n  - {id: a, text: A, supports: [b], attacks: [b]}\n"
            "  - {id: b, text: B}\n"
        )
    )
    assert G.number_of_edges("a", "b") == 2


@pytest.mark.parametrize(
    ("claims_yaml", "code"),
    [
        ("  - {id: a, text: A, supports: [zz]}\n", "dangling_ref"),
        ("  - {id: a, text: A}\n  - {id: a, text: B}\n", "duplicate_id"),
        ("  - {id: a, text: A, supports: [a]}\n", "self_link"),
        ("  - {id: a, text: A, undercuts: [b]}\n  - {id: b, text: B}\n", "undercut_target"),
        ("  - {id: a, text: A, source: nowhere}\n", "dangling_ref"),
    ],
)
def test_broken_references_stop_the_graph(claims_yaml, code):
    doc = loads("title: t\nclaims:\n" + claims_yaml, "m.yaml")
    with pytest.raises(MapError) as info:
        build_graph(doc)
    assert [d.code for d in info.value.diagnostics] == [code]
    assert info.value.diagnostics[0].location.line >= 3


def test_group_with_two_targets_is_an_error():
    doc = loads(
        "title: t\nclaims:\n  - {id: a, text: A}\n  - {id: b, text: B}\n"
        "  - {id: c, text: C}\nlinks:\n  - {source: a, target: b, group: g}\n"
        "  - {source: c, target: a, group: g}\n"
    )
    codes = [d.code for d in integrity_problems(doc)]
    assert codes == ["bad_group"]


def test_require_claim_suggests_close_ids():
    G = build_graph(read_map(HARBOUR))
    assert require_claim(G, "fund-cranes") == "fund-cranes"
    with pytest.raises(UsageError) as info:
        require_claim(G, "fund-crane")
    assert "did you mean 'fund-cranes'" in info.value.hint


def test_graph_counts():
    doc = read_map(HARBOUR)
    G = build_graph(doc)
    assert G.number_of_nodes() == len(doc.model.claims) == 21
    assert G.number_of_edges() == len(doc.model.all_links()) == 20
    assert set(link_counts(G)) == {"support", "attack", "undercut"}


@settings(max_examples=60, deadline=None)
@given(argument_maps(min_claims=2, max_claims=12, max_links=40, parallel=True))
def test_build_graph_writes_what_networkx_would(model):
    """build_graph writes edges straight into networkx's adjacency: the graph is the one
    networkx's own add_edges_from makes, key dicts shared between succ and pred."""
    import networkx as nx

    got = build_graph(model)
    expected = nx.MultiDiGraph(**got.graph)
    expected.add_nodes_from(got.nodes(data=True))
    expected.add_edges_from(
        (lk.source, lk.target, lk.id, {"kind": lk.kind, "link": lk, "index": j})
        for j, lk in enumerate(got.graph["map"].links)
    )
    assert nx.utils.graphs_equal(got, expected)
    assert sorted(got.in_edges(keys=True, data=True), key=str) == sorted(
        expected.in_edges(keys=True, data=True), key=str
    )
    assert dict(got.in_degree()) == dict(expected.in_degree())
    for u, v in got.edges():
        assert got._pred[v][u] is got._succ[u][v]  # one shared key dict, as networkx keeps it


def test_add_claim_nodes_builds_what_networkx_builds():
    import networkx as nx

    doc = loads(MAP)
    expected = nx.MultiDiGraph()
    expected.add_nodes_from(
        (c.id, {"claim": c, "index": i}) for i, c in enumerate(doc.model.claims)
    )
    got = nx.MultiDiGraph()
    add_claim_nodes(got, doc.model.claims)
    assert nx.utils.graphs_equal(got, expected)
    assert list(got.nodes(data=True)) == list(expected.nodes(data=True))
    got.add_edge("c", "p")  # the adjacency dicts are in place
    assert list(got.predecessors("p")) == ["c"]


def test_undercuts_may_chain_but_not_go_round():
    chain = loads(
        "title: t\nclaims:\n  - {id: a, text: A, supports: [b]}\n  - {id: b, text: B}\n"
        "  - {id: u, text: U, undercuts: [a.support.b]}\n"
        "  - {id: w, text: W, undercuts: [u.undercut.a.support.b]}\n"
    )
    G = build_graph(chain)
    assert G.graph["links"]["w.undercut.u.undercut.a.support.b"][1] == "b"  # lands on b
    circle = loads(
        "title: t\nclaims:\n  - {id: u, text: U}\n  - {id: w, text: W}\nlinks:\n"
        "  - {id: x, source: u, target: y, kind: undercut}\n"
        "  - {id: y, source: w, target: x, kind: undercut}\n"
    )
    with pytest.raises(MapError) as info:
        build_graph(circle)
    assert [d.code for d in info.value.diagnostics] == ["undercut_target", "undercut_target"]


_DAMAGE = st.sampled_from([
    "dangling_target", "dangling_source", "self_link", "duplicate_claim", "duplicate_link",
    "duplicate_source", "unknown_source", "undercut_claim", "undercut_unknown", "undercut_own",
    "attack_in_group", "group_two_targets", "none",
])  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    model=argument_maps(max_claims=6, max_links=10, grouped=True, max_undercuts=3),
    damages=st.lists(st.tuples(_DAMAGE, st.integers(0, 50)), max_size=3),
)
def test_the_quick_check_in_build_graph_agrees_with_the_located_problems(model, damages):
    """build_graph checks a map's references in the pass that builds its graph, and only
    when that check fails looks for each problem and its place (integrity_problems): the
    quick check must refuse exactly the maps that have an error, or a broken map would get
    a graph. Random maps, damaged in every way a reference can break."""
    from argmap.graph import _build
    from argmap.model import ArgMap
    from argmap.model.document import Document

    data = model.model_dump(mode="json", exclude_none=True)
    data["sources"] = [{"id": "s", "title": "S"}]
    claims, links = data["claims"], data.setdefault("links", [])
    for how, k in damages:
        c = claims[k % len(claims)]["id"]
        other = claims[(k + 1) % len(claims)]["id"]
        if how == "dangling_target":
            links.append({"source": c, "target": "nowhere", "kind": "support"})
        elif how == "dangling_source":
            links.append({"source": "nobody", "target": c, "kind": "attack"})
        elif how == "self_link":
            links.append({"source": c, "target": c, "kind": "support"})
        elif how == "duplicate_claim":
            claims.append({"id": c, "text": "again"})
        elif how == "duplicate_link" and links:
            links.append(dict(links[k % len(links)]))
        elif how == "duplicate_source":
            data["sources"].append({"id": "s", "title": "S"})
        elif how == "unknown_source":
            claims[k % len(claims)]["source"] = "nosuch"
        elif how == "undercut_claim":
            links.append({"source": c, "target": other, "kind": "undercut"})
        elif how == "undercut_unknown":
            links.append({"source": c, "target": "no.such.link", "kind": "undercut"})
        elif how == "undercut_own" and links:
            aim = links[k % len(links)]
            if "id" in aim and aim["kind"] != "undercut":
                links.append({"source": aim["source"], "target": aim["id"], "kind": "undercut"})
        elif how == "attack_in_group":
            links.append({"source": c, "target": other, "kind": "attack", "group": "g"})
        elif how == "group_two_targets" and c != other:
            links.append({"source": c, "target": other, "kind": "support", "group": "g"})
            links.append({"source": other, "target": c, "kind": "support", "group": "g"})
    damaged = ArgMap.model_validate(data)
    quick = _build(damaged, checked=True)
    errors = [d for d in integrity_problems(Document(damaged)) if d.severity == "error"]
    event("refused" if errors else "sound")
    assert (quick is None) == bool(errors), [d.message for d in errors]
