"""Naskah Perbup Dairi 18/2024 yang diterbitkan di ``docs/peraturan/``: pembaca struktur dan tautan.

Halaman Markdown naskah memberi setiap unsur (BAB, Bagian, Paragraf, Pasal, ayat, huruf, angka,
bagian Lampiran, Gambar) sebuah *anchor* tetap: pada judul lewat ``attr_list``
(``### Pasal 9 {#pasal-9}``) atau di awal butir/paragraf lewat ``<a id="pasal-9-ayat-2"></a>``.
Modul ini membaca anchor itu beserta nomor barisnya (tanpa mkdocs) dan menyediakan
:func:`anchors` dan :func:`tautan` untuk menautkan halaman lain ke naskah.
"""
from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

#: Halaman naskah, urut sesuai naskah asli (path relatif terhadap docs/).
HALAMAN_NASKAH: tuple[str, ...] = (
    "peraturan/batang-tubuh.md",
    "peraturan/lampiran-a.md",
    "peraturan/lampiran-b.md",
    "peraturan/lampiran-c.md",
    "peraturan/lampiran-d.md",
)
#: Halaman lain di docs/peraturan/ yang boleh memuat anchor (tidak termasuk naskah).
HALAMAN_LAIN: tuple[str, ...] = ("peraturan/index.md", "peraturan/glosarium.md")

DOCS_BAWAAN = Path(__file__).resolve().parents[2] / "docs"

_JUDUL = re.compile(r"^(#{1,6})\s+(.*?)\s*\{#([A-Za-z0-9_-]+)\}\s*$")
_JUDUL_POLOS = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_ANCHOR = re.compile(r'^(\s*)(?:[-*]\s+)?<a id="([A-Za-z0-9_-]+)"></a>(.*)$')
_BAGIAN_ANGKA = {"kesatu": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6}
_ROMAWI = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def romawi(teks: str) -> int | None:
    """Angka Romawi (I, IV, vi, ...) ke int; None bila bukan angka Romawi."""
    t = teks.lower()
    if not t or any(c not in _ROMAWI for c in t):
        return None
    total = 0
    for i, c in enumerate(t):
        v = _ROMAWI[c]
        total += -v if i + 1 < len(t) and _ROMAWI[t[i + 1]] > v else v
    return total


def ke_romawi(n: int) -> str:
    hasil = ""
    for v, s in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            hasil += s
            n -= v
    return hasil


@dataclass(frozen=True)
class Elemen:
    """Satu unsur bernomor/beralamat dalam naskah."""

    jenis: str          # bab | bagian | paragraf | pasal | ayat | huruf | angka | butir | gambar | lampiran | lain
    anchor: str
    halaman: str        # relatif terhadap docs/, mis. "peraturan/batang-tubuh.md"
    baris: int          # 1-based
    kolom: int          # 1-based, awal teks unsur
    teks: str           # teks baris tanpa markup anchor
    judul: bool         # True bila anchor ada pada judul Markdown
    tingkat: int = 0    # tingkat judul (#=1) atau indentasi daftar (0,1,...)

    @property
    def induk(self) -> str | None:
        """Anchor induk menurut skema anchor (``pasal-2-ayat-2-huruf-a`` → ``pasal-2-ayat-2``)."""
        m = re.match(r"^(.*)-(?:ayat|huruf|angka|butir|bagian|paragraf)-[0-9a-z]+$", self.anchor)
        if m:
            return m.group(1)
        m = re.match(r"^(lampiran(?:-[a-z0-9-]*?)?)-(?:[0-9]+|[a-z])$", self.anchor)
        if m and self.jenis == "lampiran":
            return m.group(1)
        return None

    @property
    def nomor_anchor(self) -> str | None:
        """Nomor yang tertulis di anchor (``pasal-9`` → ``9``, ``...-huruf-d`` → ``d``)."""
        m = re.search(r"-([0-9]+|[a-z]|[ivx]+)$", self.anchor)
        return m.group(1) if m else None

    @property
    def label(self) -> str | None:
        """Nomor yang tercetak di teks: ``IV``, ``9``, ``2`` (dari "(2)"), ``a``, ``1``, ``ii``."""
        t = polos(self.teks)
        pola = {
            "bab": r"^BAB ([IVXLC]+)\b",
            "pasal": r"^Pasal (\d+)\b",
            "paragraf": r"^Paragraf (\d+)\b",
            "bagian": r"^Bagian (\w+)\b",
            "ayat": r"^\((\d+)\)",
            "gambar": r"^Gambar (\d+)\b",
        }.get(self.jenis, r"^\(?([0-9]+|[ivx]+|[a-z])[.)](?:\s|$)")
        m = re.match(pola, t)
        if not m:
            return None
        if self.jenis == "bagian":
            n = _BAGIAN_ANGKA.get(m.group(1).lower())
            return str(n) if n else None
        return m.group(1)


def polos(teks: str) -> str:
    """Teks tanpa markup Markdown/HTML sederhana (untuk dibaca mesin)."""
    t = re.sub(r"<!--.*?-->", " ", teks)
    t = re.sub(r"<[^>]+>", " ", t)
    t = re.sub(r"\{#[^}]*\}", " ", t)
    t = t.replace("**", "").replace("*", "").replace("\\", "")
    return re.sub(r"\s+", " ", t).strip()


def jenis_anchor(anchor: str) -> str:
    """Jenis unsur menurut skema anchor (lihat docs/peraturan/index.md)."""
    if re.fullmatch(r"gambar-\d+", anchor):
        return "gambar"
    if re.fullmatch(r"bab-\d+", anchor):
        return "bab"
    if re.fullmatch(r"pasal-\d+", anchor):
        return "pasal"
    m = re.search(r"-(ayat|huruf|angka|butir|bagian|paragraf)-[0-9a-z]+$", anchor)
    if m:
        return m.group(1)
    if anchor.startswith("lampiran"):
        return "lampiran"
    return "lain"


@dataclass
class Naskah:
    """Hasil baca seluruh halaman naskah, urut halaman lalu baris."""

    elemen: list[Elemen]
    baris: dict[str, list[str]]     # halaman -> isi baris
    judul_halaman: dict[str, tuple[int, str]]

    def cari(self, anchor: str) -> Elemen | None:
        return self._indeks.get(anchor)

    def __post_init__(self) -> None:
        self._indeks = {}
        for e in self.elemen:
            self._indeks.setdefault(e.anchor, e)

    def jenis(self, jenis: str) -> list[Elemen]:
        return [e for e in self.elemen if e.jenis == jenis]

    def anak(self, induk: str) -> list[Elemen]:
        return [e for e in self.elemen if e.induk == induk]

    def bagian_dari(self, e: Elemen) -> list[tuple[int, str]]:
        """Baris (nomor, teks) milik judul ``e`` sampai judul berikutnya yang setingkat/lebih tinggi."""
        isi = self.baris[e.halaman]
        hasil = []
        for no in range(e.baris + 1, len(isi) + 1):
            m = _JUDUL_POLOS.match(isi[no - 1])
            if m and len(m.group(1)) <= e.tingkat:
                break
            hasil.append((no, isi[no - 1]))
        return hasil


def baca_halaman(teks: str, halaman: str) -> tuple[list[Elemen], tuple[int, str]]:
    """Urai satu halaman: anchor judul dan anchor inline, dengan nomor baris."""
    elemen: list[Elemen] = []
    judul = (0, "")
    dalam_kode = False
    for no, baris in enumerate(teks.splitlines(), 1):
        if baris.lstrip().startswith(("```", "~~~")):
            dalam_kode = not dalam_kode
        if dalam_kode:
            continue
        m = _JUDUL.match(baris)
        if m:
            elemen.append(Elemen(jenis_anchor(m.group(3)), m.group(3), halaman, no,
                                 len(m.group(1)) + 2, m.group(2), True, len(m.group(1))))
            continue
        m = _JUDUL_POLOS.match(baris)
        if m and len(m.group(1)) == 1 and not judul[0]:
            judul = (no, m.group(2))
            continue
        m = _ANCHOR.match(baris)
        if m:
            indent = len(m.group(1).expandtabs(4)) // 4
            kolom = len(baris) - len(m.group(3)) + 1
            elemen.append(Elemen(jenis_anchor(m.group(2)), m.group(2), halaman, no, kolom,
                                 m.group(3), False, indent))
    return elemen, judul


def baca(docs_dir: Path | str = DOCS_BAWAAN, halaman: tuple[str, ...] = HALAMAN_NASKAH) -> Naskah:
    """Baca halaman-halaman naskah di ``docs_dir`` (yang tidak ada dilewati)."""
    docs = Path(docs_dir)
    semua: list[Elemen] = []
    isi: dict[str, list[str]] = {}
    judul: dict[str, tuple[int, str]] = {}
    for h in halaman:
        p = docs / h
        if not p.is_file():
            continue
        teks = p.read_text(encoding="utf-8")
        isi[h] = teks.splitlines()
        el, judul[h] = baca_halaman(teks, h)
        semua.extend(el)
    return Naskah(semua, isi, judul)


def anchors(docs_dir: Path | str = DOCS_BAWAAN) -> dict[str, str]:
    """Semua anchor di docs/peraturan/ → path halaman relatif terhadap docs/.

    Anchor ganda lintas halaman adalah kesalahan (tautan menjadi ambigu): ValueError.
    """
    docs = Path(docs_dir)
    halaman = sorted(
        p.relative_to(docs).as_posix() for p in (docs / "peraturan").glob("*.md")
    )
    hasil: dict[str, str] = {}
    for e in baca(docs, tuple(halaman)).elemen:
        if e.anchor in hasil and hasil[e.anchor] != e.halaman:
            raise ValueError(f"anchor {e.anchor} ada di {hasil[e.anchor]} dan {e.halaman}")
        hasil.setdefault(e.anchor, e.halaman)
    return hasil


@functools.lru_cache(maxsize=8)
def _anchors_tersimpan(docs_dir: str) -> dict[str, str]:
    return anchors(Path(docs_dir))


def tautan(anchor: str, dari: str, docs_dir: Path | str = DOCS_BAWAAN) -> str:
    """Tautan Markdown relatif dari halaman ``dari`` (relatif docs/) ke ``anchor`` di naskah.

    >>> tautan("pasal-9-ayat-2", "unit/diskominfo.md")
    '../peraturan/batang-tubuh.md#pasal-9-ayat-2'

    KeyError bila anchor tidak dikenal.
    """
    peta = _anchors_tersimpan(str(Path(docs_dir).resolve()))
    if anchor not in peta:
        raise KeyError(anchor)
    tujuan = peta[anchor]
    if tujuan == dari:
        return f"#{anchor}"
    rel = posixpath.relpath(tujuan, posixpath.dirname(dari) or ".")
    return f"{rel}#{anchor}"


#: nama bulan dalam naskah (Ditetapkan/Diundangkan "pada tanggal 27 September 2024")
BULAN: tuple[str, ...] = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
                          "Oktober", "November", "Desember")
_TANGGAL = re.compile(r"\b(\d{1,2}) (" + "|".join(BULAN) + r") (\d{4})\b", re.IGNORECASE)


def baca_tanggal(teks: str):
    """Tanggal pertama bertulisan Indonesia di ``teks`` ("27 September 2024") sebagai ``date``; None bila tidak ada."""
    from datetime import date

    m = _TANGGAL.search(teks)
    if not m:
        return None
    bulan = [b.lower() for b in BULAN].index(m[2].lower()) + 1
    return date(int(m[3]), bulan, int(m[1]))


def metadata(docs_dir: Path | str = DOCS_BAWAAN) -> dict:
    """Metadata peraturan menurut naskah Batang Tubuh: nomor, tahun, judul, tanggal ditetapkan dan
    diundangkan (penutup), ketentuan mulai berlaku (pasal yang memuat "mulai berlaku") dan Berita Daerah.

    Dipakai tes untuk mencocokkan ``peraturan`` di katalog (policy/data/katalog.yaml) dengan naskah.
    """
    h = HALAMAN_NASKAH[0]
    n = baca(docs_dir, (h,))
    baris = n.baris[h]
    hasil: dict = {}
    for i, b in enumerate(baris):
        m = re.fullmatch(r"NOMOR (\d+) TAHUN (\d{4})", polos(b))
        if m and "nomor" not in hasil:
            hasil["nomor"], hasil["tahun"] = int(m[1]), int(m[2])
        if polos(b) == "TENTANG" and "judul" not in hasil:
            hasil["judul"] = next(polos(x) for x in baris[i + 1:] if polos(x))

    def tanggal_sesudah(anchor: str):
        e = n.cari(anchor)
        if e is None:
            return None
        return next((t for t in (baca_tanggal(polos(x)) for x in baris[e.baris - 1:e.baris + 3]) if t), None)

    hasil["ditetapkan"] = tanggal_sesudah("penutup")
    hasil["diundangkan"] = tanggal_sesudah("pengundangan")
    hasil["berlaku_mulai"] = hasil["dasar_berlaku"] = None
    for e in n.jenis("pasal"):
        isi = " ".join(polos(t) for _, t in n.bagian_dari(e))
        m = re.search(r"mulai berlaku pada tanggal (diundangkan|ditetapkan|\d{1,2} \w+ \d{4})", isi)
        if m:
            hasil["dasar_berlaku"] = e.anchor
            hasil["berlaku_mulai"] = hasil.get(m[1]) if m[1] in ("diundangkan", "ditetapkan") else baca_tanggal(m[1])
    bd = n.cari("berita-daerah")
    m = re.search(r"TAHUN (\d{4}) NOMOR (\d+)", polos(bd.teks)) if bd else None
    hasil["berita_daerah"] = (int(m[1]), int(m[2])) if m else None
    return hasil
