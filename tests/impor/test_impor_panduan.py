"""Halaman "Mengimpor peta jabatan": lembar contoh dan semua keluaran di halaman adalah keluaran
asli alat (dibangkitkan ``scripts/contoh_peta_jabatan.py``), jadi tidak bisa basi diam-diam."""
from __future__ import annotations

import importlib.util

from kasus_yaml import ROOT

_spec = importlib.util.spec_from_file_location("contoh_peta_jabatan", ROOT / "scripts" / "contoh_peta_jabatan.py")
contoh_peta = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(contoh_peta)


def test_lembar_contoh_sama_dengan_pembuatnya():
    assert contoh_peta.LEMBAR.read_text(encoding="utf-8") == contoh_peta.teks_csv(contoh_peta.BARIS), (
        "jalankan `python scripts/contoh_peta_jabatan.py --tulis`")


def test_keluaran_di_halaman_sama_dengan_keluaran_alat():
    isi = contoh_peta.contoh()
    lama, baru = contoh_peta.halaman_diperbarui(isi)
    assert lama == baru, "halaman basi — jalankan `python scripts/contoh_peta_jabatan.py --tulis`"
    dipakai = {m.group("nama") for m in contoh_peta.PENANDA.finditer(lama)}
    assert dipakai == set(isi)
    # isi contoh bermakna: draf tanpa data pribadi, IM01 sebelum ditinjau, bersih sesudahnya, usulan mempertahankan keputusan
    assert "disamarkan" not in isi["draf"] and "# TODO:" in isi["draf"]
    assert "8 peringatan" in isi["periksa"] and "0 kesalahan, 0 peringatan" in isi["periksa-tinjau"]
    assert "+ kjf-konsumsi-keamanan-pangan: Penyuluh Pertanian Ahli Muda (fungsional) 1" in isi["perubahan"]
    # keputusan "PPK Kepala Dinas" ada di usulan sebagai baris konteks yang tidak berubah
    assert "\n     penilai: kadis  # ditinjau" in isi["diff"] and "-    penilai: kadis" not in isi["diff"]


def test_halaman_ada_di_daftar_panduan():
    assert "(impor.md)" in (ROOT / "docs" / "panduan" / "index.md").read_text(encoding="utf-8")
