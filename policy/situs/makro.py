"""Data untuk makro halaman Markdown yang disunting Bagian Hukum (lihat ``hooks/makro.py``).

Setiap fungsi mengembalikan Markdown dengan tautan relatif terhadap halaman pemanggil ``dari``
(path relatif docs/). Makro hanya dirender di halaman yang memintanya (``render_macros: true``).
"""
from __future__ import annotations

from pathlib import Path

from ..mekanisme import mekanisme
from . import md
from .konteks import KODE_MEKANISME, berkas_mekanisme, konteks, relatif


def tabel_mekanisme(root: Path, dari: str) -> str:
    """Tabel: setiap mekanisme (M1–M10, umum) → unit yang memakainya, bertaut."""
    ctx = konteks(root)
    baris = ["| Mekanisme | Judul | Unit yang memakai |", "|---|---|---|"]
    for kode in KODE_MEKANISME:
        units = []
        for kk in ctx.kelompok:
            if kk.kl.mekanisme == kode and kk.unit not in units:
                units.append(kk.unit)
        if not units:
            continue
        daftar = ", ".join(f"[{md.teks(u.org.singkatan or u.org.nama)}]({relatif(ctx.halaman_unit(u), dari)})"
                           for u in units)
        baris.append(f"| [{kode}]({relatif(berkas_mekanisme(kode), dari)}) | {md.teks(mekanisme(kode).judul)} | {daftar} |")
    return "\n".join(baris) + "\n"


def jumlah_unit(root: Path) -> int:
    return len(konteks(root).units)


def jumlah_kelompok(root: Path) -> int:
    return len(konteks(root).kelompok)


def banner_data_contoh() -> str:
    return md.banner_data_contoh()
