"""``argmap library``: every map a team has made, searched as one.

A library is the maps under some folders (by default the maps the project's ``maps``
globs name, as ``validate`` finds them), in any format argmap reads, indexed into one file
(by default ``.argmap/library.sqlite`` at the project's top; ``--index`` names another).
Every question brings the index up to date first: a file changed since it was indexed is
read again, a new one added, a deleted one taken out; the rest is not read
(:mod:`argmap.io.library_store`). The questions:

- :func:`find`: claims about a query, ranked by BM25 over their text and quote; ``--for``
  / ``--against`` a claim: what supports or attacks it (or its duplicates), anywhere;
- :func:`same`: where else a claim appears (:mod:`argmap.analysis.library`);
- :func:`who`: what supports, attacks or undercuts a claim or its duplicates, with each
  map's verdict on it.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from argmap.errors import BusyError, UsageError
from argmap.operations.result import Result

__all__ = ["index_library", "find", "same", "who", "default_index", "SUFFIXES"]

#: The files a folder given to the library is searched for (each is then read as the map
#: format its name and text say, or skipped with a note).
SUFFIXES = (".yaml", ".yml", ".json", ".aif", ".argdown", ".ad", ".xml", ".sadface",
            ".graphml")  # fmt: skip
#: Folders never searched.
_SKIPPED = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox",
            ".argmap"}  # fmt: skip
#: Wording scores below this are not shown by ``same`` (nor followed by ``who``).
SAME_THRESHOLD = 0.5
#: The most claims (those the full-text index ranks first) weighed for wording by ``same``.
CANDIDATES = 200
#: Wording at or above this is taken as the same claim by ``who``.
WHO_THRESHOLD = 0.8


def default_index() -> Path:
    """``$ARGMAP_LIBRARY``, else ``.argmap/library.sqlite`` at the top of the project the
    working folder is in (the working folder when it is in none)."""
    from argmap.io.config import config_for

    said = os.environ.get("ARGMAP_LIBRARY")
    if said:
        return Path(said)
    return config_for(None).root / ".argmap" / "library.sqlite"


def _shown(path: str) -> str:
    """A file as answers name it: relative to the working folder when under it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


def _key(path: str | os.PathLike) -> str:
    return os.path.realpath(path)


def _walk(roots: list[str], index: Path | None = None, *, ordered: bool = True) -> list[str]:
    """The files of the library: the files named, and in each folder named every file with
    a suffix argmap reads, in sorted order unless not ``ordered`` (the index's own files
    left out)."""
    found: list[str] = []
    for root in roots:
        if os.path.isfile(root):
            found.append(_key(root))
            continue
        # Under a real path, the paths found are real (no linked folder is followed).
        found += _files_under(_key(root), ordered)
    if index is not None:
        own = _key(index)
        found = [f for f in found if not f.startswith(own)]
    return list(dict.fromkeys(found))


def _files_under(folder: str, ordered: bool = True) -> list[str]:
    """The files with a suffix argmap reads below ``folder``, in sorted order (or as the
    folder lists them), skipping hidden and tool folders and following no link to a
    folder."""
    found: list[str] = []
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name) if ordered else list(listing)
    except OSError:
        return found
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if entry.name not in _SKIPPED and not entry.name.startswith("."):
                found += _files_under(entry.path, ordered)
        elif entry.name.lower().endswith(SUFFIXES):
            found.append(entry.path)
    return found


def _default_roots() -> list[str]:
    """The maps the project's configuration names (as ``validate`` finds them in its top)."""
    from argmap.io.config import config_for
    from argmap.operations.validate import find_maps

    return find_maps([str(config_for(None).root)])


def _read(path: str) -> tuple[Any, str]:
    """A file of the library as a document and the format it was read in.

    Raises:
        UsageError, MapError: it cannot be read as a map.
    """
    from argmap.formats import guess_import_format, import_map
    from argmap.io.files import read_input
    from argmap.model.document import Document
    from argmap.operations.loading import map_of

    inp = read_input(path, regular=True)
    fmt = guess_import_format(inp.name, inp.text)
    if fmt is None:
        return map_of(inp), "argmap"
    return Document(import_map(inp.text, inp.name, fmt), inp.name, Path(path)), fmt


def _rows_for(path: str) -> tuple[Any, ...]:
    """What the library indexes of one file: (format, title, claims, links, held, terms,
    problem), the problem when it is not a map (then the rest is empty). A function of the
    file alone, so that files can be read in parallel."""
    from argmap.analysis.library import content_words, rows_of
    from argmap.errors import ArgmapError
    from argmap.graph import build_graph
    from argmap.semantics.evaluate import verdicts

    try:
        doc, fmt = _read(path)
        G = build_graph(doc)
        used = {prefix: _key(Path(path).parent / used) if not os.path.isabs(used) else _key(used)
                for prefix, used in doc.used_files.items()}  # fmt: skip
        claims, links, held = rows_of(doc, path, used, verdicts(G))
    except ArgmapError as exc:
        problem = exc.lines()[0].removeprefix("argmap: ").removeprefix("error: ")
        return None, None, [], [], [], {}, problem
    except RecursionError:
        return None, None, [], [], [], {}, "nested too deeply to read"
    terms: dict[str, int] = {}
    for c in claims:
        for term in content_words(c.text):
            terms[term] = terms.get(term, 0) + 1
    return fmt, doc.model.title, claims, links, held, terms, None


#: From this many files to read, they are read by several processes (one a core).
PARALLEL_FROM = 64


def _read_all(paths: list[str]) -> Any:
    """:func:`_rows_for` of each path, in order: in parallel when there are many."""
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < PARALLEL_FROM or workers < 2:
        yield from map(_rows_for, paths)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(_rows_for, paths, chunksize=8)


def _digest(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _engine(index: str | os.PathLike | None, engine: str | None = None) -> Any:
    from argmap.io.files import lock_seconds
    from argmap.io.library_store import SqliteEngine

    where = index if index is not None else default_index()
    return SqliteEngine(where, timeout=lock_seconds(), engine=engine)


def _refresh(
    engine: Any, roots: list[str] | None, meanwhile: Callable[[Any], Any] | None = None
) -> tuple[Any, dict[str, Any]]:
    """Open the library's index, build or rebuild it when it cannot be read, and bring it
    up to date with its files; what was done (``answer``: what ``meanwhile`` answered
    while the files were checked, when the index was current; see :func:`_changed`)."""
    import sqlite3

    from argmap.io.library_store import IndexBroken

    done: dict[str, Any] = {"read": 0, "unchanged": 0, "removed": 0, "skipped": [],
                            "rebuilt": None}  # fmt: skip
    try:
        if engine.exists():
            try:
                engine.open()
            except IndexBroken as exc:
                aside = engine.set_aside()
                done["rebuilt"] = f"the index could not be read ({exc}); it was moved to {aside}"
    except sqlite3.OperationalError as exc:
        raise _busy(engine, exc) from None
    try:
        if engine._db is None:
            _build(engine, roots, done)
            return engine, done
        if roots is None:
            stale, answer = _changed(engine, engine.meta("roots", []), meanwhile)
            if not stale:
                done["answer"] = answer
                return engine, done  # a question of a current library writes nothing
        with engine.transaction():
            if roots is not None:
                engine.set_meta("roots", roots)
            _update(engine, engine.meta("roots", []), done)
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise _busy(engine, exc) from None
        raise
    except sqlite3.DatabaseError as exc:  # damaged while in use: rebuilt from the maps
        aside = engine.set_aside()
        done = {"read": 0, "unchanged": 0, "removed": 0, "skipped": [],
                "rebuilt": f"the index was damaged ({exc}); it was moved to {aside}"}  # fmt: skip
        _build(engine, roots, done)
    return engine, done


def _build(engine: Any, roots: list[str] | None, done: dict[str, Any]) -> None:
    """Build the index anew from its roots (those given, else the library's own)."""
    kept = roots if roots is not None else _remembered(engine)
    with engine.building() as fresh:
        fresh.set_meta("roots", kept)
        _update(fresh, kept, done)


def _remembered(engine: Any) -> list[str]:
    """The roots a library had (kept beside the index), else the project's maps."""
    import json

    side = engine.path.with_name(engine.path.name + ".roots.json")
    try:
        roots = json.loads(side.read_text(encoding="utf-8"))
        if isinstance(roots, list) and all(isinstance(r, str) for r in roots):
            return roots
    except (OSError, ValueError):
        pass
    return _default_roots()


def _remember(engine: Any, roots: list[str]) -> None:
    import json

    from argmap.io.files import write_output

    write_output(json.dumps(roots, ensure_ascii=False) + "\n",
                 str(engine.path.with_name(engine.path.name + ".roots.json")))  # fmt: skip


def _busy(engine: Any, exc: Exception) -> BusyError:
    return BusyError(
        f"{engine.path}: the library's index is held by another argmap ({exc}); nothing "
        "was changed",
        hint="run the command again when the other finishes (ARGMAP_LOCK_TIMEOUT waits longer)",
    )


def _changed(engine: Any, roots: list[str], meanwhile: Callable[[Any], Any] | None = None
             ) -> tuple[bool, Any]:  # fmt: skip
    """Whether any file of the library was added, removed or touched (its size or time
    differ) since it was indexed: the check a question makes before trusting the index,
    reading the disk and the index only (one listing and one stat a file, compared as
    sets: a library has thousands of files, and every question checks). ``meanwhile``,
    the question itself, is asked of the index while the disk is read (in a thread: the
    engines search outside Python's lock, and the thread alone uses the index meanwhile);
    its answer comes back with the verdict, to be used only if the index was current."""
    known = engine.seen()
    if meanwhile is None:
        return _on_disk(roots, engine.home) != known, None
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="argmap-question") as pool:
        pending = pool.submit(meanwhile, engine)
        stale = _on_disk(roots, engine.home) != known
        answer = pending.result()  # the question's own errors are raised here
    return stale, answer


def _on_disk(roots: list[str], home: Path) -> set[tuple[str, int, int]] | None:
    """Each file of the library on the disk as (path, size, modification time); None when
    one goes while it is read."""
    found: set[tuple[str, int, int]] = set()
    for path in _walk([r for r in roots if os.path.exists(r)], home, ordered=False):
        try:
            info = os.stat(path)
        except OSError:
            return None
        found.add((path, info.st_size, info.st_mtime_ns))
    return found


def _update(engine: Any, roots: list[str], done: dict[str, Any]) -> None:
    from argmap.io.progress import start

    files = _walk([r for r in roots if os.path.exists(r)], engine.home)
    known = engine.stamps()
    from argmap.analysis.library import content_words

    for gone in sorted(set(known) - set(files)):
        engine.remove_file(gone, content_words)
        done["removed"] += 1
    from argmap.io.library_store import FileRow

    to_read: list[tuple[str, os.stat_result, str]] = []
    for path in files:
        try:
            info = os.stat(path)
        except OSError:
            continue
        stamp = known.get(path)
        if stamp is not None and stamp[:2] == (info.st_size, info.st_mtime_ns):
            done["unchanged"] += 1
            if stamp[3]:
                done["skipped"].append((path, stamp[3]))
            continue
        digest = _digest(path)
        if stamp is not None and stamp[2] == digest:
            engine.touch_file(path, info.st_size, info.st_mtime_ns)
            done["unchanged"] += 1
            continue
        to_read.append((path, info, digest))
    if to_read:
        start(f"argmap library: indexing {len(to_read):,} files")
    rows = _read_all([path for path, _, _ in to_read])
    for (path, info, digest), got in zip(to_read, rows, strict=True):
        fmt, title, claims, links, held, terms, problem = got
        engine.put_file(FileRow(path, info.st_size, info.st_mtime_ns, digest, fmt, title,
                                len(claims), problem), claims, links, held, terms=terms,
                        terms_of=content_words)  # fmt: skip
        done["read"] += 1
        if problem:
            done["skipped"].append((path, problem))


def _open(index: str | os.PathLike | None) -> tuple[Any, list[str]]:
    """The library's index, brought up to date; notes on what that took."""
    engine, notes, _ = _asked(index, None)
    return engine, notes


def _asked(
    index: str | os.PathLike | None, question: Callable[[Any], Any] | None
) -> tuple[Any, list[str], Any]:
    """The library's index, brought up to date, and ``question``'s answer from it (asked
    while the files are checked, and again if they had changed); notes on what it took."""
    engine, done = _refresh(_engine(index), None, question)
    notes = []
    if done["rebuilt"]:
        notes.append(f"warning: {done['rebuilt']}; rebuilt from the maps")
    if done["read"] or done["removed"]:
        notes.append(f"library: {done['read']} file(s) indexed again, {done['removed']} gone")
    answer = done.get("answer")
    if question is not None and "answer" not in done:
        try:
            answer = question(engine)
        except BaseException:
            engine.close()
            raise
    return engine, notes, answer


def index_library(
    paths: list[str] | None = None,
    *,
    index: str | os.PathLike | None = None,
    engine: str | None = None,
) -> Result:
    """Index the maps under ``paths`` (files and folders; default: the library's paths as
    last given, else the project's maps) into the library at ``index`` (default:
    :func:`default_index`), only what changed since the last run read again. The paths
    become the library's: later questions keep to them. ``engine`` chooses the full-text
    engine (:data:`argmap.io.library_text.ENGINES`; default: the library's, else sqlite),
    kept for later questions.

    Raises:
        UsageError: a path does not exist.
        BusyError: another argmap holds the index.
    """
    from argmap.analysis.library import Indexed, Skipped

    for p in paths or []:
        if not os.path.exists(p):
            raise UsageError(f"{p}: no such file or folder")
    store = _engine(index, engine)
    roots = [_key(p) for p in paths] if paths else [_key(p) for p in _remembered(store)]
    store, done = _refresh(store, roots)
    _remember(store, roots)
    maps, claims = store.counts()
    answer = Indexed(
        index=_shown(str(store.path)), engine=store.name, maps=maps, claims=claims,
        read=done["read"], unchanged=done["unchanged"], removed=done["removed"],
        skipped=[Skipped(path=_shown(p), problem=why) for p, why in done["skipped"]],
        rebuilt=done["rebuilt"],
    )  # fmt: skip
    store.close()
    notes = [f"warning: {done['rebuilt']}; rebuilt from the maps"] if done["rebuilt"] else []
    notes += [f"skipped {s.path}: {s.problem}" for s in answer.skipped[:20]]
    if len(answer.skipped) > 20:
        notes.append(f"... and {len(answer.skipped) - 20} more files skipped")
    return Result(answer, notes=notes)


def _match(query: str) -> list[str] | None:
    """The words of a user's query, each searched as a word (no engine's syntax can be
    typed by accident), any of them (BM25 ranks those with more first); the commonest
    words (the, of...) left out when others remain. None: no word."""
    from argmap.analysis.library import STOP_WORDS

    words = re.findall(r"\w+", query)
    if not words:
        return None
    words = [w for w in words if w.lower() not in STOP_WORDS] or words
    return list(dict.fromkeys(w.lower() for w in words))


def _claim_at(engine: Any, map_path: str, ident: str) -> Any:
    """The indexed claim ``ident`` of the map at ``map_path``.

    Raises:
        UsageError: the map is not in the library, or has no such claim.
    """
    from argmap.errors import did_you_mean

    key = _key(map_path)
    indexed = engine.file(key)
    if indexed is None:
        raise UsageError(f"{map_path}: not a map of this library ({_shown(str(engine.path))})",
                         hint="argmap library index PATH... adds maps to it")  # fmt: skip
    if indexed.problem:
        raise UsageError(f"{map_path}: not indexed: {indexed.problem}")
    row = engine.claim(key, ident)
    if row is None:
        ids = [c.id for c in engine.claims_in(key)]
        hint = did_you_mean(ident, ids)
        raise UsageError(f"{map_path}: no claim {ident!r}" + (f" ({hint})" if hint else ""))
    return row


def _same_rows(engine: Any, row: Any, threshold: float) -> list[tuple[str, float, Any]]:
    """The claims of the library that are ``row`` in another place or map: (basis, score,
    claim), certain first, then by score."""
    from argmap.analysis.library import content_words, stood_out, wording_score

    seen = {(row.file, row.id)}
    out: list[tuple[str, float, Any]] = []
    if row.quote_norm:
        for other in engine.with_quote(row.quote_norm):
            if (other.file, other.id) not in seen:
                seen.add((other.file, other.id))
                out.append(("same quote", 1.0, other))
    if row.quote_norm and row.source:
        # The same passage quoted longer or shorter: one quote inside the other.
        mine = row.quote_norm.partition("|")[2]
        for other in engine.quoting(row.source):
            theirs = (other.quote_norm or "").partition("|")[2]
            if (other.file, other.id) in seen or not theirs or not mine:
                continue
            if mine in theirs or theirs in mine:
                seen.add((other.file, other.id))
                short, long = sorted((len(mine), len(theirs)))
                out.append(("quote within", round(short / long, 3), other))
    if row.norm:
        for other in engine.with_norm(row.norm):
            if (other.file, other.id) not in seen:
                seen.add((other.file, other.id))
                out.append(("same text", 1.0, other))
    match = _match(row.text)
    if match is None:
        return out
    candidates = [other for _, other in engine.search(match, CANDIDATES)
                  if (other.file, other.id) not in seen]  # fmt: skip
    total = max(engine.counts()[1], 1)
    df = engine.document_frequency(
        t for text in [row.text, *(c.text for c in candidates)] for t in content_words(text)
    )
    idf = {term: math.log((total + 1) / (n + 0.5)) for term, n in df.items()}
    # The debate's topic: the words of the map's title.
    topic = frozenset(content_words(engine.title(row.file) or ""))
    wording = {i: wording_score(row.text, other.text, idf, topic)
               for i, other in enumerate(candidates)}  # fmt: skip
    raised = stood_out(wording)
    # Shown by the wording alone; scored with the best's lead.
    scored = [(raised[i], other) for i, other in enumerate(candidates) if wording[i] >= threshold]
    scored.sort(key=lambda s: (-s[0], s[1].file, s[1].id))
    out += [("wording", score, other) for score, other in scored]
    return out


def find(
    query: str,
    *,
    index: str | os.PathLike | None = None,
    limit: int = 20,
    for_claim: tuple[str, str] | None = None,
    against_claim: tuple[str, str] | None = None,
) -> Result:
    """Claims of the library about ``query``, best first (BM25 over text and quote), at
    most ``limit``; with ``for_claim``/``against_claim`` (a map and a claim id), only the
    claims that support (attack or undercut) it or its duplicates, anywhere.

    Raises:
        UsageError: nothing to search for; a claim named that the library lacks.
        BusyError: another argmap holds the index.
    """
    from argmap.analysis.library import FindAnswer, Found, LibraryClaim

    named = for_claim or against_claim
    match = _match(query)
    if named is None and match is None:
        raise UsageError(f"{query!r}: no word to search for",
                         hint='argmap library find "alliance burden"')  # fmt: skip

    def search(engine: Any) -> list:
        return engine.search(match, limit)

    engine, notes, hits = _asked(index, search if named is None else None)
    try:
        if named is None:
            results = [Found(score=round(s, 3), claim=LibraryClaim.of(r, _shown(r.file)))
                       for s, r in hits]  # fmt: skip
        else:
            relations = ("support",) if for_claim else ("attack", "undercut")
            row = _claim_at(engine, *named)
            arguers = _arguers(engine, row)
            chosen = [(rel, c, about) for rel, c, about, _ in arguers if rel in relations]
            ranked = _ranked(engine, query, chosen)
            results = [Found(score=round(s, 3), claim=LibraryClaim.of(c, _shown(c.file)),
                             relation=rel, about=LibraryClaim.of(about, _shown(about.file)))
                       for s, rel, c, about in ranked[:limit]]  # fmt: skip
        answer = FindAnswer(query=query, searched=engine.counts()[1], results=results)
    finally:
        engine.close()
    return Result(answer, notes=notes, status=0 if answer.results else 1)  # as grep


def _ranked(engine: Any, query: str, chosen: list) -> list:
    """The arguers ``chosen`` ranked by the query's BM25 (all of them at 0 with no query)."""
    match = _match(query) if query else None
    if match is None:
        return [(0.0, rel, c, about) for rel, c, about in chosen]
    scores = {(r.file, r.id): s for s, r in engine.search(match, 100_000)}
    ranked = [(scores.get((c.file, c.id), 0.0), rel, c, about) for rel, c, about in chosen]
    ranked = [r for r in ranked if r[0] > 0]
    ranked.sort(key=lambda r: -r[0])
    return ranked


def _arguers(engine: Any, row: Any, same: list | None = None) -> list[tuple[str, Any, Any, str]]:
    """What supports, attacks or undercuts ``row`` or a claim taken as the same (a quote,
    a text, or wording at :data:`WHO_THRESHOLD`; ``same``: those, when already found):
    (relation, arguer, claim it bears on, link id)."""
    if same is None:
        same = _same_rows(engine, row, WHO_THRESHOLD)
    targets = [row] + [other for _, _, other in same]
    out: list[tuple[str, Any, Any, str]] = []
    seen: set[tuple[str, str, str]] = set()
    for target in targets:
        for lk in engine.links_into(target.file, target.id):
            arguer = engine.claim(lk.source_file, lk.source)
            if arguer is None or (lk.file, lk.id, lk.kind) in seen:
                continue
            seen.add((lk.file, lk.id, lk.kind))
            out.append((lk.kind, arguer, target, lk.id))
    return out


def same(map_path: str, ident: str, *, index: str | os.PathLike | None = None,
         threshold: float = SAME_THRESHOLD) -> Result:  # fmt: skip
    """Where else the claim ``ident`` of ``map_path`` appears in the library: the same quote
    of the same source, the same text (certain), then claims whose wording says the same,
    scored (:mod:`argmap.analysis.library`), at ``threshold`` or more.

    Raises:
        UsageError: the map is not in the library or lacks the claim.
        BusyError: another argmap holds the index.
    """
    from argmap.analysis.library import LibraryClaim, Same, SameAnswer

    engine, notes = _open(index)
    try:
        row = _claim_at(engine, map_path, ident)
        matches = [Same(claim=LibraryClaim.of(other, _shown(other.file)), basis=basis,
                        score=round(score, 3))
                   for basis, score, other in _same_rows(engine, row, threshold)]  # fmt: skip
        answer = SameAnswer(claim=LibraryClaim.of(row, _shown(row.file)), matches=matches,
                            threshold=threshold)  # fmt: skip
    finally:
        engine.close()
    return Result(answer, notes=notes, status=0 if answer.matches else 1)


def who(map_path: str, ident: str, *, index: str | os.PathLike | None = None) -> Result:
    """Everything in the library that supports, attacks or undercuts the claim ``ident`` of
    ``map_path`` or a claim taken as the same, and each map's verdict on it.

    Raises:
        UsageError: the map is not in the library or lacks the claim.
        BusyError: another argmap holds the index.
    """
    from argmap.analysis.library import Arguer, LibraryClaim, Verdict, WhoAnswer

    engine, notes = _open(index)
    try:
        row = _claim_at(engine, map_path, ident)
        same_rows = _same_rows(engine, row, WHO_THRESHOLD)
        verdicts = [Verdict(map=_shown(row.file), id=row.id, basis="named", verdict=row.label,
                            strength=row.strength)]  # fmt: skip
        verdicts += [Verdict(map=_shown(o.file), id=o.id, basis=basis, verdict=o.label,
                             strength=o.strength) for basis, _, o in same_rows]  # fmt: skip
        for basis, o in [("named", row), *((b, o) for b, _, o in same_rows)]:
            verdicts += [Verdict(map=_shown(h.file), id=o.id, basis=basis, verdict=h.label,
                                 strength=h.strength, via=_shown(o.file))
                         for h in engine.held_on(o.file, o.id)]  # fmt: skip
        arguers = [Arguer(relation=rel, claim=LibraryClaim.of(c, _shown(c.file)),
                          about=LibraryClaim.of(about, _shown(about.file)), link=link)
                   for rel, c, about, link in _arguers(engine, row, same_rows)]  # fmt: skip
        labels = {v.verdict for v in verdicts if v.verdict is not None}
        answer = WhoAnswer(claim=LibraryClaim.of(row, _shown(row.file)), verdicts=verdicts,
                           disagree=len(labels) > 1, arguers=arguers)  # fmt: skip
    finally:
        engine.close()
    return Result(answer, notes=notes)
