"""A debate across several maps: a map that ``uses`` others, read as one.

A map may build on other maps (``uses: [{name: panda, path: us-japan-trump2.yaml}]``,
paths relative to the map) and refer to their claims as ``NAME:CLAIM-ID`` in its links and
shorthand: support them, attack them, undercut their links (``NAME:LINK-ID``). Reading such
a map gives the *combined* debate: its own claims, then each used map's claims, sources and
links with their ids qualified by the map's name (``panda:hedge``), so every command
(``show``, ``eval``, ``why``, ``path``, ``coverage``, ``diff``, pictures) works over the
whole, and ``export --to json`` writes it as one map (its ``uses`` kept, to say where
its claims come from; reading it again does not add them twice). Each claim says which map
it comes from by its id. A used map's own ``uses`` are followed too (their claims keep the names
that map gives them). Editing commands change only the file named.

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
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.model.document import Document

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


def combine(doc: Document, *, _chain: tuple[str, ...] = ()) -> Document:
    """The map with the maps it uses folded in (see the module's description).

    Raises:
        MapError: a used map is missing, unreadable, broken or used in a circle (located
            at its ``uses`` entry), or the combined debate does not hold together.
    """
    from pydantic import ValidationError

    from argmap.errors import Diagnostic, MapError, UsageError
    from argmap.model.document import Document

    model = doc.model
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
    for k, use in enumerate(model.uses):
        if use.name in folded:
            continue
        where = doc.locate(("uses", k, "path"))
        if names.count(use.name) > 1 and names.index(use.name) != k:
            message = f"two maps are used under the name {use.name!r}"
            problems.append(Diagnostic("duplicate_id", "error", message, where))
            continue
        target = (folder / use.path).resolve()
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
            used = _read(target, chain)
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
        part = _qualified(used.model, use.name, target.parent, folder)
        claims += part["claims"]
        links += part["links"]
        sources += part["sources"]
        known = {s["id"] for s in schemes}
        schemes += [s for s in part["schemes"] if s["id"] not in known]
    if problems:
        raise MapError(problems)
    data["claims"] = [*data.get("claims", []), *claims]
    data["links"] = [*data.get("links", []), *links]
    data["sources"] = [*data.get("sources", []), *sources]
    if schemes:
        data["schemes"] = schemes
    from argmap.model import ArgMap

    try:
        combined = ArgMap.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        raise MapError([Diagnostic("bad_value", "error",
                                   f"the maps used do not combine: {first['msg']}",
                                   doc.locate(("uses",), key=True))]) from None  # fmt: skip
    counts = {s: len(getattr(model, s)) for s in ("claims", "links", "sources")}
    return Document(combined, doc.name, doc.path, _positions(doc, counts, len(model.uses)))


def _read(path: Path, chain: tuple[str, ...]) -> Document:
    from argmap.formats.native import parse
    from argmap.io.files import read_input

    return parse(read_input(path), _chain=chain)


def _q(name: str, ident: Any) -> Any:
    """An id qualified by the used map's name (an id already qualified is kept)."""
    if not isinstance(ident, str) or ":" in ident:
        return ident
    return f"{name}:{ident}"


def _qualified(model: Any, name: str, there: Path, here: Path) -> dict[str, list]:
    """A used map's parts with their ids qualified, its source paths made relative to
    the map that uses it."""
    data = model.canonical().model_dump(mode="json", exclude_none=True)
    claims = []
    for c in data.get("claims", []):
        c["id"] = _q(name, c["id"])
        if "source" in c:
            c["source"] = _q(name, c["source"])
        for a in c.get("answers", []):
            a["link"] = _q(name, a["link"])
        claims.append(c)
    links = []
    for lk in data.get("links", []):
        for key in ("id", "source", "target", "group"):
            if key in lk:
                lk[key] = _q(name, lk[key])
        links.append(lk)
    sources = []
    for s in data.get("sources", []):
        s["id"] = _q(name, s["id"])
        if s.get("path") and not os.path.isabs(s["path"]):
            s["path"] = os.path.relpath(there / s["path"], here)
        sources.append(s)
    return {"claims": claims, "links": links, "sources": sources,
            "schemes": data.get("schemes", [])}  # fmt: skip


def _positions(doc: Document, counts: dict[str, int], uses: int):
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
