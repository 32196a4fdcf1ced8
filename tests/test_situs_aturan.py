"""Katalog Aturan dan Cakupan Aturan: tautan dasar hukum nyata, keterlacakan dihitung dari tautan."""
from __future__ import annotations

import pytest

from kasus_yaml import ROOT
from policy.peraturan import anchors
from policy.rules import ATURAN
from policy.situs import aturan, cakupan


def test_setiap_anchor_aturan_ada_di_naskah():
    ada = anchors(ROOT / "docs")
    for a in ATURAN.values():
        for anc in a.anchors:
            assert anc in ada, f"{a.id}: anchor {anc} tidak ada di docs/peraturan/"


@pytest.mark.parametrize("anchor,label", [
    ("pasal-9-ayat-1", "Pasal 9 ayat (1)"), ("pasal-1-angka-26", "Pasal 1 angka 26"),
    ("lampiran-b-1-huruf-d", "Lampiran B.1 huruf d"), ("lampiran-a", "Lampiran A"), ("gambar-12", "Gambar 12"),
])
def test_label_anchor(anchor, label):
    assert aturan.label_anchor(anchor) == label


def test_katalog_memuat_semua_aturan_dengan_tautan():
    isi = aturan.halaman(ROOT)[aturan.PATH]
    for a in ATURAN.values():
        assert f"{{#{a.id.lower()}}}" in isi
    assert "(../peraturan/batang-tubuh.md#pasal-9-ayat-1)" in isi


def _baris(isi, awal):
    return next(b for b in isi.splitlines() if b.startswith(f"| [{awal}"))


def test_cakupan_dihitung_dari_tautan_nyata():
    kosong = cakupan.halaman(ROOT, {})[cakupan.PATH]
    assert _baris(kosong, "Pasal 22]").endswith("| naratif |")
    assert "SK05" in _baris(kosong, "Lampiran B.2 —")
    dengan = cakupan.halaman(ROOT, {"unit/x.md": "Lapor ke [Pasal 22](../peraturan/batang-tubuh.md#pasal-22)."})[cakupan.PATH]
    assert "unit/x" in _baris(dengan, "Pasal 22]") and _baris(dengan, "Pasal 22]").endswith("| diterapkan |")
