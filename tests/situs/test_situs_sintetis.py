"""Pembangkit unit sintetis (uji skala) menghasilkan berkas org yang sah dan acuan lintas berkas utuh."""
from __future__ import annotations

from pathlib import Path

import yaml

from sintetis import org_sintetis
from situs_alat import ROOT


def test_org_sintetis_sah(tmp_path: Path):
    org = org_sintetis(ROOT / "orgs", 100)
    assert len(org) == 100
    for uid, o in org.items():
        (tmp_path / f"{uid}.yaml").write_text(yaml.safe_dump(o, allow_unicode=True, sort_keys=False), encoding="utf-8")
    from policy.periksa import periksa

    hasil = periksa([tmp_path])
    assert hasil.files == 100
    assert hasil.errors == 0, [t for t in hasil.temuan if t.severity == "error"][:3]
    # ada tim dengan anggota lintas berkas di salinan yang sama
    lintas = [a["kelompok"] for o in org.values() for t in o.get("tim_kerja") or [] for a in t["anggota"]
              if a.get("kelompok") and "/" in a["kelompok"]]
    assert lintas and all(x.split("/")[0] in org for x in lintas)
