"""``argmap schema``: the JSON Schema of the map format, or of a command's JSON output,
for editors and other tools."""

from __future__ import annotations

from argmap.operations.result import Result

__all__ = ["write_schema"]


def write_schema(output: str = "-", *, of: str | None = None) -> Result:
    """Write the JSON Schema of the map format (:func:`argmap.model.json_schema`), or with
    ``of`` that of ``argmap OF --format json``'s output
    (:func:`argmap.model.outputs.output_schema`), to ``output`` (``-``: standard output),
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
        from argmap.model.outputs import OUTPUTS, output_schema

        answers = _answer_models()
        if of not in OUTPUTS and of not in answers:
            raise UsageError(
                f"--of: no command {of!r} prints JSON of its own (draft, import and export "
                "print a map: argmap schema with no --of)",
                hint=did_you_mean(of, sorted([*OUTPUTS, *answers])),
            )
        schema = output_schema(of, answers.get(of))
    write_output(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", output)
    return Result(schema, data=lambda: schema, id_list=lambda: [schema["$id"]])


def _answer_models() -> dict:
    """The commands whose answer is a model defined beside its analysis, by the name
    ``--of`` takes (a subcommand as ``group-name``)."""
    from argmap.analysis import library
    from argmap.operations import review

    return {
        "review": review.Proposals,
        "library-index": library.Indexed,
        "library-find": library.FindAnswer,
        "library-same": library.SameAnswer,
        "library-who": library.WhoAnswer,
    }
