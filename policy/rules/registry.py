"""Registri aturan: satu aturan = satu fungsi kecil bernama + metadata (ID, tingkat, dasar).

Menambah aturan: tulis fungsi ber-dekorator ``@aturan(...)`` di salah satu modul
``policy/rules/*.py`` dan satu kasus uji YAML di ``tests/cases/``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

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
        ATURAN[id] = Aturan(id, severity, judul, basis, tuple(anchors), fn, tahap, interpretasi)
        return fn

    return deco
