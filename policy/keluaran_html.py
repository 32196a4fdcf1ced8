"""Escape teks tak tepercaya untuk HTML: satu tempat untuk semua HTML yang tidak lewat Markdown.

Dipakai oleh tabel langkah HTML jadi dan label rentang abjad navigasi (lewat ``policy.situs.md.html``;
Material mencetak judul navigasi tanpa escape), label lajur dan teks alternatif diagram SVG
(``policy.diagram.svg``), dan judul rekaman pencarian (``hooks/pencarian.py``).
"""
from __future__ import annotations

import html as _html


def html(s: object) -> str:
    """Teks polos → satu baris HTML aman, untuk isi elemen *dan* nilai atribut bertanda kutip."""
    return _html.escape(" ".join(str(s).split()), quote=True)
