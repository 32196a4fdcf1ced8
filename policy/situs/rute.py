"""Halaman "Rute penugasan" (``rute.md``): pilih unit dan jabatan Anda, lalu unit (atau instansi lain) dan
kelompok yang pegawainya dibutuhkan; halaman menampilkan rute Lampiran B.2 yang sama dengan
``python -m policy rute`` dan draf surat permohonan pelibatan yang dapat dicetak.

Data halaman adalah satu JSON kecil (:func:`data_situs`) yang dibangun dari :mod:`policy.rute`: lingkup
setiap pasangan (daftar kelompok "di dalam Unit Organisasi" per pemilik), keputusan per cara dan lingkup,
templat langkah per prosedur, dan pejabat setiap sisi. ``docs/assets/js/rute.js`` hanya menggabungkan
dan mengisi templat itu (tanpa aturan sendiri); ``tests/test_rute_situs.py`` membuktikan hasilnya sama
dengan ``policy rute --format json`` untuk setiap pasangan data contoh. JSON disisipkan di halaman
(``<script type="application/json">``) agar berjalan dari salinan ``file://`` tanpa server; ``rute.js``
dimuat lewat ``extra_javascript`` (path relatif benar di situs daring dan salinan luring) dan hanya
bekerja di halaman yang memuat data itu.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..domain import Indeks
from ..katalog import katalog
from ..rute import (CARA, INTERPRETASI, LINGKUP, Pejabat, Pihak, keputusan, lingkup, penolakan_json, pejabat_pegawai, pejabat_pemilik,
                    pejabat_umum, pimpinan_unit, templat)
from . import md
from .konteks import konteks

#: nama instansi pengganti di data pejabat instansi lain; halaman menggantinya dengan isian pengguna
ISIAN_INSTANSI = "{instansi}"


def data_situs(indeks: Indeks) -> dict:
    """Data halaman Rute penugasan (lihat docstring modul); urutan kunci = urutan ``Rute.as_json``."""
    kantor: list[list] = []
    nomor: dict[tuple, int] = {}
    tafsir = {v: k for k, v in INTERPRETASI.items()}

    def idx(p: Pejabat) -> list:
        """[nomor kantor, kunci interpretasi|None]; peran dan labelnya dari kunci peta."""
        kunci = (p.jabatan, p.unit, p.acuan)
        if kunci not in nomor:
            nomor[kunci] = len(kantor)
            kantor.append(list(kunci))
        return [nomor[kunci], tafsir[p.interpretasi] if p.interpretasi else None]

    def peta(d: dict[str, Pejabat]) -> dict[str, list]:
        assert all(k == v.peran for k, v in d.items())
        return {k: idx(v) for k, v in d.items()}

    units = sorted(indeks.units.values(), key=lambda u: u.id)
    pemilik = []
    for u in units:
        for pid in pimpinan_unit(u):
            dalam = [f"{u.id}/{k.id}" for k in u.org.kelompok
                     if lingkup(u, pid, Pihak(unit=u, kelompok=k.id)) == "dalam_unit"]
            pemilik.append({"acuan": f"{u.id}/{pid}", "berkas": u.id, "unit": u.org.nama, "jabatan": u.jabatan(pid),
                            "dalam": dalam, "peran": {c: peta(pejabat_pemilik(u, pid, c)) for c in CARA}})
    kelompok = []
    for u in units:
        for k in u.org.kelompok:
            pihak = Pihak(unit=u, kelompok=k.id)
            kelompok.append({"acuan": f"{u.id}/{k.id}", "berkas": u.id, "unit": u.org.nama, "kelompok": k.id,
                             "nama_kelompok": k.nama or k.id, "jabatan": [a.jabatan for a in k.anggota],
                             "peran": {c: peta(pejabat_pegawai(pihak, c)) for c in CARA}})
    instansi = {c: {k: v.as_json() for k, v in pejabat_pegawai(Pihak(instansi=ISIAN_INSTANSI), c).items()} for c in CARA}
    kep: dict[str, dict] = {}
    prosedur: dict[str, dict] = {}
    from ..mekanisme import ISI_SURAT_PERMOHONAN

    for c in CARA:
        kep[c] = {}
        for lk in LINGKUP:
            pr, tolak = keputusan(c, lk)
            kep[c][lk] = {"prosedur": pr.kode if pr else None, "temuan": penolakan_json(tolak) if tolak else None}
            if pr is not None and pr.kode not in prosedur:
                t = templat(pr)
                prosedur[pr.kode] = {"gambar": pr.gambar, "kode": pr.kode, "judul": pr.judul, "jangkar": pr.anchor,
                                     "penyetuju": pr.penyetuju, "dipakai": list(t.dipakai),
                                     "isi_surat_permohonan": list(ISI_SURAT_PERMOHONAN) if pr.surat_permohonan else [],
                                     "langkah": list(t.langkah), "cabang": list(t.cabang)}
    return {"isian_instansi": ISIAN_INSTANSI, "lingkup": LINGKUP, "kantor": kantor,
            "umum": peta(pejabat_umum(indeks)), "pemilik": pemilik, "kelompok": kelompok, "instansi": instansi,
            "keputusan": kep, "prosedur": prosedur,
            "peran": dict(katalog().peran), "interpretasi": INTERPRETASI}


def json_sisip(data: dict) -> str:
    """JSON untuk ``<script type="application/json">``: ``<``, ``>`` dan ``&`` sebagai escape ``\\uXXXX``,
    sehingga teks org tidak dapat menutup elemen script (``</script>``) atau membuka komentar HTML."""
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def halaman_rute(indeks: Indeks, docs_dir: Path) -> str:
    dari = "rute.md"
    out = ["# Rute penugasan\n", md.banner_data_contoh(),
           "Membentuk tim dengan Pejabat Fungsional atau pelaksana dari unit lain? Pilih jabatan Anda (Pimpinan Unit "
           "Organisasi pemilik kinerja) dan kelompok yang pegawainya Anda butuhkan. Halaman ini menunjukkan kepada "
           "siapa surat ditulis, siapa mendapat tembusan, siapa menjawab dan siapa menyusun surat penugasan, menurut "
           f"{md.tautan('lampiran-b-2-cara', dari, docs_dir, 'Lampiran B.2')} (Gambar 18–22) — hasil yang sama dengan "
           "`python -m policy rute`. Berjalan tanpa server, juga dari salinan di disk.\n",
           '<div id="rute-app" class="rute-app" markdown="0">',
           '<form id="rute-form" class="rute-form" onsubmit="return false">',
           '<p><label for="rute-pemilik">Jabatan Anda (Pimpinan Unit Organisasi pemilik kinerja)</label><br>'
           '<select id="rute-pemilik"></select></p>',
           '<p><label for="rute-unit">Unit tempat pegawai berada</label><br><select id="rute-unit"></select></p>',
           '<p id="rute-p-kelompok"><label for="rute-kelompok">Kelompok</label><br><select id="rute-kelompok"></select></p>',
           '<p id="rute-p-instansi" hidden><label for="rute-instansi">Nama instansi</label><br>'
           '<input id="rute-instansi" type="text" maxlength="200" value="Pemerintah Kabupaten Karo"></p>',
           '<p><label for="rute-cara">Cara</label><br><select id="rute-cara">'
           '<option value="penunjukan">Penunjukan</option><option value="sukarela">Pengajuan sukarela</option>'
           '</select></p>',
           '</form>',
           '<div id="rute-hasil" class="rute-hasil" aria-live="polite"></div>',
           '<noscript><p>Halaman ini memerlukan JavaScript. Tanpa JavaScript, jalankan '
           '<code>python -m policy rute</code>.</p></noscript>',
           '</div>',
           f'<script type="application/json" id="rute-data">{json_sisip(data_situs(indeks))}</script>',
           ""]
    return "\n".join(x for x in out if x is not None) + "\n"


def halaman(root: Path) -> dict[str, str]:
    """Penyedia: ``rute.md``."""
    ctx = konteks(root)
    return {"rute.md": halaman_rute(ctx.hasil.indeks, ctx.docs_dir)}
