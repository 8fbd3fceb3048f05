"""From article to map from the shell: sources, quotes found for you, tags, renames,
completion wherever an id is expected, and refused edits told in terms of the file."""

from __future__ import annotations

import pytest
from conftest import HARBOUR, run

from argmap.operations.loading import read_map

STUDY = (
    "Night Opening\n\n"
    "The port must open at night. Night opening would cut the \u201cwaiting time\u201d of\n"
    "trucks by half, the port's own study says.\n\n"
    "Critics say the noise would harm the old town. The port must open at night, say others.\n"
)


@pytest.fixture
def ports(tmp_path):
    (tmp_path / "study.txt").write_text(STUDY, encoding="utf-8")
    path = tmp_path / "ports.yaml"
    assert run("new", path, "--title", "Should the port open at night?").exit_code == 0
    result = run("source", "add", path, "--id", "study", "--title", "Night", "--path", "study.txt")
    assert (result.exit_code, result.stdout) == (0, "study\n"), result.output
    return path


def test_a_map_built_from_the_shell_with_quotes_found_for_it(ports):
    assert run("add", ports, "--text", "Open at night", "--kind", "conclusion", "--id", "open")
    result = run(
        "add", ports, "--text", "Halves waits", "--kind", "evidence", "--supports", "open",
        "--source", "study", "--quote", 'cut the "waiting time" of TRUCKS by half',
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    result = run(
        "add", ports, "--text", "Noise", "--kind", "objection", "--attacks", "open",
        "--source", "study", "--quote", "the noise would harm the old town",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    claims = {c.id: c for c in read_map(ports).model.claims}
    # Written as the text has it: curly quotes, case, the line break folded.
    assert claims["halves-waits"].quote == "cut the \u201cwaiting time\u201d of trucks by half"
    assert claims["halves-waits"].locator == "¶2"
    assert claims["noise"].locator == "¶3"
    strict = run("validate", ports, "--strict")
    assert strict.exit_code == 0 and strict.stdout.endswith(": ok (3 claims, 2 links)\n")


@pytest.mark.parametrize(
    ("words", "extra", "message"),
    [
        (
            "the port must close",
            [],
            "'the port must close' is not in source 'study' (closest passage (¶2, ",
        ),
        (
            "the port must open at night",
            [],
            "stands in 2 places in source 'study': ¶2 (characters 15–42), ¶3 (characters",
        ),
    ],
)
def test_quotes_found_nowhere_or_twice_are_refused_with_the_candidates(
    ports, words, extra, message
):
    before = ports.read_bytes()
    result = run("add", ports, "--text", "X", "--source", "study", "--quote", words, *extra)
    assert result.exit_code == 2
    assert message in result.stderr
    assert ports.read_bytes() == before


def test_a_locator_chooses_between_places_and_set_quote_finds_too(ports):
    result = run(
        "add", ports, "--text", "X", "--id", "x", "--source", "study",
        "--quote", "the port must open at night", "--locator", "¶3",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    claim = read_map(ports).model.claims[0]
    assert (claim.quote, claim.locator) == ("The port must open at night", "¶3")
    assert run("set", ports, "x", "quote", "OWN STUDY SAYS").exit_code == 0
    claim = read_map(ports).model.claims[0]
    assert (claim.quote, claim.locator) == ("own study says", "¶2")


def test_an_unknown_source_says_how_to_add_one(ports):
    result = run("add", ports, "--text", "X", "--source", "essay")
    assert result.exit_code == 2
    assert f"no source 'essay' in {ports}" in result.stderr
    assert f"add it first: argmap source add {ports} --id essay --title TITLE" in result.stderr
    assert "did you mean 'study'?" in run("add", ports, "--text", "X", "--source", "stdy").stderr


def test_a_source_whose_text_is_absent_keeps_the_words_as_given(ports, tmp_path):
    (tmp_path / "study.txt").unlink()
    result = run("add", ports, "--text", "X", "--source", "study", "--quote", "any words")
    assert result.exit_code == 0, result.output
    assert read_map(ports).model.claims[0].quote == "any words"


def test_source_rm_refuses_while_cited_unless_cascade(ports):
    taken = run("source", "add", ports, "--id", "study", "--title", "Again")
    assert taken.exit_code == 2 and "'study' is taken" in taken.stderr
    run("add", ports, "--text", "X", "--id", "x", "--source", "study", "--quote", "own study")
    result = run("source", "rm", ports, "study")
    assert result.exit_code == 2 and "source 'study' is cited by x" in result.stderr
    result = run("source", "rm", ports, "study", "--cascade")
    assert result.stdout == "uncited by claim x\nremoved source study\n"
    model = read_map(ports).model
    assert model.sources == [] and model.claims[0].quote is None


def test_tags_added_and_removed(ports):
    run("add", ports, "--text", "X", "--id", "x", "--tag", "port")
    result = run("tag", ports, "x", "+night", "-port", "+night")
    assert (result.exit_code, result.stdout) == (0, "#night\n"), result.output
    assert run("set", ports, "x", "tags", "+a,+b,-night").exit_code == 0
    assert read_map(ports).model.claims[0].tags == ["a", "b"]
    result = run("tag", ports, "x", "-zzz")
    assert result.exit_code == 2 and "the claim has no tag 'zzz'" in result.stderr


def test_rename_leaves_diff_one_rename_and_nothing_else(tmp_path):
    path = tmp_path / HARBOUR.name
    path.write_text(HARBOUR.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("rename", path, "night-clears-peak", "shifts-peak")
    assert result.stdout == "renamed claim night-clears-peak to shifts-peak (4 places)\n"
    diff = run("diff", HARBOUR, path)
    assert diff.stdout == "~ claim night-clears-peak is now shifts-peak\n"
    clash = run("rename", path, "shifts-peak", "open-at-night")
    assert clash.exit_code == 2 and "'open-at-night' is taken" in clash.stderr


def test_a_refused_edit_is_told_in_terms_of_the_file_on_disk(ports):
    run("add", ports, "--text", "Open", "--id", "open", "--kind", "conclusion")
    lines = ports.read_text().splitlines()
    kind_line = next(i for i, line in enumerate(lines, 1) if "kind: conclusion" in line)
    result = run("set", ports, "open", "kind", "objecton")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{ports}:{kind_line}:11: error[bad_value]: refused, nothing")
    result = run("add", ports, "--text", "Y", "--supports", "nope")
    assert result.stderr.startswith(
        f"{ports}: error[dangling_ref]: refused, nothing written: in what this change adds, "
        "link 'y.support.nope' points to unknown claim 'nope'"
    )


def _complete(words: str) -> list[str]:
    env = {
        "_ARGMAP_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    result = run(*[], env=env, prog_name="argmap")
    return result.stdout.split()


NIGHT = ["night-clears-peak", "night-is-safe", "night-fees"]


@pytest.mark.parametrize(
    "words",
    [
        "show {m} night-",
        "why {m} night-",
        "impact {m} night-",
        "path {m} night-",
        "path {m} open-at-night night-",
        "eval {m} --retract night-",
        "eval {m} --assume night-",
        "eval {m} --explain night-",
        "claims {m} --supports night-",
        "claims {m} --attacks night-",
        "claims {m} --supported-by night-",
        "claims {m} --attacked-by night-",
        "add {m} --supports night-",
        "add {m} --attacks night-",
        "link {m} night-",
        "link {m} open-at-night supports night-",
        "unlink {m} night-",
        "unlink {m} open-at-night supports night-",
        "rm {m} night-",
        "set {m} night-",
        "tag {m} night-",
        "rename {m} night-",
        "show {m} --focus night-",
        "export {m} --focus night-",
        "eval {m} --focus night-",
        "watch {m} -o x.svg --focus night-",
        "serve {m} --focus night-",
    ],
)
def test_every_option_that_takes_a_claim_id_completes_it(words):
    got = _complete("argmap " + words.format(m=HARBOUR))
    assert [g for g in got if g in NIGHT] == NIGHT, got


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("claims {m} --tag lab", ["labour"]),
        ("add {m} --tag lab", ["labour"]),
        ("claims {m} --source op", ["op-ed"]),
        ("add {m} --source op", ["op-ed"]),
        ("source rm {m} op", ["op-ed"]),
        ("tag {m} open-at-night +noi", ["+noise"]),
        ("unlink {m} prec", ["precedent"]),
    ],
)
def test_tags_and_source_ids_complete(words, expected):
    assert _complete("argmap " + words.format(m=HARBOUR)) == expected


def test_unlink_refuses_when_two_links_say_the_same_and_lists_their_ids(tmp_path):
    path = tmp_path / "m.yaml"
    text = (
        "title: t\nclaims:\n  - {id: c, text: C, kind: conclusion}\n"
        "  - {id: a, text: A, supports: [c]}\n  - {id: b, text: B}\n"
        "links:\n  - {id: means, source: a, target: c, scheme: practical-reasoning, group: g}\n"
        "  - {id: goal, source: b, target: c, group: g}\n"
    )
    path.write_text(text)
    result = run("unlink", path, "a", "supports", "c")
    assert result.exit_code == 2
    assert "2 links say a supports c: a.support.c, means" in result.stderr
    assert f"argmap unlink {path} LINK-ID" in result.stderr
    assert path.read_text() == text  # nothing removed
    assert run("unlink", path, "means").exit_code == 0  # named by its id, it goes
    assert run("unlink", path, "a", "supports", "c").exit_code == 0  # now only one says it
