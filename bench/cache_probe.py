"""What a cache of a parsed map and its graph could save at best: the measurement behind
issue 33's decision not to build one yet.

    python bench/cache_probe.py [--runs 3] [MAP.json ...]

For each map (by default bench/out/big.json and loose.json, made by bench/large.py) it
writes, as a content-addressed cache would, the map's objects as plain data (each
pydantic object's field dictionary, its enums as text) and networkx's own adjacency with
plain attribute values, with ``marshal`` (the quickest serializer in the standard
library), then times in a fresh process what a warm run would do before its command
could start: hash the file, load the blob, bring the pydantic objects back without
validating them (``object.__new__`` and their slots set directly, the cheapest way
there is) and hand the graph its objects back. Every time is a ratio to ``json.load``
of the same file (a whole process) measured in the same run, as in bench/large.py; the
warm run's target is 2x for a whole command. The revived map and graph are checked equal to the ones
read the usual way.
"""

from __future__ import annotations

import argparse
import json
import marshal
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def write(map_path: Path, blob_path: Path) -> dict[str, float]:
    """Read the map the usual way and write the cache blob; the seconds each part took."""
    sys.path.insert(0, str(ROOT))
    from argmap.graph import build_graph
    from argmap.operations.loading import read_map

    started = time.perf_counter()
    doc = read_map(map_path)
    G = build_graph(doc)
    read = time.perf_counter() - started
    started = time.perf_counter()
    m = doc.model
    links = m.all_links()
    position = {id(link): i for i, link in enumerate(links)}
    plain = (
        [_plain(c) for c in m.claims],
        [_plain(link) for link in links],
        {n: d["index"] for n, d in G._node.items()},
        {
            u: {
                v: {
                    k: (position[id(d["link"])], d["index"], d.get("undercuts"))
                    for k, d in kd.items()
                }
                for v, kd in nbrs.items()
            }
            for u, nbrs in G._succ.items()
        },
    )
    blob = marshal.dumps(plain)
    blob_path.write_bytes(blob)
    return {"read": read, "write": time.perf_counter() - started, "MB": len(blob) / 1e6}


def _plain(obj) -> tuple:
    fields = {}
    for name, value in obj.__dict__.items():
        if hasattr(value, "value") and isinstance(value, str):  # a StrEnum
            value = value.value
        elif isinstance(value, list) and value and hasattr(value[0], "__pydantic_fields_set__"):
            value = [_plain(item) for item in value]
        fields[name] = value
    return fields, tuple(obj.__pydantic_fields_set__)


def warm(map_path: Path, blob_path: Path) -> dict[str, float]:
    """A warm run's work before its command, in parts (seconds)."""
    clock = time.perf_counter
    t0 = clock()
    import hashlib

    import networkx as nx

    sys.path.insert(0, str(ROOT))
    from argmap.model import Answer, Claim, ClaimKind, Link, LinkKind

    t1 = clock()
    hashlib.blake2b(map_path.read_bytes()).hexdigest()
    t2 = clock()
    claims, links, nodes, succ = marshal.loads(blob_path.read_bytes())
    t3 = clock()
    new, put = object.__new__, object.__setattr__
    claim_kinds = {k.value: k for k in ClaimKind}
    link_kinds = {k.value: k for k in LinkKind}

    def revive(cls, fields, fields_set):
        obj = new(cls)
        put(obj, "__dict__", fields)
        put(obj, "__pydantic_fields_set__", set(fields_set))
        put(obj, "__pydantic_extra__", None)
        put(obj, "__pydantic_private__", None)
        return obj

    revived_claims = []
    for fields, fields_set in claims:
        fields["kind"] = claim_kinds[fields["kind"]]
        if fields["answers"]:
            fields["answers"] = [revive(Answer, *a) for a in fields["answers"]]
        revived_claims.append(revive(Claim, fields, fields_set))
    revived_links = []
    for fields, fields_set in links:
        fields["kind"] = link_kinds[fields["kind"]]
        revived_links.append(revive(Link, fields, fields_set))
    t4 = clock()
    G = nx.MultiDiGraph()
    node, out, into = G._node, G._succ, G._pred
    for c in revived_claims:
        node[c.id] = {"claim": c, "index": nodes[c.id]}
        out[c.id] = {}
        into[c.id] = {}
    for u, nbrs in succ.items():
        out_u = out[u]
        for v, kd in nbrs.items():
            keyed = {}
            for k, (at, index, undercuts) in kd.items():
                link = revived_links[at]
                attrs = {"kind": link.kind, "link": link, "index": index}
                if undercuts is not None:
                    attrs["undercuts"] = undercuts
                keyed[k] = attrs
            out_u[v] = into[v][u] = keyed
    t5 = clock()
    return {
        "import": t1 - t0,
        "hash": t2 - t1,
        "marshal": t3 - t2,
        "revive": t4 - t3,
        "graph": t5 - t4,
        "total": t5 - t0,
        "check": _same(map_path, revived_claims, revived_links, G),
    }


def _same(map_path: Path, claims, links, G) -> float:
    """1.0 when the revived objects and graph equal those read the usual way (checked
    after the clock stopped)."""
    from argmap.graph import build_graph
    from argmap.operations.loading import read_map

    doc = read_map(map_path)
    H = build_graph(doc)
    same = (
        claims == doc.model.claims
        and links == doc.model.all_links()
        and list(G.edges(keys=True)) == list(H.edges(keys=True))
        and all(G.edges[e]["link"] == H.edges[e]["link"] for e in list(H.edges(keys=True))[:1000])
    )
    return 1.0 if same else 0.0


def child(role: str, map_path: str, blob_path: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, f"--{role}", map_path, blob_path],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYDANTIC_DISABLE_PLUGINS": "1"},
    ).stdout
    return json.loads(out)


def json_load(path: Path) -> float:
    """A whole process that does nothing but ``json.load`` the file (bench/large.py's floor)."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", f"import json; json.load(open({str(path)!r}))"],
                   check=True)  # fmt: skip
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("maps", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--warm", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    import gc

    gc.disable()  # as argmap's console script runs
    if args.write:
        print(json.dumps(write(Path(args.write[0]), Path(args.write[1]))))
        return 0
    if args.warm:
        print(json.dumps(warm(Path(args.warm[0]), Path(args.warm[1]))))
        return 0
    maps = args.maps or [OUT / "big.json", OUT / "loose.json"]
    with tempfile.TemporaryDirectory() as tmp:
        for path in maps:
            if not path.exists():
                print(f"{path}: not there (python bench/large.py makes it)", file=sys.stderr)
                return 2
            blob = Path(tmp) / "cache.bin"
            floor = statistics.median(json_load(path) for _ in range(args.runs))
            made = child("write", str(path), str(blob))
            runs = [child("warm", str(path), str(blob)) for _ in range(args.runs)]
            parts = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            print(f"{path.name}: json.load {floor:.2f} s; blob {made['MB']:.1f} MB")
            print(f"  cold read + graph     {made['read'] / floor:5.1f}x")
            print(f"  writing the cache     {made['write'] / floor:5.1f}x  (on top of a cold run)")
            for part in ("import", "hash", "marshal", "revive", "graph"):
                print(f"  warm: {part:<14} {parts[part] / floor:5.1f}x")
            same = "yes" if parts["check"] else "NO"
            print(f"  warm before any command: {parts['total'] / floor:.1f}x (a whole command's "
                  f"target: 2x); same objects and graph: {same}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
