"""Lint hukum naskah: temuan nyata pada naskah sekarang, temuan baru setelah naskah diubah, baseline."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from policy.katalog import katalog
from policy.peraturan import lint as L

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def baris_berisi(halaman: str, potongan: str, docs: Path = DOCS) -> int:
    for no, b in enumerate((docs / halaman).read_text(encoding="utf-8").splitlines(), 1):
        if potongan in b:
            return no
    raise AssertionError(potongan)


@pytest.fixture(scope="module")
def temuan():
    return L.lint(DOCS)


def test_dua_bab_iv_dilaporkan(temuan):
    no = baris_berisi("peraturan/batang-tubuh.md", "## BAB IV KETENTUAN LAIN-LAIN")
    di_sana = {t.rule for t in temuan if t.file == "peraturan/batang-tubuh.md" and t.line == no}
    assert {"HK01", "HK02"} <= di_sana
    pesan = [t.message for t in temuan if t.rule == "HK02" and t.line == no][0]
    assert "BAB VI" in pesan and "BAB V" in pesan


def test_pasal_7_ayat_4_mengulang_ayat_1(temuan):
    hk06 = [t for t in temuan if t.rule == "HK06"]
    assert any(t.anchor == "pasal-7-ayat-4" and "pasal-7-ayat-1" in t.message for t in hk06)
    assert hk06[0].line == baris_berisi("peraturan/batang-tubuh.md", 'id="pasal-7-ayat-4-huruf-a"')


def test_rujukan_gambar_pelibatan_contoh_5_sampai_7(temuan):
    hk05 = [t for t in temuan if t.rule == "HK05"]
    contoh = {(t.anchor, re.search(r"Gambar (\d+) bukan", t.message).group(1)) for t in hk05}
    assert contoh == {(f"lampiran-d-{c}-perencanaan", g) for c in (5, 6, 7) for g in ("17", "18")}
    # contoh 1-4 dan 8-10 (Gambar 19, 20, 22) tidak dilaporkan; Gambar 20 yang benar tidak disebut kurang
    assert all("tidak dirujuk: Gambar 19, Gambar 22" in t.message for t in hk05)


def test_gambar_prosedur_pelibatan_diturunkan_dari_naskah():
    from policy.peraturan import baca
    assert sorted(L.gambar_prosedur_pelibatan(baca(DOCS))) == [19, 20, 22]


def test_pejabat_madya_di_contoh_3(temuan):
    hk07 = [t for t in temuan if t.rule == "HK07"]
    assert any(t.anchor == "lampiran-d-3" and "Pejabat Pimpinan Tinggi Madya" in t.message for t in hk07)
    t = next(t for t in hk07 if t.anchor == "lampiran-d-3")
    baris = (DOCS / "peraturan/lampiran-d.md").read_text(encoding="utf-8").splitlines()[t.line - 1]
    assert baris[t.col - 1:].startswith("Pejabat Pimpinan Tinggi Madya")
    assert any(t.anchor == "lampiran-d-8" and "Asisten Sekretaris Daerah Pratama" in t.message for t in hk07)


def test_temuan_lain_yang_nyata(temuan):
    ids = {(t.rule, t.anchor) for t in temuan}
    assert ("HK08", "lampiran-d-3") in ids                     # contoh 3 tak pernah dirujuk dari B.2
    assert ("HK09", "lampiran-b-1-huruf-b") in ids             # ringkasan b: 2 butir, rincian: 3
    assert ("HK04", "lampiran-d-3") in ids                     # "gambar diatas" sebelum gambarnya


def test_keluaran_urut_dan_stabil(capsys):
    assert L.main(["--root", str(ROOT), "--semua"]) == 0
    a = capsys.readouterr().out
    assert L.main(["--root", str(ROOT), "--semua"]) == 0
    assert capsys.readouterr().out == a
    baris = [b for b in a.splitlines() if re.match(r"^docs/", b)]
    kunci = [(m.group(1), int(m.group(2)), int(m.group(3))) for m in
             (re.match(r"^(\S+?):(\d+):(\d+): (error|warning|info) HK\d\d ", b) for b in baris)]
    assert kunci == sorted(kunci) and len(kunci) >= 20


def test_naskah_sekarang_bersih_terhadap_baseline(capsys):
    assert L.main(["--root", str(ROOT)]) == 0
    out = capsys.readouterr().out
    assert not re.search(r"^docs/", out, re.M)


def salin(tmp_path: Path) -> Path:
    shutil.copytree(DOCS / "peraturan", tmp_path / "docs" / "peraturan")
    shutil.copy(ROOT / "peraturan-baseline.yaml", tmp_path / "peraturan-baseline.yaml")
    return tmp_path


def ganti(p: Path, lama: str, baru: str) -> None:
    teks = p.read_text(encoding="utf-8")
    assert teks.count(lama) == 1, lama
    p.write_text(teks.replace(lama, baru), encoding="utf-8")


def test_pasal_dinomori_ulang_menjadi_temuan_baru(tmp_path, capsys):
    root = salin(tmp_path)
    bt = root / "docs/peraturan/batang-tubuh.md"
    ganti(bt, "##### Pasal 10 {#pasal-10}", "##### Pasal 11 {#pasal-10}")
    no = baris_berisi("peraturan/batang-tubuh.md", "##### Pasal 11 {#pasal-10}", root / "docs")
    rc = L.main(["--root", str(root), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert rc == 1
    baru = [t for t in data["temuan"] if not t["baseline"]]
    assert {t["id"] for t in baru if t["line"] == no} >= {"HK02", "HK03"}
    # Pasal 11 kini ganda: dilaporkan pada kemunculan kedua
    assert any(t["id"] == "HK01" and "Pasal 11" in t["message"] for t in baru)
    assert all(t["file"] == "docs/peraturan/batang-tubuh.md" for t in baru)


def test_rujukan_rusak_menjadi_temuan_baru(tmp_path, capsys):
    root = salin(tmp_path)
    bt = root / "docs/peraturan/batang-tubuh.md"
    ganti(bt, "sebagaimana dimaksud dalam Pasal 18 ayat (2).", "sebagaimana dimaksud dalam Pasal 18 ayat (7).")
    no = baris_berisi("peraturan/batang-tubuh.md", "Pasal 18 ayat (7)", root / "docs")
    rc = L.main(["--root", str(root)])
    out = capsys.readouterr().out
    assert rc == 1
    baris = (root / "docs/peraturan/batang-tubuh.md").read_text(encoding="utf-8").splitlines()[no - 1]
    kol = baris.index("Pasal 18 ayat (7)") + 1
    assert f"docs/peraturan/batang-tubuh.md:{no}:{kol}: error HK04 " in out
    assert "pasal-18-ayat-7" in out


def test_gambar_pelibatan_salah_di_contoh_baru(tmp_path, capsys):
    root = salin(tmp_path)
    d = root / "docs/peraturan/lampiran-d.md"
    teks = d.read_text(encoding="utf-8")
    # contoh 10: Gambar 22 diganti Gambar 21 (pengajuan sukarela di dalam unit, tanpa surat permohonan)
    i = teks.index("{#lampiran-d-10}")
    j = teks.index("dijelaskan dalam Gambar 19, Gambar 20, dan Gambar 22.", i)
    teks = teks[:j] + "dijelaskan dalam Gambar 19, Gambar 20, dan Gambar 21." + teks[j + 53:]
    d.write_text(teks, encoding="utf-8")
    assert L.main(["--root", str(root), "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert "title=HK05::Gambar 21 bukan gambar prosedur" in out
    assert "file=docs/peraturan/lampiran-d.md,line=" in out


def test_baseline_tahan_pergeseran_baris(tmp_path, capsys):
    root = salin(tmp_path)
    bt = root / "docs/peraturan/batang-tubuh.md"
    ganti(bt, "**SALINAN**\n", "**SALINAN**\n\n\n\nBaris sisipan untuk menggeser nomor baris.\n")
    assert L.main(["--root", str(root)]) == 0
    assert "0 baru" in capsys.readouterr().out


def test_baseline_pulang_pergi(tmp_path, capsys):
    root = salin(tmp_path)
    (root / "peraturan-baseline.yaml").unlink()
    assert L.main(["--root", str(root)]) == 1
    capsys.readouterr()
    assert L.main(["--root", str(root), "--perbarui-baseline"]) == 0
    capsys.readouterr()
    data = yaml.safe_load((root / "peraturan-baseline.yaml").read_text(encoding="utf-8"))
    semua = L.lint(root / "docs")
    assert {(x["id"], x["sidik"]) for x in data["temuan"]} == {(t.rule, t.sidik) for t in semua}
    assert all(isinstance(x["baris"], int) and x["berkas"].startswith("docs/") for x in data["temuan"])
    assert L.main(["--root", str(root)]) == 0
    capsys.readouterr()
    # satu temuan dihapus dari baseline -> temuan itu kembali "baru"
    data["temuan"] = data["temuan"][1:]
    (root / "peraturan-baseline.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert L.main(["--root", str(root), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["baru"] == 1


def test_escape_github():
    """Temuan naskah memakai jenis temuan dan escape GitHub yang sama dengan ``check``."""
    from policy.rules import ATURAN, Lapor, temuan

    lap = Lapor((), "100% salah\nbaris: dua, tiga\r", baris=(3, 4), berkas="docs/a,b:c.md", anchor="x")
    t = temuan(ATURAN["HK04"], lap, "", 3, 4)
    s = L.format_github(t)
    assert s == ("::error file=docs/a%2Cb%3Ac.md,line=3,col=4,title=HK04::"
                 "100%25 salah%0Abaris: dua, tiga%0D [" + L.TEKNIK + "]")
    assert L.format_text(t, True).startswith("docs/a,b:c.md:3:4: error HK04 100% salah\\nbaris")


def test_salah_pakai_keluar_2(tmp_path, capsys):
    assert L.main(["--format", "xml"]) == 2
    assert L.main(["--root", str(tmp_path)]) == 2


# --------------------------------------------------------------------------- rujukan Lampiran (HK10)

def test_naskah_asli_tanpa_rujukan_lampiran_rusak(tmp_path, capsys):
    assert not [t for t in L.lint(DOCS) if t.rule == "HK10"]
    root = salin(tmp_path)
    assert L.main(["--root", str(root), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["baru"] == 0


def test_peta_lampiran_dari_naskah():
    from policy.peraturan import baca
    peta = L.peta_lampiran(baca(DOCS))
    assert sorted(peta.lampiran) == ["A", "B", "C", "D"]
    assert {k: sorted(v) for k, v in peta.angka.items()} == {
        "A": [1, 2, 3], "B": [1, 2, 3, 4], "C": [1, 2],
        "D": sorted(m.lampiran_d for m in katalog().mekanisme.values() if m.lampiran_d)}
    assert peta.huruf_di("lampiran-b-2") == list("abcdef")
    assert peta.huruf_di("lampiran-b-4") == ["a", "b"]
    assert peta.huruf_di("lampiran-c-angka-2") == ["a", "b"]
    assert peta.huruf_di("lampiran-d-7") == ["a", "b", "c"]       # tahapan perencanaan/pelaksanaan/evaluasi
    assert peta.huruf_di("lampiran-a-3") == []


def test_rujukan_lampiran_tidak_ada_menjadi_temuan(tmp_path, capsys):
    root = salin(tmp_path)
    d = root / "docs"
    bt, la, lb = (d / "peraturan" / h for h in ("batang-tubuh.md", "lampiran-a.md", "lampiran-b.md"))
    # batang tubuh: huruf Lampiran yang tidak ada; dua angka yang tidak ada pada satu baris
    ganti(bt, "Pasal 10 tercantum dalam Lampiran yang", "Pasal 10 tercantum dalam Lampiran F yang")
    ganti(bt, "Pasal 15 tercantum dalam Lampiran yang",
          "Pasal 15 tercantum dalam Lampiran B angka 9 dan Lampiran D angka 11 yang")
    # halaman lampiran: huruf Lampiran, tiga bentuk angka, huruf di dalam angka
    ganti(lb, "Contoh Penggambaran Alur Mekanisme Kerja angka 1.",
          "Contoh Penggambaran Alur Mekanisme Kerja angka 1. Lihat pula Lampiran E, angka 9 Lampiran B, "
          "Lampiran B.7, dan Lampiran B angka 2 huruf z.")
    # rujukan yang benar (juga di dalam daftar huruf a–c, tempat "huruf f" relatif tidak ada)
    ganti(la, "oleh Pejabat Level 1;",
          "oleh Pejabat Level 1 (Lampiran B angka 2 huruf f, Lampiran D.10, angka 3 Lampiran A, "
          "huruf b angka 2 Lampiran C, Lampiran huruf B, Lampiran I Peraturan Menteri PANRB);")
    rc = L.main(["--root", str(root), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert rc == 1
    baru = [t for t in data["temuan"] if not t["baseline"]]

    def letak(berkas, potongan, rujukan):
        no = baris_berisi(f"peraturan/{berkas}", potongan, d)
        baris = (d / "peraturan" / berkas).read_text(encoding="utf-8").splitlines()[no - 1]
        return (f"docs/peraturan/{berkas}", no, baris.index(rujukan) + 1)

    harap = {
        letak("batang-tubuh.md", "Lampiran F yang", "Lampiran F"):
            "Lampiran F tidak ada; Lampiran yang ada: A–D",
        letak("batang-tubuh.md", "Lampiran B angka 9", "Lampiran B angka 9"):
            "Lampiran B angka 9 tidak ada; Lampiran B memuat angka 1–4",
        letak("batang-tubuh.md", "Lampiran D angka 11", "Lampiran D angka 11"):
            "Lampiran D angka 11 tidak ada; Lampiran D memuat angka 1–10",
        letak("lampiran-b.md", "Lampiran E,", "Lampiran E"):
            "Lampiran E tidak ada; Lampiran yang ada: A–D",
        letak("lampiran-b.md", "angka 9 Lampiran B", "angka 9 Lampiran B"):
            "Lampiran B angka 9 tidak ada; Lampiran B memuat angka 1–4",
        letak("lampiran-b.md", "Lampiran B.7", "Lampiran B.7"):
            "Lampiran B angka 7 tidak ada; Lampiran B memuat angka 1–4",
        letak("lampiran-b.md", "Lampiran B angka 2 huruf z", "Lampiran B angka 2 huruf z"):
            "Lampiran B angka 2 huruf z tidak ada; Lampiran B angka 2 memuat huruf a–f",
    }
    dapat = {(t["file"], t["line"], t["col"]): t["message"] for t in baru}
    assert set(dapat) == set(harap)                  # rujukan yang benar tidak dilaporkan
    for kunci, pesan in harap.items():
        assert dapat[kunci].endswith(pesan), (kunci, dapat[kunci])
    assert all(t["id"] == "HK10" and t["severity"] == "error" for t in baru)
    # keluaran teks: berkas:baris:kolom dan ID
    assert L.main(["--root", str(root)]) == 1
    out = capsys.readouterr().out
    f, no, kol = letak("batang-tubuh.md", "Lampiran F yang", "Lampiran F")
    assert f"{f}:{no}:{kol}: error HK10 rujukan \"Lampiran F\": Lampiran F tidak ada" in out
    assert re.search(r"^\d+ temuan: \d+ di baseline, 7 baru$", out, re.M)


def test_huruf_relatif_di_lampiran_menyebut_huruf_yang_ada(tmp_path, capsys):
    root = salin(tmp_path)
    lb = root / "docs/peraturan/lampiran-b.md"
    ganti(lb, "merupakan strategi dari Pimpinan Unit Organisasi.",
          "merupakan strategi dari Pimpinan Unit Organisasi sebagaimana dimaksud pada huruf z.")
    no = baris_berisi("peraturan/lampiran-b.md", "pada huruf z.", root / "docs")
    assert L.main(["--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert re.search(rf"^docs/peraturan/lampiran-b\.md:{no}:\d+: error HK04 rujukan \"huruf z\" .*"
                     r"'lampiran-b-3-huruf-z'\); huruf yang ada di daftar ini: a–e \[UU 12/2011[^]]*\]$", out, re.M)


def test_cek_rujukan_lampiran_tanpa_huruf_atau_angka():
    from policy.peraturan import baca
    peta = L.peta_lampiran(baca(DOCS))
    assert L.cek_rujukan_lampiran(peta, "A", 3, "a")[1] == \
        "Lampiran A angka 3 huruf a tidak ada; Lampiran A angka 3 tidak memuat huruf"
    assert "rujuk angkanya dulu (angka 1–4)" in L.cek_rujukan_lampiran(peta, "B", None, "a")[1]
    assert L.cek_rujukan_lampiran(peta, "C", 2, "b") is None
    assert L.cek_rujukan_lampiran(peta, "D", 10, None) is None
    assert L._rentang([1, 2, 3, 5, 7, 8]) == "1–3, 5, 7–8"


def test_keluaran_terminal_tanpa_karakter_kendali(tmp_path, capsys):
    """Teks naskah yang ikut dalam pesan (judul contoh, HK08) tidak membawa ESC/BEL/CSI/bidi mentah."""
    root = salin(tmp_path)
    ld = root / "docs/peraturan/lampiran-d.md"
    jahat = "\x1b[2J\x07\x9b31m\u202e"
    ganti(ld, "### 3. Mekanisme Kerja pada Unit", f"### 3. {jahat}Mekanisme Kerja pada Unit")
    for fmt in ("text", "github"):
        assert L.main(["--root", str(root), "--semua", "--format", fmt]) == 0   # sidik HK08 tetap
        out = capsys.readouterr().out
        assert "contoh angka 3" in out
        assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out)
        assert "\\x1b[2J\\x07\\x9b31m\\u202eMekanisme" in out


@pytest.mark.parametrize("modul", [["-m", "policy.peraturan.lint"], ["-m", "policy.peraturan"], ["-m", "policy", "lint-peraturan"]])
def test_ketiga_cara_menjalankan_lint(modul):
    """``python -m policy.peraturan.lint`` (disebut di peraturan-baseline.yaml) tetap berjalan walau aturan
    HK terdaftar di registri bersama: tanpa pendaftaran ganda, keluaran sama."""
    import subprocess
    import sys

    r = subprocess.run([sys.executable, *modul, "--format", "json"], cwd=ROOT, capture_output=True, text=True,
                       env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["baru"] == 0 and "Traceback" not in r.stderr
