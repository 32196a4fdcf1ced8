"""Lapisan aman di atas mermaid-py: impor malas, ID aman, label ter-escape, urutan tetap.

Jaminan modul ini (dipakai semua diagram situs):

* mermaid-py diimpor malas, dan keluaran stdout/stderr saat impor (peringatan IPython)
  ditelan, agar stdout CLI tetap bersih. Perender jaringan mermaid-py (mermaid.ink) TIDAK
  pernah dipanggil: hanya kelas penyusun teks yang dipakai.
* ID simpul/partisipan dibuat oleh :class:`PembuatId`: huruf kecil ASCII, berawalan huruf,
  diberi nomor urut (unik, deterministik), tidak pernah sama dengan kata kunci Mermaid
  (``end``, ``graph``, ``subgraph`` ...), dan stabil terhadap ``text_to_snake_case`` mermaid-py.
* Teks bebas (nama jabatan, label) di-escape oleh :func:`teks`: setiap karakter selain huruf,
  angka, dan spasi menjadi kode entitas Mermaid ``#<kode>;`` (mis. ``"`` → ``#34;``), baris baru
  menjadi ``<br/>``, karakter kendali dibuang.
* ``classDef`` dikeluarkan sendiri dalam urutan tetap (mermaid-py menyimpannya dalam ``set``).
"""
from __future__ import annotations

import contextlib
import io
import re
import textwrap
import unicodedata
from functools import lru_cache
from types import SimpleNamespace

#: Satu-satunya penanda baris baru yang kita sisipkan sendiri ke label.
BR = "<br/>"


@lru_cache(maxsize=1)
def mermaid_py() -> SimpleNamespace:
    """Impor kelas mermaid-py yang dipakai, sekali, dengan stdout/stderr ditelan.

    Hanya kelas penyusun teks yang diambil; ``mermaid.Mermaid`` (perender mermaid.ink)
    sengaja tidak diekspor dari sini.
    """
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        from mermaid.flowchart import FlowChart, Link as FLink, Node  # noqa: PLC0415
        from mermaid.sequence import (  # noqa: PLC0415
            Alt,
            Link as SLink,
            Loop,
            Note,
            Optional,
            Participant,
            Rect,
            SequenceDiagram,
        )
    return SimpleNamespace(
        FlowChart=FlowChart,
        FLink=FLink,
        Node=Node,
        Alt=Alt,
        SLink=SLink,
        Loop=Loop,
        Note=Note,
        Optional=Optional,
        Participant=Participant,
        Rect=Rect,
        SequenceDiagram=SequenceDiagram,
    )


# ---------------------------------------------------------------------------
# Escape label
# ---------------------------------------------------------------------------

_BARIS_BARU = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]")


def _bersihkan(s: object) -> str:
    """Normalisasi NFC, baris baru seragam ``\\n``, karakter kendali lain → spasi."""
    t = unicodedata.normalize("NFC", str(s))
    t = _BARIS_BARU.sub("\n", t)
    return "".join(" " if (unicodedata.category(c) == "Cc" and c != "\n") else c for c in t)


#: WORD JOINER (tak tampak) disisipkan setelah ``#`` dan ``&`` teks: tanpa itu teks seperti
#: ``#f00;`` atau ``&quot;`` yang ditulis pengguna dapat diurai *lagi* sebagai entitas oleh perender
#: yang mengurai dua kali (merman, saat build), sehingga tampil berbeda dari Mermaid asli.
PENGHALANG = "\u2060"


def _escape_baris(baris: str) -> str:
    out: list[str] = []
    for c in baris:
        if c == " " or (c.isalnum() and unicodedata.category(c)[0] in "LN"):
            out.append(c)
        elif c in "#&":
            out.append(f"#{ord(c)};#{ord(PENGHALANG)};")
        else:
            out.append(f"#{ord(c)};")
    return "".join(out)


def teks(s: object, lebar: int | None = None) -> str:
    """Lihat :func:`_teks`; teks yang sama (nama jabatan, label langkah) di-escape sekali per proses."""
    if isinstance(s, str):
        return _teks_cache(s, lebar)
    return _teks(s, lebar)


# cache: build 1.000 unit 129.872 hit / 3.086 miss; tanpa cache fase halaman terbangkit 3,7 → 6,1 s CPU (+63 %)
@lru_cache(maxsize=65536)
def _teks_cache(s: str, lebar: int | None) -> str:
    return _teks(s, lebar)


def _teks(s: object, lebar: int | None = None) -> str:
    """Escape teks bebas menjadi label Mermaid yang aman di semua jenis diagram.

    Huruf/angka (termasuk Unicode) dan spasi dibiarkan; karakter lain menjadi ``#<kode>;``
    (entitas yang diuraikan Mermaid sebelum parsing, sehingga ``"``, ``;``, ``#``, ``:``,
    kurung, ``%%``, ``<br>`` dsb. tidak dapat mengubah struktur diagram). Baris baru dan —
    bila ``lebar`` diberikan — pembungkusan kata menjadi ``<br/>``.
    """
    t = _bersihkan(s)
    baris: list[str] = []
    for b in t.split("\n"):
        b = " ".join(b.split())
        if lebar and len(b) > lebar:
            # kata panjang (mis. "(berkala/sewaktu-waktu)") tetap utuh sampai 1,5× lebar; yang
            # lebih panjang lagi (teks sembarang) dipotong agar diagram tidak melebar tanpa batas
            for p in textwrap.wrap(b, lebar, break_long_words=False, break_on_hyphens=False):
                maks = int(lebar * 1.5)
                baris.extend(p[i:i + maks] for i in range(0, len(p), maks))
        elif b:
            baris.append(b)
    if not baris:
        return _escape_baris("-")
    return BR.join(_escape_baris(b) for b in baris)


# ---------------------------------------------------------------------------
# ID aman
# ---------------------------------------------------------------------------


class PembuatId:
    """Pembuat ID deterministik: ``<awalan><n>`` atau ``<awalan><n>_<slug>``.

    Nomor urut menjamin keunikan; awalan huruf + angka menjamin ID bukan kata kunci Mermaid
    dan tidak diawali ``o``/``x`` yang dapat dibaca sebagai kepala panah.
    """

    def __init__(self, awalan: str, slug: bool = True, maks: int = 24) -> None:
        if not re.fullmatch(r"[a-w]", awalan):
            raise ValueError("awalan ID harus satu huruf a–w")
        self.awalan = awalan
        self.slug = slug
        self.maks = maks
        self.n = 0

    def baru(self, dasar: str = "") -> str:
        self.n += 1
        id_ = f"{self.awalan}{self.n}"
        if self.slug:
            s = unicodedata.normalize("NFKD", str(dasar)).encode("ascii", "ignore").decode("ascii")
            s = re.sub(r"[^a-z0-9]+", "_", s.lower()).strip("_")[: self.maks].strip("_")
            if s:
                id_ = f"{id_}_{s}"
        return id_


# ---------------------------------------------------------------------------
# Penyelesaian teks mermaid-py
# ---------------------------------------------------------------------------


def tanpa_judul(script: str, judul: str) -> str:
    """Buang front matter ``---\\ntitle: …\\n---`` yang selalu ditambahkan mermaid-py."""
    awal = f"---\ntitle: {judul}\n---\n"
    if not script.startswith(awal):
        raise RuntimeError("format keluaran mermaid-py tidak dikenal (front matter judul)")
    return script[len(awal):]


def rapikan(script: str) -> str:
    """Indentasi tab mermaid-py → empat spasi; tanpa spasi di ujung baris; satu ``\\n`` akhir."""
    baris = [b.replace("\t", "    ").rstrip() for b in script.split("\n")]
    return "\n".join(b for b in baris if b.strip()) + "\n"
