"""Berkas alur: langkah mekanisme kerja (Lampiran A dan D) dan prosedur penugasan (Lampiran B.2)
sebagai data, satu berkas YAML per alur di ``docs/peraturan/alur/`` — di samping naskah yang
digambarkannya. Format berkas dijelaskan di ``docs/peraturan/alur/README.md``.

Modul ini memuat dan memvalidasi berkas-berkas itu (model Pydantic, kolom tak dikenal ditolak,
kesalahan ditunjuk ``berkas:baris:kolom``) dan memeriksa silang terhadap katalog
(:mod:`policy.katalog`: kode mekanisme/prosedur, peran, tahap) dan naskah (setiap jangkar ada di
``docs/peraturan/*.md``). :mod:`policy.mekanisme` menyusun objek alurnya dari hasil muat.

Setiap langkah menunjuk kalimat yang digambarkannya (``sumber`` + ``kalimat``) dan kata kunci yang
harus ada di kalimat itu; :func:`periksa_naskah` mencocokkan langkah dengan naskah (pelaku,
penerima, kata kunci), sehingga perubahan naskah yang mengubah alur gagal di tes sampai berkas alur
mengikutinya.

Folder lain dipilih lewat variabel lingkungan ``POLICY_ALUR`` (dibaca saat
:mod:`policy.mekanisme` pertama kali diimpor); naskah yang dipakai adalah halaman Markdown di folder
induknya (``<docs>/peraturan/alur`` → ``<docs>``).
"""
from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Iterator, Literal, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, ValidationError

from . import peraturan
from .katalog import Katalog, KatalogTidakSah, katalog
from .katalog import _pesan_validasi
from .muat import Dokumen, muat_yaml, tampil_path

#: folder bawaan berkas alur (di samping naskah ``docs/peraturan/*.md``)
FOLDER_BAWAAN = peraturan.DOCS_BAWAAN / "peraturan" / "alur"
#: variabel lingkungan yang menunjuk folder berkas alur lain
ENV = "POLICY_ALUR"

Kunci = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
Kode = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9-]*$", max_length=40)]
Anchor = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=120)]
Pendek = Annotated[str, Field(min_length=1, max_length=120)]
Teks = Annotated[str, Field(min_length=1, max_length=1200)]
Nomor = Annotated[int, Field(ge=1, le=200)]
KataKunci = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9/ -]*[a-z0-9]$", max_length=60)]


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class LajurData(_M):
    """Satu lajur diagram: pejabat yang merangkap ``peran``; ``alias`` menunjuk lajur yang sama tanpa tampil."""

    kunci: Kunci
    peran: list[Kunci]
    alias: list[Kunci] = Field(default_factory=list)
    nama_bawaan: Pendek | None = None
    #: sebutan lain pejabat lajur ini di naskah (untuk pencocokan dengan naskah), mis. "individu"
    disebut: list[Pendek] = Field(default_factory=list)


class LangkahData(_M):
    """Satu langkah: pelaku (→ penerima) mengerjakan ``label``; ``uraian`` kalimat lengkapnya."""

    pelaku: Kunci
    penerima: Kunci | None = None
    label: Pendek
    uraian: Teks
    #: kalimat ke-berapa (1, 2, ...) dari teks di ``sumber`` yang digambarkan langkah ini
    kalimat: Nomor | Annotated[list[Nomor], Field(min_length=1)]
    #: kata dasar (mis. ``susun``, ``tetap``) atau frasa yang harus ada di kalimat itu
    kata_kunci: Annotated[list[KataKunci], Field(min_length=1)]
    #: pelaku/penerima yang tidak disebut kalimat itu (mis. kalimat pasif); dijelaskan di komentar
    tersirat: list[Literal["pelaku", "penerima"]] = Field(default_factory=list)
    #: jangkar naskah bila berbeda dari jangkar tahap/prosedur
    sumber: Anchor | None = None
    #: panah jawaban (garis putus-putus): penyampaian hasil, rekomendasi, jawaban
    balasan: bool = False
    #: penanda butir teks asli (prosedur), mis. "a" atau "e.1"
    huruf: Annotated[str, Field(pattern=r"^[a-z](\.[0-9]+)?$")] | None = None
    #: peran (katalog) yang menerima tembusan kiriman ini, mis. ``ppk_pemilik`` ("dengan tembusan ...")
    tembusan: list[Kunci] = Field(default_factory=list)

    def nomor_kalimat(self) -> list[int]:
        return [self.kalimat] if isinstance(self.kalimat, int) else list(self.kalimat)


class JikaData(_M):
    """Langkah yang hanya dikerjakan bila ``jika`` terpenuhi (blok ``opt`` diagram)."""

    jika: Pendek
    langkah: Annotated[list["ButirData"], Field(min_length=1)]


class UlangiData(_M):
    """Langkah yang diulang selama ``ulangi`` (blok ``loop`` diagram)."""

    ulangi: Pendek
    langkah: Annotated[list["ButirData"], Field(min_length=1)]


class CabangData(_M):
    jika: Pendek
    langkah: Annotated[list["ButirData"], Field(min_length=1)]


class PilihanData(_M):
    """Cabang yang saling meniadakan (blok ``alt`` diagram): tepat satu dikerjakan."""

    pilihan: Annotated[list[CabangData], Field(min_length=2)]


def _jenis_butir(v) -> str:
    if isinstance(v, dict):
        if "pilihan" in v:
            return "@pilihan"
        if "ulangi" in v:
            return "@ulangi"
        if "jika" in v:
            return "@jika"
    return "@langkah"


ButirData = Annotated[
    Union[
        Annotated[LangkahData, Tag("@langkah")],
        Annotated[JikaData, Tag("@jika")],
        Annotated[PilihanData, Tag("@pilihan")],
        Annotated[UlangiData, Tag("@ulangi")],
    ],
    Discriminator(_jenis_butir),
]


class TahapData(_M):
    sumber: Anchor
    langkah: Annotated[list[ButirData], Field(min_length=1)]


class InterpretasiData(_M):
    """Alur yang tidak tertulis di naskah (pola umum): jangkar ketentuan dan contoh yang mendasarinya."""

    dasar: Annotated[list[Anchor], Field(min_length=1)]


class BerkasMekanisme(_M):
    mekanisme: Kode
    lajur: Annotated[list[LajurData], Field(min_length=1)]
    #: nama jenjang yang dipakai naskah untuk peran (gambar generik, halaman mekanisme)
    nama_generik: dict[Kunci, Pendek] = Field(default_factory=dict)
    catatan: list[Teks] = Field(default_factory=list)
    interpretasi: InterpretasiData | None = None
    #: tahap menurut katalog (perencanaan, pelaksanaan, evaluasi), berurutan
    tahap: dict[Kunci, TahapData]


class BerkasProsedur(_M):
    prosedur: Kode
    lajur: Annotated[list[LajurData], Field(min_length=1)]
    nama_generik: dict[Kunci, Pendek] = Field(default_factory=dict)
    catatan: list[Teks] = Field(default_factory=list)
    langkah: Annotated[list[ButirData], Field(min_length=1)]


for _m in (JikaData, UlangiData, CabangData):
    _m.model_rebuild()


class AlurTidakSah(KatalogTidakSah):
    """Berkas alur tidak dapat dimuat; ``pesan`` berisi baris ``berkas:baris:kolom: ...``."""

    judul = "berkas alur tidak sah"

    def __init__(self, pesan: list[str]):
        self.pesan = pesan
        ValueError.__init__(self, "berkas alur tidak sah:\n" + "\n".join(pesan))


@dataclass(frozen=True)
class Berkas:
    """Satu berkas alur tervalidasi dengan dokumennya (posisi setiap nilai)."""

    isi: BerkasMekanisme | BerkasProsedur
    dok: Dokumen

    @property
    def kode(self) -> str:
        return self.isi.mekanisme if isinstance(self.isi, BerkasMekanisme) else self.isi.prosedur

    def posisi(self, jalur: tuple, kunci: bool = False) -> str:
        """``berkas:baris:kolom`` nilai di ``jalur`` (``kunci``: nama kolomnya)."""
        line, col = self.dok.posisi_kunci(jalur) if kunci else self.dok.posisi(jalur)
        return f"{self.dok.file}:{line}:{col}"


@dataclass(frozen=True)
class Alur:
    """Semua berkas alur sebuah folder, menurut kode katalog."""

    folder: Path
    docs_dir: Path
    mekanisme: dict[str, Berkas]
    prosedur: dict[str, Berkas]


# ---------------------------------------------------------------------------------------------
# Penelusuran langkah
# ---------------------------------------------------------------------------------------------


def jalan(butir: list, jalur: tuple) -> Iterator[tuple[LangkahData, tuple]]:
    """(langkah, jalur di berkas) secara mendalam, dalam urutan penulisan."""
    for i, b in enumerate(butir):
        if isinstance(b, LangkahData):
            yield b, (*jalur, i)
        elif isinstance(b, PilihanData):
            for j, c in enumerate(b.pilihan):
                yield from jalan(c.langkah, (*jalur, i, "pilihan", j, "langkah"))
        else:
            yield from jalan(b.langkah, (*jalur, i, "langkah"))


def langkah_berkas(b: Berkas, kat: Katalog | None = None) -> Iterator[tuple[LangkahData, tuple, str]]:
    """(langkah, jalur, jangkar sumber yang berlaku) setiap langkah sebuah berkas."""
    isi = b.isi
    if isinstance(isi, BerkasMekanisme):
        for kunci, t in isi.tahap.items():
            for lk, jalur in jalan(t.langkah, ("tahap", kunci, "langkah")):
                yield lk, jalur, lk.sumber or t.sumber
    else:
        anchor = _anchor_prosedur(isi.prosedur, kat)
        for lk, jalur in jalan(isi.langkah, ("langkah",)):
            yield lk, jalur, lk.sumber or anchor


def _anchor_prosedur(kode: str, kat: Katalog | None) -> str:
    for p in (kat or katalog()).isi.prosedur:
        if p.kode == kode:
            return p.anchor
    raise KeyError(kode)


# ---------------------------------------------------------------------------------------------
# Pemuatan dan pemeriksaan silang
# ---------------------------------------------------------------------------------------------


#: semua nama kolom yang dikenal (untuk saran "maksud Anda")
_KOLOM = sorted({f for m in (LajurData, LangkahData, JikaData, UlangiData, CabangData, PilihanData, TahapData,
                             InterpretasiData, BerkasMekanisme, BerkasProsedur) for f in m.model_fields})


def _dekat(nilai: object, pilihan) -> str:
    d = difflib.get_close_matches(str(nilai), [str(p) for p in pilihan], n=1, cutoff=0.6)
    return f" (maksud Anda '{d[0]}'?)" if d else ""


def _tampil(p: Path) -> str:
    rel = os.path.relpath(p) if p.is_absolute() else str(p)
    return tampil_path(p if rel.startswith("..") else rel)


def _muat_satu(p: Path) -> tuple[Berkas | None, list[str], object]:
    """(berkas, kesalahan, kode yang ditulis berkas itu bila terbaca)."""
    file = _tampil(p)
    dok = muat_yaml(p, file)
    if dok.data is None:
        return None, [f"{t.file}:{t.line}:{t.col}: {t.message}" + (f" ({t.hint})" if t.hint else "")
                      for t in dok.temuan], None
    data = dok.data
    if ("mekanisme" in data) == ("prosedur" in data):
        return None, [f"{file}:1:1: berkas alur diawali 'mekanisme: <kode>' atau 'prosedur: <kode>' (tepat satu)"], None
    kode = data.get("mekanisme", data.get("prosedur"))
    model = BerkasMekanisme if "mekanisme" in data else BerkasProsedur
    try:
        return Berkas(model.model_validate(data), dok), [], kode
    except ValidationError as err:
        return None, _pesan_validasi(dok, err, _KOLOM), kode


def _posisi_katalog(kat: Katalog, bagian: str, i: int) -> str:
    """``berkas:baris:kolom`` butir ke-``i`` bagian ``bagian`` katalog (untuk pesan alur yang belum ada)."""
    p = Path(kat.file)
    if p.is_file():
        dok = muat_yaml(p, kat.file)
        if dok.root is not None:
            line, col = dok.posisi((bagian, i, "kode"))
            return f"{kat.file}:{line}:{col}"
    return f"{kat.file}:1:1"


def _isian(uraian: str) -> list[str]:
    return re.findall(r"\{([a-z0-9_]+)\}", uraian)


def _periksa_berkas(b: Berkas, kat: Katalog, ada_anchor: set[str]) -> Iterator[tuple[tuple, str]]:
    """(jalur, pesan) untuk setiap rujukan yang putus di satu berkas."""
    isi = b.isi
    peran = set(kat.peran)
    lajur_dari: dict[str, int] = {}
    for i, lj in enumerate(isi.lajur):
        for kolom, daftar in (("kunci", [lj.kunci]), ("peran", lj.peran), ("alias", lj.alias)):
            for j, k in enumerate(daftar):
                jalur = ("lajur", i, kolom) if kolom == "kunci" else ("lajur", i, kolom, j)
                if k not in peran:
                    yield jalur, f"peran '{k}' tidak ada di katalog (bagian 'peran'){_dekat(k, peran)}"
                elif k in lajur_dari and lajur_dari[k] != i:
                    yield jalur, f"peran '{k}' sudah dipakai lajur ke-{lajur_dari[k] + 1}; satu peran hanya di satu lajur"
                else:
                    lajur_dari[k] = i
    for k in isi.nama_generik:
        if k not in lajur_dari:
            yield ("nama_generik", k), f"peran '{k}' tidak ada di lajur mana pun{_dekat(k, lajur_dari)}"

    def peran_sah(jalur: tuple, k: str | None, kolom: str):
        if k is not None and k not in lajur_dari:
            return [((*jalur, kolom), f"{kolom} '{k}' bukan peran lajur mana pun di berkas ini{_dekat(k, lajur_dari)}; "
                                      f"pilihan: {', '.join(lajur_dari)}")]
        return []

    def anchor_sah(jalur: tuple, a: str | None):
        if a is not None and a not in ada_anchor:
            return [(jalur, f"jangkar '{a}' tidak ada di naskah docs/peraturan/{_dekat(a, ada_anchor)}")]
        return []

    if isinstance(isi, BerkasMekanisme):
        km = kat.mekanisme.get(isi.mekanisme)
        if km is not None and (isi.interpretasi is not None) != km.interpretasi:
            yield (("interpretasi",) if isi.interpretasi else ("mekanisme",)), (
                f"mekanisme {isi.mekanisme} berjenis '{km.jenis}' di katalog: "
                + ("hanya pola umum yang ditandai interpretasi" if isi.interpretasi
                   else "pola umum wajib menulis 'interpretasi: {dasar: [...]}' (jangkar yang mendasarinya)"))
        if isi.interpretasi:
            for j, a in enumerate(isi.interpretasi.dasar):
                yield from anchor_sah(("interpretasi", "dasar", j), a)
        urut, tertulis = list(kat.tahap), list(isi.tahap)
        if tertulis != urut:
            salah = next((k for k, u in zip(tertulis, urut) if k != u), None)
            yield (("tahap", salah) if salah else ("tahap",)), (
                f"tahap harus tepat {', '.join(urut)} (urut seperti katalog); tertulis: {', '.join(tertulis)}"
                + (_dekat(salah, urut) if salah else ""))
        for k, t in isi.tahap.items():
            yield from anchor_sah(("tahap", k, "sumber"), t.sumber)
    for lk, jalur, _ in langkah_berkas(b, kat):
        yield from peran_sah(jalur, lk.pelaku, "pelaku")
        yield from peran_sah(jalur, lk.penerima, "penerima")
        for j, k in enumerate(lk.tembusan):
            if k not in peran:
                yield (*jalur, "tembusan", j), f"peran '{k}' tidak ada di katalog (bagian 'peran'){_dekat(k, peran)}"
        yield from anchor_sah((*jalur, "sumber"), lk.sumber)
        for isian in _isian(lk.uraian):
            if isian not in lajur_dari:
                yield (*jalur, "uraian"), f"isian '{{{isian}}}' bukan peran lajur mana pun{_dekat(isian, lajur_dari)}"
        if "penerima" in lk.tersirat and lk.penerima is None:
            yield (*jalur, "tersirat"), "'penerima' tersirat, padahal langkah ini tanpa penerima"
        if isinstance(isi, BerkasProsedur) and lk.huruf is None and lk.sumber is not None and "-huruf-" in lk.sumber:
            yield (*jalur, "huruf"), "langkah prosedur yang bersumber pada butir huruf menulis 'huruf'"


def folder_aktif() -> Path:
    """Folder berkas alur proses ini (``POLICY_ALUR`` atau bawaan)."""
    return Path(os.environ.get(ENV) or FOLDER_BAWAAN)


def docs_untuk(folder: Path) -> Path:
    """Folder docs/ yang naskahnya digambarkan berkas alur di ``folder`` (``<docs>/peraturan/alur``)."""
    return Path(folder).resolve().parent.parent


def muat(folder: Path | str | None = None, kat: Katalog | None = None) -> Alur:
    """Muat, validasi, dan periksa silang semua ``*.yaml`` di ``folder``; :class:`AlurTidakSah` bila ada kesalahan."""
    folder = Path(folder) if folder is not None else folder_aktif()
    kat = kat or katalog()
    docs = docs_untuk(folder)
    salah: list[str] = []
    if not folder.is_dir():
        raise AlurTidakSah([f"{_tampil(folder)}:1:1: folder berkas alur tidak ada"])
    berkas: list[Berkas] = []
    ditulis: set = set()  # kode yang ditulis berkas, juga berkas yang gagal dimuat
    for p in sorted(folder.glob("*.yaml")):
        b, s, kode = _muat_satu(p)
        salah.extend(s)
        ditulis.add(kode)
        if b is not None:
            berkas.append(b)
    ada_anchor = _anchors(str(docs))
    mek: dict[str, Berkas] = {}
    pro: dict[str, Berkas] = {}
    kode_prosedur = {p.kode for p in kat.isi.prosedur}
    for b in berkas:
        if isinstance(b.isi, BerkasMekanisme):
            tujuan, sah, kolom = mek, set(kat.mekanisme), "mekanisme"
        else:
            tujuan, sah, kolom = pro, kode_prosedur, "prosedur"
        if b.kode not in sah:
            salah.append(f"{b.posisi((kolom,))}: {kolom} '{b.kode}' tidak ada di katalog{_dekat(b.kode, sah)}; "
                         f"tambahkan dulu di bagian '{kolom}' {kat.file}")
            continue
        if b.kode in tujuan:
            salah.append(f"{b.posisi((kolom,))}: {kolom} '{b.kode}' sudah digambarkan {tujuan[b.kode].dok.file}; "
                         "satu alur satu berkas")
            continue
        tujuan[b.kode] = b
        for jalur, pesan in _periksa_berkas(b, kat, ada_anchor):
            salah.append(f"{b.posisi(jalur, kunci=jalur[:1] == ('tahap',) and len(jalur) == 2)}: {pesan}")
    for bagian, tujuan, daftar in (("mekanisme", mek, kat.isi.mekanisme), ("prosedur", pro, kat.isi.prosedur)):
        for i, x in enumerate(daftar):
            if x.kode not in tujuan and x.kode not in ditulis:
                salah.append(f"{_posisi_katalog(kat, bagian, i)}: {bagian} '{x.kode}' belum punya berkas alur; "
                             f"buat {_tampil(folder)}/<nama>.yaml yang diawali '{bagian}: {x.kode}'")
    if salah:
        raise AlurTidakSah(salah)
    urut_m = {x.kode: i for i, x in enumerate(kat.isi.mekanisme)}
    urut_p = {x.kode: i for i, x in enumerate(kat.isi.prosedur)}
    return Alur(folder, docs, dict(sorted(mek.items(), key=lambda kv: urut_m[kv[0]])),
                dict(sorted(pro.items(), key=lambda kv: urut_p[kv[0]])))


@lru_cache(maxsize=8)
def _naskah(docs: str) -> peraturan.Naskah:
    d = Path(docs)
    return peraturan.baca(d, tuple(sorted(p.relative_to(d).as_posix() for p in (d / "peraturan").glob("*.md"))))


def naskah(docs_dir: Path | str) -> peraturan.Naskah:
    """Semua halaman ``<docs>/peraturan/*.md`` dibaca sekali per proses (jangkar dan teksnya)."""
    return _naskah(str(Path(docs_dir).resolve()))


def _anchors(docs: str) -> set[str]:
    return {e.anchor for e in naskah(docs).elemen}


# ---------------------------------------------------------------------------------------------
# Naskah: kalimat di sebuah jangkar, kata dasar, dan pencocokan langkah dengan naskah
# ---------------------------------------------------------------------------------------------

_JUDUL = re.compile(r"^#{1,6}\s")
_BUTIR = re.compile(r"^[-*]\s+")
_LABEL = re.compile(r"^\(?(?:[0-9]+|[a-z]|[ivx]+)[.)]\s+")
_PISAH = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")


def _indent(baris: str) -> int:
    return len(baris.expandtabs(4)) - len(baris.expandtabs(4).lstrip())


def kalimat(naskah: peraturan.Naskah, anchor: str) -> list[str]:
    """Kalimat teks di ``anchor``, bernomor mulai 1 (indeks 0).

    Jangkar judul: teks sampai judul berikutnya (tingkat apa pun). Jangkar di awal paragraf/butir:
    baris itu dan anak butirnya. Setiap butir daftar dan setiap kalimat paragraf adalah satu
    kalimat; keterangan gambar dan komentar dilewati. KeyError bila jangkar tidak ada.
    """
    e = naskah.cari(anchor)
    if e is None:
        raise KeyError(anchor)
    isi = naskah.baris[e.halaman]
    if e.judul:
        baris = []
        for t in isi[e.baris:]:
            if _JUDUL.match(t):
                break
            baris.append(t)
    else:
        awal = isi[e.baris - 1]
        baris = [awal]
        for t in isi[e.baris:]:
            if not t.strip() or _indent(t) <= _indent(awal):
                break
            baris.append(t)
    hasil: list[str] = []
    for t in baris:
        if not t.strip() or 'id="gambar-' in t or t.strip().startswith("<!--"):
            continue
        t = _LABEL.sub("", _BUTIR.sub("", peraturan.polos(t)))
        hasil.extend(k.strip() for k in _PISAH.split(t) if k.strip())
    return hasil


_AWALAN = ("memper", "diper", "meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "per", "pe",
           "ber", "be", "ter", "di", "ke", "se")
_AKHIRAN = ("nya", "kan", "an", "i")
_VOKAL = frozenset("aiueo")


def akar(kata: str) -> frozenset[str]:
    """Kemungkinan kata dasar ``kata`` (longgar): imbuhan me-/pe-/di-/ber-/ter-/ke-/se- dan -kan/-an/-i/-nya
    dilepas, dengan peluluhan awalan sengau dipulihkan (``menyusun`` → ``susun``, ``menetapkan`` →
    ``tetap``, ``penugasan`` → ``tugas``). Kata itu sendiri selalu termasuk."""
    w = kata.lower()
    bentuk = {w}
    for _ in range(2):
        for b in list(bentuk):
            for s in _AKHIRAN:
                if b.endswith(s) and len(b) - len(s) >= 3:
                    bentuk.add(b[: -len(s)])
    hasil = set(bentuk)
    for _ in range(2):
        for b in list(hasil):
            for p in _AWALAN:
                if not b.startswith(p) or len(b) - len(p) < 3:
                    continue
                sisa = b[len(p):]
                hasil.add(sisa)
                if sisa[0] in _VOKAL:
                    if p in ("meny", "peny"):
                        hasil.add("s" + sisa)
                    elif p in ("men", "pen"):
                        hasil.add("t" + sisa)
                    elif p in ("mem", "pem"):
                        hasil.add("p" + sisa)
                    elif p in ("meng", "peng"):
                        hasil.add("k" + sisa)
    return frozenset(hasil)


def _kata(teks: str) -> list[str]:
    return re.findall(r"[a-z]+", teks.lower())


def menyebut(teks: str, kunci: str) -> bool:
    """Apakah ``teks`` memuat ``kunci``: frasa (ada spasi atau '/') dicari utuh, tanpa membedakan huruf
    besar; satu kata dicocokkan dengan kata dasar setiap kata teks (:func:`akar`)."""
    k = kunci.lower().strip()
    if " " in k or "/" in k:
        return _pola_nama(k).search(teks.lower()) is not None
    return any(k in akar(w) for w in _kata(teks))


def _pola_nama(nama: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])" + r"\s+".join(map(re.escape, nama.lower().split())) + r"(?![a-z0-9])")


def menyebut_lajur(teks: str, nama: list[str], nama_lain: list[str] = ()) -> bool:
    """Apakah ``teks`` menyebut salah satu ``nama`` (frasa utuh, tanpa membedakan huruf besar).

    Sebutan lajur lain yang lebih panjang dan memuat nama itu dihapus dulu, agar "Sekretaris Daerah"
    tidak dianggap disebut oleh "Asisten Sekretaris Daerah"."""
    t = teks.lower()
    for m in sorted(nama_lain, key=len, reverse=True):
        if m not in nama and any(n.lower() in m.lower() for n in nama):
            t = _pola_nama(m).sub(" ", t)
    return any(_pola_nama(n).search(t) for n in nama)


def sebutan_lajur(lajur: LajurData, nama_generik: dict[str, str], kat: Katalog) -> list[str]:
    """Nama-nama pejabat lajur di naskah: label peran, nama generik, nama bawaan, ``disebut``."""
    hasil: list[str] = []
    for k in dict.fromkeys((lajur.kunci, *lajur.peran, *lajur.alias)):
        for n in (kat.peran.get(k), nama_generik.get(k)):
            if n:
                hasil.append(n)
    if lajur.nama_bawaan:
        hasil.append(lajur.nama_bawaan)
    hasil.extend(lajur.disebut)
    return list(dict.fromkeys(hasil))


def periksa_naskah(alur: Alur | None = None, docs_dir: Path | str | None = None,
                   kat: Katalog | None = None) -> list[str]:
    """Cocokkan setiap langkah dengan kalimat naskah yang ditunjuknya.

    Untuk setiap langkah: kalimat ``kalimat`` di jangkar ``sumber`` ada, memuat setiap ``kata_kunci``
    dan menyebut pelaku dan penerimanya (salah satu sebutan lajurnya), kecuali yang ``tersirat``.
    Hasil: satu baris ``berkas:baris:kolom: ...`` per ketidakcocokan (kosong = cocok).
    """
    kat = kat or katalog()
    alur = alur or muat(kat=kat)
    naskah = peraturan.baca(Path(docs_dir) if docs_dir is not None else alur.docs_dir)
    hasil: list[str] = []
    for b in (*alur.mekanisme.values(), *alur.prosedur.values()):
        lajur = {k: lj for lj in b.isi.lajur for k in (lj.kunci, *lj.peran, *lj.alias)}
        for lk, jalur, sumber in langkah_berkas(b, kat):
            tempat = f"{b.posisi(jalur)}: langkah '{lk.label}'"
            try:
                semua = kalimat(naskah, sumber)
            except KeyError:
                hasil.append(f"{tempat}: jangkar '{sumber}' tidak ada lagi di naskah")
                continue
            luar = [n for n in lk.nomor_kalimat() if n > len(semua)]
            if luar:
                hasil.append(f"{b.posisi((*jalur, 'kalimat'))}: langkah '{lk.label}': {sumber} hanya memuat "
                             f"{len(semua)} kalimat, tidak ada kalimat {', '.join(map(str, luar))}")
                continue
            teks = " ".join(semua[n - 1] for n in lk.nomor_kalimat())
            kutip = f"{sumber} kalimat {lk.kalimat if isinstance(lk.kalimat, int) else lk.nomor_kalimat()}: «{teks}»"
            for j, kk in enumerate(lk.kata_kunci):
                if not menyebut(teks, kk):
                    hasil.append(f"{b.posisi((*jalur, 'kata_kunci', j))}: langkah '{lk.label}': kata '{kk}' tidak ada "
                                 f"di {kutip}")
            for kolom in ("pelaku", "penerima"):
                k = getattr(lk, kolom)
                if k is None or kolom in lk.tersirat or (kolom == "penerima" and lajur[k] is lajur[lk.pelaku]):
                    continue
                nama = sebutan_lajur(lajur[k], b.isi.nama_generik, kat)
                lain = [n for lj in b.isi.lajur if lj is not lajur[k] for n in sebutan_lajur(lj, b.isi.nama_generik, kat)]
                if not menyebut_lajur(teks, nama, lain):
                    hasil.append(f"{b.posisi((*jalur, kolom))}: langkah '{lk.label}': {kolom} ({' / '.join(nama)}) "
                                 f"tidak disebut di {kutip}")
    return hasil
