"""Pengetahuan tentang nama jabatan dan unit: jenis jabatan, jenis unit, id dan nama usulan.

Dipakai hanya bila lembar tidak menyebutnya sendiri; setiap tebakan ditandai ``# TODO:`` di draf.
Dasar: Pasal 1 angka 25–26 dan Lampiran B.1 (JPT Pratama, Administrator, Pengawas, Pejabat
Fungsional, pelaksana); nomenklatur Perangkat Daerah kabupaten (PP 18/2016).
"""
from __future__ import annotations

import re

from .teks import normal, slug

JENIS_JABATAN = ("jpt_madya", "jpt_pratama", "administrator", "pengawas", "fungsional", "pelaksana")
STRUKTURAL = ("jpt_madya", "jpt_pratama", "administrator", "pengawas")
LABEL_JENIS = {"jpt_madya": "JPT Madya", "jpt_pratama": "JPT Pratama", "administrator": "Administrator",
               "pengawas": "Pengawas", "fungsional": "Fungsional", "pelaksana": "Pelaksana"}

#: nilai sel kolom jenis (dinormalkan) → jenis; "struktural" = struktural tanpa tingkat
_NILAI_JENIS = {
    "jpt madya": "jpt_madya", "pimpinan tinggi madya": "jpt_madya", "jabatan pimpinan tinggi madya": "jpt_madya",
    "jpt pratama": "jpt_pratama", "jpt": "jpt_pratama", "jpt p": "jpt_pratama", "pimpinan tinggi pratama": "jpt_pratama",
    "jabatan pimpinan tinggi pratama": "jpt_pratama", "jabatan pimpinan tinggi": "jpt_pratama", "pimpinan tinggi": "jpt_pratama",
    "jpt pratama struktural": "jpt_pratama",
    "administrator": "administrator", "jabatan administrator": "administrator", "adm": "administrator",
    "administrasi": "administrator",
    "pengawas": "pengawas", "jabatan pengawas": "pengawas",
    "fungsional": "fungsional", "jf": "fungsional", "jft": "fungsional", "jabatan fungsional": "fungsional",
    "fungsional tertentu": "fungsional", "jabatan fungsional tertentu": "fungsional", "fungsional keahlian": "fungsional",
    "fungsional keterampilan": "fungsional", "jfk": "fungsional", "jabatan fungsional keahlian": "fungsional",
    "jabatan fungsional keterampilan": "fungsional",
    "pelaksana": "pelaksana", "jabatan pelaksana": "pelaksana", "jfu": "pelaksana", "fungsional umum": "pelaksana",
    "jabatan fungsional umum": "pelaksana", "staf": "pelaksana", "staf pelaksana": "pelaksana", "pelaksana jfu": "pelaksana",
    "struktural": "struktural", "jabatan struktural": "struktural", "js": "struktural",
}
_ESELON = [(re.compile(r"^i\s*[ab]?$"), "jpt_madya"), (re.compile(r"^ii\s*[ab]?$"), "jpt_pratama"),
           (re.compile(r"^iii\s*[ab]?$"), "administrator"), (re.compile(r"^(iv|v)\s*[ab]?$"), "pengawas")]
_TANPA_ESELON = {"", "non eselon", "non", "tidak ada", "nihil"}


def jenis_dari_nilai(nilai: str) -> str | None:
    """Nilai kolom jenis → jenis jabatan, ``"struktural"`` (tanpa tingkat), atau None (tak dikenal)."""
    n = normal(nilai)
    if n in _NILAI_JENIS:
        return _NILAI_JENIS[n]
    n2 = re.sub(r"\b(jabatan|jab)\b", "", n).strip()
    return _NILAI_JENIS.get(n2)


def jenis_dari_eselon(nilai: str) -> str | None | bool:
    """Eselon → jenis; False bila sel menyatakan non-eselon; None bila tak dikenal."""
    n = normal(nilai).replace(" ", "")
    n = normal(nilai) if not n else n
    if normal(nilai) in _TANPA_ESELON:
        return False
    for pola, jenis in _ESELON:
        if pola.match(n):
            return jenis
    return None


_JPT = re.compile(r"^(kepala (dinas|badan|satuan polisi pamong praja)|sekretaris daerah|sekretaris (dprd|dewan)"
                  r"|inspektur(?! pembantu)|asisten|staf ahli|direktur(?! jenderal))\b")
_ADMIN = re.compile(r"^(sekretaris|kepala (bidang|bagian|uptd?|kantor|pelaksana)|camat|inspektur pembantu|wakil direktur)\b")
_PENGAWAS = re.compile(r"^(kepala (sub ?bagian|sub ?bidang|seksi|sub ?bag|tata usaha|unit|sub ?seksi)|kasubbag|kasubbid|kasi|lurah)\b")
_JF = re.compile(r"\b(ahli (pertama|muda|madya|utama)|terampil|mahir|penyelia|pemula)\b")


def tebak_jenis(jabatan: str) -> tuple[str, bool]:
    """(jenis, struktural?) dari nama jabatan, untuk baris tanpa jenis. Selalu ditandai TODO."""
    n = normal(jabatan)
    if _PENGAWAS.match(n):
        return "pengawas", True
    if _JPT.match(n) and not n.startswith(("sekretaris dinas", "sekretaris badan")):
        return "jpt_pratama", True
    if _ADMIN.match(n):
        return "administrator", True
    if _JF.search(n):
        return "fungsional", False
    return "pelaksana", False


def tebak_tingkat_struktural(jabatan: str, level: int) -> str:
    """Jenis untuk baris bertanda "struktural" saja: dari nama, lalu dari kedalaman."""
    jenis, struktural = tebak_jenis(jabatan)
    if struktural:
        return jenis
    return {1: "jpt_pratama", 2: "administrator"}.get(level, "pengawas")


def memimpin_unit(jabatan: str) -> bool:
    """Jabatan fungsional bernama "Kepala …" (Kepala Puskesmas, Kepala Sekolah) memimpin unit kerja."""
    return normal(jabatan).startswith("kepala ")


# -- unit -------------------------------------------------------------------------------------

_UNIT = [
    (re.compile(r"\bsekretariat daerah\b"), "sekretariat_daerah"),
    (re.compile(r"\bsekretariat (dprd|dewan)\b"), "sekretariat_dprd"),
    (re.compile(r"^inspektorat\b"), "inspektorat"),
    (re.compile(r"\b(satuan polisi pamong praja|satpol pp)\b"), "satpol_pp"),
    (re.compile(r"\b(rumah sakit|rsud)\b"), "rsud"),
    (re.compile(r"\b(uptd?|unit pelaksana teknis|puskesmas)\b"), "uptd"),
    (re.compile(r"^kecamatan\b"), "kecamatan"),
    (re.compile(r"^kelurahan\b"), "kelurahan"),
    (re.compile(r"^dinas\b"), "dinas"),
    (re.compile(r"^badan\b"), "badan"),
]
#: nama yang menandai satu Perangkat Daerah/UPTD (bukan Bidang/Seksi di dalamnya)
_NAMA_UNIT = re.compile(r"^(dinas|badan|uptd?|unit pelaksana teknis|puskesmas|kecamatan|kelurahan|sekretariat (daerah|dprd|dewan)"
                        r"|inspektorat|satuan polisi|satpol|rsud|rumah sakit|kantor)\b")
JENIS_UNIT = ("sekretariat_daerah", "sekretariat_dprd", "inspektorat", "dinas", "badan", "satpol_pp",
              "kecamatan", "kelurahan", "uptd", "rsud", "lainnya")


def jenis_unit(nama: str) -> str | None:
    n = normal(nama)
    for pola, jenis in _UNIT:
        if pola.search(n):
            return jenis
    return None


def nama_unit_sah(nama: str) -> bool:
    """Apakah teks menamai sebuah Perangkat Daerah/UPTD (bukan sub-unit seperti Bidang/Seksi)."""
    return bool(_NAMA_UNIT.match(normal(nama)))


def cari_nama_unit(teks: str) -> str | None:
    """Nama Perangkat Daerah dari judul lembar ("PETA JABATAN DINAS X KABUPATEN DAIRI TAHUN 2024")."""
    t = re.sub(r"\s+", " ", teks).strip()
    n = t.lower()
    m = re.search(r"\b(dinas|badan|uptd?|unit pelaksana teknis|puskesmas|kecamatan|kelurahan|sekretariat (daerah|dprd|dewan)"
                  r"|inspektorat|satuan polisi pamong praja|rumah sakit|rsud)\b", n)
    if not m:
        return None
    nama = t[m.start():]
    nama = re.split(r"(?i)\s+(tahun|th\.?)\s+\d{4}|\s+\(|\s+-\s+|\s+–\s+", nama)[0]
    nama = re.sub(r"(?i)\s+(pemerintah\s+)?kabupaten\s+dairi\s*$", "", nama).strip(" .,:;")
    if nama.isupper():
        nama = " ".join(w.capitalize() if w.lower() not in ("dan", "serta", "pada") else w.lower() for w in nama.split())
        nama = re.sub(r"\b(Uptd|Upt|Rsud|Dprd|Pp)\b", lambda m: m.group().upper(), nama)
    return nama or None


def nama_unit_dari_pucuk(jabatan: str) -> str:
    """"Kepala Dinas X" → "Dinas X"; "Camat Y" → "Kecamatan Y"; "Sekretaris Daerah" → "Sekretariat Daerah"."""
    j = jabatan.strip()
    n = normal(j)
    for awal, ganti in (("kepala ", ""), ("camat ", "Kecamatan "), ("lurah ", "Kelurahan ")):
        if n.startswith(awal):
            return (ganti + j[len(awal):]).strip()
    if n.startswith("sekretaris daerah"):
        return "Sekretariat Daerah" + j[len("sekretaris daerah"):]
    if n.startswith("sekretaris dprd") or n.startswith("sekretaris dewan"):
        return "Sekretariat" + j[len("sekretaris"):]
    if n == "inspektur" or n.startswith("inspektur kabupaten"):
        return "Inspektorat" + j[len("inspektur"):]
    return j


# -- id dan nama usulan ------------------------------------------------------------------------

_AWALAN_ID = [
    ("kepala satuan polisi pamong praja", "kasatpol", False), ("kepala pelaksana", "kalak", False),
    ("kepala dinas", "kadis", False), ("kepala badan", "kaban", False),
    ("sekretaris daerah", "sekda", False), ("sekretaris dprd", "sekwan", False), ("sekretaris dewan", "sekwan", False),
    ("sekretaris kecamatan", "sekcam", False), ("sekretaris kelurahan", "seklur", False),
    ("sekretaris", "sekretaris", False), ("inspektur pembantu", "irban", True), ("inspektur", "inspektur", False),
    ("asisten", "asisten", True), ("staf ahli", "staf-ahli", True), ("wakil direktur", "wadir", True),
    ("direktur", "direktur", False), ("kepala bidang", "kabid", True), ("kepala bagian", "kabag", True),
    ("kepala sub bagian", "kasubbag", True), ("kepala subbagian", "kasubbag", True), ("kepala sub bidang", "kasubbid", True),
    ("kepala subbidang", "kasubbid", True), ("kepala seksi", "kasi", True), ("kepala tata usaha", "kasubbag-tu", False),
    ("kepala uptd", "kauptd", False), ("kepala upt", "kaupt", False), ("kepala puskesmas", "kapus", False),
    ("camat", "camat", False), ("lurah", "lurah", False),
]


def usul_id_posisi(jabatan: str) -> str:
    """Id posisi dari nama jabatan, bergaya ``orgs/``: kadis, sekretaris, kabid-aplikasi-informatika."""
    n = normal(jabatan)
    for awal, id_, pakai_sisa in _AWALAN_ID:
        if n == awal or n.startswith(awal + " "):
            sisa = n[len(awal):].strip()
            if pakai_sisa and sisa:
                return f"{id_}-{slug(sisa, maks=32)}"
            return id_
    return slug(jabatan, maks=40)


_AWALAN_KELOMPOK = ("kabid-", "kabag-", "kasi-", "kasubbag-", "kasubbid-")


def usul_id_kelompok(id_posisi: str) -> str:
    for a in _AWALAN_KELOMPOK:
        if id_posisi.startswith(a):
            return "kjf-" + id_posisi[len(a):]
    if id_posisi in ("sekretaris", "sekcam", "seklur", "sekwan"):
        return "kjf-sekretariat"
    return "kjf-" + id_posisi


_SATUAN = [("kepala bidang ", "Bidang "), ("kepala bagian ", "Bagian "), ("kepala seksi ", "Seksi "),
           ("kepala subbagian ", "Subbagian "), ("kepala sub bagian ", "Subbagian "), ("kepala subbidang ", "Subbidang "),
           ("kepala sub bidang ", "Subbidang "), ("kepala puskesmas ", "Puskesmas "), ("kepala uptd ", "UPTD "),
           ("kepala upt ", "UPT "), ("inspektur pembantu ", "Inspektur Pembantu ")]


def usul_nama_kelompok(jabatan_tempat: str, jenis_anggota: set[str]) -> str:
    """"Kelompok JF dan Pelaksana Bidang X" dari jabatan tempat anggota berada."""
    awal = {frozenset({"fungsional"}): "Kelompok JF", frozenset({"pelaksana"}): "Kelompok Pelaksana"}.get(
        frozenset(jenis_anggota), "Kelompok JF dan Pelaksana")
    n = normal(jabatan_tempat)
    for a, ganti in _SATUAN:
        if n.startswith(a):
            return f"{awal} {ganti}{jabatan_tempat.strip()[len(a):]}"
    if n.startswith("sekretaris ") and not n.startswith(("sekretaris daerah", "sekretaris dprd", "sekretaris dewan")):
        return f"{awal} Sekretariat{jabatan_tempat.strip()[len('sekretaris'):]}"
    if n == "sekretaris":
        return f"{awal} Sekretariat"
    return f"{awal} pada {jabatan_tempat.strip()}"
