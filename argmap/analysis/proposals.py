"""What ``argmap review`` proposes: a drafted map's claims and links, each with what a
person needs to judge it (:mod:`argmap.operations.review` finds and decides them)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, RootModel

from argmap.model.answers import Record, optional

__all__ = ["Proposal", "Proposals"]


class Proposal(Record):
    """One drafted item: a claim (``kind`` its claim kind) or a link (``kind`` support,
    attack or undercut), its score, and what a person needs to judge it."""

    what: Literal["claim", "link"]
    id: str
    kind: str
    score: float = Field(description="The score argmap draft gave it, 0-1.")
    text: str = Field(description="A claim's text; for a link, its two claims' texts.")
    quote: str | None = None
    links: list[str] = Field(
        default_factory=list, description="For a claim, the links it starts: 'supports X'."
    )
    source: str | None = Field(None, description="For a link, the claim it starts from.")
    target: str | None = Field(None, description="For a link, the claim it bears on.")
    context: str | None = optional(
        "For a quoted claim, the paragraph of its source that holds the quote (when the "
        "source can be read)."
    )
    quote_at: tuple[int, int] | None = optional(
        "Where the quote stands in context: its first character and the one after its last."
    )


class Proposals(RootModel[list[Proposal]]):
    """``argmap review --list --format json``: what is left to review, in order."""

    def columns(self) -> list[str]:
        return ["what", "id", "kind", "drafted", "text"]

    def rows(self) -> list[list[str]]:
        return [[p.what, p.id, p.kind, f"{p.score:.2f}", p.text] for p in self.root]

    def ids(self) -> list[str]:
        return [p.id for p in self.root]
