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
    # Panda's forecast and the counter-essay's reading attack each other, as the two
    # recommendations do: the question Panda leaves open stays open in the debate.
    assert both["panda:retrenchment-risk"] == both["panda:china-focus"] == "undec"
    assert changed["prepare-for-readjustment"] == ("in", "undec")
    assert both["treat-as-durable"] == both["rhetoric-not-structure"] == "undec"
    # Every label of Panda's that changes is one a note of the maps explains.
    text = BALLAST.read_text(encoding="utf-8") + SHIPPED.read_text(encoding="utf-8")
    notes = " ".join(c.note or "" for c in read_map(BALLAST).model.claims) + text
    assert all(k in notes for k in changed)
    model = read_map(BALLAST).model
    links_into_first = [lk for lk in model.all_links() if origin(lk.target) == "panda"
                        and origin(lk.source) is None]  # fmt: skip
    kinds = {lk.kind.value for lk in links_into_first}
    assert len(links_into_first) >= 2 and {"support", "attack", "undercut"} <= kinds
    replies = {(lk.source, lk.target) for lk in model.all_links()
               if origin(lk.source) == "panda" and origin(lk.target) is None}  # fmt: skip
    assert replies == {("panda:prepare-for-readjustment", "treat-as-durable"),
                       ("panda:retrenchment-risk", "rhetoric-not-structure")}  # fmt: skip


def test_the_shipped_debate_names_only_the_changes_no_reply_answers(tmp_path):
    result = run("validate", "--strict", BALLAST)
    assert result.exit_code == 0, result.output
    notes = [line for line in result.output.splitlines() if "[one_sided_debate]" in line]
    assert len(notes) == 1
    # The forecast and the recommendation, answered on the merits, are not named.
    assert "panda:retrenchment-risk" not in notes[0]
    assert "panda:prepare-for-readjustment" not in notes[0]
    named = json.loads(run("eval", BALLAST, "-f", "json").stdout)["one_sided"][0]["changes"]
    for change in named:  # each change named holds only through its attack
        assert change["by"] and all(" attack " in b or " undercut " in b for b in change["by"])
    # Without Panda's reply to the rebuttal's reading, its change of the forecast is named.
    shutil.copy(SHIPPED, tmp_path / SHIPPED.name)
    text = BALLAST.read_text(encoding="utf-8")
    reply = text.index("  - source: panda:retrenchment-risk")
    end = text.index("\n  - ", reply + 1) if "\n  - " in text[reply + 1 :] else len(text)
    (tmp_path / BALLAST.name).write_text(text[:reply] + text[end + 1 :], encoding="utf-8")
    result = run("validate", tmp_path / BALLAST.name)
    note = next(line for line in result.output.splitlines() if "[one_sided_debate]" in line)
    assert "panda:retrenchment-risk undec->out, by rhetoric-not-structure attack" in note


def test_a_reply_with_no_answer_from_the_map_it_uses_is_said_to_have_the_last_word(tmp_path):
    result = run("validate", HARBOUR_REPLY)
    assert result.exit_code == 0  # a note, not a failure
    notes = [line for line in result.output.splitlines() if "[one_sided_debate]" in line]
    assert len(notes) == 1
    # Located at the uses entry, naming the map and the labels of it that change.
    assert notes[0].startswith(f"{HARBOUR_REPLY}:6:")
    first, both = labels(HARBOUR), labels(HARBOUR_REPLY)
    changed = {k for k, v in first.items() if both[f"port:{k}"] != v}
    assert changed and all(f"port:{k} {first[k]}->{both['port:' + k]}, by " in notes[0]
                           for k in changed)  # fmt: skip
    assert "'port'" in notes[0] and "does not answer" in notes[0]
    # eval's header says so too, and its JSON lists it.
    shown = run("eval", HARBOUR_REPLY).stdout.splitlines()
    assert shown[1].startswith("note: one-sided debate")
    data = json.loads(run("eval", HARBOUR_REPLY, "-f", "json").stdout)
    assert data["one_sided"][0]["map"] == "port"
    assert {c["id"] for c in data["one_sided"][0]["changes"]} == {f"port:{k}" for k in changed}


USED = """title: A
claims:
  - {id: c, text: The city should build the bridge., kind: conclusion}
  - {id: p, text: Traffic will double., supports: [c]}
  - {id: r, text: The tunnel floods every spring.}
  - {id: s, text: The bridge costs less than the tunnel., supports: [c]}
"""
DEBATE = """title: B
uses:
  - {name: a, path: a.yaml}
claims:
  - {id: x, text: A tunnel would serve better., attacks: ['a:c']}
  - {id: y, text: Tunnels last longer.}
  - {id: w, text: The council has the money., supports: [y]}
  - {id: z, text: The spring floods have stopped., attacks: ['a:r']}
links:
"""


OUT_OF_R = "a:r in->out, by z attack a:r"  # z's attack on a:r is never answered
OUT_OF_C = "a:c in->out, by x attack a:c"


@pytest.mark.parametrize(
    ("reply", "named"),
    [
        ("", True),
        # Answered on the merits: the used map's claim attacks the attacker, and stands.
        ("  - {source: 'a:s', target: x, kind: attack}\n", False),
        # An irrelevant reply: it attacks another claim, not the attack's source.
        ("  - {source: 'a:s', target: y, kind: attack}\n", True),
        # A reply from a claim that is out (z defeats a:r) answers nothing.
        ("  - {source: 'a:r', target: x, kind: attack}\n", True),
        # An undercut that changes nothing: it aims at a support the attack does not use.
        ("  - {source: 'a:s', target: w.support.y, kind: undercut}\n", True),
    ],
    ids=["none", "on-the-merits", "irrelevant", "from-an-out-claim", "idle-undercut"],
)  # fmt: skip
def test_the_note_judges_each_label_by_the_replies_that_answer_it(tmp_path, reply, named):
    (tmp_path / "a.yaml").write_text(USED, encoding="utf-8")
    path = tmp_path / "b.yaml"
    path.write_text(DEBATE + reply if reply else DEBATE.replace("links:\n", ""),
                    encoding="utf-8")  # fmt: skip
    result = run("validate", path)
    assert result.exit_code == 0, result.output
    notes = [line for line in result.output.splitlines() if "[one_sided_debate]" in line]
    assert len(notes) == 1 and OUT_OF_R in notes[0], notes
    assert (OUT_OF_C in notes[0]) is named, notes[0]
    if not named:  # answered on the merits: a:c keeps its label in the debate
        assert labels(path)["a:c"] == "in"


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
