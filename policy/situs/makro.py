"""Data untuk makro halaman Markdown yang disunting Bagian Hukum (lihat ``hooks/makro.py``).

Setiap fungsi mengembalikan Markdown dengan tautan relatif terhadap halaman pemanggil ``dari``
(path relatif docs/). Makro hanya dirender di halaman yang memintanya (``render_macros: true``).
"""
from __future__ import annotations

from pathlib import Path

from ..mekanisme import mekanisme
from . import md
from .konteks import KODE_MEKANISME, berkas_mekanisme, konteks, nama_mekanisme, relatif


#: Paling banyak unit yang didaftar per mekanisme di tabel makro; lebih dari itu hanya jumlahnya, dengan
#: tautan ke daftar pemakai di halaman mekanisme (halaman Panduan tidak tumbuh dengan jumlah unit).
MAKS_UNIT_PER_MEKANISME = 50


def tabel_mekanisme(root: Path, dari: str) -> str:
    """Tabel: setiap mekanisme (M1–M10, umum) → unit yang memakainya, bertaut."""
    ctx = konteks(root)
    per_kode: dict[str, dict[str, object]] = {}
    for kk in ctx.kelompok:
        if kk.kl.mekanisme:
            per_kode.setdefault(kk.kl.mekanisme, {}).setdefault(kk.unit.id, kk.unit)
    baris = ["| Mekanisme | Keterangan | Unit yang memakai |", "|---|---|---|"]
    for kode in KODE_MEKANISME:
        units = list(per_kode.get(kode, {}).values())
        if not units:
            continue
        if len(units) > MAKS_UNIT_PER_MEKANISME:
            daftar = f"{len(units)} unit — [daftar]({relatif(berkas_mekanisme(kode) + '#pemakai', dari)})"
        else:
            daftar = ", ".join(f"[{md.teks(u.org.singkatan or u.org.nama)}]({relatif(ctx.halaman_unit(u), dari)})"
                               for u in units)
        baris.append(f"| [{md.teks(nama_mekanisme(kode))}]({relatif(berkas_mekanisme(kode), dari)}) | "
                     f"{md.teks(mekanisme(kode).keterangan)} | {daftar} |")
    return "\n".join(baris) + "\n"


def jumlah_unit(root: Path) -> int:
    return len(konteks(root).units)


def jumlah_kelompok(root: Path) -> int:
    return len(konteks(root).kelompok)


def banner_data_contoh() -> str:
    return md.banner_data_contoh()
