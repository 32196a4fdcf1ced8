"""Data mekanisme/prosedur dicocokkan dengan naskah Lampiran (docs/peraturan/*.md) — bukan
dengan keluaran kode itu sendiri: perbedaan antarcontoh Lampiran D harus tercermin."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from policy.katalog import katalog
from policy.mekanisme import (
    ISI_SURAT_PERMOHONAN,
    MEKANISME,
    PROSEDUR,
    anchor_dikenal,
)

PERATURAN = Path(__file__).resolve().parents[2] / "docs" / "peraturan"


def _naskah() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(PERATURAN.glob("*.md")))


def _bagian(anchor: str) -> str:
    """Teks dari judul/penanda ``anchor`` sampai judul berikutnya atau penanda gambar."""
    baris = _naskah().splitlines()
    pola = re.compile(r"\{#" + re.escape(anchor) + r"\}|id=\"" + re.escape(anchor) + r"\"")
    mulai = next(i for i, b in enumerate(baris) if pola.search(b))
    hasil = []
    for b in baris[mulai + 1:]:
        if b.startswith("#") or "id=\"gambar-" in b:
            break
        hasil.append(b)
    return "\n".join(hasil)


def test_semua_jangkar_sumber_ada_di_naskah():
    naskah = _naskah()
    hilang = [a for a in anchor_dikenal() if f"{{#{a}}}" not in naskah and f'id="{a}"' not in naskah]
    assert hilang == []


CONTOH = list(katalog().kode_jenis("contoh"))


def _langkah_tahap(kode, tahap):
    return [lk for lk in MEKANISME[kode].langkah() if lk.tahap == tahap]


@pytest.mark.parametrize("kode", CONTOH)
def test_metadata_contoh(kode):
    m = MEKANISME[kode]
    n = int(kode[1:])
    assert (m.contoh_angka, m.gambar, m.anchor) == (n, 22 + n, f"lampiran-d-{n}")
    judul_gambar = re.search(rf"Gambar {22 + n}\.? ([^*]+)\*\*", _naskah()).group(1)
    assert m.judul.split(" pada ")[1].lower().replace("adminsitrator", "administrator") in (
        judul_gambar.lower().replace("adminsitrator", "administrator"))
    assert m.keterangan in judul_gambar.replace("Adminsitrator", "Administrator")


@pytest.mark.parametrize("kode", CONTOH)
def test_pengembalian_hasil_hanya_bila_naskah_menyebutnya(kode):
    """'tidak sesuai ... dikembalikan kepada individu atau tim kerja' (angka 5, 6, 7)."""
    teks = _bagian(f"lampiran-d-{kode[1:]}-evaluasi")
    ada = "dikembalikan" in teks
    data = [lk for lk in _langkah_tahap(kode, "evaluasi") if "dikembalikan" in lk.uraian]
    assert bool(data) == ada
    if ada:
        assert data[0].penerima == "jf" and data[0].kondisi is not None
        diagram_alt = [b for b in MEKANISME[kode].tahap[2].butir if not hasattr(b, "nomor")]
        assert diagram_alt and diagram_alt[0].jenis in ("alt", "loop")


@pytest.mark.parametrize("kode", CONTOH)
def test_sekda_meninjau_di_akhir_bila_naskah_menyebutnya(kode):
    teks = _bagian(f"lampiran-d-{kode[1:]}-evaluasi")
    m = MEKANISME[kode]
    lajur_sekda = next((lj for lj in m.lajur if lj.kunci == "sekretaris_daerah"), None)
    if "Sekretaris Daerah" not in teks:
        assert lajur_sekda is None
        return
    terakhir = _langkah_tahap(kode, "evaluasi")[-1]
    assert m.lajur_untuk(terakhir.pelaku) is lajur_sekda
    assert "selesai" in terakhir.label


@pytest.mark.parametrize("kode", CONTOH)
def test_penetap_perjanjian_kinerja_sesuai_naskah(kode):
    """'dimulai dari X selaku Pejabat Penilai Kinerja ...' ⇔ lajur langkah pertama memegang peran PPK."""
    teks = _bagian(f"lampiran-d-{kode[1:]}-perencanaan")
    kalimat1 = teks.strip().split(". ")[0]
    assert "perjanjian kinerja" in kalimat1
    m = MEKANISME[kode]
    pertama = m.langkah()[0]
    assert "perjanjian kinerja" in pertama.label
    assert ("selaku Pejabat Penilai Kinerja" in kalimat1) == ("ppk" in m.lajur_untuk(pertama.pelaku).peran)
    assert ("Sekretaris Daerah" in kalimat1) == (m.lajur_untuk(pertama.pelaku).kunci == "sekretaris_daerah")


@pytest.mark.parametrize("kode", CONTOH)
def test_rekomendasi_dan_ketua_tim_sesuai_naskah(kode):
    teks = _bagian(f"lampiran-d-{kode[1:]}-perencanaan")
    rencana = _langkah_tahap(kode, "perencanaan")
    rekomendasi = [lk for lk in rencana if lk.balasan and "rekomendasi" in lk.uraian]
    assert bool(rekomendasi) == ("ekomendasi" in teks)
    for lk in rekomendasi:
        assert MEKANISME[kode].lajur_untuk(lk.penerima) is MEKANISME[kode].lajur_untuk("ppk")
    perlu_ketua = [lk for lk in rencana if "perlu atau tidaknya" in lk.uraian]
    assert bool(perlu_ketua) == ("perlu atau tidaknya penunjukan ketua tim" in teks)


@pytest.mark.parametrize("kode", CONTOH)
def test_penerima_hasil_pelaksanaan_sesuai_naskah(kode):
    """'Hasil ... disampaikan kepada <X> oleh individu atau ketua tim': X = lajur penerima."""
    teks = _bagian(f"lampiran-d-{kode[1:]}-pelaksanaan")
    m = MEKANISME[kode]
    kepada = re.search(r"disampaikan kepada (.+?) oleh individu atau ketua tim", teks).group(1)
    hasil = [lk for lk in _langkah_tahap(kode, "pelaksanaan") if lk.balasan]
    assert {lk.pelaku for lk in hasil} == {"jf", "ketua_tim"}
    penerima = {m.lajur_untuk(lk.penerima).kunci for lk in hasil}
    assert len(penerima) == 1
    generik = {**{lj.kunci: lj.nama_bawaan for lj in m.lajur}, **m.aktor_generik}
    nama = next(generik[k] for k in m.lajur_untuk(penerima.pop()).semua_kunci if generik.get(k))
    assert nama.lower().startswith(kepada.lower().replace("asisten sekretaris daerah", "asisten sekretaris daerah"))


def test_rujukan_gambar_keliru_dicatat():
    for kode in ("M5", "M6", "M7"):
        assert "Gambar 17, Gambar 18, dan Gambar 20" in _bagian(f"lampiran-d-{kode[1:]}-perencanaan")
        assert any("Gambar 17" in c for c in MEKANISME[kode].catatan)
    assert any("Tinggi Madya" in c for c in MEKANISME["M3"].catatan)
    assert "Pimpinan Tinggi Madya" in _bagian("lampiran-d-3-evaluasi")


@pytest.mark.parametrize("gambar, anchor", [
    (19, "lampiran-b-2-penunjukan-2"),
    (20, "lampiran-b-2-penunjukan-3"),
    (21, "lampiran-b-2-pengajuan-sukarela-1"),
    (22, "lampiran-b-2-pengajuan-sukarela-2"),
])
def test_butir_prosedur_sesuai_naskah(gambar, anchor):
    huruf_naskah = re.findall(re.escape(anchor) + r"-huruf-([a-z])\"", _bagian(anchor))
    p = PROSEDUR[gambar]
    huruf_data = [lk.huruf[0] for lk in p.langkah()]
    assert huruf_data == sorted(huruf_data)
    assert sorted(set(huruf_data)) == huruf_naskah
    if gambar != 20:  # butir e Gambar 20 memiliki anak butir (lihat catatan)
        assert huruf_data == huruf_naskah
    else:
        anak = len(re.findall(r"^\s{2,}- ", _bagian(anchor), flags=re.M))
        assert huruf_data.count("e") == anak + 1  # anak butir 1 memuat dua kiriman surat
    assert p.anchor == anchor


def test_penunjukan_dalam_unit_oleh_pimpinan_unit():
    (lk,) = PROSEDUR[18].langkah()
    assert (lk.pelaku, lk.penerima) == ("pimpinan_unit", "jf")
    assert "langsung oleh Pimpinan Unit Organisasi" in _bagian("lampiran-b-2-penunjukan-1")


def test_isi_surat_permohonan():
    teks = _bagian("lampiran-b-2-surat-permohonan")
    assert len(ISI_SURAT_PERMOHONAN) == 4
    for i, isi in enumerate(ISI_SURAT_PERMOHONAN, 1):
        assert f"{i}) {isi}" in teks


def test_pola_umum_ditandai_interpretasi():
    for kode in katalog().kode_jenis("pola_umum"):
        m = MEKANISME[kode]
        assert m.interpretasi and m.catatan and m.gambar is None
        assert kode == katalog().pola_umum(m.struktur_penugasan).kode
    assert not any(MEKANISME[k].interpretasi for k in CONTOH)
