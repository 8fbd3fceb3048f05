"""Rendering DOT to SVG, PNG or PDF by running the Graphviz ``dot`` program.

Building the DOT text (:mod:`argmap.formats.dot`) and running Graphviz are
separate steps; this module only runs the program and reports its failures.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from argmap.errors import ToolError

__all__ = ["RENDER_FORMATS", "render", "dot_program"]

RENDER_FORMATS = ("svg", "png", "pdf")
TIMEOUT_SECONDS = 300


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


def render(dot_text: str, fmt: str) -> bytes:
    """Render DOT text to ``fmt`` (svg, png or pdf) with Graphviz.

    Raises:
        ToolError: Graphviz is missing, fails or takes too long.
    """
    if fmt not in RENDER_FORMATS:
        raise ValueError(f"cannot render to {fmt!r}")
    program = dot_program()
    try:
        proc = subprocess.run(
            [program, f"-T{fmt}"],
            input=dot_text.encode("utf-8"),
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ToolError(f"Graphviz took more than {TIMEOUT_SECONDS} s and was stopped") from None
    except OSError as exc:
        raise ToolError(f"cannot run Graphviz {program!r}: {exc.strerror or exc}") from None
    if proc.returncode != 0 or not proc.stdout:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = message[0] if message else f"exit status {proc.returncode}"
        raise ToolError(f"Graphviz failed: {detail}")
    return proc.stdout
