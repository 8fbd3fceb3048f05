"""Every command's ``--format json`` output matches the schema ``argmap schema --of``
publishes for it (:func:`argmap.operations.schema.outputs`), in every shape the command prints: with
the options that add keys, on a map with linked premises and schemes, a debate across
maps, an invalid map, two maps compared with and without a shared source."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import run
from jsonschema import Draft202012Validator

DATA = Path(__file__).parent / "data"
HARBOUR = DATA / "harbour.yaml"
STUDENT = DATA / "harbour-student.yaml"
REPLY = DATA / "harbour-reply.yaml"
CONGESTION = DATA / "congestion.yaml"
BAD = DATA / "bad-dangling-ref.yaml"

CASES = {
    "show": [
        ["show", HARBOUR],
        ["show", HARBOUR, "--eval", "--questions", "--quotes"],
        ["show", HARBOUR, "--depth", "1"],
        ["show", HARBOUR, "--focus", "open-at-night", "--radius", "1"],
        ["show", CONGESTION, "--eval"],
        ["show", REPLY],
    ],
    "validate": [["validate", HARBOUR], ["validate", BAD, HARBOUR], ["validate", REPLY]],
    "claims": [["claims", HARBOUR], ["claims", HARBOUR, REPLY, "--text", "night"]],
    "why": [["why", HARBOUR, "open-at-night"]],
    "impact": [["impact", HARBOUR, "demand-grows"]],
    "path": [["path", HARBOUR, "demand-grows", "open-at-night"]],
    "stats": [["stats", HARBOUR], ["stats", CONGESTION]],
    "eval": [
        ["eval", HARBOUR],
        ["eval", HARBOUR, "--strength", "qe", "--explain", "open-at-night", "--critical"],
        [
            "eval",
            HARBOUR,
            "--retract",
            "cost-figure",
            "--assume",
            "demand-peaks",
            "--strength",
            "qe",
        ],
        ["eval", HARBOUR, "-s", "preferred", "--acceptance", "credulous", "-e"],
        ["eval", HARBOUR, "--where", "kind:conclusion"],
        ["eval", REPLY],
        ["eval", "{apx}"],
    ],  # fmt: skip
    "questions": [["questions", HARBOUR], ["questions", HARBOUR, "--all"]],
    "coverage": [["coverage", HARBOUR], ["coverage", CONGESTION], ["coverage", "{nosource}"]],
    "schemes": [["schemes"], ["schemes", "expert-opinion"], ["schemes", "--map", HARBOUR]],
    "diff": [["diff", HARBOUR, STUDENT, "--eval"], ["diff", HARBOUR, "{renamed}"]],
    "merge": [["merge", HARBOUR, "{ours}", "{theirs}", "-o", "{merged}"]],
    "compare": [
        ["compare", HARBOUR, STUDENT],
        ["compare", HARBOUR, STUDENT, "--key"],
        ["compare", HARBOUR, CONGESTION],
    ],
}


@pytest.fixture
def files(tmp_path):
    apx = tmp_path / "f.apx"
    apx.write_text("arg(a).\narg(b).\natt(a,b).\n")
    nosource = tmp_path / "nosource.yaml"
    text = HARBOUR.read_text(encoding="utf-8")
    nosource.write_text(text.replace("sources/harbour-op-ed.txt", "sources/absent.txt"))
    renamed = tmp_path / "renamed.yaml"
    renamed.write_text(text.replace("id: who-pays", "id: payer").replace("[who-pays]", "[payer]"))
    ours, theirs = tmp_path / "ours.yaml", tmp_path / "theirs.yaml"
    ours.write_text(text.replace("tags: [", "tags: [ours, ", 1))
    theirs.write_text(text.replace("tags: [", "tags: [theirs, ", 1))
    for src in (DATA / "sources").iterdir():
        (tmp_path / "sources").mkdir(exist_ok=True)
        shutil.copy(src, tmp_path / "sources" / src.name)
    return {"merged": tmp_path / "merged.yaml", "apx": apx, "nosource": nosource,
            "renamed": renamed, "ours": ours, "theirs": theirs}  # fmt: skip


def _schema(name: str) -> dict:
    result = run("schema", "--of", name)
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    Draft202012Validator.check_schema(schema)
    return schema


@pytest.mark.parametrize(
    ("name", "args"),
    [(name, args) for name, cases in CASES.items() for args in cases],
    ids=lambda x: x if isinstance(x, str) else "-".join(str(a).split("/")[-1] for a in x[1:]),
)
def test_json_output_matches_its_published_schema(files, name, args):
    result = run(*[str(a).format(**files) for a in args], "-f", "json")
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.stdout)
    errors = sorted(Draft202012Validator(_schema(name)).iter_errors(data), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def test_the_cases_reach_the_keys_written_only_when_asked(files):
    """The optional parts of the schemas are exercised, not only declared: each key a
    command adds on request appears in at least one case above."""
    seen: dict[str, set[str]] = {}
    for name, cases in CASES.items():
        for args in cases:
            result = run(*[str(a).format(**files) for a in args], "-f", "json")
            seen.setdefault(name, set()).update(_keys(json.loads(result.stdout)))
    assert {"strength", "changes", "strength_changes", "explanation", "strength_explanation",
            "critical", "one_sided", "view", "acceptance"} <= seen["eval"]  # fmt: skip
    assert {"label", "strength", "group", "scheme", "role", "hidden", "outside"} <= seen["show"]
    assert {"grade", "segmentation", "why"} <= seen["compare"]
    assert {"renamed", "label_changes", "reworded"} <= seen["diff"]
    assert {"old_id", "conclusion"} & seen["diff"]


def _keys(value) -> set[str]:
    found, stack = set(), [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            found.update(k for k, v in item.items() if v not in (None, [], {}))
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def test_a_schema_refuses_output_it_does_not_describe():
    """The schemas are strict: a key no command writes, a label that is no label, a
    missing key are each refused (so the test above can fail)."""
    schema = _schema("eval")
    good = {"semantics": "grounded", "labels": {"a": "in"}, "extensions": [["a"]]}
    validator = Draft202012Validator(schema)
    assert validator.is_valid(good)
    assert not validator.is_valid({**good, "surprise": 1})
    assert not validator.is_valid({**good, "labels": {"a": "maybe"}})
    assert not validator.is_valid({"semantics": "grounded", "labels": {}})


def test_every_command_with_json_output_has_a_schema():
    """Each command whose help offers ``--format json`` has a published schema, or prints
    a map (whose schema is ``argmap schema``)."""
    import re

    commands = re.findall(r"^  (\w+) ", run("--help").stdout.split("Commands:")[1], re.M)
    assert len(commands) > 25
    with_json = set()
    for name in commands:
        offered = re.search(r"--format <([a-z|]+)>", run(name, "--help").stdout)
        if offered and "json" in offered.group(1).split("|"):
            with_json.add(name)
    from argmap.operations.schema import outputs

    maps = {"draft"}  # prints a map
    # Every answer by a top-level command's name (a subcommand's is group-name).
    published = {n for n in outputs() if "-" not in n}
    assert with_json - maps == published, with_json ^ (published | maps)


def test_an_unknown_command_name_is_a_usage_error_with_a_suggestion():
    result = run("schema", "--of", "evall")
    assert result.exit_code == 2
    assert "did you mean 'eval'" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["draft", DATA / "sources" / "harbour-op-ed.txt", "-f", "json"],
        ["export", HARBOUR, "--to", "json"],
        ["export", REPLY, "--to", "json"],
    ],
    ids=["draft", "export", "export-debate"],
)
def test_commands_that_print_a_map_print_one_the_map_schema_accepts(args):
    schema = json.loads(run("schema").stdout)
    result = run(*args)
    assert result.exit_code == 0, result.output
    errors = list(Draft202012Validator(schema).iter_errors(json.loads(result.stdout)))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]
