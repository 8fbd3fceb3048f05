"""What a shell completes from a map: its claim, link and source ids, its tags, the
claim kinds, tag changes (+TAG, -TAG). Plain functions of a map and what has been typed;
the command line binds them to its arguments (:mod:`argmap.cli.options`).

Examples:
    >>> from argmap.formats.native import loads
    >>> m = loads("title: t\\nclaims:\\n  - {id: japan, text: J, tags: [asia]}\\n"
    ...           "  - {id: jobs, text: K, supports: [japan], tags: [work, asia]}\\n").model
    >>> claim_ids(m, "ja"), tags(m, ""), tag_changes(m, "jobs", "-w")
    (['japan'], ['asia', 'work'], ['-work'])
    >>> tag_changes(None, None, "+")  # no map named yet: the signs alone
    ['+']
"""

from __future__ import annotations

from typing import Any

__all__ = ["claim_ids", "link_or_claim_ids", "source_ids", "tags", "tag_changes", "kinds"]


def claim_ids(model: Any, typed: str) -> list[str]:
    return [c.id for c in model.claims if c.id.startswith(typed)]


def link_or_claim_ids(model: Any, typed: str) -> list[str]:
    """Claim ids, then link ids, for what names either."""
    ids = [c.id for c in model.claims] + [lk.id for lk in model.all_links()]
    return [i for i in dict.fromkeys(ids) if i.startswith(typed)]


def source_ids(model: Any, typed: str) -> list[str]:
    return [s.id for s in model.sources if s.id.startswith(typed)]


def _all_tags(model: Any) -> list[str]:
    return list(dict.fromkeys(t for c in model.claims for t in c.tags))


def tags(model: Any, typed: str) -> list[str]:
    """The tags the map uses, in the order first used."""
    return [t for t in _all_tags(model) if t.startswith(typed)]


def tag_changes(model: Any, claim: str | None, typed: str) -> list[str]:
    """+TAG for any tag of the map, -TAG for the claim's own; the signs alone first (and
    alone when there is no map to read)."""
    if model is None or typed[:1] not in ("+", "-"):
        return [s for s in ("+", "-") if s.startswith(typed)]
    if typed.startswith("-"):
        found = next((c for c in model.claims if c.id == claim), None)
        names = list(found.tags) if found else []
    else:
        names = _all_tags(model)
    return [typed[0] + t for t in names if (typed[0] + t).startswith(typed)]


def kinds(typed: str) -> list[str]:
    from argmap.model import ClaimKind

    return [k.value for k in ClaimKind if k.value.startswith(typed)]
