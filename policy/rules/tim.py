"""Aturan tim kerja (TK01–TK07): Pasal 10, Pasal 15; Lampiran B.2 dan B.3."""
from __future__ import annotations

import difflib
from datetime import date
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


# ---------------------------------------------------------------------------------------------
# Dasar penugasan anggota dari Unit Organisasi/instansi lain (Lampiran B.2 huruf a angka 2–3, huruf b angka 2)

_B2_PERMOHONAN = ("lampiran-b-2-penunjukan-2", "lampiran-b-2-penunjukan-3", "lampiran-b-2-pengajuan-sukarela-2")


def _lintas(unit: Unit, indeks: Indeks, t: TimKerja, i: int) -> Iterator[tuple[tuple, AnggotaTim]]:
    """Ketua/anggota dari luar Unit Organisasi pemilik kinerja (kelompok lain atau instansi lain)."""
    for path, m in _anggota(t, i):
        if dari_unit_pemilik(unit, indeks, t, m) is False:
            yield path, m


@aturan("TK04", "warning", "Anggota tim dari Unit Organisasi atau instansi lain mencatat dasar penugasannya",
        "Lampiran B.2 huruf a angka 2–3, huruf b angka 2", _B2_PERMOHONAN,
        interpretasi="Pelibatan lintas Unit Organisasi/instansi dilakukan lewat surat permohonan pelibatan yang "
                     "disetujui; berkas org mencatatnya sebagai dasar_penugasan (nomor dan tanggal surat, jabatan "
                     "penyetuju, masa). Tanpa catatan itu dasar penugasannya tidak terlihat, maka tingkatnya peringatan.")
def tk04_dasar_penugasan_ada(unit: Unit, indeks: Indeks) -> Iterator[Lapor]:
    """Anggota lintas Unit Organisasi/instansi ditugaskan berdasarkan surat permohonan pelibatan (Lampiran B.2)."""
    for i, t in enumerate(unit.org.tim_kerja):
        for path, m in _lintas(unit, indeks, t, i):
            if m.dasar_penugasan is None:
                asal = f"instansi {m.instansi}" if m.instansi else f"kelompok {m.kelompok}"
                yield Lapor(path, f"{m.jabatan} ({asal}) di tim '{t.nama}' berasal dari luar Unit Organisasi pemilik "
                                  "kinerja, tetapi dasar penugasannya tidak dicatat",
                            "tambahkan dasar_penugasan: {nomor_surat, tanggal, penyetuju, mulai, selesai} "
                            "(python -m policy rute menunjukkan siapa penyetujunya)")


@aturan("TK05", "error", "Penyetuju dasar penugasan adalah pejabat yang ditentukan rute penugasan",
        "Lampiran B.2 huruf a angka 2 butir c), huruf b angka 2 butir c",
        ("lampiran-b-2-penunjukan-2-huruf-c", "lampiran-b-2-pengajuan-sukarela-2-huruf-c"),
        interpretasi="Penyetuju = Pejabat Penilai Kinerja kelompok tempat pegawai berada, yang menyetujui dan "
                     "menyusun surat penugasan (penunjukan: Gambar 19; pengajuan sukarela: Gambar 22), ditulis "
                     "'<berkas>/<struktur-id>'. Penyetuju di instansi lain tidak tercatat di berkas org, maka tidak diperiksa.")
def tk05_penyetuju(unit: Unit, indeks: Indeks) -> Iterator[Lapor]:
    """Surat penugasan lintas Unit Organisasi disusun oleh Pejabat Penilai Kinerja tempat pegawai berada."""
    from ..rute import penyetuju_wajib

    for i, t in enumerate(unit.org.tim_kerja):
        for path, m in _lintas(unit, indeks, t, i):
            d = m.dasar_penugasan
            if d is None or m.kelompok is None:
                continue
            wajib = penyetuju_wajib(indeks, unit, t.pemilik_kinerja, m.kelompok)
            if wajib and d.penyetuju not in wajib:
                yield Lapor(path + ("dasar_penugasan", "penyetuju"),
                            f"penyetuju '{d.penyetuju}' bukan pejabat yang menyetujui pelibatan dari kelompok "
                            f"'{m.kelompok}' menurut Lampiran B.2",
                            "tulis penyetuju: " + " atau ".join(sorted(wajib)))


@aturan("TK06", "warning", "Masa penugasan anggota lintas unit/instansi belum berakhir pada tanggal pemeriksaan",
        "Lampiran B.2 huruf f; muatan surat permohonan pelibatan angka 4",
        ("lampiran-b-2-ketentuan-huruf-f", "lampiran-b-2-surat-permohonan-angka-4"),
        interpretasi="Penugasan dilaksanakan dalam waktu tertentu (durasi pelibatan di surat permohonan). Anggota "
                     "yang masa penugasannya berakhir sebelum tanggal pemeriksaan (check --tanggal, bawaan hari ini) "
                     "dilaporkan agar diperpanjang dengan surat baru atau dikeluarkan dari tim.")
def tk06_penugasan_berakhir(unit: Unit, indeks: Indeks, tanggal: date) -> Iterator[Lapor]:
    """Penugasan dalam waktu tertentu (Lampiran B.2 huruf f): masa yang sudah lewat dilaporkan."""
    hari = tanggal.isoformat()
    for i, t in enumerate(unit.org.tim_kerja):
        for path, m in _anggota(t, i):
            d = m.dasar_penugasan
            if d is not None and d.selesai < hari:
                yield Lapor(path + ("dasar_penugasan", "selesai"),
                            f"penugasan berakhir: masa penugasan {m.jabatan} di tim '{t.nama}' (surat {d.nomor_surat}) "
                            f"selesai {d.selesai}, sebelum {hari}",
                            "perpanjang dengan surat permohonan pelibatan baru, atau keluarkan dari tim")


@aturan("TK07", "warning", "Masa penugasan anggota tidak melampaui masa kerja tim",
        "Lampiran B.2 huruf f; muatan surat permohonan pelibatan angka 4",
        ("lampiran-b-2-ketentuan-huruf-f", "lampiran-b-2-surat-permohonan-angka-4"),
        interpretasi="Durasi pelibatan dimohon untuk kinerja tim itu; masa penugasan yang mulai sebelum atau "
                     "berakhir sesudah masa tim (mulai/selesai tim, bila dicatat) lebih panjang dari yang dibutuhkan.")
def tk07_masa_dalam_masa_tim(unit: Unit, indeks: Indeks) -> Iterator[Lapor]:
    """Durasi pelibatan (Lampiran B.2, muatan surat permohonan angka 4) sesuai masa kerja tim."""
    for i, t in enumerate(unit.org.tim_kerja):
        for path, m in _anggota(t, i):
            d = m.dasar_penugasan
            if d is None:
                continue
            if t.mulai is not None and d.mulai < t.mulai:
                yield Lapor(path + ("dasar_penugasan", "mulai"),
                            f"masa penugasan {m.jabatan} mulai {d.mulai}, sebelum tim '{t.nama}' mulai {t.mulai}",
                            f"mulai paling awal {t.mulai}")
            if t.selesai is not None and d.selesai > t.selesai:
                yield Lapor(path + ("dasar_penugasan", "selesai"),
                            f"masa penugasan {m.jabatan} selesai {d.selesai}, sesudah tim '{t.nama}' selesai {t.selesai}",
                            f"selesai paling lambat {t.selesai}")
