"""A real editor: headless Neovim attaches `argmap lsp` with its built-in client and gets
diagnostics, completion, a hover, a rename and the format command (Debian's neovim; .ci/run
installs it)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import DATA, HARBOUR, require, run

pytestmark = pytest.mark.slow  # a real tool: `-m "not slow"` leaves it out

SESSION = os.path.join(os.path.dirname(__file__), "editors", "nvim_session.lua")


@pytest.fixture(scope="module")
def nvim():
    return require(shutil.which("nvim"), "Neovim", "apt-get install neovim")


def _session(nvim: str, path, tmp_path, steps: str = "") -> dict:
    out = tmp_path / "out.json"
    env = {
        **os.environ,
        "ARGMAP_FILE": str(path),
        "ARGMAP_OUT": str(out),
        "ARGMAP_STEPS": steps,
        "ARGMAP_CLAIM": "open-at-night",  # hovered, then renamed
        "ARGMAP_NEW_NAME": "open-after-dark",
        "ARGMAP_CMD": json.dumps([sys.executable, "-m", "argmap", "lsp"]),
        "XDG_STATE_HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path),
    }
    subprocess.run(
        [nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", f"luafile {SESSION}"],
        env=env,
        cwd=tmp_path,
        timeout=600,
        check=False,
        capture_output=True,
    )
    result = json.loads(out.read_text())
    assert "error" not in result, result["error"]
    return result


def test_diagnostics_in_neovim_are_those_of_validate(nvim, tmp_path):
    path = DATA / "bad-dangling-ref.yaml"
    got = _session(nvim, path, tmp_path)["diagnostics"]

    expected = json.loads(run(*["validate", str(path), "-f", "json"]).stdout)
    assert sorted((d["code"], d["line"] + 1, d["col"] + 1) for d in got) == sorted(
        (d["code"], d["line"], d["col"]) for d in expected
    )
    assert len(got) == 3


def test_completion_hover_and_rename_in_neovim(nvim, tmp_path):
    path = tmp_path / "maps" / HARBOUR.name
    path.parent.mkdir()
    shutil.copy(HARBOUR, path)
    result = _session(nvim, path, tmp_path, "hover,rename,complete")
    from argmap.operations.loading import read_map

    ids = [c.id for c in read_map(HARBOUR).model.claims]
    assert result["completion"] == ids
    assert result["hover"].startswith("**CONCLUSION `open-at-night`** · grounded: **in**")
    assert "Calder should open its harbour" in result["hover"]
    before = HARBOUR.read_text(encoding="utf-8").splitlines()
    after = result["renamed"].splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 7  # the id, two shorthand references, four links
    assert all(b == a.replace("open-at-night", "open-after-dark") for a, b in changed)


def test_the_format_command_in_neovim_lays_the_map_out_as_argmap_fmt(nvim, tmp_path):
    path = tmp_path / "maps" / "m.yaml"
    path.parent.mkdir()
    text = (
        "# a map typed in a hurry\nclaims:\n  - text: Open at night.  # the thesis\n"
        "    kind: conclusion\n    id: open\n  - {supports: [open], text: Ships wait., id: wait}\n"
        "title: Harbour\n"
    )
    path.write_text(text, encoding="utf-8")
    formatted = _session(nvim, path, tmp_path, "format")["formatted"]
    assert formatted == run("fmt", "-", input=text).stdout
    assert formatted != text and "# the thesis" in formatted
