"""Pengumpul kasus YAML sendiri diuji: kasus yang harapannya salah harus gagal."""
from __future__ import annotations

import shutil

import yaml

from kasus_yaml import ROOT, bandingkan
from policy.katalog import katalog


def _salin(tmp_path, nama):
    dst = tmp_path / nama
    shutil.copytree(ROOT / "tests" / "cases" / nama, dst)
    return dst


def test_kasus_asli_lulus(tmp_path):
    assert bandingkan(_salin(tmp_path, "sk05-pimpinan-bukan-bawahan-langsung")) == []


def test_baris_salah_terdeteksi(tmp_path):
    case = _salin(tmp_path, "sk05-pimpinan-bukan-bawahan-langsung")
    exp = yaml.safe_load((case / "expect.yaml").read_text())
    exp["findings"][0]["line"] += 1
    (case / "expect.yaml").write_text(yaml.safe_dump(exp))
    masalah = bandingkan(case)
    assert any("tidak muncul" in m for m in masalah) and any("tidak diharapkan" in m for m in masalah)


def test_mekanisme_dan_exit_salah_terdeteksi(tmp_path):
    case = _salin(tmp_path, "mekanisme-m1")
    exp = yaml.safe_load((case / "expect.yaml").read_text())
    exp["mekanisme"] = {"dinas-a/kjf-layanan": "M2"}
    exp["exit"] = 1
    (case / "expect.yaml").write_text(yaml.safe_dump(exp))
    masalah = bandingkan(case)
    assert any("mekanisme dinas-a/kjf-layanan" in m for m in masalah)
    assert any(m.startswith("exit:") for m in masalah)


def test_kolom_expect_tidak_dikenal(tmp_path):
    case = _salin(tmp_path, "mekanisme-m1")
    (case / "expect.yaml").write_text("exit: 0\ntemuan: []\n")
    assert "kolom tidak dikenal" in bandingkan(case)[0]


def test_cakupan_kasus():
    """Setiap aturan terdaftar — semua tahap: berkas org, naskah (HK), rute (RT) — punya kasus YAML yang
    memicunya; setiap mekanisme punya kasus."""
    from policy.rules import ATURAN

    rules, mek = set(), set()
    for exp_path in (ROOT / "tests" / "cases").glob("*/expect.yaml"):
        exp = yaml.safe_load(exp_path.read_text())
        rules |= {f["rule"] for f in exp.get("findings") or []}
        mek |= set((exp.get("mekanisme") or {}).values())
    assert set(ATURAN) | {"INPUT"} <= rules, sorted(set(ATURAN) - rules)
    assert set(katalog().kode_mekanisme) <= mek  # setiap mekanisme yang punya halaman situs punya kasus uji


def test_kasus_naskah_harapan_salah_terdeteksi(tmp_path):
    case = _salin(tmp_path, "hk04-rujukan-ayat-tidak-ada")
    assert bandingkan(case) == []
    exp = yaml.safe_load((case / "expect.yaml").read_text())
    exp["findings"][0]["rule"] = "HK10"
    exp["exit"] = 0
    (case / "expect.yaml").write_text(yaml.safe_dump(exp, allow_unicode=True))
    masalah = bandingkan(case)
    assert any("tidak muncul" in m and "HK10" in m for m in masalah)
    assert any("tidak diharapkan" in m and "HK04" in m for m in masalah)
    assert any(m.startswith("exit:") for m in masalah)
    exp["naskah"][0]["cari"] = "teks yang tidak ada di naskah"
    (case / "expect.yaml").write_text(yaml.safe_dump(exp, allow_unicode=True))
    assert "tepat sekali" in bandingkan(case)[0]


def test_kasus_rute_harapan_salah_terdeteksi(tmp_path):
    case = _salin(tmp_path, "rute-penunjukan-lintas-unit")
    assert bandingkan(case) == []
    exp = yaml.safe_load((case / "expect.yaml").read_text())
    exp.update(gambar=20, exit=1, findings=[{"rule": "RT01"}])
    (case / "expect.yaml").write_text(yaml.safe_dump(exp, allow_unicode=True))
    masalah = bandingkan(case)
    assert any(m.startswith("gambar:") for m in masalah) and any(m.startswith("exit:") for m in masalah)
    assert any(m.startswith("penolakan:") for m in masalah)
