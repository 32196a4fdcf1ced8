"""Halaman Rute penugasan di chromium: satu pasangan per lingkup (di dalam unit, lintas unit, lintas
instansi) dibandingkan dengan ``python -m policy rute --format json``; draf surat tercetak satu halaman A4;
halaman berjalan dari salinan luring (file://)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode

import pytest

from alat_peramban import ARTEFAK

ROOT = Path(__file__).resolve().parents[2]
PASANGAN = [
    ("diskominfo/kabid-aptika", "diskominfo/kjf-aptika", "penunjukan"),
    ("diskominfo/kabid-aptika", "bappeda/kjf-perencanaan", "penunjukan"),
    ("diskominfo/kabid-aptika", "instansi:Pemerintah Kabupaten Karo", "penunjukan"),
    ("diskominfo/kabid-aptika", "instansi:Pemerintah Kabupaten Karo", "sukarela"),  # RT01
]


def cli(pemilik: str, pegawai: str, cara: str) -> dict:
    r = subprocess.run([sys.executable, "-m", "policy", "rute", "--pemilik", pemilik, "--pegawai", pegawai,
                        "--cara", cara, "--format", "json"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode in (0, 1), r.stderr
    return json.loads(r.stdout)


def _pilih(page, pemilik, pegawai, cara):
    """Isi formulir seperti pengguna (bukan lewat URL)."""
    page.select_option("#rute-pemilik", pemilik)
    if pegawai.startswith("instansi:"):
        page.select_option("#rute-unit", "instansi:")
        page.fill("#rute-instansi", pegawai.removeprefix("instansi:"))
    else:
        page.select_option("#rute-unit", pegawai.split("/")[0])
        page.select_option("#rute-kelompok", pegawai)
    page.select_option("#rute-cara", cara)


@pytest.mark.parametrize("pemilik,pegawai,cara", PASANGAN)
def test_rute_sama_dengan_cli(tab, server, pemilik, pegawai, cara):
    page = tab.page
    tab.buka(server.url + "/rute/", tunggu_diagram=False)
    _pilih(page, pemilik, pegawai, cara)
    dari_halaman = json.loads(page.text_content("#rute-json"))
    harap = cli(pemilik, pegawai, cara)
    assert dari_halaman == harap
    teks = page.text_content("#rute-hasil")
    if harap["boleh"]:
        assert f"Gambar {harap['gambar']}" in teks
        assert page.locator("ol.rute-langkah > li").count() == len(harap["langkah"])
        for x in harap["langkah"]:
            assert x["pengirim"]["jabatan"] in teks
    else:
        assert harap["temuan"]["id"] in teks
    assert page.locator("#rute-surat").count() == (1 if harap["isi_surat_permohonan"] else 0)
    tab.bersih()


def test_surat_satu_halaman_a4(tab, server):
    page = tab.page
    q = urlencode({"pemilik": "diskominfo/kabid-aptika", "pegawai": "bappeda/kjf-perencanaan"})
    tab.buka(server.url + "/rute/?" + q, tunggu_diagram=False)
    surat = page.text_content("#rute-surat")
    harap = cli("diskominfo/kabid-aptika", "bappeda/kjf-perencanaan", "penunjukan")
    assert "Yth. " + harap["langkah"][0]["penerima"]["jabatan"] in surat
    assert all(t["jabatan"] in surat for t in harap["langkah"][0]["tembusan"])
    assert page.locator("#rute-surat textarea").count() == 4
    for i in range(1, 5):
        page.fill(f"#rute-isi-{i}", "Isian uji " * 30)
    page.emulate_media(media="print")
    assert page.locator("#rute-surat").is_visible() and not page.locator(".md-header").first.is_visible()
    ARTEFAK.mkdir(exist_ok=True)
    pdf = ARTEFAK / "rute-surat.pdf"
    page.pdf(path=str(pdf), format="A4")
    halaman = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
    assert halaman == 1, f"surat tercetak {halaman} halaman"
    tab.bersih()


def test_rute_dari_disk(tab, situs_luring):
    page = tab.page
    tab.buka((situs_luring / "rute.html").as_uri(), tunggu_diagram=False)
    _pilih(page, "diskominfo/kabid-aptika", "bappeda/kjf-perencanaan", "penunjukan")
    assert json.loads(page.text_content("#rute-json")) == cli("diskominfo/kabid-aptika", "bappeda/kjf-perencanaan",
                                                              "penunjukan")
    tab.bersih()
