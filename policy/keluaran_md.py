"""Escape teks tak tepercaya untuk Markdown GitHub (komentar PR, ringkasan job Actions).

Satu-satunya tempat escape untuk keluaran yang dirender GitHub (``python -m policy diff``).
Berbeda dengan :func:`policy.situs.md.teks` (Python-Markdown di situs): GitHub memakai
cmark-gfm (HTML mentah, tabel, coret ``~~``, autolink ``www.``/``https://``/surel) lalu
penyaring pasca-render yang bekerja pada *teks* hasil render — ``@mention``, ``#123``,
``GH-123``, ``:emoji:``. Penyaring itu tidak dapat dicegah dengan backslash maupun entitas
HTML (``&#64;`` didekode dulu menjadi ``@``; github/cmark-gfm#181, github/markup#1168),
hanya dengan karakter lebar-nol (U+200B) yang memutus polanya tanpa mengubah tampilan.
"""
from __future__ import annotations

import re
import unicodedata

#: U+200B ZERO WIDTH SPACE: memutus @mention, #123, :emoji:, skema URL dan ``www.``
ZWSP = "\u200b"

#: tanda baca ASCII yang bermakna di GFM sebaris: penekanan, kode, tautan/gambar, tabel, coret,
#: matematika ``$``, ``#`` (judul ATX) dan ``{}`` (makro Jinja bila laporan disalin ke situs).
#: ``&<>`` menjadi entitas. Pemanggil tidak pernah menaruh teks ini di awal baris.
_KHUSUS = re.compile(r"([\\`*_\[\]!|~$#{}])")
_ENTITAS = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
#: kontrol arah teks (Trojan Source) dan karakter lebar-nol bawaan dihapus agar tampilan jujur
_FORMAT_DIHAPUS = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_WWW = re.compile(r"(?i)\b(www)\.")
_GH_REF = re.compile(r"(?i)\b(gh)-(?=\d)")
_KODE_AMAN = re.compile(r"[A-Za-z0-9._/^~-]+( [A-Za-z0-9._/^~-]+)*")


def _satu_baris(s: str) -> str:
    """Karakter kontrol (baris baru, CR, ESC, NUL, C1) menjadi spasi; spasi beruntun diringkas;
    surrogate tunggal (mis. ``"\\ud800"`` di YAML) menjadi U+FFFD agar keluaran UTF-8 sah."""
    s = "".join(" " if (k := unicodedata.category(c)) == "Cc" or c in "\u2028\u2029"
                else "\ufffd" if k == "Cs" else c for c in s)
    return " ".join(_FORMAT_DIHAPUS.sub("", s).split())


def md_github(s: object) -> str:
    """Teks polos → satu baris Markdown GitHub yang tampil persis sebagai teks (juga di sel tabel).

    Tidak dapat menjadi HTML, tautan, gambar, mention, rujukan isu, emoji, judul, atau memecah
    tabel. Yang terlihat = teks asli dengan spasi diringkas (U+200B tidak tampak).
    """
    t = _satu_baris(str(s))
    # pola penyaring pasca-render diputus pada teks mentah, sebelum backslash ditambahkan
    t = t.replace("@", "@" + ZWSP).replace("#", "#" + ZWSP).replace(":", ":" + ZWSP)
    t = _WWW.sub(lambda m: m.group(1) + ZWSP + ".", t)
    t = _GH_REF.sub(lambda m: m.group(1) + "-" + ZWSP, t)
    t = _KHUSUS.sub(r"\\\1", t)
    return re.sub(r"[&<>]", lambda m: _ENTITAS[m.group(0)], t)


def kode(s: object) -> str:
    """Pengenal (id, path, revisi) sebagai span kode bila aman; selain itu teks ter-escape."""
    t = str(s)
    return f"`{t}`" if len(t) <= 200 and _KODE_AMAN.fullmatch(t) else md_github(t)
