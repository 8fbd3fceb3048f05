"""argmap draft: a first map of a source text, offline."""

from __future__ import annotations

from typing import Annotated

import typer

from argmap.cli.options import Format, FormatOpt


def draft(
    source: Annotated[str, typer.Argument(metavar="SOURCE", help="The text to map, or -.")],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="MAP",
            help="Write the drafted map here (a new file; - for standard output). "
            "Without it, the map is printed.",
        ),
    ] = None,  # fmt: skip
    source_id: Annotated[
        str | None,
        typer.Option("--source-id", metavar="ID", help="The source's id in the map."),
    ] = None,
    units: Annotated[
        str | None,
        typer.Option(
            "--units",
            metavar="FILE",
            help="The units to use, one per line, or a map whose quotes they are: "
            "only the structure is drafted.",
        ),
    ] = None,  # fmt: skip
    explain: Annotated[
        bool, typer.Option("--explain", help="Say the cues behind each proposal.")
    ] = False,
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            metavar="NAME",
            help="Ask this language model for the draft, through the llm library "
            "(pip install 'argmap[llm]'; llm models lists the names). Its every quote is "
            "checked against the text; what the text does not hold is dropped and counted. "
            "Without it nothing leaves the machine.",
        ),
    ] = None,  # fmt: skip
    fmt: FormatOpt = Format.text,
) -> None:
    """Draft a first map of a text: its sentences, clauses and list items as claims, each
    a verbatim quote, with the central claim, supports, objections and replies, evidence,
    questions and further conclusions proposed from the cues a reader uses (modal verbs;
    because, therefore, but, admittedly...; place in the text). Background (a news hook,
    a line about the author, and the page around an article pasted from a browser: offers,
    links, captions, the standfirst) is left out and named on standard error; the headline
    titles the map. Every claim and link is marked drafted, with a score (0-1), until you
    review it: argmap review MAP, or argmap set MAP ID drafted false. Offline: nothing is
    fetched or fitted, unless --model names a language model to ask.

    Example: argmap draft article.txt -o article.yaml && argmap show article.yaml
    """
    from argmap.cli.output import emit
    from argmap.operations.draft import draft_file

    emit(draft_file(source, output, source_id=source_id, units_file=units, explain=explain,
                    model_name=model), fmt)  # fmt: skip
