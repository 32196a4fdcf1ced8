"""Alur mekanisme kerja dan prosedur penugasan menurut Lampiran Perbup Dairi 18/2024.

Langkah setiap alur ditulis sebagai data di ``docs/peraturan/alur/*.yaml`` (satu berkas per alur,
di samping naskah yang digambarkannya; dimuat dan divalidasi oleh :mod:`policy.berkas_alur`). Kode,
judul, keterangan, nomor gambar, jangkar, struktur penugasan, label peran dan tahap dibaca dari
katalog (``policy/data/katalog.yaml``, lihat :mod:`policy.katalog`). Modul ini menyusun objeknya:

* :data:`PERAN` — peran (lajur) yang stabil kuncinya, dengan label Bahasa Indonesia;
* :data:`MEKANISME` — alur umum Lampiran A (Gambar 1), sepuluh "Contoh Penggambaran Alur
  Mekanisme Kerja" Lampiran D (``M1``–``M10`` = contoh angka 1–10 = Gambar 23–32) dan tiga
  pola umum ``umum-a/b/c`` (interpretasi, untuk kombinasi yang tidak punya contoh) — setiap
  mekanisme di katalog, dalam urutan katalog;
* :data:`PROSEDUR` — prosedur penugasan Lampiran B.2 (Gambar 18–22);
* :data:`ISI_SURAT_PERMOHONAN` — muatan minimal surat permohonan pelibatan, dibaca dari naskah
  Lampiran B.2 (butir di bawah ``lampiran-b-2-surat-permohonan``).

``MEKANISME``, ``PROSEDUR``, ``GAMBAR_MEKANISME`` dan ``ISI_SURAT_PERMOHONAN`` dimuat saat pertama
diakses (juga lewat ``from policy.mekanisme import MEKANISME``), sekali per proses.

Setiap langkah menyebut *peran* pelaku dan penerima; lajur (:class:`Lajur`) menentukan
peran mana yang dirangkap satu pejabat (mis. pada M3 Pejabat Penilai Kinerja = Pimpinan
Unit Organisasi = pejabat tertinggi), sehingga peran yang berimpit selalu menjadi SATU lajur.
Nomor langkah dihitung dari urutan penulisan (sama dengan ``autonumber`` diagram urutan).

Uraian langkah memakai tempat isian ``{kunci}`` (kunci peran/lajur) yang diisi nama jabatan
sebenarnya oleh :mod:`policy.diagram`, atau nama jenjang generik dari Lampiran.

Folder berkas alur lain dipilih dengan ``POLICY_ALUR`` sebelum alur pertama kali dipakai; berkas yang
tidak sah menimbulkan :class:`policy.berkas_alur.AlurTidakSah` (``berkas:baris:kolom``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator, Union

from . import berkas_alur, peraturan
from .berkas_alur import BerkasMekanisme, BerkasProsedur, JikaData, LangkahData, PilihanData, UlangiData
from .katalog import katalog

# ---------------------------------------------------------------------------
# Peran dan tahap
# ---------------------------------------------------------------------------

#: Label peran (lajur). Kunci stabil; label tampil di diagram dan daftar langkah (katalog: ``peran``).
PERAN: dict[str, str] = dict(katalog().peran)

#: Tahap mekanisme kerja (Lampiran A angka 1–3), berurutan (katalog: ``tahap``).
TAHAP: dict[str, str] = {k: t.judul for k, t in katalog().tahap.items()}


# ---------------------------------------------------------------------------
# Struktur data
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Lajur:
    """Satu lajur (aktor) diagram.

    ``kunci`` adalah peran utama lajur; ``peran`` adalah peran yang ditampilkan dalam label
    (peran yang dirangkap pejabat yang sama); ``alias`` adalah kunci lain yang juga merujuk
    lajur ini (untuk pencarian nama dan langkah) tanpa ditampilkan. ``nama_bawaan`` dipakai
    bila pemanggil tidak memberi nama jabatan (mis. "Sekretaris Daerah").
    """

    kunci: str
    peran: tuple[str, ...] = ()
    alias: tuple[str, ...] = ()
    nama_bawaan: str | None = None

    @property
    def semua_kunci(self) -> tuple[str, ...]:
        """Kunci pencarian berurutan: kunci utama, peran tampil, alias."""
        hasil: list[str] = []
        for k in (self.kunci, *self.peran, *self.alias):
            if k not in hasil:
                hasil.append(k)
        return tuple(hasil)


@dataclass(frozen=True)
class Langkah:
    """Satu langkah (pesan) alur.

    ``pelaku``/``penerima`` adalah kunci peran (diselesaikan ke lajur); ``penerima`` None
    berarti langkah dikerjakan sendiri oleh pelaku. ``label`` pendek untuk diagram,
    ``uraian`` kalimat lengkap (parafrase Lampiran) untuk daftar langkah. ``sumber`` adalah
    jangkar bagian peraturan. ``kondisi`` diisi untuk langkah di dalam cabang bersyarat.
    ``huruf`` adalah penanda butir teks asli (mis. "a)") untuk prosedur.
    """

    nomor: int
    tahap: str | None
    pelaku: str
    penerima: str | None
    label: str
    uraian: str
    sumber: str
    balasan: bool = False
    kondisi: str | None = None
    huruf: str | None = None
    #: peran penerima tembusan (prosedur Lampiran B.2), mis. ``("ppk_pemilik",)``
    tembusan: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cabang:
    """Satu cabang blok bersyarat: kondisi dan isinya."""

    kondisi: str
    isi: tuple["Butir", ...]


@dataclass(frozen=True)
class Blok:
    """Blok bersyarat diagram urutan: ``alt`` (dengan ``else``), ``opt`` atau ``loop``."""

    jenis: str  # "alt" | "opt" | "loop"
    cabang: tuple[Cabang, ...]


Butir = Union[Langkah, Blok]


@dataclass(frozen=True)
class Tahap:
    """Satu tahap mekanisme (perencanaan/pelaksanaan/evaluasi) dan butirnya."""

    kunci: str
    sumber: str
    butir: tuple[Butir, ...]

    @property
    def judul(self) -> str:
        return TAHAP[self.kunci]


@dataclass(frozen=True)
class Mekanisme:
    """Satu alur mekanisme kerja (Lampiran A, contoh Lampiran D, atau pola umum)."""

    kode: str
    judul: str
    keterangan: str
    gambar: int | None
    contoh_angka: int | None
    anchor: str
    struktur_penugasan: str | None
    lajur: tuple[Lajur, ...]
    tahap: tuple[Tahap, ...]
    aktor_generik: dict[str, str] = field(default_factory=dict)
    interpretasi: bool = False
    catatan: tuple[str, ...] = ()

    def langkah(self) -> list[Langkah]:
        """Semua langkah dalam urutan penulisan (= urutan ``autonumber``)."""
        return [lk for t in self.tahap for lk in iter_langkah(t.butir)]

    def lajur_untuk(self, peran: str) -> Lajur:
        return _lajur_untuk(self.lajur, peran, self.kode)


@dataclass(frozen=True)
class Prosedur:
    """Satu prosedur penugasan Lampiran B.2 (Gambar 18–22)."""

    gambar: int
    kode: str
    judul: str
    anchor: str
    lajur: tuple[Lajur, ...]
    butir: tuple[Butir, ...]
    aktor_generik: dict[str, str] = field(default_factory=dict)
    catatan: tuple[str, ...] = ()

    def langkah(self) -> list[Langkah]:
        return list(iter_langkah(self.butir))

    def lajur_untuk(self, peran: str) -> Lajur:
        return _lajur_untuk(self.lajur, peran, f"Gambar {self.gambar}")


def iter_langkah(butir: tuple[Butir, ...]) -> Iterator[Langkah]:
    """Langkah secara mendalam (depth-first) dalam urutan penulisan."""
    for b in butir:
        if isinstance(b, Langkah):
            yield b
        else:
            for c in b.cabang:
                yield from iter_langkah(c.isi)


def _lajur_untuk(lajur: tuple[Lajur, ...], peran: str, asal: str) -> Lajur:
    cocok = [lj for lj in lajur if peran in lj.semua_kunci]
    if len(cocok) != 1:
        raise KeyError(f"peran {peran!r} tidak merujuk tepat satu lajur pada {asal}")
    return cocok[0]

# ---------------------------------------------------------------------------
# Penyusun: berkas alur (data) → objek alur, nomor langkah dan kondisi dihitung di sini
# ---------------------------------------------------------------------------


class _Penomor:
    """Memberi nomor urut (= ``autonumber`` diagram) dan menggabungkan kondisi blok bersarang."""

    def __init__(self) -> None:
        self.n = 0

    def susun(self, butir: list, tahap: str | None, sumber: str, kondisi: str | None = None) -> tuple[Butir, ...]:
        hasil: list[Butir] = []
        for b in butir:
            if isinstance(b, LangkahData):
                self.n += 1
                hasil.append(Langkah(nomor=self.n, tahap=tahap, pelaku=b.pelaku, penerima=b.penerima, label=b.label,
                                     uraian=b.uraian, sumber=b.sumber or sumber, balasan=b.balasan, kondisi=kondisi,
                                     huruf=b.huruf, tembusan=tuple(b.tembusan)))
                continue
            if isinstance(b, PilihanData):
                jenis, cabang = "alt", [(c.jika, c.langkah) for c in b.pilihan]
            elif isinstance(b, JikaData):
                jenis, cabang = "opt", [(b.jika, b.langkah)]
            else:
                assert isinstance(b, UlangiData)
                jenis, cabang = "loop", [(b.ulangi, b.langkah)]
            hasil.append(Blok(jenis, tuple(
                Cabang(k, self.susun(isi, tahap, sumber, k if kondisi is None else f"{kondisi} dan {k}"))
                for k, isi in cabang)))
        return tuple(hasil)


def _lajur(isi: BerkasMekanisme | BerkasProsedur) -> tuple[Lajur, ...]:
    return tuple(Lajur(lj.kunci, tuple(lj.peran), tuple(lj.alias), lj.nama_bawaan) for lj in isi.lajur)


def _mekanisme(isi: BerkasMekanisme) -> Mekanisme:
    """Satu alur; kode, judul, keterangan, gambar, jangkar dan struktur penugasannya dari katalog."""
    km = katalog().mekanisme[isi.mekanisme]
    p = _Penomor()
    return Mekanisme(
        kode=km.kode,
        judul=km.judul,
        keterangan=km.keterangan,
        gambar=km.gambar,
        contoh_angka=km.lampiran_d,
        anchor=km.anchor,
        struktur_penugasan=km.struktur,
        lajur=_lajur(isi),
        tahap=tuple(Tahap(k, t.sumber, p.susun(t.langkah, k, t.sumber)) for k, t in isi.tahap.items()),
        aktor_generik=dict(isi.nama_generik),
        interpretasi=km.interpretasi,
        catatan=tuple(isi.catatan),
    )


def _prosedur(isi: BerkasProsedur) -> Prosedur:
    """Satu prosedur; gambar, judul dan jangkarnya dari katalog (``prosedur``)."""
    kp = next(p for p in katalog().isi.prosedur if p.kode == isi.prosedur)
    butir = _Penomor().susun(isi.langkah, None, kp.anchor)
    return Prosedur(kp.gambar, kp.kode, kp.judul, kp.anchor, _lajur(isi), butir, dict(isi.nama_generik),
                    tuple(isi.catatan))


# Data alur dimuat saat pertama dipakai (bukan saat modul diimpor), agar berkas alur yang tidak sah
# dilaporkan di tempat pemanggil menangani AlurTidakSah (CLI, hook situs), bukan sebagai kegagalan impor.
_TERMUAT: dict[str, object] = {}
#: nama modul yang dimuat dari berkas alur saat pertama diakses (PEP 562)
_DARI_BERKAS = ("ALUR", "MEKANISME", "GAMBAR_MEKANISME", "PROSEDUR", "ISI_SURAT_PERMOHONAN")


if TYPE_CHECKING:  # nama yang dimuat lewat __getattr__
    ALUR: berkas_alur.Alur
    MEKANISME: dict[str, "Mekanisme"]
    GAMBAR_MEKANISME: dict[int, str]
    PROSEDUR: dict[int, "Prosedur"]
    ISI_SURAT_PERMOHONAN: tuple[str, ...]


def _muat() -> dict[str, object]:
    """Muat semua berkas alur sekali per proses (folder bawaan ``docs/peraturan/alur`` atau ``POLICY_ALUR``)."""
    if not _TERMUAT:
        alur = berkas_alur.muat()
        mek = {kode: _mekanisme(b.isi) for kode, b in alur.mekanisme.items()}
        data = {
            "ALUR": alur,
            "MEKANISME": mek,
            "GAMBAR_MEKANISME": {m.gambar: m.kode for m in mek.values() if m.gambar is not None},
            "PROSEDUR": {p.gambar: p for p in (_prosedur(b.isi) for b in alur.prosedur.values())},
            "ISI_SURAT_PERMOHONAN": isi_surat_permohonan(alur.docs_dir),
        }
        _TERMUAT.update(data)
        globals().update(data)  # akses berikutnya tanpa __getattr__
    return _TERMUAT


def __getattr__(nama: str):
    """``ALUR``, ``MEKANISME`` (kode → :class:`Mekanisme`, urutan katalog), ``GAMBAR_MEKANISME`` (nomor
    gambar → kode), ``PROSEDUR`` (nomor gambar 18–22 → :class:`Prosedur`), ``ISI_SURAT_PERMOHONAN``."""
    if nama in _DARI_BERKAS:
        return _muat()[nama]
    raise AttributeError(f"module {__name__!r} has no attribute {nama!r}")


def mekanisme(kode: str) -> Mekanisme:
    """Mekanisme menurut kode (``M1``…``M10``, ``umum-a/b/c``, ``lampiran-a``)."""
    try:
        return _muat()["MEKANISME"][kode]
    except KeyError:
        raise KeyError(f"kode mekanisme tidak dikenal: {kode!r}") from None


def prosedur(gambar: int) -> Prosedur:
    """Prosedur penugasan Lampiran B.2 menurut nomor gambar (18–22)."""
    try:
        return _muat()["PROSEDUR"][gambar]
    except KeyError:
        raise KeyError(f"tidak ada prosedur penugasan untuk Gambar {gambar!r} (hanya 18–22)") from None


# ---------------------------------------------------------------------------
# Jangkar dan isi surat permohonan (dibaca dari naskah)
# ---------------------------------------------------------------------------

#: Jangkar butir muatan minimal surat permohonan pelibatan (Lampiran B.2).
ANCHOR_ISI_SURAT = "lampiran-b-2-surat-permohonan"

#: Jangkar bagian Lampiran B.2 yang dirujuk data ini.
ANCHOR_B2 = {
    "penugasan": "lampiran-b-2",
    **{f"struktur-{s.kode}": s.anchor for s in katalog().struktur.values()},
    **{g: p.anchor for g, p in katalog().prosedur.items()},
    "isi-surat": ANCHOR_ISI_SURAT,
}

_LABEL_BUTIR = re.compile(r"^\(?(?:[0-9]+|[a-z]|[ivx]+)[.)]\s+")


def isi_surat_permohonan(docs_dir=None) -> tuple[str, ...]:
    """Muatan minimal surat permohonan pelibatan lintas Unit Organisasi/instansi: butir di bawah
    ``lampiran-b-2-surat-permohonan`` dalam naskah (Lampiran B.2), tanpa nomor butirnya. Bawaan: naskah di
    samping berkas alur (``ISI_SURAT_PERMOHONAN``)."""
    n = berkas_alur.naskah(docs_dir if docs_dir is not None else berkas_alur.docs_untuk(berkas_alur.folder_aktif()))
    hasil = tuple(_LABEL_BUTIR.sub("", peraturan.polos(e.teks)) for e in n.anak(ANCHOR_ISI_SURAT))
    if not hasil:
        raise KeyError(f"naskah tidak memuat butir di bawah {ANCHOR_ISI_SURAT}")
    return hasil


def anchor_dikenal() -> list[str]:
    """Semua jangkar sumber yang dirujuk data ini (untuk diperiksa terhadap halaman peraturan)."""
    hasil: set[str] = set(ANCHOR_B2.values())
    data = _muat()
    for m in data["MEKANISME"].values():
        hasil.add(m.anchor)
        hasil.update(t.sumber for t in m.tahap)
        hasil.update(lk.sumber for lk in m.langkah())
    for p in data["PROSEDUR"].values():
        hasil.add(p.anchor)
        hasil.update(lk.sumber for lk in p.langkah())
    return sorted(hasil)
