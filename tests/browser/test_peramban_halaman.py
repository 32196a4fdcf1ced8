"""Halaman situs dirender di chromium nyata tanpa internet (issue 7 butir 1 dan 5).

Untuk beranda, halaman Perbup, dan satu halaman unit per mekanisme (M1–M10, umum):
- setiap diagram (SVG yang digambar saat build, ``<img>``) termuat; teks Mermaid yang sama
  digambar lagi dengan Mermaid asli 11.4.1 (tests/js) di halaman itu untuk memeriksa tidak ada
  galat, dan ukuran huruf efektif diukur dari SVG pada lebar tampilnya;
- tidak ada permintaan ke luar 127.0.0.1 dan tidak ada galat konsol;
- tangkapan layar disimpan di ``test-artifacts/``.
"""
from __future__ import annotations

import json
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


MERMAID_JS = Path(__file__).resolve().parents[1] / "js" / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"


def sumber_mermaid(berkas: Path) -> list[str]:
    """Teks Mermaid setiap diagram (``<img>`` SVG) di HTML hasil build, berurutan — dari
    ``assets/diagram/sumber.json`` yang ditulis hooks/diagram.py."""
    teks = berkas.read_text(encoding="utf-8")
    nama = re.findall(r'<img src="[^"]*assets/diagram/([0-9a-f]+\.svg)"', teks)
    akar = next(p for p in berkas.parents if (p / "assets" / "diagram" / "sumber.json").is_file())
    sumber = json.loads((akar / "assets" / "diagram" / "sumber.json").read_text(encoding="utf-8"))
    return [sumber[n] for n in nama]


UKUR_DIAGRAM_JS = """
async (sumber) => {
  const fig = [...document.querySelectorAll('figure.skd-diagram')];
  const hasil = [];
  for (let i = 0; i < fig.length; i++) {
    const img = fig[i].querySelector('img');
    const gulir = fig[i].querySelector('.skd-diagram__gulir');
    const kotak = img.getBoundingClientRect();
    const isi = await (await fetch(img.currentSrc || img.src)).text();
    const wadah = document.createElement('div');
    wadah.style.cssText = 'position:absolute;left:0;top:0;visibility:hidden';
    wadah.innerHTML = isi;
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
    // Galat Mermaid asli (11.4.1, dari tests/js) untuk teks yang sama, bila dimuat tes.
    let galat = null;
    if (window.mermaid && sumber[i]) {
      try { await mermaid.render('uji_diagram_' + i, sumber[i]); } catch (e) { galat = String(e && e.message || e); }
    }
    const skala = kotak.width / vb.width;
    hasil.push({
      i, galat, jenis: fig[i].classList.contains('skd-diagram--urutan') ? 'urutan' : 'bagan',
      lebar_asli: Math.round(vb.width), tinggi_asli: Math.round(vb.height),
      lebar_tampil: Math.round(kotak.width), tinggi_tampil: Math.round(kotak.height),
      lebar_kolom: gulir.clientWidth, muat: gulir.scrollWidth <= gulir.clientWidth + 1,
      huruf_px: min, teks: teksMin, skala: +skala.toFixed(3), huruf_efektif_px: +(min * skala).toFixed(1),
    });
  }
  return hasil;
}
"""


def periksa_diagram(tab, berkas_html: Path, nama: str, mermaid_asli: bool = True) -> list[dict]:
    """Semua diagram termuat sebagai SVG, teksnya dapat digambar Mermaid asli tanpa galat;
    kembalikan ukuran per diagram (lebar tampil, muat di kolom, huruf efektif)."""
    sumber = sumber_mermaid(berkas_html)
    page = tab.page
    jumlah = page.eval_on_selector_all("figure.skd-diagram", "e => e.length")
    assert jumlah == len(sumber), f"{nama}: {len(sumber)} diagram di HTML, {jumlah} figure"
    assert page.eval_on_selector_all(".mermaid", "e => e.length") == 0, f"{nama}: sisa blok Mermaid mentah"
    kosong = page.eval_on_selector_all(
        "figure.skd-diagram img", "els => els.filter(i => i.getBoundingClientRect().height < 20).length")
    assert not kosong, f"{nama}: {kosong} diagram tidak bertinggi"
    if mermaid_asli and sumber:
        page.add_script_tag(path=str(MERMAID_JS))
        page.evaluate("() => mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' })")
    ukuran = page.evaluate(UKUR_DIAGRAM_JS, sumber) if sumber else []
    galat = [u for u in ukuran if u.get("galat")]
    assert not galat, f"{nama}: galat Mermaid: {galat}"
    return ukuran


def _buka_dan_periksa(tab, server, situs, path: str, nama: str) -> list[dict]:
    tab.buka(server.url + path, buka_blok=True)  # blok alur tertutup dibuka: semua diagram diukur
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
