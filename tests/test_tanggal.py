"""Aturan bertanggal: ``check --tanggal`` memakai aturan yang berlaku hari itu (masa berlaku di katalog).

Katalog uji (bukan katalog asli) memuat peraturan pengubah fiktif yang mulai 1 Januari 2027:
SK06 diganti versi berbatas 3 level, dan SK09 berakhir 31 Desember 2026. Kedua sisi tanggal diuji
lewat CLI (``POLICY_KATALOG``), di dalam proses (``pakai``), dan di halaman Katalog Aturan.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from kasus_yaml import ROOT
from policy.katalog import BAWAAN, katalog, pakai
from policy.periksa import periksa

ORG_TIGA_LEVEL = """\
id: dinas-a
nama: Dinas Contoh
jenis: dinas
aplikasi_spbe: [aplikasi-khusus-dinas]
struktur:
  - {id: kadis, jabatan: Kepala Dinas Contoh, jenis: jpt_pratama}
  - {id: kabid, jabatan: Kepala Bidang Layanan, jenis: administrator, atasan: kadis}
  - {id: kasi, jabatan: Kepala Seksi Layanan, jenis: pengawas, atasan: kabid}
kelompok:
  - id: kjf-1
    penilai: kabid
    pimpinan_unit: kabid
    anggota:
      - {jabatan: Analis Kebijakan Ahli Muda, jenis: fungsional, jumlah: 2}
"""

PERUBAHAN = {
    "id": "perbup-dairi-3-2026", "nama": "Peraturan Bupati Dairi Nomor 3 Tahun 2026 (fiktif, untuk tes)",
    "singkat": "Perbup Dairi 3/2026", "nomor": 3, "tahun": 2026,
    "judul": "Perubahan atas Peraturan Bupati Dairi Nomor 18 Tahun 2024",
    "ditetapkan": "2026-11-02", "diundangkan": "2026-11-02", "berlaku_mulai": "2027-01-01",
}


@pytest.fixture(scope="module")
def katalog_ubah(tmp_path_factory) -> Path:
    """Salinan katalog asli + perubahan: SK06 versi baru dari 2027-01-01, SK09 berakhir 2026-12-31."""
    data = yaml.safe_load(BAWAAN.read_text(encoding="utf-8"))
    data["perubahan"] = [PERUBAHAN]
    aturan = []
    for v in data["aturan"]:
        if v["id"] == "SK06":
            aturan.append({**v, "berlaku_sampai": date(2026, 12, 31)})
            aturan.append({"id": "SK06", "berlaku_mulai": date(2027, 1, 1), "ditetapkan_oleh": PERUBAHAN["id"],
                           "parameter": {"batas_level": 3, "batas_level_setda": 3},
                           "judul": "Struktur paling banyak 3 level kecuali ada pengecualian"})
        elif v["id"] == "SK09":
            aturan.append({**v, "berlaku_sampai": date(2026, 12, 31)})
        else:
            aturan.append(v)
    data["aturan"] = aturan
    p = tmp_path_factory.mktemp("katalog") / "katalog.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def orgs(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("orgs")
    (d / "dinas-a.yaml").write_text(ORG_TIGA_LEVEL, encoding="utf-8")
    return d


def cli(*args, katalog_path: Path | None = None):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("POLICY_KATALOG", None)
    if katalog_path:
        env["POLICY_KATALOG"] = str(katalog_path)
    return subprocess.run([sys.executable, "-m", "policy", *args], cwd=ROOT, capture_output=True, text=True, env=env)


def _aturan(r) -> list[str]:
    return sorted({f["rule"] for f in json.loads(r.stdout)["findings"]})


# ---------------------------------------------------------------------------------------------
# Katalog asli: semua aturan berlaku sejak Perbup berlaku; sebelum itu salah pemakaian
# ---------------------------------------------------------------------------------------------


def test_sebelum_perbup_berlaku_keluar_2_dengan_pesan(orgs):
    mulai = katalog().peraturan.berlaku_mulai
    sehari_sebelum = date.fromordinal(mulai.toordinal() - 1).isoformat()
    for perintah in ("check", "explain"):
        r = cli(perintah, str(orgs), "--tanggal", sehari_sebelum)
        assert r.returncode == 2 and r.stdout == "", r.stderr
        assert "Traceback" not in r.stderr
        assert f"sebelum {katalog().peraturan.singkat} berlaku" in r.stderr
        assert f"--tanggal {mulai.isoformat()}" in r.stderr
    r = cli("check", str(orgs), "--tanggal", mulai.isoformat(), "--format", "json")
    assert r.returncode == 1 and "SK06" in _aturan(r) and json.loads(r.stdout)["tanggal"] == mulai.isoformat()


@pytest.mark.parametrize("nilai", ["2025-02-30", "27-09-2024", "20240927", "kemarin", ""])
def test_tanggal_tidak_sah_keluar_2(orgs, nilai):
    r = cli("check", str(orgs), "--tanggal", nilai)
    assert r.returncode == 2 and r.stdout == "" and "Traceback" not in r.stderr
    assert "tanggal tidak sah" in r.stderr and "YYYY-MM-DD" in r.stderr


def test_bawaan_hari_ini(orgs):
    r = cli("check", str(orgs), "--format", "json")
    assert json.loads(r.stdout)["tanggal"] == date.today().isoformat()
    assert periksa([orgs]).tanggal == date.today()


# ---------------------------------------------------------------------------------------------
# Katalog uji dengan peraturan pengubah
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("tanggal,harapan,exit_", [
    ("2026-06-01", ["SK06", "SK08", "SK09"], 1),   # versi lama: batas 2 level, SK09 masih berlaku
    ("2026-12-31", ["SK06", "SK08", "SK09"], 1),   # hari terakhir versi lama
    ("2027-01-01", ["SK08"], 0),                   # versi baru: batas 3 level; SK09 sudah berakhir
    ("2030-01-01", ["SK08"], 0),
])
def test_cli_memakai_versi_yang_berlaku(orgs, katalog_ubah, tanggal, harapan, exit_):
    r = cli("check", str(orgs), "--format", "json", "--tanggal", tanggal, katalog_path=katalog_ubah)
    assert r.returncode == exit_, r.stderr
    assert _aturan(r) == harapan
    assert f"(aturan yang berlaku {tanggal})" in r.stderr


def test_pesan_sk06_menyebut_batas_versinya(orgs, katalog_ubah, tmp_path):
    empat = tmp_path / "orgs"
    empat.mkdir()
    (empat / "dinas-a.yaml").write_text(ORG_TIGA_LEVEL.replace(
        "kelompok:", "  - {id: sub, jabatan: Subkoordinator, jenis: pengawas, atasan: kasi}\nkelompok:"), encoding="utf-8")
    with pakai(katalog_ubah):
        lama = [t for t in periksa([empat], date(2026, 6, 1)).temuan if t.rule == "SK06"]
        baru = [t for t in periksa([empat], date(2027, 6, 1)).temuan if t.rule == "SK06"]
    assert len(lama) == 1 and "batas 2" in lama[0].message and "level 3" in lama[0].message
    assert len(baru) == 1 and "batas 3" in baru[0].message and "level 4" in baru[0].message


def test_katalog_asli_tidak_berubah_di_luar_blok(orgs, katalog_ubah):
    with pakai(katalog_ubah):
        assert len(katalog().versi_aturan("SK06")) == 2
    assert len(katalog().versi_aturan("SK06")) == 1
    hasil = {t.rule for t in periksa([orgs], date(2027, 6, 1)).temuan}
    assert {"SK06", "SK09"} <= hasil  # katalog asli: tanpa perubahan, kedua aturan tetap berlaku


def test_rules_dan_halaman_aturan_menampilkan_masa_berlaku(katalog_ubah):
    r = cli("rules", "--format", "json", katalog_path=katalog_ubah)
    sk06 = next(a for a in json.loads(r.stdout)["rules"] if a["id"] == "SK06")
    assert sk06["berlaku"] == [
        {"mulai": "2024-09-27", "sampai": "2026-12-31", "ditetapkan_oleh": "Perbup Dairi 18/2024",
         "parameter": {"batas_level": 2, "batas_level_setda": 3}},
        {"mulai": "2027-01-01", "sampai": None, "ditetapkan_oleh": "Perbup Dairi 3/2026",
         "parameter": {"batas_level": 3, "batas_level_setda": 3}}]
    from policy.situs import aturan

    with pakai(katalog_ubah):
        isi = aturan.halaman(ROOT)[aturan.PATH]
    bagian = isi[isi.index("{#sk06}"):isi.index("{#sk07}")]
    assert ("- **Masa berlaku:** berlaku sejak 27 September 2024 sampai 31 Desember 2026 (Perbup Dairi 18/2024); "
            "berlaku sejak 1 Januari 2027 (Perbup Dairi 3/2026)") in bagian
    asli = aturan.halaman(ROOT)[aturan.PATH]
    assert "- **Masa berlaku:** berlaku sejak 27 September 2024 (Perbup Dairi 18/2024)" in asli


def test_versi_tumpang_tindih_ditolak(katalog_ubah, tmp_path):
    data = yaml.safe_load(katalog_ubah.read_text(encoding="utf-8"))
    for v in data["aturan"]:
        if v["id"] == "SK06" and v.get("berlaku_sampai"):
            v["berlaku_sampai"] = date(2027, 3, 1)
    p = tmp_path / "katalog.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    r = cli("check", "orgs", katalog_path=p)
    assert r.returncode == 2 and "dua versi SK06 berlaku bersamaan mulai 2027-01-01" in r.stderr
    assert f"{p}:" in r.stderr and "Traceback" not in r.stderr
