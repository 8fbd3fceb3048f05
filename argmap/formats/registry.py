"""Every format argmap reads or writes, in one table: its name, the file suffixes that
name it, which way it goes, how a file of it is recognised, and the module that reads and
writes it. ``export``, ``import``, ``eval --from`` and every guess from a suffix come from
here; adding a format is one module and one line below.

A format's module (``argmap.formats.<module>``) has ``parse(text, name) -> ArgMap`` when
argmap reads it; when argmap writes it, a writer of one signature, ``write(doc, drawing) ->
str | bytes`` (a :class:`~argmap.model.document.Document` and the picture options of a
:class:`Drawing`, which formats that draw nothing ignore), named by the format's
``writer``; and ``LOSSES``: what of a map it cannot carry (keys of
:data:`argmap.formats.FEATURES`; a module writing several formats may key them by
format). :func:`argmap.formats.export` dispatches every format through this table alone.
Nothing here imports a format's module: start-up stays cheap.

Examples:
    >>> by_suffix("debate.ad").name, by_suffix("x.GV").name, by_suffix("x.txt")
    ('argdown', 'dot', None)
    >>> [f.name for f in FORMATS if f.reads]
    ['argdown', 'aif', 'carneades', 'sadface', 'microtexts', 'graphml']
    >>> recognise("x.json", '{"nodes": [{"nodeID": "1"}]}')
    'aif'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

__all__ = ["FormatSpec", "Drawing", "FORMATS", "FRAMEWORKS", "by_name", "by_suffix",
           "recognise"]  # fmt: skip


@dataclass(frozen=True)
class Drawing:
    """How a picture is drawn (formats that draw nothing ignore it): ``stubs``, per claim,
    the links of a view that lead out of it; ``verdicts``, each claim's label and
    strength; ``schemes``, each inference's argument scheme named on its arrow; ``short``,
    each claim drawn by its short label."""

    stubs: dict[str, int] | None = None
    verdicts: Mapping[str, tuple[str, float | None]] | None = None
    schemes: bool = False
    short: bool = False


@dataclass(frozen=True)
class FormatSpec:
    """One format."""

    name: str
    summary: str
    suffixes: tuple[str, ...] = ()
    #: argmap imports it (``argmap import``).
    reads: bool = False
    #: argmap exports it (``argmap export``).
    writes: bool = False
    #: It is drawn by Graphviz from the DOT argmap writes (svg, png, pdf).
    rendered: bool = False
    #: The module under argmap.formats that reads (``parse``) or writes it (its
    #: ``writer``), and declares its ``LOSSES``.
    module: str | None = None
    #: The module's function that writes it: ``(doc, drawing) -> str | bytes``.
    writer: str = "write"
    #: Whether a file is of this format, from its lower-cased name, its first 2,000
    #: characters (leading space dropped) and its whole text.
    recognise: Callable[[str, str, str], bool] | None = None


def _json_nodes(head: str, text: str, *keys: str) -> bool:
    return head.startswith("{") and '"nodes"' in text and any(k in text for k in keys)


FORMATS: tuple[FormatSpec, ...] = (
    FormatSpec(
        "json",
        "argmap's own format, canonical JSON",
        (".json",),
        writes=True,
        module="native",
        writer="write_json",
    ),
    FormatSpec(
        "yaml",
        "argmap's own format, YAML",
        (".yaml", ".yml"),
        writes=True,
        module="native",
        writer="write_yaml",
    ),
    FormatSpec("dot", "Graphviz DOT", (".dot", ".gv"), writes=True, module="dot"),
    FormatSpec(
        "argdown",
        "Argdown",
        (".argdown", ".ad"),
        reads=True,
        writes=True,
        module="argdown",
        recognise=lambda name, head, text: name.endswith((".argdown", ".ad")),
    ),
    FormatSpec(
        "aif",
        "AIFdb JSON (and xAIF)",
        (".aif",),
        reads=True,
        writes=True,
        module="aif",
        recognise=lambda name, head, text: _json_nodes(head, text, '"nodeID"', '"AIF"'),
    ),
    FormatSpec(
        "carneades",
        "Carneades 4 YAML",
        (),
        reads=True,
        module="carneades",
        recognise=lambda name, head, text: (
            name.endswith((".yml", ".yaml")) and "statements:" in text and "arguments:" in text
        ),
    ),
    FormatSpec(
        "sadface",
        "SADFace JSON",
        (".sadface",),
        reads=True,
        writes=True,
        module="sadface",
        recognise=lambda name, head, text: _json_nodes(
            head, text, '"source_id"', '"atom"', '"core"'
        ),
    ),
    FormatSpec(
        "microtexts",
        "Potsdam argumentative microtexts (arggraph XML)",
        (".xml",),
        reads=True,
        writes=True,
        module="microtexts",
        recognise=lambda name, head, text: "<arggraph" in head,
    ),
    FormatSpec(
        "graphml",
        "GraphML",
        (".graphml",),
        reads=True,
        writes=True,
        module="graphml",
        recognise=lambda name, head, text: name.endswith(".graphml") or "<graphml" in head,
    ),
    FormatSpec("mermaid", "Mermaid flowchart", (".mmd", ".mermaid"), writes=True, module="mermaid"),
    FormatSpec("html", "a standalone HTML report", (".html", ".htm"), writes=True, module="html"),
    FormatSpec(
        "svg",
        "SVG picture (Graphviz)",
        (".svg",),
        writes=True,
        rendered=True,
        module="graphviz",
        writer="write_svg",
    ),
    FormatSpec(
        "png",
        "PNG picture",
        (".png",),
        writes=True,
        rendered=True,
        module="graphviz",
        writer="write_png",
    ),
    FormatSpec(
        "pdf",
        "PDF document",
        (".pdf",),
        writes=True,
        rendered=True,
        module="graphviz",
        writer="write_pdf",
    ),
)

#: Abstract argumentation frameworks (read by ``argmap eval``, not maps), by suffix.
FRAMEWORKS: dict[str, str] = {".apx": "apx", ".tgf": "tgf", ".i23": "i23", ".af": "i23"}

#: The order in which files are recognised on import: the surest tests first.
_RECOGNISE_ORDER = ("argdown", "graphml", "microtexts", "carneades", "aif", "sadface")


def by_name(name: str) -> FormatSpec:
    """The format called ``name``.

    Raises:
        KeyError: there is none.
    """
    return _BY_NAME[name]


def by_suffix(path: str) -> FormatSpec | None:
    """The format a file name's suffix names (any case), or None."""
    dot = path.rfind(".")
    if dot < 0 or "/" in path[dot:]:
        return None
    return _BY_SUFFIX.get(path[dot:].lower())


def recognise(name: str, text: str) -> str | None:
    """The import format of a file, from its name and its text; None when unsure."""
    lower, head = name.lower(), text.lstrip()[:2000]
    for fmt in _RECOGNISE_ORDER:
        test = _BY_NAME[fmt].recognise
        if test is not None and test(lower, head, text):
            return fmt
    return None


_BY_NAME = {f.name: f for f in FORMATS}
#: A format is named by its declared suffixes and by its own name (x.microtexts).
_BY_SUFFIX = {
    **{f".{f.name}": f for f in FORMATS},
    **{suffix: f for f in FORMATS for suffix in f.suffixes},
}
