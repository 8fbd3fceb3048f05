"""argmap: map policy arguments, then query, validate, evaluate and export them.

The library is the product; the ``argmap`` command is a thin layer over it::

    from argmap import read_map, build_graph
    from argmap.analysis.validate import validate
    doc = read_map("maps/us-japan-trump2.yaml")
    G = build_graph(doc)            # a networkx MultiDiGraph of claims and links
    problems = validate(doc)        # located diagnostics

Names are imported on first use, so ``import argmap`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "ArgMap": "argmap.model",
    "Claim": "argmap.model",
    "Link": "argmap.model",
    "Source": "argmap.model",
    "ClaimKind": "argmap.model",
    "LinkKind": "argmap.model",
    "Document": "argmap.model.document",
    "read_map": "argmap.operations.loading",
    "build_graph": "argmap.graph",
    "ArgmapError": "argmap.errors",
    "MapError": "argmap.errors",
    "UsageError": "argmap.errors",
    "ToolError": "argmap.errors",
    "Diagnostic": "argmap.errors",
    "Location": "argmap.errors",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")
