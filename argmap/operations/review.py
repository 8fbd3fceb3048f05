"""``argmap review``: a drafted map's proposals, one at a time, each accepted, rejected,
retargeted or merged, every decision written to the map at once (so quitting midway keeps
what was decided). The front end asks; these are the decisions.

- :func:`pending`: the drafted claims (with the drafted links they start) and drafted
  links, in the map's order;
- :func:`accept`: the mark goes (``drafted`` removed), the item stays;
- :func:`reject`: a claim goes with its links, a link goes;
- :func:`retarget`: a drafted link is drawn to another claim instead (and accepted);
- :func:`merge`: a drafted claim is taken as another claim of the map: its links move to
  that claim (none twice), and it goes.
"""

from __future__ import annotations

from argmap.analysis.proposals import Proposal, Proposals
from argmap.errors import UsageError
from argmap.operations.edit import Edited
from argmap.operations.result import Result

__all__ = ["Proposal", "pending", "listed", "decided", "accept", "reject", "retarget", "merge"]

_RELATION = {"support": "supports", "attack": "attacks", "undercut": "undercuts"}


def pending(path: str) -> list[Proposal]:
    """What the map at ``path`` still has drafted, in the map's order: each claim, then
    the drafted links it starts; then drafted links of reviewed claims.

    Raises:
        UsageError, MapError: the map cannot be read.
    """
    from argmap.operations.loading import read_map

    model = read_map(path).model
    links = model.all_links()
    out: list[Proposal] = []
    shown: set[str] = set()
    texts = {c.id: c.text for c in model.claims}
    for c in model.claims:
        starts = [lk for lk in links if lk.source == c.id]
        if c.drafted is not None:
            said = [f"{_RELATION[lk.kind.value]} {lk.target}" for lk in starts]
            out.append(Proposal(what="claim", id=c.id, kind=c.kind.value, score=c.drafted,
                                text=c.text, quote=c.quote, links=said))  # fmt: skip
        for lk in starts:
            if lk.drafted is not None and lk.key not in shown:
                shown.add(lk.key)
                target_text = texts.get(lk.target, lk.target)
                said_link = f"{c.text} -- {_RELATION[lk.kind.value]} -> {target_text}"
                out.append(Proposal(what="link", id=lk.key, kind=lk.kind.value,
                                    score=lk.drafted, text=said_link, source=lk.source,
                                    target=lk.target))  # fmt: skip
    return out


def listed(path: str, only: list[str] | None = None) -> Result[Proposals]:
    """What is left to review, as a result every output format can print (a table, JSON,
    ids, TSV); ``only``: these ids alone."""
    return Result(Proposals([p for p in pending(path) if only is None or p.id in set(only)]))


def decided(counts: dict[str, int]) -> str:
    """What a review decided, in a line ("2 accepted, 1 rejected")."""
    return ", ".join(f"{n} {what}" for what, n in counts.items() if n) or "nothing decided"


def accept(path: str, ident: str) -> Edited:
    """Accept a drafted claim or link: its mark goes."""
    from argmap.operations.edit import set_field

    return set_field(path, ident, "drafted", "false")


def reject(path: str, proposal: Proposal) -> Edited:
    """Take a drafted claim (with its links) or link out of the map."""
    from argmap.operations.edit import remove_claim, remove_link

    if proposal.what == "claim":
        return remove_claim(path, proposal.id, cascade=True)
    return remove_link(path, proposal.id)


def retarget(path: str, proposal: Proposal, target: str) -> Edited:
    """Draw a drafted link to ``target`` instead (a claim of the map), accepted.

    Raises:
        UsageError: not a link, or ``target`` is no claim of the map.
    """
    from argmap.operations.edit import add_link, remove_link

    if proposal.what != "link" or proposal.source is None:
        raise UsageError(f"{proposal.id}: only a link can be drawn to another claim")
    _claim_of(path, target)
    remove_link(path, proposal.id)
    return add_link(path, proposal.source, _RELATION[proposal.kind], target)


def merge(path: str, proposal: Proposal, into: str) -> Edited:
    """Take the drafted claim as claim ``into``: its links (either way) move to ``into``,
    none drawn twice, none to itself, and the drafted claim goes; one change, written
    whole or not at all (a merge that would make a circle of supports is refused).

    Raises:
        UsageError: not a claim, or ``into`` is no other claim of the map.
        MapError: the merged map would not be valid (nothing is written).
    """
    from argmap.edit.editor import references
    from argmap.formats.native import parse
    from argmap.operations.edit import editing

    if proposal.what != "claim":
        raise UsageError(f"{proposal.id}: only a claim can be merged into another")
    if into == proposal.id:
        raise UsageError(f"{proposal.id}: a claim cannot be merged into itself")
    _claim_of(path, into)
    lines: list[str] = []
    with editing(path) as edit:
        model = parse(edit.input).model
        existing = {(lk.source, lk.kind.value, lk.target) for lk in model.all_links()}
        moved: list[tuple[str, str, str]] = []
        for lk in model.all_links():
            if lk.kind.value == "undercut":
                continue  # an undercut aims at a link, which goes with the claim
            if lk.source == proposal.id:
                moved.append((into, lk.kind.value, lk.target))
            elif lk.target == proposal.id:
                moved.append((lk.source, lk.kind.value, into))
        for link_id in references(model, proposal.id):
            edit.editor.remove_link(link_id)
            lines.append(f"removed link {link_id}")
        edit.editor.remove_claim(proposal.id)
        lines.append(f"removed claim {proposal.id}")
        for source, kind, target in dict.fromkeys(moved):
            if source == target or (source, kind, target) in existing:
                continue
            edit.editor.add_link({"source": source, "target": target, "kind": kind})
            lines.append(f"added link {source}.{kind}.{target}")
    return Edited(lines, edit.warnings)


def _claim_of(path: str, ident: str) -> None:
    from argmap.errors import did_you_mean
    from argmap.operations.loading import read_map

    ids = [c.id for c in read_map(path).model.claims]
    if ident not in ids:
        hint = did_you_mean(ident, ids)
        raise UsageError(f"{path}: no claim {ident!r}" + (f" ({hint})" if hint else ""))
