"""Pembangkit berkas org sintetis untuk uji skala (mis. 1.000 unit) dari ``orgs/`` contoh.

Setiap berkas contoh disalin berulang dengan akhiran ``-sNN`` pada id, nama, dan semua acuan
lintas berkas (``induk``, ``<berkas>/<kelompok>``) di salinan yang sama, sehingga hasilnya sah.

    .venv/bin/python tests/situs/sintetis.py 1000 /tmp/proyek-1000   # salin proyek + orgs sintetis
    cd /tmp/proyek-1000 && /work/main/.venv/bin/mkdocs build --strict -d /tmp/site-1000
"""
from __future__ import annotations

import copy
import math
import shutil
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from situs_alat import ROOT, salin_proyek  # noqa: E402


def org_sintetis(sumber: Path, jumlah: int) -> dict[str, dict]:
    """``jumlah`` org (id → data) dari berkas contoh di ``sumber``."""
    contoh = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(sumber.glob("*.yaml"))]
    salinan = math.ceil(jumlah / len(contoh))
    hasil: dict[str, dict] = {}
    for s in range(salinan):
        akhir = f"-s{s:02d}"
        for org in contoh:
            if len(hasil) >= jumlah:
                return _rapikan_acuan(hasil)
            o = copy.deepcopy(org)
            o["id"] += akhir
            o["nama"] = f"{o['nama']} (salinan {s})"
            if o.get("induk"):
                o["induk"] += akhir
            for t in o.get("tim_kerja") or []:
                for a in [t["ketua"], *t.get("anggota", [])]:
                    if a.get("kelompok") and "/" in a["kelompok"]:
                        uid, kid = a["kelompok"].split("/")
                        a["kelompok"] = f"{uid}{akhir}/{kid}"
                    d = a.get("dasar_penugasan")
                    if d and "/" in d["penyetuju"] and " " not in d["penyetuju"]:  # acuan <berkas>/<struktur-id>
                        uid, pid = d["penyetuju"].split("/")
                        d["penyetuju"] = f"{uid}{akhir}/{pid}"
            hasil[o["id"]] = o
    return _rapikan_acuan(hasil)


def _rapikan_acuan(org: dict[str, dict]) -> dict[str, dict]:
    """Salinan terakhir bisa terpotong: buang acuan ke berkas yang tidak ikut dibangkitkan."""
    for o in org.values():
        if o.get("induk") and o["induk"] not in org:
            o["induk"] = None
        for t in o.get("tim_kerja") or []:
            t["anggota"] = [a for a in t.get("anggota", [])
                            if not (a.get("kelompok") and "/" in a["kelompok"] and a["kelompok"].split("/")[0] not in org)]
    return org


def tulis(tujuan: Path, jumlah: int) -> Path:
    """Salin proyek ke ``tujuan`` dan ganti ``orgs/`` dengan ``jumlah`` berkas sintetis."""
    root = salin_proyek(tujuan)
    orgs = root / "orgs"
    shutil.rmtree(orgs)
    orgs.mkdir()
    for uid, o in org_sintetis(ROOT / "orgs", jumlah).items():
        (orgs / f"{uid}.yaml").write_text(yaml.safe_dump(o, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


if __name__ == "__main__":
    n, tujuan = int(sys.argv[1]), Path(sys.argv[2])
    print(tulis(tujuan, n))
