"""argmap merge as git's merge driver, in real git repositories."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CONGESTION, readme_git_config

from argmap.edit.merge import merge
from argmap.operations.loading import read_map

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ARGMAP = f"{sys.executable} -m argmap"
ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "HOME": "/nonexistent",
    "NO_COLOR": "1",
}


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, env=ENV, capture_output=True, text=True,
                          check=check, timeout=120)  # fmt: skip


def argmap(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "argmap", *args], cwd=repo, env=ENV,
                          capture_output=True, text=True, timeout=120)  # fmt: skip


@pytest.fixture
def repo(tmp_path) -> Path:
    """A repository with the example map committed on main and argmap as its merge driver
    (set up as the README says)."""
    root = tmp_path / "repo"
    (root / "maps").mkdir(parents=True)
    shutil.copyfile(CONGESTION, root / "maps" / "debate.yaml")
    shutil.copytree(CONGESTION.parent / "sources", root / "maps" / "sources")
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "merge.argmap.driver", readme_git_config("merge.argmap.driver", ARGMAP))
    (root / ".gitattributes").write_text("maps/*.yaml merge=argmap\n")
    git(root, "add", ".")
    git(root, "commit", "-qm", "base")
    return root


def branch(repo: Path, name: str, *edits: list[str]) -> None:
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-qb", name)
    for edit in edits:
        result = argmap(repo, *edit)
        assert result.returncode == 0, result.stderr
    git(repo, "commit", "-qam", name)


MAP = "maps/debate.yaml"


@pytest.mark.slow
def test_two_branches_that_add_claims_and_links_merge_cleanly(repo):
    branch(repo, "a", ["add", MAP, "--text", "Fares fall for the poor.", "--id", "fares-fall",
                       "--attacks", "hurts-poor"],
           ["link", MAP, "bad-air", "supports", "adopt-charge"])  # fmt: skip
    branch(repo, "b", ["add", MAP, "--text", "Air quality improves.", "--id", "cleaner-air",
                       "--supports", "adopt-charge"],
           ["link", MAP, "cleaner-air", "attacks", "hurts-poor"])  # fmt: skip
    # Plain git conflicts here: both sides append at the end of claims: and links:.
    git(repo, "checkout", "-q", "a")
    merged = git(repo, "merge", "b", "-m", "merge", check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    model = read_map(str(repo / MAP)).model
    ids = [c.id for c in model.claims]
    assert ids[-2:] == ["fares-fall", "cleaner-air"]
    keys = {lk.id for lk in model.all_links()}
    assert {"bad-air.support.adopt-charge", "cleaner-air.attack.hurts-poor"} <= keys
    assert argmap(repo, "validate", "--strict", MAP).returncode == 0
    text = (repo / MAP).read_text()
    assert "# Costly congestion and a charge that works support the policy only together." in text


@pytest.mark.slow
def test_two_branches_that_edit_different_claims_merge(repo):
    branch(repo, "a", ["set", MAP, "hurts-poor", "confidence", "0.6"])
    branch(repo, "b", ["set", MAP, "fund-buses", "note", "Revenue is ring-fenced."],
           ["tag", MAP, "hurts-poor", "+equity"])  # fmt: skip
    git(repo, "checkout", "-q", "a")
    assert git(repo, "merge", "b", "-m", "merge", check=False).returncode == 0
    claims = {c.id: c for c in read_map(str(repo / MAP)).model.claims}
    assert claims["hurts-poor"].confidence == 0.6
    assert "equity" in claims["hurts-poor"].tags
    assert claims["fund-buses"].note == "Revenue is ring-fenced."


@pytest.mark.slow
def test_a_true_conflict_is_marked_around_the_claim_only(repo):
    new_point = [
        "add",
        MAP,
        "--text",
        "A point.",
        "--id",
        "new-point",
        "--supports",
        "adopt-charge",
    ]
    branch(repo, "a", ["set", MAP, "hurts-poor", "text", "The charge hurts the poor most."],
           new_point)  # fmt: skip
    branch(repo, "b", ["set", MAP, "hurts-poor", "text", "The charge is regressive."],
           ["set", MAP, "fund-buses", "note", "Theirs, and clean."])  # fmt: skip
    git(repo, "checkout", "-q", "a")
    merged = git(repo, "merge", "b", "-m", "merge", check=False)
    assert merged.returncode != 0
    assert "CONFLICT" in merged.stdout
    text = (repo / MAP).read_text()
    assert text.count("<<<<<<< ours\n") == text.count("=======\n") == 1
    assert text.count(">>>>>>> theirs\n") == 1
    block = text[text.index("<<<<<<< ours") : text.index(">>>>>>> theirs")]
    assert "The charge hurts the poor most." in block and "The charge is regressive." in block
    assert block.count("- id: ") == 2  # ours' and theirs' hurts-poor, nothing else
    outside = text.replace(block, "")
    assert "Theirs, and clean." in outside and "id: new-point" in outside
    # git sees the file as conflicted, and the report named the claim.
    assert "maps/debate.yaml" in git(repo, "diff", "--name-only", "--diff-filter=U").stdout


def test_the_driver_reports_each_conflict_on_a_line_and_exits_1(tmp_path):
    base = CONGESTION.read_text()
    said = "text: Riverton should charge drivers who enter the central district at peak hours."
    ours = base.replace(said, "text: Riverton should charge drivers at rush hour.")
    theirs = base.replace(said, "text: Riverton should charge every driver.")
    assert ours != base and theirs != base
    paths = []
    for name, text in (("base", base), ("ours", ours), ("theirs", theirs)):
        paths.append(tmp_path / f"{name}.yaml")
        paths[-1].write_text(text)
    result = argmap(tmp_path, "merge", *map(str, paths), "--name", "maps/x.yaml")
    assert result.returncode == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith("maps/x.yaml:") and first.endswith(
        "conflict: claim 'adopt-charge': text changed differently on both sides"
    )
    line = int(first.split(":")[1])
    assert paths[1].read_text().splitlines()[line - 1] == "<<<<<<< ours"


@pytest.mark.slow
def test_a_merge_that_would_dangle_is_a_conflict(repo):
    branch(repo, "a", ["link", MAP, "sales-held", "supports", "adopt-charge"])
    branch(repo, "b", ["rm", MAP, "sales-held", "--cascade"])
    git(repo, "checkout", "-q", "a")
    merged = git(repo, "merge", "b", "-m", "merge", check=False)
    assert merged.returncode != 0
    text = (repo / MAP).read_text()
    block = text[text.index("<<<<<<< ours") : text.index(">>>>>>> theirs")]
    assert "id: sales-held" in block  # kept on our side, gone on theirs
    assert block.split("=======\n")[1] == ""


def test_lists_of_ids_take_both_sides_additions():
    base = "title: t\nclaims:\n  - {id: c, text: C}\n  - {id: p, text: P, tags: [x]}\n"
    ours = base.replace("tags: [x]", "tags: [x, mine]")
    theirs = base.replace("tags: [x]", "tags: [theirs]")
    result = merge(base, ours, theirs, "m.yaml")
    assert result.clean
    assert read_tags(result.text) == ["mine", "theirs"]


def read_tags(text: str) -> list[str]:
    from argmap.formats.native import loads

    return loads(text, "m.yaml").model.claims[1].tags


def test_json_maps_merge_too():
    from argmap.formats.native import dump_json, loads

    model = read_map(CONGESTION).model
    base = dump_json(model)
    data = model.to_data()
    ours_data = {**data, "claims": [*data["claims"], {"id": "o", "text": "O"}]}
    theirs_data = {**data, "claims": [*data["claims"], {"id": "t", "text": "T"}]}
    import json

    result = merge(base, json.dumps(ours_data), json.dumps(theirs_data), "m.json")
    assert result.clean
    assert [c.id for c in loads(result.text, "m.json").model.claims][-2:] == ["o", "t"]


def test_a_field_only_theirs_has_is_marked_with_an_empty_side_of_ours():
    base = "title: t\ndescription: D\nclaims:\n  - {id: c, text: C}\n"
    ours = "title: t\nclaims:\n  - {id: c, text: C}\n"  # ours dropped the description
    theirs = base.replace("description: D", "description: E")
    result = merge(base, ours, theirs, "m.yaml")
    assert [c.reason for c in result.conflicts] == ["changed differently on both sides"]
    assert result.text == (
        "title: t\n<<<<<<< ours\n=======\ndescription: E\n>>>>>>> theirs\n"
        "claims:\n  - {id: c, text: C}\n"
    )


def test_merge_refuses_standard_input_and_missing_files_in_one_line(tmp_path):
    stdin = argmap(tmp_path, "merge", "-", str(CONGESTION), str(CONGESTION))
    assert stdin.returncode == 2
    assert stdin.stderr == "argmap: error: merge needs three files, not standard input\n"
    missing = argmap(
        tmp_path, "merge", str(CONGESTION), str(tmp_path / "nope.yaml"), str(CONGESTION)
    )
    assert missing.returncode == 2 and len(missing.stderr.splitlines()) == 1
    assert "nope.yaml" in missing.stderr and "Traceback" not in missing.stderr


def test_merge_refuses_to_write_the_map_and_json_both_to_standard_output(tmp_path):
    ours = tmp_path / "ours.yaml"
    shutil.copy(CONGESTION, ours)
    before = ours.read_bytes()
    both = argmap(tmp_path, "merge", str(CONGESTION), str(ours), str(CONGESTION), "-o", "-",
                  "-f", "json")  # fmt: skip
    assert both.returncode == 2 and both.stdout == ""
    assert "would both write to standard output" in both.stderr
    assert ours.read_bytes() == before


# --- identity, not luck --------------------------------------------------------------------


@pytest.mark.slow
def test_two_different_renames_of_one_claim_are_one_conflict(repo):
    branch(repo, "a", ["rename", MAP, "hurts-poor", "burdens-the-poor"])
    branch(repo, "b", ["rename", MAP, "hurts-poor", "regressive"])
    git(repo, "checkout", "-q", "a")
    merged = git(repo, "merge", "b", "-m", "merge", check=False)
    assert merged.returncode != 0
    text = (repo / MAP).read_text()
    assert text.count("<<<<<<< ours\n") == 1
    block = text[text.index("<<<<<<< ours") : text.index(">>>>>>> theirs")]
    assert "id: burdens-the-poor" in block and "id: regressive" in block
    # Not the claim twice: outside the block neither id is defined.
    outside = text.replace(block, "")
    assert "id: burdens-the-poor" not in outside and "id: regressive" not in outside


@pytest.mark.slow
def test_a_rename_on_one_side_and_an_edit_on_the_other_merge(repo):
    branch(repo, "a", ["rename", MAP, "hurts-poor", "burdens-the-poor"])
    branch(repo, "b", ["set", MAP, "hurts-poor", "text", "The charge is regressive."])
    git(repo, "checkout", "-q", "a")
    merged = git(repo, "merge", "b", "-m", "merge", check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    claims = {c.id: c for c in read_map(str(repo / MAP)).model.claims}
    assert "hurts-poor" not in claims
    assert claims["burdens-the-poor"].text == "The charge is regressive."
    assert "<<<<<<<" not in (repo / MAP).read_text()
    # And the other way round: our edit, their rename.
    git(repo, "checkout", "-q", "main")
    git(repo, "branch", "-D", "a")
    git(repo, "checkout", "-q", "b")
    git(repo, "checkout", "-q", "-b", "c", "main")
    assert argmap(repo, "rename", MAP, "hurts-poor", "regressive-charge").returncode == 0
    git(repo, "commit", "-qam", "c")
    git(repo, "checkout", "-q", "b")
    assert git(repo, "merge", "c", "-m", "merge", check=False).returncode == 0
    claims = {c.id: c for c in read_map(str(repo / MAP)).model.claims}
    assert claims["regressive-charge"].text == "The charge is regressive."


@pytest.mark.slow
def test_without_argmap_on_its_path_git_keeps_both_sides_with_its_own_markers(repo):
    branch(repo, "a", ["set", MAP, "hurts-poor", "text", "Ours."])
    branch(repo, "b", ["set", MAP, "hurts-poor", "text", "Theirs."])
    git(repo, "checkout", "-q", "a")
    # The driver as the README sets it up, with a PATH that has git but no argmap (a GUI
    # client, another shell).
    git(repo, "config", "merge.argmap.driver", readme_git_config("merge.argmap.driver", "argmap"))
    bare = {**ENV, "PATH": os.path.dirname(shutil.which("git")) + ":/bin"}
    merged = subprocess.run(["git", "merge", "b", "-m", "merge"], cwd=repo, env=bare,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert merged.returncode != 0
    text = (repo / MAP).read_text()
    assert "<<<<<<< ours" in text and ">>>>>>> theirs" in text
    assert "Ours." in text and "Theirs." in text  # neither side's work lost
    # and argmap, once there, names the conflict where the map still holds it
    result = argmap(repo, "validate", MAP)
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{MAP}:") and "error[merge_conflict]: an unresolved merge" in first


def test_three_identical_maps_merge_at_once_without_change(tmp_path, monkeypatch):
    from argmap.edit import merge as merging

    monkeypatch.setattr(merging, "_attempt", lambda *a, **k: pytest.fail("item by item"))
    text = CONGESTION.read_text()
    result = merge(text, text, text, "m.yaml")
    assert result.clean and result.text == text
    changed = text.replace("Riverton should charge", "Riverton must charge")
    assert merge(text, text, changed, "m.yaml").text == changed  # only theirs changed
    assert merge(text, changed, text, "m.yaml").text == changed  # only ours changed


# --- renames that meet an id the other side has, and sides that are not maps ----------------

AIR_BASE = """title: Air
claims:
  - id: clean
    text: The city should act on air quality.
    kind: conclusion
  - id: bad-air
    text: The air in the city is bad for children's lungs.
    supports: [clean]
"""


def test_a_rename_onto_an_id_the_other_side_added_is_a_conflict_not_undone():
    ours = AIR_BASE.replace("id: bad-air", "id: dirty-air") + (
        "  - id: smog\n    text: Smog days doubled.\n    kind: evidence\n"
        "    supports: [dirty-air]\n"
    )
    theirs = AIR_BASE + (
        "  - id: dirty-air\n    text: Diesel buses foul the air.\n    attacks: [clean]\n"
    )
    result = merge(AIR_BASE, ours, theirs, "m.yaml")
    assert not result.clean
    assert result.ids() == ["dirty-air"]
    assert "ours renamed 'bad-air' to 'dirty-air'" in result.conflicts[0].reason
    # Both claims are in the file, marked; smog still supports ours' claim.
    assert "<<<<<<< ours" in result.text and "Diesel buses" in result.text
    assert "children's lungs" in result.text
    assert "id: bad-air" not in result.text


def test_two_claims_renamed_to_one_id_on_the_two_sides_is_a_conflict():
    ours = AIR_BASE.replace("id: bad-air", "id: air")
    theirs = AIR_BASE.replace("id: clean", "id: air").replace(
        "supports: [clean]", "supports: [air]"
    )
    result = merge(AIR_BASE, ours, theirs, "m.yaml")
    assert not result.clean
    assert "air" in result.ids()
    assert any("renamed 'clean' to it" in c.reason for c in result.conflicts)
    assert "children's lungs" in result.text and "act on air quality" in result.text


@pytest.mark.parametrize(
    "broken",
    ["title: [unclosed\nclaims: {\n", "<<<<<<< ours\ntitle: x\n=======\ntitle: y\n>>>>>>> b\n",
     b"\x00\x01\xffgarbage\x00"],
    ids=["yaml-error", "conflict-markers", "binary"],
)  # fmt: skip
def test_a_side_that_is_not_a_map_is_merged_as_text_never_dropped(tmp_path, broken):
    base, ours, theirs = tmp_path / "b.yaml", tmp_path / "o.yaml", tmp_path / "t.yaml"
    base.write_text(AIR_BASE)
    ours.write_text(AIR_BASE.replace("bad for", "harmful to"))
    if isinstance(broken, bytes):
        theirs.write_bytes(broken)
    else:
        theirs.write_text(broken)
    done = argmap(tmp_path, "merge", str(base), str(ours), str(theirs))
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "conflict" in done.stderr
    merged = ours.read_bytes()
    assert b"<<<<<<< ours" in merged and b">>>>>>> theirs" in merged
    assert b"harmful to" in merged  # ours kept
    theirs_bytes = broken if isinstance(broken, bytes) else broken.encode()
    assert theirs_bytes.strip().splitlines()[0] in merged  # theirs kept too


def test_a_side_that_is_not_a_map_leaves_a_conflict_in_a_real_repository(tmp_path):
    repo = tmp_path / "r"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "merge.argmap.driver", f"{ARGMAP} merge %O %A %B --name %P")
    (repo / ".gitattributes").write_text("*.yaml merge=argmap\n")
    (repo / "m.yaml").write_text(AIR_BASE)
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    git(repo, "checkout", "-qb", "theirs")
    (repo / "m.yaml").write_text(AIR_BASE + "  - {id: theirs-claim, text: [broken\n")
    git(repo, "commit", "-qam", "theirs")
    git(repo, "checkout", "-q", "main")
    (repo / "m.yaml").write_text(AIR_BASE.replace("bad for", "harmful to"))
    git(repo, "commit", "-qam", "ours")
    done = git(repo, "merge", "theirs", check=False)
    assert done.returncode != 0
    assert "UU m.yaml" in git(repo, "status", "--short").stdout
    # git's text merge joined the two sides' lines (no overlap): both are there, and the
    # file stays a conflict for the user to resolve.
    text = (repo / "m.yaml").read_text()
    assert "theirs-claim" in text and "harmful to" in text


def test_a_side_that_cannot_be_read_at_all_is_a_usage_error_and_changes_nothing(tmp_path):
    base, ours = tmp_path / "b.yaml", tmp_path / "o.yaml"
    base.write_text(AIR_BASE)
    ours.write_bytes(b"title: caf\xe9\n")  # not UTF-8: no map, so a text merge is tried
    done = argmap(tmp_path, "merge", str(base), str(ours), str(tmp_path))  # theirs: a folder
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert ours.read_bytes() == b"title: caf\xe9\n"
