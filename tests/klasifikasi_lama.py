"""Klasifikasi seperti ditulis di Python sebelum tabelnya pindah ke katalog (pembanding tes).

Logika tabel SPEC disalin apa adanya dari ``policy/klasifikasi.py`` versi lama, agar tabel
``klasifikasi`` di ``policy/data/katalog.yaml`` terbukti memberi hasil yang sama. Mekanisme
disebut menurut nomor contoh Lampiran D dan huruf struktur penugasan pola umum; hanya *nama
kodenya* yang dibaca dari katalog.
"""
from __future__ import annotations

from policy.domain import Unit
from policy.katalog import katalog
from policy.models import Kelompok

_JPT = ("jpt_pratama", "jpt_madya")


def _d(n: int) -> str:
    return katalog().mekanisme_contoh(n).kode


def _umum(huruf: str) -> str:
    return katalog().pola_umum(huruf).kode


def kedudukan_lama(unit: Unit, k: Kelompok) -> str | None:
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


def klasifikasi_lama(unit: Unit, k: Kelompok) -> tuple[str | None, str | None, str | None]:
    """(kedudukan, struktur penugasan, mekanisme)."""
    P, U, T = unit.posisi.get(k.penilai or ""), unit.posisi.get(k.pimpinan_unit or ""), unit.top
    if P is None or U is None or T is None or P.id not in unit.level or U.id not in unit.level:
        return (None, None, None)
    ked = kedudukan_lama(unit, k)
    if unit.is_setda:
        lp, lu = unit.level[P.id], unit.level[U.id]
        if lp == 1 and lu == 2:
            return (ked, "d", _d(8))
        if lp == 2 and lu == 3:
            return (ked, "e", _d(9))
        if lp == 3 and lu == 3 and P.id == U.id:
            return (ked, "f", _d(10))
    else:
        bawahan_langsung = P.id != U.id and U.atasan == P.id
        if bawahan_langsung and P.jenis == "jpt_pratama" and U.jenis == "administrator":
            return (ked, "a", _d(1))
        if P.id == U.id != T.id and T.jenis == "jpt_pratama" and P.jenis == "administrator":
            return (ked, "b", _d(2))
        if P.id == U.id == T.id:
            n = {"jpt_pratama": 3, "administrator": 5, "pengawas": 6, "fungsional": 7}.get(T.jenis)
            if n:
                return (ked, "c", _d(n))
        if bawahan_langsung and P.jenis == "administrator" and U.jenis == "pengawas":
            return (ked, "a", _d(4))
    bentuk = "a" if P.id != U.id else ("c" if P.id == T.id else "b")
    return (ked, bentuk, _umum(bentuk))
