"""The large-map speed work changes no answer: on a generated map (bench/bigmap.py, 3,000
claims and 6,000 links), every command of bench/large.py's table prints what argmap printed
before that work (commit 0a5877a), compared by digest.

To record the digests again from another checkout: PYTHONPATH=CHECKOUT python
tests/test_large_answers.py (it prints them).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

COMMANDS = {
    "validate": ["validate", "MAP", "-f", "json"],
    "export-dot": ["export", "MAP", "--to", "dot", "-o", "-"],
    "impact": ["impact", "MAP", "c001500", "-f", "json"],
    "why": ["why", "MAP", "c001500", "-f", "json"],
    "show": ["show", "MAP", "c001500", "--depth", "2"],
    "claims": ["claims", "MAP", "--text", "alliance", "-f", "ids"],
}

#: (exit status, sha256 of stdout with the map's path written MAP, first 16 hex, lines),
#: as argmap 0a5877a answered.
BEFORE = {
    "validate": (0, "00952067baccf31c", 5922),
    # Recorded again after the picture's style changed (box margins, spacing, legend rows):
    # the diff against 0a5877a's output is those three lines alone, every node and arrow
    # as it was.
    "export-dot": (0, "bfcdb005c53a3a11", 9006),
    "impact": (0, "388a32a5c06a879c", 12645),
    "why": (0, "9eab065a03b4d063", 13325),
    "show": (0, "910aa08ad78410fa", 10),
    "claims": (0, "306d6f633ccde201", 752),
}


def generated_map(where: Path) -> Path:
    spec = importlib.util.spec_from_file_location("bigmap", ROOT / "bench" / "bigmap.py")
    bigmap = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bigmap)
    path = where / "map.json"
    path.write_text(json.dumps(bigmap.build(3000, 6000), indent=2), encoding="utf-8")
    return path


def answer(name: str, path: Path) -> tuple[int, str, int]:
    args = [str(path) if a == "MAP" else a for a in COMMANDS[name]]
    # Piped, with no width given: one row a line, as recorded (COLUMNS would lay it out).
    env = {**{k: v for k, v in os.environ.items() if k != "COLUMNS"}, "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "argmap", *args], capture_output=True, env=env, check=False
    )
    out = done.stdout.replace(str(path).encode(), b"MAP")
    return done.returncode, hashlib.sha256(out).hexdigest()[:16], out.count(b"\n")


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    return generated_map(tmp_path_factory.mktemp("large"))


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_answers_on_a_generated_map_are_unchanged(big, name):
    assert answer(name, big) == BEFORE[name]


def test_a_one_shot_command_freezes_what_it_read_out_of_the_collectors_walks():
    """The command line keeps every map it read until it exits; kept objects are moved to
    the collector's permanent generation, so later full collections do not walk them."""
    import subprocess
    import sys

    script = (
        "import gc\n"
        "from argmap.io.bulk import keep_until_exit, kept\n"
        "before = gc.get_freeze_count()\n"
        "kept([object()])\n"
        "assert gc.get_freeze_count() == before, 'frozen without keep_until_exit'\n"
        "keep_until_exit()\n"
        "kept([object() for _ in range(1000)])\n"
        "assert gc.get_freeze_count() > before + 1000, gc.get_freeze_count()\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=300, check=False)  # fmt: skip
    assert proc.returncode == 0, proc.stderr


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as work:
        path = generated_map(Path(work))
        for name in COMMANDS:
            print(f"    {name!r}: {answer(name, path)},")
