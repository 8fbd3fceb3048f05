"""``argmap schema``: the JSON Schema of the map format, for editors and other tools."""

from __future__ import annotations

from argmap.operations.result import Result

__all__ = ["write_schema"]


def write_schema(output: str = "-") -> Result:
    """Write the JSON Schema of the map format (:func:`argmap.model.json_schema`) to
    ``output`` (``-``: standard output), atomically.

    Raises:
        ToolError: the file cannot be written.
    """
    import json

    from argmap.io.files import write_output
    from argmap.model import json_schema

    schema = json_schema()
    write_output(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", output)
    return Result(schema, data=lambda: schema, id_list=lambda: [schema["$id"]])
