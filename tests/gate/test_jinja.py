"""Keamanan build untuk PR Markdown: mkdocs-macros menjalankan Jinja tanpa sandbox, jadi sintaks
Jinja hanya boleh ada di halaman yang memintanya (front matter ``render_macros: true``) — baik
berkas di docs/ maupun halaman terbangkit dari berkas org."""
from __future__ import annotations

import re

import pytest
import yaml

from .gitrepo import ROOT

#: ``{{ … }}``, ``{% … %}`` dan komentar ``{# … #}``. ``{#jangkar}`` dari attr_list bukan Jinja.
JINJA = re.compile(r"\{\{|\{%|\{#(?:(?!\{#).)*?#\}", re.S)
#: area yang disunting non-pemrogram lewat editor web: tidak boleh memakai makro sama sekali
TANPA_MAKRO = ("docs/peraturan/", "docs/kontribusi/")


def _front_matter(teks: str) -> dict:
    m = re.match(r"---\s*\n(.*?)\n(?:---|\.\.\.)\s*\n", teks, re.S)
    if not m:
        return {}
    try:
        return yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError:
        return {}


def temuan_jinja(nama: str, teks: str) -> list[str]:
    if _front_matter(teks).get("render_macros") is True:
        return []
    return [f"{nama}:{teks.count(chr(10), 0, m.start()) + 1}: {m.group(0)[:20]!r}" for m in JINJA.finditer(teks)]


MD = sorted(p for p in (ROOT / "docs").rglob("*.md"))


def test_pola_mengenali_jinja_bukan_attr_list():
    assert temuan_jinja("x.md", "a {{ config }} b")
    assert temuan_jinja("x.md", "{% for x in y %}{% endfor %}")
    assert temuan_jinja("x.md", "{# komentar #}")
    assert not temuan_jinja("x.md", "## Pasal 1 {#pasal-1}\n\nteks {: .kelas}\n")
    assert not temuan_jinja("x.md", "---\nrender_macros: true\n---\n{{ x }}\n")
    assert temuan_jinja("x.md", "---\nrender_macros: false\n---\n{{ x }}\n")
    assert temuan_jinja("x.md", "---\ntitle: a\n---\nteks\n\n```\n{{ lookup('env') }}\n```\n")


@pytest.mark.parametrize("path", MD, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_tanpa_jinja_di_halaman_yang_tidak_memintanya(path):
    rel = path.relative_to(ROOT).as_posix()
    assert temuan_jinja(rel, path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", MD, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_area_non_pemrogram_tidak_memakai_makro(path):
    rel = path.relative_to(ROOT).as_posix()
    if rel.startswith(TANPA_MAKRO):
        assert _front_matter(path.read_text(encoding="utf-8")).get("render_macros") is not True, (
            f"{rel}: halaman di {TANPA_MAKRO} tidak boleh render_macros: true")


def test_halaman_terbangkit_tanpa_jinja():
    """Halaman dari berkas org (teks jabatan dsb.) tidak boleh membawa Jinja ke halaman ber-makro."""
    from policy.situs import halaman_terbangkit

    masalah = []
    for path, isi in halaman_terbangkit(ROOT).items():
        masalah += temuan_jinja(path, isi)
    assert masalah == []
