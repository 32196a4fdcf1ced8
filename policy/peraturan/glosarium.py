"""Glosarium dari Pasal 1 (29 definisi) untuk ``docs/peraturan/glosarium.md``.

Halaman glosarium di-commit; ``python -m policy.peraturan.glosarium`` menulisnya ulang dari
naskah, dan uji memastikan keduanya tetap sama.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from . import DOCS_BAWAAN, baca, polos

BERKAS = "peraturan/glosarium.md"


def definisi(docs_dir: Path = DOCS_BAWAAN) -> list[tuple[int, str, str]]:
    """(angka, istilah, definisi) dari Pasal 1 angka 1..N, urut naskah."""
    hasil = []
    for e in baca(docs_dir).elemen:
        m = re.fullmatch(r"pasal-1-angka-(\d+)", e.anchor)
        if not m:
            continue
        t = re.sub(r"^\d+\.\s*", "", polos(e.teks))
        istilah, _, isi = t.partition(" adalah ")
        hasil.append((int(m.group(1)), istilah, isi))
    return hasil


def render(docs_dir: Path = DOCS_BAWAAN) -> str:
    baris = [
        "# Glosarium",
        "",
        "Istilah di bawah ini dikutip apa adanya dari [Pasal 1](batang-tubuh.md#pasal-1)",
        "Peraturan Bupati Dairi Nomor 18 Tahun 2024. Setiap istilah menaut ke angka asalnya.",
        "Singkatan yang dipakai di seluruh situs diberi keterangan saat penunjuk diarahkan ke singkatan itu.",
        "",
    ]
    for n, istilah, isi in definisi(docs_dir):
        baris += [
            f'<a id="istilah-{n}"></a>{istilah}',
            f":   {isi} ([Pasal 1 angka {n}](batang-tubuh.md#pasal-1-angka-{n}))",
            "",
        ]
    return "\n".join(baris)


def main(argv: list[str] | None = None) -> int:
    (DOCS_BAWAAN / BERKAS).write_text(render(), encoding="utf-8")
    print(f"ditulis: docs/{BERKAS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
