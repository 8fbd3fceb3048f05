"""A live preview: the HTML report of a map, served on this machine, that reloads itself.

:class:`Preview` serves, on 127.0.0.1 only, the report of the last good version of a map
(``/``), and a stream of server-sent events (``/events``) that says ``reload`` after
each rebuild; a small script in the page listens and reloads. A save that breaks the map
puts its located errors at the top of the page, above the last good picture. Nothing is
fetched from the network: the page is the self-contained report plus that script.

It answers only requests addressed to it by the name it printed (``Host:`` 127.0.0.1 or
localhost, with its port), so a web page whose name is made to point at 127.0.0.1 (DNS
rebinding) gets nothing; it serves at most :data:`MAX_CONNECTIONS` connections at a time,
each given :data:`HEADER_SECONDS` to send its request; when full, the oldest connection
that has sent no request yet (else the oldest event stream) makes room for a new one, so
idle or slow clients never lock the user's browser out; a client that leaves is let go
quietly.
"""

from __future__ import annotations

import html
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from argmap.live.rebuild import Build, LiveMap, follow

__all__ = ["Preview", "page"]

#: Every this many seconds without news, the event stream sends a comment, so that a
#: closed page is noticed.
KEEPALIVE_SECONDS = 10
#: Connections served at once (each open page holds one); a new one past it takes the
#: place of the oldest idle one.
MAX_CONNECTIONS = 32
#: How long a client has to send its request, and an event stream to take a message.
HEADER_SECONDS = 10

# The page knows which version it shows; any other version announced reloads it.
_LISTEN = """<script>
(function () {
  var shown = "%d";
  new EventSource("/events").addEventListener("reload", function (e) {
    if (e.data !== shown) { location.reload(); }
  });
})();
</script>"""

_BANNER_STYLE = (
    "background:#fdecea;border:2px solid #c62828;color:#7f1d1d;padding:.6rem 1rem;"
    "margin:0 0 1rem;font:14px/1.4 monospace;white-space:pre-wrap"
)


def page(last_good: Build | None, latest: Build | None, *, version: int = 0) -> bytes:
    """The page to show: the last good report, the latest errors above it (when the
    latest save broke the map), and the script that reloads it."""
    body = (
        last_good.data
        if last_good is not None and isinstance(last_good.data, str)
        else "<!DOCTYPE html><html><head><meta charset='utf-8'><title>argmap</title></head>"
        "<body><p>No good version of the map yet.</p></body></html>"
    )
    banner = ""
    if latest is not None and not latest.ok:
        lines = "\n".join(html.escape(d.format()) for d in latest.errors)
        kept = " The picture below is the last good version." if last_good else ""
        banner = (
            f'<div id="argmap-errors" role="alert" style="{_BANNER_STYLE}">'
            f"<strong>The map is broken.</strong>{kept}\n{lines}</div>"
        )
    at = body.find("<body>")
    at = at + len("<body>") if at >= 0 else 0
    body = body[:at] + banner + body[at:]
    end = body.rfind("</body>")
    end = end if end >= 0 else len(body)
    body = body[:end] + _LISTEN % version + body[end:]
    return body.encode("utf-8")


class Preview:
    """A map's live report, served on ``127.0.0.1:port`` (0: a free port is chosen).

    Args:
        live: the map, rendered as HTML.
        port: the port to listen on.
        on_build: also called with every build (to print what happened).
    """

    def __init__(self, live: LiveMap, port: int = 0, on_build: Any = None) -> None:
        self.live = live
        self.on_build = on_build
        self.version = 0
        self.changed = threading.Condition()
        self.stop = threading.Event()
        self.server = _Server(("127.0.0.1", port), self._handler())
        bound = self.server.server_address[1]
        #: The Host headers this server answers: the names it is reached by here.
        self.hosts = {f"127.0.0.1:{bound}", f"localhost:{bound}"}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"  # where it is bound

    def _built(self, build: Build) -> None:
        with self.changed:
            self.version += 1
            self.changed.notify_all()
        if self.on_build is not None:
            self.on_build(build)

    def run(self) -> None:
        """Serve and rebuild until :meth:`close` (or Ctrl-C)."""
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        try:
            follow(self.live, self._built, stop=self.stop)
        finally:
            self.close()

    def close(self) -> None:
        self.stop.set()
        with self.changed:
            self.changed.notify_all()
        self.server.shutdown()
        self.server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        preview = self

        class Handler(BaseHTTPRequestHandler):
            timeout = HEADER_SECONDS  # to send the request line and headers

            def log_message(self, *args: Any) -> None:  # quiet: the terminal is the user's
                pass

            def handle(self) -> None:
                try:
                    super().handle()
                except (ConnectionError, TimeoutError, OSError):
                    return  # the client left or stalled: nothing to say about it

            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                preview.server.mark(self.request, "serving")
                if self.headers.get("Host", "") not in preview.hosts:
                    # Not addressed to this server by its own name: a page elsewhere whose
                    # name now points here (DNS rebinding) gets nothing of the map.
                    self.send_error(421, "Misdirected Request")
                    return
                if self.path == "/events":
                    self.events()
                elif self.path in ("/", "/index.html"):
                    data = page(
                        preview.live.last_good, preview.live.latest, version=preview.version
                    )
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Cache-Control", "no-store")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                else:
                    self.send_error(404)

            def events(self) -> None:
                preview.server.mark(self.request, "streaming")
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                # Each message must be taken within this time, or the stream is dropped.
                self.connection.settimeout(HEADER_SECONDS + KEEPALIVE_SECONDS)
                seen = -1
                try:
                    while not preview.stop.is_set():
                        with preview.changed:
                            if preview.version == seen:
                                preview.changed.wait(KEEPALIVE_SECONDS)
                            version = preview.version
                        if version != seen:
                            self.wfile.write(f"event: reload\ndata: {version}\n\n".encode())
                            seen = version
                        else:
                            self.wfile.write(b": still here\n\n")
                        self.wfile.flush()
                except (ConnectionError, TimeoutError, OSError):
                    return

        return Handler


class _Server(ThreadingHTTPServer):
    """The HTTP server with a bounded number of connections at once and no tracebacks for
    clients that go away. When it is full, a new connection is let in by dropping the
    oldest connection that has not yet sent its request, else the oldest event stream
    (its page reconnects by itself): so idle or slow clients, however many, never lock
    the user's own browser out. A page being sent is never dropped; at twice the bound
    (connections being dropped take a moment to go), a new one is closed at once."""

    daemon_threads = True
    #: The kernel's queue of connections not yet accepted (socketserver's default is 5:
    #: a burst beyond it has its connections retried a second later, one by one).
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], handler: type) -> None:
        self.lock = threading.Lock()
        #: Open connections, the oldest first, and what each does: "waiting" for its
        #: request, "serving" a page, "streaming" events.
        self.open: dict[Any, str] = {}
        super().__init__(address, handler)

    def mark(self, request: Any, state: str) -> None:
        with self.lock:
            if request in self.open:
                self.open[request] = state

    def _make_room(self) -> bool:
        """Drop the oldest waiting connection, else the oldest stream (lock held)."""
        import contextlib
        import socket

        for state in ("waiting", "streaming"):
            victim = next((r for r, s in self.open.items() if s == state), None)
            if victim is not None:
                self.open[victim] = "dropped"
                with contextlib.suppress(OSError):  # its thread sees the end and goes
                    victim.shutdown(socket.SHUT_RDWR)
                return True
        return False

    def process_request(self, request: Any, client_address: Any) -> None:
        with self.lock:
            live = sum(1 for s in self.open.values() if s != "dropped")
            full = live >= MAX_CONNECTIONS and not self._make_room()
            if full or len(self.open) >= 2 * MAX_CONNECTIONS:
                self.shutdown_request(request)  # nothing to let go: this one is closed
                return
            self.open[request] = "waiting"
        try:
            super().process_request(request, client_address)
        except Exception:
            with self.lock:
                self.open.pop(request, None)
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self.lock:
                self.open.pop(request, None)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that left mid-request is no error of the map's
