"""``argmap coverage``: what a map leaves open, and how much of its sources it draws on."""

from __future__ import annotations

import os
from pathlib import Path

from argmap.operations.result import Result

__all__ = ["coverage_file"]


def coverage_file(path: str | os.PathLike, *, source_file: str | None = None) -> Result:
    """The coverage report of the map at ``path``; ``source_file`` (a text the user
    names) checks every quote against that one text instead of each source's own.

    Raises:
        UsageError: a file cannot be read (``source_file``: as UTF-8 text).
        MapError: the map is not valid.
    """
    from argmap.analysis.coverage import coverage
    from argmap.analysis.provenance import MAX_SOURCE_BYTES
    from argmap.operations.loading import read_map

    given = None
    if source_file is not None:
        from argmap.errors import UsageError
        from argmap.io.files import read_text_file

        try:  # the user named it: read as given, not as a map names a file
            text = read_text_file(Path(source_file), max_bytes=MAX_SOURCE_BYTES)
            given = (source_file, text)
        except (OSError, UnicodeDecodeError) as exc:
            reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else exc.strerror
            raise UsageError(f"{source_file}: cannot read the source text ({reason})") from None
    return Result(coverage(read_map(path), source_text=given))
