"""Format keluaran temuan: text, github (anotasi workflow), json. Keluaran stabil byte demi byte.

Teks dari berkas org (dan nama berkas) tidak tepercaya. Satu tempat per jenis keluaran:

- terminal/log CI (``text``, ringkasan stderr, ``explain``): :func:`aman_terminal` menampilkan
  karakter kontrol, bidi dan lebar nol sebagai escape yang terlihat (``\\x1b``, ``\\u202e``);
- ``github``: pengodean workflow command (``%``, CR/LF, ``:``/``,`` di properti) lalu :func:`aman_terminal`;
- ``json``: data tetap utuh, tetapi karakter yang sama ditulis sebagai escape JSON ``\\uXXXX``
  (``json.dumps`` sendiri hanya meng-escape C0, sehingga C1 seperti U+009B — CSI 8-bit — dan
  U+202E akan sampai mentah ke terminal yang menampilkan JSON). ``json.loads`` menghasilkan
  string yang sama persis.
"""
from __future__ import annotations

import json
from typing import Iterable

from .karakter import TAK_TERLIHAT, TAK_TERLIHAT_NON_C0, escape
from .temuan import Temuan

_GH_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def aman_terminal(s: str) -> str:
    """Tampilkan kontrol C0/C1 (termasuk ``\\n``, ``\\t``, ESC, NUL), DEL, bidi dan karakter lebar nol
    sebagai escape terlihat; teks lain tidak berubah. Untuk satu *baris* keluaran: pemanggil
    menggabungkan baris dengan ``\\n`` sendiri."""
    if TAK_TERLIHAT.search(s) is None:  # jalur cepat: hampir semua teks
        return s
    return TAK_TERLIHAT.sub(lambda m: escape(m.group()), s)


def gh_data(s: str) -> str:
    # CR/LF memakai pengodean workflow command GitHub sendiri (%0D/%0A, satu baris log); kontrol
    # lain, bidi dan lebar nol lewat aman_terminal agar log CI mentah pun tidak memuat ESC
    return aman_terminal(s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def gh_prop(s: str) -> str:
    return gh_data(s).replace(":", "%3A").replace(",", "%2C")


def baris_teks(t: Temuan) -> str:
    saran = f" (saran: {aman_terminal(t.hint)})" if t.hint else ""
    basis = f" [{aman_terminal(t.basis)}]" if t.basis else ""
    return (f"{aman_terminal(t.file)}:{t.line}:{t.col}: {aman_terminal(t.severity)} {aman_terminal(t.rule)} "
            f"{aman_terminal(t.message)}{saran}{basis}")


def baris_github(t: Temuan) -> str:
    pesan = t.message + (f" — saran: {t.hint}" if t.hint else "") + (f" [{t.basis}]" if t.basis else "")
    return (f"::{_GH_LEVEL[t.severity]} file={gh_prop(t.file)},line={t.line},col={t.col},"
            f"title={gh_prop(t.rule)}::{gh_data(pesan)}")


def teks(temuan: Iterable[Temuan]) -> str:
    return "".join(baris_teks(t) + "\n" for t in temuan)


def github(temuan: Iterable[Temuan]) -> str:
    return "".join(baris_github(t) + "\n" for t in temuan)


def _json_escape(m) -> str:
    kode = ord(m.group())
    if kode < 0x10000:
        return f"\\u{kode:04x}"
    kode -= 0x10000  # di luar BMP: pasangan surrogate, sebagaimana JSON (RFC 8259 §7)
    return f"\\u{0xD800 + (kode >> 10):04x}\\u{0xDC00 + (kode & 0x3FF):04x}"


def as_json(data: dict) -> str:
    teks_json = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)
    # C0 sudah di-escape json.dumps; yang tersisa (C1, DEL, bidi, lebar nol) hanya bisa ada di
    # dalam string JSON, dan di sana \uXXXX bermakna sama
    return TAK_TERLIHAT_NON_C0.sub(_json_escape, teks_json) + "\n"
