"""The --where expression language: parsing, precedence, errors, and agreement with the
filters it is made of."""

from __future__ import annotations

import pytest
from conftest import HARBOUR, run
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis import expression
from argmap.analysis.query import ClaimFilter, find_claims
from argmap.errors import UsageError
from argmap.graph import build_graph
from argmap.operations.loading import read_map

G = build_graph(read_map(HARBOUR))
ALL = set(G.nodes)


def ids(f: ClaimFilter) -> set[str]:
    return {c.id for c in find_claims(G, f)}


def test_precedence_not_then_and_then_or():
    assert expression.parse("tag:a or tag:b and not contested") == (
        "or",
        ("is", "tags", "a"),
        ("and", ("is", "tags", "b"), ("not", ("flag", "contested"))),
    )
    assert expression.parse("(tag:a or tag:b) and roots") == (
        "and",
        ("or", ("is", "tags", "a"), ("is", "tags", "b")),
        ("flag", "roots"),
    )
    assert expression.parse('text:"a \\"quoted\\" (word)"') == (
        "is",
        "text",
        'a "quoted" (word)',
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("tag:a and", "ends too soon"),
        ("(tag:a", "'(' at column 1 is not closed"),
        ("tag:a tag:b", "unexpected 'tag:b' at column 7"),
        ("tags:a", "unknown condition 'tags' at column 1"),
        ("contestd", "unknown condition 'contestd'"),
        ("kind == x", "condition 'kind' at column 1 needs a value: kind:VALUE"),
        ("text:", "text: needs a value"),
        ('text:"open', "unclosed quote at column 6"),
        ("and tag:a", "expected a condition at column 1"),
    ],
)
def test_malformed_expressions_name_the_place(text, message):
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(")", r"\)")):
        expression.parse(text)


def test_bad_values_are_usage_errors():
    for text, message in [
        ("kind:evidnce", "did you mean 'evidence'"),
        ('regex:"("', "not a valid pattern"),
        ("min-confidence:high", "not a number"),
    ]:
        with pytest.raises(UsageError) as info:
            expression.matching(G, expression.parse(text))
        assert message in " ".join(info.value.lines())


CONDITIONS = [
    ("tag:freight", ClaimFilter(tags=("freight",))),
    ("tag:noise", ClaimFilter(tags=("noise",))),
    ("kind:evidence", ClaimFilter(kinds=("evidence",))),
    ("kind:objection", ClaimFilter(kinds=("objection",))),
    ('text:"the harbour"', ClaimFilter(text="the harbour")),
    ("contested", ClaimFilter(contested=True)),
    ("roots", ClaimFilter(roots=True)),
    ("leaves", ClaimFilter(leaves=True)),
    ("supports:open-at-night", ClaimFilter(supports="open-at-night")),
    ("min-confidence:0.5", ClaimFilter(min_confidence=0.5)),
]

exprs = st.recursive(
    st.sampled_from(range(len(CONDITIONS))).map(lambda i: ("c", i)),
    lambda inner: st.one_of(
        inner.map(lambda e: ("not", e)),
        st.tuples(st.sampled_from(["and", "or"]), inner, inner),
    ),
    max_leaves=8,
)


def render(e) -> str:
    if e[0] == "c":
        return CONDITIONS[e[1]][0]
    if e[0] == "not":
        return f"not ({render(e[1])})"
    return f"({render(e[1])}) {e[0]} ({render(e[2])})"


def brute(e) -> set[str]:
    if e[0] == "c":
        return ids(CONDITIONS[e[1]][1])
    if e[0] == "not":
        return ALL - brute(e[1])
    a, b = brute(e[1]), brute(e[2])
    return a & b if e[0] == "and" else a | b


@settings(max_examples=200, deadline=None)
@given(exprs)
def test_expressions_agree_with_set_algebra_over_the_filters(e):
    assert expression.matching(G, expression.parse(render(e))) == brute(e)


def test_claims_command_combines_where_with_the_other_filters():
    result = run(
        "claims", HARBOUR, "--kind", "evidence", "--where", "tag:noise or tag:labour", "-f", "ids"
    )
    assert result.exit_code == 0, result.output
    expected = (ids(ClaimFilter(tags=("noise",))) | ids(ClaimFilter(tags=("labour",)))) & ids(
        ClaimFilter(kinds=("evidence",))
    )
    assert set(result.stdout.split()) == expected and expected
    bad = run(*["claims", str(HARBOUR), "--where", "tag:noise and"])
    assert bad.exit_code == 2
    assert "--where: the expression ends too soon" in bad.stderr
    missing = run(*["claims", str(HARBOUR), "--where", "supports:open-at-nigth"])
    assert missing.exit_code == 2
    assert "did you mean 'open-at-night'" in missing.stderr


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "(",
                ")",
                "and",
                "or",
                "not",
                "tag:x",
                "kind:claim",
                'text:"a b"',
                '"',
                "tag:",
                "contested",
                "foo",
                "supports:hedge",
                ":",
                "\\",
                "kind:",
                'regex:"["',
            ]
        ),
        max_size=12,
    ).map(" ".join)
)
def test_any_expression_parses_or_is_a_usage_error(text):
    try:
        expression.matching(G, expression.parse(text))
    except UsageError as exc:
        assert exc.exit_code == 2


def test_a_claim_one_map_lacks_matches_nothing_there_but_or_still_works():
    import json

    from conftest import CONGESTION

    result = run(
        "claims",
        HARBOUR,
        CONGESTION,
        "--where",
        "kind:question or supports:night-is-safe",
        "-f",
        "json",
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    # The congestion map has no claim 'night-is-safe' but its question still matches.
    assert [r["id"] for r in rows if r["map"].endswith("congestion.yaml")] == ["how-spend"]
    assert (
        {r["id"] for r in rows if r["map"].endswith("harbour.yaml")}
        == ids(ClaimFilter(supports="night-is-safe")) | ids(ClaimFilter(kinds=("question",)))
        == {"master-says-safe", "who-pays"}
    )


@pytest.mark.parametrize(
    ("expr", "code"),
    [
        (" and ".join(["kind:claim"] * 3000), 0),
        (" or ".join(["kind:claim"] * 3000), 0),
        ("not " * 5001 + "kind:claim", 0),  # an odd run of nots
        ("(" * 5000 + "kind:claim" + ")" * 5000, 2),
    ],
    ids=["3000 ands", "3000 ors", "5001 nots", "5000 parentheses"],
)
def test_huge_expressions_answer_or_are_refused_never_crash(expr, code):
    from conftest import CONGESTION

    result = run(*["claims", str(CONGESTION), "--where", expr, "-f", "ids"])
    assert result.exit_code == code, result.output
    if code == 2:
        assert "parentheses nest more than 100 deep" in result.stderr
