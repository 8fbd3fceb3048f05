"""argmap watch and argmap serve, for real: a map edited on disk updates the output file,
and the page in headless Chromium shows the new claim after the save, reloaded by the
server's event (not by polling)."""

from __future__ import annotations

import os
import queue
import re
import shutil
import subprocess
import sys
import threading
import time

import pytest
from browser import Browser
from conftest import CONGESTION, HARBOUR, HARBOUR_REPLY, default_sigint, require

pytestmark = pytest.mark.slow  # a real tool: `-m "not slow"` leaves it out

ARGMAP = [sys.executable, "-m", "argmap"]


@pytest.fixture
def workspace(tmp_path):
    """A copy of the example map with its source text beside it."""
    shutil.copytree(CONGESTION.parent / "sources", tmp_path / "sources")
    path = tmp_path / CONGESTION.name
    shutil.copy(CONGESTION, path)
    return path


def _start(args, tmp_path) -> subprocess.Popen:
    env = {**os.environ, "ARGMAP_NO_PROGRESS": "1"}
    proc = subprocess.Popen(
        [*ARGMAP, *args], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
        env=env, cwd=tmp_path, preexec_fn=default_sigint,
    )  # fmt: skip
    proc.lines = queue.Queue()  # what it says on stderr, read as it comes
    proc.said = []

    def read() -> None:
        for line in proc.stderr:
            proc.said.append(line)
            proc.lines.put(line)

    threading.Thread(target=read, daemon=True).start()
    return proc


def _line(proc: subprocess.Popen, pattern: str, timeout: float = 120) -> re.Match:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            line = proc.lines.get(timeout=max(0.01, end - time.monotonic()))
        except queue.Empty:
            break
        m = re.search(pattern, line)
        if m:
            return m
    raise AssertionError(f"no line matching {pattern!r} in {''.join(proc.said)!r}")


def _save(path, text: str) -> None:
    # As editors do: write a new file, then move it into place.
    tmp = path.with_name(path.name + ".saving")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


NEW_CLAIM = (
    "  - id: fresh-claim\n    text: Freight could move to rail at night.\n"
    "    supports: [adopt-charge]\n"
)


def _with_claim(text: str) -> str:
    return text.replace("\nlinks:", "\n" + NEW_CLAIM + "links:", 1)


def test_watch_rewrites_the_output_and_keeps_the_last_good_one(workspace, tmp_path):
    out = tmp_path / "view.json"
    proc = _start(["watch", str(workspace), "-o", str(out)], tmp_path)
    try:
        _line(proc, r"wrote .*view.json \(13 claims\)")
        _save(workspace, _with_claim(workspace.read_text(encoding="utf-8")))
        _line(proc, r"wrote .*view.json \(14 claims\)")
        assert "Freight could move to rail at night." in out.read_text()
        good = out.read_bytes()
        _save(workspace, workspace.read_text(encoding="utf-8") + "oops: [\n")
        _line(proc, r"error\[syntax\]")
        _line(proc, r"map broken \(kept the last good output\)")
        assert out.read_bytes() == good
    finally:
        proc.send_signal(2)  # Ctrl-C
        assert proc.wait(timeout=60) == 0
    _line(proc, r"^stopped$")
    assert "Traceback" not in "".join(proc.said)


def test_watch_rebuilds_a_debate_when_a_map_it_uses_is_saved(tmp_path):
    shutil.copytree(HARBOUR.parent, tmp_path / "maps")
    reply = tmp_path / "maps" / HARBOUR_REPLY.name
    used = tmp_path / "maps" / HARBOUR.name
    out = tmp_path / "debate.json"
    proc = _start(["watch", str(reply), "-o", str(out)], tmp_path)
    try:
        _line(proc, r"wrote .*debate.json \(26 claims\)")
        text = used.read_text(encoding="utf-8")
        extra = "  - id: new-in-port\n    text: A claim added to the used map.\n"
        _save(used, text.replace("\nlinks:", "\n" + extra + "links:", 1))
        _line(proc, r"wrote .*debate.json \(27 claims\)")
        assert "port:new-in-port" in out.read_text()
    finally:
        proc.send_signal(2)  # Ctrl-C
        assert proc.wait(timeout=60) == 0


def test_serve_reloads_the_page_in_a_real_browser(workspace, tmp_path):
    chromium = require(
        shutil.which("chromium") or shutil.which("chromium-browser"),
        "Chromium",
        "apt-get install chromium",
    )
    proc = _start(["serve", str(workspace)], tmp_path)
    browser = None
    try:
        url = _line(proc, r"at (http://127\.0\.0\.1:\d+/)").group(1)
        browser = Browser(chromium)
        browser.open(url)
        browser.wait_for("document.body && document.body.innerText.includes('adopt-charge')")
        assert browser.evaluate("document.querySelector('svg') !== null")
        _save(workspace, _with_claim(workspace.read_text(encoding="utf-8")))
        browser.wait_for(
            "document.body.innerText.includes('Freight could move to rail at night.')",
            timeout=60,  # a hang guard; the reload follows the save at once
        )
        # The page reloaded itself, told by the server's event stream.
        assert browser.evaluate("performance.getEntriesByType('navigation')[0].type") == "reload"
        _save(workspace, workspace.read_text(encoding="utf-8") + "oops: [\n")
        browser.wait_for("document.getElementById('argmap-errors') !== null")
        banner = browser.evaluate("document.getElementById('argmap-errors').innerText")
        assert "The map is broken." in banner and "error[syntax]" in banner
        # The last good picture stays, with the claim the broken save did not lose.
        assert browser.evaluate("document.querySelector('svg') !== null")
        assert browser.evaluate("document.body.innerText.includes('Freight could move')")
    finally:
        if browser is not None:
            browser.close()
        proc.send_signal(2)
        assert proc.wait(timeout=60) == 0
