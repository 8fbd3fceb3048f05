"""Shared fixtures: paths to the shipped maps, a CLI runner, and a deterministic terminal."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
MAPS = sorted((ROOT / "maps").glob("*.yaml"))
SHIPPED = ROOT / "maps" / "us-japan-trump2.yaml"
EXAMPLE = ROOT / "maps" / "example-congestion.yaml"
SOURCE_TEXT = ROOT.parent / "shared" / "sources" / "us-japan-trump2-panda-2025.txt"


@pytest.fixture(autouse=True)
def _plain_terminal(monkeypatch):
    """No colour, a fixed width, and no debugging tracebacks, whatever the developer's shell."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("ARGMAP_DEBUG", raising=False)


@pytest.fixture(scope="session")
def dot_program():
    """The real Graphviz `dot`. CI installs it, so there a missing `dot` fails the test."""
    found = shutil.which("dot")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("Graphviz `dot` is required in CI (see .ci/run)")
        pytest.skip("Graphviz `dot` is not installed")
    return found


@pytest.fixture(scope="session")
def argdown_cli():
    """The Argdown CLI (``argdown``): .ci/run installs it into .argdown-peer; elsewhere
    $ARGDOWN_CLI or ``argdown`` on PATH. CI fails without it; elsewhere the tests skip."""
    found = (
        os.environ.get("ARGDOWN_CLI")
        or (
            str(ROOT / ".argdown-peer/node_modules/.bin/argdown")
            if (ROOT / ".argdown-peer/node_modules/.bin/argdown").exists()
            else None
        )
        or shutil.which("argdown")
    )
    if not found:
        if os.environ.get("CI"):
            pytest.fail("the Argdown CLI is required in CI (see .ci/run)")
        pytest.skip("the Argdown CLI is not installed (see bench/peers/argdown)")
    return found


@pytest.fixture(scope="session")
def mermaid_parser():
    """Mermaid's own parser: the command that checks Mermaid files (``node check.mjs``),
    from .mermaid-peer, which .ci/run installs. CI fails without it; elsewhere the tests
    skip."""
    script = ROOT / ".mermaid-peer" / "check.mjs"
    node = shutil.which("node")
    if not (node and script.exists() and (ROOT / ".mermaid-peer" / "node_modules").exists()):
        if os.environ.get("CI"):
            pytest.fail("Mermaid's parser is required in CI (see .ci/run)")
        pytest.skip("Mermaid's parser is not installed (see bench/peers/mermaid)")
    return [node, str(script)]


@pytest.fixture(scope="session")
def arguebuf_reader():
    """The command that reads AIF files with arguebuf (``read_aif.py`` in the venv .ci/run
    makes, .arguebuf-peer). CI fails without it; elsewhere the tests skip."""
    python = ROOT / ".arguebuf-peer" / "bin" / "python"
    script = ROOT / "bench" / "peers" / "arguebuf" / "read_aif.py"
    if not python.exists():
        if os.environ.get("CI"):
            pytest.fail("arguebuf is required in CI (see .ci/run)")
        pytest.skip("arguebuf is not installed (see bench/peers/arguebuf)")
    return [str(python), str(script)]


@pytest.fixture
def tiny_map_text():
    return (
        "title: Tiny\n"
        "claims:\n"
        "  - {id: c, text: C, kind: conclusion}\n"
        "  - {id: p, text: P, kind: premise, supports: [c]}\n"
        "  - {id: o, text: O, kind: objection, attacks: [c]}\n"
    )
