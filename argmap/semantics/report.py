"""What ``argmap eval`` reports, as one library call: :func:`evaluate_map` returns an
:class:`EvalReport` that knows its JSON form (:meth:`EvalReport.to_data`); its text views
are :func:`argmap.views.tree.eval_lines` and :func:`argmap.views.tree.eval_view`.

The map is encoded and solved once; a what-if (claims retracted or assumed) solves the
changed map once more, and only then. A view (``--where``, ``--focus``, ``--tag``) narrows
what is reported, never what is weighed.

Examples:
    >>> # G and doc: the example map (c; p supports c; objection o attacks c; r attacks o)
    >>> report = evaluate_map(doc, retract=["r"])
    >>> report.to_data()["labels"], report.to_data()["changes"]
    ({'c': 'out', 'p': 'in', 'o': 'in'}, [{'id': 'c', 'before': 'in', 'after': 'out'}, \
{'id': 'o', 'before': 'out', 'after': 'in'}, {'id': 'r', 'before': 'in', 'after': None}])
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

__all__ = ["EvalReport", "FrameworkReport", "evaluate_map"]


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

    def to_data(self) -> dict[str, Any]:
        """The JSON form ``argmap eval --format json`` prints."""
        data: dict[str, Any] = self.result.to_dict()
        if self.strengths:
            data["strength"] = {
                "method": self.strengths.method,
                "values": {k: round(v, 6) for k, v in self.strengths.strength.items()},
            }
        if self.changes is not None:
            data["retract"], data["assume"] = self.retract, self.assume
            data["changes"] = [{"id": c.id, "before": c.before, "after": c.after}
                               for c in self.changes]  # fmt: skip
            if self.strength_changes is not None:
                data["strength_changes"] = self.strength_changes
        if self.explain:
            data["explain"] = self.explain
            data["explanation"] = self.explanation.to_dict()
            if self.strengths:
                data["strength_explanation"] = self.strengths.explain(self.explain)
        if self.critical is not None:
            data["critical"] = {
                c: [{"id": k.id, "distance": k.distance, "topples": list(k.topples)} for k in ks]
                for c, ks in self.critical.items()
            }
        if self.one_sided:
            data["one_sided"] = [
                {"map": s.name, "attacks": s.attacks,
                 "changes": [{"id": c.id, "before": c.before, "after": c.after,
                              "by": list(c.by)} for c in s.changed]}
                for s in self.one_sided
            ]  # fmt: skip
        if self.view is not None:
            data["labels"] = self.result.labels
            data["view"] = {"claims": self.view.claims, "left_out_claims": self.view.left_claims}
        return data


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

    def to_data(self) -> dict[str, Any]:
        """The JSON form ``argmap eval --format json`` prints for a framework."""
        return self.result.to_dict()

    def counts(self) -> dict[str, int]:
        """How many arguments are in, out and undecided."""
        found = {"in": 0, "out": 0, "undec": 0}
        for label in self.result.labels.values():
            found[label] += 1
        return found
