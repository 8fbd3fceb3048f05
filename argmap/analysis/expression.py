"""The expression language of ``argmap claims --where``: filters joined by and, or, not.

An expression is made of conditions, each one filter of :class:`argmap.analysis.query.ClaimFilter`:
``text:WORDS``, ``regex:PATTERN``, ``tag:TAG``, ``kind:KIND``, ``source:ID``,
``supports:ID``, ``attacks:ID``, ``supported-by:ID``, ``attacked-by:ID``,
``min-confidence:X``, and the flags ``unsupported``, ``unattacked``, ``contested``,
``roots``, ``leaves``. A value with spaces or parentheses is quoted: ``text:"price cap"``.
Conditions combine with ``not`` (first), ``and``, then ``or``; parentheses group.

:func:`parse` turns the text into a tree (or raises :class:`~argmap.errors.UsageError`
naming the column); :func:`matching` answers it with the ids of the claims that pass,
computing each condition once with :func:`argmap.analysis.query.find_claims`.

Examples:
    >>> from argmap.formats.native import loads
    >>> from argmap.graph import build_graph
    >>> G = build_graph(loads('''
    ... title: t
    ... claims:
    ...   - {id: c, text: Conclusion, kind: conclusion}
    ...   - {id: p, text: Trade with China, supports: [c], tags: [china]}
    ...   - {id: k, text: Talks with Kim, supports: [c], tags: [korea]}
    ...   - {id: o, text: Objection, kind: objection, attacks: [p]}
    ... '''))
    >>> sorted(matching(G, parse("(tag:china or tag:korea) and not contested")))
    ['k']
    >>> parse('kind:evidence and text:"price cap"')
    ('and', ('is', 'kinds', 'evidence'), ('is', 'text', 'price cap'))
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from argmap.errors import UsageError, did_you_mean

if TYPE_CHECKING:
    import networkx as nx

    from argmap.model import ArgMap

__all__ = [
    "FIELDS",
    "FLAGS",
    "ExpressionError",
    "parse",
    "matching",
    "named_claims",
    "needs_graph",
]


class ExpressionError(UsageError):
    """A filter expression that does not read; the front end says which option gave it
    (the command line prefixes ``--where:``)."""

    option = "--where"


#: Condition name -> the ClaimFilter field it sets.
FIELDS = {
    "text": "text",
    "regex": "pattern",
    "tag": "tags",
    "kind": "kinds",
    "source": "source",
    "supports": "supports",
    "attacks": "attacks",
    "supported-by": "supported_by",
    "attacked-by": "attacked_by",
    "min-confidence": "min_confidence",
}
#: A value of each condition, for messages.
FIELD_EXAMPLES = {"text": "tariff", "regex": "'^Japan'", "tag": "china", "kind": "evidence",
                  "source": "panda2025", "min-confidence": "0.5"}  # fmt: skip
#: Conditions without a value.
FLAGS = ("unsupported", "unattacked", "contested", "roots", "leaves")
_WORDS = ("and", "or", "not")
_TOKEN = re.compile(r'\s*(?:(\()|(\))|"((?:[^"\\]|\\.)*)"|([^\s()"]+))')

#: A parsed expression: ("is", field, value), ("flag", name), ("not", e), ("and", a, b),
#: ("or", a, b).
Expr = tuple


def _tokens(text: str) -> list[tuple[str, str, int]]:
    """(kind, value, column) for each token: "(", ")", "str" (quoted) or "word"."""
    out = []
    pos = 0
    while pos < len(text):
        if not text[pos:].strip():
            break
        m = _TOKEN.match(text, pos)
        if not m:
            raise ExpressionError(f"unclosed quote at column {pos + 1}")
        col = m.start() + len(m.group(0)) - len(m.group(0).lstrip()) + 1
        if m.group(1):
            out.append(("(", "(", col))
        elif m.group(2):
            out.append((")", ")", col))
        elif m.group(3) is not None:
            out.append(("str", re.sub(r"\\(.)", r"\1", m.group(3)), col))
        else:
            out.append(("word", m.group(4), col))
        pos = m.end()
    return out


#: How deep parentheses may nest (a bound, so that no expression exhausts the stack).
MAX_NESTING = 100


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
        self.i = 0
        self.depth = 0

    def peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> tuple[str, str, int]:
        tok = self.peek()
        if tok is None:
            raise ExpressionError("the expression ends too soon")
        self.i += 1
        return tok

    def is_word(self, word: str) -> bool:
        tok = self.peek()
        return tok is not None and tok[0] == "word" and tok[1].lower() == word

    def expression(self) -> Expr:
        left = self.conjunction()
        while self.is_word("or"):
            self.take()
            left = ("or", left, self.conjunction())
        return left

    def conjunction(self) -> Expr:
        left = self.negation()
        while self.is_word("and"):
            self.take()
            left = ("and", left, self.negation())
        return left

    def negation(self) -> Expr:
        nots = 0
        while self.is_word("not"):  # read as a run: "not not x" is x
            self.take()
            nots += 1
        inner = self.condition()
        return ("not", inner) if nots % 2 else inner

    def condition(self) -> Expr:
        kind, value, col = self.take()
        if kind == "(":
            self.depth += 1
            if self.depth > MAX_NESTING:
                raise ExpressionError(
                    f"parentheses nest more than {MAX_NESTING} deep at column {col}"
                )
            inner = self.expression()
            self.depth -= 1
            close = self.peek()
            if close is None or close[0] != ")":
                raise ExpressionError(f"'(' at column {col} is not closed")
            self.take()
            return inner
        if kind != "word" or value.lower() in _WORDS:
            raise ExpressionError(f"expected a condition at column {col}, found {value!r}")
        name, colon, rest = value.partition(":")
        name = name.lower()
        if not colon:
            if name in FLAGS:
                return ("flag", name)
            if name in FIELDS:
                raise ExpressionError(
                    f"condition {name!r} at column {col} needs a value: {name}:VALUE "
                    f"(e.g. {name}:{FIELD_EXAMPLES.get(name, 'x')})"
                )
            raise ExpressionError(
                f"unknown condition {value!r} at column {col}",
                hint=did_you_mean(name, [*FIELDS, *FLAGS]),
            )
        if name not in FIELDS:
            raise ExpressionError(
                f"unknown condition {name!r} at column {col}",
                hint=did_you_mean(name, [*FIELDS, *FLAGS]),
            )
        if not rest:  # the value is the next token, quoted
            nxt = self.peek()
            if nxt is None or nxt[0] != "str" or nxt[2] != col + len(value):
                raise ExpressionError(f"{name}: needs a value at column {col}")
            rest = self.take()[1]
        return ("is", FIELDS[name], rest)


def parse(text: str) -> Expr:
    """The tree of an expression.

    Raises:
        UsageError: the expression is malformed (the column is named).
    """
    p = _Parser(text)
    if p.peek() is None:
        raise ExpressionError("the expression is empty")
    tree = p.expression()
    left = p.peek()
    if left is not None:
        raise ExpressionError(f"unexpected {left[1]!r} at column {left[2]}")
    return tree


def _filter(cond: Expr):
    """The ClaimFilter of one condition."""
    from argmap.analysis.query import ClaimFilter

    if cond[0] == "flag":
        return ClaimFilter(**{cond[1]: True})  # type: ignore[arg-type]  # a flag's name
    _, field, value = cond
    args: dict[str, Any]
    if field == "kinds":
        from argmap.analysis.query import parse_kinds

        try:
            args = {"kinds": parse_kinds([value])}
        except UsageError as exc:
            raise ExpressionError(exc.message, hint=exc.hint) from None
    elif field == "tags":
        args = {"tags": (value,)}
    elif field == "pattern":
        from argmap.analysis.query import Pattern

        try:
            args = {"pattern": Pattern(value)}
        except UsageError as exc:
            raise ExpressionError(f"regex {exc.message}", hint=exc.hint) from None
    elif field == "min_confidence":
        try:
            args = {"min_confidence": float(value)}
        except ValueError:
            raise ExpressionError(f"min-confidence {value!r} is not a number") from None
    else:
        args = {field: value}
    return ClaimFilter(**args)


def _conditions(expr: Expr) -> list[Expr]:
    found, stack = [], [expr]
    while stack:  # a loop, not recursion: a chain of 3,000 "and"s is 3,000 deep
        e = stack.pop()
        if e[0] in ("is", "flag"):
            found.append(e)
        else:
            stack.extend(reversed(e[1:]))
    return found


def _chain(e: Expr, op: str) -> list[Expr]:
    """The operands of a run of one operator (``a and b and c``), in order."""
    items, stack = [], [e]
    while stack:
        x = stack.pop()
        if x[0] == op:
            stack.extend([x[2], x[1]])
        else:
            items.append(x)
    return items


def named_claims(expr: Expr) -> list[str]:
    """The claim ids the expression names (in supports:ID and the like)."""
    return [i for c in _conditions(expr) for i in _filter(c).named_claims]


def needs_graph(expr: Expr) -> bool:
    """Whether some condition asks about links."""
    return any(_filter(c).needs_graph for c in _conditions(expr))


def matching(G: nx.MultiDiGraph | ArgMap, expr: Expr) -> set[str]:
    """The ids of the claims the expression holds for (each condition asked once). A
    map (rather than its graph) answers only conditions on the claims themselves."""
    from argmap.analysis.query import find_claims
    from argmap.model import ArgMap

    universe = {c.id for c in G.claims} if isinstance(G, ArgMap) else set(G.nodes)
    answers: dict[Expr, set[str]] = {}

    def walk(e: Expr) -> set[str]:
        op = e[0]
        if op in ("is", "flag"):
            if e not in answers:
                f = _filter(e)
                # A claim this map lacks stands in no relation here.
                missing = any(i not in universe for i in f.named_claims)
                answers[e] = set() if missing else {c.id for c in find_claims(G, f)}
            return answers[e]
        if op == "not":
            return universe - walk(e[1])
        parts = [walk(x) for x in _chain(e, op)]
        return set.intersection(*parts) if op == "and" else set.union(*parts)

    return walk(expr)
