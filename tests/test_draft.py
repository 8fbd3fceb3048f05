"""argmap draft: a first map of a text, offline, every claim a verbatim quote, every claim
and link marked drafted (with its score) until a person reviews it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import DATA, HARBOUR, ROOT, SHIPPED, SOURCE_TEXT, run
from hypothesis import example, given, settings
from hypothesis import strategies as st

from argmap.analysis.draft import draft_structure
from argmap.operations.loading import read_map

OP_ED = DATA / "sources" / "harbour-op-ed.txt"
WITH_HEADER = DATA / "sources" / "article-with-header.txt"


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(DATA / "sources", tmp_path / "sources")
    return tmp_path


def test_a_drafted_map_validates_and_every_claim_quotes_the_text(folder):
    out = folder / "draft.yaml"
    result = run("draft", folder / "sources" / OP_ED.name, "-o", out)
    assert result.exit_code == 0, result.output
    assert "central claim: calder-should-open-its-harbour-to" in result.stdout
    checked = run("validate", out)  # the quotes are looked up in the text
    assert checked.exit_code == 0, checked.output
    assert "note[drafted]" in checked.output and "quote_not_found" not in checked.output
    model = read_map(out).model
    text = OP_ED.read_text(encoding="utf-8")
    assert all(c.quote and c.quote in text and c.drafted is not None for c in model.claims)
    assert all(lk.drafted is not None for lk in model.all_links())
    kinds = {c.id: c.kind.value for c in model.claims}
    assert [k for k in kinds.values() if k == "conclusion"] == ["conclusion"]
    # The concessions the op-ed makes are drafted as objections, each with its reply.
    objections = [c for c in model.claims if c.kind.value == "objection"]
    assert any("half of its members voted against" in c.text for c in objections)
    replies = {lk.source for lk in model.all_links() if lk.kind.value == "attack"
               and lk.target in {c.id for c in objections}}  # fmt: skip
    assert any(r.startswith("but-that-vote-was-taken") for r in replies)


HOOK = """Charge the Drivers

On Tuesday the council unveiled a plan to charge drivers who enter the old town at peak
hours. Last week the mayor said the charge would start in May.

The plan deserves support. Traffic in the centre has grown by a fifth since 2019, and
buses crawl at walking pace. Last week the buses ran late on four days of five.

Shopkeepers fear that fewer drivers mean fewer customers. In the cities studied, however,
sales did not fall.

The council should adopt the charge and spend its revenue on buses.
"""


def test_the_news_hook_an_article_opens_with_is_left_out_and_said(folder):
    (folder / "sources" / "hook.txt").write_text(HOOK, encoding="utf-8")
    out = folder / "hook.yaml"
    result = run("draft", folder / "sources" / "hook.txt", "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stderr.count("left out as background") == 2
    assert "'On Tuesday the council unveiled" in result.stderr
    texts = [c.text for c in read_map(out).model.claims]
    assert not any(t.startswith(("On Tuesday", "Last week the mayor")) for t in texts)
    # A dated event further on is evidence, not a hook: kept.
    assert any(t.startswith("Last week the buses ran late") for t in texts)
    assert run("validate", out).exit_code == 0
    explained = json.loads(run("draft", folder / "sources" / "hook.txt", "--explain", "-f",
                               "json").stdout)  # fmt: skip
    assert [t[:10] for t in explained["left_out"]] == ["On Tuesday", "Last week "]


def test_a_header_gives_the_source_and_headings_are_no_claims(folder):
    out = folder / "night.yaml"
    assert run("draft", folder / "sources" / WITH_HEADER.name, "-o", out).exit_code == 0
    model = read_map(out).model
    source = model.sources[0]
    assert (source.title, source.author) == ("Tax the Night Buses", "B. Commentator")
    assert not any("Tax the Night Buses" in c.text or c.text.startswith("Title:")
                   for c in model.claims)  # fmt: skip
    assert model.claims[0].text == "The city should tax the night buses less."
    assert run("validate", out).exit_code == 0


def test_the_headline_above_a_text_with_no_header_titles_the_source_and_the_map(tmp_path):
    text = tmp_path / "page.txt"
    text.write_text("EDITORIAL: Keep the night buses\n\nThe city should keep its night "
                    "buses. Nurses ride them home.\n\nCutting them saves little.\n\n"
                    "Keep them running.\n")  # fmt: skip
    out = tmp_path / "page.yaml"
    assert run("draft", text, "-o", out).exit_code == 0
    model = read_map(out).model
    assert model.sources[0].title == "Keep the night buses"
    assert model.title == "Keep the night buses (a draft)"
    bare = tmp_path / "bare.txt"
    bare.write_text("The city should keep its night buses. Nurses ride them home.\n")
    assert run("draft", bare, "-o", tmp_path / "bare.yaml").exit_code == 0
    assert read_map(tmp_path / "bare.yaml").model.sources[0].title == "bare"


def test_given_units_draft_only_the_structure(folder, tmp_path):
    units = tmp_path / "units.txt"
    units.write_text("Calder should open its harbour to freight at night.\n"
                     "The queues are expensive.\nNot a sentence of the text at all.\n")  # fmt: skip
    result = run("draft", folder / "sources" / OP_ED.name, "--units", units, "-f", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    # In the text's order, whatever the file's.
    assert [c["text"] for c in data["claims"]] == [
        "The queues are expensive.",
        "Calder should open its harbour to freight at night.",
    ]
    assert "unit 3 is not in the text" in result.stderr
    # A map's quotes are units too.
    shutil.copy(HARBOUR, folder / HARBOUR.name)
    from_map = json.loads(run("draft", folder / "sources" / OP_ED.name, "--units",
                              folder / HARBOUR.name, "-f", "json").stdout)  # fmt: skip
    quotes = {c.quote for c in read_map(HARBOUR).model.claims if c.quote}
    assert len(from_map["claims"]) == len(quotes)


def test_explain_says_the_cues_behind_each_proposal(folder):
    result = run("draft", folder / "sources" / OP_ED.name, "--explain")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    reply = next(line for line in lines if line.startswith("but-that-vote-was-taken"))
    assert "attacks it-is-true-that-half-of" in reply and "opens with a turn (but)" in reply
    central = next(line for line in lines if line.startswith("calder-should-open"))
    assert "the central claim" in central and "modal verb" in central
    data = json.loads(run("draft", folder / "sources" / OP_ED.name, "--explain",
                          "-f", "json").stdout)  # fmt: skip
    assert data["explain"]["calder-should-open-its-harbour-to"]


def test_draft_never_writes_over_a_file(folder):
    out = folder / "mine.yaml"
    out.write_text("title: my work\nclaims: []\n")
    result = run("draft", folder / "sources" / OP_ED.name, "-o", out)
    assert result.exit_code == 2 and "already exists" in result.output
    assert out.read_text() == "title: my work\nclaims: []\n"


def test_reviewing_clears_the_drafted_mark(folder):
    out = folder / "draft.yaml"
    run("draft", folder / "sources" / OP_ED.name, "-o", out)
    shown = run("show", out).stdout
    assert "(drafted 0." in shown and "not reviewed" in shown
    model = read_map(out).model
    first, second = model.claims[0].id, model.claims[1].id
    assert run("set", out, first, "drafted", "false").exit_code == 0
    assert run("set", out, second, "text", "Queues cost hauliers money.").exit_code == 0
    after = {c.id: c for c in read_map(out).model.claims}
    assert after[first].drafted is None and after[second].drafted is None
    note = next(line for line in run("validate", out).output.splitlines() if "[drafted]" in line)
    assert f"{len(model.claims) - 2} claims" in note
    assert run("set", out, first, "drafted", "true").exit_code == 2
    dot = run("export", out, "--to", "dot").stdout
    assert "drafted 0." in dot
    report = run("export", out, "--to", "html").stdout
    assert f"A draft: {len(model.claims) - 2} claims and " in report
    assert report.count(", not reviewed</span>") == len(model.claims) - 2
    covered = json.loads(run("coverage", out, "-f", "json").stdout)["drafted"]
    assert len(covered["claims"]) == len(model.claims) - 2 and covered["links"] > 0
    assert "drafted, not yet reviewed:" in run("coverage", out).stdout


def test_drafting_touches_no_network(folder, tmp_path):
    out = tmp_path / "offline.yaml"
    guard = (
        "import socket, sys\n"
        "def refuse(*a, **k): raise OSError('network used')\n"
        "socket.socket = refuse; socket.create_connection = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "from argmap.cli import main\n"
        f"sys.argv = ['argmap', 'draft', {str(folder / 'sources' / OP_ED.name)!r}, "
        f"'-o', {str(out)!r}]\n"
        "main()\n"
    )
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run([sys.executable, "-c", guard], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=300, check=False)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert out.exists() and "network used" not in proc.stderr


def test_the_cues_of_a_short_text():
    d = draft_structure([
        "Some say the bridge is too expensive.",
        "But the tolls would pay for it within ten years.",
        "Therefore the city should build the bridge.",
        "For example, the ferry costs more every year.",
    ])  # fmt: skip
    assert d.central == 2
    assert (d.role[0], d.function[0], d.head[0]) == ("opp", "attack", 2)
    assert (d.function[1], d.head[1]) == ("attack", 0)  # the reply to the objection
    assert (d.function[3], d.head[3]) == ("support", 2)  # an example of the unit before
    assert all(0 <= s <= 1 for s in d.score) and all(d.cues)


@pytest.mark.skipif(not SOURCE_TEXT.exists(), reason="the essay's text is in ../shared")
def test_drafting_the_essay_proposes_most_of_the_shipped_maps_quotes(tmp_path):
    out = tmp_path / "essay.yaml"
    shutil.copy(SOURCE_TEXT, tmp_path / SOURCE_TEXT.name)
    assert run("draft", tmp_path / SOURCE_TEXT.name, "-o", out).exit_code == 0
    assert run("validate", out).exit_code == 0
    # Paired by what they quote: most of the shipped map's quoted claims are drafted units.
    shipped = tmp_path / "shipped.yaml"
    text = SHIPPED.read_text(encoding="utf-8").replace(
        "../../shared/sources/", "")  # the text beside the copy  # fmt: skip
    shipped.write_text(text, encoding="utf-8")
    data = json.loads(run("compare", shipped, out, "-f", "json").stdout)
    quoted = [c for c in read_map(shipped).model.claims if c.quote]
    by_quote = [p for p in data["pairs"] if p["method"] == "quote"]
    assert len(by_quote) >= 0.75 * len(quoted)


def _sentences(text: str) -> list[tuple[int, int]]:
    import re

    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]", text)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "It works.", "But, no.", "And yes.", "Night work is noisy, but the cranes are quiet.",
    "While the board agrees, including its chair and the mayor, the union objects.",
    "So.", "Because it pays, the town should do it.", "Yes, but.",
]), min_size=1, max_size=8))  # fmt: skip
def test_a_unit_never_crosses_a_sentence(sentences):
    from argmap.analysis.draft import split_units

    text = " ".join(sentences) + " The" + " filler" * 16 + " ends here."
    bounds = _sentences(text)
    for unit in split_units(text, [(0, len(text))]):
        inside = [(s, e) for s, e in bounds if s <= unit.start < e]
        assert inside and unit.end <= inside[0][1], (unit.text, text)


def test_a_month_or_a_title_abbreviated_does_not_end_a_sentence():
    from argmap.analysis.draft import split_units

    text = ("At the meeting of Feb. 24, Lt. Gray spoke for the plan and Sen. Ruiz against it. "
            "The council voted on Sept. 3 after all.")  # fmt: skip
    units = [u.text for u in split_units(text, [(0, len(text))])]
    assert units == [text[: text.index(" The council")], "The council voted on Sept. 3 after all."]


def test_a_concession_opening_a_sentence_is_cut_from_the_main_clause_that_answers_it():
    from argmap.analysis.draft import split_units

    text = (
        "While the president appears to favour strong leaders, including Xi and Kim, "
        "the two countries may chart divergent courses. Japan should plan for both."
    )
    units = [u.text for u in split_units(text, [(0, len(text))])]
    assert units[:2] == [
        "While the president appears to favour strong leaders, including Xi and Kim,",
        "the two countries may chart divergent courses.",
    ]
    d = draft_structure(units, [0, 0, 1])
    assert d.role[:2] == ["opp", "pro"] and d.function[0] == "attack"
    assert d.central == 2


@pytest.mark.parametrize(("sentence", "cut"), [
    # The main clause opens at the first comma followed by a subject; its own ", which"
    # stays with it.
    ("Although the rule would help some tenants, it would also raise rents, which is why "
     "it should fail.", "Although the rule would help some tenants,"),
    # ", be ..." goes on with the predicate: no main clause to cut at.
    ("If passed, paid officials would no longer have to live in their ward, be registered "
     "here or live in the city.", None),
])  # fmt: skip
def test_a_subordinate_opening_is_cut_where_its_main_clause_begins(sentence, cut):
    from argmap.analysis.draft import split_units

    units = [u.text for u in split_units(sentence, [(0, len(sentence))])]
    assert units == ([sentence] if cut is None else [cut, sentence[len(cut) + 1 :]])


def test_the_last_item_of_a_list_after_and_is_not_cut_off_as_a_clause():
    from argmap.analysis.draft import split_units

    text = ("Good roads have made our trips shorter, our goods cheaper, and our towns "
            "closer. Buses run late, and the trains would run later.")  # fmt: skip
    units = [u.text for u in split_units(text, [(0, len(text))])]
    assert units == [
        "Good roads have made our trips shorter, our goods cheaper, and our towns closer.",
        "Buses run late,",
        "and the trains would run later.",
    ]


def test_an_as_clause_comparing_with_its_verb_left_out_is_not_cut_off_as_a_reason():
    from argmap.analysis.draft import split_units

    text = ("Japan should keep raising its spending, as it has planned to do since 2022. "
            "The council should act now, as promised. "
            "The plan will fail, as the costs are rising.")  # fmt: skip
    units = [u.text for u in split_units(text, [(0, len(text))])]
    assert units == [
        "Japan should keep raising its spending, as it has planned to do since 2022.",
        "The council should act now, as promised.",
        "The plan will fail,",
        "as the costs are rising.",
    ]


def test_a_concessive_connective_with_no_clause_of_its_own_or_set_off_inside_one_is_no_cut():
    from argmap.analysis.draft import split_units

    text = ("The sharing of weapons, though neither ally could launch them alone, invites "
            "doubt. The side questioned whether the allies are ready, while in mindful of "
            "opinion. The plan works quickly enough, although it costs more.")  # fmt: skip
    units = [u.text for u in split_units(text, [(0, len(text))])]
    assert units == [
        "The sharing of weapons, though neither ally could launch them alone, invites doubt.",
        "The side questioned whether the allies are ready, while in mindful of opinion.",
        "The plan works quickly enough,",
        "although it costs more.",
    ]


def test_not_only_x_but_also_y_is_one_unit():
    from argmap.analysis.draft import split_units

    text = ("Investing in the arts is not only a use of money, but also it enriches the "
            "culture. The arts cost money, but they pay back.")  # fmt: skip
    units = [u.text for u in split_units(text, [(0, len(text))])]
    assert units == [
        "Investing in the arts is not only a use of money, but also it enriches the culture.",
        "The arts cost money,",
        "but they pay back.",
    ]


def test_prepositions_and_dates_are_not_read_as_reasons():
    d = draft_structure([
        "The alliance must continue to invest in new hardware.",
        "For decades, the alliance has anchored the region's security.",
        "As a final observation, much has changed since 2016.",
        "The change has been deep since 2016 in every capital.",
    ])  # fmt: skip
    assert not any("opens with a reason" in " ".join(c) for c in d.cues[1:])
    # A reason still opens with "for" after a comma.
    d = draft_structure(["The town should open the harbour at night,",
                         "for the queues cost two million a year."])  # fmt: skip
    assert d.function[1] == "support" and d.head[1] == 0


def test_the_authors_reply_on_the_contrary_attacks_a_reported_objection():
    d = draft_structure([
        "The town should open its harbour at night.",
        "The mayor calls night work a gift to the hauliers.",
        "On the contrary, the hauliers pay for every night shift.",
    ])  # fmt: skip
    assert d.role[1] == "opp" and d.function[2] == "attack" and d.head[2] == 1


@pytest.mark.parametrize("rejection", [
    "That reading mistakes one bad year for a trend.",
    "They are wrong: one bad year is not a trend.",
    "Nothing could be further from the truth.",
    "The port's own figures show the opposite: cargo grew in nine of ten years.",
])  # fmt: skip
def test_a_view_reported_then_rejected_is_an_objection_the_author_answers(rejection):
    d = draft_structure([
        "The town should keep its harbour open.",
        "Much of the commentary assumes that the port will close within a decade.",
        rejection,
        "Cargo has grown in nine of the last ten years.",
    ])  # fmt: skip
    assert (d.role[1], d.function[1]) == ("opp", "attack")
    assert (d.function[2], d.head[2]) == ("attack", 1)
    assert any("rejects" in cue for cue in d.cues[2])
    assert d.role[3] == "pro"


def test_a_reply_with_however_inside_its_first_clause_attacks_the_objection_before_it():
    d = draft_structure([
        "The city should charge drivers at peak hours.",
        "Opponents say the charge would hurt commuters on low incomes.",
        "Most commuters on low incomes, however, already ride the bus.",
    ])  # fmt: skip
    assert d.role[1] == "opp" and d.function[2] == "attack" and d.head[2] == 1
    assert any("however" in cue for cue in d.cues[2])


def test_a_reported_worry_is_an_objection_and_the_authors_own_is_not():
    d = draft_structure([
        "The city should charge drivers at peak hours.",
        "I fear that the centre will choke without it.",
        "Shopkeepers fear that fewer drivers mean fewer customers.",
    ])  # fmt: skip
    assert d.role[1] == "pro" and d.function[1] == "support"
    assert d.role[2] == "opp" and d.function[2] == "attack"


def test_what_a_source_recommends_in_a_while_clause_is_ground_not_an_objection():
    d = draft_structure([
        "The city should fund free sports clubs for children.",
        "While the World Health Organization recommends an hour of exercise a day,",
        "only one child in five gets it.",
        "While some argue that clubs cost too much,",
        "the clinics they spare cost more.",
    ])  # fmt: skip
    assert (d.role[1], d.function[1], d.head[1]) == ("pro", "support", 2)
    assert d.role[3] == "opp" and d.function[3] == "attack"  # a view reported: conceded


def test_a_conclusion_the_next_unit_turns_against_may_still_be_central():
    d = draft_structure([
        "Shop workers have a right to a day off.",
        "Hence it is good when shops close on Sundays.",
        "But people who work all week then have no day to shop.",
        "For them late opening hours are a good alternative.",
    ])  # fmt: skip
    assert d.central == 1


def test_a_step_taken_at_the_same_time_bears_on_what_the_one_before_bears_on():
    d = draft_structure([
        "The city should keep its buses and plan for fewer riders.",
        "Fares alone cannot pay for the service.",
        "The city must keep buying new buses.",
        "At the same time, it must plan for fewer riders.",
    ], [0, 1, 2, 2])  # fmt: skip
    assert d.head[3] == d.head[2] != 2
    assert any("at the same time" in cue for cue in d.cues[3])


def test_the_two_hands_of_a_paragraph_bear_for_and_against_its_point():
    d = draft_structure([
        "The town should build the bridge.",
        "The coming year will tell whether traffic grows.",
        "On the one hand, the new factory is hiring;",
        "on the other hand, the port may close.",
    ], [0, 1, 1, 1])  # fmt: skip
    assert (d.role[2], d.function[2], d.head[2]) == ("pro", "support", 1)
    assert (d.function[3], d.head[3]) == ("attack", 1)


def test_what_ought_to_be_done_drawn_from_the_fact_before_it_is_what_the_fact_supports():
    d = draft_structure([
        "The council should rethink its housing plan.",
        "Rents have risen faster than wages.",
        "The city's population is likely to keep growing.",
        "Prudent planning will require taking this seriously.",
    ], [0, 1, 2, 2])  # fmt: skip
    # Closing the text, apart from the thesis, it is a further conclusion of it.
    assert d.head[2] == 3 and d.head[3] is None and d.drawn == [3]
    d = draft_structure([
        "Rents have risen faster than wages.",
        "The city's population is likely to keep growing.",
        "Prudent planning will require taking this seriously.",
        "So the council should rethink its housing plan.",
    ], [0, 1, 1, 2])  # fmt: skip
    assert d.central == 3 and d.head[1] == 2 and d.head[2] == 3 and d.drawn == []
    # Without a word pointing back, the paragraph's opening stays its point.
    d = draft_structure([
        "The council should rethink its housing plan.",
        "Rents have risen faster than wages.",
        "The city's population is likely to keep growing.",
        "Prudent planning will require new schools.",
    ], [0, 1, 2, 2])  # fmt: skip
    assert d.head[3] == 2


def test_a_paragraph_opening_with_what_was_shown_makes_its_point_in_the_next_sentence():
    d = draft_structure([
        "The city should keep its night buses.",
        "The strike has made clear that the city cannot run without its night workers.",
        "Night work is the backbone of the city's economy.",
        "Hospitals, bakeries and ports all run at night.",
    ], [0, 1, 1, 1])  # fmt: skip
    assert d.head[1] == 2 and d.head[2] == 0 and d.head[3] == 2
    # A paragraph opening with a claim keeps it as its point.
    d = draft_structure([
        "The city should keep its night buses.",
        "The city cannot run without its night workers.",
        "Night work is the backbone of the city's economy.",
    ], [0, 1, 1])  # fmt: skip
    assert d.head[2] == 1


def test_a_unit_reporting_what_happened_or_was_said_is_drafted_as_evidence():
    d = draft_structure([
        "The city should charge drivers at peak hours.",
        "Traffic in the centre has grown by a fifth since 2019.",
        "The mayor said last year that buses crawl at eleven kilometres an hour.",
        "A charge would probably cut traffic.",  # a forecast, hedged: a claim
        "Cities that charge have seen traffic fall, so the charge may work.",  # a hedge
        "I think the air has got worse.",  # the author's view
    ])  # fmt: skip
    assert d.evidence == [False, True, True, False, False, False]
    assert any("evidence" in cue and "has grown" in cue for cue in d.cues[1])
    d = draft_structure([
        "The city should charge drivers at peak hours.",
        "The strike has made clear that the city can no longer run without its buses.",
        "Its economic might has been built on the port.",  # "might", a noun: no hedge
        "The will of the voters has been ignored.",
        "Ports that opened at night cut their queues by about a quarter.",
        "Having said that, the port is often idle.",  # a marker, nothing said
    ])  # fmt: skip
    assert d.evidence == [False, True, True, True, True, False]
    d = draft_structure([
        "The city should keep its minimum wage.",
        "Choi bought the brothers clothes.",  # the simple past after its subject
        "The city raised the fares twice.",
        "The closed store is a loss.",  # a participle before a noun: no report
        "The plan works.",
        "Its officials speak of China as the pacing challenge.",  # what others say
    ])  # fmt: skip
    assert d.evidence == [False, True, True, False, False, True]


def test_a_reported_fact_denying_an_objection_answers_it():
    d = draft_structure([
        "The city should charge drivers at peak hours.",
        "Shopkeepers fear that fewer drivers mean fewer customers.",
        "In the cities studied, retail sales did not fall.",
    ])  # fmt: skip
    assert (d.role[2], d.function[2], d.head[2]) == ("pro", "attack", 1)
    assert d.evidence[2]


def test_drafted_evidence_is_written_as_kind_evidence(folder):
    text = folder / "sources" / "brief.txt"
    text.write_text(
        "The city should charge drivers at peak hours.\n\n"
        "Traffic in the centre has grown by a fifth since 2019. The air is dirty.\n\n"
        "So the city should charge drivers.\n",
        encoding="utf-8",
    )
    out = folder / "draft.yaml"
    result = run("draft", text, "-o", out)
    assert result.exit_code == 0, result.output
    kinds = {c.text[:7]: c.kind.value for c in read_map(out).model.claims}
    assert kinds["Traffic"] == "evidence" and kinds["The air"] == "claim"
    assert run("validate", out).exit_code == 0


def test_a_question_the_text_answers_is_written_as_kind_question(folder):
    text = folder / "sources" / "cranes.txt"
    text.write_text(
        "The harbour should open at night.\n\n"
        "The queues cost two million a year. A night shift would clear them.\n\n"
        "Who should pay for the cranes? The board can pay from the night fees.\n\n"
        "Is the plan safe? Of course. Surely nobody doubts it?\n",
        encoding="utf-8",
    )
    out = folder / "draft.yaml"
    assert run("draft", text, "-o", out).exit_code == 0
    kinds = {c.text[:9]: c.kind.value for c in read_map(out).model.claims}
    assert kinds["Who shoul"] == "question"  # answered by the sentence after it
    assert kinds["Surely no"] == "claim"  # a rhetorical question nothing answers
    assert run("validate", out).exit_code == 0


def test_a_paragraph_opening_with_the_authors_reply_gathers_its_reasons():
    d = draft_structure([
        "The council should keep the bus lanes.",
        "The mayor argued that the lanes slow the traffic down.",
        "The mayor was wrong.",
        "Buses carry half the commuters in a tenth of the road.",
        "Journeys on the corridor got faster after the lanes opened.",
    ], [0, 1, 2, 2, 2])  # fmt: skip
    assert (d.role[1], d.function[1]) == ("opp", "attack")
    assert (d.function[2], d.head[2]) == ("attack", 1)
    assert d.head[3] == 2 and d.head[4] == 2
    assert not d.evidence[2]  # a verdict, not a report


def test_a_view_told_as_others_after_the_fact_is_an_objection():
    d = draft_structure([
        "Regulation should be mended, not repealed.",
        "Rules that limit choice are bad, they rant, pointing to one law.",
        "It's good rhetoric, but cheap argument.",
    ])  # fmt: skip
    assert (d.role[1], d.function[1]) == ("opp", "attack")
    assert (d.function[2], d.head[2]) == ("attack", 1)


@pytest.mark.parametrize("opening", ["True, the lanes cost money.",
                                     "Sure, the lanes cost money."])  # fmt: skip
def test_true_and_sure_opening_a_sentence_concede(opening):
    d = draft_structure(["The council should keep the bus lanes.", opening])
    assert (d.role[1], d.function[1]) == ("opp", "attack")


def test_a_paragraph_opening_with_a_subordinate_clause_makes_its_point_in_the_main_one():
    d = draft_structure([
        "The town should reject the tower.",
        "Despite the developer's promises,",
        "the tower would shade the square all winter.",
        "Its shadow would reach the school by noon.",
    ], [0, 1, 1, 1])  # fmt: skip
    assert d.head[3] == 2


def test_a_main_clause_opening_with_a_name_still_answers_the_concession_before_it():
    d = draft_structure([
        "The town should pass Proposal B.",
        "Although rules on housing still need work,",
        "Proposal B would keep the green belt around the town.",
    ])  # fmt: skip
    assert (d.role[1], d.function[1]) == ("opp", "attack")
    assert (d.role[2], d.function[2], d.head[2]) == ("pro", "attack", 1)


def test_though_opening_a_clause_concedes_and_though_with_a_comma_turns():
    d = draft_structure([
        "Congress should finish the farm bill this week.",
        "Time is short and the list of unfinished business is long.",
        "Though some leaders keep working on a deal,",
        "the session ends on Friday.",
    ])  # fmt: skip
    # "Though some ..." opens a concession: it does not turn against the unit before.
    assert d.role[1] == "pro" and d.function[1] == "support"
    assert (d.role[2], d.function[2]) == ("opp", "attack")
    d = draft_structure([
        "Congress should finish the farm bill this week.",
        "The bill is nearly agreed.",
        "Though, the session ends on Friday.",
    ])  # fmt: skip
    assert (d.role[1], d.function[1]) == ("opp", "attack")


def test_an_addition_opening_a_paragraph_adds_to_the_text_not_to_the_last_sentence():
    d = draft_structure([
        "The city should build the tram.",
        "Buses are full at peak hours.",
        "Riders wait twenty minutes for a seat.",
        "Moreover, the tram would cut the centre's traffic.",
        "Fewer cars would cross the bridge.",
    ], [0, 1, 1, 2, 2])  # fmt: skip
    assert d.head[2] == 1  # within a paragraph, the point it adds to
    assert d.head[3] == 0  # a new paragraph's point: a reason for the thesis
    assert d.head[4] == 3


@pytest.mark.parametrize("opening", [
    "The bill feeds three million families in the state.",  # a report
    "And what happened to the food bill?",  # a question
])  # fmt: skip
def test_a_paragraph_opening_with_a_report_or_a_question_makes_its_point_in_its_ought(opening):
    d = draft_structure([
        "Congress must act before the recess.",
        opening,
        "There is much to negotiate.",
        "Lawmakers should waste no time on it.",
        "The session ends on Friday.",
    ], [0, 1, 1, 1, 2])  # fmt: skip
    assert d.head[1] == 3 and d.head[2] == 3 and d.head[3] == 0


def _apply(text: str, fix) -> str:
    (start, end), new = fix.edits[0]
    lines = text.split("\n")

    def offset(line: int, col: int) -> int:
        return sum(len(x) + 1 for x in lines[:line]) + col

    return text[: offset(*start)] + new + text[offset(*end) :]


def test_an_editor_offers_to_accept_or_reject_a_drafted_claim(folder):
    from argmap.lsp.language import analyse, review_fixes

    out = folder / "draft.yaml"
    run("draft", folder / "sources" / OP_ED.name, "-o", out)
    text = out.read_text(encoding="utf-8")
    analysis = analyse(text, str(out), out)
    target = "the-queues-are-expensive"
    line = next(i for i, x in enumerate(text.split("\n")) if x.endswith(f"id: {target}"))
    fixes = {f.title: f for f in review_fixes(analysis, ((line, 8), (line, 8)))}
    assert set(fixes) == {f"Accept drafted claim '{target}'",
                          f"Reject drafted claim '{target}' and its links",
                          "Accept every drafted claim and link"}  # fmt: skip
    accepted = _apply(text, fixes[f"Accept drafted claim '{target}'"])
    out.write_text(accepted, encoding="utf-8")
    model = read_map(out).model
    assert next(c for c in model.claims if c.id == target).drafted is None
    assert sum(c.drafted is None for c in model.claims) == 1
    rejected = _apply(text, fixes[f"Reject drafted claim '{target}' and its links"])
    out.write_text(rejected, encoding="utf-8")
    assert run("validate", out).exit_code == 0
    model = read_map(out).model
    assert target not in {c.id for c in model.claims}
    assert all(target not in (lk.source, lk.target) for lk in model.all_links())
    everything = _apply(text, fixes["Accept every drafted claim and link"])
    out.write_text(everything, encoding="utf-8")
    model = read_map(out).model
    assert all(c.drafted is None for c in model.claims)
    assert all(lk.drafted is None for lk in model.all_links())
    assert "drafted" not in run("validate", out).output
    # A map with nothing drafted is offered nothing.
    assert review_fixes(analyse(everything, str(out), out), ((line, 8), (line, 8))) == []


_WORDS = [
    "The",
    "city",
    "should",
    "build",
    "it",
    "because",
    "but",
    "however",
    "admittedly",
    "some",
    "say",
    "therefore",
    "and",
    "tolls",
    "pay",
    "é",
    "“quoted”",
    "U.S.",
    "—",
    "(a)",
    "[b]",
    "e.g.",
    "...",
    "?",
    "!",
    ",",
    ";",
    ":",
    "\u00ad",
    "\t",
    "\u2028",
]


@settings(max_examples=int(os.environ.get("DRAFT_EXAMPLES", "150")), deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=25), min_size=1,
                max_size=8))  # fmt: skip
# Two claims of what ought to be, each sharing the other's words most: once a circle.
@example([["therefore", "“quoted”"], ["city", "should", "e.g."], ["should", "city", "e.g."]])
def test_any_text_drafts_a_valid_map_whose_quotes_are_found_or_is_refused(paragraphs):
    import tempfile

    from argmap.analysis.provenance import SourceText
    from argmap.errors import UsageError
    from argmap.operations.draft import draft_file

    text = "\n\n".join(" ".join(words) for words in paragraphs) + "\n"
    with tempfile.TemporaryDirectory() as folder:
        source = os.path.join(folder, "t.txt")
        with open(source, "w", encoding="utf-8") as fh:
            fh.write(text)
        try:
            result = draft_file(source, os.path.join(folder, "t.yaml"))
        except UsageError as exc:
            assert "no sentence" in exc.message
            return
        model = result.value.model
        found = SourceText(text)
        assert all(found.find(c.quote) is not None for c in model.claims)
        # One central claim; any other conclusion is drawn from it, which supports it.
        central = result.value.central
        others = {c.id for c in model.claims if c.kind.value == "conclusion"} - {central}
        assert central in {c.id for c in model.claims if c.kind.value == "conclusion"}
        assert others <= {link.target for link in model.links if link.source == central}
        checked = run("validate", os.path.join(folder, "t.yaml"))
        assert checked.exit_code == 0, checked.output


def test_a_word_longer_than_an_id_drafts_a_map_that_validates(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Japan should act now. " + "x" * 250 + " is a word. The alliance matters.\n")
    out = tmp_path / "m.yaml"
    result = run("draft", text, "-o", out)
    assert result.exit_code == 0, result.output
    assert run("validate", out).exit_code == 0


def test_a_draft_written_to_json_is_json_and_validates(folder):
    out = folder / "draft.json"
    assert run("draft", folder / "sources" / OP_ED.name, "-o", out).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["claims"] and all(c["drafted"] is not None for c in data["claims"])
    assert run("validate", out).exit_code == 0


def test_a_text_outside_the_project_is_copied_beside_the_draft_which_validates(tmp_path):
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    outside = tmp_path / "elsewhere" / "op-ed.txt"
    outside.parent.mkdir()
    shutil.copy(OP_ED, outside)
    out = project / "draft.yaml"
    result = run("draft", outside, "-o", out)
    assert result.exit_code == 0, result.output
    copy = project / "sources" / "op-ed.txt"
    assert copy.read_text(encoding="utf-8") == OP_ED.read_text(encoding="utf-8")
    assert "copied to" in result.stderr and "sources/op-ed.txt" in result.stderr
    assert "path: sources/op-ed.txt" in out.read_text(encoding="utf-8")
    assert run("validate", out).exit_code == 0
    # Another text already there is never written over.
    copy.write_text("another text\n", encoding="utf-8")
    again = run("draft", outside, "-o", project / "again.yaml")
    assert again.exit_code == 2 and "holds another text" in again.stderr
    assert copy.read_text(encoding="utf-8") == "another text\n"
    assert not (project / "again.yaml").exists()


def test_a_copy_is_never_written_through_a_linked_sources_folder(tmp_path):
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (project / "sources").symlink_to(elsewhere, target_is_directory=True)
    outside = tmp_path / "texts" / "op-ed.txt"
    outside.parent.mkdir()
    shutil.copy(OP_ED, outside)
    result = run("draft", outside, "-o", project / "draft.yaml")
    assert result.exit_code == 2 and "not a plain folder" in result.stderr
    assert list(elsewhere.iterdir()) == [] and not (project / "draft.yaml").exists()


def test_a_concession_after_its_paragraphs_point_objects_to_that_point():
    d = draft_structure([
        "The harbour should open at night.",
        "The dockers' union has asked for night shifts.",
        "It is true that half of its members voted against them in 2019,",
        "but that vote was taken before the pay rise.",
        "Of course, night work costs more.",
    ], [0, 1, 1, 1, 2])  # fmt: skip
    assert (d.role[2], d.function[2], d.head[2]) == ("opp", "attack", 1)
    assert (d.function[3], d.head[3]) == ("attack", 2)
    # Opening its paragraph, a concession objects to the central claim.
    assert (d.role[4], d.function[4], d.head[4]) == ("opp", "attack", 0)


def test_a_paragraph_the_next_one_opens_by_turning_against_is_a_view_the_author_answers():
    units = [
        "The three allies must build a true alliance.",
        "Until recently, close cooperation between the two seemed impossible.",
        "Old quarrels weighed heavily on the relationship.",
        "Today, however, the prospects for cooperation are growing.",
        "The two reached an agreement on the oldest quarrel last year.",
    ]
    d = draft_structure(units, [0, 1, 1, 2, 2])
    assert (d.role[1], d.function[1], d.head[1]) == ("opp", "attack", 0)
    assert (d.role[2], d.head[2]) == ("opp", 1)
    assert (d.role[3], d.function[3], d.head[3]) == ("pro", "attack", 1)
    assert d.head[4] == 3
    # Two sides weighed ("On the other hand"), or a reason counted off as the author's
    # own, are not answered.
    for opening, turn in [(units[1], "On the other hand, the prospects are growing."),
                          ("First, the two share an enemy.", units[3])]:  # fmt: skip
        d = draft_structure([units[0], opening, units[2], turn, units[4]], [0, 1, 1, 2, 2])
        assert d.role[1] == "pro"


def test_the_end_a_sentence_names_supports_the_means_the_next_proposes():
    d = draft_structure([
        "The rocket launch alarmed both capitals.",
        "These concerns require Washington to act decisively.",
        "To that end, the alliance must be revamped.",
        "A stronger alliance would ease the strain on American forces.",
    ])  # fmt: skip
    assert d.central == 2
    assert d.head[1] == 2 and d.function[1] == "support"
    # "require ... to" states what ought to be: the report before it is its ground.
    d = draft_structure([
        "The council should fund the buses.",
        "The launch has alarmed both capitals.",
        "These concerns require Washington to act decisively.",
        "The buses run late.",
    ], [0, 1, 1, 2])  # fmt: skip
    assert d.head[1] == 2 and d.head[2] == 0


def test_reasons_after_the_authors_reply_in_a_paragraph_argue_for_the_reply():
    d = draft_structure([
        "The council should keep the new members.",
        "Critics attacked two members for talking among themselves,",
        "yet every council before them did the same.",
        "Nobody can say they never discussed the agenda in small groups.",
        "The rules were never explained to the new members.",
    ], [0, 1, 1, 1, 2])  # fmt: skip
    assert (d.role[1], d.function[1]) == ("opp", "attack")
    assert (d.function[2], d.head[2]) == ("attack", 1)
    assert (d.role[3], d.function[3], d.head[3]) == ("pro", "support", 2)
    assert d.head[4] == 0  # a new paragraph: a reason for the thesis


def test_a_paragraph_saying_the_evidence_bears_out_the_one_before_supports_its_point():
    d = draft_structure([
        "The state should not raise the minimum wage.",
        "Small shops keep three cents of each sales dollar and cannot absorb the rise.",
        "They would cut jobs instead.",
        "The evidence backs up the intuition: most studies find job losses after a rise.",
    ], [0, 1, 1, 2])  # fmt: skip
    assert d.head[3] == 1 and d.function[3] == "support"


def test_reasons_counted_off_after_an_opening_rejection_argue_for_the_rejection():
    units = [
        "Many say the tram will empty the shops.",
        "That reading mistakes noise for trade.",
        "First, footfall rose on every street a tram reached.",
        "Counts were taken for ten years.",
        "Second, shoppers on trams spend more per visit.",
        "So the council should build the tram.",
    ]
    d = draft_structure(units, [0, 0, 1, 1, 2, 3])
    assert d.central == 5
    assert (d.function[1], d.head[1]) == ("attack", 0)
    assert d.head[2] == 1 and d.head[4] == 1 and d.head[3] == 2
    # Without the rejection, the reasons counted off argue for the central claim.
    d = draft_structure(units[2:], [1, 1, 2, 3])
    assert d.head[0] == 3 and d.head[2] == 3


def test_a_subordinate_concession_after_its_paragraphs_point_objects_to_that_point():
    d = draft_structure([
        "Voters should pass Proposal B.",
        "Proposal A would lower the residency rules.",
        "Although this would let students run,",
        "it would also spread the town into the fields.",
    ], [0, 1, 1, 1])  # fmt: skip
    assert (d.role[2], d.function[2], d.head[2]) == ("opp", "attack", 1)
    assert (d.function[3], d.head[3]) == ("attack", 2)


def test_yes_opening_a_paragraph_grants_a_point_and_the_author_goes_on_after_it():
    units = [
        "The paper should stop printing the think tank's columns.",
        "Its columns call all government a problem.",
        "Yes, many policies need to be mended.",
        "By calling government the problem, the tank promotes a wider view.",
        "That view has spread since the eighties.",
    ]
    d = draft_structure(units, [0, 1, 2, 2, 2])
    assert (d.role[2], d.function[2], d.head[2]) == ("opp", "attack", 0)
    assert d.role[3] == "pro" and d.head[3] == 0  # the author's own, not the granted view's
    assert d.head[4] == 3
    # "Yes," answering a question grants nothing.
    d = draft_structure([units[0], "Is the tank wrong?", "Yes, it is wrong.", units[3]],
                        [0, 1, 2, 2])  # fmt: skip
    assert d.role[2] == "pro"
    # "To be sure, ..." concedes anywhere.
    d = draft_structure([units[0], "To be sure, some columns are fair."])
    assert (d.role[1], d.function[1]) == ("opp", "attack")


def test_a_view_reported_with_its_reason_then_rejected_is_answered_as_a_whole():
    units = [
        "The Republicans have suggested that we should set no timetable for withdrawal",
        "because the enemy will wait until we have left.",
        "This piece of reasoning has never sat well with me.",
        "Firstly, it is unclear where such an attack would fall.",
        "Violence against our troops is less likely once they are gone.",
        "So we should set a timetable now.",
    ]
    d = draft_structure(units, [0, 0, 1, 2, 2, 3])
    assert d.central == 5
    assert (d.role[0], d.function[0], d.head[0]) == ("opp", "attack", 5)
    assert (d.role[1], d.function[1], d.head[1]) == ("opp", "support", 0)
    assert (d.role[2], d.function[2], d.head[2]) == ("pro", "attack", 0)
    assert d.head[3] == 2 and d.head[4] == 3


_MOVES = [
    "The city should build the tram.", "However, critics say it costs too much.",
    "Yes, it is costly.", "First, buses are full.", "To that end, we must act.",
    "This piece of reasoning has never sat well with me.", "Many have suggested that we wait",
    "because prices fall.", "Although this is true,", "it would also help.",
    "The remedy is plain.", "Today, however, things change.", "So let's build it.",
    "The evidence backs up the intuition.", "The worry is understandable,", "Is it?",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_MOVES), st.integers(0, 5)), min_size=1,
                max_size=10))  # fmt: skip
def test_any_units_in_any_paragraphs_draft_one_tree_rooted_at_the_central_claim(pairs):
    # Paragraph numbers in any order (a library caller's), not only as a text gives them.
    units, para = [u for u, _ in pairs], [p for _, p in pairs]
    d = draft_structure(units, para)
    # The central claim is the root; what is drawn from it stands beside it.
    assert [i for i, h in enumerate(d.head) if h is None] == sorted([d.central, *d.drawn])
    for i in range(len(units)):
        seen, j = {i}, d.head[i]
        while j is not None:
            assert j not in seen
            seen.add(j)
            j = d.head[j]


def test_a_turn_opening_a_paragraph_does_not_make_the_last_sentence_before_it_an_objection():
    d = draft_structure([
        "Towns should keep their libraries.",
        "First, libraries lend books to everyone.",
        "Loans rose last year.",
        "However, some say the internet has replaced them.",
    ], [0, 1, 1, 2])  # fmt: skip
    assert d.role[2] == "pro" and d.head[2] == 1
    # A rejection answers the view before it across a paragraph's end all the same.
    d = draft_structure([
        "Towns should keep their libraries.",
        "The columnist argued that libraries are a waste of money.",
        "The columnist was wrong.",
    ], [0, 1, 2])  # fmt: skip
    assert (d.role[1], d.function[1]) == ("opp", "attack")
    assert (d.function[2], d.head[2]) == ("attack", 1)


def test_an_example_opening_a_paragraph_illustrates_the_paragraph_befores_point():
    d = draft_structure([
        "Towns should keep their libraries.",
        "Libraries serve those the market leaves out.",
        "Loans rose last year.",
        "For example, in Calder half the borrowers have no computer at home.",
    ], [0, 1, 1, 2])  # fmt: skip
    assert d.head[3] == 1 and d.function[3] == "support"


def test_if_anything_and_a_cleft_if_set_no_condition():
    d = draft_structure([
        "If there is one tool lawmakers reach for,",
        "it is sanctions.",
        "Sanctions rarely work.",
    ])  # fmt: skip
    assert not any("condition" in cue for cue in d.cues[0])
    d = draft_structure(["The city should act.", "If we wait,", "prices will rise."])
    assert d.head[1] == 2 and any("condition" in cue for cue in d.cues[1])


def test_what_ought_to_follow_from_the_central_claim_is_a_further_conclusion(folder):
    units = [
        "Japan should hope for the best but prepare for the worst.",
        "This will mean that Tokyo should deepen its ties with its neighbours.",
        "The alliance has stood for decades.",
    ]
    d = draft_structure(units)
    assert d.central == 0 and d.drawn == [1] and d.head[1] is None
    assert d.head[2] == 0
    text = folder / "sources" / "hedge.txt"
    text.write_text(" ".join(units) + "\n", encoding="utf-8")
    out = folder / "draft.yaml"
    assert run("draft", text, "-o", out).exit_code == 0
    model = read_map(out).model
    kinds = {c.text[:9]: c.kind.value for c in model.claims}
    assert kinds["Japan sho"] == kinds["This will"] == "conclusion"
    into = [(link.source, link.kind.value) for link in model.links
            if link.target.startswith("this-will")]  # fmt: skip
    assert into == [("japan-should-hope-for-the-best", "support")]
    assert run("validate", out).exit_code == 0
    explained = run("draft", text, "--explain").stdout
    assert (
        "this-will-mean-that-tokyo-should (pro, a further conclusion; supported by "
        "japan-should-hope-for-the-best"
    ) in explained


def test_a_closing_recommendation_apart_from_the_thesis_is_a_further_conclusion():
    units = [
        "The city should keep its tram.",
        "Ridership has doubled since 2019.",
        "The old line is here to stay.",
        "Planning for the next decade will require taking this seriously.",
    ]
    d = draft_structure(units, [0, 1, 2, 2])
    assert d.central == 0 and d.drawn == [3] and d.head[3] is None
    # In the author's voice it restates the thesis: no further conclusion.
    d = draft_structure([*units[:3], "I believe we should plan for the next decade."],
                        [0, 1, 2, 2])  # fmt: skip
    assert d.drawn == []


def test_the_trouble_is_turns_and_a_views_reasons_are_siblings():
    units = [
        "Schools should keep the five-day week.",
        "Administrators in favour of the change cite several benefits.",
        "It could help districts save on buses.",
        "It could also give students a day to work.",
        "The trouble is that there is little evidence for any of these hopes.",
        "Savings come to under two per cent of budgets.",
    ]
    d = draft_structure(units, [0, 1, 1, 1, 2, 2])
    assert (d.role[1], d.function[1]) == ("opp", "attack")
    assert d.head[2] == 1 and d.head[3] == 1  # each a reason for the view
    assert (d.function[4], d.head[4]) == ("attack", 1)
    assert d.head[5] == 4


def test_a_turn_set_inside_a_sentence_concedes_the_sentence_before_and_its_claim():
    # "Most drivers, however, ..." turns against the sentence before as "However, ..." does.
    units = [
        "The city should close the old bridge to cars.",
        "Cars are the quickest way across the river.",
        "Most drivers, however, already take the new bridge.",
    ]
    d = draft_structure(units)
    assert (d.role[1], d.function[1]) == ("opp", "attack")
    assert (d.function[2], d.head[2]) == ("attack", 1)
    assert any("turns against it (however)" in cue for cue in d.cues[1])
    # What a turn concedes is the sentence's claim, not the reason that ends it.
    units = [
        "The city should close the old bridge to cars.",
        "Drivers like the old bridge",
        "because it is the quickest way across.",
        "However, the new bridge is as quick.",
    ]
    d = draft_structure(units)
    assert (d.role[1], d.function[1]) == ("opp", "attack")
    assert (d.role[2], d.head[2]) == ("opp", 1)
    assert (d.function[3], d.head[3]) == ("attack", 1)


def test_a_view_quoted_with_its_speaker_and_rejected_is_an_objection_its_quote_part_of_it():
    units = [
        "At the forum, the mayor opposed the rental tax: it would tax “a seventh of our "
        "economy to fund what we all should pay for,” he declared.",
        "“I continue to favor a broad sales tax.”",
        "First, the argument is wrong-headed.",
        "Short-term rentals are a big cause of the housing problem.",
        "So the town should tax short-term rentals.",
    ]
    d = draft_structure(units, [0, 0, 1, 1, 2])
    assert (d.role[0], d.function[0]) == ("opp", "attack")
    # The speaker's own words, quoted: part of the view, not the author's "I favor".
    assert (d.role[1], d.function[1], d.head[1]) == ("opp", "support", 0)
    assert (d.role[2], d.function[2], d.head[2]) == ("pro", "attack", 0)


def test_this_is_why_concludes_from_what_came_before():
    units = [
        "Night buses carry nurses home after their shifts.",
        "Without them many would have to drive tired.",
        "This is why the night buses are worth their cost.",
    ]
    d = draft_structure(units)
    assert d.central == 2
    assert any("conclusion" in cue for cue in d.cues[2])


def test_a_sentence_judging_what_the_one_before_told_is_the_paragraphs_point():
    units = [
        "The council votes today on a $200 million stadium that taxpayers would fund.",
        "It's a horrible deal for a city that cannot pay its debts.",
        "Chicago's stadium was fully publicly financed.",
        "Its debt outlived the team's lease.",
        "Soccer fans want the stadium.",
        "They will not pay for it.",
        "The council must vote no on the stadium.",
    ]
    paragraphs = [0, 0, 1, 1, 2, 2, 3]
    d = draft_structure(units, paragraphs)
    assert d.central == 6
    assert d.head[0] == 1  # what was told is the ground of the judgement on it
    assert d.head[1] == 6
    # A judgement with a cue of its own is not one on the sentence before.
    d = draft_structure([units[0], "But it's a horrible deal.", *units[2:]], paragraphs)
    assert d.head[0] != 1


def test_indeed_and_clearly_go_on_with_the_point_they_do_not_concede_it():
    units = [
        "Leaders failed to say what the alliances are for.",
        "The wars in Iraq and Afghanistan soured voters on them.",
        "Indeed, the two wars elected two presidents who questioned them.",
        "Leaders must now explain what allies do for America.",
    ]
    d = draft_structure(units, [0, 1, 1, 2])
    assert d.role[2] == "pro" and d.function[2] == "support"


def test_a_negated_modal_is_one_and_a_turn_saying_the_norm_is_not_met_concedes_nothing():
    from argmap.analysis.draft._cues import _MODAL

    assert _MODAL.search("It shouldn't be this hard.") and _MODAL.search("We mustn’t wait.")
    # What is expected, not what ought to be.
    assert not _MODAL.search("That shouldn't be an issue, given the many stations.")
    assert not _MODAL.search("And it mustn't be that he has one up on me.")
    units = [
        "The city must fix the subway now.",
        "It shouldn't be this hard to get around the city.",
        "But it is.",
        "The trains are grinding to a halt.",
    ]
    d = draft_structure(units, [0, 1, 1, 1])
    # The norm and the fact that it is not met are both the author's: no concession.
    assert d.role[1] == "pro" and d.function[1] == "support"
    assert d.role[2] == "pro" and d.function[2] == "support"


def test_while_inside_a_sentence_sets_a_claim_beside_the_one_before_not_a_concession():
    units = [
        "Cities should keep their bike lanes.",
        "Municipalities should make the rules for their own streets,",
        "while the province should only step in for province-wide issues.",
        "Bike lanes cut traffic.",
    ]
    d = draft_structure(units, [0, 1, 1, 2])
    assert (d.role[2], d.function[2], d.head[2]) == ("pro", d.function[1], d.head[1])
    # A view others hold, set inside the sentence, is still theirs to answer.
    units[2] = "while critics say the province knows best."
    d = draft_structure(units, [0, 1, 1, 2])
    assert d.role[2] == "opp"


def test_a_clause_of_result_inside_a_sentence_concludes_that_sentence_not_the_text():
    units = [
        "To some extent phones have brought families closer.",
        "They have made it easier to talk,",
        "so families talk when they otherwise would not.",
    ]
    d = draft_structure(units)
    assert d.central == 0
    from argmap.analysis.draft._central import _central_score

    _, why = _central_score(2, units[2], 3, False)
    assert any("clause of result (so, thus...) inside its sentence" in cue for cue in why)
    # Opening a sentence, the same word concludes.
    d = draft_structure([units[0], "They have made it easier to talk.",
                         "So phones bring families closer."])  # fmt: skip
    assert d.central == 2


def test_the_main_clause_of_a_short_texts_first_sentence_stands_first():
    units = [
        "While cutting poaching would be wonderful,",
        "removing the horns of wild rhinos is not the answer.",
        "Horns are the rhinos' natural protection.",
    ]
    d = draft_structure(units)
    assert d.central == 1  # not the last unit, which stands last
    assert d.role[0] == "opp"
    # The answer to a concession in the first sentence stands first, as well.
    units = [
        "Smart watches have many benefits,",
        "but they will never do everything a phone can do.",
        "I read library books on my phone because the screen is larger.",
    ]
    assert draft_structure(units).central == 1


def test_a_verdict_on_a_course_of_action_reads_as_the_claim_of_a_short_text():
    from argmap.analysis.draft._cues import _VERDICT_ON

    for verdict in ("No, teenage marriages are not a good idea.", "Landfills are necessary.",
                    "Removing the horns is not the answer.",
                    "Treating a dog as family is a very unwise choice."):  # fmt: skip
        assert _VERDICT_ON.search(verdict)
    assert not _VERDICT_ON.search("The answer came too late.")
    units = [
        "Because teenagers are still growing up,",
        "marrying as a teenager is not a good idea.",
        "Most such marriages end within five years.",
    ]
    assert draft_structure(units).central == 1  # not the last unit, which stands last
