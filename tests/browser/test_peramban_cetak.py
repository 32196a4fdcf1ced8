"""Halaman unit tercetak bersih untuk papan pengumuman (issue 7 butir 4).

Media cetak diemulasikan (dan ``beforeprint`` dikirim seperti saat pengguna menekan Ctrl+P):
kepala, navigasi dan kaki halaman tersembunyi; setiap diagram tampil utuh selebar kertas (tidak
digulir); daftar langkah di dalam <details> ikut tercetak. PDF disimpan di ``test-artifacts/``.
"""
from __future__ import annotations

from alat_peramban import ARTEFAK, UNIT_PER_MEKANISME
from test_peramban_halaman import halaman_unit

TERSEMBUNYI = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"]


def test_cetak_halaman_unit(tab, server, situs):
    page = tab.page
    unit = UNIT_PER_MEKANISME["M1"]
    tab.buka(server.url + halaman_unit(situs, unit))
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    for sel in TERSEMBUNYI:
        if page.locator(sel).count():
            assert not page.locator(sel).first.is_visible(), f"{sel} ikut tercetak"
    page.wait_for_function(
        "() => [...document.querySelectorAll('figure.skd-diagram img')].every(i => i.complete && i.naturalWidth > 0)",
        timeout=20000)
    diagram = page.eval_on_selector_all(
        "figure.skd-diagram .skd-diagram__gulir",
        "els => els.map(e => ({w: e.clientWidth, sw: e.scrollWidth, h: e.getBoundingClientRect().height}))")
    assert diagram, "tidak ada diagram"
    terpotong = [d for d in diagram if d["sw"] > d["w"] + 1 or d["h"] < 20]
    assert not terpotong, f"diagram terpotong/kosong saat dicetak: {terpotong}"
    tersembunyi = page.eval_on_selector_all(
        ".skd-diagram__layar, .skd-diagram__lajur", "els => els.filter(e => e.getBoundingClientRect().height > 0 && "
        "getComputedStyle(e).display !== 'none' && getComputedStyle(e).visibility !== 'hidden').length")
    assert tersembunyi == 0, "tautan layar penuh / strip lajur ikut tercetak"
    tertutup = page.eval_on_selector_all(
        "article details", "els => els.filter(d => !d.open).length")
    assert tertutup == 0, f"{tertutup} <details> (daftar langkah) tidak terbuka saat dicetak"
    # setiap tab ikut tercetak (diagram lalu daftar langkahnya), bukan hanya tab yang dipilih
    tab_tersembunyi = page.eval_on_selector_all(
        "article .tabbed-block", "els => els.filter(b => b.getBoundingClientRect().height < 1).length")
    assert tab_tersembunyi == 0, f"{tab_tersembunyi} tab (mis. Langkah) tidak tercetak"
    langkah = page.eval_on_selector_all(
        "article .tabbed-block table", "ts => ts.filter(t => /^No\\.?$/.test(t.querySelector('th').textContent.trim())"
        " && t.getBoundingClientRect().height > 0).length")
    assert langkah >= 3, "daftar langkah tidak tercetak"
    assert not page.locator(".skd-jawab").first.is_visible(), "pilihan jabatan interaktif ikut tercetak"
    ARTEFAK.mkdir(exist_ok=True)
    pdf = ARTEFAK / f"cetak-unit-{unit}.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    isi = pdf.read_bytes()
    assert isi.startswith(b"%PDF") and isi.count(b"/Type /Page") >= 1
    tab.screenshot(f"cetak-unit-{unit}", full_page=True)
    tab.bersih()
