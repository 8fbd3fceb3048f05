"""The ``argmap`` console script, and ``python -m argmap``."""

from __future__ import annotations

import sys


def main() -> None:
    """Run argmap with the process's arguments."""
    if sys.argv[1:] == ["lsp"]:
        # An editor waits on its language server: start it without the command line's
        # own machinery (Typer, the commands' table), as `argmap lsp` would.
        import os

        os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")  # as argmap.cli.main does
        from argmap.lsp.server import serve

        serve()
        return
    from argmap.cli import main as command_line

    command_line()


if __name__ == "__main__":
    main()
