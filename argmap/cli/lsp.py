"""argmap lsp: the language server, for editors."""

from __future__ import annotations


def lsp() -> None:
    """Run the language server for map files, over standard input and output.

    Editors start it themselves: point your editor's LSP client at `argmap lsp` for
    YAML and JSON map files (docs/reference.md shows VS Code, Neovim, Helix and Emacs). It
    reports every problem argmap validate finds as you type, completes ids, kinds,
    tags and keys, shows a claim's text, quote and label on hover, goes to
    definitions and references, renames ids everywhere, outlines the argument, offers
    quick fixes and formats the map as argmap fmt does.

    Example: argmap lsp
    """
    import gc

    from argmap.io import progress

    progress.stop()  # no spinner: stdout and stdin carry the protocol
    gc.enable()  # a long-lived process, unlike the one-shot commands
    from argmap.lsp.server import serve

    serve()
