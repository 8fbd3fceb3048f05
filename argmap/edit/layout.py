"""The canonical layout of a map file, for ``argmap fmt``: keys in the format's order,
two-space indentation, comments kept (YAML through ruamel.yaml's round-trip mode).

Unlike ``export --to yaml``, formatting keeps the author's shorthand links and comments;
it only orders and indents.

Examples:
    >>> print(canonical_layout("claims:\\n- text: C  # main\\n  id: c\\ntitle: T\\n"), end="")
    title: T
    claims:
      - id: c
        text: C # main
"""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Any

from argmap.model import ArgMap, Claim, Link, Scheme, Source, Use

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["canonical_layout", "WIDTH"]

WIDTH = 88
_ORDER: dict[str, type[BaseModel]] = {
    "sources": Source, "claims": Claim, "links": Link, "schemes": Scheme, "uses": Use,
}  # fmt: skip


def _reorder(mapping: Any, keys: list[str]) -> None:
    # Known keys move to the end in the format's order; comments travel with their keys,
    # except what follows the mapping's last value (a blank line, the next item's comment),
    # which stays at the mapping's end.
    last = next(reversed(mapping), None) if len(mapping) else None
    for key in keys:
        if key in mapping:
            mapping.move_to_end(key)
    new_last = next(reversed(mapping), None) if len(mapping) else None
    if last is None or new_last == last or not hasattr(mapping, "ca"):
        return
    entry = mapping.ca.items.get(last)
    if not entry or len(entry) < 3 or entry[2] is None:
        return
    trailing = entry[2]
    token = trailing.value
    # Keep what stands on the old last value's own line ("  # a comment\n"); move the rest.
    own, sep, rest = token.partition("\n")
    if own.strip():
        entry[2].value = own + sep
        if not rest:
            return
        from copy import copy

        trailing = copy(trailing)
        trailing.value = rest
    else:
        entry[2] = None
    _attach_trailing(mapping, new_last, trailing)


def _attach_trailing(mapping: Any, key: Any, token: Any) -> None:
    # The comment after a block collection belongs to its last item, recursively.
    value = mapping[key]
    if hasattr(value, "ca") and len(value) and not value.fa.flow_style():
        inner = len(value) - 1 if isinstance(value, list) else next(reversed(value))
        if isinstance(value, list):
            item = value[inner]
            if hasattr(item, "ca") and len(item) and not item.fa.flow_style():
                inner_key = len(item) - 1 if isinstance(item, list) else next(reversed(item))
                if not isinstance(item, list):
                    return _attach_trailing(item, inner_key, token)
            seq: Any = value  # a ruamel CommentedSeq: a list with its comments
            seq.ca.items.setdefault(inner, [None, None, None, None])[0] = token
            return
        return _attach_trailing(value, inner, token)
    entry = mapping.ca.items.setdefault(key, [None, None, None, None])
    if entry[2] is not None:
        entry[2].value = entry[2].value.rstrip("\n") + "\n" + token.value
    else:
        entry[2] = token


def _ordered(mapping: dict, keys: list[str]) -> dict:
    out = {k: mapping[k] for k in keys if k in mapping}
    out.update((k, v) for k, v in mapping.items() if k not in out)
    return out


def canonical_layout(text: str, *, json_syntax: bool = False) -> str:
    """``text`` in the canonical layout (JSON stays JSON)."""
    top = list(ArgMap.model_fields)
    if json_syntax:
        data = _ordered(json.loads(text), top)
        for section, model in _ORDER.items():
            if isinstance(data.get(section), list):
                data[section] = [
                    _ordered(item, list(model.model_fields)) if isinstance(item, dict) else item
                    for item in data[section]
                ]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = WIDTH
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    data = yaml.load(text)
    _reorder(data, top)
    for section, model in _ORDER.items():
        for item in data.get(section) or []:
            if hasattr(item, "move_to_end"):
                _reorder(item, list(model.model_fields))
    out = io.StringIO()
    yaml.dump(data, out)
    laid_out = out.getvalue()
    # The emitter leaves a space at the end of lines where it folds a long plain scalar.
    # Drop those, unless that would change what the file says (as in a literal block). What
    # the file says is what argmap's own reader reads: the layout must not change it.
    from argmap.errors import UsageError
    from argmap.io import yamltext as yamlio

    meant = yamlio.load(text, "<map>")
    stripped = "\n".join(line.rstrip(" ") for line in laid_out.split("\n"))
    for candidate in (stripped, laid_out):
        if yamlio.load(candidate, "<map>") == meant:
            return candidate
    raise UsageError("this map cannot be laid out without changing what it says; left as it is")
