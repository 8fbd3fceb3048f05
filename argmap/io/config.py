"""A project's settings for argmap, and where its project ends.

A map's *project* is the git work tree that holds it (a real repository: a ``.git``
folder with a ``HEAD``, or a ``.git`` file pointing at one); without one, the folder of the
nearest configuration file above the map (``argmap.toml``, or ``pyproject.toml`` with a
``[tool.argmap]`` table), else the map's own folder. A folder that others may write in
(``/tmp``) or that belongs to another user never counts as a project's top, and its
configuration is not read (the pattern of git's CVE-2022-24765).

Files a map names (source texts, used maps) are read only inside its project, or inside
folders *the person running argmap* allows: ``ARGMAP_ALLOW_READ`` (paths separated by
``:``), or ``allow-read`` in their own configuration (``$XDG_CONFIG_HOME/argmap/config.toml``,
else ``~/.config/argmap/config.toml``; ``ARGMAP_USER_CONFIG`` names another file). A file
inside the tree being read never widens that boundary: it arrives with the maps, in a pull
request or an archive. Its ``allow-read`` is what the project *asks* for, and is named in
the message when a read is refused, with the line that grants it. ``/proc``, ``/sys`` and
``/dev`` are never read, whoever allows them. The project's configuration is looked for from
the map's folder upwards, up to the project's top::

    [tool.argmap]                 # in pyproject.toml (argmap.toml: the same, no header)
    allow-read = ["../shared/sources"]   # what the project asks to read (you grant it)
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

__all__ = ["Config", "config_for", "DEFAULT_MAPS", "ConfigError", "NEVER_READ", "user_config_path"]

#: Folders whose files are never read as a map's texts, whoever allows them.
NEVER_READ = (Path("/proc"), Path("/sys"), Path("/dev"))

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
    #: The folders the project's own configuration asks to read (granted by nobody: only
    #: the person running argmap widens the boundary, see :func:`granted_folders`).
    asks_read: tuple[Path, ...] = ()
    #: Folders outside the project the person running argmap allows.
    granted: tuple[Path, ...] = ()
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


def _trusted_folder(folder: Path) -> bool:
    """Whether a folder may be a project's top or hold its configuration: it belongs to
    the user running argmap and others may not write in it (``/tmp`` may not)."""
    try:
        info = os.stat(folder)
    except OSError:
        return False
    if info.st_mode & 0o002:
        return False
    euid = os.geteuid() if hasattr(os, "geteuid") else None
    return euid is None or info.st_uid == euid


def _is_repository(folder: Path) -> bool:
    """Whether ``folder/.git`` is a real repository: a folder with a ``HEAD``, or a file
    ``gitdir: PATH`` naming such a folder (a worktree, a submodule). An empty ``.git``
    file, or one planted without a repository behind it, is not."""
    dot_git = folder / ".git"
    try:
        if dot_git.is_dir():
            return (dot_git / "HEAD").is_file()
        if dot_git.is_file():
            with open(dot_git, "rb") as fh:
                head = fh.read(4096).decode("utf-8", "replace").strip()
            if not head.startswith("gitdir:"):
                return False
            target = Path(head[len("gitdir:") :].strip())
            target = target if target.is_absolute() else folder / target
            return (target / "HEAD").is_file()
    except OSError:
        return False
    return False


def _git_top(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if _trusted_folder(candidate) and _is_repository(candidate):
            return candidate
    return None


def user_config_path() -> Path:
    """The configuration file of the person running argmap (not of any project)."""
    named = os.environ.get("ARGMAP_USER_CONFIG")
    if named:
        return Path(named).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "argmap" / "config.toml"


def granted_folders() -> tuple[Path, ...]:
    """The folders outside a project that the person running argmap allows maps to read:
    ``ARGMAP_ALLOW_READ``, then ``allow-read`` in their own configuration (absolute
    paths, or ``~/...``; relative ones are taken from the configuration file's folder).

    Raises:
        ConfigError: the user's configuration is not valid.
    """
    folders = [
        Path(p).expanduser().resolve()
        for p in os.environ.get("ARGMAP_ALLOW_READ", "").split(os.pathsep)
        if p
    ]
    path = user_config_path()
    table = _table(path)
    if table is not None:
        unknown = sorted(set(table) - {"allow-read"})
        if unknown:
            raise ConfigError(f"{path}: unknown setting {unknown[0]!r} (a user's configuration "
                              "holds allow-read only)")  # fmt: skip
        folders += [
            (path.parent / Path(p).expanduser()).resolve()
            for p in _strings(path, table, "allow-read")
        ]
    return tuple(folders)


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
        if not _trusted_folder(candidate):
            if candidate == top:
                break
            continue
        for name in ("argmap.toml", "pyproject.toml"):
            table = _table(candidate / name)
            if table is not None:
                found = (candidate / name, table)
                break
        if found or candidate == top:
            break
    root = top or (found[0].parent if found else folder)
    extra = granted_folders()
    if found is None:
        return Config(root=root, granted=extra, readable=(root, *extra))
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
    asked = tuple((path.parent / p).resolve() for p in _strings(path, table, "allow-read"))
    return Config(
        root=root,
        source=path,
        asks_read=asked,
        granted=extra,
        strict=strict,
        ignore=_strings(path, table, "ignore"),
        select=_strings(path, table, "select"),
        maps=_strings(path, table, "maps") or DEFAULT_MAPS,
        readable=(root, *extra),
    )


def config_for(map_path: str | os.PathLike | None) -> Config:
    """The settings for a map at ``map_path`` (None: a map read from standard input, which
    stands in the working folder).

    Raises:
        ConfigError: the configuration file is not valid.
    """
    folder = Path(map_path).resolve().parent if map_path is not None else Path.cwd().resolve()
    return _config_in(folder)
