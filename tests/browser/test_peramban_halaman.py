"""Halaman situs dirender di chromium nyata tanpa internet (issue 7 butir 1 dan 5).

Untuk beranda, halaman Perbup, dan satu halaman unit per mekanisme (M1–M10, umum):
- setiap ``pre.mermaid`` menjadi SVG (Material menggantinya dengan host ``div.mermaid`` bershadow
  root tertutup); teks yang sama dirender lagi dengan ``mermaid.render`` di halaman itu untuk
  memeriksa tidak ada galat Mermaid dan mengukur ukuran huruf efektif;
- tidak ada permintaan ke luar 127.0.0.1 dan tidak ada galat konsol;
- tangkapan layar disimpan di ``test-artifacts/``.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from alat_peramban import UNIT_PER_MEKANISME, catat_ukuran

#: ukuran huruf minimum yang masih terbaca pada jendela 1280×900 (DIAGRAMS.md)
HURUF_MIN_PX = 11.0

HALAMAN_PERATURAN = [
    "peraturan/", "peraturan/batang-tubuh/", "peraturan/lampiran-a/", "peraturan/lampiran-b/",
    "peraturan/lampiran-c/", "peraturan/lampiran-d/", "peraturan/glosarium/",
]




def halaman_unit(situs: Path, unit: str) -> str:
    """Path URL halaman unit ``unit`` di situs yang dibangun (dicari, bukan ditebak)."""
    cocok = sorted(situs.glob(f"unit/**/{unit}/index.html"))
    assert len(cocok) == 1, f"halaman unit {unit!r} tidak ditemukan (tepat satu) di {situs}/unit: {cocok}"
    return cocok[0].parent.relative_to(situs).as_posix() + "/"


def sumber_mermaid(berkas: Path) -> list[str]:
    """Teks Mermaid setiap ``pre.mermaid`` di HTML hasil build, berurutan."""
    teks = berkas.read_text(encoding="utf-8")
    blok = re.findall(r'<pre class="mermaid"><code>(.*?)</code></pre>', teks, flags=re.S)
    return [html.unescape(b) for b in blok]


UKUR_DIAGRAM_JS = """
async (sumber) => {
  const host = [...document.querySelectorAll('div.mermaid')];
  const hasil = [];
  for (let i = 0; i < sumber.length; i++) {
    let svg, galat = null;
    try {
      ({ svg } = await mermaid.render('uji_diagram_' + i, sumber[i]));
    } catch (e) {
      hasil.push({ i, galat: String(e && e.message || e) });
      continue;
    }
    const wadah = document.createElement('div');
    wadah.style.cssText = 'position:absolute;left:0;top:0;visibility:hidden;width:10000px';
    wadah.innerHTML = svg;
    document.body.appendChild(wadah);
    const el = wadah.querySelector('svg');
    const vb = el.viewBox.baseVal;
    let min = Infinity, teksMin = '';
    for (const t of el.querySelectorAll('text, tspan, foreignObject span, foreignObject p, foreignObject div')) {
      if (![...t.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
      const fs = parseFloat(getComputedStyle(t).fontSize);
      if (fs && fs < min) { min = fs; teksMin = t.textContent.trim().slice(0, 60); }
    }
    wadah.remove();
    // Lebar SVG yang tampil = lebar isi host (termasuk bagian yang digulir).
    const kotak = host[i] ? host[i].getBoundingClientRect() : null;
    const lebarTampil = host[i] ? host[i].scrollWidth : null;
    const skala = kotak ? Math.min(1, lebarTampil / vb.width) : null;
    hasil.push({
      i, galat: /Syntax error|Parse error/i.test(svg) ? 'svg galat' : null,
      jenis: sumber[i].trim().split(/\\s/)[0],
      lebar_asli: Math.round(vb.width), tinggi_asli: Math.round(vb.height),
      lebar_host: kotak && Math.round(kotak.width), lebar_tampil: lebarTampil, tinggi_host: kotak && Math.round(kotak.height),
      huruf_px: min, teks: teksMin, skala, huruf_efektif_px: skala && +(min * skala).toFixed(1),
    });
  }
  return hasil;
}
"""


def periksa_diagram(tab, berkas_html: Path, nama: str) -> list[dict]:
    """Semua diagram menjadi SVG tanpa galat; kembalikan ukuran per diagram."""
    sumber = sumber_mermaid(berkas_html)
    page = tab.page
    host = page.eval_on_selector_all(
        "div.mermaid", "els => els.map(e => { const r = e.getBoundingClientRect(); "
        "return {w: r.width, h: r.height}; })")
    assert page.eval_on_selector_all("pre.mermaid", "e => e.length") == 0
    assert len(host) == len(sumber), f"{nama}: {len(sumber)} diagram di HTML, {len(host)} host SVG"
    kosong = [i for i, k in enumerate(host) if k["h"] < 20 or k["w"] < 20]
    assert not kosong, f"{nama}: diagram ke-{kosong} tidak bertinggi (SVG kosong?)"
    ukuran = page.evaluate(UKUR_DIAGRAM_JS, sumber) if sumber else []
    galat = [u for u in ukuran if u.get("galat")]
    assert not galat, f"{nama}: galat Mermaid: {galat}"
    return ukuran


def _buka_dan_periksa(tab, server, situs, path: str, nama: str) -> list[dict]:
    tab.buka(server.url + path)
    # alur di halaman unit ada di blok tertutup (tab "Diagram | Langkah"); buka agar diagram diukur
    tab.page.evaluate("() => document.querySelectorAll('article details').forEach(d => { d.open = true; })")
    assert tab.page.locator("article h1").count() == 1, f"{path}: tidak ada tepat satu h1"
    ukuran = periksa_diagram(tab, situs / path / "index.html", nama)
    tab.screenshot(f"halaman-{nama}", full_page=True)
    tab.bersih()
    return ukuran


def _terlalu_kecil(ukuran: list[dict]) -> list[dict]:
    return [u for u in ukuran if u["huruf_efektif_px"] is not None and u["huruf_efektif_px"] < HURUF_MIN_PX]


def test_beranda(tab, server, situs):
    ukuran = _buka_dan_periksa(tab, server, situs, "", "beranda")
    assert tab.page.title(), "beranda tanpa <title>"
    assert tab.page.locator("html").get_attribute("lang") == "id"
    assert not _terlalu_kecil(ukuran), _terlalu_kecil(ukuran)


@pytest.mark.parametrize("path", HALAMAN_PERATURAN)
def test_halaman_peraturan(tab, server, situs, path):
    ukuran = _buka_dan_periksa(tab, server, situs, path, "peraturan-" + (path.strip("/").split("/")[-1]))
    assert not _terlalu_kecil(ukuran), _terlalu_kecil(ukuran)


def test_setiap_mekanisme_punya_unit_contoh():
    from policy.katalog import katalog

    wajib = set(katalog().kode_jenis("contoh"))
    assert wajib <= set(UNIT_PER_MEKANISME), f"mekanisme tanpa unit di orgs/: {wajib - set(UNIT_PER_MEKANISME)}"
    assert any(m.startswith("umum") for m in UNIT_PER_MEKANISME), "tidak ada unit berpola umum"


@pytest.mark.parametrize("mekanisme,unit", sorted(UNIT_PER_MEKANISME.items()))
def test_halaman_unit_per_mekanisme(tab, server, situs, mekanisme, unit):
    path = halaman_unit(situs, unit)
    ukuran = _buka_dan_periksa(tab, server, situs, path, f"unit-{mekanisme}-{unit}")
    assert ukuran, f"{path}: halaman unit tanpa diagram"
    # Teks alternatif diagram: setiap alur mekanisme diikuti daftar langkah bernomor.
    # (daftar <ol> atau tabel langkah berkolom "No."; diperiksa per diagram di test_peramban_aksesibilitas)
    langkah = tab.page.evaluate(
        "() => document.querySelectorAll('article ol li').length + [...document.querySelectorAll("
        "'article table')].filter(t => /^No\\.?$/.test((t.querySelector('th') || {}).textContent || ''))"
        ".reduce((n, t) => n + t.querySelectorAll('tbody tr').length, 0)")
    assert langkah >= 3, f"{path}: tidak ada langkah bernomor sebagai teks alternatif diagram"
    catat_ukuran("diagram", {path: ukuran})
    kecil = _terlalu_kecil(ukuran)
    assert not kecil, (
        f"{path}: teks diagram lebih kecil dari {HURUF_MIN_PX}px pada 1280×900: "
        + "; ".join(f"diagram {u['i']} ({u['jenis']}) {u['lebar_asli']}px tampil "
                    f"{u['lebar_tampil']}px → {u['huruf_efektif_px']}px" for u in kecil))
