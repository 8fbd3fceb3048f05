"""Editing maps from the shell: nothing lost, nothing half-written."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap

import pytest
from conftest import CONGESTION, HARBOUR, MAPS, run

from argmap.operations.loading import read_map

COMMENTED = textwrap.dedent("""\
    # Harbour plan map.
    argmap: 1
    title: Should the port open at night?   # the question
    claims:
      # --- the proposal ---
      - id: open
        text: The port should open at night
        kind: conclusion

      # --- for ---
      - id: halves
        text: Night opening halves truck waiting times
        kind: evidence
        supports: [open]   # the main reason

      # --- against ---
      - id: noise
        text: Noise would harm the old town
        kind: objection
    links:
      # an objection
      - {source: noise, target: open, kind: attack}
    """)


@pytest.fixture
def map_file(tmp_path):
    path = tmp_path / "ports.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    return path


def comments(text):
    return [line.strip() for line in text.splitlines() if "#" in line]


def test_add_keeps_every_comment_and_every_untouched_byte(map_file):
    result = run(
        "add",
        map_file,
        "--text",
        "Trucks could use the bypass",
        "--kind",
        "objection",
        "--attacks",
        "halves",
        "--tag",
        "traffic",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "trucks-could-use-the-bypass\n"
    new = map_file.read_text()
    assert new.startswith(COMMENTED.split("links:")[0].rstrip("\n"))
    assert comments(new) == comments(COMMENTED)
    assert "  - id: trucks-could-use-the-bypass\n    text: Trucks could use the bypass\n" in new
    assert "    tags: [traffic]\n    attacks: [halves]\n" in new
    doc = read_map(map_file)
    assert doc.model.claims[-1].attacks == ["halves"]


def test_link_set_unlink_rm_keep_comments(map_file):
    assert run("link", map_file, "noise", "attacks", "halves", "--note", "louder").stdout == (
        "noise.attack.halves\n"
    )
    assert run("set", map_file, "noise", "confidence", "0.4").exit_code == 0
    assert run("set", map_file, "open", "text", "The port should open at night: yes").exit_code == 0
    assert run("unlink", map_file, "noise", "attacks", "open").exit_code == 0
    assert run("rm", map_file, "halves", "--cascade").stdout == (
        "removed link noise.attack.halves\nremoved claim halves\n"
    )
    new = map_file.read_text()
    assert comments(new) == [
        c for c in comments(COMMENTED) if c != "supports: [open]   # the main reason"
    ]
    model = read_map(map_file).model
    assert [c.id for c in model.claims] == ["open", "noise"]
    assert model.claims[0].text == "The port should open at night: yes"
    assert model.claims[1].confidence == 0.4
    assert model.links == []


def test_rm_refuses_while_linked(map_file):
    before = map_file.read_bytes()
    result = run("rm", map_file, "open")
    assert result.exit_code == 2
    assert "'open' is still linked: halves.support.open, noise.attack.open" in result.stderr
    assert map_file.read_bytes() == before


def test_a_failed_validation_leaves_the_file_byte_for_byte(map_file):
    before = map_file.read_bytes()
    for args in (
        ["set", map_file, "noise", "kind", "objecton"],  # not a kind
        ["link", map_file, "noise", "supports", "nowhere"],  # dangling
        ["link", map_file, "open", "supports", "halves"],  # a cycle of support
        ["add", map_file, "--text", "Again", "--id", "open"],  # duplicate id
        ["set", map_file, "noise", "confidence", "7"],  # out of range
    ):
        result = run(*args)
        assert result.exit_code in (1, 2), args
        assert "Traceback" not in result.output
        assert map_file.read_bytes() == before, args
    assert "refused, nothing written" in run("set", map_file, "noise", "kind", "objecton").stderr


def test_unset_and_usage_errors(map_file):
    assert run("set", map_file, "noise", "colour", "red").exit_code == 2
    assert run("set", map_file, "noise", "text").exit_code == 2
    assert run("set", map_file, "nobody", "text", "x").exit_code == 2
    assert run("set", map_file, "open", "kind", "--unset").exit_code == 0
    assert read_map(map_file).model.claims[0].kind.value == "claim"


def test_json_maps_are_edited_as_data(tmp_path):
    path = tmp_path / "m.json"
    assert run("new", path, "--title", "T").exit_code == 0
    assert run("add", path, "--text", "A claim", "--kind", "conclusion").exit_code == 0
    assert run("add", path, "--text", "A reason", "--supports", "a-claim").exit_code == 0
    data = json.loads(path.read_text())
    assert [c["id"] for c in data["claims"]] == ["a-claim", "a-reason"]
    assert run("unlink", path, "a-reason.support.a-claim").exit_code == 0
    assert "supports" not in json.loads(path.read_text())["claims"][1]


def test_new_refuses_to_overwrite(map_file):
    assert run("new", map_file, "--title", "T").exit_code == 2


def test_a_process_killed_mid_write_leaves_the_old_file(map_file):
    before = map_file.read_bytes()
    script = textwrap.dedent(f"""
        import os, signal, sys
        real = os.replace
        def die(*a, **k):
            os.kill(os.getpid(), signal.SIGKILL)
        os.replace = die
        sys.argv = ["argmap", "set", {str(map_file)!r}, "noise", "confidence", "0.3"]
        from argmap.cli import main
        main()
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, check=False)
    assert proc.returncode == -signal.SIGKILL
    assert map_file.read_bytes() == before
    assert read_map(map_file).model.claims[2].confidence is None


def test_fmt_orders_keys_keeps_comments_and_is_idempotent(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(
        "# top\nclaims:\n  - text: C  # the claim\n    kind: conclusion\n    id: c\ntitle: T\n"
    )
    assert run("fmt", path, "--check").exit_code == 1
    assert run("fmt", path).stdout == f"reformatted {path}\n"
    assert path.read_text() == (
        "# top\ntitle: T\nclaims:\n  - id: c\n    text: C  # the claim\n    kind: conclusion\n"
    )
    check = run("fmt", path, "--check")
    assert (check.exit_code, check.stdout) == (0, "")


def test_fmt_dash_is_a_filter_as_editors_run_formatters():
    text = "# top\nclaims:\n  - text: C  # the claim\n    kind: conclusion\n    id: c\ntitle: T\n"
    formatted = (
        "# top\ntitle: T\nclaims:\n  - id: c\n    text: C  # the claim\n    kind: conclusion\n"
    )
    done = run("fmt", "-", input=text)
    assert (done.exit_code, done.stdout) == (0, formatted)
    assert run("fmt", "-", input=formatted).stdout == formatted  # idempotent
    check = run("fmt", "-", "--check", input=text)
    assert (check.exit_code, check.stdout) == (1, "would reformat -\n")
    assert run("fmt", "-", "--check", input=formatted).exit_code == 0
    diff = run("fmt", "-", "--diff", input=text)
    assert diff.exit_code == 1 and "+  - id: c" in diff.stdout
    # JSON stays JSON; a broken map and "-" among files are refused, nothing printed.
    as_json = run("fmt", "-", input='{"title": "T", "claims": [{"text": "C", "id": "c"}]}')
    assert as_json.exit_code == 0 and as_json.stdout.startswith("{")
    assert run("fmt", "-", input="title: [\n").exit_code == 1
    mixed = run("fmt", "-", HARBOUR, input=text)
    assert (mixed.exit_code, mixed.stdout) == (2, "")
    # The map's text comes out as it is, not as a report made safe for a terminal: a C1
    # control character in a JSON string is the map's content, kept.
    raw = '{"title": "T\u009b[2J — 日本", "claims": [{"id": "c", "text": "C"}]}'
    kept = run("fmt", "-", input=raw)
    assert kept.exit_code == 0 and "T\u009b[2J — 日本" in kept.stdout


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_shipped_maps_are_formatted(path, tmp_path):
    shutil.copytree(path.parent, tmp_path / "maps")  # with the maps a map uses
    copy = tmp_path / "maps" / path.name
    assert run("fmt", copy, "--check").exit_code == 0


def test_editing_a_map_with_a_missing_source_text_still_works(tmp_path):
    # The map names a source text that is not there: its quotes go unchecked (a warning,
    # which --strict counts), and the edit goes through.
    path = tmp_path / CONGESTION.name
    shutil.copy(CONGESTION, path)
    result = run("validate", path)
    assert result.exit_code == 0 and "warning[source_absent]" in result.output
    assert run("set", path, "hurts-poor", "confidence", "0.3").exit_code == 0
    assert read_map(path).model.claims[7].confidence == 0.3
    assert os.path.exists(path)


def test_edits_work_on_other_layouts(tmp_path):
    # Items not indented under their key, and no line break at the end of the file.
    path = tmp_path / "m.yaml"
    path.write_text("title: t\nclaims:\n- id: c\n  text: C\n  kind: conclusion")
    assert run("add", path, "--text", "Q", "--attacks", "c").exit_code == 0
    assert run("set", path, "q", "note", "a note").exit_code == 0
    assert run("add", path, "--text", "R").exit_code == 0
    assert run("link", path, "r", "attacks", "c", "--id", "also").exit_code == 0
    text = path.read_text()
    assert text.startswith("title: t\nclaims:\n- id: c\n  text: C\n  kind: conclusion\n- id: q\n")
    model = read_map(path).model
    assert model.claims[1].note == "a note"
    assert [lk.id for lk in model.all_links()] == ["q.attack.c", "also"]
    # Flow-style claims are edited in place.
    flow = tmp_path / "f.yaml"
    flow.write_text(
        "title: t\nclaims:\n  - {id: c, text: C}\n  - {id: a, text: A, supports: [c]}\n"
    )
    assert run("set", flow, "a", "text", "New: A").exit_code == 0
    assert run("unlink", flow, "a", "supports", "c").exit_code == 0
    assert (
        flow.read_text() == "title: t\nclaims:\n  - {id: c, text: C}\n  - {id: a, text: 'New: A'}\n"
    )


def test_rm_cascade_removes_chains_of_undercuts_deepest_first(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(
        "title: t\nclaims:\n  - {id: c, text: C, kind: conclusion}\n"
        "  - {id: p, text: P, supports: [c]}\n  - {id: q, text: Q, supports: [c]}\n"
        "  - {id: u, text: U, undercuts: [p.support.c]}\n"
        "  - {id: w, text: W, undercuts: [u.undercut.p.support.c]}\n"
    )
    result = run("rm", path, "p", "--cascade")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "removed link w.undercut.u.undercut.p.support.c",
        "removed link u.undercut.p.support.c",
        "removed claim p",
    ]
    assert [c.id for c in read_map(path).model.claims] == ["c", "q", "u", "w"]


def test_an_edit_writes_through_a_symbolic_link_and_keeps_it(tmp_path):
    real = tmp_path / "real.yaml"
    shutil.copy(CONGESTION, real)
    (tmp_path / "sources").mkdir()
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    assert run("set", link, "hurts-poor", "confidence", "0.3").exit_code == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "confidence: 0.3" in real.read_text()


def test_a_read_only_map_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "m.yaml"
    shutil.copy(CONGESTION, path)
    path.chmod(0o444)
    before = path.read_bytes()
    result = run("set", path, "hurts-poor", "confidence", "0.3")
    assert result.exit_code == 3
    assert "the file is read-only, so argmap leaves it as it is" in result.stderr
    assert path.read_bytes() == before


def test_temporaries_left_by_a_killed_edit_are_cleared_by_the_next(tmp_path):
    path = tmp_path / "m.yaml"
    shutil.copy(CONGESTION, path)
    # What a process killed between writing its temporary and renaming it leaves: its pid
    # (long dead here) in the name.
    left = tmp_path / f".m.yaml.{2**22 + 12345}.abc123.argmap-tmp"
    left.write_text("half a map")
    assert run("set", path, "hurts-poor", "confidence", "0.3").exit_code == 0
    assert not left.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("text", ["a\x85b", "line\u2028sep", "para\u2029sep"])
def test_text_with_yaml_1_1_line_breaks_is_stored_as_given(tmp_path, text):
    # NEL, LS and PS are line breaks to libyaml, folded to spaces even in single quotes.
    path = tmp_path / "m.yaml"
    assert run("new", path, "--title", "T").exit_code == 0
    assert run("add", path, "--text", text, "--id", "x").exit_code == 0
    assert run("set", path, "x", "note", text).exit_code == 0
    claim = read_map(path).model.claims[0]
    assert (claim.text, claim.note) == (text, text)


def test_edits_keep_items_that_open_with_a_comment_after_the_dash(tmp_path):
    text = (
        "title: t\nclaims:\n  - # the conclusion\n    id: c\n    text: C\n    kind: conclusion\n"
        "  - # a reason\n    id: r\n    text: R\n    supports: [c]\n"
    )
    added = tmp_path / "a.yaml"
    added.write_text(text)
    assert run("add", added, "--text", "New one", "--supports", "c").exit_code == 0
    assert added.read_text() == text + (
        "  - id: new-one\n    text: New one\n    kind: claim\n    supports: [c]\n"
    )
    removed = tmp_path / "r.yaml"
    removed.write_text(text)
    result = run("rm", removed, "c", "--cascade")
    assert result.exit_code == 0, result.output
    assert removed.read_text() == "title: t\nclaims:\n  - # a reason\n    id: r\n    text: R\n"
    assert [c.id for c in read_map(removed).model.claims] == ["r"]


def test_a_link_that_doubles_one_already_there_is_refused(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("title: t\nclaims:\n  - {id: c, text: C, kind: conclusion}\n"
                    "  - {id: p, text: P, supports: [c]}\n")  # fmt: skip
    before = path.read_bytes()
    for args in (["p", "supports", "c"], ["p", "supports", "c", "--id", "again"]):
        result = run("link", path, *args)
        assert result.exit_code == 2
        assert "p supports c already: link p.support.c" in result.stderr
    assert path.read_bytes() == before


def test_set_names_an_unknown_id_with_a_did_you_mean_and_sets_the_maps_own_fields(tmp_path):
    path = tmp_path / "m.yaml"
    shutil.copy(HARBOUR, path)
    before = path.read_text(encoding="utf-8")
    wrong = run("set", path, "open-at-nigt", "text", "X.")
    assert wrong.exit_code == 2
    assert "no claim or link" in wrong.output and "did you mean 'open-at-night'" in wrong.output
    assert path.read_text(encoding="utf-8") == before
    assert run("set", path, "title", "Should Calder open at night?").exit_code == 0
    assert run("set", path, "description", "A test map.").exit_code == 0
    assert run("set", path, "tags", "harbour, night").exit_code == 0
    assert run("set", path, "created", "2026-12").exit_code == 0
    model = read_map(path).model
    assert (model.title, model.description, model.tags) == (
        "Should Calder open at night?", "A test map.", ["harbour", "night"])  # fmt: skip
    assert str(model.created) == "2026-12"
    assert run("set", path, "description", "--unset").exit_code == 0
    assert read_map(path).model.description is None
    bad = run("set", path, "created", "soon")
    assert bad.exit_code == 2 and "YYYY" in bad.output
    assert run("set", path, "title", "--unset").exit_code == 2


RENAMED = """title: t
claims:
  - {id: c, text: C is so., kind: conclusion}
  - {id: old, text: O is so., kind: objection}
  - {id: x, text: X is so.}
  - {id: u, text: U is so., undercuts: [old.attack.c]}
  - {id: w, text: W is so.}
links:
  - {id: old.attack.c, source: old, target: c, kind: attack}
  - {source: x, target: old, kind: attack}
  - {id: w.undercut.old.attack.c, source: w, target: old.attack.c, kind: undercut}
  - {id: my-own, source: u, target: old, kind: support}
"""


def test_rename_carries_the_link_ids_argmap_made_from_the_claim_and_keeps_a_users_own(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(RENAMED, encoding="utf-8")
    assert run("rename", path, "old", "new").exit_code == 0
    ids = {lk.id for lk in read_map(path).model.links}
    assert {"new.attack.c", "w.undercut.new.attack.c", "my-own"} <= ids
    assert not any("old" in i for i in ids if i)
    assert "undercuts: [new.attack.c]" in path.read_text(encoding="utf-8")
    assert run("validate", path).exit_code == 0


def test_a_link_may_be_given_an_id_of_argmaps_own_pattern(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(RENAMED, encoding="utf-8")
    assert run("link", path, "w", "supports", "c", "--id", "w.support.c").exit_code == 0
    renamed = run("rename", path, "my-own", "u.support.old", "--kind", "link")
    assert renamed.exit_code == 0, renamed.output
    assert "u.support.old" in {lk.id for lk in read_map(path).model.links}


def test_set_puts_a_new_field_where_fmt_would_so_the_file_stays_formatted(tmp_path):
    m = tmp_path / "m.yaml"
    shutil.copy(HARBOUR, m)
    shutil.copytree(HARBOUR.parent / "sources", tmp_path / "sources")
    assert run("fmt", m).exit_code == 0  # the fixture is laid out by hand: fmt's first
    assert run("fmt", "--check", m).exit_code == 0
    assert run("set", m, "open-at-night", "label", "Open at night").exit_code == 0
    assert run("set", m, "open-at-night", "note", "The op-ed's thesis.").exit_code == 0
    assert run("set", m, "demand-grows", "confidence", "0.6").exit_code == 0
    assert run("fmt", "--check", m).exit_code == 0, m.read_text(encoding="utf-8")
    text = m.read_text(encoding="utf-8")
    block = text[text.index("- id: open-at-night") :].split("\n  - id:")[0]
    assert block.index("kind:") < block.index("label:") < block.index("tags:")
