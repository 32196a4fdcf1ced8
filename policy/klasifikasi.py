"""Klasifikasi setiap kelompok: kedudukan (Gambar 2–11, Lampiran B.1), struktur penugasan
(Gambar 12–17, Lampiran B.2) dan mekanisme (Gambar 23–32, Lampiran D; pola umum).

Tabel keputusannya adalah data: ``klasifikasi`` di ``policy/data/katalog.yaml`` (lihat
:mod:`policy.katalog`). Baris dibaca berurutan; baris pertama yang semua syaratnya terpenuhi
dipakai. P = penilai, U = pimpinan_unit, T = pucuk struktur, L(x) = level x.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Callable

from .domain import Unit
from .katalog import Katalog, Syarat, katalog
from .models import Kelompok, Posisi


@dataclass(frozen=True)
class Klasifikasi:
    kedudukan: str | None
    struktur_penugasan: str | None
    mekanisme: str | None

    @property
    def gambar_kedudukan(self) -> int | None:
        k = katalog().kedudukan.get(self.kedudukan or "")
        return k.gambar if k else None

    @property
    def gambar_struktur(self) -> int | None:
        s = katalog().struktur.get(self.struktur_penugasan or "")
        return s.gambar if s else None

    @property
    def gambar_mekanisme(self) -> int | None:
        m = katalog().mekanisme.get(self.mekanisme or "")
        return m.gambar if m else None

    def as_dict(self) -> dict:
        return asdict(self)


TIDAK_TERKLASIFIKASI = Klasifikasi(None, None, None)

#: Kompatibilitas untuk modul yang belum membaca katalog langsung: kode → judul, diturunkan dari
#: ``policy/data/katalog.yaml`` saat impor. Kode baru memakai ``katalog().kedudukan[kode].judul``.
JUDUL_KEDUDUKAN: dict[str, str] = {k: v.judul for k, v in katalog().kedudukan.items()}
JUDUL_STRUKTUR: dict[str, str] = {k: v.judul for k, v in katalog().struktur.items()}


@dataclass(frozen=True, slots=True)
class _Fakta:
    """Yang dibaca syarat tabel: unit, P, U (boleh None untuk kedudukan), T."""

    unit: Unit
    P: Posisi
    U: Posisi | None
    T: Posisi


_Uji = Callable[[_Fakta], bool]


def _satu_atau_daftar(v) -> frozenset:
    return frozenset(v if isinstance(v, list) else [v])


def _penguji(s: Syarat) -> _Uji:
    """Ubah syarat satu baris menjadi fungsi (semua syarat yang diisi harus terpenuhi)."""
    uji: list[_Uji] = []
    if s.setda is not None:
        uji.append(lambda f, v=s.setda: f.unit.is_setda is v)
    if s.kedalaman_lebih_dari is not None:
        uji.append(lambda f, v=s.kedalaman_lebih_dari: f.unit.kedalaman > v)
    if s.level_penilai is not None:
        uji.append(lambda f, v=_satu_atau_daftar(s.level_penilai): f.unit.level[f.P.id] in v)
    if s.level_pimpinan is not None:
        uji.append(lambda f, v=_satu_atau_daftar(s.level_pimpinan): f.unit.level[f.U.id] in v)
    if s.jenis_penilai is not None:
        uji.append(lambda f, v=_satu_atau_daftar(s.jenis_penilai): f.P.jenis in v)
    if s.jenis_pimpinan is not None:
        uji.append(lambda f, v=_satu_atau_daftar(s.jenis_pimpinan): f.U.jenis in v)
    if s.jenis_pucuk is not None:
        uji.append(lambda f, v=_satu_atau_daftar(s.jenis_pucuk): f.T.jenis in v)
    if s.penilai_adalah_pucuk is not None:
        uji.append(lambda f, v=s.penilai_adalah_pucuk: (f.P.id == f.T.id) is v)
    if s.penilai_adalah_pimpinan is not None:
        uji.append(lambda f, v=s.penilai_adalah_pimpinan: (f.P.id == f.U.id) is v)
    if s.pimpinan_bawahan_langsung is not None:
        uji.append(lambda f, v=s.pimpinan_bawahan_langsung: (f.P.id != f.U.id and f.U.atasan == f.P.id) is v)
    if s.struktur_memuat is not None:
        uji.append(lambda f, v=s.struktur_memuat: any(p.jenis == v for p in f.unit.org.struktur))
    if not uji:
        return lambda f: True
    if len(uji) == 1:
        return uji[0]
    return lambda f: all(u(f) for u in uji)


@lru_cache(maxsize=4)
def _tabel(k: Katalog) -> tuple[tuple[tuple[_Uji, str], ...], tuple[tuple[_Uji, Klasifikasi], ...]]:
    """Tabel katalog yang sudah diubah menjadi fungsi (sekali per katalog)."""
    kedudukan = tuple((_penguji(b.jika), b.kedudukan) for b in k.klasifikasi.kedudukan)
    penugasan = tuple((_penguji(b.jika), Klasifikasi(None, k.mekanisme[b.mekanisme].struktur, b.mekanisme))
                      for b in k.klasifikasi.penugasan)
    return kedudukan, penugasan


def _kedudukan(f: _Fakta, tabel) -> str | None:
    for uji, kode in tabel:
        if uji(f):
            return kode
    return None


def kedudukan(unit: Unit, k: Kelompok) -> str | None:
    """Kedudukan kelompok (Lampiran B.1 huruf a–f, Gambar 2–11) menurut tabel katalog."""
    P, T = unit.posisi.get(k.penilai or ""), unit.top
    if P is None or T is None or P.id not in unit.level:
        return None
    return _kedudukan(_Fakta(unit, P, None, T), _tabel(katalog())[0])


def klasifikasi(unit: Unit, k: Kelompok) -> Klasifikasi:
    """Kedudukan, struktur penugasan dan mekanisme sebuah kelompok (tabel katalog; Lampiran B.1, B.2, D)."""
    P, U, T = unit.posisi.get(k.penilai or ""), unit.posisi.get(k.pimpinan_unit or ""), unit.top
    if P is None or U is None or T is None or P.id not in unit.level or U.id not in unit.level:
        return TIDAK_TERKLASIFIKASI
    t_ked, t_pen = _tabel(katalog())
    f = _Fakta(unit, P, U, T)
    ked = _kedudukan(f, t_ked)
    for uji, hasil in t_pen:
        if uji(f):
            return Klasifikasi(ked, hasil.struktur_penugasan, hasil.mekanisme)
    return Klasifikasi(ked, None, None)  # tidak terjadi: baris terakhir katalog tanpa syarat
