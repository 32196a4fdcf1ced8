"""Bagan struktur: ID aman dan unik, kelompok di bawah penilai, garis penugasan putus-putus
dari Pimpinan Unit bila berbeda, gaya per jenis, acuan putus tidak membuat crash."""
from __future__ import annotations

import re

from bahan_diagram import posisi_jahat

from policy.diagram import diagram_struktur
from policy.diagram._mermaid import teks as esc

SIMPUL = re.compile(r"^\s*([a-z][a-z0-9_]*)(\[\"|\(\")(.*)(\"\]|\"\))$")
GARIS = re.compile(r"^\s*([a-z][a-z0-9_]*) (-->|-\.->)(?:\|\"(.*)\"\|)? ([a-z][a-z0-9_]*)$")
KATA_KUNCI = {"end", "graph", "subgraph", "flowchart", "style", "class", "classdef", "click", "default",
              "direction", "linkstyle", "interpolate", "call", "href"}


def _badan(teks):
    """Baris setelah front matter ``config`` dan baris ``flowchart LR``."""
    return teks.split("---\n")[-1].splitlines()[1:]


def _urai(teks):
    simpul, garis = {}, []
    for b in _badan(teks):
        if m := SIMPUL.match(b):
            simpul[m.group(1)] = m.group(3)
        elif m := GARIS.match(b):
            garis.append((m.group(1), m.group(2), m.group(3), m.group(4)))
    return simpul, garis


def test_id_aman_unik_dan_semua_baris_dikenali():
    posisi, kelompok = posisi_jahat()
    teks = diagram_struktur(posisi, kelompok, sorot=["end"])
    assert teks.startswith("---\nconfig:\n") and teks.split("---\n")[-1].startswith("flowchart LR\n")
    simpul, garis = _urai(teks)
    assert len(simpul) == len(posisi) + len(kelompok)
    for id_ in simpul:
        assert id_ not in KATA_KUNCI and not id_.startswith(("o", "x"))
        assert re.fullmatch(r"[nk]\d+(_[a-z0-9_]+)?", id_)
    lain = [b for b in _badan(teks)
            if not (SIMPUL.match(b) or GARIS.match(b) or b.strip().startswith(("classDef ", "class ")))]
    assert lain == []


def test_kelompok_di_bawah_penilai_dan_penugasan_putus_putus():
    posisi = [
        ("kadis", "Kepala Dinas", None, "jpt_pratama"),
        ("kabid", "Kepala Bidang", "kadis", "administrator"),
        ("kasi", "Kepala Seksi", "kabid", "pengawas"),
    ]
    kelompok = [
        ("kjf-a", "Kelompok A", "kadis", "kabid"),  # penilai ≠ pimpinan unit
        ("kjf-b", "Kelompok B", "kabid", "kabid"),  # sama
    ]
    simpul, garis = _urai(diagram_struktur(posisi, kelompok))
    nama = {v: k for k, v in simpul.items()}
    a, b = nama["Kelompok A"], nama["Kelompok B"]
    kadis, kabid, kasi = nama["Kepala Dinas"], nama["Kepala Bidang"], nama["Kepala Seksi"]
    assert (kadis, "-->", None, kabid) in garis and (kabid, "-->", None, kasi) in garis
    ke_a = [g for g in garis if g[3] == a]
    assert {(g[0], g[1]) for g in ke_a} == {(kadis, "-->"), (kabid, "-.->")}
    assert [g[2] for g in ke_a if g[1] == "-.->"] == [esc("penugasan")]
    ke_b = [g for g in garis if g[3] == b]
    assert [(g[0], g[1]) for g in ke_b] == [(kabid, "-->")]
    assert not any(g[1] == "-.->" for g in ke_b)


def test_kelas_per_jenis_dan_sorot():
    posisi = [("a", "A", None, "jpt_pratama"), ("b", "B", "a", "administrator"), ("c", "C", "b", "tidak-dikenal")]
    teks = diagram_struktur(posisi, [("k", "K", "a", "b")], sorot={"b", "k"})
    kelas = {b.split()[-1]: b.split()[1].split(",") for b in teks.splitlines() if b.strip().startswith("class ")}
    simpul, _ = _urai(teks)
    nama = {v: k for k, v in simpul.items()}
    assert kelas["j_jpt_pratama"] == [nama["A"]]
    assert kelas["j_administrator"] == [nama["B"]]
    assert kelas["j_lain"] == [nama["C"]]
    assert kelas["kelompok"] == [nama["K"]]
    assert sorted(kelas["sorot"]) == sorted([nama["B"], nama["K"]])


def test_acuan_putus_dilewati_tanpa_crash():
    teks = diagram_struktur([("a", "A", "hilang", "pengawas")], [("k", "K", "x", "y")])
    simpul, garis = _urai(teks)
    assert len(simpul) == 2 and garis == []


def test_label_ter_escape():
    teks = diagram_struktur([("a", 'Kepala "Dinas"] --> b["x', None, "jpt_pratama")])
    simpul, garis = _urai(teks)
    assert garis == [] and len(simpul) == 1
    (label,) = simpul.values()
    assert '"' not in label and "[" not in label and "]" not in label
