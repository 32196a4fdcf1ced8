"""Bangun situs secara atomik dan tanpa efek samping.

``mkdocs build`` menulis ke direktori sementara *di samping* ``site/`` (sistem berkas yang sama);
hanya bila build berhasil, direktori itu ditukar dengan ``site/`` lewat rename. Build yang gagal
(kesalahan aturan di berkas org, galat templat di halaman Markdown) membuang direktori sementara dan
membiarkan situs sebelumnya utuh, byte demi byte.

Keterulangan: ``SOURCE_DATE_EPOCH`` diisi waktu commit terakhir (atau 0 di luar git) bila belum
diisi, sehingga ``lastmod`` sitemap dan stempel waktu gzip sama untuk masukan yang sama; tanggal
revisi plugin git-revision-date-localized untuk halaman tanpa riwayat git (halaman terbangkit)
dibekukan pada waktu yang sama (plugin itu memakai jam dinding).

    python scripts/bangun.py            # bangun ke site/
    python scripts/bangun.py --root DIR --keluaran DIR/site
"""
from __future__ import annotations

import argparse
import ctypes
import importlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


def _tukar_atomik(a: Path, b: Path) -> bool:
    """Tukar dua direktori dalam satu langkah (Linux renameat2 RENAME_EXCHANGE); False bila tak didukung."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0


def pasang(baru: Path, tujuan: Path) -> None:
    """Jadikan ``baru`` sebagai ``tujuan``; situs lama dibuang hanya setelah pertukaran selesai."""
    if not tujuan.exists():
        os.rename(baru, tujuan)
        return
    if _tukar_atomik(baru, tujuan):
        shutil.rmtree(baru)  # kini berisi situs lama
        return
    lama = tujuan.with_name(f".{tujuan.name}-lama-{os.getpid()}")
    os.rename(tujuan, lama)  # celah singkat tanpa site/ pada sistem tanpa renameat2
    os.rename(baru, tujuan)
    shutil.rmtree(lama)


def epoch_sumber(root: Path) -> str:
    """Waktu commit terakhir (detik) sebagai SOURCE_DATE_EPOCH; '0' bila bukan repositori git."""
    try:
        p = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True, timeout=10)
        if p.returncode == 0 and p.stdout.strip().isdigit():
            return p.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return "0"


class _WaktuTetap:
    """Pengganti modul ``time`` yang ``time()``-nya mengembalikan SOURCE_DATE_EPOCH."""

    def __init__(self, epoch: float):
        self._epoch = epoch

    def time(self) -> float:
        return self._epoch

    def __getattr__(self, nama):
        return getattr(time, nama)


def _mkdocs_dalam_proses(argumen: list[str]) -> int:
    """Jalankan CLI mkdocs di proses ini dengan tanggal plugin git-revision-date-localized dibekukan.

    Plugin itu memakai ``time.time()`` (bukan SOURCE_DATE_EPOCH) untuk halaman terbangkit dan untuk
    halaman tanpa riwayat git, sehingga dua build berurutan berbeda di atribut ``title`` tanggal.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None:
        for nama in ("mkdocs_git_revision_date_localized_plugin.plugin", "mkdocs_git_revision_date_localized_plugin.util"):
            try:
                modul = importlib.import_module(nama)
            except ImportError:
                continue
            modul.time = _WaktuTetap(float(epoch))
    from mkdocs.__main__ import cli

    try:
        cli.main(args=argumen, prog_name="mkdocs", standalone_mode=True)
    except SystemExit as e:
        return int(e.code or 0) if not isinstance(e.code, str) else 1
    return 0


def bangun(root: Path = ROOT, keluaran: Path | None = None, argumen_mkdocs: list[str] | None = None) -> int:
    """Bangun situs ``root`` ke ``keluaran`` (bawaan ``root/site``) secara atomik; kembalikan kode keluar."""
    root = root.resolve()
    tujuan = (keluaran or root / "site").resolve()
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    sementara = Path(tempfile.mkdtemp(prefix=f".{tujuan.name}-baru-", dir=tujuan.parent))
    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", epoch_sumber(root))
    env["PYTHONPATH"] = os.pathsep.join([str(root), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        p = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--mkdocs-dalam", "build", "--strict", "-f", str(root / "mkdocs.yml"),
                            "-d", str(sementara), *(argumen_mkdocs or [])], cwd=root, env=env)
        if p.returncode != 0:
            print(f"build gagal (kode {p.returncode}); situs sebelumnya di {tujuan} tidak diubah", file=sys.stderr)
            return p.returncode or 1
        pasang(sementara, tujuan)
        print(f"situs dipasang di {tujuan}", file=sys.stderr)
        return 0
    finally:
        if sementara.exists():
            shutil.rmtree(sementara, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--mkdocs-dalam"]:
        return _mkdocs_dalam_proses(argv[1:])
    ap = argparse.ArgumentParser(description="Bangun situs mkdocs secara atomik (gagal = situs lama utuh)")
    ap.add_argument("--root", type=Path, default=ROOT, help="akar proyek (berisi mkdocs.yml)")
    ap.add_argument("--keluaran", type=Path, default=None, help="direktori situs (bawaan: <root>/site)")
    a, sisa = ap.parse_known_args(argv)
    return bangun(a.root, a.keluaran, sisa)


if __name__ == "__main__":
    raise SystemExit(main())
