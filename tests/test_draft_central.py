"""argmap draft on texts of several paragraphs: the central claim read from where a thesis
stands (the opening, the closing, the headline), not from cues alone; units that are
clauses of their own, not a clause's second predicate."""

from __future__ import annotations

import pytest

from argmap.analysis.draft import draft_structure, headline, split_units


def _draft(paragraphs: list[str], title: str | None = None):
    text = "\n\n".join(paragraphs) + "\n"
    spans, at = [], 0
    for para in paragraphs:
        spans.append((at, at + len(para)))
        at += len(para) + 2
    units = split_units(text, spans)
    index = [next(k for k, (s, e) in enumerate(spans) if s <= u.start < e) for u in units]
    return [u.text for u in units], draft_structure([u.text for u in units], index, title)


def _place(end: str, *, ends_paragraph: bool = True, concludes_text: bool = False):
    """Where a unit stands in a text of five paragraphs: at its opening or its closing."""
    from argmap.analysis.draft._central import _Place

    opening = end == "opening"
    return _Place(paragraph=0 if opening else 4, paragraphs=5, ends_paragraph=ends_paragraph,
                  opening=opening, closing=not opening, concludes_text=concludes_text,
                  returns=0.0, titled=0.0)  # fmt: skip


def _article(text: str):
    """A text as `argmap draft` reads it: its source, the units it keeps and those it
    leaves out (with why)."""
    from argmap.analysis.draft import article_units
    from argmap.analysis.provenance import SourceText

    source = SourceText(text)
    kept, left_out = article_units(source.text, source.paragraphs)
    return source, kept, left_out


ESSAY = [
    "Should cities ban cars from their centres?",
    "Cars fill the streets of every old town. While some argue that shops need drivers, "
    "I believe that city centres should be closed to private cars.",
    "Firstly, traffic poisons the air. Therefore, children in the centre breathe worse air "
    "than children in the suburbs.",
    "Secondly, streets without cars are safer. Therefore, parents let their children walk.",
    "In conclusion, closing the centres to cars makes towns cleaner and safer.",
]


def test_the_thesis_ending_the_opening_paragraph_is_central_not_a_body_paragraphs_therefore():
    units, d = _draft(ESSAY)
    assert units[d.central].startswith("I believe that city centres should be closed")
    # A body paragraph's "therefore" concludes its paragraph, and is said to.
    body = units.index("Therefore, parents let their children walk.")
    assert d.central != body
    # The question the essay answers is no claim of it.
    assert not units[d.central].endswith("?")


def test_an_announcement_is_not_the_central_claim():
    units, d = _draft(
        [
            "Cities and cars",
            "Cars fill the streets of every old town. I strongly agree with this statement for "
            "the following reasons.",
            "Traffic poisons the air, and it endangers children.",
            "Shops lose nothing when the streets are quiet, since walkers buy more.",
            "In conclusion, city centres should be closed to private cars.",
        ]
    )
    assert units[d.central] == "In conclusion, city centres should be closed to private cars."


def test_an_editorials_recommendation_after_its_news_hook_is_central_with_its_headline():
    paragraphs = [
        "Every morning lorries queue at the harbour gates along the coast road. The harbour "
        "closes at eight in the evening, so a day's freight is squeezed into twelve hours.",
        "The queues cost the hauliers about two million a year in drivers' hours and fuel. "
        "The remedy is plain. Calder should open its harbour to freight at night.",
        "Other ports have done it and cut their daytime queues by a quarter in two years.",
        "Residents will object that night work is noisy. But the new cranes are quiet.",
        "The union has asked for night shifts, which pay better than day work.",
        "The board can pay for the cranes from the fees the night shift brings in.",
    ]
    text = "Open the Harbour at Night\n\n" + "\n\n".join(paragraphs)
    from argmap.analysis.provenance import SourceText

    source = SourceText(text)
    assert headline(text, source.paragraphs) == "Open the Harbour at Night"
    units = split_units(text, source.paragraphs)
    d = draft_structure([u.text for u in units], [source.paragraph_at(u.start) for u in units],
                        title="Open the Harbour at Night")  # fmt: skip
    assert units[d.central].text == "Calder should open its harbour to freight at night."
    assert any("title's words" in cue for cue in d.cues[d.central])


def test_a_close_second_candidate_is_named():
    _, d = _draft(
        [
            "Two proposals",
            "The city should close its centre to cars, and it should plant trees on every street.",
            "Traffic poisons the air; trees clean it.",
            "Walkers buy more than drivers; shops gain.",
            "The city should close its centre to cars and plant trees on every street.",
        ]
    )
    assert d.second is not None and d.second != d.central
    assert any("second candidate" in cue for cue in d.cues[d.second])


def test_a_second_predicate_stays_with_its_clause_and_a_clause_of_its_own_is_cut():
    text = (
        "Japan should hope for the best when it comes to the alliance, but, as the "
        "cautionary tale of Europe suggests, prepare for the worst. Tokyo should continue, "
        "as it has in recent years, to deepen its ties. Prices rose sharply, and others, "
        "such as rents, rose more. It was cheap, but it's gone."
    )
    units = [u.text for u in split_units(text, [(0, len(text))])]
    assert units[0].endswith("prepare for the worst.")  # one subject, two predicates
    assert units[1] == "Tokyo should continue, as it has in recent years, to deepen its ties."
    assert "and others, such as rents, rose more." in units
    assert "but it's gone." in units


def test_a_list_of_names_after_and_is_no_clause_but_a_named_subject_with_a_verb_is():
    text = (
        "Tokyo should deepen ties with other states, including Australia, India, and South "
        "Korea. Seoul raised its budget, and North Korea, however, remains uninterested. "
        "Trade fell sharply last year, and the Bank of England cut rates."
    )
    units = [u.text for u in split_units(text, [(0, len(text))])]
    assert units[0].endswith("including Australia, India, and South Korea.")
    assert "and North Korea, however, remains uninterested." in units
    assert "Trade fell sharply last year," in units
    assert "and the Bank of England cut rates." in units
    assert "and South Korea." not in units


def test_a_marker_alone_goes_with_the_clause_it_opens():
    text = "To sum up, although cars are useful, the centre should be closed to them."
    units = [u.text for u in split_units(text, [(0, len(text))])]
    assert not any(u == "To sum up," for u in units)
    assert units[0].startswith("To sum up, although cars are useful")
    text = "Thus, in my point of view, although cars are useful, the centre should be closed."
    units = [u.text for u in split_units(text, [(0, len(text))])]
    assert not any(u == "Thus, in my point of view," for u in units)
    assert units[0].startswith("Thus, in my point of view, although cars are useful")


def test_evidence_in_an_article_supports_the_recommendation_whose_words_it_shares():
    units, d = _draft(
        [
            "Harbours and towns",
            "Calder's harbour closes at eight. Lorries wait at the gates every morning.",
            "The harbour board should buy quiet electric cranes for the night shift.",
            "The town should also plant trees along the coast road.",
            "Quiet electric cranes cost the board less than its diesel cranes over a night shift.",
            "In conclusion, Calder should open its harbour at night.",
        ]
    )
    evidence = next(k for k, u in enumerate(units) if u.startswith("Quiet electric cranes"))
    cranes = next(k for k, u in enumerate(units) if "buy quiet electric cranes" in u)
    assert d.head[evidence] == cranes
    assert "ought to be whose words it shares" in " ".join(d.cues[evidence])


def test_a_paragraph_that_concludes_with_therefore_gathers_its_reasons_under_that_sentence():
    units, d = _draft(
        [
            "Cities and cars",
            "Cars fill the streets of every old town. I believe that city centres should be "
            "closed to private cars.",
            "Exhaust fumes linger in narrow streets. Children walk at the height of the exhaust "
            "pipes. Therefore, traffic harms the health of children in the centre.",
            "Shops fear the change. But walkers buy more than drivers do.",
            "In conclusion, closing the centres to cars makes towns healthier.",
        ]
    )
    point = units.index("Therefore, traffic harms the health of children in the centre.")
    assert d.head[units.index("Exhaust fumes linger in narrow streets.")] == point
    assert d.head[point] == d.central


def test_this_means_draws_the_consequence_of_the_sentence_before():
    units, d = _draft(
        [
            "Allies",
            "Washington has changed course. Allies should take care of their own defence.",
            "For allies, it makes sense to focus on the matters they can control. In the short "
            "term, this means seeking to manage the United States.",
            "Tokyo's budget for defence has grown every year since 2022.",
            "In conclusion, Japan should prepare for a weaker alliance.",
        ]
    )
    focus = next(k for k, u in enumerate(units) if u.startswith("For allies"))
    manage = next(k for k, u in enumerate(units) if u.startswith("In the short term"))
    assert d.head[focus] == manage
    assert "consequence" in " ".join(d.cues[manage])


def test_a_conclusion_drawn_in_other_words_than_in_conclusion_concludes_the_text():
    units, d = _draft([
        "Should towns keep their zoos?",
        "Zoos are large parks in which many animals are kept. Their visitors learn a lot "
        "about animals.",
        "Firstly, children see animals they would never meet. They remember them for years.",
        "Secondly, zoos breed rare species. Several were saved from dying out this way.",
        "Visitors also enjoy a day out with their families. Taking all these factors into "
        "account, one can safely conclude that zoos do more good than harm.",
    ])  # fmt: skip
    assert units[d.central].startswith("Taking all these factors into account")
    assert any("concludes the text" in cue for cue in d.cues[d.central])


def test_the_authors_view_after_a_turn_counts_for_more_than_the_same_view_alone():
    from argmap.analysis.draft._central import _central_score

    closing = _place("closing")
    plain, _ = _central_score(9, "I believe that learning alone is better.", 10, False, closing)
    turned, why = _central_score(
        9, "I believe, however, that learning alone is better.", 10, False, closing
    )
    assert turned > plain
    assert any("turns to the author's own view" in cue for cue in why)


def test_the_authors_view_is_read_through_an_adverb():
    from argmap.analysis.draft._central import _central_score

    opening = _place("opening")
    for said in ("I truly believe that sport belongs in every school.",
                 "I do sincerely think that sport belongs in every school."):  # fmt: skip
        _, why = _central_score(3, said, 10, False, opening)
        assert any("opinion marker" in cue for cue in why), said
    _, why = _central_score(3, "Italy believes that sport belongs in school.", 10, False, opening)
    assert not any("opinion marker" in cue for cue in why)


def test_a_dated_event_opening_a_text_is_background_unless_it_argues():
    from argmap.analysis.draft import background

    units = [
        "On Tuesday the council unveiled a plan to charge drivers.",
        "Last week the mayor said the charge should start in May.",  # a modal: a claim
        "Traffic has grown by a fifth since 2019.",
        "The council should adopt the charge.",
        "Shops will not suffer.",
    ]
    assert [bool(why) for why in background(units, [0, 0, 1, 2, 3])] == [True] + [False] * 4
    assert background(units, [0, 0, 1, 2, 3])[0].startswith("a news hook")
    # In a later paragraph, a dated event is evidence.
    assert background(units, [1, 1, 0, 2, 3]) == [""] * 5
    # Never so much left out that fewer than three units remain.
    assert background(units[:3], [0, 0, 0]) == [""] * 3


def test_a_line_about_the_text_or_its_author_is_background_not_a_claim():
    from argmap.analysis.draft import background

    units = [
        "A response written for the council's consultation by the residents' association.",
        "It is an original text, released under the CC BY licence.",
        "The council should adopt the charge.",
        "Traffic has grown by a fifth since 2019.",
        "Shops will not suffer, because footfall rose where the charge came in.",
        "Jane Doe is a senior fellow at the Transport Institute.",
    ]
    why = background(units, [0, 0, 1, 2, 3, 4])
    assert [bool(w) for w in why] == [True, True, False, False, False, True]
    assert why[0] == "about the text or its author, not its argument"
    # A paragraph about the text that argues is the text's: "this essay argues ... should".
    arguing = ["This essay was written for the council because the charge should start now.",
               *units[2:5]]  # fmt: skip
    assert background(arguing, [0, 1, 2, 3]) == [""] * 4
    # Only at the ends of a text: a fellow cited in the middle is evidence.
    middle = [units[2], units[3], units[5], units[4], "So the charge works.", "Adopt it."]
    assert background(middle, [0, 1, 2, 3, 4, 5]) == [""] * 6


def test_a_sentence_pointing_at_what_was_said_above_announces_rather_than_claims():
    from argmap.analysis.draft._central import _central_score

    closing = _place("closing", ends_paragraph=False, concludes_text=True)
    pointing, why = _central_score(
        9, "In conclusion, there are the abovementioned three points in favour of aid.", 12,
        False, closing)  # fmt: skip
    plain, _ = _central_score(9, "In conclusion, aid does more good than harm.", 12, False,
                              closing)  # fmt: skip
    assert pointing < plain
    assert any("speaks of the text itself" in cue for cue in why)


def test_a_sentence_weighing_both_sides_frames_the_question_rather_than_answers_it():
    from argmap.analysis.draft._central import _central_score

    closing = _place("closing", ends_paragraph=False, concludes_text=True)
    framing, why = _central_score(
        9, "In conclusion, the restriction has both pros and cons.", 12, False, closing
    )
    thesis, _ = _central_score(9, "In conclusion, the restriction does more harm than good.",
                               12, False, closing)  # fmt: skip
    assert framing < thesis and any("both sides" in cue for cue in why)
    # The author's own verdict on the two sides is a thesis all the same.
    judged, _ = _central_score(
        9, "In conclusion, I believe the pros and cons favour the restriction.", 12, False,
        closing)  # fmt: skip
    assert judged > framing


def test_a_rubric_is_no_part_of_the_headline_and_an_empty_it_points_back_at_nothing():
    from argmap.analysis.draft import headline
    from argmap.analysis.draft._cues import _ANAPHORIC

    text = "Editorial: Mend the law, do not end it\n\nThe law works. It should stay.\n"
    assert headline(text, [(0, 38), (40, 70)]) == "Mend the law, do not end it"
    assert not _ANAPHORIC.search("It's easy to get a rousing argument going.")
    assert not _ANAPHORIC.search("It would be instructive to hear the candidates.")
    assert _ANAPHORIC.search("It fell by a third.")


@pytest.mark.parametrize("said", ["I urge the council to keep the bus lanes.",
                                  "We call on the council to keep the bus lanes.",
                                  "I hope the council keeps the bus lanes.",
                                  "So let's keep the bus lanes, please.",
                                  "Let us keep the bus lanes.",
                                  "The better course is to keep the bus lanes.",
                                  "The answer is to keep the bus lanes.",
                                  "Please keep the bus lanes, and vote."])  # fmt: skip
def test_a_letter_urging_or_hoping_states_what_ought_to_be(said):
    from argmap.analysis.draft._central import _central_score

    _, why = _central_score(3, said, 5, False)
    assert any("what ought to be" in cue for cue in why)


@pytest.mark.parametrize("said", ["The bouncer wouldn't let us in.", "Let's say the lanes go.",
                                  "Let us consider the lanes.",
                                  "Please note that the lanes close at six.",
                                  "Let's call this the good old boy effect.",
                                  "Let's get off the argument that lanes harm."])  # fmt: skip
def test_let_us_as_a_verb_or_a_supposition_states_nothing_that_ought_to_be(said):
    from argmap.analysis.draft._central import _central_score

    _, why = _central_score(3, said, 5, False)
    assert not any("what ought to be" in cue for cue in why)


def test_a_sentence_announcing_the_next_one_is_background_and_the_next_one_the_claim():
    from argmap.analysis.draft import background

    units = ["Buses crawl through the centre.", "The remedy is plain.",
             "The council should charge drivers to enter.", "Here is why.",
             "Traffic has grown by a fifth.", "The answer is simple."]  # fmt: skip
    why = background(units, [0, 1, 1, 2, 2, 2])
    assert [bool(w) for w in why] == [False, True, False, True, False, False]
    assert why[1] == "announces the sentence after it, which is the claim"
    # Not when it says more than that, nor with nothing after it in its paragraph.
    told = ["The remedy is plain: a charge.", units[2], units[4]]
    assert background(told, [0, 0, 1]) == [""] * 3


def test_a_clause_granting_the_objection_before_it_is_background_and_the_turn_answers():
    from argmap.analysis.draft import background

    units = ["The harbour should open at night.",
             "Residents will object that night work would keep them awake.",
             "The worry is understandable,",
             "but the new cranes are quieter than the traffic.",
             "The worry is understandable."]  # fmt: skip
    why = background(units, [0, 1, 1, 1, 2])
    assert [bool(w) for w in why] == [False, False, True, False, False]
    plain = [*units[:2], "Objections are understandable,", *units[3:]]
    assert background(plain, [0, 1, 1, 1, 2]) == why
    kept = [u for u, w in zip(units, why, strict=True) if not w]
    d = draft_structure(kept, [0, 1, 1, 2])
    assert (d.role[1], d.function[1], d.head[1]) == ("opp", "attack", 0)
    assert (d.function[2], d.head[2]) == ("attack", 1)


def test_a_reply_recommending_the_better_course_in_its_closing_is_its_central_claim():
    from conftest import DATA

    # No modal verb: "The better course is to ..." recommends all the same.
    text = (DATA / "sources" / "harbour-reply.txt").read_text(encoding="utf-8")
    title, *paragraphs = [p.replace("\n", " ") for p in text.strip().split("\n\n")]
    units, d = _draft(paragraphs, title=title)
    assert units[d.central].startswith("The better course is to keep the harbour closed")


def test_a_sentence_announcing_what_the_text_will_do_is_background_unless_it_argues():
    from argmap.analysis.draft import background

    units = ["In this piece, I would like to discuss the lessons of the dialogue.",
             "The allies doubt the American guarantee.", "They should share planning.",
             "In this essay, I will argue that the allies should share planning."]  # fmt: skip
    why = background(units, [0, 1, 1, 2])
    assert [bool(w) for w in why] == [True, False, False, False]
    assert why[0] == "announces what the text will do, with no claim of its own"


def test_a_headline_in_title_case_is_the_title_whatever_its_stops():
    text = (
        "Sanctions Are Part of a Failed Playbook. Stop Relying on Them.\n\n"
        "Research has shown that sanctions rarely work. They hurt the people.\n"
    )
    paragraphs = [(0, 62), (64, len(text) - 1)]
    assert headline(text, paragraphs) == text[:62]
    units = [u.text for u in split_units(text, paragraphs)]
    assert units == ["Research has shown that sanctions rarely work.", "They hurt the people."]
    # A first paragraph that is a sentence is no headline.
    plain = "Sanctions are part of a failed playbook, and we should stop relying on them.\n\nOk."
    assert headline(plain, [(0, 76), (78, 81)]) is None


def test_a_subordinate_clause_is_no_central_claim_its_main_clause_is():
    d = draft_structure(["When the city raised the fares,", "riders left the buses.",
                         "Bus use fell by a third."])  # fmt: skip
    assert d.central == 1
    assert any("the main clause of its sentence" in cue for cue in d.cues[1])


def test_a_list_item_is_a_unit_of_its_own_and_a_menus_labels_are_left_out():
    text = ("  • TOP\n  • POLICY\n  • Buses in the Trump Era\n\n"
            "Fares cover a tenth of the cost. The deficit is 40 million.\n\n"
            "- The council should raise the parking levy\n"
            "- The authority should run fewer routes\n"
            "1. Raise fares for tourists\n")  # fmt: skip
    paragraphs, at = [], 0
    for block in text.split("\n\n"):
        paragraphs.append((at, at + len(block)))
        at += len(block) + 2
    units = [u.text for u in split_units(text, paragraphs)]
    assert units == ["Fares cover a tenth of the cost.", "The deficit is 40 million.",
                     "The council should raise the parking levy",
                     "The authority should run fewer routes",
                     "Raise fares for tourists"]  # fmt: skip


def test_the_answer_to_a_reported_view_is_a_reply_not_the_thesis():
    units, d = _draft([
        "Bus ridership in Riverton fell by a third during the pandemic and has not "
        "recovered. Fares now cover a tenth of the cost of the service, and the transit "
        "authority faces a deficit of 40 million next year.",
        "Without new money, the authority will cut a quarter of its routes. The cuts would "
        "fall hardest on shift workers, who have no other way to reach the industrial park.",
        "Recommendations",
        "- The council should raise the parking levy by a fifth and give the revenue to the "
        "buses\n- The authority should run fewer, more frequent routes",
        "Critics say a higher levy will drive shoppers away. But the levy was raised in 2019 "
        "and retail sales rose the next year.",
    ], title="Policy Brief: Keeping the Buses Running")  # fmt: skip
    assert units[d.central].startswith("The council should raise the parking levy")
    reply = units.index("But the levy was raised in 2019 and retail sales rose the next year.")
    assert d.function[reply] == "attack"


def test_a_claim_announcing_its_reasons_still_makes_it_an_announcement_alone_makes_none():
    from argmap.analysis.draft._central import _central_score

    opening = _place("opening")
    _, claim = _central_score(
        2, "In my opinion, life in the old days was happier, for several reasons.", 12, False,
        opening)  # fmt: skip
    _, announced = _central_score(
        2, "I agree with this statement for the following reasons.", 12, False, opening
    )
    assert not any("speaks of the text itself" in cue for cue in claim)
    assert any("speaks of the text itself" in cue for cue in announced)
    _, position = _central_score(2, "However, I disagree with this position.", 12, False,
                                 opening)  # fmt: skip
    assert any("speaks of the text itself" in cue for cue in position)


@pytest.mark.parametrize(
    "bare",
    ["But I prefer the latter.", "In conclusion, although it deters, I firmly object to it",
     "However, I have to profoundly disagree, for there are two other ways."],
)  # fmt: skip
def test_a_stance_that_only_points_at_a_side_takes_it_without_stating_it(bare):
    from argmap.analysis.draft._central import _central_score

    closing = _place("closing")
    pointing, why = _central_score(9, bare, 12, False, closing)
    stated, said = _central_score(9, "But I prefer to live in a city.", 12, False, closing)
    assert pointing < stated
    assert any("takes a side without saying it" in cue for cue in why)
    assert not any("takes a side without saying it" in cue for cue in said)


@pytest.mark.parametrize(
    "debate",
    ["Over time, there are a lot of arguments concerning whether zoos help people.",
     "But there are vast disputes whether it is positive or negative.",
     "People have many different views about cheap air travel.",
     "In summary, each way of learning has its own benefits."],
)  # fmt: skip
def test_a_sentence_telling_of_a_debate_frames_the_question_rather_than_answers_it(debate):
    from argmap.analysis.draft._central import _central_score

    opening = _place("opening")
    framing, why = _central_score(2, debate, 12, False, opening)
    thesis, _ = _central_score(2, "Over time, zoos have come to help people.", 12, False,
                               opening)  # fmt: skip
    assert framing < thesis and any("tells of a debate" in cue for cue in why)


def test_a_view_reported_under_the_authors_stance_is_still_anothers_view():
    from argmap.analysis.draft._central import _central_score

    closing = _place("closing", ends_paragraph=False, concludes_text=True)
    _, told = _central_score(
        9, "In sum, I am sure some people will oppose part-time jobs for students.", 12,
        False, closing)  # fmt: skip
    _, mine = _central_score(
        9, "In sum, while some people oppose part-time jobs, I believe they help students.",
        12, False, closing)  # fmt: skip
    assert any("reports what others hold" in cue for cue in told)
    assert not any("reports what others hold" in cue for cue in mine)


PASTED_PAGE = """$1 for 3 months. Save 97%.

60°F
weather icon Clear

EDITORIAL: Reject the stadium deal

Mayor Lee and club owners (center) cheer the stadium plan at City Hall on Monday.

How fitting that today's stadium rally will be held on fresh astroturf.

The council votes today on a $200 million stadium that taxpayers would fund. It is a bad deal \
for a city that cannot pay its debts.

Cities that built such stadiums are still paying for them. Chicago's stadium was fully \
publicly financed, and its debt outlived the team's lease.

Yes, the plan needs a second vote in December. But the council must vote no today.

Don't miss the big stories. Like us on Facebook.

This site uses Akismet to reduce spam. Learn how your comment data is processed.

Thanks for reading The Council Letter! Subscribe for free to receive new posts.

MORE STORIES
"""


def test_the_page_around_a_pasted_article_is_left_out_and_its_headline_found_past_it():
    source, units, left_out = _article(PASTED_PAGE)
    title = headline(source.text, source.paragraphs)
    assert title == "Reject the stadium deal"  # not the offer, the weather or the rubric
    kept = [u.text for u in units]
    why = {u.text: reason for u, reason in left_out}
    for furniture in ("$1 for 3 months.", "Save 97%.", "Don't miss the big stories.",
                      "Like us on Facebook.", "This site uses Akismet to reduce spam.",
                      "Learn how your comment data is processed.",
                      "Thanks for reading The Council Letter!"):  # fmt: skip
        assert furniture not in kept and "the page around the text" in why[furniture]
    assert not any("(center)" in t for t in kept)
    assert any("caption" in reason for reason in why.values())
    paragraphs = [source.paragraph_at(u.start) for u in units]
    d = draft_structure(kept, paragraphs, title)
    assert kept[d.central] == "But the council must vote no today."
    # The lede under a known title is no headline (the title said again) but the
    # article's hook, and said to be.
    from argmap.analysis.draft._central import _central_score, _places

    first = _places(kept, paragraphs, title)[0]
    assert first is not None and first.lede and not first.headline
    _, why_first = _central_score(0, kept[0], len(kept), False, first)
    assert any("lede" in cue for cue in why_first)
    assert not _places(kept, paragraphs, kept[0])[0].lede  # it said the title again


def test_a_recommendation_reported_as_anothers_is_their_view_not_the_authors_thesis():
    from argmap.analysis.draft._central import _central_score

    opening = _place("opening")
    _, why = _central_score(
        1, "The Republic recommends that taxpayers keep paying the subsidies.", 12, False,
        opening)  # fmt: skip
    assert any("reports what others hold" in cue for cue in why)


def test_of_the_headings_above_a_text_the_headline_is_the_one_whose_words_come_back():
    page = ("Serving the Basin for over 100 years\n\nOur View: Some bills deserve to die\n\n"
            "Mayor Ann Lee and Bo Park hold a press conference\n\n"
            "Of the 497 bills filed, most died. Some of those bills deserve to stay dead. "
            "Legislators should let them die.\n\nFor access to this article please "
            "sign in or subscribe.\n")  # fmt: skip
    source, _, left_out = _article(page)
    # Not the site's motto, nor the picture's caption; the rubric is no part of it.
    assert headline(source.text, source.paragraphs) == "Some bills deserve to die"
    assert [u.text for u, _ in left_out] == [
        "For access to this article please sign in or subscribe."
    ]


def test_a_quoted_speakers_should_or_i_think_is_not_the_authors():
    from argmap.analysis.draft._central import _central_score
    from argmap.analysis.draft._cues import _MODAL

    quoted, why = _central_score(
        3, "Its CEO cited the need to apologize, and “we really need to think about it.”",
        8, False)  # fmt: skip
    assert not any("modal verb" in cue for cue in why)
    whole, why_whole = _central_score(3, "“I continue to favor a broad-based sales tax.”", 8,
                                      False)  # fmt: skip
    assert not any("opinion marker" in cue for cue in why_whole)
    assert any("quotes another's words whole" in cue for cue in why_whole)
    # A quotation running over several sentences, opened in one unit, closed in another.
    _, opening = _central_score(3, "“We must re-engage our Alliance.", 8, False)
    _, closing = _central_score(3, "We should re-imagine it,” the secretary said.", 8, False)
    assert not any("modal verb" in cue for cue in opening + closing)
    own, _ = _central_score(3, "We need to tax short-term rentals.", 8, False)
    assert own > max(quoted, whole)
    assert not _MODAL.search("the need to apologize") and _MODAL.search("we need to act")
    text = "Opinion/Letter: Keep the bylaw\n\nThe town should keep it. It works.\n"
    assert headline(text, [(0, 30), (32, len(text) - 1)]) == "Keep the bylaw"
    # A rubric and a section ("Analysis | Europe") make no title.
    text = "Rescuing the alliance\n\nAnalysis | Europe\n\nThe alliance needs Europe. It works.\n"
    assert headline(text, [(0, 21), (23, 40), (42, len(text) - 1)]) == "Rescuing the alliance"
    # A line cut short is a teaser of the text, not its title.
    text = "The first point I would…\n\nThe first point I would make is that towns decide.\n"
    assert headline(text, [(0, 24), (26, len(text) - 1)]) is None


@pytest.mark.parametrize(
    ("sentence", "units"),
    [("The city cited the stadium, publicly financed, as a “comparable deal” in a fact "
      "sheet.", 1),
     ("Prices fell, as a result of the glut.", 1),
     ("Exports will grow, as a weaker yen helps sellers.", 2)],
)  # fmt: skip
def test_as_naming_a_role_is_no_clause_but_as_with_a_clause_of_its_own_is(sentence, units):
    assert len(split_units(sentence, [(0, len(sentence))])) == units


def test_a_standfirst_under_the_headline_is_left_out_as_a_summary_not_a_sentence():
    from argmap.analysis.draft import background

    units = [
        "Start shedding the mission creep and get on with being a defensive alliance again",
        "The anniversary celebration is over.",
        "Leadership is needed now to rescue the alliance.",
        "The West faces a world in chaos.",
    ]
    why = background(units, [0, 1, 1, 2])
    assert why[0].startswith("the standfirst") and why[1:] == ["", "", ""]
    # A first paragraph that ends as a sentence does is the text's own.
    assert background([units[0] + ".", *units[1:]], [0, 1, 1, 2]) == [""] * 4


def test_a_stop_inside_brackets_ends_no_sentence_and_a_bracketed_reference_is_left_out():
    text = ("I think the bylaw has good things in it, up for a vote on June 6. (“Good "
            "governing? Residents divided on rental rules,” Eagle, May 25.)\n\nThe bylaw "
            "requires hosts to register. A registry gives us facts.\n\nBut one rule goes "
            "too far. The town should drop it.\n")  # fmt: skip
    _, kept, left_out = _article(text)
    assert [u.text for u, _ in left_out] == [
        "(“Good governing? Residents divided on rental rules,” Eagle, May 25.)"
    ]
    assert left_out[0][1] == "a reference to another text, in brackets"
    assert kept[0].text.endswith("on June 6.")
    # A bracket never closed in its paragraph holds no sentence back.
    sad = "The bus is late again :( It never comes on time. So the city should act."
    assert len(split_units(sad, [(0, len(sad))])) == 2


def test_the_texts_reasons_pointed_back_at_conclude_it_and_give_no_reason_of_their_own():
    from argmap.analysis.draft._central import _central_score
    from argmap.analysis.draft._cues import _TEXT_CONCLUSION

    for concluding in ("Due to the reasons given above, a part-time job is a good choice.",
                       "From all the analysis suggested above, athletes are overpaid.",
                       "Based on the points I have outlined, the town should act."):  # fmt: skip
        assert _TEXT_CONCLUSION.search(concluding)
        _, why = _central_score(9, concluding, 12, False, _place("closing"))
        assert not any("opens with a reason" in cue for cue in why)
    assert not _TEXT_CONCLUSION.search("Due to the rain, the match was put off.")


@pytest.mark.parametrize(
    ("sentence", "ought"),
    [("A rethink of military strategy is urgently required.", True),
     ("Proactive leadership is needed now more than ever to rescue the alliance.", True),
     ("Reform of the port board is long overdue.", True),
     ("Workers are required to wear helmets on site.", False),
     ("Further investigation is needed to find the cause.", False)],
)  # fmt: skip
def test_what_is_needed_or_overdue_is_a_claim_of_what_ought_to_be(sentence, ought):
    from argmap.analysis.draft._cues import _MODAL

    assert bool(_MODAL.search(sentence)) is ought


def test_a_tagline_between_the_pages_headings_is_left_out_and_the_headline_found_after_it():
    page = ("City Futures Blog\n\nNews and research in housing policy, from the leading "
            "urban research centre.\n\nOn housing, clear blue water between the parties\n\n"
            "Housing policy will decide this election. Labor would end the tax breaks.\n\n"
            "The housing market is volatile. Housing investors drive the swings.\n\n"
            "So housing reform should come first, whoever wins the city.\n")  # fmt: skip
    source, kept, left_out = _article(page)
    # The site's name holds a word the text uses once; the headline's come back throughout.
    assert headline(source.text, source.paragraphs) == (
        "On housing, clear blue water between the parties"
    )
    assert [u.text[:22] for u, _ in left_out] == ["News and research in h"]
    assert "tagline" in left_out[0][1]
    assert kept[0].text.startswith("Housing policy will decide")
    # A thesis stated under the title, before the first section, is the text's own.
    for brief in ("Tolls for Riverton\n\nThe council should adopt a peak charge.\n\n"
                  "Background\n\nTraffic has grown. Buses are slow.\n\nAdopt it.\n",
                  "Tolls for Riverton\n\nTolls cut traffic in every city that tried them.\n\n"
                  "What the council must decide\n\nTraffic has grown.\n"):  # fmt: skip
        assert _article(brief)[2] == []


def test_a_byline_and_the_references_after_their_heading_are_no_claims():
    page = ("Tolls for the bridge\n\nBy Jane Doe.\n\nThe city should toll the bridge. By "
            "far the best option is a peak toll.\n\nTraffic fell where tolls came in.\n\n"
            "References\n\n1. Smith, J. Tolls and traffic. Transport Review, 2020.\n"
            "2. Lee, K. Peak pricing works. City Journal, 2021.\n")  # fmt: skip
    _, kept, left_out = _article(page)
    assert [u.text for u in kept] == ["The city should toll the bridge.",
                                      "By far the best option is a peak toll.",
                                      "Traffic fell where tolls came in."]  # fmt: skip
    reasons = {why for _, why in left_out}
    assert reasons == {"a byline: who wrote the text",
                       "the text's notes or references, after its heading"}  # fmt: skip
