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
    from argmap.cli.output import emit
    from argmap.operations.schemes import list_schemes

    emit(list_schemes(name, map_path=map_file), fmt)


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
    from argmap.cli.output import emit
    from argmap.operations.schemes import open_questions

    emit(open_questions(map_file, answered=answered), fmt)
