"""The Argdown language read into its own terms: statements, arguments and relations.

This module knows Argdown and nothing of argmap. :func:`parse` gives an
:class:`ArgdownDocument` with the same content the Argdown CLI's ``argdown json`` gives
(equivalence classes of statements by title, arguments, dialectical relations), so the
two can be compared one to one; :mod:`argmap.formats.argdown` turns it into a map.

What is read: YAML front matter between ``===`` lines; headings; comments (``<!-- -->``,
``/* */``, ``//``); statements ``[Title]: text``, references ``[Title]``, untitled
statements (named ``Untitled N`` in order, as Argdown does); arguments ``<Title>: text``
and ``<Title>``; ``#tag`` and ``#(tag text)``; YAML data ``{...}`` after an element;
bold, italic, links and escapes in text; list items; relation trees by indentation
(``+ - _`` and ``<+ <- <_`` for a child bearing on its parent, ``+> -> _>`` for the
parent bearing on its child, ``><`` contradiction); premise-conclusion structures
``(1) ...`` with inference lines ``--`` (one line or several), attached to the argument
just before them.

Where Argdown makes a choice, this module makes the same one: a statement's text is the
one marked ``{isCanonical: true}``, else the last one written (counting the statements
under a relation before the one above them); relations from a reconstructed argument are
those of its main conclusion; an undercut of a reconstructed argument aims at its last
inference, and an undercut written under a statement aims at the last inference read so
far, if any; repeated relations count once; and in ``mode: strict`` a support between
statements is an entailment and an attack a contrary. Argmap is more lenient about
layout than the Argdown CLI (a continuation line after a reference, say, is read as
text), and refuses, with the line, what it cannot read: a relation with nothing above it
or naming nothing, a structure without inference or conclusion, invalid YAML.

Examples:
    >>> doc = parse('''[A]: Cities should price congestion. #transport
    ...   + <Time>: Drivers lose hours in jams.
    ...   - [B]: Pricing hurts the poor.''')
    >>> [(r.kind, r.source[1], r.target[1]) for r in doc.relations]
    [('support', 'Time', 'A'), ('attack', 'B', 'A')]
    >>> doc.arguments["Time"].text
    'Drivers lose hours in jams.'
    >>> doc.statements["A"].text, doc.statements["A"].tags
    ('Cities should price congestion.', ['transport'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from argmap.errors import Diagnostic, Location, MapError

__all__ = ["Statement", "Argument", "Relation", "Step", "ArgdownDocument", "parse"]

#: (kind, title): kind is "statement" or "argument", or "inference" (the inference of a
#: reconstructed argument, which an undercut of that argument aims at).
Ref = tuple[str, str]


@dataclass
class Statement:
    """An equivalence class: every statement written with one title."""

    title: str
    line: int
    texts: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    canonical: str | None = None  # the text of the member marked {isCanonical: true}

    @property
    def text(self) -> str:
        """Its text, as Argdown chooses it: the one marked ``{isCanonical: true}``, else
        the last one given ('' when it is only referred to)."""
        return _canonical(self.texts, self.canonical)


def _canonical(texts: list[str], marked: str | None) -> str:
    if marked is not None:
        return marked
    if texts and texts[-1]:
        return texts[-1]
    return next((t for t in reversed(texts) if t), "")


@dataclass
class Step:
    """One inference of a premise-conclusion structure: inputs to a conclusion."""

    premises: list[str]
    conclusion: str
    rule: str = ""


@dataclass
class Argument:
    """An argument: its descriptions and, when reconstructed, its premise-conclusion
    structure (statement titles in order, and the inference steps)."""

    title: str
    line: int
    texts: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    canonical: str | None = None
    pcs: list[str] = field(default_factory=list)
    premises: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)

    @property
    def text(self) -> str:
        return _canonical(self.texts, self.canonical)


@dataclass
class Relation:
    """A dialectical relation: support, attack, undercut, contradictory, contrary or
    entails, from one statement or argument to another."""

    kind: str
    source: Ref
    target: Ref
    line: int
    #: For a target ("inference", ARGUMENT): which inference step of it (0 = the first).
    step: int | None = None


@dataclass
class ArgdownDocument:
    """What an Argdown file says, in Argdown's own terms."""

    front: dict[str, Any] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)


# --- lines --------------------------------------------------------------------------

# Escapes, links and data first, so that '//' in a URL or an escaped '/' starts no comment.
_SKIP = re.compile(
    r"(\\.)|(\[[^\]\n]+?\]\([^)\n]+?\))|(\{[^{}]*\})|(<!--.*?-->|/\*.*?\*/|//[^\n]*)",
    re.DOTALL,
)
_COMMENT_MARK = "\x00"
_RELATION = re.compile(r"^([ \t]*)(\+>|->|_>|><|<\+|<-|<_|\+|-(?!-)|_(?=[ \t]))[ \t]*")
_NUMBER = re.compile(r"^[ \t]*\(\d+\)[ \t]*")
_INFERENCE = re.compile(r"^[ \t]*--")
_LIST_ITEM = re.compile(r"^([ \t]+)(?:\*|\d+\.)(?=\s)[ \t]*")
_HEADING = re.compile(r"^#+ ")
#: What ends an element's text: the start of a relation, a numbered statement, an
#: inference line or a list item (the four patterns above in one).
_BREAK = re.compile(
    r"[ \t]*(?:\+>|->|_>|><|<\+|<-|<_|\+|-|_(?=[ \t])|\(\d+\))|[ \t]+(?:\*|\d+\.)(?=\s)"
)
_FRONT = re.compile(r"\A\s*===+[^\S\n]*\n(.*?)\n[^\S\n]*===+[^\S\n]*(?:\n|\Z)", re.DOTALL)


def _strip_comments(text: str) -> str:
    """Comments out, line count kept: a line that held only a comment is marked, so that
    it counts neither as text nor as an empty line (as in Argdown, where comments are
    skipped and never end a block)."""

    def repl(m: re.Match) -> str:
        if m.group(4) is None:
            return m.group(0)
        return _COMMENT_MARK + ("\n" + _COMMENT_MARK) * m.group(4).count("\n")

    if "/" not in text and "<!--" not in text:
        return text
    return _SKIP.sub(repl, text)


def _lines(text: str) -> list[tuple[int, str]]:
    """Numbered lines with comments removed; lines that held only comments are dropped;
    empty lines are kept as ''."""
    out = []
    for n, line in enumerate(text.split("\n"), 1):
        if _COMMENT_MARK in line:
            line = line.replace(_COMMENT_MARK, "")
            if not line.strip():
                continue
        out.append((n, line.rstrip()))  # trailing space never matters; blank lines are ''
    return out


# --- text -----------------------------------------------------------------------------

_REF = re.compile(r"^(\[)(.+?)\][ \t]*(?=$|\{|#)|^(<)(.+?)>[ \t]*(?=$|\{|#)")
# As Argdown's own pattern: its range A-z also takes [ \ ] ^ _ and ` (tags like #my_tag).
# A bracketed tag or a link's parts hold no opening bracket of their own kind: a scan that
# finds none stops at the next one, so a line of ten thousand "#(" or "[a](" is read in
# one pass, not once from each.
_TAG = re.compile(
    r"#(?:\(([^()]+)\)|([a-zA-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))[ \t]?"
)
_LINK = re.compile(r"\[([^\[\]]+?)\]\([^()]+?\)")
_BOLD_ITALIC = re.compile(
    r"(?<![\w\\])(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?=[ \t]|$|[)}_.,!?;:*-])", re.DOTALL
)
_ESCAPE = re.compile(r"\\(.)")
#: What may follow a closing emphasis mark (the lookahead of :data:`_BOLD_ITALIC`).
_AFTER_EMPHASIS = frozenset(" \t)}_.,!?;:*-")
_WORD = re.compile(r"\w")


def _without_emphasis(text: str) -> str:
    """``_BOLD_ITALIC.sub(r"\\2", text)``, the same result in one pass: each mark that
    may close emphasis is found once, and an opening mark looks its closer up, where the
    regular expression scanned the rest of the text from every opening mark (a line of
    twenty thousand "_a " took 24 s)."""
    import bisect

    n = len(text)
    marks = ("**", "__", "*", "_")
    closers: dict[str, list[int]] = {}
    for d in marks:
        found, size, at = [], len(d), text.find(d)
        while at != -1:
            after = at + size
            if at > 0 and not text[at - 1].isspace() and (
                after == n or text[after] in _AFTER_EMPHASIS
                or (after == n - 1 and text[after] == "\n")
            ):  # fmt: skip
                found.append(at)
            at = text.find(d, at + 1)
        closers[d] = found
    out: list[str] = []
    kept = i = 0
    while i < n:
        if text[i] in "*_" and (i == 0 or not (_WORD.match(text[i - 1]) or text[i - 1] == "\\")):
            for d in marks:
                size = len(d)
                if not text.startswith(d, i) or i + size >= n or text[i + size].isspace():
                    continue
                places = closers[d]
                k = bisect.bisect_left(places, i + size + 1)
                if k < len(places):
                    p = places[k]
                    out += [text[kept:i], text[i + size : p]]
                    kept = i = p + size
                    break
            else:
                i += 1
            continue
        i += 1
    out.append(text[kept:])
    return "".join(out)


#: Argdown's shortcodes for logical symbols (its emoji shortcodes are left as written).
_SHORTCODES = {
    f"{d}{code}{d}": sign
    for code, sign in (
        ("A", "\u2200"),
        ("E", "\u2203"),
        ("O", "\U0001d5e2"),
        ("P", "\U0001d5e3"),
        ("->", "\u2192"),
        ("<->", "\u2194"),
        ("~", "\u00ac"),
        ("^", "\u2227"),
        ("v", "\u2228"),
        ("v_", "\u22bb"),
        ("<>", "\u25c7"),
        ("[]", "\u25fb"),
    )
    for d in ".:"
}
_SHORTCODE = re.compile(r"([.:])(?:<->|->|<>|\[\]|v_|[AEOPv~^])\1")
#: A '{' not escaped (preceded by an even number of backslashes).
_OPEN_BRACE = re.compile(r"(?<!\\)(?:\\\\)*\{")
_DATA = re.compile(r"\{((?!\}\s[^,}])(?:.|\n))*\}(?!\s*(?:,|\}))\s*$")


@dataclass
class _Element:
    kind: str  # "statement" or "argument"
    title: str | None
    text: str
    tags: list[str]
    data: dict[str, Any]
    line: int


def _spaced(text: str) -> str:
    """Runs of white space as one space, none at the ends."""
    if "  " in text or "\t" in text or "\n" in text or "\r" in text or not text.isascii():
        return " ".join(text.split())
    return text.strip()


def _clean(text: str) -> tuple[str, list[str]]:
    """Text as Argdown shows it (markup out, links as their words, escapes resolved),
    with tags taken out of it, and the tags."""
    tags: list[str] = []
    if not (  # most text is plain words
        "\\" in text
        or "#" in text
        or "*" in text
        or "_" in text
        or "](" in text
        or (("." in text or ":" in text) and _SHORTCODE.search(text))
    ):
        return _spaced(text), tags

    def tag(m: re.Match) -> str:
        t = m.group(1) or m.group(2)
        if t not in tags:
            tags.append(t)
        return ""

    # Escaped characters are protected from markup and tag rules by placeholders.
    escaped: list[str] = []

    def esc(m: re.Match) -> str:
        escaped.append(m.group(1))
        return f"\x01{len(escaped) - 1}\x02"

    if "\\" in text:
        text = _ESCAPE.sub(esc, text)
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    text = _SHORTCODE.sub(lambda m: _SHORTCODES[m.group(0)], text)
    if "#" in text:
        text = _TAG.sub(tag, text)
    for _ in range(3):  # nested markup: __*x*__
        if "*" not in text and "_" not in text:
            break
        new = _without_emphasis(text)
        if new == text:
            break
        text = new
    text = _spaced(text)
    if escaped:
        text = re.sub(r"\x01(\d+)\x02", lambda m: escaped[int(m.group(1))], text)
    return text, tags


def _yaml(text: str, name: str, line: int, what: str) -> dict[str, Any]:
    # The same data is often written many times ({kind: evidence}): read it once.
    known = _YAML_SEEN.get(text)
    if known is not None:
        return dict(known)
    loaded = _read_yaml(text, name, line, what)
    if len(_YAML_SEEN) < 4096 and all(isinstance(v, str | int | float) for v in loaded.values()):
        _YAML_SEEN[text] = loaded
    return dict(loaded)


_YAML_SEEN: dict[str, dict[str, Any]] = {}


def _read_yaml(text: str, name: str, line: int, what: str) -> dict[str, Any]:
    from argmap.io.yamltext import load as load_yaml

    try:
        loaded = load_yaml(text, name, first_line=line)
    except MapError as exc:
        first = exc.diagnostics[0]
        where = first.location or Location(name, line, 1)
        message = first.message.removeprefix("invalid YAML: ")
        raise MapError(
            [Diagnostic(first.code, "error", f"invalid YAML in {what}: {message}", where)]
        ) from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise MapError(
            [Diagnostic("syntax", "error", f"{what} is not a mapping", Location(name, line, 1))]
        )
    return loaded


def _element(raw: str, line: int, name: str, *, default: str = "statement") -> _Element:
    """One statement or argument from its written text (several lines joined)."""
    if raw[:1] in (" ", "\t") or raw[-1:] in (" ", "\t"):
        raw = raw.strip()
    data: dict[str, Any] = {}
    if raw.endswith("}"):
        for brace in _OPEN_BRACE.finditer(raw):
            if _DATA.match(raw, brace.end() - 1):
                data = _yaml(raw[brace.end() - 1 :], name, line, "data")
                raw = raw[: brace.end() - 1].rstrip()
                break
    kind, title = default, None
    opener = raw[:1]
    if opener == "<" or (opener == "[" and not _LINK.match(raw)):  # a link is no title
        # A definition runs to the first "]:" (">:"), as Argdown's lazy pattern does.
        end = raw.find("]:" if opener == "[" else ">:", 2)
        if end != -1:
            kind = "statement" if opener == "[" else "argument"
            title = raw[1:end]
            raw = raw[end + 2 :].lstrip(" \t")
        else:
            m = _REF.match(raw)
            if m:
                kind = "statement" if m.group(1) else "argument"
                title = m.group(2) or m.group(4)
                raw = raw[m.end() :]
    text, tags = _clean(raw)
    if not text and tags:  # a statement of tags alone: its tags are its text
        text = _spaced(raw)
    if title is not None and ("  " in title or "\t" in title or title != title.strip()):
        title = " ".join(title.split())
    return _Element(kind, title, text, tags, data, line)


# --- the document ---------------------------------------------------------------------

# Relation operators: (kind, parent is the source?)
#: How Argdown writes each relation, pointing at its target (``a +> b``: a supports b).
ARROWS = {"support": "+>", "attack": "->", "undercut": "_>"}

_OPS = {
    "+": ("support", False),
    "<+": ("support", False),
    "-": ("attack", False),
    "<-": ("attack", False),
    "_": ("undercut", False),
    "<_": ("undercut", False),
    **{arrow: (kind, True) for kind, arrow in ARROWS.items()},
    "><": ("contradictory", True),
}


class _Reader:
    def __init__(self, name: str) -> None:
        self.name = name
        self.doc = ArgdownDocument()
        self.untitled = 0
        #: The last inference read: (its argument, its step).
        self.last_inference: tuple[str, int] | None = None
        self.seen: set[tuple[str, Ref, Ref, int | None]] = set()
        self.into: set[tuple[str, Ref]] = set()  # (kind, target) of the relations so far

    def fail(self, line: int, message: str) -> MapError:
        return MapError.at(self.name, message, line=line, code="syntax")

    def new_title(self) -> str:
        self.untitled += 1
        return f"Untitled {self.untitled}"

    def add(self, el: _Element) -> tuple[Ref, tuple]:
        """Record an element: its reference, and what :meth:`settle` adds once the
        relations under it are read (Argdown counts a statement's members in that order,
        children first, and takes the last one's text)."""
        title = el.title or self.new_title()
        if el.kind == "argument":
            node: Statement | Argument | None = self.doc.arguments.get(title)
            if node is None:
                node = self.doc.arguments[title] = Argument(title, el.line)
        else:
            node = self.doc.statements.get(title)
            if node is None:
                node = self.doc.statements[title] = Statement(title, el.line)
        return (el.kind, title), (node, el)

    def settle(self, pending: tuple, relation: tuple | None = None) -> None:
        """Add an element's text, tags and data to its statement or argument, and make
        the relation that brought it in (Argdown makes relations in that order too)."""
        node, el = pending
        if relation is not None:
            self.relate(*relation)
        node.texts.append(el.text)
        for t in el.tags:
            if t not in node.tags:
                node.tags.append(t)
        if el.data:
            node.data.update(el.data)
            if el.data.get("isCanonical") is True and el.text:
                node.canonical = el.text

    def relate(
        self, kind: str, source: Ref, target: Ref, line: int, step: int | None = None
    ) -> None:
        key = (kind, source, target, step)
        if key in self.seen or (
            kind == "contradictory" and (kind, target, source, step) in self.seen
        ):
            return
        if source == target and (kind, target) in self.into:
            return  # as in Argdown, which takes it for the relation already coming in
        self.into.add((kind, target))
        self.seen.add(key)
        self.doc.relations.append(Relation(kind, source, target, line, step))

    # A block is a run of non-empty lines.
    def read(self, text: str) -> ArgdownDocument:
        m = _FRONT.match(text)
        if m:
            front_line = text[: m.start(1)].count("\n") + 1
            self.doc.front = _yaml(m.group(1), self.name, front_line, "front matter")
            text = "\n" * text[: m.end()].count("\n") + text[m.end() :]
        lines = _lines(_strip_comments(text))
        previous_top: Ref | None = None  # the top element just before (for a PCS)
        i = 0
        n = len(lines)
        while i < n:
            if not lines[i][1]:
                i += 1
                continue
            j = i
            while j < n and lines[j][1]:
                j += 1
            previous_top = self.block(lines[i:j], previous_top)
            i = j
        self.finish()
        return self.doc

    def block(self, lines: list[tuple[int, str]], previous_top: Ref | None) -> Ref | None:
        first = lines[0][1]
        if _HEADING.match(first):
            heading, _ = _clean(" ".join(s for _, s in lines).lstrip("#"))
            self.doc.headings.append(re.sub(r"\s*\{.*\}\s*$", "", heading))
            return None
        k = 0
        top: Ref | None = previous_top
        while k < len(lines):
            line = lines[k][1]
            if _NUMBER.match(line):
                attach = top if top and top[0] == "argument" else None
                k = self.pcs(lines, k, attach)
                top = None
            else:
                k, top = self.tree(lines, k)
        return top

    def gather(self, lines: list[tuple[int, str]], k: int, first: str) -> tuple[str, int]:
        """An element's text: this line's rest and the continuation lines after it."""
        k += 1
        if k >= len(lines) or not lines[k][1] or _BREAK.match(lines[k][1]):
            return first, k  # most elements take one line
        parts = [first]
        while k < len(lines):
            line = lines[k][1]
            if _BREAK.match(line):
                break
            parts.append(line.strip())
            k += 1
        return " ".join(parts), k

    def tree(self, lines: list[tuple[int, str]], k: int) -> tuple[int, Ref]:
        """A top element (or list item) and the relations indented under it."""
        lineno, line = lines[k]
        if _RELATION.match(line):
            raise self.fail(lineno, "a relation with no statement or argument above it to bear on")
        item = _LIST_ITEM.match(line)
        raw, k = self.gather(lines, k, line[item.end() :] if item else line)
        top, pending = self.add(_element(raw, lineno, self.name))
        k = self.relations(lines, k, top)
        self.settle(pending)
        return k, top

    def relations(self, lines: list[tuple[int, str]], k: int, parent: Ref) -> int:
        """Relation lines under ``parent``, by indentation, until something else starts."""
        # (indent of the children, their parent, how many open elements down it is)
        frames: list[tuple[int, Ref, int]] = [(-1, parent, 0)]
        open_: list[tuple] = []  # elements whose relations may still follow, outermost first
        last = parent
        while k < len(lines):
            lineno, line = lines[k]
            m = _RELATION.match(line)
            if not m:
                break
            indent = len(m.group(1).expandtabs(4))
            if indent > frames[-1][0]:
                frames.append((indent, last, len(open_)))
            else:
                while len(frames) > 2 and indent < frames[-1][0]:
                    frames.pop()
            _, owner, depth = frames[-1]
            while len(open_) > depth:  # what was open below the owner is complete
                self.settle(*open_.pop())
            raw, k = self.gather(lines, k, line[m.end() :])
            el = _element(raw, lineno, self.name)
            if not el.title and not el.text:
                raise self.fail(lineno, f"relation '{m.group(2)}' names no statement or argument")
            child, pending = self.add(el)
            kind, parent_is_source = _OPS[m.group(2)]
            step = None
            # As in Argdown, an undercut of a statement is an undercut of the last inference
            # read so far, wherever it was (there is none before the first).
            if (
                kind == "undercut"
                and not parent_is_source
                and owner[0] == "statement"
                and self.last_inference is not None
            ):
                owner, step = ("inference", self.last_inference[0]), self.last_inference[1]
            if parent_is_source:
                open_.append((pending, (kind, owner, child, lineno)))
            else:
                open_.append((pending, (kind, child, owner, lineno, step)))
            last = child
        while open_:
            self.settle(*open_.pop())
        return k

    def pcs(self, lines: list[tuple[int, str]], k: int, attach: Ref | None) -> int:
        """A premise-conclusion structure from line ``k``; returns the next line."""
        start = lines[k][0]
        if attach is not None and self.doc.arguments[attach[1]].pcs:
            attach = None  # a second structure for one argument: Argdown refuses it
        title = attach[1] if attach else self.new_title()
        arg = self.doc.arguments.get(title)
        if arg is None:
            arg = self.doc.arguments[title] = Argument(title, start)
        inputs: list[str] = []
        after_inference: str | None = None  # the rule text, when the last thing was one
        while k < len(lines):
            lineno, line = lines[k]
            m = _NUMBER.match(line)
            if m:
                raw, k = self.gather(lines, k, line[m.end() :])
                el = _element(raw, lineno, self.name)
                if el.kind == "argument":
                    raise self.fail(
                        lineno, "a premise-conclusion structure holds statements, not arguments"
                    )
                ref, pending = self.add(el)
                if after_inference is not None:
                    arg.steps.append(Step(inputs, ref[1], after_inference))
                    inputs = [ref[1]]
                    after_inference = None
                else:
                    inputs.append(ref[1])
                    arg.premises.append(ref[1])
                arg.pcs.append(ref[1])
                k = self.relations(lines, k, ref)
                self.settle(pending)
                continue
            if _INFERENCE.match(line):
                rule, k = self.inference(lines, k)
                after_inference = rule
                self.last_inference = (title, len(arg.steps))
                continue
            break  # the structure ends; what follows is a new element
        if not arg.steps:
            raise self.fail(
                start, f"argument <{title}> has premises but no inference line '--' and conclusion"
            )
        if after_inference is not None:
            raise self.fail(
                lines[k - 1][0], f"argument <{title}> ends with an inference line, not a conclusion"
            )
        return k

    def inference(self, lines: list[tuple[int, str]], k: int) -> tuple[str, int]:
        """An inference line ``----`` or ``-- rule --`` or ``--`` rule lines ``--``."""
        lineno, line = lines[k]
        rest = line.strip()[2:]
        parts = []
        while True:
            m = re.search(r"--+", rest)
            if m:
                parts.append(rest[: m.start()])
                rule = " ".join(" ".join(parts).split())
                # Its data ({uses: [1, 2]}) is Argdown's business; the rule's words stay.
                rule = re.sub(r"\s*\{[^{}]*\}\s*$", "", rule)
                return _clean(rule)[0] if rule else rule, k + 1
            parts.append(rest)
            k += 1
            if k >= len(lines):
                raise self.fail(lineno, "inference line '--' is not closed by another '--'")
            rest = lines[k][1]

    def finish(self) -> None:
        """Argdown's model rules: relations of a reconstructed argument are its
        conclusion's; undercuts of one aim at its inference; strict mode."""
        doc = self.doc
        model = doc.front.get("model")
        strict = isinstance(model, dict) and str(model.get("mode", "")).lower() == "strict"
        out: list[Relation] = []
        seen: set[tuple[str, Ref, Ref, int | None]] = set()
        # What each inference holds, as the CLI keeps it: (source, kind) of the undercuts
        # written under it, in the order they were made.
        held: dict[tuple[str, int | None], list[tuple[Ref, str]]] = {}
        for r in doc.relations:
            if r.target[0] == "inference":
                held.setdefault((r.target[1], r.step), []).append((r.source, r.kind))
        for r in doc.relations:
            source = r.source
            if source[0] == "argument" and doc.arguments[source[1]].pcs:
                source = ("statement", doc.arguments[source[1]].pcs[-1])
                if source == r.target:
                    continue  # an argument's relation to its own conclusion says nothing
            kind, target, step = r.kind, r.target, r.step
            moved = (
                kind == "undercut"
                and target[0] == "argument"
                and bool(doc.arguments[target[1]].pcs)
            )
            if moved:
                target = ("inference", target[1])
                step = len(doc.arguments[target[1]].steps) - 1
                # Moving it, the CLI first drops the last relation the inference holds (it
                # asks to remove the moved one, which is not there yet), then keeps the
                # moved one unless one from the same source is still held.
                holds = held.setdefault((target[1], step), [])
                if holds:
                    holds.pop()
                if (source, kind) in holds:
                    continue
                holds.append((source, kind))
                out.append(Relation(kind, source, target, r.line, step))
                continue
            if strict and source[0] == target[0] == "statement":
                if kind == "support":
                    kind = "entails"
                elif kind == "attack":
                    if ("contrary", target, source, step) in seen:
                        continue
                    kind = "contrary"
            key = (kind, source, target, step)
            if key in seen:
                continue
            seen.add(key)
            out.append(Relation(kind, source, target, r.line, step))

        # A statement attacking a reconstructed argument whose premise it already attacks
        # (or contradicts) says nothing more.
        between_statements: dict[Ref, list[Relation]] = {}
        for o in out:
            if o.source[0] == "statement" and o.target[0] == "statement":
                between_statements.setdefault(o.source, []).append(o)
                between_statements.setdefault(o.target, []).append(o)

        def redundant(r: Relation) -> bool:
            if not (
                r.kind == "attack" and r.source[0] == "statement" and r.target[0] == "argument"
            ):
                return False
            premises = {("statement", p) for p in doc.arguments[r.target[1]].premises}
            for o in between_statements.get(r.source, ()) if premises else ():
                if o.kind == "attack" and o.source == r.source and o.target in premises:
                    return True
                if o.kind in ("contrary", "contradictory") and r.source in (o.source, o.target):
                    other = o.target if o.source == r.source else o.source
                    if other in premises:
                        return True
            return False

        final = [r for r in out if not redundant(r)]
        doc.relations = final


def parse(text: str, name: str = "<argdown>") -> ArgdownDocument:
    """Read Argdown text.

    Raises:
        MapError: the text is not Argdown argmap can read (with the line).
    """
    return _Reader(name).read(text.replace("\r\n", "\n"))
