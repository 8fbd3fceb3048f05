"""Editing commands: new, add, link, unlink, rm, set, fmt.

Each reads the map, makes its change to the text (:mod:`argmap.edit`), validates the
result, and only then writes it, atomically. A change that would leave the map invalid
is refused and the file stays byte for byte as it was.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

from argmap.cli.options import (
    KIND_NAMES,
    complete_claim_id,
    complete_kind,
    complete_link_or_claim_id,
    complete_source_id,
    complete_tag,
    complete_tag_change,
)
from argmap.edit import commit, open_for_edit

FileArg = Annotated[str, typer.Argument(metavar="MAP", help="The map file to change.")]
IdArg = Annotated[
    str, typer.Argument(metavar="CLAIM", help="A claim id.", autocompletion=complete_claim_id)
]


class Relation(StrEnum):
    supports = "supports"
    attacks = "attacks"
    undercuts = "undercuts"


_KIND = {"supports": "support", "attacks": "attack", "undercuts": "undercut"}

#: The JSON Schema file that ``argmap new`` names in a YAML map's first line.
SCHEMA_FILE = "argmap.schema.json"


def _quoted(inp, source: str, quote: str | None, locator: str | None):
    """The quote as the source's text has it and its locator (¶N unless one is given that
    is not a paragraph); an unknown source is refused with how to add it."""
    import re

    from argmap.formats.native import parse
    from argmap.provenance import find_passage, require_source

    doc = parse(inp)
    require_source(doc, source)
    if quote is None:
        return quote, locator
    found = find_passage(doc, source, quote, locator=locator)
    if found is None:
        return quote, locator  # no text here: kept as given (validate notes it)
    if locator is None or re.fullmatch(r"\s*¶\s*\d+\s*", locator):
        locator = found.locator
    return found.text, locator


def _retagged(tags: list[str], changes: list[str]) -> list[str]:
    """Tags after +T (add) and -T (remove) changes, in order, without repeats."""
    from argmap.errors import UsageError

    out = list(tags)
    for change in (c.strip() for c in changes):
        if not change:
            continue
        sign, tag = change[0], change[1:].strip()
        if sign not in "+-" or not tag:
            raise UsageError(f"{change!r}: write +TAG to add a tag, -TAG to remove one")
        if sign == "+" and tag not in out:
            out.append(tag)
        elif sign == "-":
            if tag not in out:
                raise UsageError(f"the claim has no tag {tag!r}", hint=f"its tags: {out}")
            out.remove(tag)
    return out


def new(
    path: Annotated[str, typer.Argument(metavar="FILE", help="The map file to create.")],
    title: Annotated[str, typer.Option("--title", help="The map's title.")],
    description: Annotated[str | None, typer.Option(help="What the map is about.")] = None,
    author: Annotated[list[str] | None, typer.Option(help="An author (repeat).")] = None,
) -> None:
    """Create a new, empty map file (YAML, or JSON for a .json name).

    A YAML map starts with a comment that points the YAML language server (VS Code's
    YAML extension, and others) at argmap's JSON Schema, argmap.schema.json beside the
    map, which is written there too when it is missing.

    Example: argmap new maps/ports.yaml --title "Should the port open at night?"
    """
    import datetime
    import json
    from pathlib import Path

    from argmap.errors import UsageError
    from argmap.files import write_output
    from argmap.model import ArgMap

    if Path(path).exists():
        raise UsageError(f"{path}: already exists")
    data: dict[str, Any] = {"argmap": 1, "title": title}
    if description:
        data["description"] = description
    if author:
        data["authors"] = list(author)
    data["created"] = datetime.date.today().isoformat()
    from pydantic import ValidationError

    try:
        ArgMap.model_validate(data)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        field = ".".join(str(p) for p in err["loc"])
        raise UsageError(f"--{field.rstrip('s')}: {err['msg'].lower()}") from None
    if path.endswith(".json"):
        text = json.dumps({**data, "claims": []}, ensure_ascii=False, indent=2) + "\n"
    else:
        import yaml

        text = f"# yaml-language-server: $schema={SCHEMA_FILE}\n"
        from argmap.formats.native import yaml_dumper

        text += yaml.dump(data, Dumper=yaml_dumper(), sort_keys=False, allow_unicode=True, width=88)
        text += "claims: []\n"
        schema_path = Path(path).parent / SCHEMA_FILE
        if not schema_path.exists():
            from argmap.cli.output import print_error
            from argmap.model import json_schema

            write_output(
                json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", str(schema_path)
            )
            print_error([f"argmap: wrote {schema_path} (the format's schema, for editors)"])
    write_output(text, path)


def add(
    map_file: FileArg,
    text: Annotated[str, typer.Option("--text", help="What the claim says.")],
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            "-k",
            help=f"Its kind: {KIND_NAMES}.",
            autocompletion=complete_kind,
        ),
    ] = "claim",
    ident: Annotated[
        str | None, typer.Option("--id", help="Its id (default: a slug of the text).")
    ] = None,
    supports: Annotated[
        list[str] | None,
        typer.Option(metavar="ID", help="Supports ID.", autocompletion=complete_claim_id),
    ] = None,
    attacks: Annotated[
        list[str] | None,
        typer.Option(metavar="ID", help="Attacks ID.", autocompletion=complete_claim_id),
    ] = None,
    tag: Annotated[
        list[str] | None, typer.Option(help="A tag (repeat).", autocompletion=complete_tag)
    ] = None,
    quote: Annotated[
        str | None,
        typer.Option(
            help="Words from the source: looked up in its text (forgiving spacing, quotes, "
            "dashes and case) and written as the text has them, with their paragraph."
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(help="The source id of the quote.", autocompletion=complete_source_id),
    ] = None,
    locator: Annotated[
        str | None,
        typer.Option(help="Where the quote stands (default: its paragraph, ¶N, when found)."),
    ] = None,
    confidence: Annotated[
        float | None,
        typer.Option(metavar="X", min=0.0, max=1.0, help="How far it is believed, 0 to 1."),
    ] = None,
    note: Annotated[str | None, typer.Option(help="A note.")] = None,
) -> None:
    """Add a claim; print its id.

    With --source and --quote, the words are found in the source's text and written
    exactly as it has them, with the paragraph as locator; words found nowhere, or in
    several places, are refused with the candidates.

    Example: argmap add maps/ports.yaml --text "Night work halves waits" --supports open-at-night
    """
    from argmap.cli.output import emit_lines
    from argmap.edit import slugify

    editor, inp = open_for_edit(map_file)
    if source is not None:
        quote, locator = _quoted(inp, source, quote, locator)
    taken = {c.get("id") for c in editor.claims()}
    claim_id = ident or slugify(text, taken)
    claim: dict[str, Any] = {"id": claim_id, "text": text, "kind": kind}
    for key, value in (
        ("tags", tag),
        ("source", source),
        ("quote", quote),
        ("locator", locator),
        ("confidence", confidence),
        ("note", note),
        ("supports", supports),
        ("attacks", attacks),
    ):
        if value:
            claim[key] = list(value) if isinstance(value, list) else value
    editor.add_claim(claim)
    commit(editor, inp)
    emit_lines([claim_id])


def link(
    map_file: FileArg,
    source: IdArg,
    relation: Annotated[Relation, typer.Argument(help="supports, attacks or undercuts.")],
    target: Annotated[
        str,
        typer.Argument(
            metavar="TARGET",
            help="A claim id (a link id for undercuts).",
            autocompletion=complete_claim_id,
        ),
    ],
    ident: Annotated[str | None, typer.Option("--id", help="Name the link.")] = None,
    group: Annotated[
        str | None, typer.Option(help="Linked group (premises that hold together).")
    ] = None,
    note: Annotated[
        str | None, typer.Option(help="The warrant: why it supports or attacks.")
    ] = None,
    weight: Annotated[
        float | None,
        typer.Option(metavar="W", min=0.0, max=1.0, help="How much the link carries, 0 to 1."),
    ] = None,
) -> None:
    """Link two claims (or undercut a link); print the link's id.

    Example: argmap link maps/ports.yaml noise-harms attacks open-at-night
    """
    from argmap.cli.output import emit_lines
    from argmap.model import default_link_id

    editor, inp = open_for_edit(map_file)
    kind = _KIND[relation.value]
    item: dict[str, Any] = {}
    if ident:
        item["id"] = ident
    item.update(source=source, target=target, kind=kind)
    for key, value in (("group", group), ("note", note), ("weight", weight)):
        if value is not None:
            item[key] = value
    editor.add_link(item)
    commit(editor, inp)
    emit_lines([ident or default_link_id(source, kind, target)])


def unlink(
    map_file: FileArg,
    first: Annotated[
        str,
        typer.Argument(
            metavar="LINK|CLAIM",
            help="A link id, or a claim id.",
            autocompletion=complete_link_or_claim_id,
        ),
    ],
    relation: Annotated[
        Relation | None, typer.Argument(help="With a claim id: the relation.")
    ] = None,
    target: Annotated[
        str | None,
        typer.Argument(
            metavar="TARGET",
            help="With a claim id: the claim it links to (a link id for undercuts).",
            autocompletion=complete_link_or_claim_id,
        ),
    ] = None,
) -> None:
    """Remove a link, named by its id or as SOURCE RELATION TARGET.

    Example: argmap unlink maps/ports.yaml noise-harms attacks open-at-night
    """
    from argmap.cli.output import emit_lines
    from argmap.errors import UsageError
    from argmap.model import default_link_id

    if (relation is None) != (target is None):
        raise UsageError("name a link by its id, or as SOURCE RELATION TARGET")
    editor, inp = open_for_edit(map_file)
    link_id = first
    if relation is not None:
        kind = _KIND[relation.value]
        named = [
            lk
            for lk in editor.links()
            if (lk.get("source"), lk.get("target"), lk.get("kind", "support"))
            == (first, target, kind)
            and lk.get("id")
        ]
        link_id = named[0]["id"] if named else default_link_id(first, kind, target)
    editor.remove_link(link_id)
    commit(editor, inp)
    emit_lines([link_id])


def rm(
    map_file: FileArg,
    ident: IdArg,
    cascade: Annotated[
        bool,
        typer.Option("--cascade", help="Also remove the links that would dangle, and list them."),
    ] = False,
) -> None:
    """Remove a claim. Refuses while other links point at it, unless --cascade.

    Example: argmap rm maps/ports.yaml noise-harms --cascade
    """
    from argmap.cli.output import emit_lines
    from argmap.edit import references
    from argmap.errors import UsageError
    from argmap.formats.native import parse

    editor, inp = open_for_edit(map_file)
    editor.claim_index(ident)
    dangling = references(parse(inp).model, ident)
    if dangling and not cascade:
        raise UsageError(
            f"{ident!r} is still linked: {', '.join(dangling)}",
            hint="remove those links first, or use --cascade",
        )
    for link_id in dangling:
        editor.remove_link(link_id)
    editor.remove_claim(ident)
    commit(editor, inp)
    emit_lines([f"removed link {i}" for i in dangling] + [f"removed claim {ident}"])


def set_field(
    map_file: FileArg,
    ident: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="A claim id, or the id of a link written under links:.",
            autocompletion=complete_link_or_claim_id,
        ),
    ],
    field: Annotated[
        str,
        typer.Argument(
            metavar="FIELD",
            help="A claim's: text, kind, tags, source, quote, locator, confidence, note, "
            "reconstructed, supports, attacks, undercuts; a link's: scheme, role, note, "
            "weight, group.",
        ),
    ],
    value: Annotated[
        str | None, typer.Argument(metavar="VALUE", help="Lists: comma separated.")
    ] = None,
    unset: Annotated[bool, typer.Option("--unset", help="Remove the field.")] = False,
) -> None:
    """Set one field of a claim, or of a link (or remove it with --unset).

    A claim's fields: text, kind, tags, source, quote, locator, confidence, note,
    reconstructed (true or false), supports, attacks, undercuts. A link written under
    links: (named by its id): scheme, role, note, weight, group.

    Example: argmap set maps/ports.yaml noise-harms confidence 0.4
    """
    from argmap.edit import LINK_SETTABLE, SETTABLE
    from argmap.errors import UsageError, did_you_mean

    if unset == (value is not None):
        raise UsageError("give a VALUE, or --unset")
    editor, inp = open_for_edit(map_file)
    is_claim = ident in {c.get("id") for c in editor.claims()}
    fields = SETTABLE if is_claim else LINK_SETTABLE
    if field not in fields:
        what = "a claim" if is_claim else "a link"
        raise UsageError(f"cannot set {field!r} of {what}", hint=did_you_mean(field, fields))
    parsed: Any = None
    if value is not None:
        reader = fields[field]
        if field == "tags" and value.strip()[:1] in ("+", "-"):
            current = editor.claims()[editor.claim_index(ident)].get("tags") or []
            parsed = _retagged(current, value.split(",")) or None
        elif reader == "list":
            parsed = [v.strip() for v in value.split(",") if v.strip()]
        elif reader is float:
            try:
                parsed = float(value)
            except ValueError:
                raise UsageError(f"{field} takes a number, not {value!r}") from None
        elif reader is bool:
            truth = {"true": True, "yes": True, "false": False, "no": False}
            if value.strip().lower() not in truth:
                raise UsageError(f"{field} takes true or false, not {value!r}")
            parsed = truth[value.strip().lower()] or None  # false: the field goes
        else:
            parsed = value
    if not is_claim:
        editor.set_link_field(ident, field, parsed)
        _warn(commit(editor, inp))
        return
    if field == "quote" and parsed is not None:
        claim = editor.claims()[editor.claim_index(ident)]
        if not claim.get("source"):
            raise UsageError(
                f"claim {ident!r} cites no source to quote",
                hint=f"set one first: argmap set {map_file} {ident} source SOURCE",
            )
        parsed, locator = _quoted(inp, claim["source"], parsed, claim.get("locator"))
        if locator is not None and locator != claim.get("locator"):
            editor.set_field(ident, "locator", locator)
    editor.set_field(ident, field, parsed)
    _warn(commit(editor, inp))


def _warn(done) -> None:
    """The warnings an edit brought (it was made): one line each, on stderr."""
    if done.warnings:
        from argmap.cli.output import print_error

        print_error([d.format() for d in done.warnings])


def fmt(
    map_files: Annotated[list[str], typer.Argument(metavar="MAP...", help="Map files to format.")],
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 if a file would change.")
    ] = False,
) -> None:
    """Rewrite maps in the canonical order and layout, keeping comments and shorthand.

    Keys follow the format's order (id, text, kind, ... for claims), indentation is two
    spaces, lists are indented under their key. --check reports files that would change.

    Example: argmap fmt maps/*.yaml --check
    """
    from argmap.cli.output import emit_lines
    from argmap.files import read_input, write_output
    from argmap.formats.layout import canonical_layout

    changed = []
    for path in map_files:
        inp = read_input(path)
        from argmap.formats.native import parse

        parse(inp)  # refuse to format a map that does not read
        text = canonical_layout(inp.text, json_syntax=inp.suffix == ".json")
        if text != inp.text:
            changed.append(path)
            if not check:
                write_output(text, path)
    if check:
        emit_lines([f"would reformat {p}" for p in changed])
        if changed:
            raise typer.Exit(1)
    else:
        emit_lines([f"reformatted {p}" for p in changed])


class IdKind(StrEnum):
    claim = "claim"
    link = "link"
    source = "source"


def rename(
    map_file: FileArg,
    old: Annotated[
        str,
        typer.Argument(metavar="OLD", help="The id to rename.", autocompletion=complete_claim_id),
    ],
    new: Annotated[str, typer.Argument(metavar="NEW", help="Its new id (a slug).")],
    kind: Annotated[
        IdKind | None,
        typer.Option(
            "--kind",
            help="Which id, when a claim, a link or a source share it "
            "(default: claim, then link, then source).",
        ),
    ] = None,
) -> None:
    """Rename a claim, link or source id, and every reference to it.

    Shorthand lists, links, undercut targets (including ids such as
    OLD.support.X), and the claims citing a source all follow; nothing
    else in the file changes. A new id that is taken is refused.

    Example: argmap rename maps/us-japan-trump2.yaml hedge hope-and-prepare
    """
    from argmap.cli.output import emit_lines

    editor, inp = open_for_edit(map_file)
    renamed, places = editor.rename(old, new, kind=kind.value if kind else None)
    commit(editor, inp)
    emit_lines([f"renamed {renamed} {old} to {new} ({places} place{'s' * (places != 1)})"])


def tag(
    map_file: FileArg,
    ident: IdArg,
    changes: Annotated[
        list[str],
        typer.Argument(
            metavar="+TAG|-TAG...",
            help="+TAG adds a tag, -TAG removes one.",
            autocompletion=complete_tag_change,
        ),
    ],
) -> None:
    """Add (+TAG) and remove (-TAG) tags of a claim; print its tags.

    Example: argmap tag maps/us-japan-trump2.yaml hedge +strategy -hedging
    """
    from argmap.cli.output import emit_lines

    editor, inp = open_for_edit(map_file)
    current = editor.claims()[editor.claim_index(ident)].get("tags") or []
    tags = _retagged(current, changes)
    editor.set_field(ident, "tags", tags or None)
    commit(editor, inp)
    emit_lines([" ".join(f"#{t}" for t in tags) or "(no tags)"])


def answer(
    map_file: FileArg,
    ident: IdArg,
    link: Annotated[
        str,
        typer.Argument(
            metavar="LINK",
            help="A support that names its scheme (any link of a linked group).",
            autocompletion=complete_link_or_claim_id,
        ),
    ],
    question: Annotated[
        str, typer.Argument(metavar="QUESTION", help="A critical question of its scheme.")
    ],
    verdict: Annotated[
        str, typer.Argument(metavar="yes|no", help="yes: the inference holds up; no: it fails.")
    ],
) -> None:
    """Record that a claim answers a critical question of an inference, yes or no.

    A "no" defeats the inference (an undercut, unless the claim already undercuts it or
    attacks its conclusion); a "yes" closes the question. argmap questions MAP lists the
    questions still open, with their ids.

    Example: argmap answer maps/us-japan-trump2.yaml nss-2022 control-what-it-can possible yes
    """
    from argmap.formats.native import parse
    from argmap.schemes import with_answer

    editor, inp = open_for_edit(map_file)
    answers = with_answer(parse(inp).model, ident, link, question, verdict.lower())
    editor.set_field(ident, "answers", answers)
    _warn(commit(editor, inp))


# -TAG must reach the command as an argument, not be read as an option.
tag.context_settings = {"ignore_unknown_options": True}  # type: ignore[attr-defined]
