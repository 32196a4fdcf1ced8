"""Pemeriksaan menyeluruh: muat semua berkas, jalankan aturan, klasifikasikan kelompok."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .domain import Indeks, muat_semua
from .klasifikasi import klasifikasi
from .rules import jalankan
from .temuan import Temuan


@dataclass
class HasilPeriksa:
    files: int
    temuan: list[Temuan]
    indeks: Indeks
    hilang: list[str] = field(default_factory=list)

    def jumlah(self, severity: str) -> int:
        return sum(1 for t in self.temuan if t.severity == severity)

    @property
    def errors(self) -> int:
        return self.jumlah("error")

    @property
    def warnings(self) -> int:
        return self.jumlah("warning")

    @property
    def infos(self) -> int:
        return self.jumlah("info")

    @property
    def pengecualian(self) -> list[str]:
        """Unit yang memakai pengecualian level (dihitung terpisah dari pelanggaran)."""
        return sorted(u.file for u in self.indeks.unit_diminta() if u.org.pengecualian_level is not None)

    def kelompok(self) -> list[dict]:
        hasil = []
        for unit in self.indeks.unit_diminta():
            for k in unit.org.kelompok:
                kl = klasifikasi(unit, k)
                hasil.append({"file": unit.file, "kelompok": k.id, **kl.as_dict(),
                              "penilai": k.penilai, "pimpinan_unit": k.pimpinan_unit})
        return hasil

    def as_json(self) -> dict:
        return {"files": self.files, "errors": self.errors, "warnings": self.warnings, "infos": self.infos,
                "pengecualian": self.pengecualian,
                "findings": [t.as_json() for t in self.temuan], "kelompok": self.kelompok()}


def periksa(paths: Iterable[str | Path]) -> HasilPeriksa:
    """Periksa berkas/direktori org; temuan diurutkan menurut berkas, baris, aturan."""
    indeks, temuan, n, hilang = muat_semua(paths)
    temuan.extend(jalankan(indeks))
    temuan.sort(key=Temuan.sort_key)
    return HasilPeriksa(files=n, temuan=temuan, indeks=indeks, hilang=hilang)
