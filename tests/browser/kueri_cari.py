"""Pengukur ketepatan pencarian Pagefind atas ``kueri.yaml`` (dipakai tes peramban dan
``scripts/ukur_pencarian.py``).

Yang diukur adalah apa yang dilihat pegawai di dialog pencarian (docs/assets/js/pencarian.js):
urutan hasil, dan untuk setiap hasil tautan judulnya beserta sub-hasil yang ditampilkan
antarmuka Pagefind (paling banyak tiga, dipilih dengan aturan yang sama dengan ``pagefind-ui.js``).

Aturan ``kueri.yaml``:
- ``harap``: tautan yang menjawab kueri. Tanpa ``#``: cukup halamannya (hasil mana pun dari
  halaman itu). Dengan ``#jangkar``: tautan hasil atau sub-hasil harus menuju jangkar itu.
- ``pertama: true``: harapan pertama (``harap[0]``) harus menjadi tautan hasil PERTAMA.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import yaml

KUERI_YAML = Path(__file__).with_name("kueri.yaml")
TOP = 3


def muat_kueri(path: Path = KUERI_YAML) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["kueri"]


def normal(url: str, jangkar: bool = False) -> str:
    """URL hasil → path halaman berbentuk URL direktori (``peraturan/batang-tubuh/``),
    ditambah ``#jangkar`` bila diminta dan ada."""
    bagian = urlsplit(url)
    path = bagian.path.lstrip("/")
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    elif path.endswith(".html"):
        path = path[: -len(".html")] + "/"
    if jangkar and bagian.fragment:
        path += "#" + bagian.fragment
    return path


# Hasil per kueri: [{"url": tautan judul, "sub": [tautan sub-hasil yang ditampilkan]}, ...]
PAGEFIND_JS = """
async ({ bundel, kueri, top, opsi }) => {
  // Pembungkus yang sama dengan antarmuka situs (docs/assets/js/pencarian.js → bundlePath).
  const pf = await import(bundel + 'pagefind.js');
  await pf.options(Object.assign({ baseUrl: '/' }, opsi || window.skdOpsiPagefind || {}));
  await pf.init();
  // Sub-hasil yang ditampilkan pagefind-ui.js: bila sub-hasil pertama = halaman itu sendiri,
  // ia menjadi tautan judul; dari sisanya tiga dengan kecocokan terbanyak, urutan dokumen.
  const tampil = (d) => {
    const url = (d.meta && d.meta.url) || d.url;
    let sub = Array.isArray(d.sub_results) ? d.sub_results : [];
    if (sub.length && sub[0].url === url) sub = sub.slice(1);
    if (sub.length > 3) {
      const pilih = [...sub].sort((a, b) => b.locations.length - a.locations.length)
        .slice(0, 3).map(s => s.url);
      sub = sub.filter(s => pilih.includes(s.url));
    }
    return { url, judul: d.meta && d.meta.title, sub: sub.map(s => s.url) };
  };
  const keluar = {};
  for (const q of kueri) {
    const r = await pf.search(q);
    const data = await Promise.all(r.results.slice(0, top).map(x => x.data()));
    keluar[q] = data.map(tampil);
  }
  return keluar;
}
"""


#: pembungkus pagefind.js yang dimuat antarmuka situs (docs/assets/js/cari/pagefind.js)
PEMBUNGKUS = "assets/js/cari/"


def cari_pagefind(page, url_dasar: str, kueri: list[dict], top: int = 5,
                  opsi: dict | None = None, pembungkus: bool = True) -> dict[str, list[dict]]:
    """Jalankan semua kueri lewat pembungkus ``pagefind.js`` situs di ``url_dasar``.

    ``opsi``: opsi Pagefind pengganti ``window.skdOpsiPagefind`` (untuk percobaan peringkat).
    ``pembungkus=False``: ``pagefind/pagefind.js`` langsung (mengukur situs versi lama)."""
    page.goto(url_dasar, wait_until="load")
    bundel = url_dasar + (PEMBUNGKUS if pembungkus else "pagefind/")
    return page.evaluate(PAGEFIND_JS, {"bundel": bundel, "kueri": [k["q"] for k in kueri],
                                       "top": top, "opsi": opsi})


def _cocok(harap: str, url: str) -> bool:
    if "#" in harap:
        return normal(url, jangkar=True) == harap
    return normal(url) == harap


def peringkat(k: dict, hasil: list[dict]) -> int | None:
    """Peringkat (1-based) hasil pertama yang memuat salah satu tautan harapan (judul atau sub-hasil)."""
    for i, r in enumerate(hasil, 1):
        if any(_cocok(h, u) for h in k["harap"] for u in [r["url"], *r["sub"]]):
            return i
    return None


def nilai(kueri: list[dict], hasil: dict[str, list[dict]], top: int = TOP) -> dict:
    """Proporsi kueri yang harapannya ada di ``top`` hasil teratas, dan kueri ``pertama`` yang
    tautan hasil pertamanya bukan ``harap[0]``."""
    meleset, bukan_pertama = [], []
    for k in kueri:
        r = hasil[k["q"]]
        p = peringkat(k, r)
        dapat = [normal(x["url"], jangkar=True) for x in r[:top]]
        if p is None or p > top:
            meleset.append({"q": k["q"], "harap": k["harap"], "dapat": dapat})
        if k.get("pertama") and not (r and _cocok(k["harap"][0], r[0]["url"])):
            bukan_pertama.append({"q": k["q"], "harap": k["harap"][0], "dapat": dapat[:1]})
    n = len(kueri)
    return {"tepat": (n - len(meleset)) / n, "jumlah": n, "meleset": meleset,
            "pertama": sum(1 for k in kueri if k.get("pertama")), "bukan_pertama": bukan_pertama}
