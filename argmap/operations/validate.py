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

from argmap.analysis.validate import RULES, has_errors
from argmap.errors import Diagnostic, UsageError

__all__ = ["CheckedMap", "Checked", "check_files", "find_maps"]


@dataclass
class CheckedMap:
    """What checking one map file found."""

    name: str
    #: The map's size (``40 claims, 51 links``); None when the file does not read as a map.
    size: str | None
    diagnostics: list[Diagnostic]
    #: Whether warnings fail this map (``--strict``, or its project's ``strict = true``).
    strict: bool = False
    #: How many problems its project's settings left out (``ignore``/``select``).
    ignored: int = 0
    #: The settings file that applied (None: the defaults).
    settings: str | None = None

    @property
    def failed(self) -> bool:
        """Whether this map fails: it does not read, or it has errors (or warnings, when
        strict). A map that does not read fails whatever its settings ignore."""
        return self.size is None or has_errors(self.diagnostics, strict=self.strict)


@dataclass
class Checked:
    """What checking several map files found, file by file."""

    maps: list[CheckedMap] = field(default_factory=list)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Every problem reported, file by file, each sorted by place."""
        return [d for m in self.maps for d in m.diagnostics]

    def failed(self) -> bool:
        """Whether any file fails."""
        return any(m.failed for m in self.maps)

    def to_data(self) -> list[dict]:
        """The problems as JSON-ready records."""
        return [d.to_dict() for d in self.diagnostics]

    def ids(self) -> list[str]:
        """The claims the problems concern, once each."""
        return list(dict.fromkeys(d.claim for d in self.diagnostics if d.claim))


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


def _settings(path: str):
    from argmap.io.config import ConfigError, config_for

    try:
        return config_for(None if path == "-" else path)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def _unknown_codes(config) -> None:
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
    from argmap.formats import read_map
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


def _shown(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive
        return str(path)
