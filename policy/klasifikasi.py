"""Klasifikasi setiap kelompok: kedudukan (Gambar 2–11, Lampiran B.1), struktur penugasan
(Gambar 12–17, Lampiran B.2) dan mekanisme (Gambar 23–32, Lampiran D angka 1–10).

Tabel keputusan mengikuti SPEC. P = penilai, U = pimpinan_unit, T = pucuk struktur,
L(x) = level x.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from .domain import Unit
from .models import Kelompok

GAMBAR_KEDUDUKAN = {"a1": 2, "a2": 3, "b1": 4, "b2": 5, "b3": 6, "c": 7, "d": 8, "e": None,
                    "f1": 9, "f2": 10, "f3": 11}
GAMBAR_STRUKTUR = {"a": 12, "b": 13, "c": 14, "d": 15, "e": 16, "f": 17}
GAMBAR_MEKANISME = {f"M{i}": 22 + i for i in range(1, 11)}

JUDUL_KEDUDUKAN = {
    "a1": "Unit dipimpin JPT Pratama, JPT Pratama sebagai Pejabat Penilai Kinerja",
    "a2": "Unit dipimpin JPT Pratama, Pejabat Administrator sebagai Pejabat Penilai Kinerja",
    "b1": "Unit dipimpin Administrator, Administrator sebagai Pejabat Penilai Kinerja",
    "b2": "Unit dipimpin Administrator, Pejabat Pengawas sebagai Pejabat Penilai Kinerja",
    "b3": "Unit dipimpin Administrator tanpa Pejabat Pengawas, Administrator sebagai Pejabat Penilai Kinerja",
    "c": "Unit dipimpin Pejabat Pengawas sebagai Pejabat Penilai Kinerja",
    "d": "Unit dipimpin Pejabat Fungsional sebagai Pejabat Penilai Kinerja",
    "e": "Unit yang masih memiliki lebih dari dua level struktur",
    "f1": "Sekretariat Daerah, Sekretaris Daerah sebagai Pejabat Penilai Kinerja",
    "f2": "Sekretariat Daerah, Asisten Sekretaris Daerah sebagai Pejabat Penilai Kinerja",
    "f3": "Sekretariat Daerah, Kepala Bagian sebagai Pejabat Penilai Kinerja",
}
JUDUL_STRUKTUR = {
    "a": "Dua level: Pejabat Level I sebagai PPK, Pejabat Level II sebagai Pimpinan Unit",
    "b": "Dua level: Pejabat Level II sebagai PPK sekaligus Pimpinan Unit",
    "c": "Satu level: PPK sekaligus Pimpinan Unit",
    "d": "Sekretariat Daerah: Sekda sebagai PPK, Asisten sebagai Pimpinan Unit",
    "e": "Sekretariat Daerah: Asisten sebagai PPK, Kepala Bagian sebagai Pimpinan Unit",
    "f": "Sekretariat Daerah: Kepala Bagian sebagai PPK sekaligus Pimpinan Unit",
}

_JPT = ("jpt_pratama", "jpt_madya")


@dataclass(frozen=True)
class Klasifikasi:
    kedudukan: str | None
    struktur_penugasan: str | None
    mekanisme: str | None

    @property
    def gambar_kedudukan(self) -> int | None:
        return GAMBAR_KEDUDUKAN.get(self.kedudukan or "")

    @property
    def gambar_struktur(self) -> int | None:
        return GAMBAR_STRUKTUR.get(self.struktur_penugasan or "")

    @property
    def gambar_mekanisme(self) -> int | None:
        return GAMBAR_MEKANISME.get(self.mekanisme or "")

    def as_dict(self) -> dict:
        return asdict(self)


TIDAK_TERKLASIFIKASI = Klasifikasi(None, None, None)


def kedudukan(unit: Unit, k: Kelompok) -> str | None:
    """Kedudukan kelompok (Lampiran B.1 huruf a–f, Gambar 2–11)."""
    P, T = unit.posisi.get(k.penilai or ""), unit.top
    if P is None or T is None or P.id not in unit.level:
        return None
    if unit.is_setda:
        return {1: "f1", 2: "f2", 3: "f3"}.get(unit.level[P.id], "e")
    if unit.kedalaman > 2:
        return "e"
    if T.jenis in _JPT:
        return "a1" if P.id == T.id else "a2"
    if T.jenis == "administrator":
        if P.id != T.id:
            return "b2"
        return "b1" if any(p.jenis == "pengawas" for p in unit.org.struktur) else "b3"
    if T.jenis == "pengawas":
        return "c"
    if T.jenis == "fungsional":
        return "d"
    return None


def _bentuk(P_id: str, U_id: str, T_id: str) -> str:
    if P_id != U_id:
        return "a"
    return "c" if P_id == T_id else "b"


def klasifikasi(unit: Unit, k: Kelompok) -> Klasifikasi:
    """Kedudukan, struktur penugasan dan mekanisme sebuah kelompok (tabel SPEC; Lampiran D)."""
    P, U, T = unit.posisi.get(k.penilai or ""), unit.posisi.get(k.pimpinan_unit or ""), unit.top
    if P is None or U is None or T is None or P.id not in unit.level or U.id not in unit.level:
        return TIDAK_TERKLASIFIKASI
    ked = kedudukan(unit, k)
    if unit.is_setda:
        lp, lu = unit.level[P.id], unit.level[U.id]
        if lp == 1 and lu == 2:
            return Klasifikasi(ked, "d", "M8")
        if lp == 2 and lu == 3:
            return Klasifikasi(ked, "e", "M9")
        if lp == 3 and lu == 3 and P.id == U.id:
            return Klasifikasi(ked, "f", "M10")
    else:
        bawahan_langsung = P.id != U.id and U.atasan == P.id
        if bawahan_langsung and P.jenis == "jpt_pratama" and U.jenis == "administrator":
            return Klasifikasi(ked, "a", "M1")
        if P.id == U.id != T.id and T.jenis == "jpt_pratama" and P.jenis == "administrator":
            return Klasifikasi(ked, "b", "M2")
        if P.id == U.id == T.id:
            m = {"jpt_pratama": "M3", "administrator": "M5", "pengawas": "M6", "fungsional": "M7"}.get(T.jenis)
            if m:
                return Klasifikasi(ked, "c", m)
        if bawahan_langsung and P.jenis == "administrator" and U.jenis == "pengawas":
            return Klasifikasi(ked, "a", "M4")
    bentuk = _bentuk(P.id, U.id, T.id)
    return Klasifikasi(ked, bentuk, f"umum-{bentuk}")
