"""Indeks pencarian (hooks/pencarian.py, issue 11 butir 7): naskah Perbup diindeks per Pasal dan
per bagian Lampiran, bagian Panduan berjudul pertanyaan menjadi hasil sendiri, halaman turunan
berbobot rendah — hanya di salinan untuk pengindeksan, tidak di HTML yang diterbitkan.

Ketepatan peringkatnya diukur di peramban (tests/browser/test_peramban_pencarian.py,
scripts/ukur_pencarian.py); di sini bentuk rekaman dan indeks yang ditulis.
"""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))
import pencarian  # noqa: E402

HL = '<a class="headerlink" href="#{0}" title="Tautan ke bagian ini">&para;</a>'


def halaman(isi: str) -> str:
    return f'<html lang="id"><body><div class="md-sidebar">menu</div><article class="md-content__inner">{isi}</article></body></html>'


def judul(level: int, id_: str, teks: str) -> str:
    return f'<h{level} id="{id_}">{teks}{HL.format(id_)}</h{level}>\n'


BATANG_TUBUH = halaman(
    judul(1, "batang-tubuh-peraturan", "Batang Tubuh Peraturan")
    + '<p><a id="menimbang"></a><strong>Menimbang</strong> : bahwa untuk mewujudkan tata kelola</p>\n'
    + judul(2, "bab-1", "BAB I KETENTUAN UMUM")
    + judul(3, "pasal-1", "Pasal 1")
    + "<p>Dalam Peraturan Bupati ini yang dimaksud dengan:</p>\n<ul>\n"
    + '<li><a id="pasal-1-angka-25"></a>25. Pimpinan Unit Organisasi adalah pejabat yang memimpin.</li>\n'
    + '<li><a id="pasal-1-angka-26"></a>26. Pejabat Penilai Kinerja adalah atasan langsung &amp; pengawas.</li>\n'
    + "</ul>\n"
    + judul(2, "bab-4", "BAB IV MEKANISME KERJA")
    + judul(4, "bab-4-bagian-2-paragraf-4", "Paragraf 4 Pertanggungjawaban Pelaksanaan Tugas")
    + judul(5, "pasal-15", "Pasal 15")
    + '<p><a id="pasal-15-ayat-1"></a>(1) Anggota tim melaporkan pelaksanaan tugas kepada ketua tim.</p>\n'
    + '<p><a id="pasal-15-ayat-2"></a>(2) Ketua tim melaporkan kepada Pimpinan Unit Organisasi.</p>\n'
    + judul(2, "bab-6", "BAB IV KETENTUAN LAIN-LAIN")
    + judul(3, "pasal-22", "Pasal 22")
    + "<p>Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.</p>\n"
    + '<p><a id="penutup"></a>Ditetapkan di Sidikalang</p>\n<p>PENANDA TANGAN</p>\n'
)


def rekaman_menurut_jangkar(rekaman):
    return {r.url.split("#")[1]: r for r in rekaman}


def test_batang_tubuh_per_pasal_dan_angka():
    sisa, rekaman = pencarian.pecah_halaman("/peraturan/batang-tubuh/", BATANG_TUBUH)
    r = rekaman_menurut_jangkar(rekaman)
    assert set(r) == {"pasal-1", "pasal-1-angka-25", "pasal-1-angka-26", "pasal-15", "pasal-22"}
    assert r["pasal-15"].url == "/peraturan/batang-tubuh/#pasal-15"
    # judul: label Pasal + judul Paragraf/BAB induknya (BAB huruf besar dirapikan)
    assert r["pasal-15"].judul == "Pasal 15 — Pertanggungjawaban Pelaksanaan Tugas"
    assert r["pasal-1"].judul == "Pasal 1 — Ketentuan Umum"
    assert r["pasal-22"].judul == "Pasal 22 — Ketentuan Lain-lain"
    # angka Pasal definisi: rekaman sendiri berjudul istilahnya, isi tetap ter-escape
    assert r["pasal-1-angka-26"].judul == "Pasal 1 angka 26 — Pejabat Penilai Kinerja"
    assert "atasan langsung &amp; pengawas" in r["pasal-1-angka-26"].isi
    # rekaman Pasal 1 hanya daftar istilah (sub-hasil ke jangkar angka), bukan definisinya lagi
    assert '<h6 id="pasal-1-angka-26"' in r["pasal-1"].isi and "atasan langsung" not in r["pasal-1"].isi
    # ayat menjadi sub-hasil (judul kecil ber-id jangkar ayat), teksnya tetap
    assert '<h6 id="pasal-15-ayat-1" data-pagefind-weight="1">ayat (1)</h6>' in r["pasal-15"].isi
    assert "Anggota tim melaporkan pelaksanaan tugas kepada ketua tim." in r["pasal-15"].isi
    # Pasal terakhir berhenti di penutup (tanda tangan tidak ikut Pasal 22)
    assert "PENANDA TANGAN" not in r["pasal-22"].isi and "PENANDA TANGAN" in sisa
    # halaman: konsiderans tetap; Pasal yang dipecah tetap ada tetapi berbobot rendah
    assert "Menimbang" in sisa
    bobot = pencarian.BOBOT_DIPECAH
    assert f'<div data-pagefind-weight="{bobot}"><h5 data-pagefind-weight="{bobot}" id="pasal-15">' in sisa
    assert sisa.count('data-pagefind-weight=') > 0 and "md-sidebar" in sisa


def test_rekaman_html_lengkap_dan_ter_escape():
    teks = halaman(judul(3, "pasal-3", "Pasal 3") + "<p>isi &lt;script&gt;alert(1)&lt;/script&gt;</p>")
    _, [r] = pencarian.pecah_halaman("/p/", teks)
    dokumen = r.html()
    assert dokumen.startswith('<!doctype html><html lang="id">')  # stemmer Indonesia
    assert "<h1>Pasal 3</h1>" in dokumen and "<script>" not in dokumen


def test_lampiran_per_bagian_bernomor():
    teks = halaman(
        judul(1, "lampiran-b-penyesuaian", "Lampiran B. Penyesuaian")
        + judul(2, "lampiran-b", "B. Penyesuaian Yang Diperlukan")
        + judul(3, "lampiran-b-pengantar-1", "1. Penentuan Kedudukan") + "<p>pengantar</p>"
        + judul(3, "lampiran-b-2", "2. Penugasan") + "<p>penugasan</p>"
        + judul(4, "lampiran-b-2-penunjukan", "a. Penunjukan")
        + judul(5, "lampiran-b-2-penunjukan-2", "2) Mekanisme penunjukan lintas Unit Organisasi") + "<p>lintas</p>"
        + judul(3, "lampiran-b-3", "3. Pelaksanaan Tugas") + "<p>pelaksanaan</p>")
    sisa, rekaman = pencarian.pecah_halaman("/peraturan/lampiran-b/", teks)
    r = rekaman_menurut_jangkar(rekaman)
    assert set(r) == {"lampiran-b-2", "lampiran-b-3"}  # pengantar tidak bernomor Lampiran → halaman
    assert r["lampiran-b-2"].judul == "Lampiran B.2 — Penugasan"
    # sub-bagian tetap di dalam rekamannya: judulnya menjadi sub-hasil ke jangkarnya
    assert 'id="lampiran-b-2-penunjukan-2"' in r["lampiran-b-2"].isi and "pelaksanaan" not in r["lampiran-b-2"].isi
    assert "pengantar" in sisa


def test_pertanyaan_panduan_hanya_h2_bertanda_tanya():
    teks = halaman(
        judul(1, "siapa", "Siapa penilai kinerja saya?") + "<p>pengantar</p>"
        + judul(2, "cara", "Cara menemukan penilai kinerja Anda") + "<p>langkah</p>"
        + judul(2, "kecamatan", "Saya pelaksana di kecamatan — siapa atasan saya?") + "<p>camat</p>"
        + judul(3, "contoh", "Contoh?") + "<p>seksi</p>")
    _, tanpa = pencarian.pecah_halaman("/x/", teks)
    assert tanpa == []  # di luar Panduan tidak dipecah
    sisa, [r] = pencarian.pecah_halaman("/panduan/penilai-kinerja/", teks, tanya=True)
    assert r.url == "/panduan/penilai-kinerja/#kecamatan"
    assert r.judul == "Saya pelaksana di kecamatan — siapa atasan saya?"
    assert "seksi" in r.isi and "langkah" in sisa  # h3 ikut bagiannya


def test_singkatan_dan_bobot_halaman_turunan():
    unit = "<dl>\n<dt>Jenis</dt>\n<dd>RSUD</dd>\n<dt>Singkatan</dt>\n<dd>RSUD Sidikalang</dd>\n</dl>"
    assert '<dt>Singkatan</dt>\n<dd data-pagefind-meta="singkatan">RSUD Sidikalang</dd>' in \
        pencarian.tandai_singkatan("unit/uptd/rsud/index.html", unit)
    assert pencarian.tandai_singkatan("panduan/x/index.html", unit) == unit
    katalog = halaman(judul(1, "katalog", "Katalog Aturan") + "<p>SK01 Pasal 10</p>")
    berbobot = pencarian.bobot_halaman("aturan/index.html", katalog)
    assert '<div data-pagefind-weight="0.3"><h1 data-pagefind-weight="0.3" id="katalog">' in berbobot
    assert pencarian.bobot_halaman("panduan/index.html", katalog) == katalog
    # salinan luring (tanpa URL direktori): kepatuhan.html sama dengan kepatuhan/index.html
    assert pencarian.bobot_halaman("kepatuhan.html", katalog) == pencarian.bobot_halaman("kepatuhan/index.html", katalog) != katalog
    assert pencarian.halaman_dir("peraturan/batang-tubuh.html") == pencarian.halaman_dir("peraturan/batang-tubuh/index.html")


def _fragmen(site: Path) -> list[dict]:
    hasil = []
    for f in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(f.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        hasil.append(json.loads(data[len(b"pagefind_dcd"):]))
    return hasil


@pytest.fixture(scope="module")
def fragmen(situs) -> dict[str, dict]:
    return {f["url"]: f for f in _fragmen(situs)}


def test_indeks_situs_memuat_rekaman_pasal(situs, fragmen):
    assert fragmen["/peraturan/batang-tubuh/#pasal-10"]["meta"]["title"] == "Pasal 10 — Penugasan"
    assert fragmen["/peraturan/batang-tubuh/#pasal-1-angka-26"]["meta"]["title"] == \
        "Pasal 1 angka 26 — Pejabat Penilai Kinerja"
    assert "/peraturan/lampiran-b/#lampiran-b-2" in fragmen
    assert "/panduan/penilai-kinerja/#kecamatan" in fragmen
    assert fragmen["/unit/uptd/rsud-sidikalang/"]["meta"].get("singkatan") == "RSUD Sidikalang"
    # setiap Pasal naskah tepat satu rekaman
    pasal = sorted(u for u in fragmen if u.startswith("/peraturan/batang-tubuh/#pasal-") and "-angka-" not in u)
    assert len(pasal) == 22, pasal


def test_html_terbit_tidak_diubah(situs):
    """Pemecahan dan bobot hanya di salinan pengindeksan: naskah yang dibaca orang utuh."""
    teks = (situs / "peraturan" / "batang-tubuh" / "index.html").read_text(encoding="utf-8")
    assert '<h5 id="pasal-10">' in teks and "data-pagefind" not in teks
    assert "data-pagefind" not in (situs / "aturan" / "index.html").read_text(encoding="utf-8")


def test_indeks_tidak_menulis_ke_direktori_kerja(tmp_path, monkeypatch):
    """Layanan Pagefind menulis ke ``site/pagefind``, bukan ``./pagefind`` direktori kerja."""
    site = tmp_path / "site"
    (site / "peraturan" / "batang-tubuh").mkdir(parents=True)
    (site / "peraturan" / "batang-tubuh" / "index.html").write_text(BATANG_TUBUH, encoding="utf-8")
    kerja = tmp_path / "kerja"
    kerja.mkdir()
    monkeypatch.chdir(kerja)
    pencarian.indeks_pagefind(str(site))
    assert not (kerja / "pagefind").exists()
    urls = {f["url"] for f in _fragmen(site)}
    assert {"/peraturan/batang-tubuh/", "/peraturan/batang-tubuh/#pasal-15",
            "/peraturan/batang-tubuh/#pasal-1-angka-26"} <= urls
