"""Berkas org bermuatan serangan untuk tes peramban ``test_peramban_muatan.py``.

Setiap medan teks bebas model Pydantic (``policy.models``) diisi muatan dari :data:`MUATAN`.
Medan dienumerasi dari model, bukan ditulis tangan: medan teks opsional baru pada model yang
sudah ada di templat terisi otomatis; medan yang tidak dapat diisi otomatis (sub-model baru)
membuat tes gagal dengan nama medannya (:func:`medan_tak_tercakup`).

Templat (dict Python di bawah) adalah unit yang sah menurut aturan; setiap teks yang memuat kata
``Uji`` diganti muatan, secara konsisten di semua berkas (acuan tim lintas berkas tetap cocok).
"""
from __future__ import annotations

import types
from typing import Annotated, Any, Iterator, Union, get_args, get_origin

from pydantic import BaseModel

from policy import models

#: Muatan: HTML/skrip, pemutus <title>, Markdown, Jinja, arahan Mermaid, baris baru, entitas, bidi.
MUATAN: tuple[str, ...] = (
    '"><img src=x onerror=alert(document.domain)>',
    "<script>alert('skrip')</script>",
    "</title><script>alert('judul')</script>",
    "<svg onload=alert('svg')>",
    "'\"><iframe src=javascript:alert('iframe')></iframe>",
    "[klik](javascript:alert('tautan')) ![g](x)",
    "{{ config.site_name }} {% if true %}jinja{% endif %}",
    "*tebal* _miring_ `kode` | pipa | \\ #judul",
    "%%{init: {'securityLevel': 'loose'}}%% click p1 call alert('mermaid')",
    "baris\nclick p2 call alert('baris')",
    "&lt;b&gt;entitas&lt;/b&gt; &amp; &#60;",
    "--> ]]> <!-- komentar \"kutip\" 'tunggal'",
    "Nama\u202egnalabret\u200b tersembunyi",
)

#: unit dinas: lebih dari 25 sehingga navigasi grup "Dinas" dibagi ke rentang abjad, dengan
#: judul pertama dan terakhir setiap rentang berupa muatan
JUMLAH_DINAS = 28

#: nama jabatan yang sengaja bertabrakan setelah dijadikan slug, 'Index …' dan nama 300 karakter
NAMA_TABRAKAN = (
    "Analis X", "Analis-X", "Analis.X", "Index Ahli Muda", "Con",
    "Penata Sangat Panjang " + "Sekali " * 38 + "Ahli Muda",
)


def _dinas(i: int, n: int, uid: str) -> dict:
    berikut = f"dinas-{(i + 1) % n:02d}"
    return {
        "id": uid, "nama": f"Dinas Uji {i}", "singkatan": f"Singkatan Uji {i}", "jenis": "dinas",
        "dasar_hukum": [f"Dasar Hukum Uji {i}"], "aplikasi_spbe": ["srikandi", f"Aplikasi Uji {i}"],
        "struktur": [
            {"id": "kadis", "jabatan": f"Kepala Dinas Uji {i}", "jenis": "jpt_pratama"},
            {"id": "sekretaris", "jabatan": f"Sekretaris Uji {i}", "jenis": "administrator", "atasan": "kadis"},
            {"id": "kabid", "jabatan": f"Kepala Bidang Uji {i}", "jenis": "administrator", "atasan": "kadis"},
        ],
        "kelompok": [
            {"id": "kjf-bidang", "nama": f"Kelompok Bidang Uji {i}", "penilai": "kabid", "pimpinan_unit": "kabid",
             "pendelegasian": f"Pendelegasian Uji {i}",
             "anggota": [{"jabatan": f"Analis Uji {i} Ahli Muda", "jenis": "fungsional", "jumlah": 2},
                         {"jabatan": f"Pengadministrasi Uji {i}", "jenis": "pelaksana", "jumlah": 1}]},
            # id 'kerja' dan tim id 'kerja'/'lain': jangkar yang dulu bentrok dengan #tim-kerja/#tim-lain
            {"id": "kerja", "nama": f"Kelompok Umum Uji {i}", "penilai": "sekretaris", "pimpinan_unit": "sekretaris",
             "anggota": [{"jabatan": f"Pranata Uji {i} Terampil", "jenis": "fungsional", "jumlah": 1}]},
        ],
        "tim_kerja": [
            {"id": "kerja" if i % 2 else "lain", "nama": f"Tim Uji {i}", "pemilik_kinerja": "kabid",
             "ketua": {"kelompok": "kjf-bidang", "jabatan": f"Analis Uji {i} Ahli Muda"},
             "anggota": [{"kelompok": f"{berikut}/kjf-bidang", "jabatan": f"Analis Uji {(i + 1) % n} Ahli Muda"},
                         {"instansi": f"Instansi Uji {i}", "jabatan": f"Statistisi Uji {i}",
                          "dasar_penugasan": {"nomor_surat": f"Surat Uji {i}", "tanggal": "2025-01-02",
                                              "penyetuju": f"Penyetuju Uji {i}", "mulai": "2025-02-01",
                                              "selesai": "2099-12-31"}}]},
        ],
    }


def templat() -> dict[str, dict]:
    """Berkas org templat (sebelum muatan): id berkas → isi."""
    orgs: dict[str, dict] = {}
    for i in range(JUMLAH_DINAS):
        uid = f"dinas-{i:02d}"
        orgs[uid] = _dinas(i, JUMLAH_DINAS, uid)
    # id unit 'index' (dulu menimpa halaman grup) dan 'con' (nama perangkat Windows): id acuan
    # lintas berkas tidak berubah, jadi dinas-00 tetap ada; ini unit tambahan di grup yang sama
    for uid, jenis in (("index", "dinas"), ("con", "badan")):
        o = _dinas(90 + len(orgs), JUMLAH_DINAS, uid)
        o["jenis"] = jenis
        o["tim_kerja"][0]["anggota"] = o["tim_kerja"][0]["anggota"][1:]  # tanpa acuan lintas berkas
        if uid == "con":  # ketua dari instansi lain
            o["tim_kerja"][0]["ketua"] = {"instansi": f"Instansi Ketua Uji {uid}", "jabatan": f"Ketua Luar Uji {uid}",
                                          # dasar penugasan (teks bebas: nomor surat, penyetuju di instansi lain)
                                          "dasar_penugasan": {"nomor_surat": f"Nomor Surat Uji {uid}",
                                                              "tanggal": "2025-01-02",
                                                              "penyetuju": f"Penyetuju Luar Uji {uid}",
                                                              "mulai": "2025-02-01", "selesai": "2099-12-31"}}
        orgs[uid] = o
    # struktur 3 level dengan pengecualian_level (kriteria, dasar)
    orgs["badan-uji"] = {
        "id": "badan-uji", "nama": "Badan Uji Tiga Level", "jenis": "badan", "aplikasi_spbe": ["srikandi"],
        "struktur": [
            {"id": "kaban", "jabatan": "Kepala Badan Uji", "jenis": "jpt_pratama"},
            {"id": "kabid", "jabatan": "Kepala Bidang Badan Uji", "jenis": "administrator", "atasan": "kaban"},
            {"id": "kasubbid", "jabatan": "Kepala Subbidang Badan Uji", "jenis": "pengawas", "atasan": "kabid"},
        ],
        "pengecualian_level": {"kriteria": ["Kriteria Uji satu", "Kriteria Uji dua"], "dasar": "Dasar Pengecualian Uji"},
        "kelompok": [{"id": "kjf", "nama": "Kelompok Badan Uji", "penilai": "kabid", "pimpinan_unit": "kabid",
                      "anggota": [{"jabatan": "Perencana Badan Uji Ahli Pertama", "jenis": "fungsional"}]}],
    }
    # pemimpin unit kerja mandiri (fungsional, dasar_pengangkatan) — M7
    orgs["uptd-uji"] = {
        "id": "uptd-uji", "nama": "UPTD Uji Mandiri", "jenis": "uptd", "induk": "dinas-00",
        "aplikasi_spbe": ["srikandi"],
        "struktur": [{"id": "kepala", "jabatan": "Kepala UPTD Uji", "jenis": "fungsional",
                      "unit_kerja_mandiri": True, "dasar_pengangkatan": "Dasar Pengangkatan Uji"}],
        "kelompok": [{"id": "kjf", "nama": "Kelompok UPTD Uji", "penilai": "kepala", "pimpinan_unit": "kepala",
                      "anggota": [{"jabatan": "Pengelola UPTD Uji", "jenis": "pelaksana", "jumlah": 3}]}],
    }
    # nama jabatan yang bertabrakan sebagai slug (tidak diganti muatan: tidak memuat 'Uji')
    orgs["tabrakan"] = {
        "id": "tabrakan", "nama": "Badan Tabrakan Slug", "jenis": "badan", "aplikasi_spbe": ["srikandi"],
        "struktur": [{"id": "kaban", "jabatan": "Kepala Badan Tabrakan", "jenis": "jpt_pratama"},
                     {"id": "kabid", "jabatan": "Kepala Bidang Tabrakan", "jenis": "administrator", "atasan": "kaban"}],
        "kelompok": [{"id": "kjf", "nama": "Kelompok Tabrakan", "penilai": "kabid", "pimpinan_unit": "kabid",
                      "anggota": [{"jabatan": n, "jenis": "fungsional"} for n in NAMA_TABRAKAN]}],
    }
    return orgs


# --- enumerasi medan teks dari model -------------------------------------------------------------

def _tanpa_opsional(tp: Any) -> Any:
    if get_origin(tp) in (Union, types.UnionType):
        arg = [a for a in get_args(tp) if a is not type(None)]
        return arg[0] if len(arg) == 1 else tp
    return tp


def _berpola(meta: list) -> bool:
    return any(getattr(m, "pattern", None) for x in meta for m in [x, *getattr(x, "metadata", [])])


def _teks_bebas(tp: Any, meta: list = ()) -> bool:
    """``str`` tanpa pola (``Teks``, ``TeksPanjang``): bukan id/slug/acuan/enum."""
    if get_origin(tp) is Annotated:
        dasar, *lain = get_args(tp)
        return dasar is str and not _berpola([*meta, *lain])
    return tp is str and not _berpola(list(meta))


def panjang_maks(model: type[BaseModel], jalur: tuple) -> int:
    """Batas panjang medan teks di ``jalur`` (dari metadata model)."""
    for bagian in jalur:
        if bagian == "[]":
            continue
        info = model.model_fields[bagian]
        tp = _tanpa_opsional(info.annotation)
        meta = list(info.metadata)
        if get_origin(tp) is list:
            tp = _tanpa_opsional(get_args(tp)[0])
        if get_origin(tp) is Annotated:
            meta += get_args(tp)[1:]
            tp = get_args(tp)[0]
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            model = tp
            continue
        return min((m2.max_length for x in meta for m2 in [x, *getattr(x, "metadata", [])]
                    if getattr(m2, "max_length", None)), default=10_000)
    return 10_000


def medan_teks(model: type[BaseModel] = models.OrgFile, jalur: tuple = ()) -> Iterator[tuple]:
    """Jalur setiap medan teks bebas, mis. ``('kelompok', '[]', 'anggota', '[]', 'jabatan')``."""
    for nama, info in model.model_fields.items():
        tp = _tanpa_opsional(info.annotation)
        if get_origin(tp) is list:
            anak = _tanpa_opsional(get_args(tp)[0])
            if isinstance(anak, type) and issubclass(anak, BaseModel):
                yield from medan_teks(anak, (*jalur, nama, "[]"))
            elif _teks_bebas(anak):
                yield (*jalur, nama, "[]")
        elif isinstance(tp, type) and issubclass(tp, BaseModel):
            yield from medan_teks(tp, (*jalur, nama))
        elif _teks_bebas(tp, info.metadata):
            yield (*jalur, nama)


def _nilai(data: Any, jalur: tuple) -> Iterator[tuple[Any, Any]]:
    """(wadah, kunci/indeks) untuk setiap nilai di ``jalur`` dalam ``data``."""
    if not jalur:
        return
    kepala, *sisa = jalur
    if kepala == "[]":
        if isinstance(data, list):
            for i, x in enumerate(data):
                if sisa:
                    yield from _nilai(x, tuple(sisa))
                else:
                    yield data, i
        return
    if not isinstance(data, dict):
        return
    if not sisa:
        yield data, kepala
    elif kepala in data:
        yield from _nilai(data[kepala], tuple(sisa))


def _ada(data: Any, jalur: tuple) -> Iterator[Any]:
    """Nilai yang sudah ada di ``jalur`` (wadah untuk medan baru)."""
    for wadah, kunci in _nilai(data, jalur) if jalur else [((data,), 0)]:
        if isinstance(wadah, dict) and kunci not in wadah:
            continue
        yield wadah[kunci]


def _isi_otomatis(org: dict, jalur: tuple) -> None:
    """Medan teks baru di model (belum ada di templat): isi di setiap wadah yang sudah ada."""
    *induk, akhir = jalur
    isi: Any = "Otomatis Uji"
    if akhir == "[]":
        *induk, akhir = induk
        isi = ["Otomatis Uji"]
    for w in _ada(org, tuple(induk)):
        if isinstance(w, dict) and akhir not in w and not _acuan_anggota(w, akhir):
            w[akhir] = isi


def _terisi(org: dict, jalur: tuple) -> bool:
    return any((w.get(k) if isinstance(w, dict) else w[k]) is not None for w, k in _nilai(org, jalur))


def _acuan_anggota(w: dict, akhir: str) -> bool:
    """Anggota tim memuat tepat satu dari 'kelompok'/'instansi': jangan isi yang kosong."""
    return akhir == "instansi" and "kelompok" in w


def org_bermuatan() -> tuple[dict[str, dict], dict[tuple, set[str]]]:
    """(berkas org bermuatan, {jalur medan: muatan yang dipakai di sana})."""
    orgs = templat()
    jalur_semua = list(medan_teks())
    for j in jalur_semua:
        # medan yang tidak dipakai templat sama sekali = medan baru di model: isi otomatis
        if not any(_terisi(org, j) for org in orgs.values()):
            for org in orgs.values():
                _isi_otomatis(org, j)
    peta: dict[str, str] = {}
    cakupan: dict[tuple, set[str]] = {j: set() for j in jalur_semua}
    for i, org in enumerate(orgs.values()):
        for j_idx, j in enumerate(jalur_semua):
            for wadah, kunci in list(_nilai(org, j)):
                asli = wadah.get(kunci) if isinstance(wadah, dict) else wadah[kunci]
                if not isinstance(asli, str) or "Uji" not in asli:
                    continue
                if asli not in peta:
                    maks = panjang_maks(models.OrgFile, j)
                    calon = [MUATAN[(i + j_idx + len(peta) + d) % len(MUATAN)] for d in range(len(MUATAN))]
                    pilih = next(m for m in calon if len(m) + 5 <= maks)
                    peta[asli] = f"{pilih} {len(peta)}"
                wadah[kunci] = peta[asli]
                cakupan[j].add(peta[asli].rsplit(" ", 1)[0])
    # acuan yang memakai teks yang sama (ketua/anggota tim → jabatan anggota kelompok) ikut diganti
    # lewat peta yang sama di atas; teks 'Uji' yang tersisa berarti medan tidak terenumerasi
    return orgs, cakupan


def medan_tak_tercakup(cakupan: dict[tuple, set[str]]) -> list[str]:
    """Medan teks model yang tidak menerima muatan sama sekali."""
    return [".".join(j) for j, m in cakupan.items() if not m]


def sisa_templat(orgs: dict[str, dict]) -> list[str]:
    """Teks templat ('Uji') yang tidak terganti muatan — tanda medan yang tidak terenumerasi."""
    sisa: list[str] = []

    def jalan(x: Any, jalur: str) -> None:
        if isinstance(x, dict):
            for k, v in x.items():
                jalan(v, f"{jalur}.{k}")
        elif isinstance(x, list):
            for i, v in enumerate(x):
                jalan(v, f"{jalur}[{i}]")
        elif isinstance(x, str) and "Uji" in x and not any(x.startswith(m) for m in MUATAN):
            sisa.append(f"{jalur}: {x!r}")

    for uid, org in orgs.items():
        jalan(org, uid)
    return sisa

