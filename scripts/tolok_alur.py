"""Tolok ukur memuat alur (issue 12): berkas alur YAML vs alur Python lama, diukur di run yang sama.

    python scripts/tolok_alur.py            # 15 putaran bergantian, proses baru setiap pengukuran
    python scripts/tolok_alur.py --ulang 5

Setiap pengukuran adalah proses Python baru yang sudah mengimpor katalog, pemuat YAML dan Pydantic
(biaya bersama, tidak diukur), lalu mengukur:

* **lama**  — menyusun alur dari Python (``tests/mekanisme_lama.py``, salinan modul sebelum issue 12);
* **baru**  — memuat 19 berkas alur: urai YAML, validasi Pydantic, periksa silang katalog dan jangkar
  naskah, susun objek, baca isi surat permohonan dari naskah (``policy.mekanisme.MEKANISME``);
* **naskah** — pemeriksaan setiap langkah terhadap kalimat naskah (hanya tes; tidak berjalan saat build).

Dicetak median dan rasio terhadap **lama**.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_PRA = ("import sys, time; sys.path[:0] = [{root!r}, {tests!r}]; "
        "import pydantic, yaml; import policy.katalog as k; k.katalog(); import policy.muat, policy.peraturan; ")
KODE = {
    "lama": "t = time.perf_counter(); import mekanisme_lama; d = time.perf_counter() - t",
    "baru": "import policy.mekanisme as m; t = time.perf_counter(); m.MEKANISME; d = time.perf_counter() - t",
    "naskah": ("import policy.berkas_alur as b; a = b.muat(); t = time.perf_counter(); r = b.periksa_naskah(a); "
               "d = time.perf_counter() - t; assert r == [], r"),
}


def ukur(nama: str) -> float:
    kode = _PRA.format(root=str(ROOT), tests=str(ROOT / "tests")) + KODE[nama] + "; print(d)"
    r = subprocess.run([sys.executable, "-c", kode], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(r.stdout.strip())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ulang", type=int, default=15)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    hasil: dict[str, list[float]] = {n: [] for n in KODE}
    for _ in range(args.ulang):
        for n in KODE:  # bergantian, agar beban mesin yang berubah mengenai keduanya
            hasil[n].append(ukur(n))
    median = {n: statistics.median(v) for n, v in hasil.items()}
    if args.json:
        print(json.dumps({n: {"median_ms": round(m * 1000, 2), "rasio": round(m / median["lama"], 2)}
                          for n, m in median.items()}))
        return 0
    print(f"{'':8} {'median':>10} {'min':>10} {'rasio':>7}   ({args.ulang} putaran, proses baru per ukuran)")
    for n, v in hasil.items():
        print(f"{n:8} {median[n] * 1000:8.1f} ms {min(v) * 1000:8.1f} ms {median[n] / median['lama']:6.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
