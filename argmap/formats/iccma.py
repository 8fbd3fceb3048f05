"""Abstract argumentation frameworks in the ICCMA formats: APX, TGF and ICCMA'23 (.i23).

- APX (ASPARTIX): ``arg(a).`` and ``att(a,b).`` facts, one a line; ``%`` starts a comment.
- TGF: argument names one a line, a line ``#``, then ``a b`` per attack.
- ICCMA'23: a header ``p af N`` (arguments 1..N), then ``a b`` per attack; ``#`` comments.

Each syntax has ``parse_*`` (text -> :class:`Framework`) and ``dump_*`` (the reverse);
``parse`` picks by name. Problems are reported as ``FILE:LINE:COL`` diagnostics. Large
files (millions of attacks) are read with whole-text scans, not a loop per line.

Examples:
    >>> F = parse_apx("arg(a).\\narg(b).\\natt(a,b).\\n", "t.apx")
    >>> F.names, F.attack_pairs()
    (['a', 'b'], [('a', 'b')])
    >>> print(dump_i23(F), end="")
    p af 2
    1 2
"""

from __future__ import annotations

import re

from argmap.errors import MapError
from argmap.semantics.framework import Framework

__all__ = [
    "SYNTAXES",
    "SUFFIXES",
    "parse",
    "dump",
    "parse_apx",
    "parse_tgf",
    "parse_i23",
    "dump_apx",
    "dump_tgf",
    "dump_i23",
]

SYNTAXES = ("apx", "tgf", "i23")
from argmap.formats.registry import FRAMEWORKS as SUFFIXES  # noqa: E402  (one table)

_NAME = r"[^\s,()%.]+(?:\.[^\s,()%.]+)*"
_ARG = re.compile(rf"^[ \t]*arg\([ \t]*({_NAME})[ \t]*\)[ \t]*\.[ \t]*$", re.M)
_ATT = re.compile(
    rf"^[ \t]*att\([ \t]*({_NAME})[ \t]*,[ \t]*({_NAME})[ \t]*\)[ \t]*\.[ \t]*$", re.M
)


def _fail(name: str, line: int, message: str) -> MapError:
    return MapError.at(name, message, line=line, code="syntax")


def _content_lines(text: str, comment: str) -> list[tuple[int, str]]:
    out = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split(comment, 1)[0].strip()
        if line:
            out.append((number, line))
    return out


def parse(text: str, name: str, syntax: str) -> Framework:
    """Parse ``text`` in one of :data:`SYNTAXES`."""
    return {"apx": parse_apx, "tgf": parse_tgf, "i23": parse_i23}[syntax](text, name)


def dump(F: Framework, syntax: str) -> str:
    """Write a framework in one of :data:`SYNTAXES`."""
    return {"apx": dump_apx, "tgf": dump_tgf, "i23": dump_i23}[syntax](F)


def _check_names(F_names: list[str], attacks: list[tuple[str, str]], name: str, text: str) -> None:
    known = set(F_names)
    if len(known) != len(F_names):
        seen: set[str] = set()
        for arg in F_names:
            if arg in seen:
                raise _fail(name, _line_of(text, arg), f"argument {arg!r} is declared twice")
            seen.add(arg)
    for a, b in attacks:
        for arg in (a, b):
            if arg not in known:
                raise _fail(name, _line_of(text, arg), f"attack names undeclared argument {arg!r}")


def _line_of(text: str, word: str) -> int:
    match = re.search(rf"(?<![^\s(,]){re.escape(word)}(?![^\s),])", text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def parse_apx(text: str, name: str = "<apx>") -> Framework:
    """Parse APX facts."""
    clean = re.sub(r"%[^\n]*", "", text) if "%" in text else text
    names = _ARG.findall(clean)
    pairs = _ATT.findall(clean)
    statements = sum(1 for line in clean.splitlines() if line.strip())
    if statements != len(names) + len(pairs):
        for number, line in _content_lines(clean, "%"):
            if not (_ARG.match(line) or _ATT.match(line)):
                raise _fail(
                    name, number, f"not an APX fact: {line[:60]!r} (expected arg(a). or att(a,b).)"
                )
    _check_names(names, pairs, name, clean)
    return Framework.from_pairs(names, pairs)


def parse_tgf(text: str, name: str = "<tgf>") -> Framework:
    """Parse TGF: node lines, ``#``, edge lines (labels after the first word are ignored)."""
    names: list[str] = []
    pairs: list[tuple[str, str]] = []
    edges = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line == "#":
            if edges:
                raise _fail(name, number, "a second '#' line")
            edges = True
            continue
        words = line.split()
        if not edges:
            names.append(words[0])
        elif len(words) < 2:
            raise _fail(name, number, f"an attack line needs two arguments: {line[:60]!r}")
        else:
            pairs.append((words[0], words[1]))
    _check_names(names, pairs, name, text)
    return Framework.from_pairs(names, pairs)


#: The most arguments an ICCMA'23 header may declare: they are all made, attacked or
#: not, so a tiny file could otherwise ask for gigabytes (2,000,000 take about 1.5 GB).
MAX_ARGUMENTS = 2_000_000


def parse_i23(text: str, name: str = "<i23>") -> Framework:
    """Parse the ICCMA'23 format (``p af N`` then ``a b`` lines; arguments are 1..N)."""
    if "#" in text:
        text = re.sub(r"#[^\n]*", "", text)
    header = re.match(r"\s*p\s+af\s+([0-9]+)[ \t]*(?:\n|$)", text)
    if not header:
        raise _fail(name, 1, "expected the header 'p af N'")
    digits = header.group(1)
    if len(digits) > 9 or int(digits) > MAX_ARGUMENTS:
        raise _fail(
            name,
            1,
            f"declares {digits if len(digits) <= 20 else digits[:20] + '…'} arguments; "
            f"argmap reads at most {MAX_ARGUMENTS:,}",
        )
    n = int(digits)
    body = text[header.end() :].split()
    if len(body) % 2:
        raise _fail(name, text.count("\n") + 1, "an attack line needs two arguments")
    # Argument numbers are ASCII digits: int() would also take "1_000", "+5" and other
    # scripts' digits, and str.isdigit() takes "²", which int() refuses.
    bad = next((w for w in body if not (w.isascii() and w.isdigit())), None)
    if bad is not None:
        raise _fail(name, _line_of(text, bad), f"not an argument number: {bad[:40]!r}")
    numbers = list(map(int, body))
    if numbers and (min(numbers) < 1 or max(numbers) > n):
        outside = next(x for x in numbers if not 1 <= x <= n)
        raise _fail(name, _line_of(text, str(outside)), f"argument {outside} is outside 1..{n}")
    # Attacks stay two flat lists of numbers (0-based): no pair objects for millions of lines.
    sources = [x - 1 for x in numbers[0::2]]
    dests = [x - 1 for x in numbers[1::2]]
    return Framework([str(i) for i in range(1, n + 1)], sources=sources, dests=dests)


def dump_apx(F: Framework) -> str:
    """APX facts: every argument, then every attack."""
    lines = [f"arg({a})." for a in F.names] + [f"att({a},{b})." for a, b in F.attack_pairs()]
    return "\n".join(lines) + "\n"


def dump_tgf(F: Framework) -> str:
    """TGF: names, ``#``, attacks."""
    return "\n".join([*F.names, "#", *(f"{a} {b}" for a, b in F.attack_pairs())]) + "\n"


def dump_i23(F: Framework) -> str:
    """ICCMA'23: arguments renumbered 1..N in order (names are not kept)."""
    return "\n".join([f"p af {F.n}", *(f"{a + 1} {b + 1}" for a, b in F.attacks)]) + "\n"
