"""argmap library: a library over the fixtures (the harbour op-ed mapped twice, a reply
that uses the first map, an AIF map, a file that is no map), the shipped maps and the
corpora; kept current as maps are edited, renamed and deleted; a damaged or locked index."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import ROOT, SHIPPED, harbour_shelf, run

DATA = Path(__file__).parent / "data"
COUNTER = ROOT / "maps" / "alliance-ballast.yaml"
ARAUCARIA = ROOT.parent / "shared" / "corpora" / "aif-araucariadb"


@pytest.fixture
def library(tmp_path, monkeypatch):
    """A folder of maps, with the working folder in it, and the index run over it."""
    shelf = harbour_shelf(tmp_path / "shelf")
    shutil.copy(DATA / "library" / "harbour-debate.json", shelf / "harbour-debate.json")
    shutil.copy(DATA / "library" / "README.json", shelf / "README.json")
    monkeypatch.chdir(shelf)
    monkeypatch.setenv("ARGMAP_LIBRARY", str(tmp_path / "index" / "library.sqlite"))
    done = run("library", "index", ".")
    assert done.exit_code == 0, done.output
    return shelf


def lib(*args: str):
    result = run("library", *args)
    assert result.exit_code == 0, result.output
    return result


def as_json(*args: str):
    """The JSON answer; exit status 1 only for an empty answer (nothing found, as grep)."""
    result = run("library", *args, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.stdout)
    assert (result.exit_code == 1) == (data.get("results", data.get("matches")) == []), data
    return data


def test_index_reads_every_format_and_skips_what_is_no_map(library):
    data = as_json("index")
    assert data["maps"] == 4 and data["read"] == 0 and data["unchanged"] == 5
    assert [s["path"] for s in data["skipped"]] == ["README.json"]
    first = run("library", "index", ".")
    assert "skipped README.json:" in first.stderr
    assert "4 maps" in first.stdout


def test_find_ranks_claims_about_a_query(library):
    found = as_json("find", "cranes quiet at night")
    assert found["results"], found
    top = found["results"][0]["claim"]
    assert "crane" in top["text"].lower()
    assert {"map", "id", "kind", "text", "quote", "locator", "verdict", "strength"} <= set(top)
    # Every result is a claim of a map of the library, with its own map's verdict.
    maps = {r["claim"]["map"] for r in found["results"]}
    assert maps <= {"harbour.yaml", "harbour-student.yaml", "harbour-reply.yaml",
                    "harbour-debate.json"}  # fmt: skip
    ids = lib("find", "cranes quiet at night", "--format", "ids").stdout.splitlines()
    assert ids[0] == f"{top['map']} {top['id']}"
    # Words FTS5 would read as syntax are searched as words.
    assert run("library", "find", 'NEAR( "x" AND -').exit_code in (0, 1)
    nothing = run("library", "find", "?!")
    assert nothing.exit_code == 2 and "no word to search for" in nothing.stderr


def test_same_finds_quotes_texts_and_wording_across_maps_and_formats(library):
    same = as_json("same", "harbour.yaml", "other-ports")
    bases = {(m["claim"]["map"], m["claim"]["id"]): m["basis"] for m in same["matches"]}
    assert bases[("harbour-student.yaml", "other-harbours")] == "same quote"
    opened = as_json("same", "harbour.yaml", "open-at-night")
    bases = {(m["claim"]["map"], m["claim"]["id"]): (m["basis"], m["score"])
             for m in opened["matches"]}  # fmt: skip
    # The AIF map writes the same sentence: the same text, certain.
    assert bases[("harbour-debate.json", "1")] == ("same text", 1.0)
    # The student quotes the same passage at more length: one quote inside the other.
    basis, score = bases[("harbour-student.yaml", "open-harbour")]
    assert basis == "quote within" and 0 < score < 1
    # Certain matches come first; wording is scored, and the opposite claim is not the same.
    order = [m["basis"] for m in opened["matches"]]
    assert order == sorted(order, key=lambda b: b == "wording")
    assert all(m["score"] >= 0.5 for m in opened["matches"] if m["basis"] == "wording")
    unknown = run("library", "same", "harbour.yaml", "open-at-nite")
    assert unknown.exit_code == 2 and "open-at-night" in unknown.stderr
    elsewhere = run("library", "same", "nowhere.yaml", "x")
    assert elsewhere.exit_code == 2 and "not a map of this library" in elsewhere.stderr


def test_who_lists_what_bears_on_a_claim_across_maps_with_each_verdict(library):
    who = as_json("who", "harbour.yaml", "open-at-night")
    arguers = {(a["relation"], a["claim"]["map"], a["claim"]["id"]) for a in who["arguers"]}
    # The reply attacks it through its uses: (port:open-at-night); the AIF map attacks its
    # own copy of the same sentence.
    assert ("attack", "harbour-reply.yaml", "keep-closed") in arguers
    assert ("attack", "harbour-debate.json", "2") in arguers
    verdicts = {(v["map"], v["basis"]): v["verdict"] for v in who["verdicts"]}
    assert ("harbour.yaml", "named") in verdicts
    assert ("harbour-reply.yaml", "named") in verdicts  # the reply's own weighing of it
    assert ("harbour-debate.json", "same text") in verdicts
    assert who["disagree"] == (len(set(verdicts.values()) - {None}) > 1)
    text = lib("who", "harbour.yaml", "open-at-night").stdout
    assert "verdicts:" in text and "harbour-reply.yaml" in text
    against = as_json("find", "", "--against", "harbour.yaml", "open-at-night")
    assert {r["relation"] for r in against["results"]} <= {"attack", "undercut"}
    assert any(r["claim"]["id"] == "keep-closed" for r in against["results"])


def test_the_index_follows_maps_edited_renamed_and_deleted(library):
    assert not as_json("find", "lighthouse")["results"]
    # Edited: a claim reworded is found by its new words at the next question.
    text = (library / "harbour-student.yaml").read_text(encoding="utf-8")
    (library / "harbour-student.yaml").write_text(
        text.replace("The queues at the gates are expensive.",
                     "The queues at the lighthouse gates are expensive."),
        encoding="utf-8",
    )  # fmt: skip
    found = run("library", "find", "lighthouse", "--format", "json")
    assert found.exit_code == 0 and "1 file(s) indexed again" in found.stderr
    assert [r["claim"]["id"] for r in json.loads(found.stdout)["results"]] == ["queues-expensive"]
    # Renamed: found under its new name only.
    (library / "harbour-student.yaml").rename(library / "student.yaml")
    hits = as_json("find", "lighthouse")["results"]
    assert [r["claim"]["map"] for r in hits] == ["student.yaml"]
    # Deleted: gone.
    (library / "student.yaml").unlink()
    assert not as_json("find", "lighthouse")["results"]
    # Unchanged files are not read again.
    assert as_json("index")["read"] == 0


def test_a_damaged_index_is_set_aside_and_rebuilt_from_the_maps(library, tmp_path):
    index = tmp_path / "index" / "library.sqlite"
    size = index.stat().st_size
    with open(index, "r+b") as f:
        f.truncate(size // 3)
    found = run("library", "find", "cranes")
    assert found.exit_code == 0, found.output
    assert "rebuilt from the maps" in found.stderr
    assert json.loads(run("library", "find", "cranes", "-f", "json").stdout)["results"]
    assert (tmp_path / "index" / "library.sqlite.broken").exists()
    # Not a database at all.
    index.write_bytes(b"not a database" * 100)
    again = run("library", "who", "harbour.yaml", "open-at-night")
    assert again.exit_code == 0 and "rebuilt from the maps" in again.stderr
    assert as_json("index")["maps"] == 4


def test_a_locked_index_is_a_clear_error_and_nothing_changes(library, tmp_path, monkeypatch):
    index = tmp_path / "index" / "library.sqlite"
    (library / "harbour.yaml").write_text(
        (library / "harbour.yaml").read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8"
    )
    holder = sqlite3.connect(index, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        monkeypatch.setenv("ARGMAP_LOCK_TIMEOUT", "0.2")
        busy = run("library", "find", "cranes")
        assert busy.exit_code == 3
        assert "held by another argmap" in busy.stderr and "nothing was changed" in busy.stderr
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert as_json("find", "cranes")["results"]


def test_the_default_library_is_the_projects_maps_at_its_top(tmp_path, monkeypatch):
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (project / "maps").mkdir()
    shutil.copy(DATA / "harbour.yaml", project / "maps" / "harbour.yaml")
    shutil.copytree(DATA / "sources", project / "maps" / "sources")
    (project / "notes").mkdir()
    monkeypatch.chdir(project / "notes")
    monkeypatch.delenv("ARGMAP_LIBRARY", raising=False)
    done = as_json("index")
    assert done["maps"] == 1
    assert (project / ".argmap" / "library.sqlite").exists()
    assert done["index"] == os.path.join("..", ".argmap", "library.sqlite") or done[
        "index"
    ].endswith(".argmap/library.sqlite")


def test_who_on_the_essay_lists_the_counter_essays_attack_with_both_verdicts(tmp_path, monkeypatch):
    monkeypatch.setenv("ARGMAP_LIBRARY", str(tmp_path / "library.sqlite"))
    monkeypatch.chdir(ROOT)
    lib("index", str(SHIPPED), str(COUNTER))
    who = as_json("who", str(SHIPPED.relative_to(ROOT)), "prepare-for-readjustment")
    attacks = [a for a in who["arguers"] if a["relation"] == "attack"]
    assert any(a["claim"]["map"] == "maps/alliance-ballast.yaml" for a in attacks)
    maps = {v["map"] for v in who["verdicts"]}
    assert maps == {"maps/us-japan-trump2.yaml", "maps/alliance-ballast.yaml"}
    assert all(v["verdict"] in ("in", "out", "undec") for v in who["verdicts"])


@pytest.mark.slow
@pytest.mark.skipif(not ARAUCARIA.is_dir(), reason="../shared/corpora is absent")
def test_every_recurring_araucaria_claim_is_found_and_nothing_false_is_merged(
    tmp_path, monkeypatch
):
    from argmap.analysis.library import normalise

    monkeypatch.setenv("ARGMAP_LIBRARY", str(tmp_path / "library.sqlite"))
    lib("index", str(ARAUCARIA))
    db = sqlite3.connect(tmp_path / "library.sqlite")
    rows = db.execute("SELECT file, id, text FROM claims").fetchall()
    by_text: dict[str, list[tuple[str, str]]] = {}
    for file, ident, text in rows:
        by_text.setdefault(normalise(text), []).append((file, ident))
    recurring = {t: where for t, where in by_text.items()
                 if t and len({f for f, _ in where}) > 1}  # fmt: skip
    assert len(recurring) > 150
    from argmap.operations.library import same

    for text, where in list(recurring.items()):
        file, ident = where[0]
        found = same(file, ident).value
        certain = {(m.claim.id, os.path.realpath(m.claim.map)) for m in found.matches
                   if m.basis in ("same text", "same quote")}  # fmt: skip
        others = {(i, f) for f, i in where[1:]}
        assert others <= certain, text
        for m in found.matches:  # no false merge: a certain match says the same words
            if m.basis == "same text":
                assert normalise(m.claim.text) == text


def test_every_answer_matches_its_published_schema(library):
    from jsonschema import Draft202012Validator

    cases = {
        "library-index": [["index"]],
        "library-find": [["find", "cranes at night"], ["find", "", "--for", "harbour.yaml",
                                                        "open-at-night"]],
        "library-same": [["same", "harbour.yaml", "open-at-night"]],
        "library-who": [["who", "harbour.yaml", "open-at-night"]],
    }  # fmt: skip
    for name, calls in cases.items():
        schema = json.loads(run("schema", "--of", name).stdout)
        Draft202012Validator.check_schema(schema)
        for args in calls:
            data = json.loads(run("library", *args, "-f", "json").stdout)
            errors = list(Draft202012Validator(schema).iter_errors(data))
            assert not errors, (name, args, errors[:3])
        # Strict: a key no answer writes is refused.
        assert list(Draft202012Validator(schema).iter_errors({**data, "extra": 1}))


def test_the_best_wording_match_is_raised_by_its_lead_but_shown_by_its_wording(
    tmp_path, monkeypatch
):
    from argmap.analysis.library import stood_out

    shelf = tmp_path / "shelf"
    shelf.mkdir()
    (shelf / "a.yaml").write_text(
        "title: Ports\nclaims:\n  - id: nights\n"
        "    text: Night shifts at the harbour raise the port's yearly income\n",
        encoding="utf-8",
    )
    (shelf / "b.yaml").write_text(
        "title: Harbours\nclaims:\n  - id: shifts\n"
        "    text: The harbour's night shifts raise its yearly income a little\n"
        "  - id: cranes\n    text: Cranes at the harbour are loud at night\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(shelf)
    monkeypatch.setenv("ARGMAP_LIBRARY", str(tmp_path / "library.sqlite"))
    assert run("library", "index", ".").exit_code == 0
    plain = json.loads(run("library", "same", "a.yaml", "nights", "--threshold", "0.1",
                           "-f", "json").stdout)["matches"]  # fmt: skip
    scores = {m["claim"]["id"]: m["score"] for m in plain}
    # The best stands out from the next: raised, still within 0-1, still first.
    assert [m["claim"]["id"] for m in plain] == ["shifts", "cranes"]
    assert scores["shifts"] < 1
    raised = stood_out({"s": 0.6, "c": 0.2})
    assert raised["s"] > 0.6 and raised["c"] == 0.2
    assert stood_out({"s": 0.6, "c": 0.6}) == {"s": 0.6, "c": 0.6}
    # Whether a candidate is shown is decided by its wording alone, not by the raise.
    import argmap.analysis.library as library_analysis

    with monkeypatch.context() as m:
        m.setattr(library_analysis, "STANDS_OUT", 0.0)
        wording = {x["claim"]["id"]: x["score"] for x in json.loads(
            run("library", "same", "a.yaml", "nights", "--threshold", "0.1", "-f", "json").stdout
        )["matches"]}  # fmt: skip
    assert wording["cranes"] == scores["cranes"] and wording["shifts"] < scores["shifts"]
    between = round((wording["shifts"] + scores["shifts"]) / 2, 4)
    hidden = run("library", "same", "a.yaml", "nights", "--threshold", str(between), "-f", "json")
    assert hidden.exit_code == 1 and json.loads(hidden.stdout)["matches"] == []


def test_find_is_asked_of_the_index_while_the_files_are_checked(library, monkeypatch):
    import threading

    from argmap.io.library_store import SqliteEngine
    from argmap.operations import library as operations

    asked = threading.Event()
    during: list[bool] = []
    real_on_disk, real_search = operations._on_disk, SqliteEngine.search

    def on_disk(roots, home):
        # Asked after the check, the question would never come while it waits.
        during.append(asked.wait(timeout=60))
        return real_on_disk(roots, home)

    def search(self, words, limit):
        asked.set()
        return real_search(self, words, limit)

    monkeypatch.setattr(operations, "_on_disk", on_disk)
    monkeypatch.setattr(SqliteEngine, "search", search)
    assert as_json("find", "cranes quiet at night")["results"]
    assert during == [True]
