"""A first map of a text, proposed from cues a reader would use, offline.

:func:`split_units` cuts a text into candidate units: sentences, and clauses at the
connectives that open an argumentative move (``, but``, ``because``, ``although``...);
:func:`background` tells the news hook an article opens with (a dated event, told with no
argument) from its claims.
:func:`draft_structure` proposes, for a list of unit texts, the central claim, each unit's
role (the author's voice, ``pro``, or an objection the author raises, ``opp``), its
function (central claim, support, attack) and the unit it bears on, each decision with a
score (0-1) and the cues behind it.

The cues are hand-set and few, in English: modal verbs and opinion markers for a claim;
connectives that open a conclusion (therefore, so), a reason (because, since), an example,
an addition (moreover), a turn (but, however) or a concession (admittedly, of course, some
say); a unit's place in the text. In a text of several paragraphs, the central claim is
also read from where a thesis stands (the opening and closing paragraphs, a sentence that
concludes the whole text, the headline's words, the author's own voice: see
:func:`_central_score`). Nothing is fitted on any corpus, so nothing shipped is derived
from a corpus's data. ``bench/draft.py`` measures the cues on the Argumentative Microtext
Corpus, ``bench/essays.py`` the central claim on the Argument Annotated Essays.

Examples:
    >>> d = draft_structure([
    ...     "Admittedly, night work is noisy.",
    ...     "But the new cranes are quiet.",
    ...     "The harbour should open at night,",
    ...     "because the queues cost two million a year."])
    >>> d.central, d.role, d.function, d.head
    (2, ['opp', 'pro', 'pro', 'pro'], ['attack', 'attack', 'cc', 'support'], [2, 0, None, 2])
    >>> d.cues[3][0]
    'opens with a reason (because): supports the unit before'
    >>> d.evidence  # a figure reported, with no hedge: evidence
    [False, False, False, True]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Unit", "Drafted", "Explained", "DraftReport", "split_units", "draft_structure",
           "headline", "background", "article_units", "CLOSE"]  # fmt: skip

#: How much a unit's own paragraph counts ahead of the rest when finding what it is about
#: (a share of its weighed words), and the least share it must hold of a claim's words.
ABOUT_NEAR = 0.3
ABOUT_MIN = 0.3
#: How close (in cue points) a second candidate for the central claim must come to the
#: first to be named beside it.
CLOSE = 0.5


@dataclass(frozen=True)
class Unit:
    """A candidate unit of a text: where it stands (characters) and its words."""

    start: int
    end: int
    text: str


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


def _words(*items: str) -> re.Pattern:
    return re.compile(r"^\W*(?:" + "|".join(items) + r")\b", re.I)


_CONCLUSIVE = _words("therefore", "thus", "hence", "so", "consequently", "accordingly",
                     "that'?s why", "that is why", "for (?:this|these|all these) reasons?",
                     "in conclusion", "to sum up", "all in all", "in short", "overall",
                     "in the end", "as a result")  # fmt: skip
_REASON = _words("because", "since(?! \\d)", "for", "as", "after all", "given that", "due to",
                 "the reason is")  # fmt: skip
#: "For" and "As" opening a sentence are prepositions far more often than reasons ("For
#: decades", "As a final observation"); after a comma ("..., for ...") they give one.
_REASON_ANYWHERE = _words("because", "since(?! \\d)", "after all", "given that", "due to",
                          "the reason is")  # fmt: skip
#: A clause that states a condition of the clause it opens ("Unless X, Y"; "If X, Y").
#: Not "If anything, ..." nor a cleft ("If there is one tool ..., it is X"): no condition.
_CONDITION = _words("unless", r"if(?!\s+anything\b|\s+there(?:\s+is|'s|’s)\s+(?:one|any)\b)",
                    "only if", "provided that", "as long as")  # fmt: skip
_EXAMPLE = _words("for example", "for instance", "e\\.g\\.", "such as", "take")
_ADDITION = _words("and", "also", "moreover", "furthermore", "in addition", "besides",
                   "what'?s more", "additionally", "not to mention", "plus", "further",
                   "on top of that", "at the same time")  # fmt: skip
_TURN = _words("but", "however", "nevertheless", "nonetheless", "still", "yet", "even so",
               "on the other hand", "instead", r"though(?=\s*,)", "then again", "that said",
               "on the contrary")  # fmt: skip
#: A turn set off inside a sentence's first clause ("Most workers, however, already ...").
_TURN_INSIDE = re.compile(r"^[^,.;:!?]{1,80},\s*(?P<turn>however|though|nevertheless|"
                          r"nonetheless|on the contrary|by contrast|in contrast)\s*,",
                          re.I)  # fmt: skip


#: A word pointing back at what was said before ("taking this seriously").
_BACK = re.compile(r"\b(?:should|must|ought to|need to|needs to|has to|have to|require|"
                   r"requires)\s+(?:[\w'’-]+\s+){0,2}(?:this|these)\b(?=\s*[.,;:!?]|\s+\w+ly\b|"
                   r"\s+(?:into account|in mind|into consideration)\b)",
                   re.I)  # fmt: skip
#: A sentence rejecting the view just reported ("That reading mistakes rhetoric for
#: structure", "This argument ignores ..."): the author's reply to it.
_REJECTS = re.compile(
    r"^\W*(?:this|that|such an?|the|these|those)\s+(?:[\w'’-]+\s+)?(?:(?:piece|kind|sort|"
    r"bit|form) of\s+)?(?:reading|view|"
    r"argument|claim|assumption|idea|notion|logic|analysis|thinking|premise|reasoning|"
    r"narrative|story|fear|worry|criticism|objection|line of (?:argument|thinking)|"
    r"interpretation|belief|case)s?\s+(?:[\w'’-]+\s+)?(?:mistakes?|misses|miss|ignores?|"
    r"overlooks?|misreads?|confuses?|fails?|falls? apart|collapses?|is (?:mistaken|wrong|"
    r"flawed|misguided|misplaced|overblown|exaggerated|unfounded|false|naive|simplistic)|"
    r"are (?:mistaken|wrong|flawed|misguided|misplaced|overblown|exaggerated|unfounded|"
    r"false)|does not (?:hold|survive|stand|fit)|do not (?:hold|survive|stand|fit)|"
    r"(?:has|have) never (?:sat|rested) well with (?:me|us)|(?:does|do)(?:n't| not) "
    r"(?:hold (?:up|water)|add up|sit well with (?:me|us)|stand up to scrutiny))\b"
    r"|^\W*(?:this|that|they|he|she|it|critics|opponents|both|all)\s+(?:is|are|was|were)\s+"
    r"(?:simply |just |plainly |flatly |quite |all )?(?:wrong|mistaken|false|untrue|nonsense|"
    r"a myth|not true|not so)(?=\s*[.;,!:]|\s*$|\s+(?:because|for|since|on)\b)"
    r"|^\W*(?:nothing could be further from the truth|not so\b|far from it\b)"
    # "It's good rhetoric, but cheap argument", "That is a myth"
    r"|^\W*(?:this|that|it|they)(?:'s|’s|'re|’re|\s+is|\s+are|\s+was|\s+were)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:rhetoric|spin|nonsense|a myth|myth|hyperbole|scaremongering|"
    r"fearmongering|a red herring|a straw man|wishful thinking)\b"
    # "The board's own forecast says the opposite", "the figures suggest otherwise"
    r"|\b(?:says?|shows?|showed|suggests?|tells?|finds?|found|points? to|indicates?|"
    r"proves?|proved) (?:quite |exactly |just )?(?:the (?:opposite|contrary|reverse)|"
    r"otherwise|a different story)\b",
    re.I)  # fmt: skip


#: A view told as others' after the fact, in words that keep the author's distance ("...
#: are bad, they rant", "..., critics claim").
_POSTPOSED = re.compile(
    r"[,;]\s*(?:they|critics|opponents|skeptics|sceptics|detractors|naysayers|candidates|"
    r"politicians|some|others|campaigners)\s+(?:rant|rants|ranted|cry|cries|cried|complain|"
    r"complains|complained|insist|insists|insisted|claim|claims|claimed|allege|alleges|"
    r"alleged|grumble|grumbles|grumbled|whine|whines|whined|protest|protests|protested)\b",
    re.I,
)
#: "Reagan was wrong.": a named person's view, rejected.
_NAMED_WRONG = re.compile(
    r"^\W*(?:(?:[A-Z][\w'’.-]*\s+){1,3}|(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:mayor|minister|"
    r"president|senator|governor|author|writer|columnist|critic|editorial|column|article|"
    r"report|study|board|council|government|administration|committee)\s+)(?:is|was|are|"
    r"were)\s+(?:simply |just |dead |plainly |flatly |quite )?(?:wrong|mistaken)\b"
)


def _rejection(text: str) -> str:
    """The words with which a unit rejects the view just reported (:data:`_REJECTS`, or a
    named person's view called wrong), or ""."""
    return _cue(_REJECTS, text) or _cue(_NAMED_WRONG, text)


def _against(text: str) -> str:
    """How a unit goes against the one before it, and what that makes the one before, for
    a cue."""
    if _TURN.search(text):
        return f"turns against it ({_cue(_TURN, text)}): an objection the author concedes"
    return f"rejects it ({_rejection(text)}): a view the author reports to answer it"


#: A sentence telling what was shown or found: evidence, not the point it bears on.
_SHOWN = re.compile(r"\b(?:ha(?:ve|s) (?:made (?:it )?clear|shown|demonstrated|revealed|"
                    r"confirmed|proved|proven)|(?:made (?:it )?clear|showed|demonstrated|"
                    r"revealed|confirmed|proved|found) that|^\W*according to|a (?:recent )?"
                    r"(?:study|survey|poll|report) (?:by|from|of|found|shows))\b",
                    re.I)  # fmt: skip


def _cued(text: str) -> bool:
    """Whether a unit opens with a connective that gives it a role of its own."""
    return bool(_reason(text) or _EXAMPLE.search(text) or _CONCESSION.search(text)
                or _ADDITION.search(text) or _turns(text) or _CONCLUSIVE.search(text)
                or _CONDITION.search(text) or _CONSEQUENCE.search(text))  # fmt: skip


_NOT_A_NOUN = "".join(
    rf"(?<!\b{w}\s)"
    for w in (
        "the",
        "a",
        "its",
        "his",
        "her",
        "their",
        "our",
        "your",
        "my",
        "military",
        "economic",
        "naval",
        "political",
        "free",
        "good",
        "ill",
        "own",
        "full",
        "national",
        "popular",
    )
)


#: A discourse marker that says nothing was said: "Having said that", "That said".
_SAID_THAT = re.compile(r"\b(?:having said (?:that|this)|that said|this said|needless to say|"
                        r"so to speak)\b", re.I)  # fmt: skip
_NUMBER = (
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|thousand)"
)
#: What a unit reports: a thing done or said (the present perfect, the past with an
#: auxiliary, a verb of saying), a finding ("underscores this", "shows"), a year or a figure.
_REPORTED_FACT = re.compile(
    r"\b(?:ha(?:s|ve)\s+(?:\w+ly\s+|already\s+|long\s+|not\s+|never\s+|since\s+)?"
    r"(?:been|[a-z]+ed|said|made|shown|seen|stood|grown|begun|become|done|given|taken|"
    r"written|told|found|brought|led|met|kept|held|paid|won|lost|set|sent|spent|built|known|"
    r"left|run|come|fallen|risen)|(?:was|were|had|did)\s+(?:\w+ly\s+|not\s+)?[a-z]+|"
    r"(?:said|stated|announced|told|reported|declared|wrote|testified|promised|pledged|"
    r"vowed|found|showed|revealed)|(?:underscores?|underlines?|shows|demonstrates|"
    r"illustrates|confirms|attests to|bears? (?:this )?out)|(?:in|since|by) (?:19|20)\d\d|"
    rf"{_NUMBER}\s*(?:%|per ?cent|percent|million|billion|trillion)|by (?:about |nearly |"
    r"almost |roughly |more than |over |some )?(?:a|one|two|three|half) (?:third|quarter|"
    r"fifth|tenth|half)s?|"
    rf"(?:{_NUMBER}|a)\s+(?:[a-z]+\s+)?(?:in (?:a|{_NUMBER})|(?:kilomet|met|mile|minut|"
    r"hour|second|kilo|ton|dollar|euro|pound)[a-z]*(?: an?| per)))\b",
    re.I)  # fmt: skip
#: A word that makes a unit the author's claim rather than a report: a hedge, a forecast,
#: an evaluation of what is possible.
_HEDGE = re.compile(r"\b(?:may|could|would|shall|cannot|can't|won't|likely|unlikely|possible|"
                    r"possibly|probably|perhaps|seems?|appears?|no longer|remains?|"
                    # "might", "will", "can" as verbs, not nouns ("military might",
                    # "political will")
                    rf"{_NOT_A_NOUN}(?:might|will|can))\b", re.I)  # fmt: skip


#: A verdict, not a report: "Reagan was wrong", "the plan was a mistake".
_VERDICT = re.compile(r"\b(?:is|was|are|were|be|been)\s+(?:\w+ly\s+)?(?:(?:a|an)\s+(?:\w+\s+)?)?"
                      r"(?:wrong|right|mistaken|correct|incorrect|false|true|untrue|good|bad|"
                      r"better|worse|best|worst|fair|unfair|just|unjust|absurd|foolish|wise|"
                      r"unwise|misguided|dangerous|reckless|irresponsible|shameful|disgrace|"
                      r"mistake|failure|success|scandal|folly|triumph|disaster)\b",
                      re.I)  # fmt: skip


def _reports(text: str) -> str:
    """What a unit reports, as evidence (see :data:`_REPORTED_FACT`), or "": a unit with
    a modal verb, a hedge, a forecast, a verdict ("was wrong") or the author's view is a
    claim, whatever it reports (what a unit says was shown is evidence even if hedged); so
    is a question."""
    if (_MODAL.search(text) or _OUGHT.search(text) or _STANCE.search(text)
            or _OPINION.search(text) or _CONCESSION.search(text) or _CONDITION.search(text)
            or "?" in text):  # fmt: skip
        return ""
    text = _SAID_THAT.sub("", text)
    if m := _SHOWN.search(text):  # what was shown, whatever it says
        return m.group(0).strip(" ,.;:").lower()
    m = None if _HEDGE.search(text) or _VERDICT.search(text) else _REPORTED_FACT.search(text)
    return m.group(0).strip(" ,.;:").lower() if m else ""


#: A sentence saying that what comes next bears out what was said before ("The evidence
#: backs up the intuition", "The numbers confirm it").
_BACKS_UP = re.compile(
    r"^\W*(?:the|this|that|such) (?:\w+ )?(?:evidence|data|research|numbers|figures|record|"
    r"facts|history|experience) (?:\w+ )?(?:backs? up|bears? (?:\w+ )?out|confirms?|supports?|"
    r"shows? (?:this|it)|agrees?)\b", re.I)  # fmt: skip
#: A sentence proposing the means to the end the one before names ("To that end, ...").
_MEANS = _words("to (?:this|that|these|those) ends?", "towards? (?:this|that) (?:end|goal|aim)",
                "for (?:this|that) purpose", "to (?:do|achieve|accomplish) (?:so|this|that)",
                "with (?:this|that) (?:aim|goal|in mind)")  # fmt: skip
#: What the author grants in their own voice ("Admittedly, ...", "Of course, ..."); "Yes,
#: ..." opening a paragraph too. What follows it is the author's again, not the granted
#: view's reason.
_GRANTING = ("admittedly", "of course", "granted", "to be sure", "it is true", "it'?s true",
             "true(?=,)", "certainly", "sure(?=,)")  # fmt: skip
_YES = _words("yes")
_GRANTED = _words(*_GRANTING, "yes")
#: A reason counted off as the author's own ("First, ...", "To begin with, ...").
_ORDINAL = _words("first(?:ly)?", "second(?:ly)?", "third(?:ly)?", "fourth(?:ly)?", "finally",
                  "first of all", "to begin with", "to start with", "lastly")  # fmt: skip
#: A unit denying something ("did not fall", "never happened", "no evidence").
_NEGATED = re.compile(r"\b(?:not|never|no|none|nothing|neither|nor)\b|n't\b", re.I)
_ONE_HAND = _words("on the one hand")
_OTHER_HAND = _words("on the other hand", "on the other")


def _turns(text: str) -> str:
    """The word with which a unit turns against the one before ("But ...", "Most workers,
    however, ..."), or ""."""
    if m := _TURN.search(text):
        return m.group(0).strip(" ,.;:").lower()
    if m := _TURN_INSIDE.search(text):
        return m.group("turn").lower()
    return ""


_CONCESSION = _words(*_GRANTING, "although", "even though",
                     "though", "while", "whereas", "on the one hand", "some (?:people )?"
                     "(?:say|argue|claim|think|believe|object)", "critics", "opponents",
                     "one (?:might|could|may) (?:say|argue|object)",
                     "it (?:could|might|may) be (?:argued|said|objected)",
                     "many (?:people )?(?:say|argue|claim|think|believe)", "even if",
                     "indeed", "clearly", "some (?:may|might|will)",
                     "(?:\\w+ ){1,3}(?:may|might) (?:think|find|say|argue|believe)",
                     "(?:[\\w']+ ){1,4}(?:will|would|may|might|could) (?:object|complain|"
                     "protest|say that|argue that)",
                     # "Shopkeepers fear that ...": a worry or a complaint reported, not the
                     # author's own view
                     "(?!(?:i|we)\\b)(?:[\\w'’-]+ ){1,3}(?:fear|fears|worry|worries|"
                     "complain|complains|object|objects|protest|protests|allege|alleges)"
                     "(?: that)?")  # fmt: skip
_MODAL = re.compile(r"\b(?:should|must|ought to|need to|needs to|has to|have to|had better|"
                    # "The better course is to ...", "the answer is to ...": a recommendation
                    r"the (?:better|best|right|wiser|wisest|sensible|prudent|only sensible) "
                    r"(?:course|way(?: forward)?|path|option|choice|policy|approach|thing to do|"
                    r"thing) (?:is|would be|remains) to|the (?:answer|solution|remedy|cure|fix) "
                    r"(?:is|would be|lies in) (?:to|in)|"
                    r"it is (?:necessary|essential|time)|would be (?:better|best|wise)|"
                    r"is (?:a must|necessary)|(?:i|we) (?:\w+ly )?(?:urge|implore|call on|"
                    r"appeal to|hope that|hope the)|(?:^\W*|[,;:]\s+|\b(?:so|and|then|now|"
                    r"instead)\s+)let(?:'s|’s| us) (?!say\b|see\b|assume\b|suppose\b|"
                    r"imagine\b|consider\b|look\b|face it\b|be honest\b|be clear\b))"
                    r"\b", re.I)  # fmt: skip
#: What ought to be done, said without a modal verb: "it makes sense to", "it will be
#: essential", "will require".
_OUGHT = re.compile(r"\b(?:makes? (?:good )?sense to|it (?:is|will be|would be) (?:essential|"
                    r"important|vital|crucial|imperative|prudent|wise)|(?:will|would) "
                    r"(?:require|demand)|(?:requires?|demands?) (?:[\w'’-]+ ){1,4}?to|"
                    r"would do well to|cannot afford to|it is time to)\b",
                    re.I)  # fmt: skip
#: A subordinate clause giving what a source recommends, requires or finds ("While the
#: WHO recommends ..., only ..."): evidence the main clause builds on, not a concession.
_EVIDENTIAL = re.compile(r"^\W*(?:while|whereas|although|though)\s+(?:[\w'’.-]+\s+){1,6}?"
                         r"(?:recommends?|advises?|requires?|mandates?|prescribes?|shows?|"
                         r"showed|finds?|found|estimates?|estimated|reports?|reported|"
                         r"concludes?|concluded)\b", re.I)  # fmt: skip
#: When a news hook's event happened: a weekday, a date, "last week", "yesterday".
_WHEN = re.compile(r"\b(?:(?:on |last |this |next )?(?:monday|tuesday|wednesday|thursday|"
                   r"friday|saturday|sunday)|yesterday|(?:last|this) (?:week|weekend|month|"
                   r"morning|night)|earlier (?:this|in the) (?:week|month|year)|on (?:jan|feb|"
                   r"mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2})\b",
                   re.I)  # fmt: skip
#: What happened at it: an event told in the past tense.
_EVENT = re.compile(r"\b(?:announced|introduced|launched|unveiled|released|signed|said|told|"
                    r"met|visited|opened|closed|gathered|held|published|declared|proposed|"
                    r"voted|passed|arrived|hosted|took place|began|started|filed|sued|"
                    r"ruled|won|lost)\b", re.I)  # fmt: skip
_OPINION = re.compile(r"\b(?:i think|i believe|in my (?:opinion|view)|i am convinced|"
                      r"i'?m convinced|we should|we must|i would argue|i argue)\b",
                      re.I)  # fmt: skip


def _opens_sentence(text: str) -> bool:
    """Whether a unit starts a sentence (its first letter a capital), not a clause."""
    letters = text.lstrip(" \"'“‘([")
    return bool(letters) and letters[0].isupper()


def _new_sentence(units: list[str], i: int) -> bool:
    """Whether unit ``i`` starts a sentence: the unit before ends one (a stop), or does not
    end inside one (a comma, a semicolon, a dash) and this one opens with a capital. A
    name does not make a main clause a sentence ("Although X, Proposal B would ...")."""
    if i == 0:
        return True
    before = units[i - 1].rstrip().rstrip("\"'”’)]")
    if before.endswith((".", "!", "?", "…")):
        return True
    if before.endswith((",", ";", ":", "–", "—", "-")):
        return False
    return _opens_sentence(units[i])


def _reason(text: str) -> re.Match | None:
    """The reason connective a unit opens with (see :data:`_REASON_ANYWHERE`)."""
    return (_REASON_ANYWHERE if _opens_sentence(text) else _REASON).search(text)


#: Words that open the conclusion of a whole text, not of one paragraph's step.
_TEXT_CONCLUSION = _words(
    "in conclusion",
    "to conclude",
    "to sum up",
    "to summari[sz]e",
    "in summary",
    "in sum",
    "all in all",
    "all things considered",
    "taking everything into account",
    "overall",
    "in short",
    "in the final analysis",
    "ultimately",
    "to sum (?:it|this|everything) up",
    "(?:to put it )?in a nutshell",
    "(?:taking|taken) (?:all|everything|all (?:of )?(?:these|those|the above)"
    "(?: \\w+)?) into (?:account|consideration)",
    "considering (?:all|everything|the above)",
    "in (?:the )?light of (?:all|the above|these|everything)",
    "for (?:all )?(?:the|these|those) (?:above |above-mentioned )?reasons",
    "(?:from|given) (?:all )?(?:the|these) (?:reasons|facts|arguments)",
    "(?:[\\w'’-]+,? ){0,8}(?:(?:i|we|one) (?:can|could|may|might|would|must) "
    "(?:easily |safely |therefore )?(?:conclude|reach the conclusion|draw the conclusion|"
    "come to the conclusion)|it can (?:easily |safely )?be (?:concluded|deduced))",
)
_STANCE = re.compile(r"\b(?:i (?:strongly |firmly |would |do |really |still |totally |"
                     r"definitely |personally |myself |\w+ly |(?:do|would) \w+ly )?"
                     r"(?:think|believe|agree|disagree|contend|"
                     r"argue|maintain|hold|feel|suppose|prefer|advocate|assert|support|oppose|"
                     r"object to|am in favou?r)|in my (?:personal |humble )?(?:opinion|view|"
                     r"estimation|judge?ment|point of view)|"
                     r"from my (?:point of view|perspective|standpoint|view)|"
                     r"to my mind|my (?:own )?(?:view|opinion|position) is|personally|"
                     r"i am (?:absolutely |totally |quite |fully )?(?:convinced|certain|sure)|"
                     r"i'?m (?:absolutely |totally )?(?:convinced|certain|sure)|"
                     r"as far as i am concerned|it seems to me)\b", re.I)  # fmt: skip
#: A unit that speaks of the text itself ("this essay will discuss", "for the following
#: reasons", "I agree with this statement"): it announces a claim, it does not make one.
_META = re.compile(r"\b(?:(?:this|these|the following|the above|following)\s+(?:\w+\s+)?"
                   r"(?:reasons?|essay|article|paper|statement|affirmation|viewpoint|"
                   r"points? of view|view|opinion|belief|idea|question|issue|topic|matter|"
                   r"misconcept\w*)|(?:two|three|several|my|main|some)\s+(?:\w+\s+)?reasons|"
                   r"(?:the latter|the former|the first|the second|the other)\s+(?:\w+\s+)?"
                   r"(?:opinion|view|group|statement|side|idea|position|one))\b"
                   r"|\bhere are\b|\bwill (?:be )?(?:discuss|explain|examin|outlin|present|"
                   r"elaborat)\w*|\bas follows\b|\b(?:above-?\s?mentioned|aforementioned|"
                   r"(?:mentioned|discussed|stated|given|described) above)\b", re.I)  # fmt: skip
_BALANCED = re.compile(
    r"\b(?:pros and cons|advantages and disadvantages|merits and demerits|"
    r"benefits and drawbacks|strengths and weaknesses|positive and negative "
    r"(?:aspects|sides|effects|impacts)|both sides|two sides)\b",
    re.I,
)
#: A sentence that draws the consequence of the one before ("This means...", "In the
#: short term, this will mean..."): the one before is its reason.
_CONSEQUENCE = re.compile(r"^\W*(?:[\w'’-]+(?:\s+[\w'’-]+){0,3},\s*)?(?:this|that|which|all "
                          r"this|these)\s+(?:will |would |could |should |must )?(?:means?|"
                          r"requires?|impl(?:y|ies)|entails?|calls? for|demands?)\b",
                          re.I)  # fmt: skip
#: A sentence that opens by pointing back at the one before ("This will mean...").
_ANAPHORIC = re.compile(r"^\W*(?:this|these|those|such|it)\b(?!(?:'s|\s+is|\s+was|\s+would be|"
                        r"\s+will be|\s+seems)\s+(?:\w+\s+){0,2}?\w+\s+(?:to|that)\b)",
                        re.I)  # fmt: skip
#: Another's view reported ("many believe that...", "some employers still think..."): the
#: text's thesis is its author's.
_REPORTED = re.compile(r"\b(?:some|many|most|others|critics|opponents|proponents|supporters|"
                       r"people|they|experts)\b(?:\s+\w+){0,3}?\s+(?:believe|think|argue|"
                       r"claim|say|feel|contend|maintain|insist|suggest)s?\b"
                       # "... opened his column with his opinion that ...", "the mayor argued
                       # that ...": another's view, told
                       r"|\b(?:his|her|their) (?:own )?(?:opinion|view|claim|argument|"
                       r"contention|belief|assertion|position|premise) that\b"
                       r"|(?<!\bi )(?<!\bwe )\b(?:argued|wrote|claimed|asserted|contended|"
                       r"opined|insisted|argues|writes|claims|asserts|contends|insists|"
                       r"suggested|suggests|maintained|maintains|warned|warns|predicted|"
                       r"predicts|declared|declares|alleged|alleges) that\b",
                       re.I)  # fmt: skip


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


def _places(units: list[str], para: list[int], title: str | None) -> list[_Place | None]:
    """Each unit's :class:`_Place`; all None in a text of fewer than three paragraphs (a
    short text is read by its cues alone). A first paragraph of one short unit is the
    text's headline: it counts as the title, not as the opening."""
    order = sorted(set(para))
    headline = (len(order) >= 4 and para.count(order[0]) == 1
                and len(units[0].split()) <= 25)  # fmt: skip
    if headline:
        title = title or units[0]
        order = order[1:]
    count = len(order)
    if count < 3:
        return [None] * len(units)
    rank = {p: k for k, p in enumerate(order)}
    for p in para:
        rank.setdefault(p, -1)  # the headline
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
    out: list[_Place | None] = []
    for i in range(len(units)):
        other = [j for j in range(len(units))
                 if (opening[j] and closing[i]) or (closing[j] and opening[i])]  # fmt: skip
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
        ))  # fmt: skip
    return out


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
    if conceded:
        score -= 2.0
        why.append("the next unit turns against it (but, however...): a concession")
    if _MODAL.search(text):
        score += 1.5 if place is None else 1.0
        why.append("a modal verb (should, must...): a claim of what ought to be")
    if _OPINION.search(text) or (place is not None and _STANCE.search(text)):
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
        else:
            score += 2.0 if sentence else 0.5
            why.append(
                "opens with a conclusion (therefore, so...)"
                if sentence
                else "a clause of result (so, thus...)"
            )
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
        if _META.search(text):
            score -= 1.5
            why.append(
                "speaks of the text itself (this statement, these reasons...): "
                "announces a claim rather than making it"
            )
        if _BALANCED.search(text) and not (_STANCE.search(text) or _MODAL.search(text)):
            score -= 1.5
            why.append("weighs both sides (pros and cons...): frames the question, not the thesis")
        if _REPORTED.search(text) and not _STANCE.search(text):
            score -= 1.5
            why.append("reports what others hold: less likely the author's thesis")

    if _reason(text):
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


def _cue(pattern: re.Pattern, text: str) -> str:
    m = pattern.search(text)
    return m.group(0).strip(" ,.;:").lower() if m else ""


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
    conceded = [i + 1 < n and bool(_rejection(units[i + 1])
                                   or (para[i + 1] == para[i] and _TURN.search(units[i + 1])))
                for i in range(n)]  # fmt: skip
    answered = [i + 1 for i in range(n)]  # the unit going against each conceded one
    # A view reported as others' ("The Republicans have suggested that X, because Y.") that
    # the next sentence rejects ("This piece of reasoning has never sat well with me."); the
    # reason it was given with is the view's, not conceded of its own.
    for i in range(n):
        if _REPORTED.search(units[i]) and not _STANCE.search(units[i]) and not conceded[i]:
            k = next((k for k in range(i + 1, n) if _new_sentence(units, k)), n)
            if k < n and _rejection(units[k]):
                conceded[i], answered[i] = True, k
                for j in range(i + 1, k):
                    conceded[j] = conceded[j] and not _reason(units[j])
    places = _places(units, para, title)
    # What each unit reports, if it is a report (evidence), once.
    reported = [_reports(t) for t in units]
    scored = [_central_score(i, t, n, conceded[i] and not _CONCLUSIVE.search(t), places[i])
              for i, t in enumerate(units)]  # fmt: skip
    words = _unit_words(units) if several else []
    central = max(range(n), key=lambda i: (scored[i][0], -i))
    role = ["pro"] * n
    function = ["support"] * n
    head: list[int | None] = [central] * n
    score = [0.5] * n
    cues: list[list[str]] = [[] for _ in range(n)]
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
            and (_MODAL.search(t) or _OUGHT.search(t) or _STANCE.search(t)) and not _reason(t)
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
        if (
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
            role[i], function[i], head[i], score[i] = "opp", "support", before, 0.55
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
              and (answers := [j for j in range(i) if para[j] in order[:2] and role[j] == "pro"
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
    _break_circles(head, central, cues)
    evidence = [i != central and role[i] == "pro" and bool(reported[i]) for i in range(n)]
    for i in range(n):
        if evidence[i]:
            cues[i].append(f"reports what happened, was said or was found ({reported[i]}), "
                           "with no modal, hedge or view of its own: evidence")  # fmt: skip
    return Drafted(central, role, function, head, score, cues, second, evidence)


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
    return [{w: math.log((n + 1) / df[w]) for w in words} for words in found]


def _shared(i: int, j: int, words: list[dict[str, float]]) -> float:
    """How much two units share: the weights of their common words."""
    return sum(words[i][w] for w in words[i].keys() & words[j].keys())


def _closest(i: int, candidates: list[int], words: list[dict[str, float]]) -> tuple[int, float]:
    """The candidate sharing the most with unit ``i`` (the first on a tie), and how much."""
    best = max(candidates, key=lambda j: (_shared(i, j, words), -candidates.index(j)))
    return best, _shared(i, best, words)


_ABBREVIATIONS = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|vs|etc|e\.g|i\.e|U\.S|U\.K|No|Jr|Sr|"
                            r"Inc|Ltd|Gen|Sen|Rep|Gov|approx|ca|cf|Fig|al|Col|Lt|Capt|Sgt|Rev|Hon|"
                            r"Mt|Ave|Dept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|"
                            r"Dec)\.$")  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_CLAUSE = re.compile(r"(?:,|;|:|\s[–—-])\s+(?=(?:but|because|since|although|though|whereas|"
                     r"while|so that|so|which means|and|for|unless|even if|as|"
                     r"as a result|even though|however|yet)\b)|;\s+|\s(?=(?:because|unless)\b)",
                     re.I)  # fmt: skip
#: Connectives that join two clauses or two predicates of one subject ("Japan should hope
#: for the best, but prepare for the worst"): a cut is made only before a clause of its own.
_COORDINATING = {"but", "and", "yet", "so", "for", "or", "as"}
#: Connectives that concede: a cut before one needs a clause after it.
_CONCEDING = {"while", "although", "though", "whereas"}
#: What follows a connective with no clause of its own: a preposition, a participle.
_NO_CLAUSE = re.compile(r"\s*(?:in|on|at|for|with|without|under|within|during|after|before|"
                        r"not|still|perhaps|possibly|often|[a-z]+ing|[a-z]+ed)\b")  # fmt: skip
#: Words a clause's own subject opens with (besides a name, a number or a quote).
# A word list reads best as words.
_SUBJECT = frozenset(
    """i you he she it we they this that these those there one here the a an its his her their
our my your some many most much few no every each all both such any another other several
neither either nobody everyone someone anyone nothing everything something what who which
whoever whatever not only others once when whenever if because since although though while
after before unless until how why where moreover furthermore also then still indeed
besides instead""".split()  # noqa: SIM905
)


#: Words that join the parts of a name or a list ("the Bank of England", "India and
#: Japan"): never a clause's predicate.
_LINKING = frozenset("of and or the a an for in on at to de del von van da la le".split())  # noqa: SIM905


def _clause_cuts(text: str, start: int, end: int) -> list[re.Match]:
    """Where :data:`_CLAUSE` cuts ``text[start:end]``: not before a coordinating
    connective whose clause has no subject of its own (a second predicate)."""
    out = []
    for m in _CLAUSE.finditer(text, start, end):
        rest = text[m.end() : end]
        word = re.match(r"\s*([A-Za-z]+)", rest)
        if word and word.group(1).lower() in _COORDINATING and not _own_subject(rest[word.end() :]):
            continue
        if word and word.group(1).lower() in _CONCEDING:
            after = rest[word.end() :]
            if _NO_CLAUSE.match(after):
                continue  # no clause of its own: ", while in mindful of ...", ", while keeping"
            # Set off between a subject and its verb: "The sharing of weapons, though X,
            # invites Y": the sentence's clause goes on after it.
            close = re.match(r"[^,;:.!?]*,\s*([a-z][\w'’-]*)", after)
            if (close and close.group(1) not in _SUBJECT and close.group(1) not in _COORDINATING
                    and _verbless(text[start : m.start()])):  # fmt: skip
                continue
        if (word and word.group(1).lower() in ("and", "or") and "," in text[start : m.start()]
                and _verbless(rest[word.end() :])):  # fmt: skip
            continue  # the last item of a list: "... A cleaner, B larger, and C stronger."
        if (
            word
            and word.group(1).lower() == "however"
            and m.group(0).startswith(",")
            and not _own_subject(rest[word.end() :].lstrip().removeprefix(","))
        ):
            continue  # set off inside its clause: "North Korea, however, remains ..."
        if (
            word
            and word.group(1).lower() == "as"
            and (_aside(rest[word.end() :]) or _COMPARATIVE.match(rest[word.end() :]))
        ):
            continue
        out.append(m)
    return out


#: An "as" clause ending its sentence that compares, with its verb left out ("..., as it
#: has planned to do since 2022.", "..., as it did in 2019.", "..., as promised."): part of
#: the clause before it, not a reason.
_COMPARATIVE = re.compile(
    r"\s*(?:(?:[\w'’-]+\s+){1,4}?(?:(?:to\s+)?(?:do|does|did|done)|so|has|have|had|is|are|"
    r"was|were|can|could|will|would|should|must)|(?:expected|promised|planned|agreed|"
    r"intended|required|needed|usual|before|always))\b\s*(?:(?:since|in|for|over|during|last|"
    r"this|before|after|until)\b[^,;:]*)?[.!?]?[\"'”’)]*\s*$", re.I)  # fmt: skip


def _aside(rest: str) -> bool:
    """Whether an "as" clause is an aside inside its sentence (", as X suggests, ...",
    ", as it has in recent years, to ..."): a few words closed by a comma, the sentence
    going on after it."""
    comma = rest.find(",")
    return comma > 0 and len(rest[:comma].split()) <= 8 and bool(rest[comma + 1 :].strip(" .!?"))


#: The auxiliaries and the copula: a verb that goes on with a predicate or makes a clause.
_AUXILIARIES = frozenset(
    ["be", "been", "is", "are", "was", "were", "have", "has", "had", "do", "does", "did",
     "can", "could", "will", "would", "should", "may", "might", "must"]
)  # fmt: skip
#: A finite verb a clause holds (an auxiliary, the copula, a negated one).
_FINITE = _AUXILIARIES | {"am", "shall", "isn't", "aren't", "wasn't", "weren't", "won't",
                          "can't", "don't", "doesn't", "didn't"}  # fmt: skip


def _verbless(rest: str) -> bool:
    """Whether the words up to the end of the sentence hold no auxiliary, no copula and no
    past form: an item of a list, not a clause."""
    clause = re.split(r"[;:.!?]", rest, maxsplit=1)[0]
    words = [w.lower() for w in re.findall(r"[\w'’-]+", clause)]
    return not any(w in _FINITE or w.endswith("ed") for w in words)


def _own_subject(rest: str) -> bool:
    """Whether the words after a connective open a clause with its own subject: the first
    word after any aside set off by commas (", as X suggests,") is a pronoun, a
    determiner, a name, a number or a quote."""
    rest = rest.lstrip()
    if rest.startswith(","):
        close = rest.find(",", 1)
        rest = rest[close + 1 :] if close > 0 else rest[1:]
    rest = rest.lstrip()
    first = re.match(r"\W*?([\"“‘']?)([\w'’-]+)", rest)
    if first is None:
        return False
    quote, word = first.groups()
    word = re.split(r"['’]", word)[0] or word  # it's, they're, Japan's
    if word[0].isupper() and word.lower() not in _SUBJECT:
        # A name opens a clause only if a predicate follows it: "and Japan agreed" is a
        # clause, "and South Korea." the last item of a list.
        clause = re.split(r"[;:.!?]", rest[first.end() :], maxsplit=1)[0]
        return any(w[0].islower() and w.lower() not in _LINKING
                   for w in re.findall(r"[\w'’-]+", clause))  # fmt: skip
    return bool(quote) or word[0].isdigit() or word.lower() in _SUBJECT


def _cut(text: str, start: int, end: int, at: Iterable[re.Match], keep_end: bool) -> list[tuple]:
    pieces, last = [], start
    for m in at:
        # A sentence keeps its stop; a clause keeps the comma or semicolon that ends it.
        cut = m.end() if keep_end else m.start() + (text[m.start()] in ",;:")
        if keep_end and _ABBREVIATIONS.search(text[last:cut]):
            continue
        if text[last:cut].strip():
            pieces.append((last, cut))
        last = m.end()
    if text[last:end].strip():
        pieces.append((last, end))
    return pieces


#: A sentence opening with a subordinate concession or condition ("While X, Y"; "Although
#: X, Y"): its main clause starts after the comma that closes it.
_SUBORDINATE = re.compile(r"^\W*(?:while|although|though|even though|whereas|even if|"
                          r"despite|unless|if|when|whether)\b", re.I)  # fmt: skip


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence's clauses: cut at the connectives of :data:`_CLAUSE`; a first clause
    that opens with a subordinate concession or condition is cut from its main clause at
    its last comma (an aside inside it, "including ...", stays with it)."""
    pieces = _cut(text, start, end, _clause_cuts(text, start, end), keep_end=False)
    if not pieces:
        return pieces
    first_start, first_end = pieces[0]
    first = text[first_start:first_end]
    if _SUBORDINATE.search(first):
        comma = _main_clause_at(first)
        if comma > 0:
            pieces[0:1] = [(first_start, first_start + comma + 1),
                           (first_start + comma + 2, first_end)]  # fmt: skip
    return pieces


#: Words after a comma that go on with the clause before it, not open the main clause.
_ASIDE_OPENERS = frozenset(
    ["which", "who", "whom", "whose", "including", "especially", "particularly", "notably",
     "as", "and", "or", "nor"]
)  # fmt: skip


#: Words after a comma that go on with the predicate before it (", be registered ...").
_GOES_ON = _AUXILIARIES | {"being", "to"}


def _main_clause_at(first: str) -> int:
    """Where a sentence opening with a subordinate clause ("Although X, Y") turns to its
    main clause: the first comma after which a clause with its own subject begins, else
    the last comma not followed by an aside ("including ...", ", which ...") or a verb
    going on with the clause before (", be registered ..."), with three words or more on
    either side; -1 if there is none."""
    fallback = -1
    for m in re.finditer(r", ", first):
        comma, rest = m.start(), first[m.end() :]
        word = re.match(r"\W*([\w'’-]+)", rest)
        if (word is None or word.group(1).lower() in _ASIDE_OPENERS
                or word.group(1).lower() in _GOES_ON
                or len(first[:comma].split()) < 3 or len(rest.split()) < 3):  # fmt: skip
            continue
        if _own_subject(rest):
            return comma
        fallback = comma
    return fallback


#: A piece that is a discourse marker alone ("To sum up,", "In my opinion,"): it goes with
#: the clause it opens.
_MARKER = (
    r"(?:in conclusion|to conclude|to sum up|in sum|in summary|all in all|overall|"
    r"in short|(?:in|from) my (?:own )?(?:opinion|(?:point of )?view)|personally|"
    r"first(?:ly)?|second(?:ly)?|third(?:ly)?|finally|first of all|on the other hand|"
    r"however|moreover|furthermore|in addition|therefore|thus|hence|so|for example|"
    r"for instance|of course|in fact|indeed|above all|after all|in other words)"
)
_MARKER_ONLY = re.compile(rf"\W*{_MARKER}(?:\W+{_MARKER})*\W*", re.I)
#: A piece that only leads into the next: "In conclusion, from the above views,"; "my
#: point of view is that,".
_LEAD_IN = re.compile(
    r"(?:.*\bthat|\W*(?:in conclusion|to conclude|to sum up|in sum|in summary|"
    r"all in all|overall|in short)\W+(?:\w+\W+){0,4})\W*[,:]?\s*",
    re.I | re.S,
)


def _tiny(piece: str) -> bool:
    """Whether a clause is too short to stand alone: under three words, or a marker."""
    piece = piece.strip()
    return (len(piece.split()) < 3 or _MARKER_ONLY.fullmatch(piece) is not None
            or _LEAD_IN.fullmatch(piece) is not None)  # fmt: skip


def _heading(para: str) -> bool:
    """Whether a paragraph is a heading, a byline or a caption: short, with no closing
    stop."""
    return len(para.split()) < 16 and not para.rstrip().endswith((".", "!", "?", '"', "”"))


def _title_case(para: str) -> bool:
    """Whether a short paragraph is written in title case ("Sanctions Are Part of a Failed
    Playbook. Stop Relying on Them."): a headline, whatever its stops."""
    words = re.findall(r"[A-Za-z][\w'’-]*", para)
    long = [w for w in words if len(w) > 3]
    return (len(para.split()) < 25 and len(long) >= 4
            and sum(w[0].isupper() for w in long) >= 0.9 * len(long))  # fmt: skip


def headline(text: str, paragraphs: list[tuple[int, int]]) -> str | None:
    """The text's headline: the first heading before its first sentence that reads as a
    title (three words or more; not a bullet, a byline, a date or a line in capitals)."""
    for k, (start, end) in enumerate(paragraphs):
        para = " ".join(text[start:end].split())
        if not (_heading(para) or (k == 0 and _title_case(para))):
            return None
        if (len(para.split()) >= 3 and para[:1].isalnum() and not para.isupper()
                and not re.match(r"(?:by|photo|image|updated|published)\b", para, re.I)
                and not re.search(r"\b(?:19|20)\d\d\b", para)):  # fmt: skip
            # "Editorial: A scalpel vs. a sledgehammer": the rubric is no part of the title.
            return _RUBRIC.sub("", para) or para
    return None


_RUBRIC = re.compile(r"^(?:editorial|opinion|op-ed|commentary|comment|analysis|letters?|"
                     r"letter to the editor|column|viewpoint|perspective|guest (?:column|"
                     r"opinion|essay))\s*[:|—–-]\s*", re.I)  # fmt: skip


def split_units(text: str, paragraphs: list[tuple[int, int]]) -> list[Unit]:
    """The candidate units of ``text``, paragraph by paragraph (``(start, end)`` offsets):
    its sentences, cut again at the connectives that open an argumentative clause. A
    paragraph that is a heading or a caption (short, with no closing stop) is left out, and
    so is a sentence the text has said before (a pull-quote)."""
    units = []
    for k, (p_start, p_end) in enumerate(paragraphs):
        para = text[p_start:p_end]
        if _heading(para) or (k == 0 and _title_case(para)):
            continue  # a heading, a byline, a picture's caption; a headline in title case
        for s, e in _cut(
            text, p_start, p_end, _SENTENCE_END.finditer(text, p_start, p_end), keep_end=True
        ):
            # A unit never crosses a sentence: pieces too short to stand alone ("but,",
            # "and South Korea") join the piece before them in the sentence, or, first in
            # it, the piece after.
            pieces: list[list[int]] = []
            for cs, ce in _clauses(text, s, e):
                if pieces and (_tiny(text[cs:ce]) or _tiny(text[pieces[-1][0] : pieces[-1][1]])):
                    pieces[-1][1] = ce
                else:
                    pieces.append([cs, ce])
            for cs, ce in pieces:
                piece = text[cs:ce]
                lead = len(piece) - len(piece.lstrip())
                trail = len(piece.rstrip())
                units.append(Unit(cs + lead, cs + trail, piece.strip()))
    seen: set[str] = set()
    once = []
    for unit in units:
        if not re.search(r"\w", unit.text):
            continue  # punctuation alone ("...", "—") says nothing
        if unit.text not in seen:
            seen.add(unit.text)
            once.append(unit)
    return once


#: A line about the text itself or its author, not part of its argument: where it was
#: published, under what licence, whom it answers; who the author is.
_COLOPHON = re.compile(
    r"\b(?:written (?:for|by)|(?:first|originally) (?:published|appeared)|(?:was|is|were) "
    r"(?:published|reprinted|adapted|excerpted) (?:in|from|by|with)|released (?:with|under)|"
    r"licen[cs]ed?|all rights reserved|copyright|the views expressed|(?:does|do) not "
    r"(?:necessarily )?(?:reflect|represent)|is an? (?:original |edited |shorter )?(?:text|"
    r"essay|article|op-ed|column|commentary|version)|(?:this|the) (?:essay|article|piece|"
    r"column|op-ed|commentary) (?:was|is|first|originally|appeared|answers|responds)|"
    r"(?:is|was) (?:an?|the) (?:[\w-]+ ){0,3}(?:fellow|professor|lecturer|editor|columnist|"
    r"correspondent|director|researcher) (?:at|of|in|for|with)|©)", re.I)  # fmt: skip


#: A sentence that only announces the next one ("The remedy is plain.", "The answer is
#: simple:", "Here is why."): the claim is the sentence it announces.
_ANNOUNCES = re.compile(
    r"^\W*(?:(?:the|our|my|their) (?:remedy|answer|solution|fix|cure|lesson|conclusion|"
    r"reason|reasons|way forward|choice|case|moral|takeaway|upshot) (?:is|are|seems|seem) "
    r"(?:\w+ )?(?:plain|simple|clear|obvious|straightforward|evident|easy)|here(?:'s|’s| is) "
    r"(?:why|how|the (?:thing|problem|point|answer|rub))|consider (?:this|the following))"
    r"\W*$", re.I)  # fmt: skip
#: A sentence announcing what the text will do, with no claim of its own ("In this piece, I
#: would like to discuss ...", "This essay will examine ..."); not "... I will argue that".
_PLAN = re.compile(
    r"^\W*(?:in this (?:piece|essay|article|post|column|paper|op-ed|note|blog),? (?:i|we) "
    r"|(?:this|the following) (?:piece|essay|article|post|column|paper) )(?:\w+ ){0,2}?"
    r"(?:will|would like to|want to|wish to|shall|aim to|intend to|am going to|are going to|"
    r"seeks? to|tries to|try to)\s+(?:briefly\s+)?(?:discuss|explore|examine|look at|lay out|"
    r"review|describe|outline|consider|summari[sz]e|reflect on|share|recount|present)\b"
    r"(?!.*\b(?:argue|show|suggest|contend|claim|propose)s?\b)", re.I)  # fmt: skip
#: A clause granting the view before it, by name, as the turn after it answers it ("The
#: worry is understandable, but ..."): says nothing of its own.
_GRANTS = re.compile(
    r"^\W*(?:(?:the|this|that|these|those|such|their|his|her|its) (?:\w+ )?)?(?:worry|worries|"
    r"concern|concerns|fear|fears|objection|objections|criticism|complaint|complaints|"
    r"point|argument|view|instinct|impulse) (?:is|are) (?:\w+ )?(?:understandable|fair|"
    r"reasonable|valid|natural|legitimate|real|genuine|well[- ]founded|not unreasonable|"
    r"not baseless|not (?:without|entirely without) merit)\W*$", re.I)  # fmt: skip


def _argues(text: str) -> bool:
    """Whether a unit holds a cue of an argument: a modal verb, a stance, a reason, a
    conclusion, a turn, a concession or a condition."""
    return bool(_MODAL.search(text) or _OUGHT.search(text) or _STANCE.search(text)
                or _OPINION.search(text) or _reason(text) or _REASON_ANYWHERE.search(text)
                or _CONCLUSIVE.search(text) or _turns(text) or _CONCESSION.search(text)
                or _CONDITION.search(text))  # fmt: skip


def background(units: list[str], para: list[int]) -> list[str]:
    """Why each unit is background, not a claim ("" for a claim): the news hook an article
    opens with (in its first paragraph, an event told in the past tense with when it
    happened, "On Tuesday the council unveiled ...", and no cue of an argument), and a
    paragraph among the first or last two that speaks of the text itself or its author
    ("A counter-essay written for ...", "Jane Doe is a senior fellow at ...") with no cue
    of an argument in any of its units; a sentence that only announces the next one ("The
    remedy is plain."); a sentence announcing what the text will do ("In this piece, I
    would like to discuss ..."); a clause granting the view before it that the turn after
    it answers ("The worry is understandable, but ..."). All "" when that would leave
    fewer than three units."""
    first = min(para, default=0)
    order = sorted(set(para))
    ends = set(order[:2]) | set(order[-2:])
    about: set[int] = set()
    for p in ends:
        mine = [t for t, q in zip(units, para, strict=True) if q == p]
        if any(_COLOPHON.search(t) for t in mine) and not any(_argues(t) for t in mine):
            about.add(p)
    n = len(units)
    out = [
        "about the text or its author, not its argument" if para[i] in about
        else "a news hook: an event told, with when it happened, and no argument"
        if para[i] == first and _WHEN.search(t) and _EVENT.search(t) and not _argues(t)
        else "announces the sentence after it, which is the claim"
        if _ANNOUNCES.search(t) and _new_sentence(units, i) and i + 1 < n
        and para[i + 1] == para[i] and _new_sentence(units, i + 1)
        else "announces what the text will do, with no claim of its own"
        if _PLAN.search(t) and not _MODAL.search(t)
        else "grants the view before it, which the turn after it answers"
        if _GRANTS.search(t) and 0 < i < n - 1 and _turns(units[i + 1])
        else ""
        for i, t in enumerate(units)
    ]  # fmt: skip
    return out if sum(not why for why in out) >= 3 else [""] * len(units)


def article_units(
    text: str, paragraphs: list[tuple[int, int]]
) -> tuple[list[Unit], list[tuple[Unit, str]]]:
    """The units ``argmap draft`` drafts from ``text`` (:func:`split_units` over its
    paragraphs, ``(start, end)`` offsets), and those it leaves out as background, each with
    why (:func:`background`)."""
    import bisect

    units = split_units(text, paragraphs)
    starts = [start for start, _ in paragraphs]
    para = [bisect.bisect_right(starts, u.start) for u in units]
    why = background([u.text for u in units], para)
    return ([u for u, out in zip(units, why, strict=True) if not out],
            [(u, out) for u, out in zip(units, why, strict=True) if out])  # fmt: skip
