"""argmap schema: the JSON Schema of the map format, or of a command's JSON output."""

from __future__ import annotations

from typing import Annotated

import typer


def _outputs() -> list[str]:
    from argmap.operations.schema import outputs

    return sorted(outputs())


def schema(
    output: Annotated[
        str, typer.Option("--output", "-o", metavar="FILE", help="Write here (- = stdout).")
    ] = "-",
    of: Annotated[
        str | None,
        typer.Option(
            "--of",
            metavar="COMMAND",
            help="The schema of this command's --format json output instead: show, "
            "validate, claims, why, impact, path, stats, eval, questions, coverage, "
            "schemes, diff, merge or compare.",
            autocompletion=_outputs,
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of the map format (for editors and other tools), or with
    --of that of a command's --format json output (for tools that read it).

    Point your editor's YAML language server at the map format's schema to get
    completion and checking while you write a map. It accepts what validate
    accepts as to the shape and types of values; checks across the map (unknown
    ids, cycles, quotes) are validate's. draft, import and export --to json print
    maps, in the map format.

    Example: argmap schema --of eval -o eval.schema.json
    """
    from argmap.operations.schema import write_schema

    write_schema(output, of=of)
