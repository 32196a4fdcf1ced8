"""Keluaran identik byte demi byte antarpemanggilan dan antar-PYTHONHASHSEED; impor bersih
(tanpa cetakan ke stdout, mermaid-py diimpor malas) dan tanpa jaringan."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bahan_diagram import aktor_jahat, posisi_jahat

from policy.diagram import (
    GAMBAR_TERSEDIA,
    diagram_mekanisme,
    diagram_prosedur,
    diagram_struktur,
    figur_generik,
    langkah_markdown,
    langkah_prosedur_markdown,
)
from policy.mekanisme import MEKANISME, PROSEDUR

ROOT = Path(__file__).resolve().parents[2]


def _semua() -> dict[str, str]:
    out: dict[str, str] = {}
    aktor = aktor_jahat(1)
    for kode in MEKANISME:
        out[f"d:{kode}"] = diagram_mekanisme(kode, aktor)
        out[f"l:{kode}"] = langkah_markdown(kode, aktor)
    for g in PROSEDUR:
        out[f"d:G{g}"] = diagram_prosedur(g, aktor)
        out[f"l:G{g}"] = langkah_prosedur_markdown(g, aktor)
    for n in GAMBAR_TERSEDIA:
        out[f"f:{n}"] = figur_generik(n)
    posisi, kelompok = posisi_jahat()
    out["s"] = diagram_struktur(posisi, kelompok, sorot=["end", "kjf-1", "x", "style"])
    return out


_SKRIP = """
import hashlib, json, sys
sys.path.insert(0, {tests!r})
from test_diagram_deterministik import _semua
sys.stdout.write(json.dumps({{k: hashlib.sha256(v.encode()).hexdigest() for k, v in _semua().items()}}, sort_keys=True))
"""


def test_dua_kali_panggil_identik():
    assert _semua() == _semua()


@pytest.mark.parametrize("seed", ["0", "1", "4242"])
def test_identik_antar_pythonhashseed(seed):
    lokal = {k: hashlib.sha256(v.encode()).hexdigest() for k, v in _semua().items()}
    env = {**os.environ, "PYTHONHASHSEED": seed}
    p = subprocess.run(
        [sys.executable, "-c", _SKRIP.format(tests=str(Path(__file__).parent))],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert p.returncode == 0, p.stderr
    # stdout hanya berisi JSON: peringatan IPython dari mermaid-py tidak boleh bocor
    assert json.loads(p.stdout) == lokal


def test_impor_tidak_mencetak_dan_mermaid_py_diimpor_malas():
    kode = (
        "import sys\n"
        "import policy.diagram\n"
        "assert 'mermaid' not in sys.modules, 'mermaid-py diimpor terlalu awal'\n"
        "sys.stdout.write(policy.diagram.diagram_mekanisme('M3'))\n"
    )
    p = subprocess.run([sys.executable, "-c", kode], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert p.stdout == diagram_mekanisme("M3")
    assert p.stdout.split("---\n")[-1].startswith("sequenceDiagram\n")
    assert "IPython" not in p.stdout + p.stderr


def test_tanpa_jaringan_dan_tanpa_perender_mermaid_ink(monkeypatch):
    import requests
    import socket

    from policy.diagram._mermaid import mermaid_py

    mermaid_py()  # pastikan modul sudah termuat
    import mermaid

    def dilarang(*a, **k):
        raise AssertionError("akses jaringan/perender mermaid.ink dilarang")

    monkeypatch.setattr(mermaid.Mermaid, "__init__", dilarang)
    monkeypatch.setattr(requests.Session, "request", dilarang)
    monkeypatch.setattr(socket.socket, "connect", dilarang)
    assert _semua()


def test_classdef_berurutan_tetap_dan_sorot_terakhir():
    posisi, kelompok = posisi_jahat()
    teks = diagram_struktur(posisi, kelompok, sorot="end")
    defs = [b.split()[1] for b in teks.splitlines() if b.strip().startswith("classDef ")]
    assert defs[-1] == "sorot"
    assert defs[:-1] == sorted(defs[:-1])
    assert len(defs) == len(set(defs))
    kelas = [b.split()[-1] for b in teks.splitlines() if b.strip().startswith("class ")]
    assert kelas == defs
