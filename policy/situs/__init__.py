"""Halaman situs yang dibangkitkan saat build (tidak pernah di-commit).

Modul ini tidak mengimpor mkdocs: ia hanya menghasilkan teks Markdown per path halaman,
sehingga generator situs dapat diganti (lihat ``hooks/situs.py`` untuk lem mkdocs).

Setiap *penyedia* adalah fungsi ``halaman(root: Path) -> dict[str, str]`` yang
mengembalikan ``{"path/relatif/di/docs.md": "isi markdown"}``. Menambah jenis halaman =
menambah satu baris di ``PENYEDIA``. Penyedia yang menerima argumen kedua mendapat halaman
terbangkit sebelumnya (mis. halaman cakupan yang memindai tautan halaman lain); taruh di akhir.
"""
from __future__ import annotations

import importlib
import inspect
from pathlib import Path

#: "modul:fungsi" penyedia halaman, dijalankan berurutan.
PENYEDIA: list[str] = [
    "policy.situs.aturan:halaman",
    "policy.peraturan.harmonisasi:halaman",
    # halaman per unit, "Cari unit saya", mekanisme, kepatuhan (data dari orgs/)
    "policy.situs.unit:halaman",
    "policy.situs.indeks:halaman",
    "policy.situs.halaman_mekanisme:halaman",
    "policy.situs.kepatuhan:halaman",
    "policy.situs.rute:halaman",
]
#: penyedia yang memindai halaman lain (menerima argumen kedua); dijalankan setelah ``PENYEDIA``
PENYEDIA_AKHIR: list[str] = ["policy.situs.cakupan:halaman"]


def halaman_terbangkit(root: Path) -> dict[str, str]:
    """Kumpulkan semua halaman terbangkit; path ganda adalah kesalahan pemrograman."""
    hasil: dict[str, str] = {}
    for spec in PENYEDIA + PENYEDIA_AKHIR:
        modul, _, fungsi = spec.partition(":")
        fn = getattr(importlib.import_module(modul), fungsi)
        halaman = fn(root, dict(hasil)) if len(inspect.signature(fn).parameters) >= 2 else fn(root)
        for path, isi in halaman.items():
            if path in hasil:
                raise ValueError(f"halaman {path} dibangkitkan dua kali ({spec})")
            hasil[path] = isi
    return dict(sorted(hasil.items()))
