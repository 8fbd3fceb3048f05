"""argmap schema: the JSON Schema of the map format."""

from __future__ import annotations


def schema() -> None:
    """Print the JSON Schema of the map format (for editors and other tools).

    Point your editor's YAML language server at it to get completion and
    checking while you write a map.

    Example: argmap schema > argmap.schema.json
    """
    from argmap.cli.output import emit_json
    from argmap.model import json_schema

    emit_json(json_schema())
