"""A language model's draft of a map, checked against the text: what argmap asks a model
for (:func:`request`), the shape of the answer (:class:`ModelDraft`, its JSON schema sent
with the request), and the check of the answer (:func:`checked`): every claim must quote
the text verbatim, and anything that does not is dropped and counted, never trusted.

Examples:
    >>> from argmap.analysis.provenance import SourceText
    >>> text = "The town should open the harbour. The queues cost two million a year."
    >>> reply = '''{"central": "open", "claims": [
    ...   {"id": "open", "quote": "The town should open the harbour.", "kind": "conclusion"},
    ...   {"id": "cost", "quote": "The queues cost two million a year.", "kind": "evidence"},
    ...   {"id": "made-up", "quote": "Night work is safe.", "kind": "claim"}],
    ...  "links": [{"source": "cost", "target": "open", "kind": "support"},
    ...            {"source": "made-up", "target": "open", "kind": "support"}]}'''
    >>> done = checked(parse_reply(reply), SourceText(text))
    >>> [c.id for c in done.claims], done.central, len(done.links)
    (['open', 'cost'], 'open', 1)
    >>> done.dropped_claims, done.dropped_links
    (['made-up'], 1)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

__all__ = ["ModelDraft", "Checked", "request", "parse_reply", "checked", "SYSTEM"]

#: The kinds a model may give a claim (argmap's, less those it cannot quote).
ModelKind = Literal["conclusion", "claim", "premise", "evidence", "objection"]


class ModelClaim(BaseModel):
    """A claim as the model proposes it: a verbatim quote of the text."""

    model_config = ConfigDict(extra="ignore")

    id: str = Field(description="A short id of your choosing: lowercase words and hyphens.")
    quote: str = Field(description="The claim's words, copied verbatim from the text.")
    kind: ModelKind = "claim"
    confidence: float | None = Field(None, description="How sure you are (0-1).")


class ModelLink(BaseModel):
    """A link as the model proposes it, between two of its claims' ids."""

    model_config = ConfigDict(extra="ignore")

    source: str
    target: str
    kind: Literal["support", "attack"] = "support"
    confidence: float | None = None


class ModelDraft(BaseModel):
    """What argmap asks a language model for: the argument's claims (each a verbatim
    quote), its links and its central claim."""

    model_config = ConfigDict(extra="ignore")

    central: str = Field(description="The id of the text's central claim (its thesis).")
    claims: list[ModelClaim]
    links: list[ModelLink] = Field(default_factory=list)


#: The system prompt: what the model is for, and the one rule argmap enforces.
SYSTEM = (
    "You are an argument analyst. You map the argument of an opinion text: its central "
    "claim (the thesis the author argues for), the claims that support it, the objections "
    "the author raises and the author's answers to them. Every claim is a verbatim quote: "
    "copy its words exactly as they stand in the text, one sentence or clause each. Leave "
    "out background, news hooks and scene-setting that argue nothing. Reply with JSON only."
)


def request(text: str) -> str:
    """The prompt for a text: the task, the answer's JSON shape, then the text."""
    shape = json.dumps(ModelDraft.model_json_schema(), ensure_ascii=False)
    return (
        "Map the argument of the text below. Answer with one JSON object matching this "
        f"JSON schema:\n{shape}\n\nRules: each claim's quote is copied verbatim from the "
        "text; a link's source supports or attacks its target (an objection attacks the "
        "claim it objects to; the author's answer attacks the objection); every claim "
        "but the central one has a link from it.\n\nThe text:\n\n" + text
    )


def parse_reply(reply: str) -> ModelDraft:
    """The model's answer read as a :class:`ModelDraft`: the JSON object in it (a fenced
    code block or the first ``{`` to the last ``}``).

    Raises:
        ValueError: the answer holds no such object (with what is wrong, in one line).
    """
    fenced = re.search(r"```(?:json)?\s*(.*?)```", reply, re.S)
    body = fenced.group(1) if fenced else reply
    start, end = body.find("{"), body.rfind("}")
    if start < 0 or end < start:
        raise ValueError("the answer holds no JSON object")
    try:
        return ModelDraft.model_validate_json(body[start : end + 1])
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "the answer"
        raise ValueError(f"the answer is not a draft: {where}: {first['msg']}") from None


@dataclass
class CheckedClaim:
    id: str
    kind: str
    start: int
    end: int
    #: The quote as the text has it (the model's copy may differ in spacing or quotes).
    text: str
    score: float


@dataclass
class Checked:
    """A model's draft after the check: the claims whose quotes the text holds (in the
    text's order), the links between them, and what was dropped."""

    central: str | None
    claims: list[CheckedClaim]
    links: list[tuple[str, str, str, float]]
    dropped_claims: list[str] = field(default_factory=list)
    dropped_links: int = 0


def _score(value: float | None) -> float:
    """A drafted item's score: the model's confidence within 0-1, else an even 0.5."""
    return 0.5 if value is None else round(min(1.0, max(0.0, value)), 2)


def checked(draft: ModelDraft, source) -> Checked:
    """Keep what the text bears out: a claim whose quote is found in ``source`` (a
    :class:`argmap.analysis.provenance.SourceText`; spacing and quotation marks may
    differ, words may not; three words at least), once per id and once per passage; a
    link between two kept claims, once, never from a claim to itself. The central claim,
    if its quote was dropped, is the kept claim most supported (None when nothing was
    kept)."""
    claims: list[CheckedClaim] = []
    dropped: list[str] = []
    ids: set[str] = set()
    spans: set[tuple[int, int]] = set()
    for c in draft.claims:
        # Two words could be found anywhere: a claim quotes a clause at least.
        hit = source.find(c.quote) if len(c.quote.split()) >= 3 else None
        if hit is None or c.id in ids or (hit.start, hit.end) in spans:
            dropped.append(c.id)
            continue
        ids.add(c.id)
        spans.add((hit.start, hit.end))
        quoted = source.text[hit.start : hit.end]
        claims.append(CheckedClaim(c.id, c.kind, hit.start, hit.end, quoted,
                                   _score(c.confidence)))  # fmt: skip
    claims.sort(key=lambda c: c.start)
    links: list[tuple[str, str, str, float]] = []
    seen: set[tuple[str, str]] = set()
    gone = 0
    for link in draft.links:
        key = (link.source, link.target)
        if link.source not in ids or link.target not in ids or link.source == link.target \
                or key in seen:  # fmt: skip
            gone += 1
            continue
        seen.add(key)
        links.append((link.source, link.target, link.kind, _score(link.confidence)))
    central = draft.central if draft.central in ids else None
    if central is None and claims:
        backed = {c.id: 0 for c in claims}
        for _, target, kind, _ in links:
            backed[target] += kind == "support"
        central = max(claims, key=lambda c: backed[c.id]).id
    return Checked(central, claims, links, dropped, gone)
