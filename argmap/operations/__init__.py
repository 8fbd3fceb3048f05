"""The use cases: what each command, the language server, the live preview and the git
drivers do, one function each.

This is the only library code that reads and writes files (through :mod:`argmap.io`).
Each function takes its options as plain values and returns a result object that knows
its JSON form (``to_data()``), its ids (``ids()``) and, where it has them, its rows; the
front ends (:mod:`argmap.cli`, :mod:`argmap.lsp`, :mod:`argmap.live`) parse options, make
one call here and print what comes back. Below this layer everything is a pure function
of documents, graphs and texts it is given.

One module per family: ``validate`` (check maps, find them in folders, apply the
project's settings), and the others as they are named.
"""
