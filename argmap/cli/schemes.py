"""argmap schemes and argmap questions: the catalogue of argument schemes, and the
critical questions a map's inferences leave open."""

from __future__ import annotations

from typing import Annotated

import typer

from argmap.cli.options import Format, FormatOpt, MapArg, RowFormat, RowFormatOpt


def schemes(
    name: Annotated[
        str | None,
        typer.Argument(metavar="NAME", help="One scheme, by id, name or AIF name."),
    ] = None,
    map_file: Annotated[
        str | None,
        typer.Option("--map", metavar="MAP", help="Add the schemes this map defines."),
    ] = None,
    fmt: FormatOpt = Format.text,
) -> None:
    """List the argument schemes argmap knows, or print one with its premise roles,
    conclusion and critical questions.

    Each question is phrased so that "yes" is the answer under which the inference holds;
    a claim that answers "no" defeats it. A map names a scheme on a support link
    (scheme: practical-reasoning) and may define schemes of its own (schemes:).

    Example: argmap schemes practical-reasoning
    """
    from argmap.analysis.schemes import catalogue_of, scheme_data, scheme_lines
    from argmap.cli.output import emit_json, emit_lines, emit_table
    from argmap.errors import UsageError

    model = None
    if map_file is not None:
        from argmap.formats import read_map

        model = read_map(map_file).model
    catalogue = catalogue_of(model)
    if name is not None:
        scheme = catalogue.get(name)
        if scheme is None:
            hint = catalogue.suggest(name)
            raise UsageError(
                f"no scheme {name!r}" + (f": {hint}" if hint else "; see `argmap schemes`")
            )
        if fmt is Format.json:
            emit_json(scheme_data(scheme))
        elif fmt is Format.ids:
            emit_lines([scheme.id])
        else:
            emit_lines(scheme_lines(scheme))
        return
    if fmt is Format.json:
        emit_json(catalogue.to_data())
    elif fmt is Format.ids:
        emit_lines(catalogue.ids())
    else:
        emit_table(catalogue.columns(), catalogue.rows())


def questions(
    map_file: MapArg,
    answered: Annotated[
        bool,
        typer.Option("--all", "-a", help="Answered questions too, with who answers and how."),
    ] = False,
    fmt: RowFormatOpt = RowFormat.text,
) -> None:
    """List the critical questions a map's inferences leave open.

    An inference is a support link, or a linked group, that names its scheme; each
    question of that scheme is open until a claim answers it (answers: [{link, question,
    answer: yes|no}]). Open questions never make validate fail. --format ids prints
    LINK-ID/QUESTION-ID, one per line.

    Example: argmap questions maps/us-japan-trump2.yaml --all
    """
    from argmap.analysis.schemes import questions_report
    from argmap.cli.output import emit_json, emit_lines, emit_table, emit_tsv
    from argmap.formats import read_map

    report = questions_report(read_map(map_file).model)
    if fmt is RowFormat.json:
        emit_json(report.to_data(answered=answered))
    elif fmt is RowFormat.ids:
        emit_lines(report.ids(answered=answered))
    elif fmt is RowFormat.tsv:
        emit_tsv(list(report.COLUMNS), report.rows(answered=answered))
    else:
        from argmap.cli.output import is_terminal, print_error

        rows = report.rows(answered=answered)
        if rows or is_terminal():  # piped, nothing to list prints nothing
            emit_table(list(report.COLUMNS), rows)
        if not rows:
            print_error(["argmap: no " + ("critical questions" if answered else "open questions")])
