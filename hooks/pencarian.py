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
import subprocess
import sys
import time

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


@event_priority(-200)  # paling akhir: setelah halaman dan indeks lain ditulis
def on_post_build(config):
    if luring():
        return
    site = config["site_dir"]
    mulai = time.perf_counter()
    perintah = [
        sys.executable, "-m", "pagefind", "--site", site, "--output-subdir", "pagefind",
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
    log.info("indeks Pagefind dibuat dalam %.1f s", time.perf_counter() - mulai)
