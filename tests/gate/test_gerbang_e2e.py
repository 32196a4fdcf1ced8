"""Uji ujung-ke-ujung gerbang pull request (issue 5, "Done when").

Repositori git sementara berisi proyek (policy/, orgs/, schema/). Commit yang merusak SK05 pada
satu baris berkas org → ``check --format github`` mencetak ``::error`` untuk baris itu dan ``diff``
melaporkan perubahan Pimpinan Unit/mekanisme; commit yang memperbaikinya → bersih.
Perintah dijalankan persis seperti di workflow: ``python -m policy …`` dengan cwd di repositori.
"""
from __future__ import annotations

import re
import shutil

import pytest
import yaml

from .gitrepo import ROOT, Repo

ORG = "orgs/diskominfo.yaml"


@pytest.fixture(scope="module")
def proyek(tmp_path_factory):
    path = tmp_path_factory.mktemp("gerbang") / "proyek"
    path.mkdir()
    shutil.copytree(ROOT / "policy", path / "policy", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "orgs", path / "orgs")
    shutil.copytree(ROOT / "schema", path / "schema")
    r = Repo(path)
    r.commit("proyek")
    return r


def _policy(repo: Repo, *args: str):
    # PYTHONPATH kosong: yang dijalankan adalah salinan policy/ di repositori sementara.
    return repo.policy(*args, PYTHONPATH="")


def _baris_pimpinan_unit(teks: str, kelompok: str) -> int:
    """Nomor baris (1-based) ``pimpinan_unit:`` milik kelompok, dicari langsung pada teks."""
    baris = teks.splitlines()
    mulai = next(i for i, b in enumerate(baris) if re.fullmatch(rf"\s*- id: {re.escape(kelompok)}\s*", b))
    for i in range(mulai + 1, len(baris)):
        if re.match(r"\s*- id: ", baris[i]):
            break
        if baris[i].strip().startswith("pimpinan_unit:"):
            return i + 1
    raise AssertionError("pimpinan_unit tidak ditemukan")


def test_gerbang_rusak_lalu_diperbaiki(proyek):
    # 0. Titik awal: data contoh lolos (tanpa kesalahan).
    awal = _policy(proyek, "check", "--format", "github")
    assert awal.returncode == 0, awal.stdout + awal.stderr
    assert "::error" not in awal.stdout
    asli = (proyek.path / ORG).read_text(encoding="utf-8")
    data = yaml.safe_load(asli)
    kel = next(k for k in data["kelompok"] if k["id"] == "kjf-sekretariat")
    assert kel["penilai"] == kel["pimpinan_unit"] == "sekretaris"
    atasan = {p["id"]: p.get("atasan") for p in data["struktur"]}
    assert atasan["kabid-aptika"] != "sekretaris"  # jadi bukan bawahan langsung PPK → SK05

    # 1. Commit yang merusak SK05: Pimpinan Unit diganti pejabat yang bukan bawahan PPK.
    baris = _baris_pimpinan_unit(asli, "kjf-sekretariat")
    lines = asli.splitlines(keepends=True)
    assert lines[baris - 1].strip() == "pimpinan_unit: sekretaris"
    lines[baris - 1] = lines[baris - 1].replace("pimpinan_unit: sekretaris", "pimpinan_unit: kabid-aptika")
    (proyek.path / ORG).write_text("".join(lines), encoding="utf-8")
    proyek.commit("Ubah Pimpinan Unit kelompok sekretariat (melanggar SK05)")

    rusak = _policy(proyek, "check", "--format", "github")
    assert rusak.returncode == 1
    errors = [b for b in rusak.stdout.splitlines() if b.startswith("::error ")]
    assert len(errors) == 1, rusak.stdout
    assert errors[0].startswith(f"::error file={ORG},line={baris},col=")
    assert ",title=SK05::" in errors[0]
    assert "Kepala Bidang Aplikasi Informatika" in errors[0]

    laporan = _policy(proyek, "diff", "HEAD~1", "HEAD")
    assert laporan.returncode == 0, laporan.stderr
    baris_kel = [b for b in laporan.stdout.splitlines() if "`kjf-sekretariat`" in b and b.startswith("|")]
    assert len(baris_kel) == 1
    assert ("Sekretaris Dinas Komunikasi dan Informatika → **Kepala Bidang Aplikasi Informatika**"
            in baris_kel[0])
    assert "M2 · Administrator menilai dan menugaskan → **" in baris_kel[0]
    assert re.search(r"^- .*\*\*SK05\*\* `orgs/diskominfo\.yaml` baris " + str(baris) + ":",
                     laporan.stdout.split("### Temuan baru", 1)[1], re.M)

    # 2. Commit yang memperbaikinya → bersih, dan laporan menyebut SK05 sudah diperbaiki.
    (proyek.path / ORG).write_text(asli, encoding="utf-8")
    proyek.commit("Kembalikan Pimpinan Unit")
    bersih = _policy(proyek, "check", "--format", "github")
    assert bersih.returncode == 0
    assert "::error" not in bersih.stdout
    assert bersih.stdout == awal.stdout

    perbaikan = _policy(proyek, "diff", "HEAD~1", "HEAD")
    assert "### Temuan yang sudah diperbaiki" in perbaikan.stdout
    assert "**SK05**" in perbaikan.stdout.split("### Temuan yang sudah diperbaiki", 1)[1]
    assert "### Temuan baru" not in perbaikan.stdout
    netral = _policy(proyek, "diff", "HEAD~2", "HEAD")
    assert "Tidak ada perubahan" in netral.stdout
    # pohon kerja tidak disentuh oleh diff
    assert proyek.git("status", "--porcelain") == ""
