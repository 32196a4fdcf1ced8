"""Adaptor diagram Mermaid (di atas mermaid-py) untuk situs dan CLI.

Semua fungsi murni dan mengembalikan teks Mermaid (atau Markdown daftar langkah); tidak ada
I/O, tidak ada render jaringan. Lihat ``_mermaid`` untuk jaminan ID/escape/urutan.
"""
from .alur import (
    LangkahTerisi,
    diagram_mekanisme,
    diagram_prosedur,
    langkah_markdown,
    langkah_mekanisme,
    langkah_prosedur,
    langkah_prosedur_markdown,
)
from .figur import GAMBAR_TERSEDIA, figur_generik
from .struktur import diagram_struktur

__all__ = [
    "GAMBAR_TERSEDIA",
    "LangkahTerisi",
    "diagram_mekanisme",
    "diagram_prosedur",
    "diagram_struktur",
    "figur_generik",
    "langkah_markdown",
    "langkah_mekanisme",
    "langkah_prosedur",
    "langkah_prosedur_markdown",
]
