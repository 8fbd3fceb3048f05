"""The argmap map format, version 1: one pydantic schema for YAML and JSON.

A map has metadata, sources, claims and links. A link says that its ``source``
claim supports or attacks its ``target`` claim, or (``undercut``) that the
source attacks another *link* (a support or an attack): the inference rather than
the claim. Links that
share a ``group`` support their target only together (linked premises);
without a group, support is convergent.

For authoring by hand a claim may carry shorthand links (``supports``,
``attacks``, ``undercuts``); :meth:`ArgMap.canonical` moves them into
``links``, which is the form ``argmap export --to json`` writes.

The model does no I/O and knows nothing of graphs or terminals. Unknown keys are
rejected (``extra="forbid"``), never dropped.

Examples:
    >>> m = ArgMap.model_validate({"title": "t", "claims": [
    ...     {"id": "c", "text": "C", "kind": "conclusion"},
    ...     {"id": "p", "text": "P", "supports": ["c"]}]})
    >>> [(link.id, link.kind.value) for link in m.all_links()]
    [('p.support.c', 'support')]
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from argmap.model.answers import optional

__all__ = [
    "FORMAT_VERSION",
    "ClaimKind",
    "LinkKind",
    "Source",
    "Claim",
    "Link",
    "Use",
    "Answer",
    "Scheme",
    "SchemePremise",
    "SchemeQuestion",
    "ArgMap",
    "Path",
    "default_link_id",
    "landing_claim",
    "json_schema",
]

FORMAT_VERSION = 1

#: Where a value stands in the input document: keys and list indexes from the top.
Path = tuple[str | int, ...]

#: A slug; or, for a claim of a map this one uses, NAME:ID (NAME:INNER:ID for a map that
#: map uses, where its name is taken; see ``uses``).
NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"
CLAIM_ID_PATTERN = r"^(?:[A-Za-z0-9][A-Za-z0-9_-]*:)*[A-Za-z0-9][A-Za-z0-9_-]*$"
#: Link ids: default ids of links to used maps' claims hold the colon (a.attack.panda:b).
LINK_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$"


class ClaimKind(StrEnum):
    """The role a claim plays in the argument."""

    conclusion = "conclusion"
    claim = "claim"
    premise = "premise"
    evidence = "evidence"
    assumption = "assumption"
    objection = "objection"
    question = "question"
    #: An argument taken as one unit, its reasoning told in its text (Argdown's ``<Title>``).
    argument = "argument"


class LinkKind(StrEnum):
    """What a link does: support or attack a claim, or undercut a link."""

    support = "support"
    attack = "attack"
    undercut = "undercut"


def _whole_number_to_text(value: Any) -> Any:
    # A whole number written where an id or a year belongs is its digits (JSON Schema
    # counts 2025.0 as an integer too); any other number is left to fail as text.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        raise ValueError(f"a whole number or text is expected here, not {value!r}")
    return value


def _whole_number_to_int(value: Any) -> Any:
    # JSON Schema counts 1.0 as an integer, so the format's version may be written so;
    # text ("1") and yes/no stay refused (the field is strict).
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _date_to_text(value: Any) -> Any:
    # YAML reads 2025-03-25 as a date and 2025 as an int; the format keeps text.
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _whole_number_to_text(value)


DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
PartialDate = Annotated[
    str,
    Field(
        pattern=DATE_PATTERN,
        description="An ISO date, or a year-month or a year: 2025-03-25, 2025-03, 2025.",
    ),
    BeforeValidator(_date_to_text),
]
ClaimId = Annotated[
    str,
    Field(
        pattern=CLAIM_ID_PATTERN,
        max_length=200,
        description="A stable slug: letters, digits, '-' and '_' (NAME:ID names a claim of "
        "a map this one uses).",
    ),
    BeforeValidator(_whole_number_to_text),
]
Name = Annotated[
    str,
    Field(pattern=NAME_PATTERN, max_length=100, description="A slug: letters, digits, '-', '_'."),
    BeforeValidator(_whole_number_to_text),
]
LinkId = Annotated[
    str,
    Field(
        pattern=LINK_ID_PATTERN,
        max_length=500,
        description="A link id: letters, digits, '-', '_' and '.'.",
    ),
    BeforeValidator(_whole_number_to_text),
]
Text = Annotated[str, Field(min_length=1)]
#: The longest short label a claim may carry (``label:``).
LABEL_MAX = 60
#: Strict: a quoted "0.5" or a yes is not a number (the JSON Schema says the same).
Unit = Annotated[float, Field(ge=0.0, le=1.0, strict=True)]


def _empty(value: list) -> bool:
    # Empty lists are left out when a map is written (see ArgMap.to_data).
    return not value


class _Strict(BaseModel):
    # A number written where text belongs (an id 12, a locator 3) is that text, as a
    # person means it; YAML reads it as a number.
    model_config = ConfigDict(
        extra="forbid", frozen=True, use_enum_values=False, coerce_numbers_to_str=True
    )


class Use(_Strict):
    """Another map this one builds on: its claims are named NAME:ID here, and may be
    supported, attacked or undercut like this map's own."""

    name: Name = Field(description="The short name its claims go by: NAME:CLAIM-ID.")
    path: Text = Field(description="The map file, relative to this one.")


class Source(_Strict):
    """A document the claims are drawn from."""

    id: ClaimId
    title: Text
    author: str | None = None
    date: PartialDate | None = None
    url: str | None = None
    path: str | None = Field(
        default=None, description="A local copy of the source text, relative to the map file."
    )
    withheld: Text | None = Field(
        default=None,
        description="Why the text at path is not distributed with the map (copyright, "
        "say): where it is absent, argmap says so in a note instead of a warning.",
    )


class Answer(_Strict):
    """A claim's answer to a critical question of an inference: ``yes``, the inference
    holds up under the question; ``no``, the claim defeats it (an undercut, unless the
    claim already undercuts that inference or attacks its conclusion)."""

    link: LinkId = Field(
        description="The inference: a support link's id (any link of a linked group)."
    )
    question: ClaimId = Field(description="The id of a critical question of the link's scheme.")
    answer: Literal["yes", "no"] = Field(
        description="yes: the inference holds up under the question; no: it fails."
    )


class Claim(_Strict):
    """A statement in the argument, with its provenance."""

    id: ClaimId
    text: Text
    kind: ClaimKind = ClaimKind.claim
    label: Annotated[str, Field(min_length=1, max_length=LABEL_MAX)] | None = Field(
        default=None,
        description="A short name for pictures (`export --text short`): a few words, at "
        f"most {LABEL_MAX} characters; else a picture shows the text's first words.",
    )
    tags: list[ClaimId] = Field(default_factory=list, exclude_if=_empty)
    source: ClaimId | None = Field(default=None, description="The id of a source.")
    quote: str | None = Field(default=None, description="Verbatim words from the source.")
    locator: str | None = Field(
        default=None, description="Where the quote stands: page, paragraph."
    )
    confidence: Unit | None = None
    note: str | None = None
    reconstructed: bool = Field(
        default=False,
        strict=True,
        exclude_if=lambda value: not value,
        description="The analyst's reconstruction (an unstated premise, a warrant), not "
        "stated in the source; it carries no quote.",
    )
    drafted: Unit | None = Field(
        default=None,
        description="Proposed by `argmap draft`, with its score (0-1), and not yet "
        "reviewed: `argmap set MAP ID drafted false`, or rewording it, accepts it.",
    )
    answers: list[Answer] = Field(
        default_factory=list,
        exclude_if=_empty,
        description="Critical questions of inferences this claim answers.",
    )
    supports: list[ClaimId] = Field(
        default_factory=list, exclude_if=_empty, description="Shorthand: claims this one supports."
    )
    attacks: list[ClaimId] = Field(
        default_factory=list, exclude_if=_empty, description="Shorthand: claims this one attacks."
    )
    undercuts: list[LinkId] = Field(
        default_factory=list,
        exclude_if=_empty,
        description="Shorthand: links (inferences) this one attacks.",
    )


class Link(_Strict):
    """A support, attack or undercut from one claim to a claim (or, undercut, to a link)."""

    id: LinkId | None = Field(
        default=None, description="Defaults to SOURCE.KIND.TARGET, e.g. a.support.b."
    )
    source: ClaimId
    target: LinkId = Field(description="A claim id; for an undercut, a link id.")
    kind: LinkKind = LinkKind.support
    group: ClaimId | None = Field(
        default=None, description="Links sharing a group support their target only together."
    )
    note: str | None = Field(default=None, description="The warrant: why it supports or attacks.")
    weight: Unit | None = None
    scheme: Text | None = Field(
        default=None,
        description="The argument scheme of the inference (see `argmap schemes`); in a "
        "linked group, on any of its links.",
    )
    role: ClaimId | None = Field(
        default=None, description="The role the source claim plays in the scheme (goal, means)."
    )
    drafted: Unit | None = Field(
        default=None,
        description="Proposed by `argmap draft`, with its score (0-1), and not yet "
        "reviewed: `argmap set MAP LINK-ID drafted false` accepts it.",
    )

    @property
    def key(self) -> str:
        """The link's id, given or derived."""
        return self.id or default_link_id(self.source, self.kind, self.target)


#: The shorthand lists on a claim, and the kind of link each writes.
_SHORTHAND = (
    ("supports", LinkKind.support),
    ("attacks", LinkKind.attack),
    ("undercuts", LinkKind.undercut),
)

#: The links of each map alive, by id(map), with a weak reference that tells a map that
#: reuses a dead one's id apart (see ArgMap.all_links).
_LINKS: dict[int, tuple[Any, list[Link]]] = {}


def landing_claim(link: Link, links_by_id: dict[str, Link]) -> str | None:
    """The claim a link finally bears on: its target, or for an undercut the claim the
    undercut link (or the link that one undercuts, and so on) bears on; None when the
    chain is broken or goes round.

    Examples:
        >>> s = Link(id="s", source="p", target="c")
        >>> u = Link(id="u", source="x", target="s", kind="undercut")
        >>> w = Link(id="w", source="y", target="u", kind="undercut")
        >>> landing_claim(w, {"s": s, "u": u, "w": w})
        'c'
    """
    seen = set()
    while link.kind is LinkKind.undercut:
        if link.id in seen or link.target not in links_by_id:
            return None
        seen.add(link.id)
        link = links_by_id[link.target]
    return link.target


def default_link_id(source: str, kind: LinkKind | str, target: str) -> str:
    """The id a link gets when none is given.

    Examples:
        >>> default_link_id("a", LinkKind.attack, "b")
        'a.attack.b'
    """
    return f"{source}.{LinkKind(kind).value}.{target}"


class SchemePremise(_Strict):
    """A premise of a scheme: its role and what it says."""

    role: ClaimId
    text: Text


class SchemeQuestion(_Strict):
    """A critical question, phrased so that "yes" is the answer under which the inference
    holds."""

    id: ClaimId
    text: Text


class Scheme(_Strict):
    """An argument scheme: premise roles, conclusion and critical questions. argmap ships a
    catalogue (``argmap schemes``); a map may add its own under ``schemes``."""

    id: ClaimId
    name: Text
    premises: list[SchemePremise] = Field(default_factory=list, exclude_if=_empty)
    conclusion: str | None = optional()
    questions: list[SchemeQuestion] = Field(default_factory=list, exclude_if=_empty)
    aif: str | None = optional("The scheme's name in AIF.")
    aliases: list[str] = Field(
        default_factory=list, exclude_if=_empty, description="Other names read on import."
    )
    cite: str | None = optional("Where the scheme is described.")


class ArgMap(_Strict):
    """A whole argument map."""

    argmap: Annotated[int, BeforeValidator(_whole_number_to_int)] = Field(
        default=FORMAT_VERSION,
        ge=1,
        le=FORMAT_VERSION,
        strict=True,
        description="Format version.",
    )
    title: Text
    description: str | None = None
    authors: list[str] = Field(default_factory=list, exclude_if=_empty)
    created: PartialDate | None = None
    updated: PartialDate | None = None
    tags: list[ClaimId] = Field(default_factory=list, exclude_if=_empty)
    uses: list[Use] = Field(
        default_factory=list,
        exclude_if=_empty,
        description="Maps this one builds on; their claims are NAME:ID here.",
    )
    sources: list[Source] = Field(default_factory=list, exclude_if=_empty)
    claims: list[Claim] = Field(default_factory=list, exclude_if=_empty)
    links: list[Link] = Field(default_factory=list, exclude_if=_empty)
    schemes: list[Scheme] = Field(
        default_factory=list, exclude_if=_empty, description="Schemes of the map's own."
    )

    def iter_links(self) -> Iterator[tuple[Path, Link]]:
        """Every link, shorthand ones first in claim order, each with where it was written.

        Shorthand links get their id from :func:`default_link_id`.
        """
        for i, claim in enumerate(self.claims):
            for field, kind in _SHORTHAND:
                for j, target in enumerate(getattr(claim, field)):
                    # The parts were validated with the claim: no need to validate again.
                    link = Link.model_construct(
                        id=default_link_id(claim.id, kind, target),
                        source=claim.id,
                        target=target,
                        kind=kind,
                    )
                    yield ("claims", i, field, j), link
        for k, link in enumerate(self.links):
            if link.id is None:
                link = link.model_copy(update={"id": link.key})
            yield ("links", k), link
        if any(c.answers for c in self.claims):
            yield from self._answer_links()

    def _answer_links(self) -> Iterator[tuple[Path, Link]]:
        # A "no" answer defeats the inference: an undercut of the answered link, unless
        # the claim already undercuts it (or a link of its group) or attacks its target.
        # What each claim already does, as (kind, target): written as shorthand or as links.
        written: dict[str, set[tuple[str, str]]] = {}
        for claim in self.claims:
            for field, kind in _SHORTHAND:
                for target in getattr(claim, field):
                    written.setdefault(claim.id, set()).add((kind.value, target))
        by_id = {}
        groups: dict[tuple[str, str], set[str]] = {}
        for link in self.links:
            by_id[link.key] = link
            written.setdefault(link.source, set()).add((link.kind.value, link.target))
            if link.group is not None:
                groups.setdefault((link.group, link.target), set()).add(link.key)
        for i, claim in enumerate(self.claims):
            for j, answer in enumerate(claim.answers):
                if answer.answer != "no":
                    continue
                done = written.get(claim.id, set())
                aim = by_id.get(answer.link)
                family = {answer.link}
                if aim is not None and aim.group is not None:
                    family = groups[(aim.group, aim.target)]
                if any(("undercut", k) in done for k in family) or (
                    aim is not None and ("attack", aim.target) in done
                ):
                    continue
                done.add(("undercut", answer.link))
                written[claim.id] = done
                link = Link.model_construct(
                    id=default_link_id(claim.id, LinkKind.undercut, answer.link),
                    source=claim.id,
                    target=answer.link,
                    kind=LinkKind.undercut,
                )
                yield ("claims", i, "answers", j), link

    def all_links(self) -> list[Link]:
        """Every link with its id filled in, shorthand included (worked out once per map:
        a map is frozen; the list returned is a copy)."""
        key = id(self)
        cached = _LINKS.get(key)
        if cached is None or cached[0]() is not self:
            import weakref

            if any(c.supports or c.attacks or c.undercuts or c.answers for c in self.claims):
                found = [link for _, link in self.iter_links()]
            else:  # links written out only: the same list, without the places
                found = [
                    link if link.id is not None else link.model_copy(update={"id": link.key})
                    for link in self.links
                ]
            cached = (weakref.ref(self), found)
            _LINKS[key] = cached
            weakref.finalize(self, _LINKS.pop, key, None)
        return list(cached[1])

    def canonical(self) -> ArgMap:
        """The same map with shorthand moved into ``links`` and every link id explicit."""
        if (
            all(link.id is not None for link in self.links)
            and not any(c.supports or c.attacks or c.undercuts for c in self.claims)
            and not (any(c.answers for c in self.claims) and any(self._answer_links()))
        ):
            return self
        claims = [
            c.model_copy(update={"supports": [], "attacks": [], "undercuts": []})
            for c in self.claims
        ]
        return self.model_copy(update={"claims": claims, "links": self.all_links()})

    def to_data(self) -> dict[str, Any]:
        """The canonical document as plain data, in a stable key order.

        Empty lists and unset values are left out; the version is always written.
        """
        return self.canonical().model_dump(mode="json", exclude_none=True)

    def to_json(self) -> str:
        """The canonical document as JSON text (two-space indent, no final newline), the
        same data as :meth:`to_data`, written by pydantic-core."""
        return self.canonical().model_dump_json(exclude_none=True, indent=2)


_TEXT_KEYWORDS = ("type", "pattern", "minLength", "maxLength")


def _numbers_as_text(node: Any) -> Any:
    # Every text in the schema takes the numbers the model reads as text: any number in
    # free text, whole numbers in ids (the pattern takes their digits) and years.
    if isinstance(node, list):
        return [_numbers_as_text(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _numbers_as_text(value) for key, value in node.items()}
    if node.get("type") != "string" or "enum" in node or "const" in node:
        return node
    text = {key: node.pop(key) for key in _TEXT_KEYWORDS if key in node}
    pattern = text.get("pattern")
    if pattern is None:
        number: dict[str, Any] = {"type": "number"}
    elif pattern == DATE_PATTERN:
        number = {"type": "integer", "minimum": 1000, "maximum": 9999}
    else:
        number = {"type": "integer", "minimum": 0}
        if "maxLength" in text:
            number["maximum"] = 10 ** text["maxLength"] - 1
    return {"anyOf": [text, number], **node}


#: Where the schema of this format version says it lives (its ``$id``).
SCHEMA_ID = f"urn:argmap:map-format:{FORMAT_VERSION}"


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the map format, for editors and other tools.

    It accepts what the model accepts, as to shape and the types of values (the checks
    across a map, such as unknown ids, are ``validate``'s): text fields take numbers too,
    as the model reads them as their digits, ids and years only whole numbers.

    >>> json_schema()["$id"]
    'urn:argmap:map-format:1'
    """
    schema = _numbers_as_text(ArgMap.model_json_schema())
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": f"argmap map, format version {FORMAT_VERSION}",
    }
    return schema
