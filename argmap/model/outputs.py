"""The JSON the commands not yet answering with a model of their own print with ``--format
json``, as pydantic models: the published contract for tools that read argmap's answers
(``argmap schema --of COMMAND`` prints each as a JSON Schema; the registry of all of
them is :data:`argmap.operations.schema.outputs`). These models describe; those commands
build their JSON themselves, and ``tests/test_output_schemas.py`` checks every command's
real output against its schema. The query commands' answers are their JSON and their
schema at once (:mod:`argmap.analysis.query_answers`): the others are to follow.

Keys a command writes only when asked (``eval --strength``, ``show --eval``) have a
default here, so the schema does not require them; keys always written are required,
``null`` where they may be empty. Unknown keys are refused, so a new key is a change
of this contract, made here first.

Examples:
    >>> sorted(OUTPUTS)[:4]
    ['compare', 'eval', 'merge', 'schemes']
"""

from __future__ import annotations

from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, RootModel

__all__ = ["OUTPUTS"]

Label = Literal["in", "out", "undec"]
Relation = Literal["support", "attack", "undercut"]
Kind = Literal[
    "conclusion", "claim", "premise", "evidence", "assumption", "objection", "question",
    "argument",
]  # fmt: skip


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


# show ---------------------------------------------------------------------------------


class ShownClaim(_Out):
    """A claim in a tree; ``link``/``link_id``: how it bears on its parent (null at a root)."""

    id: str
    link: Relation | None
    link_id: str | None
    kind: Kind
    text: str
    tags: list[str]
    role: str | None = Field(None, description="Its role in the scheme of its inference.")
    scheme: str | None = None
    ref: bool | None = Field(None, description="Drawn earlier in the tree; not repeated.")
    hidden: int | None = Field(None, description="Links below it not drawn (depth).")
    outside: int | None = Field(None, description="Links out of the view (--where, --focus).")
    loose: bool | None = None
    label: Label | None = Field(None, description="Its grounded label (--eval).")
    strength: float | None = Field(None, description="Its gradual strength (--eval).")
    children: list[ShownNode]


class ShownGroup(_Out):
    """Premises that support their parent together (a linked argument)."""

    id: None
    link: Relation
    link_id: None
    group: str
    scheme: str | None = None
    hidden: int | None = None
    outside: int | None = None
    children: list[ShownNode]


ShownNode = Union[ShownClaim, ShownGroup]  # noqa: UP007  (pydantic resolves it by name)
ShownClaim.model_rebuild()
ShownGroup.model_rebuild()


class Show(RootModel[list[ShownNode]]):
    """``argmap show --format json``: the trees, one per conclusion (or the claim asked)."""


# validate -------------------------------------------------------------------------------


class Diagnostic(_Out):
    """One problem found: its code (``argmap validate --codes``), where, and a hint."""

    code: str
    severity: Literal["error", "warning", "note"]
    message: str
    hint: str | None
    file: str | None
    line: int | None
    col: int | None
    claim: str | None


class Validate(RootModel[list[Diagnostic]]):
    """``argmap validate --format json``: every problem of every map, in order."""


# eval -------------------------------------------------------------------------------------


class Reason(_Out):
    """One step of an explanation: a sentence, the label it argues for, its grounds."""

    text: str
    label: Label
    children: list[Reason]


class Change(_Out):
    id: str
    before: Label | None
    after: Label | None


class StrengthChange(_Out):
    id: str
    before: float
    after: float
    delta: float


class Strength(_Out):
    method: Literal["dfquad", "qe"]
    values: dict[str, float]


class StrengthTerm(_Out):
    kind: Relation
    from_: list[str] = Field(alias="from")
    strength: float
    weight: float
    contribution: float


class StrengthExplanation(_Out):
    method: Literal["dfquad", "qe"]
    base: float
    terms: list[StrengthTerm]
    supports: float
    attacks: float
    strength: float


class Critical(_Out):
    id: str
    distance: int
    topples: list[str]


class HeldChange(_Out):
    id: str
    before: Label | None
    after: Label | None
    by: list[str] = Field(description="The unanswered attacks that make the change.")


class OneSided(_Out):
    map: str
    attacks: int = Field(description="Attacks on the used map that it does not answer.")
    changes: list[HeldChange] = Field(
        description="Its labels that change only through those attacks."
    )


class View(_Out):
    claims: list[str]
    left_out_claims: int


class Eval(_Out):
    """``argmap eval --format json``: each claim's label, the extensions, and what was
    asked besides (strengths, a what-if, an explanation, critical claims)."""

    semantics: Literal["grounded", "complete", "preferred", "stable"]
    acceptance: Literal["sceptical", "credulous"] | None = None
    labels: dict[str, Label]
    extensions: list[list[str]]
    strength: Strength | None = None
    retract: list[str] | None = None
    assume: list[str] | None = None
    changes: list[Change] | None = None
    strength_changes: list[StrengthChange] | None = None
    explain: str | None = None
    explanation: Reason | None = None
    strength_explanation: StrengthExplanation | None = None
    critical: dict[str, list[Critical]] | None = None
    one_sided: list[OneSided] | None = None
    view: View | None = None


# questions, coverage, schemes ---------------------------------------------------------


class SchemePremiseRecord(_Out):
    role: str
    text: str


class SchemeQuestionRecord(_Out):
    id: str
    text: str


class SchemeRecord(_Out):
    id: str
    name: str
    premises: list[SchemePremiseRecord]
    conclusion: str
    questions: list[SchemeQuestionRecord]
    aif: str | None = None
    aliases: list[str] | None = None
    cite: str | None = None


class Schemes(RootModel[Union[list[SchemeRecord], SchemeRecord]]):  # noqa: UP007
    """``argmap schemes --format json``: the catalogue, or the one scheme asked for."""


# diff, merge, compare --------------------------------------------------------------------


class Conflict(_Out):
    section: str
    id: str
    reason: str
    line: int | None


class Merge(_Out):
    """``argmap merge --format json``."""

    clean: bool
    conflicts: list[Conflict]
    applied: dict[str, Any]


class Pair(_Out):
    a: str
    b: str
    similarity: float
    method: Literal["given", "quote", "text", "merge"] = Field(
        description="given: fixed by a person; quote: the quotes overlap; text: the wording "
        "is alike; merge: one map writes as one claim what the other writes as several"
    )


class Agreement(_Out):
    kappa: float | None
    f1: float | None
    accuracy: float | None
    n: int
    matrix: dict[str, dict[str, int]]


class LinkDifference(_Out):
    kind: Literal["reversed", "other polarity", "other relation", "only A", "only B"]
    a: str | None
    b: str | None


class Segmentation(_Out):
    texts: int
    words: int
    share_a: float
    share_b: float
    S: float | None
    B: float | None


class Cass(_Out):
    CASS: float | None
    M: float | None
    S: float | None
    why: str | None = None


class Conclusions(_Out):
    a: int
    b: int
    shared: list[str]
    agreement: float | None


class LabelDifference(_Out):
    a: str
    b: str
    label_a: Label
    label_b: Label


class Labels(_Out):
    same: int
    of: int
    agreement: float | None
    differ: list[LabelDifference]


class Scores(_Out):
    precision: float | None
    recall: float | None
    f1: float | None


class Grade(_Out):
    score: float
    letter: str
    claims: Scores
    links: Scores
    found: list[str]
    merged: list[str] = Field(
        description="The key's claims found as part of a merge (written as one claim in one "
        "map and as several in the other), counted as found, not missed."
    )
    missed: list[str]
    extra: list[str]


class Compare(_Out):
    """``argmap compare --format json``: the scores, the pairs and the differences."""

    a: str
    b: str
    aligned: int
    claims: dict[Literal["a", "b"], int]
    pairs: list[Pair]
    only_a: list[str]
    only_b: list[str]
    kinds: Agreement | None
    relations: Agreement | None
    link_differences: list[LinkDifference]
    segmentation: Segmentation | None
    cass: Cass
    conclusions: Conclusions
    labels: Labels
    links: dict[Literal["a", "b", "same"], int]
    reference_relations: Agreement | None = Field(
        description="The propositional-relations matrix as ARG-tech's amf-evaluation-metrics "
        "computes it (its own pairing; counts of inferences and conflicts concluding in each "
        "proposition), rows A, columns B."
    )
    reference_left_out: str | None = Field(
        None, description="Why ARG-tech's matrix was not computed (two large maps)."
    )
    grade: Grade | None = Field(None, description="B graded against A (--key).")


#: Each command's JSON output, by the name ``argmap schema --of`` takes. ``why`` and
#: ``impact`` print the same records; ``draft``, ``import`` and ``export --to json`` print
#: a map (``argmap schema`` with no name).
OUTPUTS: dict[str, type[BaseModel]] = {
    "show": Show,
    "validate": Validate,
    "eval": Eval,
    "schemes": Schemes,
    "merge": Merge,
    "compare": Compare,
}
