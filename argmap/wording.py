"""How argmap words what it counts, in messages and views alike."""

from __future__ import annotations

__all__ = ["counted"]


def counted(count: int, word: str) -> str:
    """A number with its noun, singular for one.

    Examples:
        >>> counted(1, "link"), counted(2, "claim"), counted(0, "attack")
        ('1 link', '2 claims', '0 attacks')
    """
    return f"{count} {word}{'s' * (count != 1)}"
