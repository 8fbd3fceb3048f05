"""Reading Argdown: `argmap import` against the Argdown CLI's `argdown json`, whole processes.

Target (issue: formats): on generated Argdown files of 1,000, 10,000 and 50,000
statements, `argmap import FILE -o MAP.json` at least 5x faster than
`argdown json FILE OUTDIR`, at every size. Both read the same file; argmap also validates
what it read and writes the map as JSON (the form for large maps), the CLI writes its JSON.

    python bench/argdown.py [--runs 3] [--sizes 1000,10000,50000] [--cli PATH]

The Argdown CLI is looked for as in the tests: $ARGDOWN_CLI, .argdown-peer (which
.ci/run installs from bench/peers/argdown/package.json), or `argdown` on PATH. Files
are written to bench/out/ and are deterministic: each block is a thesis with a tree of
arguments, objections, evidence and replies, then an argument reconstructed as a
premise-conclusion structure bearing on the next thesis (7 statements, 2 arguments).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def block(b: int) -> str:
    return (
        f"[T{b}]: Thesis {b}: the alliance should share the cost of deterrence "
        f"in region {b % 17}. #topic{b % 10}\n"
        f"  + <A{b}>: Argument {b}: burden sharing keeps the guarantee credible.\n"
        f"    - [O{b}]: Objection {b}: higher payments invite doubts at home.\n"
        f"      <+ [E{b}]: Evidence {b}: polls show **falling** support for the treaty.\n"
        f"  - [C{b}]: Counter {b}: the costs are already shared through host-nation support.\n"
        f"    + [R{b}]: Reply {b}: host-nation support covers only a fraction. {{kind: evidence}}\n"
        f"\n<P{b}>\n\n"
        f"(1) [X{b}]: If the guarantee is credible, then deterrence holds in region {b % 17}.\n"
        f"(2) [T{b}]\n"
        f"----\n"
        f"(3) [Y{b}]: Deterrence holds in region {b % 17}.\n"
        f"  -> [T{b + 1}]\n\n"
    )


def make(statements: int) -> Path:
    path = OUT / f"debate-{statements}.argdown"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        text = "===\ntitle: Generated debate\n===\n\n" + "".join(
            block(b) for b in range(statements // 7)
        )
        path.write_text(text, encoding="utf-8")
    return path


def run(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (MiB) of one whole process; it must succeed."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {err.decode(errors='replace')[-500:]}")
    return wall, usage.ru_maxrss // 1024


def find_cli(given: str | None) -> str:
    local = ROOT / ".argdown-peer" / "node_modules" / ".bin" / "argdown"
    found = given or os.environ.get("ARGDOWN_CLI") or (str(local) if local.exists() else None)
    found = found or shutil.which("argdown")
    if not found:
        raise SystemExit("the Argdown CLI is not installed (see bench/peers/argdown)")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--cli", default=None)
    args = parser.parse_args()
    cli = find_cli(args.cli)
    print(f"{args.runs} runs each, median wall time; peak RSS the largest seen")
    print(
        f"{'statements':>10} {'size':>8} {'argmap import':>14} {'RSS':>8} "
        f"{'argdown json':>13} {'RSS':>8} {'ratio':>7}"
    )
    worst = None
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            path = make(n)
            ours = [
                run([sys.executable, "-m", "argmap", "import", str(path), "-o", f"{tmp}/m.json"])
                for _ in range(args.runs)
            ]
            theirs = [run([cli, "json", str(path), f"{tmp}/json"]) for _ in range(args.runs)]
            a = statistics.median(r[0] for r in ours)
            b = statistics.median(r[0] for r in theirs)
            ratio = b / a
            worst = ratio if worst is None else min(worst, ratio)
            print(
                f"{n:10d} {path.stat().st_size / 1e6:7.2f}M {a:13.2f}s "
                f"{max(r[1] for r in ours):6d}Mi {b:12.2f}s {max(r[1] for r in theirs):6d}Mi "
                f"{ratio:6.1f}x"
            )
    verdict = "ok" if worst >= 5 else "SLOW"
    print(f"slowest ratio {worst:.1f}x (target: at least 5x at every size): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
