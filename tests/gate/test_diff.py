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
    assert re.search(r"^- `orgs/dinkes.yaml` — Dinas Kesehatan \(\d+ posisi, \d+ kelompok, \d+ pemangku, "
                     r"\d+ tim kerja\)$", _bagian(r.stdout, "Unit ditambah"), re.M)
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
    # id di dalam berkas berganti (nama berkas tetap): tetap dibandingkan dan dilaporkan
    assert _rincian(r.stdout, "kec-sidikalang") == ["- Unit: `id` `kec-sidikalang` → **`kec-lain`**"]
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


# ---------------------------------------------------------------------------
# Setiap perubahan data terlapor (bukan hanya PPK/Pimpinan Unit/mekanisme)


def _diff(repo) -> str:
    r = repo.policy("diff", "HEAD~1", "HEAD")
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    return r.stdout


def _rincian(teks: str, unit: str) -> list[str]:
    """Butir rincian satu unit (judul ``#### … (`unit`)``)."""
    m = re.search(rf"^#### .*\(.*`{re.escape(unit)}`\*{{0,2}}\)\n\n(.*?)(?=\n\n|\Z)", teks, re.M | re.S)
    return m.group(1).splitlines() if m else []


def _ringkasan(teks: str, label: str) -> str:
    m = re.search(rf"^\| {re.escape(label)} \| (.*?) \|$", teks, re.M)
    assert m, label
    return m.group(1)


def test_ganti_nama_unit_saja(repo):
    repo.ganti("orgs/bappeda.yaml", "nama: Badan Perencanaan Pembangunan Daerah\n",
               "nama: Badan Perencanaan Pembangunan dan Riset Daerah\n")
    repo.commit("ganti nama unit")
    teks = _diff(repo)
    assert "Tidak ada perubahan" not in teks
    assert _rincian(teks, "bappeda") == [
        "- Unit: `nama` Badan Perencanaan Pembangunan Daerah → **Badan Perencanaan Pembangunan dan Riset Daerah**"]
    assert _ringkasan(teks, "Unit yang datanya berubah") == "1"
    assert _bagian(teks, "Kelompok yang berubah") == ""


def test_ganti_nama_posisi_saja_bukan_perubahan_ppk(repo):
    repo.ganti("orgs/diskominfo.yaml", "jabatan: Kepala Bidang Aplikasi Informatika,",
               "jabatan: Kepala Bidang Aplikasi dan Layanan Informatika,")
    repo.commit("ganti nama jabatan")
    teks = _diff(repo)
    assert _rincian(teks, "diskominfo") == [
        "- Posisi `kabid-aptika`: `jabatan` Kepala Bidang Aplikasi Informatika → "
        "**Kepala Bidang Aplikasi dan Layanan Informatika**"]
    # jabatan yang sama (id tetap) hanya berganti nama: PPK/Pimpinan Unit tidak berganti
    assert _bagian(teks, "Kelompok yang berubah") == ""
    assert _ringkasan(teks, "Pemangku jabatan dalam kelompok itu (jumlah anggota)") == "0"


def test_ganti_nama_kelompok_saja(repo):
    repo.ganti("orgs/diskominfo.yaml", "nama: Kelompok JF dan Pelaksana Bidang Informasi dan Komunikasi Publik\n",
               "nama: Kelompok JF Kehumasan\n")
    repo.commit("ganti nama kelompok")
    assert _rincian(_diff(repo), "diskominfo") == [
        "- Kelompok `kjf-ikp`: `nama` Kelompok JF dan Pelaksana Bidang Informasi dan Komunikasi Publik → "
        "**Kelompok JF Kehumasan**"]


def test_ganti_nama_tim_saja(repo):
    repo.ganti("orgs/diskominfo.yaml", "nama: Tim Satu Data Dairi\n", "nama: Tim Satu Data Kabupaten Dairi\n")
    repo.commit("ganti nama tim")
    assert _rincian(_diff(repo), "diskominfo") == [
        "- Tim kerja `tim-satu-data`: `nama` Tim Satu Data Dairi → **Tim Satu Data Kabupaten Dairi**"]


def test_ganti_id_posisi_dan_kelompok_dikenali_sebagai_ganti_nama(repo):
    repo.ganti("orgs/diskominfo.yaml", "kabid-aptika", "kabid-apl", count=-1)
    repo.ganti("orgs/diskominfo.yaml", "id: kjf-ikp\n", "id: kjf-humas\n")
    repo.commit("ganti id")
    teks = _diff(repo)
    # acuan (atasan, penilai, pimpinan_unit, pemilik_kinerja) yang ikut berganti bukan perubahan
    assert _rincian(teks, "diskominfo") == [
        "- Posisi `kabid-apl`: `id` `kabid-aptika` → **`kabid-apl`**",
        "- Kelompok `kjf-humas`: `id` `kjf-ikp` → **`kjf-humas`**"]
    assert _bagian(teks, "Kelompok yang berubah") == ""
    assert _bagian(teks, "Kelompok ditambah atau dihapus") == ""


def test_ganti_id_unit_dan_berkas(repo):
    repo.git("mv", "orgs/kec-sidikalang.yaml", "orgs/kec-sidikalang-kota.yaml")
    repo.ganti("orgs/kec-sidikalang-kota.yaml", "id: kec-sidikalang\n", "id: kec-sidikalang-kota\n")
    repo.commit("ganti id unit")
    teks = _diff(repo)
    assert _ringkasan(teks, "Unit ditambah / dihapus") == "0 / 0"
    assert "#### Kecamatan Sidikalang (`kec-sidikalang` → **`kec-sidikalang-kota`**)" in teks
    assert _rincian(teks, "kec-sidikalang-kota") == [
        "- Berkas: `orgs/kec-sidikalang.yaml` → **`orgs/kec-sidikalang-kota.yaml`**",
        "- Unit: `id` `kec-sidikalang` → **`kec-sidikalang-kota`**"]
    assert _bagian(teks, "Kelompok ditambah atau dihapus") == ""


def test_jumlah_dan_anggota_kelompok(repo):
    repo.ganti("orgs/diskominfo.yaml", "{jabatan: Pranata Komputer Ahli Muda, jenis: fungsional, jumlah: 2}",
               "{jabatan: Pranata Komputer Ahli Muda, jenis: fungsional, jumlah: 4}")
    repo.ganti("orgs/diskominfo.yaml", "      - {jabatan: Statistisi Ahli Pertama, jenis: fungsional, jumlah: 2}\n",
               "      - {jabatan: Statistisi Ahli Muda, jenis: fungsional, jumlah: 2}\n")
    repo.ganti("orgs/diskominfo.yaml", "      - {jabatan: Sandiman Ahli Pertama, jenis: fungsional, jumlah: 1}\n", "")
    repo.ganti("orgs/diskominfo.yaml", "      - {jabatan: Pranata Humas Terampil, jenis: fungsional, jumlah: 2}\n",
               "      - {jabatan: Pranata Humas Terampil, jenis: fungsional, jumlah: 2}\n"
               "      - {jabatan: Pengelola Layanan Operasional, jenis: pelaksana, jumlah: 3}\n")
    repo.commit("ubah anggota")
    baris = _rincian(_diff(repo), "diskominfo")
    assert "- Kelompok `kjf-ikp`: anggota ditambah Pengelola Layanan Operasional (pelaksana, jumlah 3)" in baris
    assert "- Kelompok `kjf-aptika`: anggota Pranata Komputer Ahli Muda: `jumlah` 2 → **4**" in baris
    statistik = next(b for b in baris if b.startswith("- Kelompok `kjf-statistik`"))
    assert "anggota `jabatan` Statistisi Ahli Pertama → **Statistisi Ahli Muda**" in statistik
    assert "anggota dihapus Sandiman Ahli Pertama (fungsional, jumlah 1)" in statistik


def test_tim_ketua_anggota_dan_atasan(repo):
    repo.ganti("orgs/diskominfo.yaml", "ketua: {kelompok: kjf-statistik, jabatan: Statistisi Ahli Pertama}",
               "ketua: {kelompok: kjf-aptika, jabatan: Pranata Komputer Ahli Muda}")
    repo.ganti("orgs/diskominfo.yaml", "{instansi: BPS Kabupaten Dairi, jabatan: Statistisi Ahli Muda,",
               "{instansi: BPS Kabupaten Dairi, jabatan: Statistisi Ahli Madya,")
    repo.ganti("orgs/diskominfo.yaml", 'penyetuju: "Pejabat yang Berwenang BPS Kabupaten Dairi", mulai: "2025-02-01", '
                                       'selesai: "2027-12-31"}}\n',
               'penyetuju: "Pejabat yang Berwenang BPS Kabupaten Dairi", mulai: "2025-02-01", selesai: "2027-12-31"}}\n'
               "      - {instansi: Diskominfo Provinsi Sumatera Utara, jabatan: Pranata Komputer Ahli Muda}\n")
    repo.ganti("orgs/diskominfo.yaml", "jenis: administrator, atasan: kadis}\n  - {id: kabid-ikp",
               "jenis: administrator, atasan: sekretaris}\n  - {id: kabid-ikp")
    repo.commit("ubah tim dan atasan")
    baris = _rincian(_diff(repo), "diskominfo")
    assert ("- Posisi `sekretaris`: `atasan` Kepala Dinas Komunikasi dan Informatika (`kadis`) → "
            "**Sekretaris Dinas Komunikasi dan Informatika (`sekretaris`)**") in baris
    tim = next(b for b in baris if b.startswith("- Tim kerja `tim-satu-data`"))
    assert ("`ketua` Statistisi Ahli Pertama (kelompok `kjf-statistik`) → "
            "**Pranata Komputer Ahli Muda (kelompok `kjf-aptika`)**") in tim
    assert ("anggota Statistisi Ahli Muda (instansi BPS Kabupaten Dairi) → "
            "**Statistisi Ahli Madya (instansi BPS Kabupaten Dairi)**") in tim
    assert "anggota ditambah Pranata Komputer Ahli Muda (instansi Diskominfo Provinsi Sumatera Utara)" in tim


def test_pemangku_terdampak_dan_nama_mekanisme(repo):
    import yaml

    # kjf-ikp dan kjf-statistik: PPK Kepala Bidang → Kepala Dinas (M2 → M1); kjf-statistik juga
    # menambah pemangku (dihitung menurut revisi sesudah). kjf-aptika hanya berubah jumlah: tidak dihitung.
    repo.ganti("orgs/diskominfo.yaml", "    penilai: kabid-ikp\n", "    penilai: kadis\n")
    repo.ganti("orgs/diskominfo.yaml", "    penilai: kabid-statistik\n", "    penilai: kadis\n")
    repo.ganti("orgs/diskominfo.yaml", "{jabatan: Statistisi Ahli Pertama, jenis: fungsional, jumlah: 2}",
               "{jabatan: Statistisi Ahli Pertama, jenis: fungsional, jumlah: 5}")
    repo.ganti("orgs/diskominfo.yaml", "{jabatan: Pranata Komputer Ahli Muda, jenis: fungsional, jumlah: 2}",
               "{jabatan: Pranata Komputer Ahli Muda, jenis: fungsional, jumlah: 9}")
    repo.commit("PPK kepala dinas")
    teks = _diff(repo)
    data = yaml.safe_load((repo.path / "orgs/diskominfo.yaml").read_text(encoding="utf-8"))
    jumlah = {k["id"]: sum(a.get("jumlah", 1) for a in k["anggota"]) for k in data["kelompok"]}
    assert _ringkasan(teks, "Pemangku jabatan dalam kelompok itu (jumlah anggota)") == \
        str(jumlah["kjf-ikp"] + jumlah["kjf-statistik"])
    assert _ringkasan(teks, "Kelompok yang PPK, Pimpinan Unit atau mekanismenya berubah") == "2"
    baris = {re.search(r"`(kjf-[a-z]+)`", b).group(1): [s.strip() for s in b.strip("|").split("|")]
             for b in _bagian(teks, "Kelompok yang berubah").splitlines() if "`kjf-" in b}
    assert set(baris) == {"kjf-ikp", "kjf-statistik"}
    for kid, sel in baris.items():
        assert sel[2] == f"{sel[3]} → **Kepala Dinas Komunikasi dan Informatika**"
        assert sel[4] == ("M2 · Administrator menilai dan menugaskan → "
                          "**M1 · JPT Pratama menilai, Administrator menugaskan**")
        assert sel[5] == str(jumlah[kid])


# ---------------------------------------------------------------------------
# Teks dari berkas org tidak dapat menjadi HTML, tautan, gambar, mention, atau memecah tabel

MUATAN = ("<img src=x onerror=alert(1)> <script>alert(1)</script> [klik](https://evil.example) "
          "![x](https://evil.example/a.png) @everyone @org/team #1 | a | b | ` **tebal** <!-- --> "
          "<details><summary>s</summary> javascript:alert(1) https://evil.example www.evil.example "
          ":smile: {{ config }} baris\nbaru\rCR\x1bESC")
MUATAN_PENDEK = "<b>@all</b> #1 | [a](https://e.x)"  # singkatan: 40 karakter maksimum


def _sisipkan(data: dict) -> dict[str, str]:
    """Muatan di setiap kolom teks; kunci = penanda unik yang mendahului muatan."""
    org = data
    org["nama"] = "U1 " + MUATAN
    org["singkatan"] = "S1 " + MUATAN_PENDEK
    org["dasar_hukum"][0] = "D1 " + MUATAN
    org["aplikasi_spbe"].append("A1 " + MUATAN_PENDEK)
    org["struktur"][3]["jabatan"] = "P1 " + MUATAN
    k = org["kelompok"][1]
    k["nama"] = "K1 " + MUATAN
    k["pendelegasian"] = "L1 " + MUATAN
    k["anggota"][0]["jabatan"] = "G1 " + MUATAN
    k["anggota"].append({"jabatan": "G2 " + MUATAN, "jenis": "pelaksana", "jumlah": 1})
    t = org["tim_kerja"][0]
    t["nama"] = "T1 " + MUATAN
    t["ketua"] = {"instansi": "I1 " + MUATAN, "jabatan": "J1 " + MUATAN}
    t["anggota"].append({"instansi": "I2 " + MUATAN, "jabatan": "J2 " + MUATAN})
    org["tim_kerja"].append({"id": "tim-baru", "nama": "T2 " + MUATAN, "pemilik_kinerja": "kadis",
                             "ketua": {"kelompok": "kjf-aptika", "jabatan": "J3 " + MUATAN}})
    org["kelompok"].append({"id": "kjf-baru", "nama": "K2 " + MUATAN, "penilai": "kadis",
                            "pimpinan_unit": "kabid-aptika",
                            "anggota": [{"jabatan": "G3 " + MUATAN, "jenis": "pelaksana", "jumlah": 2}]})
    org["struktur"].append({"id": "kabid-baru", "jabatan": "P2 " + MUATAN, "jenis": "administrator",
                            "atasan": "kadis", "dasar_pengangkatan": "P3 " + MUATAN})
    org["kelompok"][-1]["pendelegasian"] = "L2 " + MUATAN
    return {p: m for p, m in (("U1", MUATAN), ("S1", MUATAN_PENDEK), ("D1", MUATAN), ("A1", MUATAN_PENDEK),
                              ("P1", MUATAN), ("K1", MUATAN), ("L1", MUATAN), ("G1", MUATAN), ("G2", MUATAN),
                              ("T1", MUATAN), ("I1", MUATAN), ("J1", MUATAN), ("I2", MUATAN), ("J2", MUATAN),
                              ("T2", MUATAN), ("J3", MUATAN), ("K2", MUATAN), ("G3", MUATAN), ("P2", MUATAN),
                              ("P3", MUATAN), ("L2", MUATAN))}


def test_muatan_di_setiap_kolom_teks_tampil_sebagai_teks(repo):
    import yaml

    from .gfm import Dokumen, pola_github, render, tampak

    p = repo.path / "orgs/diskominfo.yaml"
    data = yaml.safe_load(p.read_text(encoding="utf-8"))
    penanda = _sisipkan(data)
    p.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    repo.commit("muatan")
    teks = _diff(repo)
    assert "<" not in teks.replace("<!-- ", "")  # tidak ada tag mentah sama sekali
    d = Dokumen(render(teks))
    assert d.nama_tag <= {"h2", "h3", "h4", "p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td",
                          "strong", "em", "code"}, d.nama_tag
    assert not d.atribut, d.tag
    isi = "".join(d.teks)
    assert pola_github(isi) == [], [b for b in isi.splitlines() if pola_github(b)]
    assert all(re.fullmatch(r"[A-Za-z0-9._/^~ -]+", k) for k in d.teks_kode), d.teks_kode
    terlihat = tampak(isi)
    for tanda, muatan in penanda.items():
        assert f"{tanda} {' '.join(muatan.split()).replace(chr(0x1b), ' ')}".replace("  ", " ") in \
            " ".join(terlihat.split()), tanda
    # tabel tetap utuh: setiap baris punya sel sebanyak kepala tabelnya, dan muatan memang ada di tabel
    tabel = re.findall(r"<table>.*?</table>", render(teks), re.S)
    isi_tabel = tampak("".join(Dokumen(tabel[1]).teks)) if len(tabel) == 2 else ""
    assert "U1 <img" in isi_tabel and "P1 <img" in isi_tabel
    for t in tabel:
        kolom = {len(re.findall(r"<t[hd][ >]", tr)) for tr in re.findall(r"<tr>.*?</tr>", t, re.S)}
        assert len(kolom) == 1, t



def test_nama_berkas_berbahaya_di_escape(repo):
    from .gfm import Dokumen, pola_github, render, tampak

    nama = "`<img src=x onerror=alert(1)>` @everyone [a](https:__evil.example)"
    (repo.path / "orgs" / f"{nama}.yaml").write_text(
        (repo.path / "orgs/bappeda.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    repo.commit("berkas bernama aneh")
    teks = _diff(repo)
    d = Dokumen(render(teks))
    assert d.nama_tag <= {"h2", "h3", "p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td",
                          "strong", "em", "code"}, d.nama_tag
    assert pola_github("".join(d.teks)) == []
    assert f"orgs/{nama}.yaml — Badan Perencanaan Pembangunan Daerah" in tampak("".join(d.teks))
    assert f"orgs/{nama}.yaml" in tampak("".join(d.teks)).split("Temuan baru", 1)[1]
