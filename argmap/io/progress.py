"""A sign of life for long work: a spinner with the elapsed time on standard error.

It appears only when standard error is a terminal, only once the work has taken longer
than a moment (so quick commands never flicker, and pay nothing: rich is imported only
then), and it is cleared before any output is written or the program ends. Set
``ARGMAP_NO_PROGRESS=1`` to never show it.

Examples:
    >>> start("argmap eval big.json")  # standard error is not a terminal here: nothing
    >>> stop()
"""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import IO, Any

__all__ = ["DELAY", "start", "stop"]

#: Seconds of work before the spinner shows.
DELAY = 1.0

_lock = threading.Lock()
_timer: threading.Timer | None = None
_live: Any = None


def start(message: str, *, delay: float = DELAY, stream: IO[str] | None = None) -> None:
    """Show ``message`` with a spinner after ``delay`` seconds unless :func:`stop` comes
    first. ``stream`` (standard error by default) must be a terminal."""
    global _timer
    stream = stream if stream is not None else sys.stderr
    isatty = getattr(stream, "isatty", None)
    if os.environ.get("ARGMAP_NO_PROGRESS") or not (isatty and isatty()):
        return
    stop()
    timer = threading.Timer(delay, _show, args=(message, stream, time.monotonic()))
    timer.daemon = True
    with _lock:
        _timer = timer
    timer.start()


def _show(message: str, stream: IO[str], began: float) -> None:
    global _live
    with _lock:
        if _timer is None:  # stopped meanwhile
            return
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        live = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=Console(file=stream, force_terminal=True),
            transient=True,
        )
        live.add_task(message, total=None)
        live.tasks[0].start_time = began  # the time shown counts from the work's start
        live.start()
        _live = live


def stop() -> None:
    """Cancel the spinner, or clear it if it shows. Safe to call at any time."""
    global _timer, _live
    with _lock:
        timer, live = _timer, _live
        _timer = _live = None
    if timer is not None:
        timer.cancel()
    if live is not None:
        live.stop()
