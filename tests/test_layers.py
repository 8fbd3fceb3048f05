"""The way data flows through the package, checked: file -> io -> model -> graph ->
analysis/semantics -> formats/views/edit -> operations -> front ends. Nothing imports a
module of a later layer (imports inside functions included), no modules import each
other in a circle, and below the operations only :mod:`argmap.io` touches files.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "argmap"

#: The layers, first to last: a module may import its own layer and the ones before it.
#: This table is the one place the order is written.
LAYERS = {
    "argmap.errors": 0,
    "argmap.wording": 0,
    "argmap.io": 1,
    "argmap.model": 2,
    "argmap.graph": 3,
    "argmap.analysis": 4,
    "argmap.semantics": 4,
    "argmap.formats": 5,
    "argmap.views": 5,
    "argmap.edit": 5,
    "argmap.operations": 6,
    "argmap.cli": 7,
    "argmap.lsp": 7,
    "argmap.live": 7,
    "argmap.__main__": 7,
}

#: Not in the flow: the package's front door (its names are imported lazily, by name) and
#: the doctests' setup.
OUTSIDE = {"argmap", "argmap.conftest"}

#: What reads or writes files: below the operations, only io itself may call these.
FILE_ACCESS = {"read_input", "read_named_file", "read_text_file", "read_git", "write_output",
               "write_map", "held_for_update"}  # fmt: skip


def layer(module: str) -> int | None:
    best = max((k for k in LAYERS if module == k or module.startswith(k + ".")), key=len,
               default=None)  # fmt: skip
    return LAYERS[best] if best else None


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(root: Path) -> list[tuple[str, str, str, int]]:
    """Every import of a module of the package: (importer, imported, names, line)."""
    found = []
    for path in sorted(root.rglob("*.py")):
        name = module_name(path, root)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found += [(name, a.name, "", node.lineno) for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                for alias in node.names:
                    sub = f"{target}.{alias.name}"
                    is_module = (root.parent / (sub.replace(".", "/") + ".py")).exists() or (
                        root.parent / sub.replace(".", "/")
                    ).is_dir()
                    found.append((name, sub if is_module else target, alias.name, node.lineno))
    return [f for f in found if f[1].startswith(root.name)]


def upward(root: Path) -> list[str]:
    """Each import of a later layer, as ``importer:line -> imported``."""
    out = []
    for importer, imported, _, line in imports(root):
        if importer in OUTSIDE or imported in OUTSIDE:
            continue
        a, b = layer(importer), layer(imported)
        assert a is not None, f"{importer} is in no layer: add it to LAYERS"
        if b is not None and b > a:
            out.append(f"{importer}:{line} -> {imported}")
    return sorted(out)


def cycles(root: Path) -> list[list[str]]:
    """The circles of modules importing each other."""
    names = {module_name(p, root) for p in root.rglob("*.py")}
    G = nx.DiGraph()
    for importer, imported, _, _ in imports(root):
        while imported not in names and "." in imported:
            imported = imported.rpartition(".")[0]
        if imported != importer and not importer.startswith(imported + "."):
            G.add_edge(importer, imported)
    G.remove_nodes_from(OUTSIDE & set(G))
    return sorted(sorted(c) for c in nx.simple_cycles(G))


def test_no_module_imports_a_later_layer():
    assert upward(PACKAGE) == []


def decided_beside(root: Path) -> list[str]:
    """Each import of the views by the operations: what an answer reads as is chosen by its
    type in :mod:`argmap.views.answers`, never beside the use case that found it."""
    return sorted(f"{importer}:{line} -> {imported}"
                  for importer, imported, _, line in imports(root)
                  if layer(importer) == LAYERS["argmap.operations"]
                  and imported.partition(".")[2].startswith("views"))  # fmt: skip


def test_the_operations_do_not_decide_how_answers_read():
    assert decided_beside(PACKAGE) == []


def test_the_check_finds_an_operation_drawing_its_own_text(tmp_path):
    root = tmp_path / "argmap"
    (root / "operations").mkdir(parents=True)
    (root / "views").mkdir()
    (root / "views" / "forms.py").write_text("Lines = list\n", encoding="utf-8")
    (root / "operations" / "show.py").write_text(
        "def text():\n    from argmap.views.forms import Lines\n    return Lines()\n",
        encoding="utf-8",
    )
    assert decided_beside(root) == ["argmap.operations.show:2 -> argmap.views.forms"]


def test_no_modules_import_each_other_in_a_circle():
    assert cycles(PACKAGE) == []


def test_below_the_operations_only_io_touches_files():
    touching = [
        f"{importer}:{line} imports {name}"
        for importer, imported, name, line in imports(PACKAGE)
        if name in FILE_ACCESS
        and importer not in OUTSIDE
        and (layer(importer) or 0) < LAYERS["argmap.operations"]
        and not importer.startswith("argmap.io")
    ]
    assert touching == []


#: Calls that read or write a file directly, by any receiver (``open``, ``path.read_text``).
DIRECT_ACCESS = {"open", "read_text", "read_bytes", "write_text", "write_bytes", "unlink",
                 "mkdir"}  # fmt: skip
#: Calls that do when made on these modules (``os.replace``; ``str.replace`` does not).
MODULE_ACCESS = {"os": {"replace", "rename", "remove", "rmdir", "makedirs"},
                 "shutil": {"copy", "copyfile", "copytree", "move", "rmtree"}}  # fmt: skip
#: The one direct read allowed below the operations, and why: the package's own data.
PACKAGE_DATA = {("argmap.analysis.schemes", "read_text")}
#: The layers that must reach no file themselves: they get texts handed in (a map's
#: reader, ``Document.files``, is the operations' callback, called, not imported).
NO_FILES = ("argmap.model", "argmap.graph", "argmap.analysis", "argmap.semantics",
            "argmap.formats", "argmap.views")  # fmt: skip


def direct_access(root: Path) -> list[str]:
    """Each call of :data:`DIRECT_ACCESS` (``open(...)``, ``x.read_text(...)``...) in the
    layers that reach no file, docstrings' examples aside."""
    out = []
    for path in sorted(root.rglob("*.py")):
        name = module_name(path, root)
        if not name.startswith(NO_FILES):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            on = func.value.id if isinstance(func, ast.Attribute) and isinstance(
                func.value, ast.Name) else None  # fmt: skip
            file_call = called in DIRECT_ACCESS or called in MODULE_ACCESS.get(on or "", ())
            if file_call and (name, called) not in PACKAGE_DATA:
                out.append(f"{name}:{node.lineno} calls {called}")
    return out


def test_the_layers_below_io_reach_no_file_directly():
    assert direct_access(PACKAGE) == []


@pytest.fixture
def planted(tmp_path):
    """A copy of the package's shape with an upward import and a circle planted."""
    root = tmp_path / "argmap"
    for module in ("model/__init__", "model/thing", "cli/__init__", "cli/app", "analysis/__init__",
                   "analysis/a", "analysis/b"):  # fmt: skip
        (root / module).parent.mkdir(parents=True, exist_ok=True)
        (root / f"{module}.py").write_text("", encoding="utf-8")
    (root / "__init__.py").write_text("", encoding="utf-8")
    (root / "model" / "thing.py").write_text(
        "def f():\n    from argmap.cli.app import main\n", encoding="utf-8"
    )
    (root / "analysis" / "a.py").write_text("from argmap.analysis import b\n", encoding="utf-8")
    (root / "analysis" / "b.py").write_text(
        "def g():\n    from argmap.analysis.a import x\n", encoding="utf-8"
    )
    return root


def test_the_checks_find_a_planted_upward_import_and_circle(planted):
    assert upward(planted) == ["argmap.model.thing:2 -> argmap.cli.app"]
    assert cycles(planted) == [["argmap.analysis.a", "argmap.analysis.b"]]


def test_the_check_finds_a_planted_file_read_and_write(planted):
    assert direct_access(planted) == []
    (planted / "analysis" / "a.py").write_text(
        "from argmap.analysis import b\n\ndef f(p):\n    return p.read_text() + open(p).read()\n",
        encoding="utf-8",
    )
    (planted / "model" / "thing.py").write_text(
        "import os\n\ndef g(a, b):\n    os.replace(a, b)\n    return 'x'.replace('x', 'y')\n",
        encoding="utf-8",
    )
    assert direct_access(planted) == [
        "argmap.analysis.a:4 calls read_text",
        "argmap.analysis.a:4 calls open",
        "argmap.model.thing:4 calls replace",
    ]
