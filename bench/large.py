"""Large maps at interactive speed: every command of the target table on the 100,000-claim,
200,000-link map (bench/bigmap.py), as whole processes, median wall time and peak memory
beside the target; then the Argdown reader against the Argdown CLI (bench/argdown.py).

    python bench/large.py [--runs 3] [--no-argdown] [--sizes 1000,10000,50000,150000]

The map is built once into bench/out/big.json (deterministic). Also printed: Python's bare
`json.load` of the same file, the floor every command stands on.
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
OUT = ROOT / "bench" / "out"
BIG = OUT / "big.json"

#: (name, argmap arguments, target seconds, target peak MiB or None)
TABLE = [
    ("argmap validate big.json", ["validate", str(BIG)], 3.0, 1024),
    (
        "argmap export big.json --to dot",
        ["export", str(BIG), "--to", "dot", "-o", os.devnull],
        3.0,
        None,
    ),  # fmt: skip
    (
        "argmap impact big.json c050000 -f ids",
        ["impact", str(BIG), "c050000", "-f", "ids"],
        1.5,
        None,
    ),  # fmt: skip
    ("argmap why big.json c050000 -f ids", ["why", str(BIG), "c050000", "-f", "ids"], 1.5, None),
    (
        "argmap show big.json c050000 --depth 2",
        ["show", str(BIG), "c050000", "--depth", "2"],
        1.5,
        None,
    ),  # fmt: skip
    (
        "argmap claims big.json --text alliance -f ids",
        ["claims", str(BIG), "--text", "alliance", "-f", "ids"],
        1.2,
        None,
    ),  # fmt: skip
]


def run(argv: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak MiB and exit status of one whole process."""
    env = {**os.environ, "NO_COLOR": "1", "ARGMAP_NO_PROGRESS": "1"}
    started = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen(argv, stdout=sink, stderr=sink, cwd=ROOT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-argdown", action="store_true", help="Skip the Argdown ratios.")
    parser.add_argument("--sizes", default="1000,10000,50000,150000")
    args = parser.parse_args()
    if not BIG.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "bigmap.py"), "--claims", "100000",
                        "--links", "200000", "-o", str(BIG)], check=True)  # fmt: skip
    floor = [run([sys.executable, "-c", f"import json; json.load(open({str(BIG)!r}))"])[0]
             for _ in range(args.runs)]  # fmt: skip
    print(f"big.json: {BIG.stat().st_size / 1e6:.1f} MB; bare json.load: "
          f"{statistics.median(floor):.2f} s (median of {args.runs})\n")  # fmt: skip
    print("| command | median s | peak MiB | target | met |\n|---|---|---|---|---|")
    missed = 0
    for name, argv, seconds, mib in TABLE:
        times, peaks = [], []
        for _ in range(args.runs):
            wall, peak, status = run([sys.executable, "-m", "argmap", *argv])
            if status not in (0, 1):
                print(f"{name}: exit {status}", file=sys.stderr)
            times.append(wall)
            peaks.append(peak)
        median, peak = statistics.median(times), max(peaks)
        ok = median <= seconds and (mib is None or peak <= mib)
        missed += not ok
        target = f"<= {seconds:g} s" + (f", {mib / 1024:g} GB" if mib else "")
        print(f"| `{name}` | {median:.2f} | {peak:.0f} | {target} | {'yes' if ok else 'no'} |",
              flush=True)  # fmt: skip
    if not args.no_argdown:
        print("\nArgdown: argmap import against the Argdown CLI (bench/argdown.py)", flush=True)
        subprocess.run([sys.executable, str(ROOT / "bench" / "argdown.py"), "--runs",
                        str(args.runs), "--sizes", args.sizes], check=False)  # fmt: skip
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
