"""A debate across maps: a map that uses others is read with them, every command works over
the whole, problems are located where they are written, edits change only the file named."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import HARBOUR, HARBOUR_REPLY, ROOT, SHIPPED, run

from argmap.formats.native import loads
from argmap.model.debate import origin
from argmap.operations.loading import read_map

BALLAST = ROOT / "maps" / "alliance-ballast.yaml"


def labels(path) -> dict[str, str]:
    result = run("eval", path, "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["labels"]


def test_the_second_map_uses_the_first_and_changes_its_labels():
    first = labels(SHIPPED)
    both = labels(BALLAST)
    changed = {k: (v, both[f"panda:{k}"]) for k, v in first.items() if both[f"panda:{k}"] != v}
    # The counter-essay's reasons settle the reading Panda leaves open, against retrenchment;
    # the two recommendations attack each other and neither wins.
    assert changed["retrenchment-risk"] == ("undec", "out")
    assert changed["china-focus"] == ("undec", "in")
    assert changed["prepare-for-readjustment"] == ("in", "undec")
    assert both["treat-as-durable"] == "undec"
    # Every label of Panda's that changes is one a note of the maps explains.
    text = BALLAST.read_text(encoding="utf-8") + SHIPPED.read_text(encoding="utf-8")
    notes = " ".join(c.note or "" for c in read_map(BALLAST).model.claims) + text
    assert all(k in notes for k in changed)
    model = read_map(BALLAST).model
    links_into_first = [lk for lk in model.all_links() if origin(lk.target) == "panda"
                        and origin(lk.source) is None]  # fmt: skip
    kinds = {lk.kind.value for lk in links_into_first}
    assert len(links_into_first) >= 2 and {"support", "attack", "undercut"} <= kinds
    replies = [lk for lk in model.all_links() if origin(lk.source) == "panda"
               and origin(lk.target) is None]  # fmt: skip
    assert replies, "the debate records a reply from the first map"


def test_the_shipped_debate_is_not_one_sided_but_would_be_without_pandas_reply(tmp_path):
    result = run("validate", "--strict", BALLAST)
    assert result.exit_code == 0 and "one_sided_debate" not in result.output
    # Without the one link from Panda's map into the rebuttal, the note fires.
    shutil.copy(SHIPPED, tmp_path / SHIPPED.name)
    text = BALLAST.read_text(encoding="utf-8")
    reply = text.index("  - source: panda:prepare-for-readjustment")
    end = text.index("\n  - ", reply + 1) if "\n  - " in text[reply + 1 :] else len(text)
    (tmp_path / BALLAST.name).write_text(text[:reply] + text[end + 1 :], encoding="utf-8")
    result = run("validate", tmp_path / BALLAST.name)
    assert "note[one_sided_debate]" in result.output, result.output


def test_a_reply_with_no_answer_from_the_map_it_uses_is_said_to_have_the_last_word(tmp_path):
    result = run("validate", HARBOUR_REPLY)
    assert result.exit_code == 0  # a note, not a failure
    notes = [line for line in result.output.splitlines() if "[one_sided_debate]" in line]
    assert len(notes) == 1
    # Located at the uses entry, naming the map and the labels of it that change.
    assert notes[0].startswith(f"{HARBOUR_REPLY}:6:")
    first, both = labels(HARBOUR), labels(HARBOUR_REPLY)
    changed = {k for k, v in first.items() if both[f"port:{k}"] != v}
    assert changed and all(f"port:{k} {first[k]}->{both['port:' + k]}" in notes[0]
                           for k in changed)  # fmt: skip
    assert "'port'" in notes[0] and "last word" in notes[0]
    # eval's header says so too, and its JSON lists it.
    shown = run("eval", HARBOUR_REPLY).stdout.splitlines()
    assert shown[1].startswith("note: one-sided debate")
    data = json.loads(run("eval", HARBOUR_REPLY, "-f", "json").stdout)
    assert data["one_sided"][0]["map"] == "port"
    assert {c["id"] for c in data["one_sided"][0]["changes"]} == {f"port:{k}" for k in changed}


def test_one_reply_from_the_used_map_is_enough_to_lift_the_note(tmp_path):
    for name in ("harbour.yaml", "harbour-reply.yaml"):
        shutil.copy(HARBOUR.parent / name, tmp_path / name)
    shutil.copytree(HARBOUR.parent / "sources", tmp_path / "sources")
    path = tmp_path / "harbour-reply.yaml"
    path.write_text(path.read_text(encoding="utf-8")
                    + "\nlinks:\n  - {source: port:open-at-night, target: keep-closed,"
                    " kind: attack}\n", encoding="utf-8")  # fmt: skip
    result = run("validate", path)
    assert result.exit_code == 0, result.output
    assert "one_sided_debate" not in result.output
    assert "one_sided" not in json.loads(run("eval", path, "-f", "json").stdout)


def test_show_says_where_each_claim_comes_from():
    shown = run("show", HARBOUR_REPLY, "--depth", "1").stdout
    assert "port: claims of harbour.yaml" in shown.splitlines()[1]
    assert "CONCLUSION port:open-at-night" in shown and "CONCLUSION keep-closed" in shown
    dot = run("export", HARBOUR_REPLY, "--to", "dot").stdout
    assert "claims of harbour.yaml" in dot and "port:open-at-night" in dot


def test_the_reply_links_into_the_map_it_uses_and_changes_its_labels():
    first = labels(HARBOUR)
    both = labels(HARBOUR_REPLY)
    assert (first["night-clears-peak"], both["port:night-clears-peak"]) == ("in", "out")
    assert (first["open-at-night"], both["port:open-at-night"]) == ("in", "out")
    model = read_map(HARBOUR_REPLY).model
    own = [c for c in model.claims if origin(c.id) is None]
    into_first = [lk for lk in model.all_links() if origin(lk.target) == "port"
                  and origin(lk.source) is None]  # fmt: skip
    # support, attack, and the undercut a 'no' answer makes
    assert {lk.kind.value for lk in into_first} == {"support", "attack", "undercut"}
    assert len(own) == 5 and len(model.claims) == 26


@pytest.mark.parametrize(
    "command",
    [["claims", "--where", "tag:freight", "-f", "ids"], ["why", "port:night-clears-peak"],
     ["impact", "warehouses-close", "-f", "ids"],
     ["path", "warehouses-close", "port:open-at-night"], ["coverage", "-f", "json"],
     ["questions", "--all", "-f", "ids"], ["stats"]],
)  # fmt: skip
def test_commands_work_over_the_whole_debate(command):
    result = run(command[0], HARBOUR_REPLY, *command[1:])
    assert result.exit_code == 0, result.output


def test_impact_and_questions_cross_from_one_map_into_the_other():
    impact = run("impact", HARBOUR_REPLY, "warehouses-close", "-f", "ids").stdout.split()
    assert impact[:3] == ["peak-persists", "port:night-clears-peak", "port:open-at-night"]
    everything = run("questions", HARBOUR_REPLY, "--all", "-f", "ids").stdout.split()
    still_open = run("questions", HARBOUR_REPLY, "-f", "ids").stdout.split()
    assert "port:precedent/relevant" in everything
    assert "port:precedent/relevant" not in still_open  # answered (no) by the reply


def test_a_combined_export_is_one_valid_map_that_reads_back_the_same(tmp_path):
    exported = run("export", HARBOUR_REPLY, "--to", "json")
    assert exported.exit_code == 0
    path = tmp_path / "debate.json"  # far from the maps: nothing used is read again
    path.write_text(exported.stdout)
    assert run("validate", path).exit_code in (0, 1)
    again = read_map(path).model
    assert [c.id for c in again.claims] == [c.id for c in read_map(HARBOUR_REPLY).model.claims]
    assert labels(path) == labels(HARBOUR_REPLY)


@pytest.fixture
def debate(tmp_path):
    folder = tmp_path / "maps"
    shutil.copytree(HARBOUR.parent, folder)
    return folder


def test_a_reference_to_nothing_in_a_used_map_is_located_at_the_reference(debate):
    path = debate / HARBOUR_REPLY.name
    text = path.read_text().replace("attacks: [port:night-clears-peak]",
                                    "attacks: [port:night-clears-pek]")  # fmt: skip
    path.write_text(text)
    result = run("validate", path)
    assert result.exit_code == 1
    line = next(i for i, x in enumerate(text.splitlines(), 1) if "night-clears-pek" in x)
    assert f"{HARBOUR_REPLY.name}:{line}:" in result.stdout
    assert "dangling_ref" in result.stdout and "port:night-clears-pek" in result.stdout


def test_a_missing_or_circular_use_is_located_at_its_entry(debate):
    path = debate / HARBOUR_REPLY.name
    text = path.read_text()
    line = next(i for i, x in enumerate(text.splitlines(), 1) if "path: harbour.yaml" in x)
    path.write_text(text.replace("path: harbour.yaml", "path: nowhere.yaml"))
    missing = run("validate", path)
    assert missing.exit_code == 1
    assert f"{HARBOUR_REPLY.name}:{line}:24: error[dangling_use]: used map 'port'" in (
        missing.stdout + missing.stderr
    )
    # The first map uses the second, which uses the first: a circle.
    path.write_text(text)
    first = debate / HARBOUR.name
    use = f"uses:\n  - {{name: reply, path: {HARBOUR_REPLY.name}}}\n"
    first.write_text(first.read_text().replace("sources:\n", use + "sources:\n", 1))
    circle = run("validate", path)
    assert circle.exit_code == 1
    said = circle.stdout + circle.stderr
    assert "circular_use" in said and "maps use each other in a circle" in said


def test_editing_changes_only_the_file_named(debate):
    path = debate / HARBOUR_REPLY.name
    used = (debate / HARBOUR.name).read_bytes()
    added = run("add", path, "--text", "Another reason.", "--id", "another",
                "--attacks", "port:union-asks")  # fmt: skip
    assert added.exit_code == 0, added.output
    assert (debate / HARBOUR.name).read_bytes() == used
    assert "attacks: ['port:union-asks']" in path.read_text()
    refused = run("rm", path, "port:open-at-night")
    assert refused.exit_code != 0
    assert (debate / HARBOUR.name).read_bytes() == used


def test_diff_compares_the_whole_debate(debate):
    before = debate / "before.yaml"
    shutil.copyfile(debate / HARBOUR_REPLY.name, before)
    path = debate / HARBOUR_REPLY.name
    path.write_text(path.read_text().replace("    attacks: [port:night-clears-peak]\n", ""))
    result = run("diff", before, path, "-f", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["removed_links"][0]["id"] == "peak-persists.attack.port:night-clears-peak"


def test_a_debate_read_from_git_reads_the_maps_it_uses_at_the_same_revision(debate, monkeypatch):
    import subprocess

    root = debate.parent
    monkeypatch.chdir(root)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "first"], check=True)
    used = debate / HARBOUR.name  # the used map changes after the commit
    used.write_text(used.read_text().replace(
        "text: Calder should open its harbour to freight at night.",
        "text: Calder should open its harbour at night."))  # fmt: skip
    result = run("diff", f"HEAD:maps/{HARBOUR_REPLY.name}", f"maps/{HARBOUR_REPLY.name}",
                 "-f", "json")  # fmt: skip
    assert result.exit_code == 1, result.output
    reworded = json.loads(result.stdout)["reworded"]
    assert [r["id"] for r in reworded] == ["port:open-at-night"]
    # A used map named outside the repository is not read, at any revision.
    escape = debate / "escape.yaml"
    escape.write_text("title: e\nuses: [{name: x, path: ../../outside.yaml}]\nclaims: []\n")
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "escape"], check=True)
    result = run("diff", "HEAD:maps/escape.yaml", "maps/escape.yaml")
    assert result.exit_code == 2 and "outside the repository at HEAD" in result.output


def test_a_qualified_reference_without_a_use_is_just_an_unknown_id():
    with pytest.raises(Exception, match="unknown claim 'x:y'"):
        from argmap.graph import build_graph

        build_graph(loads("title: t\nclaims:\n  - {id: a, text: A, supports: ['x:y']}\n", "m"))
