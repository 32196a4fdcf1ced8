"""Aturan tim kerja (TK01–TK03): Pasal 10, Pasal 15; Lampiran B.3."""
from __future__ import annotations

import difflib
from typing import Iterator

from ..domain import Indeks, Unit
from ..models import AnggotaTim, TimKerja
from .registry import Lapor, aturan


def _anggota(t: TimKerja, i: int) -> list[tuple[tuple, AnggotaTim]]:
    base = ("tim_kerja", i)
    return [(base + ("ketua",), t.ketua)] + [(base + ("anggota", j), a) for j, a in enumerate(t.anggota)]


def dari_unit_pemilik(unit: Unit, indeks: Indeks, t: TimKerja, m: AnggotaTim) -> bool | None:
    """True bila anggota berasal dari Unit Organisasi pemilik kinerja (kelompok yang pimpinan_unit-nya
    pemilik_kinerja tim, di berkas yang sama); None bila acuannya tidak terselesaikan."""
    if m.instansi is not None:
        return False
    hit = indeks.cari_kelompok(m.kelompok or "", unit)
    if hit is None:
        return None
    u2, k2 = hit
    return u2 is unit and k2.pimpinan_unit == t.pemilik_kinerja


@aturan("TK01", "warning", "Ketua tim lintas unit/instansi diutamakan dari Unit Organisasi pemilik kinerja",
        "Pasal 10 ayat (3); Lampiran B.3 huruf d", ("pasal-10-ayat-3", "lampiran-b-3-huruf-d"),
        interpretasi="Unit Organisasi pemilik kinerja = kelompok yang pimpinan_unit-nya adalah pemilik_kinerja tim. "
                     "'Diutamakan' bukan keharusan, maka tingkatnya peringatan.")
def tk01_ketua_dari_pemilik(unit: Unit, indeks: Indeks) -> Iterator[Lapor]:
    """Ketua tim yang anggotanya lintas unit/instansi diutamakan berasal dari Unit Organisasi pemilik kinerja."""
    for i, t in enumerate(unit.org.tim_kerja):
        lintas = [m for _, m in _anggota(t, i)[1:] if dari_unit_pemilik(unit, indeks, t, m) is False]
        if not lintas:
            continue
        if dari_unit_pemilik(unit, indeks, t, t.ketua) is False:
            asal = t.ketua.instansi or t.ketua.kelompok
            yield Lapor(("tim_kerja", i, "ketua"),
                        f"tim '{t.nama}' beranggota lintas unit/instansi, tetapi ketuanya ({t.ketua.jabatan}, {asal}) "
                        f"bukan dari Unit Organisasi pemilik kinerja ({unit.jabatan(t.pemilik_kinerja)})",
                        "tunjuk ketua dari kelompok yang pimpinan_unit-nya adalah pemilik_kinerja tim")


@aturan("TK02", "error", "pemilik_kinerja tim adalah Pimpinan Unit salah satu kelompok di berkas yang sama",
        "Pasal 15 ayat (2)", ("pasal-15-ayat-2",))
def tk02_pemilik_kinerja(unit: Unit, indeks: Indeks) -> Iterator[Lapor]:
    """Ketua tim melapor kepada Pimpinan Unit Organisasi pemilik kinerja (Pasal 15 ayat (2))."""
    pimpinan = {k.pimpinan_unit for k in unit.org.kelompok}
    for i, t in enumerate(unit.org.tim_kerja):
        if t.pemilik_kinerja in unit.posisi and t.pemilik_kinerja not in pimpinan:
            yield Lapor(("tim_kerja", i, "pemilik_kinerja"),
                        f"{unit.jabatan(t.pemilik_kinerja)} bukan Pimpinan Unit Organisasi kelompok mana pun di berkas ini",
                        "pilih salah satu: " + ", ".join(sorted(p for p in pimpinan if p)))


@aturan("TK03", "error", "Ketua dan anggota tim menunjuk kelompok yang ada dan jabatan yang ada di kelompok itu",
        "Pasal 10 ayat (2)", ("pasal-10-ayat-2",),
        interpretasi="Acuan kelompok yang tidak ada dilaporkan oleh SK01; TK03 memeriksa jabatannya.")
def tk03_jabatan_anggota(unit: Unit, indeks: Indeks) -> Iterator[Lapor]:
    """Penugasan melibatkan Pejabat Fungsional dan pelaksana yang memang ada (Pasal 10 ayat (2))."""
    for i, t in enumerate(unit.org.tim_kerja):
        for path, m in _anggota(t, i):
            hit = indeks.cari_kelompok(m.kelompok or "", unit) if m.kelompok else None
            if hit is None:
                continue
            u2, k2 = hit
            ada = [a.jabatan for a in k2.anggota]
            if m.jabatan not in ada:
                d = difflib.get_close_matches(m.jabatan, ada, n=1, cutoff=0.6)
                yield Lapor(path + ("jabatan",), f"jabatan '{m.jabatan}' tidak ada di kelompok '{m.kelompok}'",
                            (f"maksud Anda '{d[0]}'? " if d else "") + "jabatan di kelompok itu: " + ", ".join(ada))
