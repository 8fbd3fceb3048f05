from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from argmap.model import ArgMap, Claim, ClaimKind, Link, LinkKind, default_link_id, json_schema


def make(**extra):
    return ArgMap.model_validate({"title": "t", **extra})


def test_shorthand_links_become_canonical_links_with_derived_ids():
    m = make(
        claims=[
            {"id": "c", "text": "C", "kind": "conclusion"},
            {"id": "p", "text": "P", "supports": ["c"], "attacks": ["o"]},
            {"id": "o", "text": "O", "kind": "objection"},
            {"id": "u", "text": "U", "undercuts": ["p.support.c"]},
        ]
    )
    canon = m.canonical()
    assert all(not (c.supports or c.attacks or c.undercuts) for c in canon.claims)
    assert [(lk.id, lk.source, lk.target, lk.kind) for lk in canon.links] == [
        ("p.support.c", "p", "c", LinkKind.support),
        ("p.attack.o", "p", "o", LinkKind.attack),
        ("u.undercut.p.support.c", "u", "p.support.c", LinkKind.undercut),
    ]


def test_explicit_link_keeps_its_id_and_gets_a_default_when_missing():
    m = make(
        claims=[{"id": "a", "text": "A"}, {"id": "b", "text": "B"}],
        links=[
            {"id": "named", "source": "a", "target": "b"},
            {"source": "b", "target": "a", "kind": "attack"},
        ],
    )
    assert [lk.id for lk in m.all_links()] == ["named", "b.attack.a"]


def test_kind_defaults_to_claim_and_link_kind_to_support():
    m = make(claims=[{"id": "a", "text": "A"}], links=[{"source": "a", "target": "a"}])
    assert m.claims[0].kind is ClaimKind.claim
    assert m.links[0].kind is LinkKind.support


@pytest.mark.parametrize(
    "claim",
    [
        {"id": "a", "text": "A", "colour": "red"},  # unknown key
        {"id": "a b", "text": "A"},  # id not a slug
        {"id": "a", "text": ""},  # empty text
        {"id": "a", "text": "A", "confidence": 1.5},  # out of [0, 1]
        {"id": "a", "text": "A", "kind": "fact"},  # unknown kind
        {"text": "A"},  # no id
    ],
)
def test_invalid_claims_are_rejected(claim):
    with pytest.raises(ValidationError):
        Claim.model_validate(claim)


def test_unknown_top_level_key_is_rejected():
    with pytest.raises(ValidationError) as info:
        make(claim=[])
    assert info.value.errors()[0]["type"] == "extra_forbidden"


def test_dates_accept_yaml_dates_years_and_partial_dates():
    import datetime

    m = make(
        created=datetime.date(2025, 3, 25),
        updated=2026,
        sources=[{"id": "s", "title": "S", "date": "2025-03"}],
    )
    assert (m.created, m.updated, m.sources[0].date) == ("2025-03-25", "2026", "2025-03")
    with pytest.raises(ValidationError):
        make(created="25 March 2025")


def test_to_data_drops_empty_values_and_writes_the_version():
    m = make(claims=[{"id": "a", "text": "A"}])
    assert m.to_data() == {
        "argmap": 1,
        "title": "t",
        "claims": [{"id": "a", "text": "A", "kind": "claim"}],
    }


def test_newer_format_version_is_rejected():
    with pytest.raises(ValidationError):
        make(argmap=2)


def test_default_link_id():
    assert default_link_id("a", "undercut", "b.support.c") == "a.undercut.b.support.c"
    assert Link(source="a", target="b").key == "a.support.b"


def test_json_schema_describes_claims_and_links():
    schema = json_schema()
    json.dumps(schema)  # serialisable
    assert schema["$schema"].endswith("2020-12/schema")
    claim = schema["$defs"]["Claim"]
    assert claim["additionalProperties"] is False
    assert set(claim["required"]) == {"id", "text"}
    assert set(schema["$defs"]["ClaimKind"]["enum"]) == {k.value for k in ClaimKind}
    assert set(schema["$defs"]["LinkKind"]["enum"]) == {"support", "attack", "undercut"}
