"""Options and arguments shared by the commands, defined once."""

from __future__ import annotations

from typing import Annotated

import typer

from argmap.cli.output import Format, RowFormat

__all__ = [
    "MapArg",
    "MapsArg",
    "MapFileArg",
    "FormatOpt",
    "Format",
    "RowFormat",
    "RowFormatOpt",
    "ClaimArg",
    "complete_claim_id",
    "complete_kind",
    "KIND_NAMES",
    "WhereOpt",
    "FocusOpt",
    "RadiusOpt",
    "TagOpt",
    "EvalMarksOpt",
    "complete_tag",
    "complete_tag_change",
    "complete_source_id",
    "complete_link_or_claim_id",
]

MapArg = Annotated[
    str,
    typer.Argument(metavar="MAP", help="A map file (YAML or JSON), or - to read standard input."),
]
MapFileArg = Annotated[
    str,
    typer.Argument(metavar="MAP", help="A map file (YAML or JSON); it is watched for saves."),
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
    from argmap.analysis.completion import claim_ids

    model = _map_of(ctx)
    return claim_ids(model, incomplete) if model else []


def _map_of(ctx: typer.Context):
    """The map named on the command line being completed (None when there is none). While
    an option's value is being completed, the shell's words before it may not have been
    bound to their parameters yet: the first of them that is a file is the map."""
    import os

    paths = ctx.params.get("map_file") or ctx.params.get("map_files") or []
    named = [paths] if isinstance(paths, str) else list(paths)
    path = next((p for p in [*named, *ctx.args] if p != "-" and os.path.isfile(p)), None)
    if path is None:
        return None
    try:
        from argmap.operations.loading import read_map

        return read_map(path).model
    except Exception:  # completion must never fail loudly
        return None


def complete_tag(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: the tags used in the map named earlier on the command line."""
    from argmap.analysis.completion import tags

    model = _map_of(ctx)
    return tags(model, incomplete) if model else []


def complete_source_id(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: the source ids of the map named earlier on the command line."""
    from argmap.analysis.completion import source_ids

    model = _map_of(ctx)
    return source_ids(model, incomplete) if model else []


def complete_link_or_claim_id(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: claim ids, then link ids (for what names either)."""
    from argmap.analysis.completion import link_or_claim_ids

    model = _map_of(ctx)
    return link_or_claim_ids(model, incomplete) if model else []


def complete_tag_change(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion for +TAG/-TAG: the map's tags to add, the claim's own to remove."""
    from argmap.analysis.completion import tag_changes

    return tag_changes(_map_of(ctx), ctx.params.get("ident"), incomplete)


#: The claim kinds, for help texts (a test keeps it equal to the model's).
KIND_NAMES = (
    "conclusion, claim (the default), premise, evidence, assumption, objection, question, argument"
)


def complete_kind(incomplete: str) -> list[str]:
    """Shell completion: the claim kinds."""
    from argmap.analysis.completion import kinds

    return kinds(incomplete)


ClaimArg = Annotated[
    str,
    typer.Argument(metavar="CLAIM", help="A claim id.", autocompletion=complete_claim_id),
]
WhereOpt = Annotated[
    str | None,
    typer.Option(
        "--where",
        "-w",
        metavar="EXPR",
        help="Show only the claims this expression selects (as in argmap claims --where).",
    ),
]
FocusOpt = Annotated[
    str | None,
    typer.Option(
        "--focus",
        metavar="ID",
        help="Show only the claims within --radius links of this one (either way).",
        autocompletion=complete_claim_id,
    ),
]
RadiusOpt = Annotated[
    int, typer.Option("--radius", metavar="N", min=0, help="With --focus: how many links out.")
]
TagOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--tag",
        metavar="TAG",
        help="Show only claims with this tag (repeat: all of them).",
        autocompletion=complete_tag,
    ),
]
EvalMarksOpt = Annotated[
    bool,
    typer.Option(
        "--eval",
        help="Mark each claim in the picture IN, OUT or UNDEC (grounded, weighed on the "
        "whole map), in words and colour, with its strength.",
    ),
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
