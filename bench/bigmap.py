"""Write a large synthetic map in canonical JSON, deterministically.

    python bench/bigmap.py --claims 100000 --links 200000 -o bench/out/big.json

Claim i links only to claims with a smaller index (so supports never form a cycle); the
first claims are conclusions. Texts are drawn from a fixed word list; every claim has a
tag or two. The same arguments always give the same bytes. ``--disconnected 0.2`` leaves
the last fifth of the claims unlinked, as a corpus import leaves claims bearing on no
conclusion.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

WORDS = [
    "alliance",
    "deterrence",
    "tariff",
    "trade",
    "china",
    "japan",
    "korea",
    "europe",
    "security",
    "budget",
    "defence",
    "treaty",
    "navy",
    "port",
    "energy",
    "market",
    "policy",
    "risk",
    "growth",
    "export",
    "import",
    "pact",
    "summit",
    "base",
    "troops",
    "missile",
    "supply",
    "chain",
    "coalition",
    "election",
    "sanction",
    "ally",
    "partner",
    "rival",
    "order",
]
TAGS = ["china", "trade", "security", "economy", "alliance", "energy", "history", "korea"]
KINDS = ["claim", "premise", "evidence", "assumption", "objection"]


def build(n_claims: int, n_links: int, seed: int = 2025, disconnected: float = 0.0) -> dict:
    rng = random.Random(seed)
    # The last share of the claims is left unlinked: claims bearing on no conclusion, as
    # a corpus import has (each one a `disconnected` warning).
    linked = n_claims - int(n_claims * disconnected)
    claims = []
    for i in range(n_claims):
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14)))
        claims.append(
            {
                "id": f"c{i:06d}",
                "text": f"Claim {i}: {words}.",
                "kind": "conclusion" if i < 10 else rng.choice(KINDS),
                "tags": sorted(set(rng.sample(TAGS, rng.randint(1, 2)))),
            }
        )
    links = []
    seen = set()
    while len(links) < n_links:
        source = rng.randrange(1, linked)
        # Mostly near predecessors, sometimes far: long chains and a connected core.
        target = (
            max(0, source - rng.randint(1, 50)) if rng.random() < 0.8 else rng.randrange(source)
        )
        kind = "support" if rng.random() < 0.75 else "attack"
        if (source, target) in seen:
            continue
        seen.add((source, target))
        s, t = f"c{source:06d}", f"c{target:06d}"
        links.append({"id": f"{s}.{kind}.{t}", "source": s, "target": t, "kind": kind})
    return {"argmap": 1, "title": f"Synthetic map of {n_claims} claims", "claims": claims,
            "links": links}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--links", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument(
        "--disconnected",
        type=float,
        default=0.0,
        help="the share of claims left with no link (default 0)",
    )
    parser.add_argument("-o", "--output", default="bench/out/big.json")
    args = parser.parse_args()
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    data = build(args.claims, args.links, args.seed, args.disconnected)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{out}: {args.claims} claims, {args.links} links, {out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
