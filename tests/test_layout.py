"""The code's shape, as the brief draws it: the command line is a thin front end.

Each command parses its options, makes one library call and prints the result; loops over
claims, graph walks and JSON shaping live in the library, where a language server, a live
preview or a merge driver calls them too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CLI = Path(__file__).resolve().parent.parent / "argmap" / "cli"

#: Where cli/ may loop: printing (output.py, the edge every command prints through), the
#: application's plumbing (commands loaded lazily, help texts, error lines), and the words
#: of a command line being completed.
ALLOWED = {
    "output.py": "printing: rows, tables, lines",
    "__init__.py": "plumbing: lazy commands, help texts, error lines",
    "options.py:_map_of": "the words of a command line being completed",
    "review.py:review": "an interactive front end: a question a proposal, read from the "
    "terminal, each decision one operations call (argmap.operations.review)",
}

LOOPS = (ast.For, ast.AsyncFor, ast.While, ast.ListComp, ast.SetComp, ast.DictComp,
         ast.GeneratorExp)  # fmt: skip


def loops_in(path: Path) -> list[str]:
    """Every loop or comprehension outside the allowed places, as FILE:LINE in FUNCTION."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for func in [tree, *(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef))]:
        name = getattr(func, "name", "<module>")
        if path.name in ALLOWED or f"{path.name}:{name}" in ALLOWED:
            continue
        body = func.body if isinstance(func, ast.FunctionDef) else [
            n for n in func.body if not isinstance(n, ast.FunctionDef | ast.ClassDef)
        ]  # fmt: skip
        for stmt in body:
            for node in ast.walk(stmt):
                if isinstance(node, LOOPS):
                    found.append(f"{path.name}:{node.lineno} in {name}")
    return sorted(set(found))


@pytest.mark.parametrize("path", sorted(CLI.glob("*.py")), ids=lambda p: p.name)
def test_no_loop_over_claims_or_json_shaping_in_the_command_line(path):
    assert loops_in(path) == []


def test_the_check_finds_a_loop(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def cmd(doc):\n    return [c.id for c in doc.model.claims]\n")
    assert loops_in(sample) == ["sample.py:2 in cmd"]


#: What prints one format or another: only the emitter (output.py) calls these.
PRINTERS = {"emit_json", "emit_lines", "emit_table", "emit_tsv", "emit_segments", "emit_outline"}


def switches_in(path: Path) -> list[str]:
    """Each call of a printer of one format, or import of file access, outside output.py:
    an output switch or a file read the operations layer should hold."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "argmap.io.files":
            found.append(f"{path.name}:{node.lineno} imports argmap.io.files")
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if name in PRINTERS:
                found.append(f"{path.name}:{node.lineno} calls {name}")
    return sorted(found)


@pytest.mark.parametrize(
    "path", sorted(p for p in CLI.glob("*.py") if p.name != "output.py"), ids=lambda p: p.name
)
def test_each_command_prints_through_the_one_emitter_and_reads_no_file(path):
    assert switches_in(path) == []


def test_the_check_finds_an_output_switch(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def cmd(fmt):\n    if fmt == 'json':\n        emit_json({})\n"
        "    from argmap.io.files import read_input\n"
    )
    assert switches_in(sample) == [
        "sample.py:3 calls emit_json",
        "sample.py:4 imports argmap.io.files",
    ]
