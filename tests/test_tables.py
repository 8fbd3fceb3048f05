"""Every table-shaped output laid out for 80 columns, on a terminal and piped with COLUMNS:
no line longer than the width (but a single token longer than it), and no id or word split
or dropped: the words are exactly those of the same output unwrapped."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from conftest import CONGESTION, DATA, HARBOUR, MAPS, run

COMMANDS = [
    ["claims", "{map}"],
    ["claims", "{map}", "--kind", "evidence", "--kind", "premise"],
    ["why", "{map}", "{top}"],
    ["impact", "{map}", "{leaf}", "-f", "text"],
    ["path", "{map}", "{leaf}", "{top}"],
    ["stats", "{map}"],
    ["eval", "{map}"],
    ["eval", "{map}", "--strength", "dfquad"],
    ["questions", "{map}", "--all"],
    ["coverage", "{map}"],
    ["schemes"],
]
MAP_ENDS = {
    HARBOUR: ("open-at-night", "vote-predates-pay"),
    CONGESTION: ("adopt-charge", "sales-held"),
    # Ids of 40-50 characters, in questions' texts and impact's rows.
    DATA / "long-ids.yaml": (
        "the-central-recommendation-of-the-whole-editorial",
        "supporting-reason-number-5-with-a-long-identifier",
    ),
}
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _words(text: str) -> Counter:
    """The words of an output: tags split at their commas (a wrapped tag list puts them on
    lines of their own), a tree's lines drawn either way (rich or plain) left out."""
    return Counter(w for w in re.split(r"[\s,]+", text) if w and not set(w) <= set("│├└─"))


def _cases():
    for path, (top, leaf) in MAP_ENDS.items():
        for command in COMMANDS:
            args = [a.format(map=path, top=top, leaf=leaf) for a in command]
            yield pytest.param(args, id=f"{path.stem}-{'-'.join(command[:1] + command[2:3])}")


def _lines_fit(text: str, width: int) -> list[str]:
    """The lines longer than ``width`` that hold more than one token (a single long token,
    a URL say, may not be cut)."""
    return [x for x in text.splitlines() if len(x) > width and len(x.split()) > 1]


@pytest.mark.parametrize("args", list(_cases()))
@pytest.mark.parametrize("width", [80, 60])
def test_piped_with_columns_no_line_is_too_long_and_no_word_is_lost(args, width):
    whole = run(*args)
    assert whole.exit_code in (0, 1), whole.output
    laid_out = run(*args, env={"COLUMNS": str(width)})
    assert _lines_fit(laid_out.stdout, width) == []
    assert _words(laid_out.stdout) == _words(whole.stdout)


@pytest.mark.parametrize("args", list(_cases()))
def test_on_an_80_column_terminal_no_line_is_too_long_and_no_word_is_lost(args):
    whole = run(*args)
    shown = ANSI.sub("", run(*args, env={"FORCE_COLOR": "1", "COLUMNS": "80"}).stdout)
    assert _lines_fit(shown, 80) == []
    if not whole.stdout.strip():  # no row: piped prints nothing, a terminal the header
        assert len(shown.strip().splitlines()) <= 1
        return
    marks = Counter({"✔": 0, "✘": 0})
    extra = _words(shown) - _words(whole.stdout)
    assert set(extra) <= set(marks) | {"?"}  # eval's marks beside each label
    assert _words(whole.stdout) - _words(shown) == Counter()


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_the_shipped_maps_claims_table_keeps_every_id_whole_at_80_columns(path):
    ids = run("claims", path, "-f", "ids").stdout.split()
    shown = run("claims", path, env={"COLUMNS": "80"}).stdout
    first_column = [line.split()[0] for line in shown.splitlines()[1:] if line[:1].strip()]
    assert first_column == ids  # each id whole, at the start of its row


WIDE = DATA / "wide-text.yaml"  # Japanese text and emoji beside Latin words
WIDE_COMMANDS = [
    ["claims", WIDE],
    ["eval", WIDE],
    ["why", WIDE, "hope-and-prepare"],
    ["impact", WIDE, "talks-continue", "-f", "text"],
    ["questions", WIDE, "--all"],
]


def _cells(line: str) -> int:
    """The columns a line takes on a terminal (a wide character, two), counted here
    independently of argmap's own measure."""
    import unicodedata

    return sum(
        0 if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf")
        or 0x1F3FB <= ord(ch) <= 0x1F3FF
        else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in line
    )  # fmt: skip


@pytest.mark.parametrize("args", WIDE_COMMANDS, ids=lambda a: a[0])
@pytest.mark.parametrize("width", [80, 60, 40])
def test_wide_text_fits_the_terminal_and_loses_nothing(args, width):
    # A wide character takes two columns: measured in characters, a line of Japanese
    # would overflow the terminal, which then cuts it anywhere (a Latin word included).
    whole = run(*args)
    assert whole.exit_code in (0, 1), whole.output
    laid_out = run(*args, env={"COLUMNS": str(width)}).stdout
    assert [x for x in laid_out.splitlines() if _cells(x) > width and len(x.split()) > 1] == []

    # Not a character dropped or added (wide text may break between its characters) ...
    def characters(text: str) -> Counter:  # a tree's lines left out, as in _words
        return Counter(ch for ch in "".join(text.split()) if ch not in "│├└─")

    assert characters(laid_out) == characters(whole.stdout)
    # ... and every Latin word whole.
    latin = Counter(w for w in _words(whole.stdout) if w.isascii())
    assert Counter(w for w in _words(laid_out) if w.isascii()) == latin


def test_wide_text_breaks_between_characters_never_before_a_closing_mark():
    shown = run("claims", WIDE, env={"COLUMNS": "40"}).stdout.splitlines()
    text_lines = [x.strip() for x in shown if x.startswith("    ")]
    assert not any(x[:1] in "、。」）" for x in text_lines)
    assert "👍🏽" in "".join(shown)  # an emoji keeps its skin tone
    # A Japanese line is filled to the width, not left at half of it.
    assert max(_cells(x) for x in shown if "同盟" in x) > 30


@pytest.mark.parametrize("command", [["impact", "open-at-night"], ["claims"], ["questions"],
                                     ["eval"], ["stats"], ["coverage"]])  # fmt: skip
def test_every_table_lays_out_at_any_width_without_cutting_a_word(command, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")
    ids = {w for w in run(command[0], HARBOUR, *command[1:]).stdout.split()
           if "-" in w and w.replace("-", "").isalnum()}  # fmt: skip
    for width in (1, 5, 12, 20, 30):
        monkeypatch.setenv("COLUMNS", str(width))
        result = run(command[0], HARBOUR, *command[1:])
        assert result.exit_code in (0, 1), (width, result.output)
        assert "internal error" not in result.output
        # No id is ever split, however narrow: each stands whole on some line.
        missing = ids - set(result.stdout.split())
        assert not missing, (width, sorted(missing)[:5])


def test_a_one_column_table_narrower_than_its_longest_word_keeps_the_word_whole():
    from argmap.views.columns import table_layout

    lines = table_layout(["impact"], [["a" * 50 + " b c"], ["x y"]], 20)
    assert [x for _, x in lines] == ["impact", "a" * 50, "b c", "x y"]
