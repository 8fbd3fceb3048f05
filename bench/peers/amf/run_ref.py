"""Run ARG-tech's amf-evaluation-metrics, as it is, on two (x)AIF files and print its
measures as one JSON line (run from the root of its repository; see README.md)."""

import contextlib
import io
import json
import sys
from pathlib import Path

sys.path.insert(0, ".")
from app.evaluation_metrics import evaluation  # noqa: E402 - the reference's own package


def load(path: str) -> dict:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return data if "AIF" in data else {"AIF": data, "text": data.get("text", ""), "OVA": []}


a, b = load(sys.argv[1]), load(sys.argv[2])
ref = evaluation()
with contextlib.redirect_stdout(io.StringIO()):
    matrices = ref.matching_calculation(a, b)
    kappa = ref.kappa_calculation(*matrices)
    similarity = ref.text_similarity(a, b)
    out = {
        "kappa": kappa,
        "F1": ref.F1_Macro_calculation(*matrices),
        "accuracy": ref.accuracy_calculation(*matrices),
        "text_similarity": similarity,
        "CASS": ref.CASS_calculation(similarity, kappa),
    }
print(json.dumps(out))
