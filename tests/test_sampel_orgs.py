"""Data contoh orgs/ (ilustratif) harus lolos pemeriksa dan mewakili semua mekanisme M1-M10.

Pemeriksa dijalankan sebagai proses terpisah, sama seperti di CI (kontrak CLI di SPEC).
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from policy.katalog import katalog

ROOT = Path(__file__).resolve().parent.parent
ORGS = ROOT / "orgs"
BERKAS = sorted(ORGS.glob("*.yaml"))

KECAMATAN_DAIRI = {
    "Sidikalang", "Berampu", "Sitinjo", "Parbuluan", "Sumbul", "Silahisabungan", "Silima Pungga-Pungga",
    "Lae Parira", "Siempat Nempu", "Siempat Nempu Hulu", "Siempat Nempu Hilir", "Tigalingga",
    "Gunung Sitember", "Pegagan Hilir", "Tanah Pinem",
}
#: 18 digit berturut-turut (boleh dipisah spasi/titik/tanda hubung), pola NIP
NIP_LIKE = re.compile(r"(?<!\d)(?:\d[ .-]?){17}\d(?!\d)")


def _jalankan(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8")


@pytest.fixture(scope="module")
def hasil_json() -> dict:
    proses = _jalankan("-m", "policy", "check", "orgs/", "--format", "json")
    assert proses.returncode == 0, f"pemeriksa keluar {proses.returncode}\n{proses.stdout[-3000:]}\n{proses.stderr[-3000:]}"
    return json.loads(proses.stdout)


@pytest.fixture(scope="module")
def data() -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in BERKAS}


def test_pemeriksa_lolos_tanpa_kesalahan(hasil_json):
    assert hasil_json["errors"] == 0
    galat = [f for f in hasil_json["findings"] if f["severity"] == "error"]
    assert galat == []


def test_minimal_30_berkas(hasil_json):
    assert len(BERKAS) >= 30
    assert hasil_json["files"] == len(BERKAS)
    dimuat = {Path(k["file"]).stem for k in hasil_json["kelompok"]}
    assert dimuat == {p.stem for p in BERKAS}, "setiap berkas termuat dan punya kelompok"


def test_semua_mekanisme_m1_sampai_m10(hasil_json):
    ada = {k["mekanisme"] for k in hasil_json["kelompok"]}
    hilang = [m for m in katalog().kode_jenis("contoh") if m not in ada]
    assert hilang == []


def test_peringatan_hanya_satu_tk01_yang_disengaja(hasil_json):
    peringatan = [f for f in hasil_json["findings"] if f["severity"] == "warning"]
    assert len(peringatan) <= 1
    for f in peringatan:
        assert f["rule"] == "TK01"
        # kasus yang disengaja didokumentasikan dengan komentar di berkasnya
        teks = (ROOT / f["file"]).read_text(encoding="utf-8")
        assert "TK01" in teks


def test_tepat_satu_pengecualian_level_dan_sk08_hanya_di_sana(data, hasil_json):
    dengan_pengecualian = [i for i, d in data.items() if d.get("pengecualian_level")]
    assert len(dengan_pengecualian) == 1
    sk08 = {Path(f["file"]).stem for f in hasil_json["findings"] if f["rule"] == "SK08"}
    assert sk08 == set(dengan_pengecualian)


def test_lima_belas_kecamatan_dairi(data):
    nama = {d["nama"] for d in data.values() if d["jenis"] == "kecamatan"}
    assert nama == {f"Kecamatan {k}" for k in KECAMATAN_DAIRI}


def test_ada_anggota_tim_lintas_instansi(data):
    lintas_instansi = [
        (i, t["id"], a["instansi"])
        for i, d in data.items() for t in d.get("tim_kerja") or []
        for a in [t["ketua"], *t.get("anggota", [])] if "instansi" in a
    ]
    assert lintas_instansi, "minimal satu anggota tim dari instansi lain"


@pytest.mark.parametrize("berkas", BERKAS, ids=lambda p: p.name)
def test_tanpa_nomor_mirip_nip_dan_berkepala_ilustratif(berkas):
    teks = berkas.read_text(encoding="utf-8")
    assert not NIP_LIKE.search(teks)
    baris = teks.splitlines()
    assert baris[0] == "# yaml-language-server: $schema=../schema/org.schema.json"
    assert baris[1].startswith("# Data contoh (ilustratif)")


def test_skrip_cakupan_lulus_pada_sampel():
    proses = _jalankan("scripts/cakupan_mekanisme.py")
    assert proses.returncode == 0, proses.stderr
    for m in katalog().kode_jenis("contoh"):
        assert re.search(rf"^\s+{m}\s+[1-9]\d*$", proses.stdout, re.M), f"{m} tidak tercetak dengan jumlah > 0"


def test_skrip_cakupan_gagal_bila_mekanisme_kurang(tmp_path):
    # satu kecamatan saja hanya memuat M4/M5 dan pola umum: skrip harus keluar 1
    folder = tmp_path / "orgs"
    folder.mkdir()
    shutil.copy(ORGS / "kec-berampu.yaml", folder)
    proses = _jalankan(str(ROOT / "scripts" / "cakupan_mekanisme.py"), str(folder))
    assert proses.returncode == 1
    contoh = katalog().kode_jenis("contoh")
    assert f"{contoh[0]}," in proses.stderr and contoh[-1] in proses.stderr
