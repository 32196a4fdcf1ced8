"""Berkas org yang melanggar aturan menggagalkan build dengan berkas:baris dan ID aturan;
label aneh (kutip, kurung, garis miring, kata kunci Mermaid sebagai id) tetap menghasilkan situs sah."""
from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import yaml

from mermaid_tool import parse_mermaid
from situs_alat import bagian, baris_tabel, bangun, blok_mermaid, elemen, halaman_unit_html, salin_proyek, teks_label


def _ganti_baris(path: Path, cari: str, ganti: str, setelah: str) -> int:
    """Ganti kemunculan pertama ``cari`` sesudah baris yang memuat ``setelah``; nomor barisnya (1-based)."""
    baris = path.read_text(encoding="utf-8").splitlines(keepends=True)
    mulai = next(i for i, b in enumerate(baris) if setelah in b)
    i = next(i for i in range(mulai, len(baris)) if cari in baris[i])
    baris[i] = baris[i].replace(cari, ganti, 1)
    path.write_text("".join(baris), encoding="utf-8")
    return i + 1


def _check(root: Path) -> str:
    import os

    from policy.cli import main

    out = io.StringIO()
    lama = os.getcwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            kode = main(["check", "orgs"])
    finally:
        os.chdir(lama)
    assert kode == 1
    return out.getvalue()


def test_pelanggaran_menggagalkan_build_dengan_baris_dan_aturan(tmp_path: Path):
    root = salin_proyek(tmp_path / "proyek")
    org = root / "orgs" / "diskominfo.yaml"
    # SK05: Pimpinan Unit (Kepala Bidang Aplikasi Informatika) bukan bawahan langsung penilai (Sekretaris)
    baris = _ganti_baris(org, "penilai: kadis", "penilai: sekretaris", "id: kjf-aptika")
    site = tmp_path / "site"
    p, _ = bangun(root, site)
    keluaran = p.stdout + p.stderr
    assert p.returncode != 0
    assert "Traceback" not in keluaran
    # temuan menunjuk baris penilai atau baris pimpinan_unit tepat di bawahnya
    m = re.search(r"^orgs/diskominfo\.yaml:(\d+):\d+: error SK05 ", keluaran, re.M)
    assert m and int(m.group(1)) in (baris, baris + 1), keluaran
    # baris yang sama persis dengan `python -m policy check`
    for b in _check(root).splitlines():
        assert b in keluaran.splitlines(), b
    # gagal sebelum menulis situs
    assert not (site / "index.html").exists()


def test_acuan_putus_menunjuk_baris_tepat(tmp_path: Path):
    root = salin_proyek(tmp_path / "proyek")
    org = root / "orgs" / "diskominfo.yaml"
    baris = _ganti_baris(org, "pimpinan_unit: kabid-aptika", "pimpinan_unit: kabid-tidak-ada", "id: kjf-aptika")
    p, _ = bangun(root, tmp_path / "site")
    keluaran = p.stdout + p.stderr
    assert p.returncode != 0 and "Traceback" not in keluaran
    assert re.search(rf"^orgs/diskominfo\.yaml:{baris}:\d+: error SK01 ", keluaran, re.M), keluaran


#: '<' '>' di nama ditolak SK11 (build berhenti), jadi tidak ada di sini; escape HTML halaman unit untuk
#: '<b>' diuji tanpa build di tests/test_karakter.py::test_tag_html_di_nama_ditolak_dan_ter_escape_di_halaman
ANEH = 'Kepala Bidang "Uji" (Aplikasi) / Persandian | *Bintang* #1 {{ x }}'


def test_label_aneh_dan_id_kata_kunci_mermaid(tmp_path: Path):
    root = salin_proyek(tmp_path / "proyek")
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text(encoding="utf-8")
                                     .replace("data_contoh: true", "data_contoh: false"), encoding="utf-8")
    path = root / "orgs" / "diskominfo.yaml"
    org = yaml.safe_load(path.read_text(encoding="utf-8"))
    org["struktur"].append({"id": "end", "jabatan": ANEH, "jenis": "administrator", "atasan": "kadis"})
    org["kelompok"].append({"id": "subgraph", "nama": "Kelompok (uji) \"kutip\" / miring", "penilai": "end",
                            "pimpinan_unit": "end",
                            "anggota": [{"jabatan": "Pranata Komputer Ahli Pertama", "jenis": "fungsional", "jumlah": 1}]})
    path.write_text(yaml.safe_dump(org, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = tmp_path / "site"
    p, _ = bangun(root, site)
    assert p.returncode == 0, p.stdout + p.stderr
    html = halaman_unit_html(site, "diskominfo").read_text(encoding="utf-8")
    baris = baris_tabel(bagian(html, "k-subgraph"))
    ppk = next(v for k, v in baris.items() if k.startswith("Pejabat Penilai Kinerja"))
    assert ppk == " ".join(ANEH.split())
    blok = blok_mermaid(html)
    hasil = parse_mermaid(blok)
    assert all(h["ok"] for h in hasil), [h["error"] for h in hasil if not h["ok"]]
    alur = " ".join(teks_label(b) for b in blok_mermaid(elemen(html, "alur-subgraph")))
    assert " ".join(ANEH.split()) in alur
    bagan = " ".join(teks_label(b) for b in blok_mermaid(bagian(html, "bagan")))
    assert " ".join(ANEH.split()) in bagan and 'Kelompok (uji) "kutip" / miring' in bagan
    # pemberitahuan data contoh mengikuti extra.data_contoh
    assert "Data contoh" not in html
