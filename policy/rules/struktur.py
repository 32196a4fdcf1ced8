"""Aturan kedudukan dan struktur (SK01–SK09): Pasal 1, Pasal 9, Pasal 18–19, Lampiran A–B."""
from __future__ import annotations

import difflib
from pathlib import Path
from typing import Iterator

from ..aplikasi import APLIKASI_UMUM
from ..domain import Indeks, Unit
from .registry import Lapor, aturan, parameter

PENILAI_SAH = ("jpt_pratama", "administrator", "pengawas")
PIMPINAN_SAH = ("jpt_madya", "jpt_pratama", "administrator", "pengawas")
ANGGOTA_SAH = ("fungsional", "pelaksana")


def _dekat(nilai: str, pilihan) -> str:
    d = difflib.get_close_matches(nilai, sorted(pilihan), n=1, cutoff=0.5)
    return f"maksud Anda '{d[0]}'?" if d else ""


def _kelompok_peran(unit: Unit) -> Iterator[tuple[int, str, str, str]]:
    """(indeks kelompok, id kelompok, peran, id posisi) untuk penilai dan pimpinan_unit yang terisi."""
    for i, k in enumerate(unit.org.kelompok):
        if k.penilai is not None:
            yield i, k.id, "penilai", k.penilai
        if k.pimpinan_unit is not None:
            yield i, k.id, "pimpinan_unit", k.pimpinan_unit


@aturan("SK01", "error", "Setiap acuan terselesaikan; id unik; tepat satu pucuk; tanpa siklus; id = nama berkas",
        "integritas data", ())
def sk01_integritas(unit: Unit, indeks: Indeks) -> Iterator[Lapor]:
    """Acuan (atasan, penilai, pimpinan_unit, pemilik_kinerja, kelompok, induk) harus menunjuk sesuatu yang ada."""
    org = unit.org
    stem = Path(unit.file).stem
    if org.id != stem:
        yield Lapor(("id",), f"id '{org.id}' berbeda dengan nama berkas '{stem}'",
                    f"samakan: ubah id menjadi '{stem}' atau ganti nama berkas menjadi '{org.id}.yaml'")
    for daftar, label in (("struktur", "posisi"), ("kelompok", "kelompok"), ("tim_kerja", "tim kerja")):
        lihat: dict[str, int] = {}
        for i, item in enumerate(getattr(org, daftar)):
            if item.id in lihat:
                yield Lapor((daftar, i, "id"), f"id {label} '{item.id}' dipakai dua kali (juga butir ke-{lihat[item.id] + 1})",
                            "beri id yang unik")
            else:
                lihat[item.id] = i
    ids = unit.posisi.keys()
    for i, p in enumerate(org.struktur):
        if p.atasan is not None and p.atasan not in ids:
            yield Lapor(("struktur", i, "atasan"), f"atasan '{p.atasan}' tidak ada di struktur", _dekat(p.atasan, ids))
        if p.atasan == p.id:
            yield Lapor(("struktur", i, "atasan"), f"posisi '{p.id}' menjadi atasannya sendiri", "isi atasan dengan id posisi lain")
    if not unit.pucuk:
        yield Lapor(("struktur",), "struktur tidak punya pucuk (posisi tanpa atasan)",
                    "kosongkan 'atasan' pada pimpinan tertinggi Perangkat Daerah", kunci=True)
    for p in unit.pucuk[1:]:
        i = org.struktur.index(p)
        yield Lapor(("struktur", i, "id"), f"lebih dari satu pucuk: '{p.id}' juga tidak punya atasan (pucuk pertama '{unit.pucuk[0].id}')",
                    "isi 'atasan' posisi ini; tepat satu posisi tanpa atasan")
    # siklus: posisi dengan atasan sah yang tidak terjangkau dari pucuk
    sudah: set[str] = set()
    for i, p in enumerate(org.struktur):
        if p.id in unit.level or p.id in sudah or p.atasan not in ids or p.atasan == p.id:
            continue
        jalur, cur = [], p.id
        while cur in ids and cur not in jalur and cur not in unit.level and cur not in sudah:
            jalur.append(cur)
            cur = unit.posisi[cur].atasan
        sudah.update(jalur)
        if cur in jalur:
            siklus = jalur[jalur.index(cur):] + [cur]
            yield Lapor(("struktur", i, "atasan"), "siklus atasan: " + " → ".join(siklus),
                        "putus siklus: atasan harus mengarah ke pucuk")
    for i, k in enumerate(org.kelompok):
        for peran in ("penilai", "pimpinan_unit"):
            pid = getattr(k, peran)
            if pid is not None and pid not in ids:
                yield Lapor(("kelompok", i, peran), f"{peran} '{pid}' tidak ada di struktur", _dekat(pid, ids), kelompok=k.id)
    for i, t in enumerate(org.tim_kerja):
        if t.pemilik_kinerja not in ids:
            yield Lapor(("tim_kerja", i, "pemilik_kinerja"), f"pemilik_kinerja '{t.pemilik_kinerja}' tidak ada di struktur",
                        _dekat(t.pemilik_kinerja, ids))
        for path, m in [(("tim_kerja", i, "ketua"), t.ketua)] + [(("tim_kerja", i, "anggota", j), a) for j, a in enumerate(t.anggota)]:
            if m.kelompok is None or indeks.cari_kelompok(m.kelompok, unit) is not None:
                continue
            if "/" in m.kelompok:
                uid, _, kid = m.kelompok.partition("/")
                if uid in indeks.gagal:
                    continue  # berkas tujuan sudah dilaporkan gagal dimuat
                lain = indeks.units.get(uid)
                if lain is None:
                    yield Lapor(path + ("kelompok",), f"berkas '{uid}' (dari acuan '{m.kelompok}') tidak ada",
                                _dekat(uid, indeks.units))
                else:
                    yield Lapor(path + ("kelompok",), f"kelompok '{kid}' tidak ada di {lain.file}", _dekat(kid, lain.kelompok))
            else:
                yield Lapor(path + ("kelompok",), f"kelompok '{m.kelompok}' tidak ada di berkas ini",
                            _dekat(m.kelompok, unit.kelompok) or "untuk kelompok di berkas lain tulis '<berkas>/<kelompok>'")
    if org.induk is not None:
        if org.induk == org.id:
            yield Lapor(("induk",), f"induk tidak boleh dirinya sendiri (siklus induk: {org.id} → {org.id})",
                        "isi id Perangkat Daerah induk")
        elif org.induk not in indeks.units and org.induk not in indeks.gagal:
            yield Lapor(("induk",), f"induk '{org.induk}' tidak ada di orgs/", _dekat(org.induk, indeks.units))
        elif (siklus := siklus_induk(unit, indeks)) is not None:
            yield Lapor(("induk",), "siklus induk lintas berkas: " + " → ".join(siklus),
                        "putus siklus: rantai induk harus berakhir di Perangkat Daerah tanpa induk")


def siklus_induk(unit: Unit, indeks: Indeks) -> list[str] | None:
    """Rantai ``induk`` yang kembali ke ``unit`` (``[a, b, c, a]``), atau None.

    Hanya unit *di dalam* siklus yang mendapat jalurnya; unit yang induknya menuju siklus tanpa
    menjadi bagiannya tidak (siklusnya sudah dilaporkan di berkas-berkas anggotanya)."""
    jalur, cur = [unit.id], unit.org.induk
    while cur is not None and cur in indeks.units and cur not in jalur:
        jalur.append(cur)
        cur = indeks.units[cur].org.induk
    return jalur + [cur] if cur == unit.id and len(jalur) > 1 else None


@aturan("SK02", "error", "Pejabat Penilai Kinerja adalah JPT Pratama, Administrator, Pengawas, atau JF pemimpin unit kerja mandiri",
        "Pasal 9 ayat (1)-(2); Pasal 1 angka 26", ("pasal-9-ayat-1", "pasal-9-ayat-2", "pasal-1-angka-26"),
        interpretasi="Penilai ber-'pendelegasian' (Pasal 1 angka 26: pejabat lain yang diberi pendelegasian kewenangan) "
                     "selalu sah. Pejabat Fungsional diperiksa oleh SK03 agar satu pelanggaran tidak dilaporkan dua kali.")
def sk02_penilai(unit: Unit, indeks: Indeks) -> Iterator[Lapor]:
    """PPK paling rendah pejabat pengawas atau pejabat lain yang diberi pendelegasian kewenangan."""
    for i, k in enumerate(unit.org.kelompok):
        p = unit.posisi.get(k.penilai or "")
        if p is None or k.pendelegasian or p.jenis in PENILAI_SAH or p.jenis == "fungsional":
            continue
        yield Lapor(("kelompok", i, "penilai"),
                    f"{p.jabatan} ({p.jenis}) tidak dapat menjadi Pejabat Penilai Kinerja",
                    "pilih JPT Pratama, Administrator atau Pengawas, atau isi 'pendelegasian' dengan dasar pendelegasian kewenangan",
                    kelompok=k.id)


@aturan("SK03", "error", "JF yang menjadi PPK atau Pimpinan Unit memimpin unit kerja mandiri dengan dasar pengangkatan",
        "Pasal 9 ayat (2); Lampiran B.1 huruf d", ("pasal-9-ayat-2", "lampiran-b-1-huruf-d"))
def sk03_fungsional_mandiri(unit: Unit, indeks: Indeks) -> Iterator[Lapor]:
    """Pejabat Fungsional hanya membawahi JF dan pelaksana bila diangkat memimpin unit kerja mandiri."""
    for i, kid, peran, pid in _kelompok_peran(unit):
        p = unit.posisi.get(pid)
        if p is None or p.jenis != "fungsional":
            continue
        k = unit.org.kelompok[i]
        if peran == "pimpinan_unit" and k.penilai == pid:
            continue  # sudah dilaporkan sebagai penilai
        kurang = [n for n, ok in (("unit_kerja_mandiri: true", p.unit_kerja_mandiri), ("dasar_pengangkatan", p.dasar_pengangkatan)) if not ok]
        if kurang:
            line, _ = unit.pos(("struktur", unit.org.struktur.index(p)))
            yield Lapor(("kelompok", i, peran),
                        f"{p.jabatan} (fungsional) menjadi {peran.replace('_', ' ')} tanpa {' dan '.join(kurang)}",
                        f"lengkapi posisi '{p.id}' (baris {line}) dengan {' dan '.join(kurang)}, atau tunjuk pejabat struktural",
                        kelompok=kid)


@aturan("SK04", "error", "Pimpinan Unit Organisasi adalah JPT, Administrator, Pengawas, atau JF pemimpin unit kerja mandiri",
        "Pasal 1 angka 25", ("pasal-1-angka-25",))
def sk04_pimpinan_unit(unit: Unit, indeks: Indeks) -> Iterator[Lapor]:
    """Pimpinan Unit Organisasi menurut Pasal 1 angka 25."""
    for i, k in enumerate(unit.org.kelompok):
        p = unit.posisi.get(k.pimpinan_unit or "")
        if p is None or p.jenis in PIMPINAN_SAH or p.jenis == "fungsional":
            continue
        yield Lapor(("kelompok", i, "pimpinan_unit"), f"{p.jabatan} ({p.jenis}) tidak dapat menjadi Pimpinan Unit Organisasi",
                    "pilih JPT, Administrator, Pengawas, atau JF pemimpin unit kerja mandiri", kelompok=k.id)


@aturan("SK05", "error", "Pimpinan Unit adalah PPK sendiri atau bawahan langsung PPK",
        "Lampiran B.2, struktur penugasan a–f (Gambar 12–17)", ("lampiran-b-2", "gambar-12", "gambar-17"),
        interpretasi="'Bawahan langsung' dibaca sebagai posisi yang kolom 'atasan'-nya adalah PPK: semua struktur "
                     "penugasan a–f (Gambar 12–17) menempatkan Pimpinan Unit satu level di bawah PPK atau sama dengan PPK.")
def sk05_pimpinan_di_bawah_penilai(unit: Unit, indeks: Indeks) -> Iterator[Lapor]:
    """Penugasan diberikan Pimpinan Unit yang ditetapkan kinerjanya oleh PPK (Lampiran B.2)."""
    for i, k in enumerate(unit.org.kelompok):
        p, u = unit.posisi.get(k.penilai or ""), unit.posisi.get(k.pimpinan_unit or "")
        if p is None or u is None or p.id == u.id or u.atasan == p.id:
            continue
        atasan = unit.jabatan(u.atasan) if u.atasan else "tidak ada (pucuk)"
        yield Lapor(("kelompok", i, "pimpinan_unit"),
                    f"Pimpinan Unit {u.jabatan} bukan PPK ({p.jabatan}) dan bukan bawahan langsungnya (atasannya: {atasan})",
                    f"jadikan pimpinan_unit '{p.id}' sendiri atau salah satu bawahan langsungnya", kelompok=k.id)


@aturan("SK06", "error", "Struktur paling banyak 2 level (3 untuk Sekretariat Daerah) kecuali ada pengecualian",
        "Lampiran A; PermenPANRB 25/2021", ("lampiran-a",),
        interpretasi="Sekretariat Daerah diizinkan 3 level (Sekretaris Daerah, Asisten, Kepala Bagian) karena Lampiran "
                     "B.1 huruf f dan Lampiran D angka 8–10 menggambarkannya demikian; unit lain 2 level (Lampiran A).")
def sk06_kedalaman(unit: Unit, indeks: Indeks, param: dict | None = None) -> Iterator[Lapor]:
    """Setiap Unit Organisasi terdiri dari 2 level struktur, kecuali dikecualikan (Lampiran A).

    Batasnya parameter versi aturan di katalog (``batas_level``, ``batas_level_setda``)."""
    param = param if param is not None else parameter("SK06")
    batas = param["batas_level_setda"] if unit.is_setda else param["batas_level"]
    if unit.kedalaman <= batas or unit.org.pengecualian_level is not None:
        return
    for i, p in enumerate(unit.org.struktur):
        if unit.level.get(p.id, 0) > batas:
            yield Lapor(("struktur", i, "atasan"),
                        f"struktur {unit.kedalaman} level; '{p.jabatan}' berada di level {unit.level[p.id]} (batas {batas})",
                        "sederhanakan struktur, atau isi 'pengecualian_level' dengan kriteria PermenPANRB 25/2021 dan dasarnya")
            return


@aturan("SK07", "error", "Setiap kelompok punya satu penilai, satu pimpinan_unit dan ≥ 1 anggota JF/pelaksana",
        "Pasal 9 ayat (1); Lampiran B.1", ("pasal-9-ayat-1", "lampiran-b-1"))
def sk07_kelompok_lengkap(unit: Unit, indeks: Indeks) -> Iterator[Lapor]:
    """Kelompok Jabatan Fungsional dan pelaksana berkedudukan di bawah PPK (Pasal 9 ayat (1))."""
    for i, k in enumerate(unit.org.kelompok):
        for peran, nama in (("penilai", "Pejabat Penilai Kinerja"), ("pimpinan_unit", "Pimpinan Unit Organisasi")):
            if getattr(k, peran) is None:
                yield Lapor(("kelompok", i, "id"), f"kelompok '{k.id}' tidak punya {peran} ({nama})",
                            f"tambahkan '{peran}: <id posisi>'", kelompok=k.id)
        if not k.anggota:
            yield Lapor(("kelompok", i, "id"), f"kelompok '{k.id}' tidak punya anggota",
                        "tambahkan 'anggota' berisi jabatan fungsional/pelaksana dan jumlahnya", kelompok=k.id)
        for j, a in enumerate(k.anggota):
            if a.jenis not in ANGGOTA_SAH:
                yield Lapor(("kelompok", i, "anggota", j, "jenis"),
                            f"anggota '{a.jabatan}' berjenis {a.jenis}; anggota kelompok hanya fungsional atau pelaksana",
                            "pindahkan jabatan struktural ke 'struktur'", kelompok=k.id)
            if a.jumlah < 1:
                yield Lapor(("kelompok", i, "anggota", j, "jumlah"), f"jumlah '{a.jabatan}' adalah {a.jumlah}; minimal 1",
                            "hapus butir ini atau isi jumlah ≥ 1", kelompok=k.id)


@aturan("SK08", "info", "Di unit lebih dari 2 level, jabatan level 3 menjadi koordinator seperti ketua tim",
        "Lampiran B.1 huruf e", ("lampiran-b-1-huruf-e",),
        interpretasi="Berlaku untuk unit selain Sekretariat Daerah yang lebih dari 2 level; jabatan level 3 yang "
                     "berada di bawah penilai kelompok dianggap koordinator pelaksanaan tugas kelompok itu.")
def sk08_koordinator_level_3(unit: Unit, indeks: Indeks) -> Iterator[Lapor]:
    """Pejabat level 3 menjadi pelaksana koordinasi tugas JF dan pelaksana seperti ketua tim."""
    if unit.is_setda or unit.kedalaman <= 2:
        return
    for i, k in enumerate(unit.org.kelompok):
        lv = unit.level.get(k.penilai or "")
        if lv is None or lv > 2:
            continue
        tingkat = [k.penilai]
        for _ in range(3 - lv):
            tingkat = [b for t in tingkat for b in unit.bawahan.get(t, ())]
        if tingkat:
            nama = ", ".join(unit.jabatan(t) for t in tingkat)
            yield Lapor(("kelompok", i, "penilai"),
                        f"unit {unit.kedalaman} level: {nama} (level 3) berperan sebagai koordinator pelaksanaan tugas kelompok '{k.id}' seperti ketua tim",
                        kelompok=k.id)


@aturan("SK09", "warning", "Perangkat Daerah memakai paling sedikit satu aplikasi umum berbagi pakai",
        "Pasal 18 ayat (2); Pasal 19 ayat (1)", ("pasal-18-ayat-2", "pasal-19-ayat-1"))
def sk09_aplikasi_spbe(unit: Unit, indeks: Indeks) -> Iterator[Lapor]:
    """Kepala Perangkat Daerah memastikan setiap Unit Organisasi menggunakan aplikasi umum berbagi pakai."""
    if any(a.lower() in APLIKASI_UMUM for a in unit.org.aplikasi_spbe):
        return
    path = ("aplikasi_spbe",) if unit.org.aplikasi_spbe else ("id",)
    yield Lapor(path, "tidak ada aplikasi umum berbagi pakai di 'aplikasi_spbe'",
                "tambahkan misalnya: " + ", ".join(sorted(APLIKASI_UMUM)[:6]), kunci=bool(unit.org.aplikasi_spbe))


#: nama perangkat yang dicadangkan Windows (tanpa memandang huruf besar/kecil dan ekstensi:
#: ``con.yaml`` pun tidak dapat dibuat/di-checkout) dan ``index`` (halaman indeks folder situs)
ID_CADANGAN = frozenset({"con", "prn", "aux", "nul", "index"}
                        | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)})


@aturan("SK12", "error", "id unit, posisi, kelompok dan tim bukan nama cadangan (con, prn, aux, nul, com0–9, lpt0–9, index)",
        "integritas data (id menjadi nama berkas dan bagian URL situs)", (),
        interpretasi="Bukan ketentuan Perbup: id menjadi nama berkas (`orgs/<id>.yaml`) dan bagian URL halaman situs. "
                     "Windows menolak berkas bernama con, prn, aux, nul, com0–com9, lpt0–lpt9 (dengan ekstensi apa pun), "
                     "dan 'index' bertabrakan dengan halaman indeks folder.")
def sk12_id_cadangan(unit: Unit, indeks: Indeks) -> Iterator[Lapor]:
    """id tidak boleh nama perangkat Windows atau 'index'."""
    org = unit.org

    def alasan(pid: str) -> str:
        if pid == "index":
            return "bertabrakan dengan halaman indeks folder situs"
        return "nama perangkat Windows: berkas atau folder bernama demikian tidak dapat dibuat di Windows"

    if org.id in ID_CADANGAN:
        yield Lapor(("id",), f"id unit '{org.id}' adalah nama cadangan ({alasan(org.id)})",
                    f"ubah id dan nama berkas, mis. '{org.id}-unit' dan {org.id}-unit.yaml")
    for daftar, label in (("struktur", "posisi"), ("kelompok", "kelompok"), ("tim_kerja", "tim kerja")):
        for i, item in enumerate(getattr(org, daftar)):
            if item.id in ID_CADANGAN:
                yield Lapor((daftar, i, "id"), f"id {label} '{item.id}' adalah nama cadangan ({alasan(item.id)})",
                            f"beri id lain, mis. '{item.id}-1'", kelompok=item.id if daftar == "kelompok" else "")
