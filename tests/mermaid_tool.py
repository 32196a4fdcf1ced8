"""Validasi teks Mermaid dengan parser Mermaid yang sebenarnya (tests/js, mermaid 11.4.1).

Satu proses Node untuk banyak diagram. Bila ``tests/js/node_modules`` atau ``node`` tidak ada,
tes GAGAL (bukan dilewati) dengan petunjuk cara memasangnya.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

JS = Path(__file__).resolve().parent / "js"
SKRIP = JS / "mermaid-parse.mjs"
VERSI_MERMAID = "11.4.1"


def _periksa_lingkungan() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node tidak ditemukan: pasang Node.js 20+ lalu jalankan `npm ci --prefix tests/js`",
                    pytrace=False)
    paket = JS / "node_modules" / "mermaid" / "package.json"
    if not paket.is_file():
        pytest.fail("tests/js/node_modules tidak ada: jalankan `npm ci --prefix tests/js` "
                    "(atau `bash scripts/siapkan.sh`)", pytrace=False)
    versi = json.loads(paket.read_text(encoding="utf-8")).get("version")
    if versi != VERSI_MERMAID:
        pytest.fail(f"mermaid terpasang {versi}, seharusnya {VERSI_MERMAID}: jalankan `npm ci --prefix tests/js`",
                    pytrace=False)
    return node


def parse_mermaid(texts: list[str]) -> list[dict]:
    """Parse setiap teks dengan ``mermaid.parse``; hasil ``[{ok, error, ...}]`` berurutan sama."""
    node = _periksa_lingkungan()
    proses = subprocess.run(
        [node, str(SKRIP)],
        input=json.dumps(list(texts)),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=JS,
        timeout=300,
    )
    if proses.returncode != 0:
        pytest.fail(f"mermaid-parse.mjs gagal (exit {proses.returncode}):\n{proses.stderr}", pytrace=False)
    hasil = json.loads(proses.stdout)
    assert isinstance(hasil, list) and len(hasil) == len(texts), "jumlah hasil parse tidak sama dengan masukan"
    return hasil
