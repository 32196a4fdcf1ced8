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
URUTAN_ATAS: tuple[str, ...] = ("index.md", "panduan", "unit", "rute.md", "mekanisme", "kepatuhan.md", "peraturan",
                                "aturan", "kontribusi")

#: Urutan di dalam folder tertentu (anak yang tidak disebut menyusul sesuai abjad).
URUTAN_DALAM: dict[str, tuple[str, ...]] = {
    "unit": ("index.md", *GRUP, "jabatan"),
    "panduan": ("index.md", "apa-yang-berubah.md", "kedudukan.md", "penilai-kinerja.md", "penugasan.md",
                "tim-kerja.md", "pelaporan.md", "pengelolaan-kinerja.md"),
}

#: Judul bagian (folder) menurut path folder relatif docs/.
JUDUL_BAGIAN: dict[str, str] = {
    "panduan": "Panduan",
    "unit": "Cari unit saya",
    "mekanisme": "Mekanisme kerja",
    "unit/jabatan": "Indeks jabatan",
    **{f"unit/{g}": judul for g, (judul, _) in GRUP.items()},
}


def judul_bagian(ctx=None) -> dict[str, str]:
    """:data:`JUDUL_BAGIAN` dengan judul grup menurut unit yang ada (``Konteks.judul_grup``), mis.
    "Kecamatan" selama belum ada berkas kelurahan."""
    if ctx is None:
        return dict(JUDUL_BAGIAN)
    return {**JUDUL_BAGIAN, **{f"unit/{g}": ctx.judul_grup(g) for g in GRUP}}


def kunci_urut(folder: str, nama: str) -> tuple[int, str]:
    """Kunci urut untuk anak ``nama`` (berkas atau folder) di ``folder`` ("" = tingkat atas)."""
    if nama == "index.md" and folder != "":
        return (-1, "")  # halaman bagian selalu pertama (Material navigation.indexes)
    urutan = URUTAN_ATAS if folder == "" else URUTAN_DALAM.get(folder, ())
    return (urutan.index(nama), "") if nama in urutan else (len(urutan), nama)


#: Paling banyak halaman bersaudara dalam satu bagian navigasi; lebih dari itu dibagi menjadi
#: sub-bagian menurut abjad judul (URL tidak berubah), agar ukuran halaman tidak tumbuh dengan
#: jumlah unit (Material ``navigation.prune`` hanya merender bagian yang aktif).
MAKS_SAUDARA = 25


def _awalan_bersama(judul: list[str]) -> str:
    kata = [j.split() for j in judul]
    bersama: list[str] = []
    for kolom in zip(*kata):
        if len(set(kolom)) != 1:
            break
        bersama.append(kolom[0])
    return " ".join(bersama)


def bagi(judul: list[str], maks: int = MAKS_SAUDARA) -> list[tuple[str, int, int]]:
    """Bagi daftar judul (sudah urut) menjadi rentang ``(label, awal, akhir)`` berisi ≤ ``maks``.

    Label memakai judul pertama dan terakhir rentang tanpa awalan yang sama di semua judul
    (mis. "Kecamatan"), contoh ``"Berampu – Parbuluan"``. Daftar pendek tidak dibagi (``[]``).
    """
    if len(judul) <= maks:
        return []
    n_bagian = -(-len(judul) // maks)
    ukuran = -(-len(judul) // n_bagian)
    awalan = _awalan_bersama(judul)

    def pendek(j: str) -> str:
        return j[len(awalan):].strip() if awalan and j.startswith(awalan) else j

    hasil = []
    for a in range(0, len(judul), ukuran):
        b = min(a + ukuran, len(judul))
        hasil.append((f"{pendek(judul[a])} – {pendek(judul[b - 1])}", a, b))
    return hasil
