"""Rute penugasan untuk satu pasangan: Pimpinan Unit Organisasi pemilik kinerja dan pegawai yang
dibutuhkan (kelompok di berkas org, atau instansi lain) — Lampiran B.2 huruf a dan b (Gambar 18–22).

Lingkup ditentukan dari berkas org (:func:`lingkup`), prosedur dipilih dari katalog menurut
``cara`` + ``lingkup`` (bagian ``prosedur`` di ``policy/data/katalog.yaml``), lalu langkah
prosedur dari berkas alur (``docs/peraturan/alur/``) diisi nama jabatan kedua pihak.

Bacaan atas teks yang ambigu dinyatakan sebagai kalimat interpretasi (:data:`INTERPRETASI`), dan
penolakan adalah :class:`~policy.temuan.Temuan` aturan tahap ``rute`` (RT01, RT02) di registri aturan.
"""
from __future__ import annotations

import copy
import difflib
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .domain import Indeks, Unit, muat_semua
from .katalog import katalog
from .rules.registry import ATURAN, Lapor, aturan
from .temuan import Temuan

LINGKUP = {
    "dalam_unit": "di dalam Unit Organisasi",
    "lintas_unit": "lintas Unit Organisasi",
    "lintas_instansi": "lintas instansi",
}
CARA = ("penunjukan", "sukarela")

#: Kalimat interpretasi atas teks yang ambigu, per peran yang diisi dengan bacaan itu.
INTERPRETASI: dict[str, str] = {
    "ppk_pemilik": (
        "'Pejabat Penilai Kinerja bersangkutan' yang menerima tembusan surat permohonan pelibatan (Lampiran B.2 "
        "huruf a angka 2 butir a) dan angka 3) dibaca sebagai Pejabat Penilai Kinerja pihak pemohon, yaitu "
        "penilai kelompok yang Pimpinan Unit Organisasi-nya adalah pemilik kinerja, karena Pejabat Penilai "
        "Kinerja tempat pegawai berada sudah menjadi penerima surat itu."),
    "pejabat_berwenang": (
        "Perbup tidak menyebut siapa 'Pejabat yang Berwenang' di Pemerintah Kabupaten Dairi (Lampiran B.2 "
        "huruf a angka 3). Dibaca sebagai Sekretaris Daerah (pucuk berkas Sekretariat Daerah), pejabat yang "
        "menerima pendelegasian kewenangan manajemen ASN dari Bupati selaku Pejabat Pembina Kepegawaian; "
        "bila Bupati menetapkan pejabat lain, ubah bacaan ini."),
    "ppk": (
        "'Pejabat Penilai Kinerja' yang menerima surat permohonan yang telah disetujui dan menyusun surat "
        "penugasan pada pengajuan sukarela lintas Unit Organisasi (Lampiran B.2 huruf b angka 2 butir b–c) "
        "dibaca sebagai Pejabat Penilai Kinerja pegawai itu sendiri (penilai kelompoknya)."),
    "dituju_instansi": (
        "Pejabat di instansi lain tidak tercatat di berkas org; namanya ditulis menurut sebutan Lampiran B.2 "
        "huruf a angka 3 dengan nama instansinya."),
}


class RuteTidakDikenal(Exception):
    """Berkas, posisi atau kelompok tidak ada (exit 2); ``saran`` adalah nama sah terdekat."""

    def __init__(self, pesan: str, saran: str = "") -> None:
        super().__init__(pesan)
        self.pesan = pesan
        self.saran = saran


@dataclass(frozen=True)
class Pejabat:
    """Kantor yang mengisi satu peran: nama jabatan dari berkas org (``acuan`` = ``berkas/struktur-id``)."""

    peran: str
    jabatan: str
    unit: str
    acuan: str | None = None
    interpretasi: str | None = None

    def as_json(self) -> dict:
        return {"peran": self.peran, "label": katalog().peran.get(self.peran, self.peran), "jabatan": self.jabatan,
                "unit": self.unit, "acuan": self.acuan, "interpretasi": self.interpretasi}

    @property
    def tampil(self) -> str:
        return f"{self.jabatan} ({self.unit})" if self.unit and self.unit not in self.jabatan else self.jabatan


def penolakan_json(t: Temuan) -> dict:
    """Penolakan dalam kontrak JSON ``rute`` (kunci ``temuan``): ID, judul, pesan, saran, dasar, jangkar."""
    a = ATURAN[t.rule]
    return {"id": t.rule, "judul": a.judul, "pesan": t.message, "saran": t.hint, "basis": t.basis,
            "jangkar": list(a.anchors)}


@dataclass
class Pihak:
    """Sisi pegawai: satu kelompok di berkas org, atau instansi lain (``instansi``)."""

    unit: Unit | None = None
    kelompok: str | None = None
    instansi: str | None = None

    @property
    def acuan(self) -> str:
        return f"instansi:{self.instansi}" if self.instansi is not None else f"{self.unit.id}/{self.kelompok}"


@dataclass
class Rute:
    pemilik: Pejabat
    pemilik_unit: Unit
    pegawai: Pihak
    cara: str
    lingkup: str | None = None
    prosedur: object | None = None  # policy.katalog.Prosedur
    pejabat: dict[str, Pejabat] = field(default_factory=dict)
    langkah: list[dict] = field(default_factory=list)
    cabang: list[dict] = field(default_factory=list)
    penolakan: Temuan | None = None

    @property
    def boleh(self) -> bool:
        return self.penolakan is None

    def as_json(self) -> dict:
        """Kontrak JSON ``python -m policy rute --format json`` (README, bagian Rute penugasan)."""
        from .mekanisme import ISI_SURAT_PERMOHONAN

        peg = self.pegawai
        kel = peg.unit.kelompok[peg.kelompok] if peg.unit is not None else None
        pr = self.prosedur
        hasil = {
            "pemilik": {**self.pemilik.as_json(), "berkas": self.pemilik_unit.id},
            "pegawai": {"acuan": peg.acuan, "jenis": "instansi" if peg.instansi is not None else "kelompok",
                        "berkas": peg.unit.id if peg.unit else None, "unit": peg.unit.org.nama if peg.unit else peg.instansi,
                        "kelompok": peg.kelompok, "nama_kelompok": (kel.nama or kel.id) if kel else None,
                        "jabatan": [a.jabatan for a in kel.anggota] if kel else []},
            "cara": self.cara,
            "lingkup": self.lingkup,
            "boleh": self.boleh,
            "temuan": penolakan_json(self.penolakan) if self.penolakan else None,
            "gambar": pr.gambar if pr else None,
            "prosedur": {"kode": pr.kode, "judul": pr.judul, "jangkar": pr.anchor} if pr else None,
            "pejabat": {k: v.as_json() for k, v in self.pejabat.items()},
            "penyetuju": self.pejabat[pr.penyetuju].as_json() if pr else None,
            "langkah": self.langkah,
            "cabang": self.cabang,
            "isi_surat_permohonan": list(ISI_SURAT_PERMOHONAN) if pr is not None and pr.surat_permohonan else [],
            "interpretasi": [{"peran": k, "kalimat": v.interpretasi} for k, v in self.pejabat.items() if v.interpretasi],
        }
        return hasil


# ---------------------------------------------------------------------------------------------
# Penyelesaian nama (exit 2 dengan nama terdekat)


def _dekat(nilai: str, pilihan: Iterable[str]) -> str:
    pilihan = sorted(pilihan)
    d = difflib.get_close_matches(nilai, pilihan, n=1, cutoff=0.4)
    return f"maksud Anda '{d[0]}'?" if d else ("pilihan: " + ", ".join(pilihan[:12]) if pilihan else "")


def _unit(indeks: Indeks, uid: str) -> Unit:
    if uid not in indeks.units:
        raise RuteTidakDikenal(f"berkas org '{uid}' tidak ada", _dekat(uid, indeks.units))
    return indeks.units[uid]


def _pisah(acuan: str, apa: str) -> tuple[str, str]:
    berkas, sep, nama = acuan.partition("/")
    if not sep or not berkas or not nama or "/" in nama:
        raise RuteTidakDikenal(f"{apa} '{acuan}' tidak sah: tulis <berkas>/<{'struktur-id' if apa == 'pemilik' else 'kelompok'}>",
                               "contoh: diskominfo/kabid-aptika" if apa == "pemilik" else "contoh: diskominfo/kjf-aptika")
    return berkas, nama


def selesaikan_pemilik(indeks: Indeks, acuan: str) -> tuple[Unit, str]:
    uid, pid = _pisah(acuan, "pemilik")
    unit = _unit(indeks, uid)
    if pid not in unit.posisi:
        raise RuteTidakDikenal(f"posisi '{pid}' tidak ada di struktur berkas '{uid}'", _dekat(pid, unit.posisi))
    return unit, pid


def selesaikan_pegawai(indeks: Indeks, acuan: str) -> Pihak:
    if acuan.startswith("instansi:"):
        nama = acuan.removeprefix("instansi:").strip()
        if not nama:
            raise RuteTidakDikenal("nama instansi kosong", "contoh: \"instansi:Pemerintah Kabupaten Karo\"")
        return Pihak(instansi=nama)
    uid, kid = _pisah(acuan, "pegawai")
    unit = _unit(indeks, uid)
    if kid not in unit.kelompok:
        raise RuteTidakDikenal(f"kelompok '{kid}' tidak ada di berkas '{uid}'", _dekat(kid, unit.kelompok))
    return Pihak(unit=unit, kelompok=kid)


# ---------------------------------------------------------------------------------------------
# Lingkup, prosedur, pejabat


def pimpinan_unit(unit: Unit) -> list[str]:
    """Posisi yang menjadi Pimpinan Unit Organisasi kelompok mana pun di berkas (Pasal 1 angka 25)."""
    return sorted({k.pimpinan_unit for k in unit.org.kelompok if k.pimpinan_unit})


def lingkup(pemilik_unit: Unit, pemilik: str, pegawai: Pihak) -> str:
    """Unit Organisasi = kelompok yang dipimpin satu Pimpinan Unit Organisasi (Pasal 1 angka 25): pegawai
    dari kelompok yang Pimpinan Unit-nya pemilik kinerja → di dalam Unit Organisasi; kelompok lain di
    Pemerintah Kabupaten Dairi (semua berkas org) → lintas Unit Organisasi; instansi lain → lintas instansi."""
    if pegawai.instansi is not None:
        return "lintas_instansi"
    k = pegawai.unit.kelompok[pegawai.kelompok]
    if pegawai.unit is pemilik_unit and (k.pimpinan_unit or k.penilai) == pemilik:
        return "dalam_unit"
    return "lintas_unit"


def pilih_prosedur(cara: str, lingkup_: str):
    """Prosedur katalog dengan ``cara`` dan ``lingkup`` ini; None bila Lampiran B.2 tidak mengaturnya."""
    return next((p for p in katalog().isi.prosedur if p.cara == cara and p.lingkup == lingkup_), None)


def _pos(unit: Unit, pid: str | None, peran: str, interpretasi: str | None = None) -> Pejabat:
    return Pejabat(peran, unit.jabatan(pid), unit.org.nama, f"{unit.id}/{pid}" if pid else None, interpretasi)


def _pejabat_berwenang(indeks: Indeks) -> Pejabat:
    setda = next((u for u in sorted(indeks.units.values(), key=lambda u: u.id) if u.is_setda and u.top), None)
    if setda is None:
        return Pejabat("pejabat_berwenang", "Sekretaris Daerah Kabupaten Dairi", "Pemerintah Kabupaten Dairi", None,
                       INTERPRETASI["pejabat_berwenang"])
    return _pos(setda, setda.top.id, "pejabat_berwenang", INTERPRETASI["pejabat_berwenang"])


def ppk_pemilik(unit: Unit, pemilik: str) -> str | None:
    """Penilai kelompok yang Pimpinan Unit-nya pemilik kinerja (pertama menurut urutan berkas)."""
    return next((k.penilai for k in unit.org.kelompok if k.pimpinan_unit == pemilik and k.penilai), None)


def pejabat_pemilik(unit: Unit, pemilik: str, cara: str) -> dict[str, Pejabat]:
    """Peran di sisi pemilik kinerja. Pada pengajuan sukarela, "Pimpinan Unit Organisasi dituju" adalah
    pemilik kinerja yang ingin didatangi pegawai (Lampiran B.2 huruf b angka 2)."""
    p = {"pimpinan_unit_pemilik": _pos(unit, pemilik, "pimpinan_unit_pemilik"),
         "pimpinan_unit": _pos(unit, pemilik, "pimpinan_unit"),
         "ppk_pemilik": _pos(unit, ppk_pemilik(unit, pemilik), "ppk_pemilik", INTERPRETASI["ppk_pemilik"])}
    if cara == "sukarela":
        p["pimpinan_unit_dituju"] = _pos(unit, pemilik, "pimpinan_unit_dituju")
    return p


def pejabat_umum(indeks: Indeks) -> dict[str, Pejabat]:
    """Peran yang sama untuk setiap pasangan: Pejabat yang Berwenang Pemerintah Kabupaten Dairi."""
    return {"pejabat_berwenang": _pejabat_berwenang(indeks)}


def pejabat_pegawai(pegawai: Pihak, cara: str) -> dict[str, Pejabat]:
    """Peran di sisi pegawai. Pada penunjukan, "dituju" adalah pihak tempat pegawai berada (huruf a angka
    2–3); "bersangkutan" pada pengajuan sukarela adalah pihak pegawai sendiri (huruf b angka 2)."""
    p: dict[str, Pejabat] = {}
    if pegawai.instansi is not None:
        ins, tafsir = pegawai.instansi, INTERPRETASI["dituju_instansi"]
        p["pejabat_berwenang_dituju"] = Pejabat("pejabat_berwenang_dituju", f"Pejabat yang Berwenang {ins}", ins, None, tafsir)
        p["ppk_dituju"] = Pejabat("ppk_dituju", f"Pejabat Penilai Kinerja di {ins}", ins, None, tafsir)
        p["pimpinan_unit_dituju"] = Pejabat("pimpinan_unit_dituju", f"Pimpinan Unit Organisasi di {ins}", ins, None, tafsir)
        p["jf"] = Pejabat("jf", f"Pejabat Fungsional atau pelaksana di {ins}", ins)
        return p
    u, k = pegawai.unit, pegawai.unit.kelompok[pegawai.kelompok]
    pu = k.pimpinan_unit or k.penilai
    p["ppk_dituju"] = _pos(u, k.penilai, "ppk_dituju")
    p["pimpinan_unit_asal"] = _pos(u, pu, "pimpinan_unit_asal")
    p["ppk"] = _pos(u, k.penilai, "ppk", INTERPRETASI["ppk"] if cara == "sukarela" else None)
    if cara != "sukarela":
        p["pimpinan_unit_dituju"] = _pos(u, pu, "pimpinan_unit_dituju")
    p["jf"] = Pejabat("jf", f"Pejabat Fungsional dan pelaksana {k.nama or k.id}", u.org.nama, f"{u.id}/{k.id}")
    return p


def pejabat_peran(indeks: Indeks, pemilik_unit: Unit, pemilik: str, pegawai: Pihak, cara: str) -> dict[str, Pejabat]:
    """Nama jabatan setiap peran prosedur Lampiran B.2 untuk pasangan ini: sisi pemilik, umum, sisi pegawai
    (urutan ini juga urutan ``pejabat`` di JSON)."""
    return {**pejabat_pemilik(pemilik_unit, pemilik, cara), **pejabat_umum(indeks), **pejabat_pegawai(pegawai, cara)}


# ---------------------------------------------------------------------------------------------
# Langkah bernama


class _Isi(dict):
    def __missing__(self, k):  # isian yang tidak dikenal tetap terlihat
        return "{" + k + "}"


@dataclass(frozen=True)
class Templat:
    """Langkah prosedur dengan kunci peran yang sudah diselesaikan ke lajurnya (sama untuk setiap pasangan)."""

    langkah: tuple[dict, ...]
    cabang: tuple[dict, ...]
    #: peran yang dipakai langkah, tembusan dan penyetuju (urutan tidak bermakna)
    dipakai: tuple[str, ...]


# cache: sekali per prosedur katalog (5 kunci; build hanya 5 miss); rute() per pasangan: 8.000 pasangan
# 0,41 s vs 0,70 s tanpa cache (tests/test_rute_situs.py memanggilnya 76 ribu kali). Hasil dibagi: cabang di-deepcopy.
@lru_cache(maxsize=None)
def templat(pr) -> Templat:
    """Langkah dan cabang prosedur katalog ``pr`` dari berkas alurnya; pengirim/penerima/tembusan sebagai
    kunci peran, uraian dengan isian ``{peran}``."""
    from .mekanisme import Blok, Langkah, prosedur

    obj = prosedur(pr.gambar)
    kenal = set(katalog().peran)

    def kunci(lajur_peran: str) -> str:
        lj = obj.lajur_untuk(lajur_peran)
        return next(k for k in lj.semua_kunci if k in kenal)

    langkah: list[dict] = []
    cabang: list[dict] = []

    def jalan(butir) -> None:
        for b in butir:
            if isinstance(b, Langkah):
                langkah.append({"nomor": b.nomor, "huruf": b.huruf, "kondisi": b.kondisi, "pengirim": kunci(b.pelaku),
                                "penerima": kunci(b.penerima) if b.penerima else None, "tembusan": list(b.tembusan),
                                "kiriman": b.label, "uraian": b.uraian, "balasan": b.balasan, "jangkar": b.sumber})
                continue
            assert isinstance(b, Blok)
            isi_cabang = []
            for c in b.cabang:
                awal = len(langkah)
                jalan(c.isi)
                isi_cabang.append({"kondisi": c.kondisi, "langkah": [x["nomor"] for x in langkah[awal:]]})
            if b.jenis == "opt":
                isi_cabang.append({"kondisi": f"selain itu (tidak: {b.cabang[0].kondisi})", "langkah": [],
                                   "catatan": "naskah tidak mengatur langkah lanjutan; permohonan tidak berlanjut"})
            cabang.append({"jenis": b.jenis, "cabang": isi_cabang})

    jalan(obj.butir)
    dipakai = {x["pengirim"] for x in langkah} | {x["penerima"] for x in langkah if x["penerima"]}
    dipakai |= {t for x in langkah for t in x["tembusan"]} | {pr.penyetuju}
    return Templat(tuple(langkah), tuple(cabang), tuple(sorted(dipakai)))


def tembusan(x: dict, pejabat: dict[str, Pejabat]) -> list[Pejabat]:
    """Penerima tembusan satu langkah: jabatan yang sama dengan pengirim atau penerima surat (mis. Kepala
    Badan yang sekaligus Pimpinan Unit Organisasi dan Pejabat Penilai Kinerja pemohon) dan jabatan yang
    sudah disebut tidak ditulis lagi — tembusan kepada diri sendiri tidak bermakna."""
    sudah = {pejabat[x["pengirim"]].acuan} | ({pejabat[x["penerima"]].acuan} if x["penerima"] else set())
    hasil = []
    for k in x["tembusan"]:
        p = pejabat[k]
        if p.acuan is not None and p.acuan in sudah:
            continue
        if p.acuan is not None:
            sudah.add(p.acuan)
        hasil.append(p)
    return hasil


def isi_langkah(t: Templat, pejabat: dict[str, Pejabat]) -> list[dict]:
    """Langkah templat dengan pejabat pasangan ini (isian ``{peran}`` → nama jabatan)."""
    isi = _Isi({k: v.jabatan for k, v in pejabat.items()})
    return [{**x, "pengirim": pejabat[x["pengirim"]].as_json(),
             "penerima": pejabat[x["penerima"]].as_json() if x["penerima"] else None,
             "tembusan": [p.as_json() for p in tembusan(x, pejabat)],
             "uraian": x["uraian"].format_map(isi)} for x in t.langkah]


@aturan("RT01", "error", "Lampiran B.2 tidak mengatur cara penugasan ini untuk lingkup ini",
        "Lampiran B.2 huruf b angka 1–2 (Gambar 21–22)",
        ("lampiran-b-2-pengajuan-sukarela", "lampiran-b-2-pengajuan-sukarela-2"), tahap="rute")
def cara_diatur(cara: str, lingkup_: str) -> list[Lapor]:
    """Cara penugasan ini diatur Lampiran B.2 untuk lingkup ini (pengajuan sukarela hanya di dalam
    Pemerintah Kabupaten Dairi)."""
    if pilih_prosedur(cara, lingkup_) is not None:
        return []
    ada = [p.cara for p in katalog().isi.prosedur if p.lingkup == lingkup_]
    return [Lapor((), f"{'pengajuan sukarela' if cara == 'sukarela' else cara} {LINGKUP[lingkup_]} tidak diatur Lampiran B.2"
                  + (" (pengajuan sukarela lintas Unit Organisasi hanya di lingkungan Pemerintah Kabupaten Dairi)"
                     if cara == "sukarela" else ""),
                  ("gunakan --cara " + " atau --cara ".join(dict.fromkeys(ada))) if ada else "")]


@aturan("RT02", "error", "Pemohon bukan Pimpinan Unit Organisasi pemilik kinerja",
        "Lampiran B.2 huruf a angka 2 butir a), angka 3; Pasal 1 angka 25",
        ("lampiran-b-2-penunjukan-2-huruf-a", "lampiran-b-2-penunjukan-3-huruf-a"), tahap="rute")
def pemohon_pimpinan_unit(unit: Unit, pid: str) -> list[Lapor]:
    """Yang mengajukan permohonan pelibatan adalah Pimpinan Unit Organisasi pemilik kinerja."""
    pimpinan = pimpinan_unit(unit)
    if pid in pimpinan:
        return []
    i = next((i for i, p in enumerate(unit.org.struktur) if p.id == pid), None)
    return [Lapor(("struktur", i, "id") if i is not None else ("id",),
                  f"{unit.jabatan(pid)} bukan Pimpinan Unit Organisasi kelompok mana pun di berkas '{unit.id}'; "
                  "hanya Pimpinan Unit Organisasi pemilik kinerja yang mengajukan permohonan pelibatan",
                  "pilih salah satu: " + ", ".join(f"{unit.id}/{x}" for x in pimpinan) if pimpinan else "")]


def keputusan(cara: str, lingkup_: str):
    """(prosedur katalog, None) atau (None, penolakan RT01) untuk cara dan lingkup ini."""
    from .rules import jalankan_rute

    pr = pilih_prosedur(cara, lingkup_)
    return (pr, None) if pr is not None else (None, jalankan_rute("RT01", cara, lingkup_))


def rute(indeks: Indeks, pemilik: str, pegawai: str, cara: str = "penunjukan") -> Rute:
    """Rute penugasan untuk ``pemilik`` (``berkas/struktur-id``) dan ``pegawai`` (``berkas/kelompok`` atau
    ``instansi:<nama>``) — Lampiran B.2 huruf a dan b. Nama yang tidak ada → :class:`RuteTidakDikenal`."""
    if cara not in CARA:
        raise RuteTidakDikenal(f"cara '{cara}' tidak dikenal", _dekat(cara, CARA))
    unit, pid = selesaikan_pemilik(indeks, pemilik)
    peg = selesaikan_pegawai(indeks, pegawai)
    pem = _pos(unit, pid, "pimpinan_unit_pemilik")
    r = Rute(pemilik=pem, pemilik_unit=unit, pegawai=peg, cara=cara)
    from .rules import jalankan_rute

    r.penolakan = jalankan_rute("RT02", unit, pid)
    if r.penolakan is not None:
        return r
    r.lingkup = lingkup(unit, pid, peg)
    pr, r.penolakan = keputusan(cara, r.lingkup)
    if pr is None:
        return r
    r.prosedur = pr
    semua = pejabat_peran(indeks, unit, pid, peg, cara)
    t = templat(pr)
    r.langkah = isi_langkah(t, semua)
    r.cabang = copy.deepcopy(list(t.cabang))
    r.pejabat = {k: v for k, v in semua.items() if k in t.dipakai}
    return r


def penyetuju_wajib(indeks: Indeks, unit: Unit, pemilik: str, kelompok_acuan: str) -> set[str]:
    """Acuan ``berkas/struktur-id`` pejabat yang menurut rute menyetujui pelibatan anggota dari kelompok
    ``kelompok_acuan`` (``kjf-x`` atau ``berkas/kjf-x``), untuk cara mana pun yang diatur; kosong bila tak
    terselesaikan atau tidak ada acuannya (dipakai TK05). Hanya katalog dan berkas org: ``check`` tidak
    membaca berkas alur."""
    acuan = kelompok_acuan if "/" in kelompok_acuan else f"{unit.id}/{kelompok_acuan}"
    try:
        peg = selesaikan_pegawai(indeks, acuan)
    except RuteTidakDikenal:
        return set()
    if pemilik not in pimpinan_unit(unit):  # dilaporkan TK02
        return set()
    lk = lingkup(unit, pemilik, peg)
    hasil: set[str] = set()
    for cara in CARA:
        pr = pilih_prosedur(cara, lk)
        if pr is not None:
            p = pejabat_peran(indeks, unit, pemilik, peg, cara)[pr.penyetuju]
            if p.acuan:
                hasil.add(p.acuan)
    return hasil


def muat(orgs: str | Path = "orgs") -> Indeks:
    indeks, _, _, hilang = muat_semua([orgs])
    if hilang:
        raise RuteTidakDikenal(f"folder org '{orgs}' tidak ditemukan", "jalankan dari akar repositori atau beri --orgs")
    return indeks


# ---------------------------------------------------------------------------------------------
# Keluaran teks


def teks(r: Rute) -> str:
    """Rute sebagai teks terminal (teks org di-escape oleh pemanggil lewat ``keluaran.aman_terminal``)."""
    from .mekanisme import ISI_SURAT_PERMOHONAN

    b = [f"Pemilik kinerja: {r.pemilik.tampil} [{r.pemilik.acuan}]",
         f"Pegawai: {r.pegawai.acuan}" + (f" ({r.pegawai.unit.org.nama})" if r.pegawai.unit else ""),
         f"Cara: {r.cara}"]
    if r.lingkup:
        b.append(f"Lingkup: {LINGKUP[r.lingkup]}")
    if r.penolakan:
        j = penolakan_json(r.penolakan)
        b.append(f"DITOLAK {j['id']}: {j['pesan']}" + (f" (saran: {j['saran']})" if j["saran"] else "") + f" [{j['basis']}]")
        return "\n".join(b) + "\n"
    pr = r.prosedur
    b.append(f"Prosedur: Gambar {pr.gambar} — {pr.judul} [{pr.anchor}]")
    pen = r.pejabat[pr.penyetuju]
    b.append(f"Penyetuju dan penyusun surat penugasan: {pen.tampil}" + (f" [{pen.acuan}]" if pen.acuan else ""))
    b.append("")
    b.append("Langkah:")
    for x in r.langkah:
        kepada = f" → {_t(x['penerima'])}" if x["penerima"] else ""
        syarat = f"[jika {x['kondisi']}] " if x["kondisi"] else ""
        huruf = f"{x['huruf']}) " if x["huruf"] else ""
        b.append(f"  {x['nomor']}. {syarat}{huruf}{_t(x['pengirim'])}{kepada}: {x['kiriman']}")
        if x["tembusan"]:
            b.append("     tembusan: " + "; ".join(_t(t) for t in x["tembusan"]))
        b.append(f"     {x['uraian']} [{x['jangkar']}]")
    for c in r.cabang:
        for cb in c["cabang"]:
            if not cb["langkah"]:
                b.append(f"  Bila {cb['kondisi']}: {cb.get('catatan', '')}")
    if pr.surat_permohonan:
        b.append("")
        b.append("Isi minimal surat permohonan pelibatan (Lampiran B.2) [lampiran-b-2-surat-permohonan]:")
        b.extend(f"  {i}) {s}" for i, s in enumerate(ISI_SURAT_PERMOHONAN, 1))
    tafsir = [(k, v.interpretasi) for k, v in r.pejabat.items() if v.interpretasi]
    if tafsir:
        b.append("")
        b.append("Interpretasi:")
        b.extend(f"  - {katalog().peran.get(k, k)}: {s}" for k, s in tafsir)
    return "\n".join(b) + "\n"


def _t(p: dict) -> str:
    return f"{p['jabatan']} ({p['unit']})" if p["unit"] and p["unit"] not in p["jabatan"] else p["jabatan"]
