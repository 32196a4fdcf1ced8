"""Temuan (finding): satu pelanggaran aturan atau kesalahan masukan, dengan posisi tepat.

Satu jenis temuan untuk semua tahap aturan (berkas org, unit, naskah Perbup, rute penugasan):
lihat :mod:`policy.rules.registry`.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class Temuan:
    """Satu temuan: aturan, tingkat, berkas:baris:kolom, pesan, dasar hukum, saran perbaikan."""

    rule: str
    severity: str
    file: str
    line: int
    col: int
    message: str
    basis: str = ""
    hint: str = ""
    #: id berkas/unit dan kelompok yang dituju (untuk situs), bila ada
    unit: str = ""
    kelompok: str = ""
    extra: tuple = field(default=(), compare=False)
    #: jangkar unsur naskah tempat temuan berada (temuan naskah Perbup, untuk sidik baseline)
    anchor: str = ""
    #: bahan sidik selain ID dan jangkar (bawaan: pesan); sidik tidak bergantung nomor baris
    bahan_sidik: str = field(default="", repr=False)

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.rule, self.col, self.message)

    @property
    def sidik(self) -> str:
        """Fingerprint stabil: ID + jangkar + bahan sidik (atau pesan), tanpa nomor baris."""
        bahan = "\x1f".join((self.rule, self.anchor, self.bahan_sidik or self.message))
        return hashlib.sha1(bahan.encode("utf-8")).hexdigest()[:16]

    def as_json(self) -> dict:
        d = {
            "rule": self.rule,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "message": self.message,
            "basis": self.basis,
        }
        if self.hint:
            d["hint"] = self.hint
        if self.unit:
            d["unit"] = self.unit
        if self.kelompok:
            d["kelompok"] = self.kelompok
        return d
