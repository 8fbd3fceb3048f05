"""A fuzz campaign against argmap, as a hostile user would run one: mutated maps (YAML and
JSON), mutated corpus files of every import format, random commands and filter
expressions over valid maps, random edits, and resource bombs. Every case runs in this
process through the real command line (Typer's runner), under a time limit and a memory
limit, and is judged:

- internal error: exit status 70 (a traceback would be one too);
- hang: no answer within --timeout seconds;
- unlocated refusal: a map refused (exit 1) without a FILE:LINE:COL line, or a refusal
  of any kind that prints nothing on stderr;
- invalid JSON: --format json output that does not parse;
- unreadable export: an export of a valid map that argmap cannot import back (every
  format argmap reads) or that is not a valid map;
- import not valid: an import that writes a map `validate` rejects;
- edit damage: a refused edit that changed the file, or an accepted edit that changed
  claims, links or sources it was not asked to change, or left a temporary file.

Usage: python bench/fuzz.py [--seed N] [--cases N] [--timeout S] [--shared DIR]
Prints one line per finding (kind, case, detail) and a summary table; exits 1 when
anything was found. The corpora are read from ../shared/corpora (--shared).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

os.environ["NO_COLOR"] = "1"
os.environ["COLUMNS"] = "100"
os.environ["ARGMAP_NO_PROGRESS"] = "1"
os.environ.pop("ARGMAP_DEBUG", None)

from typer.testing import CliRunner  # noqa: E402

from argmap.cli import app  # noqa: E402

LOCATED = re.compile(r"^[^\s:][^:]*:\d+:\d+: (error|warning|note)\[\w+\]: ", re.M)
runner = CliRunner()


SUFFIXES = [".yaml", ".json"]


class Hang(BaseException):
    """Raised by the alarm: a case ran past its time."""


def _alarm(signum, frame):
    raise Hang()


# --- inputs -------------------------------------------------------------------------------


def maps() -> list[Path]:
    return sorted((ROOT / "maps").glob("*.yaml")) + sorted((ROOT / "tests" / "data").glob("*"))


def corpus_files(shared: Path) -> dict[str, list[Path]]:
    c = shared / "corpora"
    seed = Path(__file__).resolve().parent / "out" / "fuzz-seed.i23"
    seed.parent.mkdir(parents=True, exist_ok=True)
    seed.write_text("p af 6\n# a small ICCMA'23 framework\n1 2\n2 3\n3 1\n4 5\n5 4\n6 6\n")
    found = {
        "aif": sorted(c.glob("aif-*/*.json"))[:80],
        "sadface": sorted(c.glob("sadface/*.json")),
        "argdown": sorted(c.glob("argdown/**/*.argdown"))[:80],
        "carneades": sorted(c.glob("carneades-yaml/*.yml")),
        "microtexts": sorted(c.glob("arg-microtexts/part*/corpus/**/*.xml"))[:60],
        "iccma": sorted(p for p in c.glob("iccma/**/*") if p.suffix in (".apx", ".tgf"))[:40]
        + [Path(__file__).resolve().parent / "out" / "fuzz-seed.i23"],
    }
    return {k: v for k, v in found.items() if v}


HOSTILE_TEXT = [
    "", " ", "\x00", "\x7f\x85\u2028\u2029", "\ufffe\uffff", "]", "[", "{", "}", '"', "'",
    "\\", "<b>x</b>", "&amp;", "[bold]x[/]", "#tag", "--x", "-", "a" * 5000, "é" * 300,
    "😀", "\t\r\n", "null", "no", "0E0", ".inf", "1e999", "9" * 5000, "&&", "| x", "> x",
    "*a", "&a x", "!!python/object:os.system", "%TAG", "---", "...", "@", "`", "x:y", "x: y",
]  # fmt: skip


def hostile_value(rng: random.Random):
    choice = rng.randrange(9)
    if choice == 0:
        return rng.choice(HOSTILE_TEXT)
    if choice == 1:
        return rng.choice([0, -1, 10 ** rng.randrange(1, 5000), 1.5, float("nan"), True, None])
    if choice == 2:
        return [hostile_value(rng) for _ in range(rng.randrange(4))]
    if choice == 3:
        return {rng.choice(["id", "text", "kind", "x", ""]): hostile_value(rng)}
    if choice == 4:
        depth = rng.choice([10, 200, 3000])
        value: object = "x"
        for _ in range(depth):
            value = [value] if rng.random() < 0.5 else {"k": value}
        return value
    if choice == 5:
        return "".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(rng.randrange(1, 40)))
    return rng.choice(["c", "hedge", "a.support.b", "x" * 250, "UPPER", "1", "-a", "a b"])


def mutate_data(data, rng: random.Random):
    """Replace, drop or add one value somewhere in a JSON-shaped structure."""
    data = json.loads(json.dumps(data))
    for _ in range(rng.randrange(1, 4)):
        node = data
        path = []
        while isinstance(node, (dict, list)) and node and rng.random() < 0.75:
            key = rng.choice(list(node)) if isinstance(node, dict) else rng.randrange(len(node))
            path.append((node, key))
            node = node[key]
        if not path:
            continue
        parent, key = path[-1]
        roll = rng.random()
        if roll < 0.6:
            parent[key] = hostile_value(rng)
        elif roll < 0.8:
            if isinstance(parent, dict):
                parent.pop(key, None)
            else:
                parent.pop(key)
        elif isinstance(parent, dict):
            parent[rng.choice(["extra", "id", "links", "claims", "kind"])] = hostile_value(rng)
        else:
            parent.insert(key, hostile_value(rng))
    return data


def mutate_bytes(text: str, rng: random.Random) -> bytes:
    raw = bytearray(text.encode("utf-8"))
    for _ in range(rng.randrange(1, 6)):
        if not raw:
            break
        i = rng.randrange(len(raw))
        roll = rng.random()
        if roll < 0.3:
            raw[i] = rng.randrange(256)
        elif roll < 0.5:
            del raw[i : i + rng.randrange(1, 50)]
        elif roll < 0.7:
            j = rng.randrange(len(raw))
            raw[i:i] = raw[j : j + rng.randrange(1, 200)]
        elif roll < 0.85:
            raw[i:i] = rng.choice(HOSTILE_TEXT).encode("utf-8", "surrogatepass")
        else:
            raw[i:i] = rng.choice([b"\n  ", b": ", b"- ", b"{", b"[", b"&a ", b"*a", b'"'])
    return bytes(raw)


BOMBS = {
    "alias bomb (yaml)": "a: &a [x,x,x,x,x,x,x,x,x]\n"
    + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
        f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
        for i in range(9)
    ),  # fmt: skip
    "deep nesting (yaml)": "title: t\nclaims: " + "[" * 20000 + "]" * 20000 + "\n",
    "deep nesting (json)": '{"title": "t", "claims": ' + "[" * 20000 + "]" * 20000 + "}",
    "huge integer (json)": '{"title": "t", "argmap": ' + "9" * 20000 + "}",
    "big float (json)": '{"title": "t", "claims": [{"id": "c", "text": "C", "confidence": 1e999}]}',
    "long line": "title: " + "x" * 3_000_000 + "\n",
    "iccma23 header bomb": "p af 99999999999\n",
    "iccma23 ten million": "p af 10000000\n",
    "carneades positions string": "meta: {title: t}\nstatements: {}\narguments: {}\n"
    "issues:\n  i1:\n    positions: " + "x" * 50000 + "\n",
    "argdown front matter bomb": "===\na: &a [x,x,x,x,x,x,x,x,x]\n"
    + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
        f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
        for i in range(9)
    )
    + "===\n[a]: A\n",  # fmt: skip
}


# --- running and judging ------------------------------------------------------------------


class Campaign:
    def __init__(self, seed: int, timeout: float, shared: Path, work: Path) -> None:
        self.rng = random.Random(seed)
        self.timeout = timeout
        self.shared = shared
        self.work = work
        self.findings: list[tuple[str, str, str]] = []
        self.cases = Counter()
        self.signatures: Counter = Counter()
        self.kept: Path | None = None
        self.exits: Counter = Counter()
        #: DOT and Mermaid exports, for the real Graphviz and Mermaid's parser to read.
        self.drawn: list[tuple[str, Path, Path]] = []

    def draw_all(self, mermaid_check: Path | None) -> None:
        """Every DOT export drawn by the real `dot` (a time limit each), every Mermaid
        export read by Mermaid's own parser (one run): a refusal or a time-out is a finding."""
        import subprocess

        dot = shutil.which("dot")
        for fmt, source, out in self.drawn:
            if fmt != "dot" or dot is None:
                continue
            self.cases["draw"] += 1
            try:
                done = subprocess.run([dot, "-Tsvg", str(out), "-o", os.devnull],
                                      capture_output=True, timeout=30, check=False)  # fmt: skip
            except subprocess.TimeoutExpired:
                self.keep(source)
                self.finding("drawing refused", "draw:dot", f"dot ran past 30 s on {out.name}")
                continue
            if done.returncode != 0:
                self.keep(source)
                self.finding("drawing refused", "draw:dot", done.stderr.decode()[:200])
        mermaid = [out for fmt, _, out in self.drawn if fmt == "mermaid"]
        node = shutil.which("node")
        if mermaid and mermaid_check is not None and mermaid_check.exists() and node:
            self.cases["draw"] += len(mermaid)
            command = [node, str(mermaid_check), *map(str, mermaid)]
            done = subprocess.run(command, capture_output=True, text=True, timeout=900,
                                  check=False)  # fmt: skip
            for line in done.stdout.splitlines():
                if line.startswith("error "):
                    self.finding("drawing refused", "draw:mermaid", line[:200])

    def keep(self, path: Path) -> None:
        """Keep an input that led to a finding, for reproducing it (--keep DIR)."""
        if self.kept is not None:
            self.kept.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, self.kept / path.name)

    def finding(self, kind: str, case: str, detail: str) -> None:
        detail = " ".join(detail.split())[:300]
        signature = (kind, re.sub(r"\d+", "N", detail)[:120])
        self.signatures[signature] += 1
        if self.signatures[signature] <= 3:
            self.findings.append((kind, case, detail))
            print(f"{kind}\t{case}\t{detail}", flush=True)

    def invoke(self, case: str, args: list[str], stdin: bytes | None = None):
        """Run the CLI; judge internal errors, hangs and silent refusals."""
        self.cases[case.split(":")[0]] += 1
        signal.setitimer(signal.ITIMER_REAL, self.timeout)
        started = time.perf_counter()
        try:
            result = runner.invoke(app, args, input=stdin, catch_exceptions=True)
        except Hang:
            self.finding("hang", case, " ".join(args)[:200])
            return None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        elapsed = time.perf_counter() - started
        self.exits[(case.split(":")[0], result.exit_code)] += 1
        if isinstance(result.exception, Hang):
            self.finding("hang", case, " ".join(args)[:200])
            return None
        if result.exit_code == 70 or (
            result.exception is not None and not isinstance(result.exception, SystemExit)
        ):
            self.finding(
                "internal error", case, f"{' '.join(args)[:120]} :: {result.stderr[-200:]}"
            )
            return None
        if elapsed > self.timeout:
            self.finding("hang", case, f"{elapsed:.1f}s {' '.join(args)[:150]}")
        if result.exit_code != 0 and not result.stderr.strip() and result.exit_code != 1:
            self.finding("silent refusal", case, " ".join(args)[:200])
        return result

    def judge_map_refusal(self, case: str, result) -> None:
        # Exit 1 is also "nothing matched" (queries) and "validate found problems" (on
        # stdout): a refusal is an exit 1 that reports an error, and that must be located.
        said = result.stderr + (result.stdout if "error[" in result.stdout else "")
        if result.exit_code == 1 and "error" in said and not LOCATED.search(said):
            self.finding("unlocated refusal", case, said[:200])

    def judge_json(self, case: str, result) -> None:
        if result is not None and result.exit_code in (0, 1) and result.stdout.strip():
            try:
                json.loads(result.stdout)
            except ValueError as exc:
                self.finding("invalid JSON", case, f"{exc}: {result.stdout[:100]!r}")

    # --- case kinds ---

    def mutated_map(self, base: Path) -> None:
        text = base.read_text(encoding="utf-8", errors="replace")
        rng = self.rng
        suffix = rng.choice([".yaml", ".json"])
        if rng.random() < 0.5:
            try:
                from argmap.operations.loading import read_map

                data = read_map(str(base)).model.to_data()
            except Exception:
                data = {"title": "t"}
            mutated = mutate_data(data, rng)
            try:
                raw = json.dumps(mutated, ensure_ascii=rng.random() < 0.5).encode()
            except (ValueError, RecursionError):
                raw = b"{}"
            if suffix == ".yaml" and rng.random() < 0.5:
                raw = raw.replace(b"{", b"{ ")
        else:
            raw = mutate_bytes(text, rng)
        path = self.work / f"m{rng.randrange(10**9)}{suffix}"
        path.write_bytes(raw)
        case = f"map:{base.name}"
        command = rng.choice(
            [["validate"], ["show"], ["show", "-f", "json"], ["eval", "-f", "json"],
             ["claims", "-f", "json"], ["stats", "-f", "json"], ["coverage", "-f", "json"],
             ["questions", "-f", "json"], ["export", "--to", "json"], ["export", "--to", "dot"]]
        )  # fmt: skip
        result = self.invoke(case, [command[0], str(path), *command[1:]])
        if result is None:
            self.keep(path)
            return
        self.judge_map_refusal(case, result)
        if "json" in command:
            self.judge_json(case, result)
        if result.exit_code == 0 and command[0] == "validate":
            self.round_trips(case, path)

    def hostile_texts(self, base: Path) -> None:
        """A valid map whose texts, notes, quotes, titles and tags are hostile (yet valid):
        it must validate, export to every format and read back."""
        from argmap.operations.loading import read_map

        rng = self.rng
        data = read_map(str(base)).model.to_data()

        def text() -> str:
            parts = [rng.choice(HOSTILE_TEXT) for _ in range(rng.randrange(1, 4))]
            value = "".join(parts).strip() or "x"
            return (
                value
                if rng.random() < 0.8
                else value + " " + "".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(8))
            )

        for claim in data.get("claims", []):
            for field in ("text", "note", "locator"):
                if rng.random() < 0.3:
                    claim[field] = text()
            if claim.get("quote") and rng.random() < 0.2:
                claim["quote"] = text()
                claim.pop("source", None) if rng.random() < 0.1 else None
        for link in data.get("links", []):
            if rng.random() < 0.2:
                link["note"] = text()
        if rng.random() < 0.5:
            data["title"] = text()
        if rng.random() < 0.3:
            data["description"] = text()
        for source in data.get("sources", []):
            source.pop("path", None)  # quotes are not what this case checks
        path = self.work / f"h{rng.randrange(10**9)}{rng.choice(['.yaml', '.json'])}"
        path.write_text(json.dumps(data, ensure_ascii=rng.random() < 0.5), encoding="utf-8")
        result = self.invoke("hostile text:validate", ["validate", str(path)])
        if result is None or result.exit_code != 0:
            return
        for _ in range(2):
            self.round_trips("hostile text", path)
        shown = self.invoke("hostile text:show", [rng.choice(["show", "eval", "claims", "why"]),
                                                  str(path), "-f", "json"])  # fmt: skip
        if shown is not None:
            self.judge_json("hostile text", shown)

    def round_trips(self, case: str, path: Path) -> None:
        """Every format argmap both writes and reads must read back a valid map."""
        fmt = self.rng.choice(["json", "yaml", "argdown", "aif", "sadface", "graphml",
                               "microtexts", "dot", "mermaid"])  # fmt: skip
        out = self.work / f"x{self.rng.randrange(10**9)}.{fmt}"
        exported = self.invoke(f"export:{fmt}", ["export", str(path), "--to", fmt, "-o", str(out)])
        if exported is None or exported.exit_code != 0:
            if exported is not None:
                self.finding("unreadable export", f"export:{fmt}", exported.stderr[:200])
            return
        if fmt in ("dot", "mermaid"):  # drawn by the real tools at the end (draw_all)
            self.drawn.append((fmt, path, out))
            return
        if fmt in ("json", "yaml"):
            back = self.invoke(f"export:{fmt}", ["validate", str(out)])
        else:
            again = self.work / f"y{self.rng.randrange(10**9)}.yaml"
            back = self.invoke(
                f"export:{fmt}", ["import", str(out), "--from", fmt, "-o", str(again)]
            )
            if back is not None and back.exit_code == 0:
                back = self.invoke(f"export:{fmt}", ["validate", str(again)])
        if back is not None and back.exit_code != 0:
            self.keep(path)
            self.keep(out)
            self.finding("unreadable export", f"export:{fmt}", back.stderr[:200])

    def mutated_import(self, fmt: str, base: Path) -> None:
        rng = self.rng
        text = base.read_text(encoding="utf-8", errors="replace")
        if base.suffix == ".json" and rng.random() < 0.6:
            try:
                raw = json.dumps(mutate_data(json.loads(text), rng)).encode()
            except (ValueError, RecursionError):
                raw = mutate_bytes(text, rng)
        else:
            raw = mutate_bytes(text, rng)
        path = self.work / f"i{rng.randrange(10**9)}{base.suffix}"
        path.write_bytes(raw)
        case = f"import:{fmt}"
        if fmt == "iccma":
            semantics = rng.choice(["grounded", "preferred", "stable", "complete"])
            result = self.invoke(case, ["eval", str(path), "--semantics", semantics, "-f", "json"])
            if result is not None:
                self.judge_json(case, result)
            return
        out = self.work / f"o{rng.randrange(10**9)}.yaml"
        result = self.invoke(case, ["import", str(path), "--from", fmt, "-o", str(out)])
        if result is None:
            return
        if result is not None and result.exit_code != 0 and result.exit_code != 1:
            self.keep(path)
        if result.exit_code == 0:
            checked = self.invoke(case, ["validate", str(out)])
            if checked is not None and checked.exit_code != 0:
                self.keep(path)
                self.finding("import not valid", case, (checked.stderr + checked.stdout)[:200])
        elif result.exit_code == 1:
            said = result.stderr
            if "error" in said and not LOCATED.search(said):
                self.keep(path)
            self.judge_map_refusal(case, result)

    def random_command(self, base: Path) -> None:
        rng = self.rng
        from argmap.operations.loading import read_map

        model = read_map(str(base)).model
        ids = [c.id for c in model.claims] + ["nope", "-x", ""]
        links = [lk.id for lk in model.all_links()]
        pick = lambda: rng.choice(ids)  # noqa: E731
        expression = " ".join(
            rng.choice(["kind:claim", "tag:x", "not", "and", "or", "(", ")", "text:a",
                        "supports:" + pick(), "id:" + pick(), "quote:", "%", "regex:(a+)+$",
                        "depth<2", "source:x", '"', "kind:"])
            for _ in range(rng.randrange(1, 12))
        )  # fmt: skip
        command = rng.choice(
            [
                ["claims", str(base), "--where", expression, "-f", "json"],
                ["claims", str(base), "--regex", rng.choice(["(a+)+$", "[", "(?i)x", "a{99999}"]),
                 "-f", "json"],
                ["show", str(base), "--where", expression, "-f", "json"],
                ["why", str(base), pick(), "-f", "json"],
                ["impact", str(base), pick(), "-f", "json"],
                ["path", str(base), pick(), pick(), "-f", "json"],
                ["eval", str(base), "--semantics", rng.choice(["grounded", "preferred", "x"]),
                 "-f", "json"],
                ["eval", str(base), "--strength", rng.choice(["df-quad", "qe", "x"]), "-f", "json"],
                ["show", str(base), pick(), "--depth", str(rng.randrange(-1, 4)), "-f", "json"],
                ["export", str(base), "--focus", pick(), "--radius", str(rng.randrange(-1, 3)),
                 "--to", "json"],
                ["diff", str(base), str(rng.choice(maps())), "-f", "json"],
                ["questions", str(base), "-f", rng.choice(["json", "ids", "tsv"])],
                ["schemes", rng.choice(["analogy", "x", "", "-"]), "-f", "json"],
                ["why", str(base), rng.choice(links or ["x"]), "-f", "json"],
                ["schema"],
                ["fmt", str(base), "--check"],
                ["merge", str(base), str(rng.choice(maps())), str(rng.choice(maps())),
                 "-o", str(self.work / f"merged{rng.randrange(10**9)}.yaml"), "-f", "json"],
                ["new", str(self.work / f"new{rng.randrange(10**9)}{rng.choice(SUFFIXES)}"),
                 "--title", rng.choice(HOSTILE_TEXT + ["A title"])],
            ]
        )  # fmt: skip
        case = f"command:{command[0]}"
        result = self.invoke(case, command)
        if result is not None and "json" in command:
            self.judge_json(case, result)

    def random_edit(self, base: Path) -> None:
        rng = self.rng
        from argmap.operations.loading import read_map

        path = self.work / f"e{rng.randrange(10**9)}{base.suffix if base.suffix else '.yaml'}"
        shutil.copyfile(base, path)
        before_bytes = path.read_bytes()
        model = read_map(str(path)).model
        ids = [c.id for c in model.claims] or ["c"]
        links = [lk.id for lk in model.all_links()] or ["l"]
        text = rng.choice(HOSTILE_TEXT + ["A plain claim.", "Another one"])
        new_id = rng.choice(["fresh", "x" * 250, "a b", ids[0], "-a", "é", "new-1"])
        relation = rng.choice(["supports", "attacks", "undercuts", "x"])
        command = rng.choice(
            [
                ["add", str(path), "--text", text, "--id", new_id, "--supports", rng.choice(ids)],
                ["add", str(path), "--text", text, "--kind",
                 rng.choice(["claim", "evidence", "x"]), "--attacks", rng.choice(ids)],
                ["add", str(path), "--text", text, "--source", rng.choice(["panda2025", "x"]),
                 "--quote", rng.choice(["Japan", "the alliance", text])],
                ["link", str(path), rng.choice(ids), relation,
                 rng.choice(links) if relation == "undercuts" else rng.choice(ids)],
                ["unlink", str(path), rng.choice(links)],
                ["rm", str(path), rng.choice(ids)],
                ["rm", str(path), rng.choice(ids), "--cascade"],
                ["set", str(path), rng.choice(ids), rng.choice(["text", "kind", "note", "quote",
                                                                "confidence", "x"]), text],
                ["rename", str(path), rng.choice(ids + links), new_id],
                ["tag", str(path), rng.choice(ids), rng.choice(["+x", "-x", "+a b", "-alliance"])],
                ["answer", str(path), rng.choice(ids), rng.choice(links),
                 rng.choice(["possible", "relevant", "x", "no-interference"]),
                 rng.choice(["yes", "no", "maybe"])],
                ["source", "add", str(path), "--id", rng.choice(["s2", "panda2025", "a b", ""]),
                 "--title", text, "--path", rng.choice(["x.txt", "/dev/zero", "", "\x00"])],
                ["source", "rm", str(path), rng.choice(["panda2025", "brief", "x"]),
                 *rng.choice([[], ["--cascade"]])],
                ["fmt", str(path)],
            ]
        )  # fmt: skip
        case = f"edit:{command[0]}"
        result = self.invoke(case, command)
        leftovers = [p for p in self.work.iterdir() if p.name.startswith(f".{path.name}")]
        if leftovers:
            self.finding("edit damage", case, f"temporary file left: {leftovers[0].name}")
            for p in leftovers:
                p.unlink()
        if result is None:
            return
        if result.exit_code != 0:
            if path.read_bytes() != before_bytes:
                self.finding("edit damage", case, f"refused edit changed the file: {command[0]}")
            return
        after = self.invoke(case, ["validate", str(path)])
        if after is not None and after.exit_code != 0:
            self.finding("edit damage", case, f"edit left an invalid map: {after.stderr[:150]}")
            return
        self.judge_unchanged(case, command, model, read_map(str(path)).model)

    def judge_unchanged(self, case: str, command: list[str], old, new) -> None:
        """An accepted edit changes only what it names."""
        verb = command[0]
        if verb == "fmt":  # layout only: the map must read the same
            if old.to_data() != new.to_data():
                self.finding("edit damage", case, "fmt changed what the map says")
            return
        if verb not in ("add", "set", "tag", "link", "answer"):
            return
        named = command[2] if verb in ("set", "tag", "answer") else None
        old_claims = {c.id: c for c in old.claims}
        new_claims = {c.id: c for c in new.claims}
        for ident, claim in old_claims.items():
            if ident == named:
                continue
            if ident not in new_claims:
                self.finding("edit damage", case, f"{verb} removed claim {ident}")
            elif new_claims[ident].model_dump(exclude={"supports", "attacks", "undercuts"}) != (
                claim.model_dump(exclude={"supports", "attacks", "undercuts"})
            ):
                self.finding("edit damage", case, f"{verb} changed claim {ident}")
        old_links = {lk.id for lk in old.all_links()}
        new_links = {lk.id for lk in new.all_links()}
        if not old_links <= new_links:
            self.finding(
                "edit damage", case, f"{verb} removed links {sorted(old_links - new_links)[:3]}"
            )
        if old.sources != new.sources:
            self.finding("edit damage", case, f"{verb} changed the sources")

    def bomb(self, name: str, text: str) -> None:
        suffix = {"(json)": ".json"}.get(name[-6:], ".yaml")
        path = self.work / f"b{self.rng.randrange(10**9)}{suffix}"
        path.write_text(text, encoding="utf-8")
        if name.startswith("iccma"):
            args = ["eval", "--from", "i23", str(path), "-f", "json"]
        elif name.startswith("carneades"):
            args = ["import", str(path), "--from", "carneades"]
        elif name.startswith("argdown"):
            args = ["import", str(path), "--from", "argdown"]
        else:
            args = ["validate", str(path)]
        result = self.invoke(f"bomb:{name}", args)
        if result is not None and result.exit_code == 0 and not name.startswith("long"):
            self.finding("bomb accepted", f"bomb:{name}", result.stdout[:100])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--memory-gb", type=float, default=3.0)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--keep", type=Path, help="Copy inputs that led to findings here.")
    args = parser.parse_args()
    limit = int(args.memory_gb * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    signal.signal(signal.SIGALRM, _alarm)
    sys.setrecursionlimit(10000)
    print(f"seed {args.seed}, {args.cases} cases, {args.timeout:g} s each", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        campaign = Campaign(args.seed, args.timeout, args.shared, Path(tmp))
        campaign.kept = args.keep.resolve() if args.keep else None
        # The shipped maps beside the inputs, so that a map that uses another finds it,
        # and the folder the essay map names its (withheld) text in allowed, as this
        # project's configuration allows ../shared/sources.
        shutil.copytree(ROOT / "maps", Path(tmp), dirs_exist_ok=True)
        essay = (Path(tmp) / "../../shared/sources").resolve()
        (Path(tmp) / "argmap.toml").write_text(f"allow-read = [{str(essay)!r}]\n")
        os.chdir(tmp)
        corpora = corpus_files(args.shared)
        bases = [p for p in maps() if p.suffix in (".yaml", ".json")]
        valid = [p for p in sorted((ROOT / "maps").glob("*.yaml"))]
        rng = campaign.rng
        started = time.perf_counter()
        for name, text in BOMBS.items():
            campaign.bomb(name, text)
        for i in range(args.cases):
            roll = rng.random()
            if roll < 0.25:
                campaign.mutated_map(rng.choice(bases))
            elif roll < 0.35:
                campaign.hostile_texts(rng.choice(valid))
            elif roll < 0.65 and corpora:
                fmt = rng.choice(sorted(corpora))
                campaign.mutated_import(fmt, rng.choice(corpora[fmt]))
            elif roll < 0.85:
                campaign.random_command(rng.choice(valid))
            else:
                campaign.random_edit(rng.choice(valid))
            if (i + 1) % 1000 == 0:
                took = time.perf_counter() - started
                print(f"# {i + 1} cases, {took:.0f} s, {len(campaign.findings)} findings",
                      file=sys.stderr, flush=True)  # fmt: skip
        campaign.draw_all(ROOT / ".mermaid-peer" / "check.mjs")
    kinds = Counter(kind for kind, _ in campaign.signatures.elements())
    total = sum(campaign.cases.values())
    print(f"\n{total} runs of argmap over {args.cases} cases (seed {args.seed}):")
    for case, n in sorted(campaign.cases.items()):
        codes = ", ".join(
            f"exit {code}: {k}" for (c, code), k in sorted(campaign.exits.items()) if c == case
        )
        print(f"  {case:14} {n:6}   ({codes})")
    kinds_seen = (
        "internal error",
        "hang",
        "unlocated refusal",
        "silent refusal",
        "invalid JSON",
        "unreadable export",
        "import not valid",
        "edit damage",
        "bomb accepted",
        "drawing refused",
    )
    for kind in kinds_seen:
        print(f"{kind:18} {kinds.get(kind, 0)}")
    return 1 if campaign.findings else 0


if __name__ == "__main__":
    sys.exit(main())
