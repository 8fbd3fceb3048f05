"""Three-way merge of map files by meaning: git's merge driver for argument maps.

Two analysts who each add a claim at the end of ``claims:`` conflict in git's line merge
every time, though their changes never touch. Here the two sides' changes are merged by
what they change: each source, claim and explicit link by its id, each of the map's own
fields (title, description, ...) by name.

- Added on one side, or on both: kept (both sides' additions, ours first).
- Changed on one side only: that change applies. Changed on both: merged field by field;
  the lists of ids a claim carries (``tags``, ``supports``, ``attacks``, ``undercuts``)
  take both sides' additions and removals.
- The same field changed differently on both sides, the same id added with different
  content, or an item removed on one side and changed on the other: a *conflict*.
- A merge that would break the map (a link to a claim the other side removed) is a
  conflict too: the removal is not made, and is marked as conflicting.

OURS is edited in place with :class:`argmap.edit.editor.Editor`, so its comments and layout stay;
THEIRS' additions are written in the canonical layout. Each conflict is written with
markers git understands (``<<<<<<< ours`` / ``=======`` / ``>>>>>>> theirs``) around the
conflicting item only.

Examples:
    >>> base = "title: t\\nclaims:\\n  - id: c\\n    text: C\\n"
    >>> ours = base + "  - id: a\\n    text: A\\n    supports: [c]\\n"
    >>> theirs = base + "  - id: b\\n    text: B\\n    supports: [c]\\n"
    >>> result = merge(base, ours, theirs, "m.yaml")
    >>> result.conflicts
    []
    >>> print(result.text, end="")
    title: t
    claims:
      - id: c
        text: C
      - id: a
        text: A
        supports: [c]
      - id: b
        text: B
        supports: [c]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from argmap.model.answers import Record

__all__ = ["Conflict", "MergeResult", "MergeAnswer", "merge", "SECTIONS"]

#: The lists whose items merge by id, in the order a map writes them.
SECTIONS = ("sources", "claims", "links", "schemes")
#: Fields holding ids, merged as sets (both sides' additions and removals).
ID_LISTS = ("tags", "supports", "attacks", "undercuts", "authors")


class ConflictRecord(Record):
    """A conflict as ``argmap merge --format json`` prints it."""

    section: str
    id: str
    reason: str
    line: int | None


class MergeAnswer(Record):
    """``argmap merge --format json``."""

    clean: bool
    conflicts: list[ConflictRecord]
    applied: dict[str, Any]


@dataclass
class Conflict:
    """A part of the map the two sides changed in ways that cannot both hold."""

    section: str  # sources, claims, links, schemes, or "map" for the map's own fields
    ident: str
    reason: str
    #: The line of its conflict marker in the merged text (None: not marked).
    line_no: int | None = None

    def line(self, name: str = "") -> str:
        what = "the map's" if self.section == "map" else self.section[:-1]
        where = (
            f"{name}:{self.line_no}: " if name and self.line_no else (f"{name}: " if name else "")
        )
        return f"{where}conflict: {what} {self.ident!r}: {self.reason}"

    def record(self) -> ConflictRecord:
        return ConflictRecord(section=self.section, id=self.ident, reason=self.reason,
                              line=self.line_no)  # fmt: skip


@dataclass
class MergeResult:
    """The merged text (with conflict markers when there are conflicts) and the conflicts."""

    text: str
    conflicts: list[Conflict] = field(default_factory=list)
    #: Errors of a merge that joins cleanly but breaks the map (as validate reports them).
    problems: list[Any] = field(default_factory=list)
    #: What each side brought in, counted: {"ours": {...}, "theirs": {...}}.
    applied: dict[str, int] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        return not self.conflicts

    def ids(self) -> list[str]:
        """What conflicts, by id."""
        return [c.ident for c in self.conflicts]

    def conflict_lines(self, name: str = "") -> list[str]:
        """One located line a conflict (``name``: the file as the user knows it)."""
        return [c.line(name) for c in self.conflicts]

    def answer(self) -> MergeAnswer:
        """What ``argmap merge --format json`` prints."""
        return MergeAnswer(clean=self.clean, conflicts=[c.record() for c in self.conflicts],
                           applied=self.applied)  # fmt: skip


def _key(section: str, item: dict) -> str:
    if section == "links":
        from argmap.model import default_link_id

        if item.get("id"):
            return str(item["id"])
        try:
            return default_link_id(
                str(item.get("source")), item.get("kind", "support"), str(item.get("target"))
            )
        except ValueError:
            return f"{item.get('source')}.{item.get('kind')}.{item.get('target')}"
    return str(item.get("id"))


def _by_id(data: dict, section: str) -> dict[str, dict]:
    items = data.get(section) or []
    return {_key(section, item): item for item in items if isinstance(item, dict)}


def _set_merge(base: list, ours: list, theirs: list) -> list:
    """Ours, with what theirs added and without what theirs removed."""
    added = [x for x in theirs if x not in base]
    removed = [x for x in base if x not in theirs]
    out = [x for x in ours if x not in removed]
    out += [x for x in added if x not in out]
    return out


_MISSING = object()


def _merge_fields(base: dict, ours: dict, theirs: dict) -> tuple[dict, list[str]]:
    """A field-by-field three-way merge: the fields theirs brings to ours (value, or
    _MISSING to remove), and the fields that conflict."""
    changes: dict[str, Any] = {}
    clashes = []
    for name in dict.fromkeys([*ours, *theirs, *base]):
        b, o, t = base.get(name, _MISSING), ours.get(name, _MISSING), theirs.get(name, _MISSING)
        if o == t or b == t:
            continue
        if b == o:
            changes[name] = t
        elif name in ID_LISTS and all(isinstance(x, list) or x is _MISSING for x in (b, o, t)):
            merged = _set_merge(*(x if isinstance(x, list) else [] for x in (b, o, t)))
            changes[name] = merged if merged else _MISSING
        else:
            clashes.append(name)
    return changes, clashes


def merge(base: str, ours: str, theirs: str, name: str = "<ours>") -> MergeResult:
    """Merge THEIRS' changes since BASE into OURS (texts of one map).

    Raises:
        MapError: one of the three is not a map argmap can read (located in it).
    """
    from argmap.formats.native import loads

    # Identical sides need no merging (three copies of one large map merge at once).
    if theirs in (ours, base):
        loads(ours, name)  # still, it must be a map
        return MergeResult(ours, applied={"added": 0, "changed": 0, "removed": 0})
    if ours == base:  # only theirs changed: theirs it is
        loads(theirs, f"{name} (theirs)")
        b, t = _raw(base, f"{name} (base)"), _raw(theirs, f"{name} (theirs)")
        return MergeResult(theirs, applied=_counts(b, t))
    # Each side must be a map (an empty base: the file was added on both sides).
    if base.strip():
        loads(base, f"{name} (base)")
    loads(ours, name)
    loads(theirs, f"{name} (theirs)")
    b = _raw(base, f"{name} (base)") if base.strip() else {}
    o, t = _raw(ours, name), _raw(theirs, f"{name} (theirs)")
    # Items are matched by identity, not by id: a claim one side renamed is the same
    # claim on the other side (as diff pairs them), so each side's renames are made on
    # the others first, and two different renames of one claim are a conflict.
    forced: dict[tuple[str, str], tuple[str, dict]] = {}
    if b:
        texts = _renames_shared(base, ours, theirs, b, o, t, name)
        if texts is not None:
            base, ours, theirs, forced = texts
            b = _raw(base, f"{name} (base)")
            o, t = _raw(ours, name), _raw(theirs, f"{name} (theirs)")
    refused: set[tuple[str, str]] = set()  # removals by theirs that would break the map
    while True:
        result = _attempt(b, o, t, ours, name, refused, forced)
        if result.conflicts:
            break
        broken = _broken_by_removal(result.text, name, b, t, refused)
        if not broken:
            break
        refused |= broken
    if result.clean:
        # Both sides' changes may hold apart and break the map together (a support
        # cycle, a link one way and an attack the other): that is a conflict too.
        from argmap.analysis.validate import validate

        problems = [d for d in validate(loads(result.text, name)) if d.severity == "error"]
        result.problems = [d for d in problems if d.code != "quote_not_found"]
        result.conflicts += [Conflict("map", d.claim or "-", d.format()) for d in result.problems]
    for c in result.conflicts:
        c.line_no = _marker_line(result.text, c)
    return result


def _marker_line(text: str, conflict: Conflict) -> int | None:
    """The line of the conflict marker that opens a conflict's part, if one does."""
    import re

    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("<<<<<<< "):
            block = "\n".join(lines[i + 1 : i + 4])
            ident = re.escape(conflict.ident)
            if re.search(rf"(?:^|[\s{{,])(?:id|{ident}):\s*{ident}\b|^{ident}:", block, re.M):
                return i + 1
    return None


def _raw(text: str, name: str) -> dict:
    """The map as written (shorthand kept), for merging item by item."""
    from argmap.formats.native import Input, _load_json
    from argmap.io.yamltext import load

    inp = Input(text, name, ".json" if text.lstrip().startswith("{") else ".yaml")
    if text.lstrip().startswith("{"):
        return _load_json(inp)[0]
    data = load(inp.text, name)
    return data if data is not None else {}


def _counts(b: dict, t: dict) -> dict[str, int]:
    """What theirs added, changed and removed since base, item by item."""
    out = {"added": 0, "changed": 0, "removed": 0}
    for key in {*b, *t} - set(SECTIONS):
        out["changed"] += b.get(key) != t.get(key)
    for section in SECTIONS:
        before, after = _by_id(b, section), _by_id(t, section)
        out["added"] += len(after.keys() - before.keys())
        out["removed"] += len(before.keys() - after.keys())
        out["changed"] += sum(before[k] != after[k] for k in before.keys() & after.keys())
    return out


def _claim_texts(data: dict) -> dict[str, str]:
    return {
        str(c["id"]): str(c.get("text", ""))
        for c in data.get("claims") or []
        if isinstance(c, dict) and "id" in c
    }


def _renamed_text(text: str, name: str, renames: dict[str, str]) -> str:
    """A map's text with claims renamed (every reference too), as ``argmap rename`` does;
    a rename the text cannot take (the new id is taken there) is left unmade."""
    from argmap.edit.editor import Editor
    from argmap.errors import UsageError

    if not renames:
        return text
    ed = Editor(text, name)
    for old, new in renames.items():
        try:
            ed.rename(old, new, kind="claim")
        except UsageError:
            continue
    return ed.render()


def _renames_shared(
    base: str, ours: str, theirs: str, b: dict, o: dict, t: dict, name: str
) -> tuple[str, str, str, dict[tuple[str, str], tuple[str, dict]]] | None:
    """The three texts with each side's claim renames made on the others too, so that
    items match by identity; and the conflicts of one claim renamed differently on both
    sides (kept under our id, theirs' item shown beside it). None: no side renamed."""
    from argmap.analysis.diff import renamed_claims

    before, mine, yours = _claim_texts(b), _claim_texts(o), _claim_texts(t)

    def renames(side: dict[str, str]) -> dict[str, str]:
        gone = {k: v for k, v in before.items() if k not in side}
        fresh = {k: v for k, v in side.items() if k not in before}
        return renamed_claims(gone, fresh)

    by_us, by_them = renames(mine), renames(yours)
    if not by_us and not by_them:
        return None
    forced: dict[tuple[str, str], tuple[str, dict]] = {}
    # A rename onto an id the other side has for another claim (added, or a rename of its
    # own of another claim) cannot be made there: the claim and its links would go to the
    # other side's claim. It is a conflict, marked around the claim, not a rename undone.
    clashes: dict[str, str] = {}
    for mover, other, side, other_side, other_ids in (
        (by_us, by_them, "ours", "theirs", yours),
        (by_them, by_us, "theirs", "ours", mine),
    ):
        for old, new in mover.items():
            if new in other_ids and other.get(old) != new and new not in clashes:
                how = next(
                    (f"renamed {o!r} to it" for o, n in other.items() if n == new),
                    "added another claim under it",
                )
                clashes[new] = f"{side} renamed {old!r} to {new!r}, and {other_side} {how}"
    if clashes:
        by_us = {k: v for k, v in by_us.items() if v not in clashes}
        by_them = {k: v for k, v in by_them.items() if v not in clashes}
        for new, reason in clashes.items():
            item = next(c for c in t["claims"] if isinstance(c, dict) and c.get("id") == new)
            forced[("claims", new)] = (reason, item)
    theirs_to_ours: dict[str, str] = {}  # one claim renamed on both sides: ours' id wins
    for old in sorted(by_us.keys() & by_them.keys()):
        ours_id, theirs_id = by_us[old], by_them[old]
        if ours_id == theirs_id:
            continue
        theirs_to_ours[theirs_id] = ours_id
        item = next(c for c in t["claims"] if isinstance(c, dict) and c.get("id") == theirs_id)
        reason = (
            f"renamed differently on both sides ({old!r} is {ours_id!r} in ours, "
            f"{theirs_id!r} in theirs)"
        )
        forced[("claims", ours_id)] = (reason, item)  # theirs' item shown with its own id
    return (
        _renamed_text(base, f"{name} (base)", {**by_them, **by_us}),
        _renamed_text(ours, name, {k: v for k, v in by_them.items() if k not in by_us}),
        _renamed_text(
            theirs,
            f"{name} (theirs)",
            {**{k: v for k, v in by_us.items() if k not in by_them}, **theirs_to_ours},
        ),
        forced,
    )


def _attempt(
    b: dict,
    o: dict,
    t: dict,
    ours: str,
    name: str,
    refused: set[tuple[str, str]],
    forced: dict[tuple[str, str], tuple[str, dict]] | None = None,
) -> MergeResult:
    from argmap.edit.editor import Editor

    ed = Editor(ours, name)
    conflicts: list[Conflict] = []
    applied = {"added": 0, "changed": 0, "removed": 0}
    marked: list[tuple[str, str, dict | None]] = []  # (section, id, theirs' item)
    # The map's own fields.
    own = {k: v for k, v in t.items() if k not in SECTIONS}
    changes, clashes = _merge_fields(
        {k: v for k, v in b.items() if k not in SECTIONS},
        {k: v for k, v in o.items() if k not in SECTIONS},
        own,
    )
    for key in clashes:
        conflicts.append(Conflict("map", key, "changed differently on both sides"))
    for key, value in changes.items():
        _set_top(ed, key, value)
        applied["changed"] += 1
    for section in SECTIONS:
        base_items, our_items, their_items = (
            _by_id(b, section),
            _by_id(o, section),
            _by_id(t, section),
        )
        for ident in dict.fromkeys([*our_items, *their_items, *base_items]):
            bi, oi, ti = base_items.get(ident), our_items.get(ident), their_items.get(ident)
            if forced and (section, ident) in forced:
                reason, shown = forced[(section, ident)]
                conflicts.append(Conflict(section, ident, reason))
                marked.append((section, ident, shown))
                continue
            if oi == ti or bi == ti:
                continue  # the same on both sides, or theirs left it alone
            if bi == oi:  # ours left it alone: theirs' change applies
                if ti is None:
                    if (section, ident) in refused:
                        conflicts.append(
                            Conflict(
                                section,
                                ident,
                                "removed on their side, but the merged map still refers to it",
                            )  # fmt: skip
                        )
                        marked.append((section, ident, None))
                        continue
                    _remove(ed, section, ident)
                    applied["removed"] += 1
                elif oi is None:
                    ed.append_item(section, ti, before=_next_section(section, ed))
                    applied["added"] += 1
                else:
                    for key, value in _merge_fields(oi, oi, ti)[0].items():
                        _set_in(ed, section, ident, key, value)
                    applied["changed"] += 1
                continue
            if bi is None:
                reason = "added on both sides with different content"
            elif oi is None:
                reason = "removed on our side, changed on theirs"
            elif ti is None:
                reason = "changed on our side, removed on theirs"
            else:
                changes, clashes = _merge_fields(bi, oi, ti)
                if not clashes:
                    for key, value in changes.items():
                        _set_in(ed, section, ident, key, value)
                    applied["changed"] += 1
                    continue
                reason = f"{', '.join(clashes)} changed differently on both sides"
            conflicts.append(Conflict(section, ident, reason))
            marked.append((section, ident, ti))
    text = ed.render()
    if conflicts:
        text = _mark(text, name, marked, [c for c in conflicts if c.section == "map"], t)
    return MergeResult(text, conflicts, applied=applied)


def _next_section(section: str, ed: Any) -> str | None:
    later = SECTIONS[SECTIONS.index(section) + 1 :]
    return next(iter(later), None)


def _items_node(ed: Any, section: str) -> Any:
    return ed.value_node(ed.root, section)


def _index(ed: Any, section: str, ident: str) -> int:
    return [_key(section, item) for item in ed.section_items(section)].index(ident)


def _remove(ed: Any, section: str, ident: str) -> None:
    ed.remove_section_item(section, _index(ed, section, ident))


def _set_in(ed: Any, section: str, ident: str, key: str, value: Any) -> None:
    value = None if value is _MISSING else value
    ed.set_item_field(section, _index(ed, section, ident), key, value)


def _set_top(ed: Any, key: str, value: Any) -> None:
    ed.set_item_field(None, 0, key, None if value is _MISSING else value)


def _broken_by_removal(
    text: str, name: str, b: dict, t: dict, refused: set[tuple[str, str]]
) -> set[tuple[str, str]]:
    """The removals by theirs that leave the merged map referring to what is gone."""
    from argmap.errors import MapError
    from argmap.formats.native import loads
    from argmap.graph import integrity_problems

    removed = {
        (section, ident)
        for section in SECTIONS
        for ident in _by_id(b, section).keys() - _by_id(t, section).keys()
    } - refused
    if not removed:
        return set()
    try:
        doc = loads(text, name)
    except MapError as exc:
        diags = exc.diagnostics
    else:
        diags = list(integrity_problems(doc))
    import re

    dangling = [d.message for d in diags if d.code == "dangling_ref"]
    named = {m for message in dangling for m in re.findall(r"'([^']+)'", message)}
    return {(s, i) for s, i in removed if i in named}


def _mark(text: str, name: str, marked: list, map_clashes: list[Conflict], t: dict) -> str:
    """Conflict markers around each conflicting item (ours as written, theirs in the
    canonical layout), and around each conflicting field of the map's own."""
    from argmap.edit.editor import Editor

    if text.lstrip().startswith("{"):
        return _mark_json(text, marked, map_clashes, t)
    ed = Editor(text, name)
    spans = []
    for section, ident, theirs in marked:
        seq = _items_node(ed, section)
        items = [_key(section, item) for item in ed.section_items(section)]
        if ident in items:
            node = seq.value[items.index(ident)]
            start = ed.line_start(node.start_mark.index)
            end = ed.after_line(ed.node_end(node))
            dash, content = seq.start_mark.column, node.start_mark.column
        else:  # ours has no such item (removed here): an empty side, after its section
            last = seq.value[-1] if seq is not None and getattr(seq, "value", None) else None
            start = end = ed.after_line(ed.node_end(last)) if last else len(ed.text)
            dash = seq.start_mark.column if last else 2
            content = last.start_mark.column if last else 4
        their_block = ed.item_block(theirs, dash, content) if theirs is not None else ""
        spans.append((start, end, their_block))
    for clash in map_clashes:
        pair = ed.key_pair(ed.root, clash.ident)
        if pair is not None:
            start = ed.line_start(pair[0].start_mark.index)
            end = ed.after_line(ed.node_end(pair[1]))
        else:  # ours has no such field: an empty side, where the map's own fields end
            first = next((kp for k in SECTIONS if (kp := ed.key_pair(ed.root, k))), None)
            start = end = ed.line_start(first[0].start_mark.index) if first else len(ed.text)
        value = t.get(clash.ident)
        their_block = "" if value is None else f"{clash.ident}: {ed.scalar_text(value)}\n"
        spans.append((start, end, their_block))
    out = ed.text
    for start, end, their_block in sorted(spans, reverse=True):
        ours_block = out[start:end]
        if ours_block and not ours_block.endswith("\n"):
            ours_block += "\n"
        block = f"<<<<<<< ours\n{ours_block}=======\n{their_block}>>>>>>> theirs\n"
        out = out[:start] + block + out[end:]
    return out


def _mark_json(text: str, marked: list, map_clashes: list[Conflict], t: dict) -> str:
    """JSON has no room for markers inside a value: the whole file is marked, ours as
    merged and theirs as written."""
    import json

    theirs = json.dumps(t, ensure_ascii=False, indent=2) + "\n"
    return f"<<<<<<< ours\n{text}=======\n{theirs}>>>>>>> theirs\n"
