"""Commands that change one map at the same time take turns: nothing is lost, a command
kept waiting too long says the file is busy, and a file changed behind argmap's back is
never written over."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from conftest import run

from argmap.operations.loading import read_map

pytestmark = pytest.mark.slow  # forty processes at a time

ARGMAP = [sys.executable, "-m", "argmap"]
ENV = {**os.environ, "NO_COLOR": "1", "ARGMAP_LOCK_TIMEOUT": "300"}  # a hang guard


def argmap(*args) -> subprocess.CompletedProcess:
    return subprocess.run([*ARGMAP, *map(str, args)], capture_output=True, text=True,
                          env=ENV, timeout=600, check=False)  # fmt: skip


def in_parallel(calls: list[tuple], workers: int = 20) -> list[subprocess.CompletedProcess]:
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(lambda args: argmap(*args), calls))


def test_forty_parallel_adds_keep_every_claim(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("title: t\nclaims:\n  - {id: c, text: C, kind: conclusion}\n")
    done = in_parallel([("add", path, "--text", f"Reason {i}", "--supports", "c")
                        for i in range(40)])  # fmt: skip
    assert [d.returncode for d in done] == [0] * 40, [d.stderr for d in done if d.returncode]
    ids = [c.id for c in read_map(path).model.claims]
    assert len(ids) == 41 and {f"reason-{i}" for i in range(40)} <= set(ids)


def test_add_tag_link_and_rename_mixed_in_parallel_lose_nothing(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("title: t\nclaims:\n  - {id: c, text: C, kind: conclusion}\n")
    for r in range(10):
        calls = [
            ("add", path, "--text", f"Round {r} a", "--id", f"a{r}"),
            ("add", path, "--text", f"Round {r} b", "--id", f"b{r}"),
            ("tag", path, "c", f"+round-{r}"),
            ("add", path, "--text", f"Round {r} d", "--id", f"d{r}", "--attacks", "c"),
        ]
        assert [d.returncode for d in in_parallel(calls, 4)] == [0] * 4
        # What the round added is linked and renamed while the next claims arrive.
        calls = [
            ("link", path, f"a{r}", "supports", "c"),
            ("rename", path, f"b{r}", f"renamed-{r}"),
            ("add", path, "--text", f"Round {r} e", "--id", f"e{r}"),
        ]
        assert [d.returncode for d in in_parallel(calls, 3)] == [0] * 3
    model = read_map(path).model
    ids = {c.id for c in model.claims}
    for r in range(10):
        assert {f"a{r}", f"renamed-{r}", f"d{r}", f"e{r}"} <= ids and f"b{r}" not in ids
    assert model.claims[0].tags == [f"round-{r}" for r in range(10)]
    links = {lk.id for lk in model.all_links()}
    assert {f"a{r}.support.c" for r in range(10)} <= links


def test_a_command_kept_waiting_says_the_map_is_busy_and_changes_nothing(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("title: t\nclaims:\n  - {id: c, text: C}\n")
    before = path.read_bytes()
    with open(path, "rb") as held:  # another argmap, in the middle of its change
        fcntl.flock(held, fcntl.LOCK_EX)
        busy = subprocess.run([*ARGMAP, "add", str(path), "--text", "X"], capture_output=True,
                              text=True, timeout=600, check=False,
                              env={**ENV, "ARGMAP_LOCK_TIMEOUT": "0.3"})  # fmt: skip
    assert busy.returncode == 3
    assert busy.stderr.splitlines() == [
        f"argmap: error: another argmap is editing {path} (waited 0.3 s; try again when it is done)"
    ]
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.yaml"]  # no lock file left


def test_a_file_changed_behind_the_lock_is_not_written_over(tmp_path, monkeypatch):
    from argmap.errors import BusyError
    from argmap.operations import edit as editor_module

    path = tmp_path / "m.yaml"
    path.write_text("title: t\nclaims:\n  - {id: c, text: C}\n")
    changed = pytest.raises(BusyError, match="the file changed while argmap was editing it")
    with changed, editor_module.editing(str(path)) as edit:
        edit.editor.add_claim({"id": "p", "text": "P"})
        # An editor saves the file meanwhile (it takes no lock).
        path.write_text("title: t\nclaims:\n  - {id: c, text: C}\n  - {id: q, text: Q}\n")
    assert "id: q" in path.read_text() and "id: p" not in path.read_text()
    result = run("add", path, "--text", "P")  # and once it is quiet, edits go through
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("value", ["abc", "nan", "inf", "-1", "1e12"])
def test_a_lock_timeout_that_is_no_number_of_seconds_is_a_usage_error(tmp_path, value):
    m = tmp_path / "m.yaml"
    m.write_text("title: t\nclaims: []\n")
    done = subprocess.run([sys.executable, "-m", "argmap", "add", str(m), "--id", "x",
                           "--text", "X."], capture_output=True, text=True, timeout=120,
                          env={**ENV, "ARGMAP_LOCK_TIMEOUT": value})  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "ARGMAP_LOCK_TIMEOUT" in done.stderr and "Traceback" not in done.stderr
    assert m.read_text() == "title: t\nclaims: []\n"
