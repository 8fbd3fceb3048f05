"""A project's settings for argmap, and where its project ends.

A map's *project* is the git work tree that holds it; without one, the folder of the
nearest configuration file above the map (``argmap.toml``, or ``pyproject.toml`` with a
``[tool.argmap]`` table), else the map's own folder. Files a map names (source texts,
used maps) are read only inside its project, or inside folders the configuration allows
explicitly (``allow-read``), or that ``ARGMAP_ALLOW_READ`` names (paths separated by
``:``). The configuration is looked for from the map's folder upwards, up to the
project's top::

    [tool.argmap]                 # in pyproject.toml (argmap.toml: the same, no header)
    allow-read = ["../shared/sources"]   # folders outside the project maps may read
    strict = true                 # warnings fail validate, as --strict
    ignore = ["disconnected"]     # diagnostic codes not reported
    select = []                   # only these codes (empty: all)
    maps = ["maps/**/*.yaml", "**/*.argmap.yaml"]   # what validate and fmt find in folders

Examples:
    >>> import os, tempfile
    >>> top = tempfile.mkdtemp()
    >>> _ = open(os.path.join(top, "argmap.toml"), "w").write('ignore = ["disconnected"]\\n')
    >>> cfg = config_for(os.path.join(top, "m.yaml"))
    >>> cfg.ignore, cfg.root == Path(top).resolve()
    (('disconnected',), True)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Config", "config_for", "DEFAULT_MAPS", "ConfigError"]

#: The files ``validate`` and ``fmt`` take as maps when given a folder.
DEFAULT_MAPS = ("maps/**/*.yaml", "maps/**/*.yml", "maps/**/*.json", "**/*.argmap.yaml",
                "**/*.argmap.yml", "**/*.argmap.json")  # fmt: skip

_KEYS = {"allow-read", "strict", "ignore", "select", "maps"}


class ConfigError(Exception):
    """A configuration file argmap cannot use (its path and why, in the message)."""


@dataclass(frozen=True)
class Config:
    """The settings that hold for maps under ``root``."""

    root: Path
    #: The file the settings come from (None: defaults).
    source: Path | None = None
    allow_read: tuple[Path, ...] = ()
    strict: bool = False
    ignore: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    maps: tuple[str, ...] = DEFAULT_MAPS
    #: Folders a map under ``root`` may read files in: the project, then those allowed.
    readable: tuple[Path, ...] = field(default=())

    def names_map(self, path: str | os.PathLike, *, under: str | os.PathLike | None = None) -> bool:
        """Whether the ``maps`` globs take the file at ``path``: its path from the project's
        top, or from the folder that holds ``under`` (a folder named on the command line:
        ``maps/`` takes ``maps/x.yaml`` wherever the project's top is), matches one (``**/``
        may match no folder at all).

        >>> Config(root=Path("/p")).names_map("/p/maps/debate/x.yaml")
        True
        >>> Config(root=Path("/p")).names_map("/p/docker-compose.yaml")
        False
        """
        from fnmatch import fnmatchcase

        where = Path(path).resolve()
        tops = [self.root]
        if under is not None:
            tops.append(Path(under).resolve().parent)
        for top in tops:
            try:
                relative = where.relative_to(top).as_posix()
            except ValueError:
                continue
            for glob in self.maps:
                if fnmatchcase(relative, glob) or fnmatchcase(relative, glob.replace("**/", "")):
                    return True
        return False

    def reported(self, code: str) -> bool:
        """Whether diagnostics of ``code`` are reported under these settings."""
        if self.select and code not in self.select:
            return False
        return code not in self.ignore


def _git_top(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _table(path: Path) -> dict | None:
    """The argmap settings a file holds (None: it holds none)."""
    import tomllib

    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except OSError:
        return None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("argmap")
        return table if isinstance(table, dict) else None
    return data


def _strings(path: Path, table: dict, key: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key} must be a list of strings")
    return tuple(value)


def _config_in(folder: Path) -> Config:
    top = _git_top(folder)
    found: tuple[Path, dict] | None = None
    for candidate in (folder, *folder.parents):
        for name in ("argmap.toml", "pyproject.toml"):
            table = _table(candidate / name)
            if table is not None:
                found = (candidate / name, table)
                break
        if found or candidate == top:
            break
    root = top or (found[0].parent if found else folder)
    extra = tuple(
        Path(p).resolve() for p in os.environ.get("ARGMAP_ALLOW_READ", "").split(os.pathsep) if p
    )
    if found is None:
        return Config(root=root, readable=(root, *extra))
    path, table = found
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        from argmap.errors import did_you_mean

        hint = did_you_mean(unknown[0], sorted(_KEYS))
        raise ConfigError(
            f"{path}: unknown setting {unknown[0]!r}" + (f" ({hint})" if hint else "")
        )
    strict = table.get("strict", False)
    if not isinstance(strict, bool):
        raise ConfigError(f"{path}: strict must be true or false")
    allowed = tuple((path.parent / p).resolve() for p in _strings(path, table, "allow-read"))
    return Config(
        root=root,
        source=path,
        allow_read=allowed,
        strict=strict,
        ignore=_strings(path, table, "ignore"),
        select=_strings(path, table, "select"),
        maps=_strings(path, table, "maps") or DEFAULT_MAPS,
        readable=(root, *allowed, *extra),
    )


def config_for(map_path: str | os.PathLike | None) -> Config:
    """The settings for a map at ``map_path`` (None: a map read from standard input, which
    stands in the working folder).

    Raises:
        ConfigError: the configuration file is not valid.
    """
    folder = Path(map_path).resolve().parent if map_path is not None else Path.cwd().resolve()
    return _config_in(folder)
