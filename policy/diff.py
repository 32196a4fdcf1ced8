"""``python -m policy diff BASE_REF [HEAD_REF]``: laporan dampak perubahan data org.

Membandingkan berkas ``orgs/*.yaml`` pada dua revisi git (HEAD_REF bawaan: pohon kerja) dan
mencetak Markdown untuk ringkasan pull request: unit ditambah/dihapus, per kelompok Pejabat
Penilai Kinerja (Pasal 9), Pimpinan Unit Organisasi (Pasal 1 angka 25) dan mekanisme
(Lampiran D) sebelum → sesudah, serta temuan yang muncul dan yang sudah diperbaiki.

Berkas revisi dibaca lewat ``git ls-tree``/``git show`` ke direktori sementara; pohon kerja
tidak pernah diubah. Keluaran deterministik. Kode keluar 0 (ini laporan, bukan gerbang),
2 bila revisi tidak dikenal atau bukan repositori git.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .periksa import HasilPeriksa, periksa
from .temuan import Temuan

POHON_KERJA = "pohon kerja"
_IKON = {"error": "❌ kesalahan", "warning": "⚠️ peringatan", "info": "ℹ️ info"}


class RevisiTidakSah(Exception):
    """Revisi git tidak dapat dibaca (pesan untuk pengguna)."""


@dataclass
class Sisi:
    """Satu sisi perbandingan: label, commit (bila ada), berkas yang ada, hasil pemeriksaan."""

    label: str
    commit: str
    berkas: dict[str, str]  # path tampil (orgs/x.yaml) -> id berkas (stem)
    hasil: HasilPeriksa


def _git(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError as e:  # git tidak terpasang
        raise RevisiTidakSah("perintah git tidak ditemukan; pasang git terlebih dahulu") from e


def _commit(ref: str) -> str:
    r = _git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    if r.returncode != 0:
        cek = _git("rev-parse", "--git-dir")
        if cek.returncode != 0:
            raise RevisiTidakSah("direktori ini bukan repositori git")
        raise RevisiTidakSah(f"revisi git '{ref}' tidak dikenal (periksa nama cabang/commit, "
                             "atau ambil riwayat lengkap dengan fetch-depth: 0)")
    return r.stdout.decode().strip()


def _salin_revisi(commit: str, orgs: str, tujuan: Path) -> None:
    """Salin ``<orgs>/*.yaml`` pada commit ke ``tujuan`` (git ls-tree + git show)."""
    r = _git("ls-tree", "-z", "--name-only", commit, "--", orgs.rstrip("/") + "/")
    if r.returncode != 0:
        raise RevisiTidakSah(f"tidak dapat membaca {orgs}/ pada revisi {commit[:12]}")
    for nama in sorted(n for n in r.stdout.decode("utf-8", "surrogateescape").split("\0") if n):
        if Path(nama).suffix not in (".yaml", ".yml"):
            continue
        isi = _git("show", f"{commit}:./{nama}")
        if isi.returncode == 0:  # bukan blob (mis. submodule) dilewati
            (tujuan / Path(nama).name).write_bytes(isi.stdout)


def _salin_pohon_kerja(orgs: str, tujuan: Path) -> None:
    sumber = Path(orgs)
    if not sumber.is_dir():
        return
    for p in sorted(sumber.iterdir()):
        if p.suffix in (".yaml", ".yml") and p.is_file():
            (tujuan / p.name).write_bytes(p.read_bytes())


def _periksa_sisi(label: str, commit: str, orgs: str) -> Sisi:
    """Periksa salinan ``orgs/`` sebuah revisi; path temuan tetap ``<orgs>/x.yaml``."""
    with tempfile.TemporaryDirectory(prefix="sk-diff-") as tmp:
        tujuan = Path(tmp) / orgs
        tujuan.mkdir(parents=True)
        if commit:
            _salin_revisi(commit, orgs, tujuan)
        else:
            _salin_pohon_kerja(orgs, tujuan)
        with contextlib.chdir(tmp):
            berkas = {Path(orgs, p.name).as_posix(): p.stem for p in sorted(tujuan.iterdir())}
            hasil = periksa([orgs]) if berkas else periksa([])
    return Sisi(label, commit, berkas, hasil)


# ---------------------------------------------------------------------------
# Penyusunan laporan


def _sel(teks: str) -> str:
    return teks.replace("|", "\\|").replace("\n", " ")


def _pejabat(hasil: HasilPeriksa, uid: str, pid: str | None) -> str:
    unit = hasil.indeks.units.get(uid)
    if pid is None:
        return "-"
    return unit.jabatan(pid) if unit else pid


def _baris_kelompok(sisi: Sisi) -> dict[tuple[str, str], dict]:
    """(id unit, id kelompok) → PPK, Pimpinan Unit (nama jabatan) dan klasifikasi."""
    hasil = {}
    for row in sisi.hasil.kelompok():
        uid = Path(row["file"]).stem
        hasil[(uid, row["kelompok"])] = {
            "ppk": _pejabat(sisi.hasil, uid, row["penilai"]),
            "pimpinan_unit": _pejabat(sisi.hasil, uid, row["pimpinan_unit"]),
            "mekanisme": row["mekanisme"] or "tidak terklasifikasi",
            "kedudukan": row["kedudukan"] or "-",
            "struktur_penugasan": row["struktur_penugasan"] or "-",
        }
    return hasil


def _ubah(lama: str, baru: str) -> str:
    return _sel(lama) if lama == baru else f"{_sel(lama)} → **{_sel(baru)}**"


def _kunci_temuan(t: Temuan) -> tuple[str, str, str]:
    """Temuan dicocokkan menurut aturan + berkas + pesan, bukan baris (baris bergeser saat menyunting)."""
    return (t.rule, t.file, t.message)


def _selisih_temuan(lama: list[Temuan], baru: list[Temuan]) -> tuple[list[Temuan], list[Temuan]]:
    """(temuan baru, temuan yang hilang/diperbaiki) sebagai multiset."""
    sisa_lama = Counter(_kunci_temuan(t) for t in lama)
    sisa_baru = Counter(_kunci_temuan(t) for t in baru)
    muncul, hilang = [], []
    for t in baru:
        k = _kunci_temuan(t)
        if sisa_lama[k] > 0:
            sisa_lama[k] -= 1
        else:
            muncul.append(t)
    for t in lama:
        k = _kunci_temuan(t)
        if sisa_baru[k] > 0:
            sisa_baru[k] -= 1
        else:
            hilang.append(t)
    return muncul, hilang


def _nama_unit(sisi: Sisi, uid: str) -> str:
    unit = sisi.hasil.indeks.units.get(uid)
    return unit.org.nama if unit else "(berkas tidak dapat dimuat)"


def _baris_temuan(t: Temuan) -> str:
    dasar = f" _[{_sel(t.basis)}]_" if t.basis else ""
    return f"- {_IKON.get(t.severity, t.severity)} **{t.rule}** `{t.file}` baris {t.line}: {_sel(t.message)}{dasar}"


def laporan(lama: Sisi, baru: Sisi) -> str:
    """Susun laporan dampak Markdown dari dua sisi yang sudah diperiksa."""
    out: list[str] = ["## Laporan dampak perubahan data organisasi", ""]

    def label(s: Sisi) -> str:
        return f"`{s.label}` ({s.commit[:12]})" if s.commit else f"`{s.label}`"

    out.append(f"Dibandingkan: {label(lama)} → {label(baru)}")
    out.append("")

    id_lama = {uid: path for path, uid in lama.berkas.items()}
    id_baru = {uid: path for path, uid in baru.berkas.items()}
    ditambah = sorted(set(id_baru) - set(id_lama))
    dihapus = sorted(set(id_lama) - set(id_baru))

    kl_lama, kl_baru = _baris_kelompok(lama), _baris_kelompok(baru)
    dimuat_keduanya = set(lama.hasil.indeks.units) & set(baru.hasil.indeks.units)
    tak_terbanding = sorted((set(id_lama) & set(id_baru)) - dimuat_keduanya)
    berubah, kel_tambah, kel_hapus = [], [], []
    for kunci in sorted(set(kl_lama) | set(kl_baru)):
        if kunci[0] in tak_terbanding:
            continue
        a, b = kl_lama.get(kunci), kl_baru.get(kunci)
        if a is None:
            kel_tambah.append((kunci, b))
        elif b is None:
            kel_hapus.append((kunci, a))
        elif a != b:
            berubah.append((kunci, a, b))
    muncul, diperbaiki = _selisih_temuan(lama.hasil.temuan, baru.hasil.temuan)

    def hitung(xs: list[Temuan], sev: str) -> int:
        return sum(1 for t in xs if t.severity == sev)

    out.append("| | Jumlah |")
    out.append("|---|---:|")
    out.append(f"| Unit ditambah | {len(ditambah)} |")
    out.append(f"| Unit dihapus | {len(dihapus)} |")
    out.append(f"| Kelompok yang PPK, Pimpinan Unit atau mekanismenya berubah | {len(berubah)} |")
    out.append(f"| Kelompok ditambah / dihapus | {len(kel_tambah)} / {len(kel_hapus)} |")
    out.append(f"| Temuan baru (kesalahan / peringatan / info) | {hitung(muncul, 'error')} / "
               f"{hitung(muncul, 'warning')} / {hitung(muncul, 'info')} |")
    out.append(f"| Temuan yang sudah diperbaiki | {len(diperbaiki)} |")
    out.append(f"| Kesalahan sesudah perubahan | {baru.hasil.errors} |")
    out.append("")

    if ditambah:
        out += ["### Unit ditambah", ""]
        out += [f"- `{id_baru[u]}` — {_sel(_nama_unit(baru, u))}" for u in ditambah]
        out.append("")
    if dihapus:
        out += ["### Unit dihapus", ""]
        out += [f"- `{id_lama[u]}` — {_sel(_nama_unit(lama, u))}" for u in dihapus]
        out.append("")
    if berubah:
        out += ["### Kelompok yang berubah", "",
                "| Unit | Kelompok | Pejabat Penilai Kinerja | Pimpinan Unit Organisasi | Mekanisme |",
                "|---|---|---|---|---|"]
        for (uid, kid), a, b in berubah:
            out.append(f"| {_sel(_nama_unit(baru, uid))} (`{uid}`) | `{kid}` | {_ubah(a['ppk'], b['ppk'])} | "
                       f"{_ubah(a['pimpinan_unit'], b['pimpinan_unit'])} | {_ubah(a['mekanisme'], b['mekanisme'])} |")
        out.append("")
    if kel_tambah or kel_hapus:
        out += ["### Kelompok ditambah atau dihapus", "",
                "| Perubahan | Unit | Kelompok | Pejabat Penilai Kinerja | Pimpinan Unit Organisasi | Mekanisme |",
                "|---|---|---|---|---|---|"]
        for jenis, daftar, sisi in (("ditambah", kel_tambah, baru), ("dihapus", kel_hapus, lama)):
            for (uid, kid), r in daftar:
                out.append(f"| {jenis} | {_sel(_nama_unit(sisi, uid))} (`{uid}`) | `{kid}` | {_sel(r['ppk'])} | "
                           f"{_sel(r['pimpinan_unit'])} | {_sel(r['mekanisme'])} |")
        out.append("")
    if tak_terbanding:
        out += ["### Berkas yang tidak dapat dibandingkan", "",
                "Berkas berikut gagal dimuat pada salah satu revisi (lihat temuan `INPUT`/`SK01`), "
                "sehingga klasifikasinya tidak dapat dibandingkan:", ""]
        out += [f"- `{id_baru[u]}`" for u in tak_terbanding]
        out.append("")
    if muncul:
        out += ["### Temuan baru", ""] + [_baris_temuan(t) for t in muncul] + [""]
    if diperbaiki:
        out += ["### Temuan yang sudah diperbaiki", ""] + [_baris_temuan(t) for t in diperbaiki] + [""]
    if not (ditambah or dihapus or berubah or kel_tambah or kel_hapus or tak_terbanding or muncul or diperbaiki):
        out += ["Tidak ada perubahan pada unit, PPK, Pimpinan Unit, mekanisme, maupun temuan.", ""]
    return "\n".join(out)


def bandingkan(base_ref: str, head_ref: str | None = None, orgs: str = "orgs") -> str:
    """Laporan dampak antara ``base_ref`` dan ``head_ref`` (None = pohon kerja)."""
    c_lama = _commit(base_ref)
    c_baru = _commit(head_ref) if head_ref is not None else ""
    lama = _periksa_sisi(base_ref, c_lama, orgs)
    baru = _periksa_sisi(head_ref if head_ref is not None else POHON_KERJA, c_baru, orgs)
    return laporan(lama, baru)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        self.print_usage(sys.stderr)
        pesan = message.replace("the following arguments are required", "argumen wajib belum diisi") \
                       .replace("unrecognized arguments", "argumen tidak dikenal")
        self.exit(2, f"{self.prog}: kesalahan: {pesan}\n")


def main(argv: list[str] | None = None) -> int:
    """Titik masuk ``python -m policy diff``; kode keluar 0 (laporan) atau 2 (revisi tidak sah)."""
    p = _Parser(prog="python -m policy diff",
                description="Laporan dampak (Markdown) perubahan berkas org antara dua revisi git.")
    p.add_argument("base", metavar="BASE_REF", help="revisi dasar, mis. origin/main")
    p.add_argument("head", metavar="HEAD_REF", nargs="?", default=None,
                   help="revisi pembanding (bawaan: pohon kerja saat ini)")
    p.add_argument("--orgs", default="orgs", metavar="DIR",
                   help="direktori berkas org, relatif terhadap direktori kerja (bawaan: orgs)")
    args = p.parse_args(sys.argv[1:] if argv is None else argv)
    if os.path.isabs(args.orgs) or ".." in Path(args.orgs).parts:
        print("kesalahan: --orgs harus path relatif di dalam repositori", file=sys.stderr)
        return 2
    try:
        teks = bandingkan(args.base, args.head, Path(args.orgs).as_posix())
    except RevisiTidakSah as e:
        print(f"kesalahan: {e}", file=sys.stderr)
        return 2
    sys.stdout.write(teks)
    return 0
