"""``argmap coverage``'s answer: what a map leaves open (conclusions nothing supports,
objections nothing answers, evidence without a quote), how much of its source texts its
quotes draw on, its open critical questions, what was reconstructed and what is still
drafted. The quotes themselves are found by :mod:`argmap.analysis.provenance`.

The answer is one pydantic model (:class:`Coverage`): its JSON, its published schema
(``argmap schema --of coverage``) and the claims it names (:meth:`Coverage.ids`).
"""

from __future__ import annotations

from pathlib import Path

from argmap.analysis.provenance import SourceText, _short, load_source
from argmap.analysis.schemes import QuestionRecord, UnknownScheme
from argmap.model.answers import Record

__all__ = ["coverage", "Coverage", "COVERAGE_GAPS"]

#: The parts of a coverage report that list claims needing attention.
COVERAGE_GAPS = ("unsupported_conclusions", "unanswered_objections", "evidence_without_provenance")


class SourceCoverage(Record):
    source: str | None
    path: str
    paragraphs: int
    argumentative: int
    drawn_on: list[int]
    left_out: list[int]
    coverage: float | None
    claims_by_paragraph: dict[str, list[str]]
    left_out_text: dict[str, str]


class AbsentSource(Record):
    source: str
    path: str


class CoverageQuestions(Record):
    open: int
    yes: int
    no: int
    inferences: int
    inferences_with_scheme: int
    open_questions: list[QuestionRecord]
    unknown_schemes: list[UnknownScheme]


class Reconstructed(Record):
    claims: list[str]
    share: float


class Drafted(Record):
    claims: list[str]
    links: int


class Coverage(Record):
    """``argmap coverage --format json``."""

    unsupported_conclusions: list[str]
    unanswered_objections: list[str]
    evidence_without_provenance: list[str]
    sources: list[SourceCoverage]
    sources_absent: list[AbsentSource]
    critical_questions: CoverageQuestions
    reconstructed: Reconstructed
    drafted: Drafted

    def ids(self) -> list[str]:
        """The claims the report says need attention, once each, in its order."""
        return list(dict.fromkeys(i for k in COVERAGE_GAPS for i in getattr(self, k)))


def coverage(doc, G=None, *, source_text: tuple[str, str] | None = None) -> Coverage:
    """What a map leaves open, and how much of its source texts it draws on.

    Returns the :class:`Coverage` answer: ``unsupported_conclusions``, ``unanswered_objections``
    (objections nothing attacks), ``evidence_without_provenance`` (evidence lacking a source
    or a quote), per source text the argumentative paragraphs (at least
    :data:`ARGUMENTATIVE_WORDS` words) the quotes draw on and those they leave out, and
    ``sources_absent``: the sources whose text is not there (``source``, ``path``), whose
    coverage is therefore unknown; ``critical_questions``: the counts of open and answered
    critical questions of the inferences that name a scheme, and the open ones;
    ``reconstructed``: the claims the analyst reconstructed, and their share of the map.
    ``source_text`` (its path and text) checks every quote against that one text instead.
    """
    from argmap.model import ClaimKind

    if G is None:
        from argmap.graph import build_graph

        G = build_graph(doc)

    from argmap.graph import open_issues

    claims = doc.model.claims
    issues = open_issues(G)
    report: dict = {
        "unsupported_conclusions": issues["unsupported_conclusions"],
        "unanswered_objections": issues["unanswered_objections"],
        "evidence_without_provenance": [
            c.id for c in claims if c.kind is ClaimKind.evidence and not (c.source and c.quote)
        ],
        "sources": [],
        "sources_absent": [],
    }
    texts: dict[str, tuple[Path, SourceText]] = {}
    if source_text is not None:
        given_path, given_text = source_text
        texts["*"] = (Path(given_path), SourceText(given_text))
    else:
        for s in doc.model.sources:
            if s.path is not None:
                try:
                    texts[s.id] = load_source(doc.files, s.path)
                except FileNotFoundError:
                    report["sources_absent"].append({"source": s.id, "path": s.path})
                except (OSError, UnicodeDecodeError):
                    continue  # validate reports it
    for sid, (path, text) in texts.items():
        used: dict[int, list[str]] = {}
        for c in claims:
            if c.quote and (sid == "*" or c.source == sid):
                for hit in text.find_all(c.quote):
                    ids = used.setdefault(hit.paragraph, [])
                    if c.id not in ids:
                        ids.append(c.id)
        arguing = text.argumentative()
        drawn = [p for p in arguing if p in used]
        left = [p for p in arguing if p not in used]
        report["sources"].append(
            {
                "source": None if sid == "*" else sid,
                "path": str(path),
                "paragraphs": len(text.paragraphs),
                "argumentative": len(arguing),
                "drawn_on": drawn,
                "left_out": left,
                "coverage": round(len(drawn) / len(arguing), 4) if arguing else None,
                "claims_by_paragraph": {str(p): ids for p, ids in sorted(used.items())},
                "left_out_text": {
                    str(p): _short(text.text[slice(*text.paragraphs[p - 1])], 120) for p in left
                },
            }
        )
    from argmap.analysis.schemes import questions_report

    questions = questions_report(doc.model)
    report["critical_questions"] = {
        **questions.counts(),
        "inferences": questions.inferences,
        "inferences_with_scheme": questions.with_scheme,
        "open_questions": [QuestionRecord.of(q) for q in questions.selected(answered=False)],
        "unknown_schemes": [
            UnknownScheme(inference=k, scheme=s) for k, s in questions.unknown_schemes
        ],
    }
    made = [c.id for c in claims if c.reconstructed]
    report["reconstructed"] = {
        "claims": made,
        "share": round(len(made) / len(claims), 4) if claims else 0.0,
    }
    report["drafted"] = {
        "claims": [c.id for c in claims if c.drafted is not None],
        "links": sum(1 for lk in doc.model.all_links() if lk.drafted is not None),
    }
    return Coverage.model_validate(report)
