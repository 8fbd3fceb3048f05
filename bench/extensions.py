"""Complete, preferred and stable semantics on the larger ICCMA-style frameworks.

The issue asks for these "up to a few hundred arguments through a proper search": argmap
hands them to the clingo ASP solver. This times whole `argmap eval -s SEMANTICS` runs on
the generated frameworks in ../shared/corpora/iccma (100-320 arguments, up to 30,000
attacks), one run each.

    python bench/extensions.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "iccma"


def main() -> int:
    files = sorted((CORPUS / "afgen-samples-large").glob("*.apx"))
    files += sorted((CORPUS / "pygarg-generated").glob("*.apx"))
    if not files:
        print("no frameworks: ../shared/corpora/iccma is absent")
        return 0
    print(f"{'framework':55} {'args':>5} {'attacks':>8} {'semantics':>10} {'time':>8} {'exts':>6}")
    for path in files:
        text = path.read_text()
        n_args, n_att = text.count("arg("), text.count("att(")
        for semantics in ("complete", "preferred", "stable"):
            start = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "argmap", "eval", str(path), "-s", semantics, "-f", "json"],
                capture_output=True,
                check=False,
            )
            wall = time.perf_counter() - start
            if proc.returncode != 0:
                print(
                    f"{path.name:55} {'':>5} {'':>8} {semantics:>10}  refused: "
                    f"{proc.stderr.decode().strip()[:60]}"
                )
                continue
            exts = len(json.loads(proc.stdout)["extensions"])
            print(f"{path.name:55} {n_args:5d} {n_att:8d} {semantics:>10} {wall:7.2f}s {exts:6d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
