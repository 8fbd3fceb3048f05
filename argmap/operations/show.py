"""``argmap show``: a map's argument as trees, from its conclusions or from a claim."""

from __future__ import annotations

import os

from argmap.analysis.selection import WHOLE_MAP, Selection
from argmap.operations.result import Result

__all__ = ["show_file"]


def show_file(
    path: str | os.PathLike,
    claim: str | None = None,
    *,
    depth: int | None = None,
    quotes: bool = False,
    with_eval: bool = False,
    with_questions: bool = False,
    selection: Selection = WHOLE_MAP,
) -> Result:
    """The trees of the map at ``path`` (:func:`argmap.analysis.outline.show_map`); its
    ``value`` is the :class:`~argmap.analysis.outline.Shown`.

    Raises:
        UsageError: the file cannot be read, no such claim, or a bad selection.
        MapError: the map is not valid.
    """
    from argmap.analysis.outline import show_map
    from argmap.operations.loading import read_map

    shown = show_map(
        read_map(path),
        claim,
        depth=depth,
        quotes=quotes,
        with_eval=with_eval,
        with_questions=with_questions,
        **selection.options(),
    )

    return Result(shown, notes=shown.notes, problems=shown.problems)
