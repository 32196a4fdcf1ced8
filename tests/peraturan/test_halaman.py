"""Glosarium (dari Pasal 1), Catatan Harmonisasi (terbangkit), dan singkatan."""
from __future__ import annotations

import re
from pathlib import Path

from policy.peraturan import baca, glosarium, harmonisasi
from policy.peraturan.lint import lint
from policy.rules import per_tahap

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def test_glosarium_tercommit_sama_dengan_pasal_1():
    assert (DOCS / glosarium.BERKAS).read_text(encoding="utf-8") == glosarium.render(DOCS)


def test_glosarium_memuat_29_definisi_bertautan():
    teks = (DOCS / glosarium.BERKAS).read_text(encoding="utf-8")
    for n in range(1, 30):
        assert f"(batang-tubuh.md#pasal-1-angka-{n})" in teks
    assert len(re.findall(r"^:   ", teks, re.M)) == 29
    defs = glosarium.definisi(DOCS)
    assert defs[25][1] == "Pejabat Penilai Kinerja"
    assert defs[25][2].startswith("atasan langsung dengan ketentuan paling rendah pejabat pengawas")


def test_catatan_harmonisasi_memuat_semua_temuan():
    hal = harmonisasi.halaman(ROOT)
    assert list(hal) == ["peraturan/catatan-harmonisasi.md"]
    md = hal["peraturan/catatan-harmonisasi.md"]
    temuan = lint(DOCS)
    kode_naskah = [a.id for a in per_tahap("naskah")]
    assert kode_naskah and all(k.startswith("HK") for k in kode_naskah)
    for kode in kode_naskah:
        assert f"## {kode} " in md
    baris_tabel = [b for b in md.splitlines() if b.startswith("| [")]
    assert len(baris_tabel) == len(temuan)
    assert "[bab-6](batang-tubuh.md#bab-6)" in md
    assert "belum ditinjau: **0**" in md


def test_penyedia_terdaftar():
    from policy.situs import PENYEDIA
    assert "policy.peraturan.harmonisasi:halaman" in PENYEDIA


def test_singkatan_tersedia_dan_dikecualikan():
    teks = (DOCS / "includes" / "singkatan.md").read_text(encoding="utf-8")
    for s in ("ASN", "JPT", "SPBE", "PPK", "JF", "PD", "BKPSDM", "TIK", "Perbup", "PermenPANRB", "NIP"):
        assert re.search(rf"^\*\[{s}\]: \S", teks, re.M), s
    assert "*[PPK]: Pejabat Penilai Kinerja" in teks
    yml = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "auto_append: [singkatan.md]" in yml and "includes/" in yml


def test_tingkat_judul_bab_pasal_konsisten():
    n = baca(DOCS)
    assert all(e.tingkat == 2 for e in n.jenis("bab"))
    assert all(e.tingkat in (3, 4, 5) for e in n.jenis("pasal"))
