"""Reading maps: a path (or ``-``) to a :class:`~argmap.model.document.Document`.

Every use case starts here. A map is read as the untrusted input it is (bounded, UTF-8,
:func:`argmap.io.files.read_input`), parsed (:func:`argmap.formats.native.parse`), and
given the reader of the files it names (:class:`argmap.io.files.NamedFiles`: its used maps
and source texts, inside its project only), through which the maps it ``uses`` are folded
in and its quotes are later checked.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.io.files import Input, NamedFiles
    from argmap.model.document import Document

__all__ = ["read_map", "map_of", "read_maps", "remembering_reader"]


def read_map(path: str | os.PathLike, *, regular: bool = False) -> Document:
    """Read a map from a path, or from standard input for ``-``; ``regular`` refuses
    anything but a regular file (a pipe put in the map's place, say) without waiting on it.

    Raises:
        UsageError: the file cannot be read.
        MapError: the map is malformed (located diagnostics).
    """
    from argmap.io.files import read_input

    return map_of(read_input(path, regular=regular))


def map_of(inp: Input) -> Document:
    """The map in an input already read (:func:`read_map` without the reading).

    Raises:
        MapError: the map is malformed (located diagnostics).
    """
    from argmap.formats import native
    from argmap.io.bulk import kept, paused_gc

    with paused_gc():
        doc = native.parse(inp)
    kept(doc)
    return doc


def read_maps(paths: Sequence[str | os.PathLike]) -> list[Document]:
    """Read several maps (:func:`read_map`), in order."""
    return [read_map(path) for path in paths]


def remembering_reader(map_path: str | os.PathLike | None) -> NamedFiles:
    """A reader of the files the map at ``map_path`` names that keeps what it read while
    a file's size and change time stay the same (for an editor, which reads the map again
    on every change): a :class:`~argmap.io.files.NamedFiles`."""
    from argmap.io.files import NamedFiles

    return NamedFiles(map_path, remembers=True)
