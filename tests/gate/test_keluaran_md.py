"""Escape Markdown GitHub (``policy.keluaran_md``): diuji dengan cmark-gfm milik GitHub."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policy.keluaran_md import kode, md_github

from .gfm import Dokumen, pola_github, render, tampak

MUATAN = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "[klik](https://evil.example)",
    "![x](https://evil.example/a.png)",
    "@everyone @org/team",
    "#1",
    "| a | b |",
    "`",
    "``kode``",
    "**bold**",
    "_miring_ ~~coret~~ $x^2$",
    "baris\nbaru\rCR\x1b[31mESC\x00NUL\x85NEL\u2028LS",
    "<!-- -->",
    "<details><summary>buka</summary>isi</details>",
    "javascript:alert(1)",
    "https://evil.example",
    "<https://evil.example>",
    "www.evil.example",
    "WWW.evil.example/x",
    "surat@evil.example",
    "mailto:a@evil.example",
    "GH-12 org/repo#3",
    ":smile: :+1:",
    "&lt;b&gt; &amp; &#64;x",
    "\\",
    "\\|",
    "[x]: https://evil.example",
    "{{ config }} {% include 'x' %}",
    "# judul",
    "a\u202ekiri\u2066",
    "x\u200b@\u200by",
    "surrogate \ud800 tunggal",
]
#: tag yang boleh muncul saat teks ter-escape ditaruh di paragraf dan sel tabel
TAG_BOLEH = {"p", "table", "thead", "tbody", "tr", "th", "td"}


def _normal(s: str) -> str:
    """Teks yang diharapkan tampak: kontrol jadi spasi, kontrol arah/lebar-nol dibuang, spasi diringkas."""
    s = re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", " ", s)
    s = re.sub("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]", "", s)
    s = re.sub("[\ud800-\udfff]", "\ufffd", s)
    return " ".join(s.split())


def _periksa(s: str) -> None:
    e = md_github(s)
    assert "\n" not in e and "\r" not in e
    for md in (f"teks {e} teks", f"| kolom | lain |\n|---|---|\n| {e} | x |"):
        d = Dokumen(render(md))
        assert d.nama_tag <= TAG_BOLEH, (s, md, d.tag)
        assert not d.atribut, (s, d.tag)
        assert not d.teks_kode
        isi = "".join(d.teks)
        assert pola_github(isi) == [], (s, isi)
        if md.startswith("|"):  # sel tabel tetap satu: kolom kedua tetap "x"
            assert d.tag.count(("td", {})) == 2, (s, md)
            sel = re.findall(r"<td>(.*?)</td>", render(md), re.S)
            assert Dokumen(sel[1]).teks == ["x"]
            isi = "".join(Dokumen(sel[0]).teks)
            assert tampak(isi) == _normal(s)
        else:
            assert tampak(isi).strip() == f"teks {_normal(s)} teks"


@pytest.mark.parametrize("muatan", MUATAN)
def test_muatan_tampil_sebagai_teks(muatan):
    _periksa(muatan)


def test_mention_dan_url_diputus_tanpa_mengubah_tampilan():
    e = md_github("@everyone https://evil.example #1")
    assert "@everyone" not in e and "https://" not in e and "#1" not in e
    assert tampak(e).replace("\\", "") == "@everyone https://evil.example #1"


def test_entitas_bukan_backslash_untuk_html():
    # '<' tidak pernah mentah: entitas tetap aman bila penyaji lain tidak mengenal backslash escape
    assert "<" not in md_github("<img src=x>") and "&lt;img" in md_github("<img src=x>")


@pytest.mark.parametrize("s, harapan", [
    ("kabid-aptika", "`kabid-aptika`"),
    ("orgs/dinas-a.yaml", "`orgs/dinas-a.yaml`"),
    ("HEAD^1", "`HEAD^1`"),
    ("pohon kerja", "`pohon kerja`"),
])
def test_kode_untuk_pengenal_aman(s, harapan):
    assert kode(s) == harapan


@pytest.mark.parametrize("s", ["a`b", "orgs/<img src=x>.yaml", "x @everyone", " a", "a\nb", "x" * 201])
def test_kode_selain_pengenal_di_escape(s):
    assert not kode(s).startswith("`")
    assert kode(s) == md_github(s)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(list("<>&@#:|`*_[]()!~$\\{}-=+.www/ \n\r\tx1")),
                                  st.characters()), max_size=40))
def test_properti_teks_apa_pun_tampil_apa_adanya(s):
    _periksa(s)
