"""How each command's answer reads, chosen by the answer's type: the operations return
typed answers (:class:`~argmap.operations.result.Result` of a
:class:`~argmap.analysis.outline.Shown`, a :class:`~argmap.analysis.query_answers.Claims`
...), and what they read as is decided here, never beside them:

- :func:`text_form`: on a terminal or piped (a form of :mod:`argmap.views.forms`): an
  answer with columns and rows reads as a table, ``show`` and ``why`` as trees, ``eval`` as
  its labels;
- :func:`table_form`: a spreadsheet's columns and rows (``--format tsv``), where the answer
  has rows; each row names its map;
- :func:`own_form`: a format of the command's own (``validate --format github|sarif``).

Examples:
    >>> from argmap.analysis.query_answers import Path
    >>> from argmap.operations.result import Page
    >>> text_form(Path([]), Page()).nothing
    'no chain of links leads there'
    >>> table_form(Path([]))[1]
    []
    >>> table_form(Exception()) is None  # no rows: --format tsv is refused
    True
"""

from __future__ import annotations

from functools import singledispatch
from typing import Any

from argmap.analysis.compare import Comparison
from argmap.analysis.coverage import Coverage
from argmap.analysis.diff import MapDiff
from argmap.analysis.draft import DraftReport
from argmap.analysis.library import FindAnswer, Indexed, SameAnswer, WhoAnswer
from argmap.analysis.outline import Shown
from argmap.analysis.proposals import Proposal, Proposals
from argmap.analysis.query import Reach
from argmap.analysis.query_answers import Claims, Path, Reached, Stats
from argmap.analysis.schemes import Catalogue, Questions
from argmap.analysis.validate import Checked
from argmap.model import Scheme
from argmap.semantics.report import EvalReport, FrameworkReport
from argmap.views.forms import Json, Lines, Outline, Passages, Stack, Styled, Table

__all__ = ["text_form", "table_form", "own_form"]

Rows = tuple[list[str], list[list[str]]]


# -- text ---------------------------------------------------------------------------------


@singledispatch
def text_form(answer: Any, page: Any, **options: Any) -> Any:
    """The text form (:mod:`argmap.views.forms`) of a command's answer on ``page`` (a
    :class:`~argmap.operations.result.Page`), with the options its command gave
    (``Result.view``); None for an answer that prints nothing as text (``export`` writes a
    file)."""
    return None


@text_form.register(Claims)
@text_form.register(Reached)
@text_form.register(Path)
@text_form.register(Stats)
@text_form.register(Questions)
@text_form.register(FindAnswer)
@text_form.register(SameAnswer)
@text_form.register(Catalogue)
def _table(answer: Any, page: Any, **options: Any) -> Table:
    return Table(answer.columns(), answer.rows(), getattr(answer, "EMPTY", None))


@text_form.register(Proposals)
def _proposals(answer: Proposals, page: Any, **options: Any) -> Table:
    return Table(answer.columns(), answer.rows(), "nothing drafted is left to review")


@text_form.register(Proposal)
def _proposal(answer: Proposal, page: Any, *, place: str = "", **options: Any) -> Passages:
    """One proposal as a person judges it (``argmap review``): what it is; a claim in the
    paragraph its quote comes from, the quote marked, and its own text when it has one;
    the links it starts."""
    head = f"{place} {answer.what} {answer.id} ({answer.kind}, drafted {answer.score:.2f})"
    Segments = list[tuple[str, str | None]]
    out: list[tuple[int, Segments]] = [(0, [("", None)]), (0, [(head.strip(), "bold")])]
    if answer.context is not None and answer.quote_at is not None:
        start, end = answer.quote_at
        context = answer.context
        out.append((2, [(context[:start], "dim"), (context[start:end], "bold underline"),
                        (context[end:], "dim")]))  # fmt: skip
        if answer.text != answer.quote:
            out.append((2, [(f"text: {answer.text}", None)]))
    else:
        out.append((2, [(answer.text, None)]))
        if answer.quote and answer.quote != answer.text:
            out.append((2, [(f"quote: {answer.quote}", None)]))
    out += [(2, [(link, None)]) for link in answer.links]
    return Passages(out)


@text_form.register(Reach)
def _reach(answer: Reach, page: Any, **options: Any) -> Any:
    if answer.forward:
        table = answer.table()
        return Table(table.columns(), table.rows(), answer.empty)
    from argmap.analysis.outline import outline

    return Outline(answer.G, outline(answer.G, [answer.claim]))


@text_form.register(Shown)
def _shown(answer: Shown, page: Any, **options: Any) -> Outline:
    shown = {"quotes": answer.quotes, "verdicts": answer.verdicts,
             "questions": answer.questions}  # fmt: skip
    return Outline(answer.G, answer.trees, shown)


@text_form.register(Checked)
def _checked(answer: Checked, page: Any, **options: Any) -> Styled:
    from argmap.views.reports import validation_lines

    return Styled(validation_lines(answer))


@text_form.register(EvalReport)
def _eval(answer: EvalReport, page: Any, *, extensions: bool = False, **options: Any) -> Styled:
    from argmap.views.evaluation import eval_lines

    return Styled(eval_lines(answer, extensions=extensions, width=page.width,
                             marks=page.terminal))  # fmt: skip


@text_form.register(FrameworkReport)
def _framework(answer: FrameworkReport, page: Any, *, extensions: bool = False,
               **options: Any) -> Lines:  # fmt: skip
    from argmap.views.evaluation import framework_lines

    return Lines(framework_lines(answer, extensions=extensions))


@text_form.register(Scheme)
def _scheme(answer: Scheme, page: Any, **options: Any) -> Lines:
    from argmap.views.reports import scheme_lines

    return Lines(scheme_lines(answer))


@text_form.register(Comparison)
def _comparison(answer: Comparison, page: Any, **options: Any) -> Any:
    from argmap.views.compare import comparison_form

    return comparison_form(answer)


@text_form.register(Coverage)
def _coverage(answer: Coverage, page: Any, **options: Any) -> Lines:
    from argmap.views.reports import coverage_lines

    return Lines(coverage_lines(answer.model_dump(mode="json")), wrap=True)


@text_form.register(MapDiff)
def _diff(answer: MapDiff, page: Any, **options: Any) -> Lines:
    from argmap.views.reports import diff_lines

    return Lines(([f"argmap diff {answer.file}"] if answer.file else []) + diff_lines(answer))


@text_form.register(DraftReport)
def _draft(answer: DraftReport, page: Any, **options: Any) -> Lines:
    from argmap.wording import counted

    lines = []
    if answer.output not in (None, "-"):
        by = f" by {answer.by}" if answer.by is not None else ""
        lines.append(f"drafted {counted(len(answer.model.claims), 'claim')} and "
                     f"{counted(len(answer.model.links), 'link')} from {answer.source}{by} "
                     f"into {answer.output}; central claim: {answer.central}")  # fmt: skip
    if answer.explained is not None:
        lines += [f"{e.id} ({e.role}, {e.bears}, {e.score:.2f}): " + "; ".join(e.cues)
                  for e in answer.explained]  # fmt: skip
    elif answer.output is None:
        lines.extend(answer.written.splitlines())
    return Lines(lines, wrap=True)


@text_form.register(Indexed)
def _indexed(answer: Indexed, page: Any, **options: Any) -> Lines:
    """What ``library index`` says: the library's size and what this run did."""
    from argmap.wording import counted

    did = f"{answer.read} read, {answer.unchanged} unchanged, {answer.removed} removed"
    if answer.skipped:
        did += f", {counted(len(answer.skipped), 'file')} skipped"
    size = f"{counted(answer.maps, 'map')}, {counted(answer.claims, 'claim')}"
    return Lines([f"{answer.index}: {size} ({did}; searched by {answer.engine})"], wrap=True)


@text_form.register(WhoAnswer)
def _who(answer: WhoAnswer, page: Any, **options: Any) -> Stack:
    """``who``: the claim, each map's verdict on it, then a table of what bears on it."""
    lines = [f"{answer.claim.map} {answer.claim.id}: {answer.claim.text}", "verdicts:"]
    for v in answer.verdicts:
        how = "" if v.basis == "named" else f" ({v.basis})"
        where = f" (weighing {v.via})" if v.via else ""
        strength = f" {v.strength:.2f}" if v.strength is not None else ""
        lines.append(f"  {(v.verdict or '-').upper()}{strength}  {v.map} {v.id}{how}{where}")
    if answer.disagree:
        lines.append("  the maps disagree")
    table = Table(answer.columns(), answer.rows(), nothing=answer.EMPTY)
    return Stack([Lines(lines, wrap=True), Lines([""]), table])


# -- a spreadsheet's rows -----------------------------------------------------------------


@singledispatch
def table_form(answer: Any) -> Rows | None:
    """The answer's columns and rows for ``--format tsv``; None: it has no rows."""
    return None


@table_form.register(Claims)
@table_form.register(Reached)
@table_form.register(Path)
@table_form.register(Stats)
def _with_maps(answer: Any) -> Rows:
    full = answer.with_maps()  # each row names its map, whatever the text shows
    return full.columns(), full.rows()


@table_form.register(Reach)
def _reach_rows(answer: Reach) -> Rows:
    return _with_maps(answer.table())


@table_form.register(Questions)
@table_form.register(FindAnswer)
@table_form.register(SameAnswer)
@table_form.register(WhoAnswer)
@table_form.register(Proposals)
def _rows(answer: Any) -> Rows:
    return answer.columns(), answer.rows()


@table_form.register(Comparison)
def _pairs(answer: Comparison) -> Rows:
    return (["a", "b", "similarity", "method", "text_a", "text_b"],
            [[p.a, p.b, f"{p.similarity:.3f}", p.method, answer.texts_a[p.a],
              answer.texts_b[p.b]] for p in answer.pairs])  # fmt: skip


# -- formats of a command's own -----------------------------------------------------------


@singledispatch
def own_form(answer: Any, name: str) -> Any:
    """The answer in ``name``, a format of its command's own (``Result.formats``)."""
    raise TypeError(f"no {name} form for {type(answer).__name__}")


@own_form.register(Checked)
def _checked_as(answer: Checked, name: str) -> Any:
    from argmap.views.reports import github_lines, sarif

    if name == "github":
        return Lines(github_lines(answer))
    if name == "sarif":
        return Json(sarif(answer))
    raise TypeError(f"no {name} form for a validation")
