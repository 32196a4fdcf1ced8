"""Model domain: unit (satu berkas org yang termuat) dengan level jabatan turunan,
dan indeks lintas berkas untuk acuan ``<berkas>/<kelompok>``.

Level = kedalaman dalam ``struktur`` (pucuk = level 1), sebagaimana "Pejabat Level 1/2"
dalam Lampiran A.
"""
from __future__ import annotations

import contextlib
import difflib
import gc
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Iterable

from pydantic import ValidationError

from . import models
from .models import Kelompok, OrgFile, Posisi
from .muat import Dokumen, akar_repositori, muat_yaml, tampil_path, tautan_keluar, tolak_tautan
from .temuan import Temuan


@dataclass
class Unit:
    """Satu Perangkat Daerah/UPTD yang lolos validasi bentuk."""

    file: str
    dok: Dokumen
    org: OrgFile
    posisi: dict[str, Posisi] = field(default_factory=dict)
    level: dict[str, int] = field(default_factory=dict)
    bawahan: dict[str, list[str]] = field(default_factory=dict)
    pucuk: list[Posisi] = field(default_factory=list)

    def __post_init__(self) -> None:
        for p in self.org.struktur:
            self.posisi.setdefault(p.id, p)
        for p in self.org.struktur:
            if p.atasan is not None:
                self.bawahan.setdefault(p.atasan, []).append(p.id)
        self.pucuk = [p for p in self.org.struktur if p.atasan is None]
        # level lewat BFS dari pucuk; posisi dalam siklus/acuan putus tidak mendapat level
        antrian = [(p.id, 1) for p in self.pucuk]
        while antrian:
            pid, lv = antrian.pop(0)
            if pid in self.level:
                continue
            self.level[pid] = lv
            antrian.extend((b, lv + 1) for b in self.bawahan.get(pid, ()))

    @property
    def id(self) -> str:
        return self.org.id

    @property
    def top(self) -> Posisi | None:
        return self.pucuk[0] if len(self.pucuk) == 1 else None

    @property
    def is_setda(self) -> bool:
        return self.org.jenis == "sekretariat_daerah"

    @cached_property
    def kedalaman(self) -> int:
        return max(self.level.values(), default=0)

    @cached_property
    def kelompok(self) -> dict[str, Kelompok]:
        hasil: dict[str, Kelompok] = {}
        for k in self.org.kelompok:
            hasil.setdefault(k.id, k)
        return hasil

    def jabatan(self, pid: str | None) -> str:
        """Nama jabatan (kantor) untuk id posisi; id itu sendiri bila tidak dikenal."""
        if pid is None:
            return "-"
        p = self.posisi.get(pid)
        return p.jabatan if p else pid

    def pos(self, path: Iterable) -> tuple[int, int]:
        return self.dok.posisi(tuple(path))

    def keypos(self, path: Iterable) -> tuple[int, int]:
        return self.dok.posisi_kunci(tuple(path))


@dataclass
class Indeks:
    """Semua unit termuat, dengan pencarian lintas berkas."""

    units: dict[str, Unit] = field(default_factory=dict)
    #: id (nama berkas) yang gagal dimuat: acuan ke sana tidak dilaporkan lagi (hindari temuan berantai)
    gagal: set[str] = field(default_factory=set)
    #: berkas yang diminta pengguna (yang lain hanya konteks untuk acuan lintas berkas)
    diminta: set[str] = field(default_factory=set)

    def unit_diminta(self) -> list["Unit"]:
        return sorted((u for u in self.units.values() if not self.diminta or u.file in self.diminta), key=lambda u: u.file)

    def cari_kelompok(self, acuan: str, dari: Unit) -> tuple[Unit, Kelompok] | None:
        """Selesaikan ``kjf-x`` (berkas yang sama) atau ``berkas/kjf-x``."""
        if "/" in acuan:
            uid, _, kid = acuan.partition("/")
            unit = self.units.get(uid)
        else:
            unit, kid = dari, acuan
        if unit is None:
            return None
        k = unit.kelompok.get(kid)
        return (unit, k) if k is not None else None


# ---------------------------------------------------------------------------
# Validasi bentuk (Pydantic) → temuan INPUT dengan baris dan saran

_NAMA_TIPE = {
    "string_type": "harus berupa teks (beri tanda kutip bila perlu)",
    "int_type": "harus berupa bilangan bulat",
    "bool_type": "harus true atau false",
    "list_type": "harus berupa daftar (butir diawali '- ')",
    "model_type": "harus berupa pemetaan (kolom: nilai)",
    "dict_type": "harus berupa pemetaan (kolom: nilai)",
    "model_attributes_type": "harus berupa pemetaan (kolom: nilai)",
}


def _jalur(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(berkas)"


def _saran_nilai(nilai: object, pilihan: Iterable[str]) -> str:
    dekat = difflib.get_close_matches(str(nilai), list(pilihan), n=1, cutoff=0.5)
    return f"maksud Anda '{dekat[0]}'?" if dekat else ""


def temuan_validasi(dok: Dokumen, err: ValidationError) -> list[Temuan]:
    """Terjemahkan kesalahan Pydantic menjadi temuan INPUT yang menunjuk baris tepat."""
    hasil = []
    for e in err.errors(include_url=False):
        loc = tuple(e["loc"])
        typ = e["type"]
        inp = e.get("input")
        label = _jalur(loc)
        hint = ""
        if typ == "extra_forbidden":
            line, col = dok.posisi_kunci(loc)
            model = models.model_di(loc[:-1])
            valid = sorted(model.model_fields) if model else []
            dekat = difflib.get_close_matches(str(loc[-1]), valid, n=1, cutoff=0.6)
            msg = f"kolom '{loc[-1]}' tidak dikenal di {_jalur(loc[:-1])}"
            hint = (f"maksud Anda '{dekat[0]}'?" if dekat else "") + (" Kolom yang sah: " + ", ".join(valid) if valid else "")
        elif typ == "missing":
            line, col = dok.posisi(loc[:-1])
            msg = f"kolom wajib '{loc[-1]}' tidak ada di {_jalur(loc[:-1])}"
            hint = f"tambahkan '{loc[-1]}: ...'"
        else:
            line, col = dok.posisi(loc)
            if typ == "literal_error":
                pilihan = [p.strip().strip("'") for p in e.get("ctx", {}).get("expected", "").replace(" or ", ",").split(",") if p.strip()]
                msg = f"nilai '{inp}' tidak sah untuk {label}"
                hint = (_saran_nilai(inp, pilihan) + " Pilihan: " + ", ".join(pilihan)).strip()
            elif typ == "string_pattern_mismatch":
                msg = f"nilai '{inp}' tidak sah untuk {label}: hanya huruf kecil, angka dan '-'"
                hint = "contoh: kabid-aptika atau bappeda/kjf-perencanaan"
            elif typ == "bool_type" and isinstance(inp, str):
                msg = f"{label} {_NAMA_TIPE[typ]}, bukan '{inp}'"
                hint = "tulis true atau false (YAML 1.2: 'yes', 'no', 'on', 'off' adalah teks)"
            elif typ == "int_type" and isinstance(inp, str):
                msg = f"{label} {_NAMA_TIPE[typ]}, bukan '{inp}'"
                hint = "tulis angka tanpa tanda kutip dan tanpa nol di depan, misalnya 8"
            elif typ == "string_type":
                msg = f"{label} {_NAMA_TIPE[typ]}, bukan {type(inp).__name__ if inp is not None else 'kosong'} '{inp}'"
                hint = "beri tanda kutip, misalnya \"08\""
            elif typ in _NAMA_TIPE:
                msg = f"{label} {_NAMA_TIPE[typ]}"
            elif typ in ("string_too_short", "too_short"):
                msg = f"{label} tidak boleh kosong"
            elif typ in ("string_too_long", "too_long"):
                msg = f"{label} terlalu panjang ({e.get('ctx', {}).get('max_length', '?')} karakter maksimum)"
                hint = "ringkas teksnya"
            elif typ == "value_error":
                msg = f"{label}: {e['msg'].removeprefix('Value error, ')}"
            else:
                msg = f"{label}: {e['msg']}"
        hasil.append(Temuan("INPUT", "error", dok.file, line, col, msg, basis="format berkas org (SPEC)", hint=hint.strip()))
    return hasil


def kumpulkan_berkas(paths: Iterable[str | Path]) -> tuple[list[tuple[Path, str]], list[str]]:
    """Daftar berkas ``*.yaml``/``*.yml`` dari path (berkas atau direktori, tidak rekursif).

    Mengembalikan (berkas, path yang tidak ada).
    """
    berkas, hilang = _kumpulkan(paths)
    return [(path, disp) for path, disp, _ in berkas], hilang


def _kumpulkan(paths: Iterable[str | Path]) -> tuple[list[tuple[Path, str, str]], list[str]]:
    """Seperti :func:`kumpulkan_berkas`, dengan akar repositori tiap berkas (untuk menolak tautan
    simbolik yang keluar darinya). Folder yang merupakan tautan keluar tidak didaftar isinya:
    foldernya sendiri masuk daftar dan ditolak saat dimuat."""
    berkas: list[tuple[Path, str, str]] = []
    hilang: list[str] = []
    cache: dict[str, str] = {}
    for p in paths:
        path = Path(p)
        if not (path.exists() or path.is_symlink()):
            hilang.append(str(p))
            continue
        akar = akar_repositori(path)
        if path.is_dir() and path.suffix not in (".yaml", ".yml") and not tautan_keluar(path, akar, cache):
            for anak in sorted(path.iterdir()):
                if anak.suffix in (".yaml", ".yml"):
                    berkas.append((anak, tampil_path(anak), akar))
        else:
            berkas.append((path, tampil_path(path), akar))
    unik = {disp: (path, disp, akar) for path, disp, akar in berkas}
    return sorted(unik.values(), key=lambda x: x[1]), hilang


def muat_unit(path: Path, file: str, tanggal: date | None = None) -> tuple[Unit | None, list[Temuan], Dokumen]:
    """Muat satu berkas: YAML → aturan tahap ``dokumen`` yang berlaku pada ``tanggal`` (SK10: data
    pribadi) → model → Unit."""
    from .rules import jalankan_dokumen  # impor di sini: aturan memakai domain

    dok = muat_yaml(path, file)
    temuan = list(dok.temuan)
    if dok.data is None:
        return None, temuan, dok
    temuan.extend(jalankan_dokumen(dok, tanggal))
    try:
        org = OrgFile.model_validate(dok.data)
    except ValidationError as err:
        temuan.extend(temuan_validasi(dok, err))
        return None, temuan, dok
    return Unit(file=file, dok=dok, org=org), temuan, dok


def muat_semua(paths: Iterable[str | Path], tanggal: date | None = None) -> tuple[Indeks, list[Temuan], int, list[str]]:
    """Muat semua berkas: (indeks, temuan input/tahap dokumen, jumlah berkas, path yang tidak ada).

    Bila yang diminta adalah berkas tunggal (mis. dari pre-commit), berkas lain di direktori yang
    sama ikut dimuat sebagai *konteks* agar acuan ``<berkas>/<kelompok>`` dapat diselesaikan;
    temuan hanya dilaporkan untuk berkas yang diminta.
    """
    berkas, hilang = _kumpulkan(paths)
    diminta = {disp for _, disp, _ in berkas}
    cache: dict[str, str] = {}
    konteks: list[tuple[Path, str, str]] = []
    akar_folder = {path.parent: akar for path, _, akar in berkas}
    for d in sorted({path.parent for path, _, _ in berkas if not path.is_dir()} - {Path(p) for p in paths}):
        akar = akar_folder[d]
        if d.is_dir() and not tautan_keluar(d, akar, cache):
            konteks.extend((a, tampil_path(a), akar) for a in sorted(d.iterdir())
                           if a.suffix in (".yaml", ".yml") and tampil_path(a) not in diminta
                           and not tautan_keluar(a, akar, cache) and a.is_file())
    indeks = Indeks()
    temuan: list[Temuan] = []
    with _tanpa_gc():
        _muat_ke(indeks, temuan, sorted(berkas + konteks, key=lambda x: x[1]), diminta, cache, tanggal)
    indeks.diminta = diminta
    return indeks, temuan, len(berkas), hilang


@contextlib.contextmanager
def _tanpa_gc():
    """Matikan GC siklik selama memuat: pohon simpul YAML yang disimpan (untuk posisi malas)
    tidak bersiklus, tetapi jumlahnya membuat GC berulang kali menelusuri heap yang terus
    membesar — di 1.000 berkas itu ~2/3 waktu ``check``. Penghitungan referensi tetap bekerja."""
    aktif = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aktif:
            gc.enable()


def _muat_ke(indeks: Indeks, temuan: list[Temuan], daftar: list[tuple[Path, str, str]], diminta: set[str],
             cache: dict[str, str], tanggal: date | None = None) -> None:
    for path, disp, akar in daftar:
        if tautan_keluar(path, akar, cache):  # tanpa membuka target: tidak ada isinya di pesan mana pun
            if disp in diminta:
                temuan.append(tolak_tautan(disp))
            indeks.gagal.add(path.stem)
            continue
        unit, t, _ = muat_unit(path, disp, tanggal)
        if disp in diminta:
            temuan.extend(t)
        if unit is None:
            indeks.gagal.add(path.stem)
            continue
        if unit.id in indeks.units:
            lain = indeks.units[unit.id]
            line, col = unit.pos(("id",))
            if disp in diminta:
                # id ganda lintas berkas hanya terlihat saat mengindeks (berkas kedua tidak masuk indeks);
                # metadata dan bentuk temuannya tetap dari registri (SK01)
                from .rules import ATURAN, Lapor, temuan as jadi_temuan

                temuan.append(jadi_temuan(ATURAN["SK01"], Lapor(("id",), f"id '{unit.id}' sudah dipakai oleh {lain.file}",
                                                                "setiap berkas org punya id unik yang sama dengan nama berkasnya"),
                                          disp, line, col))
            continue
        indeks.units[unit.id] = unit
