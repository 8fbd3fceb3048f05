from __future__ import annotations

import pytest
from conftest import CONGESTION, HARBOUR, MAPS, run

from argmap.formats.native import loads
from argmap.graph import build_graph
from argmap.operations.loading import read_map
from argmap.semantics.evaluate import evaluate
from argmap.semantics.explain import explain


def tree(text, claim, **kw):
    G = build_graph(loads("title: t\nclaims:\n" + text))
    return explain(G, evaluate(G, **kw), claim).lines()


def test_out_because_no_support_holds_says_which_and_why():
    lines = tree(
        "  - {id: c, text: C}\n  - {id: p, text: P, supports: [c]}\n"
        "  - {id: o, text: O, attacks: [p]}\n",
        "c",
    )
    assert lines == [
        "CLAIM c is OUT: none of its supports holds",
        "└── the support p -> c fails",
        "    └── premise p does not stand",
        "        └── CLAIM p is OUT: attacked by o, which is in",
        "            └── CLAIM o is IN: nothing attacks it and it needs no support",
    ]


def test_undercut_in_explanation():
    lines = tree(
        "  - {id: c, text: C}\n  - {id: p, text: P, supports: [c]}\n"
        "  - {id: u, text: U, undercuts: [p.support.c]}\n",
        "c",
    )
    assert lines[1] == "└── the support p -> c fails"
    assert lines[2] == (
        "    └── undercut by CLAIM u is IN: nothing attacks it and it needs no support"
    )


def test_undecided_cycle_ends():
    lines = tree(
        "  - {id: a, text: A, attacks: [b]}\n  - {id: b, text: B, attacks: [a]}\n"
        "  - {id: c, text: C}\nlinks:\n  - {source: a, target: c, kind: attack}\n",
        "c",
    )
    assert lines[0] == "CLAIM c is UNDEC: it depends on a cycle of attacks"
    assert len(lines) == 3  # a, then b; a again is not repeated


@pytest.mark.parametrize("path", [HARBOUR, CONGESTION, *MAPS], ids=lambda p: p.name)
def test_every_claim_can_be_explained_and_the_tree_ends_in_given_claims(path):
    # ...or, for rival claims that attack each other, in their cycle of attacks.
    G = build_graph(read_map(path))
    result = evaluate(G)
    for claim in G.nodes:
        reason = explain(G, result, claim)
        assert reason.label == result.labels[claim]
        leaves = []
        stack = [reason]
        while stack:
            node = stack.pop()
            stack.extend(node.children)
            if not node.children:
                leaves.append(node.text)
        assert all(
            "nothing attacks it and it needs no support" in leaf
            or "depends on a cycle of attacks" in leaf
            for leaf in leaves
        ), leaves


@pytest.mark.parametrize("relation", ["supports", "attacks"])
def test_a_chain_longer_than_an_explanation_goes_is_cut_and_says_where_to_go_on(tmp_path, relation):
    import json

    from argmap.semantics.explain import MAX_DEPTH

    lines = ["title: t", "claims:", "  - {id: c0, text: C, kind: conclusion}"]
    lines += [f"  - {{id: c{i}, text: T{i}, {relation}: [c{i - 1}]}}" for i in range(1, 1500)]
    path = tmp_path / "chain.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = run("eval", str(path), "--explain", "c0", "-f", "json")
    assert done.exit_code == 0, done.output
    deepest, todo, last = 0, [(json.loads(done.stdout)["explanation"], 1)], ""
    while todo:
        node, depth = todo.pop()
        if depth > deepest:
            deepest, last = depth, node["text"]
        todo += [(child, depth + 1) for child in node["children"]]
    assert deepest == MAX_DEPTH + 2 and f"explained {MAX_DEPTH} steps deep" in last
    on = last.rsplit(" ", 1)[1]
    assert on.startswith("c") and on != "c0"
    text = run("eval", str(path), "--explain", on)
    assert text.exit_code == 0 and f" {on} is " in text.stdout
