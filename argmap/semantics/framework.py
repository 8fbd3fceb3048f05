"""Abstract argumentation frameworks (Dung 1995): arguments and an attack relation.

Arguments are numbered 0..n-1 and named; attacks are pairs of numbers, kept as two
parallel lists (attacker, attacked). The adjacency lists each semantics needs are built
on first use only, so a million-argument framework costs what its question needs.

Examples:
    >>> F = Framework.from_pairs(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> F.n, F.attackers[2], F.attacks
    (3, [1], [(0, 1), (1, 2)])
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

__all__ = ["Framework"]


class Framework:
    """Arguments ``names[i]``; attack k is ``sources[k]`` attacks ``targets_of[k]``."""

    def __init__(
        self,
        names: list[str],
        attacks: Iterable[tuple[int, int]] = (),
        *,
        sources: list[int] | None = None,
        dests: list[int] | None = None,
    ) -> None:
        self.names = names
        if sources is None or dests is None:
            pairs = list(attacks)
            sources = [a for a, _ in pairs]
            dests = [b for _, b in pairs]
        self.sources = sources
        self.dests = dests

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

    @cached_property
    def attacks(self) -> list[tuple[int, int]]:
        """The attacks as (attacker, attacked) numbers, in the order given."""
        return list(zip(self.sources, self.dests, strict=True))

    @cached_property
    def index(self) -> dict[str, int]:
        """Argument number by name."""
        return {name: i for i, name in enumerate(self.names)}

    def _adjacency(self, keys: list[int], values: list[int]) -> list[list[int]]:
        out: list[list[int]] = [[] for _ in self.names]
        for k, v in zip(keys, values, strict=True):
            out[k].append(v)
        return out

    @cached_property
    def targets(self) -> list[list[int]]:
        """For each argument, the arguments it attacks."""
        return self._adjacency(self.sources, self.dests)

    @cached_property
    def attackers(self) -> list[list[int]]:
        """For each argument, the arguments attacking it."""
        return self._adjacency(self.dests, self.sources)

    @cached_property
    def attacker_counts(self) -> list[int]:
        """For each argument, how many attacks it receives."""
        from collections import Counter

        counts = Counter(self.dests)
        return [counts.get(i, 0) for i in range(self.n)]

    def attack_pairs(self) -> list[tuple[str, str]]:
        """The attacks as (attacker, attacked) names."""
        names = self.names
        return [(names[a], names[b]) for a, b in zip(self.sources, self.dests, strict=True)]
