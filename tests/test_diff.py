"""argmap diff: changes in the terms of the argument, from files or from git."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import HARBOUR, readme_git_config, run

from argmap.analysis.diff import diff_maps
from argmap.formats.native import loads


@pytest.fixture
def versions(tmp_path):
    """A map, and a copy with one claim reworded, one removed, one link flipped."""
    old = tmp_path / "v1.yaml"
    new = tmp_path / "v2.yaml"
    shutil.copy(HARBOUR, old)
    shutil.copy(HARBOUR, new)
    assert (
        run("set", new, "demand-peaks", "text", "Freight through Calder has peaked.").exit_code == 0
    )
    assert run("rm", new, "vote-predates-pay").exit_code == 0
    assert run("unlink", new, "cranes-quieter", "attacks", "noise-keeps-awake").exit_code == 0
    assert run("link", new, "cranes-quieter", "supports", "noise-keeps-awake").exit_code == 0
    return old, new


def test_exactly_the_three_changes(versions):
    old, new = versions
    result = run("diff", old, new, "-f", "json")
    assert result.exit_code == 1
    d = json.loads(result.stdout)
    assert d["removed_claims"] == ["vote-predates-pay"]
    assert [r["id"] for r in d["reworded"]] == ["demand-peaks"]
    assert d["kind_changed"] == [
        {
            "source": "cranes-quieter",
            "target": "noise-keeps-awake",
            "before": "attack",
            "after": "support",
        }
    ]
    rest = {k: v for k, v in d.items() if k not in ("removed_claims", "reworded", "kind_changed")}
    assert all(v == [] for v in rest.values()), rest


def test_text_output_and_no_change(versions):
    old, new = versions
    text = run("diff", old, new).stdout.splitlines()
    assert text[0] == "- claim vote-predates-pay (removed, with its links)"
    assert text[-1] == "~ link cranes-quieter -> noise-keeps-awake: attack became support"
    same = run("diff", old, old)
    assert (same.exit_code, same.stdout) == (0, "no changes\n")


def test_eval_reports_label_changes(tmp_path):
    old = tmp_path / "a.yaml"
    new = tmp_path / "b.yaml"
    old.write_text(
        "title: t\nclaims:\n  - {id: c, text: C, kind: conclusion}\n"
        "  - {id: p, text: P, supports: [c]}\n  - {id: o, text: O, attacks: [c]}\n"
        "  - {id: r, text: R, attacks: [o]}\n"
    )
    new.write_text(
        "title: t\nclaims:\n  - {id: c, text: C, kind: conclusion}\n"
        "  - {id: p, text: P, supports: [c]}\n  - {id: o, text: O, attacks: [c]}\n"
    )
    d = json.loads(run("diff", old, new, "--eval", "-f", "json").stdout)
    assert d["removed_claims"] == ["r"]
    assert d["label_changes"] == [
        {"id": "c", "before": "in", "after": "out", "conclusion": True},
        {"id": "o", "before": "out", "after": "in", "conclusion": False},
    ]


def test_a_renamed_claim_is_matched_by_its_text():
    old = loads(
        "title: t\nclaims:\n  - {id: c, text: The port should open at night}\n"
        "  - {id: p, text: Waiting halves, supports: [c]}\n"
    ).model
    new = loads(
        "title: t\nclaims:\n  - {id: open-at-night, text: The port should open at night}\n"
        "  - {id: p, text: Waiting halves, supports: [open-at-night]}\n"
    ).model
    d = diff_maps(old, new)
    assert [(r.before, r.after) for r in d.renamed] == [("c", "open-at-night")]
    assert (d.added_claims, d.removed_claims, d.added_links, d.removed_links) == ([], [], [], [])


def test_unreadable_side_is_trouble(tmp_path, versions):
    old, _ = versions
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [\n")
    assert run("diff", old, bad).exit_code == 2
    assert run("diff", old, tmp_path / "nope.yaml").exit_code == 2


def _git(cwd, *args):
    subprocess.run(
        ["git", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        env={
            **os.environ,
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@t",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@t",
        },
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_rev_path_and_git_diff_driver(tmp_path, versions):
    old, new = versions
    repo = tmp_path / "repo"
    (repo / "maps").mkdir(parents=True)
    _git(repo, "init", "-q")
    shutil.copy(old, repo / "maps" / "m.yaml")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "one")
    shutil.copy(new, repo / "maps" / "m.yaml")
    argmap = f"{sys.executable} -m argmap"
    proc = subprocess.run(
        f"{argmap} diff HEAD:maps/m.yaml maps/m.yaml",
        shell=True,
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert "- claim vote-predates-pay" in proc.stdout
    # As git's external diff driver, the way the README sets it up.
    (repo / ".gitattributes").write_text("*.yaml diff=argmap\n")
    _git(repo, "config", "diff.argmap.command", readme_git_config("diff.argmap.command", argmap))
    shown = subprocess.run(
        ["git", "diff", "--ext-diff"], cwd=repo, capture_output=True, text=True, check=False
    )
    assert shown.stdout.startswith("argmap diff maps/m.yaml\n")  # which file it is about
    assert "~ link cranes-quieter -> noise-keeps-awake: attack became support" in shown.stdout


@pytest.mark.parametrize("content", [b"title: caf\xe9\n", b"title: t\x00\n"])
def test_an_unreadable_side_is_trouble_exit_2(tmp_path, content):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(content)
    result = run("diff", HARBOUR, bad)
    assert result.exit_code == 2


def test_a_revision_is_never_read_as_a_git_option(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("diff", "--", "--output=x:m.yaml", HARBOUR)
    assert result.exit_code == 2
    assert "not a revision a map can be read from" in result.stderr
    assert not (tmp_path / "x").exists()


def test_renames_are_found_comparing_few_pairs_when_every_id_changed(monkeypatch):
    # 1,000 claims, every id changed and every text touched: pairing by shared rare words
    # compares each removed claim with a few candidates (comparing every pair, 1,000,000
    # comparisons, took 45 s), so the work grows with the claims, not with their square.
    from argmap.analysis import diff
    from argmap.model import ArgMap

    compared = []
    real = diff._similarity
    monkeypatch.setattr(diff, "_similarity", lambda a, b: compared.append(1) or real(a, b))

    def m(prefix: str, tail: str) -> ArgMap:
        claims = [
            {"id": f"{prefix}{i}", "text": f"claim number {i} about topic {i * 7 % 13}{tail}"}
            for i in range(1000)
        ]
        return ArgMap.model_validate({"title": "t", "claims": claims})

    d = diff_maps(m("a", ""), m("b", " indeed"))
    assert 0 < len(compared) <= diff._RENAME_PEERS * 1000
    assert sorted((r.before, r.after) for r in d.renamed) == sorted(
        (f"a{i}", f"b{i}") for i in range(1000)
    )
    # 2,000 claims of one text, every id changed: paired in order, with no comparison.
    compared.clear()
    same = [{"id": f"a{i}", "text": "the same words"} for i in range(2000)]
    again = [{"id": f"b{i}", "text": "the same words"} for i in range(2000)]
    d = diff_maps(
        ArgMap.model_validate({"title": "t", "claims": same}),
        ArgMap.model_validate({"title": "t", "claims": again}),
    )
    pairs = sorted((r.before, r.after) for r in d.renamed)
    assert compared == [] and pairs == sorted((f"a{i}", f"b{i}") for i in range(2000))
    assert d.added_claims == d.removed_claims == []


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_diff_driver_shows_the_change_of_a_map_that_uses_another(tmp_path):
    # git hands the driver the old version in a temporary folder, where the used map is not.
    repo = tmp_path / "repo"
    (repo / "maps").mkdir(parents=True)
    _git(repo, "init", "-q")
    (repo / "maps" / "low.yaml").write_text(
        "title: low\nclaims:\n  - {id: c, text: Low, kind: conclusion}\n"
    )
    top = repo / "maps" / "top.yaml"
    top.write_text("title: top\nuses:\n  - {name: l, path: low.yaml}\nclaims:\n"
                   "  - {id: t, text: Top, attacks: ['l:c']}\n")  # fmt: skip
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "one")
    top.write_text(top.read_text() + "  - {id: u, text: Another, supports: [t]}\n")
    argmap = f"{sys.executable} -m argmap"
    (repo / ".gitattributes").write_text("*.yaml diff=argmap\n")
    _git(repo, "config", "diff.argmap.command", readme_git_config("diff.argmap.command", argmap))
    shown = subprocess.run(
        ["git", "diff", "--ext-diff"], cwd=repo, capture_output=True, text=True, check=False
    )
    assert shown.stdout.startswith("argmap diff maps/top.yaml\n"), shown.stderr
    assert "+ claim u" in shown.stdout and "dangling_use" not in shown.stdout + shown.stderr
    assert "- claim l:c" not in shown.stdout
