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
        try:
            from argmap.lsp.server import serve

            serve()
        except KeyboardInterrupt:
            sys.exit(130)
        except Exception as exc:  # a bug: one line in the editor's log, as the CLI says it
            if os.environ.get("ARGMAP_DEBUG"):
                raise
            from argmap.errors import EXIT_INTERNAL, internal_error

            sys.stderr.write(internal_error(exc) + "\n")
            sys.exit(EXIT_INTERNAL)
        return
    from argmap.cli import main as command_line

    command_line()


if __name__ == "__main__":
    main()
