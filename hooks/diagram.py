"""Lem tipis mkdocs: diagram Mermaid digambar saat build menjadi berkas SVG (``policy.diagram.svg``).

Blok ```` ```mermaid ```` (halaman unit, halaman mekanisme, Gambar 1–32 naskah) diubah oleh
*custom fence* pymdownx.superfences (``mkdocs.yml``) menjadi ``<figure>`` dengan ``<img>``. Di sini:

* ``on_pre_build``: daftar diagram build sebelumnya dikosongkan (``mkdocs serve``);
* ``on_files``: semua blok Mermaid halaman (termasuk halaman terbangkit) digambar lebih dulu di satu
  proses per CPU (``svg.gambar_lebih_dulu``); halaman lalu memakai hasilnya;
* ``on_page_content``: ``src`` sementara ``@skd-diagram/<hash>.svg`` → path relatif dari halaman
  ke ``assets/diagram/`` (benar untuk URL direktori dan salinan luring ``file://``); diagram pertama
  halaman tidak lazy dan berprioritas tinggi;
* ``on_post_build``: berkas SVG ditulis ke ``site/assets/diagram/`` beserta ``sumber.json``
  (hash → teks Mermaid; tidak dimuat halaman, dipakai tes untuk membandingkan dengan Mermaid asli).
"""
from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from policy.diagram import svg


def on_pre_build(config):
    svg.TERDAFTAR.clear()


def on_page_content(html, page, config, files):
    if svg.AWALAN_SRC not in html:
        return html
    folder = posixpath.dirname(page.file.dest_uri)
    rel = posixpath.relpath(svg.FOLDER, folder or ".") + "/"
    # diagram pertama halaman dimuat segera dan didahulukan (sebelum skrip Material): pada jaringan
    # 2 Mbit/s ia tergambar ≈ 0,4 s lebih cepat; diagram lain lazy (dimuat saat mendekati layar)
    html = html.replace('loading="lazy" decoding="async"', 'fetchpriority="high" decoding="async"', 1)
    return html.replace(svg.AWALAN_SRC, rel)


def on_post_build(config):
    tujuan = Path(config["site_dir"]) / svg.FOLDER
    tujuan.mkdir(parents=True, exist_ok=True)
    sumber = {}
    for nama, (isi, teks) in sorted(svg.TERDAFTAR.items()):
        (tujuan / nama).write_text(isi, encoding="utf-8")
        sumber[nama] = teks
    (tujuan / "sumber.json").write_text(json.dumps(sumber, ensure_ascii=False, indent=0, sort_keys=True),
                                        encoding="utf-8")


_BLOK = re.compile(r"^([ \t]*)```mermaid[^\n]*\n(.*?)^\1```[ \t]*$", re.M | re.S)


def blok_mermaid(markdown: str):
    """(cocokan, teks Mermaid persis seperti diterima fence) untuk setiap blok ```` ```mermaid ````."""
    for m in _BLOK.finditer(markdown):
        ind = len(m.group(1))
        yield m, "".join(b[ind:] for b in m.group(2).splitlines(True)).strip("\n") + "\n"


def on_files(files, config):
    """Gambar semua diagram halaman sekaligus di beberapa proses (build 1.000 unit: ribuan diagram)."""
    svg.gambar_lebih_dulu(teks for f in files.documentation_pages() for _, teks in blok_mermaid(f.content_string))
    return files


#: Halaman berdiagram di folder ini mendapat kolom isi lebar (tanpa daftar isi kanan).
FOLDER_LEBAR = ("unit/", "mekanisme/")


def on_page_markdown(markdown, page, config, files):
    """Gambar setiap diagram lebih dulu: teks Mermaid yang rusak menghentikan build dengan pesan
    yang menyebut halamannya (bukan traceback dari dalam Markdown). Halaman unit/mekanisme yang
    berdiagram ditandai ``skd_tata_letak: lebar`` (dibaca overrides/main.html) dan tanpa daftar isi
    kanan, agar kolom isi ≈ 990 px pada jendela 1280 px (sebelumnya 686 px)."""
    ada = False
    for m, teks in blok_mermaid(markdown):
        ada = True
        try:
            svg.render(teks)
        except svg.DiagramGagal as e:
            baris = markdown.count("\n", 0, m.start()) + 1
            raise PluginError(f"{page.file.src_uri}:{baris}: {e}. Periksa blok ```mermaid di baris itu.") from None
    if ada and page.file.src_uri.startswith(FOLDER_LEBAR):
        page.meta["skd_tata_letak"] = "lebar"
        sembunyi = list(page.meta.get("hide") or [])
        if "toc" not in sembunyi:
            page.meta["hide"] = [*sembunyi, "toc"]
    return markdown
