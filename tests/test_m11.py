"""Bukti data-driven (issue 12 bagian 5): mekanisme fiktif **M11** ditambahkan tanpa mengubah Python.

Di direktori sementara: salinan katalog dan naskah + teks fiktif "Lampiran D angka 11" (Gambar 33),
lalu hanya data:

1. satu berkas alur ``docs/peraturan/alur/m11.yaml``;
2. satu butir ``mekanisme`` (dan butir ``gambar`` 33) + satu baris ``klasifikasi.penugasan`` di katalog;
3. satu berkas org (Kepala Seksi berjenis pengawas di bawah Camat berjenis administrator sebagai
   penilai sekaligus pimpinan unit — kombinasi yang hari ini jatuh ke pola umum b);
4. satu kasus YAML (``orgs/`` + ``expect.yaml``, format ``tests/cases``).

``check`` (kasus YAML), ``explain --langkah``, pemeriksaan langkah terhadap naskah, dan build situs
(``mkdocs build --strict``: halaman mekanisme M11, halaman unit, Gambar 33 di naskah) mengikutinya;
katalog dan alur dipilih lewat ``POLICY_KATALOG`` dan ``POLICY_ALUR``. Semua teks M11 fiktif.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kasus_yaml import ROOT
from policy.katalog import BAWAAN

TESTS = ROOT / "tests"
PY = sys.executable

TEKS_D11 = """
### 11. Mekanisme Kerja pada Unit Organisasi yang dipimpin oleh Pejabat Administrator {#lampiran-d-11}

*(Unit Organisasi dengan 2 Level Struktur, Pejabat Pengawas sebagai Pejabat Penilai Kinerja dan Pimpinan Unit Organisasi)*

#### a. Tahapan Perencanaan {#lampiran-d-11-perencanaan}

Tahapan perencanaan dimulai dari Pejabat Administrator menyusun dan menetapkan perjanjian kinerja. Pejabat Administrator menetapkan kinerja Pejabat Pengawas. Pejabat Pengawas menyampaikan arahan dan ekspektasi target kinerja kepada Pejabat Fungsional dan pelaksana. Pejabat Fungsional dan pelaksana bersama Pejabat Pengawas menyusun rencana kegiatan dan anggaran.

#### b. Tahapan Pelaksanaan {#lampiran-d-11-pelaksanaan}

Pejabat Fungsional dan pelaksana melaksanakan kegiatan. Monitoring dan pemberian umpan balik dilakukan oleh Pejabat Pengawas dan/atau ketua tim. Hasil pelaksanaan kegiatan disampaikan kepada Pejabat Pengawas oleh individu atau ketua tim.

#### c. Tahapan Evaluasi {#lampiran-d-11-evaluasi}

Pejabat Pengawas meninjau hasil pelaksanaan kegiatan dan menyampaikannya kepada Pejabat Administrator. Pelaksanaan kegiatan dinyatakan selesai setelah Pejabat Administrator menerima hasil pelaksanaan kegiatan.

<a id="gambar-33"></a>**Gambar 33. Mekanisme Kerja pada Unit Organisasi yang Dipimpin oleh Pejabat Administrator (Unit Organisasi dengan 2 Level Struktur, Pejabat Pengawas sebagai Pejabat Penilai Kinerja dan Pimpinan Unit Organisasi)**

<!-- gambar:33 -->
"""

ALUR_M11 = """\
# Alur mekanisme kerja M11 (FIKTIF, untuk tes): Lampiran D angka 11 (Gambar 33).
mekanisme: M11

lajur:
  - {kunci: pejabat_level_1, peran: [pejabat_level_1]}
  - {kunci: ppk, peran: [ppk, pimpinan_unit], alias: [pejabat_level_2]}
  - {kunci: ketua_tim, peran: [ketua_tim]}
  - {kunci: jf, peran: [jf], disebut: [Pejabat Fungsional, pelaksana, individu]}

nama_generik:
  pejabat_level_1: Pejabat Administrator
  ppk: Pejabat Pengawas

tahap:
  perencanaan:
    sumber: lampiran-d-11-perencanaan
    langkah:
      - pelaku: pejabat_level_1
        label: Menyusun dan menetapkan perjanjian kinerja
        uraian: "{pejabat_level_1} menyusun dan menetapkan perjanjian kinerja."
        kalimat: 1
        kata_kunci: [susun, tetap, perjanjian kinerja]
      - pelaku: pejabat_level_1
        penerima: ppk
        label: Menetapkan kinerja Pejabat Pengawas
        uraian: "{pejabat_level_1} menetapkan kinerja {ppk}."
        kalimat: 2
        kata_kunci: [tetap, kinerja]
      - pelaku: ppk
        penerima: jf
        label: Menyampaikan arahan dan ekspektasi target kinerja
        uraian: "{ppk} menyampaikan arahan dan ekspektasi target kinerja kepada Pejabat Fungsional dan pelaksana."
        kalimat: 3
        kata_kunci: [sampai, arah, ekspektasi]
      - pelaku: jf
        penerima: ppk
        label: Menyusun rencana kegiatan dan anggaran bersama
        uraian: "Pejabat Fungsional dan pelaksana bersama {ppk} menyusun rencana kegiatan dan anggaran."
        kalimat: 4
        kata_kunci: [susun, rencana, anggaran, bersama]
  pelaksanaan:
    sumber: lampiran-d-11-pelaksanaan
    langkah:
      - pelaku: jf
        label: Melaksanakan kegiatan
        uraian: Pejabat Fungsional dan pelaksana melaksanakan kegiatan.
        kalimat: 1
        kata_kunci: [laksana, kegiatan]
      - pelaku: ppk
        penerima: jf
        label: Monitoring dan umpan balik
        uraian: "{ppk} melakukan monitoring dan memberikan umpan balik atas pelaksanaan kegiatan."
        kalimat: 2
        kata_kunci: [monitoring, umpan balik]
        tersirat: [penerima]
      - pilihan:
          - jika: tugas individu
            langkah:
              - pelaku: jf
                penerima: ppk
                label: Menyampaikan hasil
                uraian: "Hasil pelaksanaan kegiatan disampaikan kepada {ppk} oleh individu."
                kalimat: 3
                kata_kunci: [sampai, hasil]
                balasan: true
          - jika: tugas tim kerja
            langkah:
              - pelaku: ketua_tim
                penerima: ppk
                label: Menyampaikan hasil tim
                uraian: "Hasil pelaksanaan kegiatan tim kerja disampaikan kepada {ppk} oleh ketua tim."
                kalimat: 3
                kata_kunci: [sampai, hasil]
                balasan: true
  evaluasi:
    sumber: lampiran-d-11-evaluasi
    langkah:
      - pelaku: ppk
        penerima: pejabat_level_1
        label: Meninjau dan menyampaikan hasil
        uraian: "{ppk} meninjau hasil pelaksanaan kegiatan dan menyampaikannya kepada {pejabat_level_1}."
        kalimat: 1
        kata_kunci: [tinjau, sampai]
        balasan: true
      - pelaku: pejabat_level_1
        label: "Menerima hasil: kegiatan dinyatakan selesai"
        uraian: "Pelaksanaan kegiatan dinyatakan selesai setelah {pejabat_level_1} menerima hasil pelaksanaan kegiatan."
        kalimat: 2
        kata_kunci: [terima, selesai]
"""

KATALOG_GAMBAR = ('  - {nomor: 33, anchor: gambar-33, keterangan: "Mekanisme Kerja pada Unit Organisasi yang Dipimpin oleh '
                  'Pejabat Administrator (Unit Organisasi dengan 2 Level Struktur, Pejabat Pengawas sebagai Pejabat Penilai '
                  'Kinerja dan Pimpinan Unit Organisasi)"}\n')
KATALOG_MEKANISME = """\
  - kode: M11
    jenis: contoh
    lampiran_d: 11
    label: "M11 · Pengawas menilai dan menugaskan di bawah Administrator"
    judul: Mekanisme Kerja pada Unit Organisasi yang Dipimpin oleh Pejabat Administrator
    keterangan: Unit Organisasi dengan 2 Level Struktur, Pejabat Pengawas sebagai Pejabat Penilai Kinerja dan Pimpinan Unit Organisasi
    gambar: 33
    anchor: lampiran-d-11
    struktur: b
    halaman: mekanisme/m11.md
"""
KATALOG_BARIS = ("    - {jika: {setda: false, penilai_adalah_pimpinan: true, penilai_adalah_pucuk: false, "
                 "jenis_pucuk: administrator, jenis_penilai: pengawas}, mekanisme: M11, dasar: lampiran-d-11}\n")

ORG = """\
id: kecamatan-sebelas
nama: Kecamatan Contoh Sebelas
jenis: kecamatan
aplikasi_spbe: [srikandi, e-kinerja]
struktur:
  - {id: camat, jabatan: Camat Contoh Sebelas, jenis: administrator}
  - {id: sekcam, jabatan: Sekretaris Kecamatan, jenis: pengawas, atasan: camat}
  - {id: kasi-pem, jabatan: Kepala Seksi Pemerintahan, jenis: pengawas, atasan: camat}
kelompok:
  - id: kjf-pem
    nama: Kelompok Jabatan Fungsional Pemerintahan
    penilai: kasi-pem
    pimpinan_unit: kasi-pem
    anggota:
      - {jabatan: Analis Kebijakan Ahli Muda, jenis: fungsional, jumlah: 2}
"""

EXPECT = """\
deskripsi: 'M11 (fiktif): Kepala Seksi (Pengawas) di bawah Camat (Administrator) sebagai PPK sekaligus Pimpinan Unit'
exit: 0
findings: []
mekanisme:
  kecamatan-sebelas/kjf-pem: M11
kedudukan:
  kecamatan-sebelas/kjf-pem: b2
struktur_penugasan:
  kecamatan-sebelas/kjf-pem: b
"""


def _sisip(teks: str, sebelum: str, tambahan: str) -> str:
    assert teks.count(sebelum) == 1, sebelum
    return teks.replace(sebelum, tambahan + sebelum)


@pytest.fixture(scope="module")
def m11(tmp_path_factory) -> dict[str, Path]:
    """Proyek sementara dengan M11: hanya berkas data (YAML dan Markdown) yang ditulis."""
    tmp = tmp_path_factory.mktemp("m11")
    proyek = tmp / "proyek"
    proyek.mkdir()
    for nama in ("mkdocs.yml", "docs", "hooks", "overrides"):
        src = ROOT / nama
        (shutil.copytree(src, proyek / nama, ignore=shutil.ignore_patterns("__pycache__")) if src.is_dir()
         else shutil.copy2(src, proyek / nama))
    ditulis: list[Path] = []

    def tulis(p: Path, teks: str) -> None:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(teks, encoding="utf-8")
        ditulis.append(p)

    # naskah: contoh fiktif Lampiran D angka 11 (Gambar 33) sebelum penutup Lampiran
    d = proyek / "docs" / "peraturan" / "lampiran-d.md"
    tulis(d, _sisip(d.read_text(encoding="utf-8"), '<a id="lampiran-penutup"></a>', TEKS_D11.lstrip("\n") + "\n"))
    # 1. berkas alur
    tulis(proyek / "docs" / "peraturan" / "alur" / "m11.yaml", ALUR_M11)
    # 2. katalog: gambar 33, mekanisme M11 (sebelum pola umum), baris klasifikasi (sebelum baris pola umum)
    kat = BAWAAN.read_text(encoding="utf-8")
    kat = _sisip(kat, "\n# ---------------------------------------------------------------------------------------------\n"
                      "# Kedudukan kelompok", "\n" + KATALOG_GAMBAR.rstrip("\n"))
    kat = _sisip(kat, "  - kode: umum-a\n", KATALOG_MEKANISME)
    kat = _sisip(kat, "    - {jika: {penilai_adalah_pimpinan: false}, mekanisme: umum-a", KATALOG_BARIS)
    tulis(tmp / "katalog.yaml", kat)
    # 3. berkas org (juga di orgs/ proyek untuk situs)  4. kasus YAML
    kasus = tmp / "cases" / "mekanisme-m11"
    tulis(kasus / "orgs" / "kecamatan-sebelas.yaml", ORG)
    tulis(kasus / "expect.yaml", EXPECT)
    tulis(proyek / "orgs" / "kecamatan-sebelas.yaml", ORG)
    assert all(p.suffix in (".yaml", ".md") for p in ditulis)
    return {"tmp": tmp, "proyek": proyek, "katalog": tmp / "katalog.yaml", "kasus": kasus,
            "alur": proyek / "docs" / "peraturan" / "alur"}


def _env(m11: dict[str, Path] | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("POLICY_KATALOG", "POLICY_ALUR", "SITUS_LURING")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(TESTS)])
    if m11 is not None:
        env["POLICY_KATALOG"], env["POLICY_ALUR"] = str(m11["katalog"]), str(m11["alur"])
    return env


def _python(kode: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([PY, "-c", kode], cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)


def _bandingkan(kasus: Path, env: dict[str, str]) -> list[str]:
    r = _python(f"import json; from pathlib import Path; from kasus_yaml import bandingkan; "
                f"print(json.dumps(bandingkan(Path({str(kasus)!r}))))", env)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_kasus_yaml_m11_dan_check(m11):
    # tanpa data M11 kasus itu gagal: kombinasi ini jatuh ke pola umum b
    tanpa = _bandingkan(m11["kasus"], _env(None))
    assert any("mekanisme kecamatan-sebelas/kjf-pem: diharapkan M11, didapat umum-b" in x for x in tanpa), tanpa
    assert _bandingkan(m11["kasus"], _env(m11)) == []
    r = subprocess.run([PY, "-m", "policy", "check", str(m11["kasus"] / "orgs"), "--format", "json"], cwd=ROOT,
                       capture_output=True, text=True, env=_env(m11))
    assert r.returncode == 0, r.stderr
    (k,) = json.loads(r.stdout)["kelompok"]
    assert (k["mekanisme"], k["struktur_penugasan"], k["kedudukan"]) == ("M11", "b", "b2")
    # kasus lain yang sama bentuknya kini juga M11; kasus M1–M10 tetap
    assert _bandingkan(ROOT / "tests" / "cases" / "mekanisme-m2", _env(m11)) == []
    umum_b = _bandingkan(ROOT / "tests" / "cases" / "mekanisme-umum-b", _env(m11))
    assert umum_b == ["mekanisme kecamatan-a/kjf-pem: diharapkan umum-b, didapat M11"]


def test_explain_menampilkan_langkah_m11(m11):
    org = m11["kasus"] / "orgs" / "kecamatan-sebelas.yaml"
    r = subprocess.run([PY, "-m", "policy", "explain", str(org), "--langkah"], cwd=ROOT, capture_output=True,
                       text=True, env=_env(m11))
    assert r.returncode == 0, r.stderr
    assert "Mekanisme               : M11, Gambar 33 (Lampiran D angka 11)" in r.stdout
    assert "  Langkah M11:" in r.stdout
    langkah = re.findall(r"^ +(\d+)\. (.*)$", r.stdout, flags=re.M)
    assert len(langkah) == 10  # sepuluh langkah berkas alur m11, bernomor urut
    assert [n for n, _ in langkah] == [str(i + 1) for i in range(len(langkah))]
    teks = dict(langkah)
    assert teks["1"] == "[Perencanaan] Camat Contoh Sebelas (Pejabat Level 1): Menyusun dan menetapkan perjanjian kinerja"
    assert teks["2"].startswith("[Perencanaan] Camat Contoh Sebelas (Pejabat Level 1) → Kepala Seksi Pemerintahan "
                                "(Pejabat Penilai Kinerja dan Pimpinan Unit Organisasi)")
    assert teks["7"].startswith("[Pelaksanaan] jika tugas individu: Pejabat Fungsional dan pelaksana → Kepala Seksi")
    assert teks["10"] == "[Evaluasi] Camat Contoh Sebelas (Pejabat Level 1): Menerima hasil: kegiatan dinyatakan selesai"


def test_langkah_m11_diperiksa_terhadap_naskah(m11):
    kode = ("from policy.berkas_alur import periksa_naskah; import json; print(json.dumps(periksa_naskah()))")
    r = _python(kode, _env(m11))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == []
    # naskah fiktif diubah: langkah M11 yang menggambarkannya gagal, dengan baris berkas alurnya
    salinan = m11["tmp"] / "naskah-ubah"
    shutil.copytree(m11["proyek"] / "docs" / "peraturan", salinan / "docs" / "peraturan")
    d = salinan / "docs" / "peraturan" / "lampiran-d.md"
    d.write_text(d.read_text(encoding="utf-8").replace("Pejabat Administrator menetapkan kinerja Pejabat Pengawas.",
                                                       "Pejabat Administrator menilai kinerja Pejabat Pengawas."),
                 encoding="utf-8")
    env = dict(_env(m11), POLICY_ALUR=str(salinan / "docs" / "peraturan" / "alur"))
    r = _python(kode, env)
    masalah = json.loads(r.stdout)
    assert len(masalah) == 1 and "m11.yaml:" in masalah[0] and "kata 'tetap' tidak ada" in masalah[0], masalah


def test_situs_memuat_m11(m11):
    """``mkdocs build --strict`` dengan katalog dan alur M11: halaman mekanisme, unit, dan Gambar 33."""
    site = m11["tmp"] / "site"
    env = dict(_env(m11), NO_MKDOCS_2_WARNING="1")
    r = subprocess.run([PY, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=m11["proyek"],
                       capture_output=True, text=True, env=env, timeout=900)
    assert r.returncode == 0, r.stderr[-4000:]
    assert "Traceback" not in r.stderr
    halaman = (site / "mekanisme" / "m11" / "index.html").read_text(encoding="utf-8")
    assert "M11" in halaman and "Mekanisme Kerja pada Unit Organisasi yang Dipimpin oleh Pejabat Administrator" in halaman
    # daftar langkah (uraian dengan nama generik) dan pemakainya
    assert "Pejabat Administrator menetapkan kinerja Pejabat Pengawas." in halaman and "Kecamatan Contoh Sebelas" in halaman
    indeks = (site / "mekanisme" / "index.html").read_text(encoding="utf-8")
    assert 'href="m11/' in indeks
    (unit,) = [p for p in (site / "unit").glob("*/kecamatan-sebelas/index.html")]
    isi = unit.read_text(encoding="utf-8")
    assert "Alur kerja: M11" in isi and "Kepala Seksi Pemerintahan" in isi
    assert "Menetapkan kinerja Pejabat" in isi  # label langkah 2 di diagram unit
    naskah = (site / "peraturan" / "lampiran-d" / "index.html").read_text(encoding="utf-8")
    assert 'id="gambar-33"' in naskah and "Gambar 33 dalam bentuk teks" in naskah


def test_tanpa_berkas_alur_gagal_dengan_pesan(m11):
    """Butir katalog M11 tanpa berkas alurnya: explain dan build berhenti dengan berkas:baris:kolom katalog."""
    kosong = m11["tmp"] / "tanpa-alur" / "docs" / "peraturan"
    shutil.copytree(m11["proyek"] / "docs" / "peraturan", kosong)
    (kosong / "alur" / "m11.yaml").unlink()
    env = dict(_env(m11), POLICY_ALUR=str(kosong / "alur"))
    r = subprocess.run([PY, "-m", "policy", "explain", str(m11["kasus"] / "orgs" / "kecamatan-sebelas.yaml"), "--langkah"],
                       cwd=ROOT, capture_output=True, text=True, env=env)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    baris = m11["katalog"].read_text(encoding="utf-8").splitlines().index("  - kode: M11") + 1
    assert re.search(rf"katalog\.yaml:{baris}:\d+: mekanisme 'M11' belum punya berkas alur", r.stderr), r.stderr
    r = subprocess.run([PY, "-m", "mkdocs", "build", "--strict", "-d", str(m11["tmp"] / "site-gagal")], cwd=m11["proyek"],
                       capture_output=True, text=True, env=dict(env, NO_MKDOCS_2_WARNING="1"), timeout=900)
    assert r.returncode != 0 and "Traceback" not in r.stderr
    assert re.search(rf"katalog\.yaml:{baris}:\d+: mekanisme 'M11' belum punya berkas alur", r.stderr), r.stderr[-3000:]
    assert "berkas alur tidak sah: perbaiki baris di atas" in r.stderr
    assert not (m11["tmp"] / "site-gagal").exists()
