"""Ke-32 gambar Lampiran Perbup, digambar ulang dari model kebijakan yang sama dengan halaman unit.

- Gambar 2–17 (bagan kedudukan dan struktur penugasan, Lampiran B.1–B.2): setiap gambar adalah
  *unit contoh generik* yang ditulis sebagai berkas org biasa, divalidasi oleh model Pydantic,
  dan digambar oleh :func:`bagan_unit` — fungsi yang sama yang menggambar bagan setiap unit.
  Tes memastikan klasifikasi unit contoh sama dengan gambar yang diwakilinya.
- Gambar 1 dan 18–32 (alur mekanisme dan prosedur penugasan, Lampiran A, B.2, D): dari
  :mod:`policy.mekanisme` lewat :func:`policy.diagram.figur_generik`.
"""
from __future__ import annotations

import re

from .domain import Unit
from .models import OrgFile
from .muat import Dokumen

JPT = "Pejabat Pimpinan Tinggi Pratama"
ADM = "Pejabat Administrator"
PGW = "Pejabat Pengawas"
KJF = "Kelompok Jabatan Fungsional dan Pelaksana"


def _p(id: str, jabatan: str, jenis: str, atasan: str | None = None, **extra) -> dict:
    return {"id": id, "jabatan": jabatan, "jenis": jenis, "atasan": atasan, **extra}


def _unit(jenis: str, struktur: list[dict], penilai: str, pimpinan: str | None = None) -> dict:
    return {"id": "contoh", "nama": "Unit Organisasi contoh", "jenis": jenis, "aplikasi_spbe": ["srikandi"],
            "struktur": struktur,
            "kelompok": [{"id": "kjf", "nama": KJF, "penilai": penilai, "pimpinan_unit": pimpinan or penilai,
                          "anggota": [{"jabatan": "Pejabat Fungsional", "jenis": "fungsional", "jumlah": 1},
                                      {"jabatan": "Pelaksana", "jenis": "pelaksana", "jumlah": 1}]}]}


_DUA_LEVEL = [_p("l1", JPT, "jpt_pratama"), _p("l2a", ADM, "administrator", "l1"), _p("l2b", ADM, "administrator", "l1")]
_ADM_PGW = [_p("l1", ADM, "administrator"), _p("l2a", PGW, "pengawas", "l1"), _p("l2b", PGW, "pengawas", "l1")]
_SETDA = [_p("sekda", "Sekretaris Daerah", "jpt_pratama"),
          _p("asisten-1", "Asisten Sekretaris Daerah", "jpt_pratama", "sekda"),
          _p("asisten-2", "Asisten Sekretaris Daerah", "jpt_pratama", "sekda"),
          _p("kabag-1", "Kepala Bagian", "administrator", "asisten-1"),
          _p("kabag-2", "Kepala Bagian", "administrator", "asisten-1")]
_FUNGSIONAL = [_p("l1", "Pejabat Fungsional yang memimpin unit kerja mandiri", "fungsional",
                  unit_kerja_mandiri=True, dasar_pengangkatan="ketentuan peraturan perundang-undangan")]

#: nomor gambar → berkas org contoh. Kedudukan/struktur penugasan yang digambarkannya ada di katalog
#: (``kedudukan``/``struktur_penugasan``, kolom ``gambar``); tes memastikan klasifikasi contoh sama.
CONTOH: dict[int, dict] = {
    2: _unit("dinas", _DUA_LEVEL, "l1"),
    3: _unit("dinas", _DUA_LEVEL, "l2a"),
    4: _unit("lainnya", _ADM_PGW, "l1"),
    5: _unit("lainnya", _ADM_PGW, "l2a"),
    6: _unit("lainnya", [_p("l1", ADM, "administrator")], "l1"),
    7: _unit("uptd", [_p("l1", PGW, "pengawas")], "l1"),
    8: _unit("uptd", _FUNGSIONAL, "l1"),
    9: _unit("sekretariat_daerah", _SETDA, "sekda"),
    10: _unit("sekretariat_daerah", _SETDA, "asisten-1"),
    11: _unit("sekretariat_daerah", _SETDA, "kabag-1"),
    12: _unit("dinas", _DUA_LEVEL, "l1", "l2a"),
    13: _unit("dinas", _DUA_LEVEL, "l2a"),
    14: _unit("lainnya", [_p("l1", ADM, "administrator")], "l1"),
    15: _unit("sekretariat_daerah", _SETDA, "sekda", "asisten-1"),
    16: _unit("sekretariat_daerah", _SETDA, "asisten-1", "kabag-1"),
    17: _unit("sekretariat_daerah", _SETDA, "kabag-1"),
}


def bagan_unit(unit: Unit, sorot=None) -> str:
    """Bagan struktur sebuah unit beserta kelompoknya (kedudukan di bawah PPK, garis penugasan
    dari Pimpinan Unit) — dipakai halaman unit dan Gambar 2–17."""
    from .diagram import diagram_struktur

    posisi = [(p.id, p.jabatan, p.atasan, p.jenis) for p in unit.org.struktur]
    kel = [(k.id, k.nama or k.id, k.penilai, k.pimpinan_unit) for k in unit.org.kelompok]
    return diagram_struktur(posisi, kel, sorot=sorot)


def unit_contoh(n: int) -> Unit:
    """Unit contoh generik untuk Gambar ``n`` (2–17), divalidasi model org."""
    data = CONTOH[n]
    org = OrgFile.model_validate({**data, "struktur": [{k: v for k, v in p.items() if v is not None} for p in data["struktur"]]})
    return Unit(file=f"gambar-{n}.yaml", dok=Dokumen(file=f"gambar-{n}.yaml"), org=org)


def figur(n: int) -> str:
    """Teks Mermaid Gambar ``n`` (1–32)."""
    if n in CONTOH:
        return bagan_unit(unit_contoh(n), sorot="kjf")
    from .diagram import figur_generik

    return figur_generik(n)


_PENANDA = re.compile(r"^<!-- gambar:(\d+) -->$", re.M)


def teks_alternatif(n: int) -> str:
    """Alternatif teks Gambar ``n``: langkah bernomor (alur) atau uraian kedudukan (bagan)."""
    from .diagram import langkah_markdown, langkah_prosedur_markdown
    from .katalog import katalog
    from .klasifikasi import klasifikasi
    from .mekanisme import MEKANISME, PROSEDUR

    kat = katalog()
    if n in CONTOH:
        unit = unit_contoh(n)
        k = unit.org.kelompok[0]
        kl = klasifikasi(unit, k)
        judul = (kat.kedudukan[kl.kedudukan] if kat.isi_gambar(n)[0] == "kedudukan" else kat.struktur[kl.struktur_penugasan]).judul
        return (f"{judul}. {KJF} berkedudukan di bawah {unit.jabatan(k.penilai)} (Pejabat Penilai Kinerja)"
                + (f" dan menerima penugasan dari {unit.jabatan(k.pimpinan_unit)} (Pimpinan Unit Organisasi)."
                   if k.pimpinan_unit != k.penilai else ", yang sekaligus Pimpinan Unit Organisasi.") + "\n")
    kode = kat.mekanisme_gambar(n)
    if kode is not None:
        m = MEKANISME[kode]
        return langkah_markdown(m.kode, m.aktor_generik)
    return langkah_prosedur_markdown(n, PROSEDUR[n].aktor_generik)


def blok_gambar(n: int) -> str:
    """Blok Markdown satu gambar: diagram Mermaid + alternatif teks yang dapat dibuka."""
    return (f'<div class="gambar-perbup" markdown>\n\n```mermaid\n{figur(n).rstrip()}\n```\n\n'
            f'??? note "Gambar {n} dalam bentuk teks"\n\n'
            + "".join(f"    {b}\n" if b else "\n" for b in teks_alternatif(n).splitlines()) + "\n</div>\n")


def sisipkan_gambar(markdown: str) -> str:
    """Ganti penanda ``<!-- gambar:N -->`` di naskah dengan diagram Mermaid Gambar N.

    Dipanggil saat build; berkas Markdown naskah tidak pernah diubah.
    """
    return _PENANDA.sub(lambda m: blok_gambar(int(m[1])), markdown)
