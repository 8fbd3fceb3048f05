"""How fast `argmap lsp` answers, on a generated 1,000-claim map (medians).

    python bench/lsp.py [--claims 1000] [--runs 15]

Prints: time to answer `initialize` from a cold start; time from a change to the
publication of its diagnostics (including the server's pause for typing); completion
and hover latency. Targets (issue 13): 0.5 s, 200 ms, 50 ms, 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SERVER = [sys.executable, "-m", "argmap", "lsp"]


def make_map(claims: int, folder: Path) -> Path:
    big = folder / "big.json"
    subprocess.run(
        [
            sys.executable,
            str(HERE / "bigmap.py"),
            "--claims",
            str(claims),
            "--links",
            str(2 * claims),
            "-o",
            str(big),
        ],
        check=True,
        capture_output=True,
    )
    path = folder / "big.yaml"
    subprocess.run(
        [sys.executable, "-m", "argmap", "export", str(big), "--to", "yaml", "-o", str(path)],
        check=True,
        capture_output=True,
    )
    return path


async def start() -> tuple[LanguageClient, float]:
    client = LanguageClient("bench", "1")
    began = time.perf_counter()
    await client.start_io(*SERVER)
    await client.initialize_async(
        types.InitializeParams(capabilities=types.ClientCapabilities(), process_id=None)
    )
    took = time.perf_counter() - began
    client.initialized(types.InitializedParams())
    return client, took


async def measure(path: Path, runs: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {
        "initialize": [],
        "diagnostics": [],
        "completion": [],
        "hover": [],
    }
    for _ in range(runs):
        client, took = await start()
        times["initialize"].append(took)
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
    client, _ = await start()
    published: dict[int, float] = {}
    arrived = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published[params.version or 0] = time.perf_counter()
        arrived.set()

    uri = path.as_uri()
    text = path.read_text(encoding="utf-8")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)
        )
    )
    await arrived.wait()
    lines = text.split("\n")
    target = next(i for i, line in enumerate(lines) if line.strip().startswith("text:"))
    indent = lines[target][: len(lines[target]) - len(lines[target].lstrip())]
    for version in range(2, runs + 2):
        arrived.clear()
        new = f"{indent}text: Changed {version}."
        old_len = len(lines[target])
        lines[target] = new
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[
                    types.TextDocumentContentChangePartial(
                        range=types.Range(
                            start=types.Position(line=target, character=0),
                            end=types.Position(line=target, character=old_len),
                        ),
                        text=new,
                    )
                ],
            )
        )
        while version not in published:
            await arrived.wait()
            arrived.clear()
        times["diagnostics"].append(published[version] - sent)
    supports = next(i for i, line in enumerate(lines) if "target:" in line)
    claim_id = next(i for i, line in enumerate(lines) if line.lstrip().startswith("- id: "))
    doc = types.TextDocumentIdentifier(uri=uri)
    for _ in range(runs):
        began = time.perf_counter()
        await client.text_document_completion_async(
            types.CompletionParams(
                text_document=doc,
                position=types.Position(line=supports, character=len(lines[supports])),
            )
        )
        times["completion"].append(time.perf_counter() - began)
        began = time.perf_counter()
        await client.text_document_hover_async(
            types.HoverParams(
                text_document=doc,
                position=types.Position(line=claim_id, character=lines[claim_id].index("id:") + 5),
            )
        )
        times["hover"].append(time.perf_counter() - began)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    # Byte-compiled, as an installed wheel is (PYTHONDONTWRITEBYTECODE may be set here).
    compileall.compile_dir(str(ROOT / "argmap"), quiet=1)
    targets = {"initialize": 0.5, "diagnostics": 0.2, "completion": 0.05, "hover": 0.05}
    with tempfile.TemporaryDirectory() as folder:
        path = make_map(args.claims, Path(folder))
        times = asyncio.run(measure(path, args.runs))
    print(
        f"argmap lsp on {args.claims:,} claims, {2 * args.claims:,} links (medians of {args.runs})"
    )
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"  {name:<12} {median * 1000:7.1f} ms   (target {targets[name] * 1000:.0f} ms, "
            f"range {min(values) * 1000:.1f}-{max(values) * 1000:.1f})"
        )


if __name__ == "__main__":
    main()
