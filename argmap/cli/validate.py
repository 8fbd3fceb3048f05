"""argmap validate: check maps and report every problem with its place."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


class CheckFormat(StrEnum):
    """What validate prints."""

    text = "text"
    json = "json"
    ids = "ids"
    github = "github"
    sarif = "sarif"


def validate(
    map_files: Annotated[
        list[str],
        typer.Argument(
            metavar="MAP...",
            help="Map files (YAML or JSON), folders to search for maps, or - for standard input.",
        ),
    ],
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1) on warnings too, not only errors.")
    ] = False,
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="text (a rich view on a terminal, plain when piped), json, ids (one per "
            "line), github (workflow commands: annotations in a pull request) or sarif "
            "(SARIF 2.1.0, for code scanning).",
        ),
    ] = CheckFormat.text,
) -> None:
    """Check maps: syntax, schema, references, cycles of support, provenance.

    Every problem is printed as FILE:LINE:COL: severity[code]: message. Exit
    status 1 when any map has errors (or warnings, with --strict), else 0.
    A folder is searched for maps (maps/**/*.yaml and **/*.argmap.yaml, or
    the maps globs of [tool.argmap] in pyproject.toml or argmap.toml, whose
    strict, ignore and select settings apply too).

    Example: argmap validate maps/ --strict --format github
    """
    from argmap.cli.output import emit
    from argmap.operations.validate import validate_files

    emit(validate_files(map_files, strict=strict), fmt)
