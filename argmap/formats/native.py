"""argmap's own format: one schema (:mod:`argmap.model`) in YAML or JSON syntax.

Reading is safe (no object construction), bounded (input size, alias
expansion), and every problem is reported with file, line and column, all of
them at once. Writing is canonical and deterministic: shorthand links moved into
``links``, fields in schema order, claims and links in document order.

Examples:
    >>> doc = loads("title: T\\nclaims:\\n  - id: c\\n    text: C\\n    kind: conclusion\\n")
    >>> doc.model.claims[0].kind.value
    'conclusion'
    >>> print(dump_json(doc.model), end="")
    {
      "argmap": 1,
      "title": "T",
      "claims": [
        {
          "id": "c",
          "text": "C",
          "kind": "conclusion"
        }
      ]
    }
"""

from __future__ import annotations

import io
import json
from typing import Any

from argmap.document import Document, format_path
from argmap.errors import Diagnostic, Location, MapError, did_you_mean
from argmap.files import Input
from argmap.model import ArgMap, Claim, Link, Path, Source

__all__ = ["parse", "loads", "dump_json", "dump_yaml", "MAX_NODES"]

#: Most values a YAML document may expand to (aliases counted at every use).
MAX_NODES = 2_000_000

_MODELS = {"sources": Source, "claims": Claim, "links": Link}


def loads(text: str, name: str = "<map>", *, syntax: str | None = None) -> Document:
    """Parse map text (YAML or JSON) into a :class:`Document`."""
    return parse(Input(text, name, f".{syntax}" if syntax else ""))


def parse(inp: Input, *, syntax: str | None = None) -> Document:
    """Parse an input in the native format.

    Args:
        inp: the text and its name.
        syntax: ``"json"`` or ``"yaml"``; guessed from the suffix, then the text, when None.

    Raises:
        MapError: the text is empty, not well-formed, or does not fit the schema.
    """
    syntax = syntax or _guess_syntax(inp)
    if not inp.text.strip():
        raise MapError([Diagnostic("empty", "error", "the map is empty", Location(inp.name, 1, 1))])
    if syntax == "json":
        data, positions = _load_json(inp)
    else:
        data, positions = _load_yaml(inp)
    if not isinstance(data, dict):
        kind = type(data).__name__ if data is not None else "nothing"
        raise MapError(
            [
                Diagnostic(
                    "not_a_map",
                    "error",
                    f"the top level must be a mapping with title, claims and links, not {kind}",
                    Location(inp.name, 1, 1),
                )
            ]
        )
    from pydantic import ValidationError

    try:
        model = ArgMap.model_validate(data)
    except ValidationError as exc:
        doc = Document(ArgMap.model_construct(title="?"), inp.name, inp.path, positions)
        raise MapError(_schema_diagnostics(exc, doc)) from None
    return Document(model, inp.name, inp.path, positions)


def _guess_syntax(inp: Input) -> str:
    if inp.suffix == ".json":
        return "json"
    if inp.suffix in (".yaml", ".yml"):
        return "yaml"
    return "json" if inp.text.lstrip().startswith("{") else "yaml"


# --- JSON ---------------------------------------------------------------------------------


def _load_json(inp: Input) -> tuple[Any, Any]:
    try:
        data = json.loads(inp.text)
    except json.JSONDecodeError as exc:
        raise MapError(
            [Diagnostic("syntax", "error", f"invalid JSON: {exc.msg}", Location(inp.name, exc.lineno, exc.colno))]
        ) from None
    except RecursionError:
        raise MapError(
            [Diagnostic("too_deep", "error", "JSON nested too deeply", Location(inp.name, 1, 1))]
        ) from None

    cache: list[Any] = []

    def positions(path: Path, key: bool) -> tuple[int, int]:
        # Positions are needed only to report a problem: read them then, once.
        if not cache:
            try:
                cache.append(_yaml_positions(_compose_yaml(inp.text)))
            except Exception:  # the JSON is valid; a YAML reading of it is a bonus
                cache.append(lambda p, k: (0, 0))
        return cache[0](path, key)

    return data, positions


# --- YAML ---------------------------------------------------------------------------------


def _compose_yaml(text: str) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = False
    return yaml.load(io.StringIO(text))


def _load_yaml(inp: Input) -> tuple[Any, Any]:
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        data = _compose_yaml(inp.text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        if "found duplicate key" in str(problem):
            problem = problem.replace("found duplicate key", "duplicate key")
            code = "duplicate_key"
        else:
            code = "syntax"
        raise MapError(
            [Diagnostic(code, "error", f"invalid YAML: {problem}", Location(inp.name, line, col))]
        ) from None
    except YAMLError as exc:
        raise MapError(
            [Diagnostic("syntax", "error", f"invalid YAML: {exc}", Location(inp.name, 1, 1))]
        ) from None
    except RecursionError:
        raise MapError(
            [Diagnostic("too_deep", "error", "YAML nested too deeply", Location(inp.name, 1, 1))]
        ) from None
    _check_expansion(data, inp.name)
    return _plain(data), _yaml_positions(data)


def _check_expansion(data: Any, name: str) -> None:
    """Refuse documents whose aliases expand past MAX_NODES values (billion laughs)."""
    count = 0
    stack = [data]
    while stack:
        node = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise MapError(
                [
                    Diagnostic(
                        "too_large",
                        "error",
                        f"the document expands to more than {MAX_NODES:,} values (aliases?)",
                        Location(name, 1, 1),
                    )
                ]
            )
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _plain(value: Any) -> Any:
    """ruamel's commented containers and scalar types as plain Python values."""
    if isinstance(value, dict):
        return {_plain_key(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, int):
        return int(value)
    return value


def _plain_key(key: Any) -> Any:
    return str(key) if isinstance(key, str) else key


def _yaml_positions(root: Any):
    def positions(path: Path, key: bool) -> tuple[int, int]:
        node = root
        best = (1, 1)
        for i, part in enumerate(path):
            last = i == len(path) - 1
            lc = getattr(node, "lc", None)
            try:
                if isinstance(node, dict) and part in node:
                    line, col = lc.key(part) if (key and last) else lc.value(part)
                    best = (line + 1, col + 1)
                    node = node[part]
                elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                    line, col = lc.item(part)
                    best = (line + 1, col + 1)
                    node = node[part]
                else:
                    break
            except (AttributeError, KeyError, TypeError, IndexError):
                break
        return best

    return positions


# --- schema errors ------------------------------------------------------------------------


def _schema_diagnostics(exc: Any, doc: Document) -> list[Diagnostic]:
    diags = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        diags.append(_schema_diagnostic(err, loc, doc))
    return sorted(diags, key=lambda d: (d.location.line, d.location.col) if d.location else (0, 0))


def _schema_diagnostic(err: dict, loc: Path, doc: Document) -> Diagnostic:
    etype = err["type"]
    where = format_path(loc)
    value = err.get("input")
    if etype == "extra_forbidden":
        key = loc[-1]
        model = _model_at(loc[:-1])
        parent = format_path(loc[:-1]) or "the map"
        return Diagnostic(
            "unknown_key",
            "error",
            f"unknown key {key!r} in {parent}",
            doc.locate(loc, key=True),
            hint=did_you_mean(str(key), model.model_fields) or _fields_hint(model),
        )
    if etype == "missing":
        field = loc[-1]
        parent = format_path(loc[:-1]) or "the map"
        return Diagnostic(
            "missing_key",
            "error",
            f"{parent} has no {field!r}, which is required",
            doc.locate(loc[:-1]),
        )
    if etype == "enum":
        expected = err.get("ctx", {}).get("expected", "")
        choices = [c.strip(" '") for c in expected.replace(" or ", ",").split(",") if c.strip()]
        return Diagnostic(
            "bad_value",
            "error",
            f"{where}: {value!r} is not one of {', '.join(choices)}",
            doc.locate(loc),
            hint=did_you_mean(str(value), choices),
        )
    if etype == "string_pattern_mismatch" and loc[-1] in ("id", "source", "target", "group"):
        return Diagnostic(
            "bad_id",
            "error",
            f"{where}: {value!r} is not a valid id (use letters, digits, '-' and '_')",
            doc.locate(loc),
        )
    msg = err["msg"]
    if etype == "string_pattern_mismatch" and str(loc[-1]) in ("date", "created", "updated"):
        msg = "expected a date like 2025-03-25, 2025-03 or 2025"
    shown = "" if isinstance(value, dict | list) else f" (got {value!r})"
    return Diagnostic("bad_value", "error", f"{where}: {_lower_first(msg)}{shown}", doc.locate(loc))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _model_at(loc: Path) -> type:
    if len(loc) == 2 and loc[0] in _MODELS:
        return _MODELS[loc[0]]
    return ArgMap


def _fields_hint(model: type) -> str:
    return "known keys: " + ", ".join(model.model_fields)


# --- writing ------------------------------------------------------------------------------


def dump_json(model: ArgMap) -> str:
    """The canonical JSON document of a map, ending with a newline."""
    return json.dumps(model.to_data(), ensure_ascii=False, indent=2) + "\n"


def dump_yaml(model: ArgMap) -> str:
    """The canonical YAML document of a map."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt", pure=True)
    yaml.width = 88
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    out = io.StringIO()
    yaml.dump(model.to_data(), out)
    return out.getvalue()

