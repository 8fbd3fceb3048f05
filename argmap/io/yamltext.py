"""YAML, read one way and written one way: the map reader, the Argdown data and front
matter reader, the Carneades reader, the scheme catalogue and the byte-precise editor all
read it here, and every YAML argmap writes is written here.

Reading: libyaml (through PyYAML) composes the document into nodes that carry their
positions; argmap then builds plain values itself, by the YAML 1.2 core schema (so `no` and
`on` stay text and 2025-03-25 stays a date string), refusing duplicate keys, unknown tags,
complex keys and alias expansion beyond :data:`MAX_NODES`. Nothing but str, int, float,
bool, None, list and dict is ever constructed; every problem is a located
:class:`~argmap.errors.MapError`.

Writing: text is quoted wherever this reader would not read it back as that text.

Examples:
    >>> load("note: no\\nweight: 0.5\\nwhen: 2025-03-25\\n", "data.yaml")
    {'note': 'no', 'weight': 0.5, 'when': '2025-03-25'}
    >>> print(dump({"note": "no", "n": "0E0"}), end="")
    note: 'no'
    n: '0E0'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from argmap.errors import Diagnostic, Location, MapError

__all__ = [
    "MAX_NODES",
    "Builder",
    "compose",
    "compose_nodes",
    "load",
    "load_with_positions",
    "positions",
    "hint",
    "int_or_inf",
    "dump",
    "dumper",
    "item_dumper",
    "dump_inline",
    "dump_item",
]

#: Most values a YAML document may expand to (aliases counted at every use).
MAX_NODES = 2_000_000

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_CORE_TAGS = {
    _STR,
    _SEQ,
    _MAP,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")


def _loader() -> type:
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc, valid-type]
        """Composes only: every plain scalar is left as text for argmap to resolve."""

        yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012

    return Loader


def compose_nodes(text: str) -> Any:
    """The node tree of YAML text; PyYAML's own errors are raised (for the editor, which
    turns them into its own refusal)."""
    import yaml

    return yaml.compose(text, Loader=_loader())


def compose(text: str, name: str = "<map>") -> Any:
    """The YAML node tree of a text (JSON too: it is YAML's flow syntax), every node
    with its position; None for an empty document.

    Raises:
        MapError: the text is not well-formed (``syntax``), with its place and a hint.
    """
    import yaml

    try:
        return compose_nodes(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        where = Location(name, line, col)
        raise MapError(
            [Diagnostic("syntax", "error", f"invalid YAML: {problem}", where, hint=hint(exc, text))]
        ) from None
    except yaml.YAMLError as exc:
        raise MapError(
            [Diagnostic("syntax", "error", f"invalid YAML: {exc}", Location(name, 1, 1))]
        ) from None


_VALUE_WITH_COLON = re.compile(r"^\s*(?:-\s+)?[\w-]+:\s+[^'\"\s\[{|>].*?:(?:\s|$)")


def hint(exc: Any, text: str) -> str | None:
    """A hint for the YAML mistakes people make most, from the parser's words and the line
    it stopped at: an unquoted colon in a value, a tab, a wrong indent, an unclosed quote
    or bracket.

    Examples:
        >>> import yaml
        >>> text = "title: t\\nclaims:\\n  - id: a\\n    text: Note: a colon\\n"
        >>> try:
        ...     yaml.compose(text, Loader=_loader())
        ... except yaml.MarkedYAMLError as exc:
        ...     print(hint(exc, text))
        a value holding ': ' must be quoted, e.g. text: "Note: a colon"
    """
    problem = f"{exc.problem or ''} {exc.context or ''}"
    mark = exc.problem_mark or exc.context_mark
    lines = text.split("\n")
    line = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    if "\t" in problem or "tab" in problem:
        return "YAML indents with spaces, never tabs"
    if "quoted scalar" in problem:
        start = exc.context_mark
        where = f" at line {start.line + 1}, column {start.column + 1}" if start else ""
        return f"a quote opened{where} is never closed"
    if "mapping values are not allowed" in problem:
        m = _VALUE_WITH_COLON.match(line)
        if m:
            key, _, value = line.strip().lstrip("- ").partition(":")
            return f"a value holding ': ' must be quoted, e.g. {key}: \"{value.strip()}\""
        return "check the indentation: this line is indented deeper than the key before it"
    if "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
        return "a [ or { is not closed, or two items lack a comma between them"
    if "expected node content" in problem or "end of stream" in problem:
        return "something opened is never closed: a [, a { or a quote"
    if "expected key" in problem and re.search(r"""^\s*(?:-\s+)?[\w-]+:\s*["'].*["']\s*\S""", line):
        return "a quoted value must be quoted whole, or not at all"
    if "expected key" in problem or "'-' indicator" in problem or "block end" in problem:
        return (
            "check the indentation: keys of one mapping line up, and the items of a list "
            "start with '- ' at one indentation"
        )
    return None


def load(text: str, name: str, *, first_line: int = 1) -> Any:
    """Plain values from YAML text, read exactly as maps are read: YAML 1.2 core scalars
    (``no`` stays text), duplicate keys refused, aliases expanded no further than
    :data:`MAX_NODES`, nothing but plain values built. For the YAML other formats hold
    (Argdown front matter and data, Carneades graphs); ``first_line`` is the line of the
    text within its file, so that problems are located there.

    Raises:
        MapError: the text is not well-formed, or too large once expanded.
    """
    try:
        root = compose(text, name)
        return None if root is None else Builder(name).build(root)
    except MapError as exc:
        raise MapError([_shifted(d, first_line - 1) for d in exc.diagnostics]) from None
    except RecursionError:
        raise MapError(
            [Diagnostic("too_deep", "error", "YAML nested too deeply", Location(name, first_line))]
        ) from None


def _shifted(d: Diagnostic, lines: int) -> Diagnostic:
    from dataclasses import replace

    if not lines or d.location is None:
        return d
    return replace(d, location=replace(d.location, line=d.location.line + lines))


def load_with_positions(text: str, name: str, root: Any = None) -> tuple[Any, Any]:
    """Plain values from YAML text (:func:`load`), and a lookup of where each is written
    (:func:`positions`); ``root``: the text's node tree, when the caller has composed it.
    """
    if root is None:
        root = compose(text, name)
    if root is None:
        return None, positions(None)
    try:
        data = Builder(name).build(root)
    except RecursionError:
        raise MapError(
            [Diagnostic("too_deep", "error", "YAML nested too deeply", Location(name, 1, 1))]
        ) from None
    return data, positions(root)


class Builder:
    """Plain values from composed YAML nodes, by the YAML 1.2 core schema."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.budget = MAX_NODES

    def fail(self, code: str, message: str, node: Any, hint: str | None = None) -> MapError:
        mark = node.start_mark
        where = Location(self.name, mark.line + 1, mark.column + 1)
        return MapError([Diagnostic(code, "error", message, where, hint=hint)])

    def build(self, node: Any) -> Any:
        import yaml

        self.budget -= 1
        if self.budget < 0:
            raise self.fail(
                "too_large",
                f"the document expands to more than {MAX_NODES:,} values (aliases?)",
                node,
            )
        if node.tag not in _CORE_TAGS:
            raise self.fail(
                "bad_value",
                f"unsupported YAML tag {node.tag!r}",
                node,
                hint="maps hold plain text, numbers, lists and mappings",
            )
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item) for item in node.value]
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.build(key_node)
            if isinstance(key, dict | list):
                raise self.fail("bad_value", "a mapping key must be plain text", key_node)
            if key in out:
                raise self.fail("duplicate_key", f"duplicate key {key!r}", key_node)
            out[key] = self.build(value_node)
        return out

    @staticmethod
    def scalar(node: Any) -> Any:
        value = node.value
        if node.style:  # quoted or block scalars are always text (libyaml: plain is '')
            return value
        if _NULL.match(value):
            return None
        if value in _BOOL:
            return _BOOL[value]
        if _INT.match(value):
            return int_or_inf(value.lstrip("+"))
        if _OCT.match(value):
            return int(value[2:], 8)
        if _HEX.match(value):
            return int(value[2:], 16)
        if _FLOAT.match(value):
            return float(value)
        if _INF.match(value):
            return float("-inf") if value.startswith("-") else float("inf")
        if _NAN.match(value):
            return float("nan")
        return value


def positions(root: Any) -> Callable[[tuple[str | int, ...], bool], tuple[int, int]]:
    """A lookup of (line, col) for a path (keys and indexes), walking the composed nodes
    on demand: the value's place (or its key's, with ``key``), or the nearest enclosing
    one's."""

    def lookup(path: tuple[str | int, ...], key: bool) -> tuple[int, int]:
        node = root
        best = (1, 1)
        for i, part in enumerate(path):
            last = i == len(path) - 1
            items = getattr(node, "value", None)
            if not isinstance(items, list):
                break
            if node.tag == _MAP:
                pair = next(
                    ((k, v) for k, v in items if getattr(k, "value", None) == str(part)), None
                )
                if pair is None:
                    break
                chosen = pair[0] if (key and last) else pair[1]
                node = pair[1]
            elif isinstance(part, int) and 0 <= part < len(items):
                chosen = node = items[part]
            else:
                break
            best = (chosen.start_mark.line + 1, chosen.start_mark.column + 1)
        return best

    return lookup


def int_or_inf(text: str) -> int | float:
    """An integer as JSON writes it; one too long for Python to convert (over 4,300
    digits) reads as infinity, which every field refuses with a located error."""
    return int(text) if len(text) <= 4300 else float("inf") if text[0] != "-" else float("-inf")


def dump(data: Any) -> str:
    """Plain data (dicts, lists, text, numbers) as block YAML, written as :func:`dump_yaml`
    writes a map: key order kept, every text read back as the same text."""
    import yaml

    return yaml.dump(data, Dumper=dumper(), sort_keys=False, allow_unicode=True, width=88)


_SURROGATE = re.compile("[\ud800-\udfff]")


def dumper() -> type:
    """The YAML writer for maps: text is quoted wherever this reader would not read it
    back as that text (``0E0`` is a number to YAML 1.2, not to the 1.1 rules PyYAML writes
    by), and text holding NEL, LS or PS (line breaks to libyaml) is double-quoted, where
    they are escapes."""
    import yaml

    base = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    class Dumper(base):  # type: ignore[misc, valid-type]
        def represent_str(self, data: str) -> Any:
            if not data.isascii() and _SURROGATE.search(data):
                # Bytes that were not UTF-8 where the text came from (a terminal in
                # another encoding, say, which Python hands on as lone surrogates).
                from argmap.errors import UsageError

                shown = data.encode("utf-8", "surrogateescape").decode("ascii", "backslashreplace")
                raise UsageError(
                    f"'{shown[:80]}' holds bytes that are not UTF-8 text; nothing was written",
                    hint="give the text as UTF-8: check the terminal's encoding",
                )
            if any(ch in data for ch in "\x85\u2028\u2029"):
                return self.represent_scalar("tag:yaml.org,2002:str", data, style='"')
            if not isinstance(Builder.scalar(_Plain(data)), str):
                return self.represent_scalar("tag:yaml.org,2002:str", data, style="'")
            return super().represent_str(data)

    Dumper.add_representer(str, Dumper.represent_str)
    return Dumper


class _Plain:
    """A plain scalar as the composer would give it, for asking how it reads."""

    style = None

    def __init__(self, value: str) -> None:
        self.value = value


def item_dumper() -> type:
    """The writer for one item the editor inserts into a map: mappings as blocks, lists
    of plain values on one line (``supports: [a, b]``)."""

    class Dumper(dumper()):  # type: ignore[misc]
        def represent_list(self, data: list) -> Any:
            flat = all(not isinstance(v, dict | list) for v in data)
            return self.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flat)

        def represent_dict(self, data: dict) -> Any:
            return self.represent_mapping("tag:yaml.org,2002:map", data, flow_style=False)

    Dumper.add_representer(list, Dumper.represent_list)
    Dumper.add_representer(dict, Dumper.represent_dict)
    return Dumper


def dump_inline(value: Any) -> str:
    """A value on one line in flow style (a list of mappings too), keys in order: what
    the editor writes after ``key:``."""
    import yaml

    text = yaml.dump(
        value,
        Dumper=dumper(),
        default_flow_style=True,
        allow_unicode=True,
        sort_keys=False,
        width=1 << 30,
    )
    text = text.removesuffix("\n").removesuffix("\n...").removesuffix("...")
    return text.rstrip("\n")


def dump_item(item: dict) -> str:
    """One item of a map's list, as the editor inserts it: a block mapping whose lists of
    plain values stand on one line."""
    import yaml

    return yaml.dump(item, Dumper=item_dumper(), sort_keys=False, allow_unicode=True, width=88)
