"""Argdown: the reader agrees with the Argdown CLI, the writer's output is read by it, and
maps survive argmap -> Argdown -> argmap."""

from __future__ import annotations

import json
import random
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from conftest import MAPS, ROOT, inference_keys, run
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from strategies import argument_maps

from argmap.analysis.validate import validate
from argmap.errors import MapError
from argmap.formats import argdown, argdown_syntax
from argmap.graph import build_graph
from argmap.model import ArgMap
from argmap.model.document import Document
from argmap.model.ids import slug
from argmap.operations.loading import read_map

CORPUS = sorted((ROOT.parent / "shared" / "corpora" / "argdown").glob("*/*.argdown"))
#: A lexer test of bare relation symbols: not a document; the Argdown CLI refuses it too.
NOT_A_DOCUMENT = "lexer-relations.argdown"


def key(path: Path) -> str:
    return f"{path.parent.name}-{path.stem}"


def run_cli(cli: str, files: list[Path], work: Path) -> dict[str, dict]:
    """The Argdown CLI's JSON for each file (one process for all), by :func:`key`; files
    it refuses are absent."""
    inp, out = work / "in", work / "out"
    inp.mkdir(parents=True)
    for f in files:
        (inp / f"{key(f)}.argdown").write_bytes(f.read_bytes())
    subprocess.run(
        [cli, "json", str(inp / "*.argdown"), str(out)],
        capture_output=True,
        check=False,
        timeout=300,
    )
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")}


def cli_view(data: dict) -> dict:
    """What the CLI parsed: statements with their texts, arguments with their structure,
    relations."""
    kind = {"equivalence-class": "statement", "argument": "argument", "inference": "inference"}

    def text(members):
        # Argdown's own choice: the member marked isCanonical, else the last one that is
        # not a mere reference.
        written = [m for m in members if not m.get("isReference")]
        marked = [m for m in written if (m.get("data") or {}).get("isCanonical") is True]
        member = (marked[-1:] or written[-1:] or [{}])[0]
        original = t = member.get("text", "")
        for tag in member.get("tags", []):  # the CLI keeps tags in the text; argmap not
            t = re.sub(rf"#(?:\({re.escape(tag)}\)|{re.escape(tag)})(?![\w-])[ \t]?", "", t)
        # ... unless the text is nothing but tags: then they are its text.
        return " ".join((t if t.strip() else original).split())

    return {
        "statements": {t: text(s["members"]) for t, s in data["statements"].items()},
        "arguments": {
            t: [p["title"] for p in a.get("pcs", [])] for t, a in data["arguments"].items()
        },
        "relations": Counter(
            (r["relationType"], (kind[r["fromType"]], r["from"]), (kind[r["toType"]], r["to"]))
            for r in data["relations"]
        ),
    }


def our_view(doc: argdown_syntax.ArgdownDocument) -> dict:
    return {
        "statements": {t: s.text for t, s in doc.statements.items()},
        "arguments": {t: a.pcs for t, a in doc.arguments.items()},
        "relations": Counter((r.kind, r.source, r.target) for r in doc.relations),
    }


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS, reason="../shared/corpora/argdown is absent")
def test_reader_agrees_with_the_argdown_cli_on_every_example(argdown_cli, tmp_path):
    reference = run_cli(argdown_cli, CORPUS, tmp_path)
    compared = 0
    for path in CORPUS:
        if path.name == NOT_A_DOCUMENT:
            assert key(path) not in reference  # the CLI refuses it
            with pytest.raises(MapError, match="no statement or argument above it"):
                argdown_syntax.parse(path.read_text(encoding="utf-8"), str(path))
            continue
        ours = our_view(argdown_syntax.parse(path.read_text(encoding="utf-8"), str(path)))
        theirs = cli_view(reference[key(path)])
        assert ours == theirs, path.name
        compared += 1
    assert compared == len(CORPUS) - 1 == 11


def random_document(seed: int) -> str:
    """A random Argdown document: statements and arguments, defined and referred to (some
    marked canonical), with relation trees of every symbol (spaces or tabs, comments,
    continued lines), premise-conclusion structures with every kind of inference line,
    tags, data, markup, mentions, shortcodes, escapes, headings, list items, front matter
    (loose or strict) and, now and then, CRLF line ends."""
    r = random.Random(seed)
    ops = ["+", "-", "<+", "<-", "+>", "->", "_", "<_", "_>", "><"]
    words = ["the", "policy", "works", "**bold**", "*it*", "__b__", "_i_", "#tag", "#(two tags)",
             "#my_tag", "@[A]", "@<B>", "[link](http://x.y/a_b)", "costs", "a:b", "e.g.",
             "\\#esc", "\\[x\\]", ".A.x", ":E:y", "x.->.y", "done."]  # fmt: skip
    tab = r.random() < 0.2

    def text():
        return " ".join(r.choice(words) for _ in range(r.randint(1, 5)))

    def element(pcs=False):
        t = r.choice(["A", "B", "C", "D", "Long title", "\u00dcn\u00ef", "x_y", "T.1"])
        c = r.random()
        if c < 0.2:
            return f"[{t}]"
        if c < 0.4:
            return f"[{t}]: {text()}" + (" {isCanonical: true}" if r.random() < 0.1 else "")
        if c < 0.7 and not pcs:
            return f"<{t}>" if c < 0.55 else f"<{t}>: {text()}"
        return text()

    def tree(depth, indent):
        lines = []
        for _ in range(r.randint(0, 3 if depth < 3 else 0)):
            pad = "\t" * (indent // 2) if tab else " " * indent
            el = element()
            lines.append(pad + r.choice(ops) + " " + el)
            if r.random() < 0.15 and not el.startswith(("[", "<")):
                lines.append(pad + "  continued " + text())
            if r.random() < 0.05:
                lines.append(pad + "  // a comment")
            lines += tree(depth + 1, indent + 2)
        return lines

    out = []
    if r.random() < 0.4:
        out += ["===", f"title: Random {seed}"]
        if r.random() < 0.5:
            out += ["model:", f"    mode: {r.choice(['strict', 'loose'])}"]
        out += ["===", ""]
    rules = [["----"], ["-- rule --"], ["--", "some rule", "--"], ["-- {uses: [1]} --"],
             ["-- Modus .->. ponens --"]]  # fmt: skip
    for _ in range(r.randint(1, 8)):
        c = r.random()
        if c < 0.1:
            out.append(f"{'#' * r.randint(1, 3)} Heading {text()}")
        elif c < 0.35:
            if r.random() < 0.6:
                out += [f"<{r.choice('ABCDE')}>" + (f": {text()}" if r.random() < 0.5 else ""), ""]
            n = 1
            for _ in range(r.randint(1, 2)):
                for _ in range(r.randint(1, 3)):
                    out += [f"({n}) {element(pcs=True)}", *tree(2, 2)]
                    n += 1
                out += r.choice(rules)
            out += [f"({n}) {element(pcs=True)}", *tree(2, 2)]
        elif c < 0.42:
            out += [f"  * {text()}", f"  * {text()}", *tree(1, 4)]
        elif c < 0.47:
            out += [f"  1. {text()}", f"  2. {text()}"]
        else:
            out.append(element() + (" {kind: evidence}" if r.random() < 0.2 else ""))
            if r.random() < 0.1:
                out.append("<!-- a comment -->")
            out += tree(0, 2)
        out.append("")
    return ("\r\n" if r.random() < 0.1 else "\n").join(out)


@pytest.mark.slow
def test_reader_agrees_with_the_argdown_cli_on_random_documents(argdown_cli, tmp_path):
    docs = []
    for seed in range(400):
        path = tmp_path / f"random{seed:03d}.argdown"
        path.write_bytes(random_document(seed).encode("utf-8"))
        docs.append(path)
    reference = run_cli(argdown_cli, docs, tmp_path / "cli")
    compared = 0
    for path in docs:
        if key(path) not in reference:
            continue  # the CLI refuses it (argmap is more lenient about layout)
        text = path.read_bytes().decode("utf-8")
        ours = our_view(argdown_syntax.parse(text, str(path)))
        assert ours == cli_view(reference[key(path)]), text
        compared += 1
    assert compared >= 150, compared


@pytest.mark.skipif(not CORPUS, reason="../shared/corpora/argdown is absent")
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_example_imports_validates_and_keeps_its_counts(path, tmp_path):
    out = tmp_path / "map.yaml"
    result = run(*["import", str(path), "-o", str(out)])
    if path.name == NOT_A_DOCUMENT:
        assert result.exit_code == 1
        assert f"{path}:1:1: error[syntax]" in result.output
        return
    assert result.exit_code == 0, result.output
    doc = read_map(out)
    assert not [d for d in validate(doc) if d.severity == "error"]
    parsed = argdown_syntax.parse(path.read_text(encoding="utf-8"), str(path))
    model = doc.model
    # Every statement is a claim; every argument is a claim, or the support it consists of.
    arguments = [c for c in model.claims if c.kind == "argument"]
    assert len(model.claims) - len(arguments) == len(parsed.statements)
    groups = {lk.group for lk in model.links if lk.group} | {lk.id for lk in model.links}
    for title in parsed.arguments:
        base = slug(title)
        assert (
            any(c.id.startswith(base) for c in arguments)
            or base in groups
            or (any(g.startswith(base) for g in groups))
        ), title
    # Every relation is a link (a contradiction two), besides the premise-conclusion links.
    kinds = Counter(r.kind for r in parsed.relations)
    expected = sum(kinds.values()) + kinds["contradictory"] + kinds["contrary"]
    pcs_links = 0
    for arg in parsed.arguments.values():
        for step in arg.steps:
            pcs_links += len(step.premises)
        if arg.steps and any(c.id == slug(arg.title) for c in arguments):
            pcs_links += 1  # the argument's support of its conclusion
    assert len(model.links) == expected + pcs_links


def test_relations_by_symbol_and_indentation():
    doc = argdown_syntax.parse(
        "[A]: a\n"
        "  + [B]: b\n"
        "    <- [C]: c\n"
        "      +> [D]: d\n"
        "  - <E>: e\n"
        "    _ <F>: f\n"
        "  -> [G]: g\n"
        "  >< [H]: h\n"
        "  <_ <I>: i\n"
    )
    # In Argdown's order: a relation is made once the relations under its child are.
    assert [(r.kind, r.source[1], r.target[1]) for r in doc.relations] == [
        ("support", "C", "D"),
        ("attack", "C", "B"),
        ("support", "B", "A"),
        ("undercut", "F", "E"),
        ("attack", "E", "A"),
        ("attack", "A", "G"),
        ("contradictory", "A", "H"),
        ("undercut", "I", "A"),
    ]


def test_premise_conclusion_structures_become_support():
    m = argdown.parse(
        "<Core>\n\n(1) [Doom]: Society is doomed.\n(2) [Only]: Only we can save it.\n"
        "-- modus ponens --\n(3) [Power]: We must come to power.\n\n"
        "<Core>\n  _ [Doubt]: The premises do not give the conclusion.\n"
    )
    assert [(c.id, c.kind.value) for c in m.claims] == [
        ("Doom", "claim"),
        ("Only", "claim"),
        ("Power", "conclusion"),
        ("Doubt", "claim"),
    ]
    support = [(lk.source, lk.target, lk.group, lk.note) for lk in m.links if lk.kind == "support"]
    assert support == [
        ("Doom", "Power", "Core", "modus ponens"),
        ("Only", "Power", "Core", "modus ponens"),
    ]
    (undercut,) = [lk for lk in m.links if lk.kind == "undercut"]
    assert (undercut.source, undercut.target) == ("Doubt", "Doom.support.Power")


def test_an_argument_with_its_own_text_stays_a_claim():
    m = argdown.parse(
        "<Core>: The populists alone can save society.\n\n"
        "(1) [Doom]: Society is doomed.\n----\n(2) [Power]: We must come to power.\n\n"
        "[Power]\n  - [Elite]: The elite disagrees.\n\n<Core>\n  - [Liberal]: Pluralism.\n"
    )
    assert {c.id: c.kind.value for c in m.claims}["Core"] == "argument"
    assert [(lk.source, lk.kind.value, lk.target) for lk in m.links] == [
        ("Doom", "support", "Core"),
        ("Core", "support", "Power"),
        ("Elite", "attack", "Power"),
        ("Liberal", "attack", "Core"),
    ]


def test_text_markup_tags_data_and_comments():
    doc = argdown_syntax.parse(
        "===\ntitle: T\n===\n\n"
        "[A]: **Bold** and _italic_ with a [link](https://x.org/a//b) #tag #(two words)\n"
        "continued // a comment\n"
        "<!-- a comment\n over lines -->\n"
        '  + [B]: b \\#not-a-tag .A.x {kind: evidence, quote: "a // b"}\n'
    )
    a, b = doc.statements["A"], doc.statements["B"]
    assert a.text == "Bold and italic with a link continued"
    assert a.tags == ["tag", "two words"]
    assert b.text == "b #not-a-tag \u2200x"
    assert b.data == {"kind": "evidence", "quote": "a // b"}
    assert doc.front == {"title": "T"}


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("(1) A\n(2) B\n", 1, "no inference line"),
        ("(1) A\n--\nrule\n", 2, "not closed"),
        ("[A]: a {kind: [unclosed}\n", 1, "invalid YAML in data"),
        ("===\ntitle: [\n===\n\n[A]: a\n", 3, "invalid YAML in front matter"),
        ("[A]: a\n  +\n", 2, "names no statement or argument"),
        ("+ [A]: a\n", 1, "no statement or argument above it"),
    ],
)
def test_errors_name_the_line(text, line, message):
    with pytest.raises(MapError, match=message) as info:
        argdown_syntax.parse(text, "x.argdown")
    assert info.value.diagnostics[0].location.line == line


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("[A]: a\n  + [B]: b {kind: bogus}\n", 2, "bad data of 'B': kind: Input should be"),
        ("[A]: a\n\n<C>: c {confidence: 2}\n", 3, "bad data of 'C': confidence"),
        ("===\ntitle: T\nargmap: {created: someday}\n===\n\n[A]: a\n", 1, "bad front matter"),
    ],
)
def test_bad_data_is_reported_at_its_element(text, line, message):
    with pytest.raises(MapError, match=message) as info:
        argdown.parse(text, "x.argdown")
    assert info.value.diagnostics[0].location.line == line


PIECES = [
    "[A]", "[A]:", "<B>", "<B>:", " text", " #tag", " #(t t)", "{kind: evidence}", "{x", "}",
    "\n", "\n\n", "  ", "\t", "+ ", "- ", "_ ", "<+ ", "<- ", "<_ ", "+> ", "-> ", "_> ",
    ">< ", "(1) ", "(2) ", "--", "----", "-- r --", "# H", "===\ntitle: x\n===\n", "//c",
    "/*", "*/", "<!--", "-->", "**b**", "_i_", "\\", "@[A]", "[l](u)", " 1. ", " * ", ".A.",
    "\u00e9", "\r\n", "{kind: argument}", "{confidence: 2}", "{source: 3}", "{kind: bogus}",
    "{group: g, argmap-link: support}", "{argmap-link: undercut}", "{argmap-link: attack}",
]  # fmt: skip


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_any_text_is_read_or_refused_with_a_line(text):
    # Never a traceback: either a map (that builds a graph) or a located MapError.
    try:
        model = argdown.parse(text, "f.argdown")
    except MapError as exc:
        assert exc.diagnostics[0].location.line >= 1
        return
    build_graph(Document(model))


def test_import_reports_the_file_and_line(tmp_path):
    bad = tmp_path / "bad.argdown"
    bad.write_text("[A]: a\n\n(1) P\n(2) Q\n", encoding="utf-8")
    result = run(*["import", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:3:1: error[syntax]: argument <Untitled 1> has premises" in result.output


# --- round trips ----------------------------------------------------------------------


def claims_of(model: ArgMap) -> list[tuple]:
    return [
        (
            c.id,
            " ".join(c.text.split()),
            c.kind.value,
            c.tags,
            c.source,
            c.quote,
            c.locator,
            c.confidence,
            c.note,
        )
        for c in model.claims
    ]


FEATURES = ArgMap.model_validate(
    {
        "title": "Round = trip {test} ===",
        "description": 'a "map" with // and {braces}',
        "authors": ["A. B", "C"],
        "created": "2025-03",
        "tags": ["policy"],
        "sources": [{"id": "s1", "title": "The essay", "path": "essay.txt"}],
        "claims": [
            {
                "id": "c",
                "text": "Price [really] <now> #1 @x *a* _b_ .A. {d} // e /* f */ \\ g",
                "kind": "conclusion",
                "tags": ["t1", "t-2", "t_3"],
            },
            {
                "id": "p",
                "text": "P one\nover two lines",
                "kind": "evidence",
                "source": "s1",
                "quote": "a } b { c // d",
                "locator": "¶3",
                "confidence": 0.7,
                "note": "n: x",
            },
            {"id": "q", "text": "Q two", "kind": "premise"},
            {"id": "a", "text": "An argument", "kind": "argument", "supports": ["c"]},
            {"id": "o", "text": "Objection", "kind": "objection", "attacks": ["c"]},
            {"id": "u", "text": "Undercutter", "undercuts": ["o.attack.c"]},
            {"id": "v", "text": "Undercuts an undercut", "undercuts": ["u.undercut.o.attack.c"]},
            {"id": "w", "text": "Undercuts a group"},
            {"id": "x", "text": "Undercuts a support", "undercuts": ["a.support.c"]},
            {"id": "k", "text": "A question?", "kind": "question"},
        ],
        "links": [
            {"source": "p", "target": "c", "group": "g1", "note": "both needed"},
            {"source": "q", "target": "c", "group": "g1", "note": "both needed"},
            {"source": "q", "target": "k", "group": "g1"},
            {"source": "o", "target": "k", "group": "g1"},
            {"source": "w", "target": "q.support.c", "kind": "undercut"},
            {"source": "q", "target": "o", "kind": "attack"},
        ],
    }
)


def assert_round_trip(model: ArgMap) -> ArgMap:
    again = argdown.parse(argdown.dump(model), "x.argdown")
    assert claims_of(again) == claims_of(model)
    # Every link comes back; Argdown says a plain relation once, so links alike (two
    # undercuts by one claim of the same linked group, say) may come back as one.
    got, want = inference_keys(again), inference_keys(model)
    assert set(got) == set(want)
    assert all(got[k] <= want[k] for k in got)
    return again


def test_every_feature_survives_a_round_trip():
    again = assert_round_trip(FEATURES)
    for key in ("title", "description", "authors", "created", "tags", "sources"):
        assert getattr(again, key) == getattr(FEATURES, key), key
    assert {lk.group for lk in again.links if lk.group} == {"g1-c", "g1-k"}


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_shipped_maps_survive_a_round_trip(path):
    model = read_map(path).model
    again = assert_round_trip(model)
    assert (again.title, again.sources) == (model.title, model.sources)


maps = argument_maps(
    max_claims=7,
    texts=st.text(
        st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=40
    ).filter(str.strip),
    kinds=("claim", "conclusion", "evidence", "argument", "question"),
    max_links=10,
    grouped=True,
    max_undercuts=4,
)

#: Two undercuts by one claim of one linked group, one of them undercut in turn.
_UNDERCUT_GROUP = ArgMap.model_validate(
    {
        "title": "t",
        "claims": [{"id": f"c{i}", "text": "0"} for i in range(3)],
        "links": [
            {"id": "c0.support.c2", "source": "c0", "target": "c2", "group": "g"},
            {"id": "c1.support.c2", "source": "c1", "target": "c2", "group": "g"},
            {"id": "c0.undercut.c0.support.c2", "source": "c0", "target": "c0.support.c2",
             "kind": "undercut"},
            {"id": "c0.undercut.c1.support.c2", "source": "c0", "target": "c1.support.c2",
             "kind": "undercut"},
            {"id": "c0.undercut.c0.undercut.c0.support.c2", "source": "c0",
             "target": "c0.undercut.c0.support.c2", "kind": "undercut"},
        ],
    }
)  # fmt: skip


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps)
@example(_UNDERCUT_GROUP)
def test_random_maps_round_trip(model):
    assert_round_trip(model)


@pytest.mark.skipif(not CORPUS, reason="../shared/corpora/argdown is absent")
@pytest.mark.parametrize(
    "path", [p for p in CORPUS if p.name != NOT_A_DOCUMENT], ids=lambda p: p.name
)
def test_imported_examples_survive_being_written_and_read_again(path):
    model = argdown.parse(path.read_text(encoding="utf-8"), str(path))
    again = assert_round_trip(model)
    assert again.description == model.description  # what was not carried, still said


@pytest.mark.slow
def test_written_argdown_is_read_by_the_argdown_cli_as_argmap_reads_it(argdown_cli, tmp_path):
    written = []
    for name, model in [("features", FEATURES), *((p.stem, read_map(p).model) for p in MAPS)]:
        path = tmp_path / f"{name}.argdown"
        path.write_text(argdown.dump(model), encoding="utf-8")
        written.append(path)
    reference = run_cli(argdown_cli, written, tmp_path / "cli")
    assert sorted(reference) == sorted(key(p) for p in written)  # no syntax errors
    for path in written:
        ours = our_view(argdown_syntax.parse(path.read_text(encoding="utf-8")))
        assert ours == cli_view(reference[key(path)]), path.name


def test_export_and_import_commands(tmp_path):
    shipped = MAPS[0]
    out = tmp_path / "m.argdown"
    result = run(*["export", str(shipped), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("===\ntitle: ")
    back = tmp_path / "m.yaml"
    result = run(*["import", str(out), "-o", str(back)])
    assert result.exit_code == 0, result.output
    build_graph(Document(read_map(back).model))


def test_a_statement_that_supports_itself_is_left_out_and_counted():
    # Argdown allows [A] + [A]; argmap refuses a self link: the import leaves it out (and
    # the undercut aimed at it) and says so, so the map it writes is valid.
    model = argdown.parse("[A]: a\n  + [A]\n", "f.argdown")
    assert model.all_links() == []
    assert "relations of a statement to itself" in (model.description or "")
    build_graph(Document(model))


def test_argdown_data_reads_yaml_as_maps_do():
    # YAML 1.2, as Argdown's own reader (js-yaml 4) has it: no stays the word "no".
    model = argdown.parse("[A]: a {note: no, kind: evidence}\n", "f.argdown")
    assert model.claims[0].note == "no"


def test_an_alias_bomb_in_front_matter_is_refused_not_expanded(yaml_builds):
    bomb = "===\n" + "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 9):
        bomb += (
            f"{'b' * i}: &{'b' * i} [{', '.join(['*' + ('b' * (i - 1) if i > 1 else 'a')] * 10)}]\n"
        )
    bomb += "===\n\n[A]: a\n"
    with pytest.raises(MapError) as caught:
        argdown.parse(bomb, "f.argdown")
    assert caught.value.diagnostics[0].code == "too_large"
    assert yaml_builds[0] <= 10_001  # stopped at the budget, of 10^9 values


def test_characters_yaml_refuses_to_see_survive_the_round_trip():
    # DEL, C1 controls and U+FFFE/U+FFFF in data (note, quote, locator, title) are
    # written as escapes; raw, both YAML readers refuse them.
    model = ArgMap.model_validate(
        {
            "title": "t\x7f",
            "sources": [{"id": "s", "title": "S\x81"}],
            "claims": [
                {
                    "id": "c",
                    "text": "C",
                    "kind": "conclusion",
                    "note": "a\x85b\x9f\uffff",
                    "locator": "\ufffe1",
                },
                {"id": "p", "text": "P", "supports": ["c"], "quote": "q\x80", "source": "s"},
            ],
        }  # fmt: skip
    )
    back = argdown.parse(argdown.dump(model), "x.argdown")
    claims = {c.id: c for c in back.claims}
    assert (claims["c"].note, claims["c"].locator) == ("a\x85b\x9f\uffff", "\ufffe1")
    assert claims["p"].quote == "q\x80" and back.title == "t\x7f"


@settings(max_examples=400, deadline=None)
@given(__import__("hypothesis").strategies.lists(
    __import__("hypothesis").strategies.sampled_from(
        list("ab *_\t\n.,)}\\-") + ["**", "__", "é"]), max_size=24))  # fmt: skip
def test_emphasis_is_removed_in_one_pass_exactly_as_the_pattern_removes_it(parts):
    from argmap.formats.argdown_syntax import _BOLD_ITALIC, _without_emphasis

    text = "".join(parts)
    assert _without_emphasis(text) == _BOLD_ITALIC.sub(r"\2", text)


@pytest.mark.timeout(60)  # a hang guard: each reads in about a second; they took minutes
@pytest.mark.parametrize("unit", ["_a ", "#(", "[a](", "[", "*a "])
def test_one_long_line_of_markup_reads_in_one_pass(tmp_path, unit):
    path = tmp_path / "long.argdown"
    path.write_bytes(("\ufeff[x]: " + unit * 40000 + "\r\n").encode("utf-8"))
    result = run("import", path, "--from", "argdown", "-o", tmp_path / "m.yaml")
    assert result.exit_code == 0, result.output
