"""Isi lembar kerja adalah masukan tak tepercaya: YAML yang ditulis harus meng-escape dengan benar
(tidak ada kolom sisipan), dan terminal tidak pernah menerima karakter kontrol mentah."""
from __future__ import annotations

import pytest
import yaml

import buat_contoh as contoh
from bantu_impor import impor_ke, jalan, periksa

from policy.impor.teks import angka, bersih
from policy.impor.tulis import skalar_yaml
from policy.muat import skalar

JAHAT = [
    'Analis: # "kutip\' \n baris baru',
    "Analis Kebijakan\n- {id: jahat, jabatan: Penyusup, jenis: jpt_madya}",
    "Analis}\nkelompok: []\n#",
    "Analis  # TODO: bukan komentar",
    "&jangkar *alias !!python/object:os.system",
    "yes",
    "null",
    "0x1F",
    "1.5",
    "- butir",
    "Analis \u2028 pemisah \u0085 baris \x1b[31mmerah\x1b[0m",
    "Analis \\ \" '",
]


@pytest.mark.parametrize("teks", JAHAT)
def test_skalar_yaml_dibaca_kembali_sama(teks):
    dok = yaml.safe_load(f"a: {skalar_yaml(teks)}\nb: {{x: {skalar_yaml(teks)}}}\n")
    assert dok == {"a": teks, "b": {"x": teks}}


def test_sel_jahat_tidak_menyisipkan_kolom(tmp_path):
    baris = [["No", "Nama Jabatan", "Jenis Jabatan", "Bezetting", "Kebutuhan"],
             ["1", "Kepala Dinas Sosial", "JPT Pratama", "1", "1"],
             ["1.1", 'Sekretaris: # "x\' \n- {id: jahat}', "Administrator", "1", "1"]]
    baris += [[f"1.1.{i}", t, "Pelaksana", "1", "1"] for i, t in enumerate(JAHAT, 1)]
    path = contoh.lembar_csv(tmp_path, "jahat.csv", baris)
    orgs, err = impor_ke(tmp_path, path, "--unit", "dinsos")
    org = orgs["dinsos"]
    assert set(org) == {"id", "nama", "jenis", "induk", "dasar_hukum", "aplikasi_spbe", "struktur", "pengecualian_level", "kelompok"}
    assert [p["id"] for p in org["struktur"]] == ["kadis", "sekretaris"]
    assert org["struktur"][1]["jabatan"] == bersih('Sekretaris: # "x\' \n- {id: jahat}')
    (k,) = org["kelompok"]
    # teks sel utuh (spasi diringkas, kontrol dibuang); hanya tanda butir "- " di depan nama yang dibuang
    assert [a["jabatan"] for a in k["anggota"]] == [bersih(t).removeprefix("- ") for t in JAHAT]
    assert all(set(a) == {"jabatan", "jenis", "jumlah"} for a in k["anggota"])
    # pemuat proyek (YAML 1.2 ketat) membaca hal yang sama; check tidak menemukan kesalahan masukan
    kode, data = periksa(tmp_path / "orgs")
    assert not [f for f in data["findings"] if f["rule"] == "INPUT"], data["findings"]
    # IM01 tidak tertipu oleh "# TODO:" di dalam teks berkutip yang berasal dari lembar: baris itu dilaporkan
    # paling banyak sekali, dan isi lembar tetap utuh sebagai nilai
    assert "Analis # TODO: bukan komentar" in [a["jabatan"] for a in k["anggota"]]
    # tidak ada karakter kontrol mentah di terminal
    assert "\x1b" not in err


def test_terminal_tanpa_karakter_kontrol(tmp_path):
    baris = [["No", "Nama Jabatan\x1b[2J", "Jenis Jabatan", "Bezetting", "Cat\x07atan\x1b]0;judul\x07"],
             ["1", "Kepala Dinas Sosial", "JPT Pratama", "1", ""],
             ["1.1", "Sekretaris", "Administrator", "dua\x1b[31m", ""]]
    path = contoh.lembar_csv(tmp_path, "kontrol.csv", baris)
    kode, out, err = jalan("impor", str(path))
    assert kode == 1 and "bezetting 'dua' bukan angka" in err  # urutan ANSI dibuang dari isi sel
    for ch in ("\x1b", "\x07"):
        assert ch not in err and ch not in out
    baris[2][3] = "1"
    contoh.lembar_csv(tmp_path, "kontrol.csv", baris)
    kode, out, err = jalan("impor", str(path))
    # isi sel dibersihkan (kontrol → spasi); nama berkas (bukan isi sel) dicetak dengan escape yang terlihat
    assert kode == 0 and '"Nama Jabatan"' in err and '"Cat atan" diabaikan' in err
    assert "\x1b" not in err + out and "\x07" not in err + out
    aneh = tmp_path / "peta\x1b[31m.csv"
    aneh.write_bytes(path.read_bytes())
    kode, out, err = jalan("impor", str(aneh))
    assert kode == 0 and "peta\\x1b[31m.csv" in err and "\x1b" not in err + out


@pytest.mark.parametrize("teks, nilai", [("1.234", 1234), ("1,5", 1.5), ("12", 12), ("-", None), ("", None), ("1.234,5", 1234.5),
                                         ("1.5", 1.5), (3.0, 3), ("2 ", 2)])
def test_angka_indonesia(teks, nilai):
    a = angka(teks)
    assert (a.nilai if a else None) == nilai


def test_skalar_polos_hanya_bila_tetap_teks():
    for t in ("Kepala Dinas", "Analis Kebijakan Ahli Muda", "jpt_pratama", "kabid-aptika"):
        assert skalar_yaml(t) == t and isinstance(skalar(t, True), str)
    for t in ("true", "1.0", "08", "~", "Yes", "a: b", "a #b", "[x]", "x, y", " spasi", "spasi "):
        assert skalar_yaml(t).startswith('"'), t
