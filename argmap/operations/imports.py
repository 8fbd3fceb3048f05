"""``argmap import``: a map from another tool's format, written as an argmap map."""

from __future__ import annotations

import os

from argmap.operations.result import Result

__all__ = ["import_file"]


def import_file(path: str | os.PathLike, output: str = "-", *, source: str | None = None) -> Result:
    """Read the file at ``path`` (``-``: standard input) in format ``source`` (default:
    guessed from its name and text), check the map it gives as ``validate`` would, and
    write it to ``output`` as YAML (JSON for a ``.json`` name), or nothing.

    Raises:
        UsageError: the file cannot be read, or its format cannot be told.
        MapError: the file does not read in that format, or gives a map with errors
            (located in the file read).
    """
    from argmap.errors import UsageError
    from argmap.formats import IMPORT_FORMATS, guess_import_format, import_checked
    from argmap.formats.native import dump_json, dump_yaml
    from argmap.io.files import read_input, write_map

    inp = read_input(path)
    fmt = source if source is not None else guess_import_format(inp.name, inp.text)
    if fmt is None:
        raise UsageError(
            f"{inp.name}: cannot tell its format",
            hint="give --from " + "|".join(IMPORT_FORMATS),
        )
    model = import_checked(inp.text, inp.name, fmt)  # a valid map, or a located refusal
    text = dump_json(model) if str(output).endswith(".json") else dump_yaml(model)
    write_map(text, output)
    return Result(model, data=lambda: model.to_data(), id_list=lambda: [c.id for c in model.claims])
