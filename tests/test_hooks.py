"""The pre-commit hooks (.pre-commit-hooks.yaml), run by the real pre-commit in a scratch
project, as a user's configuration names them. The hooks' environment (a venv with argmap
installed from this working tree) is built once per test run and shared."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, require

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]

ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "NO_COLOR": "1",
}

GOOD = """title: Good
claims:
  - id: c
    text: C
    kind: conclusion
  - id: p
    text: P
    supports: [c]
"""


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, env=ENV, capture_output=True, text=True,
                          check=True, timeout=120)  # fmt: skip
    return done.stdout


@pytest.fixture(scope="session")
def hooks(tmp_path_factory):
    """(pre-commit, a snapshot of this working tree committed in a repository of its own,
    its commit, and a PRE_COMMIT_HOME shared by every hook run of this test run)."""
    beside = Path(sys.executable).parent / "pre-commit"
    pre_commit = require(
        str(beside) if beside.exists() else shutil.which("pre-commit"),
        "pre-commit",
        "pip install pre-commit",
    )
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the hooks are installed from one")
    snapshot = tmp_path_factory.mktemp("hooks") / "argmap"
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True, timeout=120,
    ).stdout.decode().split("\0")  # fmt: skip
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    git(snapshot, "init", "-q", "-b", "main")
    git(snapshot, "add", ".")
    git(snapshot, "commit", "-qm", "snapshot")
    rev = git(snapshot, "rev-parse", "HEAD").strip()
    home = tmp_path_factory.mktemp("pre-commit-home")
    return pre_commit, snapshot, rev, home


def run_hooks(hooks, project: Path, config: str, *files: str) -> subprocess.CompletedProcess:
    pre_commit, snapshot, rev, home = hooks
    (project / ".pre-commit-config.yaml").write_text(
        config.format(repo=snapshot.as_posix(), rev=rev)
    )
    env = {**ENV, "PRE_COMMIT_HOME": str(home), "HOME": str(project.parent)}
    chosen = ["--files", *files] if files else ["--all-files"]
    return subprocess.run(
        [pre_commit, "run", *chosen], cwd=project, env=env,
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip


def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "maps").mkdir(parents=True)
    (root / "maps" / "good.yaml").write_text(GOOD)
    git(root, "init", "-q", "-b", "main")
    return root


VALIDATE = """repos:
  - repo: {repo}
    rev: {rev}
    hooks:
      - id: argmap-validate
"""

FMT = """repos:
  - repo: {repo}
    rev: {rev}
    hooks:
      - id: argmap-fmt
"""

FMT_CHECK = """repos:
  - repo: {repo}
    rev: {rev}
    hooks:
      - id: argmap-fmt-check
"""


def test_validate_hook_passes_good_maps_and_fails_on_a_broken_one(hooks, tmp_path):
    root = project(tmp_path)
    (root / "maps" / "bad.yaml").write_text(
        "title: broken\nclaims:\n  - {id: a, text: A, supports: [nope]}\n"
    )
    (root / "notes.yaml").write_text("not: a map\n")  # outside maps/: not checked
    git(root, "add", ".")
    good = run_hooks(hooks, root, VALIDATE, "maps/good.yaml", "notes.yaml")
    assert good.returncode == 0, good.stdout[-2000:]
    bad = run_hooks(hooks, root, VALIDATE, "maps/good.yaml", "maps/bad.yaml")
    assert bad.returncode == 1
    assert "error[dangling_ref]: link 'a.support.nope' points to unknown claim 'nope'" in bad.stdout


def test_fmt_hook_lays_a_messy_map_out_in_place_and_the_check_hook_only_says_so(hooks, tmp_path):
    root = project(tmp_path)
    messy = "claims: [{text: A, id: a}]\ntitle: t\n"
    (root / "maps" / "messy.yaml").write_text(messy)
    git(root, "add", ".")
    assert run_hooks(hooks, root, FMT, "maps/good.yaml").returncode == 0
    checked = run_hooks(hooks, root, FMT_CHECK, "maps/messy.yaml")
    assert checked.returncode == 1 and "would reformat maps/messy.yaml" in checked.stdout
    assert (root / "maps" / "messy.yaml").read_text() == messy  # the check changes nothing
    fixed = run_hooks(hooks, root, FMT, "maps/messy.yaml")
    assert fixed.returncode == 1  # pre-commit fails a hook that changed files ...
    assert "files were modified by this hook" in fixed.stdout
    assert (root / "maps" / "messy.yaml").read_text().startswith("title: t\n")  # ... fixed


def test_a_map_whose_name_starts_with_a_dash_is_a_file_to_the_hooks(hooks, tmp_path):
    root = project(tmp_path)
    (root / "-x.argmap.yaml").write_text(GOOD)  # pre-commit passes it as -x.argmap.yaml
    (root / "maps" / "bad.yaml").write_text(
        "title: t\nclaims:\n  - {id: a, text: A, supports: [z]}\n"
    )
    git(root, "add", ".")
    done = run_hooks(hooks, root, VALIDATE)  # every file: pre-commit passes -x.argmap.yaml
    assert done.returncode == 1
    assert "No such option" not in done.stdout
    assert "-x.argmap.yaml: ok" in done.stdout and "dangling_ref" in done.stdout
