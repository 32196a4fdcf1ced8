"""Daftar langkah = alternatif teks diagram: nomor sama dengan autonumber, pelaku/penerima
sama dengan panah, peran berimpit = satu lajur, kunci peran tidak bocor ke keluaran."""
from __future__ import annotations

import re

import pytest
from bahan_diagram import NAMA_WAJAR, aktor_jahat

from policy.diagram import (
    diagram_mekanisme,
    diagram_prosedur,
    langkah_markdown,
    langkah_mekanisme,
    langkah_prosedur,
    langkah_prosedur_markdown,
)
from policy.diagram._mermaid import teks as esc
from policy.diagram.alur import PERAN_RINGKAS
from policy.mekanisme import MEKANISME, PERAN, PROSEDUR, TAHAP, Blok, iter_langkah

PANAH = re.compile(r"^\s*(p\d+)(-->>|->>)(p\d+): (.*)$")
PESERTA = re.compile(r"^\s*participant (\S+) as (.*)$")
BUTIR_MD = re.compile(r"^(\d+)\. ")


def _panah(teks: str) -> list[tuple[str, str, str, str]]:
    return [m.groups() for b in teks.splitlines() if (m := PANAH.match(b))]


def _peserta(teks: str) -> list[tuple[str, str]]:
    return [m.groups() for b in teks.splitlines() if (m := PESERTA.match(b))]


def _alur(kunci):
    return MEKANISME[kunci] if isinstance(kunci, str) else PROSEDUR[kunci]


SEMUA = [*MEKANISME, *PROSEDUR]


def _diagram(kunci, aktor):
    return diagram_mekanisme(kunci, aktor) if isinstance(kunci, str) else diagram_prosedur(kunci, aktor)


def _langkah(kunci, aktor):
    return langkah_mekanisme(kunci, aktor) if isinstance(kunci, str) else langkah_prosedur(kunci, aktor)


def _md(kunci, aktor):
    return langkah_markdown(kunci, aktor) if isinstance(kunci, str) else langkah_prosedur_markdown(kunci, aktor)


@pytest.mark.parametrize("kunci", SEMUA, ids=str)
@pytest.mark.parametrize("aktor", [{}, NAMA_WAJAR, aktor_jahat(5)], ids=["tanpa", "wajar", "jahat"])
def test_nomor_langkah_sama_dengan_autonumber(kunci, aktor):
    teks = _diagram(kunci, aktor)
    badan = teks.split("---\n")[-1].splitlines()
    assert badan[:2] == ["sequenceDiagram", "    autonumber"]
    panah = _panah(teks)
    langkah = _langkah(kunci, aktor)
    assert len(panah) == len(langkah) > 0
    assert [lk.nomor for lk in langkah] == list(range(1, len(langkah) + 1))
    nomor_md = [int(m.group(1)) for b in _md(kunci, aktor).splitlines() if (m := BUTIR_MD.match(b))]
    assert nomor_md == [lk.nomor for lk in langkah]


@pytest.mark.parametrize("kunci", SEMUA, ids=str)
def test_panah_ke_n_adalah_langkah_ke_n(kunci):
    """Panah ke-n menghubungkan lajur pelaku dan penerima langkah ke-n, dengan label langkah itu."""
    alur = _alur(kunci)
    teks = _diagram(kunci, NAMA_WAJAR)
    id_lajur = {pid: i for i, (pid, _) in enumerate(_peserta(teks))}
    assert len(id_lajur) == len(alur.lajur)
    for (asal, panah, tuju, label), lk in zip(_panah(teks), alur.langkah(), strict=True):
        pelaku = alur.lajur.index(alur.lajur_untuk(lk.pelaku))
        penerima = alur.lajur.index(alur.lajur_untuk(lk.penerima)) if lk.penerima else pelaku
        assert (id_lajur[asal], id_lajur[tuju]) == (pelaku, penerima), lk
        assert (panah == "-->>") == lk.balasan
        assert label.replace("<br/>", " ") == esc(lk.label).replace("<br/>", " ")
        assert len(lk.label) <= 60, lk.label


@pytest.mark.parametrize("kode", list(MEKANISME))
def test_satu_rect_dan_note_per_tahap(kode):
    teks = diagram_mekanisme(kode, NAMA_WAJAR)
    assert teks.count("rect rgb(") == 3
    notes = [b.split(": ", 1)[1] for b in teks.splitlines() if b.strip().startswith("Note over ")]
    assert notes == [esc(j) for j in TAHAP.values()]
    for t in MEKANISME[kode].tahap:
        assert all(lk.tahap == t.kunci for lk in iter_langkah(t.butir))


def _kunci_bocor(teks: str) -> list[str]:
    return [k for k in PERAN if re.search(rf"(?<![A-Za-z0-9_]){re.escape(k)}(?![A-Za-z0-9_])", teks)]


@pytest.mark.parametrize("kunci", SEMUA, ids=str)
def test_kunci_peran_tidak_bocor(kunci):
    for aktor in (NAMA_WAJAR, aktor_jahat(2)):
        for keluaran in (_diagram(kunci, aktor), _md(kunci, aktor)):
            assert _kunci_bocor(keluaran) == [], keluaran
    for lk in _langkah(kunci, NAMA_WAJAR):
        assert not re.search(r"\{[a-z0-9_]+\}", lk.uraian), lk.uraian


@pytest.mark.parametrize("kunci", SEMUA, ids=str)
def test_nama_jabatan_wajar_muncul_di_lajur_dan_daftar(kunci):
    alur = _alur(kunci)
    teks = _diagram(kunci, NAMA_WAJAR)
    md = _md(kunci, NAMA_WAJAR)
    for lj, (_, label) in zip(alur.lajur, _peserta(teks), strict=True):
        nama = NAMA_WAJAR[lj.kunci]
        assert label.replace("<br/>", " ").startswith(esc(nama).replace("<br/>", " "))
        for p in lj.peran:
            if PERAN[p] != nama:  # peran ringkas di baris kedua lajur (Pejabat Penilai Kinerja → Penilai Kinerja)
                assert esc(PERAN_RINGKAS.get(p, PERAN[p])).split("<br/>")[0].split()[0] in label
        assert nama in md


def test_peran_berimpit_satu_lajur_sesuai_struktur_penugasan():
    """Struktur b, c, f (Lampiran B.2): PPK = Pimpinan Unit → satu lajur berlabel kedua peran;
    struktur a, d, e: dua lajur berbeda."""
    for kode, m in MEKANISME.items():
        if m.struktur_penugasan is None:
            continue
        ppk = m.lajur_untuk("ppk")
        pu = m.lajur_untuk("pimpinan_unit")
        berimpit = m.struktur_penugasan in ("b", "c", "f")
        assert (ppk is pu) == berimpit, kode
        label = dict(_peserta(diagram_mekanisme(kode, NAMA_WAJAR)))
        semua = " ".join(label.values()).replace("<br/>", " ")
        if berimpit:
            gabung = [lb.replace("<br/>", " ") for lb in label.values()
                      if "Penilai Kinerja" in lb.replace("<br/>", " ") and "Pimpinan Unit" in lb.replace("<br/>", " ")]
            assert len(gabung) == 1, (kode, label)
        else:
            assert semua.count("#40;Penilai Kinerja#41;") == 1, (kode, label)
            assert semua.count("#40;Pimpinan Unit#41;") == 1, (kode, label)


def test_langkah_dalam_cabang_punya_kondisi():
    for alur in [*MEKANISME.values(), *PROSEDUR.values()]:
        butir = [b for t in alur.tahap for b in t.butir] if hasattr(alur, "tahap") else list(alur.butir)
        di_blok = {lk.nomor for b in butir if isinstance(b, Blok) for lk in iter_langkah((b,))}
        for lk in alur.langkah():
            assert (lk.kondisi is not None) == (lk.nomor in di_blok), (alur, lk)


def test_markdown_escape_dan_tanpa_jinja():
    md = langkah_markdown("M1", {"ppk": "Kepala {{ x }} {% y %} *Dinas* [a](b) <i>"})
    assert "{{" not in md and "{%" not in md
    assert "<i>" not in md and "&lt;i&gt;" in md
    assert "\\*Dinas\\*" in md and "\\[a\\]" in md
    assert all(BUTIR_MD.match(b) for b in md.splitlines())


def test_tautan_sumber_opsional():
    md = langkah_markdown("M2", NAMA_WAJAR, tautan=lambda a: f"../peraturan/lampiran-d/#{a}")
    assert "(../peraturan/lampiran-d/#lampiran-d-2-perencanaan)" in md
    assert "#lampiran-d-2-evaluasi" in md
