"""Halaman "Kepatuhan" untuk tim transformasi manajemen (Lampiran C).

Semua temuan atas semua berkas org, dikelompokkan per aturan dengan jumlahnya; setiap kelompok
temuan dapat dibuka (``??? note``) dan menaut ke halaman unit serta ke Pasal dasar aturannya.
"""
from __future__ import annotations

from pathlib import Path

from ..rules import ATURAN, TAHAP_BERTANGGAL, per_tahap
from . import md, url
from .konteks import Konteks, konteks, relatif

_JENIS = {"error": "danger", "warning": "warning", "info": "info"}
_TINGKAT = {"error": "kesalahan", "warning": "peringatan", "info": "info"}


def halaman_kepatuhan(ctx: Konteks) -> str:
    dari = "kepatuhan.md"
    docs = ctx.docs_dir
    h = ctx.hasil
    per: dict[str, list] = {}
    for t in h.temuan:
        per.setdefault(t.rule, []).append(t)
    out = ["# Kepatuhan\n", md.banner_data_contoh(),
           f"Ringkasan pemeriksaan semua berkas org terhadap Perbup Dairi 18/2024, untuk tim transformasi "
           f"manajemen yang mengawal penyesuaian sistem kerja ({md.tautan('lampiran-c', dari, docs)}). "
           "Halaman ini disusun otomatis setiap kali situs diterbitkan, dari pemeriksaan yang sama yang dijalankan "
           "untuk setiap usulan perubahan data unit; berkas data yang masih memuat kesalahan tidak dapat diterbitkan. "
           f"Cara membaca dan memperbaiki temuan: [Hasil pemeriksaan]({relatif('kontribusi/hasil-pemeriksaan.md', dari)}) "
           "di bagian Kontribusi.\n",
           f"**{h.files} berkas diperiksa: {h.errors} kesalahan, {h.warnings} peringatan, {h.infos} info.**\n"]
    if h.pengecualian:
        daftar = ", ".join(f"[{md.teks(u.org.nama)}]({relatif(ctx.halaman_unit(u), dari)})"
                           for u in ctx.units if u.org.pengecualian_level is not None)
        out.append(f"Unit dengan pengecualian jumlah level struktur: {daftar}.\n")
    out.append("## Temuan per aturan {#temuan}\n")
    if not h.temuan:
        out.append("*Tidak ada temuan.*\n")
    for rid in sorted(per, key=lambda r: (r not in ATURAN, r)):
        daftar = per[rid]
        a = ATURAN.get(rid)
        judul = md.tanpa_nama_kolom(a.judul) if a else "Kesalahan masukan berkas"
        tingkat = daftar[0].severity
        dasar = "; ".join(md.tautan(x, dari, docs) for x in a.anchors) if a and a.anchors else md.teks(daftar[0].basis)
        out.append(f'??? {_JENIS[tingkat]} "{rid} — {len(daftar)} {_TINGKAT[tingkat]}: {md.judul_atribut(judul)}"\n')
        out.append(f"    Dasar: {dasar}." + (f" *Interpretasi:* {md.teks(md.tanpa_nama_kolom(a.interpretasi))}"
                                              if a and a.interpretasi else "") + "\n")
        out.append("    | Unit | Kelompok | Temuan | Letak di berkas data |\n    |---|---|---|---|")
        for t in daftar:
            u = ctx.unit_dari_temuan(t)
            if u is not None:
                unit_md = f"[{md.teks(u.org.nama)}]({relatif(ctx.halaman_unit(u), dari)})"
                k = u.kelompok.get(t.kelompok) if t.kelompok else None
                kel_md = (f"[{md.teks(k.nama or k.id)}]({relatif(ctx.halaman_unit(u) + '#' + url.jangkar_kelompok(k.id), dari)})"
                          if k is not None else md.teks(t.kelompok or "—"))
            else:
                unit_md, kel_md = md.teks(t.unit or "—"), md.teks(t.kelompok or "—")
            out.append(f"    | {unit_md} | {kel_md} | {md.teks(md.tanpa_nama_kolom(t.message))} | "
                       f"`{ctx.berkas(t.file)}:{t.line}` |")
        out.append("")
    out.append("## Semua aturan {#aturan}\n")
    out.append("| Aturan | Tingkat | Isi | Dasar | Temuan |\n|---|---|---|---|---|")
    for a in per_tahap(*TAHAP_BERTANGGAL):
        rid = a.id
        dasar = "; ".join(md.tautan(x, dari, docs) for x in a.anchors) if a.anchors else md.teks(a.basis)
        out.append(f"| {rid} | {_TINGKAT[a.severity]} | {md.teks(md.tanpa_nama_kolom(a.judul))} | {dasar} | "
                   f"{len(per.get(rid, []))} |")
    return "\n".join(x for x in out if x) + "\n"


def halaman(root: Path) -> dict[str, str]:
    """Penyedia: ``kepatuhan.md``."""
    return {"kepatuhan.md": md.rapikan(halaman_kepatuhan(konteks(root)))}
