"""Katalog kosakata Perbup Dairi 18/2024: ``policy/data/katalog.yaml``, divalidasi saat dimuat.

Satu sumber untuk metadata peraturan (nomor, tanggal ditetapkan, mulai berlaku — Pasal 22),
masa berlaku setiap versi aturan pemeriksa, kedudukan (Lampiran B.1), struktur penugasan
(Lampiran B.2), mekanisme kerja (Lampiran A dan D, pola umum), prosedur penugasan, peran,
tahap, Gambar 1–32, nama tampil jenis jabatan/unit, dan tabel klasifikasi. Klasifikasi, alur
mekanisme, halaman situs, CLI dan tes membacanya; tidak ada daftar kode paralel di Python.

Dimuat sekali per proses (:func:`katalog`). Katalog lain — mis. tes dengan peraturan pengubah —
dipilih lewat variabel lingkungan ``POLICY_KATALOG`` sebelum proses mulai, atau di dalam proses
dengan ``with pakai(path): ...``. Katalog yang tidak sah menimbulkan :class:`KatalogTidakSah`
dengan ``berkas:baris:kolom`` setiap kesalahan.
"""
from __future__ import annotations

import difflib
import os
import re
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Iterator, Literal, Mapping

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .models import JENIS_JABATAN, JENIS_UNIT, JenisJabatan, JenisUnit
from .muat import muat_yaml, tampil_path

BAWAAN = Path(__file__).resolve().parent / "data" / "katalog.yaml"
#: variabel lingkungan yang menunjuk katalog lain (dibaca sekali, saat katalog pertama kali dipakai)
ENV = "POLICY_KATALOG"

Kode = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9-]*$", max_length=40)]
Kunci = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
Anchor = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=120)]
Teks = Annotated[str, Field(min_length=1, max_length=400)]
Nomor = Annotated[int, Field(ge=1)]
Tanggal = Annotated[date, Field(strict=False)]  # YAML menulisnya 2024-09-27 (teks), Pydantic mengurainya
#: pejabat yang mengisi lajur diagram, relatif terhadap kelompok
Rujukan = Literal["penilai", "pimpinan_unit", "pucuk", "atasan_penilai"]


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class BeritaDaerah(_M):
    tahun: Nomor
    nomor: Nomor


class Peraturan(_M):
    """Satu peraturan: Perbup ini atau peraturan yang mengubahnya."""

    id: Kode
    nama: Teks
    singkat: Teks
    nomor: Nomor
    tahun: Nomor
    judul: Teks
    ditetapkan: Tanggal
    diundangkan: Tanggal
    berlaku_mulai: Tanggal
    #: jangkar ketentuan mulai berlaku di naskah (mis. ``pasal-22``)
    dasar_berlaku: Anchor | None = None
    berita_daerah: BeritaDaerah | None = None


ParameterNilai = int | float | bool | str


class VersiAturan(_M):
    """Satu versi aturan pemeriksa: masa berlaku (hari pertama, hari terakhir) dan penetapnya."""

    id: Annotated[str, Field(pattern=r"^[A-Z]{2,5}[0-9]{2}$")]
    berlaku_mulai: Tanggal
    #: hari terakhir berlaku (inklusif); kosong = masih berlaku
    berlaku_sampai: Tanggal | None = None
    #: id peraturan yang menetapkan versi ini (``peraturan.id`` atau salah satu ``perubahan``)
    ditetapkan_oleh: Kode
    #: nilai yang diteruskan ke fungsi aturan yang menerima argumen ``param``
    parameter: dict[Kunci, ParameterNilai] = Field(default_factory=dict)
    #: judul versi ini bila berbeda dari judul di ``@aturan``
    judul: Teks | None = None

    def berlaku_pada(self, tanggal: date) -> bool:
        return self.berlaku_mulai <= tanggal and (self.berlaku_sampai is None or tanggal <= self.berlaku_sampai)


class Tahap(_M):
    kunci: Kunci
    judul: Teks
    anchor: Anchor


class Gambar(_M):
    nomor: Nomor
    anchor: Anchor
    #: keterangan gambar persis seperti di naskah
    keterangan: Teks


class Kedudukan(_M):
    kode: Kode
    gambar: Nomor | None
    anchor: Anchor
    judul: Teks


class StrukturPenugasan(_M):
    kode: Kode
    gambar: Nomor | None
    anchor: Anchor
    judul: Teks
    aktor: dict[Kunci, Rujukan] = Field(default_factory=dict)


class Mekanisme(_M):
    kode: Kode
    jenis: Literal["alur_umum", "contoh", "pola_umum"]
    judul: Teks
    keterangan: Teks
    anchor: Anchor
    #: judul pendek untuk menu dan laporan, mis. "M2 · Administrator menilai dan menugaskan"
    label: Teks | None = None
    gambar: Nomor | None = None
    #: nomor contoh Lampiran D
    lampiran_d: Nomor | None = None
    struktur: Kode | None = None
    #: halaman situs relatif docs/ (mekanisme tanpa halaman tidak didaftar di situs)
    halaman: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_/-]*\.md$", max_length=120)] | None = None
    aktor: dict[Kunci, Rujukan] = Field(default_factory=dict)

    @property
    def interpretasi(self) -> bool:
        """Pola umum: disusun dari Lampiran A dan B.2 karena Lampiran D tidak memberi contohnya."""
        return self.jenis == "pola_umum"


class Prosedur(_M):
    """Prosedur penugasan Lampiran B.2 (Gambar 18–22). ``cara`` dan ``lingkup`` memilih prosedur untuk
    satu pasangan pemilik kinerja–pegawai (:mod:`policy.rute`); ``penyetuju`` adalah peran yang
    menyetujui pelibatan dan menyusun/menandatangani surat penugasan; ``surat_permohonan``: muatan
    minimal surat permohonan pelibatan (``lampiran-b-2-surat-permohonan``) berlaku."""

    kode: Kode
    gambar: Nomor
    anchor: Anchor
    judul: Teks
    cara: Literal["penunjukan", "sukarela"]
    lingkup: Literal["dalam_unit", "lintas_unit", "lintas_instansi"]
    penyetuju: Kunci
    surat_permohonan: bool = False


_Satu = JenisJabatan | list[JenisJabatan]


class Syarat(_M):
    """Syarat satu baris tabel klasifikasi (semua yang diisi harus terpenuhi).

    P = penilai, U = pimpinan_unit, T = pucuk struktur.
    """

    setda: bool | None = None
    kedalaman_lebih_dari: int | None = None
    level_penilai: Nomor | list[Nomor] | None = None
    level_pimpinan: Nomor | list[Nomor] | None = None
    jenis_penilai: _Satu | None = None
    jenis_pimpinan: _Satu | None = None
    jenis_pucuk: _Satu | None = None
    #: P = T
    penilai_adalah_pucuk: bool | None = None
    #: P = U
    penilai_adalah_pimpinan: bool | None = None
    #: U ≠ P dan atasan U adalah P
    pimpinan_bawahan_langsung: bool | None = None
    #: ada jabatan berjenis ini di struktur unit
    struktur_memuat: JenisJabatan | None = None

    def terisi(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


#: syarat yang menyebut Pimpinan Unit (tidak boleh di tabel kedudukan: kedudukan hanya bergantung pada P dan T)
SYARAT_PIMPINAN = ("level_pimpinan", "jenis_pimpinan", "penilai_adalah_pimpinan", "pimpinan_bawahan_langsung")


class BarisKedudukan(_M):
    jika: Syarat
    kedudukan: Kode
    dasar: Anchor


class BarisPenugasan(_M):
    """Satu baris: syarat → mekanisme (struktur penugasan = ``struktur`` mekanisme itu)."""

    jika: Syarat
    mekanisme: Kode
    dasar: Anchor


class TabelKlasifikasi(_M):
    kedudukan: list[BarisKedudukan]
    penugasan: Annotated[list[BarisPenugasan], Field(min_length=1)]


class BerkasKatalog(_M):
    """Isi ``katalog.yaml``."""

    peraturan: Peraturan
    perubahan: list[Peraturan] = Field(default_factory=list)
    aturan: list[VersiAturan]
    jenis_jabatan: dict[JenisJabatan, Teks]
    jenis_unit: dict[JenisUnit, Teks]
    peran: dict[Kunci, Teks]
    tahap: list[Tahap]
    gambar: list[Gambar]
    kedudukan: list[Kedudukan]
    struktur_penugasan: list[StrukturPenugasan]
    aktor_bawaan: dict[Kunci, Rujukan]
    mekanisme: list[Mekanisme]
    prosedur: list[Prosedur]
    klasifikasi: TabelKlasifikasi


class KatalogTidakSah(ValueError):
    """Katalog tidak dapat dimuat; ``pesan`` berisi baris ``berkas:baris:kolom: ...``."""

    def __init__(self, pesan: list[str]):
        self.pesan = pesan
        super().__init__("katalog tidak sah:\n" + "\n".join(pesan))


class Katalog:
    """Katalog tervalidasi dengan indeks per kode."""

    def __init__(self, isi: BerkasKatalog, file: str):
        self.isi = isi
        self.file = file
        self.peraturan = isi.peraturan
        #: Perbup ini dan peraturan pengubahnya menurut id
        self.peraturan_semua: dict[str, Peraturan] = {p.id: p for p in (isi.peraturan, *isi.perubahan)}
        self.kedudukan: dict[str, Kedudukan] = {k.kode: k for k in isi.kedudukan}
        self.struktur: dict[str, StrukturPenugasan] = {s.kode: s for s in isi.struktur_penugasan}
        self.mekanisme: dict[str, Mekanisme] = {m.kode: m for m in isi.mekanisme}
        #: nomor gambar → prosedur penugasan
        self.prosedur: dict[int, Prosedur] = {p.gambar: p for p in isi.prosedur}
        self.gambar: dict[int, Gambar] = {g.nomor: g for g in isi.gambar}
        self.peran: dict[str, str] = dict(isi.peran)
        self.tahap: dict[str, Tahap] = {t.kunci: t for t in isi.tahap}
        self.jenis_jabatan: dict[str, str] = dict(isi.jenis_jabatan)
        self.jenis_unit: dict[str, str] = dict(isi.jenis_unit)
        self.aktor_bawaan: dict[str, str] = dict(isi.aktor_bawaan)
        self.klasifikasi = isi.klasifikasi
        #: kode mekanisme yang punya halaman situs, dalam urutan katalog
        self.kode_mekanisme: tuple[str, ...] = tuple(m.kode for m in isi.mekanisme if m.halaman)
        self._gambar_mekanisme = {m.gambar: m.kode for m in isi.mekanisme if m.gambar is not None}
        self._versi: dict[str, list[VersiAturan]] = {}
        for v in isi.aturan:
            self._versi.setdefault(v.id, []).append(v)

    # -- mekanisme dan gambar ------------------------------------------------------------------

    def mekanisme_gambar(self, nomor: int) -> str | None:
        """Kode mekanisme yang digambarkan Gambar ``nomor`` (1, 23–32), atau None."""
        return self._gambar_mekanisme.get(nomor)

    @property
    def gambar_mekanisme(self) -> dict[int, str]:
        """Nomor gambar → kode mekanisme."""
        return dict(self._gambar_mekanisme)

    def isi_gambar(self, nomor: int) -> tuple[str, str]:
        """Apa yang digambarkan Gambar ``nomor``: (bagian katalog, kode), mis. ``("kedudukan", "a1")``."""
        for bagian, daftar in (("kedudukan", self.isi.kedudukan), ("struktur_penugasan", self.isi.struktur_penugasan),
                               ("mekanisme", self.isi.mekanisme), ("prosedur", self.isi.prosedur)):
            for x in daftar:
                if x.gambar == nomor:
                    return bagian, x.kode
        raise KeyError(f"Gambar {nomor} tidak ada di katalog")

    def kode_jenis(self, jenis: str) -> tuple[str, ...]:
        """Kode mekanisme berjenis ``jenis`` (``contoh``, ``pola_umum``, ``alur_umum``) dalam urutan katalog."""
        return tuple(m.kode for m in self.isi.mekanisme if m.jenis == jenis)

    def pola_umum(self, struktur: str) -> Mekanisme:
        """Pola umum untuk struktur penugasan ``struktur`` (huruf a, b, c)."""
        for m in self.isi.mekanisme:
            if m.jenis == "pola_umum" and m.struktur == struktur:
                return m
        raise KeyError(f"tidak ada pola umum untuk struktur penugasan {struktur!r}")

    def mekanisme_contoh(self, angka: int) -> Mekanisme:
        """Mekanisme contoh Lampiran D angka ``angka``."""
        for m in self.isi.mekanisme:
            if m.lampiran_d == angka:
                return m
        raise KeyError(f"tidak ada contoh Lampiran D angka {angka}")

    def label(self, kode: str) -> str:
        """Judul pendek mekanisme (menu situs, laporan PR); kode itu sendiri bila tidak ada."""
        m = self.mekanisme.get(kode)
        return m.label if m is not None and m.label else kode

    def aktor(self, pejabat: Mapping[str, object | None], struktur: str | None, mekanisme: str | None) -> dict[str, object]:
        """Pejabat yang mengisi setiap lajur diagram sebuah kelompok (Lampiran A/D; Pasal 1 angka 25–26).

        ``pejabat`` memetakan rujukan (``penilai``, ``pimpinan_unit``, ``pucuk``, ``atasan_penilai``) ke
        pejabatnya atau None. Urutan: ``aktor_bawaan``, ditimpa ``aktor`` struktur penugasan, lalu ``aktor``
        mekanisme; peta penimpa yang merujuk pejabat yang tidak ada dilewati seluruhnya, agar lajur tetap
        berpasangan. Hasil: peran → pejabat.
        """
        hasil: dict[str, object] = {}
        s, m = self.struktur.get(struktur or ""), self.mekanisme.get(mekanisme or "")
        for peta in (self.aktor_bawaan, s.aktor if s else {}, m.aktor if m else {}):
            isi = {peran: pejabat.get(rujukan) for peran, rujukan in peta.items()}
            if None in isi.values() and peta is not self.aktor_bawaan:
                continue
            hasil.update((peran, p) for peran, p in isi.items() if p is not None)
        return hasil

    def halaman_mekanisme(self, kode: str) -> str:
        """Path halaman mekanisme relatif docs/ (``M3`` → ``mekanisme/m03.md``)."""
        m = self.mekanisme.get(kode)
        if m is not None and m.halaman:
            return m.halaman
        return f"mekanisme/{kode}.md"

    # -- aturan dan tanggal berlaku ------------------------------------------------------------

    def versi_aturan(self, id: str) -> list[VersiAturan]:
        """Semua versi aturan ``id`` menurut tanggal mulai; kosong bila tidak tercatat."""
        return sorted(self._versi.get(id, ()), key=lambda v: v.berlaku_mulai)

    def tercatat(self, id: str) -> bool:
        return id in self._versi

    def versi_berlaku(self, id: str, tanggal: date) -> VersiAturan | None:
        """Versi aturan ``id`` yang berlaku pada ``tanggal``, atau None."""
        for v in self._versi.get(id, ()):
            if v.berlaku_pada(tanggal):
                return v
        return None

    def penetap(self, versi: VersiAturan) -> Peraturan:
        return self.peraturan_semua[versi.ditetapkan_oleh]

    def sebelum_berlaku(self, tanggal: date) -> str | None:
        """Pesan bila ``tanggal`` sebelum Perbup berlaku (tidak ada aturan untuk diperiksa)."""
        p = self.peraturan
        if tanggal >= p.berlaku_mulai:
            return None
        return (f"tanggal {tanggal.isoformat()} sebelum {p.singkat} berlaku: peraturan ini mulai berlaku "
                f"{tanggal_id(p.berlaku_mulai)}, jadi belum ada aturan yang dapat diperiksa; "
                f"gunakan --tanggal {p.berlaku_mulai.isoformat()} atau sesudahnya")


def tanggal_id(t: date) -> str:
    """``date(2024, 9, 27)`` → "27 September 2024"."""
    from .peraturan import BULAN

    return f"{t.day} {BULAN[t.month - 1]} {t.year}"


# ---------------------------------------------------------------------------------------------
# Pemeriksaan silang (setelah bentuk lolos Pydantic); setiap kesalahan menunjuk jalurnya
# ---------------------------------------------------------------------------------------------


def _dekat(nilai: object, pilihan) -> str:
    d = difflib.get_close_matches(str(nilai), [str(p) for p in pilihan], n=1, cutoff=0.5)
    return f" (maksud Anda '{d[0]}'?)" if d else ""


def _periksa_silang(k: BerkasKatalog) -> Iterator[tuple[tuple, str]]:
    """(jalur, pesan) untuk setiap rujukan yang putus atau kode ganda."""

    def ganda(bagian: str, kunci: str, daftar) -> Iterator[tuple[tuple, str]]:
        lihat: dict = {}
        for i, x in enumerate(daftar):
            v = getattr(x, kunci)
            if v in lihat:
                yield (bagian, i, kunci), f"{kunci} '{v}' dipakai dua kali di {bagian} (juga butir ke-{lihat[v] + 1})"
            else:
                lihat[v] = i

    yield from ganda("gambar", "nomor", k.gambar)
    yield from ganda("gambar", "anchor", k.gambar)
    yield from ganda("kedudukan", "kode", k.kedudukan)
    yield from ganda("struktur_penugasan", "kode", k.struktur_penugasan)
    yield from ganda("mekanisme", "kode", k.mekanisme)
    yield from ganda("mekanisme", "halaman", [m for m in k.mekanisme if m.halaman])
    yield from ganda("prosedur", "kode", k.prosedur)
    yield from ganda("tahap", "kunci", k.tahap)
    yield from ganda("perubahan", "id", [k.peraturan, *k.perubahan])

    for bagian, sah in (("jenis_jabatan", JENIS_JABATAN), ("jenis_unit", JENIS_UNIT)):
        kurang = [j for j in sah if j not in getattr(k, bagian)]
        if kurang:
            yield (bagian,), f"nama tampil belum ada untuk: {', '.join(kurang)}"

    # gambar: setiap rujukan ada, setiap gambar dirujuk tepat sekali
    nomor_ada = {g.nomor for g in k.gambar}
    dirujuk: dict[int, tuple] = {}
    for bagian, daftar in (("kedudukan", k.kedudukan), ("struktur_penugasan", k.struktur_penugasan),
                           ("mekanisme", k.mekanisme), ("prosedur", k.prosedur)):
        for i, x in enumerate(daftar):
            if x.gambar is None:
                continue
            if x.gambar not in nomor_ada:
                yield (bagian, i, "gambar"), f"Gambar {x.gambar} tidak ada di bagian 'gambar'"
            elif x.gambar in dirujuk:
                b0, i0 = dirujuk[x.gambar]
                yield (bagian, i, "gambar"), f"Gambar {x.gambar} sudah dirujuk {b0} butir ke-{i0 + 1}"
            else:
                dirujuk[x.gambar] = (bagian, i)
    for i, g in enumerate(k.gambar):
        if g.nomor not in dirujuk:
            yield ("gambar", i, "nomor"), (f"Gambar {g.nomor} tidak digambarkan oleh kedudukan, struktur penugasan, "
                                           "mekanisme atau prosedur mana pun")

    peran = set(k.peran)
    for i, pr in enumerate(k.prosedur):
        if pr.penyetuju not in peran:
            yield ("prosedur", i, "penyetuju"), f"peran '{pr.penyetuju}' tidak ada di bagian 'peran'{_dekat(pr.penyetuju, peran)}"
    pasangan: dict[tuple[str, str], int] = {}
    for i, pr in enumerate(k.prosedur):
        if (pr.cara, pr.lingkup) in pasangan:
            yield (("prosedur", i, "lingkup"),
                   f"cara '{pr.cara}' lingkup '{pr.lingkup}' sudah dipakai prosedur butir ke-{pasangan[(pr.cara, pr.lingkup)] + 1}")
        pasangan.setdefault((pr.cara, pr.lingkup), i)
    for kunci in k.aktor_bawaan:
        if kunci not in peran:
            yield ("aktor_bawaan", kunci), f"peran '{kunci}' tidak ada di bagian 'peran'{_dekat(kunci, peran)}"
    struktur = {s.kode for s in k.struktur_penugasan}
    for i, s in enumerate(k.struktur_penugasan):
        for kunci in s.aktor:
            if kunci not in peran:
                yield ("struktur_penugasan", i, "aktor", kunci), f"peran '{kunci}' tidak ada di bagian 'peran'{_dekat(kunci, peran)}"
    for i, m in enumerate(k.mekanisme):
        for kunci in m.aktor:
            if kunci not in peran:
                yield ("mekanisme", i, "aktor", kunci), f"peran '{kunci}' tidak ada di bagian 'peran'{_dekat(kunci, peran)}"
        if m.struktur is not None and m.struktur not in struktur:
            yield ("mekanisme", i, "struktur"), (f"struktur penugasan '{m.struktur}' tidak ada"
                                                 f"{_dekat(m.struktur, struktur)}; pilihan: {', '.join(sorted(struktur))}")
        wajib = {"contoh": ("label", "halaman", "struktur", "lampiran_d", "gambar"),
                 "pola_umum": ("label", "halaman", "struktur")}.get(m.jenis, ())
        for kolom in wajib:
            if getattr(m, kolom) is None:
                yield ("mekanisme", i), f"mekanisme {m.kode} ({m.jenis}) wajib mengisi '{kolom}'"

    # tabel klasifikasi
    kedudukan = {x.kode for x in k.kedudukan}
    for i, b in enumerate(k.klasifikasi.kedudukan):
        if b.kedudukan not in kedudukan:
            yield ("klasifikasi", "kedudukan", i, "kedudukan"), f"kedudukan '{b.kedudukan}' tidak ada{_dekat(b.kedudukan, kedudukan)}"
        for s in SYARAT_PIMPINAN:
            if getattr(b.jika, s) is not None:
                yield ("klasifikasi", "kedudukan", i, "jika", s), (f"syarat '{s}' tidak dipakai untuk kedudukan: kedudukan "
                                                                   "hanya bergantung pada penilai dan pucuk struktur")
    berhalaman = {m.kode for m in k.mekanisme if m.halaman and m.struktur}
    for i, b in enumerate(k.klasifikasi.penugasan):
        if b.mekanisme not in berhalaman:
            yield ("klasifikasi", "penugasan", i, "mekanisme"), (f"mekanisme '{b.mekanisme}' tidak ada (atau tanpa halaman/"
                                                                 f"struktur){_dekat(b.mekanisme, berhalaman)}")
    terakhir = k.klasifikasi.penugasan[-1]
    if terakhir.jika.terisi():
        yield (("klasifikasi", "penugasan", len(k.klasifikasi.penugasan) - 1, "jika"),
               "baris terakhir tabel penugasan harus tanpa syarat (jika: {}) agar setiap kelompok mendapat mekanisme")

    # aturan: penetap ada, masa berlaku masuk akal dan tidak tumpang tindih
    ids = {p.id: p for p in (k.peraturan, *k.perubahan)}
    per_id: dict[str, list[tuple[int, VersiAturan]]] = {}
    for i, v in enumerate(k.aturan):
        p = ids.get(v.ditetapkan_oleh)
        if p is None:
            yield ("aturan", i, "ditetapkan_oleh"), (f"peraturan '{v.ditetapkan_oleh}' tidak ada di 'peraturan' atau "
                                                     f"'perubahan'{_dekat(v.ditetapkan_oleh, ids)}")
        elif v.berlaku_mulai < p.berlaku_mulai:
            yield ("aturan", i, "berlaku_mulai"), (f"{v.id} berlaku mulai {v.berlaku_mulai} sebelum {p.singkat} "
                                                   f"berlaku ({p.berlaku_mulai})")
        if v.berlaku_sampai is not None and v.berlaku_sampai < v.berlaku_mulai:
            yield ("aturan", i, "berlaku_sampai"), f"{v.id}: berlaku_sampai {v.berlaku_sampai} sebelum berlaku_mulai {v.berlaku_mulai}"
        per_id.setdefault(v.id, []).append((i, v))
    for id_, daftar in per_id.items():
        urut = sorted(daftar, key=lambda x: x[1].berlaku_mulai)
        for (_, a), (j, b) in zip(urut, urut[1:]):
            if a.berlaku_sampai is None or a.berlaku_sampai >= b.berlaku_mulai:
                yield ("aturan", j, "berlaku_mulai"), (f"dua versi {id_} berlaku bersamaan mulai {b.berlaku_mulai}: "
                                                       "isi berlaku_sampai versi sebelumnya dengan hari sebelum versi ini berlaku")


# ---------------------------------------------------------------------------------------------
# Pemuatan
# ---------------------------------------------------------------------------------------------


def _jalur(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(berkas)"


def _pesan_validasi(dok, err: ValidationError, kolom: list[str] | None = None) -> list[str]:
    """Kesalahan Pydantic → ``berkas:baris:kolom: pesan``. ``kolom``: nama kolom sah untuk saran salah ketik.
    Bagian lokasi yang bukan kunci berkas (tag union ``@...``, nama validator) dibuang."""
    urut: list[tuple[str, object]] = []  # ("teks", baris) atau ("nilai", kunci tempat)
    arti: dict[tuple, list[str]] = {}  # pilihan union di tempat yang sama digabung: "... atau ..."
    for e in err.errors(include_url=False):
        loc = tuple(x for x in e["loc"] if not (isinstance(x, str) and _BUKAN_KUNCI.match(x)))
        if e["type"] == "extra_forbidden":
            line, col = dok.posisi_kunci(loc)
            urut.append(("teks", f"{dok.file}:{line}:{col}: kolom '{loc[-1]}' tidak dikenal di {_jalur(loc[:-1])}"
                                 + (_dekat(loc[-1], kolom) if kolom else "")))
        elif e["type"] == "missing":
            line, col = dok.posisi(loc[:-1])
            urut.append(("teks", f"{dok.file}:{line}:{col}: kolom wajib '{loc[-1]}' tidak ada di {_jalur(loc[:-1])}"))
        else:
            line, col = dok.posisi(loc)
            kunci = (line, col, _jalur(loc), repr(e.get("input")))
            if kunci not in arti:
                arti[kunci] = []
                urut.append(("nilai", kunci))
            if _arti(e) not in arti[kunci]:
                arti[kunci].append(_arti(e))

    def baris(jenis: str, isi) -> str:
        if jenis == "teks":
            return isi
        line, col, jalur, masukan = isi
        a = arti[isi]
        return f"{dok.file}:{line}:{col}: {jalur}: {' atau '.join([a[0], *(x.removeprefix('harus ') for x in a[1:])])} " \
               f"(nilai: {masukan})"

    return list(dict.fromkeys(baris(j, x) for j, x in urut))


#: bagian lokasi Pydantic yang bukan kunci berkas: tag union (``@...``), nama validator atau tipe anggota union
_BUKAN_KUNCI = re.compile(r"^(@.*|.*\[.*|function-\w+|constrained-\w+|int|str|bool|float|list|dict)$")


def _arti(e: dict) -> str:
    """Pesan Pydantic yang sering muncul dalam Bahasa Indonesia; selain itu pesan aslinya."""
    c = e.get("ctx") or {}
    arti = {
        "string_type": "harus teks",
        "int_type": "harus bilangan bulat",
        "int_parsing": "harus bilangan bulat",
        "bool_type": "harus true atau false",
        "list_type": "harus daftar, mis. [a, b]",
        "dict_type": "harus pemetaan (kolom: nilai)",
        "model_type": "harus pemetaan (kolom: nilai)",
        "string_pattern_mismatch": f"bentuknya tidak sah (pola {c.get('pattern')})",
        "string_too_short": "tidak boleh kosong",
        "string_too_long": f"terlalu panjang (paling banyak {c.get('max_length')} karakter)",
        "too_short": f"paling sedikit {c.get('min_length')} butir",
        "greater_than_equal": f"paling kecil {c.get('ge')}",
        "less_than_equal": f"paling besar {c.get('le')}",
        "literal_error": f"harus salah satu dari: {c.get('expected')}",
        "enum": f"harus salah satu dari: {c.get('expected')}",
    }
    return arti.get(e["type"], e["msg"])


def muat(path: Path | str) -> Katalog:
    """Muat dan validasi satu berkas katalog (tanpa cache)."""
    p = Path(path)
    rel = os.path.relpath(p) if p.is_absolute() else str(p)
    file = tampil_path(p if rel.startswith("..") else rel)
    dok = muat_yaml(p, file)
    if dok.data is None:
        raise KatalogTidakSah([f"{t.file}:{t.line}:{t.col}: {t.message}" + (f" ({t.hint})" if t.hint else "")
                               for t in dok.temuan])
    try:
        isi = BerkasKatalog.model_validate(dok.data)
    except ValidationError as err:
        raise KatalogTidakSah(_pesan_validasi(dok, err)) from None
    salah = []
    for jalur, pesan in _periksa_silang(isi):
        line, col = dok.posisi(jalur)
        salah.append(f"{file}:{line}:{col}: {pesan}")
    if salah:
        raise KatalogTidakSah(salah)
    return Katalog(isi, file)


_aktif: Katalog | None = None


def katalog() -> Katalog:
    """Katalog yang berlaku di proses ini (bawaan ``policy/data/katalog.yaml``; lihat ``POLICY_KATALOG``)."""
    global _aktif
    if _aktif is None:
        _aktif = muat(os.environ.get(ENV) or BAWAAN)
    return _aktif


@contextmanager
def pakai(path: Path | str) -> Iterator[Katalog]:
    """Pakai katalog ``path`` di dalam blok ``with`` (tes); katalog sebelumnya dipulihkan sesudahnya.

    Nama turunan yang dihitung saat impor modul (mis. ``mekanisme.PERAN``) tidak ikut berubah;
    pemilihan aturan menurut tanggal dan klasifikasi membaca katalog setiap kali dipanggil.
    """
    global _aktif
    lama = _aktif
    _aktif = muat(path)
    try:
        yield _aktif
    finally:
        _aktif = lama
