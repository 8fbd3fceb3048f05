"""argmap source add|rm: the sources a map quotes, from the shell."""

from __future__ import annotations

from typing import Annotated

import typer

from argmap.cli.edit import FileArg
from argmap.cli.options import complete_source_id

app = typer.Typer(
    name="source",
    help="Add or remove a map's sources (the texts its quotes come from).\n\n"
    'Example: argmap source add maps/ports.yaml --id study --title "Port study" --path study.txt',
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.command("add")
def add(
    map_file: FileArg,
    ident: Annotated[str, typer.Option("--id", help="Its id, for claims to cite (a slug).")],
    title: Annotated[
        str | None,
        typer.Option("--title", help="Its title (default: from the text's header, if it has one)."),
    ] = None,
    author: Annotated[str | None, typer.Option(help="Who wrote it.")] = None,
    date: Annotated[str | None, typer.Option(help="When: 2025, 2025-03 or 2025-03-25.")] = None,
    url: Annotated[str | None, typer.Option(help="Where it is published.")] = None,
    path: Annotated[
        str | None,
        typer.Option(
            help="A local copy of its text, relative to the map: quotes are checked "
            "against it, and found in it by add --quote."
        ),
    ] = None,
) -> None:
    """Add a source; print its id.

    Fields not given (title, author, date, url) are taken from the header block at the top
    of the text --path names, if it has one: Title:, Author:, Date:, URL: lines above the
    article, or front matter between --- lines.

    Example: argmap source add maps/ports.yaml --id study --title "Port study" --path study.txt
    """
    from argmap.cli.output import emit_edited
    from argmap.operations.edit import add_source

    done = add_source(map_file, ident, title, author=author, date=date, url=url, text_path=path)
    emit_edited(done, warnings=False)


@app.command("rm")
def rm(
    map_file: FileArg,
    ident: Annotated[
        str,
        typer.Argument(metavar="SOURCE", help="A source id.", autocompletion=complete_source_id),
    ],
    cascade: Annotated[
        bool,
        typer.Option(
            "--cascade",
            help="Also take the source, quote and locator off the claims that cite it, "
            "and list them.",
        ),
    ] = False,
) -> None:
    """Remove a source. Refuses while a claim cites it, unless --cascade.

    Example: argmap source rm maps/ports.yaml study --cascade
    """
    from argmap.cli.output import emit_edited
    from argmap.operations.edit import remove_source

    emit_edited(remove_source(map_file, ident, cascade=cascade), warnings=False)
