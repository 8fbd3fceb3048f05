"""Argument schemes, critical questions and reconstructions: the catalogue, the format, the
lint, evaluation, the views, and the formats that carry them."""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from conftest import CONGESTION, HARBOUR, MAPS, ROOT, SHIPPED, run

from argmap.analysis.schemes import catalogue_of, inferences, normalise, questions_report, shipped
from argmap.analysis.validate import has_errors, validate
from argmap.formats import aif, argdown, graphml, sadface
from argmap.formats.native import loads
from argmap.graph import build_graph
from argmap.model import ArgMap
from argmap.model.document import Document
from argmap.operations.loading import read_map
from argmap.semantics.evaluate import verdicts

AIF_CORPORA = sorted((ROOT.parent / "shared" / "corpora").glob("aif-*/*.json"))


def policy(extra_claims=(), **link_fields) -> ArgMap:
    """A practical-reasoning map: goal and means support a policy together."""
    return ArgMap.model_validate(
        {
            "title": "t",
            "claims": [
                {"id": "do-it", "text": "Do it.", "kind": "conclusion"},
                {"id": "goal", "text": "We want G."},
                {"id": "means", "text": "Doing it brings G."},
                *extra_claims,
            ],
            "links": [
                {"id": "pr", "source": "goal", "target": "do-it", "group": "g",
                 "scheme": "practical-reasoning", "role": "goal", **link_fields},
                {"id": "pr2", "source": "means", "target": "do-it", "group": "g", "role": "means"},
            ],
        }
    )  # fmt: skip


def codes(model: ArgMap) -> list[str]:
    return [d.code for d in validate(loads(model.to_json(), "m.json"))]


# --- the catalogue ------------------------------------------------------------------------


def test_the_catalogue_has_25_schemes_or_more_each_with_two_questions_or_more():
    result = run("schemes", "--format", "json")
    assert result.exit_code == 0
    schemes = json.loads(result.stdout)
    assert len(schemes) >= 25
    assert all(len(s["questions"]) >= 2 and s["premises"] and s["conclusion"] for s in schemes)
    ids = [s["id"] for s in schemes]
    assert len(set(ids)) == len(ids)
    for s in schemes:  # question ids are unique within a scheme
        asked = [q["id"] for q in s["questions"]]
        assert len(set(asked)) == len(asked), s["id"]
    wanted = {"practical-reasoning", "positive-consequences", "negative-consequences", "values",
              "expert-opinion", "position-to-know", "witness-testimony", "popular-opinion",
              "cause-to-effect", "correlation-to-cause", "sign", "analogy", "precedent",
              "example", "established-rule", "verbal-classification", "commitment",
              "inconsistent-commitment", "ad-hominem", "bias", "slippery-slope", "sunk-costs",
              "alternatives", "best-explanation"}  # fmt: skip
    assert wanted <= set(ids)


def test_a_scheme_is_found_by_id_name_alias_or_aif_name():
    catalogue = catalogue_of()
    for name in ("cause-to-effect", "CauseToEffect", "Cause To Effect",
                 "Argument from cause to effect"):  # fmt: skip
        assert catalogue.get(name).id == "cause-to-effect", name
    assert catalogue.get("no such scheme") is None
    assert normalise("Argument From Expert Opinion") == normalise("expert-opinion")


def test_schemes_prints_one_and_refuses_an_unknown_one_with_a_suggestion():
    one = run("schemes", "Expert Opinion")
    assert one.exit_code == 0
    assert one.stdout.startswith("Argument from expert opinion (expert-opinion)\n")
    assert "field: Is E an expert in the field A belongs to?" in one.stdout
    bad = run("schemes", "analogie")
    assert bad.exit_code == 2
    assert "no scheme 'analogie': did you mean 'analogy'" in bad.output


def test_a_map_may_add_schemes_of_its_own(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(
        "title: t\nclaims:\n  - {id: c, text: C, kind: conclusion}\n"
        "  - {id: p, text: P}\n  - {id: x, text: X, answers: [{link: l, question: q1, "
        "answer: 'no'}]}\nlinks:\n  - {id: l, source: p, target: c, scheme: house-rule}\n"
        "schemes:\n  - id: house-rule\n    name: Our house rule\n    premises: [{role: r, "
        "text: R}]\n    questions: [{id: q1, text: Does it apply?}, {id: q2, text: Fair?}]\n",
        encoding="utf-8",
    )
    assert run("validate", "--strict", path).exit_code == 0
    assert "Our house rule" in run("schemes", "--map", path, "house-rule").stdout
    assert run("questions", path, "-f", "ids").stdout == "l/q2\n"


# --- the format and evaluation ------------------------------------------------------------


def test_a_no_answer_is_an_undercut_that_defeats_the_inference():
    answer = {"link": "pr", "question": "side-effects", "answer": "no"}
    model = policy([{"id": "side", "text": "It ruins H.", "answers": [answer]}])
    links = {lk.id: lk for lk in model.all_links()}
    assert links["side.undercut.pr"].kind.value == "undercut"
    assert links["side.undercut.pr"].target == "pr"
    G = build_graph(model)
    assert verdicts(G)["do-it"][0] == "out"  # its only support is defeated
    assert codes(model) == []
    # The canonical form writes the undercut out; read back, it is not made twice.
    again = loads(model.to_json(), "m.json").model
    assert [lk.id for lk in again.all_links()] == [lk.id for lk in model.canonical().links]
    assert again.canonical() == again


def test_a_yes_answer_closes_the_question_and_changes_no_label():
    support = {"id": "able", "text": "We can do it.",
               "answers": [{"link": "pr2", "question": "possible", "answer": "yes"}]}  # fmt: skip
    model = policy([support])
    assert len(model.all_links()) == 2
    assert verdicts(build_graph(model))["do-it"][0] == "in"
    report = questions_report(model)
    status = {q.question: q.status for q in report.questions}
    assert status["possible"] == "yes"  # pr2 is in the same linked group as pr
    assert report.counts() == {"open": 4, "yes": 1, "no": 0}
    assert codes(model) == []  # the answering claim is not "disconnected"


def test_an_answer_written_with_its_undercut_makes_one_link():
    answer = {"link": "pr", "question": "side-effects", "answer": "no"}
    model = policy(
        [{"id": "side", "text": "It ruins H.", "undercuts": ["pr2"], "answers": [answer]}]
    )
    assert [lk.id for lk in model.all_links() if lk.kind.value == "undercut"] == [
        "side.undercut.pr2"
    ]


@pytest.mark.parametrize(
    ("change", "code", "severity"),
    [
        ({"scheme": "practical-reasonin"}, "unknown_scheme", "warning"),
        ({"role": "goals"}, "unknown_role", "warning"),
    ],
)
def test_validate_warns_of_unknown_schemes_and_roles_with_a_suggestion(change, code, severity):
    doc = loads(policy(**change).to_json(), "m.json")
    found = [d for d in validate(doc) if d.code == code]
    assert len(found) == 1 and found[0].severity == severity
    assert "did you mean" in (found[0].hint or "")
    assert not has_errors(validate(doc))  # open or unknown never fails validate


def test_validate_checks_answers_conflicts_and_reconstructions():
    wrong = {"id": "w", "text": "W", "answers": [
        {"link": "pr", "question": "side-efects", "answer": "yes"},
        {"link": "nope", "question": "x", "answer": "yes"}]}  # fmt: skip
    made = {"id": "r", "text": "R", "reconstructed": True, "quote": "q", "source": "s"}
    model = policy([wrong, made])
    data = model.to_data()
    data["sources"] = [{"id": "s", "title": "S"}]
    data["links"][1]["scheme"] = "values"
    diags = validate(loads(json.dumps(data, indent=2), "m.json"))
    got = {(d.code, d.severity) for d in diags}
    assert ("unknown_question", "warning") in got
    assert ("dangling_ref", "error") in got
    assert ("scheme_conflict", "error") in got
    assert ("reconstructed_quote", "error") in got
    question = next(d for d in diags if d.code == "unknown_question")
    assert question.hint == "did you mean 'side-effects'?"
    assert question.location.line > 1


def test_an_answer_needs_a_valid_value():
    bad = {"id": "b", "text": "B", "answers": [{"link": "pr", "question": "possible",
                                               "answer": "maybe"}]}  # fmt: skip
    with pytest.raises(ValueError):
        policy([bad])


# --- the shipped maps ---------------------------------------------------------------------


def test_the_shipped_map_names_schemes_answers_questions_and_marks_reconstructions():
    model = read_map(SHIPPED).model
    named = {inf.scheme for inf in inferences(model) if inf.scheme}
    assert len(named) >= 3
    assert all(catalogue_of(model).get(s) for s in named)
    made = [c for c in model.claims if c.reconstructed]
    assert len(made) == 8 and not any(c.quote for c in made)
    cover = run("coverage", SHIPPED, "--format", "json")
    data = json.loads(cover.stdout)
    assert data["reconstructed"]["claims"] == [c.id for c in made]
    cq = data["critical_questions"]
    assert cq["open"] == len(cq["open_questions"]) > 0
    assert cq["yes"] >= 1 and cq["no"] >= 2
    text = run("coverage", SHIPPED).stdout
    assert "  open: europe-to-asia (analogy) relevant: " in text
    # Answering questions changed no verdict the essay's reading rests on.
    labels = {k: v[0] for k, v in verdicts(build_graph(model)).items()}
    assert labels["hedge"] == labels["deepen-ties"] == "in"


def test_questions_lists_for_tools():
    ids = run("questions", CONGESTION, "--format", "ids")
    assert ids.exit_code == 0
    assert "precedent/relevant" in ids.stdout.split()
    assert "precedent/no-difference" not in ids.stdout.split()  # answered: not open
    tsv = run("questions", CONGESTION, "--all", "--format", "tsv").stdout.splitlines()
    assert tsv[0] == "inference\tscheme\tquestion\tstatus\ttext"
    assert "precedent\tanalogy\tno-difference\tno (cities-differ)\t" in "\n".join(tsv)
    data = json.loads(run("questions", CONGESTION, "--format", "json").stdout)
    assert data["counts"] == {"open": 8, "yes": 0, "no": 1}
    assert {q["status"] for q in data["questions"]} == {"open"}


# --- the views ----------------------------------------------------------------------------


def test_show_names_schemes_roles_reconstructions_and_lists_questions():
    plain = run("show", CONGESTION).stdout
    assert "‹analogy: base›" in plain
    assert "(reconstructed)" in plain
    assert "? open" not in plain
    asked = run("show", CONGESTION, "--questions").stdout.splitlines()
    at = next(i for i, line in enumerate(asked) if "‹analogy: base›" in line)
    below = "\n".join(asked[at + 1 : at + 6])
    assert "? open  base-true: Is charge-cuts-traffic true (false) in other-cities?" in below
    assert "✗ no (cities-differ)  no-difference: " in below
    tree = json.loads(run("show", CONGESTION, "-f", "json").stdout)
    assert '"scheme": "analogy"' in json.dumps(tree)


def test_pictures_name_schemes_when_asked_and_draw_reconstructions_dashed(dot_program):
    plain = run("export", CONGESTION, "--to", "dot").stdout
    named = run("export", CONGESTION, "--to", "dot", "--schemes").stdout
    assert "analogy" not in plain and "analogy" in named
    assert "as base" in named and "the argument scheme of the arrow" in named
    line = next(x for x in plain.splitlines() if x.startswith('  "cities-differ" ['))
    assert "dashed" in line and "reconstructed" in line
    assert "dashed border: reconstructed by the analyst" in plain
    svg = run("export", CONGESTION, "--to", "svg", "--schemes")
    assert svg.exit_code == 0 and b"analogy" in svg.stdout_bytes


def test_the_html_report_marks_open_and_answered_questions(dot_program):
    page = run("export", CONGESTION, "--to", "html").stdout
    assert '<li class="q open">open: Is charge-cuts-traffic true (false) in other-cities?' in page
    assert '<li class="q answered no">answered no by <a href="#c-cities-differ">' in page
    assert '<span class="made">reconstructed</span>' in page


# --- interchange --------------------------------------------------------------------------


@pytest.mark.skipif(not AIF_CORPORA, reason="../shared/corpora/aif-* is absent")
def test_aif_imports_keep_at_least_95_percent_of_named_schemes():
    named = kept = matched = 0
    catalogue = catalogue_of()
    for path in AIF_CORPORA:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
        data = data.get("AIF", data)
        for n in data["nodes"]:
            name = n.get("scheme") or n.get("text")
            if n.get("type") == "RA" and name not in ("RA", "Default Inference", "", None):
                named += 1
        model = aif.parse(text, str(path))
        for inf in inferences(model):
            if inf.scheme:
                kept += 1
                matched += catalogue.get(inf.scheme) is not None
            elif inf.scheme is None:
                continue
    assert named >= 700
    assert kept >= 0.95 * named
    assert matched == kept  # every name the corpora use is in the catalogue


def test_an_unknown_aif_scheme_is_kept_and_reported():
    doc = {"nodes": [{"nodeID": "1", "type": "I", "text": "C"},
                     {"nodeID": "2", "type": "I", "text": "P"},
                     {"nodeID": "3", "type": "RA", "text": "RA", "scheme": "Argument From Tea"}],
           "edges": [{"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"}]}  # fmt: skip
    model = aif.parse(json.dumps(doc))
    assert [lk.scheme for lk in model.links] == ["Argument From Tea"]
    assert "kept as named: Argument From Tea (1)" in model.description
    assert "unknown_scheme" in codes(model)


def test_schemes_round_trip_through_aif_sadface_argdown_and_graphml():
    for path in (HARBOUR, CONGESTION, *MAPS):
        model = read_map(path).model
        want = sorted((tuple(sorted(i.premises)), i.target, i.scheme) for i in inferences(model))
        for fmt in (aif, sadface, argdown, graphml):
            again = fmt.parse(fmt.dump(model))
            got = sorted((tuple(sorted(i.premises)), i.target, i.scheme) for i in inferences(again))
            assert got == want, (path.name, fmt.__name__)
        for fmt in (argdown, graphml):  # these carry roles, answers and reconstructions too
            again = fmt.parse(fmt.dump(model))
            assert Counter((lk.source, lk.role) for lk in again.all_links() if lk.role) == Counter(
                (lk.source, lk.role) for lk in model.all_links() if lk.role
            )
            assert [c.id for c in again.claims if c.reconstructed] == [
                c.id for c in model.claims if c.reconstructed
            ]
            assert [(c.id, [(a.question, a.answer) for a in c.answers]) for c in again.claims
                    if c.answers] == [(c.id, [(a.question, a.answer) for a in c.answers])
                                      for c in model.claims if c.answers]  # fmt: skip
            # read back where the map stands, so its source texts are where it names them
            located = Document(loads(again.to_json(), path.name).model, path.name, path)
            assert not has_errors(validate(located))


@pytest.mark.slow
def test_the_argdown_cli_reads_schemes_as_argument_data(argdown_cli, tmp_path):
    source = tmp_path / "m.argdown"
    source.write_text(argdown.dump(read_map(CONGESTION).model), encoding="utf-8")
    proc = subprocess.run([argdown_cli, "json", str(source), str(tmp_path)],
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-1000:]
    data = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    found = {k: v.get("data") for k, v in data["arguments"].items() if v.get("data")}
    assert found["problem-and-remedy"]["scheme"] == "practical-reasoning"
    assert found["problem-and-remedy"]["roles"] == {"congestion-is-costly": "goal",
                                                    "charge-cuts-traffic": "means"}  # fmt: skip
    assert found["precedent"]["scheme"] == "analogy"


#: Catalogue schemes whose AIF name arguebuf 2.7 does not know (it reads them as Default).
ARGUEBUF_LACKS = {"precedent", "established-rule", "best-explanation",
                  "falsification-of-hypothesis", "effect-to-cause"}  # fmt: skip


@pytest.mark.slow
def test_arguebuf_reads_every_scheme_back_from_an_aif_export(arguebuf_reader, tmp_path):
    claims = [{"id": "c", "text": "C", "kind": "conclusion"}]
    links = []
    for i, s in enumerate(shipped()):
        claims.append({"id": f"p{i}", "text": f"P {s.id}"})
        links.append({"id": f"l{i}", "source": f"p{i}", "target": "c", "scheme": s.id})
    model = ArgMap.model_validate({"title": "all", "claims": claims, "links": links})
    files = []
    for name, m in (("all", model), ("harbour", read_map(HARBOUR).model)):
        files.append(tmp_path / f"{name}.json")
        files[-1].write_text(aif.dump(m), encoding="utf-8")
    proc = subprocess.run([*arguebuf_reader, *map(str, files)], capture_output=True,
                          text=True, check=False, timeout=300)  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    catalogue = catalogue_of()
    for m, line in zip((model, read_map(HARBOUR).model), proc.stdout.splitlines(), strict=True):
        seen = {s["id"]: s["scheme"] for s in json.loads(line)["schemes"]}
        for inf in inferences(m):
            ra = f"RA.{inf.group}.{inf.target}" if inf.group else f"RA.{inf.key}"
            if inf.scheme is None:
                assert seen[ra] == "Default"
            elif inf.scheme in ARGUEBUF_LACKS:
                assert seen[ra] == "Default", inf.scheme
            else:
                assert catalogue.get(seen[ra]).id == inf.scheme, (inf.scheme, seen[ra])
    assert len(shipped()) - len(ARGUEBUF_LACKS) >= 25


def test_microtexts_implicit_units_are_reconstructions():
    part2 = ROOT.parent / "shared/corpora/arg-microtexts/part2/corpus/micro_c002.xml"
    if not part2.exists():
        pytest.skip("../shared/corpora/arg-microtexts is absent")
    from argmap.formats import microtexts

    model = microtexts.parse(part2.read_text(encoding="utf-8"), str(part2))
    made = [c for c in model.claims if c.reconstructed]
    assert [c.text for c in made] == ["Hunting is good for the environment."]


def test_a_view_keeps_answers_only_with_what_they_answer():
    # same-cargo answers a question of the link other-ports -> night-clears-peak, which
    # the view leaves out (night-clears-peak has no tag evidence-base): the answer goes too.
    shown = run("show", HARBOUR, "--where", "tag:evidence-base", "-f", "ids")
    assert shown.exit_code == 0, shown.output
    assert "same-cargo" in shown.stdout.split()
    exported = run("export", HARBOUR, "--tag", "evidence-base", "--to", "json")
    doc = loads(exported.stdout, "view.json")
    assert not has_errors(validate(doc))
    kept = {c.id: c for c in doc.model.claims}
    assert "same-cargo" in kept and kept["same-cargo"].answers == []


def test_fmt_keeps_a_comment_after_an_item_where_it_was(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(
        "title: t\nclaims:\n  - id: a\n    text: A\n    reconstructed: true\n    note: N\n\n"
        "  # --- the next part\n  - id: b\n    text: B\n",
        encoding="utf-8",
    )
    assert run("fmt", path).exit_code == 0
    assert Path(path).read_text(encoding="utf-8") == (
        "title: t\nclaims:\n  - id: a\n    text: A\n    note: N\n    reconstructed: true\n\n"
        "  # --- the next part\n  - id: b\n    text: B\n"
    )


def test_set_names_a_links_scheme_and_role_and_marks_a_reconstruction(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(CONGESTION.read_text(encoding="utf-8"), encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    result = run("set", path, "precedent", "scheme", "precedent")
    assert result.exit_code == 0, result.output
    assert run("set", path, "precedent", "role", "precedent").exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert "    scheme: precedent\n    role: precedent\n" in text
    # Only those two lines changed.
    assert (
        text.replace("scheme: precedent\n    role: precedent", "scheme: analogy\n    role: base")
        == before
    )
    typo = run("set", path, "precedent", "scheme", "precednt")
    assert typo.exit_code == 0  # an unknown scheme is a warning, said at once
    assert "warning[unknown_scheme]" in typo.stderr and "did you mean 'precedent'" in typo.stderr
    assert run("set", path, "precedent", "rol", "x").exit_code == 2
    shorthand = run("set", path, "buses-crawl.support.congestion-is-costly", "note", "x")
    assert shorthand.exit_code == 2 and "written as shorthand" in shorthand.stderr
    assert run("set", path, "fund-buses", "reconstructed", "true").exit_code == 1  # it quotes
    assert run("set", path, "cities-differ", "reconstructed", "false").exit_code == 0
    assert "reconstructed" not in read_map(path).model.claims[
        [c.id for c in read_map(path).model.claims].index("cities-differ")
    ].model_dump(exclude_defaults=True)


def test_answer_records_an_answer_and_a_no_defeats_the_inference(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(CONGESTION.read_text(encoding="utf-8"), encoding="utf-8")
    typo = run("answer", path, "sales-held", "need", "side-efects", "no")
    assert typo.exit_code == 2 and "did you mean 'side-effects'" in typo.stderr
    nothing = run("answer", path, "sales-held", "fund-buses.support.adopt-charge", "x", "no")
    assert nothing.exit_code == 2 and "names no scheme" in nothing.stderr
    assert run("answer", path, "fund-buses", "remedy", "possible", "yes").exit_code == 0
    # shops-lose attacks the policy already: its "no" is that attack, no undercut added.
    assert run("answer", path, "shops-lose", "need", "side-effects", "no").exit_code == 0
    assert "shops-lose.undercut.need" not in {lk.id for lk in read_map(path).model.all_links()}
    assert run("answer", path, "sales-held", "need", "other-goals", "no").exit_code == 0
    model = read_map(path).model
    status = {(q.inference, q.question): q.status for q in questions_report(model).questions}
    assert status[("need", "possible")] == "yes"  # remedy and need are one linked group
    assert status[("need", "side-effects")] == status[("need", "other-goals")] == "no"
    undercut = "sales-held.undercut.need"
    assert undercut in {lk.id for lk in model.all_links()}
    # Answering again replaces the claim's earlier answer to that question.
    assert run("answer", path, "sales-held", "need", "other-goals", "yes").exit_code == 0
    again = read_map(path).model
    assert undercut not in {lk.id for lk in again.all_links()}
    assert [a.answer for c in again.claims if c.id == "sales-held" for a in c.answers] == ["yes"]


def test_a_scheme_conflict_is_located_at_the_second_scheme_named():
    # Links without ids too: the place is that of the link that names the second scheme.
    text = ("title: t\nclaims:\n  - {id: c, text: C, kind: conclusion}\n  - {id: a, text: A}\n"
            "  - {id: b, text: B}\nlinks:\n  - {source: a, target: c, group: g, scheme: analogy}\n"
            "  - {source: b, target: c, group: g, scheme: sign}\n")  # fmt: skip
    (found,) = [d for d in validate(loads(text, "m.yaml")) if d.code == "scheme_conflict"]
    assert (found.location.line, found.location.col) == (8, 46)


def test_questions_name_the_claims_that_play_the_schemes_roles():
    out = run("questions", HARBOUR, "--all", "-f", "json").stdout
    asked = {(q["inference"], q["question"]): q["asked"] for q in json.loads(out)["questions"]}
    # The goal's letter is the claim playing the goal; the expert's, the claim that names
    # the expert (the assertion), where no claim plays the expert role itself.
    assert (
        asked[("need", "other-goals")] == "Is queues-cost compatible with the agent's other goals?"
    )
    assert asked[("expert", "expertise")] == "Is master-says-safe a genuine, credible expert?"
    assert not any(re.search(r"\b[EG]\b", text) for text in asked.values())
