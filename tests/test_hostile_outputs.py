"""What a map holds reaches a terminal, a spreadsheet or a browser as text, never as a
command: control characters are shown, formulas are inert, only web links are links, and
a message quotes no more of a source than the quote itself needs."""

from __future__ import annotations

import json
import re

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


# --- every format written to a terminal: nothing it would obey ------------------------------

OBEYED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
EVIL = ("Evil \x1bc reset \x07 bell \x08 bs \x7f del \x9b csi \x9d osc \x1bP+q544e\x1b\\ dcs "
        "\u202e reversed \u2066 isolate")  # fmt: skip


@pytest.fixture
def controls(tmp_path):
    path = tmp_path / "m.json"
    path.write_text(
        json.dumps(
            {
                "argmap": 1,
                "title": "T\x9b",
                "claims": [
                    {"id": "c", "text": EVIL, "kind": "conclusion"},
                    {"id": "d", "text": "D " + EVIL, "supports": ["c"]},
                ],
            }
        ),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("fmt", ["argdown", "dot", "mermaid", "json", "aif", "sadface"])
def test_an_export_on_standard_output_holds_no_control_a_terminal_obeys(controls, fmt):
    result = run("export", controls, "--to", fmt, "-o", "-")
    assert result.exit_code == 0, result.output
    assert not OBEYED.findall(result.stdout), sorted(set(OBEYED.findall(result.stdout)))


def test_json_exports_keep_the_characters_as_escapes_that_read_back(controls, tmp_path):
    out = run("export", controls, "--to", "json", "-o", "-").stdout
    assert "\\u009b" in out and "\\u202e" in out
    assert json.loads(out)["claims"][0]["text"] == EVIL


@pytest.mark.parametrize("command", [["claims"], ["show"], ["why", "d"], ["impact", "d"]])
def test_bidirectional_overrides_are_shown_not_obeyed_and_flagged(controls, command):
    result = run(command[0], controls, *command[1:])
    assert not OBEYED.findall(result.stdout)
    assert "\\u202e" in result.stdout


def test_a_bidirectional_override_alone_is_flagged_by_validate(tmp_path):
    path = tmp_path / "m.json"
    path.write_text(
        json.dumps(
            {
                "argmap": 1,
                "title": "t",
                "claims": [
                    {"id": "c", "text": "Pay \u202e0001\u202c dollars", "kind": "conclusion"}
                ],
            }
        )
    )
    checked = run("validate", path)
    assert "warning[control_character]" in checked.stdout and "\\u202e" in checked.stdout
