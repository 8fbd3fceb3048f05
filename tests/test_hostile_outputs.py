"""What a map holds reaches a terminal, a spreadsheet or a browser as text, never as a
command: control characters are shown, formulas are inert, only web links are links, and
a message quotes no more of a source than the quote itself needs."""

from __future__ import annotations

import pytest
from conftest import run

HOSTILE = (
    "title: t\nsources:\n"
    "  - {id: s, title: S, url: 'javascript:alert(document.domain)', path: t.txt}\n"
    "  - {id: w, title: W, url: 'https://example.org/w'}\n"
    "claims:\n"
    '  - {id: c, text: "Clip \\e]52;c;aGk=\\a board \\e]8;;http://x\\e\\\\link\\e]8;;\\e\\\\'
    ' \\e[2J", kind: conclusion}\n'
    '  - {id: f, text: "=HYPERLINK(\\"http://x\\")", supports: [c], source: s, quote: words}\n'
    "  - {id: g, text: '@SUM(A1)', supports: [c], source: w}\n"
)


@pytest.fixture
def hostile(tmp_path):
    (tmp_path / "t.txt").write_text("The words stand here.\n")
    path = tmp_path / "m.yaml"
    path.write_text(HOSTILE)
    return path


@pytest.mark.parametrize("command", [["show"], ["claims"], ["why", "f"], ["eval"]])
@pytest.mark.parametrize("terminal", [True, False], ids=["terminal", "piped"])
def test_no_escape_sequence_from_a_map_reaches_the_terminal(hostile, command, terminal):
    env = {"FORCE_COLOR": "1", "COLUMNS": "200"} if terminal else {}
    result = run(command[0], hostile, *command[1:], env=env)
    assert result.exit_code in (0, 1), result.output
    out = result.stdout
    for sequence in ("\x1b]52", "\x1b]8", "\x1b[2J", "\x07"):
        assert sequence not in out
    if command[0] != "why":
        assert "␛]52;c;aGk=" in out


def test_validate_warns_of_control_characters(hostile):
    result = run("validate", hostile)
    assert "warning[control_character]: claim 'c': its text holds a control character" in (
        result.stdout
    )
    assert "\x1b" not in result.stdout


def test_tsv_cells_a_spreadsheet_would_evaluate_are_made_inert(hostile):
    rows = [line.split("\t") for line in run("claims", hostile, "-f", "tsv").stdout.splitlines()]
    texts = {row[1]: row[-1] for row in rows[1:]}
    assert texts["f"] == '\'=HYPERLINK("http://x")' and texts["g"] == "'@SUM(A1)"


def test_only_web_links_become_links_in_the_html_report(hostile, tmp_path, dot_program):
    out = tmp_path / "r.html"
    assert run("export", hostile, "-o", out).exit_code == 0
    html = out.read_text()
    assert 'href="javascript:' not in html.lower()
    assert "<code>javascript:alert(document.domain)</code>" in html


def test_the_closest_passage_shows_no_more_than_the_quote_needs(tmp_path):
    secret = "the quick brown fox " + "SECRET-" * 40
    (tmp_path / "t.txt").write_text(secret + "\n")
    path = tmp_path / "m.yaml"
    path.write_text(
        "title: t\nsources:\n  - {id: s, title: S, path: t.txt}\nclaims:\n"
        "  - {id: c, text: C, kind: conclusion}\n"
        "  - {id: e, text: E, source: s, quote: the quick brown cat, supports: [c]}\n"
    )
    result = run("validate", path)
    line = next(x for x in result.stdout.splitlines() if "quote_not_found" in x)
    shown = line.split("alike): ", 1)[1]
    assert len(shown) <= len("the quick brown cat") + 12 + 2
    assert shown.count("SECRET") <= 1
