"""Authoring a map file: each change a person makes from the shell (or an editor, or a
script), as one library call.

Every call opens the file, makes its change to the text byte-precisely
(:class:`argmap.edit.editor.Editor`), validates the result and only then writes it, atomically
(:func:`argmap.edit.editor.editing`, which holds the file meanwhile, so that commands
editing one map take turns); a change that would leave the map invalid raises
:class:`~argmap.errors.MapError` and the file stays byte for byte as it was. Each returns
an :class:`Edited`: the lines to report (an id, what was removed) and the warnings the
change brought, which do not stop it.

Examples:
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "ports.yaml")
    >>> new_map(path, "Should the port open at night?").lines
    []
    >>> add_claim(path, "Open the port at night", kind="conclusion").lines
    ['open-the-port-at-night']
    >>> add_claim(path, "Night work halves waits", supports=["open-the-port-at-night"]).lines
    ['night-work-halves-waits']
    >>> retag(path, "night-work-halves-waits", ["+logistics"]).lines
    ['#logistics']
    >>> for line in remove_claim(path, "open-the-port-at-night", cascade=True).lines:
    ...     print(line)
    removed link night-work-halves-waits.support.open-the-port-at-night
    removed claim open-the-port-at-night
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from argmap.edit.editor import Editor
from argmap.errors import UsageError, did_you_mean

if TYPE_CHECKING:
    from argmap.io.files import Input

__all__ = [
    "Edited",
    "new_map",
    "add_claim",
    "add_link",
    "remove_link",
    "remove_claim",
    "set_field",
    "retag",
    "rename_id",
    "answer",
    "add_source",
    "remove_source",
    "format_files",
    "formatted",
    "RELATIONS",
]


#: How a person names a relation, and the link kind it makes.
RELATIONS = {"supports": "support", "attacks": "attack", "undercuts": "undercut"}


@dataclass
class Edited:
    """What a change reports: ``lines`` for standard output (ids, what was removed),
    ``notes`` for standard error (a file written besides the map), and the ``warnings``
    the change brought (located diagnostics; the change was made)."""

    lines: list[str] = field(default_factory=list)
    warnings: list[Any] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: The files the change rewrote (or, when nothing was to be written, would have).
    changed: list[str] = field(default_factory=list)
    #: A map's text for standard output, byte for byte (``fmt -``): unlike ``lines``, not
    #: a report, so nothing in it is made visible or changed.
    output: str | None = None


# --- one change to a file, as a transaction ------------------------------------------------


@dataclass
class Edit:
    """One change to a map file in progress (see :func:`editing`): the editor on its
    text, the input as read, and, once written, the warnings the change brought."""

    editor: Editor
    input: Any
    warnings: list[Any] = field(default_factory=list)
    #: The text written (None: nothing was, the change was left unmade).
    text: str | None = None


@contextmanager
def editing(path: str) -> Iterator[Edit]:
    """Change a map file as one transaction: the file is held (no other argmap changes it
    meanwhile), read, changed by the body through ``edit.editor``, validated, and written
    atomically over itself when the body ends; an exception in the body, or a change that
    would make the map invalid, writes nothing.

    Examples:
        >>> import os, tempfile
        >>> path = os.path.join(tempfile.mkdtemp(), "m.yaml")
        >>> _ = open(path, "w").write("title: t\\nclaims:\\n  - {id: c, text: C}\\n")
        >>> with editing(path) as edit:
        ...     edit.editor.add_claim({"id": "p", "text": "P", "supports": ["c"]})
        >>> print(open(path).read(), end="")
        title: t
        claims:
          - {id: c, text: C}
          - id: p
            text: P
            supports: [c]

    Raises:
        UsageError: standard input, or the file cannot be read.
        MapError: the map cannot be read, or the change would make it invalid (placed where
            each problem stands in the file as it is on disk).
        BusyError: another command kept the file too long, or it changed behind argmap's
            back while being edited.
    """
    from argmap.formats.native import parse
    from argmap.io.files import held_for_update

    if path == "-":
        raise UsageError("editing needs a map file, not standard input")
    with held_for_update(path) as held:
        inp = held.input
        parse(inp)  # the map must be readable before anything is changed
        syntax = "json" if inp.suffix == ".json" else None
        edit = Edit(Editor(inp.text, inp.name, syntax=syntax), inp)
        yield edit
        text, edit.warnings = _checked(edit.editor, inp)
        held.replace(text)
        edit.text = text


def _checked(editor: Editor, inp: Any) -> tuple[str, list[Any]]:
    """The edited text and the warnings it brings, once validated. Errors the file had
    already (a source text not found here, say) do not block an edit that leaves them as
    they were.

    Raises:
        MapError: the change would make the map invalid, each problem placed where it
            stands in the file as it is on disk.
    """
    from argmap.errors import MapError
    from argmap.io.files import Input

    text = editor.render()
    before = {(d.code, d.message) for d in _problems(inp)}
    new = [
        d
        for d in _problems(Input(text, inp.name, inp.suffix, inp.path))
        if (d.code, d.message) not in before
    ]
    errors = [d for d in new if d.severity == "error"]
    if errors:
        raise MapError([_on_disk(editor, d) for d in errors])
    return text, [d for d in new if d.severity == "warning"]


def _problems(inp: Any) -> list:
    from argmap.analysis.validate import validate
    from argmap.errors import MapError
    from argmap.formats.native import parse

    try:
        doc = parse(inp)
    except MapError as exc:
        return exc.diagnostics
    return [d for d in validate(doc) if d.severity in ("error", "warning")]


def _on_disk(editor: Editor, d: Any) -> Any:
    """A problem of the edited text, told in terms of the file as it is on disk (which the
    refused edit leaves unchanged): its place there, or no place for text the edit adds."""
    from dataclasses import replace

    from argmap.errors import Location

    loc = d.location
    place = editor.original_place(loc.line, loc.col) if loc and loc.line > 0 else None
    where = Location(loc.file, *place) if place else Location(loc.file if loc else editor.name)
    added = "" if place else "in what this change adds, "
    return replace(d, location=where, message=f"refused, nothing written: {added}{d.message}")


# --- the changes -----------------------------------------------------------------------------


def new_map(
    path: str,
    title: str,
    *,
    description: str | None = None,
    authors: list[str] | None = None,
    today: str | None = None,
) -> Edited:
    """Create a new, empty map file: YAML, or JSON for a ``.json`` name. It starts with
    ``argmap: 1``, the format's version, by which editors and argmap's language server know
    a map (no copy of the JSON Schema is written beside it: ``argmap schema`` prints it,
    to install once; see the README).

    Raises:
        UsageError: the file exists, or a field is not valid.
    """
    import datetime
    import json

    from pydantic import ValidationError

    from argmap.io.files import write_output
    from argmap.model import ArgMap

    if Path(path).exists():
        raise UsageError(f"{path}: already exists")
    data: dict[str, Any] = {"argmap": 1, "title": title}
    if description:
        data["description"] = description
    if authors:
        data["authors"] = list(authors)
    data["created"] = today or datetime.date.today().isoformat()
    try:
        ArgMap.model_validate(data)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        name = ".".join(str(p) for p in err["loc"])
        raise UsageError(f"--{name.rstrip('s')}: {err['msg'].lower()}") from None
    if path.endswith(".json"):
        text = json.dumps({**data, "claims": []}, ensure_ascii=False, indent=2) + "\n"
    else:
        from argmap.io.yamltext import dump

        text = dump(data) + "claims: []\n"
    write_output(text, path)
    return Edited()


def _quoted(
    inp: Any, source: str, quote: str | None, locator: str | None
) -> tuple[str | None, str | None]:
    """The quote as the source's text has it and its locator (¶N unless one is given that
    is not a paragraph); an unknown source is refused with how to add it."""
    from argmap.analysis.provenance import find_passage, require_source, stated_paragraph
    from argmap.formats.native import parse

    doc = parse(inp)
    require_source(doc, source)
    if quote is None:
        return quote, locator
    found = find_passage(doc, source, quote, locator=locator)
    if found is None:
        return quote, locator  # no text here: kept as given (validate notes it)
    if locator is None or stated_paragraph(locator) is not None:
        locator = found.locator
    return found.text, locator


def _only_source(editor: Any) -> str:
    """The source a quote is from when none is named: the map's only one.

    Raises:
        UsageError: the map has no source, or several (named, to choose from)."""
    ids = [str(s.get("id")) for s in editor.sources()]
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise UsageError(
            "a quote needs a source, and the map has none",
            hint="add one first: argmap source add MAP --id ID --title TITLE --path TEXT",
        )
    raise UsageError(
        f"the map has {len(ids)} sources: name the quote's ({', '.join(ids)})", option="source"
    )


def add_claim(
    path: str,
    text: str,
    *,
    kind: str = "claim",
    ident: str | None = None,
    supports: list[str] | None = None,
    attacks: list[str] | None = None,
    tags: list[str] | None = None,
    quote: str | None = None,
    source: str | None = None,
    locator: str | None = None,
    confidence: float | None = None,
    note: str | None = None,
    reconstructed: bool = False,
) -> Edited:
    """Add a claim (its id made from its text unless given); report its id. With a
    ``quote``, the words are found in the text of the ``source`` (the map's only source
    when it has one and none is named) and written as it has them, with their paragraph
    as locator. ``reconstructed`` marks a step the mapper adds, which the text leaves
    unstated.

    Raises:
        UsageError: an unknown source, or words found nowhere or in several places.
        MapError: the claim would make the map invalid.
    """
    from argmap.model import ClaimKind
    from argmap.model.ids import from_words

    kinds = [k.value for k in ClaimKind]
    if kind not in kinds:
        raise UsageError(
            f"{kind!r} is not a kind of claim",
            hint=did_you_mean(kind, kinds) or "kinds: " + ", ".join(kinds),
            option="kind",
        )
    if reconstructed and quote:
        raise UsageError(
            "a reconstructed claim quotes nothing: it is the mapper's, not the text's",
            option="reconstructed",
        )
    with editing(path) as edit:
        editor, inp = edit.editor, edit.input
        if quote is not None and source is None:
            source = _only_source(editor)
        if source is not None:
            quote, locator = _quoted(inp, source, quote, locator)
        taken = {str(c.get("id")) for c in editor.claims()}
        claim_id = ident or from_words(text, taken)
        claim: dict[str, Any] = {"id": claim_id, "text": text, "kind": kind}
        optional = {
            "tags": tags,
            "source": source,
            "quote": quote,
            "locator": locator,
            "confidence": confidence,
            "note": note,
            "supports": supports,
            "attacks": attacks,
            "reconstructed": reconstructed,
        }
        claim.update({k: list(v) if isinstance(v, list) else v for k, v in optional.items() if v})
        editor.add_claim(claim)
    return Edited([claim_id], edit.warnings)


def add_link(
    path: str,
    source: str,
    relation: str,
    target: str,
    *,
    ident: str | None = None,
    group: str | None = None,
    note: str | None = None,
    weight: float | None = None,
) -> Edited:
    """Link two claims (``relation``: supports, attacks, or undercuts with a link id as
    ``target``); report the link's id."""
    from argmap.formats.native import parse
    from argmap.model import default_link_id

    with editing(path) as edit:
        editor = edit.editor
        kind = RELATIONS[relation]
        same = [
            lk.id
            for lk in parse(edit.input).model.all_links()
            if (lk.source, lk.target, lk.kind.value, lk.group) == (source, target, kind, group)
        ]
        if same:  # one link twice would count twice wherever links are weighed
            raise UsageError(
                f"{source} {relation} {target} already: link {same[0]}",
                hint=f"change that one instead: argmap set {path} {same[0]} FIELD VALUE",
            )
        item: dict[str, Any] = {"id": ident} if ident else {}
        item.update(source=source, target=target, kind=kind)
        optional = {"group": group, "note": note, "weight": weight}
        item.update({k: v for k, v in optional.items() if v is not None})
        editor.add_link(item)
    return Edited([ident or default_link_id(source, kind, target)], edit.warnings)


def remove_link(
    path: str, first: str, relation: str | None = None, target: str | None = None
) -> Edited:
    """Remove a link, named by its id (``first`` alone) or as SOURCE RELATION TARGET;
    report its id."""
    from argmap.model import default_link_id

    if (relation is None) != (target is None):
        raise UsageError("name a link by its id, or as SOURCE RELATION TARGET")
    from argmap.formats.native import parse

    with editing(path) as edit:
        link_id = first
        if relation is not None:
            kind = RELATIONS[relation]
            matching = [
                lk.key
                for lk in parse(edit.input).model.all_links()
                if (lk.source, lk.target, lk.kind.value) == (first, target, kind)
            ]
            if len(matching) > 1:
                # Two links say it (shorthand on the claim and an entry under links:,
                # say): which one goes is the user's choice, not argmap's.
                raise UsageError(
                    f"{len(matching)} links say {first} {relation} {target}: {', '.join(matching)}",
                    hint=f"name the one to remove by its id: argmap unlink {path} LINK-ID",
                )
            link_id = matching[0] if matching else default_link_id(first, kind, cast(str, target))
        edit.editor.remove_link(link_id)
    return Edited([link_id], edit.warnings)


def remove_claim(path: str, ident: str, *, cascade: bool = False) -> Edited:
    """Remove a claim; refused while links point at it, unless ``cascade`` (which removes
    them too and reports each)."""
    from argmap.edit.editor import references
    from argmap.formats.native import parse

    with editing(path) as edit:
        editor, inp = edit.editor, edit.input
        editor.claim_index(ident)
        dangling = references(parse(inp).model, ident)
        if dangling and not cascade:
            raise UsageError(
                f"{ident!r} is still linked: {', '.join(dangling)}",
                hint="remove those links first, or use --cascade",
            )
        for link_id in dangling:
            editor.remove_link(link_id)
        editor.remove_claim(ident)
    return Edited(
        [f"removed link {i}" for i in dangling] + [f"removed claim {ident}"], edit.warnings
    )


def _retagged(tags: list[str], changes: list[str]) -> list[str]:
    """Tags after +T (add) and -T (remove) changes, in order, without repeats."""
    out = list(tags)
    for change in (c.strip() for c in changes):
        if not change:
            continue
        sign, tag = change[0], change[1:].strip()
        if sign not in "+-" or not tag:
            raise UsageError(f"{change!r}: write +TAG to add a tag, -TAG to remove one")
        if sign == "+" and tag not in out:
            out.append(tag)
        elif sign == "-":
            if tag not in out:
                raise UsageError(f"the claim has no tag {tag!r}", hint=f"its tags: {out}")
            out.remove(tag)
    return out


_TRUTH = {"true": True, "yes": True, "false": False, "no": False}


def _parsed(name: str, reader: Any, value: str, current_tags: Any) -> Any:
    """A field's value as written on the command line, read as the field takes it."""
    if name == "tags" and value.strip()[:1] in ("+", "-"):
        return _retagged(current_tags(), value.split(",")) or None
    if reader == "list":
        return [v.strip() for v in value.split(",") if v.strip()]
    if reader is float:
        try:
            return float(value)
        except ValueError:
            raise UsageError(f"{name} takes a number, not {value!r}") from None
    if reader == "drafted":  # false (or no): reviewed, the field goes; else a score
        word = value.strip().lower()
        if word in _TRUTH:
            if _TRUTH[word]:
                raise UsageError("drafted takes false (reviewed) or a score from 0 to 1")
            return None
        return _parsed(name, float, value, current_tags)
    if reader is bool:
        if value.strip().lower() not in _TRUTH:
            raise UsageError(f"{name} takes true or false, not {value!r}")
        return _TRUTH[value.strip().lower()] or None  # false: the field goes
    return value


#: The map's own fields ``set`` changes, and how a value is read.
MAP_FIELDS = {"title": "str", "description": "str", "authors": "list", "tags": "list",
              "created": "date", "updated": "date"}  # fmt: skip


def set_field(path: str, ident: str, name: str | None, value: str | None) -> Edited:
    """Set one field of a claim, or of a link written under ``links:`` (``value`` as
    written on the command line: a list comma-separated, tags as +T/-T changes too);
    None removes the field. A quote is found in the claim's source text. An ``ident``
    that is one of :data:`MAP_FIELDS` and names no claim or link sets the map's own field
    (``name`` its value; None removes it).

    Raises:
        UsageError: no claim or link has the id (with a did-you-mean), or the field is not
            one it has.
    """
    from argmap.edit.editor import LINK_SETTABLE, SETTABLE

    with editing(path) as edit:
        editor, inp = edit.editor, edit.input
        claim_ids = [str(c.get("id")) for c in editor.claims()]
        from argmap.formats.native import parse

        # Every link's id, given or derived (one written as shorthand too: setting its
        # fields says how to write it out).
        link_ids = [lk.key for lk in parse(inp).model.all_links()]
        is_claim = ident in claim_ids
        if not is_claim and ident not in link_ids:
            if ident in MAP_FIELDS and value is None:
                _set_map_field(editor, ident, name)
                return Edited([], edit.warnings)
            hint = did_you_mean(ident, [*claim_ids, *link_ids, *MAP_FIELDS])
            raise UsageError(
                f"no claim or link of {path} has the id {ident!r}",
                hint=hint or "the map's own fields are set by name: argmap set MAP title TEXT",
            )
        if name is None:
            raise UsageError(f"give the FIELD of {ident!r} to set")
        fields = SETTABLE if is_claim else LINK_SETTABLE
        if name not in fields:
            what = "a claim" if is_claim else "a link"
            raise UsageError(f"cannot set {name!r} of {what}", hint=did_you_mean(name, fields))

        def current_tags() -> list[str]:
            return editor.claims()[editor.claim_index(ident)].get("tags") or []

        parsed = None if value is None else _parsed(name, fields[name], value, current_tags)
        if not is_claim:
            editor.set_link_field(ident, name, parsed)
        else:
            if name == "quote" and parsed is not None:
                claim = editor.claims()[editor.claim_index(ident)]
                if not claim.get("source"):
                    raise UsageError(
                        f"claim {ident!r} cites no source to quote",
                        hint=f"set one first: argmap set {path} {ident} source SOURCE",
                    )
                parsed, locator = _quoted(inp, claim["source"], parsed, claim.get("locator"))
                if locator is not None and locator != claim.get("locator"):
                    editor.set_field(ident, "locator", locator)
            editor.set_field(ident, name, parsed)
            if (
                name in ("text", "quote")
                and "drafted" in editor.claims()[editor.claim_index(ident)]
            ):
                editor.set_field(ident, "drafted", None)  # reworded: reviewed
    return Edited([], edit.warnings)


def _set_map_field(editor: Any, name: str, value: str | None) -> None:
    """Set (None: remove) one of the map's own fields, its value checked as the map
    reads it."""
    kind = MAP_FIELDS[name]
    if value is None:
        if name == "title":
            raise UsageError("a map needs its title: give a new one instead")
        editor.set_item_field(None, 0, name, None)
        return
    parsed: Any = value
    if kind == "list":
        parsed = [v.strip() for v in value.split(",") if v.strip()] or None
    elif kind == "date" and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value.strip()):
        raise UsageError(f"{name} must be a date: YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    elif kind == "str" and not value.strip():
        raise UsageError(f"{name} cannot be empty")
    editor.set_item_field(None, 0, name, parsed)


def retag(path: str, ident: str, changes: list[str]) -> Edited:
    """Add (+TAG) and remove (-TAG) tags of a claim; report its tags (``(no tags)``)."""
    with editing(path) as edit:
        editor = edit.editor
        tags = _retagged(editor.claims()[editor.claim_index(ident)].get("tags") or [], changes)
        editor.set_field(ident, "tags", tags or None)
    return Edited([" ".join(f"#{t}" for t in tags) or "(no tags)"], edit.warnings)


def rename_id(path: str, old: str, new: str, *, kind: str | None = None) -> Edited:
    """Rename a claim, link or source id (``kind``: which; default claim, then link, then
    source) and every reference to it; report what changed and in how many places."""
    with editing(path) as edit:
        editor = edit.editor
        renamed, places = editor.rename(old, new, kind=kind)
    shown = f"renamed {renamed} {old} to {new} ({places} place{'s' * (places != 1)})"
    return Edited([shown], edit.warnings)


def answer(path: str, ident: str, link: str, question: str, verdict: str) -> Edited:
    """Record that claim ``ident`` answers ``question`` of the inference ``link`` with
    yes or no (answering again replaces the claim's answer)."""
    from argmap.analysis.schemes import with_answer
    from argmap.formats.native import parse

    with editing(path) as edit:
        editor, inp = edit.editor, edit.input
        answers = with_answer(parse(inp).model, ident, link, question, verdict.lower())
        editor.set_field(ident, "answers", answers)
    return Edited([], edit.warnings)


def iso_date(text: str) -> str | None:
    """A date as a header writes it (``March 25, 2025``, ``25 March 2025``, ``2025-03-25``)
    in the form a map takes (``2025-03-25``); None when it cannot be read.

    Examples:
        >>> iso_date("March 25, 2025"), iso_date("25 Mar 2025"), iso_date("soon")
        ('2025-03-25', '2025-03-25', None)
    """
    import datetime

    text = " ".join(text.replace(",", " ").split())
    if re.fullmatch(r"\d{4}(-\d{2}){0,2}", text):
        return text
    for form in ("%B %d %Y", "%d %B %Y", "%b %d %Y", "%d %b %Y", "%Y/%m/%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, form).date().isoformat()
        except ValueError:
            continue
    return None


def add_source(
    path: str,
    ident: str,
    title: str | None = None,
    *,
    author: str | None = None,
    date: str | None = None,
    url: str | None = None,
    text_path: str | None = None,
) -> Edited:
    """Add a source (``text_path``: a local copy of its text, relative to the map);
    report its id. Fields not given are taken from the header block at the top of the
    text, where it has one (``Title:``, ``Author:``, ``Date:``, ``URL:`` lines, or front
    matter); each taken so is reported.

    Raises:
        UsageError: the id is taken, or no title is given and the text's header has none.
    """
    from argmap.analysis.provenance import load_source, split_header
    from argmap.io.files import NamedFiles

    taken: list[str] = []
    header: dict[str, str] = {}
    if text_path is not None:
        try:
            _, text = load_source(NamedFiles(path), text_path)
            header, _ = split_header(text.text)
        except (OSError, UnicodeDecodeError):
            header = {}  # no text there (yet): validate says so
    given = {"title": title, "author": author, "date": date, "url": url}
    for key, said in header.items():
        value = iso_date(said) if key == "date" else said
        if given.get(key) is None and value:
            given[key] = value
            taken.append(f"{key} from the text's header: {value}")
    if not given["title"]:
        raise UsageError(
            "a source needs a title, and its text has no header giving one", option="title"
        )
    with editing(path) as edit:
        editor = edit.editor
        if ident in {s.get("id") for s in editor.sources()}:
            raise UsageError(f"{ident!r} is taken: the map has a source with that id already")
        source: dict[str, Any] = {"id": ident, "title": given["title"]}
        optional = {**given, "path": text_path}
        source.update({k: v for k, v in optional.items() if v is not None and k != "title"})
        editor.add_source(source)
    return Edited([ident], edit.warnings, notes=taken)


def remove_source(path: str, ident: str, *, cascade: bool = False) -> Edited:
    """Remove a source; refused while a claim cites it, unless ``cascade`` (which takes
    the source, quote and locator off those claims and reports each)."""
    with editing(path) as edit:
        editor = edit.editor
        citing = [c["id"] for c in editor.claims() if c.get("source") == ident]
        if citing and not cascade:
            raise UsageError(
                f"source {ident!r} is cited by {', '.join(citing)}",
                hint="take it off those claims first, or use --cascade",
            )
        for claim in citing:
            for name in ("source", "quote", "locator"):
                editor.set_field(claim, name, None)
        editor.remove_source(ident)
    return Edited(
        [f"uncited by claim {c}" for c in citing] + [f"removed source {ident}"], edit.warnings
    )


def format_files(
    paths: list[str], *, check: bool = False, diff: bool = False, fix: bool = False
) -> Edited:
    """Rewrite map files (folders: the maps in them, see
    :func:`argmap.operations.validate.find_maps`) in the canonical order and layout,
    comments and shorthand kept (:func:`formatted`). With ``check`` or ``diff``, write
    nothing: the lines name each file that would change (``would reformat``), or, with
    ``diff``, are a unified diff of the changes. ``-`` alone formats standard input onto
    standard output (:func:`_format_stdin`). With ``fix``, ``¶N`` locators that name
    another paragraph than the one their quote stands in are set to it.

    Raises:
        MapError: a file is not a valid map (nothing of it is written).
    """
    from argmap.io.files import held_for_update, read_input
    from argmap.operations.validate import find_maps

    if "-" in paths:
        return _format_stdin(paths, check=check, diff=diff, fix=fix)
    changed: list[str] = []
    lines: list[str] = []
    for path in find_maps(paths):
        if check or diff:
            inp = read_input(path)
            text = formatted(inp, fix=fix)
            if text != inp.text:
                changed.append(path)
                if diff:
                    lines += _unified(inp.text, text, path)
            continue
        with held_for_update(path) as held:
            inp = held.input
            text = formatted(inp, fix=fix)
            if text != inp.text:
                changed.append(path)
                held.replace(text)
    if diff:
        return Edited(lines, changed=changed)
    verb = "would reformat" if check else "reformatted"
    return Edited([f"{verb} {p}" for p in changed], changed=changed)


def formatted(inp: Input, *, fix: bool = False) -> str:
    """A map's text (an input read) in the canonical order and layout, comments and
    shorthand kept (:func:`argmap.edit.layout.canonical_layout`); JSON stays JSON (by its
    suffix, else by its first character). With ``fix``, each ``¶N`` locator that names
    another paragraph than its quote's (``locator_mismatch``) is set to the quote's.

    Raises:
        MapError: the text is not a valid map (a map that does not read is not formatted).
    """
    from argmap.edit.layout import canonical_layout
    from argmap.formats.native import parse

    doc = parse(inp)
    json_syntax = inp.suffix == ".json" or (not inp.suffix and inp.text.lstrip()[:1] == "{")
    text = inp.text
    if fix:
        from argmap.analysis.provenance import check_quotes

        misplaced = check_quotes(doc).misplaced
        editor = Editor(text, inp.name)
        own = [str(c.get("id")) for c in editor.claims() if c.get("id") in misplaced]
        for ident in own:  # a used map's claims are that file's to fix
            editor.set_field(ident, "locator", f"¶{misplaced[ident]}")
        if own:
            text = editor.render()
    return canonical_layout(text, json_syntax=json_syntax)


def _format_stdin(paths: list[str], *, check: bool, diff: bool, fix: bool = False) -> Edited:
    """:func:`format_files` of standard input, as a formatter an editor pipes a buffer
    through: the map formatted, on standard output (with ``check``, the line saying it
    would change; with ``diff``, the diff). ``changed`` is ``["-"]`` when it would change.

    Raises:
        UsageError: ``-`` is given with other paths.
        MapError: the text is not a valid map.
    """
    from argmap.errors import UsageError
    from argmap.io.files import read_input

    if paths != ["-"]:
        raise UsageError("- (standard input) is formatted on its own, not with other maps")
    inp = read_input("-")
    text = formatted(inp, fix=fix)
    changed = ["-"] if text != inp.text else []
    if diff:
        return Edited(_unified(inp.text, text, "-") if changed else [], changed=changed)
    if check:
        return Edited(["would reformat -"] if changed else [], changed=changed)
    return Edited(output=text, changed=changed)


def _unified(before: str, after: str, path: str) -> list[str]:
    import difflib

    return [
        line.rstrip("\n")
        for line in difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"{path} (as it is)",
            tofile=f"{path} (formatted)",
        )
    ]
