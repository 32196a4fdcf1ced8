"""``python -m policy impor FILE [--sheet NAME] [--unit ID] [--keluar DIR]``: peta jabatan → draf berkas org.

Kontrak (SPEC, Additions December 2026): FILE ``.xlsx`` atau ``.csv`` (koma atau titik koma);
dengan ``--keluar`` satu draf ``<id>.yaml`` per unit di DIR — tidak pernah menimpa berkas yang
ada (sebagai gantinya laporan perubahan dan usulan ``<id>.yaml.usulan`` di sampingnya); tanpa
``--keluar`` YAML ke stdout. Exit 0 bila draf ditulis, 1 bila berkas tidak dapat dibaca sebagai
peta jabatan (pesan dengan lembar, baris, kolom), 2 salah pemakaian. Nama dan NIP tidak pernah
disalin.
"""
from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
from pathlib import Path

from .baca import GagalImpor, buka
from .kepala import PERAN, cari_kepala
from .teks import aman, huruf_kolom, normal

__all__ = ["main", "impor", "HasilImpor"]


def _parser() -> argparse.ArgumentParser:
    from ..cli import _Parser  # pesan salah pemakaian: bahasa Indonesia, escape terminal, exit 2

    p = _Parser(prog="python -m policy impor",
                description="Impor peta jabatan (.xlsx/.csv) menjadi draf berkas org. Nama dan NIP tidak pernah disalin.")
    p.add_argument("berkas", metavar="FILE", help="peta jabatan .xlsx atau .csv (pemisah koma atau titik koma)")
    p.add_argument("--sheet", "--lembar", dest="lembar", metavar="NAME", help="nama lembar (bawaan: lembar pertama yang berisi peta jabatan)")
    p.add_argument("--unit", metavar="ID", help="id berkas org untuk unit di lembar (atau pilih satu unit bila ada beberapa)")
    p.add_argument("--keluar", metavar="DIR", help="tulis <id>.yaml per unit ke DIR (tidak pernah menimpa berkas yang ada)")
    p.add_argument("--mesin", choices=["calamine", "openpyxl"], default="calamine", help=argparse.SUPPRESS)
    return p


class HasilImpor:
    """Draf per unit, laporan impor, nama lembar dan jenis sumber ("xlsx"/"csv"), judul kolom."""

    def __init__(self, draf, laporan, lembar_nama: str, kepala, jenis: str = "xlsx"):
        self.draf, self.laporan, self.lembar, self.kepala, self.jenis = draf, laporan, lembar_nama, kepala, jenis


def _pilih_lembar(buku, diminta: str | None, peringatan: list[str]):
    if diminta is not None:
        if getattr(buku, "pemisah", None) is not None:
            peringatan.append("berkas CSV hanya punya satu lembar; --sheet diabaikan")
            return [buku.lembar(buku.nama_lembar[0])]
        if diminta in buku.semua_lembar:
            return [buku.lembar(diminta)]
        sama = [n for n in buku.semua_lembar if n.strip().lower() == diminta.strip().lower()]
        if sama:
            return [buku.lembar(sama[0])]
        kecil = {n.lower(): n for n in buku.semua_lembar}
        dekat = difflib.get_close_matches(diminta.lower(), list(kecil), n=1, cutoff=0.3)
        raise GagalImpor(f"lembar '{aman(diminta, 60)}' tidak ada; lembar yang ada: " + ", ".join(f"'{aman(n, 40)}'" for n in buku.semua_lembar),
                         f"maksud Anda '{aman(kecil[dekat[0]], 60)}'?" if dekat else "sebutkan salah satu nama di atas dengan --sheet", kode=2)
    return None


def impor(path: Path, lembar: str | None = None, unit: str | None = None, kenal: dict[str, str] | None = None,
          mesin: str = "calamine", sumber: str | None = None) -> HasilImpor:
    """Baca peta jabatan dan susun draf. :raises GagalImpor: berkas tak terbaca sebagai peta jabatan."""
    from .bangun import bangun_draf
    from .susun import Laporan, Penyusun, pecah_unit

    peringatan: list[str] = []
    buku = buka(path, mesin)
    dipilih = _pilih_lembar(buku, lembar, peringatan)
    if dipilih is None:
        gagal_pertama = None
        for nama in buku.nama_lembar:
            lb = buku.lembar(nama)
            try:
                kp = cari_kepala(lb)
                break
            except GagalImpor as g:
                gagal_pertama = gagal_pertama or g
        else:
            if gagal_pertama is not None and len(buku.nama_lembar) > 1:
                gagal_pertama.saran = ("tidak satu pun lembar (" + ", ".join(f"'{aman(n, 30)}'" for n in buku.nama_lembar)
                                       + ") berjudul kolom peta jabatan; " + gagal_pertama.saran)
            raise gagal_pertama or GagalImpor("buku kerja tidak punya lembar kerja", "periksa berkasnya")
    else:
        lb = dipilih[0]
        kp = cari_kepala(lb)
    lap = Laporan(lembar=lb.nama, kepala=kp, peringatan=peringatan + list(lb.catatan))
    _pribadi_dari_isi(lb, kp)
    p = Penyusun(lb, kp, lap)
    baris = p.baca_baris()
    p.hierarki(baris)
    p.tentukan_jenis(baris)
    if lap.hierarki.startswith("tidak ada"):
        p._datar(baris)
    p.periksa_induk(baris)
    unit_baris = pecah_unit(baris)
    judul = [" ".join(str(v) for v in r if isinstance(v, str) and v.strip()) for r in lb.sel[: kp.baris_awal]]
    asal = sumber or path.name
    if lb.jenis == "xlsx":
        asal += f' (lembar "{lb.nama}")'
    draf = bangun_draf(p, unit_baris, judul, asal, unit_id=unit, kenal=kenal)
    return HasilImpor(draf, lap, lb.nama, kp, lb.jenis)


def _pribadi_dari_isi(lb, kp) -> None:
    """Kolom tak terpakai yang isinya NIP (18 digit) atau nama bergelar: data pribadi."""
    from ..rules.pribadi import GELAR_BELAKANG, GELAR_DEPAN, NIK, NIP

    tetap = []
    for c, judul, alasan in kp.diabaikan:
        nip = nama = 0
        for r in range(kp.baris_data, len(lb.sel)):
            v = lb.sel[r][c] if c < len(lb.sel[r]) else None
            if v is None:
                continue
            s = str(v)
            if NIP.search(s) or NIK.search(s):
                nip += 1
            elif isinstance(v, str) and (GELAR_BELAKANG.search(s) or GELAR_DEPAN.search(s)):
                nama += 1
        if nip or nama:
            kp.pribadi.append((c, judul or "(tanpa judul)"))
            kp.alasan_pribadi[c] = "berisi nomor berpola NIP/NIK" if nip else "berisi nama orang bergelar"
        else:
            tetap.append((c, judul, alasan))
    kp.diabaikan = tetap


def _rentang(kolom: list[int]) -> str:
    return huruf_kolom(kolom[0]) + (f"–{huruf_kolom(kolom[-1])}" if len(kolom) > 1 else "")


def laporan_teks(h: HasilImpor, berkas: str) -> list[str]:
    """Baris laporan untuk stderr: kolom dipakai untuk apa, yang diabaikan, peringatan, ringkasan."""
    kp, lap = h.kepala, h.laporan
    lembar = f", lembar \"{aman(h.lembar, 60)}\"" if h.jenis == "xlsx" else ""
    out = [f"impor: {aman(berkas)}{lembar}: judul kolom di baris {kp.baris_awal + 1}"
           + (f"–{kp.baris_data}" if kp.baris_data - kp.baris_awal > 1 else "") + f", data mulai baris {kp.baris_data + 1}"]
    dipakai = sorted(kp.kolom.items(), key=lambda x: x[1][0])
    for peran, kolom in dipakai:
        out.append(f"  kolom {_rentang(kolom):<5} \"{aman(kp.judul.get(kolom[0], ''), 40)}\" → {PERAN[peran]}")
    for c, judul, alasan in kp.diabaikan:
        out.append(f"  kolom {huruf_kolom(c):<5} \"{aman(judul, 40)}\" diabaikan ({alasan})")
    for c, judul in kp.pribadi:
        sebab = kp.alasan_pribadi.get(c, "judulnya menandakan nama orang atau NIP")
        out.append(f"peringatan: kolom {huruf_kolom(c)} \"{aman(judul, 40)}\" memuat data pribadi ({sebab}): "
                   "dibuang, tidak disalin ke berkas org")
    for p in lap.peringatan:
        out.append(f"peringatan: {aman(p, 300)}")
    out.append(f"hierarki: {lap.hierarki}")
    if lap.dilewati:
        out.append("dilewati: " + "; ".join(
            f"{len(b)} baris {alasan} (baris {', '.join(map(str, b[:8]))}{', …' if len(b) > 8 else ''})"
            for alasan, b in lap.dilewati.items()))
    return out


def _hitung_todo(teks: str) -> int:
    from ..rules.impor import TODO
    return sum(1 for baris in teks.splitlines() if TODO.search(baris))


def _kenal(dir_: Path) -> dict[str, str]:
    """Nama unit (dinormalkan) → id, dari berkas org yang sudah ada di DIR."""
    from ..muat import muat_yaml

    hasil: dict[str, str] = {}
    if not dir_.is_dir():
        return hasil
    for f in sorted(dir_.glob("*.yaml")):
        dok = muat_yaml(f, str(f))
        if isinstance(dok.data, dict) and isinstance(dok.data.get("nama"), str) and isinstance(dok.data.get("id"), str):
            hasil.setdefault(normal(dok.data["nama"]), dok.data["id"])
    return hasil


def _tulis_baru(path: Path, teks: str) -> bool:
    """Tulis berkas baru; False bila sudah ada (O_EXCL: tidak pernah menimpa, juga saat balapan)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(teks)
    return True


def main(argv: list[str] | None = None) -> int:
    from .tulis import tulis_draf

    args = _parser().parse_args(argv)
    if args.unit is not None and not re.fullmatch(r"[a-z0-9][a-z0-9-]*", args.unit):
        print(f"python -m policy impor: kesalahan: --unit '{aman(args.unit, 60)}' bukan id yang sah "
              "(huruf kecil, angka dan '-', mis. diskominfo)", file=sys.stderr)
        return 2
    keluar = Path(args.keluar) if args.keluar else None
    if keluar is not None and keluar.exists() and not keluar.is_dir():
        print(f"python -m policy impor: kesalahan: --keluar {aman(keluar)} bukan folder", file=sys.stderr)
        return 2
    path = Path(args.berkas)
    try:
        h = impor(path, args.lembar, args.unit, kenal=_kenal(keluar) if keluar else None, mesin=args.mesin)
    except GagalImpor as g:
        print(g.teks(args.berkas), file=sys.stderr)
        return g.kode
    except KeyboardInterrupt:
        return 130
    for baris in laporan_teks(h, args.berkas):
        print(baris, file=sys.stderr)
    if keluar is None:
        potong = []
        for d in h.draf:
            teks = tulis_draf(d)
            if len(h.draf) > 1:
                teks = f"# ==== {d.id}.yaml ====\n" + teks
            potong.append(teks)
            print(f"unit {d.id}: {len(d.struktur)} jabatan struktural, {len(d.kelompok)} kelompok, "
                  f"{_hitung_todo(teks)} baris TODO", file=sys.stderr)
        try:
            sys.stdout.write("---\n".join(potong))
        except BrokenPipeError:
            pass
        return 0
    from .banding import gabung_lama

    keluar.mkdir(parents=True, exist_ok=True)
    for d in h.draf:
        tujuan = keluar / f"{d.id}.yaml"
        if tujuan.exists():
            usulan, laporan = gabung_lama(d, tujuan)
            teks = tulis_draf(usulan)
            i, sasaran = 1, keluar / f"{d.id}.yaml.usulan"
            while not _tulis_baru(sasaran, teks):
                i += 1
                sasaran = keluar / f"{d.id}.yaml.usulan-{i}"
            sys.stdout.write("\n".join(laporan(str(tujuan).replace(os.sep, "/"), str(sasaran).replace(os.sep, "/"))) + "\n")
            print(f"{d.id}: {aman(tujuan)} sudah ada dan tidak diubah; usulan ditulis ke {aman(sasaran)} "
                  f"({_hitung_todo(teks)} baris TODO)", file=sys.stderr)
        else:
            teks = tulis_draf(d)
            if not _tulis_baru(tujuan, teks):  # pragma: no cover - balapan
                print(f"kesalahan: {aman(tujuan)} muncul saat impor berjalan; tidak ditimpa", file=sys.stderr)
                return 1
            print(f"ditulis: {aman(tujuan)} ({len(d.struktur)} jabatan struktural, {len(d.kelompok)} kelompok, "
                  f"{_hitung_todo(teks)} baris TODO)", file=sys.stderr)
    return 0
