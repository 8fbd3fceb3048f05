"""JSON output parses, whatever the map's text holds (hostile text in every field the
commands print)."""

from __future__ import annotations

import json

import pytest
from conftest import run

HOSTILE = 'a "quote" \\ back\\slash\ttab\x01ctl \u2028ls \u2029ps \x85nel {brace} <b>&amp; é 💥'


@pytest.fixture
def hostile(tmp_path):
    data = {
        "title": HOSTILE,
        "claims": [
            {"id": "c", "text": HOSTILE, "kind": "conclusion", "tags": ["t"], "note": HOSTILE},
            {"id": "p", "text": HOSTILE + " p", "supports": ["c"]},
            {"id": "o", "text": HOSTILE + " o", "kind": "objection", "attacks": ["p"]},
        ],
    }
    path = tmp_path / "m.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    other = tmp_path / "n.json"
    data["claims"][1]["text"] = HOSTILE + " changed"
    other.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path, other


@pytest.mark.parametrize(
    "args",
    [
        ["show", "{m}", "-f", "json"],
        ["show", "{m}", "--eval", "-f", "json"],
        ["eval", "{m}", "--explain", "c", "--critical", "-f", "json"],
        ["claims", "{m}", "-f", "json"],
        ["why", "{m}", "c", "-f", "json"],
        ["impact", "{m}", "o", "-f", "json"],
        ["path", "{m}", "o", "c", "-f", "json"],
        ["stats", "{m}", "-f", "json"],
        ["validate", "{m}", "-f", "json"],
        ["coverage", "{m}", "-f", "json"],
        ["diff", "{m}", "{n}", "--eval", "-f", "json"],
        ["export", "{m}", "--to", "json"],
    ],
    ids=lambda a: a[0] + ("-" + a[2] if a[2].startswith("-") and len(a) > 3 else ""),
)
def test_json_output_parses_for_hostile_text(hostile, args):
    m, n = hostile
    result = run(*[a.format(m=m, n=n) for a in args])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.stdout)
    if args[0] in ("show", "claims", "why", "impact", "export", "diff"):
        assert any(HOSTILE in text for text in _strings(data))  # whole, as written


def _strings(value) -> list[str]:
    found, stack = [], [value]
    while stack:
        x = stack.pop()
        if isinstance(x, str):
            found.append(x)
        elif isinstance(x, dict):
            stack.extend(x.values())
        elif isinstance(x, list):
            stack.extend(x)
    return found
