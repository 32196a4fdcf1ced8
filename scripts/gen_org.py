"""Pembangkit data org sintetis tetapi sah (untuk tolok ukur dan tes properti).

Bentuk mengikuti Perangkat Daerah nyata Pemkab Dairi (lihat ``orgs/``): satu Sekretariat Daerah
3 level (M8–M10), dinas/badan 2 level dipimpin JPT Pratama (M1–M3), kecamatan dipimpin
administrator dengan kepala seksi pengawas (M4, M5), UPTD Puskesmas dipimpin pejabat fungsional
unit kerja mandiri (M7) atau pengawas (M6), dan tim kerja lintas berkas (``<berkas>/<kelompok>``).
Tidak ada nama orang dan tidak ada NIP.

Tidak bergantung pada ``policy/``: penyaji YAML-nya sendiri mencatat baris setiap nilai, sehingga tes
dapat membandingkan baris temuan dengan baris yang *ditulis*, bukan yang dibaca pemeriksa.

    python scripts/gen_org.py 1000 /tmp/orgs-1000      # tulis 1000 berkas
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path
from typing import Any

JF = ["Analis Kebijakan", "Perencana", "Arsiparis", "Pranata Komputer", "Analis Keuangan Pusat dan Daerah",
      "Statistisi", "Pranata Humas", "Penyuluh Pertanian", "Pengawas Lingkungan Hidup", "Auditor",
      "Analis Sumber Daya Manusia Aparatur", "Penata Kelola Sistem dan Teknologi Informasi", "Pustakawan"]
JENJANG = ["Ahli Madya", "Ahli Muda", "Ahli Pertama", "Terampil", "Mahir"]
PELAKSANA = ["Pengadministrasi Perkantoran", "Pengolah Data dan Informasi", "Operator Layanan Operasional",
             "Penata Layanan Operasional", "Pengelola Umum Operasional"]
JF_KES = ["Dokter", "Perawat", "Bidan", "Apoteker", "Nutrisionis", "Sanitarian", "Epidemiolog Kesehatan"]
BIDANG = ["Perencanaan", "Pelayanan", "Pembinaan", "Pengendalian", "Data dan Informasi", "Sarana dan Prasarana",
          "Pengembangan", "Pemberdayaan", "Penataan", "Pengawasan", "Kerja Sama", "Evaluasi"]
SEKSI = ["Pemerintahan", "Ketenteraman dan Ketertiban Umum", "Pemberdayaan Masyarakat dan Desa",
         "Kesejahteraan Sosial", "Pelayanan Umum"]
APLIKASI = ["srikandi", "e-kinerja", "sipd", "siasn", "lapor", "jdih"]
DASAR = ["Perbup Dairi Nomor 7 Tahun 2022 jo. Perbup Dairi Nomor 11 Tahun 2023", "Perbup Dairi Nomor 18 Tahun 2024"]


def _anggota(rng: random.Random, n: int, kes: bool = False) -> list[dict]:
    hasil, lihat = [], set()
    while len(hasil) < n:
        if rng.random() < 0.3:
            jab, jenis = rng.choice(PELAKSANA), "pelaksana"
        else:
            jab, jenis = f"{rng.choice(JF_KES if kes else JF)} {rng.choice(JENJANG)}", "fungsional"
        if jab in lihat:
            continue
        lihat.add(jab)
        hasil.append({"jabatan": jab, "jenis": jenis, "jumlah": rng.randint(1, 6)})
    return hasil


def _kelompok(kid: str, nama: str, p: str, u: str, anggota: list[dict]) -> dict:
    return {"id": kid, "nama": nama, "penilai": p, "pimpinan_unit": u, "anggota": anggota}


def unit_setda(rng: random.Random, uid: str, n_asisten: int = 3, n_kabag: int = 3) -> dict:
    """Sekretariat Daerah 3 level: M8 (Sekda→Asisten), M9 (Asisten→Kabag), M10 (Kabag)."""
    struktur = [{"id": "sekda", "jabatan": "Sekretaris Daerah", "jenis": "jpt_pratama"}]
    kelompok = []
    for a in range(1, n_asisten + 1):
        aid = f"asisten-{a}"
        struktur.append({"id": aid, "jabatan": f"Asisten {rng.choice(BIDANG)} {a}", "jenis": "jpt_pratama", "atasan": "sekda"})
        kelompok.append(_kelompok(f"kjf-madya-{a}", f"Kelompok JF Ahli Madya Asisten {a}", "sekda", aid, _anggota(rng, 1)))
        for b in range(1, n_kabag + 1):
            bid = f"kabag-{a}-{b}"
            struktur.append({"id": bid, "jabatan": f"Kepala Bagian {rng.choice(BIDANG)} {a}.{b}", "jenis": "administrator", "atasan": aid})
            if rng.random() < 0.5:
                kelompok.append(_kelompok(f"kjf-{a}-{b}", f"Kelompok JF Bagian {a}.{b}", aid, bid, _anggota(rng, rng.randint(1, 4))))
            else:
                kelompok.append(_kelompok(f"kjf-{a}-{b}", f"Kelompok JF Bagian {a}.{b}", bid, bid, _anggota(rng, rng.randint(1, 4))))
    return {"id": uid, "nama": "Sekretariat Daerah", "jenis": "sekretariat_daerah", "dasar_hukum": list(DASAR),
            "aplikasi_spbe": rng.sample(APLIKASI, 3), "struktur": struktur, "kelompok": kelompok}


def unit_dinas(rng: random.Random, uid: str, nomor: int, n_bidang: int = 4, jenis: str = "dinas") -> dict:
    """Dinas/badan 2 level dipimpin JPT Pratama: M1 (Kadis→Kabid), M2 (Kabid), M3 (Kadis)."""
    sebut = "Dinas" if jenis == "dinas" else "Badan"
    struktur = [{"id": "kepala", "jabatan": f"Kepala {sebut} {nomor}", "jenis": "jpt_pratama"},
                {"id": "sekretaris", "jabatan": f"Sekretaris {sebut} {nomor}", "jenis": "administrator", "atasan": "kepala"}]
    kelompok = [_kelompok("kjf-sekretariat", "Kelompok JF dan Pelaksana Sekretariat", "sekretaris", "sekretaris",
                          _anggota(rng, rng.randint(2, 5)))]
    for b in range(1, n_bidang + 1):
        bid = f"kabid-{b}"
        struktur.append({"id": bid, "jabatan": f"Kepala Bidang {rng.choice(BIDANG)} {b}", "jenis": "administrator", "atasan": "kepala"})
        p = "kepala" if rng.random() < 0.3 else bid
        kelompok.append(_kelompok(f"kjf-bidang-{b}", f"Kelompok JF dan Pelaksana Bidang {b}", p, bid, _anggota(rng, rng.randint(1, 6))))
    if rng.random() < 0.3:
        kelompok.append(_kelompok("kjf-madya", "Kelompok JF Ahli Madya", "kepala", "kepala", _anggota(rng, 1)))
    return {"id": uid, "nama": f"{sebut} Contoh {nomor}", "jenis": jenis, "dasar_hukum": list(DASAR),
            "aplikasi_spbe": rng.sample(APLIKASI, 4), "struktur": struktur, "kelompok": kelompok}


def unit_kecamatan(rng: random.Random, uid: str, nomor: int, n_seksi: int = 4) -> dict:
    """Kecamatan dipimpin Camat (administrator): M5 (Camat), M4 (Camat→Kasi), umum-a (Camat→Sekcam)."""
    struktur = [{"id": "camat", "jabatan": f"Camat Contoh {nomor}", "jenis": "administrator"},
                {"id": "sekcam", "jabatan": f"Sekretaris Kecamatan Contoh {nomor}", "jenis": "administrator", "atasan": "camat"}]
    kelompok = [_kelompok("kjf-sekretariat", "Kelompok Pelaksana Sekretariat Kecamatan", "camat", "sekcam", _anggota(rng, 3)),
                _kelompok("kjf-paten", "Kelompok Pelaksana PATEN", "camat", "camat", _anggota(rng, 2))]
    for s in range(1, n_seksi + 1):
        sid = f"kasi-{s}"
        struktur.append({"id": sid, "jabatan": f"Kepala Seksi {SEKSI[(s - 1) % len(SEKSI)]} {s}", "jenis": "pengawas", "atasan": "camat"})
        kelompok.append(_kelompok(f"kjf-seksi-{s}", f"Kelompok Pelaksana Seksi {s}", "camat", sid, _anggota(rng, rng.randint(1, 3))))
    return {"id": uid, "nama": f"Kecamatan Contoh {nomor}", "jenis": "kecamatan", "dasar_hukum": list(DASAR),
            "aplikasi_spbe": rng.sample(APLIKASI, 4), "struktur": struktur, "kelompok": kelompok}


def unit_puskesmas(rng: random.Random, uid: str, nomor: int, induk: str | None) -> dict:
    """UPTD Puskesmas: Kepala fungsional unit kerja mandiri (M7) atau pengawas (M6)."""
    if rng.random() < 0.7:
        top = {"id": "kapus", "jabatan": f"Kepala Puskesmas Contoh {nomor}", "jenis": "fungsional",
               "unit_kerja_mandiri": True, "dasar_pengangkatan": "Keputusan Bupati tentang pengangkatan Kepala Puskesmas"}
    else:
        top = {"id": "kapus", "jabatan": f"Kepala UPTD Contoh {nomor}", "jenis": "pengawas"}
    kelompok = [_kelompok("kjf-ukp", "Kelompok JF Upaya Kesehatan Perseorangan", "kapus", "kapus", _anggota(rng, rng.randint(2, 6), kes=True)),
                _kelompok("kjf-ukm", "Kelompok JF Upaya Kesehatan Masyarakat", "kapus", "kapus", _anggota(rng, rng.randint(1, 4), kes=True))]
    org = {"id": uid, "nama": f"UPTD Puskesmas Contoh {nomor}", "jenis": "uptd"}
    if induk:
        org["induk"] = induk
    org.update({"dasar_hukum": list(DASAR), "aplikasi_spbe": rng.sample(APLIKASI, 2), "struktur": [top], "kelompok": kelompok})
    return org


def tambah_tim(rng: random.Random, org: dict, lain: list[dict], n: int = 1) -> None:
    """Tim kerja dengan ketua dari unit pemilik kinerja dan anggota dari berkas lain (lintas unit)."""
    tim = []
    for t in range(1, n + 1):
        k = rng.choice(org["kelompok"])
        ketua = {"kelompok": k["id"], "jabatan": k["anggota"][0]["jabatan"]}
        anggota = [{"kelompok": k["id"], "jabatan": a["jabatan"]} for a in k["anggota"][1:3]]
        for o in rng.sample(lain, min(len(lain), rng.randint(0, 3))):
            k2 = rng.choice(o["kelompok"])
            anggota.append({"kelompok": f"{o['id']}/{k2['id']}", "jabatan": rng.choice(k2["anggota"])["jabatan"]})
        if rng.random() < 0.3:
            anggota.append({"instansi": "BPS Kabupaten Contoh", "jabatan": "Statistisi Ahli Muda"})
        tim.append({"id": f"tim-{t}", "nama": f"Tim Kerja {rng.choice(BIDANG)} {t}", "pemilik_kinerja": k["pimpinan_unit"],
                    "ketua": ketua, "anggota": anggota})
    org["tim_kerja"] = tim


def buat_pemda(n: int, seed: int = 18) -> list[dict]:
    """``n`` berkas org sah: 1 setda, lalu dinas/badan, kecamatan dan puskesmas (≈ 25/15/60 %)."""
    rng = random.Random(seed)
    hasil = [unit_setda(rng, "setda", n_asisten=3, n_kabag=3)]
    dinas: list[dict] = []
    i = 1
    while len(hasil) < n:
        r = rng.random()
        if r < 0.25 or not dinas:
            jenis = "dinas" if rng.random() < 0.7 else "badan"
            org = unit_dinas(rng, f"{jenis}-{i:05d}", i, rng.randint(2, 6), jenis)
            dinas.append(org)
        elif r < 0.40:
            org = unit_kecamatan(rng, f"kec-{i:05d}", i, rng.randint(3, 5))
        else:
            org = unit_puskesmas(rng, f"puskesmas-{i:05d}", i, rng.choice(dinas)["id"])
        hasil.append(org)
        i += 1
    for org in hasil:
        if org["jenis"] in ("dinas", "badan", "sekretariat_daerah") and rng.random() < 0.6:
            tambah_tim(rng, org, rng.sample(hasil, min(5, len(hasil))), rng.randint(1, 3))
    return hasil


# ---------------------------------------------------------------------------
# Penyaji YAML sederhana yang mencatat baris setiap nilai (1-based)

_POLOS = re.compile(r"[A-Za-z][A-Za-z0-9 ./()_-]*\Z")
_KATA_KHUSUS = {"null", "true", "false", "yes", "no", "on", "off", "y", "n", "~"}


def _skalar(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "null"
    if isinstance(v, int):
        return str(v)
    s = str(v)
    if _POLOS.match(s) and s.lower() not in _KATA_KHUSUS and not s.endswith((" ", ":")):
        return s
    return json.dumps(s, ensure_ascii=False)


def ke_yaml(org: dict) -> tuple[str, dict[tuple, int]]:
    """Sajikan org (pemetaan, daftar, skalar) sebagai YAML blok; kembalikan (teks, baris per jalur)."""
    baris: list[str] = []
    pos: dict[tuple, int] = {}

    def mapping(d: dict, indent: int, path: tuple, awal: str | None = None) -> None:
        for j, (k, v) in enumerate(d.items()):
            pre = awal if (j == 0 and awal is not None) else " " * indent
            p = path + (k,)
            if isinstance(v, dict):
                baris.append(f"{pre}{k}:")
                pos[p] = len(baris) + 1
                mapping(v, indent + 2, p)
            elif isinstance(v, list) and v and isinstance(v[0], dict):
                baris.append(f"{pre}{k}:")
                pos[p] = len(baris) + 1
                for i, item in enumerate(v):
                    pos[p + (i,)] = len(baris) + 1
                    mapping(item, indent + 4, p + (i,), awal=" " * (indent + 2) + "- ")
            elif isinstance(v, list):
                baris.append(f"{pre}{k}: [" + ", ".join(_skalar(x) for x in v) + "]")
                pos[p] = len(baris)
            else:
                baris.append(f"{pre}{k}: {_skalar(v)}")
                pos[p] = len(baris)

    mapping(org, 0, ())
    return "\n".join(baris) + "\n", pos


def tulis(orgs: list[dict], tujuan: Path) -> None:
    tujuan.mkdir(parents=True, exist_ok=True)
    for org in orgs:
        (tujuan / f"{org['id']}.yaml").write_text(ke_yaml(org)[0], encoding="utf-8")


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    tulis(buat_pemda(n), Path(sys.argv[2] if len(sys.argv) > 2 else f"/tmp/orgs-{n}"))
