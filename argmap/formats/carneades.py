"""Carneades 4 (CAES) argument graphs in YAML, read into an argmap map.

How the parts map:

- statements become claims (text kept; ids made into slugs, e.g. ``¬app(a1)`` ->
  ``not-app-a1``, the original id in the note); assumed statements (the ``assumptions``
  list, or ``assumed: true``) become claims of kind ``assumption``;
- a statement that is neither assumed nor the conclusion of any argument becomes a
  ``question``: argmap never takes a question as given, as Carneades never takes an
  unassumed statement as in;
- an argument becomes a linked group of support links from its premises to its conclusion
  (a single link when it has one premise, separate links for ``scheme: convergent``; an
  argument with no premises gets a claim of its own, "argument X applies", kind
  ``assumption``); its ``undercutter`` undercuts it;
- the positions of an issue attack each other (a pro argument for one position is a con
  argument for the others).

Not carried: argument weights, proof standards and the other schemes (``cumulative``
arguments are read as linked), and the rule languages
(``language``, ``argument_schemes``, ``issue_schemes``, ``weighing_functions``): a file
using the latter is refused, since its labels depend on them.

Examples:
    >>> m = parse("statements: {p: P, q: Q}\\narguments: {a1: {conclusion: q, premises: [p]}}\\n"
    ...           "assumptions: [p]\\n")
    >>> [(c.id, c.kind.value) for c in m.claims]
    [('p', 'assumption'), ('q', 'claim')]
    >>> [(lk.source, lk.target, lk.id) for lk in m.links]
    [('p', 'q', 'a1')]
"""

from __future__ import annotations

from typing import Any

from argmap.errors import MapError
from argmap.model import ArgMap
from argmap.model.ids import UniqueIds
from argmap.model.ids import slug as ids_slug

__all__ = ["parse", "slug", "UNSUPPORTED_KEYS"]

UNSUPPORTED_KEYS = ("language", "argument_schemes", "issue_schemes", "weighing_functions")


def slug(ident: Any) -> str:
    """A Carneades id as an argmap id (``¬`` read as ``not-``).

    Examples:
        >>> slug("¬app(a1)"), slug("a1.2"), slug("ä")
        ('not-app-a1', 'a1-2', 'a')
    """
    return ids_slug(str(ident).replace("¬", "not-"))


#: The most positions an issue may have: every position attacks every other, so an issue
#: of n positions makes n x (n - 1) attacks.
MAX_POSITIONS = 300


def _mapping(value: Any, what: str, name: str) -> dict:
    """``value`` when it is a mapping (nothing: an empty one); else a one-line error."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise MapError.at(name, f"{what} must be a mapping, not {_shape(value)}")
    return value


def _list(value: Any, what: str, name: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise MapError.at(name, f"{what} must be a list, not {_shape(value)}")
    return value


def _shape(value: Any) -> str:
    return {str: "text", int: "a number", float: "a number", bool: "true or false",
            list: "a list", dict: "a mapping"}.get(type(value), type(value).__name__)  # fmt: skip


def _ident(value: Any, what: str, name: str) -> str:
    """A statement id: text or a number, never a structure."""
    if isinstance(value, (dict, list)) or value is None:
        raise MapError.at(name, f"{what} must be a statement id, not {_shape(value)}")
    return str(value)


def parse(text: str, name: str = "<carneades>") -> ArgMap:
    """Read a Carneades 4 YAML argument graph.

    Raises:
        MapError: not YAML, not a Carneades graph, or it relies on a rule language.
    """
    from argmap.io.yamltext import load as load_yaml

    data = load_yaml(text, name)  # bounded: an alias bomb is refused, not expanded
    if not isinstance(data, dict):
        raise MapError.at(name, "not a Carneades argument graph (not a mapping)")
    used = [k for k in UNSUPPORTED_KEYS if data.get(k)]
    if used:
        raise MapError.at(name, f"uses {', '.join(used)}, which argmap does not evaluate")
    if "statements" not in data:
        raise MapError.at(name, "not a Carneades argument graph (no 'statements')")
    ids: dict[str, str] = {}
    unique = UniqueIds()

    def claim_id(ident: Any) -> str:
        key = str(ident)
        if key not in ids:
            ids[key] = unique(key.replace("¬", "not-"))
        return ids[key]

    statements = _mapping(data.get("statements"), "statements", name)
    arguments = _mapping(data.get("arguments"), "arguments", name)
    for key, arg in arguments.items():
        arg = _mapping(arg, f"argument {key}", name)
        if "conclusion" not in arg:
            raise MapError.at(name, f"argument {key} has no conclusion")
        _ident(arg["conclusion"], f"the conclusion of argument {key}", name)
        for p in _premises(arg, f"argument {key}", name):
            _ident(p, f"a premise of argument {key}", name)
        if arg.get("undercutter") is not None:
            _ident(arg["undercutter"], f"the undercutter of argument {key}", name)
    assumed = {
        _ident(s, "an assumption", name)
        for s in _list(data.get("assumptions"), "assumptions", name)
    }
    texts: dict[str, str] = {}
    for key, value in statements.items():
        if isinstance(value, dict):
            texts[str(key)] = str(value.get("text") or key).strip()
            if value.get("assumed"):
                assumed.add(str(key))
        else:
            texts[str(key)] = str(value if value is not None else key).strip()
    concluded = {str(a.get("conclusion")) for a in arguments.values() if isinstance(a, dict)}
    for a in arguments.values():  # statements named only in arguments still count
        for s in _premises(a, "", name) + [a.get("conclusion"), a.get("undercutter")]:
            if s is not None:
                texts.setdefault(str(s), str(s))
    claims = []
    for key, body in texts.items():
        if key in assumed:
            kind = "assumption"
        elif key in concluded:
            kind = "claim"
        else:
            kind = "question"
        cid = claim_id(key)
        claims.append(
            {
                "id": cid,
                "text": body or key,
                "kind": kind,
                **({"note": f"Carneades id: {key}"} if cid != key else {}),
            }
        )
    links: list[dict[str, Any]] = []
    for arg_key, arg in arguments.items():
        arg_id = slug(arg_key)
        premises = [claim_id(p) for p in _premises(arg, "", name)]
        target = claim_id(arg["conclusion"])
        if not premises:
            applies = claim_id(f"{arg_key}-applies")
            claims.append(
                {"id": applies, "text": f"Argument {arg_key} applies.", "kind": "assumption"}
            )
            premises = [applies]
        if len(premises) == 1 or arg.get("scheme") == "convergent":
            # A convergent argument's premises each support the conclusion on their own.
            single = [
                {
                    "id": arg_id if len(premises) == 1 else f"{arg_id}.{i}",
                    "source": p,
                    "target": target,
                }
                for i, p in enumerate(premises, 1)
            ]
            links += single
            first = single[0]["id"]
        else:
            group = [
                {"id": f"{arg_id}.{i}", "source": p, "target": target, "group": arg_id}
                for i, p in enumerate(premises, 1)
            ]
            links += group
            first = group[0]["id"]
        if arg.get("undercutter") is not None:
            links.append(
                {"source": claim_id(arg["undercutter"]), "target": first, "kind": "undercut"}
            )
    for key, issue in _mapping(data.get("issues"), "issues", name).items():
        issue = _mapping(issue, f"issue {key}", name)
        given = _list(issue.get("positions"), f"the positions of issue {key}", name)
        if len(given) > MAX_POSITIONS:
            raise MapError.at(
                name, f"issue {key} has {len(given)} positions; at most {MAX_POSITIONS}"
            )
        positions = [claim_id(_ident(p, f"a position of issue {key}", name)) for p in given]
        for a in positions:
            for b in positions:
                if a != b:
                    links.append({"source": a, "target": b, "kind": "attack"})
    meta = _mapping(data.get("meta"), "meta", name)
    title = str(meta.get("title") or name).strip()
    return ArgMap.model_validate({"title": title, "claims": claims, "links": links})


def _premises(arg: Any, what: str = "", name: str = "<carneades>") -> list[Any]:
    premises = arg.get("premises") if isinstance(arg, dict) else None
    if isinstance(premises, dict):
        return list(premises.values())
    if premises is not None and not isinstance(premises, list):
        raise MapError.at(
            name, f"the premises of {what or 'an argument'} must be a list or a mapping"
        )
    return list(premises or [])
