"""``argmap review``: a drafted map's proposals, one at a time, each accepted, rejected,
retargeted or merged, every decision written to the map at once (so quitting midway keeps
what was decided). The front end asks; these are the decisions.

- :func:`pending`: the drafted claims (with the drafted links they start) and drafted
  links, in the map's order;
- :func:`accept`: the mark goes (``drafted`` removed), the item stays;
- :func:`reject`: a claim goes with its links, a link goes;
- :func:`retarget`: a drafted link is drawn to another claim instead (and accepted);
- :func:`reverse`: a drafted link is turned round (and accepted);
- :func:`rekind`: a drafted claim is given another kind;
- :func:`reword`: a drafted claim is given a text of its own (its quote stays);
- :func:`merge`: a drafted claim is taken as another claim of the map: its links move to
  that claim (none twice), and it goes;
- :func:`join`: a drafted claim is joined with the claim quoted next in its paragraph.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from argmap.analysis.proposals import Proposal, Proposals
from argmap.errors import UsageError
from argmap.operations.edit import Edited
from argmap.operations.result import Result

__all__ = ["Proposal", "pending", "left_of", "listed", "decided", "accept", "reject", "retarget",
           "reverse", "rekind", "reword", "merge", "join", "answer", "COUNTED"]  # fmt: skip

_RELATION = {"support": "supports", "attack": "attacks", "undercut": "undercuts"}


def pending(path: str) -> list[Proposal]:
    """What the map at ``path`` still has drafted, in the map's order: each claim, then
    the drafted links it starts; then drafted links of reviewed claims.

    Raises:
        UsageError, MapError: the map cannot be read.
    """
    from argmap.analysis.provenance import check_quotes
    from argmap.operations.loading import read_map

    doc = read_map(path)
    model = doc.model
    links = model.all_links()
    out: list[Proposal] = []
    shown: set[str] = set()
    texts = {c.id: c.text for c in model.claims}
    quotes = check_quotes(doc)
    for c in model.claims:
        starts = [lk for lk in links if lk.source == c.id]
        if c.drafted is not None:
            said = [f"{_RELATION[lk.kind.value]} {lk.target}" for lk in starts]
            context, at = _around(quotes, c)
            out.append(Proposal(what="claim", id=c.id, kind=c.kind.value, score=c.drafted,
                                text=c.text, quote=c.quote, links=said, context=context,
                                quote_at=at))  # fmt: skip
        for lk in starts:
            if lk.drafted is not None and lk.key not in shown:
                shown.add(lk.key)
                target_text = texts.get(lk.target, lk.target)
                said_link = f"{c.text} -- {_RELATION[lk.kind.value]} -> {target_text}"
                out.append(Proposal(what="link", id=lk.key, kind=lk.kind.value,
                                    score=lk.drafted, text=said_link, source=lk.source,
                                    target=lk.target))  # fmt: skip
    return out


def _around(check: Any, claim: Any) -> tuple[str | None, tuple[int, int] | None]:
    """The paragraph of its source that holds ``claim``'s quote, and where the quote
    stands in it, as ``check`` (:func:`argmap.analysis.provenance.check_quotes`) found it;
    (None, None) when its text cannot be read or does not hold the quote."""
    hit = check.hits.get(claim.id)
    text = check.texts.get(claim.source) if claim.source else None
    if hit is None or text is None:
        return None, None
    start, end = text.paragraphs[hit.paragraph - 1] if text.paragraphs else (0, len(text.text))
    start, end = min(start, hit.start), max(end, hit.end)
    while start < hit.start and text.text[start].isspace():
        start += 1
    return text.text[start:end].rstrip(), (hit.start - start, hit.end - start)


def left_of(path: str, later: list[Proposal]) -> tuple[list[Proposal], list[Proposal]]:
    """What the map at ``path`` still has drafted, and those of ``later`` that it still
    has (a decision may take a claim's links with it)."""
    now = pending(path)
    still = {p.id for p in now}
    return now, [p for p in later if p.id in still]


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
    """Draw a drafted link to ``target`` instead (a claim of the map), accepted; one
    change, written whole or not at all.

    Raises:
        UsageError: not a link, or ``target`` is no claim of the map.
        MapError: the map would not be valid (a circle of supports; nothing is written).
    """
    if proposal.what != "link" or proposal.source is None:
        raise UsageError(f"{proposal.id}: only a link can be drawn to another claim")
    _claim_of(path, target)
    return _redrawn(path, proposal, proposal.source, target)


def reverse(path: str, proposal: Proposal) -> Edited:
    """Turn a drafted link round: its target bears on its source instead (the same kind
    of link), accepted; one change, written whole or not at all.

    Raises:
        UsageError: not a link between two claims (an undercut aims at a link).
        MapError: the map would not be valid (a circle of supports; nothing is written).
    """
    if proposal.what != "link" or proposal.source is None or proposal.target is None:
        raise UsageError(f"{proposal.id}: only a link can be turned round")
    if proposal.kind == "undercut":
        raise UsageError(f"{proposal.id}: an undercut aims at a link; it cannot be turned round")
    return _redrawn(path, proposal, proposal.target, proposal.source)


def _redrawn(path: str, proposal: Proposal, source: str, target: str) -> Edited:
    """The drafted link ``proposal`` drawn again from ``source`` to ``target``, reviewed."""
    from argmap.formats.native import parse
    from argmap.model import default_link_id
    from argmap.operations.edit import editing

    if source == target:
        raise UsageError(f"{proposal.id}: a claim cannot bear on itself")
    new = default_link_id(source, proposal.kind, target)
    with editing(path) as edit:
        for lk in parse(edit.input).model.all_links():
            if (lk.source, lk.kind.value, lk.target) == (source, proposal.kind, target):
                raise UsageError(f"{source} {_RELATION[proposal.kind]} {target} already: "
                                 f"link {lk.key}")  # fmt: skip
        edit.editor.remove_link(proposal.id)
        edit.editor.add_link({"source": source, "target": target, "kind": proposal.kind})
    return Edited([f"removed link {proposal.id}", f"added link {new}"], edit.warnings)


def rekind(path: str, ident: str, kind: str) -> Edited:
    """Give a drafted claim another kind (claim, premise, evidence, objection...); the
    claim stays drafted until it is accepted.

    Raises:
        UsageError: ``kind`` is no kind of claim.
    """
    from argmap.model import ClaimKind
    from argmap.operations.edit import set_field

    kinds = [k.value for k in ClaimKind]
    if kind not in kinds:
        raise UsageError(f"{kind!r} is no kind of claim", hint="one of " + ", ".join(kinds))
    return set_field(path, ident, "kind", kind)


def reword(path: str, ident: str, text: str) -> Edited:
    """Give a drafted claim a text of its own (its quote stays, still checked against its
    source); reworded, it is reviewed.

    Raises:
        UsageError: an empty text.
    """
    from argmap.operations.edit import set_field

    if not text.strip():
        raise UsageError(f"{ident}: a claim's text cannot be empty")
    return set_field(path, ident, "text", text.strip())


def merge(path: str, proposal: Proposal, into: str) -> Edited:
    """Take the drafted claim as claim ``into``: its links (either way) move to ``into``,
    none drawn twice, none to itself, and the drafted claim goes; one change, written
    whole or not at all (a merge that would make a circle of supports is refused).

    Raises:
        UsageError: not a claim, or ``into`` is no other claim of the map.
        MapError: the merged map would not be valid (nothing is written).
    """
    from argmap.formats.native import parse
    from argmap.operations.edit import editing

    if proposal.what != "claim":
        raise UsageError(f"{proposal.id}: only a claim can be merged into another")
    if into == proposal.id:
        raise UsageError(f"{proposal.id}: a claim cannot be merged into itself")
    _claim_of(path, into)
    with editing(path) as edit:
        lines = _taken_over(edit, parse(edit.input).model, proposal.id, into)
    return Edited(lines, edit.warnings)


def join(path: str, proposal: Proposal) -> Edited:
    """Join a drafted claim with the claim whose quote comes next in its paragraph (a
    unit cut too short): one claim quoting the passage from the first's start to the
    next's end, verbatim, its text that passage; the next claim's links move to it, and the
    next claim goes. One change, written whole or not at all. The joined claim stays
    drafted, to be decided.

    Raises:
        UsageError: not a quoted claim, its source cannot be read, or no claim's quote
            follows it in its paragraph.
        MapError: the joined map would not be valid (nothing is written).
    """
    from argmap.analysis.provenance import check_quotes
    from argmap.formats.native import parse
    from argmap.operations.edit import editing
    from argmap.operations.loading import read_map

    if proposal.what != "claim":
        raise UsageError(f"{proposal.id}: only a claim can be joined with the next")
    doc = read_map(path)
    quotes = check_quotes(doc)
    source = {c.id: c.source for c in doc.model.claims}
    here = quotes.hits.get(proposal.id)
    text = quotes.texts.get(source.get(proposal.id) or "")
    if here is None or text is None:
        raise UsageError(f"{proposal.id}: its quote stands in no source text argmap can read",
                         hint=f"argmap validate {path} says why")  # fmt: skip
    after = [(hit.start, hit.end, other) for other, hit in quotes.hits.items()
             if other != proposal.id and source[other] == source[proposal.id]
             and hit.paragraph == here.paragraph and hit.start >= here.end]  # fmt: skip
    if not after:
        raise UsageError(f"{proposal.id}: no claim's quote follows it in its paragraph")
    _, end, following = min(after)
    passage = text.text[here.start : end]
    with editing(path) as edit:
        edit.editor.set_field(proposal.id, "quote", passage)
        edit.editor.set_field(proposal.id, "text", " ".join(passage.split()))
        lines = [f"joined {following} into {proposal.id}"]
        lines += _taken_over(edit, parse(edit.input).model, following, proposal.id)
    return Edited(lines, edit.warnings)


def _taken_over(edit: Any, model: Any, gone: str, into: str) -> list[str]:
    """Claim ``gone`` taken out through ``edit``, its links (either way) moved to claim
    ``into``, none drawn twice, none to itself; what was done, a line each."""
    from argmap.edit.editor import references

    lines: list[str] = []
    existing = {(lk.source, lk.kind.value, lk.target) for lk in model.all_links()}
    moved: list[tuple[str, str, str]] = []
    for lk in model.all_links():
        if lk.kind.value == "undercut":
            continue  # an undercut aims at a link, which goes with the claim
        if lk.source == gone:
            moved.append((into, lk.kind.value, lk.target))
        elif lk.target == gone:
            moved.append((lk.source, lk.kind.value, into))
    for link_id in references(model, gone):
        edit.editor.remove_link(link_id)
        lines.append(f"removed link {link_id}")
    edit.editor.remove_claim(gone)
    lines.append(f"removed claim {gone}")
    for source, kind, target in dict.fromkeys(moved):
        if source == target or (source, kind, target) in existing:
            continue
        edit.editor.add_link({"source": source, "target": target, "kind": kind})
        lines.append(f"added link {source}.{kind}.{target}")
    return lines


#: Each answer a person gives in a review, by its letter: what it is counted as, and what
#: it does to the proposal (with what was asked for next: a claim's id, a kind, a text).
_ANSWERS: dict[str, tuple[str, Callable[[str, Proposal, str], Any]]] = {
    "a": ("accepted", lambda path, p, _: accept(path, p.id)),
    "r": ("rejected", lambda path, p, _: reject(path, p)),
    "t": ("retargeted", lambda path, p, given: retarget(path, p, given)),
    "v": ("reversed", lambda path, p, _: reverse(path, p)),
    "k": ("rekinded", lambda path, p, given: rekind(path, p.id, given)),
    "e": ("reworded", lambda path, p, given: reword(path, p.id, given)),
    "j": ("joined", lambda path, p, _: join(path, p)),
    "m": ("merged", lambda path, p, given: merge(path, p, given)),
    "s": ("skipped", lambda path, p, _: None),
}
#: What a review counts, in the order :func:`decided` says it.
COUNTED = [counted for counted, _ in _ANSWERS.values()]


def answer(path: str, proposal: Proposal, key: str, given: str = "") -> str:
    """Do to ``proposal`` what the answer ``key`` (a letter of :data:`_ANSWERS`) says,
    with ``given`` (what was asked for next); what it counts as ("accepted").

    Raises:
        UsageError, MapError: as the answer's own function does (nothing is written).
    """
    counted, act = _ANSWERS[key]
    act(path, proposal, given)
    return counted


def _claim_of(path: str, ident: str) -> None:
    from argmap.errors import did_you_mean
    from argmap.operations.loading import read_map

    ids = [c.id for c in read_map(path).model.claims]
    if ident not in ids:
        hint = did_you_mean(ident, ids)
        raise UsageError(f"{path}: no claim {ident!r}" + (f" ({hint})" if hint else ""))
