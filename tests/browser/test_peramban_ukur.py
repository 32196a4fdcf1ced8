"""Ukuran untuk catatan issue 7: berat halaman unit dan waktu sampai diagram pertama tergambar.

Diukur di chromium dengan cache kosong: (a) tanpa pembatasan (server lokal) dan (b) jaringan
intranet lambat yang diemulasikan (10 Mbit/s, latensi 40 ms). Sebagai pembanding "pra-render",
setiap diagram halaman itu dirender ke SVG di peramban dan ukurannya dijumlahkan: itulah berat
yang akan menggantikan bundel mermaid bila diagram dirender saat build.
Hasil: test-artifacts/ukuran.json. Asersi hanya batas kasar agar regresi besar terlihat.
"""
from __future__ import annotations

import gzip
import html

import pytest

from alat_peramban import UNIT_PER_MEKANISME, catat_ukuran
from test_peramban_halaman import halaman_unit, sumber_mermaid

LAMBAT = {"offline": False, "latency": 40, "downloadThroughput": 10_000_000 / 8,
          "uploadThroughput": 10_000_000 / 8}

CATAT_WAKTU_JS = """
(() => {
  window.__diagram = { pertama: null, semua: null };
  new MutationObserver(() => {
    const host = document.querySelectorAll('div.mermaid').length;
    if (host && window.__diagram.pertama === null) window.__diagram.pertama = performance.now();
    if (host && !document.querySelector('pre.mermaid') && window.__diagram.semua === null)
      window.__diagram.semua = performance.now();
  }).observe(document, { childList: true, subtree: true });
})();
"""


def _ukur(peramban, url: str, jaringan: dict | None) -> dict:
    context = peramban.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    if jaringan:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", jaringan)
    muatan: list[tuple[str, str, int]] = []

    def catat(resp):
        try:
            muatan.append((resp.url, resp.request.resource_type, len(resp.body())))
        except Exception:
            pass

    page.on("response", catat)
    page.add_init_script(CATAT_WAKTU_JS)
    page.goto(url, wait_until="load")
    page.wait_for_function("() => window.__diagram.semua !== null", timeout=120000)
    waktu = page.evaluate("() => ({...window.__diagram, fcp: (performance.getEntriesByName("
                          "'first-contentful-paint')[0] || {}).startTime || null})")
    context.close()
    per_jenis: dict[str, int] = {}
    for _, jenis, n in muatan:
        per_jenis[jenis] = per_jenis.get(jenis, 0) + n
    return {
        "byte_total": sum(per_jenis.values()),
        "byte_per_jenis": per_jenis,
        "byte_mermaid": sum(n for u, _, n in muatan if "mermaid" in u),
        "ms_fcp": round(waktu["fcp"] or 0),
        "ms_diagram_pertama": round(waktu["pertama"]),
        "ms_semua_diagram": round(waktu["semua"]),
    }


@pytest.mark.parametrize("mekanisme", ["M1", "M8"])
def test_berat_dan_waktu_halaman_unit(peramban, tab, server, situs, mekanisme):
    unit = UNIT_PER_MEKANISME[mekanisme]
    path = halaman_unit(situs, unit)
    url = server.url + path
    lokal = _ukur(peramban, url, None)
    lambat = _ukur(peramban, url, LAMBAT)

    # Pembanding pra-render: SVG setiap diagram (dirender Mermaid yang sama di halaman ini).
    berkas = situs / path / "index.html"
    sumber = sumber_mermaid(berkas)
    tab.buka(url)
    svg = tab.page.evaluate(
        "async (s) => { const o = []; for (let i = 0; i < s.length; i++) "
        "o.push((await mermaid.render('ukur_' + i, s[i])).svg); return o; }", sumber)
    byte_svg = sum(len(x.encode()) for x in svg)
    html_mentah = berkas.read_bytes()
    byte_pre = sum(len(html.escape(s).encode()) for s in sumber)
    tanpa_mermaid = lokal["byte_total"] - lokal["byte_mermaid"]
    hasil = {
        "halaman": path,
        "diagram": len(sumber),
        "lokal": lokal,
        "intranet_10mbit": lambat,
        "gzip_html": len(gzip.compress(html_mentah)),
        "prarender_perkiraan": {
            "byte_svg_total": byte_svg,
            "byte_svg_gzip": len(gzip.compress("".join(svg).encode())),
            "byte_total": tanpa_mermaid - byte_pre + byte_svg,
            "catatan": "berat halaman bila SVG disisipkan saat build dan mermaid.min.js tidak dimuat",
        },
    }
    catat_ukuran("halaman_unit", {mekanisme: hasil})
    tab.bersih()
    assert lokal["byte_mermaid"] > 1_000_000, "bundel mermaid lokal tidak dimuat?"
    assert lokal["ms_semua_diagram"] < 15000, lokal
    assert lambat["ms_diagram_pertama"] < 30000, lambat
