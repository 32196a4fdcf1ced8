#!/usr/bin/env python3
"""Tolok ukur ``policy impor``: lembar peta jabatan 5.000 baris, python-calamine vs openpyxl.

Membangkitkan satu .xlsx (openpyxl, mode tulis biasa agar ada sel gabungan): judul bergabung,
judul kolom dua tingkat, nomor berjenjang, baris subtotal, kolom NIP. Lalu mengukur impor
lengkap (baca + judul kolom + hierarki + draf) dengan tiap pustaka, bergantian, beberapa kali,
dan mencetak median beserta rasionya — keduanya diukur di run yang sama.

Pemakaian: ``python scripts/bench_impor.py [--baris 5000] [--ulang 5]``
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def buat(path: Path, baris: int) -> int:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Peta Jabatan"
    ws["A1"] = "PETA JABATAN DINAS CONTOH KABUPATEN DAIRI"
    ws.merge_cells("A1:H1")
    for kol, judul in zip("ABCDG", ["No", "Nama Jabatan", "Jenis Jabatan", "Kelas Jabatan", "NIP"]):
        ws[f"{kol}3"] = judul
        ws.merge_cells(f"{kol}3:{kol}4")
    ws["E3"] = "Jumlah Pegawai"
    ws.merge_cells("E3:F3")
    ws["E4"], ws["F4"] = "B", "K"
    ws.append(["1", "Kepala Dinas Contoh", "JPT Pratama", 14, 1, 1, "197001011990031001"])
    n, bidang = 1, 0
    while n < baris:
        bidang += 1
        ws.append([f"1.{bidang}", f"Kepala Bidang Contoh {bidang}", "Administrator", 11, 1, 1, None])
        n += 1
        for j in range(1, 99):
            if n >= baris:
                break
            jenis = "Fungsional" if j % 3 else "Pelaksana"
            ws.append([f"1.{bidang}.{j}", f"Jabatan {bidang}-{j} Ahli Muda" if j % 3 else f"Pengolah Data {bidang}-{j}",
                       jenis, 8, j % 4 + 1, "1,5" if j % 7 == 0 else j % 5 + 1, None])
            n += 1
        ws.append([None, f"Jumlah Bidang {bidang}", None, None, 99, 99, None])
    wb.save(path)
    return n


def baca_saja(path: Path, mesin: str) -> float:
    from policy.impor.baca import buka

    t = time.perf_counter()
    buku = buka(path, mesin)
    buku.lembar(buku.nama_lembar[0])
    return time.perf_counter() - t


def ukur(path: Path, mesin: str) -> tuple[float, int]:
    from policy.impor import impor

    t = time.perf_counter()
    h = impor(path, mesin=mesin)
    return time.perf_counter() - t, sum(len(k.anggota) for d in h.draf for k in d.kelompok)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baris", type=int, default=5000)
    ap.add_argument("--ulang", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-impor-") as tmp:
        path = Path(tmp) / "peta-5000.xlsx"
        n = buat(path, args.baris)
        print(f"lembar: {n} baris jabatan (+ subtotal), {path.stat().st_size / 1024:.0f} KB")
        waktu: dict[str, list[float]] = {"calamine": [], "openpyxl": []}
        baca: dict[str, list[float]] = {"calamine": [], "openpyxl": []}
        anggota = {}
        for m in waktu:  # pemanasan (impor modul, cache berkas)
            ukur(path, m)
        for _ in range(args.ulang):
            for m in waktu:
                t, anggota[m] = ukur(path, m)
                waktu[m].append(t)
                baca[m].append(baca_saja(path, m))
        assert anggota["calamine"] == anggota["openpyxl"], anggota
        med = {m: statistics.median(v) for m, v in waktu.items()}
        mb = {m: statistics.median(v) for m, v in baca.items()}
        for m, v in waktu.items():
            print(f"{m:<9} impor lengkap median {med[m]:.3f} s (min {min(v):.3f}, maks {max(v):.3f}; {args.ulang} kali); "
                  f"baca lembar saja median {mb[m]:.3f} s")
        print(f"rasio openpyxl / calamine: impor lengkap {med['openpyxl'] / med['calamine']:.2f}×, "
              f"baca saja {mb['openpyxl'] / mb['calamine']:.2f}×  (anggota terbaca sama: {anggota['calamine']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
