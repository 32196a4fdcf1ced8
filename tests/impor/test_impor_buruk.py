"""Masukan buruk: setiap kasus berakhir dengan pesan jelas (lembar, baris, kolom), exit 1 (atau 2
untuk salah pemakaian), tanpa traceback, dan tanpa berkas yang ditulis."""
from __future__ import annotations

import subprocess
import sys

import pytest

openpyxl = pytest.importorskip("openpyxl")

import buat_contoh as contoh  # noqa: E402
from bantu_impor import jalan  # noqa: E402
from kasus_yaml import ROOT  # noqa: E402

JUDUL = ["No", "Nama Jabatan", "Jenis Jabatan", "Bezetting"]


def _gagal(tmp_path, berkas, *extra, kode=1) -> str:
    keluar = tmp_path / "keluar"
    k, out, err = jalan("impor", str(berkas), "--keluar", str(keluar), *extra)
    assert k == kode, err
    assert out == "" and not keluar.exists()
    assert "Traceback" not in err and err.count("\n") == 1, err
    return err


def test_berkas_berkata_sandi(tmp_path):
    msoffcrypto = pytest.importorskip("msoffcrypto")
    from msoffcrypto.format.ooxml import OOXMLFile

    polos = contoh.tata_siasn(tmp_path)
    terkunci = tmp_path / "terkunci.xlsx"
    with open(polos, "rb") as f, open(terkunci, "wb") as o:
        OOXMLFile(f).encrypt("rahasia", o)
    assert msoffcrypto and "dilindungi kata sandi" in _gagal(tmp_path, terkunci)


def test_xls_format_lama(tmp_path):
    xlwt = pytest.importorskip("xlwt")
    wb = xlwt.Workbook()
    ws = wb.add_sheet("Peta")
    for j, v in enumerate(JUDUL):
        ws.write(0, j, v)
    path = tmp_path / "peta.xls"
    wb.save(str(path))
    err = _gagal(tmp_path, path)
    assert "Excel lama (.xls" in err and "simpan sebagai .xlsx" in err
    # akhiran yang keliru tidak menipu: isinya tetap dikenali sebagai .xls
    salah_nama = tmp_path / "peta-lama.xlsx"
    salah_nama.write_bytes(path.read_bytes())
    assert "Excel lama (.xls" in _gagal(tmp_path, salah_nama)


@pytest.mark.parametrize("isi, pesan", [
    (b"PK\x03\x04" + b"\x00" * 40, "rusak"),
    (bytes(range(256)) * 4, "bukan buku kerja Excel"),
])
def test_xlsx_rusak(tmp_path, isi, pesan):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(isi)
    assert pesan in _gagal(tmp_path, path)


def test_xlsx_terpotong(tmp_path):
    utuh = contoh.tata_siasn(tmp_path).read_bytes()
    path = tmp_path / "terpotong.xlsx"
    path.write_bytes(utuh[: len(utuh) // 2])
    assert "rusak" in _gagal(tmp_path, path)


def test_tanpa_judul_kolom(tmp_path):
    path = contoh.lembar_csv(tmp_path, "acak.csv", [["Rekap", "2025"], ["a", "b"], ["1", "2"]])
    err = _gagal(tmp_path, path)
    assert "baris judul kolom tidak ditemukan di 30 baris pertama" in err and "'Nama Jabatan'" in err


def test_tanpa_judul_kolom_xlsx_menyebut_lembar(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Rekap"
    wb.active["A1"] = "Rekapitulasi"
    path = tmp_path / "rekap.xlsx"
    wb.save(path)
    assert 'rekap.xlsx [lembar "Rekap"]: kesalahan: baris judul kolom tidak ditemukan' in _gagal(tmp_path, path)


def test_nomor_melompati_tingkat(tmp_path):
    path = contoh.lembar_csv(tmp_path, "lompat.csv", [JUDUL, ["1", "Kepala Dinas Sosial", "JPT Pratama", "1"],
                                                      ["1.1", "Sekretaris Dinas Sosial", "Administrator", "1"],
                                                      ["1.3.2", "Pekerja Sosial Ahli Muda", "Fungsional", "2"]])
    err = _gagal(tmp_path, path)
    assert "lompat.csv baris 4, kolom A (No): kesalahan: nomor 1.3.2 melompati tingkat: tidak ada baris bernomor 1.3" in err


def test_tingkat_kolom_melompat(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["B1"], ws["E1"], ws["F1"] = "No", "Nama Jabatan", "Jenis Jabatan", "Bezetting"
    ws.merge_cells("B1:D1")
    ws["A2"], ws["B2"], ws["E2"] = 1, "Kepala Dinas Sosial", "JPT Pratama"
    ws["A3"], ws["D3"], ws["E3"], ws["F3"] = 2, "Pekerja Sosial Ahli Muda", "Fungsional", 2
    path = tmp_path / "lompat.xlsx"
    wb.save(path)
    err = _gagal(tmp_path, path)
    assert '[lembar "Sheet"] baris 3, kolom D (Nama Jabatan): kesalahan: nama jabatan melompati tingkat' in err


def test_jabatan_di_bawah_jabatan_non_struktural(tmp_path):
    path = contoh.lembar_csv(tmp_path, "induk.csv", [JUDUL, ["1", "Kepala Dinas Sosial", "JPT Pratama", "1"],
                                                     ["1.1", "Pekerja Sosial Ahli Muda", "Fungsional", "2"],
                                                     ["1.1.1", "Pengadministrasi Perkantoran", "Pelaksana", "1"]])
    err = _gagal(tmp_path, path)
    assert "baris 4, kolom A (No)" in err and "berada di bawah 'Pekerja Sosial Ahli Muda' (baris 3), yang bukan jabatan struktural" in err


@pytest.mark.parametrize("nilai, pesan", [("dua", "bezetting 'dua' bukan angka"), ("3 orang", "bezetting '3 orang' bukan angka"),
                                          ("1,5", "bezetting 1,5 bukan bilangan bulat"), ("-1", "bezetting -1 negatif")])
def test_bezetting_bukan_bilangan(tmp_path, nilai, pesan):
    path = contoh.lembar_csv(tmp_path, "angka.csv", [JUDUL, ["1", "Kepala Dinas Sosial", "JPT Pratama", "1"],
                                                     ["1.1", "Pekerja Sosial Ahli Muda", "Fungsional", nilai]])
    err = _gagal(tmp_path, path)
    assert "angka.csv baris 3, kolom D (Bezetting)" in err and pesan in err


def test_bezetting_bukan_angka_di_xlsx_menyebut_lembar_baris_kolom(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Peta 2025"
    for j, v in enumerate(JUDUL, 1):
        ws.cell(3, j, v)
    ws.append(["1", "Kepala Dinas Sosial", "JPT Pratama", 1])
    ws.append(["1.1", "Pekerja Sosial Ahli Muda", "Fungsional", "tiga"])
    path = tmp_path / "x.xlsx"
    wb.save(path)
    assert 'x.xlsx [lembar "Peta 2025"] baris 5, kolom D (Bezetting): kesalahan: bezetting \'tiga\' bukan angka' in _gagal(tmp_path, path)


def test_nomor_terbaca_tanggal(tmp_path):
    import datetime

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(JUDUL)
    ws.append(["1", "Kepala Dinas Sosial", "JPT Pratama", 1])
    ws.append([datetime.datetime(2025, 2, 1), "Sekretaris", "Administrator", 1])
    path = tmp_path / "tanggal.xlsx"
    wb.save(path)
    assert "nomor terbaca sebagai tanggal (01-02-2025)" in _gagal(tmp_path, path)


def test_jenis_tidak_dikenal(tmp_path):
    path = contoh.lembar_csv(tmp_path, "jenis.csv", [JUDUL, ["1", "Kepala Dinas Sosial", "Kepala", "1"]])
    assert "baris 2, kolom C (Jenis Jabatan): kesalahan: jenis jabatan 'Kepala' tidak dikenal" in _gagal(tmp_path, path)


def test_salah_pemakaian_exit_2(tmp_path):
    path = contoh.tata_csv_unit(tmp_path)
    assert "berkas tidak ditemukan" in _gagal(tmp_path, tmp_path / "tidak-ada.csv", kode=2)
    assert "maksud Anda 'Peta Jabatan'?" in _gagal(tmp_path, contoh.tata_siasn(tmp_path), "--sheet", "peta", kode=2)
    assert "unit 'dinkes' tidak ada di lembar ini; unit yang ada: dinas-kesehatan, uptd-puskesmas-sitinjo" in _gagal(
        tmp_path, path, "--unit", "dinkes", kode=2)
    k, _, err = jalan("impor", str(path), "--unit", "Dinas Kesehatan")
    assert k == 2 and "bukan id yang sah" in err
    k, _, err = jalan("impor", str(path), "--keluar", str(path))
    assert k == 2 and "bukan folder" in err


def test_tanpa_traceback_lewat_proses_sungguhan(tmp_path):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\xff" * 100)
    r = subprocess.run([sys.executable, "-m", "policy", "impor", str(path)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "Traceback" not in r.stderr and r.stdout == ""
    assert r.stderr.startswith(f"{path}: kesalahan: berkas xlsx rusak")
