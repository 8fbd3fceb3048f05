"""The command line, driven in-process through Typer's runner and, where the process
matters (pipes, stdin, start-up), as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import CONGESTION, DATA, HARBOUR, MAPS, ROOT, SHIPPED, run

from argmap.cli import COMMANDS as ARGMAP_COMMANDS

COMMANDS = list(ARGMAP_COMMANDS)


# --- help ----------------------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    result = run(command, "--help")
    assert result.exit_code == 0, result.output
    assert "Example: argmap " + command in " ".join(result.stdout.split())


def test_no_arguments_shows_help():
    result = run()
    assert "Usage" in result.output and "show" in result.output


# --- show ----------------------------------------------------------------------------------


def test_show_prints_the_tree_conclusions_first():
    result = run("show", HARBOUR)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Should Calder open its harbour at night?"
    first_tree = next(line for line in lines if line.startswith("■"))
    assert first_tree.startswith("■ CONCLUSION open-at-night  Calder should open its harbour")
    assert "⊘ ASSUMPTION ports-differ" in result.stdout
    assert "\x1b[" not in result.stdout  # NO_COLOR: no escape codes


def test_show_from_a_claim_with_depth_and_quotes():
    result = run("show", HARBOUR, "union-asks", "--depth", "1", "--quotes")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "■" not in out
    assert "EVIDENCE union-asks" in out.splitlines()[3]
    assert "“The dockers' union has asked for night shifts” — op-ed, ¶8" in (
        " ".join(out.split()).replace("│ ", "")
    )
    assert "− OBJECTION members-voted-against" in out
    assert "vote-predates-pay" not in out  # deeper than --depth 1


def test_show_json_is_the_outline_as_records():
    result = run("show", CONGESTION, "--format", "json")
    assert result.exit_code == 0, result.output
    trees = json.loads(result.stdout)
    assert [t["id"] for t in trees] == ["adopt-charge", "how-spend"]
    root = trees[0]
    assert root["kind"] == "conclusion" and root["link"] is None
    group = next(c for c in root["children"] if c["id"] is None)
    assert group["group"] == "problem-and-remedy"
    assert [c["id"] for c in group["children"]] == ["congestion-is-costly", "charge-cuts-traffic"]
    assert trees[1]["children"][0]["ref"] is True


def test_show_ids_lists_every_claim_once():
    result = run("show", HARBOUR, "-f", "ids")
    ids = result.stdout.split()
    assert ids[0] == "open-at-night"
    assert len(ids) == len(set(ids)) == 21


def test_show_reads_stdin():
    result = run("show", "-", input=HARBOUR.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    assert "CONCLUSION open-at-night" in result.stdout


def test_show_reads_canonical_json_back():
    exported = run("export", HARBOUR, "--to", "json").stdout
    assert run("show", "-", input=exported).stdout == run("show", HARBOUR).stdout


def test_unknown_claim_is_a_usage_error_with_a_suggestion():
    result = run("show", HARBOUR, "fund-crane")
    assert result.exit_code == 2
    assert result.stderr == (
        "argmap: error: no claim 'fund-crane' in this map (did you mean 'fund-cranes'?)\n"
    )
    assert result.stdout == ""


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("bad-*")))
def test_broken_maps_give_one_located_line_and_exit_1(name):
    result = run("show", DATA / name)
    assert result.exit_code == 1
    assert result.stdout == ""
    first = result.stderr.splitlines()[0]
    assert first.startswith(str(DATA / name) + ":")
    assert ": error[" in first
    assert "Traceback" not in result.output


def test_missing_file_is_a_usage_error():
    result = run("show", "no/such/map.yaml")
    assert result.exit_code == 2
    assert result.stderr == "argmap: error: no/such/map.yaml: no such file\n"


def test_bad_option_is_a_one_line_usage_error():
    result = run("show", HARBOUR, "--bogus")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "No such option: --bogus" in result.stderr


@pytest.mark.parametrize(
    ("args", "command"),
    [
        (("eval", HARBOUR, "--explain"), "argmap eval"),
        (("show", "--depth"), "argmap show"),
        (("source", "add", "--title"), "argmap source"),
        (("--bogus",), "argmap"),
    ],
)
def test_an_option_without_its_value_names_its_command(args, command):
    # Click gives no context for these: the error still says whose help to read.
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{command}: error: ")
    assert result.stderr.endswith(f"(see {command} --help)\n")
    assert result.stderr.count("\n") == 1


# --- validate ------------------------------------------------------------------------------


def test_validate_shipped_maps_strict():
    result = run("validate", *MAPS, "--strict")
    assert result.exit_code == 0, result.output
    assert f"{SHIPPED.relative_to(ROOT)}" in result.stdout or str(SHIPPED) in result.stdout
    assert result.stdout.count(": ok (") == len(MAPS)


def test_validate_reports_every_map_and_fails_on_errors():
    result = run("validate", HARBOUR, DATA / "bad-dangling-ref.yaml", DATA / "bad-syntax.yaml")
    assert result.exit_code == 1
    out = result.stdout
    assert (
        "bad-dangling-ref.yaml:8:16: error[dangling_ref]: link 'b.support.c' points to "
        "unknown claim 'c'\n" in out
    )
    assert "bad-syntax.yaml: 1 error" in out
    assert ": ok (21 claims" in out


def test_validate_warnings_fail_only_when_strict(tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text("title: t\nclaims:\n  - {id: a, text: A}\n")
    assert run("validate", path).exit_code == 0
    assert run("validate", path, "--strict").exit_code == 1


def test_validate_json_records():
    result = run("validate", DATA / "bad-duplicate-id.yaml", "--format", "json")
    assert result.exit_code == 1
    records = json.loads(result.stdout)
    assert [r["code"] for r in records] == ["unsupported_conclusion", "duplicate_id"]
    assert records[1]["line"] == 6 and records[1]["severity"] == "error"
    assert set(records[0]) == {
        "code",
        "severity",
        "message",
        "hint",
        "file",
        "line",
        "col",
        "claim",
    }


def test_validate_json_is_empty_list_when_clean():
    result = run("validate", CONGESTION, "-f", "json")
    assert (result.exit_code, result.stdout) == (0, "[]\n")


# --- export --------------------------------------------------------------------------------


def test_export_json_round_trips_through_the_cli(tmp_path):
    first = tmp_path / "a.json"
    second = tmp_path / "b.json"
    assert run("export", HARBOUR, "-o", first).exit_code == 0
    assert run("export", first, "--to", "json", "-o", second).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    assert json.loads(first.read_text())["title"] == "Should Calder open its harbour at night?"


def test_export_defaults_to_dot_and_guesses_from_suffix(tmp_path):
    assert run("export", CONGESTION).stdout.startswith("digraph argmap {")
    out = tmp_path / "m.yml"
    run("export", CONGESTION, "-o", out)
    assert out.read_text().startswith("argmap: 1\n")


@pytest.mark.parametrize("name", ["map.jpg", "map"])
def test_an_output_suffix_argmap_does_not_write_is_a_usage_error(tmp_path, name):
    result = run("export", CONGESTION, "-o", tmp_path / name)
    assert result.exit_code == 2
    assert "use --to with one of json, yaml, dot," in result.stderr
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_export_renders_pictures_with_graphviz(dot_program, tmp_path, fmt):
    out = tmp_path / f"map.{fmt}"
    result = run("export", HARBOUR, "--to", fmt, "-o", out)
    assert result.exit_code == 0, result.output
    magic = {"svg": b"<?xml", "png": b"\x89PNG", "pdf": b"%PDF"}[fmt]
    assert out.read_bytes().startswith(magic)


def test_export_without_graphviz_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("ARGMAP_DOT", raising=False)
    out = tmp_path / "map.svg"
    result = run("export", HARBOUR, "-o", out)
    assert result.exit_code == 3
    assert "Graphviz 'dot' is not installed" in result.stderr
    assert not out.exists()


def test_an_html_report_without_graphviz_has_the_tree_and_every_card(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("ARGMAP_DOT", raising=False)
    out = tmp_path / "report.html"
    result = run("export", HARBOUR, "-o", out)
    assert result.exit_code == 0, result.output
    assert "does not carry the picture (Graphviz 'dot' is not installed" in result.stderr
    page = out.read_text()
    assert "<strong>No picture:</strong> Graphviz &#x27;dot&#x27; is not installed" in page
    assert '■ CONCLUSION <a href="#c-open-at-night">open-at-night</a>' in page
    assert page.count('class="claim') >= 21 and "<svg" not in page


def test_export_of_a_broken_map_writes_nothing(tmp_path):
    out = tmp_path / "out.dot"
    out.write_text("before")
    result = run("export", DATA / "bad-dangling-ref.yaml", "-o", out)
    assert result.exit_code == 1
    assert out.read_text() == "before"


def test_unknown_export_format_is_a_usage_error():
    result = run("export", HARBOUR, "--to", "docx")
    assert result.exit_code == 2


# --- schema --------------------------------------------------------------------------------


def test_schema_is_json_schema():
    result = run("schema")
    schema = json.loads(result.stdout)
    assert schema["type"] == "object"
    assert "claims" in schema["properties"]


def test_schema_is_written_to_a_file_with_its_id(tmp_path):
    out = tmp_path / "argmap.schema.json"
    result = run("schema", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    schema = json.loads(out.read_text(encoding="utf-8"))
    assert schema["$id"] == "urn:argmap:map-format:1"
    assert schema == json.loads(run("schema").stdout)


def test_the_schema_accepts_every_map_in_the_tests_that_validates(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    from argmap.io import yamltext

    checker = jsonschema.Draft202012Validator(json.loads(run("schema").stdout))
    checked = 0
    for path in sorted([*DATA.rglob("*.yaml"), *MAPS]):
        if run("validate", str(path)).exit_code != 0:
            continue
        data = yamltext.load(path.read_text(encoding="utf-8"), str(path))
        assert not [e.message for e in checker.iter_errors(data)], path
        checked += 1
    assert checked >= 5


# --- as a real process ---------------------------------------------------------------------


def argmap_process(*args, **kwargs):
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "argmap", *map(str, args)],
        capture_output=True,
        env=env,
        check=False,
        **kwargs,
    )


def test_python_dash_m_help():
    proc = argmap_process("--help")
    assert proc.returncode == 0
    assert b"show" in proc.stdout


def test_broken_pipe_is_quiet():
    proc = subprocess.run(
        f"{sys.executable} -m argmap show {HARBOUR} | head -1",
        shell=True,
        capture_output=True,
        check=False,
    )
    assert proc.stdout.decode().strip() == "Should Calder open its harbour at night?"
    assert proc.stderr == b""


def test_piped_output_has_no_colour_even_without_no_color():
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    proc = subprocess.run(
        [sys.executable, "-m", "argmap", "show", str(HARBOUR)],
        capture_output=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0
    assert b"\x1b[" not in proc.stdout


def test_stdin_from_a_terminal_is_refused_not_awaited():
    # A pseudo-terminal on stdin: argmap must not hang waiting for a map.
    import pty

    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "argmap", "show", "-"],
            stdin=follower,
            capture_output=True,
            timeout=20,
            check=False,
        )
    finally:
        os.close(leader)
        os.close(follower)
    assert proc.returncode == 2
    assert b"stdin is a terminal" in proc.stderr


def test_internal_errors_are_one_line(monkeypatch):
    import argmap.analysis.outline

    def boom(*a, **k):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(argmap.analysis.outline, "outline", boom)
    result = run("show", HARBOUR)
    assert result.exit_code == 70
    assert "internal error: RuntimeError: kaboom" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["show", HARBOUR, "--quotes", "--eval"],
        ["claims", HARBOUR, "--tag", "freight"],
        ["validate", HARBOUR, DATA / "bad-dangling-ref.yaml"],
        ["why", HARBOUR, "union-asks"],
        ["stats", CONGESTION],
        ["eval", CONGESTION],
    ],
)
def test_terminal_output_is_styled_and_does_not_fail(monkeypatch, args):
    # FORCE_COLOR makes argmap behave as on a terminal: rich trees, tables and colour.
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    result = run(*args)
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    if args[0] != "eval":
        assert "\x1b[" in result.stdout


def test_the_typer_internals_argmap_builds_on_are_there():
    """argmap builds each command on first use with Typer's own builders, which Typer does
    not promise to keep (pyproject.toml bounds Typer to the releases tested): this fails,
    naming what moved, before any user meets it."""
    import typer
    import typer.main
    import typer.models
    from typer import _click  # noqa: F401 - Typer's vendored click, whose errors argmap maps
    from typer.core import TyperArgument, TyperGroup  # noqa: F401

    assert callable(typer.main.get_command_from_info) and callable(typer.main.get_group)
    assert "callback" in typer.models.CommandInfo.__init__.__code__.co_varnames
    assert hasattr(TyperArgument, "_usage_display_name"), typer.__version__


def test_version_and_a_bare_argmap():
    from argmap import __version__

    version = run("--version")
    assert (version.exit_code, version.stdout) == (0, f"argmap {__version__}\n")
    bare = run()
    assert bare.exit_code == 0 and bare.stdout.startswith("Usage: argmap")


def test_a_note_on_a_terminal_wraps_at_spaces_and_never_cuts_an_id(monkeypatch, capsys):
    import shutil
    import sys

    from argmap.cli.output import print_notes

    ident = "glendale-represents-an-important-lesson-one"
    note = f"a close second for the central claim: {ident} (its cues score nearly as high)"
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(shutil, "get_terminal_size", lambda *a, **k: os.terminal_size((40, 24)))
    print_notes([note])
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) > 1 and all(len(line) <= 40 or " " not in line.strip() for line in lines)
    assert any(line.strip() == ident for line in lines)  # whole, on a line of its own
    assert " ".join(line.strip() for line in lines) == f"argmap: {note}"
    # Piped, a note is one line, as a script reads it.
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    print_notes([note])
    assert capsys.readouterr().err == f"argmap: {note}\n"
