"""``python -m policy ekspor [PATH] --keluar FILE.xlsx``: berkas org → lembar peta jabatan.

Lembar yang dihasilkan dibaca kembali oleh ``python -m policy impor`` menjadi struktur dan anggota
yang sama (uji bolak-balik): nomor berjenjang untuk hierarki, kolom ID untuk jabatan, unit dan
kelompok, serta kolom PPK dan Pimpinan Unit (id jabatan). Jabatan JF/pelaksana ditulis di bawah
Pimpinan Unit Organisasi kelompoknya (tempat mereka bekerja sehari-hari, seperti peta jabatan
SIASN), dengan kolom PPK untuk Pejabat Penilai Kinerja. Tanpa nama orang, tanpa NIP.
"""
from __future__ import annotations

import csv
import os
import sys
import tempfile
from pathlib import Path

from .impor.jabatan import LABEL_JENIS
from .impor.teks import aman

KOLOM = ["No", "Nama Jabatan", "Jenis Jabatan", "Kebutuhan", "Bezetting", "Unit Kerja", "ID Unit", "Jenis Unit",
         "Induk", "ID", "Kelompok", "Nama Kelompok", "PPK", "Pimpinan Unit", "Pendelegasian", "Unit Kerja Mandiri",
         "Dasar Pengangkatan"]
LEBAR = [9, 48, 14, 11, 11, 36, 18, 16, 12, 22, 22, 40, 18, 18, 24, 10, 30]


def baris_peta(units) -> list[list[object]]:
    """Baris data (tanpa judul) untuk unit-unit termuat, urut berkas; nomor unit ke-i = i."""
    hasil: list[list[object]] = []
    for i, u in enumerate(units, 1):
        org = u.org
        ada = {p.id for p in org.struktur}
        per_tempat: dict[str, list] = {}
        for k in org.kelompok:
            tempat = k.pimpinan_unit if k.pimpinan_unit in ada else (k.penilai if k.penilai in ada else None)
            if tempat is not None:
                per_tempat.setdefault(tempat, []).append(k)
        # nomor berjenjang: pucuk = i; anak (anggota kelompok, lalu jabatan struktural) menurut urutan
        urutan = _topologis(org.struktur)
        baris_unit: list[list[object]] = []
        umum = [org.nama, org.id, org.jenis, org.induk or ""]
        nomor: dict[str, str] = {}
        hitung: dict[str, int] = {}

        def berikut(induk: str) -> str:
            hitung[induk] = hitung.get(induk, 0) + 1
            return f"{nomor[induk]}.{hitung[induk]}"

        for p in urutan:
            if p.atasan is None or p.atasan not in ada:
                nomor[p.id] = str(i) if not nomor else berikut(urutan[0].id)
            else:
                nomor[p.id] = berikut(p.atasan)
            for k in per_tempat.get(p.id, []):
                for a in k.anggota:
                    nomor[f"{k.id}\0{a.jabatan}"] = berikut(p.id)
        for p in org.struktur:
            baris_unit.append([nomor[p.id], p.jabatan, LABEL_JENIS[p.jenis], None, None, *umum, p.id, None, None, None,
                               None, None, "ya" if p.unit_kerja_mandiri else None, p.dasar_pengangkatan])
            for k in per_tempat.get(p.id, []):
                for a in k.anggota:
                    baris_unit.append([nomor[f"{k.id}\0{a.jabatan}"], a.jabatan, LABEL_JENIS[a.jenis], None, a.jumlah, *umum,
                                       None, k.id, k.nama, k.penilai, k.pimpinan_unit, k.pendelegasian, None, None])
        hasil += baris_unit
    return hasil


def _topologis(struktur) -> list:
    """Posisi dalam urutan induk-sebelum-anak (penomoran), stabil terhadap urutan berkas."""
    ada = {p.id: p for p in struktur}
    hasil, sudah = [], set()

    def kunjungi(p, jejak=()):
        if p.id in sudah or p.id in jejak:
            return
        if p.atasan in ada:
            kunjungi(ada[p.atasan], jejak + (p.id,))
        if p.id not in sudah:
            sudah.add(p.id)
            hasil.append(p)
    for p in struktur:
        kunjungi(p)
    return hasil


def main(argv: list[str] | None = None) -> int:
    from .domain import muat_semua
    from .impor.xlsx import tulis_xlsx
    from .keluaran import teks as teks_temuan

    from .cli import _Parser  # pesan salah pemakaian: bahasa Indonesia, escape terminal, exit 2

    ap = _Parser(prog="python -m policy ekspor", description="Ekspor berkas org menjadi lembar peta jabatan (.xlsx atau .csv).")
    ap.add_argument("paths", nargs="*", default=["orgs"], metavar="PATH", help="berkas atau folder org (bawaan: orgs/)")
    ap.add_argument("--keluar", required=True, metavar="FILE.xlsx", help="berkas tujuan .xlsx (atau .csv)")
    ap.add_argument("--timpa", action="store_true", help="timpa berkas tujuan bila sudah ada")
    args = ap.parse_args(argv)
    tujuan = Path(args.keluar)
    if tujuan.suffix.lower() not in (".xlsx", ".csv"):
        print("python -m policy ekspor: kesalahan: --keluar harus berakhiran .xlsx atau .csv", file=sys.stderr)
        return 2
    if tujuan.exists() and not args.timpa:
        print(f"python -m policy ekspor: kesalahan: {aman(tujuan)} sudah ada; tidak ditimpa (pakai --timpa)", file=sys.stderr)
        return 2
    indeks, temuan, n, hilang = muat_semua(args.paths)
    if hilang:
        print("kesalahan: path tidak ditemukan: " + ", ".join(aman(h) for h in hilang), file=sys.stderr)
        return 2
    gagal = [t for t in temuan if t.severity == "error" and t.rule in ("INPUT", "SK10")]
    if gagal:
        sys.stderr.write(teks_temuan(gagal))
        print(f"ekspor dibatalkan: {len(gagal)} kesalahan masukan; perbaiki lalu ulangi (`python -m policy check`)", file=sys.stderr)
        return 1
    units = indeks.unit_diminta()
    data = baris_peta(units)
    judul = ["PETA JABATAN — ekspor berkas org Sistem Kerja Dairi (Perbup Dairi Nomor 18 Tahun 2024)"]
    catatan = ["Jabatan (kantor) saja, tanpa nama dan NIP. Kolom ID, Kelompok, PPK dan Pimpinan Unit dibaca kembali oleh "
               "`python -m policy impor`; Bezetting = jumlah pemangku."]
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    fd, sementara = tempfile.mkstemp(dir=tujuan.parent, prefix=".ekspor-", suffix=tujuan.suffix)
    os.close(fd)
    try:
        if tujuan.suffix.lower() == ".csv":
            with open(sementara, "w", encoding="utf-8", newline="") as fh:
                w = csv.writer(fh)
                w.writerow(judul)
                w.writerow(catatan)
                w.writerow([])
                w.writerow(KOLOM)
                w.writerows([["" if v is None else v for v in r] for r in data])
        else:
            semua = [judul + [None] * (len(KOLOM) - 1), catatan + [None] * (len(KOLOM) - 1), [], KOLOM, *data]
            tulis_xlsx(Path(sementara), "Peta Jabatan", semua, tebal={0, 3},
                       gabung=[(0, 0, 0, len(KOLOM) - 1), (1, 0, 1, len(KOLOM) - 1)], lebar=LEBAR, teks_kolom={0}, beku=4)
        os.replace(sementara, tujuan)
    finally:
        if os.path.exists(sementara):
            os.unlink(sementara)
    print(f"ditulis: {aman(tujuan)} ({n} berkas, {len(data)} baris jabatan)", file=sys.stderr)
    return 0
