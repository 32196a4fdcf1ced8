"""Bahan bersama tes diagram: nama jabatan "jahat", jabatan wajar, struktur uji."""
from __future__ import annotations

from policy.mekanisme import MEKANISME, PERAN, PROSEDUR

#: Nama jabatan yang mencoba merusak sintaks Mermaid/Markdown dari segala arah.
NAMA_JAHAT: list[str] = [
    'Kepala Bidang P2P (Pencegahan & Pengendalian) "Khusus"',
    "end",
    'Kepala "Seksi"; end',
    "#quot; #35; %% komentar %%{init: {}}%%",
    "<br>Kepala</br> <script>alert(1)</script>",
    "[Kepala] {Bidang} |Tata| /Usaha\\ Umum",
    "Sekretaris: Daerah -->> x ->> y --x z",
    "Kepala\nBidang\r\nBaris\u2028Baru",
    "Dinas Pariwisata — Pemuda & Olahraga · Ünïcødé 日本 🙂",
    "participant p1 as X",
    "alt else opt loop rect Note over p1,p2: x",
    "`kode` **tebal** {{ jinja }} {% x %}",
    "classDef x fill:#f00; style n1 fill:#f00;",
    "gaya hidup (lifestyle): #f00; x",
    "Kepala Sub\u00adbagian\u200b Umum\tdan\x00Kepegawaian",
    "    ",
]

#: Jabatan sebenarnya (tanpa nama orang) untuk uji "tanpa kunci peran bocor".
NAMA_WAJAR: dict[str, str] = {
    "pejabat_level_1": "Kepala Dinas Pertanian",
    "pejabat_level_2": "Kepala Bidang Tanaman Pangan",
    "ppk": "Kepala Dinas Komunikasi dan Informatika",
    "pimpinan_unit": "Kepala Bidang Aplikasi Informatika",
    "ketua_tim": "Pranata Komputer Ahli Muda selaku ketua",
    "jf": "Kelompok Pranata Komputer",
    "sekretaris_daerah": "Sekretaris Daerah Kabupaten Dairi",
    "asisten": "Asisten Pemerintahan dan Kesejahteraan Rakyat",
    "kepala_bagian": "Kepala Bagian Organisasi",
    "pimpinan_unit_pemilik": "Kepala Bidang Aplikasi Informatika",
    "ppk_dituju": "Kepala Badan Perencanaan Pembangunan Daerah",
    "pimpinan_unit_dituju": "Kepala Bidang Perencanaan Ekonomi",
    "pejabat_berwenang": "Sekretaris Daerah Kabupaten Dairi",
    "pejabat_berwenang_dituju": "Kepala BPS Kabupaten Dairi",
}


def aktor_jahat(geser: int = 0) -> dict[str, str]:
    """Setiap kunci peran mendapat nama jahat (berputar agar tiap lajur berbeda)."""
    return {k: NAMA_JAHAT[(i + geser) % len(NAMA_JAHAT)] for i, k in enumerate(sorted(PERAN))}


def posisi_jahat() -> tuple[list, list]:
    posisi = [
        ("end", 'Kepala Dinas "Utama"; end', None, "jpt_pratama"),
        ("graph", "Sekretaris (Dinas) #1", "end", "administrator"),
        ("subgraph", "[Kepala] {Bidang} |A|", "end", "administrator"),
        ("o", "Kepala Seksi <br> x --> y", "subgraph", "pengawas"),
        ("x", "Kepala Sub\nbagian", "graph", "pengawas"),
        ("Dinas Ünï 日本", "Ünïcødé 🙂 & co", "end", "fungsional"),
        ("", "tanpa id", "hilang", "jenis-aneh"),
        ("end", "duplikat id end", "graph", "pelaksana"),
    ]
    kelompok = [
        ("kjf-1", 'Kelompok "JF" (Sekretariat); #2', "end", "graph"),
        ("class", "Kelompok sama penilai", "subgraph", "subgraph"),
        ("style", "Kelompok lifestyle: #f00;", "o", "x"),
        ("kjf-putus", "Kelompok acuan putus", "tidak-ada", "juga-tidak-ada"),
    ]
    return posisi, kelompok


def semua_kode() -> list[str]:
    return list(MEKANISME)


def semua_gambar_prosedur() -> list[int]:
    return list(PROSEDUR)
