"""The forms text output takes, which the front ends print: the one vocabulary between
the operations (which say what to show) and the printer (which knows the terminal).

- :class:`Lines`: plain lines (``wrap``: fitted to the page's width at spaces);
- :class:`Styled`: lines of (text, style) segments, coloured on a terminal;
- :class:`Passages`: paragraphs of (text, style) segments, each fitted to the terminal at
  spaces (whole when piped), indented;
- :class:`Table`: columns and rows, laid out so no id or word is ever cut
  (:mod:`argmap.views.columns`), with what to say on standard error when there is no row;
- :class:`Outline`: trees of claims (:mod:`argmap.views.tree`);
- :class:`Stack`: several forms, one after the other;
- :class:`Json`: a JSON document (a format of its own, such as SARIF).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Lines", "Styled", "Passages", "Table", "Outline", "Stack", "Json"]


@dataclass
class Lines:
    lines: list[str]
    wrap: bool = False


@dataclass
class Styled:
    lines: list[list[tuple[str, str | None]]]


@dataclass
class Passages:
    #: Each paragraph: how many spaces it is indented by, and its (text, style) segments.
    paragraphs: list[tuple[int, list[tuple[str, str | None]]]]


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]
    #: Said on standard error when there is no row (and, piped, nothing is printed).
    nothing: str | None = None


@dataclass
class Outline:
    G: Any
    trees: list
    options: dict = field(default_factory=dict)


@dataclass
class Stack:
    parts: list


@dataclass
class Json:
    data: Any
