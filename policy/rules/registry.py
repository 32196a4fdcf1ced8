"""Registri aturan: satu aturan = satu fungsi kecil bernama + metadata (ID, tingkat, dasar).

Menambah aturan: tulis fungsi ber-dekorator ``@aturan(...)`` di salah satu modul
``policy/rules/*.py``, satu baris masa berlaku di bagian ``aturan`` ``policy/data/katalog.yaml``
(tanggal mulai berlaku, peraturan penetap, parameter bila ada) dan satu kasus uji YAML di
``tests/cases/``. :func:`berlaku` memilih aturan dan versinya menurut tanggal.
"""
from __future__ import annotations

import functools
import inspect
from dataclasses import dataclass, replace
from datetime import date
from typing import Callable, Iterable

from ..katalog import VersiAturan, katalog

SEVERITIES = ("error", "warning", "info")


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


@dataclass(frozen=True)
class Aturan:
    id: str
    severity: str
    judul: str
    basis: str
    #: jangkar di teks Perbup yang diterbitkan (mis. "pasal-9-ayat-1")
    anchors: tuple[str, ...]
    fn: Callable
    #: "unit" (per berkas termuat) atau "dokumen" (YAML mentah, sebelum model)
    tahap: str = "unit"
    interpretasi: str | None = None
    #: True bila fungsi menerima ``param`` (nilai ``parameter`` versi aturan di katalog)
    berparameter: bool = False
    #: True bila fungsi menerima ``tanggal`` (tanggal pemeriksaan, ``check --tanggal``)
    bertanggal: bool = False

    @property
    def uraian(self) -> str:
        return (self.fn.__doc__ or "").strip().splitlines()[0] if self.fn.__doc__ else self.judul


ATURAN: dict[str, Aturan] = {}


def aturan(id: str, severity: str, judul: str, basis: str, anchors: Iterable[str],
           interpretasi: str | None = None, tahap: str = "unit"):
    """Dekorator pendaftar aturan."""
    if severity not in SEVERITIES:
        raise ValueError(f"tingkat tidak dikenal: {severity}")

    def deco(fn):
        if id in ATURAN:
            raise ValueError(f"aturan {id} didaftarkan dua kali")
        ATURAN[id] = Aturan(id, severity, judul, basis, tuple(anchors), fn, tahap, interpretasi,
                            berparameter="param" in inspect.signature(fn).parameters,
                            bertanggal="tanggal" in inspect.signature(fn).parameters)
        return fn

    return deco


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


def berlaku(tanggal: date | None = None) -> list[Aturan]:
    """Aturan yang berlaku pada ``tanggal`` (bawaan: hari ini) menurut masa berlaku di katalog, dengan
    parameter dan judul versinya. Aturan yang tidak tercatat di katalog dianggap berlaku sejak Perbup
    berlaku (tes ``test_katalog`` menuntut setiap aturan tercatat)."""
    t = tanggal or date.today()
    kat = katalog()
    if t < kat.peraturan.berlaku_mulai:
        return []
    hasil = []
    for a in ATURAN.values():
        if not kat.tercatat(a.id):
            hasil.append(a)
            continue
        v = kat.versi_berlaku(a.id, t)
        if v is not None:
            hasil.append(_versi(a, v))
    return hasil
