"""Quotes checked against source texts, where they stand, and coverage."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import HARBOUR, SHIPPED, SOURCE_TEXT, run
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.coverage import coverage
from argmap.analysis.provenance import SourceText, check_quotes, normalize
from argmap.analysis.validate import validate
from argmap.graph import build_graph
from argmap.operations.loading import read_map

SOURCE = (
    "Our Harbour Plan\n\n"
    "The port must open at night. Night opening would\n"
    "cut the “waiting time” of trucks — by half — said the port's own study.\n\n"
    "Critics say the noise would harm the neighbourhood, which is the oldest in town and\n"
    "the most crowded.\n\n"
    "A short line.\n"
)


def write_map(tmp_path, quote, locator=None, source_path="texts/plan.txt"):
    (tmp_path / "texts").mkdir(exist_ok=True)
    (tmp_path / "texts" / "plan.txt").write_text(SOURCE, encoding="utf-8")
    claim = {"id": "c", "text": "Open at night", "kind": "conclusion"}
    ev = {
        "id": "e",
        "text": "Halves waiting",
        "kind": "evidence",
        "source": "s",
        "quote": quote,
        "supports": ["c"],
    }
    if locator:
        ev["locator"] = locator
    data = {
        "title": "t",
        "sources": [{"id": "s", "title": "Plan", "path": source_path}],
        "claims": [claim, ev],
    }
    path = tmp_path / "m.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "quote",
    [
        'cut the "waiting time" of trucks',  # straight quotes for curly ones
        "Night opening would cut the",  # across a line break
        "night opening  would\n cut",  # other spacing and case
        "trucks - by half - said the port’s own study",  # dashes and apostrophes
        "trucks\u00a0— by half",  # a non-breaking space
    ],
)
def test_quotes_that_differ_only_in_typography_pass(tmp_path, quote):
    doc = read_map(write_map(tmp_path, quote))
    assert validate(doc) == []


def test_a_quote_altered_by_one_word_is_caught_with_the_closest_passage(tmp_path):
    doc = read_map(write_map(tmp_path, "cut the waiting time of lorries"))
    (d,) = validate(doc)
    assert d.code == "quote_not_found" and d.severity == "error"
    assert "'cut the waiting time of lorries' is not in source 's'" in d.message
    assert "closest passage (¶2, " in d.message
    assert "'cut the “waiting time” of trucks'" in d.message
    assert d.location.line == 1  # JSON on one line: the quote's place


def test_locator_must_agree_when_it_names_a_paragraph(tmp_path):
    ok = read_map(write_map(tmp_path, "The port must open at night", locator="¶2"))
    assert validate(ok) == []
    off = read_map(write_map(tmp_path, "The port must open at night", locator="¶3"))
    assert [d.code for d in validate(off)] == ["locator_mismatch"]


def test_unreadable_source_is_an_error(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "latin1.txt").write_bytes("caf\xe9 cr\xe8me".encode("latin-1"))
    doc = read_map(write_map(tmp_path, "x", source_path="texts/latin1.txt"))
    (d,) = validate(doc)
    assert (d.code, d.severity) == ("source_unreadable", "error")
    assert "not UTF-8 text" in d.message


def test_an_absent_source_text_leaves_its_quotes_unchecked_and_says_so_once(tmp_path):
    # A text not where the map says (a map moved without it, say): a warning per source,
    # naming the file argmap looked for, which --strict counts: the check never switches
    # itself off in silence.
    path = write_map(tmp_path, "words the text does not have", source_path="texts/gone.txt")
    doc = read_map(path)
    (d,) = validate(doc)
    assert (d.code, d.severity) == ("source_absent", "warning")
    tried = tmp_path / "texts" / "gone.txt"
    assert d.message == f"source 's': no text at {tried}, so 1 quote went unchecked"
    assert run(*["validate", str(path)]).exit_code == 0
    strict = run(*["validate", str(path), "--strict"])
    assert strict.exit_code == 1, strict.output
    assert strict.stdout.count("warning[source_absent]") == 1
    shown = run(*["show", str(path), "--quotes"])
    assert shown.exit_code == 0
    assert shown.stderr.count("warning[source_absent]: source 's': no text at") == 1
    assert "words the text does not have" in shown.stdout
    report = json.loads(run(*["coverage", str(path), "-f", "json"]).stdout)
    assert report["sources_absent"] == [{"source": "s", "path": "texts/gone.txt"}]
    assert report["sources"] == []
    text = run(*["coverage", str(path)]).stdout
    assert "source s: no text at texts/gone.txt, so its quotes were not checked" in text


def test_a_source_withheld_on_purpose_is_a_note_that_strict_accepts(tmp_path):
    # An article under copyright, not committed beside the map on purpose: the map says
    # so (withheld: REASON), and its absence is a note, as a fresh clone has it.
    path = write_map(tmp_path, "words the text does not have", source_path="texts/gone.txt")
    data = json.loads(path.read_text())
    data["sources"][0]["withheld"] = "under copyright"
    path.write_text(json.dumps(data))
    (d,) = validate(read_map(path))
    assert (d.code, d.severity) == ("source_withheld", "note")
    assert d.message == (
        "source 's': its text is withheld (under copyright) and not at 'texts/gone.txt', "
        "so 1 quote went unchecked"
    )
    strict = run(*["validate", str(path), "--strict"])
    assert strict.exit_code == 0, strict.output
    assert strict.stdout.endswith(": ok (2 claims, 1 link)\n")


def test_paragraphs_of_a_wrapped_text_are_blocks():
    text = SourceText(SOURCE)
    assert len(text.paragraphs) == 4
    assert text.find("the most crowded").paragraph == 3
    assert text.argumentative() == [2, 3]


def test_paragraphs_of_a_text_with_one_per_line():
    text = SourceText("Title\n" + "word " * 30 + "\n" + "other " * 30 + "\n")
    assert len(text.paragraphs) == 3
    assert text.find("other other").paragraph == 3


def test_normalize_keeps_offsets():
    folded, where = normalize("A  “B”\n—c")
    assert folded == 'a "b" -c'
    assert [where[i] for i in range(len(folded))] == [0, 2, 3, 4, 5, 6, 7, 8][: len(folded)]


def test_show_quotes_prints_where_each_quote_stands(tmp_path):
    path = write_map(tmp_path, "Night opening would cut the")
    out = run(*["show", str(path), "--quotes"]).stdout
    assert "— s, ¶2, characters 47–74" in out
    assert SOURCE[47:74].split() == ["Night", "opening", "would", "cut", "the"]


def test_coverage_report(tmp_path):
    path = write_map(tmp_path, "Night opening would cut the")
    doc = read_map(path)
    report = coverage(doc, build_graph(doc))
    (src,) = report.sources
    assert (src.argumentative, src.drawn_on, src.left_out) == (2, [2], [3])
    assert src.coverage == 0.5
    text = run(*["coverage", str(path)]).stdout
    assert "source s: draws on 1 of 2 argumentative paragraphs (50%)" in text
    assert "left out ¶3: Critics say the noise" in text


def test_coverage_lists_what_is_left_open(tmp_path):
    data = {
        "title": "t",
        "claims": [
            {"id": "c", "text": "C", "kind": "conclusion"},
            {"id": "o", "text": "O", "kind": "objection", "attacks": ["c"]},
            {"id": "e", "text": "E", "kind": "evidence", "attacks": ["o"]},
        ],
    }
    path = tmp_path / "m.json"
    path.write_text(json.dumps(data))
    report = json.loads(run(*["coverage", str(path), "-f", "json"]).stdout)
    assert report["unsupported_conclusions"] == ["c"]
    assert report["unanswered_objections"] == []
    assert report["evidence_without_provenance"] == ["e"]
    ids = run(*["coverage", str(path), "-f", "ids"]).stdout.split()
    assert ids == ["c", "e"]


@pytest.mark.skipif(not SOURCE_TEXT.exists(), reason="the essay is not in ../shared/sources")
def test_the_shipped_map_passes_against_the_essay(tmp_path, monkeypatch):
    # Copied to a fresh place, as the map names the essay relative to itself.
    (tmp_path / "repo" / "maps").mkdir(parents=True)
    (tmp_path / "shared" / "sources").mkdir(parents=True)
    # The essay lies outside the map's project: the project asks for its folder, as ours
    # does, and the person running argmap grants it.
    (tmp_path / "repo" / "argmap.toml").write_text('allow-read = ["../shared/sources"]\n')
    monkeypatch.setenv("ARGMAP_ALLOW_READ", str(tmp_path / "shared" / "sources"))
    shutil.copy(SHIPPED, tmp_path / "repo" / "maps" / SHIPPED.name)
    shutil.copy(SOURCE_TEXT, tmp_path / "shared" / "sources" / SOURCE_TEXT.name)
    doc = read_map(tmp_path / "repo" / "maps" / SHIPPED.name)
    check = check_quotes(doc)
    assert check.problems == []
    quoted = [c.id for c in doc.model.claims if c.quote]
    assert sorted(check.hits) == sorted(quoted)
    report = coverage(doc, build_graph(doc))
    assert report.sources[0].coverage == 1.0


@pytest.mark.parametrize(
    ("path", "reason"),
    [("pipe", "not a regular file"), ("a\x00b", "the path holds a NUL character")],
)
@pytest.mark.timeout(120)  # a hang guard: a pipe is never waited on
def test_a_source_path_that_is_no_text_file_is_unreadable_not_a_crash(tmp_path, path, reason):
    import os

    os.mkfifo(tmp_path / "pipe")
    doc = read_map(write_map(tmp_path, "x", source_path=path))
    (d,) = [d for d in validate(doc) if d.code == "source_unreadable"]
    assert reason in d.message


def test_the_closest_passage_weighs_a_bounded_number_of_passages_per_missing_quote(
    tmp_path, monkeypatch
):
    """Many missing quotes in a long text stay cheap by mechanism: each quote is compared
    character by character with at most CLOSEST_CANDIDATES passages (those aligned on its
    rarest words), never with every word position of the text."""
    import difflib
    import random

    from argmap.analysis import provenance

    compared: list[int] = []

    class Counting(difflib.SequenceMatcher):
        def set_seq2(self, b):
            compared.append(0)  # a new quote
            super().set_seq2(b)

        def ratio(self):
            compared[-1] += 1
            return super().ratio()

    monkeypatch.setattr(provenance.difflib, "SequenceMatcher", Counting)
    rng = random.Random(3)
    vocabulary = [f"w{i}" for i in range(3000)] + ["the", "of", "and"] * 50
    paragraphs = [" ".join(rng.choice(vocabulary) for _ in range(80)) for _ in range(1500)]
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "long.txt").write_text("\n\n".join(paragraphs) + "\n")
    quotes = [" ".join(rng.choice(vocabulary) for _ in range(12)) for _ in range(100)]
    quotes.append(" ".join(rng.choice(vocabulary) for _ in range(5000)))  # one very long
    claims = [{"id": "c", "text": "C", "kind": "conclusion"}] + [
        {"id": f"e{i}", "text": "E", "source": "s", "quote": q, "supports": ["c"]}
        for i, q in enumerate(quotes)
    ]
    path = tmp_path / "m.json"
    path.write_text(
        json.dumps(
            {
                "title": "t",
                "sources": [{"id": "s", "title": "S", "path": "texts/long.txt"}],
                "claims": claims,
            }  # fmt: skip
        )
    )
    found = [d for d in validate(read_map(path)) if d.code == "quote_not_found"]
    assert len(found) == len(quotes)
    assert all("closest passage (¶" in d.message for d in found)
    assert len(compared) >= len(quotes)  # every quote was weighed ...
    assert 0 < max(compared) <= provenance.CLOSEST_CANDIDATES  # ... against few passages


def test_coverage_refuses_a_source_text_that_is_no_regular_file():
    """`coverage --source /dev/zero` is refused at once, not read without end."""
    result = run("coverage", HARBOUR, "--source", "/dev/zero")
    assert result.exit_code == 2
    assert "/dev/zero: cannot read the source text (not a regular file)" in result.output


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(list("aB \t\n[]\u2018\u2019\u201c\u201d\u2014-.\u00dfI\u0130"
                                  "\u03a3\u03c3\u03c2\u00a0xyZ")), max_size=20),
    st.integers(0, 9),
)  # fmt: skip
def test_text_folded_a_word_at_a_time_is_the_text_folded_a_character_at_a_time(parts, base):
    from argmap.analysis.provenance import _FOLD, _normalize_by_character, normalize

    text = "".join(parts)
    folded, where = normalize(text, base)
    slow, slow_where = _normalize_by_character(text.translate(_FOLD), base)
    assert (folded, list(where)) == (slow, list(slow_where))


def test_a_source_text_is_held_compactly_a_machine_integer_a_character():
    from argmap.analysis.provenance import SourceText

    text = SourceText("Title: T\n\n" + "The alliance holds. " * 500)
    assert text.offsets.itemsize <= 4 and len(text.offsets) == len(text.folded)
    text.closest("the alliance stands")
    assert text._starts.itemsize <= 4 and text._words.itemsize <= 4


def _harbour_with(tmp_path, above: str):
    """The harbour fixture beside a copy of its text with ``above`` written on top."""
    import shutil

    from conftest import DATA, HARBOUR

    (tmp_path / "sources").mkdir()
    for text in (DATA / "sources").iterdir():
        body = text.read_text(encoding="utf-8")
        if text.name == "harbour-op-ed.txt":
            body = above + body
        (tmp_path / "sources" / text.name).write_text(body, encoding="utf-8")
    shutil.copy(HARBOUR, tmp_path / HARBOUR.name)
    return tmp_path / HARBOUR.name


def test_a_source_whose_first_line_is_its_address_counts_its_paragraphs_after_it(tmp_path):
    path = _harbour_with(tmp_path, "https://news.example.org/opinion/open-the-harbour\n\n")
    result = run("validate", "--strict", path)
    assert result.exit_code == 0, result.output


def test_locators_all_off_by_one_are_said_once_and_fmt_fix_sets_them(tmp_path):
    path = _harbour_with(tmp_path, "OPINION\n\n")  # a section line the analyst did not count
    result = run("validate", path)
    warned = [line for line in result.output.splitlines() if "locator_mismatch" in line]
    assert len(warned) == 1 and "are off by -1" in warned[0], result.output
    assert "argmap fmt MAP --fix" in warned[0]
    shown = run("fmt", path, "--fix", "--diff")
    assert shown.exit_code == 1 and "+    locator: ¶" in shown.stdout
    assert run("fmt", path, "--fix").exit_code == 0
    assert run("validate", "--strict", path).exit_code == 0


_PIECES = ["a", "b", "c", "T", "o", "’", "—", "-", "[", "]", "(", ".", ",", '"', "“", "é", "ß",
           "ﬁ", "\u00ad", "\u00a0", "\u200b", "e\u0301", "İ", "…"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_PIECES), min_size=1, max_size=9).map("".join),
        min_size=3,
        max_size=40,
    ),  # fmt: skip
    st.data(),
)
def test_the_closest_passage_starts_and_ends_on_word_boundaries(words, data):
    """The passage a refused quote is shown beside is whole words of the source: it never
    starts or ends inside a word, whatever the text's punctuation, ligatures or spaces."""
    import re

    from argmap.analysis.provenance import SourceText

    text = " ".join(words)
    i = data.draw(st.integers(0, len(words) - 1))
    j = data.draw(st.integers(i + 1, len(words)))
    passage = SourceText(text).closest(" ".join(words[i:j]) + " zzz").passage
    if not passage:
        return
    flat = " ".join(text.split())
    edge = " \"'“”‘’«»()[]{}—–-,.;:"
    places = [m.start() for m in re.finditer("(?=" + re.escape(passage) + ")", flat)]
    assert any(
        (k == 0 or flat[k - 1] in edge)
        and (k + len(passage) == len(flat) or flat[k + len(passage)] in edge)
        for k in places
    ), (text, passage)


def test_a_refused_quote_and_its_hint_are_clipped_between_words(tmp_path):
    source = tmp_path / "s.txt"
    source.write_text("Incomprehensibilities abound in every chapter of the report. " * 3)
    m = tmp_path / "m.yaml"
    m.write_text(
        "title: t\nsources:\n  - {id: s, title: S, path: s.txt}\nclaims:\n"
        "  - id: c\n    text: C\n    source: s\n"
        "    quote: Incomprehensibilities abounded in each chapter of that long report, as "
        "the committee found when it read the whole thing twice over in the spring\n"
    )
    written = (
        "Incomprehensibilities abounded in each chapter of that long report, as the committee "
        "found when it read the whole thing twice over in the spring"
    )
    out = run("validate", m).output
    assert "quote_not_found" in out
    hint = out.split("alike): ")[1]
    assert hint.startswith("'Incomprehensibilities")
    quoted = out.split("quote '")[1].split("' is not")[0]
    assert quoted.endswith("…") and quoted[:-1].split()[-1] in written.split(" ")
