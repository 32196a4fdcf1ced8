"""Unit hasil :mod:`policy.impor.susun` → :class:`~policy.impor.tulis.Draf` (satu per berkas org).

Usulan bawaan (Lampiran B.1 huruf a; Lampiran B.2): baris JF/pelaksana berkedudukan di bawah
jabatan struktural tempatnya di peta jabatan, sehingga jabatan itu diusulkan sebagai Pejabat
Penilai Kinerja *dan* Pimpinan Unit Organisasi (struktur penugasan b atau c). Lembar tidak dapat
membedakan PPK dari Pimpinan Unit, jadi usulan itu selalu ditandai ``# TODO:``.
"""
from __future__ import annotations

import re

from . import jabatan as J
from .baca import GagalImpor
from .susun import BarisData, Penyusun
from .teks import bersih, normal, ringkas, slug, unik
from .tulis import AnggotaDraf, Draf, KelompokDraf, PosisiDraf

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
APLIKASI_USULAN = ["srikandi", "e-kinerja"]


def _teks(b: BarisData, peran: str) -> str | None:
    v = b.nilai.get(peran)
    return bersih(str(v)) if v is not None and bersih(str(v)) else None


def _slug_sel(p: Penyusun, b: BarisData, peran: str, todo: list[str]) -> str | None:
    v = _teks(b, peran)
    if v is None:
        return None
    if _SLUG.match(v) and len(v) <= 80:
        return v
    todo.append(f"'{ringkas(v, 40)}' bukan id yang sah; diubah menjadi slug")
    return slug(v)


def _level(b: BarisData, unit: str) -> int:
    n, x = 1, b.induk
    while x is not None and x.unit == unit:
        n, x = n + 1, x.induk
    return n


class _Unit:
    def __init__(self, kunci: str, baris: list[BarisData]):
        self.kunci, self.baris = kunci, baris
        self.posisi = [b for b in baris if b.struktural or b.mandiri]
        self.pucuk = [b for b in self.posisi if b.induk is None or b.induk.unit != kunci]
        self.id = ""
        self.id_todo: list[str] = []
        self.nama = ""
        self.nama_catatan: list[str] = []


def bangun_draf(p: Penyusun, unit: dict[str, list[BarisData]], judul: list[str], sumber: str,
                unit_id: str | None = None, kenal: dict[str, str] | None = None) -> list[Draf]:
    """Bangun draf untuk setiap unit. ``kenal``: nama unit (dinormalkan) → id berkas yang sudah ada."""
    kenal = kenal or {}
    daftar = [_Unit(k, b) for k, b in unit.items()]
    judul_unit = next((n for t in judul if (n := J.cari_nama_unit(t))), None)
    terpakai: set[str] = set()
    for i, u in enumerate(daftar):
        contoh = u.baris[0]
        if u.kunci.startswith("nama:"):
            u.nama, u.nama_catatan = _teks(contoh, "unit") or "", ["dari kolom unit kerja"]
        elif judul_unit and i == 0 and (len(daftar) == 1 or u.kunci.startswith("akar:")):
            u.nama, u.nama_catatan = judul_unit, ["dari judul lembar"]
        elif "unit" in contoh.nilai and u.kunci.startswith("id:"):
            u.nama, u.nama_catatan = _teks(contoh, "unit") or "", []
        elif u.pucuk:
            u.nama = J.nama_unit_dari_pucuk(u.pucuk[0].nama)
            u.nama_catatan = [f"dari jabatan tertinggi '{ringkas(u.pucuk[0].nama, 60)}'"]
        if not u.nama:
            u.nama = "Unit tanpa nama"
            u.nama_catatan = ["TODO: isi nama Perangkat Daerah/UPTD"]
        # id
        if u.kunci.startswith("id:"):
            v = u.kunci[3:]
            u.id = v if _SLUG.match(v) else slug(v)
            if u.id != v:
                u.id_todo.append(f"id unit '{ringkas(v, 40)}' bukan slug yang sah")
        elif unit_id and len(daftar) == 1:
            u.id = unit_id
        elif normal(u.nama) in kenal:
            u.id = kenal[normal(u.nama)]
        else:
            u.id = slug(u.nama, maks=40)
            u.id_todo.append("id diusulkan dari nama unit; id sama dengan nama berkas (mis. diskominfo)")
        if u.id in terpakai:
            u.id_todo.append(f"id '{u.id}' dipakai unit lain di lembar ini")
        u.id = unik(u.id, terpakai)
    if unit_id and len(daftar) > 1:
        pilih = [u for u in daftar if u.id == unit_id]
        if not pilih:
            import difflib
            dekat = difflib.get_close_matches(unit_id, [u.id for u in daftar], n=1)
            raise GagalImpor(f"unit '{unit_id}' tidak ada di lembar ini; unit yang ada: " + ", ".join(u.id for u in daftar),
                             f"maksud Anda '{dekat[0]}'?" if dekat else "pilih salah satu id di atas", lembar=p.lb.nama, kode=2)
    else:
        pilih = daftar
    id_unit = {u.kunci: u.id for u in daftar}
    return [_draf(p, u, id_unit, sumber) for u in pilih]


def _draf(p: Penyusun, u: _Unit, id_unit: dict[str, str], sumber: str) -> Draf:
    contoh = u.baris[0]
    d = Draf(id=u.id, nama=u.nama, jenis="lainnya")
    if u.id_todo:
        d.todo["id"] = u.id_todo
    if u.nama_catatan:
        (d.todo if u.nama_catatan[0].startswith("TODO") else d.catatan)["nama"] = [c.removeprefix("TODO: ") for c in u.nama_catatan]
    # jenis unit
    ju = _teks(contoh, "jenis_unit")
    if ju is not None:
        if ju not in J.JENIS_UNIT:
            raise p.gagal(f"jenis unit '{ringkas(ju, 30)}' tidak dikenal", "pilih: " + ", ".join(J.JENIS_UNIT), contoh.r, "jenis_unit")
        d.jenis = ju
    else:
        jenis = J.jenis_unit(u.nama) or (J.jenis_unit(J.nama_unit_dari_pucuk(u.pucuk[0].nama)) if u.pucuk else None)
        if jenis is None:
            d.todo["jenis"] = ["jenis unit tidak dapat ditebak dari namanya; pilih: " + ", ".join(J.JENIS_UNIT)]
        else:
            d.jenis = jenis
            d.catatan["jenis"] = ["dari nama unit"]
    # induk
    induk = _teks(contoh, "induk")
    if induk is not None:
        d.induk = induk if _SLUG.match(induk) else slug(induk)
    elif u.pucuk and u.pucuk[0].induk is not None:
        d.induk = id_unit.get(u.pucuk[0].induk.unit)
        d.catatan["induk"] = [f"'{ringkas(u.pucuk[0].nama, 50)}' berada di bawah '{ringkas(u.pucuk[0].induk.nama, 50)}'"]
    d.kepala = [
        f"Draf dari `python -m policy impor` atas {sumber}.",
        "Tinjau setiap baris bertanda TODO lalu hapus tandanya; `python -m policy check` memberi peringatan IM01 "
        "selama tanda itu masih ada.",
        "Jabatan (kantor) saja: nama orang dan NIP di lembar sumber tidak disalin.",
    ]
    d.todo["dasar_hukum"] = ["isi Perbup kedudukan, susunan organisasi, tugas dan fungsi unit ini"]
    d.aplikasi_spbe = list(APLIKASI_USULAN)
    d.todo["aplikasi_spbe"] = ["usulan aplikasi umum berbagi pakai (Pasal 18 ayat (2), Pasal 19 ayat (1)); "
                               "sesuaikan dengan yang benar-benar dipakai"]
    # struktur
    ids: dict[int, str] = {}
    terpakai: set[str] = set()
    for b in u.posisi:
        todo: list[str] = []
        pid = _slug_sel(p, b, "id", todo) or J.usul_id_posisi(b.nama)
        if pid in terpakai and _teks(b, "id"):
            raise p.gagal(f"id jabatan '{pid}' dipakai dua kali", "beri setiap jabatan id yang unik", b.r, "id")
        ids[b.r] = unik(pid, terpakai)
    for b in u.posisi:
        pos = PosisiDraf(id=ids[b.r], jabatan=b.nama, jenis=b.jenis, baris=b.baris, id_tetap=_teks(b, "id") is not None)
        if b.induk is not None and b.induk.unit == u.kunci:
            pos.atasan = ids.get(b.induk.r)
        if b.jenis_tebakan:
            pos.todo.append(b.jenis_tebakan)
        if b.atasan_tebakan:
            pos.todo.append("atasan ditebak dari urutan baris (lembar tanpa nomor berjenjang/indentasi)")
        if b.mandiri:
            pos.jenis = "fungsional"
            pos.unit_kerja_mandiri = True
            dasar = _teks(b, "dasar")
            if dasar is None:
                pos.dasar_pengangkatan = "TODO: keputusan pengangkatan sebagai pemimpin unit kerja mandiri"
                pos.todo.append("JF memimpin unit kerja: isi dasar_pengangkatan (Pasal 9 ayat (2))")
            else:
                pos.dasar_pengangkatan = dasar
        bez = p.angka_sel(b, "bezetting") if "bezetting" in p.kp.kolom else None
        if bez is not None and bez.nilai == 0:
            pos.catatan.append("lowong (bezetting 0)")
        d.struktur.append(pos)
    # kedalaman (SK06)
    level = {b.r: _level(b, u.kunci) for b in u.posisi}
    dalam = max(level.values(), default=0)
    batas = 3 if d.jenis == "sekretariat_daerah" else 2
    if dalam > batas:
        d.todo["pengecualian_level"] = [
            f"struktur {dalam} level (batas {batas}, Lampiran A): sederhanakan, atau isi kriteria dan dasar pengecualian; "
            "sampai itu `check` melaporkan SK06"]
    # kelompok
    _kelompok(p, u, d, ids)
    return d


def _cari_posisi(p: Penyusun, b: BarisData, peran: str, d: Draf) -> str | None:
    v = _teks(b, peran)
    if v is None:
        return None
    for pos in d.struktur:
        if pos.id == v:
            return pos.id
    for pos in d.struktur:
        if normal(pos.jabatan) == normal(v):
            return pos.id
    nama = {"penilai": "PPK", "pimpinan": "Pimpinan Unit"}[peran]
    raise p.gagal(f"{nama} '{ringkas(v, 50)}' tidak ada di struktur unit ini",
                  "tulis id atau nama jabatan struktural yang ada di lembar, atau kosongkan", b.r, peran)


def _kelompok(p: Penyusun, u: _Unit, d: Draf, ids: dict[int, str]) -> None:
    posisi = {pos.id: pos for pos in d.struktur}
    urut: list[str] = []
    grup: dict[str, list[BarisData]] = {}
    tempat: dict[str, BarisData] = {}
    id_grup: dict[str, str] = {}
    todo_id: dict[str, list[str]] = {}
    for b in u.baris:
        if b.struktural or b.mandiri or b.induk is None:
            continue
        t = ids[b.induk.r]
        todo: list[str] = []
        kid = _slug_sel(p, b, "kelompok", todo)
        kunci = "k:" + kid if kid else "t:" + t
        if kunci not in grup:
            urut.append(kunci)
            grup[kunci] = []
            tempat[kunci] = b.induk
            if kid:
                id_grup[kunci] = kid
                todo_id[kunci] = todo
        grup[kunci].append(b)
    terpakai: set[str] = {k[2:] for k in urut if k.startswith("k:")}
    kosong: list[str] = []
    bez_ada = "bezetting" in p.kp.kolom
    for kunci in urut:
        baris = grup[kunci]
        tb = tempat[kunci]
        t_id = ids[tb.r]
        t_pos = posisi[t_id]
        anggota: list[AnggotaDraf] = []
        per_nama: dict[tuple[str, str], AnggotaDraf] = {}
        lowong: list[str] = []
        for b in baris:
            bez = p.angka_sel(b, "bezetting")
            keb = p.angka_sel(b, "kebutuhan")
            if bez is not None and not bez.bulat:
                raise p.gagal(f"bezetting {bez.teks} bukan bilangan bulat (jumlah pemangku)",
                              "isi jumlah orang yang menduduki jabatan ini (mis. 2); kebutuhan ABK boleh pecahan", b.r, "bezetting")
            todo: list[str] = []
            if bez_ada:
                jumlah = int(bez.nilai) if bez is not None else 0
            elif keb is not None and keb.bulat and keb.nilai >= 1:
                jumlah = int(keb.nilai)
                todo.append("lembar tanpa kolom bezetting: jumlah diisi dari kebutuhan")
            else:
                jumlah = 1
                todo.append("lembar tanpa kolom bezetting: isi jumlah pemangku")
            if b.jenis_tebakan:
                todo.append(b.jenis_tebakan)
            if jumlah < 1:
                lowong.append(f"{b.nama} ({b.jenis}): bezetting 0" + (f", kebutuhan {keb.teks}" if keb else "")
                              + f" — tidak dimuat, jumlah minimal 1 (baris {b.baris})")
                continue
            kunci_a = (normal(b.nama), b.jenis)
            if kunci_a in per_nama:
                a = per_nama[kunci_a]
                a.jumlah += jumlah
                a.baris.append(b.baris)
                if keb is not None:
                    lama = float(a.kebutuhan.replace(".", "").replace(",", ".")) if a.kebutuhan else 0.0
                    total = lama + keb.nilai
                    a.kebutuhan = str(int(total)) if total.is_integer() else str(total).replace(".", ",")
                a.catatan = [f"digabung dari baris {', '.join(map(str, a.baris))}"]
                a.todo = sorted(set(a.todo) | set(todo))
                continue
            a = AnggotaDraf(b.nama, b.jenis, jumlah, keb.teks if keb is not None else None, todo, [], [b.baris])
            per_nama[kunci_a] = a
            anggota.append(a)
        if not anggota:
            kosong.append(f"jabatan di bawah '{ringkas(t_pos.jabatan, 50)}' tidak dimuat: semuanya lowong (bezetting 0)")
            continue
        contoh = baris[0]
        jenis_anggota = {a.jenis for a in anggota}
        k = KelompokDraf(id="", nama=None, penilai=None, pimpinan_unit=None, anggota=anggota, lowong=lowong, tempat=t_id)
        if kunci in id_grup:
            k.id, k.id_tetap = id_grup[kunci], True
            if todo_id[kunci]:
                k.todo["id"] = todo_id[kunci]
        else:
            k.id = unik(J.usul_id_kelompok(t_id), terpakai)
            k.todo["id"] = [f"id dan nama kelompok diusulkan dari jabatan tempatnya ('{ringkas(t_pos.jabatan, 60)}'); sesuaikan"]
        k.nama = _teks(contoh, "nama_kelompok")
        if k.nama is None and kunci not in id_grup:
            k.nama = J.usul_nama_kelompok(t_pos.jabatan, jenis_anggota)
        k.pendelegasian = _teks(contoh, "pendelegasian")
        penilai = _cari_posisi(p, contoh, "penilai", d)
        pimpinan = _cari_posisi(p, contoh, "pimpinan", d)
        k.penilai = penilai or t_id
        k.pimpinan_unit = pimpinan or t_id
        if penilai is None or pimpinan is None:
            k.todo["penilai"] = [_saran_peran(t_pos, posisi, penilai is None, pimpinan is None)]
        d.kelompok.append(k)
    if kosong:
        d.catatan["kelompok"] = kosong


def _saran_peran(t: PosisiDraf, posisi: dict[str, PosisiDraf], tanpa_penilai: bool, tanpa_pimpinan: bool) -> str:
    """Teks TODO untuk usulan PPK/Pimpinan Unit menurut Lampiran B.1 huruf a dan Lampiran B.2."""
    apa = " dan ".join(x for x, ya in (("PPK", tanpa_penilai), ("Pimpinan Unit", tanpa_pimpinan)) if ya)
    teks = f"{apa} diusulkan = jabatan tempat kelompok di peta jabatan (Lampiran B.1 huruf a; struktur penugasan b/c)"
    bawahan = [x.id for x in posisi.values() if x.atasan == t.id and x.jenis != "fungsional"]
    atasan = posisi.get(t.atasan) if t.atasan else None
    alternatif = []
    if bawahan and tanpa_pimpinan:
        alternatif.append(f"atau pimpinan_unit: {bawahan[0]}" + (" dst." if len(bawahan) > 1 else "") + " (bawahan langsung)")
    if atasan is not None and atasan.jenis in ("jpt_pratama", "administrator", "pengawas") and tanpa_penilai:
        alternatif.append(f"atau penilai: {atasan.id} (atasannya; struktur penugasan a)")
    return teks + ("; " + "; ".join(alternatif) if alternatif else "")
