"""The text form of each command's answer, chosen by the answer's type: the operations
return typed answers (:mod:`argmap.analysis.query_answers`...), and what they read as on a
terminal is decided here, not beside them. An answer with columns and rows reads as a
table; ``why`` as the tree of what its claim rests on.

Examples:
    >>> from argmap.analysis.query_answers import Path
    >>> from argmap.operations.result import Page
    >>> text_form(Path([]), Page()).nothing
    'no chain of links leads there'
"""

from __future__ import annotations

from functools import singledispatch
from typing import Any

from argmap.analysis.coverage import Coverage
from argmap.analysis.diff import MapDiff
from argmap.analysis.query import Reach
from argmap.analysis.query_answers import Claims, Path, Reached, Stats
from argmap.analysis.schemes import Questions
from argmap.views.forms import Lines, Outline, Table

__all__ = ["text_form"]


@singledispatch
def text_form(answer: Any, page: Any) -> Any:
    """The text form (:mod:`argmap.views.forms`) of a command's answer on ``page``; None
    for an answer that prints nothing as text (``export`` writes a file)."""
    return None


@text_form.register(Claims)
@text_form.register(Reached)
@text_form.register(Path)
@text_form.register(Stats)
def _table(answer: Any, page: Any) -> Table:
    return Table(answer.columns(), answer.rows(), getattr(answer, "EMPTY", None))


@text_form.register(Reach)
def _reach(answer: Reach, page: Any) -> Any:
    if answer.forward:
        table = answer.table()
        return Table(table.columns(), table.rows(), answer.empty)
    from argmap.analysis.outline import outline

    return Outline(answer.G, outline(answer.G, [answer.claim]))


@text_form.register(Coverage)
def _coverage(answer: Coverage, page: Any) -> Lines:
    from argmap.views.reports import coverage_lines

    return Lines(coverage_lines(answer.model_dump(mode="json")), wrap=True)


@text_form.register(Questions)
def _questions(answer: Questions, page: Any) -> Table:
    return Table(answer.columns(), answer.rows(), answer.empty)


@text_form.register(MapDiff)
def _diff(answer: MapDiff, page: Any) -> Lines:
    from argmap.views.reports import diff_lines

    return Lines(([f"argmap diff {answer.file}"] if answer.file else []) + diff_lines(answer))
