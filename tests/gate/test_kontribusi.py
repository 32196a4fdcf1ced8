"""Panduan kontribusi: contoh anotasi dan laporan dampak di halaman adalah keluaran asli alat,
dan contoh kasus uji di halaman benar-benar lolos pengumpul kasus ``tests/cases``."""
from __future__ import annotations

import importlib.util
import re
import shutil

from .gitrepo import ROOT

_spec = importlib.util.spec_from_file_location("contoh_kontribusi", ROOT / "scripts" / "contoh_kontribusi.py")
contoh_kontribusi = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(contoh_kontribusi)

KONTRIBUSI = ROOT / "docs" / "kontribusi"


def test_contoh_di_halaman_sama_dengan_keluaran_alat():
    contoh = contoh_kontribusi.contoh()
    halaman = contoh_kontribusi.halaman_diperbarui(contoh)
    assert halaman, "tidak ada halaman dengan penanda contoh"
    dipakai = set()
    for p, (sekarang, baru) in halaman.items():
        dipakai |= {m.group("nama") for m in contoh_kontribusi.PENANDA.finditer(sekarang)}
        # SHA commit bergantung pada isi seluruh orgs/; selebihnya harus sama persis
        assert contoh_kontribusi.tanpa_sha(sekarang) == contoh_kontribusi.tanpa_sha(baru), (
            f"{p.name}: contoh basi — jalankan `python scripts/contoh_kontribusi.py --tulis`")
    assert dipakai == set(contoh), f"penanda yang tidak dipakai: {set(contoh) - dipakai}"


def test_contoh_anotasi_adalah_error_sk05_pada_baris_yang_diubah():
    contoh = contoh_kontribusi.contoh()
    potongan = contoh["potongan-rusak"]
    m_baris = re.search(r"^\s*(\d+) \|     pimpinan_unit: kabid-aptika$", potongan, re.M)
    assert m_baris
    baris = int(m_baris.group(1))
    anot = [b for b in contoh["anotasi"].splitlines() if b.startswith("::")]
    assert len(anot) == 1
    m = re.match(r"::error file=orgs/diskominfo\.yaml,line=(\d+),col=(\d+),title=SK05::", anot[0])
    assert m and int(m.group(1)) == baris
    teks = (KONTRIBUSI / "hasil-pemeriksaan.md").read_text(encoding="utf-8")
    # angka di penjelasan mengikuti keluaran alat
    assert f"`line={m.group(1)},col={m.group(2)}`" in teks
    assert f"di bawah baris {m.group(1)} berkas" in teks
    laporan = contoh["laporan-mentah"]
    assert "→ **Kepala Bidang Aplikasi Informatika**" in laporan
    assert "M2 · Administrator menilai dan menugaskan → **" in laporan
    assert "**SK05** `orgs/diskominfo.yaml`" in laporan


def _blok_yaml(teks: str) -> list[str]:
    return [re.sub(r"^    ", "", b, flags=re.M) for b in re.findall(r"```yaml\n(.*?)```", teks, re.S)]


def test_contoh_kasus_uji_di_halaman_lolos_pengumpul_kasus(tmp_path):
    from kasus_yaml import bandingkan

    teks = (KONTRIBUSI / "kasus-uji.md").read_text(encoding="utf-8")
    org, expect_gagal, expect_lolos = _blok_yaml(teks)[:3]
    kasus = tmp_path / "cases" / "sk05-kabid-bukan-bawahan"
    (kasus / "orgs").mkdir(parents=True)
    (kasus / "orgs" / "dinas-a.yaml").write_text(org, encoding="utf-8")
    (kasus / "expect.yaml").write_text(expect_gagal, encoding="utf-8")
    assert bandingkan(kasus) == []
    # varian lolos: Pimpinan Unit dikembalikan menjadi bawahan langsung PPK (Kepala Dinas)
    (kasus / "orgs" / "dinas-a.yaml").write_text(org.replace("penilai: sekretaris", "penilai: kadis"), encoding="utf-8")
    (kasus / "expect.yaml").write_text(expect_lolos, encoding="utf-8")
    assert bandingkan(kasus) == []
    # dan pengumpulnya memang bisa gagal
    (kasus / "expect.yaml").write_text(expect_lolos.replace("M1", "M2"), encoding="utf-8")
    assert bandingkan(kasus) != []
    shutil.rmtree(kasus)


def test_contributing_menaut_halaman_yang_ada():
    teks = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    tautan = re.findall(r"\]\(([^)#]+)\)", teks)
    assert tautan
    for t in tautan:
        assert (ROOT / t).is_file(), t
    for p in KONTRIBUSI.glob("*.md"):
        assert p.relative_to(ROOT).as_posix() in teks
