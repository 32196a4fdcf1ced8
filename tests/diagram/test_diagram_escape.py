"""Sifat escape label: hanya token aman, dan isi teks tidak hilang."""
from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from policy.diagram._mermaid import BR, PENGHALANG, PembuatId, teks

AMAN = re.compile(r"(?:[^\W_]|[ ]|#\d+;|<br/>)*")


def _urai_balik(s: str) -> str:
    """Urai entitas seperti Mermaid; penghalang tak tampak setelah # dan & dibuang."""
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), s.replace(BR, "\n")).replace(PENGHALANG, "")


def _inti(s: str) -> str:
    s = unicodedata.normalize("NFC", s)
    return "".join(c for c in s if not c.isspace() and unicodedata.category(c) != "Cc")


@settings(max_examples=300, deadline=None)
@given(st.text(), st.one_of(st.none(), st.integers(min_value=5, max_value=60)))
def test_teks_hanya_token_aman_dan_isi_utuh(s, lebar):
    hasil = teks(s, lebar)
    assert AMAN.fullmatch(hasil), hasil
    sisa = re.sub(r"#\d+;", "", hasil).replace(BR, "")
    assert all(c == " " or c.isalnum() for c in sisa), sisa
    if _inti(s):
        assert _inti(_urai_balik(hasil)) == _inti(s)


def test_contoh_escape():
    assert teks('a "b"') == "a #34;b#34;"
    assert teks("x;y#z") == "x#59;y#35;#8288;z"  # penghalang setelah #: tidak diurai ulang sebagai entitas
    assert teks("&quot;") == "#38;#8288;quot#59;"
    assert teks("Baris\nDua") == "Baris" + BR + "Dua"
    assert teks("Ünï 日本") == "Ünï 日本"
    assert teks("") == teks("   ") == "#45;"


def test_pembuat_id_unik_deterministik_dan_bukan_kata_kunci():
    a, b = PembuatId("n"), PembuatId("n")
    ids_a = [a.baru(x) for x in ["end", "end", "", "Ünï 日本", "a-b c", "x" * 80]]
    ids_b = [b.baru(x) for x in ["end", "end", "", "Ünï 日本", "a-b c", "x" * 80]]
    assert ids_a == ids_b and len(set(ids_a)) == len(ids_a)
    assert all(re.fullmatch(r"n\d+(_[a-z0-9_]+)?", i) for i in ids_a)
    assert ids_a[0] == "n1_end" and ids_a[2] == "n3"
