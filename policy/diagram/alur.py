"""Diagram urutan (``sequenceDiagram``) dan daftar langkah untuk mekanisme kerja dan prosedur
penugasan (Lampiran A, B.2, D).

Lajur = aktor (jabatan sebenarnya + perannya), tiap langkah = satu panah dari pelaku ke
penerima, satu ``rect`` per tahap dengan ``Note`` nama tahap, ``alt``/``opt`` untuk cabang
bersyarat. ``autonumber`` memberi nomor; daftar langkah (alternatif teks diagram) memakai
nomor yang sama karena keduanya mengikuti urutan penulisan data yang sama.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Mapping

from policy.mekanisme import (
    PERAN,
    TAHAP,
    Blok,
    Butir,
    Lajur,
    Langkah,
    Mekanisme,
    Prosedur,
    mekanisme,
    prosedur,
)

from ._mermaid import BR, PembuatId, mermaid_py, rapikan, tanpa_judul, teks

#: Warna latar ``rect`` per tahap (terang, kontras cukup untuk teks hitam).
WARNA_TAHAP: dict[str, tuple[int, int, int]] = {
    "perencanaan": (232, 240, 254),
    "pelaksanaan": (232, 247, 238),
    "evaluasi": (254, 243, 224),
}

#: Lebar bungkus (karakter) untuk nama lajur dan label panah. Diagram dirancang untuk kolom isi
#: halaman unit (≈ 930 px pada jendela 1280 px): 4–5 lajur sempit, label pendek terbungkus.
LEBAR_NAMA = 16
LEBAR_LABEL = 22

#: Peran dalam label lajur, versi ringkas (baris kedua di bawah nama jabatan). Nama lengkapnya
#: (Pasal 1 angka 25–26, Lampiran B.2) ada di daftar langkah dan di :data:`policy.mekanisme.PERAN`.
PERAN_RINGKAS: dict[str, str] = {
    "ppk": "Penilai Kinerja",
    "pimpinan_unit": "Pimpinan Unit",
    "pimpinan_unit_pemilik": "Pimpinan Unit pemilik kinerja",
    "ppk_dituju": "Penilai Kinerja dituju",
    "pimpinan_unit_dituju": "Pimpinan Unit dituju",
    "pejabat_berwenang": "instansi pemohon",
    "pejabat_berwenang_dituju": "instansi dituju",
}

#: Konfigurasi Mermaid untuk diagram urutan (front matter): huruf 14 px, lajur rapat, tanpa baris
#: partisipan ulangan di bawah (nama lajur menempel di atas saat menggulir, diagram.js). Dibaca
#: Mermaid asli dan perender saat build (policy.diagram.svg) dengan cara yang sama.
KONFIG_URUTAN = {"fontSize": 14, "actorMargin": 10, "width": 130, "boxMargin": 8, "messageMargin": 30,
                 "diagramMarginX": 8, "diagramMarginY": 8, "mirrorActors": "false"}


@dataclass(frozen=True)
class LangkahTerisi:
    """Satu langkah dengan nama jabatan sebenarnya (untuk daftar langkah)."""

    nomor: int
    tahap: str | None
    pelaku: str
    penerima: str | None
    label: str
    uraian: str
    sumber: str
    kondisi: str | None
    huruf: str | None

    @property
    def judul_tahap(self) -> str | None:
        return TAHAP.get(self.tahap) if self.tahap else None


# ---------------------------------------------------------------------------
# Nama lajur
# ---------------------------------------------------------------------------


def _nama(lajur: Lajur, aktor: Mapping[str, str]) -> str | None:
    for k in lajur.semua_kunci:
        v = aktor.get(k)
        if v is not None and str(v).strip():
            return " ".join(str(v).split())
    return lajur.nama_bawaan


def _peran_teks(lajur: Lajur) -> str:
    label = [PERAN[p] for p in lajur.peran]
    if len(label) <= 1:
        return "".join(label)
    return ", ".join(label[:-1]) + " dan " + label[-1]


def _peran_ringkas(lajur: Lajur) -> str:
    label = [PERAN_RINGKAS.get(p, PERAN[p]) for p in lajur.peran]
    if len(label) <= 1:
        return "".join(label)
    return ", ".join(label[:-1]) + " dan " + label[-1]


def label_lajur(lajur: Lajur, aktor: Mapping[str, str]) -> str:
    """Label partisipan ter-escape: nama jabatan (terbungkus pendek), baris baru, (peran ringkas).

    Tanpa nama jabatan, label adalah nama peran lengkap. Peran yang sama dengan namanya
    (mis. "Ketua Tim") tidak diulang.
    """
    nama = _nama(lajur, aktor)
    peran = _peran_teks(lajur)
    if nama and peran and nama != peran:
        return teks(nama, LEBAR_NAMA) + BR + teks(f"({_peran_ringkas(lajur)})", LEBAR_NAMA)
    return teks(nama or peran or lajur.kunci, LEBAR_NAMA)


def nama_lajur(lajur: Lajur, aktor: Mapping[str, str]) -> str:
    """Nama tampil polos (belum di-escape) untuk daftar langkah."""
    nama = _nama(lajur, aktor)
    peran = _peran_teks(lajur)
    if nama and peran and nama != peran:
        return f"{nama} ({peran})"
    return nama or peran


_ISIAN = re.compile(r"\{([a-z0-9_]+)\}")


def _isi(uraian: str, lajur: tuple[Lajur, ...], aktor: Mapping[str, str]) -> str:
    """Isi tempat ``{kunci}`` dengan nama jabatan; tanpa nama → label peran yang dirujuk."""

    def ganti(m: re.Match[str]) -> str:
        kunci = m.group(1)
        lj = next(lj for lj in lajur if kunci in lj.semua_kunci)
        return _nama(lj, aktor) or PERAN.get(kunci, kunci)

    return _ISIAN.sub(ganti, uraian)


# ---------------------------------------------------------------------------
# Diagram urutan
# ---------------------------------------------------------------------------


def _urutan(
    lajur: tuple[Lajur, ...],
    bagian: list[tuple[str | None, tuple[Butir, ...]]],
    aktor: Mapping[str, str],
) -> str:
    mp = mermaid_py()
    ids = PembuatId("p", slug=False)
    peserta = []
    per_peran: dict[str, object] = {}
    for lj in lajur:
        p = mp.Participant(ids.baru())  # ID dari penghitung, bukan dari nama (mermaid-py mengubah nama)
        p.name = label_lajur(lj, aktor)
        peserta.append(p)
        for k in lj.semua_kunci:
            per_peran[k] = p

    def unsur(butir: tuple[Butir, ...]) -> list:
        hasil = []
        for b in butir:
            if isinstance(b, Langkah):
                asal = per_peran[b.pelaku]
                tuju = per_peran[b.penerima] if b.penerima else asal
                jenis = "Dotted-arrow" if b.balasan else "Solid-arrow"
                hasil.append(mp.SLink(asal, tuju, jenis, teks(b.label, LEBAR_LABEL)))
            else:
                hasil.append(blok(b))
        return hasil

    def blok(b: Blok):
        if b.jenis == "alt":
            cabang = {teks(c.kondisi): unsur(c.isi) for c in b.cabang}
            if len(cabang) != len(b.cabang):
                raise ValueError("kondisi cabang alt harus berbeda")
            return mp.Alt(cabang)
        if len(b.cabang) != 1:
            raise ValueError(f"blok {b.jenis} harus satu cabang")
        c = b.cabang[0]
        if b.jenis == "opt":
            return mp.Optional(teks(c.kondisi), unsur(c.isi))
        if b.jenis == "loop":
            return mp.Loop(teks(c.kondisi), unsur(c.isi))
        raise ValueError(f"jenis blok tidak dikenal: {b.jenis}")

    rentang = peserta if len(peserta) == 1 else [peserta[0], peserta[-1]]
    elemen: list = list(peserta)
    for tahap, butir in bagian:
        if tahap is None:
            elemen.extend(unsur(butir))
            continue
        isi = [mp.Note(teks(TAHAP[tahap]), rentang), *unsur(butir)]
        elemen.append(mp.Rect(isi, WARNA_TAHAP[tahap]))
    judul = "diagram"
    sd = mp.SequenceDiagram(judul, elemen, auto_number=True)
    badan = rapikan(tanpa_judul(sd.script, judul))
    # Kotak partisipan Mermaid tingginya tetap (65 px) kecuali diatur: label > 3 baris akan
    # meluber, maka tinggi kotak dinaikkan lewat front matter config (tanpa mengubah lebar).
    baris = max(p.name.count(BR) + 1 for p in peserta)
    konfig = dict(KONFIG_URUTAN)
    if baris > 3:
        konfig["height"] = 17 * baris + 16
    return _front_matter(konfig) + badan


def _front_matter(konfig: Mapping[str, int]) -> str:
    """Front matter ``config`` Mermaid: ``fontSize`` global, sisanya di bawah ``sequence``."""
    out = ["---", "config:"]
    if "fontSize" in konfig:
        out.append(f"  fontSize: {konfig['fontSize']}")
    out.append("  sequence:")
    out.extend(f"    {k}: {v}" for k, v in konfig.items() if k != "fontSize")
    return "\n".join(out + ["---", ""])


def diagram_mekanisme(kode: str, aktor: Mapping[str, str] | None = None) -> str:
    """Teks Mermaid ``sequenceDiagram`` untuk mekanisme ``kode`` (Lampiran A/D; pola umum).

    ``aktor`` memetakan kunci peran (``ppk``, ``pimpinan_unit``, ``pejabat_level_1``,
    ``sekretaris_daerah``, ``asisten``, ``kepala_bagian``, ``ketua_tim``, ``jf`` …) ke nama
    jabatan sebenarnya; peran yang dirangkap satu pejabat digambar sebagai satu lajur.
    """
    m = mekanisme(kode)
    return _urutan(m.lajur, [(t.kunci, t.butir) for t in m.tahap], aktor or {})


def diagram_prosedur(gambar: int, aktor: Mapping[str, str] | None = None) -> str:
    """Teks Mermaid ``sequenceDiagram`` untuk prosedur penugasan Gambar 18–22 (Lampiran B.2)."""
    p = prosedur(gambar)
    return _urutan(p.lajur, [(None, p.butir)], aktor or {})


# ---------------------------------------------------------------------------
# Daftar langkah (alternatif teks)
# ---------------------------------------------------------------------------


def _terisi(alur: Mekanisme | Prosedur, aktor: Mapping[str, str]) -> list[LangkahTerisi]:
    hasil = []
    for lk in alur.langkah():
        pelaku = alur.lajur_untuk(lk.pelaku)
        penerima = alur.lajur_untuk(lk.penerima) if lk.penerima else None
        if penerima is pelaku:
            penerima = None
        hasil.append(
            LangkahTerisi(
                nomor=lk.nomor,
                tahap=lk.tahap,
                pelaku=nama_lajur(pelaku, aktor),
                penerima=nama_lajur(penerima, aktor) if penerima else None,
                label=lk.label,
                uraian=_isi(lk.uraian, alur.lajur, aktor),
                sumber=lk.sumber,
                kondisi=lk.kondisi,
                huruf=lk.huruf,
            )
        )
    return hasil


def langkah_mekanisme(kode: str, aktor: Mapping[str, str] | None = None) -> list[LangkahTerisi]:
    """Langkah bernomor mekanisme ``kode`` (nomor = ``autonumber`` diagram)."""
    return _terisi(mekanisme(kode), aktor or {})


def langkah_prosedur(gambar: int, aktor: Mapping[str, str] | None = None) -> list[LangkahTerisi]:
    """Langkah bernomor prosedur penugasan Gambar 18–22."""
    return _terisi(prosedur(gambar), aktor or {})


def md(s: object) -> str:
    """Teks polos → satu baris Markdown situs: escape yang sama dengan halaman lain (:func:`policy.situs.md.teks`)."""
    from ..situs.md import teks  # impor di sini: modul situs memakai paket diagram

    return teks(s)


def _markdown(langkah: list[LangkahTerisi], tautan: Callable[[str], str] | None) -> str:
    baris = []
    for lk in langkah:
        if lk.huruf:
            awal = f"**{md(lk.huruf)})** — "
        elif lk.tahap:
            awal = f"**{md(TAHAP[lk.tahap].removeprefix('Tahap '))}** — "
        else:
            awal = ""
        pihak = f"{md(lk.pelaku)} → {md(lk.penerima)}" if lk.penerima else md(lk.pelaku)
        kondisi = f"*Jika {md(lk.kondisi)}:* " if lk.kondisi else ""
        sumber = f" ([sumber]({tautan(lk.sumber)}))" if tautan else ""
        baris.append(f"{lk.nomor}. {awal}{kondisi}{pihak}: {md(lk.uraian)}{sumber}")
    return "\n".join(baris) + "\n"


def langkah_markdown(
    kode: str,
    aktor: Mapping[str, str] | None = None,
    tautan: Callable[[str], str] | None = None,
) -> str:
    """Daftar bernomor Markdown untuk mekanisme ``kode``: alternatif teks diagramnya.

    Satu daftar berurutan (tidak dipecah per tahap, karena Python-Markdown memulai ulang
    nomor setiap daftar baru); tahap disebut di awal setiap butir. ``tautan`` opsional
    memetakan jangkar sumber ke URL.
    """
    return _markdown(langkah_mekanisme(kode, aktor), tautan)


def langkah_prosedur_markdown(
    gambar: int,
    aktor: Mapping[str, str] | None = None,
    tautan: Callable[[str], str] | None = None,
) -> str:
    """Daftar bernomor Markdown untuk prosedur penugasan Gambar 18–22 (huruf butir asli)."""
    return _markdown(langkah_prosedur(gambar, aktor), tautan)
