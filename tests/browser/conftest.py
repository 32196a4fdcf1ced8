"""Perlengkapan tes peramban: situs dibangun sekali per sesi ke direktori sementara, disajikan di
127.0.0.1, dan dibuka dengan chromium Debian lewat Playwright.

Setiap permintaan yang bukan ke 127.0.0.1 (atau file://, data:, blob:) dicatat lalu digagalkan,
sehingga tes membuktikan situs tidak pernah mencoba internet (intranet Pemkab tanpa internet).

Tes ini tidak pernah dilewati diam-diam: bila Playwright atau chromium tidak ada, tes GAGAL
dengan pesan cara memasangnya.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from alat_peramban import (
    ARTEFAK, CHROMIUM, CHROMIUM_ARGS, VIEWPORT, Pemantau, jalankan_build, lokal, sajikan,
)


@pytest.fixture(scope="session", autouse=True)
def _bersihkan_ukuran():
    berkas = ARTEFAK / "ukuran.json"
    if berkas.exists():
        berkas.unlink()
    yield


@pytest.fixture(scope="session")
def situs(tmp_path_factory) -> Path:
    """Situs daring (Pagefind) yang dibangun dari checkout ini, sekali per sesi."""
    tujuan = tmp_path_factory.mktemp("situs") / "site"
    jalankan_build([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tujuan)])
    return tujuan


@pytest.fixture(scope="session")
def situs_luring(tmp_path_factory) -> Path:
    """Salinan luring (plugin offline, tanpa URL direktori) lewat skrip yang didokumentasikan."""
    tujuan = tmp_path_factory.mktemp("luring") / "situs-luring"
    jalankan_build(["bash", "scripts/bangun_luring.sh", str(tujuan)], {"PYTHON": sys.executable})
    return tujuan


@pytest.fixture(scope="session")
def server(situs):
    srv = sajikan(situs)
    yield srv
    srv.tutup()


@pytest.fixture(scope="session")
def peramban():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(
            "Playwright tidak terpasang: jalankan `bash scripts/siapkan.sh` "
            "(atau `.venv/bin/pip install -e '.[test]'`).", pytrace=False)
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"chromium tidak ditemukan di {CHROMIUM}: pasang paket Debian `chromium` "
            "(`apt-get install -y chromium`; `.ci/run` memasangnya) atau set CHROMIUM_PATH.",
            pytrace=False)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def tab(peramban):
    """Tab baru 1280×900; permintaan non-lokal dicatat lalu digagalkan."""
    context = peramban.new_context(viewport=VIEWPORT, service_workers="block")
    page = context.new_page()
    pemantau = Pemantau(page, context)

    def rute(route):
        url = route.request.url
        if lokal(url):
            route.continue_()
        else:
            pemantau.keluar.append(url)
            route.abort()

    context.route("**/*", rute)
    page.on("console", lambda m: pemantau.galat.append(f"console.{m.type}: {m.text}")
            if m.type == "error" else None)
    page.on("pageerror", lambda e: pemantau.galat.append(f"pageerror: {e}"))

    def selesai(resp):
        try:
            ukuran = len(resp.body())
        except Exception:
            ukuran = 0
        pemantau.respons.append((resp.url, resp.request.resource_type, ukuran))

    page.on("response", selesai)
    yield pemantau
    context.close()
