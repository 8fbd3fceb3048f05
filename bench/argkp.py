"""Claim identity measured on real data: IBM's ArgKP-2021 (arguments matched to key points),
scored with the shared task's official scorer, offline and with no downloaded model.

Each topic of a split becomes a map (its title the topic, its claims the key points and the
arguments), the maps are indexed into an argmap library, and each argument is scored against
every key point of its topic and stance with what `argmap library same` uses to score
wording (`argmap.analysis.library.wording_score`: IDF from the library, the map's title as
the topic; then `stood_out`: the best key point raised by its lead over the next). The
official scorer (bench/peers/argkp, run in its own venv .argkp-peer) then reports mean
average precision, strict and relaxed. `STANDS_OUT` was chosen on the dev split.

    python bench/argkp.py [--split test|dev]

Targets (issue: library): strict >= 0.60 and relaxed >= 0.75 on the test split; a stemmed
word-overlap matcher reaches 0.544 / 0.696, the best fine-tuned model 0.913 strict.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data" / "argkp-2021"
PEER = ROOT / "bench" / "peers" / "argkp"
VENV = ROOT / ".argkp-peer"

SCORE = """
import io, contextlib, sys
sys.path.insert(0, {peer!r})
import track_1_kp_matching as kpm
with contextlib.redirect_stdout(io.StringIO()):
    arg_df, kp_df, labels_df = kpm.load_kpm_data({data!r}, subset={split!r})
    merged = kpm.get_predictions({predictions!r}, labels_df, arg_df, kp_df)
print(kpm.calc_mean_average_precision(merged, "label_strict"),
      kpm.calc_mean_average_precision(merged, "label_relaxed"))
"""


def peer_python() -> Path:
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet",
                        "--disable-pip-version-check", "-r", str(PEER / "requirements.txt")],
                       check=True)  # fmt: skip
    return python


def predictions(split: str, work: Path) -> dict[str, dict[str, float]]:
    sys.path.insert(0, str(ROOT))
    import yaml

    from argmap.analysis.library import content_words, stood_out, wording_score
    from argmap.io.library_store import SqliteEngine
    from argmap.operations.library import index_library

    with open(DATA / f"arguments_{split}.csv", encoding="utf-8") as f:
        args = list(csv.DictReader(f))
    with open(DATA / f"key_points_{split}.csv", encoding="utf-8") as f:
        kps = list(csv.DictReader(f))
    topics = sorted({a["topic"] for a in args})
    maps = work / "maps"
    maps.mkdir()
    for n, topic in enumerate(topics):
        claims = [{"id": k["key_point_id"].replace("_", "-"), "text": k["key_point"]}
                  for k in kps if k["topic"] == topic]  # fmt: skip
        claims += [{"id": a["arg_id"].replace("_", "-"), "text": a["argument"]}
                   for a in args if a["topic"] == topic]  # fmt: skip
        (maps / f"topic-{n}.yaml").write_text(
            yaml.safe_dump({"argmap": 1, "title": topic, "claims": claims}, allow_unicode=True),
            encoding="utf-8",
        )
    index = work / "library.sqlite"
    index_library([str(maps)], index=index)
    engine = SqliteEngine(index)
    engine.open()
    total = engine.counts()[1]
    texts = [a["argument"] for a in args] + [k["key_point"] for k in kps]
    df = engine.document_frequency(t for text in texts for t in content_words(text))
    idf = {t: math.log((total + 1) / (n + 0.5)) for t, n in df.items()}
    titles = {topic: frozenset(content_words(topic)) for topic in topics}
    out: dict[str, dict[str, float]] = {}
    for a in args:
        out[a["arg_id"]] = stood_out({
            k["key_point_id"]: wording_score(a["argument"], k["key_point"], idf,
                                             titles[a["topic"]])
            for k in kps if k["topic"] == a["topic"] and k["stance"] == a["stance"]
        })  # fmt: skip
    engine.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["test", "dev"], default="test")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        start = time.perf_counter()
        predicted = predictions(options.split, work)
        seconds = time.perf_counter() - start
        path = work / "predictions.json"
        path.write_text(json.dumps(predicted), encoding="utf-8")
        code = SCORE.format(peer=str(PEER), data=str(DATA), split=options.split,
                            predictions=str(path))  # fmt: skip
        done = subprocess.run([str(peer_python()), "-c", code], capture_output=True, text=True,
                              check=True)  # fmt: skip
    strict, relaxed = (float(x) for x in done.stdout.split())
    pairs = sum(len(v) for v in predicted.values())
    print(f"ArgKP-2021 {options.split}: {len(predicted)} arguments, {pairs} pairs scored in "
          f"{seconds:.1f} s; official scorer: mAP strict {strict:.3f}, relaxed {relaxed:.3f} "
          "(targets 0.60 / 0.75)")  # fmt: skip


if __name__ == "__main__":
    main()
