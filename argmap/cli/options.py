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
    model = _map_of(ctx)
    return [c.id for c in model.claims if c.id.startswith(incomplete)] if model else []


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
        from argmap.formats import read_map

        return read_map(path).model
    except Exception:  # completion must never fail loudly
        return None


def complete_tag(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: the tags used in the map named earlier on the command line."""
    model = _map_of(ctx)
    tags = dict.fromkeys(t for c in model.claims for t in c.tags) if model else {}
    return [t for t in tags if t.startswith(incomplete)]


def complete_source_id(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: the source ids of the map named earlier on the command line."""
    model = _map_of(ctx)
    return [s.id for s in model.sources if s.id.startswith(incomplete)] if model else []


def complete_link_or_claim_id(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: claim ids, then link ids (for what names either)."""
    model = _map_of(ctx)
    if model is None:
        return []
    ids = [c.id for c in model.claims] + [lk.id for lk in model.all_links()]
    return [i for i in dict.fromkeys(ids) if i.startswith(incomplete)]


def complete_tag_change(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion for +TAG/-TAG: the map's tags to add, the claim's own to remove."""
    model = _map_of(ctx)
    if model is None or incomplete[:1] not in ("+", "-"):
        return [s for s in ("+", "-") if s.startswith(incomplete)]
    if incomplete.startswith("-"):
        claim = next((c for c in model.claims if c.id == ctx.params.get("ident")), None)
        tags = claim.tags if claim else []
    else:
        tags = list(dict.fromkeys(t for c in model.claims for t in c.tags))
    sign = incomplete[0]
    return [sign + t for t in tags if (sign + t).startswith(incomplete)]


#: The claim kinds, for help texts (a test keeps it equal to the model's).
KIND_NAMES = (
    "conclusion, claim (the default), premise, evidence, assumption, objection, question, argument"
)


def complete_kind(incomplete: str) -> list[str]:
    """Shell completion: the claim kinds."""
    from argmap.model import ClaimKind

    return [k.value for k in ClaimKind if k.value.startswith(incomplete)]


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
