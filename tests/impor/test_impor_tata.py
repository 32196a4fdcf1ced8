"""Impor lima tata letak peta jabatan yang berbeda (dibuat oleh ``buat_contoh.py`` saat tes) dan
periksa draf yang dihasilkan kolom demi kolom dan dengan ``policy check``."""
from __future__ import annotations

import pytest

pytest.importorskip("openpyxl")

import buat_contoh as contoh  # noqa: E402
from bantu_impor import baris_dengan, baris_todo, impor_ke, periksa, temuan_bukan_im01  # noqa: E402

S = {"id", "jabatan", "jenis", "atasan"}


def _struktur(org: dict) -> list[tuple]:
    return [(p["id"], p["jabatan"], p["jenis"], p.get("atasan")) for p in org["struktur"]]


def _kelompok(org: dict) -> dict[str, tuple]:
    return {k["id"]: (k.get("nama"), k["penilai"], k["pimpinan_unit"],
                      [(a["jabatan"], a["jenis"], a["jumlah"]) for a in k["anggota"]]) for k in org["kelompok"]}


def _im01_sama_dengan_todo(tmp_path, data):
    """Setiap baris bertanda TODO dilaporkan IM01 tepat di barisnya, dan hanya itu."""
    for f in (tmp_path / "orgs").glob("*.yaml"):
        im01 = sorted(x["line"] for x in data["findings"] if x["rule"] == "IM01" and x["file"].endswith(f.name))
        assert im01 == baris_todo(f) and im01, f.name


def test_siasn_judul_bergabung_dua_tingkat_nomor_sampai_1_2_10(tmp_path):
    orgs, err = impor_ke(tmp_path, contoh.tata_siasn(tmp_path), "--unit", "diskominfo")
    org = orgs["diskominfo"]
    assert (org["nama"], org["jenis"], org["induk"]) == ("Dinas Komunikasi dan Informatika", "dinas", None)
    assert _struktur(org) == [
        ("kadis", "Kepala Dinas Komunikasi dan Informatika", "jpt_pratama", None),
        ("sekretaris", "Sekretaris Dinas Komunikasi dan Informatika", "administrator", "kadis"),
        ("kasubbag-umum-kepegawaian", "Kepala Subbagian Umum dan Kepegawaian", "pengawas", "sekretaris"),
        ("kabid-aplikasi-informatika", "Kepala Bidang Aplikasi Informatika", "administrator", "kadis"),
        ("kabid-statistik-persandian", "Kepala Bidang Statistik dan Persandian", "administrator", "kadis"),
    ]
    k = _kelompok(org)
    assert list(k) == ["kjf-umum-kepegawaian", "kjf-sekretariat", "kjf-aplikasi-informatika", "kjf-statistik-persandian"]
    assert k["kjf-umum-kepegawaian"] == ("Kelompok Pelaksana Subbagian Umum dan Kepegawaian", "kasubbag-umum-kepegawaian",
                                         "kasubbag-umum-kepegawaian", [("Pengadministrasi Perkantoran", "pelaksana", 3)])
    # "Arsiparis Terampil" tanpa isi di kolom Jenis: sel bergabung vertikal dengan "Fungsional" di atasnya
    assert k["kjf-sekretariat"][3] == [("Perencana Ahli Pertama", "fungsional", 1), ("Arsiparis Terampil", "fungsional", 1)]
    aptika = k["kjf-aplikasi-informatika"][3]
    assert len(aptika) == 10 and aptika[-1] == ("Pengolah Data dan Informasi", "pelaksana", 2)   # nomor 1.2.10, bukan 1.2.1
    # bezetting 0: tidak dimuat (jumlah minimal 1), tetapi tercatat sebagai komentar
    assert k["kjf-statistik-persandian"][3] == [("Sandiman Ahli Pertama", "fungsional", 1)]
    teks = (tmp_path / "orgs" / "diskominfo.yaml").read_text(encoding="utf-8")
    assert "# Statistisi Ahli Pertama (fungsional): bezetting 0, kebutuhan 2" in teks
    assert "{jabatan: Perencana Ahli Pertama, jenis: fungsional, jumlah: 1}  # kebutuhan 1,5" in teks
    # kolom pribadi: satu peringatan per kolom, tidak pernah tersalin
    assert err.count('"NIP" memuat data pribadi') == 1 and err.count('"Nama Pegawai" memuat data pribadi') == 1
    for pribadi in ("197001011990031001", "19750202", "Budi", "Rina", "M.Si"):
        assert pribadi not in teks
    assert "dilewati: 2 baris subtotal (baris 13, 28)" in err
    assert 'kolom E     "Jumlah Pegawai / B" → bezetting' in err and 'kolom G     "Jumlah Pegawai / +/-" diabaikan' in err
    # check: satu-satunya kesalahan adalah SK06 bawaan sumber (3 level), di baris draf jabatan level 3
    kode, data = periksa(tmp_path / "orgs")
    path = tmp_path / "orgs" / "diskominfo.yaml"
    salah = [(f["rule"], f["line"]) for f in data["findings"] if f["severity"] == "error"]
    assert kode == 1 and salah == [("SK06", baris_dengan(path, "id: kasubbag-umum-kepegawaian"))]
    assert {r for r, _, _ in temuan_bukan_im01(data)} == {"SK06", "SK08"}
    _im01_sama_dengan_todo(tmp_path, data)


def test_anjab_indentasi_spasi_dan_eselon(tmp_path):
    orgs, err = impor_ke(tmp_path, contoh.tata_anjab(tmp_path), "--unit", "kec-sidikalang")
    org = orgs["kec-sidikalang"]
    assert (org["nama"], org["jenis"]) == ("Kecamatan Sidikalang", "kecamatan")
    assert _struktur(org) == [
        ("camat", "Camat Sidikalang", "administrator", None),
        ("sekcam", "Sekretaris Kecamatan Sidikalang", "administrator", "camat"),
        ("kasi-pemerintahan", "Kepala Seksi Pemerintahan", "pengawas", "camat"),
        ("kasi-ketenteraman-ketertiban-umum", "Kepala Seksi Ketenteraman dan Ketertiban Umum", "pengawas", "camat"),
    ]
    k = _kelompok(org)
    assert k["kjf-sekretariat"][1:] == ("sekcam", "sekcam", [("Pengadministrasi Perkantoran", "pelaksana", 4),
                                                             ("Operator Layanan Operasional", "pelaksana", 2)])
    assert k["kjf-ketenteraman-ketertiban-umum"][3] == [("Polisi Pamong Praja Terampil", "fungsional", 4)]
    teks = (tmp_path / "orgs" / "kec-sidikalang.yaml").read_text(encoding="utf-8")
    # eselon "-" tidak menyebut jenis: jenis ditebak dari nama jabatan dan ditandai TODO; ABK "2,5" jadi komentar
    assert "# TODO: jenis Pelaksana ditebak dari nama jabatan | kebutuhan 2,5" in teks
    assert "hierarki: spasi di depan nama jabatan" in err and '"Keterangan" diabaikan' in err
    kode, data = periksa(tmp_path / "orgs")
    assert kode == 0 and temuan_bukan_im01(data) == []
    assert {x["kelompok"]: x["mekanisme"] for x in data["kelompok"]}["kjf-pemerintahan"] == "umum-b"
    _im01_sama_dengan_todo(tmp_path, data)


def test_judul_bergabung_melebar_tingkat_dari_kolom(tmp_path):
    orgs, err = impor_ke(tmp_path, contoh.tata_rentang(tmp_path))
    (uid, org), = orgs.items()
    assert uid == "badan-perencanaan-pembangunan-riset"
    assert org["nama"] == "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah" and org["jenis"] == "badan"
    assert [(i, j, a) for i, _, j, a in _struktur(org)] == [
        ("kaban", "jpt_pratama", None), ("sekretaris", "administrator", "kaban"),
        ("kabid-perencanaan-pemerintahan", "administrator", "kaban"), ("kabid-riset-inovasi", "administrator", "kaban")]
    k = _kelompok(org)
    assert k["kjf-sekretariat"][3] == [("Analis Kebijakan Ahli Muda", "fungsional", 2), ("Pengadministrasi Perkantoran", "pelaksana", 3)]
    assert k["kjf-perencanaan-pemerintahan"][3] == [("Perencana Ahli Muda", "fungsional", 1)]
    assert "hierarki: letak nama jabatan di kolom B–D" in err
    teks = (tmp_path / "orgs" / f"{uid}.yaml").read_text(encoding="utf-8")
    assert "# TODO: 'struktural' tanpa tingkat: JPT Pratama ditebak" in teks
    kode, data = periksa(tmp_path / "orgs")
    assert kode == 0 and temuan_bukan_im01(data) == []
    _im01_sama_dengan_todo(tmp_path, data)


def test_csv_titik_koma_dua_unit_angka_indonesia_jf_pemimpin_unit(tmp_path):
    orgs, err = impor_ke(tmp_path, contoh.tata_csv_unit(tmp_path))
    assert list(orgs) == ["dinas-kesehatan", "uptd-puskesmas-sitinjo"]
    dinkes, pkm = orgs["dinas-kesehatan"], orgs["uptd-puskesmas-sitinjo"]
    assert (dinkes["jenis"], pkm["jenis"], pkm["induk"]) == ("dinas", "uptd", "dinas-kesehatan")
    assert _kelompok(dinkes)["kjf-pelayanan-kesehatan"][3] == [("Perawat Terampil", "fungsional", 1012),
                                                                ("Administrator Kesehatan Ahli Muda", "fungsional", 2)]
    assert pkm["struktur"] == [{"id": "kapus", "jabatan": "Kepala Puskesmas Sitinjo", "jenis": "fungsional", "unit_kerja_mandiri": True,
                                "dasar_pengangkatan": "TODO: keputusan pengangkatan sebagai pemimpin unit kerja mandiri"}]
    assert _kelompok(pkm)["kjf-kapus"] == ("Kelompok JF dan Pelaksana Puskesmas Sitinjo", "kapus", "kapus", [
        ("Dokter Ahli Pertama", "fungsional", 1), ("Bidan Terampil", "fungsional", 3), ("Pengadministrasi Perkantoran", "pelaksana", 1)])
    teks = (tmp_path / "orgs" / "dinas-kesehatan.yaml").read_text(encoding="utf-8")
    assert "# kebutuhan 1.234" in teks and "# kebutuhan 2,5" in teks
    assert '"NAMA PEMANGKU" memuat data pribadi' in err and '"NIP" memuat data pribadi' in err
    assert "Maria" not in teks + (tmp_path / "orgs" / "uptd-puskesmas-sitinjo.yaml").read_text(encoding="utf-8")
    kode, data = periksa(tmp_path / "orgs")
    assert kode == 0 and temuan_bukan_im01(data) == []
    assert {x["kelompok"]: x["mekanisme"] for x in data["kelompok"]}["kjf-kapus"] == "M7"
    _im01_sama_dengan_todo(tmp_path, data)


def test_daftar_datar_nip_dikenali_dari_isi(tmp_path):
    orgs, err = impor_ke(tmp_path, contoh.tata_datar(tmp_path))
    org = orgs["inspektorat"]
    assert _struktur(org) == [("inspektur", "Inspektur", "jpt_pratama", None),
                              ("sekretaris", "Sekretaris Inspektorat", "administrator", "inspektur"),
                              ("irban-wilayah-i", "Inspektur Pembantu Wilayah I", "administrator", "inspektur")]
    assert _kelompok(org)["kjf-irban-wilayah-i"][3] == [("Auditor Ahli Muda", "fungsional", 2), ("Auditor Ahli Pertama", "fungsional", 1)]
    assert 'kolom D "Keterangan" memuat data pribadi (berisi nomor berpola NIP/NIK)' in err
    teks = (tmp_path / "orgs" / "inspektorat.yaml").read_text(encoding="utf-8")
    assert "197001011990031001" not in teks and "Hutagalung" not in teks
    assert teks.count("atasan ditebak dari urutan baris") == 2
    kode, data = periksa(tmp_path / "orgs")
    assert kode == 0 and temuan_bukan_im01(data) == []


def test_indentasi_format_sel_excel(tmp_path):
    orgs, err = impor_ke(tmp_path, contoh.dengan_indentasi_format(tmp_path))
    org = orgs["dinas-sosial"]
    assert [(i, a) for i, _, _, a in _struktur(org)] == [("kadis", None), ("sekretaris", "kadis"), ("kabid-rehabilitasi-sosial", "kadis")]
    assert _kelompok(org)["kjf-rehabilitasi-sosial"][3] == [("Pekerja Sosial Ahli Muda", "fungsional", 3)]
    assert "hierarki: indentasi format sel nama jabatan" in err


def test_openpyxl_dan_calamine_memberi_draf_yang_sama(tmp_path):
    from policy.impor import impor
    from policy.impor.tulis import tulis_draf

    for buat in (contoh.tata_siasn, contoh.tata_rentang, contoh.dengan_indentasi_format):
        path = buat(tmp_path)
        a = [tulis_draf(d) for d in impor(path, mesin="calamine").draf]
        b = [tulis_draf(d) for d in impor(path, mesin="openpyxl").draf]
        assert a == b, path.name


def test_stdout_tanpa_keluar_adalah_yaml_yang_sama(tmp_path):
    import yaml

    from bantu_impor import jalan

    path = contoh.tata_siasn(tmp_path)
    kode, out, err = jalan("impor", str(path), "--unit", "diskominfo")
    assert kode == 0 and not (tmp_path / "orgs").exists()
    orgs, _ = impor_ke(tmp_path, path, "--unit", "diskominfo")
    assert yaml.safe_load(out) == orgs["diskominfo"]


def test_satu_spasi_tak_sengaja_bukan_indentasi(tmp_path):
    baris = [["Jabatan", "Jenis", "Bezetting"], ["Kepala Dinas Sosial", "JPT Pratama", "1"],
             ["Sekretaris Dinas Sosial", "Administrator", "1"], [" Pengadministrasi Perkantoran", "Pelaksana", "2"],
             ["Kepala Bidang Rehabilitasi Sosial", "Administrator", "1"], ["Pekerja Sosial Ahli Muda", "Fungsional", "3"]]
    orgs, err = impor_ke(tmp_path, contoh.lembar_csv(tmp_path, "datar.csv", baris, ","))
    assert "hierarki: tidak ada (daftar datar)" in err and list(orgs) == ["dinas-sosial"]
    assert [(p["id"], p.get("atasan")) for p in orgs["dinas-sosial"]["struktur"]] == [
        ("kadis", None), ("sekretaris", "kadis"), ("kabid-rehabilitasi-sosial", "kadis")]


def test_lembar_pertama_tanpa_peta_dilewati_dan_csv_windows_1252(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "Petunjuk"
    wb.active["A1"] = "Isi lembar berikutnya dengan peta jabatan."
    ws = wb.create_sheet("Peta 2025")
    ws.append(["Nama Jabatan", "Jenis Jabatan", "Bezetting"])
    ws.append(["Kepala Dinas Sosial", "JPT Pratama", 1])
    ws.append(["  Pekerja Sosial Ahli Muda", "Fungsional", 2])
    ws.append(["  Penyuluh Sosial Ahli Pertama", "Fungsional", 1])
    path = tmp_path / "dua-lembar.xlsx"
    wb.save(path)
    orgs, err = impor_ke(tmp_path, path)
    assert 'lembar "Peta 2025"' in err and orgs["dinas-sosial"]["kelompok"][0]["penilai"] == "kadis"
    csv1252 = tmp_path / "win.csv"
    csv1252.write_bytes("Jabatan;Jenis;Bezetting\nKepala Dinas Sosial;JPT Pratama;1\n  Pekerja Sosial Ahli Muda – Pemula;Fungsional;2\n"
                        "  Pengadministrasi Perkantoran;Pelaksana;1\n".encode("cp1252"))
    orgs, err = impor_ke(tmp_path / "b", csv1252)
    assert "bukan UTF-8; dibaca sebagai Windows-1252" in err
    assert orgs["dinas-sosial"]["kelompok"][0]["anggota"][0]["jabatan"] == "Pekerja Sosial Ahli Muda – Pemula"
