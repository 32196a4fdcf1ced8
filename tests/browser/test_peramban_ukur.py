"""Ukuran untuk catatan issue 7/11: berat halaman unit dan waktu sampai diagram pertama tergambar.

Diukur di chromium dengan cache kosong: (a) tanpa pembatasan (server lokal) dan (b) jaringan
intranet yang diemulasikan (10 Mbit/s, latensi 40 ms). Diagram sudah menjadi SVG saat build
(policy/diagram/svg.py), jadi halaman tidak memuat Mermaid JS sama sekali; batas ketat untuk
2 Mbit/s ada di test_peramban_diagram_muat.py. Hasil: test-artifacts/ukuran.json.
"""
from __future__ import annotations

import gzip

import pytest

from alat_peramban import UNIT_PER_MEKANISME, catat_ukuran
from test_peramban_diagram_muat import CATAT_DIAGRAM_JS, _Jaringan
from test_peramban_halaman import halaman_unit, sumber_mermaid

INTRANET = {"offline": False, "latency": 40, "downloadThroughput": 10_000_000 / 8,
            "uploadThroughput": 10_000_000 / 8}

SEMUA_DIAGRAM_JS = """
async () => {
  const img = [...document.querySelectorAll('figure.skd-diagram img')];
  img.forEach(i => { i.loading = 'eager'; });
  await Promise.all(img.map(i => i.complete ? null : new Promise(r => { i.onload = i.onerror = r; })));
  return performance.now();
}
"""


def _ukur(peramban, url: str, jaringan: dict | None) -> dict:
    j = _Jaringan(peramban, jaringan=jaringan)
    try:
        j.page.add_init_script(CATAT_DIAGRAM_JS)
        j.page.goto(url, wait_until="load")
        j.page.wait_for_function("() => window.__diagram !== null", timeout=120000)
        pertama = j.page.evaluate("() => window.__diagram")
        muat_awal = j.total()
        semua = j.page.evaluate(SEMUA_DIAGRAM_JS)
        j.page.wait_for_timeout(300)
        fcp = j.page.evaluate("() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null")
        per_url = j.per_url()
        keluar = list(j.keluar)
    finally:
        j.tutup()
    assert keluar == [], keluar
    return {
        "byte_saat_dimuat": muat_awal,
        "byte_semua_diagram": sum(per_url.values()),
        "byte_svg_semua": sum(n for u, n in per_url.items() if u.endswith(".svg")),
        "byte_mermaid": sum(n for u, n in per_url.items() if "mermaid" in u.lower()),
        "ms_fcp": round(fcp or 0),
        "ms_diagram_pertama": round(pertama),
        "ms_semua_diagram": round(semua),
    }


@pytest.mark.parametrize("mekanisme", ["M1", "M8"])
def test_berat_dan_waktu_halaman_unit(peramban, server, situs, mekanisme):
    unit = UNIT_PER_MEKANISME[mekanisme]
    path = halaman_unit(situs, unit)
    url = server.url + path
    lokal = _ukur(peramban, url, None)
    intranet = _ukur(peramban, url, INTRANET)
    berkas = situs / path / "index.html"
    hasil = {
        "halaman": path,
        "diagram": len(sumber_mermaid(berkas)),
        "lokal": lokal,
        "intranet_10mbit": intranet,
        "gzip_html": len(gzip.compress(berkas.read_bytes())),
    }
    catat_ukuran("halaman_unit", {mekanisme: hasil})
    assert lokal["byte_mermaid"] == 0, "Mermaid JS dimuat, padahal diagram sudah SVG saat build"
    assert lokal["byte_saat_dimuat"] < 600 * 1024, lokal
    assert lokal["ms_semua_diagram"] < 15000, lokal
    assert intranet["ms_diagram_pertama"] < 5000, intranet
