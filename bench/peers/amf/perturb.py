"""An AIF map with one change, for the reference and argmap compare to measure:

    python perturb.py ORIGINAL.json PERTURBED.json drop-ra|flip

drop-ra removes the first inference (an RA node and its edges); flip turns the first
inference into a conflict (CA); reword changes the text of every third proposition (its
last word dropped, its first two swapped); merge folds the second proposition into the
first (texts joined, edges moved).
"""

import json
import sys
from pathlib import Path

source, target, how = sys.argv[1], sys.argv[2], sys.argv[3]
data = json.loads(Path(source).read_text(encoding="utf-8"))
aif = data.get("AIF", data)
if how == "drop-ra":
    gone = next(n["nodeID"] for n in aif["nodes"] if n["type"] == "RA")
    aif["nodes"] = [n for n in aif["nodes"] if n["nodeID"] != gone]
    aif["edges"] = [e for e in aif["edges"] if gone not in (e["fromID"], e["toID"])]
elif how == "flip":
    node = next(n for n in aif["nodes"] if n["type"] == "RA")
    node["type"], node["text"] = "CA", "Default Conflict"
elif how == "reword":
    for k, node in enumerate(n for n in aif["nodes"] if n["type"] == "I"):
        words = node["text"].split()
        if k % 3 == 0 and len(words) > 2:
            node["text"] = " ".join([words[1], words[0], *words[2:-1]])
elif how == "merge":
    # Two propositions no inference or conflict joins (merging those would make a claim
    # bear on itself, which argmap refuses).
    kinds = {n["nodeID"]: n["type"] for n in aif["nodes"]}
    ins = {}
    for e in aif["edges"]:
        ins.setdefault(e["toID"], []).append(e["fromID"])
    joined = {
        frozenset((p, c))
        for s, t in kinds.items()
        if t in ("RA", "CA", "MA")
        for p in ins.get(s, [])
        for e in aif["edges"]
        if e["fromID"] == s
        for c in [e["toID"]]
    }
    props = [n for n in aif["nodes"] if n["type"] == "I"]
    first, second = next(
        (x, y)
        for i, x in enumerate(props)
        for y in props[i + 1 :]
        if frozenset((x["nodeID"], y["nodeID"])) not in joined
    )
    first["text"] = first["text"] + " " + second["text"]
    aif["nodes"] = [n for n in aif["nodes"] if n is not second]
    for e in aif["edges"]:
        e["fromID"] = first["nodeID"] if e["fromID"] == second["nodeID"] else e["fromID"]
        e["toID"] = first["nodeID"] if e["toID"] == second["nodeID"] else e["toID"]
else:
    sys.exit(f"unknown change {how!r}")
Path(target).write_text(json.dumps(data), encoding="utf-8")
