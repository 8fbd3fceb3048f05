"""Options and arguments shared by the commands, defined once."""

from __future__ import annotations

from typing import Annotated

import typer

from argmap.cli.output import Format, RowFormat

__all__ = [
    "MapArg",
    "MapsArg",
    "FormatOpt",
    "Format",
    "RowFormat",
    "RowFormatOpt",
    "ClaimArg",
    "complete_claim_id",
    "complete_kind",
]

MapArg = Annotated[
    str,
    typer.Argument(metavar="MAP", help="A map file (YAML or JSON), or - to read standard input."),
]
MapsArg = Annotated[
    list[str],
    typer.Argument(metavar="MAP...", help="Map files (YAML or JSON), or - for standard input."),
]
FormatOpt = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="text (a rich view on a terminal, plain when piped), json, or ids (one per line).",
    ),
]


def complete_claim_id(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: the claim ids of the map named earlier on the command line."""
    paths = ctx.params.get("map_file") or ctx.params.get("map_files") or []
    path = paths if isinstance(paths, str) else (paths[0] if paths else None)
    if not path or path == "-":
        return []
    try:
        from argmap.formats import read_map

        ids = [c.id for c in read_map(path).model.claims]
    except Exception:  # completion must never fail loudly
        return []
    return [i for i in ids if i.startswith(incomplete)]


def complete_kind(incomplete: str) -> list[str]:
    """Shell completion: the claim kinds."""
    from argmap.model import ClaimKind

    return [k.value for k in ClaimKind if k.value.startswith(incomplete)]


ClaimArg = Annotated[
    str,
    typer.Argument(metavar="CLAIM", help="A claim id.", autocompletion=complete_claim_id),
]
RowFormatOpt = Annotated[
    RowFormat,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="text (a table on a terminal, plain columns when piped), json, ids (one per "
        "line), or tsv.",
    ),
]
