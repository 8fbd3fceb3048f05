from __future__ import annotations

import json

import pytest
from conftest import DATA, HARBOUR, MAPS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.errors import MapError
from argmap.formats.native import MAX_NODES, dump_json, dump_yaml, loads
from argmap.model import ArgMap
from argmap.operations.loading import read_map


@pytest.mark.parametrize(
    ("name", "code", "line", "col", "words"),
    [
        ("bad-syntax.yaml", "syntax", 5, 1, "invalid YAML"),
        ("bad-type.yaml", "bad_value", 5, 17, "confidence"),
        ("bad-unknown-key.yaml", "unknown_key", 5, 5, "did you mean 'kind'?"),
        ("bad-unknown-key.json", "unknown_key", 2, 28, "'colour'"),
        ("bad-syntax.json", "syntax", 2, 13, "invalid JSON"),
        ("bad-empty.yaml", "empty", 1, 1, "empty"),
        ("bad-binary.yaml", "binary", 1, 9, "NUL"),
        ("bad-encoding.yaml", "encoding", 1, 11, "UTF-8"),
    ],
)
def test_broken_files_give_located_errors(name, code, line, col, words):
    with pytest.raises(MapError) as info:
        read_map(DATA / name)
    d = info.value.diagnostics[0]
    assert (d.code, d.location.line, d.location.col) == (code, line, col), d.format()
    assert d.location.file.endswith(name)
    assert words in d.format()


def test_all_schema_problems_are_reported_at_once():
    text = "title: t\nclaims:\n  - id: a\n    txt: A\n  - id: b\n    text: B\n    kind: fact\n"
    with pytest.raises(MapError) as info:
        loads(text, "m.yaml")
    got = [(d.code, d.location.line) for d in info.value.diagnostics]
    assert got == [("missing_key", 3), ("unknown_key", 4), ("bad_value", 7)]


def test_top_level_must_be_a_mapping():
    with pytest.raises(MapError, match="top level must be a mapping"):
        loads("- a\n- b\n")


def test_duplicate_yaml_keys_are_errors():
    with pytest.raises(MapError) as info:
        loads("title: a\ntitle: b\n", "m.yaml")
    assert info.value.diagnostics[0].code == "duplicate_key"
    assert info.value.diagnostics[0].location.line == 2


def test_alias_bomb_is_refused_at_the_value_budget():
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 8):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    with pytest.raises(MapError) as info:
        loads("\n".join(lines) + "\n", "bomb.yaml")
    assert info.value.diagnostics[0].code == "too_large"
    assert f"{MAX_NODES:,}" in info.value.diagnostics[0].message


def test_yaml_objects_are_not_constructed():
    with pytest.raises(MapError):
        loads("title: !!python/object/apply:os.system ['echo hacked']\n")


def test_json_and_yaml_give_the_same_model():
    yaml_doc = read_map(HARBOUR)
    json_doc = loads(dump_json(yaml_doc.model), "m.json")
    assert json_doc.model == yaml_doc.model.canonical()


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_canonical_json_round_trips_byte_for_byte(path):
    first = dump_json(read_map(path).model)
    second = dump_json(loads(first, "m.json").model)
    assert first == second
    assert json.loads(first)["argmap"] == 1


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_canonical_yaml_round_trips_and_matches_json(path):
    model = read_map(path).model
    yaml_text = dump_yaml(model)
    again = loads(yaml_text, "m.yaml").model
    assert dump_yaml(again) == yaml_text
    assert dump_json(again) == dump_json(model)


def test_output_is_deterministic_across_reads():
    assert dump_json(read_map(HARBOUR).model) == dump_json(read_map(HARBOUR).model)
    assert dump_yaml(read_map(HARBOUR).model) == dump_yaml(read_map(HARBOUR).model)


# Any claim text at all must survive a trip through JSON and YAML.
texts = st.text(min_size=1, max_size=60)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, min_size=1, max_size=5), st.sampled_from(["json", "yaml"]))
def test_round_trip_of_arbitrary_text(claim_texts, syntax):
    model = ArgMap.model_validate(
        {
            "title": claim_texts[0],
            "claims": [
                {"id": f"c{i}", "text": t, "note": t, "quote": t, "source": "s"}
                for i, t in enumerate(claim_texts)
            ],
            "sources": [{"id": "s", "title": "S"}],
            "links": [{"source": "c0", "target": "c0", "note": claim_texts[-1]}],
        }
    )
    text = dump_json(model) if syntax == "json" else dump_yaml(model)
    assert loads(text, f"m.{syntax}").model == model.canonical()


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        (
            "title: t\nclaims:\n  - id: a\n    text: Note: this breaks\n",
            "a value holding ': ' must be quoted, e.g. text: \"Note: this breaks\"",
        ),
        ("title: t\nclaims:\n  - id: a\n\ttext: tab\n", "YAML indents with spaces, never tabs"),
        (
            "title: t\nclaims:\n  - id: a\n     text: too deep\n",
            "check the indentation: this line is indented deeper than the key before it",
        ),
        (
            "title: t\nclaims:\n  - id: a\n   text: off by one\n",
            "check the indentation: keys of one mapping line up",
        ),
        ('title: "t\nclaims: []\n', "a quote opened at line 1, column 8 is never closed"),
        (
            "title: t\nclaims:\n  - {id: a, text: b, supports: [x, y}\n",
            "a [ or { is not closed, or two items lack a comma between them",
        ),
        ("title: t\nclaims: [\n", "something opened is never closed: a [, a { or a quote"),
        (
            'title: t\nclaims:\n  - id: a\n    text: "quoted" then more\n',
            "a quoted value must be quoted whole, or not at all",
        ),
    ],
)
def test_common_yaml_mistakes_get_a_hint(text, hint):
    with pytest.raises(MapError) as caught:
        loads(text, "m.yaml")
    (d,) = caught.value.diagnostics
    assert d.code == "syntax" and d.hint is not None and d.hint.startswith(hint)
    assert len(d.format().splitlines()) == 1


@pytest.mark.parametrize("syntax", ["json", "yaml"])
def test_duplicate_keys_are_refused_in_json_as_in_yaml(syntax):
    text = (
        '{"title": "a", "claims": [{"id": "c", "text": "x", "text": "y"}]}'
        if syntax == "json"
        else "title: a\nclaims:\n  - {id: c, text: x, text: y}\n"
    )
    with pytest.raises(MapError) as caught:
        loads(text, f"m.{syntax}", syntax=syntax)
    (d,) = caught.value.diagnostics
    assert (d.code, d.message) == ("duplicate_key", "duplicate key 'text'")
    assert d.location.line == (1 if syntax == "json" else 3)


@pytest.mark.parametrize("syntax", ["json", "yaml"])
def test_numbers_python_cannot_hold_are_a_located_error(syntax):
    huge = "9" * 5000
    text = (
        f'{{"title": "a", "claims": [{{"id": "c", "text": "x", "confidence": {huge}}}]}}'
        if syntax == "json"
        else f"title: a\nclaims:\n  - {{id: c, text: x, confidence: {huge}}}\n"
    )
    with pytest.raises(MapError) as caught:
        loads(text, f"m.{syntax}", syntax=syntax)
    (d,) = caught.value.diagnostics
    assert d.code == "bad_value" and d.location.line >= 1
    assert len(d.format()) < 300  # the value is not echoed whole


def test_plain_scalars_are_read_by_the_yaml_1_2_core_schema():
    # libyaml marks a plain scalar with the style '' (not None): null, ~ and numbers are
    # resolved, not left as text; a number where text belongs is that text.
    doc = loads(
        "title: t\nclaims:\n  - {id: 12, text: 2025, confidence: null, locator: 3, note: no}\n"
        "  - id: c\n    text: C\n    confidence: ~\n    note: 'on'\n",
        "m.yaml",
    )
    first, second = doc.model.claims
    assert (first.id, first.text, first.confidence, first.locator, first.note) == (
        "12",
        "2025",
        None,
        "3",
        "no",
    )
    assert (second.confidence, second.note) == (None, "on")


def test_a_map_exported_into_another_folder_names_its_texts_from_there(tmp_path):
    import shutil
    import subprocess

    from conftest import DATA, HARBOUR, HARBOUR_REPLY, run

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    shutil.copytree(DATA / "sources", tmp_path / "sources")
    for m in (HARBOUR, HARBOUR_REPLY):
        shutil.copy(m, tmp_path / m.name)
    (tmp_path / "out" / "deeper").mkdir(parents=True)
    for source, target in [(HARBOUR, "out/deeper/view.yaml"), (HARBOUR, "out/all.json"),
                           (HARBOUR_REPLY, "out/deeper/own.yaml")]:  # fmt: skip
        args = ["--focus", "open-at-night", "--radius", "1"] if "view" in target else []
        done = run("export", tmp_path / source.name, "-o", tmp_path / target, *args)
        assert done.exit_code == 0, done.output
        checked = run("validate", "--strict", tmp_path / target)
        assert checked.exit_code == 0, checked.output
    assert "path: ../../sources/" in (tmp_path / "out/deeper/view.yaml").read_text()
