"""Ukur ketepatan pencarian Pagefind (issue 11 butir 7) atas ``tests/browser/kueri.yaml``.

Membangun situs (data contoh ``orgs/``, atau data contoh ditambah unit sintetis dari
``scripts/gen_org.py`` sampai ``--unit`` berkas), menyajikannya di 127.0.0.1, lalu menjalankan
setiap kueri di chromium lewat ``pagefind.js`` dengan opsi antarmuka situs. Dicetak: proporsi
kueri yang harapannya ada di 3 hasil teratas, kueri ``pertama`` yang tidak di peringkat 1, dan
daftar yang meleset. Unit sintetis menambah halaman yang mengulang kalimat Perbup (templat);
kueri tentang aturan harus tetap menemukan naskah Perbup atau Panduan.

    .venv/bin/python scripts/ukur_pencarian.py                 # data contoh (39 unit)
    .venv/bin/python scripts/ukur_pencarian.py --unit 300      # 39 contoh + 261 sintetis
    .venv/bin/python scripts/ukur_pencarian.py --situs /tmp/site   # situs yang sudah dibangun
    .venv/bin/python scripts/ukur_pencarian.py --json hasil.json   # rincian per kueri
    .venv/bin/python scripts/ukur_pencarian.py --unit 300 --keluaran /tmp/situs-300   # simpan situsnya
    # angka sebelum perubahan: checkout lama (git worktree add --detach /tmp/lama <commit>)
    .venv/bin/python scripts/ukur_pencarian.py --proyek /tmp/lama --tanpa-pembungkus --unit 300

Memerlukan chromium (``CHROMIUM_PATH``) dan Playwright (extra ``test``), seperti tes peramban.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "tests" / "browser"))
import gen_org  # noqa: E402
from alat_peramban import CHROMIUM, CHROMIUM_ARGS, sajikan  # noqa: E402
from kueri_cari import cari_pagefind, muat_kueri, nilai, normal  # noqa: E402

ABAIKAN = shutil.ignore_patterns(".git", ".venv", "site", "node_modules", "__pycache__", "*.egg-info",
                                 ".hypothesis", ".pytest_cache", "test-artifacts")


def orgs_tambahan(n_total: int, tujuan: Path) -> int:
    """Tulis unit sintetis ke ``tujuan`` (``orgs/`` salinan proyek, berisi data contoh) sehingga
    jumlahnya ``n_total``.

    Sekretariat Daerah sintetis dilewati (data contoh sudah punya ``setda``), begitu pula anggota
    tim yang mengacu ke kelompoknya.
    """
    ada = {p.stem for p in tujuan.glob("*.yaml")}
    kurang = n_total - len(ada)
    if kurang <= 0:
        return 0
    orgs = [o for o in gen_org.buat_pemda(kurang + 1) if o["id"] not in ada]
    ids = {o["id"] for o in orgs}
    for o in orgs:
        if o.get("induk") and o["induk"] not in ids:
            o["induk"] = None
        for t in o.get("tim_kerja") or []:
            t["anggota"] = [a for a in t["anggota"]
                            if not ("/" in str(a.get("kelompok", "")) and a["kelompok"].split("/")[0] not in ids)]
    gen_org.tulis(orgs, tujuan)
    return len(orgs)


def bangun(n_unit: int | None, tmp: Path, site: Path | None = None, proyek: Path = ROOT) -> Path:
    root = proyek
    if n_unit:
        root = tmp / "proyek"
        shutil.copytree(proyek, root, ignore=ABAIKAN, symlinks=True)
        contoh = len(list((root / "orgs").glob("*.yaml")))
        tambah = orgs_tambahan(n_unit, root / "orgs")
        print(f"data: {contoh} unit contoh + {tambah} unit sintetis")
    site = site or tmp / "site"
    env = {**os.environ, "PYTHONPATH": str(root), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITUS_LURING", None)
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                       cwd=root, env=env, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"mkdocs build gagal:\n{p.stdout[-3000:]}\n{p.stderr[-3000:]}")
    print(f"build: {time.perf_counter() - t:.1f} s, {sum(1 for _ in site.rglob('*.html'))} halaman HTML")
    return site


def ukur(site: Path, kueri: list[dict], opsi: dict | None = None, pembungkus: bool = True) -> tuple[dict, dict]:
    from playwright.sync_api import sync_playwright

    srv = sajikan(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            hasil = cari_pagefind(page, srv.url, kueri, opsi=opsi, pembungkus=pembungkus)
            browser.close()
    finally:
        srv.tutup()
    return nilai(kueri, hasil), hasil


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--situs", type=Path, help="situs yang sudah dibangun (tanpa build)")
    ap.add_argument("--unit", type=int, help="jumlah unit: data contoh + unit sintetis")
    ap.add_argument("--keluaran", type=Path, help="bangun situs ke direktori ini dan simpan (untuk --situs berikutnya)")
    ap.add_argument("--proyek", type=Path, default=ROOT,
                    help="checkout lain yang dibangun (mis. main, untuk angka sebelum perubahan)")
    ap.add_argument("--tanpa-pembungkus", action="store_true",
                    help="pakai pagefind/pagefind.js langsung (situs sebelum assets/js/cari/pagefind.js ada)")
    ap.add_argument("--kueri", type=Path, default=ROOT / "tests" / "browser" / "kueri.yaml")
    ap.add_argument("--json", type=Path, help="tulis rincian hasil per kueri ke berkas ini")
    ap.add_argument("--opsi", type=json.loads, help="opsi Pagefind (JSON) pengganti opsi situs, "
                    'mis. \'{"ranking": {"pageLength": 0.75}}\'')
    a = ap.parse_args(argv)
    kueri = muat_kueri(a.kueri)
    with tempfile.TemporaryDirectory(prefix="ukur-cari-") as tmp:
        site = a.situs or bangun(a.unit, Path(tmp), a.keluaran, a.proyek.resolve())
        skor, hasil = ukur(site, kueri, a.opsi, not a.tanpa_pembungkus)
    print(f"3 teratas: {skor['jumlah'] - len(skor['meleset'])}/{skor['jumlah']} ({skor['tepat']:.1%})")
    print(f"peringkat 1 (kueri `pertama`): {skor['pertama'] - len(skor['bukan_pertama'])}/{skor['pertama']}")
    for m in skor["meleset"]:
        print(f"  meleset  {m['q']!r}: harap {m['harap']}, dapat {m['dapat']}")
    for m in skor["bukan_pertama"]:
        print(f"  bukan #1 {m['q']!r}: harap {m['harap']}, dapat {m['dapat']}")
    if a.json:
        a.json.write_text(json.dumps({
            "skor": skor,
            "hasil": {q: [{"url": normal(r["url"], True), "judul": r["judul"],
                           "sub": [normal(s, True) for s in r["sub"]]} for r in v] for q, v in hasil.items()},
        }, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
