"""A debate across several maps: a map that ``uses`` others, read as one.

A map may build on other maps (``uses: [{name: panda, path: us-japan-trump2.yaml}]``,
paths relative to the map) and refer to their claims as ``NAME:CLAIM-ID`` in its links and
shorthand: support them, attack them, undercut their links (``NAME:LINK-ID``). Reading such
a map gives the *combined* debate: its own claims, then each used map's claims, sources and
links with their ids qualified by the map's name (``panda:hedge``), so every command
(``show``, ``eval``, ``why``, ``path``, ``coverage``, ``diff``, pictures) works over the
whole, and ``export --to json`` writes it as one map (its ``uses`` kept, to say where
its claims come from; reading it again does not add them twice). Each claim says which map
it comes from by its id. A used map's own ``uses`` are followed too: their claims keep the
names that map gives them where each such name stands for one file (``d:x`` from a map two
used maps both use), and are qualified by the path they came through where a name is taken
(``top`` uses ``mid`` as ``a``, ``mid`` uses ``low`` as ``a``: ``a:c`` is mid's, ``a:a:c``
low's). Editing commands change only the file named.

Problems are located where they are written: a ``NAME:ID`` that names nothing at the line
of the reference, a used map that is missing, broken or used in a circle at its ``uses``
entry.

Examples:
    >>> import os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> with open(os.path.join(folder, "a.yaml"), "w") as f:
    ...     _ = f.write("title: A\\nclaims:\\n  - {id: c, text: C, kind: conclusion}\\n")
    >>> from argmap.io.files import Input
    >>> from argmap.formats.native import parse
    >>> doc = parse(Input("title: B\\nuses: [{name: a, path: a.yaml}]\\nclaims:\\n"
    ...                   "  - {id: x, text: X, attacks: ['a:c']}\\n", "b.yaml",
    ...                   path=os.path.join(folder, "b.yaml")))
    >>> [c.id for c in doc.model.claims], [lk.id for lk in doc.model.all_links()]
    (['x', 'a:c'], ['x.attack.a:c'])
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.model.document import Document

from argmap.errors import OutsideProject

__all__ = ["combine", "origin", "MAX_USES"]

#: How many maps a debate may gather, all uses followed.
MAX_USES = 200


def origin(claim_id: str) -> str | None:
    """The name of the used map a claim of a combined debate comes from (None: the map's
    own).

    Examples:
        >>> origin("panda:hedge"), origin("hedge")
        ('panda', None)
    """
    name, sep, _ = claim_id.partition(":")
    return name if sep else None


def combine(
    doc: Document,
    read_used: Callable[[str, Path, tuple[str, ...], dict[str, Any]], Document],
    *,
    _chain: tuple[str, ...] = (),
    _seen: dict[str, Any] | None = None,
) -> Document:
    """The map with the maps it uses folded in (see the module's description).

    ``read_used(path, target, chain, seen)`` reads the map a ``uses`` entry names (``path``
    as written, ``target`` the file it is) with its own uses folded in: the reader of the
    map decides how (:func:`argmap.formats.native.parse` reads through the map's
    :class:`~argmap.io.files.NamedFiles`), so combining reads no file itself.

    Each used file is read and combined once however many ways it is reached (``_seen``,
    by its resolved path, holds what each gave): a map that two of the maps it uses both
    use (a diamond) is folded in once, and a map used twice under two names is one copy
    whose claims go by the first name (references through the second are read as the
    first). So the work grows with the files and claims, not with the ways through them.

    Raises:
        MapError: a used map is missing, unreadable, broken or used in a circle (located
            at its ``uses`` entry), or the combined debate does not hold together.
    """
    from pydantic import ValidationError

    from argmap.errors import Diagnostic, MapError, UsageError
    from argmap.model.document import Document

    model = doc.model
    seen: dict[str, Any] = {} if _seen is None else _seen
    here = Path(doc.path).resolve() if doc.path else None
    folder = here.parent if here else Path.cwd()
    chain = (*_chain, str(here) if here else doc.name)
    if len(chain) > MAX_USES:
        raise MapError([Diagnostic("too_deep", "error", "maps use each other too deeply",
                                   doc.locate(("uses",), key=True))])  # fmt: skip
    data = model.model_dump(mode="json", exclude_none=True)
    # A combined debate (as export writes it) keeps its uses, to say where its claims come
    # from: a use whose claims are here already is not read again.
    folded = {origin(c.id) for c in model.claims} - {None}
    claims, links, sources, schemes = [], [], [], list(data.get("schemes", []))
    problems = []
    names = [u.name for u in model.uses]
    first_name: dict[str, str] = {}  # a used file: the name it was first folded under
    aliases: dict[str, str] = {}
    # Each prefix the debate's claims go by, and the file it names: the map's own uses
    # first, then the uses of those maps (kept under their own names where that names one
    # file, else qualified by the path they came through: ``a:a:c`` beside ``a:c``).
    prefixes: dict[str, str] = {
        u.name: os.path.realpath(folder / u.path) for u in model.uses if names.count(u.name) == 1
    }
    for k, use in enumerate(model.uses):
        if use.name in folded:
            continue
        where = doc.locate(("uses", k, "path"))
        if names.count(use.name) > 1 and names.index(use.name) != k:
            message = f"two maps are used under the name {use.name!r}"
            problems.append(Diagnostic("duplicate_id", "error", message, where))
            continue
        target = Path(os.path.realpath(folder / use.path))
        if str(target) in first_name:  # the same file again, under another name
            aliases[use.name] = first_name[str(target)]
            continue
        if str(target) in chain:
            cycle = " -> ".join(Path(p).name for p in (*chain[chain.index(str(target)) :],
                                                        str(target)))  # fmt: skip
            problems.append(
                Diagnostic(
                    "circular_use", "error", f"maps use each other in a circle: {cycle}", where
                )  # fmt: skip
            )
            continue
        try:
            used = read_used(use.path, target, chain, seen)
        except OutsideProject as exc:
            problems.append(Diagnostic("path_outside", "error",
                                       f"used map {use.name!r}: {use.path!r} lies "
                                       f"{exc.strerror}, so argmap does not read it", where,
                                       hint=exc.hint))  # fmt: skip
            continue
        except FileNotFoundError:
            problems.append(Diagnostic("dangling_use", "error",
                                       f"used map {use.name!r}: {target}: no such file",
                                       where))  # fmt: skip
            continue
        except MapError as exc:
            first = exc.diagnostics[0] if exc.diagnostics else None
            why = first.format() if first else "it cannot be read"
            problems.append(Diagnostic("dangling_use", "error",
                                       f"used map {use.name!r} ({use.path}) is not a map argmap "
                                       f"can read: {why}", where))  # fmt: skip
            continue
        except UsageError as exc:  # not there, or not a file
            message = f"used map {use.name!r}: {exc.message}"
            problems.append(Diagnostic("dangling_use", "error", message, where))
            continue
        except OSError as exc:
            problems.append(Diagnostic("dangling_use", "error",
                                       f"used map {use.name!r}: cannot read {use.path} "
                                       f"({exc.strerror or exc})", where))  # fmt: skip
            continue
        first_name[str(target)] = use.name
        renamed: dict[str, str] = {}
        for inner, file in sorted(used.used_files.items(), key=lambda kv: kv[0].count(":")):
            outer = inner.split(":", 1)[0]
            kept = renamed.get(outer, outer) + inner[len(outer) :]
            if prefixes.get(kept, file) != file:
                kept = f"{use.name}:{kept}"
            prefixes.setdefault(kept, file)
            renamed[inner] = kept
        part = _qualified(used.model, use.name, target.parent, folder, renamed)
        claims += part["claims"]
        links += part["links"]
        sources += part["sources"]
        known = {s["id"] for s in schemes}
        schemes += [s for s in part["schemes"] if s["id"] not in known]
    if problems:
        raise MapError(problems)
    if aliases:
        data = _unaliased(data, aliases)
    # A map reached along two ways (a diamond) came twice: its items once.
    claims, links, sources = _once(claims), _once(links), _once(sources)
    data["claims"] = [*data.get("claims", []), *claims]
    data["links"] = [*data.get("links", []), *links]
    data["sources"] = [*data.get("sources", []), *sources]
    if schemes:
        data["schemes"] = schemes
    from argmap.model import ArgMap

    try:
        combined = ArgMap.model_validate(data)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        raise MapError([Diagnostic("bad_value", "error",
                                   f"the maps used do not combine: {error['msg']}",
                                   doc.locate(("uses",), key=True))]) from None  # fmt: skip
    counts = {s: len(getattr(model, s)) for s in ("claims", "links", "sources")}
    positions = _positions(doc, counts, len(model.uses))
    prefixes.update({alias: prefixes.get(first, "") for alias, first in aliases.items()})
    return Document(combined, doc.name, doc.path, positions, doc.files, used_files=prefixes)


def _once(items: list[dict]) -> list[dict]:
    """Items without the repeats a diamond of uses brings (the same id, the same item)."""
    out: list[dict] = []
    kept: dict[str, dict] = {}
    for item in items:
        ident = item.get("id")
        if ident is not None and kept.get(ident) == item:
            continue
        if ident is not None:
            kept.setdefault(ident, item)
        out.append(item)
    return out


def _unaliased(data: dict, aliases: dict[str, str]) -> dict:
    """The map's own data with references through a second name of a used map read as
    references through the first (``b:x`` as ``a:x`` when ``b`` and ``a`` are one file)."""

    def plain(ident: Any) -> Any:
        if isinstance(ident, str):
            name, sep, rest = ident.partition(":")
            if sep and name in aliases:
                return f"{aliases[name]}:{rest}"
        return ident

    for c in data.get("claims", []):
        for key in ("supports", "attacks", "undercuts"):
            if key in c:
                c[key] = [plain(t) for t in c[key]]
        for a in c.get("answers", []):
            a["link"] = plain(a["link"])
    for lk in data.get("links", []):
        for key in ("source", "target"):
            if key in lk:
                lk[key] = plain(lk[key])
    return data


def _qualifier(name: str, renamed: dict[str, str]) -> Callable[[Any], Any]:
    """How an id of a used map (``name``) reads in the map that uses it: an id of one of
    its own used maps under the prefix ``renamed`` gives that map (the longest prefix
    first), any other id (its own, a link id such as ``x.attack.a:c`` included)
    qualified by ``name``."""
    longest_first = sorted(renamed, key=len, reverse=True)

    def q(ident: Any) -> Any:
        if not isinstance(ident, str):
            return ident
        for inner in longest_first:
            if ident.startswith(inner + ":"):
                return renamed[inner] + ident[len(inner) :]
        return f"{name}:{ident}"

    return q


def _qualified(
    model: Any, name: str, there: Path, here: Path, renamed: dict[str, str] | None = None
) -> dict[str, list]:
    """A used map's parts with their ids qualified, its source paths made relative to
    the map that uses it."""
    q = _qualifier(name, renamed or {})
    data = model.canonical().model_dump(mode="json", exclude_none=True)
    claims = []
    for c in data.get("claims", []):
        c["id"] = q(c["id"])
        if "source" in c:
            c["source"] = q(c["source"])
        for a in c.get("answers", []):
            a["link"] = q(a["link"])
        claims.append(c)
    links = []
    for lk in data.get("links", []):
        for key in ("id", "source", "target", "group"):
            if key in lk:
                lk[key] = q(lk[key])
        links.append(lk)
    sources = []
    for s in data.get("sources", []):
        s["id"] = q(s["id"])
        if s.get("path") and not os.path.isabs(s["path"]):
            s["path"] = os.path.relpath(there / s["path"], here)
        sources.append(s)
    return {"claims": claims, "links": links, "sources": sources,
            "schemes": data.get("schemes", [])}  # fmt: skip


def _positions(
    doc: Document, counts: dict[str, int], uses: int
) -> Callable[[Any, bool], tuple[int, int]]:
    """The map's own positions; a part that came from a used map is placed at the
    ``uses`` entry it came through (the first, when that cannot be told)."""
    own = doc.positions

    def positions(path: Any, key: bool) -> tuple[int, int]:
        if (
            len(path) > 1
            and path[0] in counts
            and isinstance(path[1], int)
            and path[1] >= counts[path[0]]
        ):
            return own(("uses",), True)
        return own(path, key)

    return positions
