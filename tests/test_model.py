from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from strategies import argument_maps

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


# --- the JSON Schema accepts what the model accepts -----------------------------------------

#: Values a person (or YAML) may put anywhere: text of every shape the fields check, numbers
#: whole and not, in range and out, booleans, nothing, lists and mappings.
_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**4), 10**4),
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=False),
        st.sampled_from([0.0, 0.5, 1.0, 1.5, -0.0, 2025.0, 2025, 999, 10000]),
        st.sampled_from(
            [
                "",
                "a",
                "c0",
                "c0.support.c1",
                "x:y",
                "-a",
                "2025",
                "2025-03",
                "2025-13-99",
                "0.5",
                "yes",
                "support",
                "attack",
                "undercut",
                "claim",
                "evidence",
                "no",
            ]
        ),
        st.text(max_size=8),
    ),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(data, here=()):
    yield here
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*here, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _paths(value, (*here, i))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    base=argument_maps(max_claims=3, max_links=3, max_undercuts=1, kinds=("claim", "evidence")),
    field=st.sampled_from(
        [
            ("claims", 0, "confidence"),
            ("claims", 0, "reconstructed"),
            ("claims", 0, "id"),
            ("claims", 0, "text"),
            ("claims", 0, "kind"),
            ("claims", 0, "quote"),
            ("claims", 0, "locator"),
            ("claims", 0, "supports"),
            ("claims", 0, "tags"),
            ("links",),
            ("argmap",),
            ("title",),
            ("created",),
            ("updated",),
            ("tags",),
            ("sources",),
            ("uses",),
            ("questions",),
            ("schemes",),
            ("extra",),
        ]
    ),
    anywhere=st.integers(0, 10**6),
    value=_VALUES,
    where=st.sampled_from(["field", "anywhere"]),
)
def test_the_json_schema_accepts_what_the_model_accepts(base, field, anywhere, value, where):
    jsonschema = pytest.importorskip("jsonschema")
    checker = jsonschema.Draft202012Validator(json_schema())
    data = base.to_data()
    if where == "field":
        *parent, key = field
        at = data
        for step in parent:
            at = at[step]
        at[key] = value
    else:
        paths = [p for p in _paths(data) if p]
        *parent, key = paths[anywhere % len(paths)]
        at = data
        for step in parent:
            at = at[step]
        at[key] = value
    try:
        ArgMap.model_validate(data)
        model_accepts = True
    except ValidationError:
        model_accepts = False
    if _holds_nan(data):
        # NaN is no JSON value (a YAML map can write .nan): the schema, which compares
        # numbers, cannot refuse it, so the model must (a random example found this).
        if where == "field" and field == ("claims", 0, "confidence"):
            assert not model_accepts, data
        return
    schema_errors = [e.message for e in checker.iter_errors(data)]
    assert model_accepts == (not schema_errors), (data, schema_errors)


def _holds_nan(data) -> bool:
    if isinstance(data, float):
        return data != data
    if isinstance(data, dict):
        return any(_holds_nan(v) for v in data.values())
    if isinstance(data, list):
        return any(_holds_nan(v) for v in data)
    return False


@pytest.mark.parametrize(
    ("version", "accepted"),
    [(1, True), (1.0, True), (True, False), ("1", False), (1.5, False), (2, False)],
)
def test_the_format_version_is_read_as_the_json_schema_reads_it(version, accepted):
    # JSON Schema counts 1.0 as an integer (a random example found the model refusing it).
    jsonschema = pytest.importorskip("jsonschema")
    data = {"argmap": version, "title": "t", "claims": [{"id": "c", "text": "C"}]}
    schema_accepts = jsonschema.Draft202012Validator(json_schema()).is_valid(data)
    try:
        model_accepts = ArgMap.model_validate(data).argmap == 1
    except ValidationError:
        model_accepts = False
    assert (model_accepts, schema_accepts) == (accepted, accepted)
