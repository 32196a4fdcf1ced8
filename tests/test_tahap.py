"""Satu registri aturan, satu jenis temuan, dijalankan per tahap (dokumen, unit, naskah, rute)."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from kasus_yaml import ROOT
from policy.katalog import BAWAAN, pakai
from policy.peraturan.lint import lint
from policy.periksa import periksa
from policy.rules import ATURAN, TAHAP, Lapor, aturan, per_tahap
from policy.rute import muat, rute
from policy.temuan import Temuan

KASUS_SK10 = ROOT / "tests" / "cases" / "sk10-kolom-nama-pejabat"


def test_setiap_tahap_punya_aturan():
    for t in TAHAP:
        assert per_tahap(t), t


@pytest.fixture()
def katalog_sk10_berakhir(tmp_path) -> Path:
    """Katalog uji: SK10 (tahap dokumen) berakhir 31 Desember 2026."""
    data = yaml.safe_load(BAWAAN.read_text(encoding="utf-8"))
    data["aturan"] = [{**v, "berlaku_sampai": date(2026, 12, 31)} if v["id"] == "SK10" else v for v in data["aturan"]]
    p = tmp_path / "katalog.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return p


def test_aturan_tahap_dokumen_dipilih_menurut_tanggal(tmp_path, katalog_sk10_berakhir):
    """SK10 dijalankan mesin tahap dokumen menurut masa berlakunya, bukan dipanggil langsung oleh pemuat."""
    d = tmp_path / "orgs"
    shutil.copytree(KASUS_SK10 / "orgs", d)
    with pakai(katalog_sk10_berakhir):
        sebelum = periksa([d], date(2026, 12, 1))
        sesudah = periksa([d], date(2027, 1, 2))
    assert {t.rule for t in sebelum.temuan} >= {"SK10"}
    assert "SK10" not in {t.rule for t in sesudah.temuan}
    # tanpa SK10, kolom data pribadi tidak dibuang lagi sebelum validasi: model menolaknya sebagai INPUT
    assert "INPUT" in {t.rule for t in sesudah.temuan}


def test_temuan_naskah_dan_rute_berjenis_sama_dengan_temuan_berkas_org():
    hk = lint(ROOT / "docs")
    assert hk and all(type(t) is Temuan and t.rule in ATURAN and ATURAN[t.rule].tahap == "naskah" for t in hk)
    assert all(t.basis == ATURAN[t.rule].basis and t.severity == ATURAN[t.rule].severity for t in hk)
    r = rute(muat(ROOT / "orgs"), "diskominfo/kadis", "diskominfo/kjf-aptika")
    t = r.penolakan
    assert type(t) is Temuan and t.rule == "RT02" and ATURAN["RT02"].tahap == "rute"
    # penolakan RT02 menunjuk baris jabatan pemohon di berkas org
    baris = (ROOT / "orgs" / "diskominfo.yaml").read_text(encoding="utf-8").splitlines()[t.line - 1]
    assert t.file.endswith("diskominfo.yaml") and "kadis" in baris


def test_aturan_naskah_baru_cukup_didaftarkan():
    """Menambah pemeriksaan naskah = satu fungsi ber-dekorator; lint dan registri mengikutinya."""
    @aturan("HK99", "info", "Uji: judul Pasal 22", "uji", ("pasal-22",), tahap="naskah")
    def _uji(n):
        e = n.cari("pasal-22")
        return [Lapor((), "uji", baris=(e.baris, e.kolom), berkas=e.halaman, anchor=e.anchor)]

    try:
        hasil = [t for t in lint(ROOT / "docs") if t.rule == "HK99"]
        assert len(hasil) == 1 and hasil[0].severity == "info" and hasil[0].file == "peraturan/batang-tubuh.md"
        assert "HK99" in {a.id for a in per_tahap("naskah")}
    finally:
        ATURAN.pop("HK99")


def test_tahap_tidak_dikenal_ditolak():
    with pytest.raises(ValueError, match="tahap tidak dikenal"):
        aturan("XX01", "error", "x", "x", (), tahap="halaman")
