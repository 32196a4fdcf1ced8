"""hooks/diagram.py: diagram rusak menghentikan build dengan pesan halaman:baris (tanpa traceback),
src sementara menjadi path relatif yang benar untuk URL direktori dan salinan luring, halaman unit
berdiagram mendapat tata letak lebar (issue 11)."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from policy.diagram import diagram_mekanisme, svg

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("hook_diagram", ROOT / "hooks" / "diagram.py")
hook = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hook)


def _page(src: str, dest: str, meta=None):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src, dest_uri=dest), meta=dict(meta or {}))


def test_diagram_rusak_pesan_halaman_dan_baris():
    md = "# Judul\n\nTeks.\n\n```mermaid\nsequenceDiagram\n    rect\n```\n"
    with pytest.raises(PluginError, match=r"^panduan/x\.md:5: diagram Mermaid tidak dapat digambar"):
        hook.on_page_markdown(md, _page("panduan/x.md", "panduan/x/index.html"), {}, None)


def test_diagram_dalam_blok_berindentasi_juga_diperiksa():
    md = '=== "Diagram"\n\n    ```mermaid\n    sequenceDiagram\n        rect\n    ```\n'
    with pytest.raises(PluginError, match=r":3: "):
        hook.on_page_markdown(md, _page("unit/a/b.md", "unit/a/b/index.html"), {}, None)


def test_halaman_unit_berdiagram_lebar_tanpa_daftar_isi():
    md = "```mermaid\n" + diagram_mekanisme("M1", {}) + "```\n"
    p = _page("unit/dinas/x.md", "unit/dinas/x/index.html", {"hide": ["navigation"]})
    hook.on_page_markdown(md, p, {}, None)
    assert p.meta["skd_tata_letak"] == "lebar" and p.meta["hide"] == ["navigation", "toc"]
    q = _page("peraturan/lampiran-d.md", "peraturan/lampiran-d/index.html")
    hook.on_page_markdown(md, q, {}, None)
    assert "skd_tata_letak" not in q.meta and "hide" not in q.meta  # naskah Perbup tetap berdaftar isi


@pytest.mark.parametrize("dest, awal", [
    ("unit/dinas/x/index.html", "../../../assets/diagram/"),  # URL direktori
    ("unit/dinas/x.html", "../../assets/diagram/"),  # salinan luring (file://)
    ("index.html", "assets/diagram/"),
])
def test_src_relatif_dan_diagram_pertama_didahulukan(dest, awal):
    teks = diagram_mekanisme("M2", {})
    blok = svg.blok_html(teks) + svg.blok_html(diagram_mekanisme("M3", {}))
    html = hook.on_page_content(blok, _page("x.md", dest), {}, None)
    assert svg.AWALAN_SRC not in html
    assert html.count(f'src="{awal}') == 2
    assert html.count('fetchpriority="high"') == 1 and html.count('loading="lazy"') == 1
    assert html.index('fetchpriority="high"') < html.index('loading="lazy"')


def test_gambar_lebih_dulu_di_proses_pekerja_sama_dengan_berurutan(monkeypatch):
    """Diagram digambar paralel di proses ``python -m policy.diagram.svg`` hasilnya sama persis dengan
    menggambar berurutan; teks rusak dilewati pekerja dan tetap dilaporkan halaman (pesan halaman:baris)."""
    monkeypatch.setattr(svg, "_cpu", lambda: 2)
    monkeypatch.setattr(svg, "_SIAP", {})
    monkeypatch.setattr(svg, "_DIGAMBAR", set())
    daftar = [diagram_mekanisme("M1", {"ppk": f"Kepala Dinas Uji {i}"}) for i in range(svg.MIN_PARALEL)]
    rusak = "sequenceDiagram\n    rect\n"
    n = svg.gambar_lebih_dulu([*daftar, daftar[0], rusak])
    assert n == len(daftar) and rusak not in svg._SIAP
    for s in daftar:
        assert svg._SIAP[s] == svg._gambar(s)
    # terlalu sedikit diagram baru, atau satu CPU: tidak ada proses pekerja
    monkeypatch.setattr(svg, "_SIAP", {})
    assert svg.gambar_lebih_dulu(daftar[:3]) == 0
    monkeypatch.setattr(svg, "_cpu", lambda: 1)
    assert svg.gambar_lebih_dulu(daftar) == 0 and svg._SIAP == {}


def test_on_files_menggambar_blok_halaman_terbangkit(monkeypatch):
    terima = []
    monkeypatch.setattr(svg, "gambar_lebih_dulu", lambda d: terima.extend(d) or 0)
    halaman = [SimpleNamespace(content_string='# A\n\n=== "Diagram"\n\n    ```mermaid\n    graph LR\n        a --> b\n    ```\n')]
    hook.on_files(SimpleNamespace(documentation_pages=lambda: halaman), {})
    assert terima == ["graph LR\n    a --> b\n"]
