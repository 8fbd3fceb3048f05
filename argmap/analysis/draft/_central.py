"""Where a unit stands in a text of several paragraphs, and how much it reads as the text's
central claim (its cues and its place)."""

from __future__ import annotations

from dataclasses import dataclass

from argmap.analysis.draft._cues import (
    _ADDITION,
    _ANAPHORIC,
    _BALANCED,
    _BARE_STANCE,
    _CONCESSION,
    _CONCLUSIVE,
    _CONDITION,
    _EXAMPLE,
    _META,
    _MODAL,
    _OPINION,
    _REASONS_AHEAD,
    _REPORTED,
    _STANCE,
    _SUBORDINATE,
    _TEXT_CONCLUSION,
    _VERDICT_ON,
    _new_sentence,
    _quoted_whole,
    _reason,
    _turns,
    _unquoted,
)


@dataclass(frozen=True)
class _Place:
    """Where a unit stands in a text of several paragraphs."""

    #: The paragraph's place among the paragraphs that hold units (0 = the first).
    paragraph: int
    paragraphs: int
    #: The last unit of its paragraph.
    ends_paragraph: bool
    #: In the text's opening or closing paragraphs (a fifth of them, at least one each).
    opening: bool
    closing: bool
    #: The sentence opens with a marker of the whole text's conclusion ("In conclusion,").
    concludes_text: bool
    #: How much of its wording comes back in the other end of the text (0-1).
    returns: float
    #: How much of the title's wording it holds (0-1).
    titled: float
    #: The text's headline (a first paragraph of one short unit).
    headline: bool = False
    #: Under a title found above the text, a first paragraph of one short unit that does
    #: not say the title again and claims nothing of its own: the article's lede.
    lede: bool = False


def _places(units: list[str], para: list[int], title: str | None) -> list[_Place | None]:
    """Each unit's :class:`_Place`; all None in a text of fewer than three paragraphs (a
    short text is read by its cues alone). A first paragraph of one short unit is the
    text's headline: it counts as the title, not as the opening."""
    order = sorted(set(para))
    alone = len(order) >= 4 and para.count(order[0]) == 1 and len(units[0].split()) <= 25
    # Where the title is known, a headline says again what it says; a first sentence alone
    # that does not, and claims nothing ("How appropriate that today's rally ..." under
    # "Reject soccer stadium"), is the article's lede.
    headline = alone and (title is None or _restates(units[0], title))
    lede = (alone and not headline and not (_MODAL.search(units[0]) or _STANCE.search(units[0])
                                            or _OPINION.search(units[0])))  # fmt: skip
    if headline or lede:
        title = title or units[0]
        order = order[1:]
    count = len(order)
    if count < 3:
        return [None] * len(units)
    rank = {p: k for k, p in enumerate(order)}
    for p in para:
        rank.setdefault(p, -1)  # the headline or the lede
    ends = max(1, round(count / 5))
    # An article may state its thesis a few paragraphs in, after its news hook.
    starts = max(1, count // 3)
    words = _unit_words(units)
    opening = [rank[p] in range(starts) for p in para]
    closing = [rank[p] >= count - ends for p in para]
    title_words = set(_content(title or "")) - {"vs", "versus"}  # "A vs. B": a word of form
    concludes = []
    here = False
    for i, text in enumerate(units):
        if _new_sentence(units, i):
            here = bool(_TEXT_CONCLUSION.search(text))
        concludes.append(here)
    # Which units of each end hold each word: a unit's words are weighed only against the
    # units of the other end that share one (not every pair of units).
    at_opening: dict[str, list[int]] = {}
    at_closing: dict[str, list[int]] = {}
    for j, held_j in enumerate(words):
        for w in held_j:
            if opening[j]:
                at_opening.setdefault(w, []).append(j)
            if closing[j]:
                at_closing.setdefault(w, []).append(j)
    out: list[_Place | None] = []
    for i in range(len(units)):
        other: set[int] = set()
        for w in words[i]:
            if closing[i]:
                other.update(at_opening.get(w, ()))
            if opening[i]:
                other.update(at_closing.get(w, ()))
        mine = sum(words[i].values()) or 1.0
        back = max((_shared(i, j, words) for j in other if para[j] != para[i]), default=0.0)
        held = set(words[i])
        out.append(_Place(
            paragraph=rank[para[i]], paragraphs=count,
            ends_paragraph=i + 1 == len(units) or para[i + 1] != para[i],
            opening=opening[i], closing=closing[i], concludes_text=concludes[i],
            returns=min(1.0, back / mine),

            titled=len(held & title_words) / len(title_words) if title_words else 0.0,
            headline=headline and i == 0,
            lede=lede and i == 0,
        ))  # fmt: skip
    return out


def _restates(unit: str, title: str) -> bool:
    """Whether a unit says again what the title says: most of its words are the title's."""
    held = set(_content(unit))
    return not held or len(held & set(_content(title))) >= 0.6 * len(held)


def _content(text: str) -> list[str]:
    from argmap.analysis.library import content_words

    return content_words(text)


def _central_score(
    i: int, text: str, n: int, conceded: bool, place: _Place | None = None
) -> tuple[float, list[str]]:
    """How likely unit ``i`` is the central claim, and why. ``place``: where it stands in
    a text of several paragraphs, where a thesis is stated in the opening (most often at
    the end of the first paragraph) and restated in the closing, and a body paragraph's
    "therefore" concludes that paragraph's step, not the text."""
    score, why = 0.0, []
    own = _unquoted(text)  # a quoted speaker's "should" or "I think" is not the author's
    # "Due to the reasons given above, X": the text's reasons pointed back at, no reason of
    # X's own and no announcement
    concluding = bool(_TEXT_CONCLUSION.search(text))
    if conceded:
        score -= 2.0
        why.append("the next unit turns against it (but, however...): a concession")
    if _quoted_whole(text):
        score -= 1.5
        why.append("quotes another's words whole: not the author's claim")
    modal = bool(_MODAL.search(own))
    if modal:
        score += 1.5 if place is None else 1.0
        why.append("a modal verb (should, must...): a claim of what ought to be")
    if place is None and not modal and _VERDICT_ON.search(own):
        score += 1.0
        why.append("judges a course of action (is a good idea, is not the answer...)")
    if _OPINION.search(own) or (place is not None and _STANCE.search(own)):
        score += 1.0 if place is None else 1.5
        why.append("an opinion marker (I think, in my view...)")
        if place is not None and _turns(text):
            score += 1.0
            why.append("turns to the author's own view (but, however...)")
    if place is not None and place.concludes_text:
        score += 2.0
        why.append("in a sentence that concludes the text (in conclusion, to sum up...)")
    elif _CONCLUSIVE.search(text):
        # "Therefore, ..." opening a sentence concludes; ", so ..." inside one tells a result.
        sentence = text.lstrip(" \"'“‘(")[:1].isupper()
        if place is not None and not place.closing:
            score += 0.3
            why.append(
                "a conclusion (therefore, so...) before the closing paragraphs: "
                "the step of one paragraph"
            )
        elif sentence:
            score += 2.0
            why.append("opens with a conclusion (therefore, so...)")
        else:  # "..., so that really makes no difference": the step of its sentence
            why.append("a clause of result (so, thus...) inside its sentence: the step of "
                       "that sentence, not the text's conclusion")  # fmt: skip
    if place is None:
        if i == 0:
            score += 1.0
            why.append("first in the text")
        if i == n - 1 and n > 1:
            score += 0.8
            why.append("last in the text")
    elif place.headline:
        score -= 3.0
        why.append("the text's headline: what it is about, stated again in the text")
    elif place.lede:
        score -= 3.0
        why.append(
            "the article's lede, under its title: a first sentence alone that "
            "claims nothing of its own"
        )
    else:
        if place.opening:
            thesis = place.ends_paragraph and place.paragraph == 0
            score += 1.0 + 0.8 * thesis
            why.append("ends the opening paragraph" if thesis
                       else "in the opening paragraphs")  # fmt: skip
        elif place.closing:
            score += 1.0
            why.append("in the closing paragraphs")
        if place.returns >= 0.2:
            score += 1.5 * place.returns
            why.append(f"its words come back at the other end of the text ({place.returns:.0%})")
        if place.titled > 0:
            score += place.titled
            why.append(f"holds the title's words ({place.titled:.0%})")
        if _ANAPHORIC.search(text) and not _CONCLUSIVE.search(text):
            score -= 0.5
            why.append("opens by pointing back (this, these...): goes on from the sentence before")
        # "X brings more happiness, for several reasons": a claim that announces its
        # reasons still makes it; only an announcement alone ("I agree with this statement
        # for the following reasons") makes none.
        trailing = _REASONS_AHEAD.search(text)
        if _BARE_STANCE.search(text):
            score -= 1.5
            why.append(
                "takes a side without saying it (I prefer the latter, I object to it): "
                "the thesis is stated where the side is"
            )
        elif _META.search(text[: trailing.start()] if trailing else text):
            score -= 1.5
            why.append(
                "speaks of the text itself (this statement, these reasons...): "
                "announces a claim rather than making it"
            )
        if _BALANCED.search(text) and not (_STANCE.search(text) or _MODAL.search(text)):
            score -= 1.5
            why.append(
                "weighs both sides or tells of a debate (pros and cons, arguments "
                "about whether...): frames the question, not the thesis"
            )
        # "While some argue X, I believe Y" is the author's view; "I am sure some people
        # will oppose X" reports theirs.
        if (told := _REPORTED.search(text)) and not (
            (mine := _STANCE.search(text)) and mine.start() > told.start()
        ):
            score -= 1.5
            why.append("reports what others hold: less likely the author's thesis")

    if _reason(text) and not concluding:
        score -= 2.0
        why.append("opens with a reason: less likely the central claim")
    for pattern, cost, said in ((_EXAMPLE, 2.0, "opens with an example"),
                                (_CONCESSION, 2.5, "opens with a concession"),
                                (_CONDITION, 1.0, "opens with a condition"),
                                (_ADDITION, 1.0, "opens with an addition")):  # fmt: skip
        if pattern.search(text):
            score -= cost
            why.append(f"{said}: less likely the central claim")
    if text.rstrip().endswith("?"):
        score -= 1.0 if place is None else 3.0
        why.append("a question")
    return score, why


def _unit_words(units: list[str]) -> list[dict[str, float]]:
    """Each unit's content words, each weighed by how few units hold it (IDF)."""
    import math

    from argmap.analysis.library import content_words

    found = [set(content_words(u)) for u in units]
    df: dict[str, int] = {}
    for words in found:
        for w in words:
            df[w] = df.get(w, 0) + 1
    n = len(units)
    # In the words' order, not a set's: the weights are summed in the same order in every
    # run, whatever the interpreter's hash seed, so a tie is broken the same way each time.
    return [{w: math.log((n + 1) / df[w]) for w in sorted(words)} for words in found]


def _shared(i: int, j: int, words: list[dict[str, float]]) -> float:
    """How much two units share: the weights of their common words (in ``i``'s order)."""
    other = words[j]
    return sum(weight for w, weight in words[i].items() if w in other)


def _central_scores(
    units: list[str], conceded: list[bool], places: list[_Place | None]
) -> list[tuple[float, list[str]]]:
    """Each unit's :func:`_central_score`, then weighed against its neighbours: in an
    article, the author's answer to a view reported just before it ("Critics say X. But
    Y.") is a reply, not the thesis, unless it says what ought to be or the author's view;
    a sentence's subordinate clause ("When X, Y") lends its place and words to its main
    clause."""
    n = len(units)
    scored = [_central_score(i, t, n, conceded[i] and not _CONCLUSIVE.search(t), places[i])
              for i, t in enumerate(units)]  # fmt: skip
    for i in range(1, n):
        text, before = units[i], units[i - 1]
        if (places[i] is not None and _turns(text)
                and (_CONCESSION.search(before) or _REPORTED.search(before))
                and not (_MODAL.search(text) or _STANCE.search(text)
                         or _OPINION.search(text))):  # fmt: skip
            scored[i] = (scored[i][0] - 1.5,
                         [*scored[i][1], "answers the view reported before it: a reply, "
                          "not the thesis"])  # fmt: skip
    if (n > 1 and places[1] is None and (_SUBORDINATE.search(units[0]) or conceded[0])
            and not _new_sentence(units, 1)):  # fmt: skip
        # "While X would be wonderful, removing the horns is not the answer.", "Smart
        # watches have many benefits, but they will never ...": the main clause, or the
        # answer, of the text's first sentence stands first.
        scored[1] = (scored[1][0] + 1.0, [*scored[1][1], "the main clause of the text's "
                                          "first sentence"])  # fmt: skip
    for i in range(n - 1):
        if (_SUBORDINATE.search(units[i]) and not _CONCESSION.search(units[i])
                and not _new_sentence(units, i + 1)
                and scored[i][0] >= scored[i + 1][0]):  # fmt: skip
            scored[i + 1] = (scored[i][0], [*scored[i][1], "the main clause of its sentence"])
            scored[i] = (scored[i][0] - 1.0, [*scored[i][1], "a subordinate clause"])
    return scored
