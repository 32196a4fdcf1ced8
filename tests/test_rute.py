"""``python -m policy rute``: rute penugasan Lampiran B.2 (Gambar 18–22) untuk pasangan dari orgs/."""
from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from policy import cli
from policy.katalog import katalog
from policy.mekanisme import ISI_SURAT_PERMOHONAN, prosedur
from policy.rute import CARA, muat, pimpinan_unit, rute

ROOT = Path(__file__).resolve().parents[1]


def jalankan(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main(["rute", "--orgs", str(ROOT / "orgs"), *argv])
    return code, out.getvalue(), err.getvalue()


def rute_json(pemilik: str, pegawai: str, cara: str = "penunjukan") -> tuple[int, dict]:
    code, out, _ = jalankan("--pemilik", pemilik, "--pegawai", pegawai, "--cara", cara, "--format", "json")
    return code, json.loads(out)


# (pemilik, pegawai, cara) → gambar; satu pasangan per gambar dari data contoh
PASANGAN = [
    ("diskominfo/kabid-aptika", "diskominfo/kjf-aptika", "penunjukan", 18, "dalam_unit"),
    ("diskominfo/kabid-aptika", "bappeda/kjf-perencanaan", "penunjukan", 19, "lintas_unit"),
    ("diskominfo/kabid-aptika", "diskominfo/kjf-statistik", "penunjukan", 19, "lintas_unit"),
    ("diskominfo/kabid-aptika", "instansi:Pemerintah Kabupaten Karo", "penunjukan", 20, "lintas_instansi"),
    ("diskominfo/kabid-aptika", "diskominfo/kjf-aptika", "sukarela", 21, "dalam_unit"),
    ("diskominfo/kabid-aptika", "bappeda/kjf-perencanaan", "sukarela", 22, "lintas_unit"),
]


@pytest.mark.parametrize("pemilik,pegawai,cara,gambar,lingkup", PASANGAN)
def test_gambar_dan_langkah(pemilik, pegawai, cara, gambar, lingkup):
    code, j = rute_json(pemilik, pegawai, cara)
    assert code == 0 and j["boleh"] and j["temuan"] is None
    assert j["gambar"] == gambar and j["lingkup"] == lingkup and j["cara"] == cara
    pr = prosedur(gambar)
    # setiap langkah prosedur ada, berurutan, dengan jangkarnya
    assert [x["nomor"] for x in j["langkah"]] == [lk.nomor for lk in pr.langkah()]
    assert [x["jangkar"] for x in j["langkah"]] == [lk.sumber for lk in pr.langkah()]
    # tidak ada isian yang tertinggal dan tidak ada sebutan generik "dituju" sebagai nama jabatan
    for x in j["langkah"]:
        assert "{" not in x["uraian"]
        for p in [x["pengirim"], x["penerima"], *x["tembusan"]]:
            if p is not None:
                assert "dituju" not in p["jabatan"] and p["jabatan"]
    # empat muatan surat permohonan hanya pada penunjukan lintas unit/instansi
    kp = katalog().prosedur[gambar]
    assert j["isi_surat_permohonan"] == (list(ISI_SURAT_PERMOHONAN) if kp.surat_permohonan else [])
    assert len(ISI_SURAT_PERMOHONAN) == 4
    assert j["penyetuju"]["peran"] == kp.penyetuju


def test_lintas_unit_nama_kedua_pihak():
    _, j = rute_json("diskominfo/kabid-aptika", "bappeda/kjf-perencanaan")
    a = j["langkah"][0]
    assert a["pengirim"]["acuan"] == "diskominfo/kabid-aptika"
    assert a["penerima"]["acuan"] == "bappeda/kaban"  # penilai kjf-perencanaan
    assert [t["acuan"] for t in a["tembusan"]] == ["diskominfo/kadis"]  # penilai kjf-aptika (interpretasi)
    assert j["penyetuju"]["acuan"] == "bappeda/kaban"
    assert any(i["peran"] == "ppk_pemilik" for i in j["interpretasi"])
    # cabang disetujui / tidak disetujui dengan alasan
    assert [c["kondisi"] for c in j["cabang"][0]["cabang"]] == ["permohonan disetujui", "permohonan tidak disetujui"]


def test_lintas_instansi_pejabat_berwenang_dairi_adalah_interpretasi():
    _, j = rute_json("diskominfo/kabid-aptika", "instansi:Pemerintah Kabupaten Karo")
    pb = j["pejabat"]["pejabat_berwenang"]
    assert pb["acuan"] == "setda/sekda" and pb["interpretasi"]
    assert j["pejabat"]["pejabat_berwenang_dituju"]["jabatan"] == "Pejabat yang Berwenang Pemerintah Kabupaten Karo"
    e3 = next(x for x in j["langkah"] if x["huruf"] == "e.3")
    assert [t["peran"] for t in e3["tembusan"]] == ["pejabat_berwenang_dituju", "ppk_dituju", "pejabat_berwenang"]
    # cabang "tidak tersedia" dinyatakan (naskah tidak mengatur langkah lanjutannya)
    assert any(c["kondisi"].startswith("selain itu") for b in j["cabang"] for c in b["cabang"])


def test_teks_memuat_nama_dan_isi_surat():
    code, out, _ = jalankan("--pemilik", "diskominfo/kabid-aptika", "--pegawai", "bappeda/kjf-perencanaan")
    assert code == 0
    assert "Gambar 19" in out and "Kepala Badan Perencanaan Pembangunan Daerah" in out
    assert "tembusan: Kepala Dinas Komunikasi dan Informatika" in out
    assert "durasi pelibatan" in out and "Interpretasi:" in out


@pytest.mark.parametrize("pemilik,pegawai,cara,rule", [
    ("diskominfo/kabid-aptika", "instansi:Pemerintah Kabupaten Karo", "sukarela", "RT01"),
    ("diskominfo/kadis", "diskominfo/kjf-aptika", "penunjukan", "RT02"),
])
def test_penolakan_exit_1(pemilik, pegawai, cara, rule):
    code, j = rute_json(pemilik, pegawai, cara)
    assert code == 1 and not j["boleh"] and j["gambar"] is None and j["langkah"] == []
    assert j["temuan"]["id"] == rule and j["temuan"]["basis"] and j["temuan"]["jangkar"]
    code, out, _ = jalankan("--pemilik", pemilik, "--pegawai", pegawai, "--cara", cara)
    assert code == 1 and f"DITOLAK {rule}" in out


@pytest.mark.parametrize("pemilik,pegawai,saran", [
    ("diskominfoo/kabid-aptika", "diskominfo/kjf-aptika", "'diskominfo'"),
    ("diskominfo/kabid-aptik", "diskominfo/kjf-aptika", "'kabid-aptika'"),
    ("diskominfo/kabid-aptika", "diskominfo/kjf-aptik", "'kjf-aptika'"),
    ("diskominfo/kabid-aptika", "bapeda/kjf-perencanaan", "'bappeda'"),
    ("diskominfo", "diskominfo/kjf-aptika", "diskominfo/kabid-aptika"),
])
def test_nama_tidak_dikenal_exit_2(pemilik, pegawai, saran):
    code, out, err = jalankan("--pemilik", pemilik, "--pegawai", pegawai)
    assert code == 2 and out == "" and saran in err and "Traceback" not in err


def test_kunci_json_stabil():
    """Kontrak JSON (README, bagian Rute penugasan): kunci tidak boleh hilang atau berganti nama."""
    _, j = rute_json("diskominfo/kabid-aptika", "bappeda/kjf-perencanaan")
    assert list(j) == ["pemilik", "pegawai", "cara", "lingkup", "boleh", "temuan", "gambar", "prosedur", "pejabat",
                       "penyetuju", "langkah", "cabang", "isi_surat_permohonan", "interpretasi"]
    assert set(j["pemilik"]) == {"peran", "label", "jabatan", "unit", "acuan", "interpretasi", "berkas"}
    assert set(j["pegawai"]) == {"acuan", "jenis", "berkas", "unit", "kelompok", "nama_kelompok", "jabatan"}
    assert set(j["prosedur"]) == {"kode", "judul", "jangkar"}
    assert set(j["langkah"][0]) == {"nomor", "huruf", "kondisi", "pengirim", "penerima", "tembusan", "kiriman",
                                    "uraian", "balasan", "jangkar"}
    _, t = rute_json("diskominfo/kadis", "diskominfo/kjf-aptika")
    assert list(t) == list(j) and set(t["temuan"]) == {"id", "judul", "pesan", "saran", "basis", "jangkar"}


def test_penyetuju_wajib_sama_dengan_rute():
    """TK05 memakai penyetuju_wajib (tanpa berkas alur); hasilnya sama dengan penyetuju rute lengkap."""
    from policy.rute import muat, penyetuju_wajib, rute

    indeks = muat(ROOT / "orgs")
    u = indeks.units["diskominfo"]
    for kel in ("kjf-aptika", "kjf-statistik", "bappeda/kjf-perencanaan", "setda/kjf-organisasi"):
        acuan = kel if "/" in kel else f"diskominfo/{kel}"
        harap = {rute(indeks, "diskominfo/kabid-aptika", acuan, c).as_json()["penyetuju"]["acuan"]
                 for c in ("penunjukan", "sukarela")}
        assert penyetuju_wajib(indeks, u, "kabid-aptika", kel) == harap


def test_tanpa_tembusan_kepada_diri_sendiri():
    """Kepala Badan yang sekaligus Pimpinan Unit Organisasi dan Pejabat Penilai Kinerja pemohon tidak
    menembuskan surat permohonannya kepada dirinya sendiri (CLI dan halaman memakai aturan yang sama)."""
    _, j = rute_json("bappeda/kaban", "bkpsdm/kjf-sekretariat")
    a = j["langkah"][0]
    assert a["pengirim"]["acuan"] == "bappeda/kaban" and a["tembusan"] == []
    assert j["pejabat"]["ppk_pemilik"]["acuan"] == "bappeda/kaban"  # perannya tetap tercatat
    # di seluruh data contoh: tidak ada langkah yang menembuskan kepada pengirim/penerimanya atau dua kali
    indeks = muat(ROOT / "orgs")
    for u in indeks.units.values():
        for p in pimpinan_unit(u):
            for v in list(indeks.units.values())[::7]:
                for k in v.org.kelompok[:1]:
                    for cara in CARA:
                        for x in rute(indeks, f"{u.id}/{p}", f"{v.id}/{k.id}", cara).as_json()["langkah"]:
                            acuan = [t["acuan"] for t in x["tembusan"] if t["acuan"]]
                            assert len(acuan) == len(set(acuan))
                            assert not set(acuan) & {x["pengirim"]["acuan"], (x["penerima"] or {}).get("acuan")}
