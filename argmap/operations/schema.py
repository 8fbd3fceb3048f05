"""``argmap schema``: the JSON Schema of the map format, or of a command's JSON output,
for editors and other tools."""

from __future__ import annotations

from typing import Any

from argmap.operations.result import Result

__all__ = ["write_schema", "outputs", "output_schema"]


def write_schema(output: str = "-", *, of: str | None = None) -> Result:
    """Write the JSON Schema of the map format (:func:`argmap.model.json_schema`), or with
    ``of`` that of ``argmap OF --format json``'s output
    (:func:`output_schema`), to ``output`` (``-``: standard output),
    atomically.

    Raises:
        UsageError: no command of that name prints JSON of its own.
        ToolError: the file cannot be written.
    """
    import json

    from argmap.io.files import write_output

    if of is None:
        from argmap.model import json_schema

        schema = json_schema()
    else:
        from argmap.errors import UsageError, did_you_mean

        known = outputs()
        if of not in known:
            raise UsageError(
                f"--of: no command {of!r} prints JSON of its own (draft, import and export "
                "print a map: argmap schema with no --of)",
                hint=did_you_mean(of, sorted(known)),
            )
        schema = output_schema(of)
    write_output(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", output)
    return Result(schema, data=lambda: schema, id_list=lambda: [schema["$id"]])


def outputs() -> dict[str, Any]:
    """Every command that prints JSON of its own, by the name ``--of`` takes (a
    subcommand as ``group-name``), with the model of its answer, each defined beside the
    analysis that fills it. ``why`` and ``impact`` print the same records; ``draft``,
    ``import`` and ``export --to json`` print a map (``argmap schema`` with no name)."""
    from argmap.analysis import (
        compare,
        coverage,
        diff,
        library,
        outline,
        proposals,
        query_answers,
        schemes,
        validate,
    )
    from argmap.edit import merge
    from argmap.semantics import report

    return {
        "show": outline.ShownTrees,
        "validate": validate.Problems,
        "eval": report.EvalAnswer,
        "schemes": schemes.Schemes,
        "merge": merge.MergeAnswer,
        "compare": compare.Comparison,
        "claims": query_answers.Claims,
        "why": query_answers.Reached,
        "impact": query_answers.Reached,
        "path": query_answers.Path,
        "stats": query_answers.Stats,
        "coverage": coverage.Coverage,
        "questions": schemes.Questions,
        "diff": diff.MapDiff,
        "review": proposals.Proposals,
        "library-index": library.Indexed,
        "library-find": library.FindAnswer,
        "library-same": library.SameAnswer,
        "library-who": library.WhoAnswer,
    }


def output_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of ``argmap NAME --format json``'s output: its answer's model's
    schema, with the ``$id`` it is published under.

    Examples:
        >>> output_schema("stats")["$id"]
        'urn:argmap:output:stats:1'

    Raises:
        KeyError: no command of that name prints JSON of its own.
    """
    from argmap.model import FORMAT_VERSION

    # As printed: computed keys in, keys kept for the text form out.
    schema = outputs()[name].model_json_schema(by_alias=True, mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:argmap:output:{name}:{FORMAT_VERSION}",
        **schema,
        "title": f"argmap {name} --format json",
    }
