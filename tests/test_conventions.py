"""The conventions of the tools around argmap: folders for validate and fmt, a project's
settings ([tool.argmap] or argmap.toml), annotations for CI (GitHub workflow commands,
SARIF), fmt --diff."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import DATA, run

OK = DATA / "ok-minimal.yaml"
DANGLING = DATA / "bad-dangling-ref.yaml"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project (a git work tree) with two maps under maps/, one map elsewhere named as
    argmap names maps, and files that are not maps."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (tmp_path / "maps" / "debate").mkdir(parents=True)
    shutil.copy(OK, tmp_path / "maps" / "one.yaml")
    shutil.copy(DANGLING, tmp_path / "maps" / "debate" / "two.yaml")
    shutil.copy(OK, tmp_path / "notes.argmap.yaml")
    (tmp_path / "docker-compose.yaml").write_text("services:\n  web: {}\n", encoding="utf-8")
    (tmp_path / ".venv").mkdir()
    shutil.copy(DANGLING, tmp_path / ".venv" / "x.argmap.yaml")  # never searched
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_validate_searches_a_folder_for_maps(project):
    result = run("validate", ".", "-f", "json")
    assert result.exit_code == 1  # two.yaml's dangling reference
    files = {d["file"] for d in json.loads(result.stdout)}
    assert files == {"maps/debate/two.yaml"}
    text = run("validate", ".").stdout
    assert "maps/one.yaml: ok" in text and "notes.argmap.yaml: ok" in text
    assert "docker-compose" not in text and ".venv" not in text


def test_a_folder_named_on_the_command_line_is_searched_as_maps(tmp_path, monkeypatch):
    # no project, no settings: maps/ takes the maps in it
    (tmp_path / "maps").mkdir()
    shutil.copy(OK, tmp_path / "maps" / "one.yaml")
    monkeypatch.chdir(tmp_path)
    result = run("validate", "maps")
    assert result.exit_code == 0, result.output
    assert "maps/one.yaml: ok" in result.stdout


def test_a_folder_without_maps_is_a_usage_error(tmp_path):
    (tmp_path / "compose.yaml").write_text("services: {}\n", encoding="utf-8")
    result = run("validate", str(tmp_path))
    assert result.exit_code == 2
    assert "no maps found in this folder" in result.stderr


def test_settings_ignore_a_code_and_say_so(project):
    (project / "pyproject.toml").write_text(
        '[tool.argmap]\nignore = ["dangling_ref", "disconnected", "unsupported_conclusion"]\n',
        encoding="utf-8",
    )
    result = run("validate", "maps/debate/two.yaml")
    assert result.exit_code == 0, result.output
    assert "dangling_ref" not in result.stdout
    assert "3 problems left out by pyproject.toml" in result.stdout


def test_settings_select_only_some_codes(project):
    (project / "argmap.toml").write_text('select = ["disconnected"]\n', encoding="utf-8")
    data = json.loads(run("validate", "maps/debate/two.yaml", "-f", "json").stdout)
    assert {d["code"] for d in data} == {"disconnected"}


def test_settings_make_warnings_fail(project):
    assert run("validate", "maps/one.yaml").exit_code == 0
    (project / "argmap.toml").write_text("strict = true\n", encoding="utf-8")
    doc = (project / "maps" / "one.yaml").read_text(encoding="utf-8")
    (project / "maps" / "one.yaml").write_text(
        doc + "  - {id: stray, text: A claim that bears on nothing.}\n", encoding="utf-8"
    )
    result = run("validate", "maps/one.yaml")
    assert result.exit_code == 1
    assert "under --strict" in result.stdout


def test_a_map_that_does_not_read_fails_whatever_is_ignored(project):
    (project / "argmap.toml").write_text('ignore = ["syntax"]\n', encoding="utf-8")
    (project / "maps" / "one.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    result = run("validate", "maps/one.yaml")
    assert result.exit_code == 1
    assert "does not read as a map" in result.stdout


def test_an_unknown_code_in_the_settings_is_named(project):
    (project / "argmap.toml").write_text('ignore = ["disconected"]\n', encoding="utf-8")
    result = run("validate", "maps/one.yaml")
    assert result.exit_code == 2
    assert "unknown diagnostic code 'disconected'" in result.stderr
    assert "disconnected" in result.stderr


def test_github_format_prints_workflow_commands():
    result = run("validate", str(DANGLING), "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ")) for line in lines)
    dangling = next(line for line in lines if "dangling_ref" in line)
    assert dangling.startswith(f"::error file={DANGLING},line=8,col=16,")
    assert dangling.endswith("::link 'b.support.c' points to unknown claim 'c'")


def test_github_format_escapes_what_would_end_a_command(tmp_path):
    bad = tmp_path / "a,b:c.yaml"
    bad.write_text("title: t\nclaims:\n  - {id: a, text: 100%\n", encoding="utf-8")
    line = run("validate", str(bad), "-f", "github").stdout.splitlines()[0]
    assert "a%2Cb%3Ac.yaml" in line
    assert "\n" not in line


def test_sarif_format_is_a_sarif_log():
    result = run("validate", str(DANGLING), "--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    run_ = log["runs"][0]
    assert run_["tool"]["driver"]["name"] == "argmap"
    rules = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    dangling = next(r for r in run_["results"] if r["ruleId"] == "dangling_ref")
    assert rules[dangling["ruleIndex"]] == "dangling_ref"
    assert dangling["level"] == "error"
    region = dangling["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (8, 16)


def test_fmt_takes_a_folder_and_shows_a_diff_without_writing(project):
    path = project / "maps" / "one.yaml"
    messy = path.read_text(encoding="utf-8").replace("title: ", "title:    ", 1)
    path.write_text(messy, encoding="utf-8")
    result = run("fmt", "maps", "--diff")
    assert result.exit_code == 1
    assert "--- maps/one.yaml (as it is)" in result.stdout
    assert "-title:    " in result.stdout and "+title: " in result.stdout
    assert path.read_text(encoding="utf-8") == messy  # nothing written
    assert run("fmt", "maps").exit_code == 0
    assert run("fmt", "maps", "--check").exit_code == 0
    assert run("fmt", "maps", "--diff").stdout == ""
