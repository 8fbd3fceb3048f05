"""How long `argmap show` takes on the shipped map, against importing its four libraries.

Target (issue: foundation): `argmap show maps/us-japan-trump2.yaml` takes at most 1.3x the
time of `python -c "import typer, networkx, pydantic, rich"` in the same environment.
Both are run alternately, RUNS times each, as whole processes with output to a pipe; the
medians and their ratio are printed. Run from the repository root:

    python bench/startup.py [--runs 21] [--against REV]

``--against REV`` also runs ``argmap show`` and ``argmap --help`` of the package as it
was at git revision REV (checked out in a temporary worktree and run there, so that its
package is the one imported), alternated with the rest, so a change's start-up cost is
stated in one run.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.3


def timed(cmd: list[str], env: dict | None = None, cwd: Path = ROOT) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one whole process, run in ``cwd``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=True, cwd=cwd, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--map", default="maps/us-japan-trump2.yaml")
    parser.add_argument("--against", metavar="REV", help="also time the package at REV")
    args = parser.parse_args()
    # Byte-compiled, as an installed wheel is (PYTHONDONTWRITEBYTECODE may be set here).
    compileall.compile_dir(str(ROOT / "argmap"), quiet=1)
    envs: dict[str, dict | None] = {}
    worktree = None
    if args.against:
        import tempfile

        worktree = Path(tempfile.mkdtemp()) / "before"
        subprocess.run(["git", "worktree", "add", "-q", "--detach", str(worktree), args.against],
                       cwd=ROOT, check=True)  # fmt: skip
        envs = {"at": {**os.environ, "PYTHONPATH": str(worktree)}}
    baseline = [sys.executable, "-c", "import typer, networkx, pydantic, rich"]
    # The map by its full path: the package at REV runs in its own worktree, so that it is
    # the one imported (Python puts the working folder first on its path).
    show = [sys.executable, "-m", "argmap", "show", str(ROOT / args.map)]
    commands = {
        "import typer, networkx, pydantic, rich": baseline,
        f"argmap show {args.map}": show,
        "argmap --help": [sys.executable, "-m", "argmap", "--help"],
        "floor: Typer + pydantic model + networkx graph": [
            sys.executable,
            str(ROOT / "bench" / "floor.py"),
            "show",
            args.map,
        ],
    }
    if args.against:
        commands[f"argmap show {args.map} (at {args.against})"] = show
        commands[f"argmap --help (at {args.against})"] = commands["argmap --help"]
    env_of = {name: envs["at"] if "(at " in name else None for name in commands}
    cwd_of = {name: worktree if "(at " in name and worktree else ROOT for name in commands}
    try:
        for name, cmd in commands.items():  # warm the file cache and .pyc files
            timed(cmd, env_of[name], cwd_of[name])
        walls: dict[str, list[float]] = {name: [] for name in commands}
        cpus: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                wall, cpu = timed(cmd, env_of[name], cwd_of[name])
                walls[name].append(wall)
                cpus[name].append(cpu)
    finally:
        if worktree is not None:
            subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=ROOT)
    wall_med = {name: statistics.median(t) for name, t in walls.items()}
    cpu_med = {name: statistics.median(t) for name, t in cpus.items()}
    base = "import typer, networkx, pydantic, rich"
    print(f"{args.runs} runs of each, alternated; medians of wall-clock and of CPU (user+sys) time")
    print(f"{'command':58} {'wall':>8} {'ratio':>6} {'cpu':>8} {'ratio':>6}")
    for name in commands:
        print(
            f"{name:58} {wall_med[name] * 1000:6.0f}ms {wall_med[name] / wall_med[base]:5.2f}x"
            f" {cpu_med[name] * 1000:6.0f}ms {cpu_med[name] / cpu_med[base]:5.2f}x"
        )
    show = f"argmap show {args.map}"
    ratio = wall_med[show] / wall_med[base]
    verdict = "meets" if ratio <= TARGET else "MISSES"
    print(f"show / import wall-clock ratio {ratio:.2f}: {verdict} the target of {TARGET}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
