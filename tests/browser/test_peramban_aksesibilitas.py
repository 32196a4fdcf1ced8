"""Aksesibilitas dasar (issue 7 butir 6): axe-core (npm, tests/js) disuntikkan ke halaman.

Diperiksa: tidak ada pelanggaran axe berdampak *serious*/*critical* (termasuk kontras warna
tema), urutan judul tidak melompat (h1 → h2 → h3 …), dan setiap diagram alur diikuti teks
alternatif (daftar langkah bernomor). Pelanggaran ringan dicatat di test-artifacts/axe.json.
"""
from __future__ import annotations

import json
import re

import pytest

from alat_peramban import ARTEFAK, ROOT, UNIT_PER_MEKANISME
from test_peramban_halaman import halaman_unit

AXE = ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"

#: Pelanggaran serius yang diterima, dengan alasannya (kosong = tidak ada yang diterima).
DITERIMA: dict[str, str] = {}


def _halaman(situs) -> list[str]:
    unit = [halaman_unit(situs, UNIT_PER_MEKANISME[m]) for m in ("M1", "M7", "M8")]
    return ["", "peraturan/batang-tubuh/", "panduan/", "unit/", *unit]


@pytest.fixture(scope="module")
def skrip_axe() -> str:
    if not AXE.is_file():
        pytest.fail(f"axe-core tidak ada di {AXE}: jalankan `npm ci --prefix tests/js` "
                    "(scripts/siapkan.sh melakukannya).", pytrace=False)
    return AXE.read_text(encoding="utf-8")


def test_axe_dan_urutan_judul(tab, server, situs, skrip_axe):
    page = tab.page
    laporan, gagal = {}, []
    for path in _halaman(situs):
        tab.buka(server.url + path)
        page.add_script_tag(content=skrip_axe)
        hasil = page.evaluate(
            "async () => await axe.run(document, {resultTypes: ['violations']})")
        pelanggaran = [
            {"id": v["id"], "impact": v["impact"], "help": v["help"], "jumlah": len(v["nodes"]),
             "contoh": [n["target"] for n in v["nodes"][:3]]}
            for v in hasil["violations"]]
        laporan[path or "/"] = pelanggaran
        serius = [v for v in pelanggaran if v["impact"] in ("serious", "critical") and v["id"] not in DITERIMA]
        if serius:
            gagal.append((path or "/", serius))
        # urutan judul di isi artikel: tidak melompat lebih dari satu tingkat ke bawah
        tingkat = page.eval_on_selector_all(
            "article h1, article h2, article h3, article h4, article h5, article h6",
            "els => els.map(e => +e.tagName[1])")
        assert tingkat and tingkat[0] == 1, f"{path}: judul pertama bukan h1: {tingkat[:3]}"
        lompat = [(a, b) for a, b in zip(tingkat, tingkat[1:]) if b > a + 1]
        assert not lompat, f"{path}: urutan judul melompat {lompat}"
    ARTEFAK.mkdir(exist_ok=True)
    (ARTEFAK / "axe.json").write_text(json.dumps(laporan, indent=2, ensure_ascii=False))
    tab.bersih()
    assert not gagal, f"pelanggaran axe serious/critical: {json.dumps(gagal, ensure_ascii=False)[:3000]}"


def test_diagram_alur_punya_daftar_langkah(situs):
    """Setiap diagram alur (diagram urutan, SVG saat build) di halaman unit diikuti langkah bernomor
    (daftar/tabel) — teks alternatifnya."""
    for m, unit in UNIT_PER_MEKANISME.items():
        berkas = situs / halaman_unit(situs, unit) / "index.html"
        teks = berkas.read_text(encoding="utf-8")
        blok = re.split(r'<figure class="skd-diagram ', teks)[1:]
        assert blok, f"{berkas}: tanpa diagram"
        for i, b in enumerate(blok):
            kode, _, sesudah = b.partition("</figure>")
            if not kode.startswith("skd-diagram--urutan"):
                continue
            sampai_diagram_berikut = sesudah.split('<figure class="skd-diagram ')[0]
            # daftar bernomor (<ol>) atau tabel langkah berkolom "No."
            ada = "<ol" in sampai_diagram_berikut or re.search(
                r"<table>\s*<thead>\s*<tr>\s*<th[^>]*>No\.?</th>", sampai_diagram_berikut)
            assert ada, f"{berkas}: diagram alur ke-{i} ({m}) tanpa daftar langkah bernomor sesudahnya"
