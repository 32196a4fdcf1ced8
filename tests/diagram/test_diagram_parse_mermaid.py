"""Setiap diagram yang dibangkitkan lolos parser Mermaid 11.4.1 yang sebenarnya (tests/js),
termasuk dengan nama jabatan yang bermusuhan; dan harness-nya benar-benar bisa gagal."""
from __future__ import annotations

import random

import pytest
from bahan_diagram import NAMA_JAHAT, NAMA_WAJAR, aktor_jahat, posisi_jahat
from mermaid_tool import parse_mermaid

import policy.diagram.alur as alur
import policy.diagram.struktur as struktur
from policy.diagram import (
    GAMBAR_TERSEDIA,
    diagram_mekanisme,
    diagram_prosedur,
    diagram_struktur,
    figur_generik,
)
from policy.katalog import katalog
from policy.mekanisme import MEKANISME, PROSEDUR


def _korpus() -> dict[str, str]:
    k: dict[str, str] = {}
    for kode in MEKANISME:
        k[f"{kode} tanpa nama"] = diagram_mekanisme(kode, {})
        k[f"{kode} wajar"] = diagram_mekanisme(kode, NAMA_WAJAR)
        for geser in range(0, len(NAMA_JAHAT), 3):
            k[f"{kode} jahat+{geser}"] = diagram_mekanisme(kode, aktor_jahat(geser))
    for g in PROSEDUR:
        k[f"G{g} tanpa nama"] = diagram_prosedur(g, {})
        k[f"G{g} wajar"] = diagram_prosedur(g, NAMA_WAJAR)
        for geser in range(0, len(NAMA_JAHAT), 3):
            k[f"G{g} jahat+{geser}"] = diagram_prosedur(g, aktor_jahat(geser))
    for n in GAMBAR_TERSEDIA:
        k[f"figur {n}"] = figur_generik(n)
    posisi, kelompok = posisi_jahat()
    k["struktur jahat"] = diagram_struktur(posisi, kelompok, sorot=["end", "kjf-1"])
    k["struktur jahat tanpa sorot"] = diagram_struktur(posisi, kelompok)
    k["struktur kosong kelompok"] = diagram_struktur([("a", "A", None, "jpt_pratama")], [])
    # Nama acak dari alfabet berbahaya (deterministik).
    rnd = random.Random(20240518)
    alfabet = list('"#;:<>()[]{}|/\\%`-.,=&*_~^!?@$\'\n\t ') + list("abcXYZ019") + ["end", "é", "日", "🙂", "<br/>"]
    for i in range(24):
        nama = "".join(rnd.choice(alfabet) for _ in range(rnd.randint(1, 40)))
        k[f"acak {i}"] = diagram_mekanisme("M9", {"kepala_bagian": nama, "asisten": nama[::-1], "jf": nama})
        k[f"acak struktur {i}"] = diagram_struktur(
            [(nama, nama, None, "pengawas"), ("b", nama[::-1], nama, "fungsional")],
            [("k", nama, nama, "b")],
            sorot=nama,
        )
    return k


@pytest.fixture(scope="module")
def hasil_parse() -> dict[str, dict]:
    korpus = _korpus()
    hasil = parse_mermaid(list(korpus.values()))
    return {nama: {**h, "teks": teks} for (nama, teks), h in zip(korpus.items(), hasil)}


def test_semua_diagram_lolos_parser_mermaid(hasil_parse):
    gagal = {n: h["error"] for n, h in hasil_parse.items() if not h["ok"]}
    assert not gagal, "diagram gagal di-parse Mermaid:\n" + "\n".join(f"- {n}: {e}" for n, e in gagal.items())


def test_jenis_diagram_dikenali(hasil_parse):
    for nama, h in hasil_parse.items():
        harapan = "flowchart-v2" if "struktur" in nama else "sequence"
        assert h.get("type") == harapan, nama


def test_jumlah_diagram_mencakup_semua(hasil_parse):
    # 14 mekanisme × (2 + 6 jahat) + 5 prosedur × 8 + 16 figur + 3 struktur + 48 acak
    assert sum(1 for n in hasil_parse if n.startswith("figur")) == len(GAMBAR_TERSEDIA) == 16
    assert all(any(n.startswith(f"{k} ") for n in hasil_parse) for k in katalog().kode_mekanisme)


def _naif(s, lebar=None):
    """Escape yang 'lupa': hanya baris baru. Dipakai untuk membuktikan harness tidak no-op."""
    return str(s).replace("\n", "<br/>")


def test_label_tak_ter_escape_memang_ditolak_parser(monkeypatch):
    """Kontrol negatif: tanpa escape, label jahat yang sama merusak diagram."""
    aman = [
        diagram_mekanisme("M1", {"ppk": 'Kepala "Seksi"; end'}),
        diagram_struktur([("a", 'Kepala "Dinas" Utama', None, "jpt_pratama")]),
        diagram_prosedur(19, {"ppk_dituju": "Kepala; Badan"}),
    ]
    monkeypatch.setattr(alur, "teks", _naif)
    monkeypatch.setattr(struktur, "teks", _naif)
    rusak = [
        diagram_mekanisme("M1", {"ppk": 'Kepala "Seksi"; end'}),
        diagram_struktur([("a", 'Kepala "Dinas" Utama', None, "jpt_pratama")]),
        diagram_prosedur(19, {"ppk_dituju": "Kepala; Badan"}),
    ]
    assert rusak != aman
    hasil = parse_mermaid(aman + rusak)
    assert [h["ok"] for h in hasil[: len(aman)]] == [True] * len(aman), hasil
    assert [h["ok"] for h in hasil[len(aman):]] == [False] * len(rusak), hasil


def test_parser_menolak_sintaks_rusak_sederhana():
    hasil = parse_mermaid([
        'flowchart TB\n    a["x " y"]\n',
        "sequenceDiagram\n    participant end as X\n    end->>end: x\n",
        "sequenceDiagram\n    participant a as X\n    a->>a: x\n",
    ])
    assert [h["ok"] for h in hasil] == [False, False, True]
