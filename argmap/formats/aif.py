"""AIF (the Argument Interchange Format) as AIFdb JSON: ``{"nodes": [...], "edges": [...]}``.

Reading:

- I-nodes (information) become claims; an I-node that some inference concludes and that
  is premise of nothing becomes a conclusion;
- an RA node (inference) becomes support: one link per premise, grouped (linked premises)
  when there are several;
- a CA node (conflict) becomes an attack, or, aimed at an RA or CA node, an undercut of that
  support or attack;
- MA nodes (rephrase) and the dialogue layer (L, YA, TA and other locution nodes) have no
  place in an argmap map: they are dropped and counted in the map's description.

Writing is the reverse: claims are I-nodes (their ids kept as node ids), each support (a
linked group as one) an RA node, each attack a CA node, each undercut a CA node aimed at the
RA or CA node of the link it attacks. Text round-trips; ids of links do not (AIF names nodes,
not edges), but every link's kind and ends do.

Examples:
    >>> m = parse('{"nodes": [{"nodeID": "1", "text": "C", "type": "I"},'
    ...           '{"nodeID": "2", "text": "P", "type": "I"}, {"nodeID": "3", "type": "RA"}],'
    ...           '"edges": [{"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"}]}')
    >>> [(c.id, c.kind.value) for c in m.claims], [(lk.source, lk.target) for lk in m.links]
    ([('1', 'conclusion'), ('2', 'claim')], [('2', '1')])
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from argmap.errors import Diagnostic, Location, MapError
from argmap.model import CLAIM_ID_PATTERN, ArgMap
from argmap.model.ids import fit, slug

if TYPE_CHECKING:
    from argmap.formats.registry import Drawing
    from argmap.model.document import Document

__all__ = ["write", "parse", "dump", "from_nodes", "to_nodes", "LOSSES"]

#: What an AIF file cannot carry from an argmap map (see argmap.formats.FEATURES).
LOSSES = {
    "kinds", "labels", "tags", "quotes", "sources", "confidence", "link-notes", "link-ids",
    "metadata", "roles", "answers", "reconstructed",
}  # fmt: skip
_ID = re.compile(CLAIM_ID_PATTERN)


def objects(text: str, name: str, data: dict, key: str, what: str) -> list[dict]:
    """The list of objects under ``key`` of a JSON document (AIF, SADFace); a located
    error for a list that is not one, or an item that is not an object."""
    given = data.get(key) or []
    if not isinstance(given, list):
        raise _shape_error(text, name, (key,), f"{key!r} must be a list")
    for i, item in enumerate(given):
        if not isinstance(item, dict):
            raise _shape_error(text, name, (key, i), f"{what} must be an object")
    return given


def _shape_error(text: str, name: str, path: tuple, message: str) -> MapError:
    """A located error about the shape of a JSON document (AIF, SADFace): at the place of
    ``path`` in ``text``."""
    from argmap.formats.native import json_positions

    line, col = json_positions(text)(path, False)
    return MapError([Diagnostic("bad_value", "error", message, Location(name, line, col))])


def parse(text: str, name: str = "<aif>") -> ArgMap:
    """Read AIFdb JSON (or the AIF part of xAIF) into a map."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MapError(
            [
                Diagnostic(
                    "syntax",
                    "error",
                    f"invalid JSON: {exc.msg}",
                    Location(name, exc.lineno, exc.colno),
                )
            ]
        ) from None
    if isinstance(data, dict) and isinstance(data.get("AIF"), dict):
        data = data["AIF"]  # xAIF wraps AIF
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise MapError.at(name, "not AIF: expected an object with 'nodes' and 'edges'")
    nodes = {str(n.get("nodeID")): n for n in objects(text, name, data, "nodes", "a node")}
    given = objects(text, name, data, "edges", "an edge")
    edges = [(str(e.get("fromID")), str(e.get("toID"))) for e in given]
    return from_nodes(nodes, edges, name.rsplit("/", 1)[-1], name)


def from_nodes(
    nodes: dict[str, dict], edges: list[tuple[str, str]], title: str, name: str
) -> ArgMap:
    """A map from AIF-shaped nodes (``type`` I, RA, CA, ...; ``text``) and edges; also used
    by the readers of other node-and-scheme formats (SADFace)."""
    into: dict[str, list[str]] = {}
    out_of: dict[str, list[str]] = {}
    for a, b in edges:
        out_of.setdefault(a, []).append(b)
        into.setdefault(b, []).append(a)
    kind_of = {i: str(n.get("type", "")).upper() for i, n in nodes.items()}
    ids: dict[str, str] = {}
    for i in nodes:
        if kind_of[i] == "I":
            ids[i] = fit(i if _ID.match(i) else "i" + re.sub(r"[^A-Za-z0-9_-]+", "-", i).strip("-"))

    def premises(s: str) -> list[str]:
        return [ids[p] for p in into.get(s, []) if kind_of.get(p) == "I"]

    links: list[dict[str, Any]] = []
    schemes = _SchemeNames()
    ra_links: dict[str, list[str]] = {}
    concluded: set[str] = set()
    used_as_premise: set[str] = set()
    dropped: Counter = Counter()
    for s in nodes:
        if kind_of[s] != "RA":
            continue
        prem = premises(s)
        targets = [ids[t] for t in out_of.get(s, []) if kind_of.get(t) == "I"]
        if not prem or not targets:
            dropped["RA without premise or conclusion"] += 1
            continue
        scheme = schemes.read(nodes[s])
        for target in targets:
            group = _node_slug(f"RA{s}") if len(prem) > 1 else None
            made = []
            for k, p in enumerate(prem, 1):
                lid = fit(
                    f"RA{s}" if len(prem) == 1 and len(targets) == 1 else f"RA{s}.{target}.{k}",
                    500,
                )
                links.append(
                    {
                        "id": lid,
                        "source": p,
                        "target": target,
                        "kind": "support",
                        **(
                            {
                                "group": _node_slug(f"{group}-{target}")
                                if len(targets) > 1
                                else group
                            }
                            if group
                            else {}
                        ),
                        **({"scheme": scheme} if scheme and k == 1 else {}),
                    }
                )
                made.append(lid)
            ra_links.setdefault(s, []).extend(made)
            concluded.add(target)
            used_as_premise.update(prem)
    # Conflicts become links in rounds: one aimed at another conflict waits until that one
    # is a link, so chains of undercuts of any length resolve.
    ca_links: dict[str, str] = {}
    pending = [s for s in nodes if kind_of[s] == "CA"]
    while pending:
        waiting = []
        for s in pending:
            attackers = premises(s)
            if not attackers:
                dropped["CA without attacker"] += 1
                continue
            targets = out_of.get(s, [])
            if any(kind_of.get(t) == "CA" and t not in ca_links for t in targets):
                waiting.append(s)
                continue
            for t in targets:
                for a in attackers:
                    if kind_of.get(t) == "I":
                        lid, target, kind = fit(f"CA{s}.{ids[t]}.{a}", 500), ids[t], "attack"
                    elif kind_of.get(t) == "CA":
                        lid, target, kind = fit(f"CA{s}.{a}", 500), ca_links[t], "undercut"
                    elif kind_of.get(t) == "RA" and t in ra_links:
                        lid, target, kind = fit(f"CA{s}.{a}", 500), ra_links[t][0], "undercut"
                    else:
                        dropped[f"CA aimed at a {kind_of.get(t) or 'missing'} node"] += 1
                        continue
                    links.append({"id": lid, "source": a, "target": target, "kind": kind})
                    ca_links.setdefault(s, lid)
                    used_as_premise.add(a)
        if len(waiting) == len(pending):
            dropped["CA in a circle of conflicts"] += len(waiting)
            break
        pending = waiting
    for s in nodes:
        if kind_of[s] not in ("I", "RA", "CA"):
            dropped[f"{kind_of[s] or 'untyped'} node"] += 1
    claims = []
    for i, node in nodes.items():
        if kind_of[i] != "I":
            continue
        cid = ids[i]
        kind = "conclusion" if cid in concluded and cid not in used_as_premise else "claim"
        text = str(node.get("text") or "") or "(no text)"
        claims.append({"id": cid, "text": text, "kind": kind})
    notes = []
    if dropped:
        notes.append(
            "Imported from AIF; not carried: "
            + ", ".join(f"{n} {what}" for what, n in sorted(dropped.items()))
            + " (MA = rephrase; L, YA, TA = dialogue layer)."
        )
    if schemes.unknown:
        notes.append(
            "Schemes not in argmap's catalogue, kept as named: "
            + ", ".join(f"{name} ({n})" for name, n in sorted(schemes.unknown.items()))
            + "."
        )
    note = " ".join(notes)
    return ArgMap.model_validate(
        {
            "title": title,
            **({"description": note} if note else {}),
            "claims": claims,
            "links": links,
        }
    )


class _SchemeNames:
    """Scheme names read from AIF-shaped nodes, mapped onto argmap's catalogue; a name the
    catalogue lacks is kept as written, and counted."""

    DEFAULTS = {"", "ra", "ca", "ma", "pa", "defaultinference", "defaultconflict", "support"}

    def __init__(self) -> None:
        self.unknown: Counter = Counter()
        self._catalogue: Any = None

    def read(self, node: dict) -> str | None:
        from argmap.analysis.schemes import catalogue_of, normalise

        name = node.get("scheme")
        if not isinstance(name, str) or not name.strip():
            name = node.get("text")
        if not isinstance(name, str) or normalise(name) in self.DEFAULTS:
            return None
        name = " ".join(name.split())[:200]
        if self._catalogue is None:
            self._catalogue = catalogue_of()
        found = self._catalogue.get(name)
        if found is None:
            self.unknown[name] += 1
            return name
        return found.id


def dump(model: ArgMap) -> str:
    """The map as AIFdb JSON."""
    nodes, edges = to_nodes(model)
    aif_nodes = []
    for i, n in nodes.items():
        node = {
            "nodeID": i,
            "text": n["text"] if n["type"] == "I" else n.get("scheme") or _SCHEME_TEXT[n["type"]],
            "type": n["type"],
        }
        if n.get("scheme"):
            node["scheme"] = n["scheme"]
        aif_nodes.append(node)
    aif_edges = [{"edgeID": f"e{k}", "fromID": a, "toID": b} for k, (a, b) in enumerate(edges, 1)]
    from argmap.wording import json_safe

    document = {"nodes": aif_nodes, "edges": aif_edges, "locutions": []}
    return json_safe(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


_SCHEME_TEXT = {"RA": "Default Inference", "CA": "Default Conflict"}


def to_nodes(model: ArgMap) -> tuple[dict[str, dict[str, Any]], list[tuple[str, str]]]:
    """The map as AIF-shaped nodes (by id: ``type`` I, RA or CA; ``text`` for I-nodes) and
    edges, the inverse of :func:`from_nodes`; also used by the writers of other
    node-and-scheme formats (SADFace)."""
    nodes: dict[str, dict[str, Any]] = {}
    scheme_of = _scheme_names(model)
    edges: list[tuple[str, str]] = []

    def edge(a: str, b: str) -> None:
        edges.append((a, b))

    for c in model.claims:
        nodes[c.id] = {"text": c.text, "type": "I"}
    links = model.all_links()
    inference_of: dict[str, str] = {}
    groups: dict[tuple[str, str], list] = {}
    for lk in links:
        if lk.kind == "support" and lk.group is not None:
            groups.setdefault((lk.group, lk.target), []).append(lk)
    made_groups: set[tuple[str, str]] = set()
    for lk in links:
        if lk.kind != "support":
            continue
        if lk.group is not None:
            key = (lk.group, lk.target)
            if key in made_groups:
                continue
            made_groups.add(key)
            members = groups[key]
            ra = f"RA.{lk.group}.{lk.target}"
            scheme = next((m.scheme for m in members if m.scheme), None)
            nodes[ra] = {"type": "RA", **scheme_of(scheme)}
            for m in members:
                edge(m.source, ra)
                inference_of[m.id] = ra
            edge(ra, lk.target)
        else:
            ra = f"RA.{lk.id}"
            nodes[ra] = {"type": "RA", **scheme_of(lk.scheme)}
            edge(lk.source, ra)
            edge(ra, lk.target)
            inference_of[lk.key] = ra
    # Attacks first, then undercuts after what they undercut, so each aims at a node
    # already written.
    by_id = {lk.id: lk for lk in links}

    def depth(lk) -> int:
        n = 0
        while lk.kind == "undercut" and lk.target in by_id and n < len(by_id):
            lk, n = by_id[lk.target], n + 1
        return n

    for lk in sorted((lk for lk in links if lk.kind != "support"), key=depth):
        ca = f"CA.{lk.id}"
        nodes[ca] = {"type": "CA"}
        edge(lk.source, ca)
        edge(ca, inference_of[lk.target] if lk.kind == "undercut" else lk.target)
        inference_of[lk.key] = ca
    return nodes, edges


def _scheme_names(model: ArgMap):
    """A function giving an RA node's ``scheme`` entry for the scheme a link names: the
    catalogue's AIF name, else the scheme's own name, else the name as the map writes it
    (the catalogue read once, each name worked out once)."""
    names: dict[str, dict[str, str]] = {}
    catalogue: list = []

    def scheme_of(scheme: str | None) -> dict[str, str]:
        if not scheme:
            return {}
        if scheme not in names:
            if not catalogue:
                from argmap.analysis.schemes import catalogue_of

                catalogue.append(catalogue_of(model))
            found = catalogue[0].get(scheme)
            names[scheme] = {"scheme": (found.aif or found.name) if found else scheme}
        return names[scheme]

    return scheme_of


def _node_slug(text: str) -> str:
    """An id from an AIF node's id or name."""
    return fit(slug(text))


def write(doc: Document, drawing: Drawing) -> str:
    """The document in this format (the writer every format has: see
    :mod:`argmap.formats.registry`; a map's format draws nothing, so ``drawing`` is not
    read)."""
    return dump(doc.model)
