"""Merging large maps: argmap merge of three identical 60,000-claim maps (as git calls it on
a file both branches left alone in content), and of a base with one claim added on each side,
against `argmap validate` of one of them, in one run, as ratios.

    python bench/merge.py [--claims 60000] [--runs 3]

The maps are YAML, written into bench/out/ (deterministic).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "merge"


def write_map(path: Path, claims: int, extra: str = "") -> None:
    lines = ["title: A large map for merging", "claims:",
             "  - {id: c0, text: The conclusion, kind: conclusion}"]  # fmt: skip
    for i in range(1, claims):
        lines.append(f"  - {{id: c{i}, text: Claim number {i} of the map, supports: [c{i // 2}]}}")
    path.write_text("\n".join(lines) + "\n" + extra)


def timed(argv: list[str]) -> float:
    env = {**os.environ, "NO_COLOR": "1", "ARGMAP_NO_PROGRESS": "1"}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "argmap", *argv], env=env,
                          capture_output=True, check=False)  # fmt: skip
    took = time.perf_counter() - started
    if done.returncode > 1:
        raise SystemExit(f"argmap {' '.join(argv)} failed: {done.stderr.decode()[-500:]}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=60_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    base = OUT / "base.yaml"
    write_map(base, args.claims)
    print(f"{args.claims:,} claims, {base.stat().st_size / 2**20:.1f} MiB, {args.runs} runs")
    rows = []
    validate = [timed(["validate", str(base)]) for _ in range(args.runs)]
    rows.append(("validate one map", statistics.median(validate)))
    same = []
    for _ in range(args.runs):
        ours = OUT / "ours.yaml"
        shutil.copy(base, ours)
        same.append(timed(["merge", str(base), str(ours), str(base)]))
    rows.append(("merge of three identical maps", statistics.median(same)))
    a, b = OUT / "a.yaml", OUT / "b.yaml"
    write_map(a, args.claims, "  - {id: ours-new, text: Added by us, supports: [c0]}\n")
    write_map(b, args.claims, "  - {id: theirs-new, text: Added by them, supports: [c0]}\n")
    both = []
    for _ in range(args.runs):
        ours = OUT / "ours.yaml"
        shutil.copy(a, ours)
        both.append(timed(["merge", str(base), str(ours), str(b)]))
    rows.append(("merge of one addition on each side", statistics.median(both)))
    floor = rows[0][1]
    for name, seconds in rows:
        print(f"  {name:<40} {seconds:6.2f} s  {seconds / floor:5.2f}x validate")


if __name__ == "__main__":
    main()
