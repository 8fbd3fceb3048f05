"""The query commands through the CLI: filters, output modes, grep's exit statuses."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from conftest import CONGESTION, DATA, HARBOUR, ROOT, run

from argmap.operations.loading import read_map


def test_claims_json_shape_and_map_column():
    result = run("claims", HARBOUR, CONGESTION, "--kind", "objection", "-f", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert {r["map"] for r in records} == {str(HARBOUR), str(CONGESTION)}
    assert all(r["kind"] == "objection" for r in records)
    assert set(records[0]) >= {"id", "text", "kind", "tags", "map"}
    assert [r["id"] for r in records if r["map"] == str(CONGESTION)] == ["hurts-poor", "shops-lose"]


def test_claims_filters_combine_with_and():
    result = run(
        "claims", HARBOUR, "--tag", "labour", "--kind", "evidence", "--unattacked", "-f", "ids"
    )
    assert result.stdout.split() == ["vote-predates-pay"]  # union-asks is attacked


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["--text", "NIGHT SHIFT"],
            [
                "night-clears-peak",
                "union-asks",
                "members-voted-against",
                "night-fees",
                "board-pays",
            ],
        ),
        (
            ["--regex", r"^The (board|harbour)"],
            ["fund-cranes", "publish-noise", "master-says-safe", "board-pays"],
        ),
        (
            ["--source", "op-ed", "--kind", "conclusion"],
            ["open-at-night", "fund-cranes", "publish-noise"],
        ),
        (["--supports", "demand-peaks"], []),
        (["--attacks", "demand-grows"], ["demand-peaks"]),
        (["--supported-by", "open-at-night"], ["fund-cranes"]),
        (["--attacked-by", "cranes-quieter"], ["noise-keeps-awake"]),
        (["--contested", "--kind", "objection"], ["noise-keeps-awake", "members-voted-against"]),
        (["--roots"], ["publish-noise", "who-pays"]),
        (["--leaves", "--kind", "assumption"], ["ports-differ", "night-fees"]),
        (["--unsupported", "--kind", "conclusion"], []),
        (["--min-confidence", "0.5"], ["union-asks"]),
    ],
)
def test_claims_filters_on_a_map(args, expected):
    result = run("claims", HARBOUR, *args, "-f", "ids")
    assert result.stdout.split() == expected
    assert result.exit_code == (0 if expected else 1)


def test_claims_text_and_tsv():
    result = run("claims", CONGESTION, "--tag", "equity")
    assert result.stdout.splitlines()[0].split() == ["id", "kind", "tags", "text"]  # one map
    assert "poor-ride-buses" in result.stdout
    tsv = run("claims", CONGESTION, "--tag", "equity", "-f", "tsv").stdout.splitlines()
    assert tsv[0] == "map\tid\tkind\ttags\ttext"
    assert tsv[1].split("\t")[1:4] == ["hurts-poor", "objection", "equity"]


def test_no_match_exits_1_with_empty_output():
    result = run("claims", HARBOUR, "--text", "no such words", "-f", "json")
    assert (result.exit_code, result.stdout) == (1, "[]\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "objectoin"], "unknown kind 'objectoin' (did you mean 'objection'?)"),
        (
            ["--supports", "fund-crane"],
            "no claim 'fund-crane' in the maps given (did you mean 'fund-cranes'?)",
        ),
        (["--regex", "("], "--regex '(' is not a valid pattern"),
    ],
)
def test_usage_errors_exit_2(args, message):
    result = run("claims", HARBOUR, *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_broken_map_is_trouble_not_no_match():
    result = run("claims", DATA / "bad-syntax.yaml", "--text", "x")
    assert result.exit_code == 2
    assert "bad-syntax.yaml:5:1: error[syntax]" in result.stderr


def test_why_draws_the_tree_and_lists_with_effects():
    text = run("why", HARBOUR, "union-asks").stdout
    assert "EVIDENCE union-asks" in text
    assert "− OBJECTION members-voted-against" in text
    records = json.loads(run("why", HARBOUR, "union-asks", "-f", "json").stdout)
    assert [(r["id"], r["distance"], r["effect"]) for r in records] == [
        ("members-voted-against", 1, "attack"),
        ("vote-predates-pay", 2, "support"),  # an attack on an attacker
    ]


def test_why_of_a_claim_resting_on_nothing_exits_1():
    assert run("why", HARBOUR, "cost-figure", "-f", "ids").exit_code == 1


def test_impact_lists_what_a_claim_bears_on():
    result = run("impact", HARBOUR, "vote-predates-pay", "-f", "tsv")
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows[0] == ["map", "id", "distance", "effect", "kind", "tags", "text"]
    assert [(r[1], r[2], r[3]) for r in rows[1:]] == [
        ("members-voted-against", "1", "attack"),
        ("union-asks", "2", "support"),
        ("open-at-night", "3", "support"),
        ("fund-cranes", "4", "support"),
        ("publish-noise", "5", "support"),
    ]


def test_impact_lists_claims_at_the_same_distance_in_map_order(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(
        "title: t\nclaims:\n  - {id: b, text: B}\n  - {id: a, text: A}\n"
        "  - {id: x, text: X, supports: [a, b]}\n"
    )
    assert run("impact", path, "x", "-f", "ids").stdout.split() == ["b", "a"]


def test_impact_unknown_claim():
    result = run("impact", HARBOUR, "nope")
    assert result.exit_code == 2
    assert "no claim 'nope'" in result.stderr


def test_path_with_net_sign():
    result = run("path", HARBOUR, "demand-peaks", "publish-noise", "-f", "json")
    (chain,) = json.loads(result.stdout)
    assert chain["claims"] == ["demand-peaks", "demand-grows", "fund-cranes", "publish-noise"]
    assert chain["kinds"] == ["attack", "support", "support"]
    assert chain["net"] == "attack"
    text = run("path", HARBOUR, "vote-predates-pay", "publish-noise").stdout
    assert "vote-predates-pay -> members-voted-against -> union-asks +> open-at-night +> " in text
    assert run("path", HARBOUR, "publish-noise", "cost-figure").exit_code == 1


def test_stats():
    data = json.loads(run("stats", HARBOUR, "-f", "json").stdout)
    assert (data["claims"], data["links"]) == (21, 20)
    assert data["links_by_kind"] == {"support": 13, "attack": 6, "undercut": 1}
    text = run("stats", HARBOUR).stdout
    assert "most central, by betweenness centrality" in text
    assert run("stats", HARBOUR, "-f", "ids").stdout.split()[0] == "open-at-night"


def test_pipeline_ids_into_xargs():
    env = {**os.environ, "NO_COLOR": "1"}
    argmap = f"{sys.executable} -m argmap"
    cmd = (
        f"{argmap} claims {HARBOUR} --kind objection --contested -f ids "
        f"| xargs -n1 {argmap} why {HARBOUR} -f ids"
    )
    proc = subprocess.run(
        cmd, shell=True, capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["cranes-quieter", "vote-predates-pay"]


def test_shell_completion_offers_claim_ids():
    env = {
        **os.environ,
        "_ARGMAP_COMPLETE": "complete_bash",
        "COMP_WORDS": f"argmap why {HARBOUR} night-",
        "COMP_CWORD": "3",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "argmap"], capture_output=True, text=True, env=env, check=False
    )
    assert sorted(proc.stdout.split()) == ["night-clears-peak", "night-fees", "night-is-safe"]


def test_shell_completion_offers_kinds():
    env = {
        **os.environ,
        "_ARGMAP_COMPLETE": "complete_bash",
        "COMP_WORDS": f"argmap claims {HARBOUR} --kind ev",
        "COMP_CWORD": "4",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "argmap"], capture_output=True, text=True, env=env, check=False
    )
    assert proc.stdout.split() == ["evidence"]


@pytest.mark.parametrize(
    "args",
    [
        ["claims", HARBOUR],
        ["why", HARBOUR, "open-at-night"],
        ["impact", HARBOUR, "vote-predates-pay"],
        ["path", HARBOUR, "vote-predates-pay", "publish-noise"],
        ["stats", HARBOUR],
    ],
    ids=lambda a: a[0] if isinstance(a, list) else a,
)
def test_no_view_drops_a_word_in_an_80_column_terminal(args):
    # The terminal layout (FORCE_COLOR) at 80 columns: every line fits and every word
    # of every claim the command names is there.
    env = {"FORCE_COLOR": "1", "NO_COLOR": "1", "COLUMNS": "80"}
    shown = re.sub(r"\x1b\[[0-9;]*m", "", run(*[str(a) for a in args], env=env).stdout)
    assert all(len(line) <= 80 for line in shown.splitlines()), shown
    piped = run(*[str(a) for a in args]).stdout
    words = set(shown.split())
    last = {"claims": "text", "path": "chain", "stats": "value"}.get(args[0])
    if last is None:  # a tree: the texts of the claims it draws
        model = read_map(HARBOUR).model
        expected = [w for c in model.claims if c.text in piped for w in c.text.split()]
    else:  # a table: everything in its last, widest column (ids stay whole elsewhere)
        lines = piped.splitlines()
        start = lines[0].index(last)
        expected = [w for line in lines[1:] for w in line[start:].split()]
    assert expected
    assert [w for w in expected if w not in words] == []


@pytest.mark.timeout(120)  # a hang guard: without the budget this search never ends
def test_a_pattern_that_backtracks_without_end_is_stopped_and_reported(tmp_path, monkeypatch):
    # (a|aa)+$ against a long run of a's that ends otherwise takes exponential time in a
    # backtracking engine: argmap stops the search at its budget and says why (exit 2).
    from argmap.analysis import query

    monkeypatch.setattr(query, "REGEX_SECONDS", 0.25)
    path = tmp_path / "m.yaml"
    path.write_text("title: t\nclaims:\n  - {id: c, text: " + "a" * 60 + "b}\n")
    result = run("claims", path, "--regex", "(a|aa)+$")
    assert result.exit_code == 2
    assert "'(a|aa)+$' took more than 0.25 s to search the claims" in result.stderr
    where = run("claims", path, "--where", 'regex:"(a|aa)+$"')
    assert where.exit_code == 2 and "took more than 0.25 s" in where.stderr
