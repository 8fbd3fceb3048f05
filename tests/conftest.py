"""Shared fixtures: paths to the shipped maps, a CLI runner, and a deterministic terminal."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path

import pytest

from argmap.model import ArgMap

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
#: The shipped maps. Only tests *about* them (their validity, verdicts and quotes, the
#: README's examples) name them or their claims; every other test uses a fixture below.
MAPS = sorted((ROOT / "maps").glob("*.yaml"))
SHIPPED = ROOT / "maps" / "us-japan-trump2.yaml"
SOURCE_TEXT = ROOT.parent / "shared" / "sources" / "us-japan-trump2-panda-2025.txt"

# Who may widen what a map reads is the person running argmap, never the tree being read
# (argmap.io.config). Running the tests, that person grants the folder of the essay the
# shipped maps quote (the project's pyproject.toml asks for it), and nothing of their own
# configuration reaches the tests: every run, and every argmap the tests start, sees these.
os.environ["ARGMAP_ALLOW_READ"] = str(SOURCE_TEXT.parent)
os.environ["ARGMAP_USER_CONFIG"] = str(ROOT / "tests" / "data" / "no-such-user-config.toml")

#: Fixture maps of the tests' own (tests/data), each with its source text under sources/:
#: a small map of every feature of the format (a copy of the shipped example as it was) ...
CONGESTION = DATA / "congestion.yaml"
#: ... a map of an opinion piece with rival forecasts (undecided), an objection that is
#: out, an undercut, reconstructions, schemes with answers, one conclusion on another ...
HARBOUR = DATA / "harbour.yaml"
#: ... and a reply that uses it (its claims as port:ID): a debate across two maps.
HARBOUR_REPLY = DATA / "harbour-reply.yaml"


def default_sigint() -> None:
    """For a child process whose Ctrl-C a test sends (``preexec_fn``): SIGINT handled as a
    terminal would have it. A test run started in the background of a script inherits
    SIGINT ignored (POSIX), and so would the child, which would never stop."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run(*args, **kw):
    """Run the argmap command line in-process with these arguments (paths may be Path
    objects); ``input`` and ``env`` as Click's test runner takes them."""
    from typer.testing import CliRunner

    from argmap.cli import app

    return CliRunner().invoke(app, [str(a) for a in args], **kw)


@pytest.fixture(autouse=True)
def _plain_terminal(monkeypatch):
    """No colour, no width (output as piped: one row a line), and no debugging tracebacks,
    whatever the developer's shell; a test of a terminal's layout sets COLUMNS itself."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("ARGMAP_DEBUG", raising=False)


def harbour_shelf(folder: Path) -> Path:
    """A folder holding the harbour op-ed's maps (the map, a student's map of the same text,
    a reply that uses the first) and their source texts: a small library."""
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    for name in ("harbour.yaml", "harbour-student.yaml", "harbour-reply.yaml"):
        shutil.copy(DATA / name, folder / name)
    shutil.copytree(DATA / "sources", folder / "sources")
    return folder


def documentation() -> str:
    """What users read: the README, then the reference (docs/reference.md)."""
    return "\n\n".join(
        path.read_text(encoding="utf-8")
        for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    )


def readme_git_config(key: str, argmap: str) -> str:
    """The value the README's ``git config KEY '...'`` line sets, with ``argmap`` in
    command position run as ``argmap`` (a command line) says: the tests set the git
    drivers up exactly as users are told to."""
    import re
    import shlex

    line = next(x for x in documentation().splitlines() if x.startswith(f"git config {key} "))
    value = shlex.split(line)[3]
    return re.sub(r"(?<![\w/.-])argmap ", f"{argmap} ", value)


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
def yaml_builds(monkeypatch):
    """YAML's value budget made small (10,000 values) and the values built counted: a test
    of a bomb then shows the mechanism that stops it (the count never passes the budget),
    not how fast this machine happens to be."""
    from argmap.io import yamltext

    monkeypatch.setattr(yamltext, "MAX_NODES", 10_000)
    built = [0]
    real = yamltext.Builder.build

    def counting(self, node):
        built[0] += 1
        return real(self, node)

    monkeypatch.setattr(yamltext.Builder, "build", counting)
    return built


@pytest.fixture
def tiny_map_text():
    return (
        "title: Tiny\n"
        "claims:\n"
        "  - {id: c, text: C, kind: conclusion}\n"
        "  - {id: p, text: P, kind: premise, supports: [c]}\n"
        "  - {id: o, text: O, kind: objection, attacks: [c]}\n"
    )


def inference_keys(model: ArgMap) -> Counter:
    """Each support (a linked group as one), attack and undercut as AIF has it: (scheme
    type, its premises, what it concludes: a claim, or the key of the inference an
    undercut attacks)."""
    links = model.all_links()
    by_id = {lk.id: lk for lk in links}

    def key(lk):
        if lk.kind == "support":
            if lk.group is None:
                return ("Support", (lk.source,), lk.target)
            members = [m for m in links if m.group == lk.group and m.target == lk.target]
            return ("Support", tuple(sorted(m.source for m in members)), lk.target)
        aim = key(by_id[lk.target]) if lk.kind == "undercut" else lk.target
        return ("Attack", (lk.source,), aim)

    groups_seen: set[tuple[str, str]] = set()
    out: Counter = Counter()
    for lk in links:
        if lk.kind == "support" and lk.group is not None:
            if (lk.group, lk.target) in groups_seen:
                continue  # one inference for the whole group
            groups_seen.add((lk.group, lk.target))
        out[key(lk)] += 1
    return out
