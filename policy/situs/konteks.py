"""Data bersama untuk halaman terbangkit: hasil pemeriksaan ``orgs/``, letak halaman, pengaturan.

Satu :class:`Konteks` dibangun sekali per build (di-cache menurut isi ``orgs/``) dan dipakai
semua penyedia halaman (unit, indeks, mekanisme, kepatuhan) serta makro. Modul ini tidak
mengimpor mkdocs.

Letak halaman unit: ``unit/<grup>/<id>.md``, dengan ``<grup>`` menurut jenis Perangkat Daerah
(:data:`GRUP`). Navigasi bersarang ini membuat setiap halaman hanya membawa bagian navigasinya
sendiri (Material ``navigation.prune``), sehingga ukuran halaman tidak tumbuh dengan jumlah unit.
"""
from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..domain import Unit
from ..katalog import katalog
from ..klasifikasi import Klasifikasi, klasifikasi
from ..models import Kelompok
from ..periksa import HasilPeriksa, periksa
from ..temuan import Temuan
from . import url

#: Grup navigasi "jenis Perangkat Daerah": kunci folder → (judul, jenis unit di dalamnya). Urutan = urutan nav.
GRUP: dict[str, tuple[str, tuple[str, ...]]] = {
    "sekretariat": ("Sekretariat Daerah dan Sekretariat DPRD", ("sekretariat_daerah", "sekretariat_dprd")),
    "dinas": ("Dinas", ("dinas",)),
    "badan": ("Badan", ("badan",)),
    "inspektorat-satpol-pp": ("Inspektorat, Satpol PP dan lainnya", ("inspektorat", "satpol_pp", "lainnya")),
    "kecamatan": ("Kecamatan dan Kelurahan", ("kecamatan", "kelurahan")),
    "uptd": ("UPTD, Puskesmas dan RSUD", ("uptd", "rsud")),
}
_GRUP_JENIS = {j: g for g, (_, jenis) in GRUP.items() for j in jenis}

#: Nama tampil jenis unit (kolom ``jenis`` berkas org) dan jenis jabatan — dari katalog.
NAMA_JENIS_UNIT: dict[str, str] = dict(katalog().jenis_unit)
NAMA_JENIS_JABATAN: dict[str, str] = dict(katalog().jenis_jabatan)

#: Urutan kode mekanisme di situs (katalog: mekanisme yang punya ``halaman``).
KODE_MEKANISME: tuple[str, ...] = katalog().kode_mekanisme


def nama_mekanisme(kode: str | None) -> str:
    """Nama mekanisme untuk pembaca (teks polos, belum di-escape): ``M2`` → ``M2 · Administrator menilai
    dan menugaskan`` — kode dan siapa menilai/menugaskan (Lampiran D). Judul Lampiran sama untuk beberapa
    mekanisme (M1–M3 "... dipimpin oleh Pejabat Pimpinan Tinggi Pratama"), jadi setiap tempat di situs
    dan laporan PR yang menyebut mekanisme memakai fungsi ini; labelnya dari katalog (``label``)."""
    return katalog().label(kode) if kode else "—"


def urut_mekanisme(kode: str) -> int:
    """Kunci urut kode mekanisme (urutan :data:`KODE_MEKANISME`; kode tak dikenal di akhir)."""
    return KODE_MEKANISME.index(kode) if kode in KODE_MEKANISME else len(KODE_MEKANISME)


def berkas_mekanisme(kode: str) -> str:
    """Path halaman mekanisme relatif docs/ (katalog: ``M3`` → ``mekanisme/m03.md``)."""
    return katalog().halaman_mekanisme(kode)


#: Paling banyak baris tabel "satu baris per unit" di halaman indeks lintas grup ("Cari unit saya",
#: halaman mekanisme). Lebih dari itu, halaman indeks hanya memuat ringkasan per grup dan menaut ke
#: halaman grup (``unit/<grup>/``) yang memuat tabel setiap unitnya, agar halaman indeks tidak tumbuh
#: tanpa batas dengan jumlah unit.
BATAS_BARIS_INDEKS = 300

#: Pengaturan situs dari mkdocs.yml (diisi hook saat ``on_config``; bawaan bila dipanggil tanpa mkdocs).
PENGATURAN: dict[str, object] = {"data_contoh": False}


def atur(**nilai: object) -> None:
    """Ubah pengaturan (mis. ``atur(data_contoh=True)`` dari ``extra.data_contoh`` mkdocs.yml)."""
    PENGATURAN.update(nilai)


def relatif(tujuan: str, dari: str) -> str:
    """Tautan relatif antarhalaman docs/ (``unit/dinas/a.md`` → ``../badan/b.md``)."""
    tujuan, _, jangkar = tujuan.partition("#")
    if tujuan == dari:
        return f"#{jangkar}" if jangkar else posixpath.basename(tujuan)
    rel = posixpath.relpath(tujuan, posixpath.dirname(dari) or ".")
    return rel + (f"#{jangkar}" if jangkar else "")


@dataclass
class KelompokTerklasifikasi:
    unit: Unit
    kelompok: Kelompok
    kl: Klasifikasi

    @property
    def penilai(self) -> str:
        return self.unit.jabatan(self.kelompok.penilai)

    @property
    def pimpinan_unit(self) -> str:
        return self.unit.jabatan(self.kelompok.pimpinan_unit)

    @property
    def nama(self) -> str:
        return self.kelompok.nama or self.kelompok.id


@dataclass
class Konteks:
    """Hasil pemeriksaan semua berkas org + turunan yang dipakai halaman."""

    root: Path
    hasil: HasilPeriksa
    docs_dir: Path = field(init=False)

    def __post_init__(self) -> None:
        self.docs_dir = self.root / "docs"

    @cached_property
    def units(self) -> list[Unit]:
        """Unit urut menurut grup lalu id."""
        urut_grup = {g: i for i, g in enumerate(GRUP)}
        return sorted(self.hasil.indeks.units.values(), key=lambda u: (urut_grup[self.grup(u)], u.id))

    def unit(self, uid: str) -> Unit | None:
        return self.hasil.indeks.units.get(uid)

    @staticmethod
    def grup(unit: Unit) -> str:
        return _GRUP_JENIS.get(unit.org.jenis, "inspektorat-satpol-pp")

    def halaman_unit(self, unit: Unit | str) -> str:
        """Path halaman unit relatif docs/."""
        u = self.unit(unit) if isinstance(unit, str) else unit
        if u is None:
            raise KeyError(unit)
        return f"unit/{self.grup(u)}/{self._slug_unit[u.id]}.md"

    @cached_property
    def _slug_unit(self) -> dict[str, str]:
        """Nama berkas halaman setiap unit di folder grupnya: id unit, kecuali id yang terlarang
        sebagai nama halaman (``index``, ``con`` …) — itu diberi akhiran hash (url.slug_unik)."""
        hasil: dict[str, str] = {}
        for g in GRUP:
            hasil.update(url.slug_unik({u.id: u.id for u in self.units_grup(g)}))
        return hasil

    @cached_property
    def kelompok(self) -> list[KelompokTerklasifikasi]:
        return [KelompokTerklasifikasi(u, k, klasifikasi(u, k)) for u in self.units for k in u.org.kelompok]

    @cached_property
    def _kelompok_per_unit(self) -> dict[str, list[KelompokTerklasifikasi]]:
        per: dict[str, list[KelompokTerklasifikasi]] = {}
        for k in self.kelompok:
            per.setdefault(k.unit.id, []).append(k)
        return per

    def kelompok_unit(self, unit: Unit) -> list[KelompokTerklasifikasi]:
        """Kelompok satu unit (indeks dibangun sekali: tanpa pindai semua kelompok per unit)."""
        return list(self._kelompok_per_unit.get(unit.id, ()))

    @cached_property
    def _unit_per_grup(self) -> dict[str, list[Unit]]:
        per: dict[str, list[Unit]] = {}
        for u in self.units:
            per.setdefault(self.grup(u), []).append(u)
        return per

    def units_grup(self, grup: str) -> list[Unit]:
        """Unit dalam satu grup navigasi (urut seperti :attr:`units`)."""
        return list(self._unit_per_grup.get(grup, ()))

    def judul_grup(self, grup: str) -> str:
        """Judul grup yang hanya menyebut jenis unit yang ada berkasnya.

        ``GRUP`` menyebut semua jenis yang *dapat* masuk grup ("Kecamatan dan Kelurahan"); selama belum
        ada berkas org berjenis ``kelurahan``, judulnya "Kecamatan" agar tidak menjanjikan halaman yang
        tidak ada. Bagian judul yang dibuang adalah nama jenis (:data:`NAMA_JENIS_UNIT`) tanpa unit.
        """
        judul, jenis = GRUP[grup]
        ada = {u.org.jenis for u in self.units_grup(grup)}
        if not ada:
            return judul
        kosong = {NAMA_JENIS_UNIT.get(j, j).casefold() for j in jenis if j not in ada}
        bagian = re.split(r", | dan ", judul)
        sisa = [b for b in bagian if b.casefold() not in kosong]
        if len(sisa) == len(bagian) or not sisa:
            return judul
        return sisa[0] if len(sisa) == 1 else ", ".join(sisa[:-1]) + " dan " + sisa[-1]

    @cached_property
    def _tim_masuk(self) -> dict[str, list]:
        """Indeks sekali jalan: id unit → [(unit pemilik tim, tim, ketua/anggota)] dari berkas lain."""
        per: dict[str, list] = {}
        for u2 in self.units:
            for t in u2.org.tim_kerja:
                for a in (t.ketua, *t.anggota):
                    if a.kelompok and "/" in a.kelompok:
                        uid = a.kelompok.partition("/")[0]
                        if uid != u2.id:
                            per.setdefault(uid, []).append((u2, t, a))
        return per

    def tim_masuk(self, unit: Unit) -> list:
        """Tim di berkas lain yang ketua/anggotanya dari kelompok ``unit`` (Pasal 10 ayat 2)."""
        return list(self._tim_masuk.get(unit.id, ()))

    @cached_property
    def _temuan_unit(self) -> dict[str, list[Temuan]]:
        per: dict[str, list[Temuan]] = {}
        file_ke_id = {u.file: u.id for u in self.hasil.indeks.units.values()}
        for t in self.hasil.temuan:
            uid = t.unit or file_ke_id.get(t.file, "")
            per.setdefault(uid, []).append(t)
        return per

    def temuan_unit(self, unit: Unit) -> list[Temuan]:
        return self._temuan_unit.get(unit.id, [])

    def berkas(self, file: str) -> str:
        """Path berkas temuan untuk ditampilkan di situs: relatif terhadap akar repositori."""
        p = Path(file)
        if p.is_absolute():
            try:
                return p.relative_to(self.root).as_posix()
            except ValueError:
                return file
        return file

    @cached_property
    def _unit_per_file(self) -> dict[str, Unit]:
        per: dict[str, Unit] = {}
        for u in self.hasil.indeks.units.values():
            per.setdefault(u.file, u)
        return per

    def unit_dari_temuan(self, t: Temuan) -> Unit | None:
        if t.unit:
            return self.unit(t.unit)
        return self._unit_per_file.get(t.file)


def _tanda_orgs(orgs: Path) -> tuple:
    if not orgs.is_dir():
        return ()
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                        for p in orgs.iterdir() if p.suffix in (".yaml", ".yml")))


# cache: satu Konteks (hasil check + cached_property) untuk setiap penyedia halaman; build 1.000 unit memanggil
# konteks() 10×; tanpa cache fase halaman terbangkit ±6 → 20 s, build +17 % CPU
_CACHE: dict[tuple, Konteks] = {}


def konteks(root: Path | str) -> Konteks:
    """Konteks untuk ``<root>/orgs`` (di-cache selama isi folder tidak berubah)."""
    root = Path(root).resolve()
    orgs = root / "orgs"
    kunci = (str(root), _tanda_orgs(orgs))
    if kunci not in _CACHE:
        _CACHE.clear()
        # path relatif terhadap direktori kerja bila di dalamnya, agar baris temuan sama persis
        # dengan keluaran `python -m policy check` yang dijalankan dari akar repositori
        rel = os.path.relpath(orgs)
        _CACHE[kunci] = Konteks(root, periksa([orgs if rel.startswith("..") else rel]))
    return _CACHE[kunci]
