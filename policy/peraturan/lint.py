"""Lint hukum atas naskah Perbup Dairi 18/2024 di ``docs/peraturan/``.

Setiap pemeriksaan punya ID tetap (HK01…), tingkat, dan menunjuk berkas:baris:kolom.
Temuan yang sudah ditinjau Bagian Hukum dicatat di ``peraturan-baseline.yaml`` dengan
*sidik* (fingerprint) yang tidak bergantung pada nomor baris; lint keluar 1 hanya bila ada
temuan di luar baseline.

CLI: ``python -m policy.peraturan.lint [--format text|github|json] [--semua]``
(juga dipanggil lewat ``python -m policy lint-peraturan``).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from .. import keluaran
from ..keluaran import aman_terminal
from ..rules.registry import Lapor, aturan
from ..temuan import Temuan
from . import Elemen, Naskah, baca, ke_romawi, polos, romawi

if __name__ == "__main__":
    # ``python -m policy.peraturan.lint``: jalankan modul yang sudah terdaftar di registri (diimpor oleh
    # policy.rules), bukan salinan ``__main__`` ini yang akan mendaftarkan HK01–HK10 untuk kedua kalinya
    from policy.peraturan.lint import main as _main

    sys.exit(_main(sys.argv[1:]))

#: Dasar pemeriksaan yang tidak menunjuk satu bagian Perbup: kaidah penyusunan naskah peraturan.
TEKNIK = "UU 12/2011 Lampiran II (teknik penyusunan peraturan)"


def _lapor(halaman: str, baris: int, kolom: int, pesan: str, anchor: str, sidik: str) -> Lapor:
    """Laporan pada ``halaman:baris:kolom``; ``anchor`` + ``sidik`` membentuk sidik baseline."""
    return Lapor((), pesan, baris=(baris, kolom), berkas=halaman, anchor=anchor, bahan_sidik=sidik)


# --------------------------------------------------------------------------- penomoran

def _nilai(label: str, jenis: str) -> int | None:
    if jenis == "bab":
        return romawi(label)
    if label.isdigit():
        return int(label)
    if jenis == "butir" or (len(label) > 1 and romawi(label)):
        return romawi(label)
    if len(label) == 1 and label.isalpha():
        return ord(label) - ord("a") + 1
    return None


def _tampil(nilai: int, jenis: str, contoh: str) -> str:
    if jenis == "bab":
        return ke_romawi(nilai)
    if jenis == "butir":
        return ke_romawi(nilai).lower()
    if contoh.isdigit():
        return str(nilai)
    return chr(ord("a") + nilai - 1)


def _nama(e: Elemen, label: str | None = None) -> str:
    lab = label if label is not None else (e.label or "?")
    return {"bab": f"BAB {lab}", "pasal": f"Pasal {lab}", "ayat": f"ayat ({lab})",
            "huruf": f"huruf {lab}", "angka": f"angka {lab}", "butir": f"butir {lab}",
            "paragraf": f"Paragraf {lab}", "bagian": f"Bagian ke-{lab}",
            "gambar": f"Gambar {lab}"}.get(e.jenis, f"butir {lab}")


def _sejajar(n: Naskah) -> list[list[Elemen]]:
    """Unsur bernomor yang sejajar (jenis dan induk sama: BAB, Bagian, Paragraf, Pasal, ayat, huruf,
    angka, angka Lampiran), menurut urutan kemunculan."""
    kelompok: dict[tuple, list[Elemen]] = {}
    for e in n.elemen:
        if e.jenis == "lain" or (e.jenis == "lampiran" and e.induk is None):
            continue
        kelompok.setdefault((e.jenis, e.induk), []).append(e)
    return list(kelompok.values())


def _bernilai(anggota: list[Elemen]) -> list[tuple[Elemen, int]]:
    """(unsur, nilai nomornya) untuk unsur sejajar yang berlabel nomor/huruf yang dapat dibaca."""
    hasil = []
    for e in anggota:
        nilai = _nilai(e.label, e.jenis) if e.label is not None else None
        if nilai is not None:
            hasil.append((e, nilai))
    return hasil


@aturan("HK01", "error", "Nomor ganda", TEKNIK, (), tahap="naskah",
        penjelasan="Dua unsur sejajar (BAB, Pasal, ayat, huruf, angka) memakai nomor yang sama, "
                   "sehingga rujukan ke nomor itu menjadi ambigu.")
def nomor_ganda(n: Naskah) -> list[Lapor]:
    """Setiap nomor dipakai sekali di antara unsur sejajar."""
    hasil = []
    for anggota in _sejajar(n):
        terlihat: dict[str, Elemen] = {}
        for e, _nilai_e in _bernilai(anggota):
            if e.label in terlihat:
                lain = terlihat[e.label]
                hasil.append(_lapor(e.halaman, e.baris, e.kolom,
                                    f"{_nama(e)} dipakai dua kali (juga di {lain.halaman}:{lain.baris})",
                                    e.anchor, f"ganda:{e.label}"))
            terlihat.setdefault(e.label, e)
    return hasil


@aturan("HK02", "error", "Penomoran tidak berurutan", TEKNIK, (), tahap="naskah",
        penjelasan="Nomor unsur tidak melanjutkan nomor unsur sejajar sebelumnya (ada nomor yang "
                   "terlewat, terbalik, atau tidak dimulai dari awal).")
def nomor_berurutan(n: Naskah) -> list[Lapor]:
    """Nomor unsur sejajar dimulai dari 1 (a, I) dan bertambah satu-satu."""
    hasil = []
    for anggota in _sejajar(n):
        sebelum: Elemen | None = None
        harap = 1
        for e, nilai in _bernilai(anggota):
            if nilai != harap:
                setelah = f" setelah {_nama(sebelum)}" if sebelum else " sebagai nomor pertama"
                hasil.append(_lapor(e.halaman, e.baris, e.kolom,
                                    f"{_nama(e)} tidak berurutan: diharapkan "
                                    f"{_nama(e, _tampil(harap, e.jenis, e.label))}{setelah}",
                                    e.anchor, f"urut:{e.label}:{harap}"))
            sebelum, harap = e, nilai + 1
    return hasil


@aturan("HK03", "warning", "Nomor tidak cocok dengan alamat tetap", TEKNIK, (), tahap="naskah",
        penjelasan="Nomor yang tercetak berbeda dengan nomor pada alamat tetap (anchor) unsur, atau "
                   "butir tidak berlabel. Alamat tetap dipakai halaman lain untuk menaut ke naskah; "
                   "bila penomoran diubah, alamatnya perlu ditinjau.")
def nomor_sesuai_alamat(n: Naskah) -> list[Lapor]:
    """Nomor tercetak sama dengan nomor di alamat tetap unsur; BAB ke-N beralamat ``bab-N``."""
    hasil = []
    for anggota in _sejajar(n):
        for urut, e in enumerate(anggota, 1):
            label = e.label
            if label is None:
                if e.jenis in ("huruf", "angka", "butir", "ayat", "pasal", "bab"):
                    hasil.append(_lapor(e.halaman, e.baris, e.kolom,
                                        f"butir beralamat '{e.anchor}' tidak berlabel nomor/huruf "
                                        f"(periksa naskah asli)", e.anchor, "tanpa-label"))
                continue
            if _nilai(label, e.jenis) is None:
                continue
            nomor = e.nomor_anchor
            if e.jenis == "bab":
                if nomor != str(urut):
                    hasil.append(_lapor(e.halaman, e.baris, e.kolom,
                                        f"alamat '{e.anchor}' tidak sesuai urutan kemunculan BAB "
                                        f"(BAB ke-{urut}: seharusnya 'bab-{urut}')", e.anchor, "bab-urut"))
            elif nomor is not None and e.jenis != "lampiran" and nomor != label.lower():
                hasil.append(_lapor(e.halaman, e.baris, e.kolom,
                                    f"{_nama(e)} beralamat '{e.anchor}': nomor tercetak dan alamat "
                                    f"tetap berbeda", e.anchor, f"alamat:{label}"))
    return hasil


# --------------------------------------------------------------------------- rujukan silang

_EKSTERNAL = re.compile(r"^\s*(?:Undang|Peraturan|UU\b|Perpres|Permen)")
_RUJUK_PASAL = re.compile(
    r"\bPasal (\d+)(?: ayat \((\d+)\))?(?: huruf ([a-z])\b)?")
_RUJUK_AYAT = re.compile(r"\bayat \((\d+)\)(?: huruf ([a-z])\b)?")
_RUJUK_HURUF = re.compile(r"\bhuruf ([a-z])\b")
_RUJUK_GAMBAR = re.compile(r"\b[Gg]ambar (\d+)\b")
_RUJUK_CONTOH = re.compile(r"Contoh Penggambaran Alur Mekanisme Kerja angka (\d+)")
_GAMBAR_ATAS = re.compile(r"\bgambar di ?atas\b", re.IGNORECASE)


def _konteks(n: Naskah) -> list[tuple[str, int, str, Elemen | None, Elemen | None, Elemen | None]]:
    """(halaman, baris, teks, pasal/ayat terdekat, unsur anchor terdekat, judul terdekat) per baris."""
    hasil = []
    per_halaman: dict[str, dict[int, Elemen]] = {}
    for e in n.elemen:
        per_halaman.setdefault(e.halaman, {})[e.baris] = e
    for halaman, isi in n.baris.items():
        pasal = ayat = unsur = judul = None
        for no, teks in enumerate(isi, 1):
            e = per_halaman.get(halaman, {}).get(no)
            if e is not None:
                if e.jenis in ("bab", "bagian", "paragraf"):
                    pasal = ayat = None
                if e.jenis == "pasal":
                    pasal, ayat = e, None
                elif e.jenis == "ayat":
                    ayat = e
                if e.judul:
                    judul = e
                unsur = e
            elif teks.startswith("#"):
                pass
            hasil.append((halaman, no, teks, ayat or pasal, unsur, judul))
    return hasil


def _kolom(mentah: str, potongan: str, cadangan: int) -> int:
    """Kolom (1-based) potongan teks di baris mentah; cadangan bila tidak ditemukan apa adanya."""
    i = mentah.find(potongan)
    return i + 1 if i >= 0 else cadangan


# Rujukan ke Lampiran: "Lampiran F", "Lampiran B.7", "Lampiran B angka 7 [huruf c]",
# "angka 7 [huruf c] Lampiran B", "huruf c angka 7 Lampiran B" (juga "Lampiran huruf B").
_HURUF_LAMPIRAN = r"(?:Lampiran|LAMPIRAN) (?:huruf )?([A-Z])(?!\w)"
_RUJUK_LAMPIRAN_BELAKANG = re.compile(
    r"\b(?:huruf ([a-z]) )?angka (\d+)(?: huruf ([a-z]))? (?:(?:pada|dalam) )?" + _HURUF_LAMPIRAN)
_RUJUK_LAMPIRAN = re.compile(
    r"\b(?:Lampiran|LAMPIRAN) (?:huruf )?([A-Z])(?:\.(\d+)| angka (\d+))?(?: huruf ([a-z]))?(?!\w)")


@dataclass
class PetaLampiran:
    """Huruf Lampiran, angka di tiap Lampiran, dan huruf di tiap angka, menurut anchor naskah."""

    lampiran: dict[str, Elemen]                  # "B" -> unsur lampiran-b
    angka: dict[str, dict[int, Elemen]]          # "B" -> {1: lampiran-b-1, ...}
    huruf: dict[str, list[str]]                  # anchor induk (lampiran-b / lampiran-b-2) -> ["a", ...]

    def huruf_di(self, induk: str) -> list[str]:
        return self.huruf.get(induk, [])


def peta_lampiran(n: Naskah) -> PetaLampiran:
    """Struktur Lampiran dari anchor: ``lampiran-b``, ``lampiran-b-2`` / ``lampiran-c-angka-2``, dan
    butir berlabel huruf di bawahnya yang tidak berada di bawah nomor lain (``lampiran-b-2-huruf-f``,
    ``lampiran-b-1-rincian-a``, ``lampiran-d-1-perencanaan``; bukan ``lampiran-b-2-penunjukan-2-huruf-a``)."""
    lampiran: dict[str, Elemen] = {}
    angka: dict[str, dict[int, Elemen]] = {}
    for e in n.elemen:
        m = re.fullmatch(r"lampiran-([a-z])", e.anchor)
        if m and e.jenis == "lampiran":
            lampiran.setdefault(m.group(1).upper(), e)
            continue
        m = re.fullmatch(r"lampiran-([a-z])-(?:angka-)?(\d+)", e.anchor)
        if m and e.jenis in ("lampiran", "angka"):
            label = e.label if e.label and e.label.isdigit() else m.group(2)
            angka.setdefault(m.group(1).upper(), {}).setdefault(int(label), e)
    induk = [e.anchor for e in lampiran.values()] + [e.anchor for d in angka.values() for e in d.values()]
    huruf: dict[str, list[str]] = {}
    for e in n.elemen:
        label = e.label
        if e.jenis not in ("huruf", "lampiran") or not label or not re.fullmatch(r"[a-z]", label):
            continue
        for i in induk:
            sisa = e.anchor[len(i) + 1:] if e.anchor.startswith(i + "-") else ""
            if sisa and not any(bagian.isdigit() for bagian in sisa.split("-")):
                daftar = huruf.setdefault(i, [])
                if label not in daftar:
                    daftar.append(label)
    for daftar in huruf.values():
        daftar.sort()
    return PetaLampiran(lampiran, angka, huruf)


def _rentang(nilai: list) -> str:
    """[1, 2, 3, 5] -> "1–3, 5"; ["a", "b", "c"] -> "a–c"."""
    kunci = [ord(x) if isinstance(x, str) else x for x in nilai]
    bagian, i = [], 0
    while i < len(nilai):
        j = i
        while j + 1 < len(nilai) and kunci[j + 1] == kunci[j] + 1:
            j += 1
        bagian.append(str(nilai[i]) if i == j else f"{nilai[i]}–{nilai[j]}")
        i = j + 1
    return ", ".join(bagian)


def cek_rujukan_lampiran(peta: PetaLampiran, huruf_lampiran: str, angka: int | None,
                         huruf: str | None) -> tuple[str, str] | None:
    """Periksa satu rujukan Lampiran; None bila ada, selain itu (target baku, pesan) yang menyebut
    huruf/angka yang ada (HK10)."""
    nama = f"Lampiran {huruf_lampiran}"
    if huruf_lampiran not in peta.lampiran:
        return nama, f"{nama} tidak ada; Lampiran yang ada: {_rentang(sorted(peta.lampiran)) or '-'}"
    if angka is None:
        if huruf is None:
            return None
        induk, tempat = peta.lampiran[huruf_lampiran].anchor, nama
    else:
        ada = sorted(peta.angka.get(huruf_lampiran, {}))
        if angka not in ada:
            sebut = f"{nama} memuat angka {_rentang(ada)}" if ada else f"{nama} tidak bernomor angka"
            return f"{nama} angka {angka}", f"{nama} angka {angka} tidak ada; {sebut}"
        induk, tempat = peta.angka[huruf_lampiran][angka].anchor, f"{nama} angka {angka}"
        if huruf is None:
            return None
    ada_huruf = peta.huruf_di(induk)
    if huruf in ada_huruf:
        return None
    if ada_huruf:
        sebut = f"{tempat} memuat huruf {_rentang(ada_huruf)}"
    elif angka is None and peta.angka.get(huruf_lampiran):
        sebut = (f"{tempat} tidak memuat huruf langsung; rujuk angkanya dulu "
                 f"(angka {_rentang(sorted(peta.angka[huruf_lampiran]))})")
    else:
        sebut = f"{tempat} tidak memuat huruf"
    return f"{tempat} huruf {huruf}", f"{tempat} huruf {huruf} tidak ada; {sebut}"


def _rujukan(n: Naskah) -> list[tuple[str, Lapor]]:
    """Satu penelusuran semua rujukan (rujukan Lampiran dikenali lebih dulu agar "huruf c" di dalamnya
    tidak dibaca sebagai rujukan huruf biasa): ("HK04", …) untuk rujukan internal yang tidak ada,
    ("HK10", …) untuk rujukan Lampiran yang tidak ada."""
    temuan: list[tuple[str, Lapor]] = []
    ada = {e.anchor for e in n.elemen}
    gambar_baris = {int(e.nomor_anchor): e for e in n.jenis("gambar")}
    peta = peta_lampiran(n)

    def lapor(halaman, no, kolom, target, teks_rujukan, pemilik, tambahan=""):
        kolom = _kolom(n.baris[halaman][no - 1], teks_rujukan, kolom)
        temuan.append(("HK04", _lapor(halaman, no, kolom,
                                      f"rujukan \"{teks_rujukan}\" tidak ditemukan di naskah (alamat '{target}')"
                                      + tambahan,
                                      pemilik.anchor if pemilik else f"{halaman}", f"rujuk:{target}:{teks_rujukan}")))

    for halaman, no, mentah, pasal_ayat, unsur, judul in _konteks(n):
        if mentah.startswith("#") or "<!--" in mentah:
            teks_baris = polos(mentah) if not mentah.startswith("# ") else ""
        else:
            teks_baris = polos(mentah)
        if not teks_baris:
            continue
        kolom0 = 1 + (len(mentah) - len(mentah.lstrip()))
        pemilik = unsur
        ditangani: list[tuple[int, int]] = []
        # Pasal N [ayat (M)] [huruf x] — rujukan mutlak (kecuali ke peraturan lain)
        for m in _RUJUK_PASAL.finditer(teks_baris):
            if _EKSTERNAL.match(teks_baris[m.end():]):
                ditangani.append(m.span())
                continue
            ditangani.append(m.span())
            if teks_baris.startswith("Pasal ") and m.start() == 0 and pemilik and pemilik.jenis == "pasal":
                continue   # judul Pasal itu sendiri
            target = f"pasal-{m.group(1)}"
            if m.group(2):
                target += f"-ayat-{m.group(2)}"
            if m.group(3):
                target += f"-huruf-{m.group(3)}"
            if target not in ada:
                lapor(halaman, no, kolom0 + m.start(), target, m.group(0), pemilik)
        di_luar = lambda s: not any(a <= s < b for a, b in ditangani)  # noqa: E731
        # Lampiran X [angka N | .N] [huruf h] dan "angka N [huruf h] Lampiran X" (HK10)
        for pola in (_RUJUK_LAMPIRAN_BELAKANG, _RUJUK_LAMPIRAN):
            for m in pola.finditer(teks_baris):
                if not di_luar(m.start()):
                    continue
                ditangani.append(m.span())
                if _EKSTERNAL.match(teks_baris[m.end():]):
                    continue   # Lampiran peraturan lain
                if pola is _RUJUK_LAMPIRAN_BELAKANG:
                    h1, nomor, h2, huruf_lamp = m.groups()
                    huruf = h1 or h2
                else:
                    huruf_lamp, titik, nomor, huruf = m.groups()
                    nomor = nomor or titik
                hasil = cek_rujukan_lampiran(peta, huruf_lamp, int(nomor) if nomor else None, huruf)
                if hasil is None:
                    continue
                target, pesan = hasil
                kolom = _kolom(mentah, m.group(0), kolom0 + m.start())
                temuan.append(("HK10", _lapor(halaman, no, kolom, f"rujukan \"{m.group(0)}\": {pesan}",
                                              pemilik.anchor if pemilik else f"{halaman}",
                                              f"lampiran:{target}:{m.group(0)}")))
        # ayat (M) [huruf x] relatif terhadap Pasal yang sedang berlaku
        for m in _RUJUK_AYAT.finditer(teks_baris):
            if not di_luar(m.start()):
                continue
            if m.start() == 0:
                continue   # label ayat itu sendiri tidak diawali kata "ayat"
            ditangani.append(m.span())
            if pasal_ayat is None:
                continue
            pasal = pasal_ayat.anchor.split("-ayat-")[0]
            target = f"{pasal}-ayat-{m.group(1)}" + (f"-huruf-{m.group(2)}" if m.group(2) else "")
            if target not in ada:
                lapor(halaman, no, kolom0 + m.start(), target, m.group(0), pemilik)
        # huruf x relatif terhadap daftar tempat kalimat itu berada
        for m in _RUJUK_HURUF.finditer(teks_baris):
            if not di_luar(m.start()) or pemilik is None:
                continue
            induk = pemilik.induk if pemilik.jenis == "huruf" else None
            if induk is None:
                continue
            target = f"{induk}-huruf-{m.group(1)}"
            if target not in ada:
                sejajar = sorted({x.label for x in n.anak(induk)
                                  if x.jenis == "huruf" and x.label and re.fullmatch(r"[a-z]", x.label)})
                tambahan = f"; huruf yang ada di daftar ini: {_rentang(sejajar)}" if sejajar else ""
                lapor(halaman, no, kolom0 + m.start(), target, m.group(0), pemilik, tambahan)
        # Gambar N (bukan keterangan gambar itu sendiri)
        if not (pemilik and pemilik.jenis == "gambar" and pemilik.baris == no):
            for m in _RUJUK_GAMBAR.finditer(teks_baris):
                if int(m.group(1)) not in gambar_baris:
                    lapor(halaman, no, kolom0 + m.start(), f"gambar-{m.group(1)}", m.group(0), pemilik)
        for m in _RUJUK_CONTOH.finditer(teks_baris):
            target = f"lampiran-d-{m.group(1)}"
            if target not in ada:
                lapor(halaman, no, kolom0 + m.start(), target, m.group(0), pemilik)
        # "gambar di atas" harus didahului sebuah Gambar di bagian yang sama
        for m in _GAMBAR_ATAS.finditer(teks_baris):
            if judul is None:
                continue
            sebelumnya = [g for g in gambar_baris.values()
                          if g.halaman == halaman and judul.baris < g.baris < no]
            if not sebelumnya:
                sesudah = [g for g in gambar_baris.values() if g.halaman == halaman and g.baris > no]
                dekat = min(sesudah, key=lambda g: g.baris, default=None)
                tambahan = f"; gambar terdekat ({_nama(dekat)}) berada di bawahnya" if dekat else ""
                temuan.append(("HK04", _lapor(halaman, no, _kolom(mentah, m.group(0), kolom0 + m.start()),
                                              f"\"{m.group(0)}\" di {judul.anchor} tidak menunjuk gambar apa pun "
                                              f"di atasnya{tambahan}", judul.anchor, "gambar-di-atas")))
    return temuan


@aturan("HK04", "error", "Rujukan silang tidak ditemukan", TEKNIK, (), tahap="naskah",
        penjelasan="Naskah merujuk Pasal, ayat, huruf, angka, contoh, atau Gambar yang tidak ada, "
                   "atau merujuk \"gambar di atas\" padahal gambarnya berada di bawah.")
def rujukan_ada(n: Naskah) -> list[Lapor]:
    """Setiap rujukan internal (Pasal/ayat/huruf, Gambar, contoh angka, "gambar di atas") dapat ditemukan."""
    return [lap for rid, lap in _rujukan(n) if rid == "HK04"]


@aturan("HK10", "error", "Rujukan Lampiran tidak ditemukan", TEKNIK, (), tahap="naskah",
        penjelasan="Naskah merujuk huruf Lampiran (\"Lampiran F\"), nomor angka di dalam Lampiran "
                   "(\"Lampiran B angka 9\", \"Lampiran B.9\", \"angka 9 Lampiran B\"), atau huruf di dalam "
                   "angka itu (\"Lampiran B angka 2 huruf z\") yang tidak ada. Pesan temuan menyebut "
                   "huruf/angka yang ada.")
def rujukan_lampiran_ada(n: Naskah) -> list[Lapor]:
    """Setiap rujukan ke Lampiran (huruf Lampiran, angka, huruf di dalam angka) dapat ditemukan."""
    return [lap for rid, lap in _rujukan(n) if rid == "HK10"]


# --------------------------------------------------------------------------- prosedur pelibatan

_KALIMAT_PELIBATAN = re.compile(r"permohonan pelibatan dijelaskan dalam ((?:Gambar \d+(?:, dan |, | dan )?)+)")


def gambar_prosedur_pelibatan(n: Naskah) -> dict[int, Elemen]:
    """Gambar mekanisme penugasan (Lampiran B angka 2) yang memakai surat permohonan pelibatan."""
    hasil: dict[int, Elemen] = {}
    for j in n.elemen:
        if not (j.judul and re.match(r"lampiran-b-2-(?:penunjukan|pengajuan-sukarela)-\d+$", j.anchor)):
            continue
        isi = n.bagian_dari(j)
        teks = " ".join(polos(t) for _, t in isi)
        if "surat permohonan" not in teks:
            continue
        for no, _t in isi:
            for g in n.jenis("gambar"):
                if g.halaman == j.halaman and g.baris == no:
                    hasil[int(g.nomor_anchor)] = g
    return hasil


@aturan("HK05", "error", "Rujukan prosedur permohonan pelibatan keliru",
        "Lampiran B angka 2 (surat permohonan pelibatan)", ("lampiran-b-2",), tahap="naskah",
        penjelasan="Kalimat \"Proses permohonan pelibatan dijelaskan dalam Gambar …\" harus menunjuk "
                   "gambar mekanisme yang memakai surat permohonan pelibatan (penunjukan lintas Unit "
                   "Organisasi, penunjukan lintas instansi, pengajuan sukarela lintas Unit Organisasi).")
def rujukan_prosedur_pelibatan(n: Naskah) -> list[Lapor]:
    """Rujukan "permohonan pelibatan dijelaskan dalam Gambar …" menunjuk gambar prosedurnya."""
    prosedur = gambar_prosedur_pelibatan(n)
    semua = {int(g.nomor_anchor): g for g in n.jenis("gambar")}
    temuan = []
    for halaman, no, mentah, _pa, unsur, judul in _konteks(n):
        teks = polos(mentah)
        for m in _KALIMAT_PELIBATAN.finditer(teks):
            dirujuk = [int(x) for x in re.findall(r"\d+", m.group(1))]
            kurang = sorted(set(prosedur) - set(dirujuk))
            for g in dirujuk:
                if g in prosedur or g not in semua:
                    continue
                ket = polos(semua[g].teks)
                pesan = (f"Gambar {g} bukan gambar prosedur permohonan pelibatan (\"{ket}\"); "
                         f"gambar prosedur: {', '.join(f'Gambar {x}' for x in sorted(prosedur))}")
                if kurang:
                    pesan += f"; tidak dirujuk: {', '.join(f'Gambar {x}' for x in kurang)}"
                col = 1 + mentah.find(f"Gambar {g}") if f"Gambar {g}" in mentah else 1
                pemilik = judul.anchor if judul else halaman
                temuan.append(_lapor(halaman, no, col, pesan, pemilik, f"gambar:{g}"))
    return temuan


# --------------------------------------------------------------------------- rincian berulang

@aturan("HK06", "warning", "Rincian berulang", TEKNIK, (), tahap="naskah",
        penjelasan="Daftar butir yang sama persis muncul di bawah dua ketentuan yang berbeda; "
                   "kemungkinan salin-tempel yang belum disesuaikan.")
def rincian_tidak_berulang(n: Naskah) -> list[Lapor]:
    """Daftar huruf/angka yang sama persis tidak muncul di bawah dua ketentuan berbeda (mis. Pasal 7)."""
    daftar: dict[str, list[Elemen]] = {}
    for e in n.elemen:
        if e.jenis in ("huruf", "angka", "butir") and not e.judul and e.induk:
            daftar.setdefault(e.induk, []).append(e)

    def isi(e: Elemen) -> str:
        return re.sub(r"^\(?[0-9a-z]+[.)]\s*", "", polos(e.teks)).lower()

    temuan = []
    dilihat: dict[tuple[str, ...], str] = {}
    for induk, butir in daftar.items():
        if len(butir) < 2:
            continue
        kunci = tuple(isi(b) for b in butir)
        if kunci in dilihat:
            asal = dilihat[kunci]
            e = butir[0]
            asal_e = n.cari(asal)
            temuan.append(_lapor(e.halaman, e.baris, e.kolom,
                                 f"{len(butir)} butir di bawah '{induk}' sama persis dengan butir di "
                                 f"bawah '{asal}' ({asal_e.halaman if asal_e else '?'}:"
                                 f"{asal_e.baris if asal_e else '?'})", induk, f"ulang:{asal}"))
        else:
            dilihat[kunci] = induk
    return temuan


# --------------------------------------------------------------------------- pejabat dalam contoh

#: Sebutan jabatan → kunci jabatan. Urutan penting: yang lebih panjang lebih dulu.
SEBUTAN_JABATAN: list[tuple[str, str]] = [
    (r"Pejabat Pimpinan Tinggi Madya", "jpt_madya"),
    (r"(?:Pejabat|Jabatan) Pimpinan Tinggi Pratama|JPT Pratama", "jpt_pratama"),
    (r"Pejabat Pimpinan Administrator", "tidak-baku:Pejabat Pimpinan Administrator"),
    (r"Pejabat Adm[a-z]*istrator", "administrator"),
    (r"Pejabat Pengawas", "pengawas"),
    (r"Asisten Sekretaris Daerah Pratama", "tidak-baku:Asisten Sekretaris Daerah Pratama"),
    (r"Asisten Sekretaris Daerah", "asisten_sekda"),
    (r"Asisten Daerah", "tidak-baku:Asisten Daerah"),
    (r"Sekretaris Daerah", "sekda"),
    (r"Kepala Bagian", "kepala_bagian"),
]
#: Pejabat yang memang berada di struktur unit yang disebut judul (pimpinan unit dan atasannya).
_TERSIRAT = {"sekretariat daerah": {"sekda", "asisten_sekda", "kepala_bagian"}}


def jabatan_dalam(teks: str) -> list[tuple[str, str, int]]:
    """(kunci, sebutan, posisi) untuk setiap sebutan jabatan dalam teks (tanpa tumpang tindih)."""
    hasil, terpakai = [], []
    for pola, kunci in SEBUTAN_JABATAN:
        for m in re.finditer(pola, teks):
            if any(a < m.end() and m.start() < b for a, b in terpakai):
                continue
            terpakai.append(m.span())
            hasil.append((kunci, m.group(0), m.start()))
    return sorted(hasil, key=lambda x: x[2])


@aturan("HK07", "warning", "Pejabat di luar judul contoh", "Lampiran D (contoh alur mekanisme kerja)",
        ("lampiran-d",), tahap="naskah",
        penjelasan="Uraian contoh alur mekanisme kerja (Lampiran D) menyebut pejabat yang tidak ada "
                   "pada judul contoh itu, atau menyebut jabatan dengan sebutan yang tidak baku.")
def pejabat_contoh_sesuai_judul(n: Naskah) -> list[Lapor]:
    """Uraian contoh Lampiran D hanya menyebut pejabat yang ada pada judul contoh itu."""
    temuan = []
    for j in n.elemen:
        if not (j.judul and re.fullmatch(r"lampiran-d-\d+", j.anchor)):
            continue
        isi = n.bagian_dari(j)
        # judul + subjudul miring yang langsung mengikutinya
        kepala = polos(j.teks)
        tubuh = []
        for no, t in isi:
            if not t.strip():
                continue
            if not tubuh and t.startswith("*(") and not kepala.endswith(")"):
                kepala += " " + polos(t)
                continue
            tubuh.append((no, t))
        boleh = {k for k, _s, _p in jabatan_dalam(kepala) if not k.startswith("tidak-baku")}
        for kata, tersirat in _TERSIRAT.items():
            if kata in kepala.lower():
                boleh |= tersirat
        sudah: set[tuple[str, str]] = set()
        for no, t in tubuh:
            if t.startswith("<a id=\"gambar-") or t.startswith("<!--"):
                continue
            teks = polos(t)
            for kunci, sebutan, pos in jabatan_dalam(teks):
                if kunci in boleh or (kunci, sebutan) in sudah:
                    continue
                sudah.add((kunci, sebutan))
                if kunci.startswith("tidak-baku"):
                    pesan = (f"contoh {j.anchor.rsplit('-', 1)[1]} menyebut \"{sebutan}\", sebutan jabatan "
                             f"yang tidak baku dan tidak ada pada judul contoh")
                else:
                    pesan = (f"contoh {j.anchor.rsplit('-', 1)[1]} menyebut \"{sebutan}\", padahal judulnya "
                             f"hanya menyebut {', '.join(s for _k, s, _p in jabatan_dalam(kepala))}")
                col = 1 + t.find(sebutan) if sebutan in t else 1
                temuan.append(_lapor(j.halaman, no, col, pesan, j.anchor, f"pejabat:{sebutan}"))
    return temuan


# --------------------------------------------------------------------------- contoh tidak dirujuk

@aturan("HK08", "warning", "Contoh tidak dirujuk", "Lampiran B angka 2 dan Lampiran D",
        ("lampiran-b-2", "lampiran-d"), tahap="naskah",
        penjelasan="Contoh alur mekanisme kerja di Lampiran D tidak dirujuk oleh struktur penugasan "
                   "mana pun di Lampiran B angka 2.")
def contoh_dirujuk(n: Naskah) -> list[Lapor]:
    """Setiap contoh Lampiran D dirujuk dari struktur penugasan (Lampiran B angka 2)."""
    dirujuk = set()
    for isi in n.baris.values():
        for t in isi:
            dirujuk.update(int(x) for x in _RUJUK_CONTOH.findall(polos(t)))
    temuan = []
    for j in n.elemen:
        m = re.fullmatch(r"lampiran-d-(\d+)", j.anchor)
        if m and j.judul and int(m.group(1)) not in dirujuk:
            temuan.append(_lapor(j.halaman, j.baris, j.kolom,
                                 f"contoh angka {m.group(1)} (\"{polos(j.teks)}\") tidak dirujuk oleh "
                                 f"struktur penugasan mana pun di Lampiran B angka 2", j.anchor, "tidak-dirujuk"))
    return temuan


# --------------------------------------------------------------------------- ringkasan vs rincian

@aturan("HK09", "warning", "Ringkasan berbeda dengan rincian", "Lampiran B angka 1 (kedudukan)",
        ("lampiran-b-1",), tahap="naskah",
        penjelasan="Daftar ringkas kondisi kedudukan (Lampiran B angka 1) tidak memuat butir yang "
                   "sama dengan penjelasan terperincinya.")
def ringkasan_sama_dengan_rincian(n: Naskah) -> list[Lapor]:
    """Kondisi kedudukan Lampiran B.1 huruf a–f sama dengan penjelasan terperincinya."""
    def bersih(t: str) -> str:
        t = re.sub(r"^\(?[0-9a-z]+[.)]\s*", "", polos(t))
        t = re.split(r",? dengan bagan", t)[0]
        return t.rstrip(" .;,:").lower()

    temuan = []
    for e in n.elemen:
        m = re.fullmatch(r"(lampiran-b-1)-huruf-([a-z])", e.anchor)
        if not m:
            continue
        ringkas = [bersih(x.teks) for x in n.anak(e.anchor)]
        rinci = [bersih(x.teks) for x in n.elemen
                 if re.fullmatch(rf"{m.group(1)}-rincian-{m.group(2)}-\d+", x.anchor)]
        if not ringkas and not rinci:
            continue
        hilang = [r for r in rinci if r not in ringkas]
        lebih = [r for r in ringkas if r not in rinci]
        if hilang or lebih:
            bagian = []
            if hilang:
                bagian.append("rincian memuat yang tidak ada di ringkasan: " + "; ".join(f"\"{h}\"" for h in hilang))
            if lebih:
                bagian.append("ringkasan memuat yang tidak ada di rincian: " + "; ".join(f"\"{x}\"" for x in lebih))
            temuan.append(_lapor(e.halaman, e.baris, e.kolom,
                                 f"huruf {m.group(2)}: ringkasan {len(ringkas)} butir, rincian {len(rinci)} butir; "
                                 + "; ".join(bagian), e.anchor, "ringkasan"))
    return temuan


def lint(docs_dir: Path) -> list[Temuan]:
    """Jalankan semua aturan tahap ``naskah``; hasil urut (berkas, baris, kolom, ID, pesan), tanpa duplikat."""
    from ..rules import jalankan_naskah

    return jalankan_naskah(baca(docs_dir))


# --------------------------------------------------------------------------- baseline

def baca_baseline(path: Path) -> dict[tuple[str, str], dict]:
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {(str(x["id"]), str(x["sidik"])): x for x in data.get("temuan") or []}


def tulis_baseline(path: Path, temuan: list[Temuan], lama: dict[tuple[str, str], dict]) -> None:
    """Tulis baseline; alasan yang sudah ada dipertahankan."""
    baris = [
        "# Temuan lint naskah Perbup Dairi 18/2024 yang sudah ditinjau Bagian Hukum.",
        "# Naskah diterbitkan sesuai aslinya, jadi temuan ini diterima sampai peraturannya diubah.",
        "# Dicocokkan lewat id + sidik (tidak bergantung nomor baris); berkas/baris/pesan hanya untuk dibaca.",
        "# Perbarui: python -m policy.peraturan.lint --perbarui-baseline",
        "temuan:",
    ]
    for t in temuan:
        alasan = (lama.get((t.rule, t.sidik)) or {}).get("alasan", "Naskah diterbitkan sesuai aslinya.")
        baris += [
            f"  - id: {t.rule}",
            f"    sidik: {json.dumps(t.sidik)}",
            f"    berkas: {t.file}",
            f"    baris: {t.line}",
            f"    pesan: {json.dumps(aman_terminal(t.message), ensure_ascii=False)}",
            f"    alasan: {json.dumps(alasan, ensure_ascii=False)}",
        ]
    path.write_text("\n".join(baris) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- keluaran

def format_text(t: Temuan, di_baseline: bool) -> str:
    """Satu baris terminal: format dan escape yang sama dengan ``python -m policy check``."""
    return keluaran.baris_teks(t) + (" (baseline)" if di_baseline else "")


def format_github(t: Temuan) -> str:
    """Anotasi workflow GitHub: format dan escape yang sama dengan ``check --format github``."""
    return keluaran.baris_github(t)


def main(argv: list[str] | None = None) -> int:
    """CLI lint naskah. Keluar 0 bila semua temuan ada di baseline, 1 bila ada temuan baru, 2 bila salah pakai."""
    p = argparse.ArgumentParser(prog="python -m policy lint-peraturan",
                                description="Lint hukum naskah Perbup Dairi 18/2024 di docs/peraturan/.")
    p.add_argument("--format", choices=("text", "github", "json"), default="text")
    p.add_argument("--semua", action="store_true", help="tampilkan juga temuan yang sudah ada di baseline")
    p.add_argument("--root", type=Path, default=Path.cwd(), help="akar repositori (bawaan: direktori kerja)")
    p.add_argument("--docs", type=Path, default=None, help="direktori docs (bawaan: ROOT/docs)")
    p.add_argument("--baseline", type=Path, default=None,
                   help="berkas baseline (bawaan: ROOT/peraturan-baseline.yaml)")
    p.add_argument("--perbarui-baseline", action="store_true",
                   help="tulis semua temuan saat ini ke baseline lalu keluar 0")
    try:
        a = p.parse_args(argv)
    except SystemExit as e:
        return 0 if e.code == 0 else 2
    docs = a.docs or a.root / "docs"
    baseline_path = a.baseline or a.root / "peraturan-baseline.yaml"
    if not (docs / "peraturan").is_dir():
        print(f"tidak ada direktori naskah: {docs / 'peraturan'}", file=sys.stderr)
        return 2
    root = a.root.resolve()
    temuan = lint(docs)
    # path berkas relatif terhadap akar repositori bila mungkin
    def relatif(h: str) -> str:
        p_ = (docs / h).resolve()
        try:
            return p_.relative_to(root).as_posix()
        except ValueError:
            return p_.as_posix()
    temuan = [replace(t, file=relatif(t.file)) for t in temuan]
    try:
        baseline = baca_baseline(baseline_path)
    except (yaml.YAMLError, KeyError, TypeError) as e:
        print(aman_terminal(f"baseline tidak dapat dibaca ({baseline_path}): {e}"), file=sys.stderr)
        return 2
    if a.perbarui_baseline:
        tulis_baseline(baseline_path, temuan, baseline)
        print(f"baseline ditulis: {baseline_path} ({len(temuan)} temuan)")
        return 0
    di_bl = [(t.rule, t.sidik) in baseline for t in temuan]
    baru = [t for t, b in zip(temuan, di_bl) if not b]
    tampil = [(t, b) for t, b in zip(temuan, di_bl) if a.semua or not b]
    if a.format == "json":
        print(json.dumps({
            "jumlah": len(temuan), "baru": len(baru), "baseline": len(temuan) - len(baru),
            "temuan": [dict(id=t.rule, severity=t.severity, file=t.file, line=t.line, col=t.col,
                            message=t.message, anchor=t.anchor, sidik=t.sidik, baseline=b)
                       for t, b in tampil],
        }, ensure_ascii=False, indent=2, sort_keys=True))
    elif a.format == "github":
        for t, _b in tampil:
            print(format_github(t))
    else:
        for t, b in tampil:
            print(format_text(t, b))
        print(f"{len(temuan)} temuan: {len(temuan) - len(baru)} di baseline, {len(baru)} baru")
    return 1 if baru else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
