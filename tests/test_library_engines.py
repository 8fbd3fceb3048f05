"""The library's full-text engines behind one interface: the same questions answered by
SQLite's FTS5, tantivy and OpenSearch. No OpenSearch server runs here, so its adapter is
tested against a recorded exchange (tests/data/opensearch/exchange.json): every request it
makes is checked exactly (method, path, parameters and body), and the recorded answer is
what the official client gets back."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import harbour_shelf, run

DATA = Path(__file__).parent / "data"
EXCHANGE = DATA / "opensearch" / "exchange.json"


@pytest.fixture
def shelf(tmp_path, monkeypatch):
    folder = harbour_shelf(tmp_path / "shelf")
    monkeypatch.chdir(folder)
    return folder


def answers(engine: str, index: Path) -> dict:
    found = json.loads(run("library", "find", "cranes quiet at night", "--index", str(index),
                           "-f", "json").stdout)  # fmt: skip
    same = json.loads(run("library", "same", "harbour.yaml", "open-at-night", "--index",
                          str(index), "-f", "json").stdout)  # fmt: skip
    return {
        "top": [r["claim"]["id"] for r in found["results"][:3]],
        "same": sorted((m["claim"]["id"], m["basis"]) for m in same["matches"]),
    }


def test_tantivy_answers_the_questions_sqlite_does(shelf, tmp_path):
    pytest.importorskip("tantivy")
    results = {}
    for engine in ("sqlite", "tantivy"):
        index = tmp_path / engine / "library.sqlite"
        done = run("library", "index", ".", "--index", str(index), "--engine", engine,
                   "-f", "json")  # fmt: skip
        assert done.exit_code == 0, done.output
        assert json.loads(done.stdout)["engine"] == engine
        results[engine] = answers(engine, index)
    assert "crane" in " ".join(results["tantivy"]["top"])
    # Identity does not depend on the engine's ranking: the same quotes and texts.
    certain = {e: [m for m in r["same"] if m[1] != "wording"] for e, r in results.items()}
    assert certain["tantivy"] == certain["sqlite"]


def test_a_lost_tantivy_index_is_rebuilt_from_the_claims(shelf, tmp_path):
    pytest.importorskip("tantivy")
    index = tmp_path / "library.sqlite"
    assert run("library", "index", ".", "--index", str(index), "--engine", "tantivy").exit_code == 0
    before = answers("tantivy", index)
    shutil.rmtree(tmp_path / "library.sqlite.tantivy")
    assert answers("tantivy", index) == before
    # The engine is the library's: a later question uses it without being told.
    again = json.loads(run("library", "index", "--index", str(index), "-f", "json").stdout)
    assert again["engine"] == "tantivy"


def test_the_opensearch_engine_says_what_it_needs(shelf, tmp_path, monkeypatch):
    monkeypatch.delenv("ARGMAP_OPENSEARCH_URL", raising=False)
    refused = run("library", "index", ".", "--index", str(tmp_path / "l.sqlite"),
                  "--engine", "opensearch")  # fmt: skip
    assert refused.exit_code == 2 and "ARGMAP_OPENSEARCH_URL" in refused.stderr


def _replaying(exchange: list[dict]):
    """A connection class for opensearch-py that checks each request against the next
    recorded one and answers as recorded."""
    from opensearchpy.connection import Connection

    pending = list(exchange)

    class Replay(Connection):
        def perform_request(self, method, url, params=None, body=None, timeout=None,
                            ignore=(), headers=None):  # fmt: skip
            assert pending, f"an unrecorded request: {method} {url}"
            want = pending.pop(0)
            sent = body.decode("utf-8") if isinstance(body, bytes) else body
            if sent is not None and url.endswith("_bulk"):
                sent = [json.loads(line) for line in sent.splitlines() if line.strip()]
            elif sent is not None:
                sent = json.loads(sent)
            said = {k: v.decode() if isinstance(v, bytes) else v for k, v in (params or {}).items()}
            got = {"method": method, "url": url, "params": said, "body": sent}
            assert got == want["request"], (got, want["request"])
            status = want["response"]["status"]
            data = json.dumps(want["response"].get("body", ""))
            if status >= 300 and status not in ignore:
                self._raise_error(status, data)
            return status, {"content-type": "application/json"}, data

    return Replay, pending


def test_the_opensearch_adapter_makes_exactly_the_recorded_requests():
    pytest.importorskip("opensearchpy")
    from opensearchpy import OpenSearch

    from argmap.io.library_text import OpenSearchText

    exchange = json.loads(EXCHANGE.read_text(encoding="utf-8"))["exchange"]
    connection, pending = _replaying(exchange)
    client = OpenSearch(hosts=["http://search.example:9200"], connection_class=connection)
    text = OpenSearchText(client, "argmap-test")
    assert text.generation() is None  # no index yet
    text.clear()  # made, with argmap's mapping
    text.add([(1, "Electric cranes are quiet enough for night work.", ""),
              (2, "Night shifts would keep the old town awake.", "keep the old town awake"),
              (3, "The harbour should open at night.", "")])  # fmt: skip
    text.remove([3])
    text.commit(7)
    assert text.generation() == 7
    assert text.search(["cranes", "night"], 5) == [(1, 1.62), (2, 0.41)]
    assert pending == [], "recorded requests the adapter did not make"
