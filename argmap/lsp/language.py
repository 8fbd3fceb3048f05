"""What an editor asks of a map while it is being written: the library under ``argmap lsp``.

Everything here takes the text of a map (as the editor holds it, saved or not) and
answers in plain data, with positions as 0-based (line, column) pairs counted in
characters; the language server (:mod:`argmap.lsp.server`) only translates to the protocol.

- :func:`analyse` reads a text once: the map, every diagnostic ``argmap validate`` would
  give (same codes, severities, messages and places), and, on demand, the id index, the
  graph and the grounded labels.
- :func:`complete` offers what fits where the cursor is: claim ids after ``supports:``,
  link ids after ``undercuts:``, kinds, source ids, tags, groups, and the format's keys
  with their descriptions. It reads the context from the text alone, so it works while
  the text is broken, as it is at ``supports: [``.
- :func:`hover`, :func:`definition`, :func:`references`, :func:`rename`,
  :func:`symbols` and :func:`fixes` answer the other requests.

Examples:
    >>> text = '''title: t
    ... claims:
    ...   - {id: c, text: C, kind: conclusion}
    ...   - {id: p, text: P, supports: []}
    ... '''
    >>> a = analyse(text, "m.yaml")
    >>> [d.code for d in a.diagnostics]
    ['unsupported_conclusion', 'disconnected']
    >>> [c.label for c in complete(a, 3, 32)]
    ['c', 'p']
    >>> print(hover(a, 2, 9))
    **CONCLUSION `c`** · grounded: **in** · strength 0.50
    <BLANKLINE>
    C
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, cast

from argmap.errors import Diagnostic, Location, MapError

__all__ = [
    "MAX_EDITOR_CHARS",
    "Analysis",
    "analyse",
    "Completion",
    "complete",
    "hover",
    "definition",
    "references",
    "rename",
    "Symbol",
    "symbols",
    "Fix",
    "fixes",
    "diagnostic_range",
    "Span",
    "formatting",
]

#: The largest text the editor services read (a larger one gets one diagnostic).
MAX_EDITOR_CHARS = 20_000_000

#: ((start line, start column), (end line, end column)), 0-based, in characters.
Span = tuple[tuple[int, int], tuple[int, int]]

_TOKEN = re.compile(r"""(?:"[^"\n]*"|'[^'\n]*'|[^\s,\[\]{}:#]+(?::[^\s,\[\]{}#]+)*)""")


@dataclass
class Analysis:
    """One text of a map, read once, with what the editor services need of it.

    ``doc`` is None when the text cannot be read as a map at all (then ``diagnostics``
    say why); the index, graph and labels are computed when first asked for.
    """

    text: str
    name: str
    path: Path | None
    doc: Any = None
    root: Any = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @cached_property
    def index(self):
        """The :class:`argmap.analysis.references.Index` of the text, or None if it cannot
        be read."""
        from argmap.analysis.references import Index

        if self.root is None and self.doc is None:
            return None
        try:
            model = self.doc.model if self.doc is not None else None
            return Index.of_text(self.text, self.root, model)
        except ValueError:
            return None

    @cached_property
    def graph(self):
        """The map's graph, or None when the map has reference errors."""
        if self.doc is None:
            return None
        from argmap.graph import build_graph

        try:
            return build_graph(self.doc)
        except MapError:
            return None

    @cached_property
    def verdicts(self) -> dict[str, tuple[str, float]]:
        """Each claim's grounded label and strength (empty when there is no graph)."""
        if self.graph is None:
            return {}
        from argmap.semantics.evaluate import verdicts

        try:
            return verdicts(self.graph)
        except Exception:  # noqa: BLE001 - a hover never fails for want of a verdict
            return {}

    @cached_property
    def quotes(self):
        """Where each quote stands in its source
        (:class:`argmap.analysis.provenance.QuoteCheck`)."""
        from argmap.analysis.provenance import check_quotes

        return check_quotes(self.doc) if self.doc is not None else None

    def offset(self, line: int, col: int) -> int:
        """The character offset of a 0-based (line, column), as the protocol counts."""
        from argmap.io.positions import offset_of

        return offset_of(self.text, line + 1, col + 1)


_MAP_KEYS = re.compile(
    r'^(?:argmap|claims)[ \t]*:|^[ \t]*"(?:argmap|claims)"[ \t]*:|yaml-language-server:.*argmap',
    re.MULTILINE,
)


def is_map(text: str, path: str | Path | None = None) -> bool:
    r"""Whether an editor's file is an argument map, for the language server to speak of:
    it writes ``argmap:`` (the format's version) or ``claims:`` at its top level, or its
    schema comment names argmap's, or its path matches the project's map globs
    (``maps/**/*.yaml``, ``*.argmap.yaml``; ``maps`` in ``[tool.argmap]``). Other YAML and
    JSON (a ``docker-compose.yml``, a ``package.json``) get nothing from it.

    Examples:
        >>> is_map("argmap: 1\ntitle: t\n"), is_map("services:\n  web: {}\n")
        (True, False)
    """
    if _MAP_KEYS.search(text[:200_000]):
        return True
    if path is None:
        return False
    from argmap.io.config import ConfigError, config_for

    try:
        return config_for(path).names_map(Path(path).resolve())
    except ConfigError:  # a settings file that does not read: not taken for a map
        return False


def analyse(text: str, name: str, path: str | Path | None = None, *, files: Any = None) -> Analysis:
    """Read a map's text as ``argmap validate`` reads its file, and keep what was read.

    Never raises for bad input: a binary, huge, broken or invalid text gives diagnostics.

    Args:
        text: the text as the editor holds it.
        name: how locations name the file (the CLI uses the path as given).
        path: the file's path, for source texts named relative to the map.
    """
    from argmap.operations.validate import check_text

    fs_path = Path(path) if path is not None else None
    analysis = Analysis(text, name, fs_path)
    if len(text) > MAX_EDITOR_CHARS:
        analysis.diagnostics = [
            Diagnostic(
                "too_large",
                "error",
                f"the text is larger than {MAX_EDITOR_CHARS:,} characters; it was not read",
                Location(name, 1, 1),
            )
        ]
        return analysis
    checked = check_text(text, name, fs_path, files=files)
    analysis.root, analysis.doc, analysis.diagnostics = (
        checked.root,
        checked.doc,
        checked.diagnostics,
    )
    return analysis


# --- completion -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Completion:
    """One thing to offer: the text to insert, what it is, and a line about it."""

    label: str
    kind: (
        str  # claim | link | source | tag | group | kind | key | scheme | role | question | answer
    )
    detail: str = ""
    documentation: str = ""


_CLAIM_LISTS = ("supports", "attacks")


def complete(analysis: Analysis, line: int, col: int, *, known: Analysis | None = None):
    """What to offer at (line, col): a list of :class:`Completion`, maybe empty.

    ``known`` is an earlier analysis of the same document that could be read, for when
    this text cannot (it is half typed): its ids are offered.
    """
    return _complete(analysis, line, col, known)[0]


def complete_narrowed(
    analysis: Analysis, line: int, col: int, *, known: Analysis | None = None
) -> tuple[list[Completion], bool]:
    """What to offer at (line, col), :func:`narrowed` by the word typed before it (the
    editor's answer), and whether more would have matched."""
    items, before = _complete(analysis, line, col, known)
    return narrowed(items, before)


def _complete(
    analysis: Analysis, line: int, col: int, known: Analysis | None
) -> tuple[list[Completion], str]:
    """The items to offer at (line, col), and the text of the line before it."""
    source = analysis if analysis.doc is not None or known is None else known
    lines = analysis.text.split("\n")
    if line >= len(lines):
        return [], ""
    before = lines[line][:col]
    section = _section(lines, line)
    key = _value_key(lines, line, before)
    if key is None:
        return _keys(section, lines, line, before), before
    return _values(source, section, key), before


#: The most items one completion answer carries: more are narrowed by what is typed before
#: the cursor, and the answer is marked incomplete, so the editor asks again as the user
#: types (a map of thousands of claims would otherwise send thousands of items each time).
MAX_COMPLETIONS = 100


def narrowed(
    items: list[Completion], text_before: str, limit: int = MAX_COMPLETIONS
) -> tuple[list[Completion], bool]:
    """The items that hold the word typed before the cursor (any case; those starting
    with it first), at most ``limit`` of them, and whether any were left out.

    Examples:
        >>> items = [Completion(f"c{i}", "claim") for i in range(300)]
        >>> shown, more = narrowed(items, "supports: [c2")
        >>> len(shown), more, shown[0].label
        (100, True, 'c2')
        >>> narrowed(items, "supports: [c29")[1]
        False
    """
    # The pattern matches at the end of any text (it may take nothing).
    word = cast(re.Match[str], re.search(r"[\w.:-]*$", text_before)).group(0).casefold()
    if word:
        first = [c for c in items if c.label.casefold().startswith(word)]
        inside = [c for c in items if word in c.label.casefold()[1:]
                  and not c.label.casefold().startswith(word)]  # fmt: skip
        items = first + inside
    return items[:limit], len(items) > limit


def _section(lines: list[str], line: int) -> str | None:
    """The top-level key whose block holds ``line`` (None at the top level)."""
    if re.match(r"[A-Za-z_]", lines[line]) and ":" in lines[line]:
        return None
    for i in range(line - 1, -1, -1):
        m = re.match(r"([A-Za-z_]\w*)\s*:", lines[i])
        if m:
            return m.group(1)
    return None


def _value_key(lines: list[str], line: int, before: str) -> str | None:
    """The key whose value the cursor is in, or None where a key is expected."""
    # Flow style: the last "key:" on the line, unless a new entry ("{" or ",") began
    # after it with no colon yet.
    keys = list(re.finditer(r"([A-Za-z_]\w*)\s*:(?=\s|$|\[|\{)", before))
    if keys:
        last = keys[-1]
        rest = before[last.end() :]
        opened = rest.count("[") - rest.count("]")
        if "{" in rest or (("," in rest) and opened <= 0 and "[" not in rest):
            return None  # "- {id: a, te|": a key of the mapping
        return last.group(1)
    stripped = before.strip()
    if stripped.startswith("- ") or stripped == "-":
        # A block list item: its parent key decides, a line above with less indentation.
        indent = len(before) - len(before.lstrip())
        for i in range(line - 1, -1, -1):
            text = lines[i]
            if not text.strip() or text.lstrip().startswith("#"):
                continue
            own = len(text) - len(text.lstrip())
            if own < indent or (own == indent and not text.lstrip().startswith("-")):
                m = re.match(r"\s*(?:-\s+)?([A-Za-z_]\w*)\s*:\s*$", text)
                if m and m.group(1) not in ("claims", "links", "sources"):
                    return m.group(1)
                return None
    return None


def _scheme_values(model: Any, key: str) -> list[Completion]:
    """Scheme names, premise roles and critical questions from the catalogue (with the
    map's own schemes); roles and questions of the schemes the map uses first."""
    from argmap.analysis.schemes import catalogue_of

    catalogue = catalogue_of(model)
    if key == "answer":
        return [
            Completion("yes", "answer", "", "the inference holds up under the question"),
            Completion("no", "answer", "", "the claim defeats the inference (an undercut)"),
        ]
    if key == "scheme":
        return [
            Completion(s.id, "scheme", s.name, " ".join(q.text for q in s.questions))
            for s in catalogue
        ]
    from argmap.model import SchemePremise

    used = []
    if model is not None:
        used = [catalogue.get(lk.scheme) for lk in model.links if lk.scheme]
    order = dict.fromkeys([*(s.id for s in used if s is not None), *catalogue.by_id])
    ordered = [catalogue.by_id[ident] for ident in order]
    seen: set[str] = set()
    out = []
    for scheme in ordered:
        for item in scheme.premises if key == "role" else scheme.questions:
            ident = item.role if isinstance(item, SchemePremise) else item.id
            if ident not in seen:
                seen.add(ident)
                out.append(Completion(ident, key, scheme.id, item.text))
    return out


def _keys(section: str | None, lines: list[str], line: int, before: str) -> list[Completion]:
    from argmap.model import ArgMap

    schema = ArgMap.model_json_schema()
    if section is None and not before.startswith((" ", "-")):
        props = schema["properties"]
    else:
        model = {"claims": "Claim", "links": "Link", "sources": "Source"}.get(section or "")
        if model is None:
            return []
        props = schema["$defs"][model]["properties"]
    return [
        Completion(name, "key", _type_of(spec), spec.get("description", ""))
        for name, spec in props.items()
    ]


def _type_of(spec: dict) -> str:
    if "$ref" in spec:
        return spec["$ref"].rsplit("/", 1)[-1]
    options = spec.get("anyOf") or [spec]
    kinds = [o.get("type") or o.get("$ref", "").rsplit("/", 1)[-1] for o in options]
    return " | ".join(k for k in kinds if k and k != "null")


def _values(source: Analysis, section: str | None, key: str) -> list[Completion]:
    from argmap.model import ClaimKind, LinkKind

    if key == "kind":
        kinds = LinkKind if section == "links" else ClaimKind
        return [Completion(k.value, "kind") for k in kinds]
    model = source.doc.model if source.doc is not None else None
    if key in ("scheme", "role", "question", "answer"):
        return _scheme_values(model, key)
    if model is None:
        return []
    if key == "link":  # an answer names the support whose question it answers
        return [item for item in _link_items(model) if item.detail.startswith("support")]
    claim_items = [Completion(c.id, "claim", c.kind.value, _short(c.text)) for c in model.claims]
    if key in _CLAIM_LISTS or (section == "links" and key in ("source", "target")):
        items = claim_items
        if key == "target":
            items = items + _link_items(model)
        return items
    if key == "undercuts":
        return _link_items(model)
    if key == "source":
        return [Completion(s.id, "source", s.title or "", s.path or "") for s in model.sources]
    if key == "tags":
        return [
            Completion(t, "tag") for t in dict.fromkeys(t for c in model.claims for t in c.tags)
        ]
    if key == "group":
        groups = dict.fromkeys(lk.group for lk in model.all_links() if lk.group)
        return [Completion(g, "group") for g in groups]
    return []


def _link_items(model: Any) -> list[Completion]:
    return [
        Completion(lk.id, "link", f"{lk.kind}: {lk.source} -> {lk.target}")
        for lk in model.all_links()
    ]


def _short(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- hover, definition, references, rename -----------------------------------------------------


def hover(analysis: Analysis, line: int, col: int) -> str | None:
    """Markdown about the id under the cursor: a claim (text, kind, tags, quote with its
    source and paragraph, grounded label and strength), a link (its ends and kind) or a
    source (title, and whether its text was found); None elsewhere."""
    occ = _at(analysis, line, col)
    if occ is None or analysis.doc is None:
        return None
    model = analysis.doc.model
    if occ.kind == "claim":
        claim = next((c for c in model.claims if c.id == occ.ident), None)
        return _claim_hover(analysis, claim) if claim else None
    if occ.kind == "link":
        link = next((lk for lk in model.all_links() if lk.id == occ.ident), None)
        if link is None:
            return None
        text = f"**LINK `{link.id}`** · {link.kind}: `{link.source}` → `{link.target}`"
        if link.group:
            text += f" (linked premises, group `{link.group}`)"
        if link.note:
            text += f"\n\n{link.note}"
        return text
    if occ.kind == "source":
        src = next((s for s in model.sources if s.id == occ.ident), None)
        if src is None:
            return None
        lines = [f"**SOURCE `{src.id}`** · {src.title}"]
        by = ", ".join(str(x) for x in (src.author, src.date) if x)
        if by:
            lines.append(by)
        if src.path:
            found = analysis.quotes is not None and src.id in analysis.quotes.sources
            lines.append(
                f"text: `{src.path}`" + (" (found)" if found else " (not found: quotes unchecked)")
            )
        if src.url:
            from argmap.wording import linkable

            lines.append(src.url if linkable(src.url) else f"`{src.url}`")
        return "\n\n".join(lines)
    return None


def _claim_hover(analysis: Analysis, claim: Any) -> str:
    head = f"**{claim.kind.value.upper()} `{claim.id}`**"
    verdict = analysis.verdicts.get(claim.id)
    if verdict:
        head += f" · grounded: **{verdict[0]}**"
        if verdict[1] is not None:
            head += f" · strength {verdict[1]:.2f}"
    parts = [head, claim.text]
    if claim.tags:
        parts.append(" ".join(f"#{t}" for t in claim.tags))
    if claim.quote:
        where = claim.source or "no source"
        hit = analysis.quotes.hits.get(claim.id) if analysis.quotes is not None else None
        if hit is not None:
            where += f", ¶{hit.paragraph}"
        elif claim.locator:
            where += f", {claim.locator}"
        parts.append(f"> “{_short(claim.quote, 300)}” — {where}")
    if claim.note:
        parts.append(f"*{claim.note}*")
    return "\n\n".join(parts)


def _at(analysis: Analysis, line: int, col: int):
    if analysis.index is None:
        return None
    return analysis.index.at(analysis.offset(line, col))


def definition(analysis: Analysis, line: int, col: int) -> Span | None:
    """Where the id under the cursor is defined in this text, or None (see
    :func:`definition_elsewhere` for the claims of used maps)."""
    occ = _at(analysis, line, col)
    if occ is None:
        return None
    found = analysis.index.definition(occ.kind, occ.ident)
    return _span(analysis, found.start, found.end) if found else None


def definition_elsewhere(analysis: Analysis, line: int, col: int) -> tuple[Path, Span] | None:
    """For ``NAME:ID`` under the cursor, a claim (or link) of a map this one uses: that
    map's file and where the id is defined there; None otherwise."""
    occ = _at(analysis, line, col)
    if occ is None or analysis.doc is None:
        return None
    name, sep, ident = occ.ident.partition(":")
    use = next((u for u in analysis.doc.model.uses if u.name == name), None) if sep else None
    if use is None:
        return None
    from argmap.operations.validate import read_named_text

    found = read_named_text(analysis.path, use.path)  # inside its project, a regular file
    if found is None:
        return None
    target, text = found
    other = analyse(text, str(target), target)
    found = other.index.definition(occ.kind, ident) if other.index is not None else None
    return (target, _span(other, found.start, found.end)) if found else None


def references(analysis: Analysis, line: int, col: int, *, declaration: bool = True):
    """Every place the id under the cursor is written (its definition too, when
    ``declaration``), as a list of spans."""
    occ = _at(analysis, line, col)
    if occ is None:
        return []
    return [
        _span(analysis, o.start, o.end)
        for o in analysis.index.find(occ.kind, occ.ident)
        if o.end > o.start and (declaration or not o.defines)
    ]


def rename(analysis: Analysis, line: int, col: int, new: str) -> list[tuple[Span, str]]:
    """The edits that rename the id under the cursor to ``new`` everywhere.

    Raises:
        UsageError: nothing renamable is there, ``new`` is not a slug, or it clashes.
    """
    from argmap.analysis.references import rename_edits
    from argmap.errors import UsageError

    occ = _at(analysis, line, col)
    if occ is None:
        raise UsageError("there is no claim, link or source id here to rename")
    edits = rename_edits(analysis.index, occ.kind, occ.ident, new)
    return [(_span(analysis, e.start, e.end), e.new) for e in edits]


def _span(analysis: Analysis, start: int, end: int) -> Span:
    index = analysis.index
    return index.position(start), index.position(end)


# --- diagnostics' ranges, and their fixes -------------------------------------------------------


def diagnostic_range(text: str | list[str], d: Diagnostic) -> Span:
    """The span a diagnostic covers: from its location to the end of the token there
    (a key, an id, a quoted string), or to the end of the line. ``text`` may be given
    as its lines already split (at ``\\n``), for many diagnostics of one text."""
    loc = d.location
    if loc is None or loc.line <= 0:
        return (0, 0), (0, 0)
    line, col = loc.line - 1, max(loc.col - 1, 0)
    lines = text.split("\n") if isinstance(text, str) else text
    if line >= len(lines):
        return (line, 0), (line, 0)
    m = _TOKEN.match(lines[line], col)
    end = m.end() if m and m.end() > col else len(lines[line].rstrip())
    return (line, col), (line, max(end, col))


@dataclass(frozen=True)
class Fix:
    """A code action: a title and the edits that make it (span, new text)."""

    title: str
    edits: list[tuple[Span, str]]
    diagnostic: Diagnostic | None


_SUGGESTION = re.compile(r"did you mean '([^']+)'")
_UNKNOWN_CLAIM = re.compile(r"unknown claim '([^']+)'")


def fixes(analysis: Analysis, diagnostics: list[Diagnostic] | None = None) -> list[Fix]:
    """The fixes for the given diagnostics (default: all of the analysis's): a
    did-you-mean applied (unknown key, id or kind), and a new claim for a reference to a
    claim that does not exist."""
    out: list[Fix] = []
    lines = analysis.text.split("\n")
    for d in analysis.diagnostics if diagnostics is None else diagnostics:
        span = diagnostic_range(lines, d)
        for suggestion in _SUGGESTION.findall(d.hint or ""):
            out.append(Fix(f"Change to '{suggestion}'", [(span, suggestion)], d))
        missing = _UNKNOWN_CLAIM.search(d.message)
        if d.code == "dangling_ref" and missing:
            edit = _add_claim_edit(analysis, missing.group(1))
            if edit is not None:
                out.append(Fix(f"Add a claim '{missing.group(1)}'", [edit], d))
    return out


def review_fixes(analysis: Analysis, span: Span) -> list[Fix]:
    """For a claim drafted by ``argmap draft`` under ``span`` (the cursor, a selection):
    accept it (its ``drafted`` mark goes), or reject it (it goes, with the links that name
    it); and, anywhere in a map with drafted items, accept them all."""
    if analysis.doc is None or analysis.root is None or analysis.index is None:
        return []
    model = analysis.doc.model
    drafted = {c.id for c in model.claims if c.drafted is not None}
    if not drafted and not any(lk.drafted is not None for lk in model.all_links()):
        return []
    out: list[Fix] = []
    for ident, (whole, _) in _claim_spans(analysis).items():
        if ident not in drafted or not (whole[0] <= span[1] and span[0] <= whole[1]):
            continue

        def accept(editor, ident=ident):
            editor.set_field(ident, "drafted", None)

        def reject(editor, ident=ident):
            from argmap.edit.editor import references

            for link_id in references(model, ident):
                editor.remove_link(link_id)
            editor.remove_claim(ident)

        offered = [(f"Accept drafted claim '{ident}'", accept),
                   (f"Reject drafted claim '{ident}' and its links", reject)]  # fmt: skip
        for title, change in offered:
            edit = _edit(analysis, change)
            if edit is not None:
                out.append(Fix(title, [edit], None))

    def accept_all(editor):
        for c in model.claims:
            if c.drafted is not None:
                editor.set_field(c.id, "drafted", None)
        for k, link in enumerate(editor.links()):
            if "drafted" in link:
                editor.set_item_field("links", k, "drafted", None)

    edit = _edit(analysis, accept_all)
    if edit is not None:
        out.append(Fix("Accept every drafted claim and link", [edit], None))
    return out


def _add_claim_edit(analysis: Analysis, ident: str) -> tuple[Span, str] | None:
    """One insertion that adds claim ``ident`` at the end of the claims (through the
    byte-precise editor), or None where the editor cannot."""
    return _edit(analysis, lambda editor: editor.add_claim(
        {"id": ident, "text": f"TODO: what {ident} says"}))  # fmt: skip


def _edit(analysis: Analysis, change) -> tuple[Span, str] | None:
    """One text edit that makes ``change(editor)`` (through the byte-precise editor),
    or None where the editor cannot."""
    from argmap.edit.editor import Editor

    try:
        editor = Editor(analysis.text, analysis.name)
        change(editor)
        new = editor.render()
    except Exception:  # noqa: BLE001 - no fix offered rather than a broken one
        return None
    old = analysis.text
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old, end_new = end_old - 1, end_new - 1
    return (
        (_position(old, start), _position(old, end_old)),
        new[start:end_new],
    )


def _position(text: str, offset: int) -> tuple[int, int]:
    """The 0-based line and character of ``offset``, as the protocol counts them."""
    from argmap.io.positions import line_col

    line, col = line_col(text, offset)
    return line - 1, col - 1


# --- document symbols ---------------------------------------------------------------------------


@dataclass
class Symbol:
    """One entry of the outline: a claim (or a linked group) with what bears on it."""

    name: str
    detail: str
    kind: str  # a claim kind, or "group"
    span: Span
    selection: Span
    children: list[Symbol] = field(default_factory=list)


def formatting(analysis: Analysis) -> list[tuple[Span, str]]:
    r"""The edit that gives the map ``argmap fmt``'s layout: the whole text replaced, or
    nothing when it is laid out already, or is not a map that reads (a broken map is left
    as typed; its diagnostics say what is wrong).

    Examples:
        >>> a = analyse("title: T\nclaims:\n  - {text: C, id: c}\n", "m.yaml")
        >>> formatting(a)
        [(((0, 0), (3, 0)), 'title: T\nclaims:\n  - {id: c, text: C}\n')]
        >>> formatting(analyse(formatting(a)[0][1], "m.yaml"))
        []
    """
    if analysis.doc is None:
        return []
    from argmap.errors import MapError
    from argmap.io.files import Input
    from argmap.operations.edit import formatted

    suffix = analysis.path.suffix.lower() if analysis.path is not None else ""
    try:
        text = formatted(Input(analysis.text, analysis.name, suffix, analysis.path))
    except MapError:
        return []
    if text == analysis.text:
        return []
    lines = analysis.text.split("\n")
    return [(((0, 0), (len(lines) - 1, len(lines[-1]))), text)]


def symbols(analysis: Analysis) -> list[Symbol]:
    """The conclusions with their reasons, as an outline (each claim under the first
    place it is reached; claims bearing on no conclusion at the end)."""
    if analysis.graph is None or analysis.index is None or analysis.root is None:
        return _flat_symbols(analysis)
    from argmap.analysis.outline import outline

    spans = _claim_spans(analysis)

    def convert(node) -> Symbol | None:
        if node.ref:
            return None
        kids = [s for s in (convert(c) for c in node.children) if s is not None]
        if node.id is None:  # a linked group
            first = kids[0].span if kids else ((0, 0), (0, 0))
            return Symbol(
                f"together ({node.group})", "linked premises", "group", first, first, kids
            )
        claim = analysis.graph.nodes[node.id]["claim"]
        span, selection = spans.get(node.id, (((0, 0), (0, 0)), ((0, 0), (0, 0))))
        sign = {"support": "+ ", "attack": "− ", "undercut": "⊘ "}.get(str(node.link or ""), "")
        return Symbol(
            f"{sign}{node.id}", _short(claim.text, 80), claim.kind.value, span, selection, kids
        )

    return [s for s in (convert(t) for t in outline(analysis.graph)) if s is not None]


def _claim_spans(analysis: Analysis) -> dict[str, tuple[Span, Span]]:
    import yaml

    out: dict[str, tuple[Span, Span]] = {}
    claims = next((v for k, v in analysis.root.value if k.value == "claims"), None)
    if not isinstance(claims, yaml.SequenceNode):
        return out
    index = analysis.index
    for node in claims.value:
        ident = next(
            (v for k, v in getattr(node, "value", []) if getattr(k, "value", None) == "id"),
            None,
        )
        if isinstance(ident, yaml.ScalarNode):
            whole = (index.position(node.start_mark.index), index.position(node.end_mark.index))
            name = (
                index.position(ident.start_mark.index),
                index.position(ident.end_mark.index),
            )
            out.setdefault(ident.value, (whole, name))
    return out


def _flat_symbols(analysis: Analysis) -> list[Symbol]:
    """Without a graph (the map has reference errors): the claims, as a flat list."""
    if analysis.index is None or analysis.doc is None:
        return []
    out = []
    kinds = {c.id: c for c in analysis.doc.model.claims}
    for occ in analysis.index.occurrences:
        if occ.kind == "claim" and occ.defines and occ.ident in kinds:
            span = _span(analysis, occ.start, occ.end)
            claim = kinds[occ.ident]
            out.append(Symbol(occ.ident, _short(claim.text, 80), claim.kind.value, span, span))
    return out
