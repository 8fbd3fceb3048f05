"""``argmap schemes`` and ``argmap questions``: the argument schemes argmap knows, and the
critical questions a map's inferences leave open."""

from __future__ import annotations

import os

from argmap.operations.result import Result

__all__ = ["list_schemes", "open_questions"]


def list_schemes(name: str | None = None, *, map_path: str | os.PathLike | None = None) -> Result:
    """The catalogue of schemes (with the schemes the map at ``map_path`` defines), or
    the one scheme ``name`` names (by id, name or AIF name).

    Raises:
        UsageError: no scheme by that name (the nearest are suggested).
    """
    from argmap.analysis.schemes import catalogue_of

    model = None
    if map_path is not None:
        from argmap.operations.loading import read_map

        model = read_map(map_path).model
    catalogue = catalogue_of(model)
    if name is None:
        return Result(catalogue)
    scheme = catalogue.get(name)
    if scheme is None:
        from argmap.errors import UsageError

        hint = catalogue.suggest(name)
        raise UsageError(
            f"no scheme {name!r}" + (f": {hint}" if hint else "; see `argmap schemes`")
        )

    return Result(scheme, id_list=lambda: [scheme.id])


def open_questions(path: str | os.PathLike, *, answered: bool = False) -> Result:
    """The critical questions of the map's inferences that are still open (``answered``:
    all of them, with who answers and how)."""
    from argmap.analysis.schemes import questions_report
    from argmap.operations.loading import read_map

    answer = questions_report(read_map(path).model).answer(answered=answered)
    return Result(answer)
