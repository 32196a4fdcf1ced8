"""Tolok ukur (issue 6): angka dicetak sebagai rasio terhadap pembanding yang diukur di run yang sama.

    python scripts/bench.py            # semua: check 100/1.000/10.000 unit, situs 100/1.000 unit
    python scripts/bench.py --quick    # cepat: check 100/1.000, situs 100
    python scripts/bench.py --situs 100 1000 10000   # ukuran situs pilihan (10.000 lama)

Target: check ≤ 1,5× parse PyYAML CSafeLoader; build situs ≤ 1,2× mkdocs-material polos dengan
jumlah halaman yang sama (1.000 unit); 10× unit ≤ 11× waktu; halaman unit terbesar ≤ 80 KB.
"""
from __future__ import annotations

import argparse
import gc
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_org  # noqa: E402

ABAIKAN = shutil.ignore_patterns(".git", ".venv", "site", "node_modules", "__pycache__", "*.egg-info",
                                 ".hypothesis", ".pytest_cache", ".site-*")


def terbaik(fn, ulang: int = 3) -> float:
    hasil = []
    for _ in range(ulang):
        gc.collect()
        t = time.perf_counter()
        fn()
        hasil.append(time.perf_counter() - t)
    return min(hasil)


def parse_saja(d: Path) -> None:
    for p in sorted(d.glob("*.yaml")):
        yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def ukur_check(n: int, tmp: Path) -> dict:
    from policy.periksa import periksa

    d = tmp / f"orgs-{n}"
    gen_org.tulis(gen_org.buat_pemda(n), d)
    ulang = 3 if n <= 1000 else 1
    t_parse = terbaik(lambda: parse_saja(d), ulang)
    hasil = {}
    t_check = terbaik(lambda: hasil.setdefault("h", periksa([d])), ulang)
    h = hasil["h"]
    assert h.errors == 0, f"data sintetis tidak sah: {h.errors} kesalahan"
    return {"n": n, "parse": t_parse, "check": t_check, "rasio": t_check / t_parse, "dir": d}


def memori_check(d: Path) -> int:
    """Puncak RSS (KB) subproses ``python -m policy check`` atas ``d``."""
    kode = ("import resource, sys; from policy.cli import main; rc = main(['check', sys.argv[1], '--format', 'json']); "
            "sys.stderr.write('RSS=%d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    p = subprocess.run([sys.executable, "-c", kode, str(d)], cwd=ROOT, capture_output=True, text=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    baris = [b for b in p.stderr.splitlines() if b.startswith("RSS=")]
    return int(baris[-1][4:]) if baris else -1


def _mkdocs(root: Path, keluaran: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(root), "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "0"}
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(keluaran)],
                       cwd=root, capture_output=True, text=True, env=env)
    dt = time.perf_counter() - t
    if p.returncode != 0:
        raise RuntimeError(f"mkdocs build gagal di {root}:\n{p.stderr[-3000:]}")
    return dt


def proyek_sintetis(d_orgs: Path, tmp: Path, n: int) -> Path:
    root = tmp / f"proyek-{n}"
    shutil.copytree(ROOT, root, ignore=ABAIKAN, symlinks=True)
    shutil.rmtree(root / "orgs")
    shutil.copytree(d_orgs, root / "orgs")
    return root


def proyek_polos(n_halaman: int, tmp: Path) -> Path:
    """Proyek mkdocs-material polos dengan ``n_halaman`` halaman Markdown biasa (pembanding)."""
    root = tmp / f"polos-{n_halaman}"
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: Polos\ntheme:\n  name: material\n  language: id\n  font: false\n", encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Beranda\n", encoding="utf-8")
    for i in range(1, n_halaman):
        (root / "docs" / f"hal-{i:05d}.md").write_text(
            f"# Halaman {i}\n\n" + "Kelompok jabatan fungsional dan pelaksana. " * 30 + "\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
            encoding="utf-8")
    return root


def ukuran_pencarian(site: Path) -> dict:
    """Byte yang diunduh pembaca untuk satu kueri (Pagefind: skrip+wasm+meta tetap, satu potongan indeks, 5 fragmen)."""
    pf = site / "pagefind"
    if pf.is_dir():
        tetap = sum(p.stat().st_size for p in [pf / "pagefind.js", pf / "pagefind-entry.json", *pf.glob("*.pf_meta")])
        wasm = [p.stat().st_size for p in pf.glob("wasm.*.pagefind") if "unknown" not in p.name] or [0]
        idx = [p.stat().st_size for p in (pf / "index").glob("*")] or [0]
        frag = [p.stat().st_size for p in (pf / "fragment").glob("*")] or [0]
        return {"jenis": "pagefind", "tetap": tetap + max(wasm), "indeks_maks": max(idx),
                "fragmen_rata": sum(frag) // len(frag), "per_kueri": tetap + max(wasm) + max(idx) + 5 * (sum(frag) // len(frag)),
                "indeks_total": sum(idx) + sum(frag)}
    s = site / "search" / "search_index.json"
    return {"jenis": "lunr", "per_kueri": s.stat().st_size if s.exists() else 0}


_RUJUKAN = re.compile(r'<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src|img[^>]*src)="([^"#?]+)"')


def berat_halaman(keluar: Path, halaman: Path) -> dict:
    """Berat kunjungan pertama sebuah halaman dari berkas hasil build (tanpa peramban, tanpa gzip):
    HTML + CSS/JS yang dirujuk + diagram pertama (tidak lazy); ``semua`` termasuk setiap SVG diagram
    (dimuat saat digulir). Ukuran di peramban diukur tests/browser/test_peramban_diagram_muat.py."""
    teks = halaman.read_text(encoding="utf-8")
    aset, svg = 0, []
    for r in dict.fromkeys(_RUJUKAN.findall(teks)):
        if r.startswith(("http:", "https:", "data:")):
            continue
        f = (halaman.parent / r).resolve()
        if not f.is_file():
            continue
        if f.suffix == ".svg" and "/assets/diagram/" in f.as_posix():
            svg.append(f.stat().st_size)
        else:
            aset += f.stat().st_size
    html = halaman.stat().st_size
    return {"html": html, "aset": aset, "diagram": len(svg), "pertama": html + aset + (svg[0] if svg else 0),
            "semua": html + aset + sum(svg),
            "mermaid_js": sum(p.stat().st_size for p in keluar.rglob("mermaid*.js"))}


def ukur_situs(n: int, d_orgs: Path, tmp: Path) -> dict:
    root = proyek_sintetis(d_orgs, tmp, n)
    keluar = tmp / f"site-{n}"
    t_situs = _mkdocs(root, keluar)
    html = list(keluar.rglob("*.html"))
    # halaman satu unit: unit/<kategori>/<id>/index.html (halaman indeks lintas unit dilaporkan terpisah)
    # (unit/jabatan/<nama>/ adalah indeks jabatan, bukan halaman unit)
    unit = [p for p in (keluar / "unit").glob("*/*/index.html")
            if p.parts[-3] != "jabatan"] if (keluar / "unit").is_dir() else []
    semua = max(html, key=lambda p: p.stat().st_size)
    terbesar = max(unit, key=lambda p: p.stat().st_size) if unit else None
    ukuran_unit = sorted(p.stat().st_size for p in unit)
    # halaman indeks lintas unit: Cari unit saya, halaman grup, indeks jabatan, halaman mekanisme
    indeks = [p for p in html if p.relative_to(keluar).parts[0] in ("unit", "mekanisme") and p not in set(unit)]
    indeks_maks = max(indeks, key=lambda p: p.stat().st_size) if indeks else None
    polos = proyek_polos(len(html), tmp)
    t_polos = _mkdocs(polos, tmp / f"site-polos-{n}")
    return {"n": n, "halaman": len(html), "situs": t_situs, "polos": t_polos, "rasio": t_situs / t_polos,
            "terbesar": (terbesar.stat().st_size, terbesar.relative_to(keluar).as_posix()) if terbesar else (0, "-"),
            "terbesar_semua": (semua.stat().st_size, semua.relative_to(keluar).as_posix()),
            "median_unit": ukuran_unit[len(ukuran_unit) // 2] if ukuran_unit else 0,
            "indeks_maks": (indeks_maks.stat().st_size, indeks_maks.relative_to(keluar).as_posix()) if indeks_maks else (0, "-"),
            "cari": ukuran_pencarian(keluar),
            "berat": berat_halaman(keluar, terbesar) if terbesar else None,
            "svg_diagram": (len(list((keluar / "assets" / "diagram").glob("*.svg"))),
                            sum(p.stat().st_size for p in (keluar / "assets" / "diagram").glob("*.svg")))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Tolok ukur check dan build situs")
    ap.add_argument("--quick", action="store_true", help="subset cepat: check 100/1.000, situs 100")
    ap.add_argument("--check", type=int, nargs="*", default=None, help="ukuran untuk check (bawaan 100 1000 10000)")
    ap.add_argument("--situs", type=int, nargs="*", default=None, help="ukuran untuk build situs (bawaan 100 1000)")
    a = ap.parse_args(argv)
    ukuran_check = a.check if a.check is not None else ([100, 1000] if a.quick else [100, 1000, 10000])
    ukuran_situs = a.situs if a.situs is not None else ([100] if a.quick else [100, 1000])
    tmp = Path(tempfile.mkdtemp(prefix="bench-sk-"))
    try:
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPU; data sintetis dari scripts/gen_org.py")
        print("\n== check vs parse PyYAML CSafeLoader (target ≤ 1,5×)")
        dirs = {}
        for n in sorted(set(ukuran_check) | set(ukuran_situs)):
            r = ukur_check(n, tmp)
            dirs[n] = r["dir"]
            if n in ukuran_check:
                ok = "OK" if r["rasio"] <= 1.5 else "MELESET"
                print(f"{n:>6} unit: parse {r['parse']:.3f} s, check {r['check']:.3f} s → {r['rasio']:.2f}× [{ok}]")
        n_mem = max(ukuran_check) if ukuran_check else 100
        rss = memori_check(dirs.get(n_mem) or ukur_check(n_mem, tmp)["dir"])
        print(f"\n== puncak memori check ({n_mem} unit, subproses): {rss / 1024:.0f} MB RSS")
        hasil_situs = []
        if ukuran_situs:
            print("\n== build situs penuh vs mkdocs-material polos dengan jumlah halaman sama (target ≤ 1,2× di 1.000 unit)")
        for n in sorted(ukuran_situs):
            r = ukur_situs(n, dirs[n], tmp)
            hasil_situs.append(r)
            print(f"{n:>6} unit: {r['halaman']} halaman; situs {r['situs']:.1f} s, polos {r['polos']:.1f} s → {r['rasio']:.2f}×")
            b, nama = r["terbesar"]
            print(f"        halaman unit terbesar: {b / 1024:.1f} KB ({nama}) [{'OK' if b <= 80 * 1024 else 'MELESET'} ≤ 80 KB]")
            print(f"        median halaman unit: {r['median_unit'] / 1024:.1f} KB")
            if r.get("berat"):
                w = r["berat"]
                print(f"        kunjungan pertama halaman unit terbesar: {w['pertama'] / 1024:.0f} KB "
                      f"(HTML {w['html'] / 1024:.0f} KB + CSS/JS {w['aset'] / 1024:.0f} KB + diagram pertama; "
                      f"{w['diagram']} diagram, semua {w['semua'] / 1024:.0f} KB) "
                      f"[{'OK' if w['pertama'] <= 600 * 1024 else 'MELESET'} ≤ 600 KB; Mermaid JS di situs: {w['mermaid_js']} B]")
                jml, byte = r["svg_diagram"]
                print(f"        berkas SVG diagram: {jml} ({byte / 1024 / 1024:.1f} MB di disk, dibagi antarhalaman)")
            b3, nama3 = r["indeks_maks"]
            print(f"        halaman indeks terbesar (unit/…, jabatan, mekanisme): {b3 / 1024:.1f} KB ({nama3})")
            b2, nama2 = r["terbesar_semua"]
            print(f"        halaman terbesar di seluruh situs: {b2 / 1024:.1f} KB ({nama2})")
            c = r["cari"]
            if c["jenis"] == "pagefind":
                print(f"        pencarian (Pagefind) per kueri ≈ {c['per_kueri'] / 1024:.0f} KB "
                      f"(tetap {c['tetap'] / 1024:.0f} KB + potongan indeks maks {c['indeks_maks'] / 1024:.0f} KB + 5 fragmen × {c['fragmen_rata'] / 1024:.1f} KB); "
                      f"indeks total {c['indeks_total'] / 1024:.0f} KB")
            else:
                print(f"        pencarian (lunr) per kueri: {c['per_kueri'] / 1024:.0f} KB (seluruh search_index.json)")
        if len(hasil_situs) >= 2:
            a0, a1 = hasil_situs[0], hasil_situs[-1]
            fu, ft = a1["n"] / a0["n"], a1["situs"] / a0["situs"]
            print(f"\n== linearitas build: {fu:.0f}× unit → {ft:.1f}× waktu [{'OK' if ft <= fu * 1.1 else 'MELESET'} ≤ {fu * 1.1:.0f}×]")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
