"""Editing commands: new, add, link, unlink, rm, set, fmt.

Each reads the map, makes its change to the text (:mod:`argmap.edit.editor`), validates the
result, and only then writes it, atomically. A change that would leave the map invalid
is refused and the file stays byte for byte as it was.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

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

FileArg = Annotated[str, typer.Argument(metavar="MAP", help="The map file to change.")]
IdArg = Annotated[
    str, typer.Argument(metavar="CLAIM", help="A claim id.", autocompletion=complete_claim_id)
]


class Relation(StrEnum):
    supports = "supports"
    attacks = "attacks"
    undercuts = "undercuts"


def new(
    path: Annotated[str, typer.Argument(metavar="FILE", help="The map file to create.")],
    title: Annotated[str, typer.Option("--title", help="The map's title.")],
    description: Annotated[str | None, typer.Option(help="What the map is about.")] = None,
    author: Annotated[list[str] | None, typer.Option(help="An author (repeat).")] = None,
) -> None:
    """Create a new, empty map file (YAML, or JSON for a .json name).

    It starts with argmap: 1, the format's version, by which argmap's language server
    (and an editor's YAML schema settings) know a map; nothing else is written.

    Example: argmap new maps/ports.yaml --title "Should the port open at night?"
    """
    from argmap.cli.output import emit_edited
    from argmap.operations.edit import new_map

    emit_edited(new_map(path, title, description=description, authors=author))


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
    reconstructed: Annotated[
        bool,
        typer.Option(
            "--reconstructed",
            help="A step the text relies on but does not state, added by you (it quotes nothing).",
        ),
    ] = False,
) -> None:
    """Add a claim; print its id.

    With --quote, the words are found in the text of the source (--source, or the map's
    only source) and written exactly as it has them, with the paragraph as locator; words
    found nowhere, or in several places, are refused with the candidates.

    Example: argmap add maps/ports.yaml --text "Night work halves waits" --supports open-at-night
    """
    from argmap.cli.output import emit_edited
    from argmap.operations.edit import add_claim

    done = add_claim(
        map_file,
        text,
        kind=kind,
        ident=ident,
        supports=supports,
        attacks=attacks,
        tags=tag,
        quote=quote,
        source=source,
        locator=locator,
        confidence=confidence,
        note=note,
        reconstructed=reconstructed,
    )
    emit_edited(done, warnings=False)


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
    from argmap.cli.output import emit_edited
    from argmap.operations.edit import add_link

    done = add_link(
        map_file, source, relation.value, target, ident=ident, group=group, note=note,
        weight=weight,
    )  # fmt: skip
    emit_edited(done, warnings=False)


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
    from argmap.cli.output import emit_edited
    from argmap.operations.edit import remove_link

    emit_edited(
        remove_link(map_file, first, relation.value if relation else None, target), warnings=False
    )


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
    from argmap.cli.output import emit_edited
    from argmap.operations.edit import remove_claim

    emit_edited(remove_claim(map_file, ident, cascade=cascade), warnings=False)


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
        str | None,
        typer.Argument(
            metavar="FIELD",
            help="A claim's: text, kind, tags, source, quote, locator, confidence, note, "
            "reconstructed, supports, attacks, undercuts; a link's: scheme, role, note, "
            "weight, group. For the map's own field (ID is title, description, authors, "
            "tags, created or updated): its value.",
        ),
    ] = None,
    value: Annotated[
        str | None, typer.Argument(metavar="VALUE", help="Lists: comma separated.")
    ] = None,
    unset: Annotated[bool, typer.Option("--unset", help="Remove the field.")] = False,
) -> None:
    """Set one field of a claim, of a link, or of the map (or remove it with --unset).

    A claim's fields: text, kind, tags, source, quote, locator, confidence, note,
    reconstructed (true or false), supports, attacks, undercuts. A link written under
    links: (named by its id): scheme, role, note, weight, group. The map's own fields are
    named in place of an id, their value after: title, description, authors and tags
    (comma separated), created and updated (YYYY, YYYY-MM or YYYY-MM-DD).

    Example: argmap set maps/ports.yaml noise-harms confidence 0.4

    Example: argmap set maps/ports.yaml title "Should Calder open at night?"
    """
    from argmap.cli.output import emit_edited
    from argmap.errors import UsageError
    from argmap.operations.edit import set_field as set_one

    if field is None and not unset:
        raise UsageError("give a FIELD and a VALUE (or --unset)")
    if field is not None and value is None and not unset and not _names_map_field(ident):
        raise UsageError("give a VALUE, or --unset")
    if unset and value is not None:
        raise UsageError("give a VALUE, or --unset, not both")
    emit_edited(set_one(map_file, ident, field, value))


def _names_map_field(ident: str) -> bool:
    from argmap.operations.edit import MAP_FIELDS

    return ident in MAP_FIELDS


def fmt(
    map_files: Annotated[
        list[str],
        typer.Argument(
            metavar="MAP...",
            help="Map files to format, or folders of maps; - alone formats standard input "
            "onto standard output (for an editor's format-on-save).",
        ),
    ],
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 if a file would change.")
    ] = False,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff", help="Change nothing; print what would change as a unified diff (exit 1)."
        ),
    ] = False,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="Also set each ¶N locator that names another paragraph than its quote's to "
            "the quote's (validate's locator_mismatch).",
        ),
    ] = False,
) -> None:
    """Rewrite maps in the canonical order and layout, keeping comments and shorthand.

    Keys follow the format's order (id, text, kind, ... for claims), indentation is two
    spaces, lists are indented under their key. --check reports files that would change,
    --diff shows how; both exit 1 when a file would change. A folder is searched for maps
    as validate searches it. `argmap fmt -` is a filter: the map on standard input,
    formatted, on standard output. --fix also sets ¶N locators to the paragraph each
    quote stands in (with --diff: shows it first).

    Example: argmap fmt maps/ --diff

    Example: argmap fmt maps/ports.yaml --fix --diff
    """
    from argmap.cli.output import emit_edited
    from argmap.operations.edit import format_files

    done = format_files(map_files, check=check, diff=diff, fix=fix)
    emit_edited(done)
    if (check or diff) and done.changed:
        raise typer.Exit(1)


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
    from argmap.cli.output import emit_edited
    from argmap.operations.edit import rename_id

    emit_edited(rename_id(map_file, old, new, kind=kind.value if kind else None), warnings=False)


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
    from argmap.cli.output import emit_edited
    from argmap.operations.edit import retag

    emit_edited(retag(map_file, ident, changes), warnings=False)


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
    from argmap.cli.output import emit_edited
    from argmap.operations.edit import answer as record_answer

    emit_edited(record_answer(map_file, ident, link, question, verdict))


# -TAG must reach the command as an argument, not be read as an option.
tag.context_settings = {"ignore_unknown_options": True}  # type: ignore[attr-defined]
