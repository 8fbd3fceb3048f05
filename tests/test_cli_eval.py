from __future__ import annotations

import json

import pytest
from conftest import CONGESTION, HARBOUR, run


def test_eval_json_shape():
    result = run("eval", HARBOUR, "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["semantics"] == "grounded"
    assert data["labels"]["open-at-night"] == "in"
    assert set(data["labels"].values()) == {"in", "out", "undec"}
    (ext,) = data["extensions"]
    assert ext == sorted(ext) and "open-at-night" in ext


def test_eval_preferred_credulous_with_extensions():
    cycle = (
        "title: t\nclaims:\n  - {id: a, text: A, attacks: [b]}\n"
        "  - {id: b, text: B, attacks: [a]}\n"
    )
    data = json.loads(
        run(
            "eval", "-", "-s", "preferred", "--acceptance", "credulous", "-f", "json", input=cycle
        ).stdout
    )
    assert data == {
        "semantics": "preferred",
        "acceptance": "credulous",
        "labels": {"a": "in", "b": "in"},
        "extensions": [["a"], ["b"]],
    }
    text = run("eval", "-", "-s", "preferred", "-e", input=cycle).stdout
    assert "2 extensions:" in text and "  1. {a}" in text


def test_eval_text_lists_conclusions_first():
    lines = run("eval", HARBOUR).stdout.splitlines()
    # The two forecasts attack each other and nothing settles them: undec.
    assert lines[0] == f"{HARBOUR}: grounded semantics: 17 in, 2 out, 2 undec"
    body = [line.split() for line in lines[3:6]]
    assert [row[:3] for row in body] == [
        ["in", "conclusion", "open-at-night"],
        ["in", "conclusion", "fund-cranes"],
        ["in", "conclusion", "publish-noise"],
    ]


def test_what_if_retract_prints_what_changed():
    result = run("eval", HARBOUR, "--retract", "cranes-quieter", "--strength", "qe", "-f", "json")
    data = json.loads(result.stdout)
    assert data["changes"][0] == {"id": "open-at-night", "before": "in", "after": "out"}
    assert {"id": "cranes-quieter", "before": "in", "after": None} in data["changes"]
    assert {"id": "noise-keeps-awake", "before": "out", "after": "in"} in data["changes"]
    deltas = data["strength_changes"]
    assert deltas[0]["id"] == "noise-keeps-awake"
    assert [abs(d["delta"]) for d in deltas] == sorted(
        (abs(d["delta"]) for d in deltas), reverse=True
    )
    text = run("eval", HARBOUR, "--retract", "cranes-quieter").stdout
    assert "  conclusion open-at-night: in -> out" in text


def test_assume():
    data = json.loads(run("eval", HARBOUR, "--assume", "demand-peaks", "-f", "json").stdout)
    assert data["labels"]["demand-peaks"] == "in"
    assert data["labels"]["demand-grows"] == "out"


def test_explain_label_and_strength():
    result = run("eval", CONGESTION, "--explain", "charge-cuts-traffic", "--strength", "dfquad")
    assert "PREMISE charge-cuts-traffic is OUT: none of its supports holds" in result.stdout
    assert "the support other-cities -> charge-cuts-traffic fails" in result.stdout
    assert "Strength of charge-cuts-traffic: base 0.5" in result.stdout
    data = json.loads(
        run(
            "eval", CONGESTION, "--explain", "adopt-charge", "--strength", "qe", "-f", "json"
        ).stdout
    )
    assert data["explanation"]["label"] == "in"
    assert data["strength_explanation"]["method"] == "qe"


def test_critical():
    data = json.loads(run("eval", HARBOUR, "--critical", "-f", "json").stdout)
    assert [c["id"] for c in data["critical"]["open-at-night"]] == ["cranes-quieter"]
    assert [c["id"] for c in data["critical"]["fund-cranes"]] == ["cranes-quieter", "open-at-night"]
    two_grounds = "title: t\nclaims:\n  - {id: c, text: C, kind: conclusion}\n" + (
        "  - {id: p, text: P, supports: [c]}\n  - {id: q, text: Q, supports: [c]}\n"
    )
    either = json.loads(run("eval", "-", "--critical", "-f", "json", input=two_grounds).stdout)
    assert either["critical"]["c"] == []  # no single claim topples it


def test_abstract_framework_input(tmp_path):
    apx = tmp_path / "f.apx"
    apx.write_text("arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,c).\n")
    data = json.loads(run("eval", apx, "-f", "json").stdout)
    assert data["labels"] == {"a": "in", "b": "out", "c": "in"}
    i23 = json.loads(
        run(
            "eval", "-", "--from", "i23", "-s", "stable", "-f", "json", input="p af 2\n1 2\n2 1\n"
        ).stdout
    )
    assert i23["extensions"] == [["1"], ["2"]]


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["--retract", "nope"], 2, "no claim 'nope'"),
        (["--explain", "fund-crane"], 2, "did you mean 'fund-cranes'"),
        (["-s", "ideal"], 2, "ideal"),
        (["-f", "ids"], 2, "not available"),
    ],
)
def test_eval_usage_errors(args, code, words):
    result = run("eval", HARBOUR, *args)
    assert result.exit_code == code
    assert words in result.stderr


def test_framework_input_refuses_map_only_options(tmp_path):
    apx = tmp_path / "f.apx"
    apx.write_text("arg(a).\n")
    result = run("eval", apx, "--strength", "qe")
    assert result.exit_code == 2
    assert "need an argument map" in result.stderr


def test_show_eval_marks_each_claim():
    out = run("show", CONGESTION, "--eval").stdout
    assert "■ CONCLUSION adopt-charge [in 0.85]" in out
    assert "PREMISE charge-cuts-traffic [out 0.66]" in out
    records = json.loads(run("show", CONGESTION, "--eval", "-f", "json").stdout)
    assert (records[0]["label"], records[0]["strength"]) == ("in", pytest.approx(0.852, abs=1e-3))


def test_eval_encodes_and_solves_the_map_once_without_a_what_if(monkeypatch):
    # One library call does the work (argmap.semantics.report.evaluate_map); the map is
    # solved once, and once more only for a what-if.
    from argmap.operations.loading import read_map
    from argmap.semantics import evaluate as module
    from argmap.semantics.report import evaluate_map

    calls = []
    real = module.evaluate

    def counted(*args, **kwargs):
        calls.append(kwargs.get("retract"))
        return real(*args, **kwargs)

    monkeypatch.setattr(module, "evaluate", counted)
    doc = read_map(CONGESTION)
    plain = evaluate_map(doc)
    assert len(calls) == 1 and plain.changes is None
    calls.clear()
    whatif = evaluate_map(doc, retract=["hurts-poor"])
    assert len(calls) == 2 and whatif.changes is not None
    assert whatif.answer().retract == ["hurts-poor"]
