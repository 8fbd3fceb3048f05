"""argmap import: read another tool's file into an argmap map."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from argmap.formats import IMPORT_FORMATS

ImportFormat = StrEnum("ImportFormat", list(IMPORT_FORMATS))  # type: ignore[misc]  # from the registry


def import_(
    path: Annotated[str, typer.Argument(metavar="FILE", help="The file to read, or -.")],
    source: Annotated[
        ImportFormat | None,
        typer.Option("--from", case_sensitive=False, help="Its format; default: guessed."),
    ] = None,
    output: Annotated[
        str, typer.Option("--output", "-o", metavar="MAP", help="Write the map here (- = stdout).")
    ] = "-",
) -> None:
    """Import a map from another tool's format.

    Formats: Argdown (.argdown), AIF (AIFdb JSON, xAIF), Carneades 4 YAML, GraphML,
    Potsdam microtexts (arggraph XML), SADFace JSON.

    Writes argmap YAML (JSON for a .json output), validated on the way out; what the
    source format holds that argmap cannot (dialogue nodes, weights) is named in the
    map's description.

    Example: argmap import debate.argdown -o maps/debate.yaml
    """
    from argmap.operations.imports import import_file

    import_file(path, output, source=source.value if source is not None else None)
