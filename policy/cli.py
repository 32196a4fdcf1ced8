"""Antarmuka baris perintah: ``python -m policy <perintah>``.

Kode keluar (SPEC): 0 tanpa kesalahan (peringatan boleh), 1 ada kesalahan, 2 salah pemakaian.
Stdout hanya berisi keluaran yang diminta; ringkasan dan pesan lain ke stderr.
"""
from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
from datetime import date
from pathlib import Path

from . import keluaran

#: perintah yang diteruskan apa adanya ke modul lain: nama → "modul:fungsi(argv) -> int"
PERINTAH_LUAR = {
    "lint-peraturan": ("policy.peraturan.lint:main", "periksa teks Perbup (penomoran, rujukan silang)"),
    "diff": ("policy.diff:main", "laporan dampak perubahan org antara dua revisi git"),
    "impor": ("policy.impor:main", "impor peta jabatan (.xlsx/.csv) menjadi draf berkas org"),
    "ekspor": ("policy.ekspor:main", "ekspor berkas org menjadi lembar peta jabatan (.xlsx)"),
}

SCHEMA_PATH = Path("schema/org.schema.json")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # pesan salah pemakaian dalam Bahasa Indonesia, kode 2
        self.print_usage(sys.stderr)
        pesan = (message.replace("the following arguments are required", "argumen wajib belum diisi")
                 .replace("invalid choice", "pilihan tidak sah").replace("unrecognized arguments", "argumen tidak dikenal")
                 .replace("choose from", "pilih dari").replace("expected one argument", "perlu satu nilai")
                 .replace("argument ", "argumen "))
        self.exit(2, f"{self.prog}: kesalahan: {keluaran.aman_terminal(pesan)}\n")


def _tanggal(teks: str) -> date:
    """Nilai ``--tanggal``: YYYY-MM-DD."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", teks) is None:
            raise ValueError
        return date.fromisoformat(teks)
    except ValueError:
        raise argparse.ArgumentTypeError(f"tanggal tidak sah '{teks}': tulis YYYY-MM-DD, mis. 2025-01-31") from None


def _arg_tanggal(p: argparse.ArgumentParser) -> None:
    p.add_argument("--tanggal", type=_tanggal, default=None, metavar="YYYY-MM-DD",
                   help="periksa dengan aturan yang berlaku pada tanggal ini (bawaan: hari ini)")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m policy", description="Sistem Kerja Dairi — pemeriksa Perbup Dairi 18/2024")
    sub = p.add_subparsers(dest="perintah", metavar="PERINTAH", parser_class=_Parser)
    c = sub.add_parser("check", help="periksa berkas org terhadap aturan")
    c.add_argument("paths", nargs="*", default=["orgs"], metavar="PATH", help="berkas atau direktori (bawaan: orgs/)")
    c.add_argument("--format", "--output", dest="format", choices=["text", "github", "json"], default="text",
                   help="format keluaran (bawaan: text)")
    _arg_tanggal(c)
    e = sub.add_parser("explain", help="jelaskan PPK, Pimpinan Unit, gambar dan mekanisme setiap kelompok")
    e.add_argument("paths", nargs="+", metavar="PATH")
    e.add_argument("--langkah", action="store_true",
                   help="sertakan langkah mekanisme setiap kelompok (dari berkas alur docs/peraturan/alur/)")
    _arg_tanggal(e)
    rt = sub.add_parser("rute", help="rute penugasan lintas unit/instansi untuk satu pasangan (Lampiran B.2)")
    rt.add_argument("--pemilik", required=True, metavar="BERKAS/STRUKTUR-ID",
                    help="Pimpinan Unit Organisasi pemilik kinerja, mis. diskominfo/kabid-aptika")
    rt.add_argument("--pegawai", required=True, metavar="BERKAS/KELOMPOK",
                    help='kelompok tempat pegawai berada (mis. bappeda/kjf-perencanaan) atau "instansi:<nama>"')
    rt.add_argument("--cara", choices=["penunjukan", "sukarela"], default="penunjukan",
                    help="penunjukan (bawaan) atau pengajuan sukarela")
    rt.add_argument("--format", choices=["text", "json"], default="text")
    rt.add_argument("--orgs", default="orgs", metavar="FOLDER", help="folder berkas org (bawaan: orgs/)")
    r = sub.add_parser("rules", help="cetak katalog aturan (semua tahap: dokumen, unit, naskah, rute)")
    r.add_argument("--format", choices=["text", "json"], default="text")
    s = sub.add_parser("schema", help="cetak JSON Schema berkas org")
    s.add_argument("--tulis", action="store_true", help=f"tulis ke {SCHEMA_PATH} alih-alih stdout")
    for nama, (_, bantuan) in PERINTAH_LUAR.items():
        sub.add_parser(nama, help=bantuan, add_help=False)
    return p


def _tidak_ditemukan(hilang: list[str]) -> None:
    print("kesalahan: path tidak ditemukan: " + ", ".join(map(keluaran.aman_terminal, hilang)), file=sys.stderr)


def _cek_tanggal(args) -> date | None:
    """Tanggal pemeriksaan; None (dengan pesan, exit 2) bila sebelum Perbup berlaku."""
    from .katalog import katalog

    tanggal = args.tanggal or date.today()
    pesan = katalog().sebelum_berlaku(tanggal)
    if pesan:
        print(f"kesalahan: {pesan}", file=sys.stderr)
        return None
    return tanggal


def cmd_check(args) -> int:
    from .periksa import periksa

    tanggal = _cek_tanggal(args)
    if tanggal is None:
        return 2
    hasil = periksa(args.paths, tanggal)
    if hasil.hilang:
        _tidak_ditemukan(hasil.hilang)
        return 2
    if args.format == "json":
        sys.stdout.write(keluaran.as_json(hasil.as_json()))
    elif args.format == "github":
        sys.stdout.write(keluaran.github(hasil.temuan))
    else:
        sys.stdout.write(keluaran.teks(hasil.temuan))
    pengecualian = f"; {len(hasil.pengecualian)} unit dengan pengecualian level" if hasil.pengecualian else ""
    hari = f" (aturan yang berlaku {args.tanggal.isoformat()})" if args.tanggal else ""
    print(f"{hasil.files} berkas diperiksa{hari}: {hasil.errors} kesalahan, {hasil.warnings} peringatan, "
          f"{hasil.infos} info{pengecualian}", file=sys.stderr)
    return 1 if hasil.errors else 0


def cmd_explain(args) -> int:
    from .jelaskan import jelaskan
    from .periksa import periksa

    tanggal = _cek_tanggal(args)
    if tanggal is None:
        return 2
    hasil = periksa(args.paths, tanggal)
    if hasil.hilang:
        _tidak_ditemukan(hasil.hilang)
        return 2
    sys.stdout.write(jelaskan(hasil, args.langkah))
    return 1 if hasil.errors else 0


def cmd_rules(args) -> int:
    from .katalog import katalog
    from .rules import ATURAN

    kat = katalog()
    daftar = sorted(ATURAN.values(), key=lambda a: a.id)
    if args.format == "json":
        sys.stdout.write(keluaran.as_json({"rules": [
            {"id": a.id, "severity": a.severity, "tahap": a.tahap, "judul": a.judul, "basis": a.basis,
             "anchors": list(a.anchors),
             "interpretasi": a.interpretasi,
             "berlaku": [{"mulai": v.berlaku_mulai.isoformat(),
                          "sampai": v.berlaku_sampai.isoformat() if v.berlaku_sampai else None,
                          "ditetapkan_oleh": kat.penetap(v).singkat, "parameter": dict(v.parameter)}
                         for v in kat.versi_aturan(a.id)]} for a in daftar]}))
        return 0
    for a in daftar:
        print(f"{a.id}  {a.severity:<7}  {a.tahap:<7}  {a.judul}")
        print(f"      dasar: {a.basis}")
        for v in kat.versi_aturan(a.id):
            sampai = f" sampai {v.berlaku_sampai.isoformat()}" if v.berlaku_sampai else ""
            param = ("; " + ", ".join(f"{k}={x}" for k, x in v.parameter.items())) if v.parameter else ""
            print(f"      berlaku: sejak {v.berlaku_mulai.isoformat()}{sampai} ({kat.penetap(v).singkat}){param}")
        if a.interpretasi:
            print(f"      interpretasi: {a.interpretasi}")
    return 0


def cmd_rute(args) -> int:
    """Rute penugasan satu pasangan (Lampiran B.2): 0 rute ada, 1 ditolak (temuan RTnn), 2 nama tidak ada."""
    from .rute import RuteTidakDikenal, muat, rute, teks

    try:
        r = rute(muat(args.orgs), args.pemilik, args.pegawai, args.cara)
    except RuteTidakDikenal as e:
        saran = f" ({e.saran})" if e.saran else ""
        print(keluaran.aman_terminal(f"kesalahan: {e.pesan}{saran}"), file=sys.stderr)
        return 2
    if args.format == "json":
        sys.stdout.write(keluaran.as_json(r.as_json()))
    else:
        sys.stdout.write("\n".join(keluaran.aman_terminal(b) for b in teks(r).split("\n")))
    return 0 if r.boleh else 1


def cmd_schema(args) -> int:
    from .skema import skema_json

    teks = skema_json()
    if args.tulis:
        SCHEMA_PATH.parent.mkdir(parents=True, exist_ok=True)
        SCHEMA_PATH.write_text(teks, encoding="utf-8")
        print(f"ditulis: {SCHEMA_PATH}", file=sys.stderr)
    else:
        sys.stdout.write(teks)
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in PERINTAH_LUAR:
        modul, _, fungsi = PERINTAH_LUAR[argv[0]][0].partition(":")
        try:
            fn = getattr(importlib.import_module(modul), fungsi)
        except (ImportError, AttributeError):
            print(f"kesalahan: perintah '{argv[0]}' belum tersedia", file=sys.stderr)
            return 2
        return int(fn(argv[1:]) or 0)
    args = _parser().parse_args(argv)
    if args.perintah is None:
        _parser().print_help(sys.stderr)
        return 2
    from .katalog import KatalogTidakSah

    try:
        return {"check": cmd_check, "explain": cmd_explain, "rules": cmd_rules, "schema": cmd_schema,
                "rute": cmd_rute}[args.perintah](args)
    except KatalogTidakSah as e:  # katalog (POLICY_KATALOG) atau berkas alur (POLICY_ALUR) rusak
        print(f"kesalahan: {getattr(e, 'judul', 'katalog tidak sah')} (perbaiki lalu jalankan lagi):", file=sys.stderr)
        for baris in e.pesan:
            print(keluaran.aman_terminal(baris), file=sys.stderr)
        return 2
    except BrokenPipeError:  # mis. keluaran dipotong `| head`
        return 0
    except KeyboardInterrupt:
        return 130


def konsol() -> int:
    """Titik masuk proses CLI (``python -m policy``, skrip ``sistem-kerja``). Proses berumur pendek dan
    data yang dimuatnya (pohon YAML, model) tidak bersiklus, jadi GC siklik dimatikan: ia hanya
    menelusuri heap yang terus membesar (check 1.000 unit 1,8–2,0 s → 1,1 s, puncak memori sama,
    127 MB). Pemanggil di dalam proses (tes, mkdocs) memakai :func:`main` dan tidak terpengaruh."""
    import gc
    import os

    gc.disable()
    try:
        rc = main()
        sys.stdout.flush()
        return rc
    except BrokenPipeError:
        # pembaca berhenti lebih dulu (``… | head``): tanpa traceback; sisa keluaran dibuang
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(konsol())
