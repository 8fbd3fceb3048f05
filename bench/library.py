"""argmap library at scale: a synthetic library built from the corpora's real sentences
(AIF propositions of AraucariaDB, QT30 and the other AIF maps, the microtexts), as many
maps of a hundred claims each, every map's claims linked in a tree; then, in one run:
the first index, `find` over words drawn from the sentences (p50 and p95), one map changed
and the index brought up to date, and the index's size.

    python bench/library.py [--claims 500000] [--per-map 100] [--queries 200]
                            [--engines sqlite,tantivy]

Targets (issue: library): index <= 60 s, find p95 <= 50 ms, one changed map <= 1 s (2 cores).
Needs ../shared/corpora.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"


def sentences() -> list[str]:
    """Every distinct proposition of the AIF corpora and every microtext segment."""
    found: dict[str, None] = {}
    for path in glob.glob(str(CORPORA / "aif-*" / "**" / "*.json"), recursive=True):
        try:
            with open(path, encoding="utf-8") as f:
                nodes = json.load(f).get("nodes", [])
        except (ValueError, OSError, AttributeError):
            continue
        for node in nodes:
            text = " ".join(str(node.get("text", "")).split())
            if node.get("type") == "I" and 3 <= len(text.split()) <= 60:
                found.setdefault(text)
    for path in glob.glob(str(CORPORA / "arg-microtexts" / "**" / "*.txt"), recursive=True):
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                text = " ".join(line.split())
                if 3 <= len(text.split()) <= 60:
                    found.setdefault(text)
    return list(found)


def build(folder: Path, claims: int, per_map: int, pool: list[str], rng: random.Random) -> int:
    """Write the library's maps (argmap JSON); how many."""
    maps = 0
    for start in range(0, claims, per_map):
        count = min(per_map, claims - start)
        chosen = [rng.choice(pool) for _ in range(count)]
        items = [{"id": "c0", "kind": "conclusion", "text": chosen[0]}]
        for i in range(1, count):
            kind = "attacks" if rng.random() < 0.25 else "supports"
            items.append({"id": f"c{i}", "text": chosen[i], kind: [f"c{rng.randrange(i)}"]})
        doc = {"argmap": 1, "title": f"Synthetic map {maps}: {chosen[0][:60]}", "claims": items}
        sub = folder / f"{maps // 500:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"map-{maps:05d}.json").write_text(json.dumps(doc), encoding="utf-8")
        maps += 1
    return maps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=500_000)
    parser.add_argument("--per-map", type=int, default=100)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--engines", default="sqlite,tantivy", help="comma-separated")
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ["ARGMAP_NO_PROGRESS"] = "1"
    from argmap.operations.library import find, index_library

    rng = random.Random(11)
    pool = sentences()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        maps_dir = work / "maps"
        maps_dir.mkdir()
        count = build(maps_dir, options.claims, options.per_map, pool, rng)
        words = [w for s in rng.sample(pool, min(len(pool), 2000)) for w in s.split()
                 if len(w) > 4 and w.isalpha()]  # fmt: skip
        queries = [" ".join(rng.sample(words, 3)) for _ in range(options.queries)]
        print(f"library of {count:,} maps, {options.claims:,} claims from {len(pool):,} real "
              f"sentences ({os.cpu_count()} cores)")  # fmt: skip
        for n, engine in enumerate(options.engines.split(",")):
            index = work / engine / "library.sqlite"
            start = time.perf_counter()
            index_library([str(maps_dir)], index=index, engine=engine)
            indexed = time.perf_counter() - start
            timings = []
            for query in queries:
                start = time.perf_counter()
                find(query, index=index, limit=20)
                timings.append(time.perf_counter() - start)
            timings.sort()
            p50 = statistics.median(timings)
            p95 = timings[int(0.95 * (len(timings) - 1))]
            changed = sorted(maps_dir.glob("*/*.json"))[(n * 7 + 3) % count]
            doc = json.loads(changed.read_text(encoding="utf-8"))
            doc["claims"][1]["text"] = f"A lighthouse keeper's reworded claim {n}, to be found."
            changed.write_text(json.dumps(doc), encoding="utf-8")
            start = time.perf_counter()
            again = index_library(None, index=index).value
            update = time.perf_counter() - start
            size = sum(f.stat().st_size for f in index.parent.rglob("*") if f.is_file())
            print(f"  {engine}: index {indexed:.1f} s (target 60); find p50 {p50 * 1000:.0f} ms, "
                  f"p95 {p95 * 1000:.0f} ms (target 50, {len(queries)} queries); one changed "
                  f"map {update:.2f} s (target 1; {again.read} read); "
                  f"index {size / 2**20:.0f} MiB")  # fmt: skip


if __name__ == "__main__":
    main()
