"""Large maps: every command of the target table on two 100,000-claim maps, as whole
processes, each time a ratio to a bare ``json.load`` of the same file measured in the same
run; then the Argdown reader against the Argdown CLI (bench/argdown.py).

    python bench/large.py [--runs 3] [--no-argdown] [--sizes 1000,10000,50000,150000]

The maps (bench/bigmap.py, deterministic, built once into bench/out/):

- ``big.json``: 100,000 claims, 200,000 links with explicit ids, every claim linked;
- ``loose.json``: the same size with the last fifth of the claims unlinked, as a corpus
  import leaves claims that bear on no conclusion (tens of thousands of warnings).

``why``, ``impact`` and ``show`` are asked about claims that have something to print,
chosen here from the map's graph: the claim the most others rest on (``why``), the claim
that bears on the most others (``impact``), the conclusion with the most direct supports
(``show --depth 2``); the table says how many lines each printed. Rows are medians of
``--runs``; the ratio's floor is the median ``json.load`` of the same file, a whole
process run just before each run of the command.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
MAPS = {"big.json": [], "loose.json": ["--disconnected", "0.2"]}

#: (row, argmap arguments with {map}/{why}/{impact}/{show}, target ratio to json.load)
TABLE = [
    ("validate", ["validate", "{map}"], 6.5),
    ("export --to dot", ["export", "{map}", "--to", "dot", "-o", os.devnull], 6.5),
    ("impact {impact} -f ids", ["impact", "{map}", "{impact}", "-f", "ids"], 3.3),
    ("why {why} -f ids", ["why", "{map}", "{why}", "-f", "ids"], 3.3),
    ("show {show} --depth 2", ["show", "{map}", "{show}", "--depth", "2"], 3.3),
    ("claims --text alliance -f ids", ["claims", "{map}", "--text", "alliance", "-f", "ids"],
     2.6),
]  # fmt: skip


def run(argv: list[str]) -> tuple[float, float, int, int]:
    """Wall seconds, peak MiB, exit status and lines printed of one whole process."""
    env = {**os.environ, "NO_COLOR": "1", "ARGMAP_NO_PROGRESS": "1"}
    env.pop("COLUMNS", None)
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT,
                            env=env)  # fmt: skip
    lines = sum(1 for _ in proc.stdout)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    return wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), lines


def subjects(path: Path) -> dict[str, str]:
    """The claims asked about: the most ancestors, the most descendants, the conclusion
    with the most direct supports (see the module's description)."""
    import networkx as nx

    sys.path.insert(0, str(ROOT))
    from argmap.graph import build_graph
    from argmap.operations.loading import read_map

    G = build_graph(read_map(path))
    # Chains of links go from older claims (higher numbers) to newer ones in bigmap's maps;
    # counting on a sample keeps this quick, and the table states what each one printed.
    sample = [n for i, n in enumerate(G) if i % 997 == 0 and G.degree(n)]
    why = max(sample, key=lambda n: len(nx.ancestors(G, n)))
    impact = max(sample, key=lambda n: len(nx.descendants(G, n)))
    tops = [n for n, d in G.nodes(data=True) if d["claim"].kind.value == "conclusion"]
    show = max(tops, key=G.in_degree)
    return {"why": why, "impact": impact, "show": show}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-argdown", action="store_true", help="Skip the Argdown ratios.")
    parser.add_argument("--sizes", default="1000,10000,50000,150000")
    parser.add_argument("--subjects", metavar="MAP", help=argparse.SUPPRESS)
    args = parser.parse_args()
    # Byte-compiled, as an installed wheel is (PYTHONDONTWRITEBYTECODE may be set here).
    compileall.compile_dir(str(ROOT / "argmap"), quiet=1)
    if args.subjects:
        print(json.dumps(subjects(Path(args.subjects))))
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    missed = 0
    for name, extra in MAPS.items():
        path = OUT / name
        if not path.exists():
            subprocess.run([sys.executable, str(ROOT / "bench" / "bigmap.py"), "--claims",
                            "100000", "--links", "200000", *extra, "-o", str(path)],
                           check=True)  # fmt: skip
        # Chosen in a process of its own: a child forked from this one would count this
        # one's memory in its peak.
        asked = json.loads(subprocess.run(
            [sys.executable, __file__, "--subjects", str(path)], capture_output=True,
            text=True, check=True).stdout)  # fmt: skip
        bare = [sys.executable, "-c", f"import json; json.load(open({str(path)!r}))"]
        print(f"\n{name}: {path.stat().st_size / 1e6:.1f} MB\n")
        print("| command | median s | json.load s | x json.load | target | lines printed "
              "| peak MiB | met |")  # fmt: skip
        print("|---|---|---|---|---|---|---|---|")
        for row, argv, target in TABLE:
            words = {"map": str(path), **asked}
            times, peaks, floors = [], [], []
            for _ in range(args.runs):
                # The floor is measured beside each run of the command, not once for the
                # whole table: on a shared machine the speed of both drifts together.
                floors.append(run(bare)[0])
                wall, peak, status, lines = run(
                    [sys.executable, "-m", "argmap", *(a.format(**words) for a in argv)]
                )
                if status not in (0, 1):
                    print(f"{row}: exit {status}", file=sys.stderr)
                times.append(wall)
                peaks.append(peak)
            median, floor = statistics.median(times), statistics.median(floors)
            ratio = median / floor
            ok = ratio <= target
            missed += not ok
            print(f"| `{row.format(**asked)}` | {median:.2f} | {floor:.2f} | {ratio:.1f}x "
                  f"| <= {target:g}x "
                  f"| {lines:,} | {max(peaks):.0f} | {'yes' if ok else 'no'} |",
                  flush=True)  # fmt: skip
    if not args.no_argdown:
        print("\nArgdown: argmap import against the Argdown CLI (bench/argdown.py)", flush=True)
        subprocess.run([sys.executable, str(ROOT / "bench" / "argdown.py"), "--runs",
                        str(args.runs), "--sizes", args.sizes], check=False)  # fmt: skip
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
