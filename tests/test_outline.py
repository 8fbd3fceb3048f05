from __future__ import annotations

import io
import json

import pytest
from conftest import CONGESTION, HARBOUR, MAPS, run

from argmap.analysis.outline import outline, tree_ids
from argmap.formats.native import loads
from argmap.graph import build_graph
from argmap.operations.loading import read_map
from argmap.views.tree import outline_view

MAP = """
title: t
claims:
  - {id: c, text: C, kind: conclusion}
  - {id: p, text: P, supports: [c]}
  - {id: e, text: E, kind: evidence, supports: [p]}
  - {id: u, text: U, undercuts: [e.support.p]}
  - {id: o, text: O, kind: objection, attacks: [c]}
  - {id: r, text: R, attacks: [o]}
  - {id: a, text: A}
  - {id: b, text: B}
  - {id: lone, text: Lone}
links:
  - {source: a, target: c, group: g}
  - {source: b, target: c, group: g}
"""


def shape(node):
    label = node.id if node.id is not None else f"group:{node.group}"
    mark = "*" if node.ref else ""
    return (node.link, label + mark, [shape(c) for c in node.children])


def test_outline_shape_supports_first_undercut_under_its_support_groups_together():
    G = build_graph(loads(MAP))
    trees = outline(G)
    assert [t.id for t in trees] == ["c", "lone"]
    assert trees[1].loose and not trees[0].loose
    assert shape(trees[0]) == (
        None,
        "c",
        [
            ("support", "p", [("support", "e", [("undercut", "u", [])])]),
            ("support", "group:g", [("support", "a", []), ("support", "b", [])]),
            ("attack", "o", [("attack", "r", [])]),
        ],
    )


def test_a_claim_reached_twice_is_drawn_once_then_referenced():
    G = build_graph(
        loads(
            "title: t\nclaims:\n  - {id: c, text: C, kind: conclusion}\n"
            "  - {id: d, text: D, kind: conclusion}\n"
            "  - {id: s, text: S, supports: [c, d]}\n"
        )
    )
    assert [shape(t) for t in outline(G)] == [
        (None, "c", [("support", "s", [])]),
        (None, "d", [("support", "s*", [])]),
    ]


def test_cycles_terminate():
    G = build_graph(
        loads(
            "title: t\nclaims:\n  - {id: a, text: A, attacks: [b]}\n"
            "  - {id: b, text: B, attacks: [a]}\n"
        )
    )
    trees = outline(G)
    assert [shape(t) for t in trees] == [(None, "a", [("attack", "b", [("attack", "a*", [])])])]


def test_depth_cuts_and_counts_what_is_hidden():
    G = build_graph(loads(MAP))
    (root,) = outline(G, ["c"], depth=1)
    assert [(n.id, n.hidden) for n in root.children] == [("p", 2), (None, 0), ("o", 1)]
    assert all(not n.children for n in root.children if n.id)
    (bare,) = outline(G, ["c"], depth=0)
    assert bare.children == [] and bare.hidden == 4


def test_tree_ids_lists_each_claim_once_in_reading_order():
    G = build_graph(loads(MAP))
    assert tree_ids(outline(G)) == ["c", "p", "e", "u", "a", "b", "o", "r", "lone"]


@pytest.mark.parametrize("path", [HARBOUR, CONGESTION, *MAPS], ids=lambda p: p.name)
def test_every_claim_of_a_map_appears_in_its_outline(path):
    G = build_graph(read_map(path))
    assert sorted(tree_ids(outline(G))) == sorted(G.nodes)


def test_view_reads_without_colour(tmp_path):
    from rich.console import Console

    G = build_graph(loads(MAP))
    console = Console(width=100, no_color=True, record=True, file=io.StringIO())
    console.print(outline_view(G, outline(G)))
    text = console.export_text()
    assert "■ CONCLUSION c  C" in text
    assert "+ CLAIM p  P" in text
    assert "⊘ CLAIM u  U" in text
    assert "− OBJECTION o  O" in text
    assert "+ together  (linked premises, group g)" in text
    assert "Not connected to a conclusion" in text


def test_markup_in_claim_text_is_printed_literally(tmp_path):
    from rich.console import Console

    G = build_graph(
        loads(
            "title: '[red]t[/red]'\nclaims:\n"
            "  - {id: c, text: '[bold]x[/bold] and [link=http://e]y', kind: conclusion}\n"
        )
    )
    console = Console(width=100, record=True, file=io.StringIO())
    console.print(outline_view(G, outline(G)))
    text = console.export_text()
    assert "[bold]x[/bold] and [link=http://e]y" in text
    assert "[red]t[/red]" in text


def test_a_chain_deeper_than_the_stack_is_drawn_cut_and_says_so(tmp_path):

    from argmap.analysis.outline import MAX_DEPTH

    lines = ["title: t", "claims:", "  - {id: c0, text: C, kind: conclusion}"]
    lines += [f"  - {{id: c{i}, text: T{i}, supports: [c{i - 1}]}}" for i in range(1, 5000)]
    path = tmp_path / "chain.yaml"
    path.write_text("\n".join(lines) + "\n")
    for fmt in ("text", "json", "ids"):
        result = run(*["show", str(path), "-f", fmt])
        assert result.exit_code == 0, result.output
        assert f"the tree is drawn {MAX_DEPTH} levels deep" in result.stderr
    ids = run(*["show", str(path), "-f", "ids"]).stdout.split()
    assert ids[:3] == ["c0", "c1", "c2"] and len(ids) == MAX_DEPTH + 1
    assert run(*["show", str(path), "c4000", "-f", "ids"]).stdout.split()[0] == "c4000"


def test_a_tree_as_deep_as_it_is_drawn_through_linked_groups_prints_as_json(tmp_path):
    from argmap.analysis.outline import MAX_DEPTH

    # Each claim supported by a linked pair, one of which goes on: a group a level, so
    # the tree is twice as deep in nodes as in claims.
    lines = ["title: t", "claims:", "  - {id: c0, text: C, kind: conclusion}"]
    links = ["links:"]
    for i in range(1, 400):
        lines += [f"  - {{id: c{i}, text: T{i}}}", f"  - {{id: p{i}, text: P{i}}}"]
        links += [f"  - {{source: c{i}, target: c{i - 1}, group: g{i}}}",
                  f"  - {{source: p{i}, target: c{i - 1}, group: g{i}}}"]  # fmt: skip
    path = tmp_path / "groups.yaml"
    path.write_text("\n".join(lines + links) + "\n")
    result = run("show", str(path), "-f", "json")
    assert result.exit_code == 0, result.output
    deepest, todo = 0, [(json.loads(result.stdout)[0], 1)]
    while todo:
        node, depth = todo.pop()
        deepest = max(deepest, depth)
        todo += [(child, depth + 1) for child in node["children"]]
    assert deepest > 2 * MAX_DEPTH  # a group and a claim a level
