"""Teks dari lembar kerja: normalisasi, angka berformat Indonesia, slug, dan tampilan aman.

Isi lembar kerja adalah masukan tak tepercaya: semua yang dicetak ke terminal melewati
:func:`aman` (karakter kontrol tidak pernah tercetak mentah), semua yang ditulis ke YAML
melewati emitter di :mod:`policy.impor.tulis`.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..karakter import bersihkan
from ..keluaran import aman_terminal

_SPASI = re.compile(r"\s+")


def aman(s: object, maks: int = 120) -> str:
    """Teks untuk terminal (satu tempat: :func:`policy.keluaran.aman_terminal`), dipotong ``maks``."""
    t = str(s)
    if len(t) > maks:
        t = t[: maks - 1] + "…"
    return aman_terminal(t)


def bersih(s: str) -> str:
    """Teks sel sebagai satu baris nilai org: urutan ANSI dibuang, kontrol menjadi spasi, karakter tak
    terlihat (bidi, lebar nol) dibuang (:func:`policy.karakter.bersihkan`, yang juga dipakai SK11),
    NBSP/tab/baris baru menjadi spasi, spasi diringkas."""
    return _SPASI.sub(" ", bersihkan(s.replace("\u00a0", " "))).strip()


def normal(s: object) -> str:
    """Bentuk pembanding untuk nama kolom dan nama jabatan: huruf kecil, tanpa tanda baca."""
    t = unicodedata.normalize("NFKD", str(s)).encode("ascii", "ignore").decode().lower()
    t = t.replace("+/-", " selisih ").replace("+ / -", " selisih ")
    return re.sub(r"[^a-z0-9]+", " ", t).strip()


_KATA_SAMBUNG = {"dan", "serta", "pada", "dari", "di", "ke", "yang", "untuk", "kabupaten", "dairi"}


def slug(s: str, maks: int = 48, buang_sambung: bool = True) -> str:
    """Slug ``[a-z0-9-]`` dari teks bebas (kata sambung dibuang), paling panjang ``maks``."""
    kata = [k for k in normal(s).split() if not (buang_sambung and k in _KATA_SAMBUNG)]
    hasil = ""
    for k in kata:
        calon = f"{hasil}-{k}" if hasil else k
        if len(calon) > maks:
            break
        hasil = calon
    return hasil or "x"


def unik(dasar: str, terpakai: set[str]) -> str:
    """``dasar``, atau ``dasar-2``, ``dasar-3``, … yang belum terpakai; dicatat di ``terpakai``."""
    calon, i = dasar, 2
    while calon in terpakai:
        calon = f"{dasar}-{i}"
        i += 1
    terpakai.add(calon)
    return calon


@dataclass(frozen=True)
class Angka:
    """Angka dari sel: nilai dan teks aslinya (untuk komentar, mis. ``1,5``)."""

    nilai: float
    teks: str

    @property
    def bulat(self) -> bool:
        return float(self.nilai).is_integer()


_RIBUAN = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")
_DESIMAL_KOMA = re.compile(r"^-?\d+(,\d+)?$")
_DESIMAL_TITIK = re.compile(r"^-?\d+\.\d+$")
_KOSONG = {"", "-", "–", "—", "nihil"}


class BukanAngka(ValueError):
    pass


def angka(nilai: object) -> Angka | None:
    """Tafsir sel angka: bilangan dari Excel apa adanya; teks berformat Indonesia (``1.234`` =
    seribu dua ratus tiga puluh empat, ``1,5`` = satu setengah). Kosong/``-`` → ``None``.

    :raises BukanAngka: teks yang bukan angka (mis. ``dua``, ``3 orang``).
    """
    if nilai is None or isinstance(nilai, bool):
        if isinstance(nilai, bool):
            raise BukanAngka(str(nilai))
        return None
    if isinstance(nilai, (int, float)):
        if nilai != nilai:  # NaN
            return None
        teks = str(int(nilai)) if float(nilai).is_integer() else str(nilai).replace(".", ",")
        return Angka(float(nilai), teks)
    t = bersih(str(nilai)).replace(" ", "")
    if t.lower() in _KOSONG:
        return None
    if _RIBUAN.match(t):
        return Angka(float(t.replace(".", "").replace(",", ".")), t)
    if _DESIMAL_KOMA.match(t):
        return Angka(float(t.replace(",", ".")), t)
    if _DESIMAL_TITIK.match(t):  # mis. "1.5" dari ekspor berbahasa Inggris
        return Angka(float(t), t.replace(".", ","))
    raise BukanAngka(bersih(str(nilai)))


def huruf_kolom(c: int) -> str:
    """Indeks kolom 0-based → huruf Excel (0 → A, 26 → AA)."""
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def ringkas(s: str, maks: int = 60) -> str:
    """Potong teks di batas kata, dengan "…" bila dipotong."""
    if len(s) <= maks:
        return s
    return s[:maks].rsplit(" ", 1)[0].rstrip(" ,;") + "…"
