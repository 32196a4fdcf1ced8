"""Gambar Lampiran yang digambar ulang dengan nama aktor generik (Gambar 1 dan 18–32).

Gambar 2–17 (bagan kedudukan/struktur penugasan) menyusul bersama model domain inti, dengan
:func:`policy.diagram.struktur.diagram_struktur`.
"""
from __future__ import annotations

from policy.mekanisme import GAMBAR_MEKANISME, MEKANISME, PROSEDUR

from .alur import diagram_mekanisme, diagram_prosedur

#: Nomor gambar yang dapat digambar oleh :func:`figur_generik`.
GAMBAR_TERSEDIA: tuple[int, ...] = tuple(sorted({*GAMBAR_MEKANISME, *PROSEDUR}))


def figur_generik(n: int) -> str:
    """Teks Mermaid Gambar ``n`` (1, 18–32) dengan nama jenjang generik dari Lampiran."""
    if n in GAMBAR_MEKANISME:
        m = MEKANISME[GAMBAR_MEKANISME[n]]
        return diagram_mekanisme(m.kode, m.aktor_generik)
    if n in PROSEDUR:
        return diagram_prosedur(n, PROSEDUR[n].aktor_generik)
    raise ValueError(f"Gambar {n} belum dapat digambar ulang (tersedia: {', '.join(map(str, GAMBAR_TERSEDIA))})")
