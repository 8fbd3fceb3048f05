"""How well `argmap draft` proposes a map, on the Argumentative Microtext Corpus.

    python bench/draft.py [--part 1|2|both]

Reads the microtexts from ../shared/corpora/arg-microtexts (CC BY-NC-SA 4.0: read here,
never shipped). With the gold units as input, the measures of Peldszus & Stede (2015),
each a macro-F1 over units (attachment: over ordered pairs of units) computed by pycm:
central claim (and the share of texts whose central claim is right), function (central
claim / support / attack), role (proponent / opponent), attachment (which unit a unit
bears on). From the raw text: unit boundary F1 (the ends of units, in characters), the
share of gold units reproduced exactly, and the share of texts whose central claim
contains the gold central claim's words. Also the trivial baselines: "the central claim is
the first unit" and "attach to the unit before". argmap's cues are hand-set, not fitted,
so there are no folds: each part is one test set. Part 1 was used while writing the cues;
part 2 is the held-out part.

Gold structure, as units: an ``und`` (undercut of an edge) bears on the source of the edge
it undercuts, as an attack; an ``add`` (a further premise of an edge) does what the edge's
source does (same function and head); ``exa`` is a support. ADUs made of several EDUs
(through ``seg`` edges and joints) are one unit.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpora" / "arg-microtexts"


def gold(xml: Path) -> dict:
    """Units (text, in order), role, function, head and central claim of one microtext."""
    tree = ET.parse(xml).getroot()
    edus = {e.get("id"): e.text or "" for e in tree.iter("edu")}
    # Part 2 marks an EDU implicit when the text never says it (a central claim the
    # reader infers): it is no unit of the text, and what attaches to it attaches to none.
    unsaid = {e.get("id") for e in tree.iter("edu") if e.get("implicit") == "true"}
    adus = {a.get("id"): a.get("type") for a in tree.iter("adu") if a.get("implicit") != "true"}
    edges = {e.get("id"): (e.get("src"), e.get("trg"), e.get("type")) for e in tree.iter("edge")}
    # Which EDUs make each ADU (EDU -> ADU, or EDU -> joint -> ADU).
    parts: dict[str, list[str]] = {a: [] for a in adus}
    joint_of = {s: t for s, t, k in edges.values() if k == "seg" and s in edus}
    for edu, t in joint_of.items():
        target = t
        while target not in adus:
            nxt = [t2 for s2, t2, k2 in edges.values() if k2 == "seg" and s2 == target]
            if not nxt:
                break
            target = nxt[0]
        if target in adus:
            parts[target].append(edu)
    implicit = any(
        parts[a] and set(parts[a]) <= unsaid
        for a in adus
        if not any(s == a and k != "seg" for s, _, k in edges.values())
    )
    order = sorted((a for a in adus if parts[a] and not set(parts[a]) <= unsaid),
                   key=lambda a: min(int(e[1:]) for e in parts[a]))  # fmt: skip
    index = {a: i for i, a in enumerate(order)}
    texts = [" ".join(edus[e] for e in sorted(parts[a], key=lambda e: int(e[1:]))) for a in order]
    function = ["cc"] * len(order)
    head: list[int | None] = [None] * len(order)

    def resolve(edge_id: str, depth: int = 0) -> tuple[str, int | None]:
        src, trg, kind = edges[edge_id]
        if kind in ("sup", "exa"):
            return "support", index.get(trg)
        if kind == "reb":
            return "attack", index.get(trg)
        if kind == "und":
            return "attack", index.get(edges[trg][0]) if trg in edges else None
        if kind == "add" and trg in edges and depth < 10:
            return resolve(trg, depth + 1)
        return "support", None

    for eid, (src, _, kind) in edges.items():
        if kind == "seg" or src not in index:
            continue
        function[index[src]], head[index[src]] = resolve(eid)
    central = [i for i, f in enumerate(function) if f == "cc"]
    # A text whose central claim is implicit is left out of the central-claim measures.
    return {"texts": texts, "role": [adus[a] for a in order], "function": function,
            "head": head,
            "central": central[0] if central and not implicit else None}  # fmt: skip


def macro_f1(actual: list, predicted: list) -> float:
    import contextlib
    import io

    from pycm import ConfusionMatrix

    with contextlib.redirect_stdout(io.StringIO()):
        cm = ConfusionMatrix(actual_vector=[str(a) for a in actual],
                             predict_vector=[str(p) for p in predicted])  # fmt: skip
    value = cm.F1_Macro
    return float(value) if isinstance(value, (int, float)) else 0.0


def with_gold_units(files: list[Path]) -> dict[str, float]:
    from argmap.analysis.draft import draft_structure

    cc_a, cc_p, fn_a, fn_p, ro_a, ro_p, at_a, at_p = ([] for _ in range(8))
    base_cc, base_at = [], []
    right = first_right = explicit = 0
    times = []
    for xml in files:
        g = gold(xml)
        n = len(g["texts"])
        start = time.perf_counter()
        d = draft_structure(g["texts"])
        times.append(time.perf_counter() - start)
        if g["central"] is not None:
            explicit += 1
            right += d.central == g["central"]
            first_right += g["central"] == 0
            cc_a += [i == g["central"] for i in range(n)]
            cc_p += [i == d.central for i in range(n)]
            base_cc += [i == 0 for i in range(n)]
        fn_a += g["function"]
        fn_p += d.function
        ro_a += g["role"]
        ro_p += d.role
        for i in range(n):
            for j in range(n):
                if i != j:
                    at_a.append(g["head"][i] == j)
                    at_p.append(d.head[i] == j)
                    base_at.append(j == i - 1)
    return {
        "central claim F1": macro_f1(cc_a, cc_p),
        "central claim right (texts)": right / explicit,
        "texts with an explicit central claim": explicit,
        "function F1": macro_f1(fn_a, fn_p),
        "role F1": macro_f1(ro_a, ro_p),
        "attachment F1": macro_f1(at_a, at_p),
        "baseline: first unit is central, F1": macro_f1(cc_a, base_cc),
        "baseline: first unit is central (texts)": first_right / explicit,
        "baseline: attach to the unit before, F1": macro_f1(at_a, base_at),
        "seconds per text (structure)": statistics.mean(times),
    }


def from_raw_text(files: list[Path]) -> dict[str, float]:
    from argmap.analysis.draft import article_units, draft_structure
    from argmap.analysis.provenance import SourceText

    found = total_gold = total_pred = exact = gold_units = 0
    top_right = explicit = 0
    times = []
    for xml in files:
        g = gold(xml)
        raw = xml.with_suffix(".txt").read_text(encoding="utf-8")
        start = time.perf_counter()
        source = SourceText(raw)
        units, _ = article_units(raw, source.paragraphs)
        d = draft_structure([u.text for u in units])
        times.append(time.perf_counter() - start)
        # Gold unit ends in the raw text, found by their words in order.
        ends, spans, at = set(), set(), 0
        for t in g["texts"]:
            s = raw.find(t.strip()[:40], at)
            if s < 0:
                continue
            e = s + len(t.strip())
            ends.add(e)
            spans.add((s, e))
            at = s + 1
        pred_ends = {u.end for u in units}
        found += len(ends & pred_ends)
        total_gold += len(ends)
        total_pred += len(pred_ends)
        exact += len(spans & {(u.start, u.end) for u in units})
        gold_units += len(g["texts"])
        if g["central"] is None:
            continue
        explicit += 1
        if units and d.central >= 0:
            top = units[d.central].text.lower()
            top_right += g["texts"][g["central"]].strip().lower()[:-1] in top
    p = found / total_pred if total_pred else 0
    r = found / total_gold if total_gold else 0
    return {
        "boundary F1": 2 * p * r / (p + r) if p + r else 0.0,
        "gold units reproduced exactly": exact / gold_units,
        "top claim holds the gold central claim (texts)": top_right / explicit,
        "seconds per text (from raw text)": statistics.mean(times),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["1", "2", "both"], default="both")
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS}: not there (../shared/corpora beside the repository)")
    parts = {"1": sorted((CORPUS / "part1" / "corpus" / "en").glob("*.xml")),
             "2": sorted((CORPUS / "part2" / "corpus").glob("*.xml"))}  # fmt: skip
    chosen = ["1", "2"] if args.part == "both" else [args.part]
    rows: dict[str, dict[str, float]] = {}
    for part in chosen:
        rows[part] = {**with_gold_units(parts[part]), **from_raw_text(parts[part])}
    names = list(next(iter(rows.values())))
    print(f"{'measure':50}" + "".join(f"{'part ' + p + f' ({len(parts[p])})':>16}"
                                      for p in chosen))  # fmt: skip
    for name in names:
        cells = "".join(f"{rows[p][name]:16.3f}" if isinstance(rows[p][name], float)
                        else f"{rows[p][name]:16d}" for p in chosen)  # fmt: skip
        print(f"{name:50}{cells}")


if __name__ == "__main__":
    main()
