"""Alat bersama tes peramban (dipakai conftest.py dan modul tes ``test_peramban_*``)."""
from __future__ import annotations

import functools
import http.server
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTEFAK = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}


def jalankan_build(perintah: list[str], env_tambahan: dict[str, str] | None = None) -> float:
    """Jalankan perintah build; gagalkan tes dengan keluarannya bila gagal. Kembalikan detik."""
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"} | (env_tambahan or {})
    mulai = time.perf_counter()
    hasil = subprocess.run(perintah, cwd=ROOT, env=env, capture_output=True, text=True)
    if hasil.returncode != 0:
        pytest.fail(
            f"build situs gagal ({' '.join(perintah)}):\n{hasil.stdout[-4000:]}\n{hasil.stderr[-4000:]}",
            pytrace=False,
        )
    detik = round(time.perf_counter() - mulai, 2)
    catat_ukuran("build_detik", {" ".join(perintah[-4:]): detik})
    return detik


def catat_ukuran(kunci: str, nilai: dict) -> None:
    """Tambahkan hasil ukur ke test-artifacts/ukuran.json (untuk catatan; bukan asersi)."""
    ARTEFAK.mkdir(exist_ok=True)
    berkas = ARTEFAK / "ukuran.json"
    data = json.loads(berkas.read_text()) if berkas.exists() else {}
    data.setdefault(kunci, {}).update(nilai)
    berkas.write_text(json.dumps(data, indent=2, ensure_ascii=False))


class _Diam(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@dataclass
class Server:
    akar: Path
    url: str
    _httpd: http.server.ThreadingHTTPServer

    def tutup(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def sajikan(akar: Path) -> Server:
    """Sajikan ``akar`` di 127.0.0.1 pada port bebas (thread http.server)."""
    handler = functools.partial(_Diam, directory=str(akar))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return Server(akar, f"http://127.0.0.1:{httpd.server_address[1]}/", httpd)


def lokal(url: str) -> bool:
    bagian = urlsplit(url)
    if bagian.scheme in ("file", "data", "blob", "about", "chrome-error"):
        return True
    return bagian.scheme in ("http", "https", "ws") and bagian.hostname == "127.0.0.1"


def tunggu_diagram_selesai(page, batas_ms: int = 20000, buka_blok: bool = False) -> None:
    """Muat semua diagram (``<img>`` SVG yang digambar saat build; bawaannya lazy) dan tunggu
    sampai setiap gambar selesai dimuat dan bertinggi. ``buka_blok``: blok tertutup (``<details>``
    alur kerja "Diagram | Langkah") yang memuat diagram dibuka, seperti pembaca membukanya."""
    if buka_blok:
        page.evaluate("() => document.querySelectorAll('figure.skd-diagram').forEach(f => { "
                      "for (let d = f.closest('details'); d; d = d.parentElement.closest('details')) d.open = true; })")
    page.evaluate("() => document.querySelectorAll('figure.skd-diagram img').forEach(i => { i.loading = 'eager'; })")
    try:
        page.wait_for_function(
            "() => [...document.querySelectorAll('figure.skd-diagram img')].every(i => i.complete && i.naturalWidth > 0)",
            timeout=batas_ms)
    except Exception:
        rusak = page.eval_on_selector_all(
            "figure.skd-diagram img", "els => els.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)")
        pytest.fail(f"{page.url}: {len(rusak)} diagram SVG tidak termuat: {rusak[:5]}", pytrace=False)


@dataclass
class Pemantau:
    """Satu tab peramban yang mencatat permintaan keluar, galat konsol, dan byte yang dimuat."""

    page: object
    context: object
    keluar: list[str] = field(default_factory=list)
    galat: list[str] = field(default_factory=list)
    respons: list[tuple[str, str, int]] = field(default_factory=list)  # (url, jenis, byte)

    def buka(self, url: str, tunggu_diagram: bool = True, buka_blok: bool = False) -> None:
        resp = self.page.goto(url, wait_until="load")
        if resp is not None and url.startswith("http"):
            assert resp.ok, f"{url}: HTTP {resp.status}"
        if tunggu_diagram:
            tunggu_diagram_selesai(self.page, buka_blok=buka_blok)

    def screenshot(self, nama: str, **kw) -> Path:
        ARTEFAK.mkdir(exist_ok=True)
        path = ARTEFAK / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', nama)}.png"
        self.page.screenshot(path=str(path), **kw)
        return path

    def bersih(self) -> None:
        """Asersi bersama: tanpa permintaan keluar dan tanpa galat konsol."""
        assert self.keluar == [], f"permintaan ke luar 127.0.0.1: {self.keluar}"
        assert self.galat == [], f"galat konsol: {self.galat}"


def _unit_per_mekanisme() -> dict[str, str]:
    """Satu unit (id berkas org) per mekanisme, dari ``python -m policy check orgs --format json``."""
    hasil = subprocess.run(
        [sys.executable, "-m", "policy", "check", "orgs", "--format", "json"],
        cwd=ROOT, capture_output=True, text=True)
    data = json.loads(hasil.stdout)
    per = defaultdict(set)
    for k in data["kelompok"]:
        per[k["mekanisme"]].add(Path(k["file"]).stem)
    return {m: sorted(u)[0] for m, u in sorted(per.items())}


UNIT_PER_MEKANISME = _unit_per_mekanisme()
