"""Karakter yang tidak tampil apa adanya: kontrol, pengarah dua arah (bidi), lebar nol.

Satu definisi untuk dua pemakai:

- keluaran terminal/CI (:func:`policy.keluaran.aman_terminal`) menampilkannya sebagai escape
  yang terlihat (``\\x1b``, ``\\u202e``), sehingga nilai dari berkas org tidak dapat menghapus
  layar, menimpa baris log CI, atau membalik urutan teks;
- aturan SK11 (:mod:`policy.rules.karakter`) menolaknya di setiap kolom teks berkas org.

Himpunannya: kategori Unicode Cc (kontrol C0/C1 dan DEL), Cf (format: bidi U+200E/U+200F,
U+202A–U+202E, U+2066–U+2069, U+061C; lebar nol U+200B–U+200D, U+2060, U+FEFF; tanda hubung
lunak U+00AD; karakter tag U+E0000–U+E007F), Zl/Zp (U+2028/U+2029, pemisah baris Unicode), Cs
(surrogate), ditambah beberapa karakter yang tampil kosong walau bukan kategori itu (pengisi
Hangul, pemilih variasi, U+034F).
"""
from __future__ import annotations

import re
import unicodedata

#: kelas karakter (isi ``[...]``; tes membandingkannya dengan basis data Unicode Python),
#: tanpa C0 (U+0000–U+001F): dipakai untuk JSON, yang sudah meng-escape C0 di dalam string dan
#: memakai ``\n``/spasi sebagai pemisah struktur di luar string
KELAS_TAK_TERLIHAT_NON_C0 = (
    "\x7f-\x9f\xad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\u3164\ud800-\udfff\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff"
)
KELAS_TAK_TERLIHAT = "\x00-\x1f" + KELAS_TAK_TERLIHAT_NON_C0
TAK_TERLIHAT = re.compile(f"[{KELAS_TAK_TERLIHAT}]")
TAK_TERLIHAT_NON_C0 = re.compile(f"[{KELAS_TAK_TERLIHAT_NON_C0}]")

#: pengarah dua arah (bidi): bisa membalik urutan tampilan teks di sekitarnya
BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: kontrol (Cc) dan pemisah baris Unicode: diganti spasi (bukan dibuang) saat menyarankan nilai
#: bersih, karena di tengah teks biasanya memisahkan kata ("Kepala\\rDinas" → "Kepala Dinas")
_SPASI = frozenset(map(chr, [*range(0x20), *range(0x7f, 0xa0), 0x2028, 0x2029]))
_ESCAPE_PENDEK = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: urutan escape ANSI (CSI ``ESC [ … huruf``, OSC ``ESC ] … BEL/ST``, dua karakter ``ESC x``)
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]?")
_SPASI_GANDA = re.compile(r" {2,}")


def escape(c: str) -> str:
    """Bentuk escape yang terlihat untuk satu karakter: ``\\n``, ``\\x1b``, ``\\u202e``, ``\\U000e0041``."""
    if c in _ESCAPE_PENDEK:
        return _ESCAPE_PENDEK[c]
    kode = ord(c)
    if kode < 0x100:
        return f"\\x{kode:02x}"
    if kode < 0x10000:
        return f"\\u{kode:04x}"
    return f"\\U{kode:08x}"


#: singkatan baku kontrol C0, DEL dan C1 (Unicode tidak memberi nama untuk kategori Cc)
_NAMA_KONTROL = dict(zip(
    map(chr, [*range(0x20), *range(0x7f, 0xa0)]),
    ("NUL SOH STX ETX EOT ENQ ACK BEL BS TAB LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US "
     "DEL PAD HOP BPH NBH IND NEL SSA ESA HTS HTJ VTS PLD PLU RI SS2 SS3 DCS PU1 PU2 STS CCH MW SPA EPA SOS SGCI SCI "
     "CSI ST OSC PM APC").split()))


def nama(c: str) -> str:
    """Label untuk pesan: ``U+202E RIGHT-TO-LEFT OVERRIDE``, ``U+001B ESC`` (nama Unicode atau singkatan kontrol)."""
    n = _NAMA_KONTROL.get(c) or unicodedata.name(c, "")
    return f"U+{ord(c):04X}" + (f" {n}" if n else "")


def bersihkan(s: str, buang: str = "") -> str:
    """Nilai bersih terdekat: urutan escape ANSI dibuang, karakter kontrol menjadi spasi,
    karakter tak terlihat lain (format/bidi/lebar nol, dan karakter di ``buang``) dibuang,
    spasi ganda diringkas."""
    s = _ANSI.sub("", s)
    s = "".join(" " if c in _SPASI else "" if (TAK_TERLIHAT.match(c) or c in buang) else c for c in s)
    return _SPASI_GANDA.sub(" ", s).strip()
