"""Satu-satunya pembuat slug untuk path halaman dan jangkar di halaman terbangkit.

Nama jabatan dan id dari berkas org adalah masukan bebas; path yang dibentuk darinya harus:

* tidak pernah menimpa halaman lain: ``index`` (halaman bagian), nama yang tereduksi ke slug yang
  sama (``Analis X``, ``Analis-X``, ``Analis.X``) dan nama cadangan Windows (``con``, ``nul``,
  ``com1``; salinan luring dibuka di Windows) mendapat akhiran hash pendek;
* stabil: slug ditentukan oleh teks itu sendiri (hash dari teks, bukan urutan kedatangan), dan bila
  beberapa teks berebut satu slug, yang terkecil menurut urutan teks memakai slug polos;
* pendek: slug lebih dari :data:`MAKS` karakter dipotong dan diberi hash, agar nama berkas tetap di
  bawah batas sistem berkas (255 byte) — nama jabatan boleh 300 karakter.

Jangkar kelompok, alur, tim dan kartu jawaban di halaman unit memakai awalan (``k-``, ``alur-``,
``t-``, ``j-``, ``jk-``) yang tidak dipakai id judul bagian mana pun (``ringkasan``, ``tim-kerja``,
``tim-lain`` …), sehingga id kelompok, tim atau nama jabatan apa pun tidak bisa bentrok dengan judul
bagian maupun satu sama lain (tes: id unik di setiap halaman terbangun).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Hashable, Iterable

#: panjang maksimum slug (nama berkas/folder halaman)
MAKS = 64
#: slug yang tidak boleh dipakai apa adanya: halaman bagian mkdocs dan nama perangkat Windows
TERLARANG: frozenset[str] = frozenset(
    {"index", "con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})

_BUKAN_SLUG = re.compile(r"[^a-z0-9]+")


def sidik(teks: str, n: int = 8) -> str:
    """Hash pendek yang stabil untuk ``teks`` (SHA-1, heksadesimal)."""
    return hashlib.sha1(teks.encode("utf-8", "surrogatepass")).hexdigest()[:n]


def slug(teks: str, cadangan: str = "halaman") -> str:
    """Teks bebas → slug ``[a-z0-9-]`` (≤ :data:`MAKS`), bukan nama terlarang.

    ``Pranata Komputer`` → ``pranata-komputer``; huruf beraksen kehilangan aksennya; teks tanpa
    huruf/angka → ``cadangan``; ``Index`` → ``index-<hash>``; teks sangat panjang →
    ``<awal>-<hash>``.
    """
    t = unicodedata.normalize("NFKD", str(teks)).encode("ascii", "ignore").decode("ascii").casefold()
    s = _BUKAN_SLUG.sub("-", t).strip("-") or cadangan
    if len(s) > MAKS:
        s = s[: MAKS - 9].rstrip("-") + "-" + sidik(str(teks))
    if s in TERLARANG:
        s = f"{s}-{sidik(str(teks))}"
    return s


def slug_unik(teks: dict[Hashable, str], terpakai: Iterable[str] = ()) -> dict[Hashable, str]:
    """Beri setiap kunci slug unik dari teksnya: ``{kunci: teks}`` → ``{kunci: slug}``.

    Kunci diurutkan menurut ``(teks, repr(kunci))``; kunci pertama yang meminta sebuah slug
    mendapatkannya, berikutnya mendapat ``<slug>-<hash kunci>`` (stabil: tidak bergantung pada
    urutan berkas). ``terpakai``: slug yang sudah dimiliki halaman lain di folder yang sama.
    """
    dipakai = set(terpakai) | TERLARANG
    hasil: dict[Hashable, str] = {}
    for kunci in sorted(teks, key=lambda k: (teks[k], repr(k))):
        s = slug(teks[kunci])
        if s in dipakai:
            dasar = s[: MAKS - 9].rstrip("-")
            s = f"{dasar}-{sidik(repr(kunci))}"
            n = 2
            while s in dipakai:  # praktis tidak terjadi (tabrakan hash); tetap dijamin unik
                s = f"{dasar}-{sidik(repr(kunci) + str(n))}"
                n += 1
        dipakai.add(s)
        hasil[kunci] = s
    return hasil


def jangkar_kelompok(kid: str) -> str:
    """Jangkar kelompok di halaman unit (``k-<id>``)."""
    return f"k-{kid}"


def jangkar_alur(kid: str) -> str:
    """Jangkar diagram alur mekanisme sebuah kelompok (``alur-<id>``)."""
    return f"alur-{kid}"


def jangkar_tim(tid: str) -> str:
    """Jangkar tim kerja (``t-<id>``; ``tim-<id>`` dapat bentrok dengan ``tim-kerja``/``tim-lain``)."""
    return f"t-{tid}"


def jangkar_jabatan(nama: Iterable[str]) -> dict[str, str]:
    """Jangkar kartu jawaban per nama jabatan di halaman unit: ``{nama: "j-<slug>"}``.

    Nama yang tereduksi ke slug yang sama (``Analis X``/``Analis-X``) tetap mendapat jangkar
    sendiri (:func:`slug_unik`); ``j-`` + slug tidak pernah sama dengan ``jk-`` + id kelompok.
    """
    daftar = sorted(set(nama))
    return {n: f"j-{s}" for n, s in slug_unik({n: n for n in daftar}).items()}


def jangkar_jawab_kelompok(kid: str) -> str:
    """Jangkar kartu jawaban sebuah kelompok di halaman unit (``jk-<id>``)."""
    return f"jk-{kid}"
