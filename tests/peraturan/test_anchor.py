"""Anchor tetap naskah (docs/peraturan/) dapat ditemukan lewat policy.peraturan."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from policy.katalog import katalog
from policy.peraturan import anchors, baca, tautan

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

DIRUJUK = (
    [f"bab-{i}" for i in range(1, 7)]
    + [f"pasal-{i}" for i in range(1, 23)]
    + ["pasal-9-ayat-1", "pasal-9-ayat-2", "pasal-10-ayat-2", "pasal-10-ayat-3", "pasal-11",
       "pasal-14", "pasal-15-ayat-1", "pasal-15-ayat-2", "pasal-15-ayat-3", "pasal-17-ayat-1",
       "pasal-18-ayat-2", "pasal-19-ayat-1", "pasal-2-ayat-2-huruf-a", "pasal-6-huruf-a",
       "pasal-1-angka-24", "pasal-1-angka-25", "pasal-1-angka-26"]
    + ["lampiran-a", "lampiran-a-1", "lampiran-b", "lampiran-b-1", "lampiran-b-2", "lampiran-b-3",
       "lampiran-b-4", "lampiran-c", "lampiran-d"]
    + ["lampiran-b-1-huruf-d", "lampiran-b-1-huruf-e"]
    + [f"lampiran-b-2-huruf-{h}" for h in "abcdef"]
    + [f"lampiran-b-3-huruf-{h}" for h in "abcde"]
    + [f"lampiran-b-3-tanggung-jawab-huruf-{h}" for h in "abcd"]
    + ["lampiran-b-2-penunjukan", "lampiran-b-2-pengajuan-sukarela", "lampiran-b-2-surat-permohonan",
       "lampiran-b-2-penunjukan-2", "lampiran-b-2-penunjukan-3", "lampiran-b-2-pengajuan-sukarela-2"]
    + [f"lampiran-b-2-surat-permohonan-angka-{i}" for i in range(1, 5)]
    + [katalog().mekanisme[k].anchor for k in katalog().kode_jenis("contoh")]
    + [f"{katalog().mekanisme[k].anchor}-{t}" for k in katalog().kode_jenis("contoh") for t in katalog().tahap]
    + [g.anchor for g in katalog().gambar.values()]
    + [f"pasal-1-angka-{i}" for i in range(1, 30)]
)


def test_anchor_yang_dirujuk_proyek_ada():
    peta = anchors(DOCS)
    hilang = [a for a in DIRUJUK if a not in peta]
    assert not hilang


def test_anchor_menunjuk_unsur_yang_benar():
    n = baca(DOCS)
    teks = {e.anchor: re.sub(r"<[^>]+>", "", e.teks) for e in n.elemen}
    assert teks["pasal-9-ayat-2"].startswith("(2) Dalam hal Pejabat Fungsional diangkat")
    assert teks["lampiran-b-1-huruf-d"] == "d. Unit Organisasi yang dipimpin oleh Pejabat Fungsional;"
    assert "lebih dari dua level struktur" in teks["lampiran-b-1-huruf-e"]
    assert "ketua tim diutamakan" in teks["lampiran-b-3-huruf-d"]
    assert teks["lampiran-b-2-huruf-f"].startswith("f. Struktur penugasan")
    assert teks["lampiran-b-1"] == "1. Kedudukan"
    assert teks["lampiran-b-2"] == "2. Penugasan"
    assert teks["lampiran-b-4"] == "4. Pertanggungjawaban Pelaksanaan Tugas"
    assert teks["lampiran-a-1"] == "1. Tahapan Perencanaan"
    assert teks["gambar-22"].startswith("**Gambar 22. Mekanisme pengajuan sukarela")
    assert teks["bab-6"].startswith("BAB IV KETENTUAN LAIN-LAIN")
    assert teks["lampiran-d-3-evaluasi"] == "c. Tahap Evaluasi"


def test_anchor_unik_dan_halaman_benar():
    peta = anchors(DOCS)
    assert peta["pasal-9-ayat-2"] == "peraturan/batang-tubuh.md"
    assert peta["lampiran-b-3-huruf-d"] == "peraturan/lampiran-b.md"
    assert peta["gambar-32"] == "peraturan/lampiran-d.md"
    n = baca(DOCS)
    semua = [e.anchor for e in n.elemen]
    assert len(semua) == len(set(semua)), "anchor ganda di naskah"


def test_anchor_ganda_lintas_halaman_ditolak(tmp_path):
    shutil.copytree(DOCS / "peraturan", tmp_path / "peraturan")
    p = tmp_path / "peraturan" / "lampiran-c.md"
    p.write_text(p.read_text(encoding="utf-8") + '\n<a id="pasal-9"></a>salah\n', encoding="utf-8")
    with pytest.raises(ValueError):
        anchors(tmp_path)


def test_tautan_relatif():
    assert tautan("pasal-9-ayat-2", "unit/diskominfo.md") == "../peraturan/batang-tubuh.md#pasal-9-ayat-2"
    assert tautan("pasal-9-ayat-2", "index.md") == "peraturan/batang-tubuh.md#pasal-9-ayat-2"
    assert tautan("gambar-19", "peraturan/lampiran-d.md") == "lampiran-b.md#gambar-19"
    assert tautan("pasal-9", "peraturan/batang-tubuh.md") == "#pasal-9"
    assert tautan("lampiran-d-1-perencanaan", "a/b/c.md") == "../../peraturan/lampiran-d.md#lampiran-d-1-perencanaan"
    with pytest.raises(KeyError):
        tautan("pasal-99", "index.md")


def test_nomor_baris_elemen_sesuai_berkas():
    n = baca(DOCS)
    for e in n.elemen[:50] + n.jenis("gambar"):
        baris = (DOCS / e.halaman).read_text(encoding="utf-8").splitlines()[e.baris - 1]
        assert e.anchor in baris


def test_modul_tidak_mengimpor_mkdocs():
    for p in (ROOT / "policy" / "peraturan").glob("*.py"):
        assert not re.search(r"^\s*(from|import)\s+mkdocs", p.read_text(encoding="utf-8"), re.M), p
