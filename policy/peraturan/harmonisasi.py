"""Halaman "Catatan Harmonisasi" untuk Bagian Hukum, dibangkitkan saat build.

Penyedia halaman untuk :mod:`policy.situs`: ``halaman(root) -> {"peraturan/catatan-harmonisasi.md": md}``.
Isinya semua temuan lint naskah (aturan tahap ``naskah`` di registri aturan, :mod:`policy.peraturan.lint`),
dikelompokkan per aturan,
dengan tautan ke unsur naskah dan status baseline.
"""
from __future__ import annotations

import posixpath
from pathlib import Path

from ..situs import md
from . import baca
from ..rules import per_tahap
from .lint import baca_baseline, lint

BERKAS = "peraturan/catatan-harmonisasi.md"


def render(root: Path) -> str:
    docs = root / "docs"
    temuan = lint(docs)
    naskah = baca(docs)
    baseline = baca_baseline(root / "peraturan-baseline.yaml")
    baru = [t for t in temuan if (t.rule, t.sidik) not in baseline]
    out = [
        "# Catatan Harmonisasi",
        "",
        "Halaman ini dibangkitkan otomatis dari pemeriksaan naskah (`python -m policy lint-peraturan`).",
        "Naskah di situs ini disalin sesuai aslinya, sehingga ketidaksesuaian di dalam peraturan tetap",
        "tampil di naskah; catatan berikut membantu Bagian Hukum menyiapkan perubahan peraturan.",
        "",
        f"Jumlah temuan: **{len(temuan)}**; sudah ditinjau (ada di `peraturan-baseline.yaml`): "
        f"**{len(temuan) - len(baru)}**; belum ditinjau: **{len(baru)}**.",
        "",
    ]
    for a in per_tahap("naskah"):
        kode, tingkat = a.id, a.severity
        grup = [t for t in temuan if t.rule == kode]
        dasar = md.teks(a.basis) + ("" if not a.anchors else
                                    " — " + ", ".join(md.tautan(x, BERKAS, docs) for x in a.anchors))
        out += [f"## {kode} — {a.judul} {{#{kode.lower()}}}", "", a.penjelasan, "", f"Dasar: {dasar}.", ""]
        if not grup:
            out += ["Tidak ada temuan.", ""]
            continue
        out += ["| Letak | Temuan | Tingkat | Status |", "|---|---|---|---|"]
        for t in grup:
            e = naskah.cari(t.anchor)
            tujuan = posixpath.relpath(t.file, posixpath.dirname(BERKAS))
            if e is not None:
                letak = f"[{t.anchor}]({tujuan}#{t.anchor})"
            else:
                letak = f"[{posixpath.basename(t.file)}]({tujuan})"
            letak += f" <br>`{posixpath.basename(t.file)}:{t.line}`"
            status = "ditinjau (baseline)" if (t.rule, t.sidik) in baseline else "**belum ditinjau**"
            out.append(f"| {letak} | {md.teks(t.message)} | {tingkat} | {status} |")
        out.append("")
    return "\n".join(out)


def halaman(root: Path) -> dict[str, str]:
    """Penyedia halaman untuk ``policy.situs.PENYEDIA``."""
    return {BERKAS: render(Path(root))}
