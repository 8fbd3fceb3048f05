"""The worst inputs a hostile user can hand argmap, each run as a whole process: its exit
status, wall time and peak memory beside its bound.

Every case must end (no hang) within its time bound and memory bound, with the exit
status argmap promises: 0 where the input is fine, 1 (a located error) or 2 where it is
refused; never 70 (an internal error). The inputs are generated into bench/out/hostile/.

    python bench/hostile.py [--only NAME] [--time 10] [--memory-mb 1024]

Exits 1 when a case breaks its bound or its status.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "hostile"
SOURCE = ROOT.parent / "shared" / "sources" / "us-japan-trump2-panda-2025.txt"


def _bomb(levels: int = 9, width: int = 9) -> str:
    lines = [f"a0: &a0 [{', '.join(['x'] * width)}]"]
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


MICROTEXT_BODY = "<arggraph id='x'><edu id='e1'>&lol9;</edu></arggraph>"
GRAPHML_BODY = (
    "<graphml xmlns='http://graphml.graphdrawing.org/xmlns'><key id='d0' for='node' "
    "attr.name='text' attr.type='string'/><graph edgedefault='directed'><node id='n0'>"
    "<data key='d0'>&lol9;</data></node></graph></graphml>"
)


def _xml_bomb(body: str) -> str:
    """Billion laughs: nine levels of entities, each ten of the one below."""
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE lolz [", ' <!ENTITY lol0 "lol">']
    lines += [f' <!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return "\n".join([*lines, "]>", body]) + "\n"


def _chain(n: int, kind: str = "support") -> dict:
    claims = [{"id": "c0", "text": "C", "kind": "conclusion"}]
    links = []
    for i in range(1, n + 1):
        claims.append({"id": f"c{i}", "text": f"Claim {i}"})
        links.append({"id": f"l{i}", "source": f"c{i}", "target": f"c{i - 1}"})
    if kind == "undercut":
        links = [{"id": "l1", "source": "c1", "target": "c0"}]
        for i in range(2, n + 1):
            links.append({"id": f"l{i}", "source": f"c{i}", "target": f"l{i - 1}",
                          "kind": "undercut"})  # fmt: skip
    return {"title": f"a {kind} chain of {n}", "claims": claims, "links": links}


def _dense(n: int, m: int, seed: int = 5) -> dict:
    rng = random.Random(seed)
    claims = [{"id": f"c{i}", "text": f"Claim {i}"} for i in range(n)]
    claims.append({"id": "island", "text": "Connected to nothing."})
    seen = set()
    links = []
    while len(links) < m:
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b and (a, b) not in seen and (b, a) not in seen:
            seen.add((a, b))
            kind = "attack" if rng.random() < 0.5 else "support"
            if kind == "support" and a < b:
                a, b = b, a  # supports go one way: no support cycle
            links.append({"source": f"c{a}", "target": f"c{b}", "kind": kind})
    return {"title": "dense", "claims": claims, "links": links}


def _renamed(n: int, prefix: str, seed: int = 3) -> dict:
    rng = random.Random(seed)
    words = ["alliance", "policy", "tariff", "deterrence", "China", "Japan", "trade",
             "security", "budget", "navy"]  # fmt: skip
    claims = [
        {"id": f"{prefix}{i}", "text": " ".join(rng.choice(words) for _ in range(12)) + f" {i}."}
        for i in range(n)
    ]
    links = [{"source": f"{prefix}{i}", "target": f"{prefix}{i // 2}"} for i in range(1, n)]
    return {"title": "renamed", "claims": claims, "links": links}


def _missing_quotes(n: int, source: Path) -> dict:
    rng = random.Random(9)
    claims = [
        {"id": f"q{i}", "text": f"Quote {i}", "source": "s",
         "quote": " ".join(rng.choice(["lorem", "ipsum", "dolor", "sit", "amet", "policy"])
                           for _ in range(12))}
        for i in range(n)
    ]  # fmt: skip
    return {"title": "quotes", "sources": [{"id": "s", "title": "S", "path": str(source)}],
            "claims": claims}  # fmt: skip


def cases() -> list[tuple[str, list[str], set[int]]]:
    """(name, argmap arguments, the exit statuses allowed)."""
    OUT.mkdir(parents=True, exist_ok=True)

    def write(name: str, text: str) -> str:
        path = OUT / name
        if not path.exists() or path.read_text(encoding="utf-8", errors="replace") != text:
            path.write_text(text, encoding="utf-8")
        return str(path)

    def write_json(name: str, data: dict) -> str:
        return write(name, json.dumps(data))

    rng = random.Random(1)
    big_source = " ".join(rng.choice(["the", "alliance", "Japan", "policy", "of", "and"])
                          for _ in range(170_000)) + "\n"  # fmt: skip
    source = write("big-source.txt", big_source)
    shipped = str(ROOT / "maps" / "us-japan-trump2.yaml")
    long_quote = {"title": "q", "sources": [{"id": "s", "title": "S", "path": source}],
                  "claims": [{"id": "q", "text": "Q", "source": "s",
                              "quote": " ".join(["policy", "word"] * 2500)}]}  # fmt: skip
    return [
        ("YAML alias bomb (map)", ["validate", write("bomb.yaml", _bomb())], {1}),
        (
            "YAML alias bomb (Carneades)",
            ["import", write("bomb.yml", "statements: {}\n" + _bomb()), "--from", "carneades"],
            {1},
        ),
        (
            "YAML alias bomb (Argdown front matter)",
            ["import", write("bomb.argdown", "===\n" + _bomb() + "===\n[a]: A\n")],
            {1},
        ),
        ("YAML nested 20,000 deep", ["validate", write("deep.yaml", "title: " + "[" * 20000)], {1}),
        (
            "JSON nested 20,000 deep",
            ["validate", write("deep.json", '{"title": ' + "[" * 20000 + "]" * 20000 + "}")],
            {1},
        ),
        (
            "JSON integer of 20,000 digits",
            ["validate", write("int.json", '{"title": "t", "argmap": ' + "9" * 20000 + "}")],
            {1},
        ),
        (
            "a chain of 5,000 supports: show",
            ["show", write_json("chain.json", _chain(5000)), "-f", "ids"],
            {0},
        ),
        ("a chain of 5,000 supports: eval", ["eval", str(OUT / "chain.json"), "-f", "json"], {0}),
        (
            "a chain of 3,000 undercuts: show",
            ["show", write_json("undercuts.json", _chain(3000, "undercut")), "-f", "ids"],
            {0},
        ),
        (
            "a chain of 3,000 undercuts: eval",
            ["eval", str(OUT / "undercuts.json"), "-f", "json"],
            {0},
        ),
        (
            "--where with 3,000 'and'",
            ["claims", shipped, "--where", " and ".join(["kind:claim"] * 3001)],
            {0, 1},
        ),
        (
            "--where with 5,000 parentheses",
            ["claims", shipped, "--where", "(" * 5000 + "kind:claim" + ")" * 5000],
            {0, 1, 2},
        ),
        (
            "--where with 5,000 'not'",
            ["claims", shipped, "--where", "not " * 5000 + "kind:claim"],
            {0, 1, 2},
        ),
        (
            "--regex '(a+)+$' (catastrophic backtracking)",
            [
                "claims",
                write_json(
                    "aaa.json", {"title": "t", "claims": [{"id": "a", "text": "a" * 40 + "!"}]}
                ),
                "--regex",
                "(a+)+$",
            ],
            {1, 2},
        ),  # fmt: skip
        (
            "path between unconnected claims of a dense graph (400 claims, 12,000 links)",
            ["path", write_json("dense.json", _dense(400, 12000)), "c5", "island"],
            {1},
        ),
        (
            "path between connected claims of the dense graph (--max 20)",
            ["path", str(OUT / "dense.json"), "c399", "c0", "--max", "20", "-f", "json"],
            {0},
        ),
        (
            "diff of two 1,000-claim maps whose ids all changed",
            [
                "diff",
                write_json("old.json", _renamed(1000, "a")),
                write_json("new.json", _renamed(1000, "b")),
            ],
            {0, 1},
        ),  # fmt: skip
        (
            "validate: 200 quotes missing from a 1 MB source",
            ["validate", write_json("quotes.json", _missing_quotes(200, Path(source)))],
            {1},
        ),
        (
            "validate: one quote of 5,000 words",
            ["validate", write_json("long-quote.json", long_quote)],
            {1},
        ),
        (
            "ICCMA'23 of 18 bytes declaring 10,000,000 arguments",
            ["eval", "--from", "i23", write("ten-million.i23", "p af 10000000\n")],
            {0, 1},
        ),
        (
            "ICCMA'23 header 'p af 99999999999'",
            ["eval", "--from", "i23", write("huge.i23", "p af 99999999999\n")],
            {1},
        ),
        (
            "Carneades positions: a 50,000-character string",
            [
                "import",
                write(
                    "positions.yml",
                    "statements: {}\nissues:\n  i1:\n    positions: " + "x" * 50000 + "\n",
                ),
                "--from",
                "carneades",
            ],
            {1},
        ),  # fmt: skip
        (
            "XML entity bomb (microtexts)",
            ["import", write("lol.xml", _xml_bomb(MICROTEXT_BODY)), "--from", "microtexts"],
            {1},
        ),
        (
            "XML entity bomb (GraphML)",
            ["import", write("lol.graphml", _xml_bomb(GRAPHML_BODY)), "--from", "graphml"],
            {1},
        ),
        (
            "a source path of /dev/zero",
            [
                "validate",
                write_json(
                    "zero.json",
                    {
                        "title": "t",
                        "sources": [{"id": "s", "title": "S", "path": "/dev/zero"}],
                        "claims": [{"id": "c", "text": "C", "source": "s", "quote": "q"}],
                    },
                ),
            ],
            {1},
        ),  # fmt: skip
    ]


def run(args: list[str], seconds: float) -> tuple[int | None, float, float, str]:
    """Exit status (None: killed at three times the time bound), wall seconds, peak MiB
    of the process (from its own resource usage), and the last line it wrote on stderr."""
    import tempfile
    import threading

    env = {**os.environ, "NO_COLOR": "1", "ARGMAP_NO_PROGRESS": "1"}
    with tempfile.TemporaryFile() as err, open(os.devnull, "wb") as sink:
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "argmap", *args], stdout=sink,
                                stderr=err, cwd=ROOT, env=env)  # fmt: skip
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            proc.kill()

        timer = threading.Timer(seconds * 3, kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        timer.cancel()
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").strip().splitlines()
    code = None if killed.is_set() else proc.returncode
    return code, wall, usage.ru_maxrss / 1024, (lines[-1] if lines else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="Run the cases whose name holds this text.")
    parser.add_argument("--time", type=float, default=10.0, help="Seconds each case may take.")
    parser.add_argument("--memory-mb", type=float, default=1024, help="Peak MiB each may use.")
    args = parser.parse_args()
    failed = 0
    print(f"{'case':75} {'exit':>4} {'seconds':>8} {'peak MiB':>9}")
    for name, argv, allowed in cases():
        if args.only and args.only.lower() not in name.lower():
            continue
        status, wall, peak, said = run(argv, args.time)
        shown_peak = f"{peak:.0f}"
        ok = status in allowed and wall <= args.time and peak <= args.memory_mb
        failed += not ok
        mark = "" if ok else f"   FAILS (allowed exit {sorted(allowed)}): {said[:100]}"
        print(f"{name[:75]:75} {status!s:>4} {wall:8.2f} {shown_peak:>9}{mark}", flush=True)
    print(f"\nbounds: {args.time:g} s and {args.memory_mb:g} MiB a case; "
          f"{'all within' if not failed else f'{failed} outside'}")  # fmt: skip
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
