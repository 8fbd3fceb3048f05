"""The structure `argmap draft` proposes over units: the central claim, each unit's role,
function and head, with a score and the cues behind each."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from argmap.analysis.draft._central import _central_scores, _places, _shared, _unit_words
from argmap.analysis.draft._cues import (
    _ADDITION,
    _BACK,
    _BACKS_UP,
    _CONCESSION,
    _CONCLUSIVE,
    _CONDITION,
    _CONSEQUENCE,
    _CONTRAST,
    _EVIDENTIAL,
    _EXAMPLE,
    _GRANTED,
    _JUDGES_BACK,
    _MEANS,
    _MODAL,
    _NEGATED,
    _NOT_MET,
    _ONE_HAND,
    _OPINION,
    _ORDINAL,
    _OTHER_HAND,
    _OUGHT,
    _POSTPOSED,
    _REPORTED,
    _SHOWN,
    _STANCE,
    _SUBORDINATE,
    _TURN,
    _YES,
    _against,
    _cue,
    _cued,
    _new_sentence,
    _quoted_whole,
    _reason,
    _rejection,
    _reports,
    _turns,
    _unquoted,
)

#: How much a unit's own paragraph counts ahead of the rest when finding what it is about
#: (a share of its weighed words), and the least share it must hold of a claim's words.
ABOUT_NEAR = 0.3
ABOUT_MIN = 0.3
#: How close (in cue points) a second candidate for the central claim must come to the
#: first to be named beside it.
CLOSE = 0.5


@dataclass(frozen=True)
class Explained:
    """Why a drafted claim is what it is (``argmap draft --explain``)."""

    id: str
    role: str
    #: What it bears on ("supports X, attacks Y"), "the central claim" or "no link".
    bears: str
    score: float
    cues: list[str]


@dataclass
class DraftReport:
    """What ``argmap draft`` made: the map (``model``, an
    :class:`~argmap.model.ArgMap`), as written, and where it went."""

    model: Any
    #: The drafted claims' ids, in the text's order.
    claim_ids: list[str]
    #: The map as written: YAML with its header, or JSON.
    written: str
    #: The file written (None: none, the map is the answer; ``-``: standard output).
    output: str | None
    source: str
    central: str
    #: The language model that drafted it (None: argmap's cues).
    by: str | None = None
    #: With ``--explain``: each claim's role, links and cues.
    explained: list[Explained] | None = None
    #: The sentences left out as background (the news hook), as the text has them.
    left_out: list[str] = field(default_factory=list)

    def to_data(self) -> dict[str, Any]:
        """The map's JSON, with ``explain`` (each claim's cues) and ``left_out`` (the
        sentences left out as background) when asked for."""
        out = self.model.to_data()
        if self.explained is not None:
            out["explain"] = {e.id: e.cues for e in self.explained}
            out["left_out"] = list(self.left_out)
        return out

    def ids(self) -> list[str]:
        return list(self.claim_ids)


@dataclass
class Drafted:
    """A proposed structure over units (by index): the central claim; each unit's role
    (``pro``, ``opp``), function (``cc``, ``support``, ``attack``), head (the unit it bears
    on; None for the central claim), score (0-1) and cues (why)."""

    central: int
    role: list[str]
    function: list[str]
    head: list[int | None]
    score: list[float]
    cues: list[list[str]] = field(default_factory=list)
    #: A second candidate for the central claim, when it scores close to the first.
    second: int | None = None
    #: Which units report what happened, was said or was found (evidence), not a claim.
    evidence: list[bool] = field(default_factory=list)
    #: Further conclusions drawn from the central claim ("This will mean that X should
    #: ..."): the central claim supports each; their head is None.
    drawn: list[int] = field(default_factory=list)


def draft_structure(
    units: list[str], paragraphs: list[int] | None = None, title: str | None = None
) -> Drafted:
    """The proposed structure over ``units`` (see the module's description);
    ``paragraphs`` numbers the paragraph of each unit: in a text of several paragraphs, a
    unit with no cue supports its paragraph's first sentence (which supports the central
    claim), and an objection's reasons stay in its paragraph."""
    n = len(units)
    if n == 0:
        return Drafted(-1, [], [], [], [], [])
    para = paragraphs if paragraphs is not None and len(paragraphs) == n else [0] * n
    several = len(set(para)) > 1
    # A unit the next one rejects, or turns against in its paragraph ("..., but ..."), is
    # conceded, not asserted (a paragraph opening with a turn answers the paragraph before
    # as a whole: see ``turned`` below).
    # A turn set inside the next sentence's first clause ("Most drivers, however, ...")
    # counts as one opening it; "It shouldn't be this hard. But it is." concedes nothing.
    conceded = [
        i + 1 < n
        and not (_NOT_MET.match(units[i + 1]) and _MODAL.search(units[i]))
        and bool(_rejection(units[i + 1]) or (para[i + 1] == para[i] and (
            _TURN.search(units[i + 1]) or (_new_sentence(units, i + 1) and _turns(units[i + 1]))
        )))
        for i in range(n)
    ]  # fmt: skip
    answered = [i + 1 for i in range(n)]  # the unit going against each conceded one
    quote_of: dict[int, int] = {}  # a view's own words, quoted after it: the view
    # A sentence turned against whole ("X, since Y. However, Z."): what is conceded is its
    # claim, not the reason that ends it.
    for i in range(1, n):
        if (conceded[i] and not _new_sentence(units, i) and _reason(units[i])
                and not _rejection(units[i + 1])):  # fmt: skip
            j = i - 1
            while j > 0 and not _new_sentence(units, j) and _reason(units[j]):
                j -= 1
            if not _reason(units[j]):
                conceded[i], conceded[j], answered[j] = False, True, i + 1
    # A view reported as others' ("The Republicans have suggested that X, because Y.") that
    # the next sentence rejects ("This piece of reasoning has never sat well with me."); the
    # reason it was given with is the view's, not conceded of its own.
    for i in range(n):
        if _REPORTED.search(units[i]) and not _STANCE.search(units[i]) and not conceded[i]:
            k = next((k for k in range(i + 1, n) if _new_sentence(units, k)), n)
            quoted = []  # the view's own words quoted after it ("“I favour a sales tax.”")
            while k < n and _quoted_whole(units[k]):
                quoted.append(k)
                k = next((j for j in range(k + 1, n) if _new_sentence(units, j)), n)
            if k < n and _rejection(units[k]):
                conceded[i], answered[i] = True, k
                for j in range(i + 1, k):
                    conceded[j] = conceded[j] and not _reason(units[j]) and j not in quoted
                quote_of.update((j, i) for j in quoted)
    places = _places(units, para, title)
    # What each unit reports, if it is a report (evidence), once.
    reported = [_reports(t) for t in units]
    scored = _central_scores(units, conceded, places)
    words = _unit_words(units) if several else []
    central = max(range(n), key=lambda i: (scored[i][0], -i))
    role = ["pro"] * n
    function = ["support"] * n
    head: list[int | None] = [central] * n
    score = [0.5] * n
    cues: list[list[str]] = [[] for _ in range(n)]
    drawn: list[int] = []
    from_fact: set[int] = set()  # what ought to be done, drawn from the fact before it
    role[central], function[central], head[central] = "pro", "cc", None
    runner = max((j for j in range(n) if j != central), key=lambda j: (scored[j][0], -j),
                 default=None)  # fmt: skip
    margin = scored[central][0] - (scored[runner][0] if runner is not None else 0.0)
    score[central] = round(min(0.95, 0.5 + 0.15 * max(0.0, margin)), 2)
    cues[central] = ["the central claim: " + "; ".join(scored[central][1] or ["no cue"])]
    second = runner if runner is not None and margin <= CLOSE else None
    if second is not None:
        cues[second].append(
            "a second candidate for the central claim, close to the first: "
            + "; ".join(scored[second][1] or ["no cue"])
        )
    # The claims of what ought to be (a modal verb, the author's stated view): the points
    # an article's evidence gathers under, wherever in the text it stands.
    hubs = [j for j, t in enumerate(units) if j != central and not conceded[j]
            and (_MODAL.search(own := _unquoted(t)) or _OUGHT.search(t) or _STANCE.search(own))
            and not _reason(t)
            and not _CONCESSION.search(t) and not t.rstrip().endswith("?")]  # fmt: skip
    # Each paragraph's point: the sentence that concludes it ("Therefore, ..."), else its
    # first sentence.
    points: dict[int, int] = {}
    for j, t in enumerate(units):
        if para[j] not in points or (j != central and _new_sentence(units, j)
                                     and _CONCLUSIVE.search(t)):  # fmt: skip
            points[para[j]] = j
    # Where a paragraph's point moves on from its opening: to the main clause after an
    # opening subordinate one ("Despite X, Y"); to the sentence after what was shown ("The
    # first weeks have made clear that ..."), a claim with no cue of its own; to what ought
    # to be done after an opening report (its ground) or question (its topic).
    for p, j in list(points.items()):
        k = j + 1
        if (_SUBORDINATE.search(units[j]) and k < n and para[k] == p and k != central
                and not _new_sentence(units, k)):  # fmt: skip
            j = k
        k = j + 1
        if (_SHOWN.search(units[j]) and k < n and para[k] == p and k != central
                and _new_sentence(units, k) and not _SHOWN.search(units[k])
                and not _cued(units[k])):  # fmt: skip
            j = k
        if reported[j] or units[j].rstrip().endswith("?"):
            j = next((k for k in hubs if para[k] == p and k > j and k != central), j)
        k = j + 1
        if (k < n and para[k] == p and k != central and _new_sentence(units, k)
                and _JUDGES_BACK.search(units[k]) and not _MODAL.search(units[j])
                and not _cued(units[j])
                and not (_STANCE.search(units[j]) or _OPINION.search(units[j]))):  # fmt: skip
            j = k  # "The council votes on a $200 million stadium. It's a horrible deal."
        points[p] = j
    # A paragraph the next one turns against as it opens ("Until recently, X seemed
    # impossible. ... // Today, however, ..."): its point is a view the author answers.
    # Not the paragraph holding the central claim or a claim of what ought to be, nor one
    # the next answers by raising an objection of its own ("However, critics say ...").
    firsts: dict[int, int] = {}
    for j in range(n):
        firsts.setdefault(para[j], j)
    order = sorted(points)
    place = {p: k for k, p in enumerate(order)}
    after = dict(zip(order, order[1:], strict=False))  # each paragraph's next one
    opening_units = [j for j in range(n) if para[j] in order[:2]]  # the first two paragraphs
    turned = {
        p for p, j in points.items()
        if (f := firsts.get(after.get(p, -1))) is not None and _turns(units[f])
        and _new_sentence(units, f)
        and not (_CONCESSION.search(units[f]) or _REPORTED.search(units[f]) or
                 _OTHER_HAND.search(units[f]) or units[f].rstrip().endswith("?"))
        and not (_ADDITION.search(units[j]) or _CONCLUSIVE.search(units[j])
                 or _ORDINAL.search(units[j]))
        and not any(para[h] == p for h in (central, *hubs))
    }  # fmt: skip

    def _conceded_to(i: int) -> int:
        """What a concession objects to: its paragraph's point, when that comes before it
        and is the author's; else the central claim."""
        opening = points.get(para[i], i) if several else i
        if (opening < i and opening != central and role[opening] == "pro"
                and not conceded[opening] and head[opening] is not None):  # fmt: skip
            return opening
        return central

    for i, text in enumerate(units):
        if i == central:
            continue
        before = i - 1 if i > 0 else None
        main = i + 1 if i + 1 < n and not _new_sentence(units, i + 1) else None
        if (view := quote_of.get(i)) is not None and view != central:
            role[i], function[i], head[i], score[i] = "opp", "support", view, 0.6
            cues[i].append("quotes the words of the view reported before it, which the "
                           "author then rejects: part of that view")  # fmt: skip
        elif (
            before == central
            and para[i] == para[central]
            and _new_sentence(units, i)
            and _CONSEQUENCE.search(text)
            and (_MODAL.search(text) or _OUGHT.search(text))
        ):
            # "Japan should hope for the best ... This will mean that Tokyo should ...":
            # what ought to follow from the central claim, a further conclusion of it.
            function[i], head[i], score[i] = "cc", None, 0.6
            drawn.append(i)
            cues[i].append(
                f"draws what ought to follow from the central claim "
                f"({_cue(_CONSEQUENCE, text)}): a further conclusion, which the central "
                "claim supports"
            )
        elif (
            before is not None
            and before != central
            and _CONSEQUENCE.search(text)
            and role[before] == "pro"
            and function[before] == "support"
            and head[before] is not None
        ):
            # "This means...": the unit before is the reason, this its consequence.
            head[i], score[i] = head[before], 0.6
            head[before], score[before] = i, 0.6
            cues[before].append("the next unit draws its consequence (this means...): "
                                "supports it")  # fmt: skip
            cues[i].append(
                f"draws the consequence of the unit before ({_cue(_CONSEQUENCE, text)}): "
                "bears on what that one bore on"
            )
        elif main is not None and _CONDITION.search(text):
            function[i], head[i], score[i] = "support", main, 0.6
            cues[i].append(
                f"opens with a condition ({_cue(_CONDITION, text)}) of the clause that "
                "follows: bears on it"
            )
        elif main is not None and _EVIDENTIAL.search(text):
            function[i], head[i], score[i] = "support", main, 0.6
            cues[i].append(
                f"opens with what a source recommends or finds ({_cue(_EVIDENTIAL, text)}): "
                "the ground its sentence's main clause stands on, not an objection to it"
            )
        elif _ONE_HAND.search(text) and points.get(para[i], i) < i:
            # "On the one hand, X; on the other hand, Y": two sides of the paragraph's
            # point, not a concession to the whole text.
            side = points[para[i]]
            role[i], function[i], head[i], score[i] = role[side], "support", side, 0.6
            cues[i].append("opens one side of two (on the one hand): bears for its "
                           "paragraph's point")  # fmt: skip
        elif (
            before is not None
            and _OTHER_HAND.search(text)
            and _ONE_HAND.search(units[before])
            and function[before] == "support"
            and head[before] is not None
        ):
            role[i], function[i], head[i], score[i] = role[before], "attack", head[before], 0.6
            cues[i].append("the other side (on the other hand) of the unit before: bears "
                           "against what that one supports")  # fmt: skip
        elif main is not None and _SUBORDINATE.search(text) and _CONCESSION.search(text):
            against = _conceded_to(i)
            role[i], function[i], head[i], score[i] = "opp", "attack", against, 0.7
            cues[i].append(
                f"opens with a concession ({_cue(_CONCESSION, text)}) that its sentence's "
                "main clause answers: an objection to "
                + ("its paragraph's point" if against != central else "the central claim")
            )
        elif (
            before is not None
            and not _new_sentence(units, i)
            and _SUBORDINATE.search(units[before])
            and role[before] == "opp"
        ):
            function[i], head[i], score[i] = "attack", before, 0.65
            cues[i].append(
                "the main clause of a sentence opening with a concession: the author's answer to it"
            )
        elif (
            before is not None
            and not _new_sentence(units, i)
            and _CONTRAST.search(text)
            and not _REPORTED.search(text)
            and role[before] == "pro"
        ):
            # "Cities should make the law, while the province should only step in ...": two
            # claims set side by side, both the author's, not a concession.
            role[i], function[i], head[i], score[i] = "pro", function[before], head[before], 0.6
            cues[i].append(f"sets a claim beside the one before ({_cue(_CONTRAST, text)}, "
                           "inside its sentence): does what that one does")  # fmt: skip
        elif _CONCESSION.search(text) or (
            # "Yes, X." opening a paragraph grants X (not answering a question before it)
            several and i == firsts[para[i]] and _YES.search(text)
            and before is not None and not units[before].rstrip().endswith("?")
        ):  # fmt: skip
            granted = _cue(_CONCESSION, text) or _cue(_YES, text)
            if (against := _conceded_to(i)) != central:
                role[i], function[i], head[i], score[i] = "opp", "attack", against, 0.7
                cues[i].append(f"opens with a concession ({granted}) after its paragraph's "
                               "point: an objection to that point")  # fmt: skip
            else:
                role[i], function[i], head[i], score[i] = "opp", "attack", central, 0.75
                cues[i].append(f"opens with a concession ({granted}): an objection the "
                               "author raises, against the central claim")  # fmt: skip
        elif _POSTPOSED.search(text):
            role[i], function[i], head[i], score[i] = "opp", "attack", central, 0.7
            cues[i].append(
                f"a view others are said to hold ({_cue(_POSTPOSED, text)}): an objection "
                "the author raises, against the central claim"
            )
        elif conceded[i] and not (_turns(text) and before is not None and role[before] == "opp"):
            point = points.get(para[i]) if several else None
            if point is not None and point not in (i, central) and role[point] == "pro" \
                    and not conceded[point]:  # fmt: skip
                role[i], function[i], head[i], score[i] = "opp", "attack", point, 0.6
                cues[i].append(f"the next unit {_against(units[answered[i]])}, against its "
                               "paragraph's point")  # fmt: skip
            else:
                role[i], function[i], head[i], score[i] = "opp", "attack", central, 0.65
                cues[i].append(f"the next unit {_against(units[answered[i]])}, against the "
                               "central claim")  # fmt: skip
        elif several and i == points.get(para[i]) and para[i] in turned:
            role[i], function[i], head[i], score[i] = "opp", "attack", central, 0.55
            cues[i].append(f"the next paragraph opens by turning against it "
                           f"({_turns(units[firsts[after[para[i]]]])}): a view the author "
                           "answers, against the central claim")  # fmt: skip
        elif (several and i == firsts[para[i]] and (p := place[para[i]]) > 0
              and order[p - 1] in turned and role[points[order[p - 1]]] == "opp"):  # fmt: skip
            function[i], head[i], score[i] = "attack", points[order[p - 1]], 0.6
            cues[i].append(f"opens its paragraph with a turn ({_turns(text)}): the author's "
                           "answer to the paragraph before")  # fmt: skip
        elif _turns(text) and before is not None and role[before] == "opp":
            # What the turn answers is the view, not the reason that ends its sentence.
            while (not _new_sentence(units, before) and function[before] == "support"
                   and (h := head[before]) is not None and role[h] == "opp"
                   and h == before - 1):  # fmt: skip
                before = h
            function[i], head[i], score[i] = "attack", before, 0.75
            cues[i].append(
                f"{'opens with a turn' if _TURN.search(text) else 'turns'} ({_turns(text)}) "
                "after an objection: the author's reply to it"
            )
        elif _rejection(text) and before is not None and role[before] == "opp":
            # What is rejected is the view, not the reason it was given with.
            while function[before] == "support" and (h := head[before]) is not None \
                    and role[h] == "opp" and para[h] == para[before]:  # fmt: skip
                before = h
            function[i], head[i], score[i] = "attack", before, 0.75
            cues[i].append(f"rejects the view before it ({_rejection(text)}): the author's "
                           "reply to it")  # fmt: skip
        elif (_reason(text) or _EXAMPLE.search(text)) and before is not None:
            found = _reason(text) or _EXAMPLE.search(text)
            what = "an example" if _EXAMPLE.search(text) and not _reason(text) else "a reason"
            cue = found.group(0).strip(" ,.;:").lower() if found else ""
            if para[before] == para[i] or not several:
                role[i], function[i], head[i], score[i] = role[before], "support", before, 0.7
                cues[i].append(f"opens with {what} ({cue}): supports the unit before")
            else:  # opening a paragraph: for what the paragraph before argued
                to = points[para[before]]
                to = central if to == i else to
                role[i], function[i], head[i], score[i] = role[to], "support", to, 0.6
                cues[i].append(f"opens its paragraph with {what} ({cue}): supports the "
                               "paragraph before's point")  # fmt: skip
        elif (_ADDITION.search(text) and before is not None and before != central
              and para[before] == para[i]):  # fmt: skip
            role[i], function[i], head[i] = role[before], function[before], head[before]
            score[i] = 0.6
            cues[i].append(
                f"opens with an addition ({_cue(_ADDITION, text)}): does what the unit before does"
            )
        elif (
            before is not None
            and role[before] == "opp"
            and function[before] == "attack"
            and _new_sentence(units, i)
            and _NEGATED.search(text)
            and reported[i]
        ):
            function[i], head[i], score[i] = "attack", before, 0.55
            cues[i].append(f"reports, after an objection, what did not happen "
                           f"({_cue(_NEGATED, text)}): the author's answer to it")  # fmt: skip
        elif (
            before is not None
            and role[before] == "opp"
            and para[before] == para[i]
            and not _CONCLUSIVE.search(text)
            and not _GRANTED.search(units[before])
        ):
            view = before
            if (several and function[before] == "support" and (h := head[before]) is not None
                    and role[h] == "opp" and para[h] == para[i]):  # fmt: skip
                view = h  # another reason for the same view, not a reason for a reason
            role[i], function[i], head[i], score[i] = "opp", "support", view, 0.55
            cues[i].append("follows an objection with no turn: the objection's own reason")
        elif _CONCLUSIVE.search(text) and before is not None:
            function[i], head[i], score[i] = "support", central, 0.55
            cues[i].append(
                f"opens with a conclusion ({_cue(_CONCLUSIVE, text)}) that is not "
                "the central claim: a step towards it"
            )
        elif (several and i == points.get(para[i]) and i == firsts[para[i]]
              and _BACKS_UP.search(text)
              and (q := place[para[i]]) > 0
              and (prev := points[order[q - 1]]) != central and role[prev] == "pro"
              and function[prev] == "support"):  # fmt: skip
            head[i], score[i] = prev, 0.55
            cues[i].append("opens its paragraph by pointing back at the one before: "
                           "supports that paragraph's point")  # fmt: skip
        elif (several and i == points.get(para[i]) and _ORDINAL.search(text)
              and (answers := [j for j in opening_units if j < i and role[j] == "pro"
                               and function[j] == "attack" and (h := head[j]) is not None
                               and role[h] == "opp" and _rejection(units[j])])):  # fmt: skip
            head[i], score[i] = answers[-1], 0.55
            cues[i].append(f"a reason counted off ({_cue(_ORDINAL, text)}) after the opening "
                           "paragraphs' answer to a view: supports that answer")  # fmt: skip
        elif several:
            topic = points[para[i]]
            # After the author's reply to an objection in the paragraph ("Critics say X.
            # But Y."), a unit with no cue argues for the reply, not for the objection.
            reply = next((j for j in range(i - 1, topic, -1)
                          if role[topic] == "opp" and role[j] == "pro"
                          and function[j] == "attack" and (h := head[j]) is not None
                          and role[h] == "opp"), None)  # fmt: skip
            if reply is None and role[topic] == "opp" and _GRANTED.search(units[topic]):
                # After what the author grants, the author's own line again.
                reply = next((j for j in range(topic + 1, i) if role[j] == "pro"), None)
            target, why = _about(i, central, hubs, points, para, words, role, function,
                                 topic=reply)  # fmt: skip
            if (
                target == topic == i - 1 != central
                and i in hubs
                and not _STANCE.search(text)
                and topic not in hubs
                and head[topic] is not None
                and function[topic] == "support"
                and _BACK.search(text)
            ):
                # "X is here to stay. Planning will require taking this seriously.": what
                # ought to be done, drawn from the fact the paragraph opened with.
                head[i], score[i] = head[topic], 0.55
                head[topic], score[topic] = i, 0.55
                from_fact.add(i)
                cues[topic].append("the paragraph's claim of what ought to be draws on it: "
                                   "supports it")  # fmt: skip
                cues[i].append("what ought to be done, drawn from the fact its paragraph "
                               "opened with (which it points back at)")  # fmt: skip
            elif target != central:
                role[i], head[i], score[i] = role[target], target, 0.5
            cues[i].append(why)
        else:
            cues[i].append("no cue: a reason for the central claim")
    for i in range(1, n):
        # "X requires us to act. To that end, Y must ...": the end is the reason for the
        # means the next sentence proposes.
        b = i - 1
        if (_MEANS.search(units[i]) and _new_sentence(units, i) and b != central
                and para[b] == para[i] and role[b] == role[i] and not conceded[b]):  # fmt: skip
            if head[i] == b:
                head[i], function[i] = head[b], function[b]
            head[b], function[b], score[b] = i, "support", 0.6
            cues[b].append(
                f"the next sentence proposes the means to it ({_cue(_MEANS, units[i])}): "
                "the end it serves, a reason for it"
            )
    last = n - 1
    if (last in from_fact and para[last] != para[central] and head[last] == central
            and not (_STANCE.search(units[last]) or _OPINION.search(units[last]))):  # fmt: skip
        # The text's closing recommendation, drawn from the fact before it, where the
        # central claim stands elsewhere: what ought to follow from it.
        function[last], head[last] = "cc", None
        drawn.append(last)
        cues[last].append("the text's closing claim of what ought to be, the central "
                          "claim standing elsewhere: a further conclusion, which it "
                          "supports")  # fmt: skip
    _break_circles(head, central, cues)
    evidence = [i != central and role[i] == "pro" and bool(reported[i]) for i in range(n)]
    for i in range(n):
        if evidence[i]:
            cues[i].append(f"reports what happened, was said or was found ({reported[i]}), "
                           "with no modal, hedge or view of its own: evidence")  # fmt: skip
    return Drafted(central, role, function, head, score, cues, second, evidence, drawn)


def _break_circles(head: list[int | None], central: int, cues: list[list[str]]) -> None:
    """No claim may come to bear on itself: a unit whose link would close a circle (two
    units each about the other) bears on the central claim instead."""
    for i in range(len(head)):
        seen, j = {i}, head[i]
        while j is not None and j not in seen:
            seen.add(j)
            j = head[j]
        if j == i and i != central:
            head[i] = central
            cues[i].append("its link would close a circle: a reason for the central claim")


def _about(
    i: int,
    central: int,
    hubs: list[int],
    points: dict[int, int],
    para: list[int],
    words: list[dict[str, float]],
    role: list[str],
    function: list[str],
    topic: int | None = None,
) -> tuple[int, str]:
    """The claim a unit with no cue is about, in a text of several paragraphs, and why:
    of its paragraph's point (``points``: the sentence concluding it, else its first),
    the text's claims of what ought to be (``hubs``) and the central claim, the one
    holding most of its weighed words (its own paragraph's a little ahead); the
    paragraph's point (or the central claim) when none shares enough. ``topic``, when
    given, stands for the paragraph's point: the author's reply to it, which the units
    after the reply argue for."""
    mine = sum(words[i].values()) or 1.0
    point = "paragraph's point" if topic is None else "author's reply before it"
    if topic is None:
        topic = points[para[i]]
    candidates = {central, *hubs}
    if topic != i and role[topic] == "pro":
        candidates.add(topic)
    if i in hubs:  # a claim of what ought to be bears on the central claim or another one
        candidates = {central, *(j for j in hubs if j != i)}
    candidates.discard(i)

    def fit(j: int) -> float:
        return _shared(i, j, words) / mine + ABOUT_NEAR * (para[j] == para[i])

    best = max(sorted(candidates), key=fit)
    if _shared(i, best, words) / mine >= ABOUT_MIN:
        if best == central:
            return central, "no cue: shares most of its words with the central claim"
        if best == topic:
            return best, f"no cue: supports the {point}, whose words it shares"
        return best, "no cue: supports the claim of what ought to be whose words it shares most"
    if topic not in (i, central) and role[topic] == "pro":
        return topic, f"no cue, in a paragraph: supports the {point}"
    return central, "no cue: a reason for the central claim"
