"""``argmap coverage``: what a map leaves open, and how much of its sources it draws on."""

from __future__ import annotations

import os
from pathlib import Path

from argmap.operations.result import Page, Result

__all__ = ["coverage_file"]


class Coverage(dict):
    """A coverage report (:func:`argmap.analysis.provenance.coverage`): a JSON-ready dict
    that also names the claims it says need attention."""

    def to_data(self) -> dict:
        return dict(self)

    def ids(self) -> list[str]:
        from argmap.analysis.provenance import coverage_ids

        return coverage_ids(self)


def coverage_file(path: str | os.PathLike, *, source_file: str | None = None) -> Result:
    """The coverage report of the map at ``path``; ``source_file`` (a text the user
    names) checks every quote against that one text instead of each source's own.

    Raises:
        UsageError: a file cannot be read (``source_file``: as UTF-8 text).
        MapError: the map is not valid.
    """
    from argmap.analysis.provenance import MAX_SOURCE_BYTES, coverage
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
    report = Coverage(coverage(read_map(path), source_text=given))

    def as_text(page: Page):
        from argmap.views.forms import Lines
        from argmap.views.reports import coverage_lines

        return Lines(coverage_lines(report), wrap=True)

    return Result(report, text=as_text)
