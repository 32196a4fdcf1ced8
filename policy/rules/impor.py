"""IM01 — draf hasil ``policy impor`` yang belum ditinjau (tanda ``# TODO:`` masih ada).

``python -m policy impor`` mengisi yang tidak dapat dikatakan peta jabatan (siapa PPK dan siapa
Pimpinan Unit, nama kelompok, jenis tebakan) dengan usulan bawaan dan menandainya ``# TODO:``.
Selama tanda itu ada, keputusan Bagian Organisasi belum tercatat: setiap tanda dilaporkan pada
barisnya sebagai peringatan.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..domain import Indeks, Unit
from .registry import Lapor, aturan

#: komentar ``# TODO:`` atau nilai yang diawali ``TODO:`` (isian sementara dari impor)
TODO = re.compile(r"#\s*TODO\b:?|:\s*[\"']?TODO:")
_KOMENTAR = re.compile(r"#\s*TODO\b:?\s*(.*)$")


@aturan("IM01", "warning", "Draf hasil impor peta jabatan masih memuat tanda TODO yang belum ditinjau",
        "Lampiran B.1 (draf impor belum ditinjau)", ("lampiran-b-1",),
        interpretasi="Kedudukan dan penugasan (PPK, Pimpinan Unit) ditetapkan Pejabat Pembina Kepegawaian (Lampiran B.1 "
                     "huruf d), bukan ditebak dari peta jabatan; usulan impor harus ditinjau lalu tandanya dihapus.")
def im01_todo_impor(unit: Unit, indeks: Indeks) -> Iterator[Lapor]:
    """Setiap baris ``# TODO:`` di berkas org adalah keputusan yang belum diambil."""
    teks = unit.dok.teks
    if not teks or "TODO" not in teks:
        return
    for i, baris in enumerate(teks.splitlines(), 1):
        m = TODO.search(baris)
        if m is None:
            continue
        k = _KOMENTAR.search(baris)
        isi = k.group(1).strip() if k else baris[m.end():].strip().strip("\"'")
        pesan = "usulan impor belum ditinjau" + (f": {isi[:200]}" if isi else "")
        yield Lapor((), pesan, "putuskan isinya, lalu hapus tanda TODO", baris=(i, (k or m).start() + 1))
