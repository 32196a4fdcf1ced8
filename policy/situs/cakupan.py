"""Halaman "Cakupan Aturan" (keterlacakan): untuk setiap Pasal dan bagian Lampiran, aturan
mana yang memeriksanya, halaman mana yang menerapkannya, dan ketentuan mana yang masih naratif.

"Menerapkan" dihitung dari tautan nyata: halaman (terbangkit atau tulisan tangan di docs/)
yang menaut ke anchor ketentuan itu atau turunannya. Tidak ada daftar yang diisi tangan.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

from ..peraturan import baca, polos, tautan
from ..rules import ATURAN
from .aturan import label_anchor

PATH = "peraturan/cakupan-aturan.md"
_BARIS = re.compile(r"^(pasal-\d+|lampiran-[a-d](?:-\d+)?)$")
_TAUT = re.compile(r"\]\(([^)\s#]*\.md)?#([a-z0-9-]+)\)")


def _baris_ketentuan(naskah) -> tuple[list, dict[str, str]]:
    """Daftar unsur baris (Pasal, bagian Lampiran) dan peta anchor → anchor baris pemiliknya."""
    baris = [e for e in naskah.elemen if _BARIS.match(e.anchor)]
    pemilik: dict[str, str] = {}
    kini: dict[str, str] = {}
    for e in naskah.elemen:  # urut halaman lalu baris: Gambar milik bagian terakhir sebelumnya
        if _BARIS.match(e.anchor):
            kini[e.halaman] = e.anchor
            pemilik[e.anchor] = e.anchor
        elif e.jenis == "gambar" and e.halaman in kini:
            pemilik[e.anchor] = kini[e.halaman]
    return baris, pemilik


def _milik(anchor: str, pemilik: dict[str, str]) -> str | None:
    if anchor in pemilik:
        return pemilik[anchor]
    for cand in sorted(pemilik, key=len, reverse=True):  # anchor turunan: pasal-9-ayat-2 → pasal-9
        if anchor.startswith(cand + "-"):
            return pemilik[cand]
    return None


def halaman(root: Path, terbangkit: dict[str, str]) -> dict[str, str]:
    docs = root / "docs"
    naskah = baca(docs)
    baris, pemilik = _baris_ketentuan(naskah)
    aturan_per: dict[str, set[str]] = {}
    for a in ATURAN.values():
        if a.tahap == "naskah":
            continue  # lint naskah memeriksa bentuk teks ketentuan, bukan menerapkannya
        for anc in a.anchors:
            if (b := _milik(anc, pemilik)):
                aturan_per.setdefault(b, set()).add(a.id)
    sumber = dict(terbangkit)
    for p in sorted(docs.rglob("*.md")):
        rel = p.relative_to(docs).as_posix()
        if not rel.startswith(("peraturan/", "includes/")):
            sumber.setdefault(rel, p.read_text(encoding="utf-8"))
    halaman_per: dict[str, set[str]] = {}
    for path, isi in sumber.items():
        if path.startswith(("aturan/", "peraturan/")):
            continue  # katalog dan catatan harmonisasi membahas ketentuan, bukan menerapkannya
        for m in _TAUT.finditer(isi):
            tujuan = posixpath.normpath(posixpath.join(posixpath.dirname(path), m[1])) if m[1] else path
            if not tujuan.startswith("peraturan/"):
                continue
            if (b := _milik(m[2], pemilik)):
                halaman_per.setdefault(b, set()).add(path)
    out = ["# Cakupan Aturan", "",
           "Keterlacakan setiap Pasal dan bagian Lampiran: **aturan** yang memeriksanya secara otomatis "
           "(lihat [Katalog Aturan](../aturan/index.md)), **halaman** situs yang menerapkan atau menautnya, "
           "dan ketentuan yang masih **naratif** (dijelaskan, tetapi tidak diperiksa dari berkas org). "
           "Halaman ini dibangkitkan ulang setiap build dari tautan yang benar-benar ada.", ""]
    diperiksa = sum(1 for e in baris if e.anchor in aturan_per)
    naratif = [e for e in baris if e.anchor not in aturan_per and e.anchor not in halaman_per]
    out += [f"Dari {len(baris)} ketentuan: {diperiksa} diperiksa aturan, "
            f"{sum(1 for e in baris if e.anchor in halaman_per)} diterapkan/ditautkan halaman situs, "
            f"{len(naratif)} masih naratif saja.", "",
            "| Ketentuan | Aturan | Halaman yang menerapkan | Status |", "|---|---|---|---|"]
    for e in baris:
        teks = polos(e.teks)
        judul = label_anchor(e.anchor) + (f" — {teks[:60]}" if e.anchor.startswith("lampiran") and teks else "")
        rules = ", ".join(f"[{r}](../aturan/index.md#{r.lower()})" for r in sorted(aturan_per.get(e.anchor, ())))
        hal = sorted(halaman_per.get(e.anchor, ()))
        hal_teks = ", ".join(f"[{h.removesuffix('.md')}]({posixpath.relpath(h, 'peraturan')})" for h in hal[:4])
        if len(hal) > 4:
            hal_teks += f" dan {len(hal) - 4} halaman lain"
        status = "diperiksa" if rules else ("diterapkan" if hal else "naratif")
        out.append(f"| [{judul}]({tautan(e.anchor, PATH, docs)}) | {rules or '—'} | {hal_teks or '—'} | {status} |")
    return {PATH: "\n".join(out) + "\n"}
