"""What the commands' answers are built from: every answer's record refuses a key it does
not declare (a new key is a change of the published schema, made in its model first), a
key written only when it has a value is :func:`optional`, and the labels and relations
answers name are one vocabulary.

Examples:
    >>> class Hit(Record):
    ...     id: str
    ...     label: Label | None = optional("Its grounded label, when weighed.")
    >>> Hit(id="c").model_dump(), Hit(id="c", label="in").model_dump()
    ({'id': 'c'}, {'id': 'c', 'label': 'in'})
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Record", "optional", "Label", "Relation"]

#: A claim's label in an evaluation.
Label = Literal["in", "out", "undec"]
#: How a link bears on its target.
Relation = Literal["support", "attack", "undercut"]


class Record(BaseModel):
    """A record of a command's answer: its keys are the ones declared, no others."""

    model_config = ConfigDict(extra="forbid")


def _none(value: object) -> bool:
    return value is None


def optional(description: str | None = None) -> Any:
    """A key written only when it has a value (asked for, as ``eval --strength``, or
    saying something, as a tree's ``ref``): absent from the JSON when None, and so not
    required by the schema."""
    return Field(None, description=description, exclude_if=_none)
