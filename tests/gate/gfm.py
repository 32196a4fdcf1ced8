"""Pembantu uji: render Markdown dengan cmark-gfm milik GitHub (``cmarkgfm``) dan baca hasilnya.

HTML mentah sengaja TIDAK disaring (``CMARK_OPT_UNSAFE``) agar setiap tag yang lolos dari escape
terlihat. Penyaring pasca-render GitHub (mention, rujukan isu, emoji) tidak ada di cmark-gfm;
polanya diperiksa langsung pada teks tampak oleh :func:`pola_github`.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import cmarkgfm
from cmarkgfm.cmark import Options

ZWSP = "\u200b"

#: pola yang dijadikan tautan/mention/emoji oleh GitHub pada simpul teks di luar <code>/<a>
POLA_GITHUB = {
    "mention": re.compile(r"@[A-Za-z0-9]"),
    "rujukan isu": re.compile(r"#\d|(?i:\bgh-\d)"),
    "emoji": re.compile(r":[\w+-]+:"),
    "url": re.compile(r"(?i)\b(https?|ftp)://|\b(mailto|xmpp|javascript):(?!\u200b)|\bwww\."),
    "surel": re.compile(r"[\w.+-]@[\w-]"),
}


def render(md: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(md, options=Options.CMARK_OPT_UNSAFE)


class Dokumen(HTMLParser):
    """Tag (dengan atribut) dan simpul teks HTML hasil render; teks di dalam <code> dipisah."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tag: list[tuple[str, dict]] = []
        self.teks: list[str] = []
        self.teks_kode: list[str] = []
        self._kode = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tag.append((tag, dict(attrs)))
        self._kode += tag == "code"

    def handle_endtag(self, tag):
        self._kode -= tag == "code"

    def handle_data(self, data):
        (self.teks_kode if self._kode else self.teks).append(data)

    def handle_comment(self, data):
        self.tag.append(("!--", {}))

    @property
    def nama_tag(self) -> set[str]:
        return {t for t, _ in self.tag}

    @property
    def atribut(self) -> set[str]:
        return {a for _, attrs in self.tag for a in attrs if a not in ("align",)}


def pola_github(teks: str) -> list[str]:
    """Nama pola GitHub yang cocok di teks tampak (kosong = aman)."""
    return [nama for nama, pola in POLA_GITHUB.items() if pola.search(teks)]


def tampak(teks: str) -> str:
    """Teks sebagaimana terlihat (U+200B tidak tampak)."""
    return teks.replace(ZWSP, "")
