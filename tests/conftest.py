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


def require(found, what: str, where: str):
    """A reference tool the tests need: ``found`` when it is there. CI installs every one
    (see .ci/run), so there a missing one fails the test; elsewhere the test skips."""
    if not found:
        if os.environ.get("CI"):
            pytest.fail(f"{what} is required in CI (see .ci/run)")
        pytest.skip(f"{what} is not installed ({where})")
    return found


@pytest.fixture(scope="session")
def dot_program():
    """The real Graphviz `dot`."""
    return require(shutil.which("dot"), "Graphviz `dot`", "apt-get install graphviz")


@pytest.fixture(scope="session")
def argdown_cli():
    """The Argdown CLI (``argdown``): .ci/run installs it into .argdown-peer; elsewhere
    $ARGDOWN_CLI or ``argdown`` on PATH."""
    local = ROOT / ".argdown-peer/node_modules/.bin/argdown"
    found = (
        os.environ.get("ARGDOWN_CLI")
        or (str(local) if local.exists() else None)
        or shutil.which("argdown")
    )
    return require(found, "the Argdown CLI", "see bench/peers/argdown")


@pytest.fixture(scope="session")
def mermaid_parser():
    """Mermaid's own parser: the command that checks Mermaid files (``node check.mjs``),
    from .mermaid-peer, which .ci/run installs."""
    script = ROOT / ".mermaid-peer" / "check.mjs"
    node = shutil.which("node")
    there = node and script.exists() and (ROOT / ".mermaid-peer" / "node_modules").exists()
    return require(there and [node, str(script)], "Mermaid's parser", "see bench/peers/mermaid")


@pytest.fixture(scope="session")
def arguebuf_reader():
    """The command that reads AIF files with arguebuf (``read_aif.py`` in the venv .ci/run
    makes, .arguebuf-peer)."""
    python = ROOT / ".arguebuf-peer" / "bin" / "python"
    script = ROOT / "bench" / "peers" / "arguebuf" / "read_aif.py"
    return require(
        python.exists() and [str(python), str(script)], "arguebuf", "see bench/peers/arguebuf"
    )


@pytest.fixture
def tiny_map_text():
    return (
        "title: Tiny\n"
        "claims:\n"
        "  - {id: c, text: C, kind: conclusion}\n"
        "  - {id: p, text: P, kind: premise, supports: [c]}\n"
        "  - {id: o, text: O, kind: objection, attacks: [c]}\n"
    )
