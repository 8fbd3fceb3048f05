"""The full-text part of a library's index, behind one interface: the claims' words, ranked
by BM25. The claims themselves, their links and verdicts stay in the library's SQLite file
(:mod:`argmap.io.library_store`); a text index holds only (rowid, text, quote) and is
derived data: whatever it is, it can be rebuilt from the claims table.

- :class:`Fts5Text` (``sqlite``, the default): SQLite's FTS5 in the same file, written in
  the same transactions as the claims.
- :class:`TantivyText` (``tantivy``, ``pip install 'argmap[tantivy]'``): a tantivy index in
  a folder beside the file, for libraries of hundreds of thousands of claims.
- :class:`OpenSearchText` (``opensearch``, ``pip install 'argmap[opensearch]'``): an index
  on an OpenSearch cluster a team shares, through the official client (``opensearch-py``):
  its mapping, bulk indexing and a ``multi_match`` query. ``ARGMAP_OPENSEARCH_URL`` names
  the cluster (``https://user:password@host:9200``), ``ARGMAP_OPENSEARCH_INDEX`` the index
  (default ``argmap-library``).

Each keeps a generation number beside its data, equal to the claims table's when the two
agree; the store rebuilds a text index whose generation differs (a crash between the two
commits, an index deleted by hand, a cluster wiped).

Examples:
    >>> fts5_query(["alliance", "burden"])
    '"alliance" OR "burden"'
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

__all__ = [
    "TextIndex",
    "Fts5Text",
    "TantivyText",
    "OpenSearchText",
    "ENGINES",
    "fts5_query",
    "text_index",
]

#: The engines a library can use, by the name ``library index --engine`` takes.
ENGINES = ("sqlite", "tantivy", "opensearch")
#: How much a claim's text counts against its quote in the ranking.
TEXT_BOOST, QUOTE_BOOST = 1.0, 0.5


class TextIndex(Protocol):
    """The words of a library's claims, searchable: what every engine provides."""

    name: str

    def generation(self) -> int | None:
        """The generation the index holds (None: none, it is to be built)."""
        ...

    def add(self, rows: Iterable[tuple[int, str, str]]) -> None:
        """Index claims as (rowid, text, quote)."""
        ...

    def remove(self, rowids: Iterable[int]) -> None: ...

    def clear(self) -> None:
        """Take every claim out (before a rebuild)."""
        ...

    def commit(self, generation: int) -> None:
        """Make what was added and removed visible, recorded as ``generation``."""
        ...

    def search(self, words: list[str], limit: int) -> list[tuple[int, float]]:
        """The rowids of the claims holding any of ``words`` (a user's words, each taken as
        a word, never as the engine's syntax), best first, with BM25 scores."""
        ...

    def close(self) -> None: ...


def fts5_query(words: list[str]) -> str:
    """An FTS5 query for any of ``words``, each quoted (FTS5's syntax cannot be typed)."""
    return " OR ".join('"' + w.replace('"', '""') + '"' for w in words)


class Fts5Text:
    """SQLite FTS5, in the library's own file and transactions."""

    name = "sqlite"

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def generation(self) -> int | None:
        return 0  # written with the claims, in their transactions: never behind them

    def add(self, rows: Iterable[tuple[int, str, str]]) -> None:
        self.db.executemany("INSERT INTO claims_fts (rowid, text, quote) VALUES (?, ?, ?)", rows)

    def remove(self, rowids: Iterable[int]) -> None:
        self.db.executemany("DELETE FROM claims_fts WHERE rowid = ?", ((r,) for r in rowids))

    def clear(self) -> None:
        self.db.execute("DELETE FROM claims_fts")

    def commit(self, generation: int) -> None:
        pass  # the store's transaction commits it

    def search(self, words: list[str], limit: int) -> list[tuple[int, float]]:
        rank = f"bm25(claims_fts, {TEXT_BOOST}, {QUOTE_BOOST})"
        rows = self.db.execute(
            f"SELECT rowid, -{rank} FROM claims_fts WHERE claims_fts MATCH ? "
            f"ORDER BY {rank}, rowid LIMIT ?",
            (fts5_query(words), limit),
        )
        return [(r[0], r[1]) for r in rows]

    def close(self) -> None:
        pass


class TantivyText:
    """A tantivy index in ``folder`` (English stemming, BM25)."""

    name = "tantivy"

    def __init__(self, folder: str | os.PathLike) -> None:
        try:
            import tantivy
        except ImportError:
            from argmap.errors import UsageError

            raise UsageError(
                "the tantivy engine needs the tantivy package",
                hint="pip install 'argmap[tantivy]', or use --engine sqlite",
            ) from None
        self._tantivy = tantivy
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        builder = tantivy.SchemaBuilder()
        builder.add_integer_field("rowid", stored=True, indexed=True, fast=True)
        builder.add_text_field("text", stored=False, tokenizer_name="en_stem")
        builder.add_text_field("quote", stored=False, tokenizer_name="en_stem")
        self.schema = builder.build()
        self.index = tantivy.Index(self.schema, path=str(self.folder))
        self._writer: Any = None

    def _stamp(self) -> Path:
        return self.folder / "argmap-generation"

    def generation(self) -> int | None:
        try:
            return int(self._stamp().read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            return None

    def writer(self) -> Any:
        if self._writer is None:
            self._writer = self.index.writer()
        return self._writer

    def add(self, rows: Iterable[tuple[int, str, str]]) -> None:
        writer, document = self.writer(), self._tantivy.Document
        for rowid, text, quote in rows:
            writer.add_document(document(rowid=rowid, text=text, quote=quote or ""))

    def remove(self, rowids: Iterable[int]) -> None:
        writer = self.writer()
        for rowid in rowids:
            writer.delete_documents_by_term("rowid", rowid)

    def clear(self) -> None:
        self.writer().delete_all_documents()

    def commit(self, generation: int) -> None:
        if self._writer is not None:
            self._writer.commit()
            self._writer.wait_merging_threads()
            self._writer = None
            self.index.reload()
        stamp = self._stamp()
        temporary = stamp.with_name(stamp.name + ".tmp")
        temporary.write_text(f"{generation}\n", encoding="ascii")
        os.replace(temporary, stamp)

    def search(self, words: list[str], limit: int) -> list[tuple[int, float]]:
        tantivy = self._tantivy
        terms = []
        for word in words:
            for field, boost in (("text", TEXT_BOOST), ("quote", QUOTE_BOOST)):
                query = self.index.parse_query(f'"{word}"', [field])
                terms.append((tantivy.Occur.Should, tantivy.Query.boost_query(query, boost)))
        if not terms:
            return []
        searcher = self.index.searcher()
        hits = searcher.search(tantivy.Query.boolean_query(terms), limit).hits
        found = [(searcher.doc(address)["rowid"][0], score) for score, address in hits]
        return sorted(found, key=lambda hit: (-hit[1], hit[0]))

    def close(self) -> None:
        self._writer = None


class OpenSearchText:
    """An index on an OpenSearch cluster (``client``: an ``opensearchpy.OpenSearch``)."""

    name = "opensearch"
    #: The index's mapping: English analysis (stemming, stop words), BM25 (the default).
    MAPPING = {
        "settings": {"index": {"number_of_shards": 1}},
        "mappings": {
            "properties": {
                "rowid": {"type": "long"},
                "text": {"type": "text", "analyzer": "english"},
                "quote": {"type": "text", "analyzer": "english"},
            },
            "_meta": {"argmap_generation": None},
        },
    }

    def __init__(self, client: Any, index: str) -> None:
        self.client = client
        self.index = index
        self._actions: list[dict[str, Any]] = []

    @classmethod
    def from_environment(cls) -> OpenSearchText:
        """The cluster ``ARGMAP_OPENSEARCH_URL`` names, the index
        ``ARGMAP_OPENSEARCH_INDEX`` (default ``argmap-library``).

        Raises:
            UsageError: no cluster named, or the client is not installed.
        """
        from argmap.errors import UsageError

        url = os.environ.get("ARGMAP_OPENSEARCH_URL")
        if not url:
            raise UsageError(
                "the opensearch engine needs ARGMAP_OPENSEARCH_URL (the cluster)",
                hint="ARGMAP_OPENSEARCH_URL=https://user:password@host:9200",
            )
        try:
            from opensearchpy import OpenSearch
        except ImportError:
            raise UsageError(
                "the opensearch engine needs the opensearch-py package",
                hint="pip install 'argmap[opensearch]', or use --engine sqlite",
            ) from None
        index = os.environ.get("ARGMAP_OPENSEARCH_INDEX", "argmap-library")
        return cls(OpenSearch(hosts=[url], timeout=30), index)

    def generation(self) -> int | None:
        if not self.client.indices.exists(index=self.index):
            return None
        mapping = self.client.indices.get_mapping(index=self.index)
        meta = mapping.get(self.index, {}).get("mappings", {}).get("_meta") or {}
        found = meta.get("argmap_generation")
        return found if isinstance(found, int) else None

    def add(self, rows: Iterable[tuple[int, str, str]]) -> None:
        self._actions += [
            {"_op_type": "index", "_index": self.index, "_id": str(rowid),
             "rowid": rowid, "text": text, "quote": quote or ""}
            for rowid, text, quote in rows
        ]  # fmt: skip

    def remove(self, rowids: Iterable[int]) -> None:
        self._actions += [
            {"_op_type": "delete", "_index": self.index, "_id": str(rowid)} for rowid in rowids
        ]

    def clear(self) -> None:
        self._actions = []
        if self.client.indices.exists(index=self.index):
            self.client.indices.delete(index=self.index)
        self.client.indices.create(index=self.index, body=self.MAPPING)

    def commit(self, generation: int) -> None:
        from opensearchpy import helpers

        if not self.client.indices.exists(index=self.index):
            self.client.indices.create(index=self.index, body=self.MAPPING)
        if self._actions:
            helpers.bulk(self.client, self._actions, refresh=True, raise_on_error=False)
            self._actions = []
        self.client.indices.put_mapping(
            index=self.index, body={"_meta": {"argmap_generation": generation}}
        )

    def search(self, words: list[str], limit: int) -> list[tuple[int, float]]:
        body = {
            "size": limit,
            "_source": ["rowid"],
            "query": {
                "multi_match": {
                    "query": " ".join(words),
                    "fields": [f"text^{TEXT_BOOST}", f"quote^{QUOTE_BOOST}"],
                    "operator": "or",
                }
            },
            "sort": [{"_score": "desc"}, {"rowid": "asc"}],
        }
        found = self.client.search(index=self.index, body=body)
        return [(hit["_source"]["rowid"], hit["_score"]) for hit in found["hits"]["hits"]]

    def close(self) -> None:
        pass


def text_index(name: str, db: sqlite3.Connection, path: Path) -> TextIndex:
    """The text index of engine ``name`` for the library whose file is ``path``.

    Raises:
        UsageError: no such engine, or its package (or cluster) is missing.
    """
    if name == "sqlite":
        return Fts5Text(db)
    if name == "tantivy":
        return TantivyText(path.with_name(path.name + ".tantivy"))
    if name == "opensearch":
        return OpenSearchText.from_environment()
    from argmap.errors import UsageError

    raise UsageError(f"no engine {name!r}", hint=f"one of {', '.join(ENGINES)}")
