"""Where a text's units lie: sentences and clauses, its headline, and what is background
rather than argument."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from argmap.analysis.draft._cues import (
    _CONCESSION,
    _CONCLUSIVE,
    _CONDITION,
    _EVENT,
    _MODAL,
    _OPINION,
    _OUGHT,
    _REASON_ANYWHERE,
    _STANCE,
    _SUBORDINATE,
    _WHEN,
    _new_sentence,
    _reason,
    _turns,
)


@dataclass(frozen=True)
class Unit:
    """A candidate unit of a text: where it stands (characters) and its words."""

    start: int
    end: int
    text: str


_ABBREVIATIONS = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|vs|etc|e\.g|i\.e|U\.S|U\.K|No|Jr|Sr|"
                            r"Inc|Ltd|Gen|Sen|Rep|Gov|approx|ca|cf|Fig|al|Col|Lt|Capt|Sgt|Rev|Hon|"
                            r"Mt|Ave|Dept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|"
                            r"Dec)\.$")  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]{0,3}[A-Z0-9])")
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


_NOT_ONLY = re.compile(r"\bnot\s+(?:only|just|merely|simply)\b", re.I)


def _clause_cuts(text: str, start: int, end: int) -> list[re.Match]:
    """Where :data:`_CLAUSE` cuts ``text[start:end]``: not before a coordinating
    connective whose clause has no subject of its own (a second predicate)."""
    out = []
    for m in _CLAUSE.finditer(text, start, end):
        rest = text[m.end() : end]
        word = re.match(r"\s*([A-Za-z]+)", rest)
        if word and word.group(1).lower() in _COORDINATING and not _own_subject(rest[word.end() :]):
            continue
        if word and word.group(1).lower() == "but" and _NOT_ONLY.search(text, start, m.start()):
            continue  # the second half of "not only X, but (also) Y": one claim
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
            and (
                _aside(rest[word.end() :])
                or _COMPARATIVE.match(rest[word.end() :])
                or _as_role(rest[word.end() :])
            )
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


_PREPOSITIONS = frozenset("of in for to on at by with from into over under during and or".split())  # noqa: SIM905


def _as_role(rest: str) -> bool:
    """Whether "as" is a preposition naming a role ("cited the stadium, publicly financed,
    as a “comparable deal” in a fact sheet"), not a clause: "a"/"an" and a few words with no
    verb, then a preposition or the clause's end ("as a nation grows" is a clause)."""
    words = re.findall(r"[\w'’-]+|[,;:.!?]", rest)
    if not words or words[0].lower() not in ("a", "an"):
        return False
    for w in words[1:5]:
        low = w.lower()
        if low in _PREPOSITIONS or low in ",;:.!?":
            return True
        if low in _FINITE or low.endswith(("s", "ed")):
            return False
    return False


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
        if (keep_end and text.count("(", last, cut) > text.count(")", last, cut)
                and text.find(")", cut, end) != -1):  # fmt: skip
            continue  # a stop inside brackets: "(“Good governing? Residents divided,” ...)"
        if text[last:cut].strip():
            pieces.append((last, cut))
        last = m.end()
    if text[last:end].strip():
        pieces.append((last, end))
    return pieces


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


def _header_taglines(text: str, paragraphs: list[tuple[int, int]]) -> set[int]:
    """The paragraphs of a page's header that are sentences, not headings: a motto or a
    tagline ("News and research in housing policy, from Australia's leading centre."), one
    short sentence with headings before and after it, above the text's first paragraph."""
    out: set[int] = set()
    for k, (start, end) in enumerate(paragraphs):
        para = " ".join(text[start:end].split())
        if _heading(para) or (k == 0 and _title_case(para)):
            continue
        after = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
        nxt = " ".join(text[after[0] : after[1]].split()) if after is not None else ""
        # A motto names, it does not argue or tell: no verb, no cue; and a headline, not a
        # section's heading ("Background"), follows it.
        if (k > 0 and len(para.split()) < 30 and len(re.findall(r"[.!?](?:\s|$)", para)) <= 1
                and _verbless(para) and not _argues(para)
                and _heading(nxt) and len(nxt.split()) >= 3):  # fmt: skip
            out.add(k)
            continue
        break
    return out


def headline(text: str, paragraphs: list[tuple[int, int]]) -> str | None:
    """The text's headline: of the headings before its first sentence that read as a title
    (three words or more; not a bullet, a byline, a date or a line in capitals), the one
    whose words come back most in the text (not the site's motto, "Serving the Basin for
    over 100 years", nor a picture's caption, "Trump and Ishiba hold a press conference");
    the first of them on a tie."""
    from argmap.analysis.library import content_words

    candidates: list[str] = []
    body = len(text)
    taglines = _header_taglines(text, paragraphs)
    for k, (start, end) in enumerate(paragraphs):
        para = " ".join(text[start:end].split())
        if k in taglines or all(_FURNITURE.search(part)
                                for part in re.split(r"(?<=[.!?])\s+", para)):  # fmt: skip
            continue  # "$1 for 3 months. Save 97%.", "weather icon Clear": the page's
        if not (_heading(para) or (k == 0 and _title_case(para))):
            body = start
            break
        if (len(para.split()) >= 3 and para[:1].isalnum() and not para.isupper()
                and not re.match(r"(?:by|photo|image|updated|published)\b", para, re.I)
                and not re.search(r"\b(?:19|20)\d\d\b", para)
                and not para.endswith(("…", "..."))):  # fmt: skip
            # (a line cut short, "The first point that I would…", is a teaser, not a title)
            # "Editorial: A scalpel vs. a sledgehammer": the rubric is no part of the title
            # (and "Analysis | Europe", a rubric and a section, is none).
            title = _RUBRIC.sub("", para) or para
            if len(title.split()) >= 3:
                candidates.append(title)
    if len(candidates) < 2:
        return candidates[0] if candidates else None
    held: dict[str, int] = {}  # in how many of the text's paragraphs each word stands
    for start, end in paragraphs:
        if start >= body:
            for word in set(content_words(text[start:end])):
                held[word] = held.get(word, 0) + 1

    def recurs(title: str) -> float:
        """How much of the title comes back in the text: each word by how many paragraphs
        hold it (up to three), so the site's name, once met in the text, weighs little."""
        words = set(content_words(title))
        return sum(min(held.get(w, 0), 3) for w in words) / (3 * len(words)) if words else 0.0

    return max(candidates, key=recurs)  # the first of the best


_RUBRIC = re.compile(r"^(?:editorial|opinion|(?:our|my|your|in our|guest) (?:opinion|view|"
                     r"turn)|op-ed|commentary|comment|analysis|letters?|letter to the editor|"
                     r"column|viewpoint|perspective|guest (?:column|opinion|essay))"
                     r"(?:\s*/\s*[\w ]{1,20}?)?\s*[:|—–-]\s*",
                     re.I)  # fmt: skip


#: A line that opens an item of a list: a bullet, a dash, a number ("1.", "2)"), a letter
#: in brackets ("(a)").
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*•‣◦▪]|\d{1,2}[.)]|\([a-z0-9]{1,2}\))[ \t]+", re.M)


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A paragraph's list items, each without its marker (an item is a sentence of its
    own, stop or none); the paragraph whole when it holds no list."""
    marks = list(_LIST_ITEM.finditer(text, start, end))
    if not marks:
        return [(start, end)]
    out = [(start, marks[0].start())] if text[start : marks[0].start()].strip() else []
    for k, m in enumerate(marks):
        stop = marks[k + 1].start() if k + 1 < len(marks) else end
        if not _label(text[m.end() : stop]):
            out.append((m.end(), stop))
    return out


def _label(item: str) -> bool:
    """Whether a list item is a label, not a claim: a menu's or a contents' entry ("TOP",
    "US-Japan Relations in the Trump 2.0 Era"), short, with no stop, its long words all
    capitalised."""
    long = [w for w in re.findall(r"[A-Za-z][\w'’-]*", item) if len(w) > 3]
    return _heading(item.strip()) and all(w[0].isupper() for w in long)


def split_units(text: str, paragraphs: list[tuple[int, int]]) -> list[Unit]:
    """The candidate units of ``text``, paragraph by paragraph (``(start, end)`` offsets):
    its sentences, cut again at the connectives that open an argumentative clause. A
    paragraph that is a heading or a caption (short, with no closing stop) is left out, and
    so is a sentence the text has said before (a pull-quote)."""
    units = []
    for k, (p_start, p_end) in enumerate(paragraphs):
        para = text[p_start:p_end]
        listed = _LIST_ITEM.match(para)
        if not listed and (_heading(para) or (k == 0 and _title_case(para))):
            continue  # a heading, a byline, a picture's caption; a headline in title case
        sentences = [
            cut
            for i_start, i_end in _items(text, p_start, p_end)
            for cut in _cut(text, i_start, i_end,
                            _SENTENCE_END.finditer(text, i_start, i_end), keep_end=True)
        ]  # fmt: skip
        for s, e in sentences:
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


#: The page around a text, pasted with it from a browser: a subscription offer ("$1 for 3
#: months.", "Save 97%."), a link to other stories ("Don't miss the big stories.", "MORE
#: STORIES", "Read more:"), a share button ("Like us on Facebook."), the weather ("60°F").
_FURNITURE = re.compile(
    r"\b(?:for access to this|to (?:continue|keep) reading|please (?:sign|log) in|"
    r"(?:sign|log) in or subscribe|subscribers? only)\b|"
    r"^\W*(?:\$\d+(?:\.\d\d)? (?:for|a|per) (?:\d+ )?(?:weeks?|months?|years?|day)\b|save \d+ ?%|"
    r"subscribe\b|(?:already a )?subscriber\b|sign (?:in|up)\b|log ?in\b|register\b.{0,30}"
    r"\b(?:free|account)\b|(?:get|start) (?:your )?(?:free )?(?:trial|access)\b|"
    r"(?:like|follow|find|join) us on\b|share (?:this|on)\b|(?:don'?t|do not) miss\b|"
    r"(?:more|related|recommended|top|latest|trending) (?:stories|articles|news|reads|"
    r"videos|for you)\b|read (?:more|next|the full)\b|(?:see|watch) also\b|click here\b|"
    r"advertisement\W*$|skip to\b|(?:\d+ ?°[cf]?|weather\b)|(?:this|our) (?:site|website) "
    r"uses cookies|(?:manage|accept) cookies|(?:privacy policy|terms of (?:use|service))\W*$|"
    r"(?:sign up for|get) (?:our|the) [\w ]{0,30}newsletter|leave a (?:reply|comment)|"
    r"post a comment|no comments|back to top|\(?continue reading|this site uses akismet|"
    r"learn how your comment data|your email address will not be published|"
    r"you have reached (?:an|a premium|the) (?:article|story)|you can subscribe|"
    r"follow us on (?:social|twitter|facebook|instagram|linkedin|x)\b|thanks for reading\b|"
    r"subscribe for free\b|upgrade to paid\b|listen to (?:this|the) (?:article|story)\b|"
    r"copy link\W*$|print (?:this|article)\W*$|email (?:this|article)\W*$)"
    r"|\bdelivered (?:straight |directly )?to your inbox\b", re.I)  # fmt: skip
#: A reference in brackets to another text ("(“Residents divided on Airbnb rules,” Eagle,
#: May 25.)", "(See “The case for tolls,” March 2024.)").
_CITATION = re.compile(
    r"^\s*\((?=[^()]*(?:[\"“‘]|\b(?:19|20)\d\d\b|\b(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|"
    r"Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b))[^()]*\)[.;,]?\s*$")  # fmt: skip
#: A heading over a text's notes or references.
_NOTES = re.compile(r"\W*(?:references|notes|end ?notes|footnotes|sources|bibliography|"
                    r"works cited|further reading|citations)\W*", re.I)  # fmt: skip
#: A byline: "By Jane Doe.", "By Hal Pawson and Bill Randolph."
_BYLINE = re.compile(r"^\W*[Bb]y\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:(?:,\s*|\s+and\s+|"
                     r"\s*&\s*)[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})*[.,]?\s*$")  # fmt: skip
#: A picture's caption or credit ("Sam Gagner (center) celebrates ...", "Photo: Reuters").
_CAPTION = re.compile(
    r"\((?:center|centre|left|right|front|second from (?:left|right)|l|r|top|bottom)\)|"
    r"\b(?:pictured|file photo|(?:photo|image|illustration)(?:graph)?s? (?:by|credit|courtesy)|"
    r"(?:photo|image|credit)\s*:|getty images|ap photo|reuters/|shutterstock|"
    r"istock(?:photo)?)\b", re.I)  # fmt: skip


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


#: What ends a sentence (a closing quote or bracket after the stop included).
_STOPS = (".", "!", "?", '"', "”", "’", "'", ")", ":", ";")


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
        "the page around the text (an offer, a link, a button), not the text"
        if _FURNITURE.search(t) and not _argues(t)
        else "a picture's caption or credit, not the text"
        if _CAPTION.search(t) and not _argues(t)
        else "a reference to another text, in brackets"
        if _CITATION.match(t)
        else "about the text or its author, not its argument" if para[i] in about
        else "the standfirst under the headline: a summary of the text, not a sentence of it"
        if para[i] == first and para.count(first) == 1 and len(order) >= 3
        and len(t.split()) >= 8 and not t.rstrip().endswith(_STOPS)
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
    taglines = _header_taglines(text, paragraphs)
    tagline = "a line of the page's header between its headings (a motto, a tagline), not the text"
    why = [tagline if p - 1 in taglines else out for p, out in zip(para, why, strict=True)]
    # The notes or references after a heading that names them ("References", "Notes"), and
    # a byline ("By Jane Doe.").
    notes = next((start for start, end in paragraphs
                  if _NOTES.fullmatch(" ".join(text[start:end].split()))), len(text))  # fmt: skip
    why = [out or ("the text's notes or references, after its heading" if u.start > notes
                   else "a byline: who wrote the text" if _BYLINE.match(u.text) else "")
           for u, out in zip(units, why, strict=True)]  # fmt: skip
    return ([u for u, out in zip(units, why, strict=True) if not out],
            [(u, out) for u, out in zip(units, why, strict=True) if out])  # fmt: skip
