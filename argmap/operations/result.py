"""What a use case returns: its answer, and how that answer reads in each output format.

Every operation returns a :class:`Result`. Its ``value`` is the typed answer a library
user works with (a :class:`~argmap.analysis.outline.Shown`, an
:class:`~argmap.semantics.report.EvalReport`, a table of claims...); ``to_data()`` and
``ids()`` are that answer as JSON and as ids; ``text`` says how it reads as text (a form
of :mod:`argmap.views.forms`, built only when text is asked for); ``tsv`` its rows for a
spreadsheet, where it has rows. ``notes`` and ``problems`` are said on standard error
before the output; ``status`` is the exit status the command line gives it (1: no match,
differences, a failed check).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Result", "Page"]


@dataclass(frozen=True)
class Page:
    """Where text goes: a terminal (colour, marks) or not, and how wide (None: no width
    to fit, one row a line)."""

    terminal: bool = False
    width: int | None = None


@dataclass
class Result:
    """A use case's answer (see the module's description)."""

    value: Any
    text: Callable[[Page], Any] | None = None
    data: Callable[[], Any] | None = None
    id_list: Callable[[], list[str]] | None = None
    tsv: Callable[[], tuple[list[str], list[list[str]]]] | None = None
    notes: list[str] = field(default_factory=list)
    problems: list[Any] = field(default_factory=list)
    #: Lines for standard error as they are (after the notes and problems).
    log: list[str] = field(default_factory=list)
    status: int = 0
    #: Forms in formats of the command's own (``github``, ``sarif``), built when asked for.
    formats: dict[str, Callable[[], Any]] = field(default_factory=dict)
    #: Output formats this answer has no form in, and why (``{"ids": "eval labels ..."}``).
    unavailable: dict[str, str] = field(default_factory=dict)

    def to_data(self) -> Any:
        """The answer as JSON-ready data: an answer model's dump (or what ``data`` gives)."""
        if self.data is not None:
            return self.data()
        if hasattr(self.value, "model_dump"):
            return self.value.model_dump(mode="json")
        return self.value.to_data()

    def ids(self) -> list[str]:
        """The ids the answer names, one each, in its order."""
        return self.id_list() if self.id_list is not None else self.value.ids()
