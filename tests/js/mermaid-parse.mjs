// Validasi sintaks diagram Mermaid dengan parser Mermaid yang sebenarnya (11.4.1).
// Masukan (stdin): larik JSON berisi teks diagram.
// Keluaran (stdout): larik JSON [{ok: bool, error: string|null}] dengan urutan yang sama.
// DOMPurify (dipakai Mermaid untuk membersihkan label) membutuhkan `window`; jsdom menyediakannya.
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const key of ["Element", "HTMLElement", "Node", "DocumentFragment", "DOMParser", "NodeFilter", "SVGElement"]) {
  if (dom.window[key] && !(key in globalThis)) globalThis[key] = dom.window[key];
}

const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

const texts = JSON.parse(await readStdin());
if (!Array.isArray(texts)) {
  process.stderr.write("masukan harus berupa larik JSON\n");
  process.exit(2);
}
const results = [];
for (const text of texts) {
  try {
    const res = await mermaid.parse(String(text));
    results.push(res ? { ok: true, error: null, type: res.diagramType ?? null } : { ok: false, error: "parse mengembalikan false" });
  } catch (err) {
    results.push({ ok: false, error: String((err && err.message) || err) });
  }
}
process.stdout.write(JSON.stringify(results));
