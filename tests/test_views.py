"""Any part of a map: --where, --tag and --focus/--radius in show, export and eval; what a
view leaves out is said, and a view exported as a map is a valid map."""

from __future__ import annotations

import json

import pytest
from conftest import HARBOUR, run

from argmap.analysis.selection import select
from argmap.analysis.validate import validate
from argmap.formats.native import loads
from argmap.graph import build_graph


def test_show_and_claims_select_the_same_claims():
    shown = run("show", HARBOUR, "--where", "tag:freight", "-f", "ids")
    listed = run("claims", HARBOUR, "--where", "tag:freight", "-f", "ids")
    assert sorted(shown.stdout.split()) == sorted(listed.stdout.split())
    assert (
        shown.stderr
        == "argmap: view: 5 of 21 claims, 3 of 20 links (left out 16 claims and 17 links)\n"
    )
    by_tag = run("show", HARBOUR, "--tag", "freight", "-f", "ids")
    assert by_tag.stdout == shown.stdout


def test_a_focused_view_exports_as_a_valid_map_with_stubs(dot_program, tmp_path):
    focus = ["--focus", "night-clears-peak"]
    result = run("export", HARBOUR, *focus, "--radius", "1", "--to", "json")
    assert result.exit_code == 0, result.output
    assert "left out 16 claims and 16 links" in result.stderr
    doc = loads(result.stdout, "view.json")
    assert sorted(c.id for c in doc.model.claims) == sorted(
        ["open-at-night", "night-clears-peak", "other-ports", "same-cargo", "ports-differ"]
    )  # the undercut of a link in the view comes with it
    assert [d for d in validate(doc) if d.severity == "error"] == []
    dot = run("export", HARBOUR, *focus, "--to", "dot").stdout
    assert '"stub:open-at-night" [shape="plaintext"' in dot
    assert 'label="… 5 more links"' in dot
    svg = tmp_path / "view.svg"
    assert run("export", HARBOUR, *focus, "-o", svg).exit_code == 0
    assert "… 5 more links" in svg.read_text()


def test_eval_on_a_view_weighs_the_whole_map():
    whole = json.loads(run("eval", HARBOUR, "-f", "json").stdout)["labels"]
    part = json.loads(run("eval", HARBOUR, "--focus", "demand-grows", "-f", "json").stdout)
    assert part["labels"] == {c: whole[c] for c in part["view"]["claims"]}
    assert part["labels"]["demand-grows"] == "undec"  # as in the whole map
    assert part["labels"]["fund-cranes"] == "in"  # held up by open-at-night, out of the view


def test_show_marks_the_links_that_leave_the_view():
    out = run("show", HARBOUR, "--focus", "union-asks", "--radius", "0").stdout
    assert "EVIDENCE union-asks" in out
    assert "… 2 more links outside the view" in out


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"focus": "c", "radius": 0}, ["c"]),
        ({"focus": "c", "radius": 1}, ["c", "p", "o", "u"]),
        ({"focus": "q", "radius": 2}, ["c", "p", "q", "u"]),
        ({"tags": ["x"]}, ["p", "q"]),
        ({"where": "kind:objection or tag:y"}, ["o", "u"]),
        ({"focus": "c", "radius": 1, "tags": ["x"]}, ["p"]),
    ],
)
def test_selection(options, expected):
    doc = loads(
        "title: t\nclaims:\n  - {id: c, text: C, kind: conclusion}\n"
        "  - {id: p, text: P, tags: [x], supports: [c]}\n"
        "  - {id: q, text: Q, tags: [x], supports: [p]}\n"
        "  - {id: o, text: O, kind: objection, attacks: [c]}\n"
        "  - {id: u, text: U, tags: [y], undercuts: [p.support.c]}\n"
    )
    view = select(build_graph(doc), **options)
    assert view.claims == expected
    sub = view.submap(doc.model)
    kept = {lk.id for lk in sub.all_links()}
    assert all(lk.source in view.claims for lk in sub.all_links())
    assert ("u.undercut.p.support.c" in kept) == ({"u", "p", "c"} <= set(view.claims))
    build_graph(sub)  # a map of its own


def test_an_unknown_focus_is_a_usage_error():
    result = run("show", HARBOUR, "--focus", "fund-crane")
    assert result.exit_code == 2 and "did you mean 'fund-cranes'?" in result.stderr


def test_watch_and_serve_render_views_with_labels():
    from argmap.analysis.selection import Selection
    from argmap.operations.export import renderer
    from argmap.operations.loading import read_map

    text = renderer("dot", with_eval=True, selection=Selection(tags=("freight",)))(
        read_map(HARBOUR)
    )
    assert "<B>UNDEC 0." in text and "<B>IN 0." in text  # the rivals, and what stands
    assert '"open-at-night"' not in text  # outside the view
