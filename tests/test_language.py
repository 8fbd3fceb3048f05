"""The editor services (argmap.lsp.language) and the id index under them
(argmap.analysis.references), tested directly, without a server."""

from __future__ import annotations

import json

import pytest
from conftest import DATA, HARBOUR, MAPS
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.references import Index, rename
from argmap.analysis.validate import validate
from argmap.edit.editor import Editor
from argmap.errors import UsageError
from argmap.lsp.language import analyse, complete, definition, hover, references, symbols
from argmap.operations.loading import read_map

HARBOUR_TEXT = HARBOUR.read_text(encoding="utf-8")


def _texts():
    # An editor holds decoded text: files that are not UTF-8 never reach these services.
    for path in [*MAPS, *sorted(DATA.glob("*.yaml")), *sorted(DATA.glob("*.json"))]:
        try:
            path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        yield path


@pytest.mark.parametrize("path", list(_texts()), ids=lambda p: p.name)
def test_diagnostics_are_exactly_those_of_validate(path):
    from argmap.errors import MapError

    try:
        expected = validate(read_map(path))
    except MapError as exc:
        expected = exc.diagnostics
    got = analyse(path.read_text(encoding="utf-8"), str(path), path).diagnostics
    assert [d.format() for d in got] == [d.format() for d in expected]


def test_every_reference_in_the_shipped_maps_resolves_to_a_definition():
    for path in MAPS:
        index = Index.of_text(path.read_text(encoding="utf-8"))
        model = read_map(path).model
        # A map that uses others is read with them: their parts go by NAME:ID.
        used = tuple(f"{u.name}:" for u in model.uses) or ("\0",)
        own_claims = [c.id for c in model.claims if not c.id.startswith(used)]
        assert index.ids("claim") == own_claims
        # A link written here may name a used map's claim as its source (its id then
        # starts NAME:), so the used maps' own links are told apart by reading them.
        theirs = {f"{u.name}:{lk.id}" for u in model.uses
                  for lk in read_map(path.parent / u.path).model.all_links()}  # fmt: skip
        own_links = [lk.id for lk in model.all_links() if lk.id not in theirs]
        assert sorted(index.ids("link")) == sorted(own_links)
        everything = {c.id for c in model.claims} | {lk.id for lk in model.all_links()}
        for occ in index.occurrences:
            if occ.ident.startswith(used):  # defined in the used map
                assert occ.ident in everything, occ
                continue
            assert index.definition(occ.kind, occ.ident) is not None or occ.kind in (
                "tag",
                "group",
            ), occ
            if occ.end > occ.start:
                assert index.text[occ.start : occ.end] in occ.ident


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([c.id for c in read_map(HARBOUR).model.claims]))
def test_renaming_a_claim_and_back_gives_the_same_bytes(ident):
    renamed = rename(HARBOUR_TEXT, "claim", ident, "zz-renamed")
    assert ident not in Index.of_text(renamed).ids("claim")
    model = read_map_text(renamed)
    assert "zz-renamed" in [c.id for c in model.claims]
    assert rename(renamed, "claim", "zz-renamed", ident) == HARBOUR_TEXT


def read_map_text(text: str):
    from argmap.formats.native import loads

    doc = loads(text, "m.yaml")
    assert [
        d for d in validate(doc) if d.severity == "error" and d.code != "source_unreadable"
    ] == []
    return doc.model


def test_rename_in_a_json_map_and_the_implicit_link_ids():
    data = {
        "title": "t",
        "claims": [
            {"id": "c", "text": "C", "kind": "conclusion"},
            {"id": "p", "text": "P", "supports": ["c"]},
            {"id": "u", "text": "U", "undercuts": ["p.support.c"]},
        ],
    }
    editor = Editor(json.dumps(data, indent=2), "m.json", syntax="json")
    assert editor.rename("p", "premise") == ("claim", 2)
    out = json.loads(editor.render())
    assert out["claims"][1]["id"] == "premise"
    assert out["claims"][2]["undercuts"] == ["premise.support.c"]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("open-at-night", "fund-cranes", "'fund-cranes' is taken"),
        ("open-at-night", "two words", "'two words' is not a valid id"),
        ("open-at-nigth", "x", "no claim 'open-at-nigth' in this map"),
    ],
)
def test_rename_refuses_what_would_break_the_map(old, new, message):
    with pytest.raises(UsageError, match=message):
        rename(HARBOUR_TEXT, "claim", old, new)


def _at(text: str, needle: str, offset: int = 0) -> tuple[int, int]:
    index = text.index(needle) + offset
    return text.count("\n", 0, index), index - (text.rfind("\n", 0, index) + 1)


def test_completion_by_context():
    text = HARBOUR_TEXT
    a = analyse(text, str(HARBOUR), HARBOUR)
    model = a.doc.model

    def labels(needle, offset):
        return [c.label for c in complete(a, *_at(text, needle, offset))]

    claim_ids = [c.id for c in model.claims]
    assert labels("supports: [publish-noise]", len("supports: [")) == claim_ids
    assert labels("kind: conclusion", len("kind: ")) == [
        "conclusion",
        "claim",
        "premise",
        "evidence",
        "assumption",
        "objection",
        "question",
        "argument",
    ]
    assert labels("kind: undercut", len("kind: ")) == ["support", "attack", "undercut"]
    assert labels("source: op-ed", len("source: ")) == ["op-ed"]
    tags = labels("tags: [policy, harbour]", len("tags: ["))
    assert tags[:3] == ["policy", "harbour", "noise"] and len(tags) == len(set(tags))
    targets = labels("target: precedent", len("target: "))
    assert targets[: len(claim_ids)] == claim_ids and "precedent" in targets  # a link id
    assert labels("group: need-and-remedy", len("group: ")) == ["need-and-remedy"]
    # Where a key goes, the format's keys with their descriptions.
    keys = complete(a, *_at(text, "    kind: conclusion", 4))
    assert [k.label for k in keys][:3] == ["id", "text", "kind"]
    assert next(k for k in keys if k.label == "quote").documentation == (
        "Verbatim words from the source."
    )
    top = complete(a, *_at(text, "title: Should", 0))
    assert "sources" in [k.label for k in top]


def test_completion_in_a_block_list_and_a_flow_mapping():
    text = (
        "title: t\nclaims:\n  - id: c\n    text: C\n  - id: p\n    text: P\n"
        "    supports:\n      - \n  - {id: q, te"
    )
    a = analyse(text, "m.yaml")
    known = analyse(text.replace("      - \n  - {id: q, te", "      - c\n"), "m.yaml")
    assert known.doc is not None
    assert [c.label for c in complete(a, 7, 8, known=known)] == ["c", "p"]
    assert "text" in [c.label for c in complete(a, 8, 14, known=known)]


def test_hover_on_links_and_sources_and_nothing_elsewhere():
    a = analyse(HARBOUR_TEXT, str(HARBOUR), HARBOUR)
    link = hover(a, *_at(HARBOUR_TEXT, "target: precedent", len("target: p")))
    assert link.startswith("**LINK `precedent`** · support: `other-ports` → `night-clears-peak`")
    source = hover(a, *_at(HARBOUR_TEXT, "  - id: op-ed", len("  - id: o")))
    assert source.startswith("**SOURCE `op-ed`** · Open the Harbour at Night")
    assert "A. Columnist, 2026-05-04" in source
    assert hover(a, *_at(HARBOUR_TEXT, "title: Should", 2)) is None


def test_definition_and_references_of_an_implicit_link_id():
    text = (
        "title: t\nclaims:\n  - {id: c, text: C}\n  - {id: p, text: P, supports: [c]}\n"
        "  - {id: u, text: U, undercuts: [p.support.c]}\n"
    )
    a = analyse(text, "m.yaml")
    # On "p" inside "p.support.c": the claim p.
    assert definition(a, 4, 33) == ((3, 9), (3, 10))
    # On ".support." of the undercut's target: the link, defined by the shorthand item.
    assert definition(a, 4, 36) == ((3, 32), (3, 32))
    assert references(a, 2, 9) == [((2, 9), (2, 10)), ((3, 32), (3, 33)), ((4, 43), (4, 44))]


def test_symbols_outline_the_argument():
    a = analyse(HARBOUR_TEXT, str(HARBOUR), HARBOUR)
    outline = symbols(a)
    assert [s.name for s in outline] == [
        "open-at-night",
        "fund-cranes",
        "publish-noise",
        "who-pays",
    ]
    first = outline[0]
    assert first.kind == "conclusion" and first.selection == (
        _at(HARBOUR_TEXT, "id: open-at-night", 4),
        _at(HARBOUR_TEXT, "id: open-at-night", 17),
    )
    names = []
    stack = list(outline)
    while stack:
        s = stack.pop()
        names.append(s.name.lstrip("+−⊘ "))
        stack.extend(s.children)
    claims = {c.id for c in a.doc.model.claims}
    assert claims <= set(names)  # every claim somewhere in the outline


def test_fixes_for_an_unknown_kind_and_a_misspelt_id():
    from argmap.analysis.references import Edit, apply_edits
    from argmap.lsp.language import fixes

    def apply(text, fix):
        offsets = [0]
        for line in text.split("\n"):
            offsets.append(offsets[-1] + len(line) + 1)
        return apply_edits(
            text,
            [Edit(offsets[s[0]] + s[1], offsets[e[0]] + e[1], new) for (s, e), new in fix.edits],
        )

    text = "title: t\nclaims:\n  - {id: goal, text: G, kind: conclusoin}\n"
    (fix,) = fixes(analyse(text, "m.yaml"))
    assert fix.title == "Change to 'conclusion'"
    assert apply(text, fix) == text.replace("conclusoin", "conclusion")
    text = (
        "title: t\nclaims:\n  - {id: goal, text: G, kind: conclusion}\n"
        "  - {id: r, text: R, supports: [gaol]}\n"
    )
    found = fixes(analyse(text, "m.yaml"))
    assert [f.title for f in found] == ["Change to 'goal'", "Add a claim 'gaol'"]
    assert apply(text, found[0]) == text.replace("[gaol]", "[goal]")
    added = apply(text, found[1])
    assert analyse(added, "m.yaml").doc.model.claims[-1].id == "gaol"


def test_completion_of_schemes_roles_questions_and_answers():
    text = HARBOUR_TEXT
    a = analyse(text, str(HARBOUR), HARBOUR)

    def items(needle, offset):
        return complete(a, *_at(text, needle, offset))

    schemes = items("scheme: analogy", len("scheme: "))
    assert schemes[0].label == "practical-reasoning" and len(schemes) >= 25
    assert next(s for s in schemes if s.label == "analogy").detail == "Argument from analogy"
    # Roles and questions of the schemes the map uses come first.
    roles = [c.label for c in items("role: base", len("role: "))]
    assert roles[:3] == ["goal", "means", "similarity"] and len(roles) == len(set(roles))
    asked = items("question: no-difference", len("question: "))
    assert "no-difference" in [c.label for c in asked[:20]]
    answers = [c.label for c in items("answer: 'yes'", len("answer: "))]
    assert answers == ["yes", "no"]
    links = [c.label for c in items("link: precedent", len("link: "))]
    assert "precedent" in links and "ports-differ.undercut.precedent" not in links
