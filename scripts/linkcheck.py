#!/usr/bin/env python3
"""Periksa tautan internal situs yang sudah dibangun (hasil ``mkdocs build``).

Setiap ``href``/``src`` relatif (atau absolut dengan awalan situs) pada setiap berkas HTML harus
menunjuk berkas yang ada, dan setiap ``#jangkar`` harus ada sebagai ``id``/``name`` di halaman
tujuan. Tautan ke luar (``https://…``, ``mailto:`` …) tidak diperiksa: situs harus berjalan
luring, jadi yang penting adalah tautan di dalam situs.

Pemakaian: ``python scripts/linkcheck.py [SITE_DIR] [--awalan /jalur/situs/]``
Kode keluar: 0 semua tautan baik, 1 ada tautan putus, 2 salah pemakaian.
"""
from __future__ import annotations

import argparse
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

#: atribut yang berisi URL, per tag
ATRIBUT_URL = {"a": ("href",), "link": ("href",), "img": ("src",), "script": ("src",),
               "source": ("src",), "iframe": ("src",), "area": ("href",)}


class _Pengurai(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.jangkar: set[str] = set()
        self.tautan: list[tuple[str, int]] = []

    def handle_starttag(self, tag, attrs):
        d = dict(attrs)
        if d.get("id"):
            self.jangkar.add(d["id"])
        if tag == "a" and d.get("name"):
            self.jangkar.add(d["name"])
        for nama in ATRIBUT_URL.get(tag, ()):
            nilai = d.get(nama)
            if nilai is not None:
                self.tautan.append((nilai, self.getpos()[0]))

    handle_startendtag = handle_starttag


def _urai(path: Path) -> _Pengurai:
    p = _Pengurai()
    p.feed(path.read_text(encoding="utf-8", errors="replace"))
    p.close()
    return p


def _berkas_tujuan(site: Path, halaman: Path, path_url: str, awalan: str) -> Path | None:
    """Berkas di ``site`` untuk path URL (relatif terhadap halaman, atau absolut dengan awalan)."""
    if path_url.startswith("/"):
        if not path_url.startswith(awalan):
            return None
        basis, rel = site, path_url[len(awalan):]
    else:
        basis, rel = halaman.parent, path_url
    target = (basis / unquote(rel)).resolve()
    if rel == "" or rel.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def periksa_situs(site: Path, awalan: str = "/") -> list[str]:
    """Daftar masalah tautan internal (``berkas:baris: pesan``), terurut."""
    site = site.resolve()
    awalan = "/" + awalan.strip("/") + "/" if awalan.strip("/") else "/"
    halaman = sorted(site.rglob("*.html"))
    urai = {p: _urai(p) for p in halaman}
    masalah: list[str] = []
    for p in halaman:
        rel_p = p.relative_to(site).as_posix()
        for url, baris in urai[p].tautan:
            url = url.strip()
            bagian = urlsplit(url)
            if bagian.scheme or bagian.netloc or url.startswith(("//", "data:", "javascript:")):
                continue
            if bagian.path == "":
                target = p
            else:
                target = _berkas_tujuan(site, p, bagian.path, awalan)
                if target is None:
                    masalah.append(f"{rel_p}:{baris}: tautan '{url}' keluar dari awalan situs {awalan}")
                    continue
                try:
                    target.relative_to(site)
                except ValueError:
                    masalah.append(f"{rel_p}:{baris}: tautan '{url}' menunjuk ke luar direktori situs")
                    continue
                if not target.is_file():
                    masalah.append(f"{rel_p}:{baris}: tautan '{url}' menunjuk berkas yang tidak ada "
                                   f"({target.relative_to(site).as_posix()})")
                    continue
            frag = unquote(bagian.fragment)
            if frag and target.suffix == ".html":
                if target not in urai:
                    urai[target] = _urai(target)
                if frag not in urai[target].jangkar:
                    masalah.append(f"{rel_p}:{baris}: jangkar '#{frag}' tidak ada di "
                                   f"{target.relative_to(site).as_posix()} (tautan '{url}')")
    return sorted(set(masalah))


def awalan_dari_mkdocs(config: Path) -> str:
    """Awalan path dari ``site_url`` di mkdocs.yml (mis. ``/sistem-kerja-dairi/``); ``/`` bila tidak ada."""
    if not config.is_file():
        return "/"
    m = re.search(r"^site_url:\s*['\"]?([^'\"\s#]+)", config.read_text(encoding="utf-8"), re.M)
    return (urlsplit(m.group(1)).path or "/") if m else "/"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Periksa tautan internal situs hasil build.")
    ap.add_argument("site", nargs="?", default="site", help="direktori situs hasil build (bawaan: site)")
    ap.add_argument("--awalan", default=None,
                    help="awalan path situs untuk tautan absolut (bawaan: path site_url di mkdocs.yml, atau /)")
    args = ap.parse_args(argv)
    if args.awalan is None:
        args.awalan = awalan_dari_mkdocs(Path("mkdocs.yml"))
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"kesalahan: {site}/index.html tidak ada; jalankan `mkdocs build` dahulu", file=sys.stderr)
        return 2
    masalah = periksa_situs(site, args.awalan)
    jumlah = len(list(site.rglob("*.html")))
    for m in masalah:
        print(m)
    if masalah:
        print(f"{len(masalah)} tautan internal putus di {jumlah} halaman HTML", file=sys.stderr)
        return 1
    print(f"{jumlah} halaman HTML diperiksa: semua tautan internal baik", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
