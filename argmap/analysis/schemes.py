"""Argument schemes and their critical questions: the catalogue, a map's inferences, and
which of their questions are still open.

argmap ships a catalogue (``schemes.yaml`` beside this module: premise roles, conclusion,
critical questions, each phrased so that "yes" is the answer under which the inference
holds). A map may add schemes of its own (``schemes:``); its own win on a clash of ids.

An *inference* is a support: one ungrouped support link, or the links of a linked group
(one target). It may name its scheme (``scheme:`` on a link; in a group, on any of its
links) and its premises their roles (``role:``). A claim answers a critical question of
an inference with ``answers: [{link, question, answer}]``: "yes", the inference holds up
under that question; "no", the claim defeats it (the model turns that into an undercut,
see :meth:`argmap.model.ArgMap.iter_links`). A question nobody answers is *open*: it is
reported, never counted against the inference.

Examples:
    >>> from argmap.model import ArgMap
    >>> m = ArgMap.model_validate({"title": "t", "claims": [
    ...     {"id": "c", "text": "C", "kind": "conclusion"},
    ...     {"id": "g", "text": "G"}, {"id": "m", "text": "M"},
    ...     {"id": "x", "text": "X", "answers": [
    ...         {"link": "g-c", "question": "side-effects", "answer": "no"}]}],
    ...   "links": [
    ...     {"id": "g-c", "source": "g", "target": "c", "group": "pr",
    ...      "scheme": "practical-reasoning", "role": "goal"},
    ...     {"id": "m-c", "source": "m", "target": "c", "group": "pr", "role": "means"}]})
    >>> [(q.question, q.status) for q in open_questions(m)][:2]
    [('other-goals', 'open'), ('alternatives', 'open')]
    >>> [(q.question, q.status, q.answers) for q in open_questions(m) if q.answers]
    [('side-effects', 'no', [('x', 'no')])]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, cast

from pydantic import Field, PrivateAttr, RootModel

from argmap.model import Scheme
from argmap.model.answers import Record

if TYPE_CHECKING:
    from argmap.errors import Diagnostic
    from argmap.model import ArgMap, Link
    from argmap.model.document import Document

#: Where a critical question stands.
Status = Literal["open", "yes", "no"]

__all__ = [
    "Catalogue",
    "Inference",
    "QuestionStatus",
    "shipped",
    "catalogue_of",
    "normalise",
    "inferences",
    "open_questions",
    "scheme_problems",
    "QuestionsReport",
    "Questions",
    "QuestionRecord",
    "UnknownScheme",
    "questions_report",
    "questions_by_inference",
    "with_answer",
    "Schemes",
]


def normalise(name: str) -> str:
    """A scheme name as it is matched: lower case, letters and digits only, without a
    leading "argument from"/"argument to".

    Examples:
        >>> normalise("Argument From Expert Opinion"), normalise("expert-opinion")
        ('expertopinion', 'expertopinion')
    """
    key = re.sub(r"[^a-z0-9]", "", name.lower())
    for prefix in ("argumentfrom", "argumentto", "from"):
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix) :]
    return key


@lru_cache(maxsize=1)
def shipped() -> tuple[Scheme, ...]:
    """The catalogue argmap ships, in its order."""
    from importlib.resources import files

    from argmap.io.yamltext import load as load_yaml

    text = files("argmap.analysis").joinpath("schemes.yaml").read_text(encoding="utf-8")
    return tuple(Scheme.model_validate(item) for item in load_yaml(text, "schemes.yaml"))


class Schemes(RootModel[list[Scheme] | Scheme]):
    """``argmap schemes --format json``: the catalogue, or the one scheme asked for."""


class Catalogue:
    """The schemes a map can name: argmap's, then the map's own (which win on an id)."""

    def __init__(self, schemes: Iterable[Scheme]):
        self.by_id: dict[str, Scheme] = {}
        for s in schemes:
            self.by_id[s.id] = s
        self._names: dict[str, str] = {}
        for s in self.by_id.values():
            # An id or name wins over another scheme's alias.
            for name in (*s.aliases, s.aif or ""):
                if name:
                    self._names.setdefault(normalise(name), s.id)
        for s in self.by_id.values():
            self._names[normalise(s.name)] = s.id
            self._names[normalise(s.id)] = s.id

    def __iter__(self) -> Iterator[Scheme]:
        return iter(self.by_id.values())

    def __len__(self) -> int:
        return len(self.by_id)

    def get(self, name: str | None) -> Scheme | None:
        """The scheme a name means: its id, its name, an alias or its AIF name, matched
        without case, spaces or punctuation; None when none matches."""
        if name is None:
            return None
        if name in self.by_id:
            return self.by_id[name]
        ident = self._names.get(normalise(name))
        return None if ident is None else self.by_id[ident]

    def answer(self) -> Schemes:
        """What ``argmap schemes --format json`` prints: every scheme."""
        return Schemes(list(self))

    def ids(self) -> list[str]:
        return [s.id for s in self]

    def columns(self) -> list[str]:
        return ["id", "questions", "name"]

    def rows(self) -> list[list[str]]:
        """One row a scheme: its id, how many critical questions it has, its name."""
        return [[s.id, str(len(s.questions)), s.name] for s in self]

    def suggest(self, name: str) -> str | None:
        """A did-you-mean hint for a name that matches no scheme."""
        from argmap.errors import did_you_mean

        return did_you_mean(name, list(self.by_id))


def catalogue_of(model: ArgMap | None = None) -> Catalogue:
    """argmap's catalogue, with the map's own schemes added."""
    own = model.schemes if model is not None else []
    return Catalogue([*shipped(), *own])


@dataclass
class Inference:
    """A support: one ungrouped support link, or a linked group's links."""

    target: str
    links: list[Link]
    group: str | None = None

    @property
    def key(self) -> str:
        """The id of its first link: how reports and answers name the inference."""
        return self.links[0].key

    @property
    def scheme(self) -> str | None:
        """The scheme its links name (the first that names one)."""
        return next((lk.scheme for lk in self.links if lk.scheme), None)

    @property
    def premises(self) -> list[str]:
        return [lk.source for lk in self.links]


def inferences(model: ArgMap) -> list[Inference]:
    """The map's supports, in the order their first links are written."""
    out: list[Inference] = []
    grouped: dict[tuple[str, str], Inference] = {}
    for link in model.all_links():
        if link.kind.value != "support":
            continue
        if link.group is None:
            out.append(Inference(link.target, [link]))
            continue
        inf = grouped.get((link.group, link.target))
        if inf is None:
            inf = grouped[(link.group, link.target)] = Inference(link.target, [], link.group)
            out.append(inf)
        inf.links.append(link)
    return out


@dataclass
class QuestionStatus:
    """A critical question of one inference, and how the map answers it."""

    inference: str
    target: str
    premises: list[str]
    scheme: str
    question: str
    text: str
    #: (claim id, "yes" or "no") for each claim that answers it.
    answers: list[tuple[str, str]] = field(default_factory=list)

    #: The question as this map asks it: the scheme's letters for what the inference
    #: concludes written as the claim it concludes (None: as the catalogue words it).
    asked: str | None = None

    @property
    def status(self) -> Status:
        """``open``; ``no`` when a claim answers it against the inference; else ``yes``."""
        if not self.answers:
            return "open"
        return "no" if any(a == "no" for _, a in self.answers) else "yes"


def open_questions(
    model: ArgMap, catalogue: Catalogue | None = None, infs: list[Inference] | None = None
) -> list[QuestionStatus]:
    """Every critical question of every inference whose scheme the catalogue knows, in map
    order, each with the answers the map gives (open ones have none). ``infs``: the map's
    :func:`inferences`, when the caller has them."""
    catalogue = catalogue or catalogue_of(model)
    infs = inferences(model) if infs is None else infs
    owner = {lk.key: inf for inf in infs for lk in inf.links}
    given: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for claim in model.claims:
        for ans in claim.answers:
            inf = owner.get(ans.link)
            if inf is not None:
                given.setdefault((inf.key, ans.question), []).append((claim.id, ans.answer))
    out = []
    for inf in infs:
        scheme = catalogue.get(inf.scheme)
        if scheme is None:
            continue
        for q in scheme.questions:
            out.append(
                QuestionStatus(
                    inf.key,
                    inf.target,
                    inf.premises,
                    scheme.id,
                    q.id,
                    q.text,
                    given.get((inf.key, q.id), []),
                    asked_of(
                        scheme,
                        q.text,
                        inf.target,
                        {lk.role: lk.source for lk in inf.links if lk.role},
                    ),  # fmt: skip
                )
            )
    return out


_LETTER = re.compile(r"\b([A-Z][0-9]?)\b")


def asked_of(
    scheme: Scheme, question: str, conclusion: str, roles: dict[str, str] | None = None
) -> str:
    """A critical question asked of one inference, naming the map's own claims: the letter
    the scheme's conclusion is about (``A`` in "A should not be carried out") written as
    the claim the inference concludes, and each letter a premise introduces first (``G``
    in "An agent has a goal G", ``E`` in "E is an expert ...") as the claim playing that
    premise's role (``roles``: role -> claim id). Letters no claim plays stay as they are.

    Examples:
        >>> s = catalogue_of().get("negative-consequences")
        >>> asked_of(s, "Are the bad consequences likely to follow from A?", "raise-cost")
        'Are the bad consequences likely to follow from raise-cost?'
        >>> s = catalogue_of().get("practical-reasoning")
        >>> asked_of(s, "Is G compatible with the agent's other goals?", "act",
        ...          {"goal": "cleaner-air"})
        "Is cleaner-air compatible with the agent's other goals?"
    """
    bound: dict[str, str] = {}
    first = _LETTER.search(scheme.conclusion or "")
    if first is not None:
        bound[first.group(1)] = conclusion
    # Each premise whose role a claim plays names the first letter it holds that no claim
    # names yet (a letter of a premise no claim plays waits for a later premise).
    for premise in scheme.premises:
        claim = (roles or {}).get(premise.role or "")
        if not claim:
            continue
        fresh = [m.group(1) for m in _LETTER.finditer(premise.text or "")
                 if m.group(1) not in bound]  # fmt: skip
        if fresh:
            bound[fresh[0]] = claim
    if not bound:
        return question
    return _LETTER.sub(lambda m: bound.get(m.group(1), m.group(1)), question)


def scheme_problems(doc: Document) -> Iterator[Diagnostic]:
    """The lint of schemes, roles and answers: unknown names (with a did-you-mean), a
    group naming two schemes, an answer to a link that is not there or to a question its
    scheme does not ask."""
    from argmap.errors import Diagnostic, did_you_mean

    model = doc.model
    if not any(c.answers for c in model.claims) and not any(
        lk.scheme or lk.role for lk in model.links
    ):
        return  # nothing to check: shorthand links name no scheme
    catalogue = catalogue_of(model)
    # Where each explicit link stands (by key: all_links gives copies of links without ids).
    places = {lk.key: k for k, lk in enumerate(model.links)}
    owner: dict[str, Inference] = {}
    inf: Inference | None
    for inf in inferences(model):
        for lk in inf.links:
            owner[lk.key] = inf
        named = [lk for lk in inf.links if lk.scheme]
        if len({getattr(catalogue.get(lk.scheme), "id", lk.scheme) for lk in named}) > 1:
            lk = named[1]
            yield Diagnostic(
                "scheme_conflict",
                "error",
                f"linked group {inf.group!r} names two schemes: "
                f"{named[0].scheme!r} and {lk.scheme!r}",
                doc.locate(("links", places[lk.key], "scheme")),
                hint="name the group's scheme once, on any of its links",
            )
    for k, lk in enumerate(model.links):
        if lk.scheme and catalogue.get(lk.scheme) is None:
            yield Diagnostic(
                "unknown_scheme",
                "warning",
                f"link {lk.key!r} names scheme {lk.scheme!r}, which is not in the catalogue",
                doc.locate(("links", k, "scheme")),
                hint=catalogue.suggest(lk.scheme)
                or "see `argmap schemes`; or add it under schemes:",
            )
        if lk.role is None:
            continue
        inf = owner.get(lk.key)
        scheme = catalogue.get(inf.scheme) if inf is not None else None
        if inf is None or inf.scheme is None:
            yield Diagnostic(
                "unknown_role",
                "warning",
                f"link {lk.key!r} gives role {lk.role!r} but its inference names no scheme",
                doc.locate(("links", k, "role")),
                hint="add scheme: NAME to the link (or one link of its group)",
            )
        elif scheme is not None and lk.role not in (roles := [p.role for p in scheme.premises]):
            yield Diagnostic(
                "unknown_role",
                "warning",
                f"scheme {scheme.id!r} has no premise role {lk.role!r}",
                doc.locate(("links", k, "role")),
                hint=did_you_mean(lk.role, roles) or "roles: " + ", ".join(roles),
            )
    by_id = {lk.key: lk for lk in model.all_links()}
    for i, c in enumerate(model.claims):
        for j, ans in enumerate(c.answers):
            where = ("claims", i, "answers", j)
            if ans.link not in by_id:
                if ans.answer == "yes":  # a "no" is an undercut, whose target is checked
                    yield Diagnostic(
                        "dangling_ref",
                        "error",
                        f"claim {c.id!r} answers a question of link {ans.link!r}, "
                        "which does not exist",
                        doc.locate((*where, "link")),
                        hint=did_you_mean(ans.link, list(by_id)),
                        claim=c.id,
                    )
                continue
            inf = owner.get(ans.link)
            scheme = catalogue.get(inf.scheme) if inf is not None else None
            if scheme is None and inf is not None and inf.scheme:
                continue  # its scheme is unknown: that, the root cause, is reported there
            if scheme is None:
                what = "is not a support" if inf is None else "names no scheme"
                yield Diagnostic(
                    "unknown_question",
                    "warning",
                    f"claim {c.id!r} answers question {ans.question!r} of link {ans.link!r}, "
                    f"which {what}",
                    doc.locate((*where, "question")),
                    hint="answer the critical questions of a support that names its scheme",
                    claim=c.id,
                )
            elif ans.question not in (asked := [q.id for q in scheme.questions]):
                yield Diagnostic(
                    "unknown_question",
                    "warning",
                    f"scheme {scheme.id!r} asks no question {ans.question!r}",
                    doc.locate((*where, "question")),
                    hint=did_you_mean(ans.question, asked) or "questions: " + ", ".join(asked),
                    claim=c.id,
                )


@dataclass
class QuestionsReport:
    """The critical questions of a map's inferences: what ``argmap questions`` prints and
    ``argmap coverage`` counts."""

    questions: list[QuestionStatus]
    #: Inferences that name a scheme the catalogue lacks: (link id, scheme name).
    unknown_schemes: list[tuple[str, str]]
    #: Inferences that name a scheme, over all inferences.
    with_scheme: int
    inferences: int

    def counts(self) -> dict[Status, int]:
        out: dict[Status, int] = {"open": 0, "yes": 0, "no": 0}
        for q in self.questions:
            out[q.status] += 1
        return out

    def selected(self, *, answered: bool) -> list[QuestionStatus]:
        return [q for q in self.questions if answered or q.status == "open"]

    def answer(self, *, answered: bool = False) -> Questions:
        """``argmap questions``'s answer: the open questions (``answered``: all of them,
        with who answers and how)."""
        shown = Questions.model_construct(
            inferences=self.inferences,
            inferences_with_scheme=self.with_scheme,
            counts=self.counts(),
            questions=[QuestionRecord.of(q) for q in self.selected(answered=answered)],
            unknown_schemes=[UnknownScheme.model_construct(inference=k, scheme=s)
                             for k, s in self.unknown_schemes],
        )  # fmt: skip
        shown._answered = answered
        return shown


class AnswerRecord(Record):
    claim: str
    answer: Literal["yes", "no"]


class QuestionRecord(Record):
    """A critical question of one inference, as this map asks it, and its answers."""

    inference: str
    target: str
    premises: list[str]
    scheme: str
    question: str
    text: str = Field(description="The scheme's question.")
    asked: str = Field(description="The question in the map's own claims.")
    status: Literal["open", "yes", "no"]
    answers: list[AnswerRecord]

    @classmethod
    def of(cls, q: QuestionStatus) -> QuestionRecord:
        return cls.model_construct(
            inference=q.inference, target=q.target, premises=q.premises, scheme=q.scheme,
            question=q.question, text=q.text, asked=q.asked or q.text, status=q.status,
            # An answer is yes or no: validation (scheme_problems) refuses any other.
            answers=[AnswerRecord.model_construct(claim=c, answer=cast(Any, a))
                     for c, a in q.answers],
        )  # fmt: skip


class UnknownScheme(Record):
    inference: str
    scheme: str


class Questions(Record):
    """``argmap questions --format json``: the critical questions of a map's inferences
    (the open ones, or all with ``--all``), their counts, and the schemes not known."""

    inferences: int
    inferences_with_scheme: int
    counts: dict[Literal["open", "yes", "no"], int]
    questions: list[QuestionRecord]
    unknown_schemes: list[UnknownScheme]
    _answered: bool = PrivateAttr(default=False)

    @property
    def empty(self) -> str:
        return "no " + ("critical questions" if self._answered else "open questions")

    def columns(self) -> list[str]:
        return ["inference", "scheme", "question", "status", "text"]

    def rows(self) -> list[list[str]]:
        return [[q.inference, q.scheme, q.question, _status_word(q.status, q.answers),
                 q.asked] for q in self.questions]  # fmt: skip

    def ids(self) -> list[str]:
        """One line per question: ``LINK-ID/QUESTION-ID``."""
        return [f"{q.inference}/{q.question}" for q in self.questions]

    def with_maps(self) -> Questions:
        return self


def _status_word(status: str, answers: list[AnswerRecord]) -> str:
    if status == "open":
        return "open"
    who = ", ".join(a.claim for a in answers)
    return f"{status} ({who})"


def questions_report(model: ArgMap) -> QuestionsReport:
    """Every critical question of the map's inferences, with its answers, and the
    inferences whose scheme is unknown (reported, never dropped)."""
    catalogue = catalogue_of(model)
    infs = inferences(model)
    unknown = [
        (inf.key, inf.scheme) for inf in infs if inf.scheme and not catalogue.get(inf.scheme)
    ]
    return QuestionsReport(
        open_questions(model, catalogue, infs),
        unknown,
        sum(1 for inf in infs if inf.scheme),
        len(infs),
    )


def questions_by_inference(model: ArgMap) -> dict[str, list[QuestionStatus]]:
    """The critical questions of each inference, by its key (its first link's id)."""
    out: dict[str, list[QuestionStatus]] = {}
    if not any(lk.scheme for lk in model.links):  # shorthand links name no scheme
        return out
    for q in open_questions(model):
        out.setdefault(q.inference, []).append(q)
    return out


def with_answer(model: ArgMap, claim_id: str, link: str, question: str, answer: str) -> list:
    """The claim's answers with one more: ``answer`` (yes or no) to ``question`` of the
    inference ``link`` belongs to (replacing an earlier answer of the claim to it), as
    plain data for the file.

    Raises:
        UsageError: no such claim or link, the link is not a support that names a scheme
            the catalogue knows, the scheme asks no such question, or the answer is neither
            yes nor no.
    """
    from argmap.errors import UsageError, did_you_mean

    if answer not in ("yes", "no"):
        raise UsageError(f"answer yes or no, not {answer!r}")
    claims = {c.id: c for c in model.claims}
    if claim_id not in claims:
        raise UsageError(f"no claim {claim_id!r}", hint=did_you_mean(claim_id, claims))
    owner = {lk.key: inf for inf in inferences(model) for lk in inf.links}
    if link not in owner:
        supports = list(owner)
        raise UsageError(f"no support {link!r} in this map", hint=did_you_mean(link, supports))
    catalogue = catalogue_of(model)
    scheme = catalogue.get(owner[link].scheme)
    if scheme is None:
        named = owner[link].scheme
        raise UsageError(
            f"support {link!r} names "
            + (f"scheme {named!r}, which the catalogue lacks" if named else "no scheme"),
            hint=f"argmap set MAP {link} scheme NAME (see argmap schemes)",
        )
    asked = [q.id for q in scheme.questions]
    if question not in asked:
        raise UsageError(
            f"scheme {scheme.id!r} asks no question {question!r}",
            hint=did_you_mean(question, asked) or "its questions: " + ", ".join(asked),
        )
    kept = [
        a.model_dump(mode="json")
        for a in claims[claim_id].answers
        if not (owner.get(a.link) is owner[link] and a.question == question)
    ]
    return [*kept, {"link": link, "question": question, "answer": answer}]
