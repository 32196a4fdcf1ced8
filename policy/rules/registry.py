"""Registri aturan: satu aturan = satu fungsi kecil bernama + metadata (ID, tingkat, dasar, tahap).

Satu registri untuk semua tahap (:data:`TAHAP`); mesin di :mod:`policy.rules` menjalankan aturan
per tahap dan mengubah setiap :class:`Lapor` menjadi satu jenis :class:`~policy.temuan.Temuan`:

- ``dokumen``: YAML mentah satu berkas org, sebelum model (SK10);
- ``unit``: satu unit termuat beserta indeks semua unit (SK01–SK12, TK01–TK07, IM01);
- ``naskah``: naskah Perbup di ``docs/peraturan/`` (lint hukum HK01–HK10, ``lint-peraturan``);
- ``rute``: satu pasangan pemilik kinerja–pegawai (penolakan RT01–RT02, ``python -m policy rute``).

Menambah aturan berkas org: tulis fungsi ber-dekorator ``@aturan(...)`` di salah satu modul
``policy/rules/*.py``, satu baris masa berlaku di bagian ``aturan`` ``policy/data/katalog.yaml``
(tanggal mulai berlaku, peraturan penetap, parameter bila ada) dan satu kasus uji YAML di
``tests/cases/``. :func:`berlaku` memilih aturan dan versinya menurut tanggal. Aturan tahap
``naskah`` dan ``rute`` menilai teks dan rute saat ini, jadi tidak bertanggal.
"""
from __future__ import annotations

import functools
import inspect
from dataclasses import dataclass, replace
from datetime import date
from typing import Callable, Iterable

from ..katalog import VersiAturan, katalog

SEVERITIES = ("error", "warning", "info")
#: tahap aturan, urutan mesin menjalankannya
TAHAP = ("dokumen", "unit", "naskah", "rute")
#: tahap yang aturannya dipilih menurut tanggal pemeriksaan (``check --tanggal``) dan tercatat di katalog
TAHAP_BERTANGGAL = ("dokumen", "unit")


@dataclass(frozen=True)
class Lapor:
    """Apa yang dilaporkan fungsi aturan; mesin mengubahnya menjadi :class:`Temuan`."""

    path: tuple
    message: str
    hint: str = ""
    kelompok: str = ""
    #: True: tunjuk posisi *kunci* (nama kolom) alih-alih nilainya
    kunci: bool = False
    #: (baris, kolom) langsung, untuk temuan pada teks mentah (mis. komentar) yang tidak punya jalur
    baris: tuple[int, int] | None = None
    #: berkas tempat temuan, bila bukan berkas unit/dokumen yang sedang diperiksa (tahap naskah)
    berkas: str = ""
    #: jangkar unsur naskah dan bahan sidik baseline (tahap naskah)
    anchor: str = ""
    bahan_sidik: str = ""


@dataclass(frozen=True)
class Aturan:
    id: str
    severity: str
    judul: str
    basis: str
    #: jangkar di teks Perbup yang diterbitkan (mis. "pasal-9-ayat-1")
    anchors: tuple[str, ...]
    fn: Callable
    #: salah satu :data:`TAHAP`
    tahap: str = "unit"
    interpretasi: str | None = None
    #: penjelasan lebih panjang untuk pembaca (mis. Bagian Hukum pada Catatan Harmonisasi)
    penjelasan: str = ""
    #: True bila fungsi menerima ``param`` (nilai ``parameter`` versi aturan di katalog)
    berparameter: bool = False
    #: True bila fungsi menerima ``tanggal`` (tanggal pemeriksaan, ``check --tanggal``)
    bertanggal: bool = False

    @property
    def uraian(self) -> str:
        return (self.fn.__doc__ or "").strip().splitlines()[0] if self.fn.__doc__ else self.judul


ATURAN: dict[str, Aturan] = {}


def aturan(id: str, severity: str, judul: str, basis: str, anchors: Iterable[str],
           interpretasi: str | None = None, tahap: str = "unit", penjelasan: str = ""):
    """Dekorator pendaftar aturan."""
    if severity not in SEVERITIES:
        raise ValueError(f"tingkat tidak dikenal: {severity}")
    if tahap not in TAHAP:
        raise ValueError(f"tahap tidak dikenal: {tahap}")

    def deco(fn):
        if id in ATURAN:
            raise ValueError(f"aturan {id} didaftarkan dua kali")
        ATURAN[id] = Aturan(id, severity, judul, basis, tuple(anchors), fn, tahap, interpretasi, penjelasan,
                            berparameter="param" in inspect.signature(fn).parameters,
                            bertanggal="tanggal" in inspect.signature(fn).parameters)
        return fn

    return deco


def per_tahap(*tahap: str) -> list[Aturan]:
    """Aturan terdaftar pada tahap-tahap ini, urut ID."""
    return sorted((a for a in ATURAN.values() if a.tahap in tahap), key=lambda a: a.id)


def parameter(id: str, tanggal: date | None = None) -> dict:
    """Parameter versi aturan ``id`` yang berlaku pada ``tanggal`` (bawaan: hari ini); kosong bila tidak ada."""
    v = katalog().versi_berlaku(id, tanggal or date.today())
    return dict(v.parameter) if v is not None else {}


def _versi(a: Aturan, v: VersiAturan | None) -> Aturan:
    if v is None:
        return a
    if a.berparameter:
        a = replace(a, fn=functools.partial(a.fn, param=dict(v.parameter)))
    return replace(a, judul=v.judul) if v.judul else a


def berlaku(tanggal: date | None = None, tahap: Iterable[str] = TAHAP_BERTANGGAL) -> list[Aturan]:
    """Aturan tahap ``tahap`` (bawaan: tahap bertanggal) yang berlaku pada ``tanggal`` (bawaan: hari ini)
    menurut masa berlaku di katalog, dengan parameter dan judul versinya. Aturan yang tidak tercatat di
    katalog dianggap berlaku sejak Perbup berlaku (tes ``test_katalog`` menuntut setiap aturan tahap
    bertanggal tercatat)."""
    t = tanggal or date.today()
    kat = katalog()
    if t < kat.peraturan.berlaku_mulai:
        return []
    hasil = []
    tahap = tuple(tahap)
    for a in ATURAN.values():
        if a.tahap not in tahap:
            continue
        if not kat.tercatat(a.id):
            hasil.append(a)
            continue
        v = kat.versi_berlaku(a.id, t)
        if v is not None:
            hasil.append(_versi(a, v))
    return hasil
