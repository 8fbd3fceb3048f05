"""Record what ARG-tech's amf-evaluation-metrics gives on QT30 maps against changed copies
of themselves and against each other, as the fixture tests/test_compare.py checks
`argmap compare` against (run from the root of the reference's repository, in its venv;
see README.md):

    venv/bin/python record.py ../shared/corpora/aif-qt30-dialam2024 > amf-reference.json

The changed copies are made by perturb.py, deterministically; the test makes them again.
"""

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, ".")
from app.evaluation_metrics import evaluation  # noqa: E402 - the reference's own package

HERE = Path(__file__).resolve().parent
MAPS = [
    "nodeset21019",
    "nodeset21318",
    "nodeset21570",
    "nodeset21596",
    "nodeset21711",
    "nodeset24809",
]
CHANGES = ["drop-ra", "flip", "reword", "merge"]
ACROSS = [
    ("nodeset21019", "nodeset21318"),
    ("nodeset21570", "nodeset21596"),
    ("nodeset21711", "nodeset21019"),
    ("nodeset24809", "nodeset25045"),
]


def load(path):
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return data if "AIF" in data else {"AIF": data, "text": data.get("text", ""), "OVA": []}


def rephrases_differ(a, b):
    """Whether a pair of propositions the reference makes differs in its count of
    rephrases (MA nodes), which argmap does not keep."""
    from app.matching import match

    g1, g2 = match.get_graphs(load(a)["AIF"], load(b)["AIF"])
    return any(
        rel["ID1"] != 0
        and rel["ID2"] != 0
        and match.count_s_nodes(rel["ID1"], g1)[2] != match.count_s_nodes(rel["ID2"], g2)[2]
        for rel in match.get_prop_sim_matrix(g1, g2)
    )


def pairs(a, b):
    """The propositions the reference pairs (0: unpaired), as [ID1, ID2] sorted."""
    from app.matching import match

    g1, g2 = match.get_graphs(load(a)["AIF"], load(b)["AIF"])
    return sorted([str(r["ID1"]), str(r["ID2"])] for r in match.get_prop_sim_matrix(g1, g2))


def measure(a, b):
    ref = evaluation()
    with contextlib.redirect_stdout(io.StringIO()):
        differ = rephrases_differ(a, b)
        paired = pairs(a, b)
        ms = ref.matching_calculation(load(a), load(b))
        one = [ms[1]] * 6  # the propositional-relations matrix alone
        return {
            "kappa": ref.kappa_calculation(*ms),
            "F1": ref.F1_Macro_calculation(*ms),
            "accuracy": ref.accuracy_calculation(*ms),
            "propositional_relations": {
                "kappa": ref.kappa_calculation(*one),
                "F1": ref.F1_Macro_calculation(*one),
                "accuracy": ref.accuracy_calculation(*one),
                "matrix": ms[1].to_array().tolist(),
            },
            "rephrases_differ": differ,
            "pairs": paired,
        }


corpus = Path(sys.argv[1])
out = {
    "made_by": "venv/bin/python bench/peers/amf/record.py CORPUS (in the reference's "
    "checkout, with bench/peers/amf/perturb.py making the changed copies)",
    "pairs": [],
}
for name in MAPS:
    for change in CHANGES:
        changed = Path(f"/tmp/{name}-{change}.json")
        subprocess.run(
            [
                sys.executable,
                str(HERE / "perturb.py"),
                str(corpus / f"{name}.json"),
                str(changed),
                change,
            ],
            check=True,
        )
        out["pairs"].append(
            {"a": name, "change": change, "reference": measure(corpus / f"{name}.json", changed)}
        )
for a, b in ACROSS:
    out["pairs"].append(
        {"a": a, "b": b, "reference": measure(corpus / f"{a}.json", corpus / f"{b}.json")}
    )
print(json.dumps(out, indent=1))
