"""Impor ke folder yang sudah berisi ``<id>.yaml``: berkas lama tidak disentuh; usulan digabung
dengan keputusan di berkas lama, dan laporan perubahan (jabatan ditambah/dihapus/berganti nama,
jumlah berubah) dicetak.

Yang dipertahankan dari berkas lama: id jabatan dan kelompok, PPK, Pimpinan Unit, pendelegasian,
nama kelompok, pembagian anggota ke kelompok, metadata unit (nama, jenis, induk, dasar hukum,
aplikasi) dan tim kerja. Yang diambil dari lembar: jabatan struktural, atasan, anggota dan jumlahnya.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Callable

from ..models import OrgFile
from .teks import aman, normal, unik
from .tulis import Draf, KelompokDraf

_JENJANG = re.compile(r"\b(ahli (pertama|muda|madya|utama)|terampil|mahir|penyelia|pemula)\b")


_KUTIP = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'')
#: kalimat pembuka yang ditulis impor sendiri; tidak diulang saat menggabung
_KEPALA_IMPOR = ("Draf dari `python -m policy impor`", "Usulan dari `python -m policy impor`", "Tinjau setiap baris bertanda TODO",
                 "Jabatan (kantor) saja: nama orang dan NIP", "keputusan di berkas lama", "struktur dan anggota (jumlah")


class _Komentar:
    """Komentar di berkas lama: di ujung baris sebuah nilai, dan baris komentar di atas sebuah butir."""

    def __init__(self, dok):
        self.dok = dok
        self.baris = (dok.teks or "").splitlines()

    def ujung(self, path: tuple) -> list[str]:
        try:
            n = self.dok.posisi(path)[0]
        except Exception:
            return []
        if not 0 < n <= len(self.baris):
            return []
        tanpa_kutip = _KUTIP.sub(lambda m: "x" * len(m.group()), self.baris[n - 1])
        i = tanpa_kutip.find(" #")
        return [self.baris[n - 1][i + 2:].strip()] if i >= 0 and self.baris[n - 1][i + 2:].strip() else []

    def di_atas(self, path: tuple) -> list[str]:
        """Baris komentar tepat di atas butir ``path`` dengan indentasi yang sama dengan tanda '-'-nya."""
        n = self.dok.posisi(path)[0] - 1
        if not 0 <= n < len(self.baris):
            return []
        awal = self.baris[n]
        indent = len(awal) - len(awal.lstrip(" "))
        hasil: list[str] = []
        while n - 1 >= 0 and self.baris[n - 1].lstrip().startswith("#") and \
                len(self.baris[n - 1]) - len(self.baris[n - 1].lstrip(" ")) == indent:
            hasil.insert(0, self.baris[n - 1].lstrip()[1:].strip())
            n -= 1
        return hasil


def _mirip(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, normal(a), normal(b)).ratio()


def _cocokkan_posisi(d: Draf, org: OrgFile) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """id draf → id lama untuk jabatan yang sama; juga daftar (id lama, id draf) yang berganti nama."""
    lama = {p.id: p for p in org.struktur}
    peta: dict[str, str] = {}
    dipakai: set[str] = set()
    for p in d.struktur:
        if p.id_tetap and p.id in lama:
            peta[p.id] = p.id
            dipakai.add(p.id)
    per_nama: dict[str, list[str]] = {}
    for p in org.struktur:
        per_nama.setdefault(normal(p.jabatan), []).append(p.id)
    for p in d.struktur:
        if p.id in peta:
            continue
        calon = [i for i in per_nama.get(normal(p.jabatan), []) if i not in dipakai]
        if calon:
            peta[p.id] = calon[0]
            dipakai.add(calon[0])
    ganti: list[tuple[str, str]] = []
    sisa_baru = [p for p in d.struktur if p.id not in peta]
    sisa_lama = [p for p in org.struktur if p.id not in dipakai]
    pasangan = sorted(((_mirip(b.jabatan, l.jabatan), b.id, l.id) for b in sisa_baru for l in sisa_lama
                       if b.jenis == l.jenis and (peta.get(b.atasan or "", b.atasan) == l.atasan)), reverse=True)
    for skor, bid, lid in pasangan:
        if skor < 0.6 or bid in peta or lid in dipakai:
            continue
        peta[bid] = lid
        dipakai.add(lid)
        ganti.append((lid, bid))
    return peta, ganti


def gabung_lama(d: Draf, path_lama: Path) -> tuple[Draf, Callable[[str, str], list[str]]]:
    """(usulan, fungsi laporan(path lama, path usulan) → baris)."""
    from ..domain import muat_unit

    unit, temuan, _ = muat_unit(path_lama, str(path_lama))
    if unit is None:
        galat = [t for t in temuan if t.severity == "error"]

        def laporan_gagal(lama: str, usulan: str) -> list[str]:
            return [f"Laporan perubahan: {aman(lama)} (usulan: {aman(usulan)})",
                    f"  berkas lama tidak lolos pemeriksaan bentuk ({len(galat)} kesalahan, mis. baris {galat[0].line if galat else '?'}: "
                    f"{aman(galat[0].message if galat else '', 100)}); usulan adalah draf baru tanpa penggabungan",
                    f"  langkah: perbaiki berkas lama atau bandingkan manual: diff -u {lama} {usulan}"]
        return d, laporan_gagal
    org = unit.org
    peta, ganti = _cocokkan_posisi(d, org)
    lama_pos = {p.id: p for p in org.struktur}
    # jabatan baru mendapat id yang tidak bertabrakan dengan id mana pun di berkas lama
    terpakai = set(peta.values()) | set(lama_pos)
    for p in d.struktur:
        if p.id not in peta:
            peta[p.id] = unik(p.id, terpakai)
    for p in d.struktur:
        p.id = peta[p.id]
        if p.atasan is not None:
            p.atasan = peta.get(p.atasan, p.atasan)
    for k in d.kelompok:
        k.tempat = peta.get(k.tempat or "", k.tempat)
        k.penilai = peta.get(k.penilai or "", k.penilai)
        k.pimpinan_unit = peta.get(k.pimpinan_unit or "", k.pimpinan_unit)
    ids_baru = {p.id for p in d.struktur}
    kelompok, dipertahankan, catatan_k = _gabung_kelompok(d, org, ids_baru, _Komentar(unit.dok))
    # metadata dan tim kerja dari berkas lama
    nama_lembar = d.nama
    d.id, d.nama, d.singkatan, d.jenis, d.induk = org.id, org.nama, org.singkatan, org.jenis, org.induk
    d.dasar_hukum, d.aplikasi_spbe = list(org.dasar_hukum), list(org.aplikasi_spbe)
    d.pengecualian_level = org.pengecualian_level.model_dump() if org.pengecualian_level else None
    kom = _Komentar(unit.dok)
    for kol in ("id", "nama", "jenis", "induk", "dasar_hukum", "aplikasi_spbe", "pengecualian_level"):
        d.todo.pop(kol, None)
        d.catatan.pop(kol, None)
        lama_kom = kom.ujung((kol,)) if kol in unit.dok.data else []
        if lama_kom:
            d.catatan[kol] = lama_kom
    lama_id = {p.id: i for i, p in enumerate(org.struktur)}
    for p in d.struktur:
        if p.id in lama_id and not p.todo:
            p.catatan = p.catatan + [c for c in kom.ujung(("struktur", lama_id[p.id])) if c not in p.catatan]
    d.tim_kerja = [t.model_dump(exclude_none=True) for t in org.tim_kerja]
    for t in d.tim_kerja:
        t["ketua"] = {k: v for k, v in t["ketua"].items() if v is not None}
        t["anggota"] = [{k: v for k, v in a.items() if v is not None} for a in t.get("anggota", [])]
    d.kelompok = kelompok
    komentar_lama = []
    for b in (unit.dok.teks or "").splitlines():
        if not b.startswith("#"):
            break
        if "yaml-language-server" not in b and not b[1:].strip().startswith(_KEPALA_IMPOR):
            komentar_lama.append(b[1:].strip())
    d.kepala = [d.kepala[0].replace("Draf dari", "Usulan dari").rstrip(".") + f", digabung dengan {path_lama.name}:",
                "keputusan di berkas lama (id, PPK, Pimpinan Unit, nama kelompok, tim kerja, dasar hukum) dipertahankan;",
                "struktur dan anggota (jumlah = bezetting) dari lembar.", d.kepala[1], d.kepala[2], *komentar_lama]
    rusak_tim = _acuan_tim_hilang(d)

    def laporan(lama: str, usulan: str) -> list[str]:
        out = [f"Laporan perubahan: {aman(lama)} ← peta jabatan (usulan: {aman(usulan)}; berkas lama tidak diubah)"]
        s = _beda_struktur(org, d, ganti)
        a = _beda_anggota(org, d)
        out += s or ["  struktur: tidak berubah"]
        out += a or ["  anggota kelompok: tidak berubah"]
        out += [f"  {aman(c, 300)}" for c in catatan_k]
        if normal(nama_lembar) != normal(org.nama):
            out.append(f"  nama unit di lembar '{aman(nama_lembar, 80)}' berbeda dengan berkas ('{aman(org.nama, 80)}'): tidak diubah")
        out += [f"  {aman(r, 300)}" for r in rusak_tim]
        out.append(f"  dipertahankan dari berkas lama: id, nama, jenis, induk, dasar_hukum, aplikasi_spbe, "
                   f"tim_kerja ({len(org.tim_kerja)}), PPK/Pimpinan Unit/nama {dipertahankan} kelompok")
        out.append(f"  langkah: tinjau `diff -u {aman(lama)} {aman(usulan)}`, salin yang disetujui ke berkas lama "
                   "(atau ganti berkas lama dengan usulan), lalu hapus usulan")
        return out
    return d, laporan


def _gabung_kelompok(d: Draf, org: OrgFile, ids_baru: set[str], kom: "_Komentar") -> tuple[list[KelompokDraf], int, list[str]]:
    lama = list(org.kelompok)
    indeks_lama = {x.id: i for i, x in enumerate(lama)}
    hasil: dict[str, KelompokDraf] = {}
    baru: list[KelompokDraf] = []
    catatan: list[str] = []
    for k in d.kelompok:
        if k.id_tetap:
            calon = [x for x in lama if x.id == k.id]
        else:
            calon = [x for x in lama if x.pimpinan_unit == k.tempat] or [x for x in lama if x.penilai == k.tempat]
        if not calon:
            baru.append(k)
            continue
        for a in k.anggota:
            tujuan = next((x for x in calon if any(normal(y.jabatan) == normal(a.jabatan) for y in x.anggota)), None)
            if tujuan is None:
                tujuan = calon[0]
                if len(calon) > 1:
                    a.todo.append(f"jabatan baru di bawah '{k.tempat}': tentukan kelompoknya ("
                                  + ", ".join(x.id for x in calon) + ")")
            kd = hasil.get(tujuan.id)
            if kd is None:
                kd = KelompokDraf(id=tujuan.id, nama=tujuan.nama, penilai=tujuan.penilai, pimpinan_unit=tujuan.pimpinan_unit,
                                  pendelegasian=tujuan.pendelegasian, tempat=k.tempat, id_tetap=True)
                i = indeks_lama[tujuan.id]
                kd.di_atas = kom.di_atas(("kelompok", i))
                for kol in ("id", "nama", "penilai", "pimpinan_unit", "pendelegasian"):
                    c = kom.ujung(("kelompok", i, kol)) if getattr(tujuan, kol) is not None else []
                    if c:
                        kd.catatan[kol] = c
                for peran in ("penilai", "pimpinan_unit"):
                    if getattr(kd, peran) not in ids_baru:
                        kd.todo.setdefault("penilai", []).append(
                            f"{peran} lama '{getattr(kd, peran)}' tidak ada lagi di struktur; diusulkan '{k.tempat}'")
                        setattr(kd, peran, k.tempat)
                hasil[tujuan.id] = kd
            kd.anggota.append(a)
        for x in calon:
            if x.id in hasil:
                hasil[x.id].lowong += k.lowong
                break
    # urutan anggota: urutan di berkas lama, jabatan baru di akhir
    for x in lama:
        kd = hasil.get(x.id)
        if kd is None:
            continue
        urut = {normal(y.jabatan): i for i, y in enumerate(x.anggota)}
        kd.anggota.sort(key=lambda a: urut.get(normal(a.jabatan), len(urut)))
    keluaran = [hasil[x.id] for x in lama if x.id in hasil]
    terpakai = {k.id for k in keluaran}
    for k in baru:
        if not k.id_tetap:
            k.id = unik(k.id, terpakai | {x.id for x in lama})
        keluaran.append(k)
        terpakai.add(k.id)
    for x in lama:
        if x.id not in hasil:
            catatan.append(f"kelompok {x.id} tidak punya anggota di lembar: tidak ada di usulan")
    for k in baru:
        catatan.append(f"kelompok baru {k.id} (di bawah {k.tempat}): PPK/Pimpinan Unit bertanda TODO")
    return keluaran, len(hasil), catatan


def _beda_struktur(org: OrgFile, d: Draf, ganti: list[tuple[str, str]]) -> list[str]:
    lama = {p.id: p for p in org.struktur}
    baru = {p.id: p for p in d.struktur}
    out: list[str] = []
    for p in d.struktur:
        if p.id not in lama:
            out.append(f"    + {aman(p.jabatan, 80)} ({p.jenis}, atasan: {p.atasan or '-'}) → id {p.id}")
    for p in org.struktur:
        if p.id not in baru:
            out.append(f"    - {aman(p.jabatan, 80)} ({p.id})")
    for p in d.struktur:
        q = lama.get(p.id)
        if q is None:
            continue
        ubah = []
        if normal(q.jabatan) != normal(p.jabatan) or q.jabatan != p.jabatan:
            ubah.append(f"nama '{aman(q.jabatan, 60)}' → '{aman(p.jabatan, 60)}'")
        if q.jenis != p.jenis:
            ubah.append(f"jenis {q.jenis} → {p.jenis}")
        if q.atasan != p.atasan:
            ubah.append(f"atasan {q.atasan or '-'} → {p.atasan or '-'}")
        if ubah:
            out.append(f"    ~ {p.id}: " + "; ".join(ubah))
    if not out:
        return []
    n_tambah = sum(1 for x in out if x.startswith("    +"))
    n_hapus = sum(1 for x in out if x.startswith("    -"))
    n_nama = sum(1 for x in out if x.startswith("    ~") and "nama '" in x)
    n_ubah = sum(1 for x in out if x.startswith("    ~"))
    return [f"  struktur: {n_tambah} ditambah, {n_hapus} dihapus, {n_nama} berganti nama, {n_ubah - n_nama} berubah jenis/atasan"] + out


def _beda_anggota(org: OrgFile, d: Draf) -> list[str]:
    lama = {k.id: k for k in org.kelompok}
    out: list[str] = []
    for k in d.kelompok:
        x = lama.get(k.id)
        a_lama = {normal(a.jabatan): a for a in x.anggota} if x else {}
        a_baru = {normal(a.jabatan): a for a in k.anggota}
        tambah = [a for n, a in a_baru.items() if n not in a_lama]
        hapus = [a for n, a in a_lama.items() if n not in a_baru]
        for b in list(tambah):
            cocok = next((h for h in hapus if h.jenis == b.jenis and _jenjang(h.jabatan) == _jenjang(b.jabatan)
                          and _mirip(h.jabatan, b.jabatan) >= 0.75), None)
            if cocok is not None:
                out.append(f"    ~ {k.id}: berganti nama? '{aman(cocok.jabatan, 60)}' → '{aman(b.jabatan, 60)}'"
                           + (f", jumlah {cocok.jumlah} → {b.jumlah}" if cocok.jumlah != b.jumlah else ""))
                tambah.remove(b)
                hapus.remove(cocok)
        out += [f"    + {k.id}: {aman(a.jabatan, 60)} ({a.jenis}) {a.jumlah}" for a in tambah]
        out += [f"    - {k.id}: {aman(a.jabatan, 60)} ({a.jenis}) {a.jumlah}" for a in hapus]
        for n, a in a_baru.items():
            if n in a_lama and a_lama[n].jumlah != a.jumlah:
                out.append(f"    ~ {k.id}: jumlah {aman(a.jabatan, 60)} {a_lama[n].jumlah} → {a.jumlah}")
    ada = {k.id for k in d.kelompok}
    for x in org.kelompok:
        if x.id not in ada:
            out += [f"    - {x.id}: {aman(a.jabatan, 60)} ({a.jenis}) {a.jumlah}" for a in x.anggota]
    if not out:
        return []
    return [f"  anggota kelompok: {sum(1 for o in out if o.startswith('    +'))} ditambah, "
            f"{sum(1 for o in out if o.startswith('    -'))} dihapus, "
            f"{sum(1 for o in out if 'berganti nama?' in o)} berganti nama, "
            f"{sum(1 for o in out if ': jumlah ' in o)} jumlah berubah"] + out


def _jenjang(jabatan: str) -> str:
    m = _JENJANG.search(normal(jabatan))
    return m.group() if m else ""


def _acuan_tim_hilang(d: Draf) -> list[str]:
    kel = {k.id: {normal(a.jabatan) for a in k.anggota} for k in d.kelompok}
    out = []
    for t in d.tim_kerja:
        for m in [t["ketua"], *t.get("anggota", [])]:
            kid = m.get("kelompok")
            if kid is None or "/" in kid:
                continue
            if kid not in kel:
                out.append(f"tim {t['id']}: kelompok '{kid}' tidak ada lagi di usulan (TK03/SK01 akan melaporkannya)")
            elif normal(m["jabatan"]) not in kel[kid]:
                out.append(f"tim {t['id']}: jabatan '{m['jabatan']}' tidak ada lagi di kelompok {kid} (TK03 akan melaporkannya)")
    return out
