from __future__ import annotations

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import frameworks as random_frameworks

from argmap.errors import MapError
from argmap.formats import iccma

frameworks = random_frameworks(names=st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True))


@settings(max_examples=100, deadline=None)
@given(frameworks, st.sampled_from(["apx", "tgf"]))
def test_named_syntaxes_round_trip(F, syntax):
    again = iccma.parse(iccma.dump(F, syntax), "f", syntax)
    assert again.names == F.names
    assert again.attack_pairs() == F.attack_pairs()


@settings(max_examples=100, deadline=None)
@given(frameworks)
def test_i23_round_trips_by_position(F):
    again = iccma.parse_i23(iccma.dump_i23(F))
    assert again.n == F.n
    assert again.attacks == F.attacks


def test_i23_example_from_the_iccma_23_rules():
    F = iccma.parse_i23("p af 6\n# a comment\n1 2\n2 1\n2 3\n3 3\n3 4\n")
    assert F.n == 6
    assert F.attack_pairs() == [("1", "2"), ("2", "1"), ("2", "3"), ("3", "3"), ("3", "4")]


@pytest.mark.parametrize(
    ("syntax", "text", "line", "words"),
    [
        ("apx", "arg(a).\narg(b).\natt(a,b\n", 3, "not an APX fact"),
        ("apx", "arg(a).\natt(a,z).\n", 2, "undeclared argument 'z'"),
        ("apx", "arg(a).\narg(a).\n", 1, "declared twice"),
        ("tgf", "a\nb\n#\na\n", 4, "needs two arguments"),
        ("i23", "1 2\n", 1, "p af N"),
        ("i23", "p af 2\n1 3\n", 2, "outside 1..2"),
        ("i23", "p af 2\n1 x\n", 2, "not an argument number"),
        ("i23", "p af 2\n1 \u00b2\n", 2, "not an argument number"),  # a digit to isdigit
        ("i23", "p af 20\n1 1_0\n", 2, "not an argument number"),  # a number to int()
        ("i23", "p af \u0662\n1 2\n", 1, "p af N"),  # another script's digit
    ],
)
def test_errors_are_located(syntax, text, line, words):
    with pytest.raises(MapError) as info:
        iccma.parse(text, "f." + syntax, syntax)
    d = info.value.diagnostics[0]
    assert d.location.line == line, d.format()
    assert words in d.message


TRUNCATED = ROOT.parent / "shared/corpora/iccma/afgen-samples-large/n512p5q2_vh.apx"


@pytest.mark.skipif(not TRUNCATED.exists(), reason="corpus not present")
def test_a_truncated_corpus_file_is_reported_at_its_last_line():
    with pytest.raises(MapError) as info:
        iccma.parse_apx(TRUNCATED.read_text(), str(TRUNCATED))
    assert info.value.diagnostics[0].location.line == 30331


@pytest.mark.parametrize("declared", ["99999999999", "2000001", "9" * 5000])
def test_a_header_declaring_too_many_arguments_is_refused_before_anything_is_built(declared):
    """The declared count is checked before anything of that size is made: refusing it
    allocates next to nothing (a list of 2,000,001 arguments alone would take 16 MB)."""
    import tracemalloc

    from argmap.errors import MapError
    from argmap.formats.iccma import parse_i23

    tracemalloc.start()
    try:
        with pytest.raises(MapError) as caught:
            parse_i23(f"p af {declared}\n", "f.i23")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000  # bytes
    assert "argmap reads at most 2,000,000" in caught.value.diagnostics[0].message
