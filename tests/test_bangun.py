"""Build atomik, tanpa efek samping, dan berulang byte demi byte (issue 6; ``scripts/bangun.py``).

Semua build dijalankan pada *salinan* proyek di direktori sementara, tidak pernah pada ``site/``
milik checkout ini.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ABAIKAN = shutil.ignore_patterns(".git", ".venv", "site", "node_modules", "__pycache__", "*.egg-info",
                                 ".hypothesis", ".pytest_cache", ".site-*")
#: direktori yang tidak boleh ditulis build (issue 6), ditambah seluruh docs/
DIJAGA = ["orgs", "docs/peraturan", "tests", "docs"]


def bangun(root: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return subprocess.run([sys.executable, str(root / "scripts" / "bangun.py"), "--root", str(root)],
                          cwd=root, capture_output=True, text=True, timeout=600, env=env)


def potret(d: Path, mtime: bool = False) -> dict[str, tuple]:
    """Peta path relatif → (sha256[, mtime_ns]) untuk semua berkas di bawah ``d`` (termasuk direktori kosong)."""
    hasil = {}
    for p in sorted(d.rglob("*")):
        rel = p.relative_to(d).as_posix()
        if p.is_dir():
            hasil[rel + "/"] = ("dir",)
        else:
            h = hashlib.sha256(p.read_bytes()).hexdigest()
            hasil[rel] = (h, p.stat().st_mtime_ns) if mtime else (h,)
    return hasil


@pytest.fixture(scope="module")
def proyek(tmp_path_factory) -> Path:
    """Salinan proyek yang sudah dibangun sekali."""
    root = tmp_path_factory.mktemp("salinan") / "proyek"
    shutil.copytree(ROOT, root, ignore=ABAIKAN, symlinks=True)
    sebelum = {d: potret(root / d, mtime=True) for d in DIJAGA}
    p = bangun(root)
    if p.returncode != 0:
        pytest.fail(f"build awal gagal (kode {p.returncode}):\n{p.stderr[-4000:]}")
    root.joinpath(".potret-sebelum").write_text(repr(sebelum), encoding="utf-8")
    return root


def test_build_tidak_menulis_ke_sumber(proyek):
    sebelum = eval(proyek.joinpath(".potret-sebelum").read_text(encoding="utf-8"))  # noqa: S307 - ditulis tes ini
    bangun(proyek)
    for d in DIJAGA:
        assert potret(proyek / d, mtime=True) == sebelum[d], f"build mengubah {d}/"
    assert (proyek / "site" / "index.html").is_file()
    assert not list(proyek.glob(".site-*")), "direktori sementara tertinggal"


def test_dua_build_identik(proyek):
    pertama = potret(proyek / "site")
    p = bangun(proyek)
    assert p.returncode == 0, p.stderr[-3000:]
    kedua = potret(proyek / "site")
    beda = sorted(k for k in pertama.keys() | kedua.keys() if pertama.get(k) != kedua.get(k))
    assert beda == [], f"berkas berbeda antara dua build: {beda[:20]}"
    assert any(k.endswith(".html") for k in kedua)


def _rusak_lalu_bangun(proyek: Path, relpath: str, ubah) -> subprocess.CompletedProcess:
    path = proyek / relpath
    asli = path.read_bytes() if path.exists() else None
    try:
        ubah(path)
        return bangun(proyek)
    finally:
        if asli is None:
            path.unlink()
        else:
            path.write_bytes(asli)


def test_kesalahan_aturan_membiarkan_situs_lama(proyek):
    sebelum = potret(proyek / "site", mtime=True)
    org = sorted((proyek / "orgs").glob("*.yaml"))[0]

    def rusak(path: Path) -> None:
        teks = path.read_text(encoding="utf-8")
        assert "penilai: " in teks
        path.write_text(teks.replace("penilai: ", "penilai: zz-tidak-ada-", 1), encoding="utf-8")

    p = _rusak_lalu_bangun(proyek, f"orgs/{org.name}", rusak)
    assert p.returncode != 0
    assert "SK01" in p.stdout + p.stderr and "Traceback" not in p.stdout + p.stderr
    assert potret(proyek / "site", mtime=True) == sebelum
    assert not list(proyek.glob(".site-*"))


def test_kesalahan_halaman_membiarkan_situs_lama(proyek):
    """Halaman Markdown dengan templat makro rusak dan tautan putus (strict) menggagalkan build."""
    sebelum = potret(proyek / "site", mtime=True)

    def rusak(path: Path) -> None:
        path.write_text("---\nrender_macros: true\n---\n# Rusak\n\n{% if %}\n\n[putus](tidak-ada.md)\n", encoding="utf-8")

    p = _rusak_lalu_bangun(proyek, "docs/halaman-rusak-uji.md", rusak)
    assert p.returncode != 0, p.stderr[-3000:]
    assert potret(proyek / "site", mtime=True) == sebelum
    assert not list(proyek.glob(".site-*"))
