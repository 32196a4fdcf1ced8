/*
 * Pembungkus pagefind.js untuk situs ini (issue 11 butir 7). Antarmuka Pagefind memuat berkas ini
 * sebagai ganti pagefind/pagefind.js (opsi bundlePath di pencarian.js); tes pencarian memuat
 * berkas yang sama, jadi yang diukur adalah yang dilihat pegawai.
 *
 * Tiga penyesuaian atas pencarian Pagefind (angka tiap penyesuaian: tests/browser/CATATAN.md):
 * 1. Kata tanya dan kata ganti ("siapa", "saya", "yang", "di", …) dibuang dari kueri. Pagefind
 *    hanya mengembalikan halaman yang memuat SEMUA kata, sehingga "siapa yang dinilai pejabat
 *    penilai kinerja" tidak menemukan apa pun — naskah Perbup tidak memuat "siapa".
 * 2. Hasil yang judulnya (atau labelnya, bagian sebelum " — ", mis. "Pasal 10") sama persis dengan
 *    kueri dinaikkan ke urutan pertama: "pasal 10" → Pasal 10, "Penata Layanan Operasional" →
 *    halaman jabatan itu (stemmer Indonesia memotong "penata" menjadi "ata", sehingga tanpa ini
 *    "Operator Layanan Operasional" menang). Singkatan unit ("RSUD Sidikalang") juga dihitung.
 * 3. Dari dua kata sekeluarga dalam satu kueri ("dinilai … penilai") hanya satu yang dipakai
 *    (lihat bentukTerbaik).
 */
import * as asli from "../../../pagefind/pagefind.js";

export {
  createInstance, destroy, filters, init, mergeIndex, options, preload,
} from "../../../pagefind/pagefind.js";

// Kata yang tidak pernah menentukan halaman mana yang menjawab pertanyaan pegawai.
export const KATA_TANYA = new Set([
  "siapa", "siapakah", "apa", "apakah", "bagaimana", "bagaimanakah", "kapan", "mana", "manakah",
  "dimana", "kemana", "mengapa", "kenapa", "berapa", "saya", "aku", "kami", "kita", "anda",
  "yang", "di", "ke", "ini", "itu", "adalah", "ialah", "tentang", "mohon", "tolong", "bisa",
]);

function kata(teks) {
  return teks.toLocaleLowerCase("id").replace(/[?!.,;:()"“”]/g, " ").split(/\s+/).filter(Boolean);
}

// Kueri tanpa kata tanya; bila semuanya kata tanya, kueri asli.
export function kueri(teks) {
  if (teks.includes('"')) return teks; // frasa persis: apa adanya
  const sisa = kata(teks).filter((k) => !KATA_TANYA.has(k));
  return sisa.length ? sisa.join(" ") : teks;
}

// Stemmer Snowball Indonesia (dipakai Pagefind) tidak menyatukan semua bentuk kata yang sama:
// "dinilai" dan "penilai" berbeda akar. Karena Pagefind mensyaratkan SEMUA kata, kueri yang
// memuat dua bentuk sekeluarga ("siapa yang dinilai pejabat penilai kinerja") hanya menemukan
// halaman yang kebetulan memuat keduanya, bukan definisinya. Dari kata sekeluarga (akar sama
// setelah awalan/akhiran umum dilepas) hanya satu dipakai: yang paling banyak ditemukan di situs.
const AWALAN = ["", "di", "ke", "se", "ter", "ber", "be", "me", "mem", "men", "meng", "meny",
  "pe", "pem", "pen", "peng", "peny", "per", "pel"];
const AKHIRAN = ["", "kan", "an", "i", "nya"];

function akar(k) {
  const hasil = new Set();
  for (const a of AWALAN) {
    if (!k.startsWith(a)) continue;
    for (const b of AKHIRAN) {
      if (!k.endsWith(b)) continue;
      const r = k.slice(a.length, k.length - b.length);
      if (r.length >= 4) hasil.add(r);
    }
  }
  return hasil;
}

async function bentukTerbaik(kataKueri) {
  const jumlah = new Map();
  const hitung = async (k) => {
    if (!jumlah.has(k)) jumlah.set(k, ((await asli.search(k)) || { results: [] }).results.length);
    return jumlah.get(k);
  };
  const keluar = kataKueri;
  const buang = new Set();
  for (let i = 0; i < keluar.length; i++) {
    for (let j = i + 1; j < keluar.length; j++) {
      if (buang.has(i) || buang.has(j) || keluar[i] === keluar[j]) continue;
      const ai = akar(keluar[i]);
      if (![...akar(keluar[j])].some((r) => ai.has(r))) continue;
      buang.add((await hitung(keluar[i])) >= (await hitung(keluar[j])) ? j : i);
    }
  }
  return keluar.filter((_, i) => !buang.has(i));
}

// Kueri yang dikirim ke Pagefind (lihat kueri dan bentukTerbaik).
export async function kueriPagefind(teks) {
  const q = kueri(teks);
  const k = kata(q);
  if (k.length < 1 || k.join(" ") !== q) return q; // kueri khusus (mis. frasa "…"): apa adanya
  return (await bentukTerbaik(k)).join(" ");
}

const kunci = (teks) => kata(teks || "").join(" ");

// 2 = judul sama persis, 1 = label judul sama persis, 0 = lainnya. Label: bagian judul sebelum
// " — ", ". " atau ": " ("Pasal 10 — Penugasan", "Lampiran B. Penyesuaian …", "M1: Mekanisme …").
function tingkat(q, data) {
  const judul = (data.meta && data.meta.title) || "";
  if (kunci(judul) === q) return 2;
  // singkatan unit ("RSUD Sidikalang"), ditandai saat pengindeksan (hooks/pencarian.py)
  if (data.meta && data.meta.singkatan && kunci(data.meta.singkatan) === q) return 2;
  const label = judul.split(/\s+—\s+|[.:]\s+/)[0];
  return label !== judul && kunci(label) === q ? 1 : 0;
}

// Berapa hasil teratas yang diperiksa judulnya (antarmuka memuat 10 hasil pertama juga).
const PERIKSA = 10;

async function urutkan(teks, r) {
  const q = kunci(teks);
  if (!q || !r.results || r.results.length < 2) return r;
  const atas = r.results.slice(0, PERIKSA);
  const data = await Promise.all(atas.map((x) => x.data()));
  const nilai = atas.map((x, i) => ({ x, i, t: tingkat(q, data[i]), jangkar: data[i].url.includes("#") }));
  if (!nilai.some((n) => n.t)) return r;
  // Label sama (mis. "Lampiran B" untuk halaman dan bagian-bagiannya): halaman utuh lebih dulu.
  nilai.sort((a, b) => b.t - a.t || (a.t === 1 && a.jangkar - b.jangkar) || a.i - b.i);
  return Object.assign({}, r, { results: nilai.map((n) => n.x).concat(r.results.slice(PERIKSA)) });
}

export async function search(teks, opsi) {
  const r = await asli.search(await kueriPagefind(teks), opsi);
  return r ? urutkan(teks, r) : r;
}

export async function debouncedSearch(teks, opsi, jeda) {
  const r = await asli.debouncedSearch(await kueriPagefind(teks), opsi, jeda);
  return r ? urutkan(teks, r) : r;
}
