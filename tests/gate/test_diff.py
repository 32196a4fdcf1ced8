"""``python -m policy diff``: laporan dampak antara dua revisi git, diuji pada repositori sementara."""
from __future__ import annotations

import re

import pytest

from .gitrepo import Repo


@pytest.fixture
def repo(tmp_path):
    r = Repo(tmp_path / "repo")
    r.salin_org("diskominfo", "bappeda", "kec-sidikalang")
    (r.path / "README.md").write_text("uji\n", encoding="utf-8")
    r.commit("awal")
    return r


def _bagian(teks: str, judul: str) -> str:
    """Isi satu bagian ``### judul`` laporan (sampai judul berikutnya)."""
    m = re.search(rf"^### {re.escape(judul)}\n(.*?)(?=^### |\Z)", teks, re.M | re.S)
    return m.group(1) if m else ""


def test_ppk_pimpinan_unit_mekanisme_sebelum_sesudah(repo):
    # kjf-sekretariat: PPK = Pimpinan Unit = Sekretaris (M2) → Pimpinan Unit Kepala Bidang Aptika
    # yang bukan bawahan Sekretaris: SK05 muncul, mekanisme tidak lagi M2.
    repo.ganti("orgs/diskominfo.yaml", "    penilai: sekretaris\n    pimpinan_unit: sekretaris\n",
               "    penilai: sekretaris\n    pimpinan_unit: kabid-aptika\n")
    repo.commit("ubah pimpinan unit")
    r = repo.policy("diff", "HEAD~1", "HEAD")
    assert r.returncode == 0, r.stderr
    berubah = _bagian(r.stdout, "Kelompok yang berubah")
    baris = [b for b in berubah.splitlines() if "`kjf-sekretariat`" in b]
    assert len(baris) == 1, r.stdout
    sel = [s.strip() for s in baris[0].strip("|").split("|")]
    assert sel[0] == "Dinas Komunikasi dan Informatika (`diskominfo`)"
    assert sel[2] == "Sekretaris Dinas Komunikasi dan Informatika"  # PPK tidak berubah
    assert sel[3] == ("Sekretaris Dinas Komunikasi dan Informatika → "
                      "**Kepala Bidang Aplikasi Informatika**")
    assert sel[4] == ("M2 · Administrator menilai dan menugaskan → "
                      "**Pola umum a · penilai dan pimpinan unit berbeda**")
    assert sel[5] == "9"  # pemangku kjf-sekretariat: 1+1+1+1+2+1+2
    baru = _bagian(r.stdout, "Temuan baru")
    assert "**SK05** `orgs/diskominfo.yaml`" in baru
    assert _bagian(r.stdout, "Temuan yang sudah diperbaiki") == ""
    # hanya kelompok yang benar-benar berubah yang dilaporkan
    assert berubah.count("| Dinas") == 1


def test_unit_ditambah_dan_dihapus(repo):
    (repo.path / "orgs" / "bappeda.yaml").unlink()
    repo.salin_org("dinkes")
    repo.commit("tambah dinkes, hapus bappeda")
    r = repo.policy("diff", "HEAD~1", "HEAD")
    assert r.returncode == 0, r.stderr
    assert "- `orgs/dinkes.yaml` — Dinas Kesehatan" in _bagian(r.stdout, "Unit ditambah")
    assert "`orgs/bappeda.yaml` — Badan Perencanaan Pembangunan Daerah" in _bagian(r.stdout, "Unit dihapus")
    kel = _bagian(r.stdout, "Kelompok ditambah atau dihapus")
    assert "| ditambah | Dinas Kesehatan (`dinkes`) |" in kel
    assert "| dihapus | Badan Perencanaan Pembangunan Daerah (`bappeda`) |" in kel
    assert "diskominfo" not in kel


def test_temuan_dicocokkan_tanpa_nomor_baris(repo):
    # SK05 dibuat pada commit 2; commit 3 hanya menyisipkan baris komentar di atas (baris bergeser).
    repo.ganti("orgs/diskominfo.yaml", "    penilai: sekretaris\n    pimpinan_unit: sekretaris\n",
               "    penilai: sekretaris\n    pimpinan_unit: kabid-aptika\n")
    repo.commit("rusak")
    repo.ganti("orgs/diskominfo.yaml", "id: diskominfo\n", "# catatan tambahan\n# baris kedua\nid: diskominfo\n")
    repo.commit("geser baris")
    r = repo.policy("diff", "HEAD~1", "HEAD")
    assert r.returncode == 0, r.stderr
    assert _bagian(r.stdout, "Temuan baru") == ""
    assert _bagian(r.stdout, "Temuan yang sudah diperbaiki") == ""
    assert "Tidak ada perubahan" in r.stdout


def test_temuan_diperbaiki(repo):
    asli = (repo.path / "orgs/diskominfo.yaml").read_text(encoding="utf-8")
    repo.ganti("orgs/diskominfo.yaml", "    penilai: sekretaris\n    pimpinan_unit: sekretaris\n",
               "    penilai: sekretaris\n    pimpinan_unit: kabid-aptika\n")
    repo.commit("rusak")
    (repo.path / "orgs/diskominfo.yaml").write_text(asli, encoding="utf-8")
    repo.commit("perbaiki")
    r = repo.policy("diff", "HEAD~1", "HEAD")
    assert "**SK05** `orgs/diskominfo.yaml`" in _bagian(r.stdout, "Temuan yang sudah diperbaiki")
    assert _bagian(r.stdout, "Temuan baru") == ""
    assert "→ **M2 · Administrator menilai dan menugaskan** | 9 |" in _bagian(r.stdout, "Kelompok yang berubah")


def test_bawaan_pohon_kerja_dan_tidak_mengubahnya(repo):
    repo.ganti("orgs/kec-sidikalang.yaml", "id: kec-sidikalang\n", "id: kec-lain\n")
    status_sebelum = repo.git("status", "--porcelain")
    r = repo.policy("diff", "HEAD")
    assert r.returncode == 0, r.stderr
    assert "`pohon kerja`" in r.stdout
    assert "**SK01** `orgs/kec-sidikalang.yaml`" in _bagian(r.stdout, "Temuan baru")
    assert repo.git("status", "--porcelain") == status_sebelum
    assert sorted(p.name for p in (repo.path / "orgs").iterdir()) == [
        "bappeda.yaml", "diskominfo.yaml", "kec-sidikalang.yaml"]


def test_keluaran_deterministik(repo):
    repo.salin_org("setda")
    repo.commit("tambah setda")
    a = repo.policy("diff", "HEAD~1", "HEAD").stdout
    b = repo.policy("diff", "HEAD~1", "HEAD").stdout
    assert a == b and a.endswith("\n") and not a.endswith("\n\n")


@pytest.mark.parametrize("args", [["tidak-ada"], ["HEAD", "cabang-fiktif"], ["HEAD~5"]])
def test_revisi_tidak_dikenal_keluar_2(repo, args):
    r = repo.policy("diff", *args)
    assert r.returncode == 2
    assert r.stdout == ""
    assert "revisi git" in r.stderr and "tidak dikenal" in r.stderr
    assert "Traceback" not in r.stderr


def test_bukan_repositori_git(tmp_path):
    (tmp_path / "orgs").mkdir()
    r = Repo.__new__(Repo)
    r.path = tmp_path
    hasil = r.policy("diff", "HEAD", GIT_CEILING_DIRECTORIES=str(tmp_path.parent))
    assert hasil.returncode == 2
    assert "bukan repositori git" in hasil.stderr


def test_tanpa_argumen_salah_pemakaian(repo):
    r = repo.policy("diff")
    assert r.returncode == 2 and "BASE_REF" in r.stderr
