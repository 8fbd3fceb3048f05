"""argmap review: a drafted map's proposals, one at a time."""

from __future__ import annotations

import re
import sys
from typing import Annotated, Any

import typer

from argmap.cli.edit import FileArg
from argmap.cli.options import RowFormatOpt
from argmap.cli.output import RowFormat

#: The answers to a claim and to a link, each a letter.
_CLAIM_KEYS = "[a]ccept  [r]eject  [k]ind  [e]dit text  [j]oin next  [m]erge  [s]kip  [q]uit"
_LINK_KEYS = "[a]ccept  [r]eject  [t]arget another claim  re[v]erse  [s]kip  [q]uit"
#: What is asked for next after a letter: what may be given (None: said already), and the
#: prompt.
_ASKED: dict[str, tuple[str | None, str]] = {
    "t": (None, "claim id> "),
    "m": (None, "claim id> "),
    "e": (None, "text> "),
    "k": ("kinds: claim, premise, evidence, assumption, objection, conclusion, question, "
          "argument", "kind> "),
}  # fmt: skip


def review(
    map_file: FileArg,
    only: Annotated[
        list[str] | None,
        typer.Argument(metavar="[ID]...", help="Review these items only (default: all)."),
    ] = None,
    listing: Annotated[
        bool,
        typer.Option("--list", help="List what is left to review, and ask nothing."),
    ] = False,
    fmt: RowFormatOpt = RowFormat.text,
) -> None:
    """Review a drafted map: each proposal in turn, with the paragraph its quote comes
    from, accepted, rejected, changed or merged; every decision is written to the map at
    once, so quitting midway keeps what was decided.

    At a claim type a letter and Enter: a (accept: its drafted mark goes), r (reject: it
    goes with its links), k (give it another kind, asked for next), e (give it a text of
    its own, asked for next; its quote stays), j (join it with the claim quoted next in its
    paragraph: one claim, the next one's links moving to it), m (take it as another claim
    of the map, asked for next; its links move there), s (skip: decide later), q (quit).
    At a link: a, r, t (draw it to another claim, asked for next), v (turn it round), s,
    q. Lines are read from standard input, so a script can pipe its decisions in.

    --list prints the proposals left (a table, or --format json, ids, tsv) without asking.

    Example: argmap review draft.yaml

    Example: argmap review draft.yaml --list --format ids
    """
    from argmap.cli.output import print_error
    from argmap.errors import ArgmapError
    from argmap.operations import review as decide

    if listing or fmt is not RowFormat.text:
        from argmap.cli.output import emit

        emit(decide.listed(map_file, only or None), fmt)
        return
    items = decide.pending(map_file)
    if only:
        items = [p for p in items if p.id in set(only)]
    if not items:
        print_error(["argmap: nothing drafted is left to review"])
        return
    from argmap.io import progress

    progress.stop()  # a question waits for a person: no sign of work meanwhile
    counts = dict.fromkeys(decide.COUNTED, 0)
    for n, item in enumerate(items, 1):
        _show(item, f"[{n}/{len(items)}]")
        keys = _CLAIM_KEYS if item.what == "claim" else _LINK_KEYS
        while True:
            answer = _ask(keys, "> ")
            if not answer:  # end of input: as quit
                answer = "q"
                if not any(counts.values()):
                    _unasked(map_file)
            key = answer.strip().lower()[:1]
            if key not in re.findall(r"\[(\w)\]", keys):
                key = ""
            try:
                given = ""
                if key in _ASKED:
                    note, prompt = _ASKED[key]
                    given = _ask(note, prompt, indent=2, style="dim").strip()
                if key == "q":
                    _said(counts)
                    return
                if key:
                    counts[decide.answer(map_file, item, key, given)] += 1
                else:
                    sys.stdout.write("  (type one of the letters)\n")
                    continue
            except ArgmapError as exc:  # a wrong id, a link already there: ask again
                print_error([f"argmap: {line}" for line in exc.lines()])
                continue
            if key in ("k", "j"):  # still drafted: shown again as it now is
                now, items[n:] = decide.left_of(map_file, items[n:])
                item = next(p for p in now if p.id == item.id)
                _show(item, f"[{n}/{len(items)}]")
                continue
            break
        if key in ("r", "m", "v"):  # what went may have taken later proposals with it
            _, items[n:] = decide.left_of(map_file, items[n:])
    _said(counts)


def _show(item: Any, place: str) -> None:
    """One proposal as :func:`argmap.views.answers.text_form` lays it out."""
    from argmap.cli.output import emit_form
    from argmap.operations.result import Page
    from argmap.views.answers import text_form

    emit_form(text_form(item, Page(), place=place))


def _ask(said: str | None, prompt: str, *, indent: int = 0, style: str | None = None) -> str:
    """``said`` (the answers offered, or what may be given) fitted to the terminal at
    spaces, then ``prompt``; the line read ("" at the end of the input)."""
    if said is not None:
        from argmap.cli.output import emit_form
        from argmap.views.forms import Passages

        emit_form(Passages([(indent, [(said, style)])]))
    sys.stdout.write(prompt)
    sys.stdout.flush()
    return sys.stdin.readline()


def _unasked(map_file: str) -> None:
    """Nothing to read answers from (no terminal, no answers piped in): refused, with what
    to do instead.

    Raises:
        UsageError: always.
    """
    from argmap.errors import UsageError

    raise UsageError(
        "no answer to read: review asks at a terminal, or reads answers piped in",
        hint=f"argmap review {map_file} --list lists what is left; argmap set {map_file} ID "
        f"drafted false accepts one item; yes a | argmap review {map_file} accepts all",
    )


def _said(counts: dict[str, int]) -> None:
    from argmap.cli.output import print_error
    from argmap.operations.review import decided

    print_error([f"argmap: {decided(counts)}"])
