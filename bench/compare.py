"""argmap compare on a real corpus map: the largest QT30 map (1,378 AIF nodes, 287
propositions) against a perturbed copy of itself (a fifth of its propositions reworded,
a tenth of its links removed, a twentieth flipped from support to attack), and against
itself; beside `argmap validate` of the copy, in one run, as ratios and seconds.

    python bench/compare.py [--runs 5] [--map PATH]

Target (issue: compare): under 1 s for the perturbed pair. Needs ../shared/corpora.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "compare"
QT30 = ROOT.parent / "shared" / "corpora" / "aif-qt30-dialam2024" / "nodeset25445.json"


def perturbed(source: Path, target: Path, seed: int = 7) -> Path:
    """The map of ``source`` (imported), with reworded claims, removed and flipped links."""
    sys.path.insert(0, str(ROOT))
    from argmap.formats.native import dump_yaml
    from argmap.operations.compare import read_any

    rng = random.Random(seed)
    model = read_any(source).model
    data = model.model_dump(mode="json", exclude_none=True)
    for c in data["claims"]:
        for key in ("supports", "attacks", "undercuts", "answers"):
            c.pop(key, None)
        words = c["text"].split()
        if len(words) > 4 and rng.random() < 0.2:
            words.pop(rng.randrange(len(words)))
            c["text"] = " ".join(words)
    links = []
    for lk in model.all_links():
        d = lk.model_dump(mode="json", exclude_none=True)
        d.pop("id", None)
        r = rng.random()
        if r < 0.10:
            continue
        if r < 0.15 and d.get("kind", "support") == "support" and "group" not in d:
            d["kind"] = "attack"
        links.append(d)
    data["links"] = [d for d in links if d.get("kind") != "undercut"]
    from argmap.model import ArgMap

    target.write_text(dump_yaml(ArgMap.model_validate(data)), encoding="utf-8")
    return target


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "argmap", *args], check=True, cwd=ROOT,
                   capture_output=True)  # fmt: skip
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--map", type=Path, default=QT30)
    args = parser.parse_args()
    if not args.map.exists():
        sys.exit(f"{args.map}: not there (../shared/corpora beside the repository)")
    OUT.mkdir(parents=True, exist_ok=True)
    copy = perturbed(args.map, OUT / "perturbed.yaml")
    rows = {
        "validate perturbed copy": ["validate", str(copy)],
        "compare map against itself": ["compare", str(args.map), str(args.map)],
        "compare map against perturbed copy": ["compare", str(args.map), str(copy)],
    }
    times: dict[str, list[float]] = {name: [] for name in rows}
    for _ in range(args.runs):  # alternated, so a busy moment falls on every row alike
        for name, cmd in rows.items():
            times[name].append(timed(cmd))
    base = statistics.median(times["validate perturbed copy"])
    print(f"{args.map.name} against a perturbed copy; medians of {args.runs} runs")
    for name in rows:
        med = statistics.median(times[name])
        print(f"{name:38} {med:6.2f} s  {med / base:5.2f}x validate")
    worst = statistics.median(times["compare map against perturbed copy"])
    print(f"perturbed pair: {worst:.2f} s, {'within' if worst < 1 else 'over'} the 1 s target")


if __name__ == "__main__":
    main()
