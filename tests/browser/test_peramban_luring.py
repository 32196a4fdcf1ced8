"""Salinan luring dibuka dari disk (file://) tanpa server dan tanpa internet (issue 7 butir 2).

Salinan dibangun dengan ``scripts/bangun_luring.sh`` (yang juga membuat zip), lalu dibuka di
chromium lewat ``file://``: diagram (berkas SVG yang digambar saat build) termuat, tautan antarhalaman menuju berkas .html yang
ada, pencarian (Material, indeks disisipkan sebagai skrip) berjalan, dan tidak ada permintaan ke
internet.
"""
from __future__ import annotations

import zipfile

from alat_peramban import UNIT_PER_MEKANISME, tunggu_diagram_selesai


def _berkas_unit(situs_luring, unit):
    cocok = sorted(situs_luring.glob(f"unit/**/{unit}.html"))
    assert len(cocok) == 1, f"halaman unit {unit} tidak ada di salinan luring: {cocok}"
    return cocok[0]


def test_zip_dibuat(situs_luring):
    arsip = situs_luring.with_name(situs_luring.name + ".zip")
    assert arsip.is_file(), "scripts/bangun_luring.sh tidak membuat zip"
    with zipfile.ZipFile(arsip) as z:
        nama = set(z.namelist())
    assert f"{situs_luring.name}/index.html" in nama
    assert any(n.startswith(f"{situs_luring.name}/assets/diagram/") and n.endswith(".svg") for n in nama)
    assert not any("mermaid" in n and n.endswith(".js") for n in nama), "bundel Mermaid masih ikut di zip"


def test_beranda_dan_unit_dari_disk(tab, situs_luring):
    page = tab.page
    tab.buka((situs_luring / "index.html").as_uri())
    assert page.locator("article h1").count() == 1
    # tautan ke halaman unit adalah berkas .html yang ada (bukan URL direktori)
    unit = UNIT_PER_MEKANISME["M1"]
    berkas = _berkas_unit(situs_luring, unit)
    tab.buka(berkas.as_uri(), buka_blok=True)
    tunggu_diagram_selesai(page, buka_blok=True)
    jumlah = page.locator("figure.skd-diagram img").count()
    assert jumlah > 0, "halaman unit luring tanpa diagram"
    tinggi = page.eval_on_selector_all("figure.skd-diagram img", "els => els.map(e => e.getBoundingClientRect().height)")
    assert min(tinggi) > 20, f"diagram kosong: {tinggi}"
    assert all(s.startswith("file:") for s in page.eval_on_selector_all(
        "figure.skd-diagram img", "els => els.map(i => i.src)"))
    rusak = page.eval_on_selector_all(
        "a[href]", "els => els.map(a => a.href).filter(h => h.startsWith('file:') && h.endsWith('/'))")
    assert not rusak, f"tautan URL direktori (tidak terbuka dari disk): {rusak[:5]}"
    tab.screenshot(f"luring-unit-{unit}")
    tab.bersih()


def test_pencarian_dari_disk(tab, situs_luring):
    page = tab.page
    tab.buka((situs_luring / "peraturan" / "index.html").as_uri(), tunggu_diagram=False)
    kotak = page.locator("input.md-search__input")
    kotak.click()
    kotak.press_sequentially("penugasan", delay=5)
    page.wait_for_function(
        "() => /ditemukan/.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=20000)
    hasil = page.eval_on_selector_all(
        ".md-search-result__list > li > a.md-search-result__link", "els => els.map(a => a.href)")
    assert hasil and all(h.startswith("file:") for h in hasil), hasil
    assert any("/panduan/penugasan.html" in h for h in hasil), hasil
    tab.screenshot("luring-pencarian")
    tab.bersih()
