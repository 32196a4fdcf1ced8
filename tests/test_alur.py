"""Berkas alur (docs/peraturan/alur/*.yaml): objek yang dimuatnya sama persis dengan alur Python lama,
setiap langkah cocok dengan kalimat naskah yang ditunjuknya (dan tes itu gagal bila naskah berubah),
berkas rusak ditunjuk berkas:baris:kolom, dan isi surat permohonan dibaca dari naskah."""
from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import mekanisme_lama as lama
from kasus_yaml import ROOT
from policy import berkas_alur, mekanisme, peraturan
from policy.berkas_alur import AlurTidakSah, akar, kalimat, menyebut, menyebut_lajur, muat, periksa_naskah
from policy.katalog import katalog

ALUR = ROOT / "docs" / "peraturan" / "alur"
DOCS = ROOT / "docs"


def _normal(x):
    """Dataclass → (nama kelas, (kolom, nilai)...) secara rekursif, agar objek dari modul lama dan baru
    dapat dibandingkan setiap kolomnya."""
    if dataclasses.is_dataclass(x):
        # ``tembusan`` (prosedur B.2) ditambahkan setelah pemindahan ke berkas alur; modul lama tidak memilikinya
        return type(x).__name__, tuple((f.name, _normal(getattr(x, f.name))) for f in dataclasses.fields(x)
                                       if f.name != "tembusan")
    if isinstance(x, (tuple, list)):
        return tuple(_normal(y) for y in x)
    if isinstance(x, dict):
        return tuple((k, _normal(v)) for k, v in x.items())
    return x


# ---------------------------------------------------------------------------------------------
# Sama persis dengan alur Python lama (tests/mekanisme_lama.py)
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kode", list(lama.MEKANISME))
def test_mekanisme_sama_dengan_python_lama(kode):
    baru, dulu = mekanisme.MEKANISME[kode], lama.MEKANISME[kode]
    for f in dataclasses.fields(dulu):
        assert _normal(getattr(baru, f.name)) == _normal(getattr(dulu, f.name)), f"{kode}.{f.name}"
    assert [_normal(x) for x in baru.langkah()] == [_normal(x) for x in dulu.langkah()]


@pytest.mark.parametrize("gambar", list(lama.PROSEDUR))
def test_prosedur_sama_dengan_python_lama(gambar):
    assert _normal(mekanisme.PROSEDUR[gambar]) == _normal(lama.PROSEDUR[gambar])


def test_urutan_dan_turunan_sama_dengan_python_lama():
    assert list(mekanisme.MEKANISME) == list(lama.MEKANISME)
    assert list(mekanisme.PROSEDUR) == list(lama.PROSEDUR)
    assert mekanisme.GAMBAR_MEKANISME == lama.GAMBAR_MEKANISME
    assert mekanisme.PERAN == lama.PERAN and mekanisme.TAHAP == lama.TAHAP
    assert mekanisme.ANCHOR_B2 == lama.ANCHOR_B2
    assert mekanisme.anchor_dikenal() == lama.anchor_dikenal()
    assert mekanisme.ISI_SURAT_PERMOHONAN == lama.ISI_SURAT_PERMOHONAN


def test_aktor_explain_sama_dengan_halaman_unit():
    """``explain --langkah`` memakai pejabat lajur yang sama dengan halaman unit (katalog ``aktor``)."""
    from policy.jelaskan import aktor_kelompok
    from policy.situs.konteks import konteks
    from policy.situs.unit import aktor_kelompok as aktor_situs

    ctx = konteks(ROOT)
    assert ctx.kelompok
    for kk in ctx.kelompok:
        assert aktor_kelompok(kk.unit, kk.kelompok, kk.kl) == aktor_situs(kk), (kk.unit.id, kk.kelompok.id)


# ---------------------------------------------------------------------------------------------
# Langkah cocok dengan naskah
# ---------------------------------------------------------------------------------------------


def test_setiap_langkah_cocok_dengan_kalimat_naskahnya():
    masalah = periksa_naskah()
    assert masalah == [], "\n".join(masalah)


def test_setiap_langkah_menunjuk_kalimat_dan_kata_kunci():
    a = muat()
    n = 0
    for b in (*a.mekanisme.values(), *a.prosedur.values()):
        for lk, _, sumber in berkas_alur.langkah_berkas(b):
            assert lk.kalimat and lk.kata_kunci and sumber
            n += 1
    assert n == sum(len(m.langkah()) for m in mekanisme.MEKANISME.values()) + \
        sum(len(p.langkah()) for p in mekanisme.PROSEDUR.values())


def _salin_naskah(tmp_path: Path) -> Path:
    """Salinan docs/peraturan (naskah + berkas alur) di tmp; kembalikan folder alurnya."""
    docs = tmp_path / "docs"
    shutil.copytree(DOCS / "peraturan", docs / "peraturan")
    return docs / "peraturan" / "alur"


def _ubah(path: Path, lama_: str, baru: str) -> None:
    teks = path.read_text(encoding="utf-8")
    assert teks.count(lama_) == 1, (path, lama_)
    path.write_text(teks.replace(lama_, baru), encoding="utf-8")


def _baris(path: Path, potongan: str, mulai: str = "") -> int:
    teks = path.read_text(encoding="utf-8")
    return teks[: teks.index(potongan, teks.index(mulai) if mulai else 0)].count("\n") + 1


@pytest.mark.parametrize("halaman,lama_,baru,berkas,cari,pesan", [
    # kata kerja berubah: M1 perencanaan kalimat 1 tidak lagi "menyusun dan menetapkan"
    ("lampiran-d.md", "Pejabat Pimpinan Tinggi Pratama selaku Pejabat Penilai Kinerja menyusun dan menetapkan perjanjian",
     "Pejabat Pimpinan Tinggi Pratama selaku Pejabat Penilai Kinerja membahas perjanjian",
     "m01.yaml", "kata_kunci: [susun, tetap, perjanjian kinerja]", "kata 'susun' tidak ada"),
    # pelaku berubah: M1 evaluasi kalimat 1 kini menyebut pejabat lain yang meninjau
    ("lampiran-d.md", "Pada tahapan evaluasi, Pejabat Administrator meninjau hasil pelaksanaan kegiatan. Hasil pelaksanaan kegiatan "
     "yang telah sesuai dengan target disampaikan kepada Pejabat Pimpinan Tinggi Pratama",
     "Pada tahapan evaluasi, Ketua Tim meninjau hasil pelaksanaan kegiatan. Hasil pelaksanaan kegiatan "
     "yang telah sesuai dengan target disampaikan kepada Pejabat Pimpinan Tinggi Pratama",
     "m01.yaml", "- pelaku: pimpinan_unit\n        label: Meninjau hasil", "pelaku (Pimpinan Unit Organisasi / Pejabat Administrator"),
    # penerima berubah di prosedur: butir a lintas Unit Organisasi dikirim ke pejabat lain
    ("lampiran-b.md", "mengirimkan surat permohonan pelibatan Pejabat Fungsional atau pelaksana kepada Pejabat Penilai Kinerja dituju",
     "mengirimkan surat permohonan pelibatan Pejabat Fungsional atau pelaksana kepada Sekretaris Daerah",
     "penunjukan-lintas-unit.yaml", "penerima: ppk_dituju", "penerima (Pejabat Penilai Kinerja dituju"),
    # kalimat disisipkan: nomor kalimat sesudahnya bergeser, langkah menunjuk kalimat yang salah
    ("lampiran-a.md", "Kegiatan yang dilakukan pada tahapan evaluasi adalah reviu",
     "Tahapan ini dilakukan paling lambat akhir tahun. Kegiatan yang dilakukan pada tahapan evaluasi adalah reviu",
     "lampiran-a.yaml", "kata_kunci: [reviu]", "kata 'reviu' tidak ada"),
    # rujukan gambar diperbaiki di naskah (M5): kata kunci yang mencatat salah rujuk ikut diperbarui
    ("lampiran-d.md", "Pejabat Administrator selaku Pejabat Penilai Kinerja sekaligus selaku Pimpinan Unit Organisasi menyusun",
     "Pejabat Administrator selaku Pejabat Penilai Kinerja sekaligus selaku Pimpinan Unit Organisasi menyusun",
     "m05.yaml", "gambar 17", "kata 'gambar 17' tidak ada"),
])
def test_perubahan_naskah_menggagalkan_alur(tmp_path, halaman, lama_, baru, berkas, cari, pesan):
    alur = _salin_naskah(tmp_path)
    a = muat(alur)
    assert periksa_naskah(a) == []
    _ubah(alur.parent / halaman, lama_, baru)
    if berkas == "m05.yaml":  # naskah M5 diperbaiki: rujukan gambar di paragraf yang sama
        p = alur.parent / halaman
        teks = p.read_text(encoding="utf-8")
        i = teks.index("{#lampiran-d-5-perencanaan}")
        j = teks.index("dijelaskan dalam Gambar 17, Gambar 18, dan Gambar 20.", i)
        p.write_text(teks[:j] + "dijelaskan dalam Gambar 19, Gambar 20, dan Gambar 22." +
                     teks[j + len("dijelaskan dalam Gambar 17, Gambar 18, dan Gambar 20."):], encoding="utf-8")
    masalah = periksa_naskah(muat(alur))
    cocok = [m for m in masalah if pesan in m]
    assert cocok, masalah
    baris = _baris(alur / berkas, cari)
    assert any(m.startswith(f"{berkas_alur._tampil(alur / berkas)}:{baris}:") or
               m.startswith(f"{berkas_alur._tampil(alur / berkas)}:{baris + 1}:") for m in cocok), (cocok, baris)
    assert all("«" in m for m in cocok)  # pesan mengutip kalimat naskah yang kini ada


def test_kalimat_hilang_dilaporkan(tmp_path):
    alur = _salin_naskah(tmp_path)
    _ubah(alur.parent / "lampiran-b.md", " (ilustrasi pada Gambar 18)", " (ilustrasi pada Gambar 18). Kalimat tambahan")
    assert periksa_naskah(muat(alur)) == []  # kalimat ditambah di akhir: langkah tetap menunjuk kalimat 1
    alur2 = _salin_naskah(tmp_path / "b")
    teks = (alur2.parent / "lampiran-d.md").read_text(encoding="utf-8")
    awal = teks.index("{#lampiran-d-1-evaluasi}")
    akhir = teks.index("Mekanisme kerja pada Unit Organisasi yang dipimpin oleh Pejabat Pimpinan Tinggi Pratama (Unit", awal)
    (alur2.parent / "lampiran-d.md").write_text(teks[:awal] + "{#lampiran-d-1-evaluasi}\n\nDihapus.\n\n" + teks[akhir:],
                                                encoding="utf-8")
    masalah = periksa_naskah(muat(alur2))
    assert any("lampiran-d-1-evaluasi hanya memuat 2 kalimat, tidak ada kalimat 3" in m for m in masalah), masalah


def test_kalimat_naskah_per_jangkar():
    n = peraturan.baca(DOCS)
    d1 = kalimat(n, "lampiran-d-1-perencanaan")
    assert d1[0].startswith("Tahapan Perencanaan dimulai dari Pejabat Pimpinan Tinggi Pratama")
    assert d1[1].startswith("Perjanjian kinerja tersebut menjadi dasar")
    a1 = kalimat(n, "lampiran-a-1")
    assert a1[2].startswith("penyusunan dan penetapan perjanjian kinerja")  # butir a, tanpa label "a."
    e = kalimat(n, "lampiran-b-2-penunjukan-3-huruf-e")  # butir beserta anak butirnya
    assert e[0] == "Apabila tersedia maka dilakukan hal sebagai berikut:" and len(e) == 6
    assert not any("Gambar 23" in k and "**" in k for k in kalimat(n, "lampiran-d-1-evaluasi"))
    with pytest.raises(KeyError):
        kalimat(n, "tidak-ada")


@pytest.mark.parametrize("kata,dasar", [
    ("menyusun", "susun"), ("penyusunan", "susun"), ("disusun", "susun"), ("menetapkan", "tetap"),
    ("penetapan", "tetap"), ("menugaskan", "tugas"), ("penugasan", "tugas"), ("pembagian", "bagi"),
    ("merumuskan", "rumus"), ("perumusan", "rumus"), ("meninjau", "tinjau"), ("disampaikan", "sampai"),
    ("penyampaian", "sampai"), ("menerima", "terima"), ("memberikan", "beri"), ("mengirimkan", "kirim"),
    ("menyetujui", "setuju"), ("ketersediaan", "sedia"), ("dikembalikan", "kembali"), ("menentukan", "tentu"),
])
def test_kata_dasar(kata, dasar):
    assert dasar in akar(kata)


def test_pencocokan_kata_dan_nama():
    assert menyebut("Pejabat Level 1 menyusun rencana", "susun")
    assert not menyebut("Pejabat Level 1 membahas rencana", "susun")
    assert menyebut("sesuai Gambar 19, Gambar 20", "gambar 19") and not menyebut("Gambar 190", "gambar 19")
    assert not menyebut("pelaksanaan kegiatan", "laksana kegiatan")
    assert menyebut_lajur("oleh Pejabat Fungsional atau pelaksana", ["pelaksana"])
    assert not menyebut_lajur("pelaksanaan kegiatan", ["pelaksana"])
    # "Sekretaris Daerah" tidak disebut oleh "Asisten Sekretaris Daerah" (sebutan lajur lain)
    assert not menyebut_lajur("membantu Asisten Sekretaris Daerah", ["Sekretaris Daerah"], ["Asisten Sekretaris Daerah"])
    assert menyebut_lajur("Sekretaris Daerah dan Asisten Sekretaris Daerah", ["Sekretaris Daerah"],
                          ["Asisten Sekretaris Daerah"])


# ---------------------------------------------------------------------------------------------
# Isi surat permohonan dibaca dari naskah
# ---------------------------------------------------------------------------------------------


def test_isi_surat_permohonan_dari_naskah(tmp_path):
    teks = (DOCS / "peraturan" / "lampiran-b.md").read_text(encoding="utf-8")
    for i, isi in enumerate(mekanisme.ISI_SURAT_PERMOHONAN, 1):
        assert f'<a id="lampiran-b-2-surat-permohonan-angka-{i}"></a>{i}) {isi}' in teks
    assert len(mekanisme.ISI_SURAT_PERMOHONAN) == 4
    _salin_naskah(tmp_path)
    p = tmp_path / "docs" / "peraturan" / "lampiran-b.md"
    _ubah(p, "4) durasi pelibatan Pejabat Fungsional dan pelaksana.",
          "4) durasi pelibatan Pejabat Fungsional dan pelaksana; dan\n"
          '- <a id="lampiran-b-2-surat-permohonan-angka-5"></a>5) sumber anggaran pelibatan.')
    isi = mekanisme.isi_surat_permohonan(tmp_path / "docs")
    assert len(isi) == 5 and isi[-1] == "sumber anggaran pelibatan."


# ---------------------------------------------------------------------------------------------
# Berkas alur rusak: berkas:baris:kolom
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("berkas,lama_,baru,pesan", [
    ("m01.yaml", "      - pelaku: ppk\n        label: Menyusun", "      - pelau: ppk\n        label: Menyusun",
     "kolom 'pelau' tidak dikenal"),
    ("m01.yaml", "      - pelaku: ppk\n        label: Menyusun", "      - pelaku: ppkk\n        label: Menyusun",
     "pelaku 'ppkk' bukan peran lajur mana pun di berkas ini (maksud Anda 'ppk'?)"),
    ("m01.yaml", "    sumber: lampiran-d-1-perencanaan", "    sumber: lampiran-d-1-perencanan",
     "jangkar 'lampiran-d-1-perencanan' tidak ada di naskah"),
    ("m01.yaml", "{ppk} selaku Pejabat Penilai Kinerja menyusun", "{ppkk} selaku Pejabat Penilai Kinerja menyusun",
     "isian '{ppkk}' bukan peran lajur mana pun"),
    ("m01.yaml", "  - {kunci: ketua_tim, peran: [ketua_tim]}", "  - {kunci: ketua_tim, peran: [ketua_timm]}",
     "peran 'ketua_timm' tidak ada di katalog"),
    ("m01.yaml", "mekanisme: M1\n", "mekanisme: M01\n", "mekanisme 'M01' tidak ada di katalog"),
    ("m02.yaml", "mekanisme: M2\n", "mekanisme: M1\n", "mekanisme 'M1' sudah digambarkan"),
    ("m01.yaml", "        kalimat: 1\n        kata_kunci: [susun, tetap, perjanjian kinerja]",
     "        kalimat: satu\n        kata_kunci: [susun, tetap, perjanjian kinerja]",
     "tahap.perencanaan.langkah[0].kalimat: harus bilangan bulat atau daftar"),
    ("m01.yaml", "mekanisme: M1\n", "mekanisme: M1\ninterpretasi: {dasar: [lampiran-d-1]}\n",
     "hanya pola umum yang ditandai interpretasi"),
    ("umum-a.yaml", "interpretasi:\n  dasar:", "interpretasi_:\n  dasar:", "kolom 'interpretasi_' tidak dikenal"),
    ("m01.yaml", "  evaluasi:\n", "  evaluasi_:\n", "tahap harus tepat perencanaan, pelaksanaan, evaluasi"),
    ("m01.yaml", "kata_kunci: [susun, tetap, perjanjian kinerja]", "kata_kunci: [susun, tetap, perjanjian kinerja",
     "sintaks YAML salah"),
    ("penunjukan-lintas-unit.yaml", "  - huruf: a\n", "  - huruf: A\n", "huruf"),
])
def test_berkas_alur_rusak_ditunjuk_baris_dan_kolom(tmp_path, berkas, lama_, baru, pesan):
    alur = _salin_naskah(tmp_path)
    _ubah(alur / berkas, lama_, baru)
    with pytest.raises(AlurTidakSah) as e:
        muat(alur)
    cocok = [m for m in e.value.pesan if pesan in m]
    assert cocok, e.value.pesan
    tampil = berkas_alur._tampil(alur / berkas)
    baris_harap = _baris(alur / berkas, baru.strip().splitlines()[-1] if "interpretasi: {" not in baru else "mekanisme:")
    m = re.match(rf"{re.escape(tampil)}:(\d+):(\d+): ", cocok[0])
    assert m, cocok[0]
    assert abs(int(m[1]) - baris_harap) <= 2, (cocok[0], baris_harap)


def test_mekanisme_katalog_tanpa_berkas_alur(tmp_path):
    alur = _salin_naskah(tmp_path)
    (alur / "m04.yaml").unlink()
    with pytest.raises(AlurTidakSah) as e:
        muat(alur)
    (pesan,) = e.value.pesan
    assert "mekanisme 'M4' belum punya berkas alur" in pesan
    assert re.match(r".*katalog\.yaml:\d+:\d+: ", pesan), pesan


def test_cli_dengan_berkas_alur_rusak_keluar_2_tanpa_traceback(tmp_path):
    alur = _salin_naskah(tmp_path)
    _ubah(alur / "m08.yaml", "      - pelaku: ppk\n        label: Menyusun", "      - pelaku: sekda\n        label: Menyusun")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "POLICY_ALUR": str(alur)}
    r = subprocess.run([sys.executable, "-m", "policy", "explain", "orgs/setda.yaml", "--langkah"], cwd=ROOT,
                       capture_output=True, text=True, env=env)
    assert r.returncode == 2 and r.stdout == "" and "Traceback" not in r.stderr
    assert "kesalahan: berkas alur tidak sah" in r.stderr
    assert re.search(r"m08\.yaml:\d+:\d+: pelaku 'sekda' bukan peran lajur", r.stderr), r.stderr
    # check tidak memuat alur: tetap berjalan
    r = subprocess.run([sys.executable, "-m", "policy", "check", "orgs/setda.yaml"], cwd=ROOT,
                       capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr


def test_explain_langkah_memakai_nama_jabatan():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("POLICY_ALUR", None)
    r = subprocess.run([sys.executable, "-m", "policy", "explain", "orgs/setda.yaml", "--langkah"], cwd=ROOT,
                       capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    m10 = katalog().mekanisme_contoh(10)
    assert f"  Langkah {m10.kode}:" in r.stdout
    assert re.search(r"\[Evaluasi\] Sekretaris Daerah Kabupaten Dairi[^\n]*: Menerima hasil", r.stdout)
    assert "Langkah" not in subprocess.run([sys.executable, "-m", "policy", "explain", "orgs/setda.yaml"], cwd=ROOT,
                                           capture_output=True, text=True, env=env).stdout
