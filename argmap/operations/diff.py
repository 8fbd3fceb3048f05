"""``argmap diff`` (git's diff driver) and ``argmap merge`` (git's merge driver): two
versions of a map compared, and three merged, by meaning."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from argmap.operations.result import Result

if TYPE_CHECKING:
    from argmap.edit.merge import MergeResult
    from argmap.errors import MapError
    from argmap.model.document import Document

__all__ = ["read_version", "diff_files", "merge_files"]


def read_version(spec: str, notes: list[str] | None = None) -> Document:
    """A version of a map: a file, ``REV:path`` from git, or ``/dev/null`` (git's side of
    an added or deleted file: an empty map). A version that does not read is diff's
    "trouble" (exit status 2), not a difference. A version whose used maps are not beside
    it (git hands a diff driver the old version in a temporary folder) is read as its file
    holds it, its uses not followed, and ``notes`` says so.

    Raises:
        UsageError: the file (or revision) cannot be read.
        MapError: it is not a valid map (exit status 2).
    """
    from argmap.errors import EXIT_USAGE, MapError
    from argmap.formats.native import parse
    from argmap.io.files import Input, read_git, read_input

    if spec == "/dev/null":
        return parse(Input("title: (none)\nclaims: []\n", spec, ".yaml"))
    try:
        inp = read_git(spec) if ":" in spec and not Path(spec).exists() else read_input(spec)
        try:
            return parse(inp)
        except MapError as exc:
            if not exc.diagnostics or any(
                d.code != "dangling_use" or "no such file" not in d.message for d in exc.diagnostics
            ):
                raise
            doc = parse(inp, own_only=True)
            if notes is not None:
                notes.append("the used maps are not beside the version git handed over, so "
                             "the change is shown in the map's own claims (NAME:ID names a "
                             "used map's claim)")  # fmt: skip
            return doc
    except MapError as exc:  # unreadable (binary, not UTF-8) or invalid: trouble
        exc.exit_code = EXIT_USAGE
        raise


def diff_files(old: str, new: str, *, with_eval: bool = False, name: str | None = None) -> Result:
    """What changed from ``old`` to ``new`` (files or ``REV:path``), as an argument
    (:func:`argmap.analysis.diff.diff_maps`); ``name``, the file both are versions of, is
    named first (git's diff driver passes it). Status 1 when anything changed, as diff."""
    from argmap.analysis.diff import diff_maps

    notes: list[str] = []
    before, after = read_version(old, notes), read_version(new, notes)
    own = bool(notes)
    if own:  # one side's uses not followed: neither side's, so that both compare alike
        before, after = (v if not v.model.uses else _own(v) for v in (before, after))
    d = diff_maps(before.model, after.model, labels=with_eval and not own)
    d.file = name
    # The file is named only when git names it (its diff driver), as before.
    return Result(d, data=lambda: d.model_dump(mode="json", exclude=None if name else {"file"}),
                  status=0 if d.empty else 1, notes=notes[:1])  # fmt: skip


def _own(doc: Document) -> Document:
    """A combined debate as its own file holds it: the used maps' parts left out."""
    from argmap.model.debate import origin
    from argmap.model.document import Document

    m = doc.model
    used = {u.name for u in m.uses}

    def theirs(ident: str | None) -> bool:
        return ident is not None and origin(ident) in used

    own = m.model_copy(update={
        "claims": [c for c in m.claims if not theirs(c.id)],
        "sources": [s for s in m.sources if not theirs(s.id)],
        "links": [lk for lk in m.links if not theirs(lk.id)],
    })  # fmt: skip
    return Document(own, doc.name, doc.path, doc.positions, doc.files)


def merge_files(
    base: str, ours: str, theirs: str, *, output: str | None = None, name: str | None = None
) -> Result:
    """Merge ``theirs``' changes since ``base`` into ``ours`` by claim, link and source id
    (:func:`argmap.edit.merge.merge`), written to ``ours`` (held while it is read and
    written, as one change) or to ``output``. Status 1 when conflicts remain (the file is
    marked around each); the notes say what was merged, or each conflict.

    Raises:
        UsageError: standard input named, or a file cannot be read.
        BusyError: ``ours`` changed while it was being merged.
    """
    from argmap.edit.merge import merge
    from argmap.errors import MapError, UsageError
    from argmap.io.files import held_for_update, read_input, write_map
    from argmap.wording import counted

    if "-" in (base, ours, theirs):
        raise UsageError("merge needs three files, not standard input")
    shown = name or ours
    try:
        with held_for_update(ours) as held:  # OURS is read and written as one change
            result = merge(read_input(base).text, held.input.text, read_input(theirs).text, shown)
            if output is None:
                held.replace(result.text)
    except MapError as exc:
        # A side argmap cannot read as a map (a YAML error, binary bytes, conflict markers):
        # git runs no fallback after a merge driver, so the merge is made as text here,
        # both sides kept between git's markers, never ours alone.
        return _merged_as_text(base, ours, theirs, output, shown, exc)
    if output is not None:
        write_map(result.text, output)
    a = result.applied
    summary = f"{a['added']} added, {a['changed']} changed, {a['removed']} removed from theirs"
    if result.clean:
        return Result(result, notes=[f"merged {shown}: {summary}"])
    total = f"argmap: {shown}: {counted(len(result.conflicts), 'conflict')} ({summary})"
    return Result(result, log=[*result.conflict_lines(shown), total], status=1)


def _merged_as_text(
    base: str, ours: str, theirs: str, output: str | None, shown: str, why: MapError
) -> Result[MergeResult]:
    """The three files merged line by line, as git merges text (``git merge-file``: its
    conflict markers around what both sides changed), or, where that cannot be done (git
    absent, a binary side), both whole sides between markers; status 1 either way, so
    the file is a conflict for the user to resolve, and nothing of either side is lost."""
    import subprocess

    from argmap.edit.merge import Conflict, MergeResult
    from argmap.errors import UsageError
    from argmap.io.files import MAX_INPUT_BYTES, read_regular, write_output

    for side in (base, ours, theirs):  # what cannot be read at all is a usage error
        try:
            read_regular(Path(side), max_bytes=MAX_INPUT_BYTES)
        except OSError as exc:
            raise UsageError(f"{side}: cannot read ({exc.strerror or exc})") from None
    first = why.diagnostics[0].format() if why.diagnostics else "it cannot be read"
    reason = f"not merged by meaning ({first}); merged as text"
    merged: bytes | None = None
    try:
        proc = subprocess.run(
            ["git", "merge-file", "-p", "-L", "ours", "-L", "base", "-L", "theirs",
             "--", ours, base, theirs],
            capture_output=True, check=False, timeout=120,
        )  # fmt: skip
        if 0 <= proc.returncode < 128 and not proc.stderr.strip():
            merged = proc.stdout
    except (OSError, subprocess.TimeoutExpired):
        merged = None
    if merged is None:
        mine, yours = (read_regular(Path(p), max_bytes=MAX_INPUT_BYTES) for p in (ours, theirs))
        merged = b"".join([b"<<<<<<< ours\n", mine, b"" if mine.endswith(b"\n") else b"\n",
                           b"=======\n", yours, b"" if yours.endswith(b"\n") else b"\n",
                           b">>>>>>> theirs\n"])  # fmt: skip
        reason = f"not merged by meaning ({first}); both sides kept whole between markers"
    write_output(merged, ours if output is None else output)
    result = MergeResult(merged.decode("utf-8", "replace"),
                         [Conflict("map", "-", reason)],
                         applied={"added": 0, "changed": 0, "removed": 0})  # fmt: skip
    return Result(result, log=[*result.conflict_lines(shown),
                               f"argmap: {shown}: 1 conflict (merged as text)"],
                  status=1)  # fmt: skip
