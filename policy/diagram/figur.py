"""Gambar Lampiran yang digambar ulang dengan nama aktor generik (Gambar 1 dan 18–32).

Gambar 2–17 (bagan kedudukan/struktur penugasan) menyusul bersama model domain inti, dengan
:func:`policy.diagram.struktur.diagram_struktur`.
"""
from __future__ import annotations

from policy import mekanisme as _mekanisme
from policy.katalog import katalog

from .alur import diagram_mekanisme, diagram_prosedur

#: Nomor gambar yang dapat digambar oleh :func:`figur_generik` (dari katalog: berkas alur baru
#: dimuat saat sebuah gambar digambar, sehingga berkas alur yang rusak tidak menggagalkan impor).
GAMBAR_TERSEDIA: tuple[int, ...] = tuple(sorted({*katalog().gambar_mekanisme, *katalog().prosedur}))


def figur_generik(n: int) -> str:
    """Teks Mermaid Gambar ``n`` (1, 18–32) dengan nama jenjang generik dari Lampiran."""
    if n in katalog().gambar_mekanisme:
        m = _mekanisme.mekanisme(katalog().mekanisme_gambar(n))
        return diagram_mekanisme(m.kode, m.aktor_generik)
    if n in katalog().prosedur:
        return diagram_prosedur(n, _mekanisme.prosedur(n).aktor_generik)
    raise ValueError(f"Gambar {n} belum dapat digambar ulang (tersedia: {', '.join(map(str, GAMBAR_TERSEDIA))})")
