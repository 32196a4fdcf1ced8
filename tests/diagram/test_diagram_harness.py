"""Harness parse Mermaid: gagal (bukan dilewati) dengan petunjuk bila node_modules tidak ada."""
from __future__ import annotations

import json

import mermaid_tool
import pytest


def test_gagal_jelas_tanpa_node_modules(tmp_path, monkeypatch):
    monkeypatch.setattr(mermaid_tool, "JS", tmp_path)
    with pytest.raises(pytest.fail.Exception, match=r"npm ci --prefix tests/js"):
        mermaid_tool.parse_mermaid(["sequenceDiagram\n    a->>a: x\n"])


def test_versi_mermaid_terkunci():
    paket = json.loads((mermaid_tool.JS / "package.json").read_text(encoding="utf-8"))
    assert paket["dependencies"]["mermaid"] == mermaid_tool.VERSI_MERMAID == "11.4.1"
    kunci = json.loads((mermaid_tool.JS / "package-lock.json").read_text(encoding="utf-8"))
    assert kunci["packages"]["node_modules/mermaid"]["version"] == "11.4.1"


def test_satu_proses_banyak_diagram():
    hasil = mermaid_tool.parse_mermaid(["sequenceDiagram\n    a->>a: x\n"] * 5 + ["bukan diagram"])
    assert [h["ok"] for h in hasil] == [True] * 5 + [False]
