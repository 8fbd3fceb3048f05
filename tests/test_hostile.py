"""Hostile input: every reader gives a valid map or a located error, whatever it is fed;
deep structures are handled without recursion. (The wider campaign, rerun with fresh
seeds, is bench/fuzz.py; the worst inputs are timed by bench/hostile.py.)"""

from __future__ import annotations

import json

import pytest
from conftest import CONGESTION, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.analysis.validate import validate
from argmap.errors import MapError
from argmap.formats import aif, argdown, graphml, import_checked, microtexts, sadface
from argmap.model import ArgMap
from argmap.model.document import Document
from argmap.operations.loading import read_map

CARNEADES = """meta: {title: Jogging}
statements:
  jog: Jogging is healthy.
  sore: Jogging makes my knees sore.
  doc: My doctor says jogging is healthy.
  rest: I should rest my knees instead.
arguments:
  a1: {conclusion: jog, premises: [doc]}
  a2: {conclusion: rest, premises: {p: sore}, undercutter: doc}
issues:
  i1: {positions: [jog, rest]}
assumptions: [doc]
"""


def _seeds() -> dict[str, str]:
    model = read_map(CONGESTION).model
    seeds = {fmt.__name__.rsplit(".", 1)[-1]: fmt.dump(model)
             for fmt in (aif, sadface, argdown, graphml, microtexts)}  # fmt: skip
    seeds["carneades"] = CARNEADES
    return seeds


SEEDS = _seeds()
TOKENS = ["\x00", "{", "}", "[", "]", ":", ",", '"', "<", ">", "&", "\n", "  ", "- ", "&a ",
          "*a", "-1", "9" * 400, "1e999", "null", "true", "<+ ", "_> ", "---", "===",
          "\ufffe"]  # fmt: skip


@st.composite
def mutated(draw):
    fmt = draw(st.sampled_from(sorted(SEEDS)))
    text = SEEDS[fmt]
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        how = draw(st.sampled_from(["insert", "delete", "copy"]))
        if how == "insert":
            text = text[:at] + draw(st.sampled_from(TOKENS)) + text[at:]
        elif how == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        else:
            start = draw(st.integers(0, len(text)))
            text = text[:at] + text[start : start + draw(st.integers(1, 120))] + text[at:]
    return fmt, text


def check(fmt: str, text: str) -> None:
    """A valid map, or a located error: never anything else."""
    try:
        model = import_checked(text, f"in.{fmt}", fmt)
    except MapError as exc:
        assert exc.diagnostics
        for d in exc.diagnostics:
            assert d.location is not None and d.location.line >= 1 and d.location.col >= 1
        return
    # The map has no place yet: the source texts it names are not looked up (as import).
    errors = [
        d for d in validate(Document(model, "out.yaml"), texts=False) if d.severity == "error"
    ]
    assert errors == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_a_mutated_file_of_every_format_gives_a_valid_map_or_a_located_error(case):
    check(*case)


def test_the_unmutated_seeds_import_as_valid_maps():
    for fmt, text in SEEDS.items():
        assert isinstance(import_checked(text, f"in.{fmt}", fmt), ArgMap), fmt


def test_an_import_that_would_break_a_rule_is_refused_where_the_input_says_it():
    cycle = "statements: {p: P, q: Q}\narguments:\n  a1: {conclusion: q, premises: [p]}\n" \
            "  a2: {conclusion: p, premises: [q]}\n"  # fmt: skip
    result = run(*["import", "-", "--from", "carneades"], input=cycle)
    assert result.exit_code == 1
    assert result.stderr.startswith("<stdin>:1:14: error[support_cycle]: the carneades file ")
    assert result.stdout == ""


def test_shapes_the_readers_do_not_expect_are_located():
    bad = '{"nodes": [{"nodeID": "1", "type": "I", "text": "A"},\n  7], "edges": []}'
    for fmt in ("aif", "sadface"):
        try:
            import_checked(bad, "x.json", fmt)
        except MapError as exc:
            assert (exc.diagnostics[0].location.line, exc.diagnostics[0].location.col) == (2, 3)
            assert "must be an object" in exc.diagnostics[0].message
        else:
            raise AssertionError(fmt)
    positions = "statements: {}\nissues:\n  i1:\n    positions: " + "x" * 50000 + "\n"
    try:
        import_checked(positions, "c.yml", "carneades")
    except MapError as exc:
        assert "must be a list, not text" in exc.diagnostics[0].message
    else:
        raise AssertionError("a string of positions was read")


@pytest.mark.slow
def test_undercut_chains_thousands_deep_are_evaluated_and_shown(tmp_path):
    claims = [{"id": "c0", "text": "C", "kind": "conclusion"}]
    links = [{"id": "l1", "source": "c1", "target": "c0"}]
    for i in range(1, 3001):
        claims.append({"id": f"c{i}", "text": f"Claim {i}"})
        if i > 1:
            links.append({"id": f"l{i}", "source": f"c{i}", "target": f"l{i - 1}",
                          "kind": "undercut"})  # fmt: skip
    path = tmp_path / "chain.json"
    path.write_text(json.dumps({"title": "t", "claims": claims, "links": links}))
    result = run(*["eval", str(path), "-f", "json"])
    assert result.exit_code == 0, result.output
    labels = json.loads(result.stdout)["labels"]
    # c3000 stands; each undercut in the chain defeats the one below: l2 holds when the
    # chain's length below it is even, so the first support l1 is defeated or not.
    assert labels["c3000"] == "in"
    assert labels["c0"] == "out"  # l2 (by c2) stands: 2999 undercuts above it, odd
    shown = run(*["show", str(path), "-f", "ids"])
    assert shown.exit_code == 0 and len(shown.stdout.split()) == 151
    assert "drawn 150 levels deep" in shown.stderr


@pytest.mark.parametrize(
    "args",
    [["add", "--text", "bad \udcff byte"], ["source", "add", "--id", "s", "--title", "\udcfe"]],
    ids=["add", "source add"],
)
def test_text_that_is_not_utf8_from_the_command_line_is_refused_not_a_crash(tmp_path, args):
    # A terminal in another encoding hands Python undecodable bytes as lone surrogates.
    path = tmp_path / "m.yaml"
    path.write_text("title: t\nclaims:\n  - {id: c, text: C, kind: conclusion}\n")
    before = path.read_bytes()
    command = [args[0], path, *args[1:]] if args[0] != "source" else ["source", "add", path,
                                                                        *args[2:]]  # fmt: skip
    result = run(*command)
    assert result.exit_code == 2, result.output
    assert "holds bytes that are not UTF-8 text; nothing was written" in result.stderr
    assert path.read_bytes() == before
