"""AIF, GraphML and Mermaid: round trips, corpus imports, escaping, and loss warnings."""

from __future__ import annotations

import json
import subprocess
from collections import Counter

import pytest
from conftest import CONGESTION, HARBOUR, MAPS, ROOT, inference_keys, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import argument_maps

from argmap.analysis.validate import validate
from argmap.errors import MapError
from argmap.formats import (
    aif,
    argdown,
    graphml,
    import_map,
    mermaid,
    microtexts,
    sadface,
)
from argmap.formats.dot import dump as dump_dot
from argmap.formats.xmltext import xml_safe
from argmap.graph import build_graph
from argmap.model import ArgMap
from argmap.model.document import Document
from argmap.operations.loading import read_map

AIF_FILES = sorted((ROOT.parent / "shared" / "corpora").glob("aif-*/*.json"))


def link_ends(model: ArgMap) -> Counter:
    """Every link as (source, kind, target), an undercut's target as the ends it attacks."""
    links = model.all_links()
    by_id = {lk.id: lk for lk in links}
    out = Counter()
    for lk in links:
        target = lk.target
        if lk.kind == "undercut":
            t = by_id[lk.target]
            target = (t.source, t.target)
        out[(lk.source, lk.kind.value, target)] += 1
    return out


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_aif_round_trip_keeps_every_claim_text_and_link(path):
    model = read_map(path).model
    again = aif.parse(aif.dump(model))
    assert [(c.id, c.text) for c in again.claims] == [(c.id, c.text) for c in model.claims]
    assert link_ends(again) == link_ends(model)


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_graphml_round_trip_gives_the_same_map(path):
    model = read_map(path).model
    again = graphml.parse(graphml.dump(model))
    assert again == model.canonical()


maps = argument_maps()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps)
def test_random_maps_round_trip_through_aif_and_graphml(model):
    texts = [c.text for c in model.claims]
    via_aif = aif.parse(aif.dump(model))
    assert [c.text for c in via_aif.claims] == texts
    assert link_ends(via_aif) == link_ends(model)
    assert graphml.parse(graphml.dump(model)) == model.canonical()


@pytest.mark.slow
@settings(max_examples=1, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(maps, min_size=30, max_size=30))
def test_aif_is_read_back_by_arguebuf(arguebuf_reader, tmp_path_factory, cases):
    # arguebuf, the peer library, loads every AIF file argmap writes and finds the claims'
    # texts and every support, attack and undercut with the same ends.
    out = tmp_path_factory.mktemp("aif")
    models = [read_map(p).model for p in MAPS] + [CHAIN]
    models += cases
    files = []
    for i, model in enumerate(models):
        path = out / f"m{i}.json"
        path.write_text(aif.dump(model), encoding="utf-8")
        files.append(path)
    proc = subprocess.run(
        [*arguebuf_reader, *map(str, files)], capture_output=True, text=True, check=False,
        timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    seen = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(seen) == len(models)
    for model, found in zip(models, seen, strict=True):
        assert found["atoms"] == {c.id: c.text for c in model.claims}, found["file"]
        assert peer_inference_keys(found) == inference_keys(model), found["file"]


def peer_inference_keys(found: dict) -> Counter:
    """The keys of :func:`inference_keys` for the schemes arguebuf found."""
    schemes = {s["id"]: s for s in found["schemes"]}

    def key(s):
        premises = tuple(p for p in s["premises"] if p in found["atoms"])
        (aim,) = s["conclusions"]
        return (s["type"], premises, key(schemes[aim]) if aim in schemes else aim)

    return Counter(key(s) for s in schemes.values())


def claim_texts(model: ArgMap) -> list[tuple[str, str]]:
    return [(c.id, " ".join(c.text.split())) for c in model.claims]


@pytest.mark.parametrize("fmt", [sadface, microtexts], ids=["sadface", "microtexts"])
def test_sadface_and_microtexts_round_trips_keep_claims_and_every_inference(fmt):
    for model in [*(read_map(p).model for p in MAPS), CHAIN]:
        again = fmt.parse(fmt.dump(model))
        assert claim_texts(again) == claim_texts(model)
        assert inference_keys(again) == inference_keys(model)
    objections = [c.id for c in read_map(CONGESTION).model.claims if c.kind == "objection"]
    again = microtexts.parse(microtexts.dump(read_map(CONGESTION).model))
    assert [c.id for c in again.claims if c.kind == "objection"] == objections


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps(max_undercuts=3, title='t <&> "x"'))
def test_random_maps_round_trip_through_sadface_and_microtexts(model):
    for fmt in (sadface, microtexts):
        again = fmt.parse(fmt.dump(model))
        # A microtext unit's text is read with its spacing normalised; a unit with no
        # words left is named by its id.
        expected = [(i, (" ".join(xml_safe(t).split()) or i) if fmt is microtexts else t)
                    for i, t in claim_texts(model)]  # fmt: skip
        assert claim_texts(again) == expected
        assert inference_keys(again) == inference_keys(model)
    assert sadface.parse(sadface.dump(model)).title == model.title


ARGGRAPH_DTD = ROOT.parent / "shared/corpora/arg-microtexts/part1/corpus/arggraph.dtd"


@pytest.mark.skipif(not ARGGRAPH_DTD.exists(), reason="../shared/corpora/arg-microtexts is absent")
def test_microtexts_exports_are_valid_against_the_corpus_dtd(arguebuf_reader, tmp_path):
    awkward = ArgMap.model_validate(
        {
            "title": "1 title: with spaces & <marks>",
            "claims": [
                {"id": "e1", "text": "an id that an EDU would take", "kind": "conclusion"},
                {"id": "1st", "text": "an id that is not an XML name", "supports": ["e1"]},
                {"id": "s1", "text": "another", "attacks": ["e1"], "undercuts": ["1st.support.e1"]},
            ],
        }
    )  # fmt: skip
    files = []
    for i, model in enumerate([*(read_map(p).model for p in MAPS), CHAIN, awkward]):
        path = tmp_path / f"m{i}.xml"
        path.write_text(microtexts.dump(model), encoding="utf-8")
        files.append(str(path))
        if model is not awkward:
            assert inference_keys(microtexts.parse(microtexts.dump(model))) == inference_keys(model)
    # Ids that are not XML names get a prefix; nothing else changes.
    again = microtexts.parse(microtexts.dump(awkward))
    assert [c.id for c in again.claims] == ["e1", "a_1st", "s1"]
    assert again.title == "m_1_title_with_spaces_marks"
    assert sorted((lk.source, lk.kind.value) for lk in again.links) == [
        ("a_1st", "support"), ("s1", "attack"), ("s1", "undercut"),
    ]  # fmt: skip
    python = arguebuf_reader[0]
    check = ROOT / "bench" / "peers" / "arguebuf" / "dtd_check.py"
    proc = subprocess.run(
        [python, str(check), str(ARGGRAPH_DTD), *files], capture_output=True, text=True,
        check=False, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr


def expected_counts(data: dict) -> tuple[int, int, int]:
    """Claims, supports and attacks an AIF file should give, counted from its own nodes."""
    kind = {str(n["nodeID"]): str(n.get("type", "")).upper() for n in data["nodes"]}
    into, out = {}, {}
    for e in data.get("edges") or []:
        out.setdefault(str(e["fromID"]), []).append(str(e["toID"]))
        into.setdefault(str(e["toID"]), []).append(str(e["fromID"]))
    claims = sum(k == "I" for k in kind.values())
    supports = attacks = 0
    for node, k in kind.items():
        i_in = [p for p in into.get(node, []) if kind.get(p) == "I"]
        if k == "RA":
            i_out = [t for t in out.get(node, []) if kind.get(t) == "I"]
            supports += len(i_in) * len(i_out)
        if k == "CA":
            attacks += len(i_in) * sum(kind.get(t) in ("I", "RA", "CA") for t in out.get(node, []))
    return claims, supports, attacks


@pytest.mark.skipif(not AIF_FILES, reason="../shared/corpora/aif-* is absent")
def test_every_aif_corpus_file_imports_validates_and_counts_match():
    for path in AIF_FILES:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
        data = data.get("AIF", data)
        model = import_map(text, str(path), "aif")
        claims, supports, attacks = expected_counts(data)
        kinds = Counter(lk.kind.value for lk in model.all_links())
        assert len(model.claims) == claims, path
        assert kinds["support"] == supports, path
        assert kinds["attack"] + kinds["undercut"] == attacks, path
        errors = [d for d in validate(Document(model, str(path))) if d.severity == "error"]
        assert errors == [], (path, errors[:1])


def test_aif_dialogue_layer_is_dropped_and_counted():
    text = json.dumps(
        {
            "nodes": [
                {"nodeID": "1", "type": "I", "text": "C"},
                {"nodeID": "2", "type": "I", "text": "P"},
                {"nodeID": "3", "type": "RA"},
                {"nodeID": "4", "type": "L", "text": "Bob: P"},
                {"nodeID": "5", "type": "YA"},
                {"nodeID": "6", "type": "CA"},
                {"nodeID": "7", "type": "I", "text": "U"},
            ],
            "edges": [
                {"fromID": "2", "toID": "3"},
                {"fromID": "3", "toID": "1"},
                {"fromID": "4", "toID": "5"},
                {"fromID": "5", "toID": "2"},
                {"fromID": "7", "toID": "6"},
                {"fromID": "6", "toID": "3"},
            ],
        }
    )
    model = aif.parse(text)
    assert [(lk.source, lk.kind.value, lk.target) for lk in model.links] == [
        ("2", "support", "1"),
        ("7", "undercut", "RA3"),
    ]
    assert "1 L node" in model.description and "1 YA node" in model.description


def test_aif_errors_are_map_errors():
    with pytest.raises(MapError, match="invalid JSON"):
        aif.parse("{nodes")
    with pytest.raises(MapError, match="not AIF"):
        aif.parse('{"title": "x"}')


def test_mermaid_escapes_and_draws_every_link_kind():
    text = mermaid.dump(read_map(CONGESTION).model)
    lines = text.splitlines()
    assert lines[0] == "flowchart BT"
    assert sum(" --> " in line or "-->|" in line for line in lines) == 7
    assert sum(" --x " in line for line in lines) == 4
    assert sum("-.->|undercuts" in line for line in lines) == 1
    assert all(
        '"' not in line.split('"', 1)[1].rsplit('"', 1)[0]
        for line in lines
        if line.strip().startswith("n") and '["' in line
    )
    red = [line for line in lines if line.strip().startswith("linkStyle")]
    assert len(red) == 5
    hostile = ArgMap.model_validate(
        {"title": "t", "claims": [{"id": "end", "text": 'a "b" <c> & d\nnext'}]}
    )
    out = mermaid.dump(hostile)
    assert 'n0["CLAIM end<br/>a #quot;b#quot; #lt;c#gt; #amp; d next"]' in out


@pytest.mark.slow
@settings(max_examples=1, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(maps, min_size=40, max_size=40))
def test_mermaid_is_read_by_mermaids_own_parser(mermaid_parser, tmp_path_factory, cases):
    # The shipped maps, a chain of undercuts, hostile text, and 40 random maps, checked by
    # the parser GitHub's Markdown diagrams use, in one run.
    out = tmp_path_factory.mktemp("mermaid")
    hostile = ArgMap.model_validate(
        {
            "title": "t",
            "claims": [
                {"id": "end", "text": 'a "b" <c> & d\nnext; `e` [f] {g} (h) |i| #j %k --> l'},
                {"id": "graph", "text": "click subgraph style classDef linkStyle",
                 "kind": "question", "supports": ["end"]},
                {"id": "ctl", "text": "bell\x07 esc\x1b[31m del\x7f c1\x9b end",
                 "attacks": ["end"]},
                {"id": "x-1", "text": "\u00e9\u4e2d\U0001f600 \\ / ' ~", "attacks": ["end"],
                 "undercuts": ["graph.support.end"]},
            ],
        }
    )  # fmt: skip
    models = [read_map(p).model for p in MAPS] + [CHAIN, hostile]
    models += cases
    files = []
    for i, model in enumerate(models):
        path = out / f"m{i}.mmd"
        path.write_text(mermaid.dump(model), encoding="utf-8")
        files.append(str(path))
    proc = subprocess.run(
        [*mermaid_parser, *files], capture_output=True, text=True, check=False, timeout=300
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count("\nok ") + proc.stdout.startswith("ok ") == len(files)


def test_export_warns_about_what_a_format_cannot_carry(tmp_path):
    result = run(*["export", str(CONGESTION), "--to", "mermaid"])
    assert result.exit_code == 0
    assert result.stderr.startswith("argmap: warning: mermaid does not carry tags, quotes,")
    plain = tmp_path / "p.yaml"
    plain.write_text("title: t\nclaims:\n  - {id: c, text: C, kind: conclusion}\n")
    assert run(*["export", str(plain), "--to", "mermaid"]).stderr == ""
    assert run(*["export", str(HARBOUR), "--to", "graphml"]).stderr == ""


def test_import_command_guesses_and_writes(tmp_path):
    source = tmp_path / "x.json"
    source.write_text(aif.dump(read_map(CONGESTION).model))
    out = tmp_path / "x.yaml"
    result = run(*["import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert read_map(out).model.claims[0].text == read_map(CONGESTION).model.claims[0].text
    unknown = tmp_path / "y.txt"
    unknown.write_text("hello")
    result = run(*["import", str(unknown)])
    assert result.exit_code == 2
    assert "cannot tell its format" in result.stderr
    bad = run(*["import", str(unknown), "--from", "aif"])
    assert bad.exit_code == 1 and "invalid JSON" in bad.stderr


def test_graphml_replaces_what_xml_cannot_hold():
    model = ArgMap.model_validate({"title": "t\x07", "claims": [{"id": "c", "text": "a\x1fb"}]})
    again = graphml.parse(graphml.dump(model))
    assert again.claims[0].text == "a\ufffdb"
    assert again.title == "t\ufffd"


MICROTEXTS = sorted(
    (ROOT.parent / "shared" / "corpora" / "arg-microtexts").glob("*/corpus/**/*.xml")
)


@pytest.mark.skipif(not MICROTEXTS, reason="../shared/corpora/arg-microtexts is absent")
def test_every_microtext_imports_with_the_counts_of_its_source():
    import xml.etree.ElementTree as ET

    from argmap.formats import microtexts

    for path in MICROTEXTS:
        root = ET.parse(path).getroot()
        adus = len(root.findall("adu"))
        relations = [e for e in root.findall("edge") if e.get("type") != "seg"]
        model = microtexts.parse(path.read_text(encoding="utf-8"), str(path))
        assert len(model.claims) == adus, path
        assert len(model.all_links()) == len(relations), path
        assert sum(c.kind.value == "conclusion" for c in model.claims) == 1, path
        errors = [d for d in validate(Document(model, str(path))) if d.severity == "error"]
        assert errors == [], (path, errors[:1])


def test_microtext_relations():
    from argmap.formats import microtexts

    xml = (
        '<arggraph id="m" topic_id="waste_separation">'
        '<edu id="e1">Claim.</edu><edu id="e2">Reason</edu><edu id="e3">one.</edu>'
        '<edu id="e4">Objection.</edu><edu id="e5">But no.</edu><edu id="e6">Also.</edu>'
        '<adu id="a1" type="pro"/><adu id="a2" type="pro"/><adu id="a3" type="opp"/>'
        '<adu id="a4" type="pro"/><adu id="a5" type="pro"/>'
        '<edge id="s1" src="e1" trg="a1" type="seg"/><edge id="s2" src="e2" trg="a2" type="seg"/>'
        '<edge id="s3" src="e3" trg="a2" type="seg"/><edge id="s4" src="e4" trg="a3" type="seg"/>'
        '<edge id="s5" src="e5" trg="a4" type="seg"/><edge id="s6" src="e6" trg="a5" type="seg"/>'
        '<edge id="c1" src="a2" trg="a1" type="sup"/><edge id="c2" src="a3" trg="a1" type="reb"/>'
        '<edge id="c3" src="a4" trg="c2" type="und"/><edge id="c4" src="a5" trg="c1" type="add"/>'
        "</arggraph>"
    )
    m = microtexts.parse(xml)
    assert [(c.id, c.kind.value, c.text) for c in m.claims] == [
        ("a1", "conclusion", "Claim."),
        ("a2", "claim", "Reason one."),
        ("a3", "objection", "Objection."),
        ("a4", "claim", "But no."),
        ("a5", "claim", "Also."),
    ]
    assert [(lk.id, lk.source, lk.kind.value, lk.target, lk.group) for lk in m.links] == [
        ("c1", "a2", "support", "a1", "g-c1"),
        ("c2", "a3", "attack", "a1", None),
        ("c3", "a4", "undercut", "c2", None),
        ("c1-add1", "a5", "support", "a1", "g-c1"),
    ]
    assert m.tags == ["waste-separation"]
    # The undercut stops the rebuttal; the linked reason carries the claim.
    from argmap.semantics.evaluate import evaluate

    assert evaluate(build_graph(m)).labels["a1"] == "in"


SADFACE = sorted((ROOT.parent / "shared" / "corpora" / "sadface").glob("*.json"))


@pytest.mark.skipif(not SADFACE, reason="../shared/corpora/sadface is absent")
@pytest.mark.parametrize("path", SADFACE, ids=lambda p: p.name)
def test_sadface_corpus_imports_with_its_counts(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    result = run(*["import", str(path)])
    assert result.exit_code == 0, result.output
    model = read_map_text(result.stdout)
    atoms = sum(n["type"] == "atom" for n in data["nodes"])
    schemes = {n["id"]: n.get("name") for n in data["nodes"] if n["type"] == "scheme"}
    premises = sum(1 for e in data["edges"] if e["target_id"] in schemes)
    assert len(model.claims) == atoms
    assert len(model.all_links()) == premises
    kinds = Counter(lk.kind.value for lk in model.all_links())
    conflicts = sum(1 for e in data["edges"] if schemes.get(e["target_id"]) == "conflict")
    assert kinds["attack"] == conflicts
    assert validate(Document(model)) == [] or all(
        d.severity == "warning" for d in validate(Document(model))
    )


def read_map_text(text):
    from argmap.formats.native import loads

    return loads(text, "m.yaml").model


def test_html_report_is_standalone_and_links_every_claim(dot_program, tmp_path):
    from html.parser import HTMLParser

    out = tmp_path / "report.html"
    result = run(*["export", str(HARBOUR), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    model = read_map(HARBOUR).model

    class Collect(HTMLParser):
        def __init__(self):
            super().__init__()
            self.ids, self.hrefs, self.tags = set(), [], Counter()

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            self.tags[tag] += 1
            if "id" in attrs:
                self.ids.add(attrs["id"])
            for key in ("href", "xlink:href"):
                if attrs.get(key, "").startswith("#"):
                    self.hrefs.append(attrs[key][1:])

    parser = Collect()
    parser.feed(text)
    # One inline script (pan and zoom), nothing loaded from anywhere.
    assert parser.tags["svg"] == 1 and parser.tags["script"] == 1 and parser.tags["link"] == 0
    assert "src=" not in text
    assert {f"c-{c.id}" for c in model.claims} <= parser.ids
    assert set(parser.hrefs) <= parser.ids
    assert sum(h.startswith("c-") for h in parser.hrefs) >= len(model.claims) * 2
    for c in model.claims:
        import html as html_module

        assert html_module.escape(c.text) in text
    assert "@media print" in text


def _importable():
    """Every corpus file argmap imports, with its format."""
    corpora = ROOT.parent / "shared" / "corpora"
    yield from ((p, "aif") for p in sorted(corpora.glob("aif-*/*.json")))
    yield from ((p, "sadface") for p in sorted(corpora.glob("sadface/*.json")))
    yield from ((p, "microtexts") for p in MICROTEXTS)
    yield from ((p, "carneades") for p in sorted(corpora.glob("carneades-yaml/*.yml")))
    yield from ((p, "argdown") for p in sorted(corpora.glob("argdown/*/*.argdown")))


@pytest.mark.slow
@pytest.mark.skipif(not AIF_FILES, reason="../shared/corpora is absent")
def test_every_corpus_import_exports_dot_that_real_dot_renders(dot_program):
    # One dot process for all of them: dot reads graph after graph from one stream.
    graphs = []
    for path, fmt in _importable():
        try:
            model = import_map(path.read_text(encoding="utf-8"), str(path), fmt)
            G = build_graph(Document(model, str(path)))
        except MapError:
            continue  # refused formats and undercuts of undercuts, counted in other tests
        graphs.append(dump_dot(G))
    assert len(graphs) > 1000
    proc = subprocess.run(
        [dot_program, "-Tsvg"],
        input="".join(graphs).encode(),
        capture_output=True,
        check=False,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[:300]
    assert proc.stdout.count(b"</svg>") == len(graphs)


CHAIN = ArgMap.model_validate(
    {
        "title": "chain",
        "claims": [
            {"id": "c", "text": "C", "kind": "conclusion"},
            {"id": "p", "text": "P", "supports": ["c"]},
            {"id": "o", "text": "O", "attacks": ["c"]},
            {"id": "u", "text": "U", "undercuts": ["p.support.c"]},
            {"id": "w", "text": "W", "undercuts": ["u.undercut.p.support.c", "o.attack.c"]},
            {"id": "x", "text": "X", "undercuts": ["w.undercut.u.undercut.p.support.c"]},
        ],
    }
)


def ends(model: ArgMap) -> Counter:
    """Links with undercut targets resolved to the ends of what they undercut, recursively."""
    by_id = {lk.id: lk for lk in model.all_links()}

    def key(lk):
        if lk.kind != "undercut":
            return (lk.source, lk.kind.value, lk.target)
        return (lk.source, "undercut", key(by_id[lk.target]))

    return Counter(key(lk) for lk in by_id.values())


def test_undercut_chains_through_every_format(dot_program):
    assert validate(Document(CHAIN)) == [] or all(
        d.severity == "warning" for d in validate(Document(CHAIN))
    )
    G = build_graph(CHAIN)
    proc = subprocess.run(
        [dot_program, "-Tsvg"], input=dump_dot(G).encode(), capture_output=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert ends(aif.parse(aif.dump(CHAIN))) == ends(CHAIN)
    assert ends(argdown.parse(argdown.dump(CHAIN))) == ends(CHAIN)
    assert graphml.parse(graphml.dump(CHAIN)) == CHAIN.canonical()
    assert mermaid.dump(CHAIN).count("-.->|undercuts") == 4
    from argmap.analysis.outline import outline

    (tree,) = [t for t in outline(G) if t.id == "c"]
    p_node = next(n for n in tree.children if n.id == "p")
    u_node = p_node.children[0]
    assert (u_node.id, u_node.link) == ("u", "undercut")
    assert [n.id for n in u_node.children][:1] == ["w"]
    assert [n.id for n in u_node.children[0].children][:1] == ["x"]
    from argmap.semantics.gradual import dfquad

    assert 0.0 <= dfquad(G).strength["c"] <= 1.0


_JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "nodes",
                    "edges",
                    "id",
                    "text",
                    "type",
                    "nodeID",
                    "fromID",
                    "toID",
                    "statements",
                    "arguments",
                    "issues",
                    "premises",
                    "conclusion",
                    "source_id",
                    "target_id",
                    "scheme",
                    "metadata",
                    "content",
                    "title",
                ]
            ),
            inner,
            max_size=5,
        )
    ),  # fmt: skip
    max_leaves=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["aif", "sadface", "carneades"]), _JSONISH)
def test_any_structure_gives_a_map_or_a_located_error(fmt, data):
    # What the readers meet in the wild: the right syntax, any shape. Never a traceback.
    text = json.dumps(data)  # JSON is YAML too, for the Carneades reader
    try:
        model = import_map(text, f"f.{fmt}", fmt)
    except MapError as exc:
        assert exc.diagnostics and exc.diagnostics[0].location.line >= 1
        return
    build_graph(Document(model, "f"))


def test_very_long_node_ids_make_ids_a_map_allows():
    long = "n" * 300
    aif = {
        "nodes": [
            {"nodeID": long + "1", "text": "Premise one", "type": "I"},
            {"nodeID": long + "2", "text": "Premise two", "type": "I"},
            {"nodeID": long + "3", "text": "Conclusion", "type": "I"},
            {"nodeID": long + "ra", "text": "Default Inference", "type": "RA"},
            {"nodeID": long + "4", "text": "Objection", "type": "I"},
            {"nodeID": long + "ca", "text": "Default Conflict", "type": "CA"},
        ],
        "edges": [
            {"fromID": long + "1", "toID": long + "ra"},
            {"fromID": long + "2", "toID": long + "ra"},
            {"fromID": long + "ra", "toID": long + "3"},
            {"fromID": long + "4", "toID": long + "ca"},
            {"fromID": long + "ca", "toID": long + "ra"},
        ],
    }
    model = import_map(json.dumps(aif), "a.json", "aif")
    assert len(model.claims) == 4 and all(len(c.id) <= 200 for c in model.claims)
    assert {lk.kind.value for lk in model.all_links()} == {"support", "undercut"}
    assert all(len(lk.group or "") <= 200 for lk in model.all_links())
    build_graph(Document(model, "a"))


def test_a_linked_group_on_a_link_with_a_long_id_round_trips_through_microtexts(tmp_path):
    long = "a" * 190
    path = tmp_path / "m.json"
    path.write_text(
        json.dumps(
            {
                "argmap": 1,
                "title": "t",
                "claims": [
                    {"id": "c", "text": "C", "kind": "conclusion"},
                    {"id": long + "1", "text": "P"},
                    {"id": long + "2", "text": "Q"},
                ],
                "links": [
                    {
                        "id": "L" + "x" * 450,
                        "source": long + "1",
                        "target": "c",
                        "kind": "support",
                        "group": "g",
                    },
                    {"source": long + "2", "target": "c", "kind": "support", "group": "g"},
                ],
            }
        )
    )
    assert run("export", path, "--to", "microtexts", "-o", tmp_path / "m.xml").exit_code == 0
    back = tmp_path / "back.yaml"
    result = run("import", tmp_path / "m.xml", "--from", "microtexts", "-o", back)
    assert result.exit_code == 0, result.output
    model = read_map(back).model
    groups = {lk.group for lk in model.all_links()}
    assert len(groups) == 1 and None not in groups and len(groups.pop()) <= 200
