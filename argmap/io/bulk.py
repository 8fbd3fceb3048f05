"""Help for work that allocates many objects at once (reading or building a large map).

CPython's cyclic garbage collector runs every few hundred allocations and, once many
objects survive, each full run walks all of them: reading a 100,000-claim map spends
most of its time there. A map holds no reference cycles worth collecting while it is
being built, so the collector is paused for the duration and restored afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_gc"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector inside the block (nesting is safe).

    Examples:
        >>> import gc
        >>> with paused_gc():
        ...     gc.isenabled()
        False
        >>> gc.isenabled()
        True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


#: What is kept until the process ends, when a front end asked for it (None: nothing).
_kept: list[object] | None = None


def keep_until_exit() -> None:
    """Keep every map read and graph built alive until the process ends.

    A command-line run ends by leaving at once (``os._exit``); without this, the objects of
    a large map would still be freed one by one when the command's function returns (about
    0.4 s for 100,000 claims). Long-lived front ends (the language server) do not call it.
    """
    global _kept
    if _kept is None:
        _kept = []


def kept(obj: object) -> None:
    """Hold ``obj`` until the process ends, if :func:`keep_until_exit` was called; and then
    move every object alive to the collector's permanent generation (``gc.freeze``), so
    that the work after reading (checks, queries, output) allocates without each full
    collection walking the whole map again."""
    if _kept is not None:
        _kept.append(obj)
        gc.freeze()
