"""Why a claim has its label: a tree of reasons that ends in claims taken as given.

The explanation follows the grounded labelling and its rounds
(:func:`argmap.semantics.dung.grounded`): an argument is in because every attacker is
out, each for a reason settled earlier; it is out because an attacker settled earlier is
in. Rounds strictly decrease down the tree, so it always ends, at unattacked claims.
An undecided claim is shown with the undecided arguments it depends on (a cycle),
each once.

The auxiliary arguments of :mod:`argmap.semantics.bipolar` are put in words: "the
support P -> C holds", "premise P stands", "no support for C holds".

Examples:
    >>> from argmap.semantics.evaluate import evaluate
    >>> # G and doc: the example map (c; p supports c; objection o attacks c; r attacks o)
    >>> tree = explain(G, evaluate(G), "c")
    >>> for line in tree.lines(): print(line)
    CONCLUSION c is IN: every attacker is out
    ├── OBJECTION o is OUT: attacked by r, which is in
    │   └── CLAIM r is IN: nothing attacks it and it needs no support
    └── a support for c holds
        └── the support p -> c holds
            └── premise p stands
                └── CLAIM p is IN: nothing attacks it and it needs no support
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

    from argmap.semantics.evaluate import Evaluation

__all__ = ["Reason", "explain", "MAX_DEPTH"]

#: The deepest an explanation goes: a longer chain of reasons is cut there, saying with
#: which claim to go on (as ``show`` cuts a tree).
MAX_DEPTH = 100


@dataclass
class Reason:
    """One step of an explanation: a sentence, the label it is about, and its reasons."""

    text: str
    label: str
    children: list[Reason] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The tree as plain lines with guides."""
        from argmap.wording import tree_lines

        return tree_lines(self, lambda r: [r.text], lambda r: r.children)


def explain(G: nx.MultiDiGraph, evaluation: Evaluation, claim: str) -> Reason:
    """Why ``claim`` has its grounded label in ``evaluation`` (one weighed by the grounded
    labelling, so with its encoding and labelling)."""
    enc = evaluation.encoding
    ground = evaluation.ground
    assert enc is not None and ground is not None, "explained: a grounded evaluation"
    F = enc.framework
    labels = ground.labels
    # An attacker that is in was labelled in some round.
    rounds = [r if r is not None else 0 for r in ground.rounds]
    names = F.names
    seen_undec: set[int] = set()

    def claim_words(name: str) -> str:
        return f"{G.nodes[name]['claim'].kind.value.upper()} {name}"

    def support_words(inf_name: str) -> str:
        inf = enc.inferences[inf_name]
        premises = " + ".join(inf.premises)
        return f"the support {premises} -> {inf.target}"

    def sentence(i: int) -> str:
        name, label = names[i], labels[i]
        upper = label.upper()
        if name.startswith("inference:"):
            verb = {"in": "holds", "out": "fails", "undec": "is undecided"}[label]
            return f"{support_words(name)} {verb}"
        if name.startswith("attack:"):
            link_id = name.removeprefix("attack:")
            source, target, key = G.graph["links"][link_id]
            data = G.edges[source, target, key]
            verb = {"in": "holds", "out": "fails", "undec": "is undecided"}[label]
            if data["kind"] == "undercut":
                return f"the undercut by {source} of {data['undercuts']} {verb}"
            return f"the attack {source} -> {target} {verb}"
        if name.startswith("unsupported:"):
            target = name.removeprefix("unsupported:")
            return {
                "in": f"no support for {target} holds",
                "out": f"a support for {target} holds",
                "undec": f"whether a support for {target} holds is undecided",
            }[label]
        if name.startswith("missing:"):
            premise = name.removeprefix("missing:").split("@", 1)[0]
            return {
                "in": f"premise {premise} does not stand",
                "out": f"premise {premise} stands",
                "undec": f"premise {premise} is undecided",
            }[label]
        attackers = F.attackers[i]
        if label == "in":
            why = (
                "nothing attacks it and it needs no support"
                if not attackers
                else "every attacker is out"
            )
        elif label == "out":
            best = min((a for a in attackers if labels[a] == "in"), key=lambda a: rounds[a])
            if names[best].startswith("unsupported:"):
                why = "none of its supports holds"
            else:
                why = f"attacked by {names[best]}, which is in"
        else:
            why = "it depends on a cycle of attacks"
        return f"{claim_words(name)} is {upper}: {why}"

    def build(i: int, parent: int | None = None, depth: int = 0, on: str = claim) -> Reason:
        label = labels[i]
        text = sentence(i)
        via = parent is not None and names[parent].startswith(("inference:", "attack:"))
        if via and i < len(enc.claims):
            text = f"undercut by {text}"  # a claim attacking a support is an undercut
        node = Reason(text, label)
        attackers = F.attackers[i]
        if i < len(enc.claims):
            on = names[i]  # the claim to go on from if the chain is cut below
        if depth >= MAX_DEPTH and attackers:
            node.children = [Reason(f"... explained {MAX_DEPTH} steps deep; go on with "
                                    f"argmap eval MAP --explain {on}", label)]  # fmt: skip
            return node
        if label == "in":
            node.children = [build(a, i, depth + 1, on) for a in attackers]
        elif label == "out":
            best = min((a for a in attackers if labels[a] == "in"), key=lambda a: rounds[a])
            if names[best].startswith("unsupported:"):
                # Say which supports fail and why, rather than "no support holds".
                node.children = [build(s, best, depth + 1, on) for s in F.attackers[best]]
            else:
                node.children = [build(best, i, depth + 1, on)]
        else:
            seen_undec.add(i)
            node.children = [
                build(a, i, depth + 1, on)
                for a in attackers
                if labels[a] != "out" and a not in seen_undec
            ]
        return node

    return build(F.index[claim])
