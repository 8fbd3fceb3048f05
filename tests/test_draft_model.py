"""argmap draft --model NAME: a language model's draft through the llm library, every quote
checked against the text. The models here are fakes registered as an llm plugin, each
answering as a model might: well, with nothing, with no JSON, with invented quotes, or
failing."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import DATA, run

llm = pytest.importorskip("llm")

OP_ED = DATA / "sources" / "harbour-op-ed.txt"

GOOD = {
    "central": "open-at-night",
    "claims": [
        {
            "id": "open-at-night",
            "quote": "Calder should open its harbour to freight at night.",
            "kind": "conclusion",
            "confidence": 0.9,
        },
        {"id": "queues-cost", "quote": "The queues are expensive.", "kind": "claim"},
        {
            "id": "two-million",
            "quote": "The hauliers' association puts the cost of waiting at "
            "the gates at about two million a year",
            "kind": "evidence",
        },
        {
            "id": "noise",
            "quote": "Residents of the quays will object that night work would keep them awake.",
            "kind": "objection",
        },
        {
            "id": "cranes-quiet",
            "quote": "the new electric cranes are quieter than the traffic on the coast road",
            "kind": "claim",
        },
    ],
    "links": [
        {"source": "queues-cost", "target": "open-at-night", "kind": "support"},
        {"source": "two-million", "target": "queues-cost", "kind": "support"},
        {"source": "noise", "target": "open-at-night", "kind": "attack"},
        {"source": "cranes-quiet", "target": "noise", "kind": "attack"},
    ],
}

INVENTED = {
    "central": "open-at-night",
    "claims": [
        *GOOD["claims"][:2],
        {
            "id": "made-up",
            "quote": "Night work has never harmed anyone in Calder.",
            "kind": "claim",
        },
    ],
    "links": [
        {"source": "queues-cost", "target": "open-at-night", "kind": "support"},
        {"source": "made-up", "target": "open-at-night", "kind": "support"},
        {"source": "queues-cost", "target": "queues-cost", "kind": "support"},
    ],
}

ANSWERS = {
    "argmap-fake-good": "Here is the map:\n```json\n" + json.dumps(GOOD) + "\n```",
    "argmap-fake-invented": json.dumps(INVENTED),
    "argmap-fake-empty": "",
    "argmap-fake-malformed": '{"central": "x", "claims": "not a list"}',
    "argmap-fake-none-found": json.dumps(
        {
            "central": "a",
            "claims": [
                {"id": "a", "quote": "Nothing of this stands in the op-ed at all.", "kind": "claim"}
            ],
        }
    ),
}
PROMPTS: list[str] = []


class _Fake(llm.Model):
    can_stream = False

    def __init__(self, model_id: str):
        self.model_id = model_id

    def execute(self, prompt, stream, response, conversation):
        PROMPTS.append(prompt.prompt)
        if self.model_id == "argmap-fake-error":
            raise RuntimeError("connection refused")
        yield ANSWERS[self.model_id]


class _Plugin:
    @llm.hookimpl
    def register_models(self, register):
        for name in [*ANSWERS, "argmap-fake-error"]:
            register(_Fake(name))


@pytest.fixture(autouse=True, scope="module")
def _fake_models():
    plugin = _Plugin()
    llm.plugins.pm.register(plugin, name="argmap-fake-models")
    yield
    llm.plugins.pm.unregister(name="argmap-fake-models")


@pytest.fixture
def text(tmp_path):
    shutil.copy(OP_ED, tmp_path / OP_ED.name)
    return tmp_path / OP_ED.name


def test_a_models_draft_is_checked_quoted_and_validates(text, tmp_path):
    out = tmp_path / "draft.yaml"
    PROMPTS.clear()
    result = run("draft", text, "--model", "argmap-fake-good", "-o", out)
    assert result.exit_code == 0, result.output
    assert "by argmap-fake-good" in result.stdout
    assert "central claim: open-at-night" in result.stdout
    # The model was asked about this text, with the answer's shape.
    assert PROMPTS and "Calder should open its harbour" in PROMPTS[0] and '"central"' in PROMPTS[0]
    assert run("validate", out).exit_code == 0
    data = json.loads(run("export", out, "--to", "json").stdout)
    claims = {c["id"]: c for c in data["claims"]}
    assert set(claims) == {c["id"] for c in GOOD["claims"]}
    assert claims["open-at-night"]["kind"] == "conclusion"
    assert claims["noise"]["kind"] == "objection"
    assert claims["open-at-night"]["drafted"] == 0.9  # the model's confidence
    assert all(c["drafted"] is not None for c in claims.values())  # nothing reviewed yet
    # The quote is the text's own words, as the text has them.
    assert claims["two-million"]["quote"] in OP_ED.read_text(encoding="utf-8")
    links = {(x["source"], x["target"], x["kind"]) for x in data["links"]}
    assert ("cranes-quiet", "noise", "attack") in links and len(links) == 4


def test_invented_quotes_and_broken_links_are_dropped_and_counted(text, tmp_path):
    out = tmp_path / "draft.yaml"
    result = run("draft", text, "--model", "argmap-fake-invented", "-o", out)
    assert result.exit_code == 0, result.output
    assert "1 of the model's claims dropped" in result.stderr and "made-up" in result.stderr
    assert "2 of the model's links dropped" in result.stderr
    data = json.loads(run("export", out, "--to", "json").stdout)
    assert [c["id"] for c in data["claims"]] == ["queues-cost", "open-at-night"]
    assert len(data["links"]) == 1
    assert run("validate", out).exit_code == 0


@pytest.mark.parametrize("name, said", [
    ("argmap-fake-empty", "holds no JSON object"),
    ("argmap-fake-malformed", "is not a draft: claims"),
    ("argmap-fake-none-found", "none of the claims it gave quotes the text"),
])  # fmt: skip
def test_an_answer_that_is_no_draft_is_refused_and_nothing_is_written(text, tmp_path, name, said):
    out = tmp_path / "draft.yaml"
    result = run("draft", text, "--model", name, "-o", out)
    assert result.exit_code == 2, result.output
    assert said in result.stderr and len(result.stderr.strip().splitlines()) <= 2
    assert not out.exists()


def test_a_model_error_is_one_line_exit_3_and_nothing_is_written(text, tmp_path):
    out = tmp_path / "draft.yaml"
    result = run("draft", text, "--model", "argmap-fake-error", "-o", out)
    assert result.exit_code == 3, result.output
    assert "the model gave no answer" in result.stderr and "connection refused" in result.stderr
    assert "Traceback" not in result.output and not out.exists()


def test_an_unknown_model_is_a_usage_error(text):
    result = run("draft", text, "--model", "no-such-model-anywhere")
    assert result.exit_code == 2 and "llm knows no model of that name" in result.stderr


def test_without_model_no_language_model_is_imported(text, tmp_path):
    import subprocess
    import sys

    code = ("import sys; from argmap.operations.draft import draft_file; "
            f"draft_file({str(text)!r}, None); print('llm' in sys.modules)")  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=tmp_path)  # fmt: skip
    assert done.stdout.strip() == "False"
