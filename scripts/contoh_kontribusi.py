#!/usr/bin/env python3
"""Bangkitkan contoh keluaran NYATA untuk panduan kontribusi (docs/kontribusi/).

Contoh di panduan tidak ditulis tangan: skrip ini merusak salinan ``orgs/diskominfo.yaml`` di
direktori sementara (Pimpinan Unit kelompok sekretariat diganti pejabat yang bukan bawahan
PPK → SK05), menjalankan ``python -m policy check`` dan ``python -m policy diff`` persis
seperti workflow, lalu menaruh keluarannya di antara penanda ``<!-- contoh:NAMA -->`` …
``<!-- /contoh:NAMA -->`` pada halaman panduan. Uji ``tests/gate/test_kontribusi.py`` gagal bila
halaman tidak lagi sama dengan keluaran alat.

Pemakaian: ``python scripts/contoh_kontribusi.py`` (periksa) atau ``--tulis`` (perbarui halaman).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HALAMAN = ROOT / "docs" / "kontribusi"
ORG = "orgs/diskominfo.yaml"
LAMA = "    penilai: sekretaris\n    pimpinan_unit: sekretaris\n"
BARU = "    penilai: sekretaris\n    pimpinan_unit: kabid-aptika\n"
PENANDA = re.compile(r"(<!-- contoh:(?P<nama>[a-z-]+) -->\n)(?P<isi>.*?)(<!-- /contoh:(?P=nama) -->)", re.S)
_GIT_ENV = {"GIT_AUTHOR_NAME": "Bagian Organisasi", "GIT_AUTHOR_EMAIL": "organisasi@contoh.invalid",
            "GIT_COMMITTER_NAME": "Bagian Organisasi", "GIT_COMMITTER_EMAIL": "organisasi@contoh.invalid",
            "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def _env(**lain: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return env | _GIT_ENV | {"PYTHONPATH": str(ROOT)} | lain


def _policy(cwd: Path, *args: str) -> str:
    r = subprocess.run([sys.executable, "-m", "policy", *args], cwd=cwd, env=_env(),
                       capture_output=True, text=True)
    if r.returncode not in (0, 1):
        raise RuntimeError(r.stderr)
    return r.stdout


def _git(cwd: Path, *args: str, tanggal: str | None = None) -> None:
    lain = {"GIT_AUTHOR_DATE": tanggal, "GIT_COMMITTER_DATE": tanggal} if tanggal else {}
    subprocess.run(["git", *args], cwd=cwd, env=_env(**lain), check=True, capture_output=True)


def _rusak(teks: str) -> str:
    if teks.count(LAMA) < 1:
        raise RuntimeError(f"{ORG}: pola kelompok sekretariat tidak ditemukan; sesuaikan skrip contoh")
    return teks.replace(LAMA, BARU, 1)


def _blok(bahasa: str, teks: str) -> str:
    return f"```{bahasa}\n{teks.rstrip(chr(10))}\n```\n"


def _tampilan(md: str) -> str:
    """Laporan sebagaimana tampil di GitHub, di dalam kotak contoh (judul jadi teks tebal)."""
    baris = [re.sub(r"^#{2,6} (.*)$", r"**\1**", b) for b in md.rstrip("\n").split("\n")]
    isi = "\n".join(("    " + b) if b else "" for b in baris)
    return f'!!! example "Tampilan di halaman Summary"\n\n{isi}\n'


def contoh() -> dict[str, str]:
    """Nama penanda → isi Markdown yang dibangkitkan dari keluaran alat yang sebenarnya."""
    with tempfile.TemporaryDirectory(prefix="sk-contoh-") as tmp:
        repo = Path(tmp) / "repo"
        repo.mkdir()
        shutil.copytree(ROOT / "orgs", repo / "orgs")
        _git(repo, "init", "-q", "-b", "main")
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "-m", "Data org", tanggal="2024-07-01T09:00:00+07:00")
        _git(repo, "checkout", "-q", "-b", "ubah-diskominfo")
        (repo / ORG).write_text(_rusak((ROOT / ORG).read_text(encoding="utf-8")), encoding="utf-8")
        _git(repo, "commit", "-q", "-am", "Ubah Pimpinan Unit sekretariat", tanggal="2024-07-02T09:00:00+07:00")
        github = _policy(repo, "check", "--format", "github", ORG)
        teks = _policy(repo, "check", ORG)
        laporan = _policy(repo, "diff", "main", "ubah-diskominfo")
        baris_ubah = next(i for i, b in enumerate((repo / ORG).read_text(encoding="utf-8").splitlines(), 1)
                          if b == BARU.splitlines()[1])
    potongan = "\n".join(f"{i:>3} | {b}" for i, b in enumerate(
        (ROOT / ORG).read_text(encoding="utf-8").replace(LAMA, BARU, 1).splitlines(), 1)
        if baris_ubah - 3 <= i <= baris_ubah + 1)
    return {
        "potongan-rusak": _blok("yaml", potongan),
        "anotasi": _blok("text", github),
        "anotasi-teks": _blok("text", teks),
        "laporan-mentah": _blok("markdown", laporan),
        "laporan": _tampilan(laporan),
    }


def tanpa_sha(teks: str) -> str:
    """Samarkan SHA commit (bergantung pada seluruh isi orgs/) untuk perbandingan di uji."""
    return re.sub(r"\(([0-9a-f]{12})\)", "(<sha>)", teks)


def halaman_diperbarui(isi_baru: dict[str, str]) -> dict[Path, tuple[str, str]]:
    """Berkas → (teks sekarang, teks dengan contoh terbaru) untuk halaman yang memakai penanda."""
    hasil = {}
    for p in sorted(HALAMAN.glob("*.md")):
        lama = p.read_text(encoding="utf-8")

        def ganti(m: re.Match) -> str:
            nama = m.group("nama")
            if nama not in isi_baru:
                raise KeyError(f"{p.name}: penanda contoh:{nama} tidak dikenal")
            return m.group(1) + isi_baru[nama] + m.group(4)

        baru = PENANDA.sub(ganti, lama)
        if PENANDA.search(lama):
            hasil[p] = (lama, baru)
    return hasil


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    basi = []
    for p, (lama, baru) in halaman_diperbarui(contoh()).items():
        if lama != baru:
            basi.append(p.relative_to(ROOT).as_posix())
            if "--tulis" in argv:
                p.write_text(baru, encoding="utf-8")
    if basi and "--tulis" not in argv:
        print("contoh basi di: " + ", ".join(basi) + " — jalankan: python scripts/contoh_kontribusi.py --tulis",
              file=sys.stderr)
        return 1
    print(("diperbarui: " + ", ".join(basi)) if basi else "contoh sudah sesuai keluaran alat", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
