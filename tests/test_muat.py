"""Pemuat YAML: posisi tepat, tanpa kejutan YAML 1.1, masukan buruk menjadi temuan INPUT."""
from __future__ import annotations

import os
import time

import pytest

from policy.domain import muat_unit
from policy.muat import muat_yaml

DASAR = """id: x
nama: Dinas X
jenis: dinas
struktur:
  - {id: kadis, jabatan: Kepala Dinas, jenis: jpt_pratama}
"""


def muat(tmp_path, teks, nama="x.yaml", mode="w"):
    p = tmp_path / nama
    if isinstance(teks, bytes):
        p.write_bytes(teks)
    else:
        p.write_text(teks, encoding="utf-8")
    return muat_yaml(p, nama)


def test_posisi_nilai_dan_kunci(tmp_path):
    d = muat(tmp_path, DASAR)
    assert d.temuan == []
    assert d.posisi(("struktur", 0, "jabatan")) == (5, 26)
    assert d.posisi_kunci(("jenis",)) == (3, 1)
    assert d.posisi(("struktur", 0, "tidak-ada")) == (5, 5)  # jatuh ke induk


@pytest.mark.parametrize("teks,harap", [
    ("a: no", "no"), ("a: on", "on"), ("a: yes", "yes"), ("a: 08", "08"), ("a: 2024-09-27", "2024-09-27"),
    ("a: 0o17", "0o17"), ("a: 0x1F", "0x1F"), ("a: 1_000", "1_000"), ("a: true", True), ("a: 12", 12),
    ("a: ~", None), ("a:", None), ("a: '12'", "12"), ("a: 1.5", 1.5),
])
def test_skalar_yaml_12(tmp_path, teks, harap):
    assert muat(tmp_path, teks).data == {"a": harap}


@pytest.mark.parametrize("teks,baris", [
    ("a: 1\na: 2\n", 2),
    ("a:\n  b: 1\n  c: 2\n  b: 3\n", 4),
    ("a:\n  - {x: 1, x: 2}\n", 2),
    ("a:\n  - b:\n      c: 1\n      c: 1\n", 4),
])
def test_kunci_ganda_di_setiap_tingkat(tmp_path, teks, baris):
    d = muat(tmp_path, teks)
    assert d.data is None and len(d.temuan) == 1
    assert d.temuan[0].rule == "INPUT" and d.temuan[0].line == baris and "dua kali" in d.temuan[0].message


def test_crlf_dan_bom(tmp_path):
    d = muat(tmp_path, b"\xef\xbb\xbf" + DASAR.replace("\n", "\r\n").encode())
    assert d.temuan == [] and d.posisi(("struktur", 0, "jabatan"))[0] == 5


def test_bom_alias_dibatasi_waktu(tmp_path):
    bom = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8))
    t = time.perf_counter()
    d = muat(tmp_path, bom)
    assert time.perf_counter() - t < 2
    assert d.temuan[0].rule == "INPUT" and d.temuan[0].line == 1


def test_merge_key(tmp_path):
    d = muat(tmp_path, "a: 1\n<<: {b: 2}\n")
    assert d.temuan[0].line == 2 and "merge" in d.temuan[0].message


def test_bersarang_dalam(tmp_path):
    d = muat(tmp_path, "a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert d.temuan and d.temuan[0].rule == "INPUT"


def test_direktori_bernama_yaml(tmp_path):
    (tmp_path / "x.yaml").mkdir()
    d = muat_yaml(tmp_path / "x.yaml", "x.yaml")
    assert d.temuan[0].rule == "INPUT" and "direktori" in d.temuan[0].message


@pytest.mark.skipif(os.name != "posix", reason="symlink")
def test_symlink_loop(tmp_path):
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    d = muat_yaml(tmp_path / "a.yaml", "a.yaml")
    assert d.temuan[0].rule == "INPUT" and "symlink" in d.temuan[0].message


def test_non_utf8_baris_tepat(tmp_path):
    d = muat(tmp_path, b"id: x\nnama: Dinas \xe9\n")
    assert d.temuan[0].line == 2 and d.temuan[0].col == 13 and "UTF-8" in d.temuan[0].message


def test_multi_dokumen(tmp_path):
    d = muat(tmp_path, "a: 1\n---\nb: 2\n")
    assert d.temuan[0].rule == "INPUT" and "lebih dari satu dokumen" in d.temuan[0].message


def test_salah_ketik_kolom_saran(tmp_path):
    p = tmp_path / "x.yaml"
    p.write_text(DASAR + "kelompok:\n  - id: k\n    penilai: kadis\n    pimpinan_unti: kadis\n", encoding="utf-8")
    unit, temuan, _ = muat_unit(p, "x.yaml")
    assert unit is None and len(temuan) == 1
    t = temuan[0]
    assert (t.line, t.col) == (9, 5) and "pimpinan_unit" in t.hint


def test_enum_saran(tmp_path):
    p = tmp_path / "x.yaml"
    p.write_text(DASAR.replace("jenis: dinas", "jenis: dinass"), encoding="utf-8")
    _, temuan, _ = muat_unit(p, "x.yaml")
    assert temuan[0].line == 3 and "'dinas'" in temuan[0].hint


def test_string_panjang_dibatasi(tmp_path):
    p = tmp_path / "x.yaml"
    p.write_text(DASAR.replace("nama: Dinas X", "nama: " + "x" * 100_000), encoding="utf-8")
    _, temuan, _ = muat_unit(p, "x.yaml")
    assert temuan[0].rule == "INPUT" and temuan[0].line == 2 and "terlalu panjang" in temuan[0].message


# ---------------------------------------------------------------------------
# Tautan simbolik yang keluar dari repositori: ditolak tanpa membuka targetnya

RAHASIA = "RAHASIA-JANGAN-TAMPIL"
ORG_SAH = """id: {id}
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


@pytest.fixture
def repo_bertautan(tmp_path):
    """repo/ (dengan .git) berisi tautan ke dalam dan ke luar; luar/ berisi 'rahasia' yang akan
    tergema di pesan temuan bila pernah dibaca (nilai enum salah dan kolom tak dikenal)."""
    repo, luar = tmp_path / "repo", tmp_path / "luar"
    (repo / ".git").mkdir(parents=True)
    (repo / "orgs").mkdir()
    (repo / "data").mkdir()
    (luar / "folder").mkdir(parents=True)
    (repo / "orgs" / "dinas-a.yaml").write_text(ORG_SAH.format(id="dinas-a"), encoding="utf-8")
    (repo / "data" / "dinas-b.yaml").write_text(ORG_SAH.format(id="dinas-b"), encoding="utf-8")
    bocor = f"id: bocor\nnama: x\njenis: {RAHASIA}\n{RAHASIA}: 1\nstruktur: []\n"
    (luar / "rahasia.yaml").write_text(bocor, encoding="utf-8")
    (luar / "folder" / "isi.yaml").write_text(bocor, encoding="utf-8")
    (repo / "orgs" / "dinas-b.yaml").symlink_to("../data/dinas-b.yaml")  # di dalam repo: tetap dimuat
    (repo / "orgs" / "bocor.yaml").symlink_to(luar / "rahasia.yaml")  # absolut, keluar
    (repo / "orgs" / "relatif.yaml").symlink_to("../../luar/rahasia.yaml")  # relatif, keluar
    (repo / "orgs" / "putus.yaml").symlink_to("/tidak/ada/x.yaml")  # keluar dan putus: tetap tanpa dibaca
    (repo / "orgs-luar").symlink_to(luar / "folder", target_is_directory=True)
    return repo, luar


def _check(argv, monkeypatch, cwd):
    import contextlib
    import io
    import json

    import policy.muat
    from policy.cli import main

    dibaca = []
    asli = policy.muat._baca_teks
    monkeypatch.setattr(policy.muat, "_baca_teks", lambda p: (dibaca.append(os.path.realpath(p)), asli(p))[1])
    monkeypatch.chdir(cwd)
    keluar = {}
    for fmt in ("json", "text", "github"):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["check", *argv, "--format", fmt])
        assert RAHASIA not in out.getvalue() + err.getvalue()
        keluar[fmt] = out.getvalue()
    return code, json.loads(keluar["json"]), dibaca


@pytest.mark.skipif(os.name != "posix", reason="symlink")
def test_tautan_keluar_repositori_ditolak_tanpa_dibaca(repo_bertautan, monkeypatch):
    repo, luar = repo_bertautan
    code, data, dibaca = _check(["orgs"], monkeypatch, repo)
    assert code == 1 and data["files"] == 5
    temuan = {(f["file"], f["rule"], f["line"], f["col"]) for f in data["findings"] if f["severity"] == "error"}
    assert temuan == {(f"orgs/{n}.yaml", "INPUT", 1, 1) for n in ("bocor", "relatif", "putus")}
    assert all(f["message"] == "tautan simbolik keluar dari repositori: ditolak" for f in data["findings"])
    assert {k["file"] for k in data["kelompok"]} == {"orgs/dinas-a.yaml", "orgs/dinas-b.yaml"}  # tautan dalam repo jalan
    assert not [p for p in dibaca if p.startswith(str(luar)) or p.startswith("/tidak")]


@pytest.mark.skipif(os.name != "posix", reason="symlink")
def test_folder_tautan_keluar_tidak_didaftar(repo_bertautan, monkeypatch):
    repo, luar = repo_bertautan
    code, data, dibaca = _check(["orgs-luar", "orgs-luar/isi.yaml"], monkeypatch, repo)
    assert code == 1
    assert [(f["file"], f["rule"], f["line"]) for f in data["findings"]] == [
        ("orgs-luar", "INPUT", 1), ("orgs-luar/isi.yaml", "INPUT", 1)]
    assert dibaca == []


@pytest.mark.skipif(os.name != "posix", reason="symlink")
def test_berkas_tunggal_konteks_tetangga_keluar_dilewati(repo_bertautan, monkeypatch):
    """pre-commit memeriksa satu berkas: tetangga yang menaut ke luar tidak dibaca sebagai konteks."""
    repo, luar = repo_bertautan
    code, data, dibaca = _check(["orgs/dinas-a.yaml"], monkeypatch, repo)
    assert code == 0 and data["findings"] == []
    assert not [p for p in dibaca if not p.startswith(str(repo))]


@pytest.mark.skipif(os.name != "posix", reason="symlink")
def test_akar_tanpa_git_adalah_direktori_kerja(tmp_path, monkeypatch):
    """Tanpa .git di atasnya: akar = direktori kerja; tautan di dalamnya jalan, ke luarnya ditolak."""
    kerja = tmp_path / "kerja"
    kerja.mkdir()
    (tmp_path / "luar.yaml").write_text(f"id: luar\nnama: {RAHASIA}\n", encoding="utf-8")
    (kerja / "dinas-a.yaml").write_text(ORG_SAH.format(id="dinas-a"), encoding="utf-8")
    (kerja / "salinan.yaml").symlink_to("dinas-a.yaml")
    (kerja / "luar.yaml").symlink_to(tmp_path / "luar.yaml")
    code, data, dibaca = _check(["."], monkeypatch, kerja)
    assert [(f["file"], f["rule"]) for f in data["findings"] if f["rule"] == "INPUT"] == [("luar.yaml", "INPUT")]
    assert str(tmp_path / "luar.yaml") not in dibaca
    assert any(f["file"] == "salinan.yaml" and f["rule"] == "SK01" for f in data["findings"])  # dimuat (id beda nama)
