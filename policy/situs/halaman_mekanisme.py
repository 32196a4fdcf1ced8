"""Bagian "Mekanisme kerja": satu halaman per M1–M10 dan pola umum a/b/c (Lampiran A dan D).

Setiap halaman menjelaskan mekanisme dengan alur generiknya (diagram + langkah tertulis dari
:mod:`policy.mekanisme`), lalu mendaftar setiap unit dan kelompok yang memakainya.
"""
from __future__ import annotations

from pathlib import Path

from .. import diagram
from ..katalog import katalog
from ..mekanisme import mekanisme
from . import md, url
from .konteks import (BATAS_BARIS_INDEKS, GRUP, KODE_MEKANISME, Konteks, berkas_mekanisme, konteks, nama_mekanisme,
                      relatif)
from .unit import ANCHOR_STRUKTUR, _indent, mermaid


#: Judul pendek untuk navigasi (judul lengkap Lampiran ada di H1 halaman); dari katalog (``label``).
JUDUL_NAV: dict[str, str] = {k: katalog().label(k) for k in KODE_MEKANISME}


def _pemakai(ctx: Konteks, kode: str):
    return [kk for kk in ctx.kelompok if kk.kl.mekanisme == kode]


def halaman_satu(ctx: Konteks, kode: str) -> str:
    m = mekanisme(kode)
    dari = berkas_mekanisme(kode)
    docs = ctx.docs_dir
    tautan = lambda a: md.url(a, dari, docs)  # noqa: E731
    sumber = [md.tautan(m.anchor, dari, docs)]
    if m.gambar:
        sumber.append(md.tautan(f"gambar-{m.gambar}", dari, docs))
    out = [md.front_matter(title=nama_mekanisme(kode)),
           f"# {md.teks(nama_mekanisme(kode))}\n", md.banner_data_contoh(),
           f"*{md.teks(m.judul)}:* {md.teks(m.keterangan)}. Sumber: {', '.join(sumber)}.\n"]
    if m.struktur_penugasan:
        sp = m.struktur_penugasan
        out.append(f"Struktur penugasan huruf {sp}: {md.teks(katalog().struktur[sp].judul)} "
                   f"({md.tautan(katalog().struktur[sp].anchor, dari, docs, 'Lampiran B.2')}).\n")
    if m.interpretasi:
        out.append('!!! note "Interpretasi"\n    Lampiran D tidak memuat contoh untuk pola ini; alurnya disusun dari '
                   "Lampiran A dan Lampiran B.2 agar setiap kelompok yang sah tetap mendapat alur kerja. "
                   + " ".join(md.teks(c) for c in m.catatan) + "\n")
    elif m.catatan:
        out.append('!!! note "Catatan penyusunan"\n    ' + " ".join(md.teks(c) for c in m.catatan) + "\n")
    pakai = _pemakai(ctx, kode)
    out.append(f"## Unit yang memakai mekanisme ini {{#pemakai}}\n")
    if pakai:
        per_unit: dict[str, list] = {}
        for kk in pakai:
            per_unit.setdefault(kk.unit.id, []).append(kk)
        if len(per_unit) > BATAS_BARIS_INDEKS:
            # indeks tidak tumbuh tanpa batas: ringkasan per grup; tabel per unit ada di halaman grup
            out.append(f"{len(pakai)} kelompok di {len(per_unit)} unit. Unit pemakainya tercantum (kolom Mekanisme) "
                       "di halaman setiap jenis Perangkat Daerah:\n")
            out.append("| Jenis Perangkat Daerah | Unit | Kelompok |\n|---|---|---|")
            for g in GRUP:
                kk_g = [kk for kk in pakai if ctx.grup(kk.unit) == g]
                if kk_g:
                    out.append(f"| [{md.teks(ctx.judul_grup(g))}]({relatif(f'unit/{g}/index.md', dari)}) | "
                               f"{len({kk.unit.id for kk in kk_g})} | {len(kk_g)} |")
        else:
            out.append(f"{len(pakai)} kelompok di {len(per_unit)} unit. Satu baris per unit; Pejabat Penilai Kinerja "
                       "dan Pimpinan Unit Organisasi setiap kelompok ada di halaman unitnya.\n")
            out.append("| Unit | Kelompok |\n|---|---|")
            for daftar in per_unit.values():
                u = daftar[0].unit
                if len(daftar) == 1:
                    kk = daftar[0]
                    kel = f"[{md.teks(kk.nama)}]({relatif(ctx.halaman_unit(u) + '#' + url.jangkar_kelompok(kk.kelompok.id), dari)})"
                else:
                    kel = f"{len(daftar)} kelompok"
                out.append(f"| [{md.teks(u.org.nama)}]({relatif(ctx.halaman_unit(u), dari)}) | {kel} |")
        out.append("")
    else:
        out.append("*Belum ada unit yang memakai mekanisme ini.*\n")
    out.append("## Alur umum {#alur}\n")
    out.append("Pelaku ditulis dengan nama peran menurut Lampiran; di halaman unit, peran diganti nama jabatan "
               "sebenarnya. Nomor pada diagram sama dengan nomor langkah tertulis.\n")
    out.append(mermaid(diagram.diagram_mekanisme(kode, m.aktor_generik)))
    out.append("\n### Langkah tertulis {#langkah}\n")
    out.append(diagram.langkah_markdown(kode, m.aktor_generik, tautan))
    return "\n".join(x for x in out if x) + "\n"


def halaman_indeks(ctx: Konteks) -> str:
    dari = "mekanisme/index.md"
    docs = ctx.docs_dir
    a = mekanisme("lampiran-a")
    out = ["# Mekanisme kerja\n", md.banner_data_contoh(),
           f"Mekanisme kerja adalah alur pelaksanaan tugas Pejabat Fungsional dan pelaksana "
           f"({md.tautan('pasal-1-angka-11', dari, docs)}). Setiap kelompok jabatan di setiap unit memakai satu "
           f"mekanisme, ditentukan oleh siapa Pejabat Penilai Kinerjanya dan siapa Pimpinan Unit Organisasinya. "
           f"Lampiran D memberi sepuluh contoh (M1–M10); kombinasi lain memakai pola umum a, b, atau c.\n",
           ]
    baris = []
    for kode in KODE_MEKANISME:
        m = mekanisme(kode)
        pakai = _pemakai(ctx, kode)
        sumber = md.tautan(f"gambar-{m.gambar}", dari, docs) if m.gambar else md.tautan(m.anchor, dari, docs)
        baris.append([f"[{md.teks(nama_mekanisme(kode))}]({relatif(berkas_mekanisme(kode), dari)})",
                      md.teks(m.keterangan), sumber, str(len(pakai)), str(len({kk.unit.id for kk in pakai}))])
    out.append(md.tabel_tumpuk(["Mekanisme", "Keterangan", "Sumber", "Kelompok", "Unit"], baris))
    out.append(f"## Alur umum Lampiran A {{#lampiran-a}}\n")
    out.append(f"Semua mekanisme mengikuti tiga tahap — perencanaan, pelaksanaan, evaluasi — dari "
               f"{md.tautan('lampiran-a', dari, docs)} ({md.tautan('gambar-1', dari, docs)}).\n")
    out.append(mermaid(diagram.diagram_mekanisme("lampiran-a", a.aktor_generik)))
    out.append('\n??? abstract "Langkah tertulis (alternatif teks diagram)"\n\n'
               + _indent(diagram.langkah_markdown("lampiran-a", a.aktor_generik, lambda x: md.url(x, dari, docs)), "    "))
    return "\n".join(x for x in out if x) + "\n"


def halaman(root: Path) -> dict[str, str]:
    """Penyedia: ``mekanisme/index.md`` dan satu halaman per kode mekanisme."""
    ctx = konteks(root)
    hasil = {"mekanisme/index.md": md.rapikan(halaman_indeks(ctx))}
    for kode in KODE_MEKANISME:
        hasil[berkas_mekanisme(kode)] = md.rapikan(halaman_satu(ctx, kode))
    return hasil
