"""Dung's semantics: grounded, complete, preferred and stable, as labellings and extensions.

- Grounded: a linear-time labelling (each argument and attack looked at a bounded number
  of times), which also records the *round* in which each label was settled, so every
  verdict can be explained by arguments settled earlier.
- Complete, preferred, stable: every extension, found by the clingo ASP solver from the
  standard ASPARTIX-style encodings; preferred extensions are the subset-maximal
  admissible sets, enumerated with clingo's domain heuristics (``--enum-mode=domRec``).

A labelling gives each argument ``in``, ``out`` or ``undec``. For semantics with several
extensions, ``credulous`` acceptance labels an argument in when some extension holds it,
``sceptical`` when every one does; it is out when every extension defeats it.

Examples:
    >>> F = Framework.from_pairs("abc", [("a", "b"), ("b", "c")])
    >>> grounded(F).labels
    ['in', 'out', 'in']
    >>> F2 = Framework.from_pairs("ab", [("a", "b"), ("b", "a")])
    >>> grounded(F2).labels, extensions(F2, "preferred")
    (['undec', 'undec'], [[0], [1]])
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from argmap.semantics.framework import Framework

__all__ = [
    "SEMANTICS",
    "Grounded",
    "grounded",
    "extensions",
    "labels_from_extensions",
]

SEMANTICS = ("grounded", "complete", "preferred", "stable")
IN, OUT, UNDEC = "in", "out", "undec"


@dataclass
class Grounded:
    """The grounded labelling, with the round in which each in/out label was settled
    (``None`` for undec)."""

    labels: list[str]
    rounds: list[int | None]

    @property
    def extension(self) -> list[int]:
        """The grounded extension: the arguments labelled in."""
        return [i for i, label in enumerate(self.labels) if label == IN]


def grounded(F: Framework) -> Grounded:
    """The grounded labelling, in time linear in arguments plus attacks.

    An argument is in once all its attackers are out; out once an attacker is in; what
    is left is undec. Rounds: unattacked arguments are in at round 0; an argument out
    because of an in attacker of round k is out at round k + 1; an argument whose last
    attacker went out at round k is in at round k + 1.
    """
    n = F.n
    labels = [UNDEC] * n
    rounds: list[int | None] = [None] * n
    pending = list(F.attacker_counts)  # attackers not yet out
    queue = deque(i for i in range(n) if pending[i] == 0)
    for i in queue:
        labels[i] = IN
        rounds[i] = 0
    targets = F.targets
    while queue:
        a = queue.popleft()
        r = (rounds[a] or 0) + 1  # a queued argument was labelled in some round
        for b in targets[a]:
            if labels[b] != UNDEC:
                continue
            labels[b] = OUT
            rounds[b] = r
            for c in targets[b]:
                pending[c] -= 1
                if pending[c] == 0 and labels[c] == UNDEC:
                    labels[c] = IN
                    rounds[c] = r + 1
                    queue.append(c)
    return Grounded(labels, rounds)


# Admissible sets: conflict-free, and every attacker of a member is defeated.
_ADMISSIBLE = """
{in(X)} :- arg(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
:- in(X), att(Y,X), not defeated(Y).
"""
# Complete: admissible, and holding every argument it defends.
_COMPLETE = (
    _ADMISSIBLE
    + """
undefended(X) :- arg(X), att(Y,X), not defeated(Y).
:- arg(X), not in(X), not undefended(X).
"""
)
# Stable: exactly the arguments it does not defeat (conflict-freeness follows).
_STABLE = """
in(X) :- arg(X), not defeated(X).
defeated(X) :- in(Y), att(Y,X).
"""
# Preferred: subset-maximal admissible sets, by clingo's domain heuristics.
_PREFERRED = (
    _ADMISSIBLE
    + """
#heuristic in(X) : arg(X). [1,true]
"""
)
_PROGRAMS = {"complete": _COMPLETE, "stable": _STABLE, "preferred": _PREFERRED}


def extensions(F: Framework, semantics: str) -> list[list[int]]:
    """Every extension under ``semantics``, each a sorted list of argument numbers; the
    list is sorted too, so the answer is the same on every run."""
    if semantics == "grounded":
        return [grounded(F).extension]
    if semantics not in SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}")
    import clingo

    # "crafty" suits these combinatorial instances: 2-10x faster than the default on
    # dense ICCMA-style frameworks of a few hundred arguments (see bench/extensions.py).
    options = ["0", "--warn=none", "--configuration=crafty"]
    program = _PROGRAMS[semantics]
    if semantics == "preferred":
        options += ["--heuristic=Domain", "--enum-mode=domRec"]
    ctl = clingo.Control(options)
    facts = [f"arg({i})." for i in range(F.n)] + [f"att({a},{b})." for a, b in F.attacks]
    ctl.add("base", [], "\n".join(facts) + program + "#show in/1.")
    ctl.ground([("base", [])])
    found: list[list[int]] = []
    with ctl.solve(yield_=True) as handle:
        for model in handle:
            found.append(sorted(sym.arguments[0].number for sym in model.symbols(shown=True)))
    return sorted(found)


def labels_from_extensions(
    F: Framework, found: list[list[int]], *, acceptance: str = "sceptical"
) -> list[str]:
    """Labels from a set of extensions.

    sceptical: in when in every extension; credulous: in when in some. Either way an
    argument is out when every extension attacks it (and there is at least one), else undec.
    """
    n = F.n
    if not found:
        return [UNDEC] * n
    members = [set(e) for e in found]
    count_in = [0] * n
    count_defeated = [0] * n
    for ext in members:
        defeated = {b for a in ext for b in F.targets[a]}
        for i in ext:
            count_in[i] += 1
        for i in defeated:
            count_defeated[i] += 1
    total = len(members)
    labels = []
    for i in range(n):
        if (acceptance == "sceptical" and count_in[i] == total) or (
            acceptance == "credulous" and count_in[i] > 0
        ):
            labels.append(IN)
        elif count_defeated[i] == total:
            labels.append(OUT)
        else:
            labels.append(UNDEC)
    return labels
