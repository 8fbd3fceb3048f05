"""argmap's own format: one schema (:mod:`argmap.model`) in YAML or JSON syntax.

Reading is safe (no object construction), bounded (input size, alias
expansion), and every problem is reported with file, line and column, all of
them at once. Writing is canonical and deterministic: shorthand links moved into
``links``, fields in schema order, claims and links in document order.

Examples:
    >>> doc = loads("title: T\\nclaims:\\n  - id: c\\n    text: C\\n    kind: conclusion\\n")
    >>> doc.model.claims[0].kind.value
    'conclusion'
    >>> print(dump_json(doc.model), end="")
    {
      "argmap": 1,
      "title": "T",
      "claims": [
        {
          "id": "c",
          "text": "C",
          "kind": "conclusion"
        }
      ]
    }
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from argmap.errors import Diagnostic, Location, MapError, did_you_mean
from argmap.io.files import Input
from argmap.io.yamltext import MAX_NODES, Builder, compose, int_or_inf, load_with_positions
from argmap.model import ArgMap, Claim, Link, Path, Scheme, Source, Use
from argmap.model.document import Document, format_path

__all__ = ["parse", "loads", "dump_json", "dump_yaml", "write_json", "write_yaml", "LOSSES",
           "MAX_NODES"]  # fmt: skip

#: argmap's own format carries everything a map holds.
LOSSES: set[str] = set()

if TYPE_CHECKING:
    from pydantic import BaseModel

    from argmap.formats.registry import Drawing
    from argmap.model.document import Document

_MODELS: dict[str, type[BaseModel]] = {
    "sources": Source, "claims": Claim, "links": Link, "schemes": Scheme, "uses": Use,
}  # fmt: skip


def loads(text: str, name: str = "<map>", *, syntax: str | None = None) -> Document:
    """Parse map text (YAML or JSON) into a :class:`Document`."""
    return parse(Input(text, name, f".{syntax}" if syntax else ""))


def parse(
    inp: Input,
    *,
    syntax: str | None = None,
    composed: Any = None,
    own_only: bool = False,
    _chain: tuple = (),
    _seen: dict | None = None,
) -> Document:
    """Parse an input in the native format; a map that ``uses`` others is read with them
    (:func:`argmap.model.debate.combine`).

    Args:
        inp: the text and its name.
        syntax: ``"json"`` or ``"yaml"``; guessed from the suffix, then the text, when None.
        composed: the YAML node tree of ``inp.text`` (:func:`compose`), when the caller
            has it already (an editor that also indexes the text composes it once).
        own_only: the map as its file holds it, the maps it uses not read (their claims
            named, ``NAME:ID``, and not there).

    Raises:
        MapError: the text is empty, not well-formed, or does not fit the schema.
    """
    syntax = syntax or _guess_syntax(inp)
    if not inp.text.strip():
        raise MapError([Diagnostic("empty", "error", "the map is empty", Location(inp.name, 1, 1))])
    if inp.text.startswith("<<<<<<< ") or "\n<<<<<<< " in inp.text:
        _refuse_conflict_markers(inp)
    if composed is not None:
        data, positions = load_with_positions(inp.text, inp.name, composed)
    elif syntax == "json":
        fast = _fast_json(inp)
        if fast is not None:
            return fast if own_only else _with_uses(fast, _chain, _seen)
        data, positions = _load_json(inp)
    else:
        data, positions = load_with_positions(inp.text, inp.name)
    if not isinstance(data, dict):
        kind = type(data).__name__ if data is not None else "nothing"
        raise MapError(
            [
                Diagnostic(
                    "not_a_map",
                    "error",
                    f"the top level must be a mapping with title, claims and links, not {kind}",
                    Location(inp.name, 1, 1),
                )
            ]
        )
    from pydantic import ValidationError

    try:
        model = ArgMap.model_validate(data)
    except ValidationError as exc:
        doc = Document(ArgMap.model_construct(title="?"), inp.name, inp.path, positions, inp.files)
        found = _schema_diagnostics(exc, doc, data) + _beyond_schema(data, exc, inp, positions)
        raise MapError(sorted(found, key=_place)) from None
    doc = Document(model, inp.name, inp.path, positions, inp.files)
    return doc if own_only else _with_uses(doc, _chain, _seen)


def _refuse_conflict_markers(inp: Input) -> None:
    """A map that still holds a merge's conflict markers: one located error per block,
    saying what it is (rather than the YAML error it would otherwise give).

    Raises:
        MapError: there is at least one ``<<<<<<<`` ... ``>>>>>>>`` block.
    """
    found = []
    start = None
    for n, line in enumerate(inp.text.split("\n"), 1):
        if line.startswith("<<<<<<< "):
            start = n
        elif line.startswith(">>>>>>> ") and start is not None:
            found.append(Diagnostic(
                "merge_conflict", "error",
                f"an unresolved merge conflict (lines {start}-{n}): keep ours, theirs or "
                "both, then delete the <<<<<<<, ======= and >>>>>>> lines",
                Location(inp.name, start, 1),
            ))  # fmt: skip
            start = None
    if found:
        raise MapError(found)


def _with_uses(doc: Document, chain: tuple, seen: dict | None) -> Document:
    if not doc.model.uses:
        return doc
    from argmap.model.debate import combine

    def read_used(named: str, target: Any, chain: tuple, seen: dict) -> Document:
        """A used map, read as its map names it (inside the project, a regular file), with
        its own uses folded in; each file once (``seen``)."""
        from argmap.io.files import MAX_INPUT_BYTES, decode

        key = str(target)
        if key not in seen:
            try:
                real, data = doc.files.read(named, max_bytes=MAX_INPUT_BYTES)
                files = doc.files.relative_to(real)
                used = Input(decode(data, str(real)), str(real), real.suffix.lower(), real, files)
                seen[key] = parse(used, _chain=chain, _seen=seen)
            except Exception as exc:  # a broken map is as broken by every way to it
                seen[key] = exc
        found = seen[key]
        if isinstance(found, Exception):
            raise found
        return found

    return combine(doc, read_used, _chain=chain, _seen=seen)


def _place(d: Diagnostic) -> tuple[int, int]:
    return (d.location.line, d.location.col) if d.location else (0, 0)


#: The fields a map's items cannot do without, and what stands in for a missing one while
#: the rest of the map is checked.
_STAND_INS = {"text": "?", "title": "?"}
_PLACEHOLDER = "argmap-placeholder-"


def _beyond_schema(data: dict, exc: Any, inp: Input, positions: Any) -> list[Diagnostic]:
    """The reference, graph and quote errors of a map that also breaks the schema, so that
    one run reports them all: the schema's faults are set aside (an unknown key dropped, a
    bad optional value dropped, a missing text stood in for) and the rest is validated as
    usual; its errors are kept (warnings wait until the map reads). Where that cannot be
    done soundly, nothing more is reported."""
    import copy

    from pydantic import ValidationError

    repaired = copy.deepcopy(data)
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        if len(loc) < 3 or loc[0] not in _MODELS or not isinstance(loc[1], int):
            return []  # the map's own shape is wrong: nothing sound to check further
        items = repaired.get(loc[0])
        item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
        if not isinstance(item, dict):
            return []
        field = loc[2]
        required = _MODELS[loc[0]].model_fields.get(str(field))
        if err["type"] != "extra_forbidden" and required is not None and required.is_required():
            if field == "id" and loc[0] == "claims":
                item["id"] = f"{_PLACEHOLDER}{loc[1]}"
            elif field in _STAND_INS:
                item[field] = _STAND_INS[field]
            else:
                return []
        else:
            item.pop(field, None)
    try:
        model = ArgMap.model_validate(repaired)
    except ValidationError:
        return []
    from argmap.analysis.validate import validate

    return [
        d
        for d in validate(Document(model, inp.name, inp.path, positions, inp.files))
        if d.severity == "error" and _PLACEHOLDER not in d.message
    ]


def _guess_syntax(inp: Input) -> str:
    if inp.suffix == ".json":
        return "json"
    if inp.suffix in (".yaml", ".yml"):
        return "yaml"
    return "json" if inp.text.lstrip().startswith("{") else "yaml"


# --- JSON ---------------------------------------------------------------------------------


def _fast_json(inp: Input) -> Document | None:
    """A valid JSON map, parsed by jiter (which refuses duplicate keys, as a map must) and
    validated by pydantic-core: the common case, and much the fastest for large maps. None
    when anything is wrong, so that the slow path can say exactly what and where."""
    import jiter
    from pydantic import ValidationError

    try:
        data = jiter.from_json(inp.text.encode(), catch_duplicate_keys=True)
    except ValueError:
        return None  # not JSON, or a key twice: the slow path locates it
    if not isinstance(data, dict):
        return None
    try:
        model = ArgMap.model_validate(data)
    except (ValidationError, ValueError, OverflowError):
        return None
    return Document(model, inp.name, inp.path, _lazy_json_positions(inp), inp.files)


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _DuplicateKey(next(k for i, (k, _) in enumerate(pairs) if k in dict(pairs[:i])))
    return out


def _lazy_json_positions(inp: Input):
    cache: list[Any] = []

    def positions(path: Path, key: bool) -> tuple[int, int]:
        # Positions are needed only to report a problem: read them then, once.
        if not cache:
            cache.append(json_positions(inp.text))
        return cache[0](path, key)

    return positions


_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def json_positions(text: str):
    """A lookup of (line, col) for a path in JSON text, as :func:`argmap.io.yamltext.positions`
    gives for YAML: the value's place (or its key's, with ``key``), or the nearest enclosing one's.

    Only the containers a path passes through are read, each once, their items skipped by
    the C JSON decoder: locating problems in a 40 MB map costs about what parsing it does.
    Text that is not JSON locates as far as it can be read.

    Examples:
        >>> at = json_positions('{"title": "t",\\n "claims": [{"id": "c"}, 7]}')
        >>> at(("claims", 0, "id"), False), at(("claims", 1), False), at(("claims",), True)
        ((2, 20), (2, 26), (2, 2))
    """

    decoder = json.JSONDecoder()

    # The pattern matches anywhere (it takes no characters at the least): never None. The
    # bound method itself, called for every item passed: no function of ours in between.
    space = cast(Callable[[str, int], re.Match[str]], _JSON_SPACE.match)

    # Lines are counted only between known places, on demand (the text's lines are not
    # listed up front: that alone would cost a third of a second for a 40 MB map).
    from argmap.io.positions import Lines

    lines = Lines(text)
    # For each container read so far (by where it starts): its items found, as (key or
    # index, where the key starts, where the value starts), and where reading goes on
    # (-1 once it is read to its end). Items are read only as far as a lookup needs.
    items: dict[int, list] = {}

    def item(at: int, part: Any) -> tuple[Any, int, int] | None:
        entry = items.get(at)
        if entry is None:
            opening = text[at : at + 1]
            entry = items[at] = [[], space(text, at + 1).end() if opening in "{[" else -1]
        found, i = entry
        is_array = text[at : at + 1] == "["
        if is_array and isinstance(part, int) and 0 <= part < len(found):
            return found[part]
        if not is_array:
            hit = next((c for c in found if c[0] == str(part)), None)
            if hit is not None:
                return hit
        try:
            while i >= 0 and i < len(text) and text[i] not in "}]":
                if not is_array:
                    key, j = decoder.raw_decode(text, i)
                    k = space(text, j).end()
                    if text[k : k + 1] != ":":
                        i = -1
                        break
                    v = space(text, k + 1).end()
                    child = (key, i, v)
                else:
                    v = i
                    child = (len(found), v, v)
                found.append(child)
                _, j = decoder.raw_decode(text, v)
                i = space(text, j).end()
                i = space(text, i + 1).end() if text[i : i + 1] == "," else -1
                if child[0] == part or (not is_array and child[0] == str(part)):
                    entry[1] = i
                    return child
            i = -1
        except (ValueError, RecursionError):
            i = -1  # located as far as the text reads
        entry[1] = i
        return None

    root = space(text, 0).end()

    def positions(path: Path, key: bool) -> tuple[int, int]:
        at = best = root
        for i, part in enumerate(path):
            found = item(at, part)
            if found is None:
                break
            best = found[1] if (key and i == len(path) - 1) else found[2]
            at = found[2]
        return lines.line_col(best)

    return positions


def _load_json(inp: Input) -> tuple[Any, Any]:
    try:
        data = json.loads(inp.text, object_pairs_hook=_no_duplicates, parse_int=int_or_inf)
    except _DuplicateKey:
        # Where: the YAML composer reads JSON too, and refuses the duplicate with its place.
        Builder(inp.name).build(compose(inp.text, inp.name))
        raise MapError(  # not reached unless the composer disagrees with json
            [Diagnostic("duplicate_key", "error", "duplicate key", Location(inp.name, 1, 1))]
        ) from None
    except json.JSONDecodeError as exc:
        where = Location(inp.name, exc.lineno, exc.colno)
        raise MapError([Diagnostic("syntax", "error", f"invalid JSON: {exc.msg}", where)]) from None
    except RecursionError:
        raise MapError(
            [Diagnostic("too_deep", "error", "JSON nested too deeply", Location(inp.name, 1, 1))]
        ) from None

    return data, _lazy_json_positions(inp)


# --- schema errors ------------------------------------------------------------------------


def _schema_diagnostics(exc: Any, doc: Document, data: Any = None) -> list[Diagnostic]:
    diags = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        diags.append(_schema_diagnostic(err, loc, doc, data))
    return sorted(diags, key=lambda d: (d.location.line, d.location.col) if d.location else (0, 0))


_ITEM = {"claims": "claim", "links": "link", "sources": "source", "schemes": "scheme",
         "uses": "used map"}  # fmt: skip


def _named(loc: Path, data: Any) -> str:
    """A place in a map as its writer knows it: an item by its id where it has one
    (``kind of claim 'a'``), else by its place (``claims[3].kind``)."""
    if len(loc) >= 2 and loc[0] in _ITEM and isinstance(loc[1], int) and isinstance(data, dict):
        items = data.get(loc[0])
        item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
        ident = item.get("id") if isinstance(item, dict) else None
        if isinstance(ident, str) and ident:
            rest = format_path(loc[2:])
            return (f"{rest} of " if rest else "") + f"{_ITEM[loc[0]]} {ident!r}"
    return format_path(loc)


def _schema_diagnostic(err: dict, loc: Path, doc: Document, data: Any = None) -> Diagnostic:
    etype = err["type"]
    where = _named(loc, data)
    value = err.get("input")
    if etype == "extra_forbidden":
        key = loc[-1]
        model = _model_at(loc[:-1])
        parent = _named(loc[:-1], data) or "the map"
        return Diagnostic(
            "unknown_key",
            "error",
            f"unknown key {key!r} in {parent}",
            doc.locate(loc, key=True),
            hint=did_you_mean(str(key), model.model_fields) or _fields_hint(model),
        )
    if etype == "missing":
        field = loc[-1]
        parent = _named(loc[:-1], data) or "the map"
        return Diagnostic(
            "missing_key",
            "error",
            f"{parent} has no {field!r}, which is required",
            doc.locate(loc[:-1]),
        )
    if etype == "enum":
        expected = err.get("ctx", {}).get("expected", "")
        choices = [c.strip(" '") for c in expected.replace(" or ", ",").split(",") if c.strip()]
        return Diagnostic(
            "bad_value",
            "error",
            f"{where}: {value!r} is not one of {', '.join(choices)}",
            doc.locate(loc),
            hint=did_you_mean(str(value), choices),
        )
    if etype == "string_pattern_mismatch" and loc[-1] in ("id", "source", "target", "group"):
        return Diagnostic(
            "bad_id",
            "error",
            f"{where}: {value!r} is not a valid id (use letters, digits, '-' and '_')",
            doc.locate(loc),
        )
    msg = err["msg"]
    if etype == "string_pattern_mismatch" and str(loc[-1]) in ("date", "created", "updated"):
        msg = "expected a date like 2025-03-25, 2025-03 or 2025"
    shown = "" if isinstance(value, dict | list) else f" (got {_clip(repr(value))})"
    return Diagnostic("bad_value", "error", f"{where}: {_lower_first(msg)}{shown}", doc.locate(loc))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _model_at(loc: Path) -> type[BaseModel]:
    if len(loc) == 2 and loc[0] in _MODELS:
        return _MODELS[loc[0]]
    return ArgMap


def _fields_hint(model: type[BaseModel]) -> str:
    return "known keys: " + ", ".join(model.model_fields)


# --- writing ------------------------------------------------------------------------------


def dump_json(model: ArgMap) -> str:
    """The canonical JSON document of a map, ending with a newline (DEL, the C1 and the
    bidirectional controls escaped, as JSON allows: nothing a terminal obeys)."""
    from argmap.wording import json_safe

    return json_safe(model.to_json()) + "\n"


def dump_yaml(model: ArgMap) -> str:
    """The canonical YAML document of a map.

    Written by the same library (libyaml through PyYAML) that reads it, so every
    character a reader treats specially (line separators, NEL) is escaped on the way out.
    """
    from argmap.io.yamltext import dump

    return dump(model.to_data())


def _clip(text: str, limit: int = 60) -> str:
    """A value as a message shows it: whole when short, its start and length when long."""
    return text if len(text) <= limit else f"{text[: limit - 1]}… ({len(text):,} characters)"


def write_json(doc: Document, drawing: Drawing) -> str:
    """The document in argmap's canonical JSON (a writer of :mod:`argmap.formats.registry`)."""
    return dump_json(doc.model)


def write_yaml(doc: Document, drawing: Drawing) -> str:
    """The document in argmap's YAML (a writer of :mod:`argmap.formats.registry`)."""
    return dump_yaml(doc.model)
