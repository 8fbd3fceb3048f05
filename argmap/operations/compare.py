"""``argmap compare``: how far two maps of the same text agree
(:mod:`argmap.analysis.compare`), read from any format argmap reads."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.operations.result import Result

if TYPE_CHECKING:
    from argmap.model.document import Document

__all__ = ["read_any", "compare_files"]


def read_any(path: str | os.PathLike) -> Document:
    """A map in any format argmap reads: its own (with the reader of the files it names,
    so its quotes can be placed), or one it imports (AIF, Argdown, SADFace...).

    Raises:
        UsageError: the file cannot be read.
        MapError: it is not a valid map in its format.
    """
    from argmap.formats import guess_import_format, import_checked
    from argmap.io.files import read_input
    from argmap.model.document import Document
    from argmap.operations.loading import map_of

    inp = read_input(path)  # once: standard input cannot be read again
    fmt = guess_import_format(inp.name, inp.text)
    if fmt is None:
        return map_of(inp)
    return Document(import_checked(inp.text, inp.name, fmt), inp.name)


def _spans(doc: Document) -> tuple[dict[str, tuple[str, int, int]], dict[str, str]]:
    """Where each quote of the map stands, keyed by its source text's content (two maps
    that quote the same text share a key wherever the file lies), and those texts."""
    from argmap.analysis.provenance import check_quotes, load_source

    if doc.files is None:
        return {}, {}
    check = check_quotes(doc)
    keys: dict[str, str] = {}
    texts: dict[str, str] = {}
    by_id = {s.id: s for s in doc.model.sources}
    quoted = {c.source for c in doc.model.claims if c.id in check.hits and c.source is not None}
    for source_id in quoted:
        path = by_id[source_id].path
        if path is None:  # a quote found has a text: never so
            continue
        try:
            _, text = load_source(doc.files, path)
        except (OSError, UnicodeDecodeError):
            continue
        key = hashlib.blake2b(text.text.encode("utf-8"), digest_size=16).hexdigest()
        keys[source_id], texts[key] = key, text.text
    spans = {
        c.id: (keys[c.source], check.hits[c.id].start, check.hits[c.id].end)
        for c in doc.model.claims
        if c.id in check.hits and c.source in keys
    }
    return spans, texts


def _read_alignment(path: Path) -> list[tuple[str, str]]:
    """Pairs a person fixed: ``A-ID<TAB>B-ID`` a line (a first line ``a	b...`` and lines
    starting ``#`` are skipped; further columns are ignored)."""
    from argmap.errors import UsageError
    from argmap.io.files import read_text_file

    try:
        text = read_text_file(path, max_bytes=16 * 1024 * 1024)
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the alignment ({exc})") from None
    pairs = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#") or (number == 1 and line.startswith("a\t")):
            continue
        cells = line.split("\t")
        if len(cells) < 2 or not cells[0].strip() or not cells[1].strip():
            raise UsageError(f"{path}:{number}: expected 'A-ID<TAB>B-ID', got {line[:60]!r}")
        pairs.append((cells[0].strip(), cells[1].strip()))
    return pairs


def compare_files(
    a: str | os.PathLike,
    b: str | os.PathLike,
    *,
    key: bool = False,
    align_file: str | None = None,
    threshold: float | None = None,
) -> Result:
    """Compare the maps at ``a`` and ``b`` (:func:`argmap.analysis.compare.compare`).
    ``key``: A is the key and B is graded against it. ``align_file``: the pairing, read
    when the file exists (a person's corrections kept), written when it does not.

    Raises:
        UsageError: a file cannot be read; both are standard input; a bad alignment file.
        MapError: a map is not valid.
    """
    from argmap.analysis.compare import THRESHOLD, align, compare
    from argmap.errors import UsageError

    if str(a) == "-" and str(b) == "-":
        raise UsageError("compare reads at most one map from standard input")
    doc_a, doc_b = read_any(a), read_any(b)
    spans_a, texts_a = _spans(doc_a)
    spans_b, texts_b = _spans(doc_b)
    given: list[tuple[str, str]] = []
    notes = []
    alignment = Path(align_file) if align_file else None
    if alignment is not None and alignment.exists():
        given = _read_alignment(alignment)
        known_a = {c.id for c in doc_a.model.claims}
        known_b = {c.id for c in doc_b.model.claims}
        unknown = [f"{x}\t{y}" for x, y in given if x not in known_a or y not in known_b]
        if unknown:
            raise UsageError(f"{alignment}: names claims the maps do not have: {unknown[0]!r}")
        notes.append(f"pairs read from {alignment} ({len(given)})")
    pairs = align(doc_a, doc_b, spans_a=spans_a, spans_b=spans_b, given=given,
                  threshold=THRESHOLD if threshold is None else threshold,
                  notes=notes)  # fmt: skip
    if alignment is not None and not given:
        from argmap.io.files import write_output

        lines = ["a\tb\tsimilarity\tmethod"]
        lines += [f"{p.a}\t{p.b}\t{p.similarity:.3f}\t{p.method}" for p in pairs]
        write_output("\n".join(lines) + "\n", str(alignment))
        notes.append(f"pairs written to {alignment}; correct it and run again")
    result = compare(doc_a, doc_b, pairs, spans_a=spans_a, spans_b=spans_b,
                     texts={**texts_a, **texts_b})  # fmt: skip
    if key:
        from argmap.analysis.compare import grade

        result = result.model_copy(update={"grade": grade(result)})
    return Result(result, notes=notes)
