"""Reading inputs and writing outputs: the only module that touches disk, stdin and stdout.

Inputs are a path or ``-`` for standard input; they are size-capped and must be
UTF-8 text. Outputs are written whole and atomically (a temporary file in the
same folder, then a rename), so an interrupted command never leaves a partly
written file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.errors import (
    Diagnostic,
    Location,
    MapError,
    NotRegularFile,
    OutsideProject,
    ToolError,
    UsageError,
)
from argmap.io.positions import line_col

if TYPE_CHECKING:
    from collections.abc import Iterator

    from argmap.io.config import Config

__all__ = [
    "MAX_INPUT_BYTES",
    "Input",
    "NamedFiles",
    "OutsideProject",
    "NotRegularFile",
    "read_input",
    "read_git",
    "decode",
    "write_output",
    "STDIN",
    "Held",
    "held_for_update",
    "write_map",
    "LOCK_SECONDS",
]

MAX_INPUT_BYTES = 256 * 1024 * 1024
STDIN = "-"


class NamedFiles:
    """The files a map names (its source texts, the maps it uses), as the map may read
    them: relative to the map's folder, inside its project (:func:`read_named_file`).

    Reading a map hands one of these to what is read from it, so the model and the
    analysis never open a file themselves: they ask the map's ``files``. A reader that
    ``remembers`` keeps what it read while the file's size and change time stay the same
    (the language server reads a used map once, not on every keystroke).
    """

    def __init__(self, map_path: str | os.PathLike | None, *, remembers: bool = False):
        self.map_path = map_path
        self._remembered: dict[Path, tuple[tuple[int, int], bytes]] | None = (
            {} if remembers else None
        )

    def folder(self) -> Path:
        """The folder the map's names are relative to."""
        return Path(self.map_path).resolve().parent if self.map_path is not None else Path.cwd()

    def read(self, named: str, *, max_bytes: int) -> tuple[Path, bytes]:
        """The file the map names ``named``: its real path and contents.

        Raises:
            OSError: as :func:`read_named_file` raises it.
        """
        if self._remembered is None:
            return read_named_file(self.map_path, named, max_bytes=max_bytes)
        real = Path(os.path.realpath(self.folder() / named))
        try:
            info = os.stat(real)
            stamp = (info.st_size, info.st_mtime_ns)
        except OSError:
            stamp = None
        kept = self._remembered.get(real)
        if kept is not None and stamp is not None and kept[0] == stamp:
            return real, kept[1]
        real, data = read_named_file(self.map_path, named, max_bytes=max_bytes)
        if stamp is not None:
            self._remembered[real] = (stamp, data)
        return real, data

    def relative_to(self, map_path: str | os.PathLike | None) -> NamedFiles:
        """The reader for a map this one names (a used map reads relative to itself),
        remembering into the same store."""
        other = NamedFiles(map_path)
        other._remembered = self._remembered
        return other


class RevisionFiles(NamedFiles):
    """The files a map read from git (``REV:path``) names, read at the same revision: a
    used map or source text as it was then, relative to the map's folder, inside the
    repository (never outside it, never from the working tree)."""

    def __init__(self, rev: str, map_path: str) -> None:
        super().__init__(map_path)
        self.rev = rev

    def read(self, named: str, *, max_bytes: int) -> tuple[Path, bytes]:
        import errno
        import posixpath

        if "\x00" in named or named.startswith("/"):
            raise OutsideProject(errno.EACCES, "outside the repository at " + self.rev)
        folder = posixpath.dirname(os.fspath(self.map_path or ""))
        relative = posixpath.normpath(posixpath.join(folder, named))
        if relative == ".." or relative.startswith("../"):
            raise OutsideProject(errno.EACCES, "outside the repository at " + self.rev)
        data, _ = _git_show(self.rev, relative)
        if data is None:
            raise FileNotFoundError(errno.ENOENT, f"not in {self.rev}", relative)
        if len(data) > max_bytes:
            raise OSError(errno.EFBIG, f"larger than {max_bytes // 2**20} MiB")
        return Path(relative), data

    def relative_to(self, map_path: str | os.PathLike | None) -> NamedFiles:
        return RevisionFiles(self.rev, str(map_path))


def _git_show(rev: str, path: str) -> tuple[bytes | None, str]:
    """``git show REV:./PATH``: the file's bytes, or None and git's last word on why not.

    Raises:
        UsageError: git cannot be run.
    """
    import subprocess

    target = path if path.startswith(("/", "./", "../")) else f"./{path}"
    try:
        proc = subprocess.run(["git", "show", "--end-of-options", f"{rev}:{target}"],
                              capture_output=True, check=False, timeout=60)  # fmt: skip
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UsageError(f"{rev}:{path}: cannot run git ({exc})") from None
    if proc.returncode == 0:
        return proc.stdout, ""
    said = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    return None, said[-1] if said else "git show failed"


@dataclass(frozen=True)
class Input:
    """The text of one input with the name used in messages and its file suffix, and the
    reader of the files it names (by default: relative to ``path``, inside its project)."""

    text: str
    name: str
    suffix: str = ""
    path: Path | None = None
    files: NamedFiles | None = None

    def __post_init__(self) -> None:
        if self.files is None:
            object.__setattr__(self, "files", NamedFiles(self.path))


def read_input(
    path: str | os.PathLike, *, max_bytes: int = MAX_INPUT_BYTES, regular: bool = False
) -> Input:
    """Read a path, or standard input for ``-``, as UTF-8 text. A path may name a pipe
    (``<(...)`` in a shell) unless ``regular``, which refuses anything but a regular file
    without waiting on it.

    Raises:
        UsageError: the file does not exist or cannot be read, or stdin is a terminal.
        MapError: the file is too large, binary, or not UTF-8.
    """
    spath = os.fspath(path)
    if spath == STDIN:
        if sys.stdin is None or (hasattr(sys.stdin, "isatty") and sys.stdin.isatty()):
            raise UsageError(
                "'-' reads the map from standard input, but stdin is a terminal",
                hint="pipe a map in, e.g. cat map.yaml | argmap show -",
            )
        stream = getattr(sys.stdin, "buffer", None)
        if stream is not None:
            data = stream.read(max_bytes + 1)
        else:  # a text stream without a buffer (some test harnesses)
            data = sys.stdin.read(max_bytes + 1).encode("utf-8")
        return Input(decode(data, "<stdin>", max_bytes=max_bytes), "<stdin>", "")
    p = Path(spath)
    try:
        if p.is_dir():
            raise UsageError(f"{spath}: is a folder, not a map file")
        if regular:
            fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
            try:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    raise UsageError(f"{spath}: not a regular file")
                with os.fdopen(os.dup(fd), "rb") as fh:
                    data = fh.read(max_bytes + 1)
            finally:
                os.close(fd)
        else:
            with p.open("rb") as fh:
                data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise UsageError(f"{spath}: no such file") from None
    except PermissionError:
        raise UsageError(f"{spath}: permission denied") from None
    except OSError as exc:
        raise UsageError(f"{spath}: cannot read ({exc.strerror or exc})") from None
    return Input(decode(data, spath, max_bytes=max_bytes), spath, p.suffix.lower(), p)


def read_named_file(
    map_path: str | os.PathLike | None, named: str, *, max_bytes: int
) -> tuple[Path, bytes]:
    """Read a file that a map names (a source text, a used map), relative to the map's
    folder, as the untrusted input it is: only a regular file inside the map's project or
    a folder its configuration allows (:mod:`argmap.io.config`), symbolic links followed
    first, at most ``max_bytes``. It is opened without blocking and checked once open, so
    a pipe put in its place never makes a reader wait.

    Raises:
        FileNotFoundError: it is not there.
        OutsideProject: it lies outside the project (nothing of it is read).
        NotRegularFile: it is a pipe, a device or a folder.
        OSError: it is too large, or cannot be read.
    """
    import errno

    from argmap.io.config import NEVER_READ, config_for

    if "\x00" in named:
        raise OSError(errno.EINVAL, "the path holds a NUL character")
    config = config_for(map_path)
    base = Path(map_path).resolve().parent if map_path is not None else Path.cwd()
    real = Path(os.path.realpath(base / named))
    if any(real == top or top in real.parents for top in NEVER_READ):
        exc = OutsideProject(errno.EACCES, "in a system folder argmap never reads")
        exc.hint = "/proc, /sys and /dev are never read as a map's texts"
        raise exc
    if not any(real == top or top in real.parents for top in config.readable):
        exc = OutsideProject(errno.EACCES, f"outside the map's project ({config.root})")
        exc.hint = _grant_hint(config, real)
        raise exc
    return real, read_regular(real, max_bytes)


def readable_by(map_path: str | os.PathLike, named: str | os.PathLike) -> bool:
    """Whether a map at ``map_path`` may read the file ``named`` (relative to the map's
    folder, or absolute) as :func:`read_named_file` decides it, without reading it."""
    from argmap.io.config import NEVER_READ, config_for

    config = config_for(map_path)
    real = Path(os.path.realpath(Path(map_path).resolve().parent / named))
    if any(real == top or top in real.parents for top in NEVER_READ):
        return False
    return any(real == top or top in real.parents for top in config.readable)


def _grant_hint(config: Config, real: Path) -> str:
    """How the person running argmap can allow ``real``: the folder the project asks for
    (its ``allow-read``), else the file's own folder."""
    from argmap.io.config import user_config_path

    asked = next((f for f in config.asks_read if real == f or f in real.parents), None)
    folder = asked or real.parent
    where = user_config_path()
    shown = str(where).replace(os.path.expanduser("~"), "~", 1)
    grant = f'ARGMAP_ALLOW_READ={folder} or allow-read = ["{folder}"] in {shown}'
    if asked is not None and config.source is not None:
        return (f"{config.source.name} asks to read {folder}; a file in the tree cannot allow it, "
                f"only you can: {grant}")  # fmt: skip
    return f"if you trust it, allow its folder yourself: {grant}"


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``, opened without blocking and
    checked once open (a pipe or a device put in its place is refused, never waited on or
    read without end), and refused if it grew past the bound while being read.

    Raises:
        OSError: absent (FileNotFoundError), not a regular file, too large, unreadable.
    """
    import errno

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(errno.EINVAL, "not a regular file")
        if info.st_size > max_bytes:
            raise OSError(errno.EFBIG, f"larger than {max_bytes // 2**20} MiB")
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(max_bytes + 1)
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise OSError(errno.EFBIG, f"larger than {max_bytes // 2**20} MiB")
    return data


def read_text_file(path: Path, *, max_bytes: int) -> str:
    """A text file's contents, read as UTF-8: a regular file of at most ``max_bytes``
    (a file the user names on the command line, not one a map names: those are read
    by :func:`read_named_file`), so that a device or a pipe (``/dev/zero``) is refused
    instead of read without end.

    Raises:
        OSError: the file is absent (FileNotFoundError), not a regular file, too large,
            or cannot be read.
        UnicodeDecodeError: it is not UTF-8 text.
    """
    return read_regular(path, max_bytes).decode("utf-8")


def decode(data: bytes, name: str, *, max_bytes: int = MAX_INPUT_BYTES) -> str:
    """Decode bytes as UTF-8 text, rejecting oversized, binary and non-UTF-8 input.

    Examples:
        >>> decode(b"title: x", "m.yaml")
        'title: x'
        >>> decode(b"\\x00\\x01", "m.yaml")
        Traceback (most recent call last):
        argmap.errors.MapError: m.yaml:1:1: error[binary]: not a text file (it contains NUL bytes)
    """
    if len(data) > max_bytes:
        raise MapError(
            [_diag("too_large", f"input is larger than {max_bytes // (1024 * 1024)} MiB", name)]
        )
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = line_col(data, nul)
        raise MapError(
            [_diag("binary", "not a text file (it contains NUL bytes)", name, line, col)]
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = line_col(data, exc.start)
        raise MapError(
            [_diag("encoding", f"not UTF-8 text (byte 0x{data[exc.start]:02x})", name, line, col)]
        ) from None
    return text.removeprefix("\ufeff")


def _diag(code: str, message: str, name: str, line: int = 1, col: int = 1) -> Diagnostic:
    return Diagnostic(code, "error", message, Location(name, line, col))


def write_output(data: str | bytes, path: str | os.PathLike = STDIN) -> None:
    """Write text or bytes to ``path`` atomically, or to stdout for ``-``.

    Raises:
        UsageError: binary data would go to a terminal.
        ToolError: the file cannot be written.
    """
    spath = os.fspath(path)
    if spath == STDIN:
        from argmap.io import progress

        progress.stop()  # output starts: no spinner in its way
        if isinstance(data, bytes):
            if sys.stdout.isatty():
                raise UsageError(
                    "refusing to write binary output to a terminal", hint="use -o FILE"
                )
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(data)
            sys.stdout.flush()
        return
    # A symbolic link is written through, to the file it names (which keeps its link).
    target = Path(os.path.realpath(spath)) if os.path.islink(spath) else Path(spath)
    try:
        raw = data.encode("utf-8") if isinstance(data, str) else data
    except UnicodeEncodeError:
        raise UsageError(
            f"{spath}: the text holds characters that are not UTF-8 (bytes the terminal "
            "could not decode); nothing was written"
        ) from None
    try:
        mode = target.stat().st_mode
    except OSError:
        mode = None
    special = spath.startswith(("/dev/", "/proc/")) or str(target).startswith(("/dev/", "/proc/"))
    if (mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)) or special:
        # A device, a pipe or a socket (/dev/null, /dev/stdout, a FIFO): written to as it
        # is. Renaming a file over it would replace the device itself.
        try:
            with open(target, "wb") as fh:
                fh.write(raw)
        except OSError as exc:
            raise ToolError(f"{spath}: cannot write ({exc.strerror or exc})") from None
        return
    if mode is not None and not mode & 0o222:
        raise ToolError(
            f"{spath}: the file is read-only, so argmap leaves it as it is",
            hint="make it writable (chmod u+w) to change it",
        )
    folder = target.parent if str(target.parent) else Path(".")
    _remove_leftovers(folder, target.name)
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}.", suffix=_TMP_SUFFIX, dir=folder
        )
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            os.chmod(tmp_name, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        raise ToolError(f"{spath}: cannot write ({exc.strerror or exc})") from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


_TMP_SUFFIX = ".argmap-tmp"


def _remove_leftovers(folder: Path, name: str) -> None:
    """Remove the temporary files an earlier write of ``name`` left when its process was
    killed between making them and renaming them into place (their names carry the pid
    of the process that made them; a live one's are left alone)."""
    import glob

    try:
        candidates = list(folder.glob(f".{glob.escape(name)}.*{_TMP_SUFFIX}"))
    except OSError:
        return
    for path in candidates:
        pid = path.name[len(name) + 2 :].split(".", 1)[0]
        if not pid.isdigit() or _alive(int(pid)):
            continue
        with contextlib.suppress(OSError):
            path.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_git(spec: str) -> Input:
    """Read ``REV:path`` from git (the path relative to the working folder).

    Raises:
        UsageError: not in a git repository, or no such revision or file.
    """
    rev, _, path = spec.partition(":")
    if rev.startswith("-") or not rev:
        # Never let a revision be read as one of git's options (--output=FILE writes).
        raise UsageError(f"{spec}: not a revision a map can be read from", hint="write REV:path")
    data, trouble = _git_show(rev, path)
    if data is None:
        raise UsageError(f"{spec}: {trouble}")
    # What the map names (the maps it uses, its texts) is read at the same revision.
    files = RevisionFiles(rev, path)
    return Input(decode(data, spec), spec, Path(path).suffix.lower(), None, files)


#: How long a command that changes a map waits for another one editing it (seconds;
#: ``ARGMAP_LOCK_TIMEOUT`` sets another bound).
LOCK_SECONDS = 30.0


@dataclass
class Held:
    """A map file held for a change: the text read while holding it, and what it was on
    disk then (so a change made behind the lock's back is noticed before anything is
    written over it)."""

    input: Input
    path: Path
    stamp: tuple[int, int, int, int]

    def replace(self, text: str) -> None:
        """Write ``text`` over the file, atomically, if it is still the file that was read.

        Raises:
            BusyError: the file was changed or replaced since it was read (by a program
                that does not take argmap's lock: an editor, say); nothing is written.
            ToolError: the file cannot be written.
        """
        from argmap.errors import BusyError

        try:
            now = _stamp(os.stat(self.path))
        except OSError:
            now = None
        if now != self.stamp:
            raise BusyError(
                f"{self.input.name}: the file changed while argmap was editing it; "
                "nothing was written",
                hint="run the command again",
            )
        write_output(text, self.input.name)


def _stamp(info: os.stat_result) -> tuple[int, int, int, int]:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def lock_seconds() -> float:
    """How long an edit waits for another to finish: ``ARGMAP_LOCK_TIMEOUT`` seconds (a
    number from 0 to a day), else :data:`LOCK_SECONDS`.

    Raises:
        UsageError: the variable holds no such number (``abc``, ``nan``, ``-1``).
    """
    import math

    said = os.environ.get("ARGMAP_LOCK_TIMEOUT", "").strip()
    if not said:
        return LOCK_SECONDS
    try:
        value = float(said)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and 0 <= value <= 86400):
        raise UsageError(
            f"ARGMAP_LOCK_TIMEOUT={said[:40]!r}: not a number of seconds from 0 to 86400",
            hint=f"unset it for the default of {LOCK_SECONDS:g} s",
        )
    return value


@contextlib.contextmanager
def held_for_update(path: str | os.PathLike, *, max_bytes: int = MAX_INPUT_BYTES) -> Iterator[Held]:
    """Hold a map file for a read-change-write: an exclusive lock (``flock``) on the file
    for the whole change, so that two commands editing one map take turns instead of one
    losing the other's work. Yields a :class:`Held`, whose ``replace`` writes the new text.

    The lock is on the file itself (no lock file is left behind, even by a killed
    process). A writer replaces the file by renaming a new one over it, so a waiter that
    gets the lock on the replaced file sees that the name now means another file, and
    tries again on that one.

    Raises:
        UsageError: the file cannot be read.
        BusyError: another command held the file for longer than :data:`LOCK_SECONDS`.
        MapError: the file is not UTF-8 text or too large.
    """
    import fcntl
    import time

    from argmap.errors import BusyError

    spath = os.fspath(path)
    real = Path(os.path.realpath(spath))
    bound = lock_seconds()
    deadline = time.monotonic() + bound
    pause = 0.005
    while True:
        try:
            if real.is_dir():
                raise UsageError(f"{spath}: is a folder, not a map file")
            fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        except FileNotFoundError:
            raise UsageError(f"{spath}: no such file") from None
        except PermissionError:
            raise UsageError(f"{spath}: permission denied") from None
        except OSError as exc:
            raise UsageError(f"{spath}: cannot read ({exc.strerror or exc})") from None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise UsageError(f"{spath}: not a regular file, so argmap does not change it")
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise BusyError(
                        f"another argmap is editing {spath}",
                        hint=f"waited {bound:g} s; try again when it is done",
                    ) from None
                time.sleep(pause)
                pause = min(pause * 2, 0.1)
                continue
            try:
                current = os.stat(real)
            except FileNotFoundError:
                current = None
            if current is None or (current.st_dev, current.st_ino) != (info.st_dev, info.st_ino):
                continue  # replaced while we waited: hold the file the name means now
            with os.fdopen(os.dup(fd), "rb") as fh:
                data = fh.read(max_bytes + 1)
            stamp = _stamp(os.fstat(fd))
            inp = Input(decode(data, spath, max_bytes=max_bytes), spath, real.suffix.lower(),
                        Path(spath))  # fmt: skip
            yield Held(inp, real, stamp)
            return
        finally:
            os.close(fd)  # releases the lock


def write_map(text: str, path: str | os.PathLike) -> None:
    """Write a whole map (an import, a merge's result) to ``path``: a file that is there
    already is replaced only while held (:func:`held_for_update`), so that a command
    editing it meanwhile is not undone; ``-`` is standard output."""
    spath = os.fspath(path)
    if spath != STDIN and os.path.isfile(spath):
        with held_for_update(spath) as held:
            held.replace(text)
        return
    write_output(text, spath)
