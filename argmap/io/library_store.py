"""The library's index on disk: one SQLite file (with its FTS5 full-text index) holding
every claim and link of the maps a library indexes, and what each file was when it was
read. The maps stay the truth: the index is rebuilt from them whenever it cannot be read.

- **Current by content.** Each file's size, modification time and SHA-256 are kept; a file
  whose size and time are unchanged is not read again, and one whose digest is unchanged is
  not indexed again.
- **Never half-written.** A first index (and a rebuild) is written to a temporary file and
  renamed over the old one; a later update is one SQLite transaction. A process killed
  midway leaves the index as it was.
- **Broken or locked.** A file that is not an SQLite database or is damaged (truncated,
  overwritten) is moved aside (``library.sqlite.broken``) and the index rebuilt from the
  maps; one held by another process is waited for (``ARGMAP_LOCK_TIMEOUT``), then a clear
  error, nothing changed.

The engine behind :class:`SqliteEngine` is one of several a library can use (see
:mod:`argmap.operations.library`); this module knows rows, not maps.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from argmap.io.library_text import TextIndex

__all__ = [
    "SqliteEngine",
    "ClaimRow",
    "LinkRow",
    "FileRow",
    "HeldRow",
    "IndexBroken",
    "SCHEMA_VERSION",
]

#: Bumped when the tables change: an index of another version is rebuilt.
SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files(
    path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, digest TEXT, format TEXT,
    title TEXT, claims INTEGER, problem TEXT);
CREATE TABLE claims(
    rowid INTEGER PRIMARY KEY, file TEXT NOT NULL, id TEXT NOT NULL, kind TEXT, text TEXT,
    quote TEXT, source TEXT, locator TEXT, label TEXT, strength REAL, norm TEXT,
    quote_norm TEXT);
CREATE INDEX claims_at ON claims(file, id);
CREATE INDEX claims_norm ON claims(norm);
CREATE INDEX claims_quote ON claims(quote_norm);
CREATE INDEX claims_source ON claims(source);
CREATE VIRTUAL TABLE claims_fts USING fts5(
    text, quote, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE TABLE links(
    file TEXT NOT NULL, id TEXT, kind TEXT, source_file TEXT, source TEXT, target_file TEXT,
    target TEXT, undercuts TEXT);
CREATE INDEX links_target ON links(target_file, target);
CREATE INDEX links_source ON links(source_file, source);
CREATE INDEX links_file ON links(file);
CREATE TABLE held(
    file TEXT NOT NULL, claim_file TEXT NOT NULL, claim TEXT NOT NULL, label TEXT,
    strength REAL);
CREATE INDEX held_claim ON held(claim_file, claim);
CREATE INDEX held_file ON held(file);
CREATE TABLE terms(term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
"""


class IndexBroken(Exception):
    """The index file is not a readable SQLite database of this version."""


@dataclass(frozen=True)
class FileRow:
    """A file of the library as last indexed."""

    path: str
    size: int
    mtime_ns: int
    digest: str
    format: str | None
    title: str | None
    claims: int
    problem: str | None


@dataclass(frozen=True)
class ClaimRow:
    """A claim of a map in the library: where it is (file, id), what it says, its
    provenance, and the map's verdict on it (eval's label and strength)."""

    file: str
    id: str
    kind: str
    text: str
    quote: str | None = None
    source: str | None = None
    locator: str | None = None
    label: str | None = None
    strength: float | None = None
    norm: str = ""
    quote_norm: str | None = None


@dataclass(frozen=True)
class LinkRow:
    """A link of a map in the library, its ends located (a used map's claim lives in
    that map's file); ``undercuts``: for an undercut, the id of the link it attacks."""

    file: str
    id: str
    kind: str
    source_file: str
    source: str
    target_file: str
    target: str
    undercuts: str | None = None


@dataclass(frozen=True)
class HeldRow:
    """A map's verdict on a claim of a map it uses (``file`` uses ``claim_file``)."""

    file: str
    claim_file: str
    claim: str
    label: str | None
    strength: float | None


_CLAIM_COLUMNS = "file, id, kind, text, quote, source, locator, label, strength, norm, quote_norm"


class SqliteEngine:
    """The library's index in one SQLite file at ``path``."""

    def __init__(
        self,
        path: str | os.PathLike,
        *,
        timeout: float = 10.0,
        engine: str | None = None,
        home: str | os.PathLike | None = None,
    ) -> None:
        self.path = Path(path)
        #: Where the index lives once built (a text index's folder is named after it).
        self.home = Path(home) if home is not None else self.path
        self.timeout = timeout
        #: The full-text engine asked for (None: the one the index was built with).
        self.wanted = engine
        self._db: sqlite3.Connection | None = None
        self.text: TextIndex | None = None

    @property
    def name(self) -> str:
        """The full-text engine in use (:data:`argmap.io.library_text.ENGINES`)."""
        return self.text.name if self.text is not None else (self.wanted or "sqlite")

    # -- opening ---------------------------------------------------------------------

    def exists(self) -> bool:
        return self.path.exists()

    def open(self) -> None:
        """Open the index (it must exist).

        Raises:
            IndexBroken: it is not an index of this version, or is damaged.
            sqlite3.OperationalError: it is locked past the timeout.
        """
        # A question may be asked of it from a thread while the files are checked (never by
        # two threads at once: see argmap.operations.library._changed).
        db = sqlite3.connect(
            self.path, timeout=self.timeout, isolation_level=None, check_same_thread=False
        )
        try:
            version = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
            if version is None or version[0] != SCHEMA_VERSION:
                raise IndexBroken(f"an index of another version ({version and version[0]})")
            db.execute("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'x'").fetchone()
        except sqlite3.DatabaseError as exc:
            db.close()
            if _locked(exc):
                raise
            raise IndexBroken(str(exc)) from None
        except IndexBroken:
            db.close()
            raise
        self._db = db
        self._attach()

    def _attach(self) -> None:
        """Open the text index of the engine asked for (else the one the index has), and
        rebuild it from the claims when it is not at the claims' generation (or the engine
        changed)."""
        from argmap.io.library_text import text_index

        stored = self.meta("engine", "sqlite")
        name = self.wanted or stored
        self.text = text_index(name, self.db, self.home)
        if name != stored or (name != "sqlite" and self.text.generation() != self._generation()):
            with self.transaction():
                self.set_meta("engine", name)
                self.text.clear()
                rows = self.db.execute("SELECT rowid, text, coalesce(quote, '') FROM claims")
                self.text.add(rows)

    def _generation(self) -> int:
        return int(self.meta("generation", 0))

    @contextmanager
    def building(self) -> Iterator[SqliteEngine]:
        """A new, empty index written beside the old one and renamed over it when the
        block ends without error (else removed): readers never see half of it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        temporary.unlink(missing_ok=True)
        name = self.wanted or (self.text.name if self.text is not None else "sqlite")
        fresh = SqliteEngine(temporary, timeout=self.timeout, engine=name, home=self.path)
        db = sqlite3.connect(temporary, isolation_level=None)
        # A file no one reads until it is renamed into place: no journal, no waiting for
        # the disk on each write (a crash leaves only a temporary file, removed next time).
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.executescript(_SCHEMA)
        db.execute("INSERT INTO meta VALUES ('version', ?)", (SCHEMA_VERSION,))
        fresh._db = db
        try:
            from argmap.io.library_text import text_index

            fresh.text = text_index(name, db, self.path)
            db.execute("BEGIN")
            fresh.set_meta("engine", name)
            fresh.text.clear()
            yield fresh
            generation = fresh._generation() + 1
            fresh.set_meta("generation", generation)
            db.execute("COMMIT")
            fresh.text.commit(generation)
            fresh.text.close()
            db.close()
            with open(temporary, "rb") as f:
                os.fsync(f.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            db.close()
            temporary.unlink(missing_ok=True)
            raise
        self.close()
        self.wanted = name
        self.open()

    def set_aside(self) -> Path:
        """Move a broken index out of the way (``NAME.broken``) and say where it went."""
        self.close()
        aside = self.path.with_name(self.path.name + ".broken")
        os.replace(self.path, aside)
        for suffix in ("-journal", "-wal", "-shm"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)
        return aside

    def close(self) -> None:
        if self.text is not None:
            self.text.close()
            self.text = None
        if self._db is not None:
            self._db.close()
            self._db = None

    @property
    def db(self) -> sqlite3.Connection:
        assert self._db is not None, "the index is not open"
        return self._db

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic change (``BEGIN IMMEDIATE``: it waits for another writer)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
            generation = self._generation() + 1
            self.set_meta("generation", generation)
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")
        # The text index follows the claims (a crash between the two: rebuilt at the next
        # opening, its generation being behind).
        if self.text is not None:
            self.text.commit(generation)

    # -- writing ---------------------------------------------------------------------

    def set_meta(self, key: str, value: Any) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, json.dumps(value)))

    def meta(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def remove_file(self, path: str, terms_of: Any = None) -> None:
        """Take a file and everything indexed from it out (``terms_of``: a claim's text to
        its terms, whose counts the file's claims are taken out of)."""
        db = self.db
        if terms_of is not None:
            gone: dict[str, int] = {}
            for (text,) in db.execute("SELECT text FROM claims WHERE file = ?", (path,)):
                for term in terms_of(text):
                    gone[term] = gone.get(term, 0) + 1
            db.executemany("UPDATE terms SET df = df - ? WHERE term = ?",
                           ((n, t) for t, n in gone.items()))  # fmt: skip
        rowids = [r[0] for r in db.execute("SELECT rowid FROM claims WHERE file = ?", (path,))]
        if self.text is not None:
            self.text.remove(rowids)
        db.execute("DELETE FROM claims WHERE file = ?", (path,))
        db.execute("DELETE FROM links WHERE file = ?", (path,))
        db.execute("DELETE FROM held WHERE file = ?", (path,))
        db.execute("DELETE FROM files WHERE path = ?", (path,))

    def put_file(
        self,
        row: FileRow,
        claims: Iterable[ClaimRow],
        links: Iterable[LinkRow],
        held: Iterable[HeldRow] = (),
        terms: dict[str, int] | None = None,
        terms_of: Any = None,
    ) -> None:
        """Index a file (what was indexed from it before is replaced). ``terms``: how many
        of its claims hold each term (:meth:`document_frequency` adds them up), else found
        by ``terms_of`` (a claim's text to its terms), which also takes the terms of what
        was indexed from the file before out of the counts."""
        self.remove_file(row.path, terms_of)
        db = self.db
        db.execute("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (row.path, row.size, row.mtime_ns, row.digest, row.format, row.title,
                    row.claims, row.problem))  # fmt: skip
        cur = db.cursor()
        counted: dict[str, int] = dict(terms or {})
        texts: list[tuple[int, str, str]] = []
        for c in claims:
            if terms is None and terms_of is not None:
                for term in terms_of(c.text):
                    counted[term] = counted.get(term, 0) + 1
            cur.execute(
                f"INSERT INTO claims ({_CLAIM_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (c.file, c.id, c.kind, c.text, c.quote, c.source, c.locator, c.label,
                 c.strength, c.norm, c.quote_norm),
            )  # fmt: skip
            texts.append((cast(int, cur.lastrowid), c.text, c.quote or ""))
        if self.text is not None:
            self.text.add(texts)
        db.executemany(
            "INSERT INTO links VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            ((lk.file, lk.id, lk.kind, lk.source_file, lk.source, lk.target_file, lk.target,
              lk.undercuts) for lk in links),
        )  # fmt: skip
        db.executemany(
            "INSERT INTO terms VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
            counted.items(),
        )
        db.executemany(
            "INSERT INTO held VALUES (?, ?, ?, ?, ?)",
            ((h.file, h.claim_file, h.claim, h.label, h.strength) for h in held),
        )

    def touch_file(self, path: str, size: int, mtime_ns: int) -> None:
        """Record that a file read again is unchanged in content (new time, same digest)."""
        self.db.execute("UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?",
                        (size, mtime_ns, path))  # fmt: skip

    # -- reading ---------------------------------------------------------------------

    def seen(self) -> set[tuple[str, int, int]]:
        """Each file's (path, size, modification time) as it was indexed: what a question
        compares with the disk before it trusts the index."""
        return set(self.db.execute("SELECT path, size, mtime_ns FROM files"))

    def stamps(self) -> dict[str, tuple[int, int, str, str | None]]:
        """Each file's (size, modification time, digest, problem): what a refresh compares
        with the disk (plain tuples: a library has thousands of files)."""
        return {r[0]: r[1:] for r in self.db.execute(
            "SELECT path, size, mtime_ns, digest, problem FROM files")}  # fmt: skip

    def file(self, path: str) -> FileRow | None:
        row = self.db.execute("SELECT * FROM files WHERE path = ?", (path,)).fetchone()
        return FileRow(*row) if row else None

    def counts(self) -> tuple[int, int]:
        """(maps, claims) indexed (from the table of files, a row a file)."""
        maps, claims = self.db.execute(
            "SELECT count(*), coalesce(sum(claims), 0) FROM files WHERE problem IS NULL"
        ).fetchone()
        return maps, claims

    def search(self, words: list[str], limit: int) -> list[tuple[float, ClaimRow]]:
        """Claims holding any of ``words``, best first, with BM25 scores (larger: better;
        the claim's text weighed over its quote), by the library's engine."""
        assert self.text is not None, "the index is not open"
        hits = self.text.search(words, limit)
        if not hits:
            return []
        score = dict(hits)
        found: list[tuple[float, ClaimRow]] = []
        ids = [rowid for rowid, _ in hits]
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ", ".join("?" * len(part))
            for r in self.db.execute(
                f"SELECT rowid, {_CLAIM_COLUMNS} FROM claims WHERE rowid IN ({marks})", part
            ):
                found.append((score[r[0]], ClaimRow(*r[1:])))
        found.sort(key=lambda hit: (-hit[0], hit[1].file, hit[1].id))
        return found

    def claim(self, file: str, ident: str) -> ClaimRow | None:
        row = self.db.execute(
            f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE file = ? AND id = ?", (file, ident)
        ).fetchone()
        return ClaimRow(*row) if row else None

    def _claims(self, where: str, *args: Any) -> list[ClaimRow]:
        sql = f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE {where}"
        return [ClaimRow(*r) for r in self.db.execute(sql, args)]

    def claims_in(self, file: str) -> list[ClaimRow]:
        return self._claims("file = ? ORDER BY rowid", file)

    def with_norm(self, norm: str) -> list[ClaimRow]:
        return self._claims("norm = ? ORDER BY file, id", norm)

    def with_quote(self, quote_norm: str) -> list[ClaimRow]:
        return self._claims("quote_norm = ? ORDER BY file, id", quote_norm)

    def quoting(self, source: str) -> list[ClaimRow]:
        """The claims quoting a source (by its key), in order."""
        return self._claims("source = ? AND quote IS NOT NULL ORDER BY file, id", source)

    def links_into(self, file: str, ident: str) -> list[LinkRow]:
        return [LinkRow(*r) for r in self.db.execute(
            "SELECT * FROM links WHERE target_file = ? AND target = ? ORDER BY file, id",
            (file, ident))]  # fmt: skip

    def held_on(self, file: str, ident: str) -> list[HeldRow]:
        """The verdicts of the maps that use ``file`` on its claim ``ident``."""
        return [HeldRow(*r) for r in self.db.execute(
            "SELECT * FROM held WHERE claim_file = ? AND claim = ? ORDER BY file",
            (file, ident))]  # fmt: skip

    def document_frequency(self, terms: Iterable[str]) -> dict[str, int]:
        """How many claims hold each term (as the indexer gave them)."""
        wanted = list(dict.fromkeys(terms))
        out = dict.fromkeys(wanted, 0)
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            marks = ", ".join("?" * len(part))
            for term, df in self.db.execute(
                f"SELECT term, df FROM terms WHERE term IN ({marks})", part
            ):
                out[term] = df
        return out

    def title(self, file: str) -> str | None:
        row = self.db.execute("SELECT title FROM files WHERE path = ?", (file,)).fetchone()
        return row[0] if row else None


def _locked(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc)
