"""The README (a start, and a first map in a few commands) and the reference (docs/): their
console examples are run and must print what they show, the README's first map is made as
written, and every command has a section and --help with an example."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from conftest import ROOT, SOURCE_TEXT, documentation, run

from argmap.cli import COMMANDS

README = (ROOT / "README.md").read_text(encoding="utf-8")
#: The README and the reference, where the examples and the command sections are.
DOCS = documentation()
COMMAND_NAMES = sorted(COMMANDS)


def console_examples():
    for block in re.findall(r"```console\n(.*?)```", DOCS, flags=re.S):
        command, _, output = block.partition("\n")
        assert command.startswith("$ "), block
        yield command[2:], output


@pytest.mark.parametrize(("command", "expected"), list(console_examples()))
def test_readme_console_examples_print_what_they_show(command, expected):
    # Every `argmap` in command position (first, after a pipe, after xargs) runs this one.
    shell = re.sub(r"(?<![\w/.-])argmap ", f"{sys.executable} -m argmap ", command)
    env = {**{k: v for k, v in os.environ.items() if k != "COLUMNS"}, "NO_COLOR": "1"}
    proc = subprocess.run(
        shell, shell=True, cwd=ROOT, capture_output=True, text=True, env=env, check=False
    )
    if not SOURCE_TEXT.exists() and "[source_withheld]" in proc.stdout + proc.stderr:
        pytest.skip("the example shows what the essay's text gives; ../shared is absent")
    assert proc.stdout == expected, proc.stderr


@pytest.mark.parametrize("command", COMMAND_NAMES)
def test_every_command_has_a_readme_section(command):
    headings = re.findall(r"^### .*$", DOCS, flags=re.M)
    assert any(f"`argmap {command}`" in h or f"`{command}`" in h for h in headings)


def test_readme_contract_commands_match_ci():
    ci = (ROOT / ".ci" / "run").read_text()
    assert ".venv/bin/python -m pytest" in README
    assert ".venv/bin/python -m pytest" in ci
    assert (
        "python3 -m venv .venv && . .venv/bin/activate && pip install -e '.[dev]' && "
        "argmap show maps/us-japan-trump2.yaml" in README
    )


def _all_commands():
    from typer.main import get_command

    from argmap.cli import app

    group = get_command(app)
    ctx = group.make_context("argmap", [], resilient_parsing=True)
    for name in COMMAND_NAMES:
        command = group.get_command(ctx, name)
        yield name, command
        for sub, each in getattr(command, "commands", {}).items():
            yield f"{name} {sub}", each


@pytest.mark.parametrize(("name", "command"), list(_all_commands()), ids=lambda x: str(x))
def test_help_reads_as_a_person_reads_it(name, command):

    result = run(*[*name.split(), "--help"], env={"COLUMNS": "80"})
    out = result.stdout
    for noise in ("<str>", "<bool>", "<list", "<int>", "<float>", "{MAP", "<Path>"):
        assert noise not in out, (name, noise)
    # The example is one line, runnable as printed (never broken at a hyphen).
    example = re.search(r"Example: (argmap .*)", command.help or "")
    assert example, name
    assert f"Example: {example.group(1)}" in [line.strip() for line in out.splitlines()]
    # Every option and argument says what it is for.
    for param in command.params:
        if param.name != "help":
            assert (param.help or "").strip(), (name, param.name)


def test_kind_names_in_help_are_the_model_s_kinds():
    from argmap.cli.options import KIND_NAMES
    from argmap.model import ClaimKind

    assert [k.split()[0] for k in KIND_NAMES.split(", ")] == [k.value for k in ClaimKind]


def test_the_readmes_python_examples_run(capsys, monkeypatch):
    """Every ```python block of the README runs as written, from the repository root."""
    import re

    monkeypatch.chdir(ROOT)
    blocks = re.findall(r"```python\n(.*?)```", DOCS, re.S)
    assert blocks
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
    assert capsys.readouterr().out.strip()


def test_the_readmes_first_map_is_made_as_written(tmp_path):
    """The README's "Map your first article", run word for word in an empty folder with an
    article saved as article.txt: every command succeeds and the map validates strictly."""
    import shutil

    section = README[README.index("## Map your first article") :]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    shutil.copy(ROOT / "tests" / "data" / "sources" / "harbour-op-ed.txt", tmp_path / "article.txt")
    script = re.sub(r"(?<![\w/.-])argmap ", f"{sys.executable} -m argmap ", block)
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, capture_output=True,
                          text=True, env=env, timeout=600, check=False)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "harbour.yaml: ok (4 claims, 3 links)" in proc.stdout
    assert (tmp_path / "harbour.html").exists() or shutil.which("dot") is None
