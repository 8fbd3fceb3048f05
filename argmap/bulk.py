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
