"""Fixture situs: dibangun sekali per sesi dari ``orgs/`` contoh ke direktori sementara."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from situs_alat import ROOT, bangun, salin_proyek  # noqa: E402


@pytest.fixture(scope="session")
def situs(tmp_path_factory) -> Path:
    """``mkdocs build --strict`` atas salinan proyek (orgs/ contoh) — direktori situs hasilnya."""
    root = salin_proyek(tmp_path_factory.mktemp("proyek"))
    site = tmp_path_factory.mktemp("situs") / "site"
    p, detik = bangun(root, site)
    assert p.returncode == 0, f"build gagal:\n{p.stdout}\n{p.stderr}"
    assert "Traceback" not in p.stderr
    jumlah = len(list((ROOT / "orgs").glob("*.yaml")))
    print(f"\n[situs] build {jumlah} berkas org: {detik:.1f} s")
    return site
