"""Editing a map file in place, losing nothing.

YAML maps are edited as text: each change replaces, inserts or deletes only the bytes of
what it changes, found through the positions libyaml records, so comments, key order,
blank lines, line wrapping and every untouched part of the file stay exactly as they were.
JSON maps (which carry no comments) are edited as data and written back with two-space
indentation, keys in their order.

Every edit works on an :class:`Editor`, which changes text and reads no file;
:func:`argmap.operations.edit.editing` is the transaction (hold the file, read it, change
it through an editor, validate, write it atomically, or nothing), for every front end:
the command line, the language server, the merge driver, a script.

Examples:
    >>> ed = Editor("title: t\\nclaims:\\n  # the point\\n  - id: c\\n    text: C\\n", "m.yaml")
    >>> ed.add_claim({"id": "p", "text": "P", "supports": ["c"]})
    >>> print(ed.text, end="")
    title: t
    claims:
      # the point
      - id: c
        text: C
      - id: p
        text: P
        supports: [c]
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from argmap.errors import UsageError, did_you_mean

__all__ = [
    "Editor",
    "Removed",
    "SETTABLE",
    "references",
    "LINK_SETTABLE",
]

#: Claim fields that ``argmap set`` may change, and how a value is read.
SETTABLE = {
    "text": str,
    "label": str,
    "kind": str,
    "tags": "list",
    "source": str,
    "quote": str,
    "locator": str,
    "confidence": float,
    "note": str,
    "reconstructed": bool,
    "drafted": "drafted",
    "supports": "list",
    "attacks": "list",
    "undercuts": "list",
}
#: Fields of an explicit link that ``argmap set LINK-ID FIELD VALUE`` may change.
LINK_SETTABLE = {"scheme": str, "role": str, "note": str, "weight": float, "group": str,
                 "drafted": "drafted"}  # fmt: skip
_LINK_LISTS = {"support": "supports", "attack": "attacks", "undercut": "undercuts"}


@dataclass(frozen=True)
class Removed:
    """Something an edit took out, for the user to see."""

    what: str
    ident: str


class Editor:
    """A map file's text, with the edits argmap can make to it.

    Besides the edits, its text surgery is public (finding a key's node or an item's
    lines, writing an item as a block, appending or removing one: :meth:`append_item`,
    :meth:`remove_section_item`), for the merge driver
    (:mod:`argmap.edit.merge`), which splices and marks conflicts with it."""

    def __init__(self, text: str, name: str, *, syntax: str | None = None) -> None:
        self.name = name
        self.syntax = syntax or ("json" if text.lstrip().startswith("{") else "yaml")
        self.text = text
        self.original = text
        #: Each change to the text as made: (start, end of what it replaced, length of
        #: what it wrote), offsets in the text as it was then.
        self.splices: list[tuple[int, int, int]] = []
        self.removed: list[Removed] = []
        if self.syntax == "json":
            self.data = json.loads(text)
        else:
            self._compose()

    # --- reading ---------------------------------------------------------------------------

    def _compose(self) -> None:
        from argmap.io.yamltext import compose_nodes

        self.root = compose_nodes(self.text)

    def value_node(self, mapping: Any, key: str) -> Any:
        for k, v in mapping.value:
            if k.value == key:
                return v
        return None

    def key_pair(self, mapping: Any, key: str) -> tuple[Any, Any] | None:
        for k, v in mapping.value:
            if k.value == key:
                return k, v
        return None

    def section_items(self, key: str) -> list[dict]:
        """The top-level list ``key`` as plain data (for looking things up)."""
        if self.syntax == "json":
            return list(self.data.get(key) or [])
        from argmap.io.yamltext import Builder

        node = self.value_node(self.root, key)
        return Builder(self.name).build(node) if node is not None else []

    def claims(self) -> list[dict]:
        """The claims as plain data."""
        return self.section_items("claims")

    def links(self) -> list[dict]:
        """The explicit links as plain data."""
        return self.section_items("links")

    def sources(self) -> list[dict]:
        """The sources as plain data."""
        return self.section_items("sources")

    def claim_index(self, ident: str) -> int:
        ids = [c.get("id") for c in self.claims()]
        if ident not in ids:
            raise UsageError(
                f"no claim {ident!r} in {self.name}",
                hint=did_you_mean(ident, [i for i in ids if i]),
            )
        return ids.index(ident)

    # --- text surgery ------------------------------------------------------------------------

    def _splice(self, start: int, end: int, new: str) -> None:
        import yaml

        from argmap.errors import Diagnostic, Location, MapError

        self.text = self.text[:start] + new + self.text[end:]
        self.splices.append((start, end, len(new)))
        try:
            self._compose()
        except yaml.YAMLError as exc:  # a layout this editor does not handle: say so
            raise MapError(
                [
                    Diagnostic(
                        "edit_failed",
                        "error",
                        "argmap could not make this change to the file's layout "
                        f"({getattr(exc, 'problem', None) or exc}); "
                        "nothing was written",
                        Location(self.name, 1, 1),
                        hint="run argmap fmt on the file first",
                    )
                ]
            ) from None

    def line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def after_line(self, index: int) -> int:
        """The offset just after the line holding ``index - 1`` (a node's end)."""
        if index > 0 and self.text[index - 1] == "\n":
            return index
        end = self.text.find("\n", index)
        return len(self.text) if end < 0 else end + 1

    def node_end(self, node: Any) -> int:
        """Where a node's own text ends: its last value, not the blank lines and comments
        libyaml counts up to the next node."""
        import yaml

        while (
            isinstance(node, yaml.MappingNode | yaml.SequenceNode)
            and not node.flow_style
            and node.value
        ):
            last = node.value[-1]
            node = last[1] if isinstance(last, tuple) else last
        end = node.end_mark.index
        while end > node.start_mark.index and self.text[end - 1] in " \t\n\r":
            end -= 1
        return end

    @staticmethod
    def scalar_text(value: Any) -> str:
        from argmap.io.yamltext import dump_inline

        return dump_inline(value)

    def item_block(self, item: dict, dash_col: int, content_col: int) -> str:
        from argmap.io.yamltext import dump_item

        body = dump_item(item)
        lines = body.rstrip("\n").split("\n")
        first = " " * dash_col + "-" + " " * (content_col - dash_col - 1) + lines[0]
        return "\n".join([first, *(" " * content_col + line for line in lines[1:])]) + "\n"

    def append_item(self, key: str, item: dict, *, before: str | None = None) -> None:
        """Add ``item`` at the end of the top-level list ``key`` (made if missing: before
        the top-level key ``before`` when given and present, else at the end)."""
        if self.syntax == "json":
            if key not in self.data and before in self.data:
                keys = list(self.data)
                at = keys.index(before)
                self.data = {
                    **{k: self.data[k] for k in keys[:at]},
                    key: [],
                    **{k: self.data[k] for k in keys[at:]},
                }
            self.data.setdefault(key, []).append(item)
            return
        pair = self.key_pair(self.root, key)
        if pair is None or not pair[1].value:
            # No list yet: write the key (or replace an empty one) at the end, block style.
            text = f"{key}:\n" + self.item_block(item, 2, 4)
            anchor = self.key_pair(self.root, before) if before else None
            if pair is not None:
                start = self.line_start(pair[0].start_mark.index)
                end = self.after_line(pair[1].end_mark.index)
                self._splice(start, end, text)
            elif anchor is not None:
                start = self.line_start(anchor[0].start_mark.index)
                # Above the comment lines that belong to the key, too.
                while start > 0:
                    above = self.line_start(start - 1)
                    if not self.text[above:start].lstrip().startswith("#"):
                        break
                    start = above
                self._splice(start, start, text)
            else:
                sep = "" if self.text.endswith("\n") or not self.text else "\n"
                self._splice(len(self.text), len(self.text), sep + text)
            return
        seq = pair[1]
        if seq.flow_style:
            items = [*(self._plain(n) for n in seq.value), item]
            self._splice(seq.start_mark.index, seq.end_mark.index, self.scalar_text(items))
            return
        first, last = seq.value[0], seq.value[-1]
        # A block sequence starts at its first dash; the item may start on that line or,
        # after "- # a comment", on the next one.
        dash_col = seq.start_mark.column
        same_line = seq.start_mark.line == first.start_mark.line
        content_col = first.start_mark.column if same_line else dash_col + 2
        spaced = len(seq.value) > 1 and self._blank_between(seq.value[0], seq.value[1])
        at = self.after_line(self.node_end(last))
        # A file that ends without a line break needs one before the new item.
        lead = "\n" if at == len(self.text) and not self.text.endswith("\n") else ""
        if spaced:
            lead += "\n"
        self._splice(at, at, lead + self.item_block(item, dash_col, content_col))

    def _blank_between(self, a: Any, b: Any) -> bool:
        gap = self.text[self.node_end(a) : self.line_start(b.start_mark.index)]
        return "\n\n" in gap or bool(re.search(r"\n[ \t]*\n", gap))

    def _plain(self, node: Any) -> Any:
        from argmap.io.yamltext import Builder

        return Builder(self.name).build(node)

    def empty_list(self, key: str) -> None:
        """Remove the one item of the top-level list ``key``, leaving ``key: []`` (and the
        comments around it)."""
        pair = self.key_pair(self.root, key)
        assert pair is not None, f"{key}: asked to empty a list the map has"
        k, v = pair
        if v.flow_style:
            self._splice(v.start_mark.index, v.end_mark.index, "[]")
            return
        item = v.value[0]
        colon = self.text.index(":", k.end_mark.index) + 1
        start = self.line_start(item.start_mark.index)
        end = self.after_line(self.node_end(item))
        self.text = self.text[:colon] + " []" + self.text[colon:start] + self.text[end:]
        self.splices += [(start, end, 0), (colon, colon, 3)]  # as if deleted, then inserted
        self._compose()

    def remove_section_item(self, key: str, index: int) -> None:
        """Remove item ``index`` of the top-level list ``key`` (the last one leaves
        ``key: []`` and the comments around it)."""
        if self.syntax == "json":
            del self.data[key][index]
            return
        seq = self.value_node(self.root, key)
        if len(seq.value) == 1:
            self.empty_list(key)
        else:
            self.remove_item(seq, index)

    def remove_item(self, seq: Any, position: int) -> None:
        node = seq.value[position]
        if seq.flow_style:
            items = [self._plain(n) for i, n in enumerate(seq.value) if i != position]
            self._splice(seq.start_mark.index, seq.end_mark.index, self.scalar_text(items))
            return
        start = self.line_start(node.start_mark.index)
        if start > 0:  # "- # a comment" on the line above belongs to the item too
            above = self.line_start(start - 1)
            if re.fullmatch(r"[ \t]*-[ \t]*(#[^\n]*)?\n", self.text[above:start]):
                start = above
        end = self.after_line(self.node_end(node))
        # Take one blank line with it when the item stood between blank lines.
        before_blank = self.text[:start].endswith("\n\n") or start == 0
        if before_blank and self.text[end:].startswith("\n"):
            end += 1
        self._splice(start, end, "")

    def _remove_key(self, mapping: Any, key: str) -> None:
        pairs = mapping.value
        i = next(n for n, (k, _) in enumerate(pairs) if k.value == key)
        k, v = pairs[i]
        if mapping.flow_style:
            start = self.node_end(pairs[i - 1][1]) if i else k.start_mark.index
            end = (
                v.end_mark.index
                if i
                else pairs[i + 1][0].start_mark.index
                if len(pairs) > 1
                else v.end_mark.index
            )
            self._splice(start, end, "")
            return
        self._splice(self.line_start(k.start_mark.index), self.after_line(self.node_end(v)), "")

    def _set_key(self, mapping: Any, key: str, value: Any, order: list[str] | None = None) -> None:
        """Set ``key`` of a mapping; a new key goes where ``order`` (the format's order of
        fields) puts it, before the first key written that comes after it, so that the
        file stays as ``fmt`` writes it; else at the end."""
        pair = self.key_pair(mapping, key)
        rendered = self.scalar_text(value)
        if pair is not None:
            _, v = pair
            self._splice(v.start_mark.index, self.node_end(v), rendered)
            return
        _, last_v = mapping.value[-1]
        if mapping.flow_style:
            at = self.node_end(last_v)
            self._splice(at, at, f", {key}: {rendered}")
            return
        if order is not None and key in order:
            later = set(order[order.index(key) + 1 :])
            following = next((k for k, _ in mapping.value if k.value in later), None)
            if following is not None and following.start_mark.line != mapping.start_mark.line:
                at = self.line_start(following.start_mark.index)
                col = following.start_mark.column
                self._splice(at, at, " " * col + f"{key}: {rendered}\n")
                return
        at = self.after_line(self.node_end(last_v))
        col = mapping.value[0][0].start_mark.column
        lead = "\n" if at == len(self.text) and not self.text.endswith("\n") else ""
        self._splice(at, at, lead + " " * col + f"{key}: {rendered}\n")

    # --- edits -------------------------------------------------------------------------------

    def add_claim(self, claim: dict) -> None:
        """Append a claim."""
        self.append_item("claims", claim)

    def add_link(self, link: dict) -> None:
        """Append an explicit link."""
        self.append_item("links", link)

    def add_source(self, source: dict) -> None:
        """Append a source (the list is made before ``claims:`` when the map has none)."""
        self.append_item("sources", source, before="claims")

    def remove_source(self, ident: str) -> None:
        """Remove a source (and nothing else: claims citing it are the caller's)."""
        ids = [s.get("id") for s in self.sources()]
        if ident not in ids:
            raise UsageError(
                f"no source {ident!r} in {self.name}",
                hint=did_you_mean(ident, [i for i in ids if i]),
            )
        self.remove_section_item("sources", ids.index(ident))
        self.removed.append(Removed("source", ident))

    def set_field(self, ident: str, field: str, value: Any) -> None:
        """Set (or, with ``value`` None, remove) a field of a claim."""
        self.set_item_field("claims", self.claim_index(ident), field, value)

    def set_item_field(self, section: str, index: int, field: str, value: Any) -> None:
        """Set (or, with ``value`` None, remove) a field of item ``index`` of the top-level
        list ``section`` (claims, links, sources), or of the map itself (``section`` None)."""
        if self.syntax == "json":
            item = self.data if section is None else self.data[section][index]
            if value is None:
                item.pop(field, None)
            else:
                item[field] = value
            return
        node = self.root if section is None else self.value_node(self.root, section).value[index]
        if value is None:
            if self.key_pair(node, field) is not None:
                self._remove_key(node, field)
        else:
            self._set_key(node, field, value, _field_order(section))

    def find_link(self, link_id: str) -> tuple:
        """Where link ``link_id`` is written: ``("links", position)`` for an explicit link,
        ``("claims", i, field, j)`` for a shorthand entry on claim ``i``.

        Raises:
            UsageError: no such link.
        """
        from argmap.model import default_link_id

        for position, link in enumerate(self.links()):
            lid = link.get("id") or default_link_id(
                link["source"], link.get("kind", "support"), link["target"]
            )
            if lid == link_id:
                return ("links", position)
        for i, claim in enumerate(self.claims()):
            for kind, key in _LINK_LISTS.items():
                for j, target in enumerate(claim.get(key) or []):
                    if default_link_id(claim["id"], kind, target) == link_id:
                        return ("claims", i, key, j)
        raise UsageError(f"no link {link_id!r} in {self.name}")

    def link_index(self, link_id: str) -> int:
        """Where link ``link_id`` stands under ``links:``.

        Raises:
            UsageError: no such link, or it is written as shorthand on a claim (which has
                no fields of its own).
        """
        where = self.find_link(link_id)
        if where[0] == "links":
            return where[1]
        _, i, field, j = where
        claim = self.claims()[i]
        target = claim[field][j]
        raise UsageError(
            f"link {link_id!r} is written as shorthand on claim "
            f"{claim['id']!r}, where a link has no fields",
            hint=f"write it under links: (argmap unlink, then argmap link "
            f"{claim['id']} {field} {target} with its options)",
        )

    def set_link_field(self, link_id: str, field: str, value: Any) -> None:
        """Set (or, with ``value`` None, remove) a field of an explicit link."""
        self.set_item_field("links", self.link_index(link_id), field, value)

    def remove_link(self, link_id: str) -> str:
        """Remove one link, explicit or shorthand; returns the claim or list it was in."""
        where = self.find_link(link_id)
        holder = "links" if where[0] == "links" else self.claims()[where[1]]["id"]
        self._remove_list_entry(where[:-1], where[-1])
        return holder

    def _remove_list_entry(self, path: tuple, position: int) -> None:
        if self.syntax == "json":
            node = self.data
            for part in path:
                node = node[part]
            del node[position]
            if not node and path[0] == "claims":
                del self.data["claims"][path[1]][path[2]]
            return
        if path[0] == "links":
            self.remove_section_item("links", position)
            return
        claim = self.value_node(self.root, "claims").value[path[1]]
        seq = self.value_node(claim, path[2])
        if len(seq.value) == 1:
            self._remove_key(claim, path[2])
        else:
            self.remove_item(seq, position)

    def remove_claim(self, ident: str) -> None:
        """Remove a claim (and nothing else: see :meth:`references`)."""
        self.remove_section_item("claims", self.claim_index(ident))
        self.removed.append(Removed("claim", ident))

    def rename(self, old: str, new: str, *, kind: str | None = None) -> tuple[str, int]:
        """Rename a claim, link or source id everywhere it is written (shorthand lists,
        links, groups' links, undercut targets, implicit link ids, claims citing a
        source), changing nothing else. ``kind`` says which when ids of several kinds
        are alike (default: claim, then link, then source).

        Returns:
            the kind renamed and how many places changed.

        Raises:
            UsageError: no such id, ``new`` is not a slug, or it is taken.
        """
        from argmap.analysis.references import Index

        text = self.render()
        index = Index.of_text(text)
        if kind is None:
            kind = next(
                (k for k in ("claim", "link", "source") if index.definition(k, old) is not None),
                "claim",
            )
        # Link ids argmap made from their ends (SOURCE.KIND.TARGET, written out) follow a
        # claim that is renamed, as the implicit ones do.
        generated = [lk.get("id") for lk in self.links() if _generated_id(lk)]
        if kind != "claim":
            generated = []
        kind, places = self._rename(index, text, kind, old, new)
        for _ in range(3):  # an undercut's id holds the id of the link it aims at
            renamed_any = False
            for link in self.links():
                ident = link.get("id")
                if not isinstance(ident, str) or ident not in generated:
                    continue
                fresh = _default_id(link)
                if fresh != ident and not any(lk.get("id") == fresh for lk in self.links()):
                    text = self.render()
                    _, more = self._rename(Index.of_text(text), text, "link", ident, fresh)
                    generated[generated.index(ident)] = fresh
                    places += more
                    renamed_any = True
            if not renamed_any:
                break
        return kind, places

    def _rename(self, index: Any, text: str, kind: str, old: str, new: str) -> tuple[str, int]:
        from argmap.analysis.references import apply_edits, rename_edits

        edits = rename_edits(index, kind, old, new)  # type: ignore[arg-type]
        renamed = apply_edits(text, edits)
        if self.syntax == "json":
            self.data = json.loads(renamed)
        else:
            for e in sorted(edits, key=lambda e: e.start, reverse=True):
                self.splices.append((e.start, e.end, len(e.new)))
            self.text = renamed
            self._compose()
        return kind, len(edits)

    def original_place(self, line: int, col: int) -> tuple[int, int] | None:
        """Where a place (1-based line and column) of the edited text stands in the text
        as it was read: the same words, before the edits moved them; the start of what an
        edit replaced, for a place in text it rewrote; None for a place in text the edits
        added, or for a JSON map (which is written anew)."""
        if self.syntax == "json":
            return None
        from argmap.io.positions import offset_of

        offset = offset_of(self.text, line, col)
        for start, end, written in reversed(self.splices):
            if offset < start:
                continue
            if offset >= start + written:
                offset += (end - start) - written
            elif end > start:
                offset = start  # rewritten: where the old words stood
            else:
                return None  # added by this change
        from argmap.io.positions import line_col

        return line_col(self.original, offset)

    def render(self) -> str:
        """The map's text after the edits."""
        if self.syntax == "json":
            return json.dumps(self.data, ensure_ascii=False, indent=2) + "\n"
        return self.text


def references(model: Any, ident: str) -> list[str]:
    """The ids of the links that would dangle if claim ``ident`` went: links from or to it
    written elsewhere than on the claim itself, and the undercuts of any link from or to it.
    Undercuts come first, so removing in this order never leaves one dangling."""
    links = model.all_links()
    claim = next(c for c in model.claims if c.id == ident)
    written_on_claim = {
        f"{ident}.{kind}.{target}"
        for kind, key in _LINK_LISTS.items()
        for target in getattr(claim, key)
    }
    touching = [lk.id for lk in links if ident in (lk.source, lk.target) and lk.kind != "undercut"]
    # Undercuts of those links, undercuts of those undercuts, and so on; the deepest
    # come first so that none is ever left aiming at a removed link.
    gone = set(touching)
    layers: list[list[str]] = []
    while True:
        layer = [
            lk.id
            for lk in links
            if lk.kind == "undercut"
            and lk.id not in gone
            and (lk.target in gone or lk.source == ident)
        ]
        if not layer:
            break
        gone.update(layer)
        layers.append(layer)
    undercuts = [i for layer in reversed(layers) for i in layer]
    return [i for i in dict.fromkeys(undercuts + touching) if i not in written_on_claim]


def _default_id(link: dict) -> str:
    """The id argmap gives a link from its ends: ``SOURCE.KIND.TARGET``."""
    return f"{link.get('source')}.{link.get('kind', 'support')}.{link.get('target')}"


def _generated_id(link: dict) -> bool:
    """Whether a link written under ``links:`` bears the id argmap would give it."""
    return bool(link.get("id")) and link.get("id") == _default_id(link)


def _field_order(section: str | None) -> list[str]:
    """The order ``fmt`` writes the fields of an item of ``section`` in (the map's own
    fields for None)."""
    from pydantic import BaseModel

    from argmap.model import ArgMap, Claim, Link, Source

    models: dict[str, type[BaseModel]] = {"claims": Claim, "links": Link, "sources": Source}
    return list(models.get(section or "", ArgMap).model_fields)
