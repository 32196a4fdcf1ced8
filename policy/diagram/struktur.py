"""Bagan struktur (``flowchart LR``) dari data polos: kedudukan dan penugasan.

Dirancang untuk kolom isi: pimpinan di kiri, bawahan dan kelompok bertumpuk ke bawah (bukan satu
baris lebar), label terbungkus pendek, jarak antarsimpul rapat — bagan Setda (13 kelompok) ≈ 1.000 px
lebar, bukan 3.800 px seperti bagan ``TB`` satu baris.

Dipakai untuk Gambar 2–17 (struktur contoh generik) dan bagan setiap unit. Kelompok Jabatan
Fungsional dan pelaksana digambar di bawah Pejabat Penilai Kinerjanya (kedudukan, Lampiran
B.1), dengan garis putus-putus "penugasan" dari Pimpinan Unit Organisasi bila berbeda
(struktur penugasan, Lampiran B.2).
"""
from __future__ import annotations

from typing import Iterable, Sequence

from ._mermaid import PembuatId, mermaid_py, rapikan, tanpa_judul, teks

#: Gaya per jenis jabatan: (isi, garis). Teks selalu hitam agar kontras terjaga.
GAYA_JENIS: dict[str, tuple[str, str]] = {
    "jpt_madya": ("#c5cae9", "#283593"),
    "jpt_pratama": ("#d1d9ff", "#3949ab"),
    "administrator": ("#e3f2fd", "#1e88e5"),
    "pengawas": ("#e0f7fa", "#00838f"),
    "fungsional": ("#f1f8e9", "#558b2f"),
    "pelaksana": ("#fffde7", "#f9a825"),
}
_GAYA_LAIN = ("#f5f5f5", "#616161")
_GAYA_KELOMPOK = ("#fff3e0", "#ef6c00")
_KELAS_SOROT = "sorot"
_KELAS_KELOMPOK = "kelompok"

#: Label simpul tidak dibungkus di sini: Mermaid membungkusnya sendiri pada ``wrappingWidth``
#: (KONFIG), sehingga simpul dua–tiga baris dan bagan tidak tinggi. Label garis dibungkus pendek.
LEBAR_LABEL = None
LEBAR_GARIS = 14

#: Front matter Mermaid bagan: bantalan simpul rapat.
KONFIG = "---\nconfig:\n  flowchart:\n    padding: 12\n    wrappingWidth: 160\n---\n"

Posisi = Sequence  # (id, label, atasan_id | None, jenis)
KelompokData = Sequence  # (id, label, penilai_id, pimpinan_unit_id)


def _kelas_jenis(jenis: object) -> str:
    return f"j_{jenis}" if jenis in GAYA_JENIS else "j_lain"


def _classdef(nama: str) -> str:
    if nama == _KELAS_SOROT:
        return f"classDef {nama} stroke:#d50000,stroke-width:4px"
    if nama == _KELAS_KELOMPOK:
        isi, garis = _GAYA_KELOMPOK
    elif nama == "j_lain":
        isi, garis = _GAYA_LAIN
    else:
        isi, garis = GAYA_JENIS[nama.removeprefix("j_")]
    return f"classDef {nama} fill:{isi},stroke:{garis},color:#000000"


def diagram_struktur(
    posisi: Iterable[Posisi],
    kelompok: Iterable[KelompokData] = (),
    sorot: str | Iterable[str] | None = None,
) -> str:
    """Teks Mermaid ``flowchart LR`` bagan struktur dan kelompok (dengan front matter ``config``).

    ``posisi``: ``(id, label, atasan_id | None, jenis)``; ``kelompok``:
    ``(id, label, penilai_id, pimpinan_unit_id)``; ``sorot``: id posisi/kelompok yang
    ditonjolkan. Urutan simpul mengikuti masukan; acuan ke id yang tidak ada dilewati
    (validasi adalah tugas aturan SK01), sehingga berkas yang rusak tetap dapat digambar.
    """
    mp = mermaid_py()
    posisi = [tuple(p) for p in posisi]
    kelompok = [tuple(k) for k in kelompok]
    if isinstance(sorot, str):
        sorot_set = {sorot}
    else:
        sorot_set = set(sorot or ())

    id_pos = PembuatId("n")
    id_kel = PembuatId("k")
    simpul: dict[str, object] = {}  # id data → Node (yang pertama menang)
    nodes: list = []
    kelas: dict[str, list[str]] = {}

    def tandai(nama_kelas: str, node_id: str) -> None:
        kelas.setdefault(nama_kelas, []).append(node_id)

    for pid, label, _atasan, jenis in posisi:
        n = mp.Node(id_pos.baru(str(pid)), teks(label, LEBAR_LABEL))
        nodes.append(n)
        simpul.setdefault(f"p:{pid}", n)
        tandai(_kelas_jenis(jenis), n.id_)
        if pid in sorot_set:
            tandai(_KELAS_SOROT, n.id_)
    for kid, label, _penilai, _pu in kelompok:
        n = mp.Node(id_kel.baru(str(kid)), teks(label, LEBAR_LABEL), shape="round-edge")
        nodes.append(n)
        simpul.setdefault(f"k:{kid}", n)
        tandai(_KELAS_KELOMPOK, n.id_)
        if kid in sorot_set:
            tandai(_KELAS_SOROT, n.id_)

    links: list = []
    for pid, _label, atasan, _jenis in posisi:
        if atasan is not None and f"p:{atasan}" in simpul:
            links.append(mp.FLink(simpul[f"p:{atasan}"], simpul[f"p:{pid}"]))
    for kid, _label, penilai, pu in kelompok:
        n = simpul[f"k:{kid}"]
        beda = pu is not None and pu != penilai and f"p:{pu}" in simpul
        if f"p:{penilai}" in simpul:
            pesan = "penilai kinerja" if beda else "penilai kinerja dan penugasan"
            links.append(mp.FLink(simpul[f"p:{penilai}"], n, message=teks(pesan, LEBAR_GARIS)))
        if beda:
            links.append(mp.FLink(simpul[f"p:{pu}"], n, shape="dotted", message=teks("penugasan", LEBAR_GARIS)))

    judul = "bagan"
    fc = mp.FlowChart(judul, nodes=nodes, links=links, orientation="LR")  # tanpa gaya: set mermaid-py kosong
    badan = tanpa_judul(fc.script, judul)
    urutan_kelas = sorted(k for k in kelas if k != _KELAS_SOROT)
    if _KELAS_SOROT in kelas:
        urutan_kelas.append(_KELAS_SOROT)  # terakhir agar menimpa gaya jenis
    tambahan = [_classdef(k) for k in urutan_kelas]
    tambahan += [f"class {','.join(kelas[k])} {k}" for k in urutan_kelas]
    return KONFIG + rapikan(badan + "".join(f"\n    {t}" for t in tambahan))
