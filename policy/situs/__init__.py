"""Halaman situs yang dibangkitkan saat build (tidak pernah di-commit).

Modul ini tidak mengimpor mkdocs: ia hanya menghasilkan teks Markdown per path halaman,
sehingga generator situs dapat diganti (lihat ``hooks/situs.py`` untuk lem mkdocs).

Setiap *penyedia* adalah fungsi ``halaman(root: Path) -> dict[str, str]`` yang
mengembalikan ``{"path/relatif/di/docs.md": "isi markdown"}``. Menambah jenis halaman =
menambah satu baris di ``PENYEDIA``.
"""
from __future__ import annotations

import importlib
from pathlib import Path

#: "modul:fungsi" penyedia halaman, dijalankan berurutan.
PENYEDIA: list[str] = []


def halaman_terbangkit(root: Path) -> dict[str, str]:
    """Kumpulkan semua halaman terbangkit; path ganda adalah kesalahan pemrograman."""
    hasil: dict[str, str] = {}
    for spec in PENYEDIA:
        modul, _, fungsi = spec.partition(":")
        halaman = getattr(importlib.import_module(modul), fungsi)(root)
        for path, isi in halaman.items():
            if path in hasil:
                raise ValueError(f"halaman {path} dibangkitkan dua kali ({spec})")
            hasil[path] = isi
    return dict(sorted(hasil.items()))
