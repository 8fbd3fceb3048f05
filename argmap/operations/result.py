"""What a use case returns: its answer, and how that answer reads in each output format.

Every operation returns a :class:`Result`, typed by its answer: its ``value`` is what a
library user works with (a :class:`~argmap.analysis.outline.Shown`, an
:class:`~argmap.semantics.report.EvalReport`, a table of claims...); ``to_data()`` and
``ids()`` are that answer as JSON and as ids. How an answer reads as text, as a
spreadsheet's rows or in a format of its command's own is chosen by its type in
:mod:`argmap.views.answers`, never here: ``view`` carries the options the command line
gave that form (``--extensions``), ``formats`` the names of the command's own formats.
``notes`` and ``problems`` are said on standard error before the output; ``status`` is the
exit status the command line gives it (1: no match, differences, a failed check).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

__all__ = ["Result", "Page"]


@dataclass(frozen=True)
class Page:
    """Where text goes: a terminal (colour, marks) or not, and how wide (None: no width
    to fit, one row a line)."""

    terminal: bool = False
    width: int | None = None


#: The type of a result's answer.
T = TypeVar("T")


@dataclass
class Result(Generic[T]):
    """A use case's answer (see the module's description)."""

    value: T
    #: The JSON, where it is not the answer's own (``model_dump`` or ``to_data``).
    data: Callable[[], Any] | None = None
    #: The ids, where they are not the answer's own (``ids()``).
    id_list: Callable[[], list[str]] | None = None
    notes: list[str] = field(default_factory=list)
    problems: list[Any] = field(default_factory=list)
    #: Lines for standard error as they are (after the notes and problems).
    log: list[str] = field(default_factory=list)
    status: int = 0
    #: Options of the answer's text form (:func:`argmap.views.answers.text_form`).
    view: dict[str, Any] = field(default_factory=dict)
    #: Formats of the command's own (``github``, ``sarif``), drawn by
    #: :func:`argmap.views.answers.own_form` when asked for.
    formats: tuple[str, ...] = ()
    #: Output formats this answer has no form in, and why (``{"ids": "eval labels ..."}``).
    unavailable: dict[str, str] = field(default_factory=dict)

    def to_data(self) -> Any:
        """The answer as JSON-ready data: its model's dump (an answer that computes more
        than it prints gives its model by ``answer()``), or what ``data`` gives."""
        if self.data is not None:
            return self.data()
        value: Any = self.value
        if hasattr(value, "answer"):
            value = value.answer()
        if hasattr(value, "model_dump"):
            return value.model_dump(mode="json", by_alias=True)
        return value.to_data()  # an answer not yet a model

    def ids(self) -> list[str]:
        """The ids the answer names, one each, in its order."""
        return self.id_list() if self.id_list is not None else self.value.ids()  # type: ignore[attr-defined]
