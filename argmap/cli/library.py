"""argmap library index|find|same|who: every map a team has made, searched as one."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from argmap.cli.options import FormatOpt, RowFormatOpt
from argmap.cli.output import Format, RowFormat

app = typer.Typer(
    name="library",
    help="Search all of a team's maps as one: who argues this, where else it appears, what "
    "answers it.\n\n"
    "The library is the maps under the paths given to 'library index' (by default the "
    "project's maps), in any format argmap reads, indexed into .argmap/library.sqlite at "
    "the project's top (--index or $ARGMAP_LIBRARY name another file). Every question "
    "brings the index up to date first: only files changed since are read again.\n\n"
    'Example: argmap library index maps && argmap library find "alliance burden sharing"',
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

Engine = StrEnum("Engine", ["sqlite", "tantivy", "opensearch"])
IndexOpt = Annotated[
    str | None,
    typer.Option(
        "--index",
        metavar="FILE",
        help="The library's index file (default: $ARGMAP_LIBRARY, else "
        ".argmap/library.sqlite at the project's top).",
    ),
]
MapOf = Annotated[str, typer.Argument(metavar="MAP", help="The map's file, as indexed.")]
ClaimOf = Annotated[str, typer.Argument(metavar="ID", help="A claim's id in that map.")]


@app.command("index")
def index(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[PATH]...",
            help="Maps and folders (every file of a format argmap reads); default: the "
            "project's maps.",
        ),
    ] = None,
    index_file: IndexOpt = None,
    engine: Annotated[
        Engine | None,
        typer.Option(
            "--engine",
            case_sensitive=False,
            help="The full-text engine: sqlite (FTS5, the default), tantivy (pip install "
            "'argmap[tantivy]'), or opensearch (pip install 'argmap[opensearch]'; the cluster "
            "ARGMAP_OPENSEARCH_URL names). Kept for later questions.",
        ),
    ] = None,
    fmt: FormatOpt = Format.text,
) -> None:
    """Index maps into the library (only new and changed files are read).

    The paths given become the library's: later questions keep the index current with
    them (a changed file read again, a deleted one taken out). A file that is not a map
    is skipped with a note. An index that cannot be read (damaged, truncated) is moved
    aside and rebuilt from the maps.

    Example: argmap library index maps ../shared/corpora/aif-araucariadb
    """
    from argmap.cli.output import emit
    from argmap.operations.library import index_library

    emit(index_library(paths or None, index=index_file,
                       engine=engine.value if engine is not None else None), fmt)  # fmt: skip


@app.command("find")
def find(
    query: Annotated[
        str,
        typer.Argument(
            help="Words to search for (any of them); '' with --for or --against lists them all."
        ),
    ],
    index_file: IndexOpt = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many.")] = 20,
    for_claim: Annotated[
        tuple[str, str] | None,
        typer.Option(
            "--for",
            metavar="MAP ID",
            help="Only what supports this claim (or its duplicates), anywhere.",
        ),
    ] = None,
    against_claim: Annotated[
        tuple[str, str] | None,
        typer.Option(
            "--against",
            metavar="MAP ID",
            help="Only what attacks or undercuts this claim (or its duplicates), anywhere.",
        ),
    ] = None,
    fmt: RowFormatOpt = RowFormat.text,
) -> None:
    """Claims of the library about a query, best first (BM25 over text and quote).

    With --for or --against a claim, the query ranks what supports or attacks it (give
    '' to list them all).

    Example: argmap library find "US retrenchment from Asia" -n 5
    """
    from argmap.cli.output import emit
    from argmap.errors import UsageError
    from argmap.operations.library import find as find_in

    if for_claim and against_claim:
        raise UsageError("give --for or --against, not both")
    emit(find_in(query, index=index_file, limit=limit, for_claim=for_claim,
                 against_claim=against_claim), fmt)  # fmt: skip


@app.command("same")
def same(
    map_file: MapOf,
    ident: ClaimOf,
    index_file: IndexOpt = None,
    threshold: Annotated[
        float,
        typer.Option("--threshold", min=0.0, max=1.0, help="The least wording score shown."),
    ] = 0.5,
    fmt: RowFormatOpt = RowFormat.text,
) -> None:
    """Where else a claim appears: the same quote of the same source, the same text, then
    claims whose wording says the same (scored 0-1, never merged).

    Example: argmap library same maps/us-japan-trump2.yaml retrenchment-risk
    """
    from argmap.cli.output import emit
    from argmap.operations.library import same as same_as

    emit(same_as(map_file, ident, index=index_file, threshold=threshold), fmt)


@app.command("who")
def who(
    map_file: MapOf, ident: ClaimOf, index_file: IndexOpt = None, fmt: RowFormatOpt = RowFormat.text
) -> None:
    """Everything that supports, attacks or undercuts a claim or its duplicates across the
    library, and each map's verdict on it (where the library disagrees with itself).

    Example: argmap library who maps/us-japan-trump2.yaml keep-investing
    """
    from argmap.cli.output import emit
    from argmap.operations.library import who as who_of

    emit(who_of(map_file, ident, index=index_file), fmt)
