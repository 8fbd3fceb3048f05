"""argmap serve against what a hostile page, a greedy client or a broken map can do:
requests not addressed to it by its own name get nothing, a thousand idle connections
leave it answering with a bounded number of threads, clients that leave are let go
quietly, and a rebuild that fails (Graphviz, a pipe in the map's place) is shown, not
fatal."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import HARBOUR, default_sigint, require

pytestmark = pytest.mark.slow

ARGMAP = [sys.executable, "-m", "argmap"]


def _serve(path, tmp_path, **env):
    proc = subprocess.Popen(
        [*ARGMAP, "serve", str(path)], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
        text=True, cwd=tmp_path, env={**os.environ, "ARGMAP_NO_PROGRESS": "1", **env},
        preexec_fn=default_sigint,
    )  # fmt: skip
    said: list[str] = []
    seen = threading.Event()

    def read() -> None:
        for line in proc.stderr:
            said.append(line)
            if "serving" in line:
                seen.set()

    threading.Thread(target=read, daemon=True).start()
    assert seen.wait(120), "".join(said)  # a hang guard
    url = next(line.split(" at ")[1].split()[0] for line in said if "serving" in line)
    return proc, url, said


def _get(url: str, host: str | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as reply:
            return reply.status, reply.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _wait(condition, guard: float = 120.0) -> None:
    end = time.monotonic() + guard  # a hang guard, not a speed claim
    while not condition():
        assert time.monotonic() < end, "never happened"
        time.sleep(0.05)


@pytest.fixture
def workspace(tmp_path):
    import shutil

    shutil.copytree(HARBOUR.parent / "sources", tmp_path / "sources")
    path = tmp_path / HARBOUR.name
    shutil.copy(HARBOUR, path)
    return path


def test_a_request_not_addressed_to_the_preview_by_its_name_gets_nothing(workspace, tmp_path):
    require(__import__("shutil").which("dot"), "Graphviz `dot`", "apt-get install graphviz")
    proc, url, _ = _serve(workspace, tmp_path)
    try:
        port = url.rstrip("/").rsplit(":", 1)[1]
        _wait(lambda: b"open-at-night" in _get(url)[1])  # the first build is in
        for host in (f"evil.example:{port}", "evil.example", f"127.0.0.1:{int(port) + 1}"):
            status, body = _get(url, host)
            assert status == 421 and b"open-at-night" not in body
        status, _ = _get(url + "events", f"evil.example:{port}")
        assert status == 421
        assert _get(url, f"localhost:{port}")[0] == 200
    finally:
        proc.terminate()
        proc.wait(60)


def test_a_thousand_idle_connections_leave_it_bounded_and_answering(workspace, tmp_path):
    require(__import__("shutil").which("dot"), "Graphviz `dot`", "apt-get install graphviz")
    proc, url, said = _serve(workspace, tmp_path)
    host, port = url.split("//")[1].rstrip("/").split(":")
    idle = []
    try:
        for _ in range(1000):
            try:
                idle.append(socket.create_connection((host, int(port)), timeout=30))
            except OSError:
                break  # the kernel's queue is full: the test's point is made
        status = Path(f"/proc/{proc.pid}/status").read_text()
        threads = int(status.split("Threads:")[1].split()[0])
        from argmap.live.preview import MAX_CONNECTIONS

        assert threads <= MAX_CONNECTIONS + 10
        for s in idle:
            s.close()
        # Once the idle ones are gone it answers at once (they were dropped, not queued).
        _wait(lambda: _get(url)[0] == 200)
        # A client that leaves in the middle of a request is let go without a word.
        s = socket.create_connection((host, int(port)))
        s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port.encode() + b"\r\n")
        s.close()
        assert _get(url)[0] == 200
    finally:
        for s in idle:
            s.close()
        proc.terminate()
        proc.wait(60)
    assert "Traceback" not in "".join(said)


def test_a_failed_picture_is_said_and_serve_keeps_running(workspace, tmp_path):
    failing = tmp_path / "dot"
    failing.write_text("#!/bin/sh\necho 'dot: out of memory' >&2\nexit 1\n")
    failing.chmod(0o755)
    proc, url, said = _serve(workspace, tmp_path, ARGMAP_DOT=str(failing))
    try:
        # The report stands without its picture, and says why: the tree and the cards.
        _wait(lambda: b"No picture:" in _get(url)[1])
        status, body = _get(url)
        assert status == 200 and b"Graphviz failed: dot: out of memory" in body
        assert b'<a href="#c-open-at-night">open-at-night</a>' in body
        assert proc.poll() is None  # still serving
    finally:
        proc.terminate()
        proc.wait(60)


@pytest.mark.timeout(300)  # a hang guard: a pipe in the map's place must never block it
def test_a_pipe_put_in_the_maps_place_is_an_error_not_a_hang(workspace, tmp_path):
    require(__import__("shutil").which("dot"), "Graphviz `dot`", "apt-get install graphviz")
    proc, url, said = _serve(workspace, tmp_path)
    try:
        workspace.unlink()
        os.mkfifo(workspace)
        _wait(lambda: any("not a regular file" in line for line in said))
        assert _get(url)[0] == 200  # the last good page
        proc.send_signal(2)  # Ctrl-C stops it
        assert proc.wait(60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()


def test_graphviz_runs_under_a_memory_bound(tmp_path, monkeypatch):
    from argmap.formats import graphviz

    probe = tmp_path / "dot"
    probe.write_text("#!/bin/sh\nulimit -v\n")  # says the memory it may use, in KiB
    probe.chmod(0o755)
    monkeypatch.setenv("ARGMAP_DOT", str(probe))
    assert int(graphviz._run("digraph {}", "-Tsvg")) == graphviz.MEMORY_BYTES // 1024


def test_without_graphviz_serve_stays_up_and_shows_the_map_as_a_tree(workspace, tmp_path):
    proc, url, said = _serve(workspace, tmp_path, PATH=str(tmp_path), ARGMAP_DOT="")
    try:
        _wait(lambda: b"No picture:" in _get(url)[1])
        body = _get(url)[1]
        assert b'<a href="#c-open-at-night">open-at-night</a>' in body
        assert proc.poll() is None
    finally:
        proc.terminate()
        proc.wait(60)


def test_slow_clients_and_streams_never_lock_the_user_out(workspace, tmp_path):
    require(__import__("shutil").which("dot"), "Graphviz `dot`", "apt-get install graphviz")
    from argmap.live.preview import MAX_CONNECTIONS

    proc, url, said = _serve(workspace, tmp_path)
    host, port = url.split("//")[1].rstrip("/").split(":")
    held = []
    try:
        _wait(lambda: b"open-at-night" in _get(url)[1])  # the first build is in
        # Event streams that are never read, then connections that never send a request,
        # each more than the server holds at once.
        for _ in range(MAX_CONNECTIONS + 8):
            s = socket.create_connection((host, int(port)), timeout=30)
            s.sendall(b"GET /events HTTP/1.1\r\nHost: 127.0.0.1:" + port.encode() + b"\r\n\r\n")
            held.append(s)
        for _ in range(MAX_CONNECTIONS + 8):
            held.append(socket.create_connection((host, int(port)), timeout=30))
        # The user's browser still gets the page, each time it asks.
        for _ in range(3):
            status, body = _get(url)
            assert status == 200 and b"open-at-night" in body
        status = Path(f"/proc/{proc.pid}/status").read_text()
        assert int(status.split("Threads:")[1].split()[0]) <= 2 * MAX_CONNECTIONS + 10
    finally:
        for s in held:
            s.close()
        proc.terminate()
        proc.wait(60)
    assert "Traceback" not in "".join(said)
