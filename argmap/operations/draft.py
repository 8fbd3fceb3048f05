"""``argmap draft``: a first map of a source text, every claim a verbatim quote, every
claim and link marked as drafted with its score until a person reviews it
(:mod:`argmap.analysis.draft`). Offline: nothing is fetched, nothing is fitted at run time.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.operations.result import Result

if TYPE_CHECKING:
    from argmap.analysis.draft import DraftReport
    from argmap.analysis.provenance import SourceText

__all__ = ["draft_file"]

#: What the written map says at its top.
_HEADER = """\
# Drafted by argmap draft from {source}: a proposal, not an analysis. Every claim quotes
# the text; each claim and link says `drafted: SCORE` (0-1) until a person reviews it.
#   {show:<44} the proposal, drafted items marked
#   {explain:<44} the cues behind each proposal
#   {accept:<44} accept one (rewording a claim does too)
"""


def _given_units(path: str, source: SourceText) -> tuple[list[tuple[int, int, str]], list[str]]:
    """Units a person gives: a map's quotes (a file that reads as a map), or one per line;
    each placed in the source text. Returns the units found and a note for each not."""
    from argmap.errors import UsageError
    from argmap.io.files import read_text_file

    try:
        text = read_text_file(Path(path), max_bytes=16 * 2**20)
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the units ({exc})") from None
    if path.endswith((".yaml", ".yml", ".json")):  # the map in hand, not read again
        from argmap.io.files import Input
        from argmap.operations.loading import map_of

        suffix = Path(path).suffix.lower()
        doc = map_of(Input(text, path, suffix, Path(path)))
        lines = [c.quote for c in doc.model.claims if c.quote]
    else:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
    units, notes = [], []
    for number, line in enumerate(lines, 1):
        hit = source.find(line)
        if hit is None:
            notes.append(f"{path}: unit {number} is not in the text: {line[:60]!r}")
            continue
        units.append((hit.start, hit.end, source.text[hit.start : hit.end]))
    units.sort()
    return units, notes


def _where(source: SourceText, words: str, start: int) -> int:
    """The paragraph a quote is found in (where a check of the quote will look), else the
    one it was cut from."""
    hit = source.find(words)
    return hit.paragraph if hit is not None else source.paragraph_at(start)


_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,59}")


@dataclass
class _Unit:
    """A drafted claim before it is written: where it stands, what it says, its kind,
    its score, the reasons for it; ``name`` the id a model gave it."""

    start: int
    text: str
    kind: str
    score: float
    role: str = "pro"
    cues: list[str] = field(default_factory=list)
    name: str | None = None


@dataclass
class _Units:
    """A draft before it is written: its claims (in the text's order), links between
    them by index (source, target, kind, score), the central claim and a close second."""

    items: list[_Unit]
    links: list[tuple[int, int, str, float]]
    central: int
    second: int | None = None
    #: The sentences left out as background, each with why (a news hook; a line about the
    #: text or its author).
    left_out: list[tuple[str, str]] = field(default_factory=list)


def _from_cues(spans: list[tuple[int, int, str]], drafted: Any) -> _Units:
    """The draft argmap's cues propose (:func:`argmap.analysis.draft.draft_structure`)."""
    items = []
    answered = {h for h in drafted.head if h is not None}
    for i, (start, _, words) in enumerate(spans):
        if i == drafted.central or i in drafted.drawn:
            kind = "conclusion"
        elif drafted.role[i] == "opp" and drafted.function[i] == "attack":
            kind = "objection"
        elif drafted.evidence and drafted.evidence[i]:
            kind = "evidence"
        elif (words.rstrip().rstrip("\"'”’)").endswith("?") and i in answered
              and drafted.function[i] != "attack"):  # fmt: skip
            kind = "question"  # an issue the units after it answer
        else:
            kind = "claim"
        items.append(_Unit(start, words, kind, drafted.score[i], drafted.role[i],
                           drafted.cues[i]))  # fmt: skip
    links = [(i, h, "attack" if drafted.function[i] == "attack" else "support",
              drafted.score[i]) for i, h in enumerate(drafted.head)
             if h is not None and i != drafted.central]  # fmt: skip
    # The central claim supports what is drawn from it.
    links += [(drafted.central, d, "support", drafted.score[d]) for d in drafted.drawn]
    return _Units(items, links, drafted.central, drafted.second)


def _from_model(name: str, source: Any, notes: list[str]) -> _Units:
    """The draft a language model proposes, checked against the text: what it quotes
    that the text does not hold is dropped, and the notes count it."""
    from argmap.analysis.draft_model import SYSTEM, ModelDraft, checked, parse_reply, request
    from argmap.errors import UsageError
    from argmap.io.language_model import ask

    reply = ask(name, request(source.text), system=SYSTEM,
                schema=ModelDraft.model_json_schema())  # fmt: skip
    try:
        done = checked(parse_reply(reply), source)
    except ValueError as exc:
        raise UsageError(f"--model {name}: {exc}; nothing was written",
                         hint="try again, or another model") from None  # fmt: skip
    if not done.claims or done.central is None:
        raise UsageError(f"--model {name}: none of the claims it gave quotes the text; "
                         "nothing was written", hint="try again, or another model")  # fmt: skip
    if done.dropped_claims:
        shown = ", ".join(done.dropped_claims[:5]) + (", ..." if len(done.dropped_claims) > 5
                                                      else "")  # fmt: skip
        notes.append(f"{len(done.dropped_claims)} of the model's claims dropped: their quotes "
                     f"are not in the text, or repeat another's ({shown})")  # fmt: skip
    if done.dropped_links:
        notes.append(f"{done.dropped_links} of the model's links dropped: they name a dropped "
                     "or unknown claim, repeat a link, or join a claim to itself")  # fmt: skip
    index = {c.id: k for k, c in enumerate(done.claims)}
    central = index[done.central]
    items = []
    for k, c in enumerate(done.claims):
        kind = "conclusion" if k == central else ("claim" if c.kind == "conclusion" else c.kind)
        items.append(_Unit(c.start, c.text, kind, c.score,
                           "opp" if c.kind == "objection" else "pro",
                           [f"proposed by {name}; its quote found in the text"], c.id))  # fmt: skip
    links = [(index[a], index[b], kind, score) for a, b, kind, score in done.links]
    return _Units(items, links, central)


def _source_path(source_path: str, text: str, output: str | None, notes: list[str]) -> str:
    """The source's ``path:`` as the drafted map will name it: relative to the map's
    folder. A text the map could not read where it lies (outside the map's project, in no
    folder the user allows) is copied beside the map, into its ``sources/`` folder, and
    named there; a different file already there is never written over (refused)."""
    from argmap.errors import UsageError
    from argmap.io.files import readable_by, write_output

    here = Path(source_path).resolve()
    if output in (None, "-"):
        path = os.path.relpath(here, Path.cwd())
        if path.startswith(".."):
            notes.append(f"{source_path} lies outside this folder: a map written here reads "
                         "it only if it lies inside the map's project, or a folder you allow "
                         "(ARGMAP_ALLOW_READ); else copy it beside the map")  # fmt: skip
        return path
    folder = Path(output).resolve().parent
    if readable_by(output, here):
        return os.path.relpath(here, folder)
    copy = folder / "sources" / here.name
    if copy.parent.is_symlink() or (copy.parent.exists() and not copy.parent.is_dir()):
        raise UsageError(f"{copy.parent} is not a plain folder: argmap will not copy "
                         f"{source_path} into it",
                         hint="copy the text beside the map yourself")  # fmt: skip
    if copy.is_symlink():
        raise UsageError(f"{copy} is a link: argmap will not write through it",
                         hint="copy the text beside the map yourself")  # fmt: skip
    if copy.exists():
        try:
            same = copy.read_text(encoding="utf-8") == text
        except (OSError, UnicodeDecodeError):
            same = False
        if not same:
            raise UsageError(
                f"{source_path} lies outside the map's project, and {copy} holds another text",
                hint=f"copy the text beside the map yourself, or allow its folder: "
                f"ARGMAP_ALLOW_READ={here.parent}",
            )
    else:
        copy.parent.mkdir(exist_ok=True)
        write_output(text, copy)
    notes.append(f"{source_path} lies outside the map's project, where argmap does not read "
                 f"it: copied to {os.path.relpath(copy)} beside the map, which quotes that "
                 "copy")  # fmt: skip
    return os.path.relpath(copy, folder)


def draft_file(
    source_path: str,
    output: str | None = None,
    *,
    source_id: str | None = None,
    units_file: str | None = None,
    explain: bool = False,
    model_name: str | None = None,
) -> Result[DraftReport]:
    """Draft a map of the text at ``source_path`` and write it to ``output`` (None: no
    file, the map is the result; ``-``: standard output). ``units_file`` gives the units
    (one per line, or a map's quotes) and only the structure is drafted; ``explain`` says
    the cues behind each proposal. ``model_name`` asks that language model (through the
    ``llm`` library) for the draft instead of argmap's cues: every quote it gives is
    checked against the text, and what the text does not hold is dropped and counted.

    Raises:
        UsageError: the text cannot be read, holds no unit, or ``output`` exists; the
            model is unknown or ``llm`` missing; the model's answer is no draft.
        ToolError: the model gave no answer.
    """
    from argmap.analysis.draft import DraftReport
    from argmap.analysis.provenance import SourceText
    from argmap.errors import UsageError
    from argmap.io.files import write_output

    if output not in (None, "-") and Path(output).exists():
        raise UsageError(f"{output}: already exists; argmap draft writes a new map",
                         hint="name another file with -o, or remove it")  # fmt: skip
    from argmap.analysis.draft import headline

    source = SourceText(_read_text(source_path))
    notes: list[str] = []
    heading = headline(source.text, source.paragraphs)  # the headline above the text
    units = _units(source, source_path, units_file, model_name, notes, heading)
    src = _source_record(source, source_path, source_id, heading)
    if source_path != "-":
        src["path"] = _source_path(source_path, source.text, output, notes)
    model, ids = _drafted_map(source, src, units)
    written = _written(model, source_path, output)
    if output is not None:
        write_output(written, output)
    if units.second is not None:
        second, first = ids[units.second], ids[units.central]
        notes.append(f"a close second for the central claim: {second} (its cues score "
                     f"nearly as high as {first}'s; see --explain)")  # fmt: skip
    notes.extend(f"left out as background ({why}): {text!r}" for text, why in units.left_out)
    explained = _explained(units, ids) if explain else None
    left_out = [text for text, _ in units.left_out]
    report = DraftReport(model, ids, written, output, source_path, ids[units.central],
                         by=model_name, explained=explained, left_out=left_out)  # fmt: skip
    return Result(report, notes=notes)


def _read_text(source_path: str) -> str:
    """The text to draft from (``-``: standard input), bounded.

    Raises:
        UsageError: it cannot be read, or is not UTF-8.
    """
    from argmap.analysis.provenance import MAX_SOURCE_BYTES
    from argmap.errors import UsageError
    from argmap.io.files import read_input, read_text_file

    if source_path == "-":
        return read_input("-").text
    try:
        return read_text_file(Path(source_path), max_bytes=MAX_SOURCE_BYTES)
    except (OSError, UnicodeDecodeError) as exc:
        reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else exc.strerror
        raise UsageError(f"{source_path}: cannot read the text ({reason})") from None


def _units(source: Any, source_path: str, units_file: str | None, model_name: str | None,
           notes: list[str], heading: str | None) -> _Units:  # fmt: skip
    """The units and their structure: asked of a language model, or drafted by argmap's
    cues over the text's sentences or the units a file gives (``heading``: the headline
    above the text, the title when its header gives none).

    Raises:
        UsageError: both a model and units given, or no unit found.
    """
    from argmap.analysis.draft import article_units, draft_structure
    from argmap.errors import UsageError

    if model_name is not None:
        if units_file is not None:
            raise UsageError("--units and --model: the model finds its own units; give one")
        return _from_model(model_name, source, notes)
    hook: list[Any] = []
    if units_file is not None:
        spans, given_notes = _given_units(units_file, source)
        notes.extend(given_notes)
    else:
        kept, hook = article_units(source.text, source.paragraphs)
        spans = [(u.start, u.end, u.text) for u in kept]
    if not spans:
        raise UsageError(f"{source_path}: no sentence to draft a map from")
    drafted = draft_structure(
        [t for _, _, t in spans],
        [source.paragraph_at(start) for start, _, _ in spans],
        title=source.header.get("title") or heading,
    )
    units = _from_cues(spans, drafted)
    units.left_out = [(u.text, why) for u, why in hook]
    return units


def _source_record(
    source: Any, source_path: str, source_id: str | None, heading: str | None
) -> dict[str, Any]:
    """The map's record of the text: its id, and the title, author, URL and date its
    header gives, where the map can hold them (the title, else ``heading``, the headline
    above the text, else the file's name)."""
    from pydantic import ValidationError

    from argmap.model import Source
    from argmap.model.ids import slug

    # A header's fields, without the control characters a saved page may carry.
    header = {k: re.sub(r"[\x00-\x1f\x7f]", "", v).strip() for k, v in source.header.items()}
    stem = Path(source_path).stem if source_path != "-" else "text"
    sid = source_id or slug(stem) or "text"
    src: dict[str, Any] = {"id": sid, "title": header.get("title") or heading or stem}
    for key in ("author", "url"):
        if header.get(key):
            src[key] = header[key]
    if header.get("date"):
        from argmap.operations.edit import iso_date

        day = iso_date(header["date"])
        if day is not None:  # a date the map cannot hold is left out, not guessed
            src["date"] = day
    try:
        Source.model_validate(src)
    except ValidationError:  # a header field the map cannot hold: the source without them
        src = {"id": sid, "title": stem}
    return src


def _drafted_map(source: Any, src: dict[str, Any], units: _Units) -> tuple[Any, list[str]]:
    """The map of the units, every claim and link marked drafted, and the claims' ids."""
    from argmap.model import ArgMap
    from argmap.model.ids import from_words

    taken: set[str] = set()
    claims, ids = [], []
    for unit in units.items:
        ident = unit.name if unit.name and _ID.fullmatch(unit.name) and unit.name not in taken \
            else from_words(unit.text, taken)  # fmt: skip
        taken.add(ident)
        ids.append(ident)
        claims.append({"id": ident, "text": unit.text, "kind": unit.kind, "source": src["id"],
                       "quote": unit.text, "locator": f"¶{_where(source, unit.text, unit.start)}",
                       "drafted": unit.score})  # fmt: skip
    links = [{"source": ids[i], "target": ids[j], "kind": kind, "drafted": score}
             for i, j, kind, score in units.links]  # fmt: skip
    title = f"{src['title']} (a draft)"
    model = ArgMap.model_validate({"argmap": 1, "title": title, "sources": [src],
                                   "claims": claims, "links": links})  # fmt: skip
    return model, ids


def _written(model: Any, source_path: str, output: str | None) -> str:
    """The map as written: JSON for a ``.json`` file, else YAML under a header that says
    how to review it."""
    from argmap.formats.native import dump_json, dump_yaml

    if output not in (None, "-") and Path(output).suffix.lower() == ".json":
        return dump_json(model)  # JSON holds no comments: the header is left out
    map_name = output if output not in (None, "-") else "MAP"
    return _HEADER.format(
        source=source_path,
        show=f"argmap show {map_name}",
        explain=f"argmap draft {source_path} --explain",
        accept=f"argmap set {map_name} ID drafted false",
    ) + dump_yaml(model)


def _explained(units: _Units, ids: list[str]) -> list[Any]:
    """Each claim's role, what it bears on, and the cues behind it (``--explain``)."""
    from argmap.analysis.draft import Explained

    bears: dict[int, list[str]] = {}
    borne: dict[int, list[str]] = {}  # what bears on a claim that bears on nothing
    for i, j, kind, _ in units.links:
        bears.setdefault(i, []).append(f"{kind}s {ids[j]}")
        borne.setdefault(j, []).append(f"{kind}ed by {ids[i]}")
    out = []
    for i, unit in enumerate(units.items):
        what = "; ".join(["the central claim", *bears.get(i, [])]) if i == units.central \
            else ", ".join(bears.get(i, [])) or "; ".join(
                ["a further conclusion", *borne.get(i, [])] if unit.kind == "conclusion"
                else ["no link"])  # fmt: skip
        out.append(Explained(ids[i], unit.role, what, unit.score, list(unit.cues)))
    return out
