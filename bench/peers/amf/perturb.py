"""An AIF map with one change, for the reference and argmap compare to measure:

    python perturb.py ORIGINAL.json PERTURBED.json drop-ra|flip

drop-ra removes the first inference (an RA node and its edges); flip turns the first
inference into a conflict (CA).
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
else:
    sys.exit(f"unknown change {how!r}")
Path(target).write_text(json.dumps(data), encoding="utf-8")
