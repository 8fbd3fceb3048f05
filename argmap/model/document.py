"""A map as read from one input: the model, its name, where each part was written, and
the reader of the files it names.

Checks report problems by *path* (``("claims", 3, "supports", 0)``); the
document turns a path into a :class:`~argmap.errors.Location` (file, line,
column) through the positions its reader recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Any

from argmap.errors import Location

if TYPE_CHECKING:
    from argmap.model import ArgMap, Path

__all__ = ["Document", "Positions", "format_path"]

#: Looks up (line, col), both 1-based, of a path in the input; (0, 0) when unknown.
Positions = Callable[[Any, bool], tuple[int, int]]


def _no_positions(path: Path, key: bool) -> tuple[int, int]:
    return (0, 0)


@dataclass
class Document:
    """A parsed map and what is needed to point at its parts."""

    model: ArgMap
    name: str = "<map>"
    path: FsPath | None = None
    positions: Positions = field(default=_no_positions, repr=False)
    #: Reads the files the map names (source texts, used maps), as its reader allows
    #: (:class:`argmap.io.files.NamedFiles`); None: a map made in memory, which names no
    #: file it could read.
    files: Any = field(default=None, repr=False, compare=False)
    #: A combined debate's used maps: each prefix its claims go by (``panda``, a nested
    #: ``mid:low``) and the file it names (:func:`argmap.model.debate.combine`).
    used_files: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def locate(self, path: Path = (), *, key: bool = False) -> Location:
        """The file, line and column of ``path`` (of its key when ``key`` is true)."""
        line, col = self.positions(tuple(path), key)
        return Location(self.name, line, col)


def format_path(path: Path) -> str:
    """A path as the user would write it.

    Examples:
        >>> format_path(("claims", 3, "supports", 0))
        'claims[3].supports[0]'
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
