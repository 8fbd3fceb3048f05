"""What ``argmap eval`` reports, as one library call: :func:`evaluate_map` returns an
:class:`EvalReport`, whose answer (:meth:`EvalReport.answer`, an :class:`EvalAnswer`) is
the JSON ``argmap eval --format json`` prints and the schema it is published with; its
text is :func:`argmap.views.evaluation.eval_lines`.

The map is encoded and solved once; a what-if (claims retracted or assumed) solves the
changed map once more, and only then. A view (``--where``, ``--focus``, ``--tag``) narrows
what is reported, never what is weighed.

Examples:
    >>> # G and doc: the example map (c; p supports c; objection o attacks c; r attacks o)
    >>> report = evaluate_map(doc, retract=["r"])
    >>> data = report.answer().model_dump(mode="json", by_alias=True)
    >>> data["labels"], data["changes"]
    ({'c': 'out', 'p': 'in', 'o': 'in'}, [{'id': 'c', 'before': 'in', 'after': 'out'}, \
{'id': 'o', 'before': 'out', 'after': 'in'}, {'id': 'r', 'before': 'in', 'after': None}])
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

from pydantic import ConfigDict, Field

from argmap.model.answers import Label, Record, Relation, optional

__all__ = ["EvalReport", "EvalAnswer", "FrameworkReport", "evaluate_map"]


class _Record(Record):
    #: Read from the evaluation's own records (a change, a reason) by their attributes.
    model_config = ConfigDict(from_attributes=True)


class Reason(_Record):
    """One step of an explanation: a sentence, the label it argues for, its grounds."""

    text: str
    label: Label
    children: list[Reason]


class Change(_Record):
    id: str
    before: Label | None
    after: Label | None


class StrengthChange(_Record):
    id: str
    before: float
    after: float
    delta: float


class Strength(_Record):
    method: Literal["dfquad", "qe"]
    values: dict[str, float]


class StrengthTerm(_Record):
    kind: Relation
    from_: list[str] = Field(alias="from")
    strength: float
    weight: float
    contribution: float


class StrengthExplanation(_Record):
    method: Literal["dfquad", "qe"]
    base: float
    terms: list[StrengthTerm]
    supports: float
    attacks: float
    strength: float


class Critical(_Record):
    id: str
    distance: int
    topples: list[str]


class HeldChange(_Record):
    id: str
    before: Label | None
    after: Label | None
    by: list[str] = Field(description="The unanswered attacks that make the change.")


class OneSided(_Record):
    map: str
    attacks: int = Field(description="Attacks on the used map that it does not answer.")
    changes: list[HeldChange] = Field(
        description="Its labels that change only through those attacks."
    )


class View(_Record):
    claims: list[str]
    left_out_claims: int


class EvalAnswer(_Record):
    """``argmap eval --format json``: each claim's label, the extensions, and what was
    asked besides (strengths, a what-if, an explanation, critical claims)."""

    semantics: Literal["grounded", "complete", "preferred", "stable"]
    acceptance: Literal["sceptical", "credulous"] | None = optional()
    labels: dict[str, Label]
    extensions: list[list[str]]
    strength: Strength | None = optional()
    retract: list[str] | None = optional()
    assume: list[str] | None = optional()
    changes: list[Change] | None = optional()
    strength_changes: list[StrengthChange] | None = optional()
    explain: str | None = optional()
    explanation: Reason | None = optional()
    strength_explanation: StrengthExplanation | None = optional()
    critical: dict[str, list[Critical]] | None = optional()
    one_sided: list[OneSided] | None = optional()
    view: View | None = optional()

    @classmethod
    def of(cls, result: Any, **asked: Any) -> EvalAnswer:
        """The answer of an evaluation (:class:`~argmap.semantics.evaluate.Evaluation`),
        with what else was asked."""
        return cls(semantics=result.semantics, acceptance=result.acceptance,
                   labels=result.labels, extensions=result.extensions, **asked)  # fmt: skip


@dataclass
class EvalReport:
    """An evaluation of a map: labels (of the what-if map, when there is one), and what
    was asked besides: strengths, what changed, an explanation, single points of failure."""

    doc: Any
    G: Any
    result: Any
    conclusions: set[str]
    retract: list[str] = field(default_factory=list)
    assume: list[str] = field(default_factory=list)
    strengths: Any = None
    changes: list[Any] | None = None
    strength_changes: list[dict] | None = None
    explain: str | None = None
    explanation: Any = None
    critical: dict[str, list] | None = None
    view: Any = None
    #: The used maps attacked with no reply recorded (:mod:`argmap.semantics.debate`).
    one_sided: list[Any] = field(default_factory=list)

    @property
    def labels(self) -> dict[str, str]:
        return self.result.labels

    def answer(self) -> EvalAnswer:
        """What ``argmap eval --format json`` prints: the labels and what was asked."""
        asked: dict[str, Any] = {}
        if self.strengths:
            asked["strength"] = Strength(
                method=self.strengths.method,
                values={k: round(v, 6) for k, v in self.strengths.strength.items()},
            )
        if self.changes is not None:
            asked.update(retract=self.retract, assume=self.assume, changes=self.changes)
            if self.strength_changes is not None:
                asked["strength_changes"] = self.strength_changes
        if self.explain:
            asked.update(explain=self.explain, explanation=self.explanation)
            if self.strengths:
                asked["strength_explanation"] = self.strengths.explain(self.explain)
        if self.critical is not None:
            asked["critical"] = self.critical
        if self.one_sided:
            asked["one_sided"] = [OneSided(map=s.name, attacks=s.attacks, changes=s.changed)
                                  for s in self.one_sided]  # fmt: skip
        if self.view is not None:
            asked["view"] = View(claims=self.view.claims, left_out_claims=self.view.left_claims)
        return EvalAnswer.of(self.result, **asked)


def evaluate_map(
    doc: Any,
    *,
    semantics: str = "grounded",
    acceptance: str = "credulous",
    strength: str | None = None,
    retract: list[str] | tuple = (),
    assume: list[str] | tuple = (),
    explain: str | None = None,
    critical: bool = False,
    view_options: dict | None = None,
) -> EvalReport:
    """Evaluate a map as ``argmap eval`` does (see the module's description).

    Raises:
        UsageError: an unknown claim id, or a retracted claim asked to be explained.
        MapError: the map has broken references.
    """
    from argmap.errors import UsageError
    from argmap.graph import build_graph, conclusions, require_claim
    from argmap.semantics.evaluate import changes, evaluate, what_if_graph
    from argmap.semantics.evaluate import critical as critical_of
    from argmap.semantics.gradual import strength_changes, strengths

    retract, assume = list(retract), list(assume)
    G = build_graph(doc)
    for ident in [*retract, *assume, *([explain] if explain else [])]:
        require_claim(G, ident)
    if explain in retract:
        raise UsageError(f"cannot explain {explain!r}: it is retracted")
    whatif = bool(retract or assume)
    before = evaluate(G, semantics=semantics, acceptance=acceptance)
    after = (
        evaluate(G, semantics=semantics, acceptance=acceptance, retract=retract, assume=assume)
        if whatif
        else before
    )
    report = EvalReport(doc, G, after, set(conclusions(G)), retract, assume)
    if doc.model.uses:
        from argmap.semantics.debate import one_sided

        report.one_sided = one_sided(G, doc.model, before if semantics == "grounded" else None)
    if strength:
        plain = strengths(G, strength)
        report.strengths = plain
        if whatif:
            report.strengths = strengths(what_if_graph(G, retract, assume), strength)
            report.strength_changes = strength_changes(plain, report.strengths)
    if whatif:
        report.changes = sorted(
            changes(before, after), key=lambda c: c.id not in report.conclusions
        )
    if explain:
        from argmap.semantics.explain import explain as explain_of

        graph = what_if_graph(G, retract, assume) if whatif else G
        report.explain, report.explanation = explain, explain_of(graph, after, explain)
    if critical:
        report.critical = critical_of(G, semantics=semantics, acceptance=acceptance)
    if view_options:
        from argmap.analysis.selection import view_of

        _, view = view_of(doc, **view_options)
        if view is not None:  # evaluated whole; shown in part
            keep = set(view.claims)
            report.view = view
            report.result = replace(
                after, labels={c: v for c, v in after.labels.items() if c in keep}
            )
    return report


@dataclass
class FrameworkReport:
    """An evaluation of an abstract framework read from a file (APX, TGF, ICCMA'23)."""

    name: str
    framework: Any
    result: Any

    def answer(self) -> EvalAnswer:
        """What ``argmap eval --format json`` prints for a framework."""
        return EvalAnswer.of(self.result)

    def counts(self) -> dict[str, int]:
        """How many arguments are in, out and undecided."""
        found = {"in": 0, "out": 0, "undec": 0}
        for label in self.result.labels.values():
            found[label] += 1
        return found
