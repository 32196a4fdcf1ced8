"""Halaman "Cari unit saya" (``unit/index.md``) dan indeks jabatan (``unit/jabatan/``).

Tabel setiap unit (jenis, pimpinan tertinggi, kelompok, mekanisme) dan indeks dari nama jabatan
fungsional/pelaksana ke tempat jabatan itu ditempatkan (kedudukan, Pasal 9; Lampiran B.1).
"""
from __future__ import annotations

import re
from pathlib import Path

from . import md, url
from .konteks import (BATAS_BARIS_INDEKS, GRUP, NAMA_JENIS_UNIT, Konteks, berkas_mekanisme, konteks, nama_mekanisme,
                      relatif)
from .unit import daftar_mekanisme

_JENJANG = re.compile(r"\s+(Ahli\s+(?:Utama|Madya|Muda|Pertama)|Terampil|Mahir|Penyelia|Pemula)$")


def pisah_jenjang(jabatan: str) -> tuple[str, str]:
    """``Pranata Komputer Ahli Muda`` → (``Pranata Komputer``, ``Ahli Muda``)."""
    m = _JENJANG.search(jabatan.strip())
    if not m:
        return jabatan.strip(), ""
    return jabatan[: m.start()].strip(), " ".join(m.group(1).split())


def halaman_cari(ctx: Konteks) -> str:
    dari = "unit/index.md"
    out = ["# Cari unit saya\n", md.banner_data_contoh(),
           "Temukan unit tempat Anda bekerja. Halaman setiap unit dibuka dengan jawaban untuk jabatan Anda: siapa "
           "Pejabat Penilai Kinerja dan Pimpinan Unit Organisasi Anda dan mekanisme kerja yang berlaku; di bawahnya "
           "alur kerja, jalur pelaporan, dan cara melibatkan pegawai dari unit lain. Tahu nama jabatan Anda tetapi "
           "tidak tahu kelompoknya? Lihat [indeks jabatan](jabatan/index.md). Gunakan juga kotak pencarian di atas.\n"]
    penuh = len(ctx.units) <= BATAS_BARIS_INDEKS
    if penuh:
        out.append("Satu baris per unit (jumlah kelompok dan mekanisme kerjanya); rincian setiap kelompok ada di halaman "
                   "unit dan di halaman [mekanisme](../mekanisme/index.md).\n")
    else:
        out.append(f"Ada {len(ctx.units)} unit. Pilih jenis Perangkat Daerah: halaman setiap jenis memuat tabel semua "
                   "unitnya (pimpinan tertinggi, jumlah kelompok, mekanisme). Daftar di menu navigasi dikelompokkan "
                   "menurut abjad.\n")
    ringkas = []
    for g in GRUP:
        units = ctx.units_grup(g)
        if not units:
            continue
        judul = ctx.judul_grup(g)
        if not penuh:
            kel = [k for u in units for k in ctx.kelompok_unit(u)]
            ringkas.append([f"[{md.teks(judul)}]({g}/index.md)", str(len(units)), str(len(kel)),
                            daftar_mekanisme(kel, dari)])
            continue
        out.append(f"## {md.teks(judul)} {{#{g}}}\n")
        out.append(f"{len(units)} unit — [halaman {md.teks(judul)}]({g}/index.md).\n")
        out.append(md.tabel_tumpuk(["Unit", "Jenis", "Pimpinan tertinggi", "Kelompok", "Mekanisme"], [
            [f"[{md.teks(u.org.nama)}]({relatif(ctx.halaman_unit(u), dari)})",
             NAMA_JENIS_UNIT.get(u.org.jenis, u.org.jenis), md.teks(u.top.jabatan) if u.top else "—",
             str(len(ctx.kelompok_unit(u))), daftar_mekanisme(ctx.kelompok_unit(u), dari)]
            for u in units]))
    if ringkas:
        out.append(md.tabel_tumpuk(["Jenis Perangkat Daerah", "Unit", "Kelompok", "Mekanisme"], ringkas))
    return "\n".join(x for x in out if x) + "\n"


def halaman_jabatan(ctx: Konteks) -> dict[str, str]:
    """``unit/jabatan/index.md`` (daftar nama jabatan) + satu halaman per nama jabatan tanpa jenjang."""
    tempat: dict[tuple[str, str], list] = {}
    for kk in ctx.kelompok:
        for a in kk.kelompok.anggota:
            dasar, _ = pisah_jenjang(a.jabatan)
            tempat.setdefault((a.jenis, dasar), []).append((a.jabatan, kk, a.jumlah))
    # satu halaman per (jenis, nama tanpa jenjang); nama yang tereduksi ke slug yang sama, 'Index …'
    # dan nama sangat panjang tetap mendapat path sendiri (url.slug_unik)
    berkas = {k: f"unit/jabatan/{s}.md" for k, s in url.slug_unik({k: k[1] for k in tempat}).items()}
    dari = "unit/jabatan/index.md"
    docs = ctx.docs_dir
    out = ["# Indeks jabatan\n", md.banner_data_contoh(),
           "Di mana sebuah jabatan fungsional atau jabatan pelaksana ditempatkan, siapa Pejabat Penilai "
           "Kinerja dan Pimpinan Unit Organisasinya, dan mekanisme apa yang berlaku "
           f"({md.tautan('pasal-9', dari, docs)}; {md.tautan('lampiran-b-1', dari, docs)}). Pilih nama jabatan "
           "(tanpa jenjang):\n"]
    for jenis, judul in (("fungsional", "Jabatan fungsional"), ("pelaksana", "Jabatan pelaksana")):
        nama = sorted((d for (j, d) in tempat if j == jenis), key=str.casefold)
        if not nama:
            continue
        out.append(f"## {judul} {{#{jenis}}}\n")
        for d in nama:
            n_unit = len({kk.unit.id for _, kk, _ in tempat[(jenis, d)]})
            out.append(f"- [{md.teks(d)}]({relatif(berkas[(jenis, d)], dari)}) — {n_unit} unit")
        out.append("")
    hasil = {dari: md.rapikan("\n".join(x for x in out if x) + "\n")}
    for (jenis, d), path in berkas.items():
        baris_semua = sorted(tempat[(jenis, d)], key=lambda x: (x[0], x[1].unit.org.nama, x[1].kelompok.id))
        sebutan = "fungsional" if jenis == "fungsional" else "pelaksana"
        if len(baris_semua) <= BATAS_BARIS_INDEKS:
            hasil[path] = _halaman_satu_jabatan(ctx, f"# {md.teks(d)}\n", path, baris_semua,
                                                f"Tempat jabatan {sebutan} *{md.teks(d)}* (semua jenjang) di setiap "
                                                "unit. Kembali ke [indeks jabatan](index.md).\n")
            continue
        # Banyak tempat: halaman jabatan hanya ringkasan per jenis Perangkat Daerah; tabel per kelompok ada di
        # satu halaman per grup (ukuran halaman dibatasi ukuran grup, bukan jumlah seluruh unit).
        ringkas = [f"# {md.teks(d)}\n", md.banner_data_contoh(),
                   f"Jabatan {sebutan} *{md.teks(d)}* (semua jenjang) ada di {len(baris_semua)} kelompok. Pilih jenis "
                   "Perangkat Daerah. Kembali ke [indeks jabatan](index.md).\n",
                   "| Jenis Perangkat Daerah | Unit | Kelompok |\n|---|---|---|"]
        for g in GRUP:
            baris_g = [x for x in baris_semua if ctx.grup(x[1].unit) == g]
            if not baris_g:
                continue
            judul_g = ctx.judul_grup(g)
            sub = path[:-3] + f"-{g}.md"
            while sub in hasil or sub in berkas.values():
                sub = sub[:-3] + "-grup.md"
            ringkas.append(f"| [{md.teks(judul_g)}]({relatif(sub, path)}) | {len({x[1].unit.id for x in baris_g})} | "
                           f"{len(baris_g)} |")
            hasil[sub] = _halaman_satu_jabatan(ctx, f"# {md.teks(d)} — {md.teks(judul_g)}\n", sub, baris_g,
                                               f"Tempat jabatan {sebutan} *{md.teks(d)}* (semua jenjang) di "
                                               f"{md.teks(judul_g)}. Kembali ke [{md.teks(d)}]({relatif(path, sub)}) "
                                               "atau ke [indeks jabatan](index.md).\n")
        hasil[path] = md.rapikan("\n".join(x for x in ringkas if x) + "\n")
    return hasil


def _halaman_satu_jabatan(ctx: Konteks, judul: str, path: str, baris_data: list, pengantar: str) -> str:
    """Jawaban untuk satu jabatan: satu baris per (jabatan berjenjang, kelompok) dengan Pejabat Penilai
    Kinerja, Pimpinan Unit Organisasi dan mekanisme kerjanya (Pasal 1 angka 25–26; Lampiran D)."""
    baris = [judul, md.banner_data_contoh(), pengantar,
             "Setiap baris adalah satu kelompok tempat jabatan ini berada. Bila jabatan Anda ada di beberapa kelompok "
             "satu unit, kelompok Anda adalah kelompok yang Pimpinan Unit Organisasinya memberi Anda tugas "
             "sehari-hari. Alur kerja lengkapnya ada di halaman unit (tautan *alur kerja*).\n"]
    isi = []
    for jab, kk, jumlah in baris_data:
        hal = ctx.halaman_unit(kk.unit)
        kid = kk.kelompok.id
        mk = kk.kl.mekanisme
        mk_md = (f"[{md.teks(nama_mekanisme(mk))}]({relatif(berkas_mekanisme(mk), path)})" if mk else "—")
        alur = (f"<br>[alur kerja]({relatif(hal + '#' + url.jangkar_alur(kid), path)})" if mk else "")
        isi.append([md.teks(jab),
                    f"[{md.teks(kk.unit.org.nama)} — {md.teks(kk.nama)}]({relatif(hal + '#' + url.jangkar_kelompok(kid), path)})",
                    md.teks(kk.penilai), md.teks(kk.pimpinan_unit), mk_md + alur, str(jumlah)])
    baris.append(md.tabel_tumpuk(["Jabatan", "Unit — kelompok", "Pejabat Penilai Kinerja", "Pimpinan Unit Organisasi",
                                  "Mekanisme", "Jumlah"], isi))
    return md.rapikan("\n".join(x for x in baris if x) + "\n")


def halaman(root: Path) -> dict[str, str]:
    """Penyedia: "Cari unit saya" dan indeks jabatan."""
    ctx = konteks(root)
    return {"unit/index.md": md.rapikan(halaman_cari(ctx)), **halaman_jabatan(ctx)}
