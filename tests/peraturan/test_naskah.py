"""Naskah Markdown di docs/peraturan/ memuat kata-kata Perbup persis seperti salinan OCR.

Yang boleh berbeda hanya markup: judul halaman (# pertama setiap halaman, tambahan editorial),
penanda judul/daftar/penebalan/miring, anchor, komentar tempat gambar, dan ``<br>``.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from policy.katalog import katalog
from policy.peraturan import HALAMAN_NASKAH

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SEED_CANDIDATES = [ROOT.parent / "shared" / "seed" / "perbup-dairi-18-2024.txt",
                   ROOT / "shared" / "seed" / "perbup-dairi-18-2024.txt"]

#: Derau OCR yang sengaja dibuang dari naskah (tidak ada saat ini: daftar kosong berarti
#: setiap kata salinan OCR ada di naskah, dengan urutan yang sama).
DERAU_OCR_DIBUANG: list[str] = []


def seed_path() -> Path:
    for p in SEED_CANDIDATES:
        if p.is_file():
            return p
    pytest.skip("salinan OCR shared/seed/perbup-dairi-18-2024.txt tidak tersedia")


def kata_seed(teks: str) -> list[str]:
    kata = []
    for baris in teks.splitlines():
        b = re.sub(r"^\s*(?:#+\s+|[-*]\s+)", "", baris)
        b = b.replace("*", "")
        kata += b.split()
    return kata


def kata_markdown(teks: str) -> list[str]:
    baris = teks.splitlines()
    # judul halaman (# pertama) adalah tambahan editorial
    for i, b in enumerate(baris):
        if re.match(r"^# ", b):
            del baris[i]
            break
    kata = []
    for b in baris:
        b = re.sub(r"<!--.*?-->", " ", b)
        b = re.sub(r"\s*\{#[A-Za-z0-9_-]+\}\s*$", "", b)
        b = re.sub(r"<[^>]+>", " ", b)
        b = re.sub(r"^\s*(?:#+\s+|[-*]\s+)", "", b)
        b = b.replace("**", "").replace("*", "").replace("\\", "")
        kata += b.split()
    return kata


def test_kata_naskah_sama_dengan_salinan_ocr():
    seed = kata_seed(seed_path().read_text(encoding="utf-8"))
    md = []
    for h in HALAMAN_NASKAH:
        md += kata_markdown((DOCS / h).read_text(encoding="utf-8"))
    sm = difflib.SequenceMatcher(a=seed, b=md, autojunk=False)
    beda = []
    for op, a0, a1, b0, b1 in sm.get_opcodes():
        if op == "equal":
            continue
        dibuang = seed[a0:a1]
        if op == "delete" and all(k in DERAU_OCR_DIBUANG for k in dibuang):
            continue
        beda.append(f"{op}: OCR {' '.join(seed[max(0, a0 - 3):a1 + 3])!r} -> MD {' '.join(md[max(0, b0 - 3):b1 + 3])!r}")
    assert not beda, "\n".join(beda[:20])
    assert len(md) == len(seed) > 10000


def test_salah_ketik_asli_dipertahankan():
    teks = "".join((DOCS / h).read_text(encoding="utf-8") for h in HALAMAN_NASKAH)
    assert "Unit Oorganisasi" in teks
    assert "Pejabat Adminsitrator" in teks
    assert teks.count("BAB IV ") == 2


def test_penghapusan_kata_terdeteksi():
    """Pembanding kata memang gagal bila satu kata naskah hilang."""
    seed = kata_seed("Pasal 7\n(1) Prinsip orientasi pada hasil")
    md = kata_markdown("# Judul\n\n#### Pasal 7 {#pasal-7}\n\n<a id=\"x\"></a>(1) Prinsip orientasi hasil\n")
    assert seed != md
    assert kata_markdown("# Judul\n\n- <a id=\"x\"></a>**(1)** Prinsip *orientasi*<br>pada\n") == \
        ["(1)", "Prinsip", "orientasi", "pada"]


def test_setiap_gambar_punya_anchor_dan_tempat_sisipan():
    teks = "\n".join((DOCS / h).read_text(encoding="utf-8") for h in HALAMAN_NASKAH)
    gambar = katalog().gambar
    for n in gambar:
        m = re.search(rf'<a id="gambar-{n}"></a>\*\*Gambar {n}\.? [^\n]+\*\*\n\n<!-- gambar:{n} -->\n', teks)
        assert m, f"Gambar {n}: keterangan beranchor diikuti <!-- gambar:{n} --> tidak ditemukan"
    assert len(re.findall(r"<!-- gambar:\d+ -->", teks)) == len(gambar) == 32
