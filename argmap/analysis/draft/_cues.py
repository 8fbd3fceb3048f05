"""The cues `argmap draft` reads a unit by: connectives, modal verbs, reports, rejections; each
a pattern over a unit's text, or a small test made of them."""

from __future__ import annotations

import re


def _words(*items: str) -> re.Pattern:
    return re.compile(r"^\W*(?:" + "|".join(items) + r")\b", re.I)


_CONCLUSIVE = _words("therefore", "thus", "hence", "so", "consequently", "accordingly",
                     "that'?s why", "that is why", "for (?:this|these|all these) reasons?",
                     "in conclusion", "to sum up", "all in all", "in short", "overall",
                     "in the end", "as a result", "this is (?:the reason )?why",
                     "that is the reason why")  # fmt: skip
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
               "on the contrary", "the (?:trouble|problem|catch|snag|difficulty) (?:is|with "
               "(?:this|that|these|it) is)(?: that)?")  # fmt: skip
#: A clause set beside the one before it, inside its sentence ("..., whereas Y ...").
_CONTRAST = _words("while", "whereas")
#: A turn that only says the norm before it is not met ("It shouldn't be this hard. But it
#: is."; "This bill should be a no-brainer, but it wasn't."): the author holds both.
_NOT_MET = re.compile(r"^\W*(?:but|yet)\s+(?:it|they|he|she|we|that|this|so it)\s+(?:is|are|was|"
                      r"were|does|do|did|has|have|had|isn't|aren't|wasn't|weren't|doesn't|"
                      r"don't|didn't|hasn't|haven't|hadn't)(?:n't|\s+not)?\W*$", re.I)  # fmt: skip
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
    # "First, the argument is wrong-headed.": counted off, a rejection all the same
    r"^\W*(?:(?:first|second|third|fourth|finally|first of all|to begin with|but|yet)\w*,?\s+)?"
    r"(?:this|that|such an?|the|these|those)\s+(?:[\w'’-]+\s+)?(?:(?:piece|kind|sort|"
    r"bit|form) of\s+)?(?:reading|view|"
    r"argument|claim|assumption|idea|notion|logic|analysis|thinking|premise|reasoning|"
    r"narrative|story|fear|worry|criticism|objection|line of (?:argument|thinking)|"
    r"interpretation|belief|case)s?\s+(?:[\w'’-]+\s+)?(?:mistakes?|misses|miss|ignores?|"
    r"overlooks?|misreads?|confuses?|fails?|falls? apart|collapses?|is (?:mistaken|wrong|"
    r"flawed|misguided|misplaced|overblown|exaggerated|unfounded|false|naive|simplistic|"
    r"specious|baseless|absurd|misleading)|"
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
    if turn := _turns(text):
        return f"turns against it ({turn}): an objection the author concedes"
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
    # the simple past after its subject: "Choi bought the brothers clothes", "Prices rose"
    r"(?<=[A-Za-z]\s)(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bis\s)(?<!\bwas\s)(?<!\bare\s)"
    r"(?<!\bwere\s)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bget\s)(?<!\bgot\s)"
    r"(?<!\bto\s)(?<!\bnewly\s)"
    r"(?:bought|sold|went|came|took|gave|made|paid|built|lost|won|left|met|kept|held|"
    r"brought|ran|began|fell|rose|grew|saw|knew|sent|spent|hired|fired|closed|opened|"
    r"raised|cut|voted|passed|signed|moved|started|stopped|refused|agreed|failed|worked|"
    r"asked|offered|helped|received|launched|visited|returned)|"
    r"(?:said|stated|announced|told|reported|declared|wrote|testified|promised|pledged|"
    r"vowed|found|showed|revealed)|(?:underscores?|underlines?|shows|demonstrates|"
    r"illustrates|confirms|attests to|bears? (?:this )?out|speaks? of|describes?)|"
    r"(?:in|since|by) (?:19|20)\d\d|"
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
                     "some (?:may|might|will)",
                     "(?:\\w+ ){1,3}(?:may|might) (?:think|find|say|argue|believe)",
                     "(?:[\\w']+ ){1,4}(?:will|would|may|might|could) (?:object|complain|"
                     "protest|say that|argue that)",
                     # "Shopkeepers fear that ...": a worry or a complaint reported, not the
                     # author's own view
                     "(?!(?:i|we)\\b)(?:[\\w'’-]+ ){1,3}(?:fear|fears|worry|worries|"
                     "complain|complains|object|objects|protest|protests|allege|alleges)"
                     "(?: that)?")  # fmt: skip
_MODAL = re.compile(r"\b(?:should|must|(?:should|must)n['’]t"
                    # "That shouldn't be an issue", "it mustn't be that ...": what is expected
                    r"(?!\s+be\s+(?:that\b|(?:a|an|any|much of an?)\s+(?:problem|issue|"
                    r"obstacle|surprise|concern|difficulty)))|ought to|needs to|has to|have to|"
                    r"had better|"
                    # "A rethink of strategy is urgently required."
                    r"(?:is|are) (?:(?:now|urgently|badly|sorely|also|still|therefore|"
                    r"clearly) )*(?:needed|required|called for|(?:long )?overdue)"
                    r"(?= *[.;!]| +(?:now|today|more than ever|if|before)\b)|"
                    # "we need to", not "the need to" (a noun)
                    r"(?<!\bthe )(?<!\ba )(?<!\bno )(?<!\bany )need to|"
                    # "The better course is to ...", "the answer is to ...": a recommendation
                    r"the (?:better|best|right|wiser|wisest|sensible|prudent|only sensible) "
                    r"(?:course|way(?: forward)?|path|option|choice|policy|approach|thing to do|"
                    r"thing) (?:is|would be|remains) to|the (?:answer|solution|remedy|cure|fix) "
                    r"(?:is|would be|lies in) (?:to|in)|"
                    r"it is (?:necessary|essential|time)|would be (?:better|best|wise)|"
                    r"is (?:a must|necessary)|(?:i|we) (?:\w+ly )?(?:urge|implore|call on|"
                    r"appeal to|hope that|hope the)|(?:^\W*|[,;:]\s+|\b(?:so|and|then|now|"
                    r"instead)\s+)let(?:'s|’s| us) (?!say\b|see\b|assume\b|suppose\b|"
                    r"imagine\b|consider\b|look\b|face it\b|be honest\b|be clear\b|"
                    r"call\b|get off\b|move on\b|put aside\b|set aside\b|leave aside\b)|"
                    # "Please get educated ... and vote.": a request of the reader
                    r"^\W*please,?\s+(?!note\b|see\b|refer\b|find\b|click\b|read\b))"
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
    # "Due to the reasons given above, ...", "From all analysis suggested above, ...": the
    # text's reasons, pointed back at as it concludes
    "(?:due to|because of|based on|given|from|for|in (?:the )?light of|in view of|"
    "considering|after) (?:all )?(?:of )?(?:the |these |those |my )?(?:[\\w-]+ ){0,2}?"
    "(?:reasons?|arguments?|analys[ie]s|facts|points|factors|evidences?|discussion) "
    "(?:(?:i|we) have )?(?:above|mentioned|discussed|given|stated|listed|presented|"
    "suggested|outlined)",
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
                   r"position|stance|notion|proposition|assertion|contention|"
                   r"misconcept\w*)|(?:two|three|several|my|main|some)\s+(?:\w+\s+)?reasons|"
                   r"(?:the latter|the former|the first|the second|the other)\s+(?:\w+\s+)?"
                   r"(?:opinion|view|group|statement|side|idea|position|one))\b"
                   r"|\bhere are\b|\bwill (?:be )?(?:discuss|explain|examin|outlin|present|"
                   r"elaborat)\w*|\bas follows\b|\b(?:above-?\s?mentioned|aforementioned|"
                   r"(?:mentioned|discussed|stated|given|described) above)\b", re.I)  # fmt: skip
#: A verdict on a course of action: "X is not a good idea", "X is the answer", "X is a very
#: unwise choice", "X is detrimental to Y".
_VERDICT_ON = re.compile(
    r"\b(?:is|are|would be|will be)(?: not| never)? (?:(?:a|an|the) )?(?:(?:very|really|"
    r"absolutely|definitely|clearly|simply) )?(?:(?:good|bad|great|terrible|wise|unwise|smart|"
    r"foolish|sensible|poor|better|worse) (?:idea|choice|thing|policy|decision|option|move|"
    r"approach)|answer|solution|way forward|(?:detrimental|harmful|beneficial|good|bad) "
    r"(?:to|for)|(?:absolutely )?(?:okay|ok|acceptable|unacceptable|justified|unjustified|"
    r"necessary|unnecessary))\b", re.I)  # fmt: skip


#: Reasons announced at a unit's end ("... for the following reasons.").
_REASONS_AHEAD = re.compile(r",?\s*(?:for|due to|because of)\s+(?:the\s+)?(?:following|several|"
                            r"two|three|some|many|a few|a number of|various)\s+(?:\w+\s+)?"
                            r"reasons?(?:\s+(?:below|as follows))?\W*$", re.I)  # fmt: skip
#: A stance whose object is only a pointer, or none ("I prefer the latter.", "I firmly
#: object to it", "However, I disagree, for ..."): it takes a side on what was said
#: elsewhere without saying it; the thesis is stated elsewhere.
_BARE_STANCE = re.compile(r"\bi (?:(?:\w+ly|do|would|have to|must|still|also|too) )*"
                          r"(?:agree|disagree|prefer|object to|oppose|support|favou?r|"
                          r"side with|go with|opt for|am (?:for|against))"
                          r"(?:\s+(?:with\s+)?(?:it|this|that|them|these|those|the (?:latter|"
                          r"former|first|second|other)(?:\s+(?:one|view|opinion|option|idea|"
                          r"side|position))?))?\s*(?:$|[,.;:!]|\b(?:for|because|since)\b)",
                          re.I)  # fmt: skip
_BALANCED = re.compile(
    r"\b(?:pros and cons|advantages and disadvantages|merits and demerits|"
    r"benefits and drawbacks|strengths and weaknesses|positive and negative "
    r"(?:aspects|sides|effects|impacts)|both sides|two sides)\b"
    # "there are a lot of arguments concerning whether ...", "people have different
    # opinions on ...": the question a text answers, not its answer
    r"|\b(?:arguments?|debates?|controvers(?:y|ies)|disputes?|discussions?|disagreements?)"
    r"(?:\s+\w+){0,2}?\s+(?:whether|(?:about|over|on|concerning|as to|regarding)\s+whether)\b"
    r"|\b(?:different|differing|divided|varying|conflicting|mixed) (?:opinions|views|"
    r"attitudes|ideas|points of view)\s+(?:on|about|regarding|concerning|towards?|as to)\b"
    # "each way has its own benefits": both sides granted, neither chosen
    r"|\b(?:each|both|either|every)\b(?:\s+[\w'-]+){0,4}?\s+(?:has|have)\s+(?:its|their)\s+"
    r"own\s+(?:\w+\s+)?(?:benefits|advantages|merits|pros|strengths|drawbacks|"
    r"disadvantages|value|place)\b",
    re.I,
)
#: A sentence that draws the consequence of the one before ("This means...", "In the
#: short term, this will mean..."): the one before is its reason.
_CONSEQUENCE = re.compile(r"^\W*(?:[\w'’-]+(?:\s+[\w'’-]+){0,3},\s*)?(?:this|that|which|all "
                          r"this|these)\s+(?:will |would |could |should |must )?(?:means?|"
                          r"requires?|impl(?:y|ies)|entails?|calls? for|demands?)\b",
                          re.I)  # fmt: skip
#: A sentence that judges what the one before told ("It's a horrible deal for a city that
#: ...", "This is a mistake."): the judgement is the claim, what it judges its ground.
_JUDGES_BACK = re.compile(
    r"^\W*(?:it|this|that)(?:'s|’s|\s+is|\s+was|\s+would be|\s+will be)\s+(?:(?:a|an)\s+)?"
    r"(?:(?:very|truly|really|simply|plainly|clearly|just|such|so)\s+)?(?:horrible|terrible|"
    r"awful|bad|good|great|huge|serious|grave|welcome|dangerous|costly|risky|unfair|unjust|"
    r"wrong|right|smart|wise|unwise|foolish|reckless|misguided|absurd|outrageous|shameful|"
    r"sensible|troubling|worrying|alarming|disturbing|encouraging|terrific|excellent|"
    r"lousy|poor|raw|rotten|sweet|mistake|error|gamble|disaster|scandal|boondoggle|waste|"
    r"outrage|shame|travesty|failure|giveaway|folly|bargain|rip-?off|sham|farce)\b",
    re.I,
)
#: A sentence that opens by pointing back at the one before ("This will mean...").
_ANAPHORIC = re.compile(r"^\W*(?:this|these|those|such|it)\b(?!(?:'s|\s+is|\s+was|\s+would be|"
                        r"\s+will be|\s+seems)\s+(?:\w+\s+){0,2}?\w+\s+(?:to|that)\b)",
                        re.I)  # fmt: skip
#: Another's view reported ("many believe that...", "some employers still think..."): the
#: text's thesis is its author's.
_REPORTED = re.compile(r"\b(?:some|many|most|others|critics|opponents|proponents|supporters|"
                       r"people|they|experts|advocates|backers|defenders|sceptics|skeptics|"
                       r"detractors)\b(?:\s+\w+){0,3}?\s+(?:believe|think|argue|"
                       r"claim|say|feel|contend|maintain|insist|suggest|cite|oppose|"
                       r"object|disagree|critici[sz]e|reject|complain)s?\b"
                       # "... opened his column with his opinion that ...", "the mayor argued
                       # that ...": another's view, told
                       r"|\b(?:his|her|their) (?:own )?(?:opinion|view|claim|argument|"
                       r"contention|belief|assertion|position|premise) that\b"
                       r"|(?<!\bi )(?<!\bwe )\b(?:argued|wrote|claimed|asserted|contended|"
                       r"opined|insisted|argues|writes|claims|asserts|contends|insists|"
                       r"suggested|suggests|maintained|maintains|warned|warns|predicted|"
                       r"predicts|declared|declares|alleged|alleges|recommends|recommended|"
                       r"urges|urged|proposes|proposed) that\b"
                       # "“It would amount to a tax on 14 percent,” he declared."
                       r"|[”\"]\s*(?:[\w'’.-]+\s+){1,6}?(?:said|says|declared|declares|"
                       r"insisted|insists|claimed|claims|argued|argues|contended|contends|"
                       r"added|adds|wrote|writes)\b",
                       re.I)  # fmt: skip


#: A sentence opening with a subordinate concession or condition ("While X, Y"; "Although
#: X, Y"): its main clause starts after the comma that closes it.
_SUBORDINATE = re.compile(r"^\W*(?:while|although|though|even though|whereas|even if|"
                          r"despite|unless|if|when|whether)\b", re.I)  # fmt: skip


#: A quotation inside a unit: in double quotes, straight or curly, or in curly single
#: quotes opening a word.
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|(?<![\w’])‘[^’]*’(?!\w)')


def _unquoted(text: str) -> str:
    """A unit's own words: its quotations left out ("Chesky cited the need to apologize:
    “we really need to think through our impact.”" -> "Chesky cited the need to apologize:
    "). A modal verb or an "I think" inside quotation marks is the quoted speaker's, not
    the author's."""
    own = _QUOTED.sub(" ", text)
    # A quotation running over several sentences: this unit opens it, or closes it
    # ("“We re-engaged our Alliance." / "We helped to re-energize it,” Blinken said.").
    opens, closes = own.find("“"), own.rfind("”")
    if opens >= 0:
        own = own[:opens]
    elif closes >= 0:
        own = own[closes + 1 :]
    elif own.count('"') % 2:
        at = own.find('"')
        own = own[:at] if not own[:at].strip(" ([") else own[at + 1 :]
    return own


def _quoted_whole(text: str) -> bool:
    """Whether a unit is a quotation whole: no word of its own outside quotation marks."""
    return not re.search(r"\w", _unquoted(text))


def _cue(pattern: re.Pattern, text: str) -> str:
    m = pattern.search(text)
    return m.group(0).strip(" ,.;:").lower() if m else ""
