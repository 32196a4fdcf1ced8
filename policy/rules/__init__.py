"""Mesin aturan: menjalankan setiap aturan terdaftar atas unit yang termuat.

Katalog: :data:`ATURAN` (lihat ``python -m policy rules``).
"""
from __future__ import annotations

from datetime import date

from ..domain import Indeks
from ..temuan import Temuan
from . import impor, pribadi, struktur, teks, tim  # noqa: F401  (mendaftarkan aturan)
from .registry import ATURAN, Aturan, Lapor, aturan
from .registry import berlaku, parameter

__all__ = ["ATURAN", "Aturan", "Lapor", "aturan", "berlaku", "jalankan", "parameter"]


def jalankan(indeks: Indeks, tanggal: date | None = None) -> list[Temuan]:
    """Jalankan aturan tahap 'unit' yang berlaku pada ``tanggal`` (bawaan: hari ini) atas semua unit."""
    daftar = [a for a in berlaku(tanggal) if a.tahap == "unit"]
    hasil: list[Temuan] = []
    hari = tanggal or date.today()
    for unit in indeks.unit_diminta():
        for a in daftar:
            for lap in (a.fn(unit, indeks, tanggal=hari) if a.bertanggal else a.fn(unit, indeks)):
                line, col = lap.baris or (unit.keypos(lap.path) if lap.kunci else unit.pos(lap.path))
                hasil.append(Temuan(a.id, a.severity, unit.file, line, col, lap.message, a.basis, lap.hint,
                                    unit=unit.id, kelompok=lap.kelompok))
    return hasil
