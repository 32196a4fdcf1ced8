"""Urutan dan judul navigasi tanpa daftar ``nav:`` eksplisit di mkdocs.yml.

Navigasi dibentuk mkdocs dari susunan folder (``index.md`` per folder = halaman bagian,
Material ``navigation.indexes``). Dua hal yang tidak bisa diungkapkan lewat folder diatur di sini
dan diterapkan oleh hook ``hooks/situs.py`` (``on_nav``):

* urutan bagian di tingkat atas (:data:`URUTAN_ATAS`; yang tidak disebut menyusul sesuai abjad);
* judul bagian (:data:`JUDUL_BAGIAN`), mis. folder ``unit/dinas`` → "Dinas".

Menambah unit baru tidak pernah memerlukan perubahan di sini maupun di mkdocs.yml.
"""
from __future__ import annotations

from .konteks import GRUP

#: Urutan tingkat atas: nama berkas/folder di docs/.
URUTAN_ATAS: tuple[str, ...] = ("index.md", "panduan", "unit", "mekanisme", "kepatuhan.md", "peraturan",
                                "aturan", "kontribusi")

#: Urutan di dalam folder tertentu (anak yang tidak disebut menyusul sesuai abjad).
URUTAN_DALAM: dict[str, tuple[str, ...]] = {
    "unit": ("index.md", "jabatan.md", *GRUP),
    "panduan": ("index.md", "apa-yang-berubah.md", "kedudukan.md", "penugasan.md", "tim-kerja.md",
                "pelaporan.md", "pengelolaan-kinerja.md"),
}

#: Judul bagian (folder) menurut path folder relatif docs/.
JUDUL_BAGIAN: dict[str, str] = {
    "panduan": "Panduan",
    "unit": "Cari unit saya",
    "mekanisme": "Mekanisme kerja",
    **{f"unit/{g}": judul for g, (judul, _) in GRUP.items()},
}


def kunci_urut(folder: str, nama: str) -> tuple[int, str]:
    """Kunci urut untuk anak ``nama`` (berkas atau folder) di ``folder`` ("" = tingkat atas)."""
    if nama == "index.md" and folder != "":
        return (-1, "")  # halaman bagian selalu pertama (Material navigation.indexes)
    urutan = URUTAN_ATAS if folder == "" else URUTAN_DALAM.get(folder, ())
    return (urutan.index(nama), "") if nama in urutan else (len(urutan), nama)
