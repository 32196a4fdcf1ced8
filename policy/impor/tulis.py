"""Emitter YAML sendiri untuk draf berkas org: urutan tetap, gaya seperti ``orgs/*.yaml``,
dan komentar (``# TODO:`` untuk keputusan yang harus ditinjau, ``# kebutuhan N``).

Semua teks berasal dari lembar kerja yang tidak tepercaya: skalar ditulis polos hanya bila
aman (:func:`skalar_yaml`), selain itu dalam tanda kutip ganda dengan escape; komentar
diratakan menjadi satu baris tanpa karakter kontrol, sehingga sel berisi ``: # "'`` atau baris
baru tidak dapat menyisipkan kolom YAML.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..muat import skalar
from .teks import bersih

#: skalar polos yang aman di konteks flow maupun blok: huruf/angka di depan, tanpa , [ ] { } # : " dst.
_POLOS = re.compile(r"^[A-Za-z0-9\u00c0-\u024f(][A-Za-z0-9\u00c0-\u024f_ .()/'’+&-]*$")
#: kata yang YAML 1.1 (editor, alat lain) baca sebagai boolean/null: selalu dikutip
_YAML11 = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
_ESCAPE = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "\\0"}


def skalar_yaml(v: object) -> str:
    """Nilai Python → skalar YAML (polos bila tak mungkin salah tafsir, selain itu dikutip)."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    s = str(v)
    if (_POLOS.match(s) and not s.endswith(" ") and "  " not in s and s.lower() not in _YAML11
            and isinstance(skalar(s, True), str) and not s[0].isdigit()):
        return s
    keluar = []
    for ch in s:
        if ch in _ESCAPE:
            keluar.append(_ESCAPE[ch])
        elif ord(ch) < 0x20 or 0x7f <= ord(ch) <= 0x9f or ch in "\u2028\u2029\ufeff" or 0xd800 <= ord(ch) <= 0xdfff:
            keluar.append(f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
        else:
            keluar.append(ch)
    return '"' + "".join(keluar) + '"'


def komentar(teks: str) -> str:
    """Isi komentar satu baris (tanpa kontrol/baris baru), paling panjang 300 karakter."""
    t = bersih(teks)
    return t if len(t) <= 300 else t[:299] + "…"


def _flow(d: dict) -> str:
    return "{" + ", ".join(f"{k}: {_nilai(v)}" for k, v in d.items()) + "}"


def _nilai(v: object) -> str:
    if isinstance(v, dict):
        return _flow(v)
    if isinstance(v, list):
        return "[" + ", ".join(_nilai(x) for x in v) + "]"
    return skalar_yaml(v)


@dataclass
class Baris:
    """Satu baris keluaran YAML dengan komentar opsional di ujungnya."""

    teks: str
    todo: list[str] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)

    def render(self) -> str:
        bagian = []
        if self.todo:
            bagian.append("TODO: " + "; ".join(komentar(t) for t in self.todo))
        if self.catatan:
            bagian.append("; ".join(komentar(c) for c in self.catatan))
        return self.teks + ("  # " + " | ".join(bagian) if bagian else "")


@dataclass
class PosisiDraf:
    id: str
    jabatan: str
    jenis: str
    atasan: str | None = None
    unit_kerja_mandiri: bool = False
    dasar_pengangkatan: str | None = None
    todo: list[str] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)
    baris: int = 0
    #: id dari kolom id di lembar (mis. hasil ekspor), bukan usulan
    id_tetap: bool = False

    def sebagai_dict(self) -> dict:
        d: dict = {"id": self.id, "jabatan": self.jabatan, "jenis": self.jenis}
        if self.atasan is not None:
            d["atasan"] = self.atasan
        if self.unit_kerja_mandiri:
            d["unit_kerja_mandiri"] = True
        if self.dasar_pengangkatan is not None:
            d["dasar_pengangkatan"] = self.dasar_pengangkatan
        return d


@dataclass
class AnggotaDraf:
    jabatan: str
    jenis: str
    jumlah: int
    kebutuhan: str | None = None
    todo: list[str] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)
    baris: list[int] = field(default_factory=list)


@dataclass
class KelompokDraf:
    id: str
    nama: str | None
    penilai: str | None
    pimpinan_unit: str | None
    pendelegasian: str | None = None
    anggota: list[AnggotaDraf] = field(default_factory=list)
    #: komentar TODO per kolom: "id", "nama", "penilai", "pimpinan_unit"
    todo: dict[str, list[str]] = field(default_factory=dict)
    #: komentar biasa per kolom (mis. dipertahankan dari berkas lama)
    catatan: dict[str, list[str]] = field(default_factory=dict)
    #: komentar di atas butir kelompok
    di_atas: list[str] = field(default_factory=list)
    #: baris komentar di akhir daftar anggota (mis. jabatan lowong yang tidak dimuat)
    lowong: list[str] = field(default_factory=list)
    #: id posisi tempat anggota berada di peta jabatan
    tempat: str | None = None
    #: id dari kolom kelompok di lembar, bukan usulan
    id_tetap: bool = False


@dataclass
class Draf:
    """Satu draf berkas org."""

    id: str
    nama: str
    jenis: str
    induk: str | None = None
    singkatan: str | None = None
    dasar_hukum: list[str] = field(default_factory=list)
    aplikasi_spbe: list[str] = field(default_factory=list)
    struktur: list[PosisiDraf] = field(default_factory=list)
    pengecualian_level: dict | None = None
    kelompok: list[KelompokDraf] = field(default_factory=list)
    tim_kerja: list[dict] = field(default_factory=list)
    todo: dict[str, list[str]] = field(default_factory=dict)
    catatan: dict[str, list[str]] = field(default_factory=dict)
    kepala: list[str] = field(default_factory=list)


def _baris_kolom(nama: str, nilai: object, draf: Draf) -> Baris:
    return Baris(f"{nama}: {_nilai(nilai)}", draf.todo.get(nama, []), draf.catatan.get(nama, []))


def tulis_draf(draf: Draf) -> str:
    """Draf → teks YAML yang dibaca ``policy check`` (dan tidak pernah bergantung pada urutan hash)."""
    out: list[str] = ["# yaml-language-server: $schema=../schema/org.schema.json"]
    out += ["# " + komentar(k) for k in draf.kepala]
    out.append(_baris_kolom("id", draf.id, draf).render())
    out.append(_baris_kolom("nama", draf.nama, draf).render())
    if draf.singkatan is not None:
        out.append(_baris_kolom("singkatan", draf.singkatan, draf).render())
    out.append(_baris_kolom("jenis", draf.jenis, draf).render())
    out.append(_baris_kolom("induk", draf.induk, draf).render())
    for nama in ("dasar_hukum", "aplikasi_spbe"):
        nilai = getattr(draf, nama)
        if len(nilai) > 1 and nama == "dasar_hukum":
            out.append(Baris(f"{nama}:", draf.todo.get(nama, []), draf.catatan.get(nama, [])).render())
            out += [f"  - {skalar_yaml(x)}" for x in nilai]
        else:
            out.append(_baris_kolom(nama, nilai, draf).render())
    out.append(Baris("struktur:", draf.todo.get("struktur", []), draf.catatan.get("struktur", [])).render())
    for p in draf.struktur:
        out.append(Baris(f"  - {_flow(p.sebagai_dict())}", p.todo, p.catatan).render())
    if draf.pengecualian_level is None:
        out.append(_baris_kolom("pengecualian_level", None, draf).render())
    else:
        out.append(Baris("pengecualian_level:", draf.todo.get("pengecualian_level", [])).render())
        out.append("  kriteria:")
        out += [f"    - {skalar_yaml(k)}" for k in draf.pengecualian_level.get("kriteria", [])]
        out.append(f"  dasar: {skalar_yaml(draf.pengecualian_level.get('dasar'))}")
    out.append(Baris("kelompok:" if draf.kelompok else "kelompok: []", draf.todo.get("kelompok", [])).render())
    for k in draf.kelompok:
        out += ["  # " + komentar(c) for c in k.di_atas]
        out.append(Baris(f"  - id: {skalar_yaml(k.id)}", k.todo.get("id", []), k.catatan.get("id", [])).render())
        if k.nama is not None:
            out.append(Baris(f"    nama: {skalar_yaml(k.nama)}", k.todo.get("nama", []), k.catatan.get("nama", [])).render())
        for kol in ("penilai", "pimpinan_unit", "pendelegasian"):
            v = getattr(k, kol)
            if v is not None or k.todo.get(kol):
                out.append(Baris(f"    {kol}: {skalar_yaml(v)}", k.todo.get(kol, []), k.catatan.get(kol, [])).render())
        out.append("    anggota:")
        for a in k.anggota:
            d = {"jabatan": a.jabatan, "jenis": a.jenis, "jumlah": a.jumlah}
            cat = ([f"kebutuhan {a.kebutuhan}"] if a.kebutuhan is not None else []) + a.catatan
            out.append(Baris(f"      - {_flow(d)}", a.todo, cat).render())
        out += ["      # " + komentar(c) for c in k.lowong]
    if draf.tim_kerja:
        out.append("tim_kerja:")
        for t in draf.tim_kerja:
            out.append(f"  - id: {skalar_yaml(t['id'])}")
            out.append(f"    nama: {skalar_yaml(t['nama'])}")
            out.append(f"    pemilik_kinerja: {skalar_yaml(t['pemilik_kinerja'])}")
            out.append(f"    ketua: {_flow(t['ketua'])}")
            if t.get("anggota"):
                out.append("    anggota:")
                out += [f"      - {_flow(a)}" for a in t["anggota"]]
            else:
                out.append("    anggota: []")
    return "\n".join(out) + "\n"
