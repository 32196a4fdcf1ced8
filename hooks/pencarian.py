"""Lem tipis mkdocs: pencarian Pagefind (bahasa Indonesia) dan salinan luring tanpa permintaan keluar.

- Situs daring (bawaan): setelah build, Pagefind mengindeks ``site_dir`` (stemmer Snowball
  Indonesia, dipilih dari ``<html lang="id">``) ke ``site_dir/pagefind/``; antarmukanya dipasang
  oleh ``docs/assets/js/pencarian.js``. Pencarian bawaan Material (lunr, tanpa stemmer
  Indonesia) dimatikan lewat ``plugins.search.enabled``.
- Salinan luring (``SITUS_LURING=true``, lihat ``scripts/bangun_luring.sh``): plugin ``offline``
  Material aktif dan pencarian Material dipakai, karena Pagefind memerlukan server web (modul JS
  dan WebAssembly tidak dimuat dari ``file://``). Plugin ``offline`` menambahkan shim
  ``iframe-worker`` dari unpkg.com; hook ini menggantinya dengan salinan yang divendor.

Bukan logika kebijakan: tidak ada yang diimpor dari ``policy/``.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

log = get_plugin_logger(__name__)

#: shim Worker untuk file:// (npm iframe-worker 1.0.4, berkas shim/index.js), divendor
SHIM_IFRAME_WORKER = "assets/vendor/iframe-worker-1.0.4-shim.js"

#: bagian halaman Material yang bukan isi (diulang di setiap halaman) dan teks sumber Mermaid
#: (label diagram diulang di daftar langkah di bawahnya)
PAGEFIND_ABAIKAN = ", ".join([
    ".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-banner", ".md-dialog",
    ".md-skip", ".md-source-file", ".headerlink", ".md-content__button", "pre.mermaid",
    "div.mermaid", ".skd-cari",
])


#: bobot Pagefind untuk bagian templat (lihat ``tandai_templat``); 1.0 = bobot biasa
BOBOT_TEMPLAT = "0.2"
#: bagian (judul h2) dianggap templat bila id-nya muncul di sekian halaman atau lebih
TEMPLAT_MIN_HALAMAN = 5
TEMPLAT_MIN_PROPORSI = 0.2

_H2_ID = re.compile(r'<h2 id="([^"]+)"')
_ARTIKEL = re.compile(r'(<article\b[^>]*>)(.*?)(</article>)', re.S)


def tandai_templat(halaman: dict[str, str]) -> dict[str, str]:
    """Beri bobot rendah pada bagian halaman yang berulang dari templat.

    Halaman terbangkit (39 halaman unit, halaman mekanisme, indeks jabatan) memuat bagian yang
    sama di setiap halaman (mis. "Tanggung jawab", "Isi surat permohonan", "Aplikasi SPBE").
    Tanpa penanganan, salinan-salinan itu mengalahkan halaman Panduan/Perbup yang menjadi
    sumbernya. Bagian h2 yang id-nya muncul di banyak halaman dibungkus
    ``data-pagefind-weight`` rendah — tetap dapat ditemukan, tetapi kalah dari halaman sumber.
    Hanya salinan untuk pengindeksan yang diubah; HTML yang diterbitkan tidak.
    """
    hitung: dict[str, int] = {}
    for teks in halaman.values():
        m = _ARTIKEL.search(teks)
        for i in set(_H2_ID.findall(m.group(2) if m else "")):
            hitung[i] = hitung.get(i, 0) + 1
    batas = max(TEMPLAT_MIN_HALAMAN, TEMPLAT_MIN_PROPORSI * len(halaman))
    templat = {i for i, n in hitung.items() if n >= batas}
    hasil = {}
    for path, teks in halaman.items():
        m = _ARTIKEL.search(teks)
        ids = _H2_ID.findall(m.group(2)) if m else []
        # hanya halaman hasil templat (mayoritas bagiannya templat), bukan halaman yang
        # kebetulan memakai satu judul yang sama (mis. Panduan)
        if not ids or sum(i in templat for i in ids) * 2 < len(ids):
            hasil[path] = teks
            continue
        potong = re.split(r'(?=<h2 id=")', m.group(2))
        isi = []
        for bagian in potong:
            idm = _H2_ID.match(bagian)
            if idm and idm.group(1) in templat:
                isi.append(f'<div data-pagefind-weight="{BOBOT_TEMPLAT}">{bagian}</div>')
            else:
                isi.append(bagian)
        hasil[path] = teks[: m.start(2)] + "".join(isi) + teks[m.end(2):]
    return hasil


def luring() -> bool:
    """True bila membangun salinan luring (variabel lingkungan ``SITUS_LURING``)."""
    return os.environ.get("SITUS_LURING", "").strip().lower() in {"1", "true", "ya", "yes", "on"}


@event_priority(-50)  # setelah plugin offline menambahkan polyfill-nya
def on_config(config):
    polyfills = config.extra.get("polyfills") or []
    config.extra["polyfills"] = [
        SHIM_IFRAME_WORKER if "iframe-worker" in str(url) else url for url in polyfills
    ]
    return config


def indeks_pagefind(site: str) -> float:
    """Bangun indeks Pagefind untuk ``site`` ke ``site/pagefind/``; kembalikan detik.

    Juga dipakai tes pencarian (tests/browser) agar mengukur indeks yang sama persis.
    """
    mulai = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="pagefind-") as sementara:
        # Salinan HTML khusus pengindeksan (bagian templat berbobot rendah); URL sama.
        akar = Path(site)
        halaman = {
            p.relative_to(akar).as_posix(): p.read_text(encoding="utf-8")
            for p in akar.rglob("*.html")
            if p.relative_to(akar).parts[0] != "pagefind" and p.name != "404.html"
        }
        for rel, teks in tandai_templat(halaman).items():
            tujuan = Path(sementara, rel)
            tujuan.parent.mkdir(parents=True, exist_ok=True)
            tujuan.write_text(teks, encoding="utf-8")
        perintah = [
            sys.executable, "-m", "pagefind", "--site", sementara,
            "--output-path", os.path.join(site, "pagefind"),
            "--exclude-selectors", PAGEFIND_ABAIKAN, "--silent",
        ]
        try:
            hasil = subprocess.run(perintah, capture_output=True, text=True, check=False)
        except OSError as exc:  # pragma: no cover - lingkungan rusak
            raise PluginError(f"Pagefind tidak dapat dijalankan: {exc}") from exc
    if hasil.returncode != 0 or not os.path.isfile(os.path.join(site, "pagefind", "pagefind.js")):
        raise PluginError(
            "Pagefind gagal mengindeks situs (pasang dengan `pip install -e '.[site]'`, "
            f"paket PyPI pagefind[bin]):\n{hasil.stdout}\n{hasil.stderr}"
        )
    return time.perf_counter() - mulai


@event_priority(-200)  # paling akhir: setelah halaman dan indeks lain ditulis
def on_post_build(config):
    if luring():
        return
    detik = indeks_pagefind(config["site_dir"])
    log.info("indeks Pagefind dibuat dalam %.1f s", detik)
