"""Korpus masukan buruk (issue 6): setiap berkas memberi INPUT atau aturan yang tepat pada baris
yang tepat, exit 1, tanpa traceback, dalam waktu dan memori terbatas.

Harapan ada di ``harapan.yaml`` (ditulis tangan). ``check`` dijalankan sebagai subproses dengan
batas waktu dan ``RLIMIT_AS`` agar bom alias atau rekursi tak terbatas tidak bisa lolos diam-diam.
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SINI = Path(__file__).resolve().parent
BERKAS = SINI / "berkas"
HARAPAN = yaml.safe_load((SINI / "harapan.yaml").read_text(encoding="utf-8"))["kasus"]
MEMORI = 1024 ** 3  # 1 GB ruang alamat
WAKTU = 30  # detik per subproses


def _batas():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORI, MEMORI))


def check(*paths: str | Path, cwd: Path = ROOT) -> tuple[int, dict, str]:
    """Jalankan ``python -m policy check --format json`` dalam subproses terbatas."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    p = subprocess.run([sys.executable, "-m", "policy", "check", "--format", "json", *map(str, paths)],
                       cwd=cwd, capture_output=True, text=True, timeout=WAKTU, preexec_fn=_batas, env=env)
    teks = p.stdout + p.stderr
    assert "Traceback" not in teks, teks[-3000:]
    return p.returncode, json.loads(p.stdout) if p.stdout.strip() else {}, p.stderr


def _ringkas(data: dict, nama: str) -> list[dict]:
    return [f for f in data.get("findings", []) if f["severity"] == "error" and Path(f["file"]).name == nama]


def _cocokkan(kasus: dict, temuan: list[dict]) -> None:
    dapat = Counter((f["rule"], f["line"]) for f in temuan)
    harap = Counter((t["aturan"], t["baris"]) for t in kasus["temuan"])
    assert dapat == harap, f"{kasus['berkas']} ({kasus['keterangan']}): {[(f['rule'], f['line'], f['message']) for f in temuan]}"
    for t in kasus["temuan"]:
        if "pesan" in t:
            teks = [f"{f['message']} {f.get('hint', '')}" for f in temuan if (f["rule"], f["line"]) == (t["aturan"], t["baris"])]
            assert any(t["pesan"] in s for s in teks), f"{kasus['berkas']}: '{t['pesan']}' tidak ada di {teks}"


def test_korpus_lengkap():
    """Setiap berkas korpus punya harapan dan sebaliknya; paling sedikit 40 berkas."""
    ada = {p.name for p in BERKAS.iterdir()}
    tercatat = [k["berkas"] for k in HARAPAN]
    assert len(tercatat) == len(set(tercatat))
    assert ada == set(tercatat)
    assert len(ada) >= 40


@pytest.fixture(scope="module")
def hasil_korpus():
    """Satu subproses atas seluruh direktori korpus (berkas buruk tidak menjatuhkan yang lain)."""
    code, data, _ = check(BERKAS.relative_to(ROOT))
    assert code == 1
    assert data["files"] == len(HARAPAN)
    return data


@pytest.mark.parametrize("kasus", HARAPAN, ids=[k["berkas"] for k in HARAPAN])
def test_kasus_dalam_direktori(kasus, hasil_korpus):
    _cocokkan(kasus, _ringkas(hasil_korpus, kasus["berkas"]))


#: berkas yang paling mungkin menghabiskan waktu/memori atau menjatuhkan pengurai: diperiksa sendiri-sendiri
BERBAHAYA = ["bom-alias.yaml", "bersarang-alir.yaml", "bersarang-blok.yaml", "bersarang-strip.yaml",
             "teks-sangat-panjang.yaml", "kunci-sangat-panjang.yaml", "tag-python.yaml", "utf16-le-bom.yaml",
             "karakter-nul.yaml", "crlf.yaml", "kosong.yaml", "nip-sebagai-angka.yaml"]


@pytest.mark.parametrize("nama", BERBAHAYA)
def test_berkas_tunggal_dibatasi(nama, tmp_path):
    """Per berkas, sendirian di direktori sementara: exit 1, temuan tepat, tanpa traceback."""
    kasus = next(k for k in HARAPAN if k["berkas"] == nama)
    shutil.copy(BERKAS / nama, tmp_path / nama)
    code, data, _ = check(nama, cwd=tmp_path)
    assert code == 1
    _cocokkan(kasus, _ringkas(data, nama))


SAH = """id: {id}
nama: Dinas Contoh
jenis: dinas
aplikasi_spbe: [srikandi]
struktur:
  - {{id: kadis, jabatan: Kepala Dinas, jenis: jpt_pratama}}
kelompok:
  - id: kjf
    penilai: kadis
    pimpinan_unit: kadis
    anggota: [{{jabatan: Arsiparis Ahli Pertama, jenis: fungsional}}]
"""


def _khusus(tmp_path: Path) -> dict[str, str]:
    """Buat entri sistem berkas yang tidak bisa di-commit; kembalikan nama → potongan pesan."""
    (tmp_path / "x.yaml").mkdir()
    (tmp_path / "x.yaml" / "isi.yaml").write_text(SAH.format(id="isi"), encoding="utf-8")
    os.symlink("putar-b.yaml", tmp_path / "putar-a.yaml")
    os.symlink("putar-a.yaml", tmp_path / "putar-b.yaml")
    os.symlink("diri.yaml", tmp_path / "diri.yaml")
    os.mkfifo(tmp_path / "pipa.yaml")
    os.symlink("/dev/zero", tmp_path / "nol.yaml")
    with open(tmp_path / "raksasa.yaml", "wb") as fh:
        fh.write(SAH.format(id="raksasa").encode() + b"# " + b"x" * (3 * 1024 * 1024) + b"\n")
    # tautan ke luar direktori kerja (akar tanpa .git): ditolak tanpa dibaca; isinya tidak boleh tergema
    (tmp_path.parent / f"{tmp_path.name}-luar.yaml").write_text("id: RAHASIA-LUAR\n", encoding="utf-8")
    os.symlink(tmp_path.parent / f"{tmp_path.name}-luar.yaml", tmp_path / "keluar.yaml")
    os.symlink("sah.yaml", tmp_path / "tautan-dalam.yaml")
    return {"x.yaml": "direktori", "putar-a.yaml": "symlink", "putar-b.yaml": "symlink", "diri.yaml": "symlink",
            "pipa.yaml": "bukan berkas biasa", "nol.yaml": "keluar dari repositori", "keluar.yaml": "keluar dari repositori",
            "raksasa.yaml": "lebih besar"}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="butuh POSIX")
def test_entri_khusus_sistem_berkas(tmp_path):
    """Direktori bernama x.yaml, symlink berputar, FIFO, tautan ke /dev/zero dan ke luar direktori kerja,
    berkas > 2 MB: INPUT baris 1, tanpa hang, tanpa isi target tautan di keluaran."""
    harap = _khusus(tmp_path)
    (tmp_path / "sah.yaml").write_text(SAH.format(id="sah"), encoding="utf-8")
    for nama, pesan in harap.items():
        code, data, err = check(nama, cwd=tmp_path)
        assert code == 1, nama
        assert "RAHASIA-LUAR" not in json.dumps(data) + err
        temuan = _ringkas(data, nama)
        assert [(f["rule"], f["line"]) for f in temuan] == [("INPUT", 1)], (nama, temuan)
        assert pesan in temuan[0]["message"], (nama, temuan)
    # seluruh direktori sekaligus: berkas sah tetap diperiksa tanpa temuan
    code, data, _ = check(".", cwd=tmp_path)
    assert code == 1
    assert not [f for f in data["findings"] if f["file"] == "sah.yaml" and f["severity"] == "error"]
    assert {Path(f["file"]).name for f in data["findings"] if f["rule"] == "INPUT"} == set(harap)
    # tautan di dalam direktori kerja tetap dimuat (id 'sah' di berkas bernama tautan-dalam.yaml)
    assert any(f["file"] == "tautan-dalam.yaml" and f["rule"] == "SK01" for f in data["findings"])
    assert "RAHASIA-LUAR" not in json.dumps(data)
