"""Error types, locations and diagnostics: every failure argmap reports.

This module imports nothing heavy, so the CLI can use it before deciding what
else to load. The exit status of each kind of failure lives here, and the CLI
turns an :class:`ArgmapError` into that status in one place.

Examples:
    >>> d = Diagnostic("dangling_ref", "error", "unknown claim 'x'", Location("m.yaml", 3, 5))
    >>> d.format()
    "m.yaml:3:5: error[dangling_ref]: unknown claim 'x'"
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "EXIT_OK",
    "EXIT_INVALID",
    "EXIT_USAGE",
    "EXIT_TOOL",
    "Severity",
    "Location",
    "Diagnostic",
    "ArgmapError",
    "MapError",
    "UsageError",
    "ToolError",
    "BusyError",
    "OutsideProject",
    "NotRegularFile",
    "did_you_mean",
    "shown_name",
    "EXIT_INTERNAL",
    "internal_error",
]

EXIT_OK = 0
EXIT_INVALID = 1  # the map is invalid, or validate found errors
EXIT_USAGE = 2  # the call was wrong: bad option, missing file, unknown claim id
EXIT_TOOL = 3  # the environment failed: Graphviz missing, output not writable
EXIT_INTERNAL = 70  # a bug in argmap (EX_SOFTWARE)

#: ``note``: something a reader should know that is not a fault (a source text that is
#: not there, so its quotes went unchecked); it never fails a check, even a strict one.
Severity = Literal["error", "warning", "note"]


_ESCAPED = {c: f"\\x{c:02x}" for c in range(0x20)} | {0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"}


def shown_name(name: str) -> str:
    r"""A file name as a one-line message shows it: a newline (or another control
    character) in it written as an escape, so the message stays on its line.

    Examples:
        >>> print(shown_name("maps/a\nb.yaml"))
        maps/a\nb.yaml
    """
    return name if name.isprintable() else name.translate(_ESCAPED)


@dataclass(frozen=True, order=True)
class Location:
    """A place in an input: file name, 1-based line and column (0 = unknown)."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        name = shown_name(self.file)
        if self.line <= 0:
            return name
        if self.col <= 0:
            return f"{name}:{self.line}"
        return f"{name}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a map: a stable code, a severity, a message and where."""

    code: str
    severity: Severity
    message: str
    location: Location | None = None
    hint: str | None = None
    claim: str | None = field(default=None, compare=False)

    def format(self) -> str:
        """The one-line form: ``FILE:LINE:COL: severity[code]: message (hint)``."""
        where = f"{self.location}: " if self.location else ""
        text = f"{where}{self.severity}[{self.code}]: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class ArgmapError(Exception):
    """Base of every error argmap raises on purpose; carries its exit status."""

    exit_code = EXIT_INVALID
    code = "error"

    def __init__(self, message: str, *, hint: str | None = None, option: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        if option is not None:
            self.option = option

    #: The parameter whose value was at fault (``kind``): a command line names it as its
    #: option (``--kind``).
    option: str | None = None

    def lines(self) -> list[str]:
        """The lines to print on stderr, without the program name."""
        line = f"error: {self.message}"
        if self.hint:
            line += f" ({self.hint})"
        return [line]


class MapError(ArgmapError):
    """The input is not a valid map: one or more located diagnostics (exit 1)."""

    exit_code = EXIT_INVALID
    code = "invalid_map"

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = list(diagnostics)
        first = self.diagnostics[0].format() if self.diagnostics else "invalid map"
        super().__init__(first)

    def lines(self) -> list[str]:
        return [d.format() for d in self.diagnostics]

    @classmethod
    def at(
        cls, name: str, message: str, *, line: int = 1, col: int = 1, code: str = "bad_value"
    ) -> MapError:
        """One error at a place in the file ``name`` (its start unless told): what a
        reader raises when a file is not the format it reads.

        Examples:
            >>> MapError.at("m.apx", "expected 'arg'", line=3, code="syntax").lines()
            ["m.apx:3:1: error[syntax]: expected 'arg'"]
        """
        return cls([Diagnostic(code, "error", message, Location(name, line, col))])


class UsageError(ArgmapError):
    """The command was called wrongly: missing file, unknown id, bad option (exit 2)."""

    exit_code = EXIT_USAGE
    code = "usage"


class ToolError(ArgmapError):
    """An outside tool or the environment failed, e.g. Graphviz is missing (exit 3)."""

    exit_code = EXIT_TOOL
    code = "tool"


class BusyError(ToolError):
    """The file is being changed by another command (or was, behind argmap's back) and
    argmap wrote nothing (exit 3): running the command again is safe."""

    code = "busy"


class OutsideProject(OSError):
    """A file a map names lies outside the map's project (and no setting allows it).

    ``hint`` says who can allow it and how (the person running argmap, never the tree)."""

    hint: str = (
        "if you trust it, allow its folder with ARGMAP_ALLOW_READ or allow-read in your own "
        "~/.config/argmap/config.toml"
    )


class NotRegularFile(OSError):
    """A file a map names is not a regular file (a pipe, a device, a folder)."""


def internal_error(exc: BaseException) -> str:
    """The one line that reports a bug instead of a traceback.

    Examples:
        >>> print(internal_error(KeyError("x")).replace(" (", "\\n("))
        argmap: internal error: KeyError: 'x'
        (please report it; rerun with ARGMAP_DEBUG=1 for details)
    """
    return (
        f"argmap: internal error: {type(exc).__name__}: {exc} "
        "(please report it; rerun with ARGMAP_DEBUG=1 for details)"
    )


def did_you_mean(word: str, choices: Iterable[str], *, n: int = 3) -> str | None:
    """A hint naming the closest choices to ``word``, or None when nothing is close.

    Examples:
        >>> did_you_mean("txt", ["text", "tags", "kind"])
        "did you mean 'text'?"
        >>> did_you_mean("zzz", ["text"]) is None
        True
    """
    import difflib

    matches = difflib.get_close_matches(str(word), list(choices), n=n, cutoff=0.6)
    if not matches:
        return None
    return "did you mean " + " or ".join(repr(m) for m in matches) + "?"
