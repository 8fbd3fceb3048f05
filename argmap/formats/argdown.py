"""Argdown (https://argdown.org), read into an argmap map and written from one.

Reading (the language itself is read by :mod:`argmap.formats.argdown_syntax`):

- every statement (an equivalence class: all statements of one title) becomes a claim;
  its id is its title made a slug (``Statement 1`` -> ``Statement-1``), its text the one
  Argdown shows (see :mod:`argmap.formats.argdown_syntax`), markup out and tags taken out
  into ``tags``;
- an argument becomes a claim of kind ``argument``, so the distinction survives;
- a premise-conclusion structure becomes support: the premises of each inference step
  support its conclusion, linked (one group) when there are several. An argument that is
  nothing but its structure (no description, and nothing supports or attacks it as a
  whole) is that support: the links carry its title as their group (or, with a single
  premise, as the link's id), and an undercut of the argument (or of one inference step)
  undercuts them. An argument
  with its own description stays a claim: its premises support it, and it supports its
  conclusion;
- support and entailment become support; attack, attack; a contradiction or a
  contrariety (neither can stand with the other), an attack each way; an undercut of an
  argument, an undercut of that argument's inference (its support of its conclusion, or
  of whatever it supports or attacks). Argdown also lets an undercut aim at a statement,
  or at an argument that bears on nothing; argmap reads those as attacks and says so in
  the map's description;
- data ``{kind: ..., source: ..., quote: ..., locator: ..., confidence: ..., note: ...}``
  after a statement fills those fields (a ``source`` that names no source of the map
  becomes one, titled by what the data says); the front matter's ``title`` (and ``argmap:``
  block, which argmap writes) gives the map's title, description, authors, dates, tags
  and sources. Headings and other data keys are not carried; the description counts them.

Writing is the reverse, so that a map read back is the same map: claims are defined one
by one with their tags and, as data, their kind (when not what reading would infer),
source, quote, locator, confidence and note; supports and attacks are relation trees
grown from the claims that bear on nothing; a linked group of statements is an argument
with a premise-conclusion structure, titled by the group (its note the inference rule);
any other link that an undercut aims at, or that is in a group Argdown cannot write as a
structure (one member, or an argument among its ends), is an argument standing for that
link, marked with the data ``{argmap-link: KIND}`` (and ``group``), supported by the
link's source and bearing on its target. Not carried: the notes and weights of single
links, and link ids except where a link is written as an argument.

Examples:
    >>> m = parse('''[Price]: Cities should price congestion.
    ...   + <Time>: Drivers lose hours in jams.
    ...   - [Poor]: Pricing hurts the poor. {kind: objection}''')
    >>> [(c.id, c.kind.value) for c in m.claims]
    [('Price', 'conclusion'), ('Time', 'argument'), ('Poor', 'objection')]
    >>> [(lk.source, lk.kind.value, lk.target) for lk in m.links]
    [('Time', 'support', 'Price'), ('Poor', 'attack', 'Price')]
    >>> again = parse(dump(m))
    >>> [(c.id, c.text, c.kind.value) for c in again.claims] == [
    ...     (c.id, c.text, c.kind.value) for c in m.claims]
    True
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import TYPE_CHECKING, Any, cast

from argmap.formats import argdown_syntax as syntax
from argmap.model import ArgMap, ClaimKind, Link, LinkKind
from argmap.model.ids import UniqueIds
from argmap.model.ids import slug as _slug

if TYPE_CHECKING:
    from argmap.formats.registry import Drawing
    from argmap.model.document import Document

__all__ = ["write", "parse", "dump", "LOSSES", "inferred_kinds"]

#: What Argdown as argmap writes it cannot carry (see argmap.formats.FEATURES).
LOSSES = {"link-notes", "link-ids"}

_MARK = "argmap-link"
_CLAIM_DATA = ("label", "source", "quote", "locator", "confidence", "note")
_META_KEYS = ("description", "authors", "created", "updated", "tags", "sources")


def inferred_kinds(links: list[tuple[str, str, str]]) -> dict[str, ClaimKind]:
    """The kind reading Argdown gives a statement with no ``kind`` in its data, by claim
    id, from links as (source, kind, target): a conclusion when something bears on it and
    it bears on nothing; otherwise (and for ids not in the result) a claim."""
    into = {target for _, kind, target in links if kind != "undercut"}
    out = {source for source, _, _ in links}
    return {c: ClaimKind.conclusion for c in into - out}


# --- reading ------------------------------------------------------------------------


def parse(text: str, name: str = "<argdown>") -> ArgMap:
    """Read an Argdown document into a map."""
    return from_document(syntax.parse(text, name), name)


def _marker_parts(arg, touching):
    """For an argument written as a link: (its support from the source, its relation to
    the target); None when it is not one."""
    kind = arg.data.get(_MARK)
    if kind not in ("support", "attack", "undercut") or arg.pcs or arg.text:
        return None
    ref = ("argument", arg.title)
    rels = [
        r for r in touching.get(ref, []) if not (r.kind == "undercut" and r.target[1] == arg.title)
    ]
    into = [r for r in rels if r.target == ref]
    out = [r for r in rels if r.source == ref]
    if len(rels) != 2 or len(into) != 1 or len(out) != 1:
        return None
    if into[0].kind != "support" or out[0].kind != kind:
        return None
    return into[0], out[0]


def from_document(doc: syntax.ArgdownDocument, name: str = "<argdown>") -> ArgMap:
    """A map from a parsed Argdown document."""
    return _Converter(doc, name).run()


_AS_ATTACK = "undercuts of what bears on nothing, read as attacks"


class _Converter:
    """One Argdown document becoming one map, in steps: which arguments are links or
    supports rather than claims, the claims' ids, the links of premise-conclusion
    structures, the links of relations, then links written as arguments and undercuts
    (which wait for what they aim at), the claims' fields, and the metadata."""

    def __init__(self, doc: syntax.ArgdownDocument, name: str) -> None:
        self.doc, self.name = doc, name
        self.links: list[dict[str, Any]] = []
        self.link_ids = UniqueIds(dots=True)
        self.written: set[str] = set()  # ids of the links made so far
        self.dropped: Counter = Counter()
        #: argument title -> the link ids an undercut of it aims at
        self.inference_of: dict[str, list[str]] = {}
        #: (argument title, step) -> the link an undercut of that inference aims at, for
        #: every step but the last (which is the argument's own inference)
        self.step_links: dict[tuple[str, int | None], list[str]] = {}

    def run(self) -> ArgMap:
        self.classify()
        self.name_claims()
        self.structure_links()
        undercuts = self.relation_links()
        self.waiting_links(undercuts)
        self.drop_self_links()
        claims, other_keys = self.claims()
        meta = self.metadata(claims, other_keys)
        from pydantic import ValidationError

        try:
            return ArgMap.model_validate({**meta, "claims": claims, "links": self.links})
        except ValidationError as exc:
            raise self.located(exc) from None

    def located(self, exc) -> Exception:
        """A schema error as a map error at the line of the statement or argument whose
        data is wrong (or of the front matter)."""
        from argmap.errors import Diagnostic, Location, MapError

        first = exc.errors(include_url=False)[0]
        loc = first["loc"]
        line, what = 1, "front matter"
        if len(loc) >= 2 and loc[0] == "claims" and isinstance(loc[1], int):
            ref = self.order[loc[1]]
            node = (self.doc.arguments if ref[0] == "argument" else self.doc.statements)[ref[1]]
            line, what = node.line, f"data of {ref[1]!r}"
        field = (
            ".".join(str(p) for p in loc[2:])
            if loc[:1] == ("claims",)
            else ".".join(str(p) for p in loc)
        )
        message = f"bad {what}: {field}: {first['msg']}"
        return MapError([Diagnostic("bad_value", "error", message, Location(self.name, line, 1))])

    def add_link(self, source: str, target: str, kind: str, lid: str | None = None, **extra) -> str:
        lid = self.link_ids(lid or f"{source}.{kind}.{target}")
        self.links.append({"id": lid, "source": source, "target": target, "kind": kind, **extra})
        self.written.add(lid)
        return lid

    def drop_self_links(self) -> None:
        """A statement supporting or attacking itself is Argdown's to allow and argmap's
        to refuse (self_link): such relations, and undercuts aimed at them, are left out
        and counted, so that the map imported is valid."""
        gone = {
            lk["id"]
            for lk in self.links
            if lk["kind"] != "undercut" and lk["source"] == lk["target"]
        }
        while gone:
            more = {
                lk["id"]
                for lk in self.links
                if lk["kind"] == "undercut" and lk["target"] in gone and lk["id"] not in gone
            }
            if not more:
                break
            gone |= more
        if gone:
            self.links = [lk for lk in self.links if lk["id"] not in gone]
            self.written -= gone
            self.dropped["relations of a statement to itself, and undercuts of them"] += len(gone)

    def classify(self) -> None:
        """Arguments written for a link (markers) and arguments that are only their
        premise-conclusion structure (collapsed) do not become claims."""
        touching: dict[tuple[str, str], list] = {}
        for r in self.doc.relations:
            touching.setdefault(r.source, []).append(r)
            if r.target != r.source:
                touching.setdefault(r.target, []).append(r)
        self.markers: dict[str, tuple] = {}
        self.collapsed: set[str] = set()
        for arg in self.doc.arguments.values():
            parts = _marker_parts(arg, touching)
            if parts:
                self.markers[arg.title] = parts
            elif arg.pcs and not arg.text:
                ref = ("argument", arg.title)
                if not any(r.target == ref and r.kind != "undercut" for r in touching.get(ref, [])):
                    self.collapsed.add(arg.title)

    def name_claims(self) -> None:
        """Claim ids, in the order the document first names the claims."""
        doc = self.doc
        order = [(st.line, 0, ("statement", t)) for t, st in doc.statements.items()]
        order += [
            (a.line, 1, ("argument", t))
            for t, a in doc.arguments.items()
            if t not in self.markers and t not in self.collapsed
        ]
        order.sort(key=lambda x: (x[0], x[1]))
        ids = UniqueIds()
        self.order = [ref for _, _, ref in order]
        self.claim_of = {ref: ids(ref[1]) for ref in self.order}

    def structure_links(self) -> None:
        """Each inference step of a premise-conclusion structure: its premises support its
        conclusion (or, last step of an argument that stays a claim, the argument, which
        supports the conclusion)."""
        claim_of = self.claim_of
        for title, arg in self.doc.arguments.items():
            if not arg.steps:
                continue
            base = _slug(title)
            last = len(arg.steps) - 1
            for i, step in enumerate(arg.steps):
                conclusion = claim_of[("statement", step.conclusion)]
                stays = i == last and title not in self.collapsed
                target = claim_of[("argument", title)] if stays else conclusion
                premises = [claim_of[("statement", p)] for p in step.premises]
                note = {"note": step.rule} if step.rule else {}
                group = base if i == last else f"{base}-step{i + 1}"
                scheme = _scheme_data(arg.data) if i == last else {}
                roles = scheme.pop("roles", None) or {}
                if len(premises) > 1:
                    made = [
                        self.add_link(
                            p,
                            target,
                            "support",
                            group=group,
                            **note,
                            **(
                                {"scheme": scheme["scheme"]}
                                if "scheme" in scheme and k == 0
                                else {}
                            ),
                            **({"role": str(roles[p])} if p in roles else {}),
                        )
                        for k, p in enumerate(premises)
                    ]
                else:
                    lid = title if i == last else group
                    if premises[0] in roles:
                        scheme["role"] = str(roles[premises[0]])
                    made = [self.add_link(premises[0], target, "support", lid, **note, **scheme)]
                if i == last:
                    self.inference_of[title] = (
                        [self.add_link(target, conclusion, "support")] if stays else made[:1]
                    )
                else:
                    self.step_links[(title, i)] = made[:1]
        # Links written as arguments keep their titles as ids: reserved now, made later.
        self.marker_link = {title: self.link_ids(title) for title in self.markers}

    def relation_links(self) -> list:
        """Supports and attacks (contradictions both ways); the undercuts, for later."""
        undercuts = []
        markers = self.markers
        for r in self.doc.relations:
            if r.source[0] == "argument" and r.source[1] in markers:
                continue  # part of a link written as an argument
            if r.kind == "undercut":
                undercuts.append(r)
                continue
            if r.target[0] == "argument" and r.target[1] in markers:
                continue
            source, target = self.claim_of[r.source], self.claim_of[r.target]
            if r.kind in ("support", "entails"):
                lid = self.add_link(source, target, "support")
            else:
                extra = {"note": f"{r.kind} in Argdown"} if r.kind != "attack" else {}
                lid = self.add_link(source, target, "attack", **extra)
                if r.kind in ("contradictory", "contrary"):  # neither can stand with the other
                    self.add_link(target, source, "attack", **extra)
            if r.source[0] == "argument" and not self.doc.arguments[r.source[1]].steps:
                self.inference_of.setdefault(r.source[1], []).append(lid)
        return undercuts

    def aims(self, ref, step: int | None = None) -> list[str] | None:
        """The link ids an undercut of ``ref`` (of its inference ``step``) aims at; None
        while not yet known; [] when what is undercut bears on nothing (or is a
        statement)."""
        if ref[0] not in ("argument", "inference"):
            return []
        title = ref[1]
        if (title, step) in self.step_links:
            return list(self.step_links[(title, step)])
        if title in self.markers:
            lid = self.marker_link[title]
            return [lid] if lid in self.written else None
        return list(self.inference_of.get(title, []))

    def waiting_links(self, undercuts: list) -> None:
        """Links written as arguments, then undercuts, in rounds: one aimed at a link not
        yet made waits for it."""
        pending = [("marker", t) for t in self.markers] + [("undercut", r) for r in undercuts]
        while pending:
            waiting = [(what, item) for what, item in pending if not self.make(what, item)]
            if len(waiting) == len(pending):
                raise _circle(self.name, waiting)
            pending = waiting

    def make(self, what: str, item) -> bool:
        """Make one waiting link; False when what it aims at is not made yet."""
        if what == "marker":
            into, out = self.markers[item]
            source, lid = self.claim_of[into.source], self.marker_link[item]
            target = self.claim_of.get(out.target)
            if out.kind == "undercut":
                aims = self.aims(out.target)
                if aims is None:
                    return False
                if not aims:
                    self.dropped[_AS_ATTACK] += 1
                    self.link_ids.used.discard(lid)
                    self.add_link(source, cast(str, target), "attack", lid)
                    return True
                target = aims[0]
            self.link_ids.used.discard(lid)
            data = self.doc.arguments[item].data
            group = data.get("group")
            extra = {"group": _slug(str(group))} if group and out.kind == "support" else {}
            extra.update(_scheme_data(data))
            self.add_link(source, cast(str, target), out.kind, lid, **extra)
            return True
        source = self.claim_of[item.source]
        aims = self.aims(item.target, item.step)
        if aims is None:
            return False
        if not aims:
            self.dropped[_AS_ATTACK] += 1
            self.add_link(source, self.claim_of[item.target], "attack", note="undercut in Argdown")
        for aim in aims:
            self.add_link(source, aim, "undercut", f"{source}.undercut.{aim}")
        return True

    def answers(self, given: Any) -> Any:
        """Answers to critical questions name the inference by its argument's title
        (``argument``), since link ids do not survive Argdown: here, the id of the link
        made for that argument."""
        if not isinstance(given, list):
            return given  # the schema says what is wrong with it
        out = []
        for answer in given:
            if isinstance(answer, dict) and isinstance(answer.get("argument"), str):
                answer = dict(answer)
                title = answer.pop("argument")
                aims = self.aims(("argument", title)) or [title]
                answer.setdefault("link", aims[0])
            out.append(answer)
        return out

    def claims(self) -> tuple[list[dict[str, Any]], Counter]:
        """The claims with their fields, and the data keys argmap has no field for."""
        inferred = inferred_kinds([(lk["source"], lk["kind"], lk["target"]) for lk in self.links])
        claims = []
        other_keys: Counter = Counter()
        for ref in self.order:
            is_argument = ref[0] == "argument"
            node = self.doc.arguments[ref[1]] if is_argument else self.doc.statements[ref[1]]
            cid = self.claim_of[ref]
            claim: dict[str, Any] = {"id": cid, "text": node.text or ref[1]}
            data = dict(node.data) if node.data else {}
            kind = data.pop("kind", None)
            if kind:
                claim["kind"] = str(kind)
            else:
                claim["kind"] = (
                    "argument" if is_argument else inferred.get(cid, ClaimKind.claim).value
                )
            if data:
                for key in _CLAIM_DATA:
                    value = data.pop(key, None)
                    if value is not None:
                        claim[key] = value if key == "confidence" else str(value)
                if "reconstructed" in data:
                    claim["reconstructed"] = data.pop("reconstructed")
                if "answers" in data:
                    claim["answers"] = self.answers(data.pop("answers"))
                other_keys.update(data.keys())
            if node.tags:
                claim["tags"] = list(dict.fromkeys(_slug(t) for t in node.tags))
            claims.append(claim)
        return claims, other_keys

    def metadata(self, claims: list[dict[str, Any]], other_keys: Counter) -> dict[str, Any]:
        """The map's title and metadata, sources named by claims' data, and a description
        of what was not carried."""
        meta = _front(self.doc.front, self.name)
        # Argdown's data 'source' is free text; argmap's names a source of the map: one is
        # made for each name not already there.
        known = {s["id"] for s in meta.get("sources", []) if isinstance(s, dict) and "id" in s}
        for claim in claims:
            if "source" in claim and claim["source"] not in known:
                sid = _slug(claim["source"])
                if sid not in known:
                    known.add(sid)
                    meta.setdefault("sources", []).append({"id": sid, "title": claim["source"]})
                claim["source"] = sid
        notes = []
        if self.doc.headings:
            notes.append(f"{len(self.doc.headings)} headings")
        if other_keys:
            notes.append("data keys " + ", ".join(sorted(other_keys)))
        notes += [f"{n} {what}" for what, n in sorted(self.dropped.items())]
        if notes:
            said = "Imported from Argdown; not carried: " + "; ".join(notes) + "."
            meta["description"] = (
                (meta["description"] + "\n\n" + said) if meta.get("description") else said
            )
        return meta


def _circle(name: str, waiting) -> Exception:
    from argmap.errors import Diagnostic, Location, MapError

    line = waiting[0][1].line if waiting[0][0] == "undercut" else 1
    return MapError(
        [
            Diagnostic(
                "undercut_target",
                "error",
                "undercuts aim at each other in a circle",
                Location(name, line, 1),
            )
        ]
    )


def _front(front: dict[str, Any], name: str) -> dict[str, Any]:
    """The map's title and metadata from the front matter."""
    meta: dict[str, Any] = {}
    title = front.get("title")
    stem = name.rsplit("/", 1)[-1]
    stem = stem[: -len(".argdown")] if stem.endswith(".argdown") else stem
    meta["title"] = " ".join(str(title).split()) if title else (stem or "Argdown map")
    found = front.get("argmap")
    block: dict[str, Any] = found if isinstance(found, dict) else {}
    for key in _META_KEYS:
        if block.get(key) is not None:
            meta[key] = block[key]
    if "description" not in meta:
        for key in ("abstract", "subTitle", "description"):
            if front.get(key):
                meta["description"] = str(front[key])
                break
    if "authors" not in meta and front.get("author"):
        author = front["author"]
        meta["authors"] = [str(a) for a in author] if isinstance(author, list) else [str(author)]
    if "created" not in meta and front.get("date") is not None:
        date = front["date"]
        if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(date)) or hasattr(date, "isoformat"):
            meta["created"] = date
    return meta


# --- writing ------------------------------------------------------------------------

_TEXT_SPECIAL = re.compile(r"([\\\[\]<>#@*_{}/])")


def _text(text: str) -> str:
    """Claim text as one Argdown line that reads back to the same words (a NUL, which no
    text file holds, as U+FFFD)."""
    text = " ".join(text.replace("\x00", "\ufffd").split())
    text = _TEXT_SPECIAL.sub(r"\\\1", text)
    # A shortcode such as .A. would become a symbol: escape its first character.
    return (
        syntax._SHORTCODE.sub(lambda m: "\\" + m.group(0), text)
        if "." in text or ":" in text
        else text
    )


def _json_value(value: Any) -> str:
    """A value as YAML flow (JSON), braces and '=' inside strings escaped so that
    Argdown's data and front-matter patterns cannot end early."""
    if isinstance(value, dict):
        return (
            "{"
            + ", ".join(f"{_json_value(str(k))}: {_json_value(v)}" for k, v in value.items())
            + "}"
        )
    if isinstance(value, list):
        return "[" + ", ".join(_json_value(v) for v in value) + "]"
    text = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        text = text.replace("{", "\\u007b").replace("}", "\\u007d").replace("=", "\\u003d")
        # Characters YAML refuses to see written (DEL, the C1 controls, U+FFFE/U+FFFF)
        # or reads as line breaks (U+2028, U+2029) go as escapes, which read back as
        # themselves.
        text = _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


_UNPRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def _scheme_data(data: dict[str, Any]) -> dict[str, Any]:
    """The scheme, role and roles (premise -> role) an argument's data gives a link."""
    out: dict[str, Any] = {}
    if isinstance(data.get("scheme"), str) and data["scheme"].strip():
        out["scheme"] = data["scheme"]
    if isinstance(data.get("role"), str) and data["role"].strip():
        out["role"] = data["role"]
    if isinstance(data.get("roles"), dict):
        out["roles"] = {str(k): v for k, v in data["roles"].items() if isinstance(v, str)}
    return out


def _data(pairs: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {_json_value(v)}" for k, v in pairs.items()) + "}"


def dump(model: ArgMap) -> str:
    """The map as Argdown text (loose mode); control characters a terminal would obey
    (ESC, BEL, DEL, the C1 and bidirectional controls) written visibly (␛, ``\\x9b``), as
    Argdown has no escape for them."""
    from argmap.wording import visible

    return visible(_Writer(model).write())


class _Writer:
    """One map becoming one Argdown document: the front matter, every claim defined
    once, linked groups as premise-conclusion structures, links an undercut aims at as
    arguments of their own, then relation trees and undercuts."""

    def __init__(self, model: ArgMap) -> None:
        self.model = model
        self.links = model.all_links()
        self.kinds = {c.id: c.kind for c in model.claims}
        # Argument titles: argument claims first, then groups, then links written as
        # arguments.
        self.titles = {c.id for c in model.claims if c.kind is ClaimKind.argument}
        self.argument_of: dict[str, str] = {}  # link id -> the argument standing for it
        self.plan()

    def ref(self, claim_id: str) -> str:
        if self.kinds.get(claim_id) is ClaimKind.argument:
            return f"<{claim_id}>"
        return f"[{claim_id}]"

    def title_for(self, wanted: str) -> str:
        out, k = wanted, 2
        while out in self.titles:
            out, k = f"{wanted}~{k}", k + 1
        self.titles.add(out)
        return out

    def plan(self) -> None:
        """Which links are written as arguments, under which titles."""
        argument = ClaimKind.argument
        grouped: dict[tuple[str, str], list[Link]] = {}
        for lk in self.links:
            if lk.kind is LinkKind.support and lk.group is not None:
                grouped.setdefault((lk.group, lk.target), []).append(lk)
        # A linked group is a premise-conclusion structure when Argdown can write it as
        # one: two premises or more, all of them and the conclusion statements.
        self.groups = {
            key: members
            for key, members in grouped.items()
            if len(members) > 1
            and self.kinds.get(key[1]) is not argument
            and all(self.kinds.get(m.source) is not argument for m in members)
        }
        uses = Counter(group for group, _ in self.groups)
        self.group_title = {
            key: self.title_for(key[0] if uses[key[0]] == 1 else f"{key[0]}-{key[1]}")
            for key in self.groups
        }
        for key, members in self.groups.items():
            for lk in members:
                self.argument_of[lk.key] = self.group_title[key]
        # Other links an undercut aims at, and members of other groups, stand alone.
        aimed_at = {lk.target for lk in self.links if lk.kind is LinkKind.undercut}
        asked = {a.link for c in self.model.claims for a in c.answers}
        self.as_argument = [
            lk
            for lk in self.links
            if lk.key not in self.argument_of
            and (
                lk.id in aimed_at or lk.group is not None or lk.scheme or lk.role or lk.id in asked
            )
        ]
        for lk in self.as_argument:
            self.argument_of[lk.key] = self.title_for(lk.key)

    def write(self) -> str:
        out = [*self.front(), *self.claims(), *self.structures(), *self.link_arguments()]
        out += self.relations()
        return "\n".join(out).rstrip("\n") + "\n"

    def front(self) -> list[str]:
        m = self.model
        out = ["===", f"title: {_json_value(m.title)}"]
        if m.authors:
            out.append(f"author: {_json_value(', '.join(m.authors))}")
        block = {k for k in _META_KEYS if getattr(m, k)}
        if block:
            data = json.loads(m.model_dump_json(include=block, exclude_none=True))
            out.append(f"argmap: {_json_value(data)}")
        return [*out, "===", ""]

    def claims(self) -> list[str]:
        """Every claim defined once, with its tags and its fields as data."""
        inferred = inferred_kinds([(lk.source, lk.kind.value, lk.target) for lk in self.links])
        out = []
        for c in self.model.claims:
            data: dict[str, Any] = {}
            if c.kind is not ClaimKind.argument and c.kind is not inferred.get(
                c.id, ClaimKind.claim
            ):
                data["kind"] = c.kind.value
            for key in _CLAIM_DATA:
                value = getattr(c, key)
                if value is not None:
                    data[key] = value
            if c.reconstructed:
                data["reconstructed"] = True
            if c.answers:
                data["answers"] = [
                    {"argument": self.argument_of.get(a.link, a.link)}
                    | a.model_dump(mode="json", exclude={"link"})
                    for a in c.answers
                ]
            line = f"{self.ref(c.id)}: {_text(c.text)}"
            if c.tags:
                line += " " + " ".join(f"#{t}" for t in c.tags)
            if data:
                line += " " + _data(data)
            out += [line, ""]
        return out

    def structures(self) -> list[str]:
        """Linked groups as premise-conclusion structures."""
        out = []
        for (group, target), members in self.groups.items():
            title = f"<{self.group_title[(group, target)]}>"
            scheme = next((lk.scheme for lk in members if lk.scheme), None)
            roles = {lk.source: lk.role for lk in members if lk.role}
            extra = {
                **({"scheme": scheme} if scheme else {}),
                **({"roles": roles} if roles else {}),
            }
            out += [f"{title} {_data(extra)}" if extra else title, ""]
            out += [f"({k}) {self.ref(lk.source)}" for k, lk in enumerate(members, 1)]
            notes = {lk.note for lk in members}
            rule = notes.pop() if len(notes) == 1 else None
            out.append(f"-- {_rule(rule)} --" if rule else "----")
            out += [f"({len(members) + 1}) {self.ref(target)}", ""]
        return out

    def link_arguments(self) -> list[str]:
        """Links written as arguments: supported by the link's source, bearing on its
        target, marked with their kind (and group)."""
        out = []
        for lk in self.as_argument:
            mark = {_MARK: lk.kind.value, **({"group": lk.group} if lk.group else {})}
            mark.update({f: getattr(lk, f) for f in ("scheme", "role") if getattr(lk, f)})
            if lk.kind is LinkKind.undercut:
                aim = f"<{self.argument_of[lk.target]}>"
            else:
                aim = self.ref(lk.target)
            out += [
                f"<{self.argument_of[lk.key]}> {_data(mark)}",
                f"  <+ {self.ref(lk.source)}",
                f"  {syntax.ARROWS[lk.kind.value]} {aim}",
                "",
            ]
        return out

    def relations(self) -> list[str]:
        """The other supports and attacks as trees; undercuts under what they undercut."""
        into: dict[str, list[Link]] = {}
        undercuts: dict[str, list[Link]] = {}
        for lk in self.links:
            if lk.key in self.argument_of:
                continue
            if lk.kind is LinkKind.undercut:
                undercuts.setdefault(self.argument_of[lk.target], []).append(lk)
            else:
                into.setdefault(lk.target, []).append(lk)
        out = _trees([c.id for c in self.model.claims], into, self.ref)
        for title, cuts in undercuts.items():
            out += [f"<{title}>", *(f"  _ {self.ref(lk.source)}" for lk in cuts), ""]
        return out


def _trees(order: list[str], into: dict[str, list[Link]], ref) -> list[str]:
    """Supports and attacks as Argdown relation trees: from each claim that bears on
    nothing, its reasons and objections, theirs indented under them, and so on. Each
    claim's reasons are written once, under its first appearance; a claim met again is
    only named. Claims left over (in a circle) start trees of their own."""
    bears = {lk.source for links in into.values() for lk in links}
    roots = [c for c in order if c in into and c not in bears]
    roots += [c for c in order if c in into and c in bears]
    symbol = {LinkKind.support: "+", LinkKind.attack: "-"}
    expanded: set[str] = set()
    lines: list[str] = []
    for root in roots:
        if root in expanded:
            continue
        expanded.add(root)
        lines.append(ref(root))
        stack = [(root, 1, 0)]  # (claim, depth, next link to write)
        while stack:
            claim, depth, i = stack.pop()
            links = into[claim]
            if i >= len(links):
                continue
            stack.append((claim, depth, i + 1))
            source = links[i].source
            lines.append(f"{'  ' * depth}{symbol[links[i].kind]} {ref(source)}")
            if source in into and source not in expanded:
                expanded.add(source)
                stack.append((source, depth + 1, 0))
        lines.append("")
    return lines


def _rule(note: str) -> str:
    note = note.replace("\x00", "\ufffd")
    return re.sub(r"-{2,}", "-", " ".join(note.split())).replace("{", "(").replace("}", ")")


def write(doc: Document, drawing: Drawing) -> str:
    """The document in this format (the writer every format has: see
    :mod:`argmap.formats.registry`; a map's format draws nothing, so ``drawing`` is not
    read)."""
    return dump(doc.model)
