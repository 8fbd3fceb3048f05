"""What changed between two versions of a map, in the terms of the argument.

Claims are matched by id, then, among those left over, by text similarity (an id that
was renamed), so a rename reads as a rename, not as one claim removed and another added.
A removed (or added) claim takes its own links with it in the report; links are otherwise
compared by their ends, so a support that became an attack is one change of kind.

Examples:
    >>> from argmap.model import ArgMap
    >>> old = ArgMap.model_validate({"title": "t", "claims": [
    ...     {"id": "c", "text": "Ports should open", "kind": "conclusion"},
    ...     {"id": "p", "text": "Waiting halves", "supports": ["c"]}]})
    >>> new = ArgMap.model_validate({"title": "t", "claims": [
    ...     {"id": "c", "text": "Ports should open at night", "kind": "conclusion"},
    ...     {"id": "p", "text": "Waiting halves", "attacks": ["c"]}]})
    >>> d = diff_maps(old, new)
    >>> [(r.id, r.after) for r in d.reworded]
    [('c', 'Ports should open at night')]
    >>> [(k.source, k.before, k.after) for k in d.kind_changed]
    [('p', 'support', 'attack')]
"""

from __future__ import annotations

import difflib
from typing import Any, cast

from pydantic import ConfigDict, Field

from argmap.model import ArgMap
from argmap.model.answers import Label, Record, Relation

__all__ = ["MapDiff", "diff_maps", "renamed_claims", "RENAME_SIMILARITY"]

#: How alike two texts must be for a claim whose id changed to count as the same claim.
RENAME_SIMILARITY = 0.6


class _Change(Record):
    model_config = ConfigDict(frozen=True)


class Renamed(_Change):
    before: str
    after: str


class Reworded(_Change):
    id: str
    before: str
    after: str
    similarity: float
    old_id: str | None = None  # set when the id changed too


class FieldChange(_Change):
    id: str
    field: str
    before: Any
    after: Any


class LinkRef(_Change):
    source: str
    target: str
    kind: Relation
    id: str


class KindChange(_Change):
    source: str
    target: str
    before: str
    after: str


class LabelChange(_Change):
    id: str
    before: Label
    after: Label
    conclusion: bool


class MapDiff(Record):
    """``argmap diff --format json``: the changes from one map to another, as an argument;
    empty lists mean no change of that sort."""

    file: str | None = Field(None, description="The file both are versions of (git's driver).")
    added_claims: list[str] = Field(default_factory=list)
    removed_claims: list[str] = Field(default_factory=list)
    renamed: list[Renamed] = Field(default_factory=list)
    reworded: list[Reworded] = Field(default_factory=list)
    changed_fields: list[FieldChange] = Field(default_factory=list)
    added_links: list[LinkRef] = Field(default_factory=list)
    removed_links: list[LinkRef] = Field(default_factory=list)
    kind_changed: list[KindChange] = Field(default_factory=list)
    label_changes: list[LabelChange] = Field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(getattr(self, f) for f in type(self).model_fields if f != "file")

    def ids(self) -> list[str]:
        """The claims that changed in any way, once each, as ``--format ids`` lists them."""
        ids = [
            *self.added_claims,
            *self.removed_claims,
            *(r.after for r in self.renamed),
            *(r.id for r in self.reworded),
            *(c.id for c in self.changed_fields),
            *(c.id for c in self.label_changes),
        ]
        return list(dict.fromkeys(ids))


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, " ".join(a.split()), " ".join(b.split())).ratio()


_COMPARED = ("label", "kind", "tags", "source", "quote", "locator", "confidence", "note")

#: How many of the most word-sharing new claims each removed claim is compared with.
_RENAME_PEERS = 8


def _rename_candidates(old: dict[str, str], new: dict[str, str]) -> list[tuple]:
    """(similarity, old id, new id) for the pairs worth comparing: equal texts at once,
    then, for each old claim, the few new claims sharing the most of its rarer words. So
    the work grows with the number of claims, not with its square (two maps of 1,000
    renamed claims: well under a second, against 45 s comparing every pair)."""
    import re
    from collections import Counter

    def words(text: str) -> set[str]:
        return set(re.findall(r"\w+", text.lower()))

    out: list[tuple] = []
    by_text: dict[str, list[str]] = {}
    for b, text in new.items():
        by_text.setdefault(" ".join(text.split()), []).append(b)
    # Claims with the same text pair in their order (the k-th old with the k-th new): many
    # claims of one text (a template, a placeholder) make no square of candidates.
    taken: dict[str, int] = {}
    new_words = {b: words(t) for b, t in new.items()}
    postings: dict[str, list[str]] = {}
    for b, ws in new_words.items():
        for w in ws:
            postings.setdefault(w, []).append(b)
    common = max(50, len(new) // 20)  # words this frequent single out nothing
    for a, text in old.items():
        key = " ".join(text.split())
        alike = by_text.get(key, [])
        k = taken.get(key, 0)
        taken[key] = k + 1
        same = alike[k : k + 1]
        out += [(1.0, a, b) for b in same]
        if same:
            continue  # a claim of the same text: no other can be more alike
        shared: Counter = Counter()
        found = sorted((len(postings[w]), w) for w in words(text) if w in postings)
        rare = [w for n, w in found if n <= common] or [w for _, w in found[:2]]
        for w in rare:  # no rare word at all: its two rarest
            shared.update(postings[w])
        for b, _ in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:_RENAME_PEERS]:
            out.append((_similarity(text, new[b]), a, b))
    return out


def renamed_claims(gone: dict[str, str], fresh: dict[str, str]) -> dict[str, str]:
    """Which claims that went (id: text) came back under another id (among ``fresh``):
    paired by text, the most alike first, each at most once, at least
    :data:`RENAME_SIMILARITY` alike.

    Examples:
        >>> renamed_claims({"a": "Open the port at night"}, {"b": "Open the port at night!"})
        {'a': 'b'}
    """
    if not gone or not fresh:
        return {}
    candidates = sorted(_rename_candidates(gone, fresh), key=lambda t: (-t[0], t[1], t[2]))
    renamed: dict[str, str] = {}
    taken: set[str] = set()
    for score, a, b in candidates:
        if score < RENAME_SIMILARITY:
            break
        if a in renamed or b in taken:
            continue
        renamed[a] = b
        taken.add(b)
    return renamed


def diff_maps(old: ArgMap, new: ArgMap, *, labels: bool = False) -> MapDiff:
    """The changes from ``old`` to ``new``; with ``labels``, also the claims whose grounded
    label changed (a renamed claim compared under its new id), conclusions first.

    Raises:
        MapError: with ``labels``, a map with broken references.
    """
    out = MapDiff()
    old_claims = {c.id: c for c in old.claims}
    new_claims = {c.id: c for c in new.claims}
    gone = [i for i in old_claims if i not in new_claims]
    fresh = [i for i in new_claims if i not in old_claims]
    renamed = renamed_claims(
        {a: old_claims[a].text for a in gone}, {b: new_claims[b].text for b in fresh}
    )
    out.renamed = [Renamed(before=a, after=b) for a, b in renamed.items()]
    out.removed_claims = [i for i in gone if i not in renamed]
    out.added_claims = [i for i in fresh if i not in renamed.values()]
    for old_id, before in old_claims.items():
        new_id = renamed.get(old_id, old_id)
        after = new_claims.get(new_id)
        if after is None:
            continue
        if not _same_text(before.text, after.text):
            out.reworded.append(
                Reworded(
                    id=new_id,
                    before=before.text,
                    after=after.text,
                    similarity=round(_similarity(before.text, after.text), 4),
                    old_id=old_id if new_id != old_id else None,
                )
            )
        for name in _COMPARED:
            a, b = getattr(before, name), getattr(after, name)
            if a != b:
                out.changed_fields.append(
                    FieldChange(id=new_id, field=name, before=_plain(a), after=_plain(b))
                )
    _diff_links(old, new, renamed, set(out.removed_claims), set(out.added_claims), out)
    if labels:
        out.label_changes = _label_changes(old, new, {r.before: r.after for r in out.renamed})
    return out


def _label_changes(old: ArgMap, new: ArgMap, renamed: dict[str, str]) -> list[LabelChange]:
    from argmap.graph import build_graph, conclusions
    from argmap.semantics.evaluate import evaluate

    G_new = build_graph(new)
    before = evaluate(build_graph(old)).labels
    after = evaluate(G_new).labels
    tops = set(conclusions(G_new))
    changes = []
    for old_id, label in before.items():
        new_id = renamed.get(old_id, old_id)
        if new_id in after and after[new_id] != label:
            changes.append(
                LabelChange(id=new_id, before=cast(Any, label), after=cast(Any, after[new_id]),
                            conclusion=new_id in tops)  # a label is in, out or undec
            )  # fmt: skip
    return sorted(changes, key=lambda c: not c.conclusion)


def _plain(value: Any) -> Any:
    return value.value if hasattr(value, "value") else value


def _ends(m: ArgMap, rename: dict[str, str]) -> dict[str, tuple[str, str, str]]:
    """Each link as (source, target, kind) in the new map's ids; an undercut's target is
    the ends of the link it undercuts."""
    links = m.all_links()
    by_id = {lk.id: lk for lk in links}
    out = {}
    for lk in links:
        source = rename.get(lk.source, lk.source)
        if lk.kind == "undercut" and lk.target in by_id:
            t = by_id[lk.target]
            target = f"{rename.get(t.source, t.source)}>{rename.get(t.target, t.target)}"
        else:
            target = rename.get(lk.target, lk.target)
        out[lk.key] = (source, target, lk.kind.value)
    return out


def _diff_links(old, new, renamed, removed, added, out: MapDiff) -> None:
    old_ends = _ends(old, renamed)
    new_ends = _ends(new, {})

    def touches(ends, claims):
        return ends[0] in claims or any(part in claims for part in ends[1].split(">"))

    def pairs(ends_by_id):
        found: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for lid, (s, t, k) in ends_by_id.items():
            found.setdefault((s, t), []).append((k, lid))
        return found

    before, after = pairs(old_ends), pairs(new_ends)
    for key in dict.fromkeys([*before, *after]):
        kinds_before = sorted(before.get(key, []))
        kinds_after = sorted(after.get(key, []))
        b_only = [x for x in kinds_before if x[0] not in {k for k, _ in kinds_after}]
        a_only = [x for x in kinds_after if x[0] not in {k for k, _ in kinds_before}]
        while b_only and a_only:
            (kb, _), (ka, _) = b_only.pop(0), a_only.pop(0)
            out.kind_changed.append(KindChange(source=key[0], target=key[1], before=kb, after=ka))
        for kind, lid in b_only:
            if not touches((key[0], key[1]), removed):
                out.removed_links.append(
                    LinkRef(source=key[0], target=key[1], kind=cast(Any, kind), id=lid)
                )
        for kind, lid in a_only:
            if not touches((key[0], key[1]), added):
                out.added_links.append(
                    LinkRef(source=key[0], target=key[1], kind=cast(Any, kind), id=lid)
                )
