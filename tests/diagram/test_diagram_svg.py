"""Diagram digambar saat build (policy.diagram.svg, merman): identik byte demi byte, label sama
dengan yang digambar Mermaid asli 11.4.1 (tests/js), aman terhadap nama jabatan bermusuhan, dan
ukuran tampil menjaga huruf ≥ 11 px (issue 11 butir 2 dan 4)."""
from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bahan_diagram import NAMA_JAHAT, NAMA_WAJAR, aktor_jahat, posisi_jahat
from mermaid_tool import parse_mermaid

from policy.diagram import diagram_mekanisme, diagram_prosedur, diagram_struktur, figur_generik, GAMBAR_TERSEDIA
from policy.diagram import svg
from policy.mekanisme import MEKANISME, PROSEDUR

ROOT = Path(__file__).resolve().parents[2]
SVG_NS = "{http://www.w3.org/2000/svg}"


def _korpus() -> dict[str, str]:
    k: dict[str, str] = {}
    for kode in MEKANISME:
        k[f"{kode} wajar"] = diagram_mekanisme(kode, NAMA_WAJAR)
        k[f"{kode} jahat"] = diagram_mekanisme(kode, aktor_jahat(len(kode)))
    for g in PROSEDUR:
        k[f"G{g} wajar"] = diagram_prosedur(g, NAMA_WAJAR)
        k[f"G{g} jahat"] = diagram_prosedur(g, aktor_jahat(g))
    for n in GAMBAR_TERSEDIA:
        k[f"figur {n}"] = figur_generik(n)
    posisi, kelompok = posisi_jahat()
    k["struktur jahat"] = diagram_struktur(posisi, kelompok, sorot=["end", "kjf-1"])
    k["struktur wajar"] = diagram_struktur(
        [("kadis", "Kepala Dinas Kesehatan", None, "jpt_pratama"),
         ("kabid", "Kepala Bidang Pencegahan dan Pengendalian Penyakit", "kadis", "administrator")],
        [("kjf", "Kelompok Jabatan Fungsional Epidemiolog Kesehatan (Ahli Muda)", "kadis", "kabid")])
    return k


def _teks_svg(isi: str) -> str:
    """Seluruh teks yang digambar SVG, dinormalkan (baris → spasi)."""
    akar = ET.fromstring(isi)
    bagian = []
    for el in akar.iter():
        if el.tag in (f"{SVG_NS}style", f"{SVG_NS}metadata"):
            continue
        if el.text and el.text.strip():
            bagian.append(el.text)
        if el.tail and el.tail.strip():
            bagian.append(el.tail)
    return " ".join(" ".join(bagian).split())


@pytest.fixture(scope="module")
def korpus():
    return _korpus()


@pytest.fixture(scope="module")
def mermaid_asli(korpus):
    hasil = parse_mermaid(list(korpus.values()))
    return dict(zip(korpus, hasil))


def test_label_sama_dengan_mermaid_asli(korpus, mermaid_asli):
    """Setiap teks yang akan digambar Mermaid asli (lajur, pesan, catatan, kondisi; simpul dan
    label garis) muncul di SVG merman, dan lajurnya sama dan berurutan."""
    salah = []
    for nama, teks in korpus.items():
        asli = mermaid_asli[nama]
        assert asli["ok"], (nama, asli["error"])
        d = svg.render(teks)
        semua = _teks_svg(d.svg)
        lab = asli["label"]
        harapan = lab.get("aktor", []) + lab.get("pesan", []) + lab.get("simpul", []) + lab.get("garis", [])
        assert harapan, nama
        hilang = [t for t in harapan if t not in semua]
        if hilang:
            salah.append(f"{nama}: tidak ada di SVG: {hilang[:3]}")
        bersih = lambda xs: [x.replace("\u2060", "") for x in xs]  # noqa: E731 (penghalang entitas, _mermaid)
        if "aktor" in lab:
            if list(d.label) != bersih(lab["aktor"]):
                salah.append(f"{nama}: lajur {list(d.label)} ≠ Mermaid {lab['aktor']}")
            assert d.jenis == "urutan" and len(d.lajur) == len(lab["aktor"])
        else:
            assert d.jenis == "bagan" and sorted(d.label) == sorted(bersih(lab["simpul"])), nama
    assert not salah, "\n".join(salah)


def test_kontrol_negatif_label_berbeda_terdeteksi(korpus, mermaid_asli):
    """Perbandingan di atas dapat gagal: label yang diubah di SVG tidak lolos."""
    nama = "M1 wajar"
    d = svg.render(korpus[nama])
    palsu = d.svg.replace(">" + NAMA_WAJAR["jf"].split()[0], ">Xyz")
    assert palsu != d.svg
    lab = mermaid_asli[nama]["label"]
    assert any(t not in _teks_svg(palsu) for t in lab["aktor"])


def test_svg_aman_untuk_nama_jahat(korpus):
    """SVG berupa XML sah; teks bermusuhan hanya menjadi teks: tanpa <script>, atribut on*, tautan."""
    for nama, teks in korpus.items():
        d = svg.render(teks)
        akar = ET.fromstring(d.svg)  # XML sah
        for el in akar.iter():
            tag = el.tag.split("}")[-1].lower()
            assert tag not in ("script", "iframe", "object", "embed", "a", "image", "img", "link"), (nama, tag)
            for atr, nilai in el.attrib.items():
                assert not atr.split("}")[-1].lower().startswith("on"), (nama, atr)
                assert "javascript:" not in nilai.lower(), (nama, atr, nilai)
    semua = " ".join(_teks_svg(svg.render(t).svg) for n, t in korpus.items() if "jahat" in n)
    assert any(x in semua for x in ("<script", "</title>", '"><img')), "muatan jahat tidak tampil sebagai teks"


def test_html_blok_escape_dan_ukuran():
    teks = diagram_mekanisme("M1", {"ppk": 'Kepala "Dinas" <script>alert(1)</script>', "jf": "Pejabat Fungsional"})
    blok = svg.blok_html(teks)
    assert "<script>" not in blok and "&lt;script&gt;" in blok
    d = svg.render(teks)
    assert f'src="{svg.AWALAN_SRC}{d.nama}"' in blok
    m = re.search(r'min-width:(\d+)px', blok)
    assert m and int(m.group(1)) == d.lebar_min
    # diperkecil paling jauh sampai huruf terkecil = 11 px
    assert d.lebar_min * d.huruf_min / d.lebar >= svg.HURUF_MIN_PX - 0.05
    assert d.huruf_min >= 11


def test_identik_byte_demi_byte_antarproses():
    korpus = _korpus()
    lokal = {k: hashlib.sha256(svg.render(v).svg.encode()).hexdigest() for k, v in korpus.items()}
    skrip = ("import hashlib, json, sys\nsys.path[:0] = [%r, %r]\nfrom test_diagram_svg import _korpus\n"
             "from policy.diagram import svg\nsys.stdout.write(json.dumps({k: hashlib.sha256(svg.render(v).svg.encode())"
             ".hexdigest() for k, v in _korpus().items()}))\n") % (str(Path(__file__).parent), str(Path(__file__).parents[1]))
    for seed in ("0", "77"):
        p = subprocess.run([sys.executable, "-c", skrip], cwd=ROOT, capture_output=True, text=True, timeout=300,
                           env={**os.environ, "PYTHONHASHSEED": seed})
        assert p.returncode == 0, p.stderr
        assert json.loads(p.stdout) == lokal
    # nama berkas = hash isi
    d = svg.render(korpus["M2 wajar"])
    assert d.nama == hashlib.sha256(d.svg.encode()).hexdigest()[:20] + ".svg"


def test_teks_rusak_pesan_jelas():
    with pytest.raises(svg.DiagramGagal, match="tidak dapat digambar"):
        svg.render("sequenceDiagram\n    participant end as X\n    end->>end: x\n    rect\n")
