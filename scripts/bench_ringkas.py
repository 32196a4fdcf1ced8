#!/usr/bin/env python3
"""Tolok ukur peringkas HTML (issue 12): ``ringkas_html`` (regex, hooks/situs.py) vs minify-html.

Situs (sampel ``orgs/``, atau ``--unit N`` unit sintetis dari scripts/gen_org.py) dibangun sekali di
proses ini; HTML setiap halaman direkam tepat sebelum ``on_post_page`` hooks/situs.py. Lalu kedua
fungsi dijalankan atas masukan yang sama, bergantian, ``--ulang`` kali (jumlah semua halaman per
putaran; min dan median), dan dicetak: rasio waktu, byte dan byte gzip keluaran, serta apakah ``id``,
atribut ``data-pagefind-*``, isi ``<pre>`` dan jumlah ``<svg>`` tetap, dan berapa atribut ``id="…"``
tetap berkutip (hooks/pencarian.py membaca HTML jadi dengan regex ``<h2 id="…"``).

Pemakaian: ``pip install minify-html`` (hanya untuk tolok ukur ini, bukan dependensi), lalu
``python scripts/bench_ringkas.py [--unit 300] [--ulang 7]``
"""
from __future__ import annotations

import argparse
import gc
import gzip
import os
import statistics
import sys
import tempfile
import time
from html.parser import HTMLParser
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

#: opsi minify-html paling hati-hati: tag penutup dan <html>/<head> dipertahankan, JS/CSS tidak disentuh
OPSI_MINIFY = {"keep_closing_tags": True, "keep_html_and_head_opening_tags": True}
ID_BERKUTIP = ' id="'


def rekam(root: Path, site: Path) -> tuple[list[str], object]:
    """Bangun ``root`` ke ``site``; kembalikan HTML mentah setiap halaman dan ``ringkas_html``."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    os.chdir(root)
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    acara = config.plugins.events["post_page"]
    i = next(i for i, f in enumerate(acara) if f.__name__ == "on_post_page"
             and f.__globals__.get("__file__", "").endswith(os.path.join("hooks", "situs.py")))
    asli, halaman = acara[i], []

    def perekam(output, **kw):
        halaman.append(output)
        return asli(output, **kw)

    acara[i] = perekam
    build(config)
    return halaman, asli.__globals__["ringkas_html"]


class _Isi(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.id, self.pagefind, self.pre, self.svg, self._pre = [], [], [], 0, 0

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k == "id":
                self.id.append(v)
            elif k.startswith("data-pagefind"):
                self.pagefind.append((tag, k, v))
        self.svg += tag == "svg"
        if tag == "pre":
            self._pre += 1
            self.pre.append("")

    def handle_endtag(self, tag):
        self._pre -= tag == "pre" and self._pre > 0

    def handle_data(self, data):
        if self._pre:
            self.pre[-1] += data


def isi(teks: str) -> tuple:
    p = _Isi()
    p.feed(teks)
    p.close()
    return p.id, p.pagefind, p.pre, p.svg


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--unit", type=int, default=0, help="jumlah unit sintetis (bawaan: sampel orgs/)")
    ap.add_argument("--ulang", type=int, default=7)
    a = ap.parse_args(argv)
    try:
        import minify_html
    except ImportError:
        print("minify-html belum terpasang: pip install minify-html", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        root = ROOT
        if a.unit:
            import bench
            import gen_org
            gen_org.tulis(gen_org.buat_pemda(a.unit), Path(tmp) / "orgs")
            root = bench.proyek_sintetis(Path(tmp) / "orgs", Path(tmp), a.unit)
        halaman, ringkas_html = rekam(root, Path(tmp) / "site")
    fungsi = {"ringkas_html (regex)": ringkas_html,
              f"minify-html {version('minify-html')}": lambda t: minify_html.minify(t, **OPSI_MINIFY)}
    waktu: dict[str, list[float]] = {k: [] for k in fungsi}
    for _ in range(a.ulang):
        for k, f in fungsi.items():
            gc.collect()
            t = time.perf_counter()
            for h in halaman:
                f(h)
            waktu[k].append(time.perf_counter() - t)
    mentah = [h.encode() for h in halaman]
    print(f"{len(halaman)} halaman, mentah {sum(map(len, mentah)):,} B "
          f"(gzip {sum(len(gzip.compress(h, 9, mtime=0)) for h in mentah):,} B), {a.ulang} putaran")
    dasar = statistics.median(waktu["ringkas_html (regex)"])
    acuan = [isi(ringkas_html(h)) for h in halaman]
    for k, f in fungsi.items():
        keluar = [f(h) for h in halaman]
        b = [x.encode() for x in keluar]
        berbeda = sum(isi(x) != y for x, y in zip(keluar, acuan))
        print(f"{k:22s} min {min(waktu[k]) * 1000:7.1f} ms  median {statistics.median(waktu[k]) * 1000:7.1f} ms  "
              f"{statistics.median(waktu[k]) / dasar:4.2f}×  {sum(map(len, b)):,} B  "
              f"gzip {sum(len(gzip.compress(x, 9, mtime=0)) for x in b):,} B  "
              f"isi berbeda di {berbeda} halaman  id berkutip {sum(x.count(ID_BERKUTIP) for x in keluar):,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
