"""Read AIF files with arguebuf and print, for each, what it found, as JSON lines:
{"file", "atoms": {id: text}, "schemes": [{"id", "type", "scheme", "premises": [...],
"conclusions": [...]}]}; "scheme" is the scheme arguebuf recognised (its value, such as
"Practical Reasoning" or "Default"). A scheme's premises and conclusions are node ids (atoms or
schemes). Usage: python read_aif.py FILE..."""

import json
import sys

import arguebuf as ab

for path in sys.argv[1:]:
    graph = ab.load.file(path)
    schemes = []
    for node in graph.scheme_nodes.values():
        kind = type(node.scheme).__name__ if node.scheme is not None else None
        schemes.append(
            {
                "id": node.id,
                "type": kind,
                "scheme": node.scheme.value if node.scheme is not None else None,
                "premises": sorted(n.id for n in graph.incoming_nodes(node)),
                "conclusions": sorted(n.id for n in graph.outgoing_nodes(node)),
            }
        )
    atoms = {node.id: node.plain_text for node in graph.atom_nodes.values()}
    print(json.dumps({"file": path, "atoms": atoms, "schemes": schemes}))
