"""Abstract argumentation frameworks (Dung 1995): arguments and an attack relation.

Arguments are numbered 0..n-1 and named; attacks are pairs of numbers. This compact
form is what the semantics work on, whether the framework comes from an ICCMA file
or from an argument map (:mod:`argmap.semantics.bipolar`).

Examples:
    >>> F = Framework.from_pairs(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> F.n, F.attackers[2]
    (3, [1])
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["Framework"]


@dataclass
class Framework:
    """Arguments ``names[i]`` and attacks ``(i, j)``: argument i attacks argument j."""

    names: list[str]
    attacks: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.index = {name: i for i, name in enumerate(self.names)}
        self.attackers: list[list[int]] = [[] for _ in self.names]
        self.targets: list[list[int]] = [[] for _ in self.names]
        for a, b in self.attacks:
            self.attackers[b].append(a)
            self.targets[a].append(b)

    @classmethod
    def from_pairs(cls, names: Iterable[str], attacks: Iterable[tuple[str, str]]) -> Framework:
        """A framework from argument names and (attacker, attacked) name pairs."""
        names = list(names)
        index = {name: i for i, name in enumerate(names)}
        return cls(names, [(index[a], index[b]) for a, b in attacks])

    @property
    def n(self) -> int:
        """How many arguments."""
        return len(self.names)

    def attack_pairs(self) -> list[tuple[str, str]]:
        """The attacks as (attacker, attacked) names."""
        return [(self.names[a], self.names[b]) for a, b in self.attacks]
