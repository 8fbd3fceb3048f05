"""Check map files: find them in folders, read each, apply the project's settings.

``argmap validate``, the pre-commit hook and CI call :func:`check_files`; it reads each
map (a file that does not read is reported with the problems that stop it, and the rest
are checked all the same), runs :func:`argmap.analysis.validate.validate`, and drops the
codes the map's project settings ignore (``[tool.argmap]`` in ``pyproject.toml`` or
``argmap.toml``; see :mod:`argmap.io.config`), counting what it dropped.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.analysis.validate import RULES, Checked, CheckedMap
from argmap.errors import Diagnostic, UsageError
from argmap.operations.result import Result

if TYPE_CHECKING:
    from argmap.io.config import Config

__all__ = ["CheckedMap", "Checked", "check_files", "validate_files", "find_maps", "check_text"]


#: Folders never searched for maps.
_SKIPPED = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox"}


def find_maps(paths: list[str]) -> list[str]:
    """The map files ``paths`` name: files as given (``-`` is standard input), folders
    searched for the files their project's ``maps`` globs match (by default
    ``maps/**/*.yaml`` and ``**/*.argmap.yaml``, YAML and JSON), in sorted order.

    Raises:
        UsageError: a path does not exist, or a folder holds no map.
    """
    found: list[str] = []
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            found.append(path)
            continue
        config = _settings(os.path.join(path, "_"))  # the folder's own settings
        inside = []
        for top, folders, files in os.walk(path):
            folders[:] = sorted(f for f in folders if f not in _SKIPPED and not f.startswith("."))
            for name in sorted(files):
                candidate = os.path.normpath(os.path.join(top, name))
                if config.names_map(candidate, under=path):
                    inside.append(candidate)
        if not inside:
            raise UsageError(
                f"{path}: no maps found in this folder (looked for {', '.join(config.maps)})",
                hint="name the files, or set maps = [...] under [tool.argmap]",
            )
        found.extend(inside)
    return found


def _settings(path: str) -> Config:
    from argmap.io.config import ConfigError, config_for

    try:
        return config_for(None if path == "-" else path)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def _unknown_codes(config: Config) -> None:
    from argmap.errors import did_you_mean

    for key in ("ignore", "select"):
        for code in getattr(config, key):
            if code not in RULES:
                hint = did_you_mean(code, RULES)
                raise UsageError(
                    f"{config.source}: {key}: unknown diagnostic code {code!r}"
                    + (f" ({hint})" if hint else "")
                )


def check_files(paths: list[str], *, strict: bool = False) -> Checked:
    """Read and check the maps ``paths`` name (files, folders, ``-``).

    Each map is checked under its project's settings: ``strict`` there (or here) makes
    its warnings fail it; ``ignore``/``select`` leave codes out of what is reported.

    Raises:
        UsageError: a file cannot be read at all (missing, a terminal on stdin), a folder
            holds no map, or a settings file is not valid.
    """
    from argmap.analysis.validate import validate
    from argmap.errors import MapError
    from argmap.operations.loading import read_map
    from argmap.wording import counted

    checked = Checked()
    for path in find_maps(paths):
        config = _settings(path)
        _unknown_codes(config)
        try:
            doc = read_map(path)
        except MapError as exc:
            name, size, found = path, None, exc.diagnostics
        else:
            size = f"{counted(len(doc.model.claims), 'claim')}, "
            size += counted(len(doc.model.all_links()), "link")
            name, found = doc.name, validate(doc)
        kept = [d for d in found if config.reported(d.code)]
        checked.maps.append(
            CheckedMap(
                name,
                size,
                kept,
                strict=strict or config.strict,
                ignored=len(found) - len(kept),
                settings=_shown(config.source),
            )
        )
    return checked


def validate_files(paths: list[str], *, strict: bool = False) -> Result[Checked]:
    """:func:`check_files`, as ``argmap validate`` prints it: each problem, then each
    file's verdict; ``github`` (workflow commands) and ``sarif`` forms besides json and
    ids. Status 1 when a map fails."""
    checked = check_files(paths, strict=strict)
    return Result(checked, formats=("github", "sarif"), status=1 if checked.failed() else 0)


def _shown(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive
        return str(path)


@dataclass
class CheckedText:
    """What checking the text of a map an editor holds found: the YAML node tree (None:
    JSON, or text that does not parse), the document (None: it does not read as a map),
    and the problems its project's settings report."""

    root: object = None
    doc: object = None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def check_text(
    text: str, name: str, path: str | os.PathLike | None = None, *, files: Any = None
) -> CheckedText:
    """Read a map's text as ``argmap validate`` reads its file and check it, for an
    editor: ``path`` is where it is saved (its project's settings apply, and the files it
    names are read relative to it, through ``files`` when given: a reader that remembers,
    so a used map is not read again on every keystroke).

    The text is not bounded here: the caller refuses a text too large to hold.
    """
    from argmap.analysis.validate import validate
    from argmap.errors import Location, MapError
    from argmap.formats import native
    from argmap.io import yamltext
    from argmap.io.files import Input, NamedFiles

    fs_path = Path(path) if path is not None else None
    found = CheckedText()
    if "\x00" in text:
        at = text.index("\x00")
        from argmap.io.positions import line_col

        line, col = line_col(text, at)
        found.diagnostics = [Diagnostic("binary", "error", "not a text file (it contains NUL "
                                        "bytes)", Location(name, line, col))]  # fmt: skip
        return found
    suffix = fs_path.suffix if fs_path is not None else ""
    reader = files if files is not None else NamedFiles(fs_path)
    inp = Input(text, name, suffix, fs_path, reader)
    try:
        if text.strip() and native._guess_syntax(inp) == "yaml":
            found.root = yamltext.compose(text, name)
        found.doc = native.parse(inp, composed=found.root)
    except MapError as exc:
        found.diagnostics = list(exc.diagnostics)
        return found
    except RecursionError:
        found.diagnostics = [Diagnostic("too_deep", "error", "nested too deeply",
                                        Location(name, 1, 1))]  # fmt: skip
        return found
    found.diagnostics = validate(found.doc)
    if fs_path is not None:  # the project's settings leave codes out, as validate's do
        from argmap.io.config import ConfigError, config_for

        try:
            config = config_for(fs_path)
        except ConfigError:
            return found
        found.diagnostics = [d for d in found.diagnostics if config.reported(d.code)]
    return found


def read_named_text(map_path: str | os.PathLike | None, named: str) -> tuple[Path, str] | None:
    """A file a map names (a used map, say), as the map may read it (inside its project,
    a regular file): its real path and text; None when it cannot be read as UTF-8 text."""
    from argmap.io.files import MAX_INPUT_BYTES, NamedFiles

    try:
        target, data = NamedFiles(map_path).read(named, max_bytes=MAX_INPUT_BYTES)
        return target, data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
