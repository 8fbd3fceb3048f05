"""The first hour of a new user: a source text saved with its header, quotes copied with an
editor's brackets or an ellipsis, a claim the mapper adds, the map's one source taken as
read, and messages that name the user's own words."""

from __future__ import annotations

import shutil

import pytest
from conftest import DATA, run

from argmap.analysis.provenance import SourceText, split_header
from argmap.operations.loading import read_map

ARTICLE = DATA / "sources" / "article-with-header.txt"


@pytest.fixture
def project(tmp_path):
    (tmp_path / "sources").mkdir()
    shutil.copy(ARTICLE, tmp_path / "sources" / ARTICLE.name)
    path = tmp_path / "m.yaml"
    assert run("new", path, "--title", "Night buses").exit_code == 0
    return path


def test_a_header_block_is_not_counted_among_the_paragraphs():
    text = ARTICLE.read_text()
    header, start = split_header(text)
    assert header == {
        "title": "Tax the Night Buses",
        "author": "B. Commentator",
        "date": "March 4, 2026",
        "url": "https://example.org/night-buses",
    }
    source = SourceText(text)
    assert source.find("The city should tax the night buses less").paragraph == 1
    assert source.find("The council will decide in May.").paragraph == 3
    assert source.find("B. Commentator") is None  # the header is no part of the argument


def test_source_add_takes_the_fields_the_header_gives(project):
    result = run("source", "add", project, "--id", "art", "--path", f"sources/{ARTICLE.name}")
    assert result.exit_code == 0, result.output
    assert "title from the text's header: Tax the Night Buses" in result.stderr
    (source,) = read_map(project).model.sources
    assert (source.title, source.author, str(source.date), source.url) == (
        "Tax the Night Buses", "B. Commentator", "2026-03-04", "https://example.org/night-buses"
    )  # fmt: skip


def test_quotes_across_an_editors_brackets_and_an_ellipsis_are_found(project):
    assert run("source", "add", project, "--id", "art", "--path", f"sources/{ARTICLE.name}",
               "--title", "T").exit_code == 0  # fmt: skip
    # The text writes "[T]he night shift"; the person copies it without the brackets.
    added = run("add", project, "--text", "Workers cannot get home.",
                "--quote", "the night shift cannot get home")  # fmt: skip
    assert added.exit_code == 0, added.output
    # An ellipsis leaves words out; the quote keeps it, as written.
    elided = run("add", project, "--text", "Fares pay.",
                 "--quote", "fares already cover most ... at night")  # fmt: skip
    assert elided.exit_code == 0, elided.output
    claims = {c.id: c for c in read_map(project).model.claims}
    assert claims["workers-cannot-get-home"].quote == "[T]he night shift cannot get home"
    assert claims["workers-cannot-get-home"].locator == "¶2"
    assert claims["fares-pay"].quote == "fares already cover most ... at night"
    assert run("validate", project).exit_code == 0


def test_the_maps_only_source_is_the_quotes_and_a_reconstruction_quotes_nothing(project):
    run("source", "add", project, "--id", "art", "--path", f"sources/{ARTICLE.name}")
    quoted = run("add", project, "--text", "Tax less.", "--quote", "tax the night buses less")
    assert quoted.exit_code == 0, quoted.output
    made = run("add", project, "--text", "Workers matter.", "--reconstructed",
               "--supports", "tax-less")  # fmt: skip
    assert made.exit_code == 0, made.output
    claims = {c.id: c for c in read_map(project).model.claims}
    assert claims["tax-less"].source == "art" and claims["tax-less"].locator == "¶1"
    assert claims["workers-matter"].reconstructed is True
    both = run("add", project, "--text", "X", "--reconstructed", "--quote", "the city")
    assert both.exit_code == 2 and "--reconstructed: a reconstructed claim quotes nothing" in (
        both.stderr
    )
    run("source", "add", project, "--id", "other", "--title", "Other")
    which = run("add", project, "--text", "Y", "--quote", "the city")
    assert which.exit_code == 2 and "the map has 2 sources: name the quote's (art, other)" in (
        which.stderr
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["link", "{m}", "a", "attack", "c"],
         "RELATION: 'attack' is not one of supports, attacks, undercuts (did you mean 'attacks'?)"),
        (["add", "{m}", "--text", "X", "--kind", "evidance"],
         "--kind: 'evidance' is not a kind of claim (did you mean 'evidence'?)"),
        (["claims", "{m}", "-f", "jsn"],
         "--format: 'jsn' is not one of text, json, ids, tsv (did you mean 'json'?)"),
    ],
)  # fmt: skip
def test_a_wrong_choice_names_its_option_and_the_nearest_choice(tmp_path, args, message):
    path = tmp_path / "m.yaml"
    path.write_text("title: t\nclaims:\n  - {id: c, text: C, kind: conclusion}\n"
                    "  - {id: a, text: A}\n")  # fmt: skip
    result = run(*[a.format(m=path) for a in args])
    assert result.exit_code == 2
    assert message in result.stderr


def test_problems_name_claims_by_id_and_strict_says_why_it_failed(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("title: t\nclaims:\n  - {id: c, kind: conclusion}\n")
    assert "error[missing_key]: claim 'c' has no 'text'" in run("validate", path).stdout
    warned = tmp_path / "w.yaml"
    warned.write_text("title: t\nclaims:\n  - {id: a, text: A}\n  - {id: b, text: B}\n")
    result = run("validate", warned, "--strict")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1].startswith(
        f"{warned}: failed: 1 warning counts as an error under --strict"
    )


def test_an_answer_that_names_a_claim_says_so_in_the_users_terms(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("title: t\nclaims:\n  - {id: c, text: C, kind: conclusion}\n"
                    "  - {id: a, text: A, supports: [c],\n"
                    "     answers: [{link: c, question: possible, answer: 'no'}]}\n")  # fmt: skip
    out = run("validate", path).stdout
    assert "claim 'a' answers a question of 'c', which is a claim: an answer names the " in out
    assert "(the supports into 'c': a.support.c)" in out
