"""Alur mekanisme kerja dan prosedur penugasan seperti ditulis di Python sebelum alurnya pindah ke
berkas data ``docs/peraturan/alur/*.yaml`` (pembanding tes, lihat ``tests/test_alur.py``).

Disalin apa adanya dari ``policy/mekanisme.py`` versi lama (hanya impor katalog dibuat absolut), agar
setiap berkas alur terbukti menghasilkan objek yang sama persis: lajur, tahap, langkah, blok,
kondisi, nomor, jangkar sumber, nama generik dan catatan.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Union

from policy.katalog import katalog

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
# Penyusun (memberi nomor dan tahap secara otomatis)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _L:
    pelaku: str
    penerima: str | None
    label: str
    uraian: str
    sumber: str | None = None
    balasan: bool = False
    huruf: str | None = None


@dataclass(frozen=True)
class _B:
    jenis: str
    cabang: tuple[tuple[str, tuple], ...]


def _alt(*cabang: tuple[str, list]) -> _B:
    return _B("alt", tuple((k, tuple(isi)) for k, isi in cabang))


def _opt(kondisi: str, *isi) -> _B:
    return _B("opt", ((kondisi, tuple(isi)),))


class _Penomor:
    def __init__(self, anchor_huruf: str | None = None) -> None:
        self.n = 0
        self.anchor_huruf = anchor_huruf  # prosedur: sumber per butir "<anchor>-huruf-<x>"

    def susun(self, spec, tahap: str | None, sumber: str, kondisi: str | None = None) -> tuple[Butir, ...]:
        hasil: list[Butir] = []
        for s in spec:
            if isinstance(s, _L):
                self.n += 1
                hasil.append(
                    Langkah(
                        nomor=self.n,
                        tahap=tahap,
                        pelaku=s.pelaku,
                        penerima=s.penerima,
                        label=s.label,
                        uraian=s.uraian,
                        sumber=s.sumber
                        or (f"{self.anchor_huruf}-huruf-{s.huruf[0]}" if self.anchor_huruf and s.huruf else sumber),
                        balasan=s.balasan,
                        kondisi=kondisi,
                        huruf=s.huruf,
                    )
                )
            else:
                cabang = tuple(
                    Cabang(k, self.susun(isi, tahap, sumber, k if kondisi is None else f"{kondisi} dan {k}"))
                    for k, isi in s.cabang
                )
                hasil.append(Blok(s.jenis, cabang))
        return tuple(hasil)


def _mekanisme(
    kode: str,
    *,
    lajur: tuple[Lajur, ...],
    perencanaan: list,
    pelaksanaan: list,
    evaluasi: list,
    sumber: dict[str, str],
    aktor_generik: dict[str, str],
    catatan: tuple[str, ...] = (),
) -> Mekanisme:
    """Satu alur; kode, judul, keterangan, gambar, jangkar dan struktur penugasannya dari katalog."""
    km = katalog().mekanisme[kode]
    p = _Penomor()
    tahap = tuple(
        Tahap(k, sumber[k], p.susun(spec, k, sumber[k]))
        for k, spec in (("perencanaan", perencanaan), ("pelaksanaan", pelaksanaan), ("evaluasi", evaluasi))
    )
    m = Mekanisme(
        kode=kode,
        judul=km.judul,
        keterangan=km.keterangan,
        gambar=km.gambar,
        contoh_angka=km.lampiran_d,
        anchor=km.anchor,
        struktur_penugasan=km.struktur,
        lajur=lajur,
        tahap=tahap,
        aktor_generik=dict(aktor_generik),
        interpretasi=km.interpretasi,
        catatan=catatan,
    )
    _periksa(m.kode, m.lajur, m.langkah())
    return m


_ISIAN = re.compile(r"\{([a-z0-9_]+)\}")


def _periksa(asal: str, lajur: tuple[Lajur, ...], langkah: list[Langkah]) -> None:
    """Pemeriksaan konsistensi data saat impor (kesalahan pemrograman, bukan masukan)."""
    kunci = [k for lj in lajur for k in lj.semua_kunci]
    if len(kunci) != len(set(kunci)):
        raise ValueError(f"{asal}: satu peran muncul di lebih dari satu lajur")
    for k in kunci:
        if k not in PERAN:
            raise ValueError(f"{asal}: peran tidak dikenal {k!r}")
    for lk in langkah:
        for peran in (lk.pelaku, lk.penerima):
            if peran is not None:
                _lajur_untuk(lajur, peran, asal)
        for isian in _ISIAN.findall(lk.uraian):
            _lajur_untuk(lajur, isian, asal)


# ---------------------------------------------------------------------------
# Jangkar sumber
# ---------------------------------------------------------------------------


def _kode_d(n: int) -> str:
    """Kode mekanisme contoh Lampiran D angka ``n`` (katalog)."""
    return katalog().mekanisme_contoh(n).kode


def _kode_umum(huruf: str) -> str:
    """Kode pola umum untuk struktur penugasan ``huruf`` (katalog)."""
    return katalog().pola_umum(huruf).kode


def _sumber_d(n: int) -> dict[str, str]:
    return {t: f"{katalog().mekanisme_contoh(n).anchor}-{t}" for t in TAHAP}


_SUMBER_A = {k: t.anchor for k, t in katalog().tahap.items()}

#: Jangkar bagian Lampiran B.2 yang dirujuk data ini.
ANCHOR_B2 = {
    "penugasan": "lampiran-b-2",
    **{f"struktur-{s.kode}": s.anchor for s in katalog().struktur.values()},
    **{g: p.anchor for g, p in katalog().prosedur.items()},
    "isi-surat": "lampiran-b-2-surat-permohonan",
}

# ---------------------------------------------------------------------------
# Lajur baku
# ---------------------------------------------------------------------------

_KT = Lajur("ketua_tim", ("ketua_tim",))
_JF = Lajur("jf", ("jf",))

#: Struktur penugasan a: PPK (Pejabat Level 1) dan Pimpinan Unit (Level 2) berbeda.
_LAJUR_A = (
    Lajur("ppk", ("ppk",), alias=("pejabat_level_1",)),
    Lajur("pimpinan_unit", ("pimpinan_unit",), alias=("pejabat_level_2",)),
    _KT,
    _JF,
)
#: Struktur penugasan b: Pejabat Level 2 adalah PPK sekaligus Pimpinan Unit.
_LAJUR_B = (
    Lajur("pejabat_level_1", ("pejabat_level_1",)),
    Lajur("ppk", ("ppk", "pimpinan_unit"), alias=("pejabat_level_2",)),
    _KT,
    _JF,
)
#: Struktur penugasan c: pejabat tertinggi adalah PPK sekaligus Pimpinan Unit.
_LAJUR_C = (
    Lajur("ppk", ("ppk", "pimpinan_unit"), alias=("pejabat_level_1",)),
    _KT,
    _JF,
)

# ---------------------------------------------------------------------------
# Kalimat yang berulang (teksnya sama di beberapa contoh Lampiran D)
# ---------------------------------------------------------------------------

_U_LINTAS = (
    "Penyelesaian target kinerja yang membutuhkan pelibatan Pejabat Fungsional atau pelaksana "
    "dari lintas Unit Organisasi harus melalui proses permohonan pelibatan Pejabat Fungsional "
    "atau pelaksana lintas Unit Organisasi, yang diajukan oleh {pimpinan_unit} sebagai "
    "Pimpinan Unit Organisasi pemilik kinerja (Gambar 19, Gambar 20, dan Gambar 22)."
)
_K_LINTAS = "perlu JF/pelaksana lintas Unit Organisasi"


def _lintas(peran: str = "pimpinan_unit") -> _B:
    return _opt(_K_LINTAS, _L(peran, None, "Permohonan pelibatan lintas unit (Gambar 19, 20, 22)", _U_LINTAS))


def _strategi(peran: str = "pimpinan_unit") -> _L:
    return _L(
        peran,
        None,
        "Merumuskan strategi: tim/individu, lintas unit, ketua tim",
        "{pimpinan_unit} merumuskan strategi pelaksanaan pencapaian target kinerja yang terdiri "
        "dari penentuan pelaksanaan tugas dalam bentuk tim kerja atau individu, penentuan "
        "kebutuhan pelibatan Pejabat Fungsional atau pelaksana lintas unit, serta penentuan "
        "kebutuhan atas ketua tim.",
    )


def _rencana_bersama() -> _L:
    return _L(
        "jf",
        "pimpinan_unit",
        "Menyusun rencana kegiatan dan anggaran bersama",
        "Pada tahapan terakhir perencanaan, Pejabat Fungsional dan pelaksana, baik yang bekerja "
        "secara individu maupun dalam tim kerja, bersama {pimpinan_unit} menyusun rencana "
        "pelaksanaan kegiatan dan anggaran untuk pencapaian target kinerja.",
    )


def _rekomendasi(uraian_tambahan: str = "") -> _L:
    return _L(
        "pimpinan_unit",
        "ppk",
        "Rekomendasi kebutuhan jumlah, jenis, jenjang JF/pelaksana",
        "{pimpinan_unit} memberikan rekomendasi yang merupakan hasil pertimbangan atas kebutuhan "
        "jumlah, jenis, dan jenjang Jabatan Fungsional dan pelaksana, serta kebutuhan pelibatan "
        "Pejabat Fungsional atau pelaksana dari lintas Unit Organisasi untuk membantu "
        "menyelesaikan target kinerja {pimpinan_unit}." + uraian_tambahan,
        balasan=True,
    )


def _pelaksanaan(pemantau: str = "pimpinan_unit", rincian: str | None = None, peran: str | None = None) -> list:
    """Tahap pelaksanaan yang teksnya sama pada Lampiran D (pemantau = penerima hasil)."""
    u_pemantau = "{" + pemantau + "}"
    return [
        _L(
            "jf",
            None,
            "Menyusun rincian pelaksanaan kegiatan dan anggaran",
            rincian
            or "Pejabat Fungsional atau pelaksana menyusun rincian pelaksanaan kegiatan dan "
            "anggaran, disesuaikan dengan rencana pelaksanaan kegiatan dan anggaran yang telah "
            "disusun sebelumnya.",
        ),
        _L(
            "jf",
            None,
            "Membagi peran sesuai kompetensi",
            peran
            or "Pembagian peran dilakukan berdasarkan kompetensi, keahlian dan/atau keterampilan.",
        ),
        _L(
            "jf",
            None,
            "Melaksanakan kegiatan sesuai peran, berkolaborasi",
            "Pejabat Fungsional atau pelaksana melaksanakan kegiatan sesuai perannya dan "
            "berkolaborasi dengan semua pihak yang terkait dengan kegiatan tersebut, antara lain "
            "dalam sinkronisasi data, kebijakan, dan pelaksanaan.",
        ),
        _L(
            pemantau,
            "jf",
            "Monitoring dan umpan balik (berkala/sewaktu-waktu)",
            u_pemantau + " melakukan monitoring perkembangan dan memberikan umpan balik atas "
            "pelaksanaan kegiatan secara berkala atau sewaktu-waktu.",
        ),
        _L(
            "ketua_tim",
            "jf",
            "Monitoring dan umpan balik dalam tim kerja",
            "Ketua Tim melakukan monitoring perkembangan dan memberikan umpan balik atas "
            "pelaksanaan kegiatan tim kerja (monitoring dilakukan oleh " + u_pemantau + " dan/atau "
            "Ketua Tim).",
        ),
        _alt(
            (
                "tugas individu",
                [
                    _L(
                        "jf",
                        pemantau,
                        "Menyampaikan hasil yang sudah sesuai target",
                        "Hasil pelaksanaan kegiatan yang sudah sesuai dengan target disampaikan "
                        "kepada " + u_pemantau + " oleh individu Pejabat Fungsional atau pelaksana.",
                        balasan=True,
                    )
                ],
            ),
            (
                "tugas tim kerja",
                [
                    _L(
                        "ketua_tim",
                        pemantau,
                        "Menyampaikan hasil tim yang sudah sesuai target",
                        "Hasil pelaksanaan kegiatan tim kerja yang sudah sesuai dengan target "
                        "disampaikan kepada " + u_pemantau + " oleh ketua tim.",
                        balasan=True,
                    )
                ],
            ),
        ),
    ]


def _tinjau(peran: str = "pimpinan_unit") -> _L:
    return _L(
        peran,
        None,
        "Meninjau hasil pelaksanaan kegiatan",
        "{" + peran + "} meninjau hasil pelaksanaan kegiatan.",
    )


def _teruskan(dari: str, ke: str) -> _L:
    return _L(
        dari,
        ke,
        "Menyampaikan hasil yang sesuai target untuk ditinjau",
        "Hasil pelaksanaan kegiatan yang telah sesuai dengan target disampaikan kepada {" + ke + "} untuk ditinjau.",
        balasan=True,
    )


def _selesai(peran: str, ukuran: str = "target yang diharapkannya", tambahan: str = "") -> _L:
    return _L(
        peran,
        None,
        "Menerima hasil: kegiatan dinyatakan selesai",
        "Pelaksanaan kegiatan dinyatakan selesai setelah {" + peran + "} menerima hasil "
        "pelaksanaan kegiatan dan menyatakannya telah sesuai dengan " + ukuran + "." + tambahan,
    )


def _evaluasi_ulang(peran: str = "ppk") -> list:
    """Evaluasi dengan pengembalian hasil (Lampiran D angka 5, 6, 7)."""
    return [
        _tinjau(peran),
        _alt(
            (
                "hasil tidak sesuai target/ekspektasi",
                [
                    _L(
                        peran,
                        "jf",
                        "Dikembalikan untuk disesuaikan kembali",
                        "Hasil pelaksanaan kegiatan yang tidak sesuai dengan target ataupun "
                        "ekspektasi dikembalikan kepada individu atau tim kerja untuk disesuaikan kembali.",
                    )
                ],
            ),
            ("hasil sesuai target/ekspektasi", [_selesai(peran, "ekspektasinya")]),
        ),
    ]


_CATATAN_GAMBAR_17 = (
    "Teks Lampiran D angka {n} merujuk \"Gambar 17, Gambar 18, dan Gambar 20\" untuk proses "
    "permohonan pelibatan; proses itu diuraikan pada Gambar 19, 20, dan 22 (sebagaimana dirujuk "
    "contoh angka 1–4 dan 8–10), sehingga di sini dirujuk Gambar 19, 20, dan 22."
)

# ---------------------------------------------------------------------------
# Lampiran A (Gambar 1)
# ---------------------------------------------------------------------------

_LAMPIRAN_A = _mekanisme(
    katalog().mekanisme_gambar(1),
    lajur=(
        Lajur("pejabat_level_1", ("pejabat_level_1",)),
        Lajur("pejabat_level_2", ("pejabat_level_2",), alias=("pimpinan_unit",)),
        _KT,
        _JF,
    ),
    sumber=_SUMBER_A,
    aktor_generik={},
    perencanaan=[
        _L("pejabat_level_1", None, "Menyusun dan menetapkan perjanjian kinerja",
           "{pejabat_level_1} menyusun dan menetapkan perjanjian kinerja."),
        _L("pejabat_level_1", None, "Merumuskan strategi pencapaian target kinerja",
           "{pejabat_level_1} merumuskan strategi pencapaian target kinerja."),
        _L("pejabat_level_1", "jf", "Menugaskan JF/pelaksana di bawah koordinasi Level 2",
           "{pejabat_level_1} menugaskan Pejabat Fungsional dan pelaksana di bawah koordinasi "
           "{pejabat_level_2}."),
        _L("pejabat_level_2", None, "Merumuskan strategi: tim/individu, lintas unit, ketua tim",
           "{pejabat_level_2} merumuskan strategi pelaksanaan pencapaian target kinerja yang terdiri "
           "dari penentuan pelaksanaan tugas dalam bentuk tim kerja atau individu, penentuan "
           "kebutuhan pelibatan Pejabat Fungsional atau pelaksana lintas unit, serta kebutuhan Ketua Tim."),
        _L("jf", None, "Menyusun rencana kegiatan dan anggaran",
           "Pejabat Fungsional dan pelaksana menyusun rencana kegiatan dan anggaran untuk "
           "pencapaian target kinerja."),
    ],
    pelaksanaan=[
        _L("jf", None, "Menyusun rincian pelaksanaan kegiatan",
           "Pejabat Fungsional dan pelaksana menyusun rincian pelaksanaan kegiatan."),
        _L("jf", None, "Membagi peran", "Pejabat Fungsional dan pelaksana melakukan pembagian peran."),
        _L("jf", None, "Melaksanakan kegiatan", "Pejabat Fungsional dan pelaksana melaksanakan kegiatan."),
        _L("pejabat_level_2", "jf", "Monitoring dan umpan balik",
           "{pejabat_level_2} melakukan monitoring perkembangan dan memberikan umpan balik atas "
           "pelaksanaan kegiatan (oleh Pejabat Level 2 dan/atau Ketua Tim)."),
        _L("ketua_tim", "jf", "Monitoring dan umpan balik dalam tim kerja",
           "Ketua Tim melakukan monitoring perkembangan dan memberikan umpan balik atas "
           "pelaksanaan kegiatan (oleh Pejabat Level 2 dan/atau Ketua Tim)."),
        _L("jf", "pejabat_level_1", "Menyampaikan hasil pelaksanaan kegiatan",
           "Hasil pelaksanaan kegiatan disampaikan kepada {pejabat_level_1}.", balasan=True),
    ],
    evaluasi=[
        _L("pejabat_level_2", None, "Reviu hasil pelaksanaan tugas",
           "{pejabat_level_2} melakukan reviu atas hasil pelaksanaan tugas tim kerja atau individu."),
        _L("pejabat_level_1", None, "Reviu hasil pelaksanaan tugas",
           "{pejabat_level_1} melakukan reviu atas hasil pelaksanaan tugas tim kerja atau individu."),
        _selesai("pejabat_level_1", "target yang diharapkan"),
    ],
)

# ---------------------------------------------------------------------------
# Lampiran D: contoh angka 1–10 (Gambar 23–32)
# ---------------------------------------------------------------------------


def _pola_a(n: int, ppk: str, pu: str, *, tugaskan: str, catatan=()) -> Mekanisme:
    """Contoh angka 1 dan 4: PPK (Level 1) ≠ Pimpinan Unit (Level 2), struktur penugasan a."""
    return _mekanisme(
        _kode_d(n),
        lajur=_LAJUR_A,
        sumber=_sumber_d(n),
        aktor_generik={"ppk": ppk, "pimpinan_unit": pu},
        catatan=catatan,
        perencanaan=[
            _L("ppk", None, "Menyusun dan menetapkan perjanjian kinerja",
               "{ppk} selaku Pejabat Penilai Kinerja menyusun dan menetapkan perjanjian kinerja."),
            _L("ppk", "pimpinan_unit", "Membagi tanggung jawab target kinerja",
               "Perjanjian kinerja tersebut menjadi dasar penentuan pembagian tanggung jawab target "
               "kinerja bagi {pimpinan_unit}."),
            _rekomendasi(),
            _L("ppk", "jf", "Menugaskan JF/pelaksana membantu Pimpinan Unit", tugaskan),
            _strategi(),
            _lintas(),
            _rencana_bersama(),
        ],
        pelaksanaan=_pelaksanaan(),
        evaluasi=[_tinjau(), _teruskan("pimpinan_unit", "ppk"), _selesai("ppk")],
    )


_TUGASKAN_ATAS_REKOMENDASI = (
    "Sebagai tindak lanjut pembagian penanggung jawab target kinerja, {ppk} atas rekomendasi "
    "{pimpinan_unit} menugaskan Pejabat Fungsional dan pelaksana untuk membantu pelaksanaan "
    "tugas {pimpinan_unit}."
)

_M1 = _pola_a(
    1,
    "Pejabat Pimpinan Tinggi Pratama",
    "Pejabat Administrator",
    tugaskan=_TUGASKAN_ATAS_REKOMENDASI,
)

_M2 = _mekanisme(
    _kode_d(2),
    lajur=_LAJUR_B,
    sumber=_sumber_d(2),
    aktor_generik={"pejabat_level_1": "Pejabat Pimpinan Tinggi Pratama", "ppk": "Pejabat Administrator"},
    catatan=(
        "Teks Lampiran D angka 2 huruf b menyebut monitoring dilakukan oleh, dan hasil "
        "disampaikan kepada, Pejabat Pimpinan Tinggi Pratama, sedangkan pada huruf c Pejabat "
        "Administrator yang pertama meninjau hasil lalu menyampaikannya kepada Pejabat Pimpinan "
        "Tinggi Pratama. Alur ini digambar sesuai bunyi teks; Bagian Hukum dapat menilai apakah "
        "yang dimaksud pada huruf b adalah Pejabat Administrator.",
    ),
    perencanaan=[
        _L("pejabat_level_1", None, "Menyusun dan menetapkan perjanjian kinerja",
           "{pejabat_level_1} menyusun dan menetapkan perjanjian kinerja."),
        _L("pejabat_level_1", "pimpinan_unit", "Membagi tanggung jawab target kinerja",
           "Perjanjian kinerja tersebut digunakan sebagai dasar penentuan pembagian tanggung jawab "
           "target kinerja bagi {pimpinan_unit}."),
        _L("pejabat_level_1", "pimpinan_unit", "Arahan dan koordinasi pencapaian target bersama",
           "{pejabat_level_1} memberikan arahan dan koordinasi untuk pelaksanaan kegiatan dan "
           "pencapaian target kinerja bersama."),
        _L("pimpinan_unit", None, "Merumuskan strategi pencapaian target kinerja",
           "Atas arahan tersebut, {pimpinan_unit} merumuskan strategi pencapaian target kinerjanya."),
        _L("pimpinan_unit", "jf", "Menyampaikan arahan dan ekspektasi target kinerja",
           "{pimpinan_unit} menyampaikan arahan dan ekspektasi target kinerja kepada Pejabat "
           "Fungsional dan pelaksana di bawah koordinasinya; penyelesaian target kinerja dalam "
           "bentuk kegiatan dilakukan secara individu ataupun tim kerja sesuai arahan dan "
           "ekspektasi tersebut."),
        _lintas(),
        _L("pimpinan_unit", None, "Menentukan perlu atau tidaknya ketua tim",
           "{pimpinan_unit} menentukan perlu atau tidaknya penunjukan ketua tim kerja untuk "
           "kegiatan yang dilakukan oleh tim kerja."),
        _rencana_bersama(),
    ],
    pelaksanaan=_pelaksanaan(
        "pejabat_level_1",
        rincian="Rincian pelaksanaan disusun oleh individu, tim kerja, atau ketua tim dengan "
        "menguraikan kegiatan dan anggaran yang telah disusun pada tahap perencanaan.",
        peran="Bagi kegiatan yang dilakukan oleh tim kerja, dilakukan pembagian peran bagi anggota "
        "tim berdasarkan kompetensi, keahlian dan/atau keterampilan.",
    ),
    evaluasi=[_tinjau(), _teruskan("pimpinan_unit", "pejabat_level_1"), _selesai("pejabat_level_1")],
)

_M3 = _mekanisme(
    _kode_d(3),
    lajur=_LAJUR_C,
    sumber=_sumber_d(3),
    aktor_generik={"ppk": "Pejabat Pimpinan Tinggi Pratama"},
    catatan=(
        "Teks Lampiran D angka 3 huruf c menyatakan kegiatan selesai setelah \"Pejabat Pimpinan "
        "Tinggi Madya\" menerima hasil, padahal pada Unit Organisasi ini pejabat tertinggi (Pejabat "
        "Penilai Kinerja sekaligus Pimpinan Unit) adalah Pejabat Pimpinan Tinggi Pratama. Langkah "
        "itu digambar sebagai Pejabat Pimpinan Tinggi Pratama (interpretasi).",
    ),
    perencanaan=[
        _L("ppk", None, "Menyusun dan menetapkan perjanjian kinerja",
           "{ppk} selaku Pejabat Penilai Kinerja sekaligus Pimpinan Unit Organisasi menyusun dan "
           "menetapkan perjanjian kinerja."),
        _L("ppk", None, "Memberi arahan dan merumuskan strategi",
           "{ppk} memberikan arahan dan merumuskan strategi pencapaian target kinerjanya."),
        _L("ppk", "jf", "Menyampaikan arahan dan ekspektasi target kinerja",
           "{ppk} menyampaikan arahan dan ekspektasi target kinerja kepada Pejabat Fungsional dan "
           "pelaksana di bawah koordinasinya; penyelesaian target kinerja dalam bentuk kegiatan "
           "dilakukan secara individu ataupun tim kerja sesuai arahan dan ekspektasi tersebut."),
        _lintas(),
        _L("ppk", None, "Menentukan perlu atau tidaknya ketua tim",
           "{ppk} menentukan perlu atau tidaknya penunjukan ketua tim kerja untuk kegiatan yang "
           "dilakukan oleh tim kerja."),
        _rencana_bersama(),
    ],
    pelaksanaan=_pelaksanaan(),
    evaluasi=[
        _tinjau(),
        _selesai("ppk", "target yang diharapkan",
                 " (Teks Lampiran menyebut \"Pejabat Pimpinan Tinggi Madya\"; lihat catatan.)"),
    ],
)

_M4 = _pola_a(
    4,
    "Pejabat Administrator",
    "Pejabat Pengawas",
    tugaskan=_TUGASKAN_ATAS_REKOMENDASI,
)


def _pola_c(n: int, nama: str, selaku: str) -> Mekanisme:
    """Contoh angka 5, 6, 7: satu level struktur, dengan pengembalian hasil pada evaluasi."""
    return _mekanisme(
        _kode_d(n),
        lajur=_LAJUR_C,
        sumber=_sumber_d(n),
        aktor_generik={"ppk": nama},
        catatan=(_CATATAN_GAMBAR_17.format(n=n),),
        perencanaan=[
            _L("ppk", None, "Menyusun dan menetapkan perjanjian kinerja",
               "{ppk} " + selaku + " menyusun dan menetapkan perjanjian kinerja."),
            _L("ppk", None, "Arahan dan strategi: tim/individu, lintas unit, ketua tim",
               "{ppk} memberikan arahan dan merumuskan strategi pencapaian target kinerja yang "
               "terdiri dari penentuan pelaksanaan tugas dalam bentuk Tim Kerja atau individu, "
               "penentuan kebutuhan pelibatan Pejabat Fungsional atau pelaksana lintas unit, serta "
               "penentuan kebutuhan atas Ketua Tim."),
            _lintas(),
            _rencana_bersama(),
        ],
        pelaksanaan=_pelaksanaan(),
        evaluasi=_evaluasi_ulang(),
    )


_SELAKU_C = "selaku Pejabat Penilai Kinerja sekaligus Pimpinan Unit Organisasi"

_M5 = _pola_c(
    5,
    "Pejabat Administrator",
    _SELAKU_C,
)
_M6 = _pola_c(
    6,
    "Pejabat Pengawas",
    _SELAKU_C,
)
_M7 = _pola_c(
    7,
    "Pejabat Fungsional yang memimpin Unit Organisasi",
    _SELAKU_C,
)

_M8 = _mekanisme(
    _kode_d(8),
    lajur=(
        Lajur("sekretaris_daerah", ("ppk",), alias=("pejabat_level_1",), nama_bawaan="Sekretaris Daerah"),
        Lajur("asisten", ("pimpinan_unit",), alias=("pejabat_level_2",), nama_bawaan="Asisten Sekretaris Daerah"),
        _KT,
        _JF,
    ),
    sumber=_sumber_d(8),
    aktor_generik={},
    catatan=(
        "Teks Lampiran D angka 8 huruf a menyebut \"Rekomendasi tersebut\" tanpa menyebut "
        "pemberinya; sesuai Lampiran B.2 (penugasan atas usulan Pimpinan Unit Organisasi) dan "
        "contoh angka 1, 4, dan 9, rekomendasi digambar berasal dari Asisten Sekretaris Daerah.",
    ),
    perencanaan=[
        _L("ppk", None, "Menyusun dan menetapkan perjanjian kinerja",
           "{ppk} selaku Pejabat Penilai Kinerja menyusun dan menetapkan perjanjian kinerja."),
        _L("ppk", "pimpinan_unit", "Membagi tanggung jawab target kinerja",
           "Perjanjian kinerja tersebut menjadi dasar penentuan pembagian tanggung jawab target "
           "kinerja bagi {pimpinan_unit}."),
        _rekomendasi(" (Lihat catatan.)"),
        _L("ppk", "jf", "Menugaskan JF/pelaksana membantu Pimpinan Unit",
           "Sebagai tindak lanjut pembagian penanggung jawab target kinerja, {ppk} menugaskan "
           "Pejabat Fungsional dan pelaksana untuk membantu pelaksanaan tugas {pimpinan_unit}."),
        _strategi(),
        _lintas(),
        _rencana_bersama(),
    ],
    pelaksanaan=_pelaksanaan(),
    evaluasi=[_tinjau(), _teruskan("pimpinan_unit", "ppk"), _selesai("ppk")],
)


def _pola_setda_bawah(n: int, kabag_ppk: bool) -> Mekanisme:
    """Contoh angka 9 dan 10: Sekretaris Daerah meninjau di akhir."""
    if kabag_ppk:
        lajur = (
            Lajur("sekretaris_daerah", (), alias=("pejabat_level_1",), nama_bawaan="Sekretaris Daerah"),
            Lajur("asisten", (), alias=("pejabat_level_2",), nama_bawaan="Asisten Sekretaris Daerah"),
            Lajur("kepala_bagian", ("ppk", "pimpinan_unit"), nama_bawaan="Kepala Bagian"),
            _KT,
            _JF,
        )
        bagi = _L("asisten", "kepala_bagian", "Membagi dan menunjuk Kepala Bagian penanggung jawab",
                  "{asisten}, berdasarkan perjanjian kinerja yang telah ditetapkan dan dibagi oleh "
                  "{sekretaris_daerah}, membagi dan menunjuk {kepala_bagian} sebagai penanggung jawab "
                  "atas target kinerja tertentu.")
        tugas: list = []
    else:
        lajur = (
            Lajur("sekretaris_daerah", (), alias=("pejabat_level_1",), nama_bawaan="Sekretaris Daerah"),
            Lajur("asisten", ("ppk",), alias=("pejabat_level_2",), nama_bawaan="Asisten Sekretaris Daerah"),
            Lajur("kepala_bagian", ("pimpinan_unit",), nama_bawaan="Kepala Bagian"),
            _KT,
            _JF,
        )
        bagi = _L("asisten", "kepala_bagian", "Membagi dan menunjuk Kepala Bagian penanggung jawab",
                  "{asisten} selaku Pejabat Penilai Kinerja, berdasarkan perjanjian kinerja yang telah "
                  "ditetapkan dan dibagi oleh {sekretaris_daerah}, membagi dan menunjuk {kepala_bagian} "
                  "sebagai penanggung jawab atas target kinerja tertentu.")
        tugas = [
            _rekomendasi(),
            _L("ppk", "jf", "Menugaskan JF/pelaksana membantu Kepala Bagian", _TUGASKAN_ATAS_REKOMENDASI),
        ]
    return _mekanisme(
        _kode_d(n),
        lajur=lajur,
        sumber=_sumber_d(n),
        aktor_generik={},
        perencanaan=[
            _L("sekretaris_daerah", None, "Menyusun dan menetapkan perjanjian kinerja",
               "{sekretaris_daerah} menyusun dan menetapkan perjanjian kinerja."),
            _L("sekretaris_daerah", "asisten", "Menetapkan Asisten sebagai penanggung jawab target",
               "Perjanjian kinerja tersebut digunakan sebagai dasar penentuan {asisten} sebagai "
               "penanggung jawab atas target kinerja tertentu."),
            bagi,
            *tugas,
            _strategi(),
            _lintas(),
            _rencana_bersama(),
        ],
        pelaksanaan=_pelaksanaan(),
        evaluasi=[
            _tinjau(),
            _teruskan("kepala_bagian", "asisten"),
            _L("asisten", "sekretaris_daerah", "Hasil sesuai target disampaikan dan ditinjau Sekda",
               "Hasil pelaksanaan kegiatan yang sesuai dengan target ataupun ekspektasi disampaikan "
               "kepada dan ditinjau oleh {sekretaris_daerah}.", balasan=True),
            _selesai("sekretaris_daerah"),
        ],
    )


_M9 = _pola_setda_bawah(9, kabag_ppk=False)
_M10 = _pola_setda_bawah(10, kabag_ppk=True)

# ---------------------------------------------------------------------------
# Pola umum a/b/c (interpretasi; Lampiran A + struktur penugasan Lampiran B.2)
# ---------------------------------------------------------------------------

_CATATAN_UMUM = (
    "Pola ini adalah interpretasi: Lampiran D tidak memuat contoh untuk kombinasi jabatan ini. "
    "Langkahnya diturunkan dari alur umum Lampiran A, ketentuan struktur penugasan huruf {h} "
    "Lampiran B.2, dan contoh Lampiran D yang berbentuk sama ({contoh})."
)

_PENUGASAN_PU = _L(
    "pimpinan_unit", "jf", "Memberikan penugasan (individu/tim kerja)",
    "Pejabat Fungsional dan pelaksana menerima penugasan, secara individu atau dalam tim kerja, "
    "dari {pimpinan_unit} selaku Pimpinan Unit Organisasi.",
)
_RENCANA_A = _L(
    "jf", None, "Menyusun rencana kegiatan dan anggaran",
    "Pejabat Fungsional dan pelaksana menyusun rencana kegiatan dan anggaran untuk pencapaian "
    "target kinerja.",
)

_UMUM_A = _mekanisme(
    _kode_umum("a"),
    lajur=_LAJUR_A,
    sumber=_SUMBER_A,
    aktor_generik={},
    catatan=(_CATATAN_UMUM.format(h="a", contoh="contoh angka 1, 4, dan 8"),),
    perencanaan=[
        _L("ppk", None, "Menyusun dan menetapkan perjanjian kinerja",
           "{ppk} selaku Pejabat Penilai Kinerja menyusun dan menetapkan perjanjian kinerja, yang "
           "menjadi dasar penetapan kinerja {pimpinan_unit}.", sumber=_SUMBER_A["perencanaan"]),
        _L("ppk", "pimpinan_unit", "Menetapkan kinerja Pimpinan Unit",
           "{ppk} menetapkan kinerja {pimpinan_unit}.", sumber=ANCHOR_B2["struktur-a"]),
        _L("pimpinan_unit", "ppk", "Usulan penugasan JF/pelaksana",
           "{pimpinan_unit} mengusulkan penugasan Pejabat Fungsional dan pelaksana kepada {ppk}.",
           sumber=ANCHOR_B2["penugasan"], balasan=True),
        _L("ppk", "jf", "Menugaskan JF/pelaksana membantu Pimpinan Unit",
           "Atas usulan {pimpinan_unit}, {ppk} menugaskan Pejabat Fungsional dan pelaksana untuk "
           "membantu pelaksanaan tugas {pimpinan_unit}.", sumber=ANCHOR_B2["penugasan"]),
        _strategi(),
        _PENUGASAN_PU,
        _lintas(),
        _RENCANA_A,
    ],
    pelaksanaan=_pelaksanaan(),
    evaluasi=[_tinjau(), _teruskan("pimpinan_unit", "ppk"), _selesai("ppk", "target yang diharapkan")],
)

_UMUM_B = _mekanisme(
    _kode_umum("b"),
    lajur=(
        Lajur("pejabat_level_1", ("pejabat_level_1",), alias=()),
        Lajur("ppk", ("ppk", "pimpinan_unit"), alias=("pejabat_level_2",)),
        _KT,
        _JF,
    ),
    sumber=_SUMBER_A,
    aktor_generik={},
    catatan=(_CATATAN_UMUM.format(h="b", contoh="contoh angka 2"),),
    perencanaan=[
        _L("pejabat_level_1", None, "Menyusun dan menetapkan perjanjian kinerja",
           "{pejabat_level_1} menyusun dan menetapkan perjanjian kinerja."),
        _L("pejabat_level_1", "ppk", "Menetapkan kinerja Pimpinan Unit",
           "{pejabat_level_1} menetapkan kinerja {ppk}.", sumber=ANCHOR_B2["struktur-b"]),
        _strategi("ppk"),
        _L("ppk", "jf", "Memberikan penugasan (individu/tim kerja)",
           "{ppk} selaku Pejabat Penilai Kinerja sekaligus Pimpinan Unit Organisasi memberikan "
           "penugasan bagi Pejabat Fungsional dan pelaksana, secara individu atau dalam tim kerja.",
           sumber=ANCHOR_B2["struktur-b"]),
        _lintas("ppk"),
        _RENCANA_A,
    ],
    pelaksanaan=_pelaksanaan("ppk"),
    evaluasi=[_tinjau("ppk"), _teruskan("ppk", "pejabat_level_1"), _selesai("pejabat_level_1", "target yang diharapkan")],
)

_UMUM_C = _mekanisme(
    _kode_umum("c"),
    lajur=_LAJUR_C,
    sumber=_SUMBER_A,
    aktor_generik={},
    catatan=(_CATATAN_UMUM.format(h="c", contoh="contoh angka 5, 6, dan 7"),),
    perencanaan=[
        _L("ppk", None, "Menyusun dan menetapkan perjanjian kinerja",
           "{ppk} selaku Pejabat Penilai Kinerja sekaligus Pimpinan Unit Organisasi menyusun dan "
           "menetapkan perjanjian kinerja."),
        _strategi("ppk"),
        _L("ppk", "jf", "Memberikan penugasan (individu/tim kerja)",
           "{ppk} memberikan penilaian kinerja sekaligus penugasan bagi Pejabat Fungsional dan "
           "pelaksana, secara individu atau dalam tim kerja.", sumber=ANCHOR_B2["struktur-c"]),
        _lintas("ppk"),
        _RENCANA_A,
    ],
    pelaksanaan=_pelaksanaan("ppk"),
    evaluasi=_evaluasi_ulang("ppk"),
)

#: Semua mekanisme menurut kode.
MEKANISME: dict[str, Mekanisme] = {
    m.kode: m
    for m in (_LAMPIRAN_A, _M1, _M2, _M3, _M4, _M5, _M6, _M7, _M8, _M9, _M10, _UMUM_A, _UMUM_B, _UMUM_C)
}

#: Nomor gambar → kode mekanisme (Gambar 1 dan 23–32).
GAMBAR_MEKANISME: dict[int, str] = {m.gambar: m.kode for m in MEKANISME.values() if m.gambar is not None}


def mekanisme(kode: str) -> Mekanisme:
    """Mekanisme menurut kode (``M1``…``M10``, ``umum-a/b/c``, ``lampiran-a``)."""
    try:
        return MEKANISME[kode]
    except KeyError:
        raise KeyError(f"kode mekanisme tidak dikenal: {kode!r}") from None


# ---------------------------------------------------------------------------
# Prosedur penugasan Lampiran B.2 (Gambar 18–22)
# ---------------------------------------------------------------------------


def _prosedur(gambar: int, lajur: tuple[Lajur, ...], spec: list,
              aktor_generik: dict[str, str] | None = None, catatan: tuple[str, ...] = ()) -> Prosedur:
    """Satu prosedur; kode, judul dan jangkarnya dari katalog (``prosedur``)."""
    kp = katalog().prosedur[gambar]
    kode, judul, anchor = kp.kode, kp.judul, kp.anchor
    butir = _Penomor(anchor_huruf=anchor).susun(spec, None, anchor)
    p = Prosedur(gambar, kode, judul, anchor, lajur, butir, dict(aktor_generik or {}), catatan)
    _periksa(f"Gambar {gambar}", lajur, p.langkah())
    return p


_P18 = _prosedur(
    18,
    (Lajur("pimpinan_unit", ("pimpinan_unit",)), _JF),
    [
        _L("pimpinan_unit", "jf", "Menunjuk langsung JF/pelaksana",
           "Penunjukan Pejabat Fungsional dan pelaksana yang berada di dalam Unit Organisasi yang "
           "sama dilakukan langsung oleh {pimpinan_unit} yang bersangkutan."),
    ],
)

_P19 = _prosedur(
    19,
    (Lajur("pimpinan_unit_pemilik", ("pimpinan_unit_pemilik",)), Lajur("ppk_dituju", ("ppk_dituju",)), _JF),
    [
        _L("pimpinan_unit_pemilik", "ppk_dituju", "Surat permohonan pelibatan (tembusan PPK)",
           "{pimpinan_unit_pemilik} mengirimkan surat permohonan pelibatan Pejabat Fungsional atau "
           "pelaksana kepada {ppk_dituju}, tempat Pejabat Fungsional atau pelaksana dimaksud berada, "
           "dengan tembusan Pejabat Penilai Kinerja bersangkutan.", huruf="a"),
        _L("ppk_dituju", None, "Memproses dan menjawab permohonan",
           "{ppk_dituju} memproses dan menjawab permohonan pelibatan Pejabat Fungsional atau "
           "pelaksana tersebut.", huruf="b"),
        _alt(
            ("permohonan disetujui", [
                _L("ppk_dituju", "jf", "Menyusun surat penugasan sesuai kriteria",
                   "Apabila menyetujui, {ppk_dituju} dengan rekomendasi dari Pimpinan Unit Organisasi "
                   "menyusun surat penugasan untuk menugaskan Pejabat Fungsional atau pelaksana yang "
                   "sesuai dengan kriteria yang disampaikan pemohon di dalam surat permohonan pelibatan.",
                   huruf="c"),
            ]),
            ("permohonan tidak disetujui", [
                _L("ppk_dituju", "pimpinan_unit_pemilik", "Menjawab permohonan dengan alasan penolakan",
                   "Apabila tidak menyetujui, {ppk_dituju} menjawab surat permohonan pelibatan tersebut "
                   "dengan alasan mengapa permohonan tidak dapat disetujui.", huruf="d", balasan=True),
            ]),
        ),
        _L("jf", None, "Menerima surat penugasan, melaksanakan",
           "Pejabat Fungsional dan pelaksana menerima surat penugasan untuk dilaksanakan dengan "
           "penuh tanggung jawab.", huruf="e"),
    ],
)

_P20 = _prosedur(
    20,
    (
        Lajur("pimpinan_unit_pemilik", ("pimpinan_unit_pemilik",)),
        Lajur("pejabat_berwenang", ("pejabat_berwenang",)),
        Lajur("pejabat_berwenang_dituju", ("pejabat_berwenang_dituju",)),
        Lajur("ppk_dituju", ("ppk_dituju",)),
        Lajur("pimpinan_unit_dituju", ("pimpinan_unit_dituju",)),
        _JF,
    ),
    [
        _L("pimpinan_unit_pemilik", "pejabat_berwenang", "Surat permohonan pelibatan (tembusan PPK)",
           "{pimpinan_unit_pemilik} terlebih dahulu mengirimkan surat permohonan pelibatan Pejabat "
           "Fungsional atau pelaksana kepada {pejabat_berwenang} dengan tembusan Pejabat Penilai "
           "Kinerja bersangkutan di instansinya.", huruf="a"),
        _opt("Pejabat yang Berwenang setuju",
            _L("pejabat_berwenang", "pejabat_berwenang_dituju", "Meneruskan surat permohonan pelibatan",
               "Apabila setuju atas permohonan pelibatan Pejabat Fungsional atau pelaksana dari "
               "instansi lain, {pejabat_berwenang} mengirimkan surat permohonan pelibatan tersebut "
               "kepada {pejabat_berwenang_dituju}.", huruf="b"),
            _opt("disetujui Pejabat yang Berwenang instansi dituju",
                _L("pejabat_berwenang_dituju", "ppk_dituju", "Instruksi menugaskan JF/pelaksana sesuai kriteria",
                   "Apabila surat permohonan disetujui, {pejabat_berwenang_dituju} menginstruksikan "
                   "{ppk_dituju} untuk menugaskan Pejabat Fungsional atau pelaksana yang bersesuaian "
                   "dengan kriteria yang dibutuhkan di dalam surat permohonan pelibatan.", huruf="c"),
                _L("ppk_dituju", "pejabat_berwenang_dituju", "Menjawab ketersediaan JF/pelaksana",
                   "Terhadap instruksi tersebut, {ppk_dituju} dengan rekomendasi {pimpinan_unit_dituju} "
                   "tempat Pejabat Fungsional atau pelaksana berada menjawab ketersediaan Pejabat "
                   "Fungsional atau pelaksana yang bersesuaian dengan kriteria yang dibutuhkan di dalam "
                   "surat permohonan pelibatan.", huruf="d", balasan=True),
                _opt("JF/pelaksana tersedia",
                    _L("ppk_dituju", "pejabat_berwenang_dituju", "Surat jawaban dan daftar JF/pelaksana",
                       "{ppk_dituju} mengirimkan surat jawaban permohonan pelibatan beserta daftar "
                       "Pejabat Fungsional atau pelaksana yang ditugaskan kepada {pejabat_berwenang_dituju}.",
                       huruf="e.1", balasan=True),
                    _L("pejabat_berwenang_dituju", "pejabat_berwenang", "Surat jawaban kepada instansi pemohon",
                       "Bilamana menyetujui surat jawaban beserta daftar tersebut, "
                       "{pejabat_berwenang_dituju} mengirimkan surat jawaban permohonan kepada "
                       "{pejabat_berwenang}.", huruf="e.1", balasan=True),
                    _L("ppk_dituju", "jf", "Menugaskan JF/pelaksana sesuai daftar",
                       "Berdasarkan surat jawaban yang telah disetujui oleh Pejabat yang Berwenang, "
                       "{ppk_dituju} atau {pimpinan_unit_dituju} menugaskan Pejabat Fungsional atau "
                       "pelaksana sesuai daftar yang ditugaskan untuk bekerja sesuai pelibatan tersebut.",
                       huruf="e.2"),
                    _L("pimpinan_unit_dituju", "jf", "Surat penugasan (tembusan para pejabat)",
                       "Berdasarkan surat jawaban permohonan pelibatan, {pimpinan_unit_dituju} memberikan "
                       "surat penugasan dan/atau bukti penugasan tertulis kepada Pejabat Fungsional atau "
                       "pelaksana yang ditugaskan, dengan tembusan Pejabat yang Berwenang instansi "
                       "bersangkutan, Pejabat Penilai Kinerja bersangkutan, dan Pejabat yang Berwenang "
                       "instansi pemohon.", huruf="e.3"),
                    _L("jf", None, "Menerima surat penugasan, melaksanakan",
                       "Pejabat Fungsional dan pelaksana menerima surat penugasan untuk dilaksanakan "
                       "dengan penuh tanggung jawab.", huruf="e.4"),
                ),
            ),
        ),
    ],
    catatan=(
        "Butir e angka 1 Lampiran B.2 memuat dua kiriman surat (Pejabat Penilai Kinerja dituju "
        "kepada Pejabat yang Berwenang instansinya, lalu Pejabat yang Berwenang itu kepada Pejabat "
        "yang Berwenang pemohon); keduanya digambar sebagai dua langkah bertanda e.1.",
        "Pimpinan Unit Organisasi pada butir e angka 3 digambar sebagai Pimpinan Unit Organisasi di "
        "instansi dituju, karena tembusannya ditujukan kepada Pejabat yang Berwenang instansi pemohon.",
    ),
)

_P21 = _prosedur(
    21,
    (Lajur("pimpinan_unit", ("pimpinan_unit",)), _JF),
    [
        _L("jf", "pimpinan_unit", "Menyampaikan keinginan terlibat (lisan)",
           "Pejabat Fungsional atau pelaksana menyampaikan keinginannya secara lisan kepada "
           "{pimpinan_unit} untuk dapat terlibat dalam pelaksanaan kinerja tertentu.", huruf="a"),
        _opt("Pimpinan Unit Organisasi menyetujui",
            _L("pimpinan_unit", "jf", "Menugaskan untuk kinerja tersebut",
               "Apabila menyetujui, {pimpinan_unit} menugaskan Pejabat Fungsional atau pelaksana untuk "
               "melaksanakan kinerja tertentu tersebut.", huruf="b"),
        ),
        _L("jf", None, "Menerima surat penugasan, melaksanakan",
           "Pejabat Fungsional dan pelaksana menerima surat penugasan untuk dilaksanakan dengan penuh "
           "tanggung jawab.", huruf="c"),
    ],
)

_P22 = _prosedur(
    22,
    (Lajur("jf", ("jf",)), Lajur("pimpinan_unit_dituju", ("pimpinan_unit_dituju",)), Lajur("ppk", ("ppk",))),
    [
        _L("jf", "pimpinan_unit_dituju", "Surat permohonan dilibatkan (tembusan PPK, PU)",
           "Pejabat Fungsional atau pelaksana menyampaikan surat permohonan untuk dapat dilibatkan "
           "dalam pelaksanaan kinerja kepada {pimpinan_unit_dituju} dengan tembusan Pejabat Penilai "
           "Kinerja dan Pimpinan Unit Organisasi bersangkutan.", huruf="a"),
        _opt("Pimpinan Unit Organisasi dituju menyetujui",
            _L("jf", "ppk", "Surat permohonan yang telah disetujui",
               "Pejabat Fungsional atau pelaksana menyampaikan surat permohonan persetujuan yang telah "
               "disetujui oleh {pimpinan_unit_dituju} kepada {ppk} dengan tembusan Pimpinan Unit "
               "Organisasi bersangkutan.", huruf="b"),
            _opt("Pejabat Penilai Kinerja menyetujui",
                _L("ppk", "jf", "Menyusun surat penugasan",
                   "Apabila menyetujui, {ppk} menyusun surat penugasan untuk menugaskan Pejabat "
                   "Fungsional atau pelaksana melaksanakan kinerja yang berada di {pimpinan_unit_dituju}.",
                   huruf="c"),
            ),
        ),
        _L("jf", None, "Menerima surat penugasan, melaksanakan",
           "Pejabat Fungsional dan pelaksana menerima surat penugasan untuk dilaksanakan dengan penuh "
           "tanggung jawab.", huruf="d"),
    ],
)

#: Prosedur penugasan menurut nomor gambar (18–22).
PROSEDUR: dict[int, Prosedur] = {p.gambar: p for p in (_P18, _P19, _P20, _P21, _P22)}


def prosedur(gambar: int) -> Prosedur:
    """Prosedur penugasan Lampiran B.2 menurut nomor gambar (18–22)."""
    try:
        return PROSEDUR[gambar]
    except KeyError:
        raise KeyError(f"tidak ada prosedur penugasan untuk Gambar {gambar!r} (hanya 18–22)") from None


#: Muatan minimal surat permohonan pelibatan lintas Unit Organisasi/instansi (Lampiran B.2).
ISI_SURAT_PERMOHONAN: tuple[str, ...] = (
    "maksud dan tujuan permohonan penugasan Pejabat Fungsional dan pelaksana;",
    "kompetensi, keahlian, dan/atau keterampilan yang dibutuhkan;",
    "ekspektasi/target kinerja dari Pejabat Fungsional dan pelaksana yang akan ditugaskan; dan",
    "durasi pelibatan Pejabat Fungsional dan pelaksana.",
)


def anchor_dikenal() -> list[str]:
    """Semua jangkar sumber yang dirujuk data ini (untuk diperiksa terhadap halaman peraturan)."""
    hasil: set[str] = set(ANCHOR_B2.values())
    for m in MEKANISME.values():
        hasil.add(m.anchor)
        hasil.update(t.sumber for t in m.tahap)
        hasil.update(lk.sumber for lk in m.langkah())
    for p in PROSEDUR.values():
        hasil.add(p.anchor)
        hasil.update(lk.sumber for lk in p.langkah())
    return sorted(hasil)
