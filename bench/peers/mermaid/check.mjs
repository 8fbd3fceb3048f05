// Parse Mermaid files with Mermaid's own parser, as a browser would (jsdom stands in for
// the page). Prints "ok FILE TYPE" or "error FILE MESSAGE" per file; exit status 1 when
// any file fails.  Usage: node check.mjs FILE...
import { JSDOM } from "jsdom";
import { readFileSync } from "node:fs";

const dom = new JSDOM("<!DOCTYPE html><body></body>", { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    const result = await mermaid.parse(readFileSync(file, "utf8"));
    console.log(`ok ${file} ${result.diagramType}`);
  } catch (error) {
    failed += 1;
    const message = String(error?.message ?? error).split("\n").slice(0, 3).join(" | ");
    console.log(`error ${file} ${message}`);
  }
}
process.exit(failed ? 1 : 0);
