"""Lem tipis mkdocs: validasi berkas org, halaman terbangkit, urutan navigasi.

Semua logika ada di ``policy/``; berkas ini hanya menerjemahkan ke API mkdocs.

* ``on_config``: ``extra.data_contoh`` (mkdocs.yml) → pengaturan ``policy.situs.konteks``.
* ``on_pre_build``: periksa ``orgs/`` (sama dengan ``python -m policy check``). Ada kesalahan →
  baris temuan dicetak ke stderr persis seperti ``check`` dan build berhenti (PluginError, tanpa
  traceback) *sebelum* direktori situs dibersihkan atau ditulis. Lalu semua halaman terbangkit
  disusun — juga sebelum menulis apa pun. Katalog atau berkas alur yang tidak sah dicetak sebagai
  baris ``berkas:baris:kolom`` dan build berhenti (PluginError).
* ``on_files``: halaman terbangkit ditambahkan sebagai berkas virtual (tidak ditulis ke docs/).
* ``on_nav``: urutan dan judul bagian menurut ``policy.situs.navigasi`` (tanpa ``nav:`` eksplisit).
* ``on_page_content``: daftar isi halaman unit terbangkit hanya sampai ``###`` (judul yang lebih
  dalam tidak diulang di daftar isi dan navigasi setiap halaman).
* ``on_nav`` juga memberi grup unit judul menurut unit yang ada (``Konteks.judul_grup``: "Kecamatan"
  selama belum ada berkas kelurahan).
* ``on_post_page``: spasi/indentasi templat di antara tag diringkas (di luar ``<pre>``,
  ``<textarea>``) agar ukuran halaman tidak didominasi spasi navigasi; tampilan tidak berubah.
* ``on_serve``: ``mkdocs serve`` ikut memantau ``orgs/``.
"""
from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from policy import keluaran
from policy.katalog import KatalogTidakSah
from policy.situs import halaman_terbangkit, md, navigasi
from policy.situs.konteks import atur, konteks

_HALAMAN: dict[str, str] = {}


def _root(config) -> Path:
    return Path(config["config_file_path"]).resolve().parent


def on_config(config):
    atur(data_contoh=bool(config.extra.get("data_contoh", False)))
    return config


def on_pre_build(config):
    root = _root(config)
    ctx = konteks(root)
    hasil = ctx.hasil
    if hasil.errors:
        sys.stderr.write(keluaran.teks(hasil.temuan))
        sys.stderr.flush()
        raise PluginError(f"Berkas org tidak sah: {hasil.errors} kesalahan, {hasil.warnings} peringatan "
                          f"({hasil.files} berkas diperiksa). Perbaiki baris di atas; periksa ulang dengan "
                          "`python -m policy check`. Situs tidak dibangun.")
    try:
        halaman = halaman_terbangkit(root)
    except KatalogTidakSah as e:  # katalog atau berkas alur (docs/peraturan/alur/) tidak sah
        sys.stderr.write("".join(keluaran.aman_terminal(b) + "\n" for b in e.pesan))
        sys.stderr.flush()
        raise PluginError(f"{getattr(e, 'judul', 'katalog tidak sah')}: perbaiki baris di atas. Situs tidak dibangun.") from None
    except KeyError as e:  # anchor naskah yang dirujuk tidak ada di docs/peraturan/
        raise PluginError(f"Halaman terbangkit merujuk bagian naskah yang tidak ada: {e}") from None
    _HALAMAN.clear()
    _HALAMAN.update(halaman)


def on_files(files, config):
    for path, isi in _HALAMAN.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"Halaman terbangkit {path} bentrok dengan berkas di docs/")
        files.append(File.generated(config, path, content=isi))
    return files


def _folder(item) -> str | None:
    """Path folder sebuah Section (dari halaman pertama di dalamnya)."""
    for anak in item.children or ():
        if isinstance(anak, Page):
            return "/".join(anak.file.src_uri.split("/")[:-1])
        if isinstance(anak, Section):
            f = _folder(anak)
            if f:
                return "/".join(f.split("/")[:-1])
    return None


def _nama(item, folder: str) -> str:
    if isinstance(item, Page):
        return item.file.src_uri.split("/")[-1]
    f = _folder(item) or ""
    return f.split("/")[-1]


def _judul(page: Page) -> str:
    """Judul *polos* (belum di-escape) untuk urutan/label navigasi: H1 halaman terbangkit, atau
    judul/nama berkas. Label yang dibentuk darinya harus di-escape (``md.html``)."""
    isi = _HALAMAN.get(page.file.src_uri)
    m = re.search(r"^# (.+?)\s*$", isi or "", re.M)
    if m:
        return html.unescape(re.sub(r"\\(.)", r"\1", m.group(1)))
    return page.title or page.file.name


def _atur(items: list, folder: str, induk: Section | None = None, judul: dict[str, str] | None = None) -> list:
    judul = navigasi.JUDUL_BAGIAN if judul is None else judul
    items = sorted(items, key=lambda it: navigasi.kunci_urut(folder, _nama(it, folder)))
    if folder.startswith("unit/"):
        # unit dalam satu grup: urut judul; grup besar dibagi per rentang abjad (URL tetap)
        kepala = [it for it in items if isinstance(it, Page) and it.file.name == "index"]
        unit = sorted((it for it in items if it not in kepala), key=lambda it: _judul(it).casefold()
                      if isinstance(it, Page) else "")
        bagian = navigasi.bagi([_judul(it) if isinstance(it, Page) else "" for it in unit])
        if bagian:
            # label "pertama – terakhir" dibentuk dari nama unit/jabatan (teks org, tak tepercaya);
            # Material mencetak judul navigasi tanpa escape → escape HTML di sini
            unit = [Section(md.html(label), unit[a:b]) for label, a, b in bagian]
            for sec in unit:
                sec.rentang_abjad = True
        items = kepala + unit
    for it in items:
        it.parent = induk
        if getattr(it, "rentang_abjad", False):
            for anak in it.children:
                anak.parent = it
        elif isinstance(it, Section):
            f = _folder(it) or folder
            if f in judul:
                it.title = judul[f]
            it.children = _atur(it.children, f, it, judul)
    return items


def on_nav(nav, config, files):
    nav.items = _atur(nav.items, "", judul=navigasi.judul_bagian(konteks(_root(config))))
    # urutan halaman (sebelumnya/berikutnya) mengikuti urutan navigasi yang baru
    pages: list[Page] = []

    def kumpul(items):
        for it in items:
            if isinstance(it, Page):
                pages.append(it)
            elif isinstance(it, Section):
                kumpul(it.children)

    kumpul(nav.items)
    for i, p in enumerate(pages):
        p.previous_page = pages[i - 1] if i > 0 else None
        p.next_page = pages[i + 1] if i + 1 < len(pages) else None
    nav.pages = pages
    return nav


#: kedalaman judul terdalam di daftar isi halaman unit terbangkit (h4 "Alur mekanisme kerja" tidak)
TOC_UNIT_MAKS = 3


def _pangkas_toc(items, maks: int) -> None:
    for it in items:
        if it.level >= maks:
            it.children = []
        else:
            _pangkas_toc(it.children, maks)


def on_page_content(html, page, config, files):
    uri = page.file.src_uri
    if uri.startswith("unit/") and uri in _HALAMAN and page.toc:
        _pangkas_toc(page.toc, TOC_UNIT_MAKS)
    return html


_BLOK_UTUH = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)", re.S | re.I)
_SPASI_BARIS = re.compile(r"\n\s+")


def ringkas_html(teks: str) -> str:
    """Baris kosong dan indentasi diringkas menjadi satu ``\\n`` di luar ``<pre>``/``<textarea>``.

    Aman untuk HTML (urutan spasi yang memuat baris baru tetap spasi) dan untuk skrip sebaris
    (baris baru dipertahankan); isi blok pra-format tidak disentuh. Tidak diganti minify-html
    (``scripts/bench_ringkas.py``, README § Kinerja): 4–7× lebih lambat, hanya 1 % lebih kecil setelah
    gzip, dan membuang kutip atribut yang dibaca regex ``hooks/pencarian.py``.
    """
    bagian = _BLOK_UTUH.split(teks)
    for i in range(0, len(bagian), 2):
        bagian[i] = _SPASI_BARIS.sub("\n", bagian[i])
    return "".join(bagian)


def on_post_page(output, page, config):
    return ringkas_html(output)


def on_serve(server, config, builder):
    orgs = _root(config) / "orgs"
    if orgs.is_dir():
        server.watch(str(orgs))
    return server
