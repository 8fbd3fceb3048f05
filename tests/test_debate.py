"""A debate across maps: a map that uses others is read with them, every command works over
the whole, problems are located where they are written, edits change only the file named."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import ROOT, SHIPPED, run

from argmap.formats import read_map
from argmap.formats.native import loads
from argmap.model.debate import origin

BALLAST = ROOT / "maps" / "alliance-ballast.yaml"


def labels(path) -> dict[str, str]:
    result = run("eval", path, "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["labels"]


def test_the_second_map_uses_the_first_and_changes_its_labels():
    first = labels(SHIPPED)
    both = labels(BALLAST)
    changed = {k: (v, both[f"panda:{k}"]) for k, v in first.items() if both[f"panda:{k}"] != v}
    # The counter-essay settles the question Panda leaves open, against retrenchment.
    assert changed["retrenchment-risk"] == ("undec", "out")
    assert changed["china-focus"] == ("undec", "in")
    assert changed["prepare-for-readjustment"] == ("in", "out")
    assert both["treat-as-durable"] == "in"
    model = read_map(BALLAST).model
    own = [c for c in model.claims if origin(c.id) is None]
    links_into_first = [lk for lk in model.all_links() if origin(lk.target) == "panda"
                        and origin(lk.source) is None]  # fmt: skip
    kinds = {lk.kind.value for lk in links_into_first}
    assert len(links_into_first) >= 2 and {"support", "attack", "undercut"} <= kinds
    assert len(own) == 15 and len(model.claims) == 55


def test_show_says_where_each_claim_comes_from():
    shown = run("show", BALLAST, "--depth", "1").stdout
    assert "panda: claims of us-japan-trump2.yaml" in shown.splitlines()[1]
    assert "CONCLUSION panda:hedge" in shown and "CONCLUSION treat-as-durable" in shown
    dot = run("export", BALLAST, "--to", "dot").stdout
    assert "claims of us-japan-trump2.yaml" in dot and "panda:hedge" in dot


@pytest.mark.parametrize(
    "command",
    [["claims", "--where", "tag:institutions", "-f", "ids"], ["why", "panda:retrenchment-risk"],
     ["impact", "institutional-ballast", "-f", "ids"],
     ["path", "joint-headquarters", "panda:keep-investing"], ["coverage", "-f", "json"],
     ["questions", "--all", "-f", "ids"], ["stats"]],
)  # fmt: skip
def test_commands_work_over_the_whole_debate(command):
    result = run(command[0], BALLAST, *command[1:])
    assert result.exit_code == 0, result.output


def test_impact_and_path_cross_from_one_map_into_the_other():
    impact = run("impact", BALLAST, "joint-headquarters", "-f", "ids").stdout.split()
    assert "panda:retrenchment-risk" in impact
    why = run("questions", BALLAST, "--all", "-f", "ids").stdout.split()
    assert (
        "panda:great-power-bargains/relevant"
        not in run("questions", BALLAST, "-f", "ids").stdout.split()
    )  # answered (no) by the second essay
    assert "panda:great-power-bargains/relevant" in why


def test_a_combined_export_is_one_valid_map_that_reads_back_the_same(tmp_path):
    exported = run("export", BALLAST, "--to", "json")
    assert exported.exit_code == 0
    path = tmp_path / "debate.json"  # far from the maps: nothing used is read again
    path.write_text(exported.stdout)
    assert run("validate", path).exit_code in (0, 1)
    again = read_map(path).model
    assert [c.id for c in again.claims] == [c.id for c in read_map(BALLAST).model.claims]
    assert labels(path) == labels(BALLAST)


@pytest.fixture
def debate(tmp_path):
    folder = tmp_path / "maps"
    shutil.copytree(ROOT / "maps", folder)
    return folder


def test_a_reference_to_nothing_in_a_used_map_is_located_at_the_reference(debate):
    path = debate / "alliance-ballast.yaml"
    text = path.read_text().replace("attacks: [panda:japan-middle-power]",
                                    "attacks: [panda:japan-middle-powr]")  # fmt: skip
    path.write_text(text)
    result = run("validate", path)
    assert result.exit_code == 1
    line = next(i for i, x in enumerate(text.splitlines(), 1) if "japan-middle-powr" in x)
    assert f"alliance-ballast.yaml:{line}:" in result.stdout
    assert "dangling_ref" in result.stdout and "panda:japan-middle-power" in result.stdout


def test_a_missing_or_circular_use_is_located_at_its_entry(debate):
    path = debate / "alliance-ballast.yaml"
    text = path.read_text()
    line = next(i for i, x in enumerate(text.splitlines(), 1) if "path: us-japan-trump2" in x)
    path.write_text(text.replace("path: us-japan-trump2.yaml", "path: nowhere.yaml"))
    missing = run("validate", path)
    assert missing.exit_code == 1
    assert f"alliance-ballast.yaml:{line}:11: error[dangling_use]: used map 'panda'" in (
        missing.stdout + missing.stderr
    )
    # The first map uses the second, which uses the first: a circle.
    path.write_text(text)
    first = debate / "us-japan-trump2.yaml"
    use = "uses:\n  - {name: ballast, path: alliance-ballast.yaml}\n"
    first.write_text(first.read_text().replace("sources:\n", use + "sources:\n", 1))
    circle = run("validate", path)
    assert circle.exit_code == 1
    said = circle.stdout + circle.stderr
    assert "circular_use" in said and "maps use each other in a circle" in said


def test_editing_changes_only_the_file_named(debate):
    path = debate / "alliance-ballast.yaml"
    used = (debate / "us-japan-trump2.yaml").read_bytes()
    added = run("add", path, "--text", "Another reason.", "--id", "another",
                "--attacks", "panda:allies-as-liabilities")  # fmt: skip
    assert added.exit_code == 0, added.output
    assert (debate / "us-japan-trump2.yaml").read_bytes() == used
    assert "attacks: ['panda:allies-as-liabilities']" in path.read_text()
    refused = run("rm", path, "panda:hedge")
    assert refused.exit_code != 0
    assert (debate / "us-japan-trump2.yaml").read_bytes() == used


def test_diff_compares_the_whole_debate(debate):
    before = debate / "before.yaml"
    shutil.copyfile(debate / "alliance-ballast.yaml", before)
    path = debate / "alliance-ballast.yaml"
    path.write_text(path.read_text().replace("attacks: [panda:japan-middle-power]\n", ""))
    result = run("diff", before, path, "-f", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert "japan-indispensable.attack.panda:japan-middle-power" in json.dumps(data)
    assert "panda:japan-middle-power" in json.dumps(data.get("labels", data))


def test_a_qualified_reference_without_a_use_is_just_an_unknown_id():
    with pytest.raises(Exception, match="unknown claim 'x:y'"):
        from argmap.graph import build_graph

        build_graph(loads("title: t\nclaims:\n  - {id: a, text: A, supports: ['x:y']}\n", "m"))
