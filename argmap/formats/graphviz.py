"""Rendering DOT to SVG, PNG or PDF by running the Graphviz ``dot`` program.

Building the DOT text (:mod:`argmap.formats.dot`) and running Graphviz are
separate steps; this module only runs the program and reports its failures.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from typing import TYPE_CHECKING

from argmap.errors import ToolError

if TYPE_CHECKING:
    from argmap.formats.registry import Drawing
    from argmap.model.document import Document

__all__ = ["RENDER_FORMATS", "render", "dot_program", "fit_to_page", "page_font", "A4_LANDSCAPE",
           "write_svg", "write_png", "write_pdf", "LOSSES"]  # fmt: skip

#: What a rendered picture leaves out (as DOT does, see argmap.formats.dot); PNG and PDF
#: have no tooltips, so a link's note is lost there too.
LOSSES = {
    "svg": {"quotes", "sources", "confidence", "metadata", "answers"},
    "png": {"quotes", "sources", "confidence", "metadata", "answers", "link-notes"},
    "pdf": {"quotes", "sources", "confidence", "metadata", "answers", "link-notes"},
}

#: An A4 page, landscape, in points.
A4_LANDSCAPE = (842.0, 595.0)
#: Maps with more boxes than this are drawn as laid out first: the search below would
#: take long, and no page holds them readably anyway.
FIT_MAX_NODES = 300

RENDER_FORMATS = ("svg", "png", "pdf")
#: Bounds on one run of Graphviz: it is stopped after this long, and may use this much
#: memory (a huge or hostile map fails with a message instead of taking the machine).
TIMEOUT_SECONDS = 300
MEMORY_BYTES = 2 * 1024**3


def dot_program() -> str:
    """The path of Graphviz ``dot`` (``$ARGMAP_DOT`` first, then ``PATH``).

    Raises:
        ToolError: Graphviz is not installed.
    """
    found = os.environ.get("ARGMAP_DOT") or shutil.which("dot")
    if not found:
        raise ToolError(
            "Graphviz 'dot' is not installed, so the map cannot be rendered",
            hint="install graphviz (e.g. apt-get install graphviz), or export --to dot",
        )
    return found


def render(dot_text: str, fmt: str, *, fit: bool = True) -> bytes:
    """Render DOT text to ``fmt`` (svg, png or pdf) with Graphviz; ``fit`` reshapes a wide
    drawing toward a page first (:func:`fit_to_page`).

    Raises:
        ToolError: Graphviz is missing, fails or takes too long.
    """
    if fmt not in RENDER_FORMATS:
        raise ValueError(f"cannot render to {fmt!r}")
    if fit:
        dot_text = fit_to_page(dot_text)
    return _run(dot_text, f"-T{fmt}")


def _bounded() -> None:
    """In the child, before Graphviz starts: cap its memory (:data:`MEMORY_BYTES`)."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def _run(dot_text: str, *options: str) -> bytes:
    program = dot_program()
    try:
        proc = subprocess.run(
            [program, *options],
            input=dot_text.encode("utf-8"),
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
            preexec_fn=_bounded,  # only setrlimit, before exec
        )
    except subprocess.TimeoutExpired:
        raise ToolError(f"Graphviz took more than {TIMEOUT_SECONDS} s and was stopped") from None
    except OSError as exc:
        raise ToolError(f"cannot run Graphviz {program!r}: {exc.strerror or exc}") from None
    if proc.returncode != 0 or not proc.stdout:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = message[0] if message else f"exit status {proc.returncode}"
        if proc.returncode < 0 or "memory" in detail.lower():
            detail += f" (it may use at most {MEMORY_BYTES // 2**20:,} MiB)"
        raise ToolError(f"Graphviz failed: {detail}")
    return proc.stdout


def page_font(layout: dict, font: float, page: tuple[float, float] = A4_LANDSCAPE) -> float:
    """The size ``font`` (points) comes out at when a drawing (its ``dot -Tjson`` layout)
    is scaled to fit ``page``, never enlarged."""
    x0, y0, x1, y1 = (float(v) for v in layout["bb"].split(","))
    width, height = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
    return font * min(page[0] / width, page[1] / height, 1.0)


#: Staggering passes tried, as the most boxes a rank keeps before every other box of it
#: is moved a rank further from what it points at.
_STAGGERS = [(), (5,), (6,), (7,), (5, 7), (6, 6), (5, 5), (6, 7), (7, 7), (5, 6)]


def fit_to_page(dot_text: str, page: tuple[float, float] = A4_LANDSCAPE) -> str:
    """The DOT text reshaped so that the drawing, fitted to ``page``, shows its claim text
    as large as it can: ranks crowded with boxes are staggered, as Graphviz's
    ``unflatten`` staggers leaves, but for any box (each moved box's outgoing arrows get
    ``minlen=2``). Several staggerings are laid out and the best kept, so the result is
    deterministic. Text without claim boxes, or with very many, is returned unchanged."""
    import json
    import re

    font_match = re.search(r"node \[[^\]]*fontsize=([0-9.]+)", dot_text)
    nodes = len(re.findall(r'^  "[^"]+" \[', dot_text, flags=re.M))
    if font_match is None or not 2 < nodes <= FIT_MAX_NODES:
        return dot_text
    font = float(font_match.group(1))
    best: tuple[float, int, str] | None = None
    layouts: dict[tuple[int, ...], tuple[str, dict]] = {}
    for passes in _STAGGERS:
        prefix = passes[:-1]
        if passes:
            text, layout = layouts[prefix]
            text = _stagger(text, layout, passes[-1])
        else:
            text = dot_text
        layout = json.loads(_run(text, "-Tjson"))
        layouts[passes] = (text, layout)
        score = page_font(layout, font, page)
        if best is None or score > best[0] + 1e-9:
            best = (score, len(passes), text)
    return best[2] if best else dot_text


def _stagger(dot_text: str, layout: dict, cap: int) -> str:
    """Move every other box of each rank holding more than ``cap`` boxes (by their places
    in ``layout``) one rank further from the boxes its arrows point at."""
    import re

    ranks: dict[int, list[tuple[float, str]]] = {}
    for obj in layout.get("objects", []):
        name, pos = obj.get("name", ""), obj.get("pos")
        if not pos or name.startswith(("legend", "stub:")) or obj.get("shape") == "point":
            continue
        x, y = (float(v) for v in pos.split(","))
        ranks.setdefault(round(y), []).append((x, name))
    moved = set()
    for boxes in ranks.values():
        if len(boxes) > cap:
            moved |= {name for _, name in sorted(boxes)[1::2]}
    out = []
    for line in dot_text.split("\n"):
        m = re.match(r'  "((?:[^"\\]|\\.)*)" -> ', line)
        if m and m.group(1) in moved and "minlen=" not in line and line.endswith("];"):
            line = line[:-2] + ', minlen="2"];'
        out.append(line)
    return "\n".join(out)


def _picture(doc: Document, drawing: Drawing, fmt: str) -> bytes:
    from argmap.formats import dot

    return render(dot.write(doc, drawing), fmt)


def write_svg(doc: Document, drawing: Drawing) -> bytes:
    """The document's picture as SVG (a writer of :mod:`argmap.formats.registry`)."""
    return _picture(doc, drawing, "svg")


def write_png(doc: Document, drawing: Drawing) -> bytes:
    """The document's picture as PNG (a writer of :mod:`argmap.formats.registry`)."""
    return _picture(doc, drawing, "png")


def write_pdf(doc: Document, drawing: Drawing) -> bytes:
    """The document's picture as PDF (a writer of :mod:`argmap.formats.registry`)."""
    return _picture(doc, drawing, "pdf")
