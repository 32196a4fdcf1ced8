"""Pembuat lembar kerja peta jabatan untuk tes impor — dibuat saat tes berjalan, tidak di-commit.

Setiap fungsi ``tata_*`` menulis satu tata letak yang berbeda, meniru berkas yang benar-benar
dipegang Bagian Organisasi:

- ``tata_siasn``: xlsx ekspor gaya SIASN — judul bergabung di atas, judul kolom dua tingkat
  ("Jumlah Pegawai" di atas B/K/+/-), baris penomoran kolom, nomor berjenjang sampai ``1.2.10``,
  sel "Jenis" bergabung vertikal, baris subtotal, kolom NIP dan nama pegawai; struktur 3 level.
- ``tata_anjab``: xlsx gaya aplikasi Anjab-ABK — tanpa nomor, hierarki dari spasi di depan
  nama, jenis dari kolom eselon, kolom unit kerja, angka ``2,5``.
- ``tata_rentang``: xlsx — "Nama Jabatan" bergabung selebar tiga kolom, tingkat = kolom tempat
  nama ditulis; kolom No berurutan (bukan hierarki); jenis "Struktural/JFT/JFU".
- ``tata_csv_unit``: CSV titik koma (UTF-8 ber-BOM) — dua unit lewat kolom unit kerja (Dinas dan
  UPTD Puskesmas yang dipimpin JF), angka ``1.234``/``1.012``/``2,5``, nama pemangku dan NIP.
- ``tata_datar``: CSV koma — daftar tanpa hierarki, NIP di kolom "Keterangan" (dikenali dari isinya).
"""
from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment

NIP_CONTOH = "197001011990031001"


def _tulis_baris(ws, mulai: int, baris: list[list]) -> None:
    for i, r in enumerate(baris):
        for j, v in enumerate(r):
            if v is not None:
                ws.cell(mulai + i, j + 1, v)


def tata_siasn(dir_: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Peta Jabatan"
    ws["A1"] = "PETA JABATAN"
    ws.merge_cells("A1:I1")
    ws["A2"] = "DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN DAIRI"
    ws.merge_cells("A2:I2")
    for kol, judul in zip("ABCDHI", ["No", "Nama Jabatan", "Jenis Jabatan", "Kelas Jabatan", "NIP", "Nama Pegawai"]):
        ws[f"{kol}4"] = judul
        ws.merge_cells(f"{kol}4:{kol}5")
    ws["E4"] = "Jumlah Pegawai"
    ws.merge_cells("E4:G4")
    ws["E5"], ws["F5"], ws["G5"] = "B", "K", "+/-"
    _tulis_baris(ws, 6, [[f"({i})" for i in range(1, 10)]])
    data = [
        ["1", "Kepala Dinas Komunikasi dan Informatika", "JPT Pratama", 14, 1, 1, 0, NIP_CONTOH, "Drs. Budi Santoso, M.Si"],
        ["1.1", "Sekretaris Dinas Komunikasi dan Informatika", "Administrator", 11, 1, 1, 0, "19750202 200003 1 002", "Rina Siregar, S.E."],
        ["1.1.1", "Kepala Subbagian Umum dan Kepegawaian", "Pengawas", 9, 1, 1, 0, None, None],
        ["1.1.1.1", "Pengadministrasi Perkantoran", "Pelaksana", 5, 3, 2, 1, None, None],
        ["1.1.2", "Perencana Ahli Pertama", "Fungsional", 8, 1, "1,5", "-0,5", None, None],
        ["1.1.3", "Arsiparis Terampil", None, 6, 1, 1, 0, None, None],   # Jenis: sel bergabung dengan baris di atas
        [None, "Jumlah Sekretariat", None, None, 7, "6,5", None, None, None],
        ["1.2", "Kepala Bidang Aplikasi Informatika", "Administrator", 11, 1, 1, 0, None, None],
    ]
    data += [[f"1.2.{i}", f"Pranata Komputer Ahli {j}", "Fungsional", 9, 1, 1, 0, None, None]
             for i, j in enumerate(["Muda", "Pertama", "Madya"], 1)]
    data += [[f"1.2.{i}", f"Analis Sistem Informasi {i}", "Pelaksana", 7, 1, 1, 0, None, None] for i in range(4, 10)]
    data += [
        ["1.2.10", "Pengolah Data dan Informasi", "Pelaksana", 6, 2, 1, 1, None, None],
        ["1.3", "Kepala Bidang Statistik dan Persandian", "Administrator", 11, 1, 1, 0, None, None],
        ["1.3.1", "Statistisi Ahli Pertama", "Fungsional", 8, 0, 2, -2, None, None],
        ["1.3.2", "Sandiman Ahli Pertama", "Fungsional", 8, 1, 1, 0, None, None],
        [None, "JUMLAH", None, None, 22, "21,5", None, None, None],
    ]
    _tulis_baris(ws, 7, data)
    r_arsip = 7 + 5  # baris "Arsiparis Terampil"
    ws.merge_cells(f"C{r_arsip - 1}:C{r_arsip}")
    path = dir_ / "peta-siasn.xlsx"
    wb.save(path)
    return path


def tata_anjab(dir_: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Hasil ABK"
    ws["A1"] = "DAFTAR JABATAN DAN KEBUTUHAN PEGAWAI"
    _tulis_baris(ws, 3, [["Jabatan", "Eselon", "Kelas", "ABK", "Eksisting", "Unit Kerja", "Keterangan"]])
    u = "Kecamatan Sidikalang"
    _tulis_baris(ws, 4, [
        ["Camat Sidikalang", "III.a", 12, 1, 1, u, None],
        ["  Sekretaris Kecamatan Sidikalang", "III.b", 10, 1, 1, u, None],
        ["    Pengadministrasi Perkantoran", "-", 5, 4, 4, u, None],
        ["    Operator Layanan Operasional", "-", 5, "2,5", 2, u, "kurang 0,5"],
        ["  Kepala Seksi Pemerintahan", "IV.a", 9, 1, 1, u, None],
        ["    Penelaah Teknis Kebijakan", "-", 7, 3, 3, u, None],
        ["  Kepala Seksi Ketenteraman dan Ketertiban Umum", "IV.a", 9, 1, 1, u, None],
        ["    Polisi Pamong Praja Terampil", "-", 6, 4, 4, u, None],
        ["TOTAL", None, None, "17,5", 17, None, None],
    ])
    path = dir_ / "anjab-kecamatan.xlsx"
    wb.save(path)
    return path


def tata_rentang(dir_: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Peta"
    ws["A1"] = "PETA JABATAN BADAN PERENCANAAN PEMBANGUNAN, RISET DAN INOVASI DAERAH KABUPATEN DAIRI"
    ws.merge_cells("A1:H1")
    ws["A3"], ws["B3"], ws["E3"], ws["F3"], ws["G3"], ws["H3"] = "No", "Nama Jabatan", "Tipe Jabatan", "Formasi", "Terisi", "Keterangan"
    ws.merge_cells("B3:D3")
    baris = [
        (1, 0, "Kepala Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "Struktural", 1, 1),
        (2, 1, "Sekretaris Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "Struktural", 1, 1),
        (3, 2, "Analis Kebijakan Ahli Muda", "JFT", 2, 2),
        (4, 2, "Pengadministrasi Perkantoran", "JFU", 3, 3),
        (5, 1, "Kepala Bidang Perencanaan Pemerintahan dan Pembangunan Manusia", "Struktural", 1, 1),
        (6, 2, "Perencana Ahli Muda", "JFT", 2, 1),
        (7, 2, "Perencana Ahli Pertama", "JFT", 2, 0),
        (8, 1, "Kepala Bidang Riset dan Inovasi", "Struktural", 1, 1),
        (9, 2, "Peneliti Ahli Muda", "JFT", 1, 1),
    ]
    for i, (no, tingkat, nama, tipe, formasi, terisi) in enumerate(baris):
        r = 4 + i
        ws.cell(r, 1, no)
        ws.cell(r, 2 + tingkat, nama)
        ws.cell(r, 5, tipe)
        ws.cell(r, 6, formasi)
        ws.cell(r, 7, terisi)
    ws.cell(13, 2, "Jumlah")
    ws.cell(13, 7, 10)
    path = dir_ / "peta-rentang.xlsx"
    wb.save(path)
    return path


def tata_csv_unit(dir_: Path) -> Path:
    d, p = "Dinas Kesehatan", "UPTD Puskesmas Sitinjo"
    baris = [
        ["NO", "NAMA JABATAN", "KATEGORI", "KEBUTUHAN", "BEZETTING", "UNIT KERJA", "NAMA PEMANGKU", "NIP"],
        ["1", "Kepala Dinas Kesehatan", "JPT Pratama", "1", "1", d, "dr. Maria Simanjuntak, M.Kes", NIP_CONTOH],
        ["1.1", "Sekretaris Dinas Kesehatan", "Administrator", "1", "1", d, "", ""],
        ["1.1.1", "Pengadministrasi Perkantoran", "Pelaksana", "3", "2", d, "", ""],
        ["1.2", "Kepala Bidang Pelayanan Kesehatan", "Administrator", "1", "1", d, "", ""],
        ["1.2.1", "Perawat Terampil", "Fungsional", "1.234", "1.012", d, "", ""],
        ["1.2.2", "Administrator Kesehatan Ahli Muda", "Fungsional", "2,5", "2", d, "", ""],
        ["1.3", "Kepala Puskesmas Sitinjo", "Fungsional", "1", "1", p, "", ""],
        ["1.3.1", "Dokter Ahli Pertama", "Fungsional", "2", "1", p, "", ""],
        ["1.3.2", "Bidan Terampil", "Fungsional", "4", "3", p, "", ""],
        ["1.3.3", "Pengadministrasi Perkantoran", "Pelaksana", "2", "1", "", "", ""],
        ["", "JUMLAH", "", "1.251,5", "1.024", "", "", ""],
    ]
    path = dir_ / "peta-dinkes.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(baris)
    return path


def tata_datar(dir_: Path) -> Path:
    baris = [
        ["INSPEKTORAT KABUPATEN DAIRI"],
        [],
        ["Jabatan", "Jenis", "Bezetting", "Keterangan"],
        ["Inspektur", "JPT Pratama", "1", NIP_CONTOH],
        ["Sekretaris Inspektorat", "Administrator", "1", ""],
        ["Pengadministrasi Perkantoran", "Pelaksana", "2", ""],
        ["Inspektur Pembantu Wilayah I", "Administrator", "1", ""],
        ["Auditor Ahli Muda", "Fungsional", "2", "Budi Hutagalung, S.H."],
        ["Auditor Ahli Pertama", "Fungsional", "1", ""],
    ]
    path = dir_ / "inspektorat.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(baris)
    return path


def lembar_csv(dir_: Path, nama: str, baris: list[list[str]], pemisah: str = ";") -> Path:
    """CSV kecil untuk kasus masukan buruk."""
    path = dir_ / nama
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=pemisah).writerows(baris)
    return path


def dengan_indentasi_format(dir_: Path) -> Path:
    """xlsx dengan hierarki hanya dari indentasi format sel (Excel "Increase Indent")."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Peta"
    _tulis_baris(ws, 1, [["Nama Jabatan", "Jenis Jabatan", "Bezetting"]])
    data = [("Kepala Dinas Sosial", "JPT Pratama", 1, 0), ("Sekretaris Dinas Sosial", "Administrator", 1, 1),
            ("Pengadministrasi Perkantoran", "Pelaksana", 2, 2), ("Kepala Bidang Rehabilitasi Sosial", "Administrator", 1, 1),
            ("Pekerja Sosial Ahli Muda", "Fungsional", 3, 2)]
    for i, (nama, jenis, bez, indent) in enumerate(data, 2):
        ws.cell(i, 1, nama).alignment = Alignment(indent=indent)
        ws.cell(i, 2, jenis)
        ws.cell(i, 3, bez)
    path = dir_ / "indentasi-format.xlsx"
    wb.save(path)
    return path
