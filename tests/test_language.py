"""The editor services (argmap.lsp.language) and the id index under them
(argmap.analysis.references), tested directly, without a server."""

from __future__ import annotations

import json

import pytest
from conftest import DATA, MAPS, SHIPPED
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.references import Index, rename
from argmap.analysis.validate import validate
from argmap.edit.editor import Editor
from argmap.errors import UsageError
from argmap.formats import read_map
from argmap.lsp.language import analyse, complete, definition, hover, references, symbols

SHIPPED_TEXT = SHIPPED.read_text(encoding="utf-8")


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
        own_links = [lk.id for lk in model.all_links() if not lk.id.startswith(used)]
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
@given(st.sampled_from([c.id for c in read_map(SHIPPED).model.claims]))
def test_renaming_a_claim_and_back_gives_the_same_bytes(ident):
    renamed = rename(SHIPPED_TEXT, "claim", ident, "zz-renamed")
    assert ident not in Index.of_text(renamed).ids("claim")
    model = read_map_text(renamed)
    assert "zz-renamed" in [c.id for c in model.claims]
    assert rename(renamed, "claim", "zz-renamed", ident) == SHIPPED_TEXT


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
        ("hedge", "deepen-ties", "'deepen-ties' is taken"),
        ("hedge", "two words", "'two words' is not a valid id"),
        ("hegde", "x", "no claim 'hegde' in this map"),
    ],
)
def test_rename_refuses_what_would_break_the_map(old, new, message):
    with pytest.raises(UsageError, match=message):
        rename(SHIPPED_TEXT, "claim", old, new)


def _at(text: str, needle: str, offset: int = 0) -> tuple[int, int]:
    index = text.index(needle) + offset
    return text.count("\n", 0, index), index - (text.rfind("\n", 0, index) + 1)


def test_completion_by_context():
    text = SHIPPED_TEXT
    a = analyse(text, str(SHIPPED), SHIPPED)
    model = a.doc.model

    def labels(needle, offset):
        return [c.label for c in complete(a, *_at(text, needle, offset))]

    claim_ids = [c.id for c in model.claims]
    assert labels("supports: [deepen-ties]", len("supports: [")) == claim_ids
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
    assert labels("source: panda2025", len("source: ")) == ["panda2025"]
    tags = labels("tags: [alliance, hedging]", len("tags: ["))
    assert tags[:3] == ["alliance", "hedging", "us-politics"] and len(tags) == len(set(tags))
    targets = labels("target: nk-risk-to-japan", len("target: "))
    assert targets[: len(claim_ids)] == claim_ids and "nk-risk-to-japan" in targets
    assert labels("group: nk-deal", len("group: "))[:2] == [
        "hope-and-prepare",
        "reorientation-matters",
    ]
    # Where a key goes, the format's keys with their descriptions.
    keys = complete(a, *_at(text, "    kind: conclusion", 4))
    assert [k.label for k in keys][:3] == ["id", "text", "kind"]
    assert next(k for k in keys if k.label == "quote").documentation == (
        "Verbatim words from the source."
    )
    top = complete(a, *_at(text, "title: US", 0))
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
    a = analyse(SHIPPED_TEXT, str(SHIPPED), SHIPPED)
    link = hover(a, *_at(SHIPPED_TEXT, "target: nk-risk-to-japan", len("target: n")))
    assert link.startswith(
        "**LINK `nk-risk-to-japan`** · support: `nk-engagement-risk` → `prepare-for-readjustment`"
    )
    source = hover(a, *_at(SHIPPED_TEXT, "  - id: panda2025", len("  - id: p")))
    assert source.startswith("**SOURCE `panda2025`** · US-Japan Relations in the Trump 2.0 Era")
    assert "Ankit Panda, 2025-03-25" in source
    assert hover(a, *_at(SHIPPED_TEXT, "title: US", 2)) is None


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
    a = analyse(SHIPPED_TEXT, str(SHIPPED), SHIPPED)
    outline = symbols(a)
    assert [s.name for s in outline] == ["hedge", "plan-for-america-first", "deepen-ties"]
    hedge = outline[0]
    assert hedge.kind == "conclusion" and hedge.selection == (
        _at(SHIPPED_TEXT, "id: hedge", 4),
        _at(SHIPPED_TEXT, "id: hedge", 9),
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
    text = SHIPPED_TEXT
    a = analyse(text, str(SHIPPED), SHIPPED)

    def items(needle, offset):
        return complete(a, *_at(text, needle, offset))

    schemes = items("scheme: analogy", len("scheme: "))
    assert schemes[0].label == "practical-reasoning" and len(schemes) >= 25
    assert next(s for s in schemes if s.label == "analogy").detail == "Argument from analogy"
    # Roles and questions of the schemes the map uses come first.
    roles = [c.label for c in items("role: base", len("role: "))]
    assert roles[:3] == ["position", "assertion", "goal"] and len(roles) == len(set(roles))
    asked = items("question: possible", len("question: "))
    assert "possible" in [c.label for c in asked[:20]]
    answers = [c.label for c in items("answer: 'yes'", len("answer: "))]
    assert answers == ["yes", "no"]
    links = [c.label for c in items("link: control-what-it-can", len("link: "))]
    assert (
        "control-what-it-can" in links and "nk-uninterested.undercut.nk-risk-to-japan" not in links
    )
