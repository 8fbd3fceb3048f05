"""DOT output is checked by the real Graphviz `dot`, not by string comparison alone."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET

import pytest
from conftest import CONGESTION, MAPS, SHIPPED, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.formats import dot, export
from argmap.formats.native import loads
from argmap.graph import build_graph
from argmap.model import ArgMap
from argmap.operations.loading import read_map

SVG = "{http://www.w3.org/2000/svg}"


def render_svg(dot_program, text):
    proc = subprocess.run(
        [dot_program, "-Tsvg"], input=text.encode(), capture_output=True, check=False
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stderr == b"", proc.stderr.decode()  # not even a warning
    return ET.fromstring(proc.stdout)


def svg_nodes(svg):
    return {g.get("id"): g for g in svg.iter(f"{SVG}g") if g.get("class") == "node"}


def svg_edges(svg):
    return {g.get("id"): g for g in svg.iter(f"{SVG}g") if g.get("class") == "edge"}


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_every_map_renders_with_real_dot(dot_program, path):
    doc = read_map(path)
    svg = render_svg(dot_program, export(doc, "dot"))
    nodes = svg_nodes(svg)
    claim_nodes = {k for k in nodes if k.startswith("claim-")}
    assert claim_nodes == {f"claim-{c.id}" for c in doc.model.claims}
    edge_ids = {k.removesuffix("-tail") for k in svg_edges(svg)}
    assert edge_ids == {f"link-{lk.id}" for lk in doc.model.all_links()}


def test_styles_tell_kinds_and_links_apart(dot_program):
    svg = render_svg(dot_program, export(read_map(CONGESTION), "dot"))
    edges = svg_edges(svg)

    def stroke(edge_id):
        return next(edges[edge_id].iter(f"{SVG}path")).get("stroke")

    assert stroke("link-precedent") == "#2e7d32"  # support: green
    assert stroke("link-hurts-poor.attack.adopt-charge") == "#c62828"  # attack: red
    undercut = next(edges["link-cities-differ.undercut.precedent"].iter(f"{SVG}path"))
    assert undercut.get("stroke-dasharray")  # undercut: dashed
    text = dot.dump(build_graph(read_map(CONGESTION)))
    # The undercut is aimed at a point on the supporting arrow, not at a claim.
    assert '"cities-differ" -> "link:precedent"' in text
    assert '"other-cities" -> "link:precedent"' in text
    assert '"link:precedent" -> "charge-cuts-traffic"' in text
    # Linked premises meet at one junction before the arrow into the conclusion.
    assert '"congestion-is-costly" -> "group:problem-and-remedy"' in text
    assert '"charge-cuts-traffic" -> "group:problem-and-remedy"' in text
    assert '"group:problem-and-remedy" -> "adopt-charge"' in text


def test_dot_is_deterministic():
    G1 = build_graph(read_map(CONGESTION))
    G2 = build_graph(read_map(CONGESTION))
    assert dot.dump(G1) == dot.dump(G2)


nasty = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("\"\\{}[]<>&;\n\r\t|'`$#%-\u00a0\u2028é中🙂\x00\x07\x1b")),
        st.characters(exclude_categories=("Cs",)),
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(nasty, min_size=1, max_size=4), nasty)
def test_any_text_gives_valid_dot(dot_program, texts, title):
    model = ArgMap.model_validate(
        {
            "title": title,
            "claims": [{"id": "c", "text": texts[0], "kind": "conclusion", "tags": ["t"]}]
            + [{"id": f"c{i}", "text": t, "supports": ["c"]} for i, t in enumerate(texts[1:])],
            "links": [{"id": "n", "source": "c", "target": "c0", "kind": "attack", "note": title}]
            if len(texts) > 1
            else [],
        }
    )
    svg = render_svg(dot_program, dot.dump(build_graph(model)))
    assert len([k for k in svg_nodes(svg) if k.startswith("claim-")]) == len(texts)
    # The words of the claim come through: every visible character lands in the SVG.
    shown = "".join(t.text or "" for t in svg.iter(f"{SVG}text"))
    for t in texts:
        for word in dot._clean(t).split():
            for piece in word:
                if piece != "\ufffd":
                    assert piece in shown


def test_quotes_and_backslashes_are_escaped():
    model = loads(
        "title: t\nclaims:\n  - id: c\n    kind: conclusion\n"
        '    text: "say \\"hi\\" \\\\ {x} <b>"\n'
    ).model
    text = dot.dump(build_graph(model))
    assert 'tooltip="say \\"hi\\" \\\\ {x} <b>"' in text
    assert "say &quot;hi&quot; \\\\ {x} &lt;b&gt;" in text  # doubled: Graphviz reads \\N


def test_backslash_escapes_in_text_are_shown_as_written(dot_program):
    model = ArgMap.model_validate(
        {"title": "t", "claims": [{"id": "c", "text": r"a \N b \E c \\ d", "kind": "conclusion"}]}
    )
    svg = render_svg(dot_program, dot.dump(build_graph(model)))
    shown = "".join(t.text or "" for t in svg.iter(f"{SVG}text"))
    assert r"a \N b \E c \\ d" in shown.replace("\xa0", " ")


def test_a_title_of_a_lone_bracket_gives_dot_that_dot_reads(dot_program):
    # Graphviz's lexer refuses an HTML label that is only "]" (hypothesis found it).
    G = build_graph(loads("title: ']'\nclaims:\n  - {id: c, text: ']', kind: conclusion}\n"))
    proc = subprocess.run([dot_program, "-Tsvg"], input=dot.dump(G).encode(), capture_output=True)
    assert proc.returncode == 0, proc.stderr


def test_the_picture_has_a_legend_and_a_junction_unlike_an_undercut_target(dot_program):
    G = build_graph(read_map(CONGESTION))
    text = dot.dump(G)
    assert '"legend" [shape=plaintext' in text and "<B>Legend</B>" in text
    for words in ("supports", "attacks", "undercuts: aims at the red ● on the arrow it attacks",
                  "linked premises meet: they support only together"):  # fmt: skip
        assert words in text
    junction = re.search(r'"group:[^"]+" \[([^\]]+)\]', text).group(1)
    target = re.search(r'"link:[^"]+" \[([^\]]+)\]', text).group(1)
    assert 'shape="circle"' in junction and 'label="&"' in junction
    assert 'shape="point"' in target and 'color="#c62828"' in target
    proc = subprocess.run([dot_program, "-Tsvg"], input=text.encode(), capture_output=True)
    assert proc.returncode == 0, proc.stderr


def test_eval_marks_read_without_colour_and_the_conclusions_stand_on_top(dot_program):
    import json

    from argmap.semantics.evaluate import verdicts

    G = build_graph(read_map(CONGESTION))
    marks = verdicts(G)
    text = dot.dump(G, verdicts=marks)
    for claim, (label, strength) in marks.items():
        node = re.search(rf'"{re.escape(claim)}" \[([^\n]+)\];', text).group(1)
        assert f"<B>{label.upper()} {strength:.2f}</B>" in node
    assert "UNDEC" in text or "OUT" in text  # the legend explains the labels
    assert dot.dump(G, verdicts=marks) == text  # deterministic
    # Conclusions are drawn above everything else.
    plain = subprocess.run(
        [dot_program, "-Tjson"], input=text.encode(), capture_output=True, check=True
    ).stdout
    objects = {o["name"]: o for o in json.loads(plain)["objects"] if "pos" in o}
    height = {n: float(o["pos"].split(",")[1]) for n, o in objects.items()}
    tops = [c.id for c in read_map(CONGESTION).model.claims if c.kind.value == "conclusion"]
    others = [n for n in height if n not in tops and not n.startswith(("legend", "stub"))]
    assert min(height[t] for t in tops) > max(height[o] for o in others if ":" not in o) - 1


def test_the_shipped_map_fits_an_a4_landscape_page_at_6_points(dot_program, tmp_path):
    # 44 claims and 62 links since the expert's third reading: 6.0 pt on A4 (6.2 pt at 59
    # links, 7.1 pt at 40 claims). A map this size does not print whole at 8 pt on A4: a
    # smaller part prints larger (export --focus ID --radius N).

    out = tmp_path / "map.svg"
    result = run(*["export", str(SHIPPED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    svg = out.read_text(encoding="utf-8")
    width, height = (
        float(v) for v in re.search(r'width="([0-9.]+)pt" height="([0-9.]+)pt"', svg).groups()
    )
    text_size = float(re.search(r'<text[^>]*font-size="([0-9.]+)"[^>]*>The ', svg).group(1))
    scale = min(842 / width, 595 / height, 1)  # A4 landscape, in points
    assert text_size * scale >= 5.95, (width, height, text_size * scale)
    assert "Legend" in svg


_ID = st.text(st.sampled_from("abcXYZ019_-.:' <&\"\\é"), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(
    ident=_ID,
    text=st.one_of(nasty, st.text(st.sampled_from("ab cd-'é\u00ad<>&"), max_size=80)),
    kind=st.sampled_from(["claim", "conclusion", "evidence", "objection", "question"]),
    tags=st.lists(st.text(st.sampled_from("ab-é<'"), min_size=1, max_size=6), max_size=3),
)
def test_the_quick_node_writer_writes_what_the_general_one_does(ident, text, kind, tags):
    """DOT writes most nodes through a quick path (no verdict, link or reconstruction
    mark); it must give the same text, byte for byte, as the general attribute writer."""
    from argmap.model import Claim, ClaimKind

    claim = Claim.model_construct(
        id=ident, text=text, kind=ClaimKind(kind), tags=tags, reconstructed=False
    )
    plain_id = dot._PLAIN.fullmatch(ident) is not None
    general = f"  {dot._q(ident)} [{dot._attrs(dot._node_attrs(claim, dot.WRAP, None))}];"
    assert dot._plain_node(claim, dot._q(ident), dot.WRAP, plain_id) == general


@settings(max_examples=200, deadline=None)
@given(
    ident=_ID,
    note=st.one_of(st.none(), nasty),
    kind=st.sampled_from(["support", "attack"]),
    from_top=st.booleans(),
)
def test_the_quick_arrow_writer_writes_what_the_general_one_does(ident, note, kind, from_top):
    from argmap.model import Link, LinkKind

    link = Link.model_construct(
        id=ident, source="a", target="b", kind=LinkKind(kind), note=note, weight=None
    )
    attrs = dot._edge_attrs(link, dot._SUPPORT if kind == "support" else dot._ATTACK)
    if from_top:
        attrs["constraint"] = "false"
    general = f'  "a" -> "b" [{dot._attrs(attrs)}];'
    assert dot._plain_arrow(link, '"a"', '"b"', from_top=from_top) == general


def test_wide_text_is_wrapped_by_its_width_and_broken_between_characters():
    # A Japanese character is drawn twice as wide as a Latin one: a box of Japanese text
    # wrapped by characters would be twice as wide as its neighbours, and text without
    # spaces would not wrap at all.
    from conftest import DATA

    from argmap.wording import cells

    text = dot.dump(build_graph(read_map(DATA / "wide-text.yaml")))
    label = re.search(r'"hope-and-prepare" \[.*?label=<(.*)>\];', text).group(1)
    body = label.split(dot._BR)[1:-2]  # the header and the tags left out
    assert len(body) > 1
    assert all(cells(line) <= dot.WRAP for line in body)
    assert "".join(body) == read_map(DATA / "wide-text.yaml").model.claims[0].text
    assert not any(line.startswith(("、", "。")) for line in body)
