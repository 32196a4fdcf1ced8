#!/usr/bin/env python3
"""Cakupan mekanisme kerja pada berkas org (contoh Lampiran D; kode dari katalog, M1-M10).

Menjalankan ``python -m policy check <PATH> --format json`` (bawaan: ``orgs/``), lalu mencetak
jumlah kelompok per mekanisme. Keluar 1 bila salah satu mekanisme contoh Lampiran D tidak muncul,
2 bila keluaran pemeriksa tidak dapat dibaca.

    python scripts/cakupan_mekanisme.py [PATH ...]
    python scripts/cakupan_mekanisme.py --dari-json hasil.json   # pakai JSON yang sudah ada ('-' = stdin)
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from policy.katalog import katalog  # noqa: E402

#: mekanisme contoh Lampiran D (wajib tercakup) dan urutan tampil: urutan katalog, lalu kode lain
WAJIB = list(katalog().kode_jenis("contoh"))
_URUT = {k: i for i, k in enumerate(katalog().mekanisme)}


def _urutan(m: str) -> tuple:
    """Urutan katalog (M1..M10, pola umum), lalu kode lain menurut abjad."""
    return (_URUT.get(m, len(_URUT)), m)


def muat_hasil(args: argparse.Namespace) -> dict:
    if args.dari_json:
        teks = sys.stdin.read() if args.dari_json == "-" else Path(args.dari_json).read_text(encoding="utf-8")
    else:
        proses = subprocess.run(
            [sys.executable, "-m", "policy", "check", *(args.path or ["orgs/"]), "--format", "json"],
            cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
        )
        teks = proses.stdout
        if proses.returncode not in (0, 1):
            raise ValueError(f"pemeriksa keluar dengan kode {proses.returncode}: {proses.stderr.strip()}")
    return json.loads(teks)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Jumlah kelompok per mekanisme kerja (contoh Lampiran D wajib ada).")
    parser.add_argument("path", nargs="*", help="berkas/folder org (bawaan: orgs/)")
    parser.add_argument("--dari-json", metavar="BERKAS", help="baca keluaran JSON pemeriksa dari berkas ('-' = stdin)")
    args = parser.parse_args(argv)
    try:
        hasil = muat_hasil(args)
        kelompok = hasil["kelompok"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        print(f"galat: keluaran pemeriksa tidak dapat dibaca ({exc})", file=sys.stderr)
        return 2

    hitung = Counter(str(k.get("mekanisme") or "-") for k in kelompok)
    print(f"{len(kelompok)} kelompok dari {hasil.get('files', '?')} berkas "
          f"({hasil.get('errors', '?')} kesalahan, {hasil.get('warnings', '?')} peringatan)")
    for m in sorted(set(hitung) | set(WAJIB), key=_urutan):
        print(f"  {m:<8} {hitung.get(m, 0):>4}")
    hilang = [m for m in WAJIB if hitung.get(m, 0) == 0]
    if hilang:
        print("Mekanisme belum tercakup: " + ", ".join(hilang), file=sys.stderr)
        return 1
    print(f"Semua mekanisme contoh Lampiran D ({WAJIB[0]}-{WAJIB[-1]}) tercakup.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
