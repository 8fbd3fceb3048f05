"""Options and arguments shared by the commands, defined once."""

from __future__ import annotations

from typing import Annotated

import typer

from argmap.cli.output import Format

__all__ = ["MapArg", "MapsArg", "FormatOpt", "Format"]

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
