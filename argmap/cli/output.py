"""Where results go: rich on a terminal, plain text when piped, JSON and ids for tools.

Rich is imported only when stdout is a terminal (or FORCE_COLOR is set); piped text
is written plainly, so it is exact for grep and cheap to produce. Machine formats
never go through rich (which wraps lines and reads brackets as markup). Errors go
to stderr only.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from argmap.io.progress import stop as _stop_progress
from argmap.wording import spreadsheet_safe, visible

__all__ = [
    "Format",
    "is_terminal",
    "emit_json",
    "emit_lines",
    "emit_rich",
    "emit_outline",
    "emit_segments",
    "print_error",
    "RowFormat",
    "emit_table",
    "emit_tsv",
]


class Format(StrEnum):
    """Output formats shared by the commands."""

    text = "text"
    json = "json"
    ids = "ids"


def is_terminal() -> bool:
    """Whether stdout is a terminal that gets rich output (FORCE_COLOR forces it)."""
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(sys.stdout, "isatty", None)
    return bool(isatty and isatty())


def emit_rich(renderable: Any, *, wrap: bool = True) -> None:
    """Print a rich renderable to stdout (colour unless NO_COLOR); ``wrap=False`` keeps
    each line whole. Control characters in its text are shown, never sent (see
    :func:`argmap.wording.visible`)."""
    from rich.console import Console

    _stop_progress()
    Console(highlight=False, emoji=False).print(_Visible(renderable), soft_wrap=not wrap)


class _Visible:
    """A renderable whose text segments have their control characters made visible: the
    text of a map reaches the terminal as text, never as escape sequences."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __rich_console__(self, console: Any, options: Any):
        from rich.segment import Segment

        for seg in console.render(self.inner, options):
            if seg.control or not seg.text:
                yield seg
            else:
                yield Segment(visible(seg.text), seg.style)


def emit_segments(lines: list[list[tuple[str, str | None]]]) -> None:
    """Styled lines: coloured on a terminal, plain text otherwise. Lines are never wrapped."""
    from argmap.views.tree import plain, styled

    if is_terminal():
        from rich.text import Text

        emit_rich(Text("\n").join(styled(line) for line in lines), wrap=False)
    else:
        emit_lines([plain(line) for line in lines])


def emit_passages(paragraphs: list[tuple[int, list[tuple[str, str | None]]]]) -> None:
    """Paragraphs of styled text, indented, fitted to the output's width as
    :func:`argmap.wording.fill` fits text (at spaces, measured in terminal columns; a word
    or an id wider than that stays whole); styled on a terminal, plain when piped (whole
    paragraphs, unless ``COLUMNS`` gives a width)."""
    from rich.console import Group
    from rich.text import Text

    from argmap.views.columns import output_width
    from argmap.wording import fill

    width = output_width()
    lines: list[Text] = []
    for indent, segments in paragraphs:
        whole = Text()
        for part, style in segments:
            whole.append(part.replace("\n", " "), style=style or "")  # a hard-wrapped text
        plain = whole.plain
        filled = fill(plain, max(20, width - indent)) if width else [plain]
        lines += [Text(" " * indent) + whole[start:end]
                  for start, end in _spans_of(filled or [""], plain)]  # fmt: skip
    if is_terminal():
        emit_rich(Group(*lines), wrap=False)
    else:
        emit_lines([line.plain for line in lines])


def _spans_of(lines: list[str], text: str) -> list[tuple[int, int]]:
    """Where each of ``lines`` (``text`` filled: its words, their spaces made one) stands
    in ``text``.

    Examples:
        >>> _spans_of(["a b", "c"], "a  b\\nc")
        [(0, 4), (5, 6)]
    """
    spans, at = [], 0
    for line in lines:
        while at < len(text) and text[at].isspace():
            at += 1
        start = at
        for char in line:
            if char.isspace():
                while at < len(text) and text[at].isspace():
                    at += 1
            else:
                at += 1
        spans.append((start, at))
    return spans


def emit_outline(G: Any, trees: list, **options: Any) -> None:
    """An outline (:mod:`argmap.analysis.outline`): a rich tree on a terminal, plain lines
    otherwise.
    ``options`` go to the renderer (``quotes``, ``verdicts``)."""
    from argmap.views.columns import output_width

    if is_terminal() or output_width() is not None:  # piped with COLUMNS: wrapped to it
        from argmap.views.tree import outline_view

        emit_rich(outline_view(G, trees, **options))
    else:
        from argmap.views.tree import outline_lines

        emit_lines(outline_lines(G, trees, **options))


def emit_json(data: Any) -> None:
    """Write one JSON document to stdout, UTF-8, stable key order, newline at the end."""
    _stop_progress()
    from argmap.wording import json_safe

    sys.stdout.write(json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")


def emit_lines(lines: list[str]) -> None:
    """Write plain lines (e.g. ids) to stdout, one per line."""
    _stop_progress()
    if lines:
        sys.stdout.write(visible("\n".join(lines)) + "\n")


def print_error(lines: list[str]) -> None:
    """Write error lines to stderr, plainly (no markup, no wrapping)."""
    _stop_progress()
    for line in lines:
        sys.stderr.write(visible(line) + "\n")
    sys.stderr.flush()


class RowFormat(StrEnum):
    """Output formats of the query commands."""

    text = "text"
    json = "json"
    ids = "ids"
    tsv = "tsv"


def emit_table(columns: list[str], rows: list[list[str]]) -> None:
    """Rows as a table laid out for the terminal's width (``COLUMNS`` when piped; one row
    a line when neither says a width): ids, kinds and numbers never wrap, text wraps at
    spaces and tags after commas, so no id or word is ever cut or dropped
    (:mod:`argmap.views.columns`); the header is bold on a terminal."""
    from argmap.views.columns import output_width, table_layout

    bold = "bold" if is_terminal() else None
    emit_segments(
        [[(text, bold if row < 0 else None)] for row, text in table_layout(columns, rows,
                                                                              output_width())]
    )  # fmt: skip


def emit_tsv(columns: list[str], rows: list[list[str]]) -> None:
    """Rows as tab-separated values with a header line; tabs and newlines in cells become
    spaces, so every row stays one line, and a cell a spreadsheet would take for a formula
    (``=``, ``+``, ``-``, ``@`` first) gets a leading ``'``
    (:func:`argmap.wording.spreadsheet_safe`)."""

    def clean(cell: str) -> str:
        return spreadsheet_safe(" ".join(cell.replace("\t", " ").split()))

    emit_lines(["\t".join(columns), *("\t".join(clean(c) for c in row) for row in rows)])


def emit_edited(done: Any, *, warnings: bool = True) -> None:
    """What a change reports (:class:`argmap.operations.edit.Edited`): its lines on stdout; the
    files it wrote besides the map, and (unless ``warnings`` is False: commands that build a
    map step by step, where a half-built map warns at every step) the warnings it brought,
    on stderr."""
    print_notes(done.notes, done.warnings if warnings else [])
    if done.lines:
        emit_lines(done.lines)
    if done.output is not None:  # a map's text (fmt -): written as it is, as export -o - does
        from argmap.io.files import write_output

        write_output(done.output)


def print_problems(diagnostics: list[Any], then: str) -> None:
    """Located problems on stderr, one a line, then a line saying what follows from them."""
    print_error([d.format() for d in diagnostics] + [then])


def print_build(build: Any, done: str, *, kept: bool = False) -> None:
    """One rebuild of ``watch`` or ``serve`` on stderr, stamped with its time: what was
    done (``done``) and the claims built, or the located problems that broke the map
    (``kept``: the last good output stays)."""
    import time

    from argmap.wording import counted

    stamp = time.strftime("%H:%M:%S", time.localtime(build.at))
    if build.ok:
        print_error([f"{stamp} {done} ({counted(build.claims, 'claim')})"])
    else:
        note = " (kept the last good output)" if kept else ""
        print_problems(build.errors, f"{stamp} map broken{note}")


def print_notes(notes: list[str], problems: Sequence[Any] = ()) -> None:
    """Notes about the output (``argmap: NOTE``) and located problems, on stderr. On a
    terminal a note is wrapped at spaces to its width (the rest indented), so the terminal
    never cuts a word or an id; a located problem stays one line, as tools read it."""
    if notes or problems:
        lines = [f"argmap: {n}" for n in notes]
        width = _stderr_width()
        if width is not None and width >= 20:
            from argmap.views.columns import wrapped_lines

            lines = wrapped_lines(lines, width)
        print_error(lines + [d.format() for d in problems])


def _stderr_width() -> int | None:
    """The width of the terminal stderr writes to; None when it is not a terminal."""
    isatty = getattr(sys.stderr, "isatty", None)
    if not (isatty and isatty()):
        return None
    import shutil

    return shutil.get_terminal_size().columns


def emit(result: Any, fmt: Any = "text") -> None:
    """Print what an operation returned (:class:`argmap.operations.result.Result`) in the
    chosen format: its notes and problems on stderr first, then json, ids, tsv, or its text
    form (:mod:`argmap.views.forms`) as the terminal takes it; then exit with its status
    when that is not 0. The one place every command's output switch lives.

    Raises:
        UsageError: the answer has no form in that format.
    """
    from argmap.errors import UsageError

    name = getattr(fmt, "value", fmt)
    if name in result.unavailable:
        raise UsageError(f"--format {name} is not available: {result.unavailable[name]}")
    print_notes(result.notes, result.problems)
    if result.log:
        print_error(result.log)
    if name in result.formats:
        from argmap.views.answers import own_form

        emit_form(own_form(result.value, name))
    elif name == "json":
        emit_json(result.to_data())
    elif name == "ids":
        emit_lines(result.ids())
    elif name == "tsv":
        from argmap.views.answers import table_form

        table = table_form(result.value)
        if table is None:
            raise UsageError("--format tsv is not available here")
        emit_tsv(*table)
    else:
        from argmap.operations.result import Page
        from argmap.views.answers import text_form
        from argmap.views.columns import output_width

        form = text_form(result.value, Page(terminal=is_terminal(), width=output_width()),
                         **result.view)  # fmt: skip
        if form is not None:  # an answer with no text form prints nothing (export)
            emit_form(form)
    if result.status:
        import typer

        raise typer.Exit(result.status)


def emit_form(form: Any) -> None:
    """Print one text form (:mod:`argmap.views.forms`)."""
    from argmap.views import forms

    if isinstance(form, forms.Stack):
        for part in form.parts:
            emit_form(part)
    elif isinstance(form, forms.Lines):
        if form.wrap:
            from argmap.views.columns import output_width, wrapped_lines

            emit_lines(wrapped_lines(form.lines, output_width()))
        else:
            emit_lines(form.lines)
    elif isinstance(form, forms.Styled):
        emit_segments(form.lines)
    elif isinstance(form, forms.Passages):
        emit_passages(form.paragraphs)
    elif isinstance(form, forms.Table):
        if form.rows or is_terminal():  # piped, no row prints nothing (as grep)
            emit_table(form.columns, form.rows)
        if not form.rows and form.nothing:
            print_error([f"argmap: {form.nothing}"])
    elif isinstance(form, forms.Outline):
        emit_outline(form.G, form.trees, **form.options)
    elif isinstance(form, forms.Json):
        emit_json(form.data)
    else:
        raise TypeError(f"not a text form: {form!r}")
