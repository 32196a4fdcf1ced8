"""``python -m policy diff BASE_REF [HEAD_REF]``: laporan dampak perubahan data org.

Membandingkan berkas ``orgs/*.yaml`` pada dua revisi git (HEAD_REF bawaan: pohon kerja) dan
mencetak Markdown untuk ringkasan pull request: unit ditambah/dihapus, rincian setiap perubahan
data (kolom unit, posisi ``struktur``, kelompok dan anggotanya beserta ``jumlah``, tim kerja,
id yang berganti), per kelompok Pejabat Penilai Kinerja (Pasal 1 angka 26), Pimpinan Unit
Organisasi (Pasal 1 angka 25) dan mekanisme (Lampiran D, dengan namanya) sebelum → sesudah
beserta jumlah pemangku yang terdampak, serta temuan yang muncul dan yang sudah diperbaiki.
Semua teks dari berkas org di-escape untuk Markdown GitHub oleh :mod:`policy.keluaran_md`.

Berkas revisi dibaca lewat ``git ls-tree``/``git show`` ke direktori sementara; pohon kerja
tidak pernah diubah. Keluaran deterministik. Kode keluar 0 (ini laporan, bukan gerbang),
2 bila revisi tidak dikenal atau bukan repositori git.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Callable

from pydantic import BaseModel

from .domain import Unit
from .katalog import katalog
from .keluaran_md import kode, md_github
from .klasifikasi import klasifikasi
from .models import AnggotaKelompok, AnggotaTim, Kelompok, OrgFile, Posisi, TimKerja
from .periksa import HasilPeriksa, periksa
from .temuan import Temuan

POHON_KERJA = "pohon kerja"
_IKON = {"error": "❌ kesalahan", "warning": "⚠️ peringatan", "info": "ℹ️ info"}


class RevisiTidakSah(Exception):
    """Revisi git tidak dapat dibaca (pesan untuk pengguna)."""


@dataclass
class Sisi:
    """Satu sisi perbandingan: label, commit (bila ada), berkas yang ada, hasil pemeriksaan."""

    label: str
    commit: str
    berkas: dict[str, str]  # path tampil (orgs/x.yaml) -> id berkas (stem)
    hasil: HasilPeriksa

    @cached_property
    def unit(self) -> dict[str, Unit]:
        """id berkas (stem) → unit termuat; berkas yang gagal dimuat atau ber-id ganda tidak ada."""
        return {Path(u.file).stem: u for u in self.hasil.indeks.units.values()}


def _git(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError as e:  # git tidak terpasang
        raise RevisiTidakSah("perintah git tidak ditemukan; pasang git terlebih dahulu") from e


def _commit(ref: str) -> str:
    r = _git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    if r.returncode != 0:
        cek = _git("rev-parse", "--git-dir")
        if cek.returncode != 0:
            raise RevisiTidakSah("direktori ini bukan repositori git")
        raise RevisiTidakSah(f"revisi git '{ref}' tidak dikenal (periksa nama cabang/commit, "
                             "atau ambil riwayat lengkap dengan fetch-depth: 0)")
    return r.stdout.decode().strip()


def _salin_revisi(commit: str, orgs: str, tujuan: Path) -> None:
    """Salin ``<orgs>/*.yaml`` pada commit ke ``tujuan`` (git ls-tree + git show)."""
    r = _git("ls-tree", "-z", "--name-only", commit, "--", orgs.rstrip("/") + "/")
    if r.returncode != 0:
        raise RevisiTidakSah(f"tidak dapat membaca {orgs}/ pada revisi {commit[:12]}")
    for nama in sorted(n for n in r.stdout.decode("utf-8", "surrogateescape").split("\0") if n):
        if Path(nama).suffix not in (".yaml", ".yml"):
            continue
        isi = _git("show", f"{commit}:./{nama}")
        if isi.returncode == 0:  # bukan blob (mis. submodule) dilewati
            (tujuan / Path(nama).name).write_bytes(isi.stdout)


def _salin_pohon_kerja(orgs: str, tujuan: Path) -> None:
    sumber = Path(orgs)
    if not sumber.is_dir():
        return
    for p in sorted(sumber.iterdir()):
        if p.suffix in (".yaml", ".yml") and p.is_file():
            (tujuan / p.name).write_bytes(p.read_bytes())


def _periksa_sisi(label: str, commit: str, orgs: str) -> Sisi:
    """Periksa salinan ``orgs/`` sebuah revisi; path temuan tetap ``<orgs>/x.yaml``."""
    with tempfile.TemporaryDirectory(prefix="sk-diff-") as tmp:
        tujuan = Path(tmp) / orgs
        tujuan.mkdir(parents=True)
        if commit:
            _salin_revisi(commit, orgs, tujuan)
        else:
            _salin_pohon_kerja(orgs, tujuan)
        with contextlib.chdir(tmp):
            berkas = {Path(orgs, p.name).as_posix(): p.stem for p in sorted(tujuan.iterdir())}
            hasil = periksa([orgs]) if berkas else periksa([])
    return Sisi(label, commit, berkas, hasil)


# ---------------------------------------------------------------------------
# Pencocokan dua revisi


def _pasangkan(lama: list, baru: list, kunci: Callable, tanda: tuple[Callable, ...] = (),
               sejajar: bool = False, kunci_baru: Callable | None = None) -> tuple[list[tuple], list, list]:
    """(pasangan, dihapus, ditambah) antara butir dua revisi.

    Dipasangkan menurut ``kunci`` (``kunci_baru`` untuk revisi baru bila berbeda; kemunculan
    ke-n bila ganda); sisanya menurut setiap fungsi ``tanda`` bila tanda itu unik di kedua sisi
    (id berganti, isi tetap); lalu, bila ``sejajar``, sisa pada urutan yang sama (nama berganti
    di tempat). Urutan pasangan mengikuti revisi baru.
    """
    def berindeks(xs: list, kunci: Callable) -> dict:
        n: Counter = Counter()
        hasil = {}
        for i, x in enumerate(xs):
            k = kunci(x)
            hasil[(k, n[k])] = i
            n[k] += 1
        return hasil

    ia, ib = berindeks(lama, kunci), berindeks(baru, kunci_baru or kunci)
    pasang = [(ia[k], ib[k]) for k in ia if k in ib]
    sisa_a = [ia[k] for k in ia if k not in ib]
    sisa_b = [ib[k] for k in ib if k not in ia]
    for fn in tanda:
        ta = Counter(fn(lama[i]) for i in sisa_a)
        tb = Counter(fn(baru[j]) for j in sisa_b)
        for i in list(sisa_a):
            t = fn(lama[i])
            if t is not None and ta[t] == 1 and tb[t] == 1:
                j = next(j for j in sisa_b if fn(baru[j]) == t)
                pasang.append((i, j))
                sisa_a.remove(i)
                sisa_b.remove(j)
    if sejajar:
        for i in [i for i in sisa_a if i in sisa_b]:
            pasang.append((i, i))
            sisa_a.remove(i)
            sisa_b.remove(i)
    pasang.sort(key=lambda p: p[1])
    return ([(lama[i], baru[j]) for i, j in pasang], [lama[i] for i in sorted(sisa_a)],
            [baru[j] for j in sorted(sisa_b)])


def _tanpa(model: BaseModel, *kolom: str) -> str:
    """Tanda tangan isi butir tanpa id dan acuan (yang ikut berubah bila id lain berganti)."""
    return repr(model.model_dump(exclude=set(kolom)))


# ---------------------------------------------------------------------------
# Penyajian nilai (semua teks dari berkas org lewat md_github/kode)

#: kolom yang berisi id posisi di ``struktur`` pada unit yang sama
_ACUAN_POSISI = frozenset({"atasan", "penilai", "pimpinan_unit", "pemilik_kinerja"})
_KOSONG = "_(kosong)_"


def _nilai(v: object) -> str:
    if v is None or v == "" or v == [] or v == {}:
        return _KOSONG
    if isinstance(v, bool):
        return "ya" if v else "tidak"
    if isinstance(v, BaseModel):
        v = v.model_dump(exclude_defaults=True)
    if isinstance(v, dict):
        return "; ".join(f"{md_github(k)} {_nilai(x)}" for k, x in v.items())
    if isinstance(v, list):
        return ", ".join(_nilai(x) for x in v)
    return md_github(v)


def _ubah(lama: str, baru: str) -> str:
    return f"{lama} → **{baru}**"


def _jabatan(unit: Unit, pid: str | None) -> str:
    """Posisi acuan: nama jabatan dan id-nya."""
    if pid is None:
        return _KOSONG
    p = unit.posisi.get(pid)
    return f"{md_github(p.jabatan)} ({kode(pid)})" if p else f"{kode(pid)} _(tidak ada di struktur)_"


def _nama_jabatan(unit: Unit, pid: str | None) -> str:
    return md_github(unit.jabatan(pid))


def _anggota_tim(a: AnggotaTim) -> str:
    asal = f"kelompok {kode(a.kelompok)}" if a.kelompok is not None else f"instansi {md_github(a.instansi)}"
    return f"{md_github(a.jabatan)} ({asal})"


def _mekanisme(kode_m: str | None) -> str:
    """Kode dan nama pendek mekanisme (judul navigasi situs), mis. "M2 · Administrator menilai …"."""
    return md_github(katalog().label(kode_m)) if kode_m else "tidak terklasifikasi"


def _kolom_lain(model: BaseModel, sudah: set[str]) -> str:
    """Kolom butir ditambah/dihapus yang terisi dan belum disebut (agar tidak ada teks tersembunyi)."""
    lain = [f"{kode(f)} {_nilai(v)}" for f, v in model.model_dump(exclude_defaults=True).items()
            if f not in sudah]
    return ("; " + "; ".join(lain)) if lain else ""


def _pemangku(k: Kelompok) -> int:
    return sum(a.jumlah for a in k.anggota)


# ---------------------------------------------------------------------------
# Rincian perubahan satu unit


@dataclass
class _BarisKelompok:
    """Satu kelompok pada tabel klasifikasi (PPK, Pimpinan Unit, mekanisme, pemangku)."""

    unit: str  # semua kolom kecuali uid dan pemangku: sel Markdown yang sudah di-escape
    uid: str
    kid: str
    ppk: str
    pimpinan_unit: str
    mekanisme: str
    pemangku: int


@dataclass
class _Selisih:
    rincian: list[str] = field(default_factory=list)
    berubah: list[_BarisKelompok] = field(default_factory=list)
    terdampak: int = 0
    kel_tambah: list[_BarisKelompok] = field(default_factory=list)
    kel_hapus: list[_BarisKelompok] = field(default_factory=list)


def _baris_kelompok(unit: Unit, uid: str, k: Kelompok) -> _BarisKelompok:
    kl = klasifikasi(unit, k)
    return _BarisKelompok(md_github(unit.org.nama), uid, kode(k.id), _nama_jabatan(unit, k.penilai),
                          _nama_jabatan(unit, k.pimpinan_unit), _mekanisme(kl.mekanisme), _pemangku(k))


class _BandingUnit:
    """Bandingkan satu unit pada dua revisi; id posisi/kelompok yang berganti dipetakan."""

    def __init__(self, ua: Unit, ub: Unit, uid: str, hasil: _Selisih):
        self.ua, self.ub, self.uid, self.hasil = ua, ub, uid, hasil
        self.peta_posisi: dict[str, str] = {}
        self.peta_kelompok: dict[str, str] = {}

    def _catat(self, objek: str, perubahan: list[str]) -> None:
        if perubahan:
            self.hasil.rincian.append(f"- {objek}: " + "; ".join(perubahan))

    def _kolom(self, a: BaseModel, b: BaseModel, lewati: tuple[str, ...] = ()) -> list[str]:
        """Setiap kolom yang berbeda: ``kolom`` lama → **baru** (acuan posisi lewat peta id)."""
        out = []
        for f in type(a).model_fields:
            if f in lewati:
                continue
            va, vb = getattr(a, f), getattr(b, f)
            if f in _ACUAN_POSISI:
                if self.peta_posisi.get(va, va) != vb:
                    out.append(f"{kode(f)} " + _ubah(_jabatan(self.ua, va), _jabatan(self.ub, vb)))
            elif va == vb:
                continue
            elif f == "id":
                out.append(f"{kode(f)} " + _ubah(kode(va), kode(vb)))
            elif isinstance(va, list) and isinstance(vb, list) and all(isinstance(x, str) for x in va + vb):
                tambah, hapus = Counter(vb) - Counter(va), Counter(va) - Counter(vb)
                bagian = ([f"ditambah {_nilai(sorted(tambah.elements()))}"] if tambah else []) + \
                         ([f"dihapus {_nilai(sorted(hapus.elements()))}"] if hapus else [])
                out.append(f"{kode(f)} " + ("; ".join(bagian) or "urutan berubah"))
            else:
                out.append(f"{kode(f)} " + _ubah(_nilai(va), _nilai(vb)))
        return out

    def jalankan(self) -> None:
        a, b = self.ua.org, self.ub.org
        if a == b and self.ua.file == self.ub.file:  # klasifikasi hanya bergantung pada unit itu sendiri
            return
        if self.ua.file != self.ub.file:
            self._catat("Berkas", [_ubah(kode(self.ua.file), kode(self.ub.file))])
        self._catat("Unit", self._kolom(a, b, lewati=("struktur", "kelompok", "tim_kerja")))
        self._struktur(a.struktur, b.struktur)
        self._kelompok(a.kelompok, b.kelompok)
        self._tim(a.tim_kerja, b.tim_kerja)

    def _struktur(self, lama: list[Posisi], baru: list[Posisi]) -> None:
        pasang, hapus, tambah = _pasangkan(lama, baru, lambda p: p.id,
                                           (lambda p: _tanpa(p, "id", "atasan"), lambda p: p.jabatan))
        self.peta_posisi = {p.id: q.id for p, q in pasang}
        for p, q in pasang:
            self._catat(f"Posisi {kode(q.id)}", self._kolom(p, q))
        for p in hapus:
            self._catat(f"Posisi {kode(p.id)} dihapus", [self._posisi(self.ua, p)])
        for q in tambah:
            self._catat(f"Posisi {kode(q.id)} ditambah", [self._posisi(self.ub, q)])

    @staticmethod
    def _posisi(unit: Unit, p: Posisi) -> str:
        return (f"{md_github(p.jabatan)} ({md_github(p.jenis)}, atasan {_jabatan(unit, p.atasan)})"
                + _kolom_lain(p, {"id", "jabatan", "jenis", "atasan"}))

    def _kelompok(self, lama: list[Kelompok], baru: list[Kelompok]) -> None:
        pasang, hapus, tambah = _pasangkan(
            lama, baru, lambda k: k.id,
            (lambda k: _tanpa(k, "id", "penilai", "pimpinan_unit"), lambda k: k.nama))
        self.peta_kelompok = {k.id: m.id for k, m in pasang}
        for k, m in pasang:
            self._catat(f"Kelompok {kode(m.id)}", self._kolom(k, m, lewati=("anggota",)) + self._anggota(k, m))
            self._klasifikasi(k, m)
        for k in hapus:
            self._catat(f"Kelompok {kode(k.id)} dihapus", [self._satu_kelompok(k)])
            self.hasil.kel_hapus.append(_baris_kelompok(self.ua, self.uid, k))
        for m in tambah:
            self._catat(f"Kelompok {kode(m.id)} ditambah", [self._satu_kelompok(m)])
            self.hasil.kel_tambah.append(_baris_kelompok(self.ub, self.uid, m))

    def _satu_kelompok(self, k: Kelompok) -> str:
        """Kelompok ditambah/dihapus; PPK dan Pimpinan Unit ada di tabel kelompok."""
        anggota = ", ".join(self._satu_anggota(a) for a in k.anggota) or _KOSONG
        return (f"{_nilai(k.nama)}, {_pemangku(k)} pemangku; anggota {anggota}"
                + _kolom_lain(k, {"id", "nama", "anggota", "penilai", "pimpinan_unit"}))

    def _anggota(self, k: Kelompok, m: Kelompok) -> list[str]:
        """Anggota kelompok (jabatan, jenis, jumlah): ditambah, dihapus, diganti, berubah."""
        pasang, hapus, tambah = _pasangkan(k.anggota, m.anggota, lambda a: a.jabatan, sejajar=True)
        out = [("anggota " if a.jabatan != b.jabatan else f"anggota {md_github(b.jabatan)}: ")
               + ", ".join(self._kolom(a, b)) for a, b in pasang if a != b]
        out += [f"anggota dihapus {self._satu_anggota(a)}" for a in hapus]
        out += [f"anggota ditambah {self._satu_anggota(b)}" for b in tambah]
        return out

    @staticmethod
    def _satu_anggota(a: AnggotaKelompok) -> str:
        return f"{md_github(a.jabatan)} ({md_github(a.jenis)}, jumlah {a.jumlah})"

    def _klasifikasi(self, k: Kelompok, m: Kelompok) -> None:
        """PPK (Pasal 1 angka 26), Pimpinan Unit (Pasal 1 angka 25) dan mekanisme (Lampiran D)."""
        kla, klb = klasifikasi(self.ua, k), klasifikasi(self.ub, m)
        ppk = self.peta_posisi.get(k.penilai, k.penilai) != m.penilai
        pu = self.peta_posisi.get(k.pimpinan_unit, k.pimpinan_unit) != m.pimpinan_unit
        mek = kla.mekanisme != klb.mekanisme
        ked = (kla.kedudukan, kla.struktur_penugasan) != (klb.kedudukan, klb.struktur_penugasan)
        if not (ppk or pu or mek or ked):
            return

        def sel(beda: bool, lama: str, baru: str) -> str:
            return _ubah(lama, baru) if beda else baru

        mekanisme = sel(mek, _mekanisme(kla.mekanisme), _mekanisme(klb.mekanisme))
        if ked and not mek:  # kedudukan/struktur berubah tanpa mengubah mekanisme
            mekanisme += " (kedudukan/struktur penugasan " + _ubah(
                f"{_nilai(kla.kedudukan)}/{_nilai(kla.struktur_penugasan)}",
                f"{_nilai(klb.kedudukan)}/{_nilai(klb.struktur_penugasan)}") + ")"
        kid = kode(m.id) if k.id == m.id else _ubah(kode(k.id), kode(m.id))
        baris = _BarisKelompok(md_github(self.ub.org.nama), self.uid, kid,
                               sel(ppk, _nama_jabatan(self.ua, k.penilai), _nama_jabatan(self.ub, m.penilai)),
                               sel(pu, _nama_jabatan(self.ua, k.pimpinan_unit), _nama_jabatan(self.ub, m.pimpinan_unit)),
                               mekanisme, _pemangku(m))
        self.hasil.berubah.append(baris)
        if ppk or pu or mek:
            self.hasil.terdampak += baris.pemangku

    def _kunci_at(self, a: AnggotaTim, peta: dict[str, str] | None = None) -> tuple:
        kel = a.kelompok
        if peta is not None and kel is not None and "/" not in kel:
            kel = peta.get(kel, kel)
        return (kel, a.instansi, a.jabatan)

    def _tim(self, lama: list[TimKerja], baru: list[TimKerja]) -> None:
        """Tim kerja (Pasal 10): nama, pemilik kinerja, ketua, anggota."""
        pasang, hapus, tambah = _pasangkan(
            lama, baru, lambda t: t.id,
            (lambda t: _tanpa(t, "id", "pemilik_kinerja", "ketua", "anggota"), lambda t: t.nama))
        for t, u in pasang:
            perubahan = self._kolom(t, u, lewati=("ketua", "anggota"))
            if self._kunci_at(t.ketua, self.peta_kelompok) != self._kunci_at(u.ketua):
                perubahan.append(f"{kode('ketua')} " + _ubah(_anggota_tim(t.ketua), _anggota_tim(u.ketua)))
            p2, h2, t2 = _pasangkan(t.anggota, u.anggota, lambda x: self._kunci_at(x, self.peta_kelompok),
                                    sejajar=True, kunci_baru=self._kunci_at)
            perubahan += [f"anggota {_ubah(_anggota_tim(x), _anggota_tim(y))}" for x, y in p2
                          if self._kunci_at(x, self.peta_kelompok) != self._kunci_at(y)]
            perubahan += [f"anggota dihapus {_anggota_tim(x)}" for x in h2]
            perubahan += [f"anggota ditambah {_anggota_tim(y)}" for y in t2]
            self._catat(f"Tim kerja {kode(u.id)}", perubahan)
        for t in hapus:
            self._catat(f"Tim kerja {kode(t.id)} dihapus", [self._satu_tim(self.ua, t)])
        for u in tambah:
            self._catat(f"Tim kerja {kode(u.id)} ditambah", [self._satu_tim(self.ub, u)])

    @staticmethod
    def _satu_tim(unit: Unit, t: TimKerja) -> str:
        anggota = ", ".join(_anggota_tim(a) for a in t.anggota) or _KOSONG
        return (f"{md_github(t.nama)}; pemilik kinerja {_jabatan(unit, t.pemilik_kinerja)}; "
                f"ketua {_anggota_tim(t.ketua)}; anggota {anggota}"
                + _kolom_lain(t, {"id", "nama", "pemilik_kinerja", "ketua", "anggota"}))


# ---------------------------------------------------------------------------
# Temuan


def _kunci_temuan(t: Temuan) -> tuple[str, str, str]:
    """Temuan dicocokkan menurut aturan + berkas + pesan, bukan baris (baris bergeser saat menyunting)."""
    return (t.rule, t.file, t.message)


def _selisih_temuan(lama: list[Temuan], baru: list[Temuan]) -> tuple[list[Temuan], list[Temuan]]:
    """(temuan baru, temuan yang hilang/diperbaiki) sebagai multiset."""
    _, hilang, muncul = _pasangkan(lama, baru, _kunci_temuan)
    return muncul, hilang


def _baris_temuan(t: Temuan) -> str:
    dasar = f" _\\[{md_github(t.basis)}\\]_" if t.basis else ""
    return (f"- {_IKON.get(t.severity, md_github(t.severity))} **{md_github(t.rule)}** {kode(t.file)} "
            f"baris {t.line}: {md_github(t.message)}{dasar}")


# ---------------------------------------------------------------------------
# Laporan


def _nama_unit(sisi: Sisi, uid: str) -> str:
    unit = sisi.unit.get(uid)
    return md_github(unit.org.nama) if unit else "_(berkas tidak dapat dimuat)_"


def _isi_unit(sisi: Sisi, uid: str) -> str:
    """Ringkasan isi unit yang ditambah/dihapus (rinciannya ada di diff berkas PR)."""
    unit = sisi.unit.get(uid)
    if unit is None:
        return ""
    o = unit.org
    return (f" ({len(o.struktur)} posisi, {len(o.kelompok)} kelompok, "
            f"{sum(_pemangku(k) for k in o.kelompok)} pemangku, {len(o.tim_kerja)} tim kerja)")


def _tabel_kelompok(baris: list[tuple[str, _BarisKelompok]], dengan_jenis: bool) -> list[str]:
    kepala = "| Unit | Kelompok | Pejabat Penilai Kinerja | Pimpinan Unit Organisasi | Mekanisme | Pemangku |"
    out = [("| Perubahan " if dengan_jenis else "") + kepala, "|---" * (6 + dengan_jenis) + "|"]
    for jenis, b in baris:
        out.append(("| " + jenis + " " if dengan_jenis else "") +
                   f"| {b.unit} ({kode(b.uid)}) | {b.kid} | {b.ppk} | {b.pimpinan_unit} | {b.mekanisme} | {b.pemangku} |")
    return out


def laporan(lama: Sisi, baru: Sisi) -> str:
    """Susun laporan dampak Markdown dari dua sisi yang sudah diperiksa.

    Setiap perubahan data dilaporkan (unit, posisi, kelompok dan anggotanya, tim kerja, id);
    teks dari berkas org selalu lewat :func:`policy.keluaran_md.md_github`.
    """
    out: list[str] = ["## Laporan dampak perubahan data organisasi", ""]

    def label(s: Sisi) -> str:
        return f"{kode(s.label)} ({s.commit[:12]})" if s.commit else kode(s.label)

    out += [f"Dibandingkan: {label(lama)} → {label(baru)}", ""]

    path_lama = {uid: path for path, uid in lama.berkas.items()}
    path_baru = {uid: path for path, uid in baru.berkas.items()}
    bersama = sorted(set(path_lama) & set(path_baru))
    tak_terbanding = [u for u in bersama if u not in lama.unit or u not in baru.unit]
    # berkas yang berganti nama (id unit berganti): dipasangkan bila isinya (tanpa id) atau namanya sama
    hapus_kandidat = sorted(u for u in set(path_lama) - set(path_baru) if u in lama.unit)
    tambah_kandidat = sorted(u for u in set(path_baru) - set(path_lama) if u in baru.unit)

    def org(u: str) -> OrgFile:  # kandidat hapus hanya ada di revisi lama, kandidat tambah di revisi baru
        return (lama.unit[u] if u in lama.unit else baru.unit[u]).org

    ganti, _, _ = _pasangkan(hapus_kandidat, tambah_kandidat, lambda u: u,
                             (lambda u: _tanpa(org(u), "id"), lambda u: org(u).nama))
    ditambah = sorted(set(path_baru) - set(path_lama) - {b for _, b in ganti})
    dihapus = sorted(set(path_lama) - set(path_baru) - {a for a, _ in ganti})

    hasil = _Selisih()
    rincian: list[tuple[str, list[str]]] = []
    for ua_id, ub_id in [(u, u) for u in bersama if u not in tak_terbanding] + sorted(ganti):
        sub = _Selisih()
        _BandingUnit(lama.unit[ua_id], baru.unit[ub_id], ub_id, sub).jalankan()
        if sub.rincian:
            judul = kode(ub_id) if ua_id == ub_id else _ubah(kode(ua_id), kode(ub_id))
            rincian.append((f"{md_github(baru.unit[ub_id].org.nama)} ({judul})", sub.rincian))
        hasil.berubah += sub.berubah
        hasil.kel_tambah += sub.kel_tambah
        hasil.kel_hapus += sub.kel_hapus
        hasil.terdampak += sub.terdampak
    for uid in ditambah:
        if uid in baru.unit:
            hasil.kel_tambah += [_baris_kelompok(baru.unit[uid], uid, k) for k in baru.unit[uid].org.kelompok]
    for uid in dihapus:
        if uid in lama.unit:
            hasil.kel_hapus += [_baris_kelompok(lama.unit[uid], uid, k) for k in lama.unit[uid].org.kelompok]
    muncul, diperbaiki = _selisih_temuan(lama.hasil.temuan, baru.hasil.temuan)

    def hitung(xs: list[Temuan], sev: str) -> int:
        return sum(1 for t in xs if t.severity == sev)

    out += ["| | Jumlah |", "|---|---:|",
            f"| Unit ditambah / dihapus | {len(ditambah)} / {len(dihapus)} |",
            f"| Unit yang datanya berubah | {len(rincian)} |",
            f"| Kelompok yang PPK, Pimpinan Unit atau mekanismenya berubah | {len(hasil.berubah)} |",
            f"| Pemangku jabatan dalam kelompok itu (jumlah anggota) | {hasil.terdampak} |",
            f"| Kelompok ditambah / dihapus | {len(hasil.kel_tambah)} / {len(hasil.kel_hapus)} |",
            f"| Temuan baru (kesalahan / peringatan / info) | {hitung(muncul, 'error')} / "
            f"{hitung(muncul, 'warning')} / {hitung(muncul, 'info')} |",
            f"| Temuan yang sudah diperbaiki | {len(diperbaiki)} |",
            f"| Kesalahan sesudah perubahan | {baru.hasil.errors} |", ""]

    if ditambah:
        out += ["### Unit ditambah", ""]
        out += [f"- {kode(path_baru[u])} — {_nama_unit(baru, u)}{_isi_unit(baru, u)}" for u in ditambah] + [""]
    if dihapus:
        out += ["### Unit dihapus", ""]
        out += [f"- {kode(path_lama[u])} — {_nama_unit(lama, u)}{_isi_unit(lama, u)}" for u in dihapus] + [""]
    if rincian:
        out += ["### Rincian perubahan data", ""]
        for judul, baris in rincian:
            out += [f"#### {judul}", ""] + baris + [""]
    if hasil.berubah:
        out += ["### Kelompok yang berubah", ""]
        out += _tabel_kelompok([("", b) for b in hasil.berubah], False) + [""]
    if hasil.kel_tambah or hasil.kel_hapus:
        out += ["### Kelompok ditambah atau dihapus", ""]
        out += _tabel_kelompok([("ditambah", b) for b in hasil.kel_tambah] +
                               [("dihapus", b) for b in hasil.kel_hapus], True) + [""]
    if tak_terbanding:
        out += ["### Berkas yang tidak dapat dibandingkan", "",
                "Berkas berikut gagal dimuat pada salah satu revisi (lihat temuan `INPUT`/`SK01`), "
                "sehingga isinya tidak dapat dibandingkan:", ""]
        out += [f"- {kode(path_baru[u])}" for u in tak_terbanding] + [""]
    if muncul:
        out += ["### Temuan baru", ""] + [_baris_temuan(t) for t in muncul] + [""]
    if diperbaiki:
        out += ["### Temuan yang sudah diperbaiki", ""] + [_baris_temuan(t) for t in diperbaiki] + [""]
    if not (ditambah or dihapus or rincian or hasil.kel_tambah or hasil.kel_hapus or tak_terbanding
            or muncul or diperbaiki):
        out += ["Tidak ada perubahan pada data unit, posisi, kelompok, tim kerja, maupun temuan.", ""]
    return "\n".join(out)


def bandingkan(base_ref: str, head_ref: str | None = None, orgs: str = "orgs") -> str:
    """Laporan dampak antara ``base_ref`` dan ``head_ref`` (None = pohon kerja)."""
    c_lama = _commit(base_ref)
    c_baru = _commit(head_ref) if head_ref is not None else ""
    lama = _periksa_sisi(base_ref, c_lama, orgs)
    baru = _periksa_sisi(head_ref if head_ref is not None else POHON_KERJA, c_baru, orgs)
    return laporan(lama, baru)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        self.print_usage(sys.stderr)
        pesan = message.replace("the following arguments are required", "argumen wajib belum diisi") \
                       .replace("unrecognized arguments", "argumen tidak dikenal")
        self.exit(2, f"{self.prog}: kesalahan: {pesan}\n")


def main(argv: list[str] | None = None) -> int:
    """Titik masuk ``python -m policy diff``; kode keluar 0 (laporan) atau 2 (revisi tidak sah)."""
    p = _Parser(prog="python -m policy diff",
                description="Laporan dampak (Markdown) perubahan berkas org antara dua revisi git.")
    p.add_argument("base", metavar="BASE_REF", help="revisi dasar, mis. origin/main")
    p.add_argument("head", metavar="HEAD_REF", nargs="?", default=None,
                   help="revisi pembanding (bawaan: pohon kerja saat ini)")
    p.add_argument("--orgs", default="orgs", metavar="DIR",
                   help="direktori berkas org, relatif terhadap direktori kerja (bawaan: orgs)")
    args = p.parse_args(sys.argv[1:] if argv is None else argv)
    if os.path.isabs(args.orgs) or ".." in Path(args.orgs).parts:
        print("kesalahan: --orgs harus path relatif di dalam repositori", file=sys.stderr)
        return 2
    try:
        teks = bandingkan(args.base, args.head, Path(args.orgs).as_posix())
    except RevisiTidakSah as e:
        print(f"kesalahan: {e}", file=sys.stderr)
        return 2
    sys.stdout.write(teks)
    return 0
