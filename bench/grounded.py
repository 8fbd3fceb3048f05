"""Grounded labelling of a large abstract framework, whole process, with peak memory.

Target (issue: evaluate): 1,000,000 arguments and 2,000,000 attacks in at most 10 s of
whole-process time and at most 4 GB, on this 2-core machine.

    python bench/grounded.py [--args 1000000] [--attacks 2000000] [--runs 3]

The framework is random (seeded) in the ICCMA'23 format, written to bench/out/ once.
Measured: `argmap eval FILE.i23 --format json > /dev/null` (all labels as JSON).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_framework(path: Path, n: int, m: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    lines = [f"p af {n}"]
    lines += [f"{rng.randint(1, n)} {rng.randint(1, n)}" for _ in range(m)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")


def run(cmd: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.PIPE, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()}")
    return wall, usage.ru_maxrss // 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--args", type=int, default=1_000_000)
    parser.add_argument("--attacks", type=int, default=2_000_000)
    parser.add_argument("--runs", type=int, default=3)
    a = parser.parse_args()
    path = ROOT / "bench" / "out" / f"af-{a.args}-{a.attacks}.i23"
    if not path.exists():
        write_framework(path, a.args, a.attacks)
    cmd = [sys.executable, "-m", "argmap", "eval", str(path), "--format", "json"]
    results = [run(cmd) for _ in range(a.runs)]
    wall = statistics.median(r[0] for r in results)
    rss = max(r[1] for r in results)
    verdict = "ok" if wall <= 10 and rss <= 4096 else "MISSES"
    print(f"{path.name}: {a.args:,} arguments, {a.attacks:,} attacks; {a.runs} runs")
    print(
        f"grounded, JSON labels: median {wall:.2f} s wall, max RSS {rss} MiB  "
        f"(target 10 s, 4096 MiB): {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
