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
