"""argmap schema: the JSON Schema of the map format."""

from __future__ import annotations

from typing import Annotated

import typer


def schema(
    output: Annotated[
        str, typer.Option("--output", "-o", metavar="FILE", help="Write here (- = stdout).")
    ] = "-",
) -> None:
    """Print the JSON Schema of the map format (for editors and other tools).

    Point your editor's YAML language server at it to get completion and
    checking while you write a map. It accepts what validate accepts as to the
    shape and types of values; checks across the map (unknown ids, cycles,
    quotes) are validate's.

    Example: argmap schema -o ~/.config/argmap/argmap.schema.json
    """
    from argmap.operations.schema import write_schema

    write_schema(output)
