"""Mesin aturan: menjalankan aturan terdaftar per tahap dan mengubah laporannya menjadi :class:`Temuan`.

Satu registri (:data:`ATURAN`, lihat ``python -m policy rules``) dan satu jenis temuan untuk semua
tahap (:data:`TAHAP`): ``dokumen`` (:func:`jalankan_dokumen`), ``unit`` (:func:`jalankan`),
``naskah`` (:func:`jalankan_naskah`); aturan ``rute`` dipanggil :mod:`policy.rute` saat menyusun
satu rute.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..domain import Indeks, Unit
from ..temuan import Temuan
from . import impor, pribadi, struktur, teks, tim  # noqa: F401  (mendaftarkan aturan)
from .registry import ATURAN, TAHAP, TAHAP_BERTANGGAL, Aturan, Lapor, aturan
from .registry import berlaku, parameter, per_tahap

if TYPE_CHECKING:
    from ..muat import Dokumen
    from ..peraturan import Naskah

__all__ = ["ATURAN", "TAHAP", "TAHAP_BERTANGGAL", "Aturan", "Lapor", "aturan", "berlaku", "jalankan",
           "jalankan_dokumen", "jalankan_naskah", "jalankan_rute", "parameter", "per_tahap", "temuan"]


def temuan(a: Aturan, lap: Lapor, file: str, line: int, col: int, unit: str = "") -> Temuan:
    """Satu-satunya tempat :class:`Lapor` aturan ``a`` menjadi :class:`Temuan`."""
    return Temuan(a.id, a.severity, lap.berkas or file, line, col, lap.message, a.basis, lap.hint,
                  unit=unit, kelompok=lap.kelompok, anchor=lap.anchor, bahan_sidik=lap.bahan_sidik)


def jalankan_dokumen(dok: "Dokumen", tanggal: date | None = None) -> list[Temuan]:
    """Tahap ``dokumen``: aturan yang berlaku pada ``tanggal`` atas YAML mentah satu berkas, sebelum
    model (mis. SK10 membuang kolom data pribadi agar tidak ikut divalidasi)."""
    hasil: list[Temuan] = []
    for a in berlaku(tanggal, ("dokumen",)):
        for lap in a.fn(dok):
            line, col = lap.baris or (dok.posisi_kunci(lap.path) if lap.kunci else dok.posisi(lap.path))
            hasil.append(temuan(a, lap, dok.file, line, col))
    return hasil


def jalankan(indeks: Indeks, tanggal: date | None = None) -> list[Temuan]:
    """Tahap ``unit``: aturan yang berlaku pada ``tanggal`` (bawaan: hari ini) atas semua unit."""
    daftar = berlaku(tanggal, ("unit",))
    hasil: list[Temuan] = []
    hari = tanggal or date.today()
    for unit in indeks.unit_diminta():
        for a in daftar:
            for lap in (a.fn(unit, indeks, tanggal=hari) if a.bertanggal else a.fn(unit, indeks)):
                line, col = lap.baris or (unit.keypos(lap.path) if lap.kunci else unit.pos(lap.path))
                hasil.append(temuan(a, lap, unit.file, line, col, unit=unit.id))
    return hasil


def jalankan_naskah(naskah: "Naskah") -> list[Temuan]:
    """Tahap ``naskah``: semua pemeriksaan naskah Perbup (lint hukum); urut berkas, baris, kolom, ID,
    tanpa duplikat. Berkas temuan relatif terhadap direktori ``docs``."""
    hasil = {temuan(a, lap, "", *(lap.baris or (1, 1))) for a in per_tahap("naskah") for lap in a.fn(naskah)}
    return sorted(hasil, key=lambda t: (t.file, t.line, t.col, t.rule, t.message))


def jalankan_rute(id: str, *args) -> Temuan | None:
    """Tahap ``rute``: satu aturan penolakan (RT01, RT02) atas satu langkah penyusunan rute; temuan
    pertamanya, atau None bila rute boleh. Berkas/baris menunjuk unit pemilik bila argumennya unit."""
    a = ATURAN[id]
    laporan = a.fn(*args)
    if not laporan:
        return None
    lap = laporan[0]
    unit = next((x for x in args if isinstance(x, Unit)), None)
    if unit is None:
        return temuan(a, lap, "", 0, 0)
    line, col = lap.baris or unit.pos(lap.path)
    return temuan(a, lap, unit.file, line, col, unit=unit.id)


# Aturan tahap naskah dan rute tinggal di samping teks/kode yang mereka periksa; diimpor di sini
# agar registri selalu lengkap (``rules``, Katalog Aturan, Catatan Harmonisasi).
from .. import rute as _rute  # noqa: E402,F401
from ..peraturan import lint as _lint  # noqa: E402,F401
