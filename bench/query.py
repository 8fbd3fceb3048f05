"""Query speed on a large map: `argmap claims --text` and `argmap impact`, whole process.

Targets (issue: query): on a 100,000-claim, 200,000-link map in canonical JSON,
`argmap claims BIG.json --text X --format ids` in at most 3 s and `argmap impact` on a
central claim in at most 4 s, on this 2-core machine. Peak memory (max RSS) is reported.

    python bench/query.py [--runs 5]

The map is made by bench/bigmap.py (deterministic) if bench/out/big.json is missing.
The central claim is c050000: 38,032 claims lie downstream of it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIG = ROOT / "bench" / "out" / "big.json"


def run(cmd: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in MiB, and lines printed, for one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed with exit status {proc.returncode}")
    return wall, usage.ru_maxrss // 1024, out.count(b"\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not BIG.exists():
        subprocess.run([sys.executable, "bench/bigmap.py", "-o", str(BIG)], check=True, cwd=ROOT)
    argmap = [sys.executable, "-m", "argmap"]
    cases = {
        "claims --text 'alliance deterrence' -f ids": (
            [*argmap, "claims", str(BIG), "--text", "alliance deterrence", "-f", "ids"], 3.0),
        "impact c050000 -f ids": ([*argmap, "impact", str(BIG), "c050000", "-f", "ids"], 4.0),
        "impact c050000 -f json": ([*argmap, "impact", str(BIG), "c050000", "-f", "json"], 4.0),
    }  # fmt: skip
    print(f"{BIG.name}: {BIG.stat().st_size / 1e6:.1f} MB; {args.runs} runs each, median")
    print(f"{'command':45} {'wall':>7} {'target':>7} {'max RSS':>9} {'lines':>7}")
    for name, (cmd, target) in cases.items():
        results = [run(cmd) for _ in range(args.runs)]
        wall = statistics.median(r[0] for r in results)
        rss = max(r[1] for r in results)
        verdict = "ok" if wall <= target else "SLOW"
        print(f"{name:45} {wall:6.2f}s {target:6.1f}s {rss:7d}MiB {results[0][2]:7d}  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
