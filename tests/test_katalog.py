"""Katalog kosakata (policy/data/katalog.yaml): cocok dengan naskah, rujukan lengkap, kesalahan
ditunjuk berkas:baris:kolom, dan tabel klasifikasinya memberi hasil yang sama dengan klasifikasi
lama yang ditulis di Python (pada semua sampel, kasus uji, data sintetis dan pohon acak)."""
from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kasus_yaml import ROOT
from klasifikasi_lama import kedudukan_lama, klasifikasi_lama
from policy.domain import Unit, muat_semua
from policy.gambar import CONTOH, unit_contoh
from policy.katalog import BAWAAN, KatalogTidakSah, katalog, muat
from policy.klasifikasi import kedudukan, klasifikasi
from policy.mekanisme import MEKANISME, PROSEDUR
from policy.models import JENIS_JABATAN, JENIS_UNIT, OrgFile
from policy.muat import Dokumen
from policy.peraturan import anchors, baca, metadata, polos
from policy.rules import TAHAP_BERTANGGAL, per_tahap

sys.path.insert(0, str(ROOT / "scripts"))
import gen_org  # noqa: E402

DOCS = ROOT / "docs"


# ---------------------------------------------------------------------------------------------
# Katalog cocok dengan naskah
# ---------------------------------------------------------------------------------------------


def test_metadata_peraturan_dibaca_dari_naskah():
    """Nomor, tahun, judul, tanggal ditetapkan/diundangkan dan mulai berlaku (Pasal 22) = naskah."""
    p, teks = katalog().peraturan, metadata(DOCS)
    assert (p.nomor, p.tahun) == (teks["nomor"], teks["tahun"])
    assert p.judul.casefold() == teks["judul"].casefold()
    assert p.ditetapkan == teks["ditetapkan"] and p.diundangkan == teks["diundangkan"]
    assert p.berlaku_mulai == teks["berlaku_mulai"]
    assert p.berita_daerah.tahun == teks["berita_daerah"][0] and p.berita_daerah.nomor == teks["berita_daerah"][1]
    assert p.dasar_berlaku == teks["dasar_berlaku"]


def test_metadata_naskah_mengikuti_isi_naskah(tmp_path):
    """Pembaca metadata sungguh membaca teks: tanggal pengundangan lain → berlaku_mulai lain."""
    docs = tmp_path / "docs"
    (docs / "peraturan").mkdir(parents=True)
    for h in ("batang-tubuh.md",):
        teks = (DOCS / "peraturan" / h).read_text(encoding="utf-8")
        a = teks.index('<a id="pengundangan"></a>')
        teks = teks[:a] + teks[a:].replace("pada tanggal 27 September 2024", "pada tanggal 1 Oktober 2024", 1)
        (docs / "peraturan" / h).write_text(teks, encoding="utf-8")
    m = metadata(docs)
    assert str(m["diundangkan"]) == "2024-10-01" == str(m["berlaku_mulai"])
    assert str(m["ditetapkan"]) == "2024-09-27"


def _semua_anchor() -> list[tuple[str, str]]:
    k = katalog()
    hasil = [("peraturan.dasar_berlaku", k.peraturan.dasar_berlaku)]
    hasil += [(f"tahap {t.kunci}", t.anchor) for t in k.tahap.values()]
    hasil += [(f"gambar {g.nomor}", g.anchor) for g in k.gambar.values()]
    hasil += [(f"kedudukan {x.kode}", x.anchor) for x in k.kedudukan.values()]
    hasil += [(f"struktur {x.kode}", x.anchor) for x in k.struktur.values()]
    hasil += [(f"mekanisme {x.kode}", x.anchor) for x in k.mekanisme.values()]
    hasil += [(f"prosedur {x.kode}", x.anchor) for x in k.prosedur.values()]
    hasil += [(f"klasifikasi kedudukan {i}", b.dasar) for i, b in enumerate(k.klasifikasi.kedudukan)]
    hasil += [(f"klasifikasi penugasan {i}", b.dasar) for i, b in enumerate(k.klasifikasi.penugasan)]
    return hasil


def test_setiap_jangkar_katalog_ada_di_naskah():
    ada = anchors(DOCS)
    hilang = [(asal, a) for asal, a in _semua_anchor() if a not in ada]
    assert hilang == []


def test_keterangan_gambar_sama_dengan_naskah():
    naskah = {int(e.nomor_anchor): e for e in baca(DOCS).jenis("gambar")}
    k = katalog()
    assert sorted(k.gambar) == sorted(naskah)
    for n, g in k.gambar.items():
        m = re.match(r"Gambar (\d+)\.? (.*)$", polos(naskah[n].teks))
        assert m and int(m[1]) == n
        assert g.keterangan == m[2], f"Gambar {n}"
        assert g.anchor == naskah[n].anchor


def test_contoh_lampiran_d_dan_gambarnya_sesuai_naskah():
    """Contoh angka n Lampiran D berjangkar dan bergambar seperti di naskah; judul mekanisme ada di keterangan gambar."""
    k = katalog()
    contoh = [k.mekanisme[x] for x in k.kode_jenis("contoh")]
    judul_naskah = {e.anchor for e in baca(DOCS).elemen if re.fullmatch(r"lampiran-d-\d+", e.anchor)}
    assert {m.anchor for m in contoh} == judul_naskah
    for m in contoh:
        ket = k.gambar[m.gambar].keterangan.replace("Adminsitrator", "Administrator")
        assert ket.startswith(m.judul) and m.keterangan in ket, m.kode


# ---------------------------------------------------------------------------------------------
# Katalog lengkap dan dipakai (tidak ada daftar paralel yang tertinggal)
# ---------------------------------------------------------------------------------------------


def test_setiap_aturan_terdaftar_tercatat_di_katalog_dan_sebaliknya():
    k = katalog()
    bertanggal = {a.id for a in per_tahap(*TAHAP_BERTANGGAL)}
    assert {"SK10", "SK01"} <= bertanggal and not bertanggal & {a.id for a in per_tahap("naskah", "rute")}
    tanpa_tanggal = sorted(a for a in bertanggal if not k.tercatat(a))
    assert tanpa_tanggal == [], ("aturan tanpa masa berlaku: tambahkan '- {id: ..., berlaku_mulai: ..., "
                                 f"ditetapkan_oleh: ...}}' di bagian 'aturan' policy/data/katalog.yaml: {tanpa_tanggal}")
    assert {v.id for v in k.isi.aturan} <= bertanggal


def test_setiap_mekanisme_dan_prosedur_katalog_punya_alur():
    k = katalog()
    assert set(k.mekanisme) == set(MEKANISME)
    assert set(k.prosedur) == set(PROSEDUR)
    for kode, m in MEKANISME.items():
        km = k.mekanisme[kode]
        assert (m.judul, m.gambar, m.anchor, m.struktur_penugasan, m.interpretasi, m.contoh_angka) == \
               (km.judul, km.gambar, km.anchor, km.struktur, km.interpretasi, km.lampiran_d)


def test_nama_tampil_untuk_setiap_pilihan_model():
    k = katalog()
    assert list(k.jenis_jabatan) == list(JENIS_JABATAN)
    assert list(k.jenis_unit) == list(JENIS_UNIT)


def test_setiap_mekanisme_di_tabel_dan_di_situs():
    k = katalog()
    ditabel = {b.mekanisme for b in k.klasifikasi.penugasan}
    assert ditabel == set(k.kode_mekanisme), "mekanisme berhalaman yang tidak pernah dihasilkan tabel (atau sebaliknya)"
    assert len({k.mekanisme[x].halaman for x in k.kode_mekanisme}) == len(k.kode_mekanisme)


# ---------------------------------------------------------------------------------------------
# Katalog yang rusak: pesan berkas:baris:kolom, tanpa traceback di CLI
# ---------------------------------------------------------------------------------------------

TEKS = BAWAAN.read_text(encoding="utf-8")


def _rusak(tmp_path: Path, lama: str, baru: str) -> Path:
    assert lama in TEKS
    p = tmp_path / "katalog.yaml"
    p.write_text(TEKS.replace(lama, baru, 1), encoding="utf-8")
    return p


def _baris(teks: str, potongan: str) -> int:
    return teks[: teks.index(potongan)].count("\n") + 1


@pytest.mark.parametrize("lama,baru,pesan", [
    ("    struktur: d\n    halaman: mekanisme/m08.md", "    struktur: x\n    halaman: mekanisme/m08.md",
     "struktur penugasan 'x' tidak ada"),
    ("  - {kode: a1, gambar: 2,", "  - {kode: a1, gambar: 33,", "Gambar 33 tidak ada"),
    ("  - {kode: a1, gambar: 2,", "  - {kode: a1, gambr: 2,", "kolom 'gambr' tidak dikenal"),
    ("mekanisme: M8, dasar: lampiran-d-8}", "mekanisme: M88, dasar: lampiran-d-8}", "mekanisme 'M88' tidak ada"),
    ("    - {jika: {}, mekanisme: umum-b,", "    - {jika: {setda: true}, mekanisme: umum-b,", "baris terakhir tabel penugasan"),
    ("  - {id: SK07, berlaku_mulai: 2024-09-27,", "  - {id: SK07, berlaku_mulai: 2024-02-30,", "berlaku_mulai"),
    ("  - {id: SK07, berlaku_mulai: 2024-09-27,", "  - {id: SK06, berlaku_mulai: 2025-01-01,", "dua versi SK06 berlaku bersamaan"),
    ("  - {id: SK07, berlaku_mulai: 2024-09-27,", "  - {id: SK07, berlaku_mulai: 2024-01-01,", "sebelum Perbup Dairi 18/2024 berlaku"),
    ("ditetapkan_oleh: perbup-dairi-18-2024}\n  - id: SK06", "ditetapkan_oleh: perbup-18}\n  - id: SK06",
     "peraturan 'perbup-18' tidak ada"),
    ("    aktor: {sekretaris_daerah: pucuk, asisten: pimpinan_unit}", "    aktor: {sekda: pucuk, asisten: pimpinan_unit}",
     "peran 'sekda' tidak ada"),
    ("    - {jika: {setda: true, level_penilai: 1}, kedudukan: f1,", "    - {jika: {setda: true, level_pimpinan: 1}, kedudukan: f1,",
     "syarat 'level_pimpinan' tidak dipakai untuk kedudukan"),
    ("jenis_pucuk: pengawas}, kedudukan: c,", "jenis_pucuk: pengawass}, kedudukan: c,", "jenis_pucuk"),
    ("  rsud: Rumah Sakit Umum Daerah\n", "", "nama tampil belum ada untuk: rsud"),
    ("peraturan:\n  id: perbup", "peraturan:\n  id: perbup\n  id: x", "ditulis dua kali"),
])
def test_katalog_rusak_ditunjuk_baris_dan_kolom(tmp_path, lama, baru, pesan):
    p = _rusak(tmp_path, lama, baru)
    with pytest.raises(KatalogTidakSah) as e:
        muat(p)
    cocok = [x for x in e.value.pesan if pesan in x]
    assert cocok, e.value.pesan
    teks = p.read_text(encoding="utf-8")
    baris = int(re.match(rf"{re.escape(str(p))}:(\d+):\d+: ", cocok[0])[1])
    harapan = _baris(teks, baru.strip().splitlines()[-1]) if baru.strip() else None
    if harapan is not None and "ditulis dua kali" not in pesan:
        assert abs(baris - harapan) <= 1, (cocok[0], harapan)


def test_cli_dengan_katalog_rusak_keluar_2_tanpa_traceback(tmp_path):
    p = _rusak(tmp_path, "  - {kode: a1, gambar: 2,", "  - {kode: a1, gambar: 99,")
    r = subprocess.run([sys.executable, "-m", "policy", "check", "orgs"], cwd=ROOT, capture_output=True, text=True,
                       env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "POLICY_KATALOG": str(p)})
    assert r.returncode == 2 and r.stdout == ""
    assert "Traceback" not in r.stderr
    assert re.search(rf"{re.escape(str(p))}:{_baris(p.read_text(), 'gambar: 99')}:\d+: Gambar 99 tidak ada", r.stderr), r.stderr


# ---------------------------------------------------------------------------------------------
# Tabel klasifikasi data = klasifikasi Python lama
# ---------------------------------------------------------------------------------------------


def _bandingkan_unit(units) -> int:
    n = 0
    for u in units:
        for k in u.org.kelompok:
            kl = klasifikasi(u, k)
            lama = klasifikasi_lama(u, k)
            assert (kl.kedudukan, kl.struktur_penugasan, kl.mekanisme) == lama, (u.file, k.id)
            assert kedudukan(u, k) == kedudukan_lama(u, k), (u.file, k.id)
            n += 1
    return n


def test_klasifikasi_sama_pada_sampel_dan_kasus_uji():
    folder = [ROOT / "orgs", *sorted(p.parent for p in (ROOT / "tests" / "cases").glob("*/orgs/*.yaml"))]
    n = 0
    for f in dict.fromkeys(folder):
        indeks, *_ = muat_semua([f])
        n += _bandingkan_unit(indeks.units.values())
    assert n > 200


def test_klasifikasi_sama_pada_unit_contoh_gambar():
    assert _bandingkan_unit(unit_contoh(n) for n in CONTOH) == len(CONTOH)


def test_klasifikasi_sama_pada_data_sintetis():
    with tempfile.TemporaryDirectory() as d:
        gen_org.tulis(gen_org.buat_pemda(400), Path(d))
        indeks, *_ = muat_semua([d])
        n = _bandingkan_unit(indeks.units.values())
    assert n > 1000
    mek = {klasifikasi(u, k).mekanisme for u in indeks.units.values() for k in u.org.kelompok}
    assert set(katalog().kode_jenis("contoh")) <= mek


UNIT_JENIS = ["sekretariat_daerah", "dinas", "kecamatan", "uptd", "lainnya"]


@st.composite
def org_acak(draw) -> OrgFile:
    """Pohon jabatan acak (jenis, atasan, kadang dua pucuk atau acuan putus) dan kelompok dengan penilai dan
    pimpinan unit sembarang — termasuk yang dilarang aturan, karena klasifikasi harus tetap sama."""
    n = draw(st.integers(1, 7))
    struktur = []
    for i in range(n):
        atasan = None if i == 0 else draw(st.one_of(st.none(), st.integers(0, i - 1).map(lambda j: f"p{j}"),
                                                     st.just("hilang")))
        if i > 0 and atasan is None and draw(st.booleans()):
            atasan = "p0"
        p = {"id": f"p{i}", "jabatan": f"Jabatan {i}", "jenis": draw(st.sampled_from(JENIS_JABATAN))}
        if atasan:
            p["atasan"] = atasan
        struktur.append(p)
    ids = [p["id"] for p in struktur] + ["hilang"]
    kelompok = []
    for j in range(draw(st.integers(1, 4))):
        penilai = draw(st.sampled_from(ids))
        bawahan = [p["id"] for p in struktur if p.get("atasan") == penilai]
        # pimpinan unit: penilai sendiri, bawahan langsungnya (bentuk yang paling banyak barisnya), atau sembarang
        cara = draw(st.sampled_from(["sama", "bawahan", "acak"]))
        pimpinan = penilai if cara == "sama" else draw(st.sampled_from(bawahan if cara == "bawahan" and bawahan else ids))
        kelompok.append({"id": f"k{j}", "penilai": penilai, "pimpinan_unit": pimpinan,
                         "anggota": [{"jabatan": "Analis", "jenis": "fungsional"}]})
    return OrgFile.model_validate({"id": "acak", "nama": "Unit acak", "jenis": draw(st.sampled_from(UNIT_JENIS)),
                                   "struktur": struktur, "kelompok": kelompok})


@settings(max_examples=600, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(org_acak())
def test_klasifikasi_sama_pada_pohon_acak(org):
    _bandingkan_unit([Unit(file="acak.yaml", dok=Dokumen(file="acak.yaml"), org=org)])


def test_tabel_katalog_memang_dipakai(tmp_path):
    """Mengubah satu baris tabel di katalog mengubah hasil klasifikasi (tanpa perubahan Python):
    baris contoh Lampiran D angka 10 diarahkan ke pola umum c."""
    from policy.katalog import pakai

    k = katalog()
    m10, umum_c = k.mekanisme_contoh(10), k.pola_umum("c")
    p = _rusak(tmp_path, f"mekanisme: {m10.kode}, dasar: {m10.anchor}}}", f"mekanisme: {umum_c.kode}, dasar: {m10.anchor}}}")
    indeks, *_ = muat_semua([ROOT / "orgs" / "setda.yaml"])
    setda = indeks.units["setda"]
    sebelum = [klasifikasi(setda, x) for x in setda.org.kelompok]
    assert m10.kode in {kl.mekanisme for kl in sebelum}
    with pakai(p):
        sesudah = [klasifikasi(setda, x) for x in setda.org.kelompok]
    for a, b in zip(sebelum, sesudah):
        if a.mekanisme == m10.kode:
            assert (b.mekanisme, b.struktur_penugasan) == (umum_c.kode, umum_c.struktur)
        else:
            assert a == b
