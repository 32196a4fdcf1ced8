// Validasi sintaks diagram Mermaid dengan parser Mermaid yang sebenarnya (11.4.1).
// Masukan (stdin): larik JSON berisi teks diagram.
// Keluaran (stdout): larik JSON [{ok: bool, error: string|null, type, label}] dengan urutan yang sama.
// `label`: teks yang akan digambar Mermaid, dari basis data diagram hasil parse (entitas `#NN;`
// sudah diurai, `<br/>` menjadi spasi) — untuk membandingkan SVG perender saat build
// (policy/diagram/svg.py) dengan Mermaid asli: sequence {aktor, pesan (juga catatan dan kondisi blok)}, flowchart {simpul, garis}.
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
// Mermaid menyandikan entitas sebelum parsing (ﬂ°°<kode>¶ß, ﬂ°<nama>¶ß) dan mengurainya saat menggambar.
const NAMA = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
function teks(s) {
  return String(s ?? "")
    .replace(/<br\s*\/?>/gi, " ") // pemisah baris yang ditulis pembangkit, sebelum entitas diurai
    .replace(/ﬂ°°(\d+)¶ß/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/ﬂ°(\w+)¶ß/g, (m, n) => NAMA[n] ?? m)
    .replace(/\s+/g, " ")
    .trim();
}

async function label(text) {
  const d = await mermaid.mermaidAPI.getDiagramFromText(String(text));
  const db = d.db;
  if (typeof db.getActors === "function") {
    return { aktor: [...db.getActors().values()].map(a => teks(a.description)),
             // tanpa penanda blok rect (pesannya warna latar, bukan teks)
             pesan: db.getMessages().filter(m => typeof m.message === "string" && !/^rgba?\(/.test(m.message))
               .map(m => teks(m.message)).filter(Boolean) };
  }
  if (typeof db.getVertices === "function") {
    return { simpul: [...db.getVertices().values()].map(v => teks(v.text)),
             garis: db.getEdges().map(e => teks(e.text)).filter(Boolean) };
  }
  return null;
}

const results = [];
for (const text of texts) {
  try {
    const res = await mermaid.parse(String(text));
    results.push(res ? { ok: true, error: null, type: res.diagramType ?? null, label: await label(text) }
                     : { ok: false, error: "parse mengembalikan false" });
  } catch (err) {
    results.push({ ok: false, error: String((err && err.message) || err) });
  }
}
process.stdout.write(JSON.stringify(results));
