"""Halaman "Cari unit saya" (``unit/index.md``) dan indeks jabatan (``unit/jabatan/``).

Tabel setiap unit (jenis, pimpinan tertinggi, kelompok, mekanisme) dan indeks dari nama jabatan
fungsional/pelaksana ke tempat jabatan itu ditempatkan (kedudukan, Pasal 9; Lampiran B.1).
"""
from __future__ import annotations

import re
from pathlib import Path

from . import md, url
from .konteks import BATAS_BARIS_INDEKS, GRUP, KODE_MEKANISME, NAMA_JENIS_UNIT, Konteks, konteks, relatif

_JENJANG = re.compile(r"\s+(Ahli\s+(?:Utama|Madya|Muda|Pertama)|Terampil|Mahir|Penyelia|Pemula)$")


def pisah_jenjang(jabatan: str) -> tuple[str, str]:
    """``Pranata Komputer Ahli Muda`` → (``Pranata Komputer``, ``Ahli Muda``)."""
    m = _JENJANG.search(jabatan.strip())
    if not m:
        return jabatan.strip(), ""
    return jabatan[: m.start()].strip(), " ".join(m.group(1).split())


def _urut(kode: str) -> int:
    return KODE_MEKANISME.index(kode) if kode in KODE_MEKANISME else 99


def halaman_cari(ctx: Konteks) -> str:
    dari = "unit/index.md"
    out = ["# Cari unit saya\n", md.banner_data_contoh(),
           "Temukan unit tempat Anda bekerja. Halaman setiap unit menjelaskan siapa Pejabat Penilai Kinerja dan "
           "Pimpinan Unit Organisasi Anda, mekanisme kerja yang berlaku, jalur pelaporan, dan cara melibatkan "
           "pegawai dari unit lain. Tahu nama jabatan Anda tetapi tidak tahu kelompoknya? Lihat "
           "[indeks jabatan](jabatan/index.md). Gunakan juga kotak pencarian di atas.\n"]
    penuh = len(ctx.units) <= BATAS_BARIS_INDEKS
    if penuh:
        out.append("Satu baris per unit (jumlah kelompok dan kode mekanisme); rincian setiap kelompok ada di halaman "
                   "unit dan di halaman [mekanisme](../mekanisme/index.md).\n")
    else:
        out.append(f"Ada {len(ctx.units)} unit. Pilih jenis Perangkat Daerah: halaman setiap jenis memuat tabel semua "
                   "unitnya (pimpinan tertinggi, jumlah kelompok, mekanisme). Daftar di menu navigasi dikelompokkan "
                   "menurut abjad.\n")
        out.append("| Jenis Perangkat Daerah | Unit | Kelompok | Mekanisme |\n|---|---|---|---|")
    for g, (judul, _) in GRUP.items():
        units = ctx.units_grup(g)
        if not units:
            continue
        if not penuh:
            kel = [k for u in units for k in ctx.kelompok_unit(u)]
            mk = ", ".join(sorted({k.kl.mekanisme for k in kel if k.kl.mekanisme}, key=_urut)) or "—"
            out.append(f"| [{md.teks(judul)}]({g}/index.md) | {len(units)} | {len(kel)} | {mk} |")
            continue
        out.append(f"## {md.teks(judul)} {{#{g}}}\n")
        out.append(f"{len(units)} unit — [halaman {md.teks(judul)}]({g}/index.md).\n")
        out.append("| Unit | Jenis | Pimpinan tertinggi | Kelompok | Mekanisme |\n|---|---|---|---|---|")
        for u in units:
            kel = ctx.kelompok_unit(u)
            mk = ", ".join(sorted({k.kl.mekanisme for k in kel if k.kl.mekanisme}, key=_urut)) or "—"
            out.append(f"| [{md.teks(u.org.nama)}]({relatif(ctx.halaman_unit(u), dari)}) | "
                       f"{NAMA_JENIS_UNIT.get(u.org.jenis, u.org.jenis)} | {md.teks(u.top.jabatan) if u.top else '—'} | "
                       f"{len(kel)} | {mk} |")
        out.append("")
    return "\n".join(x for x in out if x) + "\n"


def _mk(kode: str) -> str:
    from .konteks import berkas_mekanisme
    return berkas_mekanisme(kode)


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
           "Kinerjanya dan mekanisme apa yang berlaku "
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
        for g, (judul_g, _) in GRUP.items():
            baris_g = [x for x in baris_semua if ctx.grup(x[1].unit) == g]
            if not baris_g:
                continue
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
    """Tabel tempat satu jabatan: satu baris per (jabatan berjenjang, kelompok)."""
    baris = [judul, md.banner_data_contoh(), pengantar,
             "Pejabat Penilai Kinerja dan Pimpinan Unit Organisasi setiap kelompok ada di halaman unitnya.\n",
             "| Jabatan | Unit — kelompok | Mekanisme | Jumlah |\n|---|---|---|---|"]
    for jab, kk, jumlah in baris_data:
        baris.append(f"| {md.teks(jab)} | [{md.teks(kk.unit.org.nama)} — {md.teks(kk.nama)}]"
                     f"({relatif(ctx.halaman_unit(kk.unit) + '#' + url.jangkar_kelompok(kk.kelompok.id), path)}) | "
                     f"{kk.kl.mekanisme or '—'} | {jumlah} |")
    return md.rapikan("\n".join(x for x in baris if x) + "\n")


def halaman(root: Path) -> dict[str, str]:
    """Penyedia: "Cari unit saya" dan indeks jabatan."""
    ctx = konteks(root)
    return {"unit/index.md": md.rapikan(halaman_cari(ctx)), **halaman_jabatan(ctx)}
