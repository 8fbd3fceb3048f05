"""``argmap eval``: which conclusions stand, in a map or an abstract framework."""

from __future__ import annotations

import os
from pathlib import Path

from argmap.analysis.selection import WHOLE_MAP, Selection
from argmap.operations.result import Result

__all__ = ["evaluate_file", "framework_kind"]

_IDS = "eval labels claims; --format json names each claim with its label"


def framework_kind(path: str | os.PathLike) -> str | None:
    """The abstract framework format a file's suffix names (apx, tgf, i23), else None."""
    from argmap.formats.registry import FRAMEWORKS

    kind = FRAMEWORKS.get(Path(path).suffix.lower(), "map")
    return None if kind == "map" else kind


def evaluate_file(
    path: str | os.PathLike,
    *,
    kind: str | None = None,
    semantics: str = "grounded",
    acceptance: str = "sceptical",
    extensions: bool = False,
    strength: str | None = None,
    retract: list[str] | tuple = (),
    assume: list[str] | tuple = (),
    explain: str | None = None,
    critical: bool = False,
    selection: Selection = WHOLE_MAP,
) -> Result:
    """Evaluate the map (or, ``kind`` apx, tgf or i23, or a suffix that names one, the
    abstract framework) at ``path``; its ``value`` is the
    :class:`~argmap.semantics.report.EvalReport` (or
    :class:`~argmap.semantics.report.FrameworkReport`).

    Raises:
        UsageError: the file cannot be read; an option a framework cannot take.
        MapError: the map (or framework) is not valid.
    """
    if kind is None:
        kind = framework_kind(path)
    elif kind == "map":
        kind = None
    if kind is not None:
        if strength or retract or assume or explain or critical:
            from argmap.errors import UsageError

            raise UsageError(
                "--strength, --retract, --assume, --explain and --critical need an argument "
                "map, not an abstract framework"
            )
        return _framework(path, kind, semantics, acceptance, extensions)
    from argmap.operations.loading import read_map
    from argmap.semantics.report import evaluate_map

    report = evaluate_map(
        read_map(path),
        semantics=semantics,
        acceptance=acceptance,
        strength=strength,
        retract=list(retract),
        assume=list(assume),
        explain=explain,
        critical=critical,
        view_options=selection.options(),
    )

    notes = [report.view.summary()] if report.view is not None else []
    return Result(report, notes=notes, view={"extensions": extensions},
                  unavailable={"ids": _IDS})  # fmt: skip


def _framework(
    path: str | os.PathLike, kind: str, semantics: str, acceptance: str, extensions: bool
) -> Result:
    from argmap.formats import iccma
    from argmap.io.bulk import paused_gc
    from argmap.io.files import read_input
    from argmap.semantics.evaluate import evaluate_framework
    from argmap.semantics.report import FrameworkReport

    inp = read_input(path)
    with paused_gc():
        F = iccma.parse(inp.text, inp.name, kind)
        result = evaluate_framework(F, semantics=semantics, acceptance=acceptance)
    report = FrameworkReport(inp.name, F, result)

    return Result(report, view={"extensions": extensions}, unavailable={"ids": _IDS})
