"""Setiap diagram Mermaid terbangkit lolos parser Mermaid 11.4.1 yang sebenarnya; ukuran halaman."""
from __future__ import annotations

import re
from pathlib import Path

from mermaid_tool import parse_mermaid
from situs_alat import blok_mermaid


def test_semua_diagram_terbangkit_lolos_parse(situs: Path):
    teks: dict[str, str] = {}
    for p in sorted(situs.rglob("*.html")):
        for b in blok_mermaid(p.read_text(encoding="utf-8")):
            teks.setdefault(b, str(p.relative_to(situs)))
    assert len(teks) > 100, "terlalu sedikit diagram: halaman unit tidak terbangkit?"
    hasil = parse_mermaid(list(teks))
    gagal = [f"{asal}: {h['error']}\n{t[:400]}" for (t, asal), h in zip(teks.items(), hasil) if not h["ok"]]
    assert not gagal, f"{len(gagal)} diagram gagal di-parse:\n" + "\n\n".join(gagal[:5])
    print(f"\n[situs] {len(teks)} diagram unik lolos parse Mermaid 11.4.1")


def _nav_primer(html: str) -> str:
    m = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', html, re.S)
    return m.group(0) if m else ""


def test_ukuran_halaman_unit_terbatas(situs: Path):
    ukuran = sorted(((p.stat().st_size, p) for p in (situs / "unit").glob("*/*/index.html") if p.parts[-3] != "jabatan"),
                    reverse=True)
    terbesar, p = ukuran[0]
    nav = max(len(_nav_primer(q.read_text(encoding="utf-8"))) for _, q in ukuran)
    print(f"\n[situs] halaman unit terbesar: {p.parent.name} {terbesar / 1024:.0f} KB; "
          f"navigasi terbesar {nav / 1024:.0f} KB; median {ukuran[len(ukuran) // 2][0] / 1024:.0f} KB")
    assert terbesar < 400 * 1024
    # navigasi hanya memuat bagian unit itu sendiri (navigation.prune + folder per jenis)
    assert nav < 80 * 1024
