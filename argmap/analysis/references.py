"""Where each id of a map is defined and used in its text, to the character.

A map names claims, links, sources, groups and tags by id, and refers to them in many
places: a claim's ``supports``/``attacks``/``undercuts`` lists, a link's ``source`` and
``target``, a claim's ``source``, an undercut's target (a link id, which for a link
written without one is ``SOURCE.KIND.TARGET``: it holds two claim ids). An
:class:`Index` lists every such place as an :class:`Occurrence` with its character
offsets in the text, read from the positions the YAML composer records (JSON is YAML's
flow syntax, so JSON maps are read the same way).

This is what an editor needs for go-to-definition, find-references and hover, and what
:func:`rename` uses to change an id everywhere and nothing else.

Examples:
    >>> text = '''title: t
    ... claims:
    ...   - {id: c, text: C, kind: conclusion}
    ...   - {id: p, text: P, supports: [c]}
    ...   - {id: u, text: U, undercuts: [p.support.c]}
    ... '''
    >>> index = Index.of_text(text)
    >>> [(o.role, text[o.start:o.end]) for o in index.find("claim", "c")]
    [('definition', 'c'), ('reference', 'c'), ('reference', 'c')]
    >>> print(rename(text, "claim", "c", "goal"), end="")
    title: t
    claims:
      - {id: goal, text: C, kind: conclusion}
      - {id: p, text: P, supports: [goal]}
      - {id: u, text: U, undercuts: [p.support.goal]}
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from argmap.errors import UsageError

__all__ = ["Occurrence", "Index", "rename", "rename_edits", "Edit", "IdKind"]

IdKind = Literal["claim", "link", "source", "group", "tag"]

_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\Z")
#: A link's id may hold dots and colons too, as argmap's own do (``a.attack.panda:b``).
_LINK_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*\Z")
_LINK_FIELDS = {"supports": "support", "attacks": "attack", "undercuts": "undercut"}


@dataclass(frozen=True)
class Occurrence:
    """One place an id is written: what it names, whether it defines it, and where.

    ``start``/``end`` are character offsets of the id's own characters (inside quotes, if
    it is quoted); ``path`` is where the value stands in the map (``("claims", 3,
    "supports", 0)``). ``link`` is the link an implicit link id stands for, when the
    occurrence is a claim id inside one."""

    kind: IdKind
    ident: str
    start: int
    end: int
    role: Literal["definition", "reference"]
    path: tuple

    @property
    def defines(self) -> bool:
        return self.role == "definition"


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``new``."""

    start: int
    end: int
    new: str


class Index:
    """Every occurrence of an id in a map's text, in text order."""

    def __init__(self, text: str, occurrences: list[Occurrence], data: dict) -> None:
        self.text = text
        self.occurrences = sorted(occurrences, key=lambda o: (o.start, o.end))
        self.data = data
        self._starts = [o.start for o in self.occurrences]
        self._lines = [0, *(m.end() for m in re.finditer("\n", text))]

    @classmethod
    def of_text(cls, text: str, root: Any = None, model: Any = None) -> Index:
        """Index a map's text (``root``: its YAML node tree, and ``model``: the map read from
        it, when the caller has them already).

        Raises:
            ValueError: the text is not well-formed YAML or JSON, or not a mapping.
        """
        import yaml

        from argmap.io.yamltext import Builder, compose_nodes

        if root is None:
            try:
                root = compose_nodes(text)
            except (yaml.YAMLError, RecursionError) as exc:
                raise ValueError(f"not well-formed: {exc}") from None
        if not isinstance(root, yaml.MappingNode):
            raise ValueError("the top level is not a mapping")
        try:
            data = Builder("<text>").build(root)
        except Exception as exc:  # MapError for tags, too_large, duplicate keys
            raise ValueError(str(exc)) from None
        return cls(text, list(_walk(root, data, model)), data)

    # --- looking up ------------------------------------------------------------------------

    def at(self, offset: int) -> Occurrence | None:
        """The occurrence covering character ``offset`` (its end included, so a cursor
        just after an id still finds it)."""
        i = bisect.bisect_right(self._starts, offset)
        # Occurrences overlap only where a claim id stands inside an implicit link id;
        # the narrowest one wins, so the claim id does. Links defined by a shorthand
        # item have no text of their own and are never "at" a place.
        covering = [
            o
            for o in self.occurrences[max(0, i - 8) : i]
            if o.start <= offset <= o.end and o.end > o.start
        ]
        return min(covering, key=lambda o: o.end - o.start, default=None)

    def find(self, kind: IdKind, ident: str) -> list[Occurrence]:
        """Every occurrence of one id, definitions and references, in text order."""
        return [o for o in self.occurrences if o.kind == kind and o.ident == ident]

    def definition(self, kind: IdKind, ident: str) -> Occurrence | None:
        """Where the id is defined (its first definition), or None."""
        return next((o for o in self.find(kind, ident) if o.defines), None)

    def ids(self, kind: IdKind) -> list[str]:
        """The ids of one kind that the text defines (tags: that it uses), in text order."""
        role = "reference" if kind in ("tag", "group") else "definition"
        return list(
            dict.fromkeys(o.ident for o in self.occurrences if o.kind == kind and o.role == role)
        )

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 0-based, of a character offset."""
        line = bisect.bisect_right(self._lines, offset) - 1
        return line, offset - self._lines[line]

    def offset(self, line: int, col: int) -> int:
        """The character offset of a 0-based (line, column), clamped to the text."""
        if line >= len(self._lines):
            return len(self.text)
        start = self._lines[line]
        end = self._lines[line + 1] - 1 if line + 1 < len(self._lines) else len(self.text)
        return min(start + max(col, 0), end)


def _walk(root: Any, data: dict, model: Any = None) -> Iterator[Occurrence]:
    """The occurrences in the composed document ``root`` (whose plain data is ``data``)."""
    top = dict(_pairs(root))
    found_claims, found_links = data.get("claims"), data.get("links")
    claims: list[Any] = found_claims if isinstance(found_claims, list) else []
    links: list[Any] = found_links if isinstance(found_links, list) else []
    # Implicit link ids (SOURCE.KIND.TARGET) are worth splitting into their claim ids only
    # when a link the map writes has that id.
    implicit: set[str] = set()
    for c in claims:
        if isinstance(c, dict) and isinstance(c.get("id"), str):
            for field, kind in _LINK_FIELDS.items():
                for t in c.get(field) or [] if isinstance(c.get(field), list) else []:
                    if isinstance(t, str):
                        implicit.add(f"{c['id']}.{kind}.{t}")
    for lk in links:
        if isinstance(lk, dict) and lk.get("id") is None:
            src, tgt = lk.get("source"), lk.get("target")
            if isinstance(src, str) and isinstance(tgt, str):
                implicit.add(f"{src}.{lk.get('kind') or 'support'}.{tgt}")

    def link_ref(node: Any, path: tuple) -> Iterator[Occurrence]:
        occ = _scalar("link", node, "reference", path)
        if occ is None:
            return
        yield occ
        if occ.ident in implicit:
            source, kind, target = _split_link_id(occ.ident)
            if source is not None and target is not None:
                yield Occurrence(
                    "claim", source, occ.start, occ.start + len(source), "reference", path
                )
                yield Occurrence("claim", target, occ.end - len(target), occ.end, "reference", path)

    for i, (s_node, _) in enumerate(_items(top.get("sources"), data.get("sources"))):
        fields = dict(_pairs(s_node))
        if "id" in fields:
            yield from _opt(_scalar("source", fields["id"], "definition", ("sources", i, "id")))
    for i, (c_node, c) in enumerate(_items(top.get("claims"), claims)):
        fields = dict(_pairs(c_node))
        cid = c.get("id") if isinstance(c, dict) else None
        if "id" in fields:
            yield from _opt(_scalar("claim", fields["id"], "definition", ("claims", i, "id")))
        if "source" in fields:
            yield from _opt(
                _scalar("source", fields["source"], "reference", ("claims", i, "source"))
            )
        for tag_j, tag in enumerate(_seq(fields.get("tags"))):
            yield from _opt(_scalar("tag", tag, "reference", ("claims", i, "tags", tag_j)))
        for field, kind in _LINK_FIELDS.items():
            for j, item in enumerate(_seq(fields.get(field))):
                path = ("claims", i, field, j)
                if kind == "undercut":
                    yield from link_ref(item, path)
                else:
                    yield from _opt(_scalar("claim", item, "reference", path))
                # The item also defines the implicit link CLAIM.KIND.TARGET.
                target = getattr(item, "value", None)
                if isinstance(cid, str) and isinstance(target, str):
                    yield Occurrence(
                        "link",
                        f"{cid}.{kind}.{target}",
                        item.start_mark.index,
                        item.start_mark.index,
                        "definition",
                        path,
                    )
    made = _answer_links(data, model)
    for i, (c_node, _) in enumerate(_items(top.get("claims"), claims)):
        answers = dict(_pairs(c_node)).get("answers")
        for j, a_node in enumerate(_seq(answers)):
            fields = dict(_pairs(a_node))
            path = ("claims", i, "answers", j)
            if "link" in fields:
                yield from link_ref(fields["link"], (*path, "link"))
            if path in made:  # a "no" answer that is an undercut of its own
                at = a_node.start_mark.index
                yield Occurrence("link", made[path], at, at, "definition", path)
    for i, (l_node, lk) in enumerate(_items(top.get("links"), links)):
        fields = dict(_pairs(l_node))
        link_kind = lk.get("kind") if isinstance(lk, dict) else None
        if "id" in fields:
            yield from _opt(_scalar("link", fields["id"], "definition", ("links", i, "id")))
        elif (
            isinstance(lk, dict)
            and isinstance(lk.get("source"), str)
            and isinstance(lk.get("target"), str)
        ):
            at = l_node.start_mark.index
            yield Occurrence(
                "link",
                f"{lk['source']}.{link_kind or 'support'}.{lk['target']}",
                at,
                at,
                "definition",
                ("links", i),
            )
        if "source" in fields:
            yield from _opt(_scalar("claim", fields["source"], "reference", ("links", i, "source")))
        if "target" in fields:
            if link_kind == "undercut":
                yield from link_ref(fields["target"], ("links", i, "target"))
            else:
                yield from _opt(
                    _scalar("claim", fields["target"], "reference", ("links", i, "target"))
                )
        if "group" in fields:
            yield from _opt(_scalar("group", fields["group"], "reference", ("links", i, "group")))


def _answer_links(data: dict, model: Any = None) -> dict[tuple, str]:
    """The undercuts that "no" answers make (see :meth:`argmap.model.ArgMap.iter_links`),
    by where the answer stands; none when the map cannot be read as a whole. ``model``:
    the map read from ``data`` already, if there is one."""
    claims = data.get("claims")
    if not isinstance(claims, list) or not any(
        isinstance(c, dict) and c.get("answers") for c in claims
    ):
        return {}
    if model is None:
        from argmap.model import ArgMap

        try:
            model = ArgMap.model_validate(data)
        except Exception:  # a half-written map: its answers are found again when it reads
            return {}
    return {path: link.key for path, link in model._answer_links()}


def _split_link_id(ident: str) -> tuple[str | None, str | None, str | None]:
    for kind in ("support", "attack", "undercut"):
        sep = f".{kind}."
        if sep in ident:
            source, _, target = ident.partition(sep)
            return source, kind, target
    return None, None, None


def _opt(occ: Occurrence | None) -> Iterator[Occurrence]:
    if occ is not None:
        yield occ


def _pairs(node: Any) -> Iterator[tuple[str, Any]]:
    import yaml

    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode):
                yield k.value, v


def _seq(node: Any) -> list:
    import yaml

    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def _items(node: Any, data: Any) -> Iterator[tuple[Any, Any]]:
    items = _seq(node)
    values = data if isinstance(data, list) else []
    for i, item in enumerate(items):
        yield item, values[i] if i < len(values) else None


def _scalar(kind: IdKind, node: Any, role: str, path: tuple) -> Occurrence | None:
    """The occurrence of a plain or quoted scalar (None for anything else)."""
    import yaml

    if not isinstance(node, yaml.ScalarNode) or node.style in ("|", ">"):
        return None
    start, end = node.start_mark.index, node.end_mark.index
    if node.style in ("'", '"'):
        start, end = start + 1, end - 1
    return Occurrence(kind, node.value, start, end, role, path)  # type: ignore[arg-type]


# --- renaming -------------------------------------------------------------------------------


def rename_edits(index: Index, kind: IdKind, old: str, new: str) -> list[Edit]:
    """The edits that rename id ``old`` to ``new`` everywhere in the indexed text.

    Raises:
        UsageError: ``old`` is not defined, ``new`` is not a slug, or ``new`` names
            another claim, link or source already.
    """
    from argmap.errors import did_you_mean

    if kind not in ("claim", "link", "source"):
        raise UsageError(f"a {kind} cannot be renamed")
    defined = index.definition(kind, old)
    if defined is None:
        raise UsageError(f"no {kind} {old!r} in this map", hint=did_you_mean(old, index.ids(kind)))
    if defined.start == defined.end:
        raise UsageError(
            f"link {old!r} has no id of its own (it is named by its ends and kind)",
            hint="give the link an id: field first, or rename one of its claims",
        )
    limit = 500 if kind == "link" else 200  # as the map's schema holds them
    if len(new) > limit:
        raise UsageError(f"an id holds at most {limit} characters; the new one has {len(new):,}")
    if not (_LINK_ID if kind == "link" else _SLUG).match(new):
        raise UsageError(
            f"{new!r} is not a valid id",
            hint="ids are slugs: letters, digits, '-' and '_', starting with a letter or digit",
        )
    if new == old:
        return []
    if index.definition(kind, new) is not None or (
        kind == "claim" and index.definition("link", new) is not None
    ):
        raise UsageError(f"{new!r} is taken: a {kind} of this map has that id already")
    edits = [
        Edit(o.start, o.end, new)
        for o in index.find(kind, old)
        if o.end > o.start  # an implicit link id is defined by its parts, not written
    ]
    return sorted(edits, key=lambda e: e.start)


def rename(text: str, kind: IdKind, old: str, new: str) -> str:
    """The text with id ``old`` renamed to ``new`` everywhere: definitions, references,
    and the claim ids inside implicit link ids; nothing else changes.

    Raises:
        ValueError: the text cannot be read.
        UsageError: as :func:`rename_edits`.
    """
    index = Index.of_text(text)
    return apply_edits(text, rename_edits(index, kind, old, new))


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits (any order) to ``text``."""
    out = text
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        out = out[: e.start] + e.new + out[e.end :]
    return out
