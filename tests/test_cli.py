"""Kontrak CLI (SPEC): kode keluar, format, keluaran stabil, stdout bersih."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kasus_yaml import ROOT
from policy.katalog import katalog

GH = re.compile(r"^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,title=[A-Z]+[0-9]*::\S.*$")
KASUS = ROOT / "tests" / "cases"


def run(*args, env=None, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "policy", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)


def test_sampel_lulus_dan_json_bersih():
    r = run("check", "orgs", "--format", "json")
    assert r.returncode == 0, r.stdout + r.stderr
    data = json.loads(r.stdout)  # stdout hanya JSON (tanpa peringatan IPython dari mermaid-py)
    assert data["errors"] == 0 and data["files"] >= 30
    assert {"files", "errors", "warnings", "findings", "kelompok"} <= set(data)
    assert all({"rule", "severity", "file", "line", "col", "message", "basis"} <= set(f) for f in data["findings"])


def test_keluaran_stabil_lintas_hashseed():
    a = run("check", "orgs", str(KASUS / "sk05-pimpinan-bukan-bawahan-langsung" / "orgs"), "--format", "json",
            env={"PYTHONHASHSEED": "1"})
    b = run("check", str(KASUS / "sk05-pimpinan-bukan-bawahan-langsung" / "orgs"), "orgs", "--format", "json",
            env={"PYTHONHASHSEED": "2"})
    assert a.stdout == b.stdout and a.returncode == b.returncode == 1


def test_temuan_terurut():
    r = run("check", str(KASUS / "sk07-kelompok-tidak-lengkap" / "orgs"), "--format", "json")
    f = json.loads(r.stdout)["findings"]
    assert f == sorted(f, key=lambda x: (x["file"], x["line"], x["rule"], x["col"], x["message"]))


@pytest.mark.parametrize("kasus", ["sk05-pimpinan-bukan-bawahan-langsung", "input-kunci-ganda", "sk09-tanpa-aplikasi-umum",
                                   "sk06-pengecualian-sah"])
def test_format_github_anotasi_sah(kasus):
    r = run("check", str(KASUS / kasus / "orgs"), "--format", "github")
    baris = r.stdout.splitlines()
    assert baris, r.stderr
    for b in baris:
        assert GH.match(b), b


def test_github_escape():
    from policy.keluaran import baris_github
    from policy.temuan import Temuan

    t = Temuan("SK01", "error", "orgs/a,b:c.yaml", 3, 4, "100% salah\nbaris dua", basis="Pasal 1")
    out = baris_github(t)
    assert "\n" not in out and "100%25 salah%0Abaris dua" in out
    assert out.startswith("::error file=orgs/a%2Cb%3Ac.yaml,line=3,col=4,title=SK01::")


def test_format_teks():
    r = run("check", str(KASUS / "sk05-pimpinan-bukan-bawahan-langsung" / "orgs"))
    assert r.returncode == 1
    assert re.match(r"^\S+setda\.yaml:13:\d+: error SK05 .+\[Lampiran B\.2.*\]$", r.stdout.strip())
    assert "1 kesalahan" in r.stderr


@pytest.mark.parametrize("args", [["check", "tidak-ada-di-mana-mana/"], ["check", "--format", "xml"], ["tidak-ada"], []])
def test_salah_pemakaian_exit_2(args):
    r = run(*args)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and r.stdout == ""


def test_explain_bahasa_indonesia():
    r = run("explain", "orgs/setda.yaml")
    assert r.returncode == 0
    for kata in ("Pejabat Penilai Kinerja", "Pimpinan Unit Organisasi"):
        assert kata in r.stdout
    for n in (8, 9, 10):  # contoh Lampiran D untuk Sekretariat Daerah (kode dan gambar dari katalog)
        m = katalog().mekanisme_contoh(n)
        assert f"Mekanisme               : {m.kode}, Gambar {m.gambar} (Lampiran D angka {n})" in r.stdout


def test_rules_katalog_lengkap():
    r = run("rules", "--format", "json")
    aturan = json.loads(r.stdout)["rules"]
    per_tahap: dict[str, set[str]] = {}
    for a in aturan:
        per_tahap.setdefault(a["tahap"], set()).add(a["id"])
    # satu registri untuk semua tahap: berkas org (dokumen, unit), rute penugasan, naskah Perbup
    assert per_tahap["dokumen"] | per_tahap["unit"] == ({f"SK{i:02d}" for i in range(1, 13)}
                                                       | {f"TK{i:02d}" for i in range(1, 8)} | {"IM01"})
    assert per_tahap["dokumen"] == {"SK10"}
    assert per_tahap["rute"] == {"RT01", "RT02"}
    assert per_tahap["naskah"] == {"HK01", "HK02", "HK03", "HK04", "HK05", "HK06", "HK07", "HK08", "HK09", "HK10"}
    for a in aturan:
        assert a["basis"] and a["severity"] in ("error", "warning", "info")
        # aturan berkas org punya masa berlaku di katalog; naskah dan rute menilai keadaan saat ini
        assert bool(a["berlaku"]) == (a["tahap"] in ("dokumen", "unit")), a["id"]


def test_berkas_tunggal_memakai_tetangga_sebagai_konteks():
    """pre-commit memeriksa berkas satu per satu: acuan lintas berkas tetap terselesaikan."""
    r = run("check", "orgs/setda.yaml", "--format", "json")
    data = json.loads(r.stdout)
    assert r.returncode == 0 and data["files"] == 1
    assert {f["file"] for f in data["findings"]} <= {"orgs/setda.yaml"}
    assert {k["file"] for k in data["kelompok"]} == {"orgs/setda.yaml"}


def test_pipa_ditutup_pembaca_tanpa_traceback():
    """``python -m policy … | head``: pembaca menutup pipa lebih dulu → keluar 1 tanpa traceback."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    p = subprocess.Popen([sys.executable, "-m", "policy", "lint-peraturan", "--semua"], cwd=ROOT, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.close()  # sebelum anak sempat menulis apa pun (mengimpor saja perlu ±0,2 s)
    err = p.stderr.read().decode()
    assert p.wait() == 1 and "Traceback" not in err, err
