"""A real browser for the tests: headless Chromium driven over the DevTools protocol
through a pipe (``--remote-debugging-pipe``: JSON messages ended by NUL bytes on file
descriptors 3 and 4), so no extra library is needed."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import subprocess
import tempfile
import time


class Browser:
    """One headless Chromium with one page."""

    def __init__(self, program: str) -> None:
        theirs_in, ours_out = os.pipe()
        ours_in, theirs_out = os.pipe()
        # Give the child its ends on high numbers first, so that moving them to 3 and 4
        # never overwrites one with the other.
        high_in = fcntl.fcntl(theirs_in, fcntl.F_DUPFD, 100)
        high_out = fcntl.fcntl(theirs_out, fcntl.F_DUPFD, 100)

        def ends() -> None:
            os.dup2(high_in, 3)
            os.dup2(high_out, 4)

        self.profile = tempfile.TemporaryDirectory()
        self.proc = subprocess.Popen(
            [program, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--remote-debugging-pipe", f"--user-data-dir={self.profile.name}",
             "about:blank"],
            pass_fds=(3, 4),  # kept open after preexec_fn has put the ends there
            preexec_fn=ends,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for fd in (theirs_in, theirs_out, high_in, high_out):
            os.close(fd)
        self.out = os.fdopen(ours_out, "wb", buffering=0)
        self.inp = os.fdopen(ours_in, "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]

    def call(self, method: str, *, session: str | None = None, **params) -> dict:
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.out.write(json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(reply["error"])
                return reply.get("result", {})

    def _read(self) -> dict:
        while b"\0" not in self.buffer:
            chunk = self.inp.read(65536)
            if not chunk:
                raise RuntimeError("the browser went away")
            self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        return json.loads(message)

    def page(self, method: str, **params) -> dict:
        return self.call(method, session=self.session, **params)

    def open(self, url: str, width: int = 1400, height: int = 900) -> None:
        self.page("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=False)  # fmt: skip
        self.page("Page.navigate", url=url)

    def evaluate(self, expression: str):
        result = self.page("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def wait_for(self, expression: str, timeout: float = 60.0, step: float = 0.02) -> float:
        """Seconds until ``expression`` is true in the page (fails after ``timeout``)."""
        began = time.monotonic()
        while time.monotonic() - began < timeout:
            try:
                if self.evaluate(expression):
                    return time.monotonic() - began
            except RuntimeError:
                pass  # the page is between documents
            time.sleep(step)
        raise AssertionError(f"not true within {timeout} s: {expression}")

    def screenshot(self, path) -> None:
        import base64

        data = self.page("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing anyway
            self.call("Browser.close")
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.profile.cleanup()
