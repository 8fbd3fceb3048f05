"""The query commands through the CLI: filters, output modes, grep's exit statuses."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from conftest import DATA, EXAMPLE, ROOT, SHIPPED, run

from argmap.formats import read_map


def test_claims_json_shape_and_map_column():
    result = run("claims", SHIPPED, EXAMPLE, "--kind", "objection", "-f", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert {r["map"] for r in records} == {str(SHIPPED), str(EXAMPLE)}
    assert all(r["kind"] == "objection" for r in records)
    assert set(records[0]) >= {"id", "text", "kind", "tags", "map"}
    assert [r["id"] for r in records if r["map"] == str(EXAMPLE)] == ["hurts-poor", "shops-lose"]


def test_claims_filters_combine_with_and():
    result = run(
        "claims", SHIPPED, "--tag", "china", "--kind", "evidence", "--unattacked", "-f", "ids"
    )
    assert result.stdout.split() == ["officials-statements", "trump-authoritarians"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["--text", "NORTH KOREA"],
            [
                "china-nk-on-agenda",
                "nk-engagement-risk",
                "divergent-courses",
                "first-term-failure",
                "caution-after-failure",
                "nk-deal-costs-japan",
                "nk-uninterested",
            ],
        ),
        (["--regex", r"^Trump('s)? (appears|has)"], ["trump-authoritarians", "get-along-with-kim"]),
        (
            ["--source", "panda2025", "--kind", "conclusion"],
            ["hedge", "plan-for-america-first", "deepen-ties"],
        ),
        (["--supports", "irreversible-since-2016"], []),
        (["--attacks", "america-first-stays"], ["return-to-equilibrium"]),
        (
            ["--supported-by", "america-first-stays"],
            ["plan-for-america-first", "no-return-to-2016"],
        ),
        (["--attacked-by", "no-return-to-2016"], ["return-to-equilibrium"]),
        (
            ["--contested", "--kind", "objection"],
            ["caution-after-failure", "return-to-equilibrium"],
        ),
        (["--roots"], ["plan-for-america-first", "deepen-ties"]),
        (
            ["--leaves", "--kind", "assumption"],
            [
                "japan-middle-power",
                "europe-lessons-apply",
                "nk-deal-costs-japan",
                "japan-controls-own-posture",
                "partners-reduce-exposure",
            ],
        ),
        (["--unsupported", "--kind", "conclusion"], []),
        (["--min-confidence", "0.6"], ["no-moderating-advisors"]),
    ],
)
def test_claims_filters_on_the_shipped_map(args, expected):
    result = run("claims", SHIPPED, *args, "-f", "ids")
    assert result.stdout.split() == expected
    assert result.exit_code == (0 if expected else 1)


def test_claims_text_and_tsv():
    result = run("claims", EXAMPLE, "--tag", "equity")
    assert result.stdout.splitlines()[0].split() == ["id", "kind", "tags", "text"]  # one map
    assert "poor-ride-buses" in result.stdout
    tsv = run("claims", EXAMPLE, "--tag", "equity", "-f", "tsv").stdout.splitlines()
    assert tsv[0] == "map\tid\tkind\ttags\ttext"
    assert tsv[1].split("\t")[1:4] == ["hurts-poor", "objection", "equity"]


def test_no_match_exits_1_with_empty_output():
    result = run("claims", SHIPPED, "--text", "no such words", "-f", "json")
    assert (result.exit_code, result.stdout) == (1, "[]\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "objectoin"], "unknown kind 'objectoin' (did you mean 'objection'?)"),
        (["--supports", "hegde"], "no claim 'hegde' in the maps given (did you mean 'hedge'?)"),
        (["--regex", "("], "--regex '(' is not a valid pattern"),
    ],
)
def test_usage_errors_exit_2(args, message):
    result = run("claims", SHIPPED, *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_broken_map_is_trouble_not_no_match():
    result = run("claims", DATA / "bad-syntax.yaml", "--text", "x")
    assert result.exit_code == 2
    assert "bad-syntax.yaml:5:1: error[syntax]" in result.stderr


def test_why_draws_the_tree_and_lists_with_effects():
    text = run("why", SHIPPED, "america-first-stays").stdout
    assert "CLAIM america-first-stays" in text
    assert "− OBJECTION return-to-equilibrium" in text
    records = json.loads(run("why", SHIPPED, "america-first-stays", "-f", "json").stdout)
    assert [(r["id"], r["distance"], r["effect"]) for r in records] == [
        ("irreversible-since-2016", 1, "support"),
        ("return-to-equilibrium", 1, "attack"),
        ("biden-normalcy", 2, "attack"),
        ("no-return-to-2016", 2, "support"),
    ]


def test_why_of_a_claim_resting_on_nothing_exits_1():
    assert run("why", SHIPPED, "nss-2022", "-f", "ids").exit_code == 1


def test_impact_lists_what_a_claim_bears_on():
    result = run("impact", SHIPPED, "biden-normalcy", "-f", "tsv")
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows[0] == ["map", "id", "distance", "effect", "kind", "tags", "text"]
    assert [(r[1], r[2], r[3]) for r in rows[1:4]] == [
        ("return-to-equilibrium", "1", "support"),
        ("america-first-stays", "2", "attack"),
        ("plan-for-america-first", "3", "attack"),
    ]
    assert [r[1] for r in rows[-2:]] == ["hedge", "deepen-ties"]  # same distance: map order


def test_impact_unknown_claim():
    result = run("impact", SHIPPED, "nope")
    assert result.exit_code == 2
    assert "no claim 'nope'" in result.stderr


def test_path_with_net_sign():
    result = run("path", SHIPPED, "renegotiate-europe", "keep-investing", "-f", "json")
    (chain,) = json.loads(result.stdout)
    assert chain["claims"] == [
        "renegotiate-europe",
        "retrenchment-risk",
        "china-focus",
        "keep-investing",
    ]
    assert chain["kinds"] == ["support", "attack", "support"]
    assert chain["net"] == "attack"
    text = run("path", SHIPPED, "biden-normalcy", "hedge").stdout
    assert "biden-normalcy +> return-to-equilibrium -> america-first-stays +> " in text
    assert run("path", SHIPPED, "hedge", "nss-2022").exit_code == 1


def test_stats():
    data = json.loads(run("stats", SHIPPED, "-f", "json").stdout)
    assert data["claims"] == 40
    text = run("stats", SHIPPED).stdout
    assert "most central, by betweenness centrality" in text
    assert run("stats", SHIPPED, "-f", "ids").stdout.split()[0] == "prepare-for-readjustment"


def test_pipeline_ids_into_xargs():
    env = {**os.environ, "NO_COLOR": "1"}
    argmap = f"{sys.executable} -m argmap"
    cmd = (
        f"{argmap} claims {SHIPPED} --kind objection --contested -f ids "
        f"| xargs -n1 {argmap} why {SHIPPED} -f ids"
    )
    proc = subprocess.run(
        cmd, shell=True, capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == [
        "get-along-with-kim",
        "first-term-failure",
        "irreversible-since-2016",
        "biden-normalcy",
        "no-return-to-2016",
        "america-first-stays",
    ]


def test_shell_completion_offers_claim_ids():
    env = {
        **os.environ,
        "_ARGMAP_COMPLETE": "complete_bash",
        "COMP_WORDS": f"argmap why {SHIPPED} nk-",
        "COMP_CWORD": "3",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "argmap"], capture_output=True, text=True, env=env, check=False
    )
    assert sorted(proc.stdout.split()) == [
        "nk-deal-costs-japan",
        "nk-engagement-risk",
        "nk-uninterested",
    ]


def test_shell_completion_offers_kinds():
    env = {
        **os.environ,
        "_ARGMAP_COMPLETE": "complete_bash",
        "COMP_WORDS": f"argmap claims {SHIPPED} --kind ev",
        "COMP_CWORD": "4",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "argmap"], capture_output=True, text=True, env=env, check=False
    )
    assert proc.stdout.split() == ["evidence"]


@pytest.mark.parametrize(
    "args",
    [
        ["claims", SHIPPED],
        ["why", SHIPPED, "prepare-for-readjustment"],
        ["impact", SHIPPED, "biden-normalcy"],
        ["path", SHIPPED, "biden-normalcy", "hedge"],
        ["stats", SHIPPED],
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
        model = read_map(SHIPPED).model
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
