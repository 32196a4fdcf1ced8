"""Bolak-balik ``ekspor`` → ``impor`` atas contoh ``orgs/``, dan impor ke folder yang sudah berisi
berkas org: berkas lama tidak disentuh, laporan perubahan, usulan di sampingnya."""
from __future__ import annotations

import shutil

import pytest

openpyxl = pytest.importorskip("openpyxl")

from bantu_impor import jalan, periksa  # noqa: E402
from kasus_yaml import ROOT  # noqa: E402

from policy.domain import muat_semua  # noqa: E402


def _unit(path):
    indeks, temuan, _, _ = muat_semua([path])
    assert not [t for t in temuan if t.rule == "INPUT"], temuan
    return indeks.units


@pytest.mark.parametrize("akhiran", ["xlsx", "csv"])
def test_ekspor_lalu_impor_mengembalikan_struktur_dan_anggota(tmp_path, akhiran):
    lembar = tmp_path / f"peta.{akhiran}"
    kode, _, err = jalan("ekspor", str(ROOT / "orgs"), "--keluar", str(lembar))
    assert kode == 0, err
    kode, _, err = jalan("impor", str(lembar), "--keluar", str(tmp_path / "orgs"))
    assert kode == 0, err
    asli, balik = _unit(ROOT / "orgs"), _unit(tmp_path / "orgs")
    assert sorted(asli) == sorted(balik) and len(asli) >= 30
    for uid, u in asli.items():
        v = balik[uid]
        assert [p.model_dump() for p in v.org.struktur] == [p.model_dump() for p in u.org.struktur], uid
        assert {k.id: k.model_dump() for k in v.org.kelompok} == {k.id: k.model_dump() for k in u.org.kelompok}, uid
        assert (v.org.nama, v.org.jenis, v.org.induk) == (u.org.nama, u.org.jenis, u.org.induk)
    # draf bolak-balik lolos check; satu-satunya kesalahan: SK06 RSUD (pengecualian_level tidak ikut lembar)
    kode, data = periksa(tmp_path / "orgs")
    salah = {(f["rule"], f["file"].rsplit("/", 1)[-1]) for f in data["findings"] if f["severity"] == "error"}
    assert salah == {("SK06", "rsud-sidikalang.yaml")}
    # kolom PPK/Pimpinan Unit/kelompok terisi: tidak ada TODO untuk penilai atau kelompok
    for p in (tmp_path / "orgs").glob("*.yaml"):
        teks = p.read_text(encoding="utf-8")
        assert "penilai:" in teks and "TODO: PPK" not in teks and "TODO: id dan nama kelompok" not in teks


def test_ekspor_tidak_menimpa_dan_deterministik(tmp_path):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert jalan("ekspor", str(ROOT / "orgs"), "--keluar", str(a))[0] == 0
    assert jalan("ekspor", str(ROOT / "orgs"), "--keluar", str(b))[0] == 0
    assert a.read_bytes() == b.read_bytes()
    kode, _, err = jalan("ekspor", str(ROOT / "orgs"), "--keluar", str(a))
    assert kode == 2 and "tidak ditimpa" in err
    kode, _, err = jalan("ekspor", str(ROOT / "orgs"), "--keluar", str(tmp_path / "x.ods"))
    assert kode == 2


def _lembar_diskominfo_tanpa_kolom_id(tmp_path):
    """Ekspor diskominfo, lalu ubah seperti peta jabatan baru dari SIASN: tanpa kolom ID/kelompok/PPK,
    satu jabatan berganti nama, satu jumlah berubah, satu jabatan JF baru, satu dihapus, satu bidang baru."""
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(ROOT / "orgs" / "diskominfo.yaml", src)
    lembar = tmp_path / "ekspor.xlsx"
    assert jalan("ekspor", str(src), "--keluar", str(lembar))[0] == 0
    wb = openpyxl.load_workbook(lembar)
    ws = wb.active
    judul = [c.value for c in ws[4]]
    buang = [judul.index(k) + 1 for k in ("ID", "Kelompok", "Nama Kelompok", "PPK", "Pimpinan Unit", "ID Unit", "Pendelegasian")]
    baris = [[c.value for c in r] for r in ws.iter_rows(min_row=5)]
    baru = openpyxl.Workbook()
    wsb = baru.active
    wsb.append([j for i, j in enumerate(judul, 1) if i not in buang])
    for r in baris:
        r = list(r)
        if r[1] == "Kepala Bidang Aplikasi Informatika":
            r[1] = "Kepala Bidang Aplikasi dan Layanan Informatika"
        if r[1] == "Pranata Komputer Ahli Muda":
            r[4] = 3
        if r[1] == "Sandiman Ahli Pertama":
            continue
        wsb.append([v for i, v in enumerate(r, 1) if i not in buang])
        if r[1] == "Pranata Humas Terampil":
            wsb.append([f"{r[0][:-1]}9", "Pranata Humas Mahir", "Fungsional", None, 2] + [v for i, v in enumerate(r, 1) if i not in buang][5:])
    n = max(int(x[0].split(".")[1]) for x in baris if x[0] and x[0].count(".") == 1)
    wsb.append([f"1.{n + 1}", "Kepala Bidang Persandian", "Administrator", None, 1, "Dinas Komunikasi dan Informatika", "dinas", None])
    wsb.append([f"1.{n + 1}.1", "Sandiman Ahli Muda", "Fungsional", None, 1, "Dinas Komunikasi dan Informatika", "dinas", None])
    path = tmp_path / "peta-baru.xlsx"
    baru.save(path)
    return path


def test_impor_ke_berkas_yang_ada_tidak_menimpa_dan_melaporkan(tmp_path):
    lembar = _lembar_diskominfo_tanpa_kolom_id(tmp_path)
    orgs = tmp_path / "orgs"
    shutil.copytree(ROOT / "orgs", orgs)
    lama = (orgs / "diskominfo.yaml").read_bytes()
    kode, out, err = jalan("impor", str(lembar), "--keluar", str(orgs))
    assert kode == 0, err
    assert (orgs / "diskominfo.yaml").read_bytes() == lama  # berkas lama tidak disentuh
    usulan = orgs / "diskominfo.yaml.usulan"
    assert usulan.is_file()
    assert f"Laporan perubahan: {orgs}/diskominfo.yaml" in out
    assert "    + Kepala Bidang Persandian (administrator, atasan: kadis) → id kabid-persandian" in out
    assert "    ~ kabid-aptika: nama 'Kepala Bidang Aplikasi Informatika' → 'Kepala Bidang Aplikasi dan Layanan Informatika'" in out
    assert "    ~ kjf-aptika: jumlah Pranata Komputer Ahli Muda 2 → 3" in out
    assert "    + kjf-ikp: Pranata Humas Mahir (fungsional) 2" in out
    assert "    - kjf-statistik: Sandiman Ahli Pertama (fungsional) 1" in out
    assert "struktur: 1 ditambah, 0 dihapus, 1 berganti nama, 0 berubah jenis/atasan" in out
    # keputusan manual berkas lama tetap ada di usulan: kjf-aptika dinilai kadis, ditugaskan kabid-aptika; tim kerja utuh
    import yaml
    u = yaml.safe_load(usulan.read_text(encoding="utf-8"))
    k = {x["id"]: x for x in u["kelompok"]}
    assert (k["kjf-aptika"]["penilai"], k["kjf-aptika"]["pimpinan_unit"]) == ("kadis", "kabid-aptika")
    assert k["kjf-aptika"]["nama"] == "Kelompok JF dan Pelaksana Bidang Aplikasi Informatika"
    assert [t["id"] for t in u["tim_kerja"]] == ["tim-satu-data", "tim-spbe"]
    assert u["aplikasi_spbe"] == ["srikandi", "e-kinerja", "sipd", "siasn", "lapor", "jdih"]
    assert "kjf-persandian" in k and k["kjf-persandian"]["anggota"] == [{"jabatan": "Sandiman Ahli Muda", "jenis": "fungsional", "jumlah": 1}]
    # usulan diperiksa di tempat berkas lama: hanya kelompok baru yang ber-TODO; tim-spbe kehilangan Sandiman → TK03
    uji = tmp_path / "uji"
    shutil.copytree(orgs, uji, ignore=shutil.ignore_patterns("*.usulan*"))
    shutil.copy(usulan, uji / "diskominfo.yaml")
    kode, data = periksa(uji / "diskominfo.yaml")
    aturan = sorted({f["rule"] for f in data["findings"]})
    assert aturan == ["IM01", "TK03"] and "tim tim-spbe: jabatan 'Sandiman Ahli Pertama' tidak ada lagi" in out
    # impor kedua: usulan pertama juga tidak ditimpa
    pertama = usulan.read_bytes()
    kode, out2, _ = jalan("impor", str(lembar), "--keluar", str(orgs))
    assert kode == 0 and usulan.read_bytes() == pertama and (orgs / "diskominfo.yaml.usulan-2").read_bytes() == pertama


def test_impor_bolak_balik_ke_folder_asli_tanpa_perubahan(tmp_path):
    lembar = tmp_path / "peta.xlsx"
    assert jalan("ekspor", str(ROOT / "orgs"), "--keluar", str(lembar))[0] == 0
    orgs = tmp_path / "orgs"
    shutil.copytree(ROOT / "orgs", orgs)
    kode, out, err = jalan("impor", str(lembar), "--keluar", str(orgs), "--unit", "setda")
    assert kode == 0, err
    assert "  struktur: tidak berubah" in out and "  anggota kelompok: tidak berubah" in out
    assert list(orgs.glob("*.usulan")) == [orgs / "setda.yaml.usulan"]


def test_ekspor_menolak_berkas_org_rusak(tmp_path):
    src = tmp_path / "orgs"
    src.mkdir()
    shutil.copy(ROOT / "orgs" / "diskominfo.yaml", src)
    (src / "rusak.yaml").write_text("id: rusak\nnama: [tidak ditutup\n", encoding="utf-8")
    kode, _, err = jalan("ekspor", str(src), "--keluar", str(tmp_path / "peta.xlsx"))
    assert kode == 1 and "rusak.yaml:2:" in err and "ekspor dibatalkan" in err and not (tmp_path / "peta.xlsx").exists()
    assert not list(tmp_path.glob(".ekspor-*"))
