"""Rebuilding an output each time a map, or a source text it cites, is saved.

:class:`LiveMap` renders a map in one format and keeps the last good result: a save that
breaks the map gives its located errors and leaves the last good output standing.
:func:`follow` waits for saves (through watchfiles: the folders of the map and of its
source texts, so editors that save by renaming a new file into place are seen too),
pauses for a burst of saves to settle, rebuilds, and hands each :class:`Build` to a
callback. ``argmap watch`` and ``argmap serve`` are that callback.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.errors import ArgmapError, Diagnostic, Location, MapError, UsageError

__all__ = ["Build", "LiveMap", "follow", "DEBOUNCE_MS"]

#: How long a burst of saves must pause before the map is rebuilt.
DEBOUNCE_MS = 100


@dataclass
class Build:
    """One rebuild: the output (None when the map is broken), the problems that broke it,
    what changed to cause it, and when."""

    data: str | bytes | None
    errors: list[Diagnostic] = field(default_factory=list)
    claims: int = 0
    changed: list[str] = field(default_factory=list)
    at: float = field(default_factory=time.time)

    @property
    def ok(self) -> bool:
        return self.data is not None


class LiveMap:
    """A map file rendered in one format, rebuilt on demand; the last good output kept.

    Args:
        path: the map file.
        render: turns a read map (:class:`argmap.model.document.Document`) into the output.
    """

    def __init__(self, path: str | Path, render: Callable[[Any], str | bytes]) -> None:
        self.path = Path(path)
        self.render = render
        self.last_good: Build | None = None
        self.latest: Build | None = None
        self._sources: set[Path] = set()
        self._stamps: dict[Path, tuple[int, int] | None] = {}

    def build(self, changed: list[str] | None = None) -> Build:
        """Read and render the map now; on a broken map, its errors (and the last good
        output stays in ``last_good``)."""
        from argmap.operations.loading import read_map

        self._stamps = self._stamp()
        try:
            doc = read_map(self.path, regular=True)
            data = self.render(doc)
        except MapError as exc:
            result = Build(None, list(exc.diagnostics), changed=changed or [])
        except UsageError as exc:  # the file went away mid-save, or is a pipe now
            diag = Diagnostic("unreadable", "error", exc.message, Location(str(self.path)))
            result = Build(None, [diag], changed=changed or [])
        except ArgmapError as exc:  # Graphviz failed, or took too long: say so, go on
            message = exc.message + (f" ({exc.hint})" if exc.hint else "")
            diag = Diagnostic("render_failed", "error", message, Location(str(self.path)))
            result = Build(None, [diag], changed=changed or [])
        else:
            self._sources = _source_paths(doc)
            # Texts this version cites for the first time: as they are now.
            fresh = self._stamp()
            self._stamps.update({p: s for p, s in fresh.items() if p not in self._stamps})
            result = Build(data, claims=len(doc.model.claims), changed=changed or [])
            self.last_good = result
        self.latest = result
        return result

    def watched(self) -> set[Path]:
        """The files whose saves rebuild: the map and the source texts it cites."""
        return {self.path.resolve(), *self._sources}

    def stale(self) -> bool:
        """Whether a watched file changed since the last build (a save the watcher may
        have missed, made while it was being set up)."""
        return self._stamp() != self._stamps

    def _stamp(self) -> dict[Path, tuple[int, int] | None]:
        stamps: dict[Path, tuple[int, int] | None] = {}
        for path in self.watched():
            try:
                st = path.stat()
                stamps[path] = (st.st_mtime_ns, st.st_size)
            except OSError:
                stamps[path] = None
        return stamps


def _source_paths(doc: Any) -> set[Path]:
    """The files a map's output depends on besides the map: its sources' texts (those of
    the maps it uses too) and the maps it uses."""
    base = doc.path.parent if doc.path is not None else Path(".")
    paths = {(base / s.path).resolve() for s in doc.model.sources if s.path}
    return paths | {(base / u.path).resolve() for u in doc.model.uses}


def follow(
    live: LiveMap,
    on_build: Callable[[Build], None],
    *,
    stop: threading.Event | None = None,
    debounce_ms: int = DEBOUNCE_MS,
) -> None:
    """Rebuild ``live`` after each save of a file it depends on, until ``stop`` is set
    (or Ctrl-C, which ends it quietly); ``on_build`` gets every build, the first (made
    at once) included."""
    import watchfiles

    stop = stop or threading.Event()
    on_build(live.build())
    while not stop.is_set():
        targets = live.watched()
        folders = sorted({str(p.parent) for p in targets if p.parent.is_dir()})
        names = {str(p) for p in targets}

        def wanted(_change: Any, path: str, names: set[str] = names) -> bool:
            return str(Path(path).resolve()) in names

        try:
            for changes in watchfiles.watch(
                *folders,
                watch_filter=wanted,
                debounce=debounce_ms,
                step=20,
                stop_event=stop,
                recursive=False,
                raise_interrupt=False,
                rust_timeout=250,
                yield_on_timeout=True,
            ):
                if stop.is_set():
                    return
                if not changes and not live.stale():
                    continue  # a quiet quarter second
                on_build(live.build(sorted({p for _, p in changes})))
                if live.watched() != targets:
                    break  # the map now cites other texts: watch those
            else:
                return  # the watcher ended: Ctrl-C (watchfiles stops on it) or stop
        except KeyboardInterrupt:
            return
