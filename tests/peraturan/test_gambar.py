"""Ke-32 gambar Lampiran: ada penandanya di naskah, unit contoh Gambar 2–17 terklasifikasi sesuai
gambarnya, dan setiap diagram diurai Mermaid asli."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from mermaid_tool import parse_mermaid
from policy.gambar import CONTOH, blok_gambar, figur, sisipkan_gambar, unit_contoh
from policy.katalog import katalog
from policy.klasifikasi import klasifikasi

DOCS = Path(__file__).resolve().parents[2] / "docs" / "peraturan"


def test_setiap_gambar_punya_satu_penanda_di_bawah_anchornya():
    teks = {p.name: p.read_text(encoding="utf-8") for p in DOCS.glob("*.md")}
    for n in katalog().gambar:
        tempat = [nama for nama, t in teks.items() if re.search(rf"^<!-- gambar:{n} -->$", t, re.M)]
        assert len(tempat) == 1, f"Gambar {n}: {tempat}"
        t = teks[tempat[0]]
        assert t.index(f'id="gambar-{n}"') < t.index(f"<!-- gambar:{n} -->")


@pytest.mark.parametrize("n", sorted(CONTOH))
def test_unit_contoh_terklasifikasi_seperti_gambarnya(n):
    bagian, kode = katalog().isi_gambar(n)
    unit = unit_contoh(n)
    kl = klasifikasi(unit, unit.org.kelompok[0])
    if bagian == "kedudukan":
        assert kl.kedudukan == kode and kl.gambar_kedudukan == n
    else:
        assert bagian == "struktur_penugasan"
        assert kl.struktur_penugasan == kode and kl.gambar_struktur == n


def test_unit_contoh_mencakup_semua_gambar_kedudukan_dan_struktur():
    k = katalog()
    harapan = {x.gambar for x in (*k.kedudukan.values(), *k.struktur.values()) if x.gambar}
    assert set(CONTOH) == harapan


def test_semua_gambar_diurai_mermaid_asli():
    nomor = sorted(katalog().gambar)
    hasil = parse_mermaid([figur(n) for n in nomor])
    gagal = [(n, h["error"]) for n, h in zip(nomor, hasil) if not h["ok"]]
    assert not gagal


def test_sisipan_mengganti_penanda_saja():
    md = "# Judul\n\n<!-- gambar:12 -->\n\nteks <!-- gambar:12 --> di tengah baris tetap\n"
    out = sisipkan_gambar(md)
    assert out.count("```mermaid") == 1 and "teks <!-- gambar:12 --> di tengah" in out
    assert "Gambar 12 dalam bentuk teks" in out


def test_gambar_alur_punya_alternatif_teks_bernomor():
    b = blok_gambar(23)
    assert "1. **Perencanaan**" in b and "Pejabat Pimpinan Tinggi Pratama" in b
