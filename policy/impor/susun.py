"""Dari baris lembar ke draf berkas org: hierarki, jenis, unit, struktur dan kelompok.

- ``struktur``: baris struktural; ``atasan`` = baris struktural induknya menurut nomor berjenjang
  (``1.2.10``), sel bertingkat di bawah judul gabungan, spasi di depan nama, atau indentasi format.
- ``kelompok``: baris JF/pelaksana dikelompokkan per jabatan struktural di atasnya (tempat
  kedudukannya di peta jabatan, Lampiran B.1 huruf a); ``jumlah`` = bezetting, kebutuhan
  menjadi komentar.
- Yang tidak dapat dikatakan lembar (PPK vs Pimpinan Unit, nama kelompok, jenis tebakan)
  diisi usulan bawaan dan ditandai ``# TODO:``.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from ..rules.pribadi import GELAR_BELAKANG, GELAR_DEPAN, NIK, NIP
from . import jabatan as J
from .baca import GagalImpor, Lembar
from .kepala import PERAN, Kepala
from .teks import Angka, BukanAngka, angka, bersih, huruf_kolom, normal

_NOMOR = re.compile(r"^\d+(\.\d+)*\.?$")
_NOMOR_DI_NAMA = re.compile(r"^\s*(\d+(?:\.\d+)+\.?|\d+\.)\s+(?=\S)")
_SUBTOTAL = re.compile(r"^(sub ?total|jumlah|total|grand total|jml)\b")
_PELURU = re.compile(r"^[\s\-–—•·*>]+")
#: kolom yang nilainya diisi ke bawah bila selnya bergabung vertikal
_ISI_KE_BAWAH = {"jenis", "eselon", "kelas", "unit", "id_unit", "jenis_unit", "induk", "kelompok", "nama_kelompok",
                 "penilai", "pimpinan", "pendelegasian", "mandiri", "dasar"}
_YA = {"ya", "y", "yes", "true", "1", "v", "x", "benar"}


@dataclass
class BarisData:
    r: int                       # 0-based
    nama: str
    kolom_nama: int
    nomor: str | None = None
    tingkat_rentang: int = 0     # posisi nama di rentang kolom jabatan
    spasi: int = 0               # spasi di depan nama
    nilai: dict[str, object] = field(default_factory=dict)
    jenis: str = ""
    jenis_tebakan: str = ""      # alasan bila jenis ditebak
    struktural: bool = False
    induk: "BarisData | None" = None
    anak: list["BarisData"] = field(default_factory=list)
    unit: str = ""
    mandiri: bool = False
    atasan_tebakan: bool = False

    @property
    def baris(self) -> int:
        return self.r + 1


@dataclass
class Laporan:
    """Apa yang dilakukan impor, untuk dicetak ke stderr."""

    lembar: str = ""
    kepala: Kepala | None = None
    hierarki: str = ""
    peringatan: list[str] = field(default_factory=list)
    dilewati: dict[str, list[int]] = field(default_factory=dict)

    def lewati(self, alasan: str, baris: int) -> None:
        self.dilewati.setdefault(alasan, []).append(baris)


class Penyusun:
    """Satu lembar → daftar :class:`Draf` (satu per unit)."""

    def __init__(self, lembar: Lembar, kepala: Kepala, laporan: Laporan):
        self.lb, self.kp, self.lap = lembar, kepala, laporan
        self._isi: dict[tuple[int, int], object] = {}
        for r0, c0, r1, c1 in lembar.gabung:
            if r1 > r0:
                v = self._mentah(r0, c0)
                for r in range(r0 + 1, r1 + 1):
                    self._isi[(r, c0)] = v

    # -- sel --------------------------------------------------------------------------------
    def _mentah(self, r: int, c: int) -> object:
        baris = self.lb.sel[r] if r < len(self.lb.sel) else []
        return baris[c] if c < len(baris) else None

    def sel(self, r: int, peran: str) -> object:
        c = self.kp.satu(peran)
        if c is None:
            return None
        v = self._mentah(r, c)
        if v is None and peran in _ISI_KE_BAWAH:
            v = self._isi.get((r, c))
        return v

    def gagal(self, pesan: str, saran: str, r: int, peran: str | None = None, kolom: int | None = None) -> GagalImpor:
        c = kolom if kolom is not None else (self.kp.satu(peran) if peran else None)
        return GagalImpor(pesan, saran, lembar=self.lb.nama if self.lb.jenis == "xlsx" else None, baris=r + 1, kolom=c,
                          nama_kolom=self.kp.judul.get(c) if c is not None else None)

    # -- 1. baris data ----------------------------------------------------------------------
    def baca_baris(self) -> list[BarisData]:
        kol_nama = self.kp.kolom["jabatan"]
        hasil: list[BarisData] = []
        for r in range(self.kp.baris_data, len(self.lb.sel)):
            nama_mentah, posisi = None, 0
            for i, c in enumerate(kol_nama):
                v = self._mentah(r, c)
                if v is not None and str(v).strip():
                    nama_mentah, posisi = v, i
                    break
            isi_lain = [v for c, v in enumerate(self.lb.sel[r]) if v is not None and c not in kol_nama and str(v).strip()]
            if nama_mentah is None:
                if isi_lain:
                    nomor = self.sel(r, "nomor")
                    alasan = "subtotal" if nomor is not None and _SUBTOTAL.match(normal(nomor)) else "tanpa nama jabatan"
                    self.lap.lewati(alasan, r + 1)
                continue
            teks_mentah = str(nama_mentah)
            polos = teks_mentah.lstrip(" \u00a0\u3000\t")
            spasi = len(teks_mentah) - len(polos) + teks_mentah[: len(teks_mentah) - len(polos)].count("\t") * 3
            nama = bersih(_PELURU.sub("", polos))
            n = normal(nama)
            nomor_sel = self.sel(r, "nomor")
            if _SUBTOTAL.match(n) or (isinstance(nomor_sel, str) and _SUBTOTAL.match(normal(nomor_sel))):
                self.lap.lewati("subtotal", r + 1)
                continue
            nomor = None
            if nomor_sel is not None:
                nomor = self._nomor(nomor_sel, r)
            elif self.kp.satu("nomor") is None:
                m = _NOMOR_DI_NAMA.match(nama)
                if m:
                    nomor, nama = m.group(1).rstrip("."), nama[m.end():]
            nama = self._tanpa_data_pribadi(nama, r, kol_nama[posisi])
            if not nama:
                self.lap.lewati("tanpa nama jabatan", r + 1)
                continue
            b = BarisData(r, nama, kol_nama[posisi], nomor, posisi, spasi)
            for peran in self.kp.kolom:
                if peran not in ("jabatan", "nomor"):
                    v = self.sel(r, peran)
                    if v is not None and str(v).strip() != "":
                        b.nilai[peran] = v
            if self._judul_bagian(b, nomor_sel):
                self.lap.lewati("judul bagian", r + 1)
                continue
            hasil.append(b)
        if not hasil:
            raise GagalImpor("tidak ada baris jabatan di bawah judul kolom",
                             "periksa apakah data berada di lembar ini (pilih lembar lain dengan --sheet)",
                             lembar=self.lb.nama if self.lb.jenis == "xlsx" else None, baris=self.kp.baris_data + 1)
        return hasil

    def _nomor(self, v: object, r: int) -> str | None:
        if isinstance(v, (_dt.date, _dt.datetime)):
            raise self.gagal(f"nomor terbaca sebagai tanggal ({v:%d-%m-%Y}); Excel mengubah '1.2' menjadi tanggal",
                             "format kolom nomor sebagai Teks lalu ketik ulang nomornya (mis. 1.2.10)", r, "nomor")
        if isinstance(v, float):
            if not any("desimal" in p for p in self.lap.peringatan):
                self.lap.peringatan.append(
                    f"kolom {huruf_kolom(self.kp.satu('nomor'))}: nomor berjenjang tersimpan sebagai angka desimal "
                    "(mis. 1.10 terbaca 1.1); simpan kolom nomor sebagai Teks agar hierarki pasti benar")
            return repr(v)
        t = bersih(str(v)).rstrip(".")
        return t or None

    def _tanpa_data_pribadi(self, nama: str, r: int, c: int) -> str:
        """Nama jabatan tidak boleh membawa NIP atau nama orang: bagian itu dibuang (dengan peringatan)."""
        baru = nama
        if NIP.search(baru) or NIK.search(baru):
            baru = bersih(NIK.sub("", NIP.sub("", baru)).strip(" -/,;()"))
        baru = bersih(re.sub(r"\s*[\(\[][^)\]]*[\)\]]",
                             lambda m: "" if GELAR_BELAKANG.search(m.group()) or GELAR_DEPAN.search(m.group()) else m.group(), baru))
        if baru != nama:
            self.lap.peringatan.append(f"baris {r + 1}, kolom {huruf_kolom(c)}: nomor identitas/nama orang dibuang dari nama jabatan")
        return baru

    def _judul_bagian(self, b: BarisData, nomor_sel: object) -> bool:
        """"A. JABATAN STRUKTURAL", "JABATAN FUNGSIONAL": judul bagian, bukan jabatan."""
        if re.match(r"^([A-Z]|[IVX]+)[.)]\s", b.nama) or re.fullmatch(
                r"(?i)(jabatan\s+)?(struktural|fungsional|pelaksana)(\s+(umum|tertentu))?|jabatan\s+(struktural|fungsional|pelaksana)\b.*",
                b.nama):
            return True
        data = set(b.nilai) - {"unit", "id_unit", "jenis_unit", "induk"}
        if "jenis" in data and J.jenis_dari_nilai(str(b.nilai["jenis"])) is not None:
            return False
        if data - {"jenis"}:
            return False
        if isinstance(nomor_sel, str) and re.fullmatch(r"[A-Za-z]|[IVXivx]+", bersih(nomor_sel).rstrip(".)")):
            return True
        huruf = [ch for ch in b.nama if ch.isalpha()]
        return bool(huruf) and all(ch.isupper() for ch in huruf) and "jenis" in self.kp.kolom

    # -- 2. jenis ---------------------------------------------------------------------------
    def tentukan_jenis(self, semua: list[BarisData]) -> None:
        for b in semua:
            jenis = None
            if "jenis" in b.nilai:
                jenis = J.jenis_dari_nilai(str(b.nilai["jenis"]))
                if jenis is None:
                    raise self.gagal(f"jenis jabatan '{bersih(str(b.nilai['jenis']))[:40]}' tidak dikenal",
                                     "isi salah satu: JPT Pratama, Administrator, Pengawas, Fungsional, Pelaksana "
                                     "(atau Struktural/JFT/JFU)", b.r, "jenis")
            if jenis in (None, "struktural") and "eselon" in b.nilai:
                e = J.jenis_dari_eselon(str(b.nilai["eselon"]))
                if e is None:
                    raise self.gagal(f"eselon '{bersih(str(b.nilai['eselon']))[:20]}' tidak dikenal",
                                     "tulis II.a, II.b, III.a, III.b, IV.a, IV.b, atau kosongkan untuk non-eselon", b.r, "eselon")
                if e:
                    jenis = e
            if jenis == "struktural":
                b.jenis = J.tebak_tingkat_struktural(b.nama, self._level(b))
                b.jenis_tebakan = f"'struktural' tanpa tingkat: {J.LABEL_JENIS[b.jenis]} ditebak dari nama/kedalaman"
            elif jenis is None:
                b.jenis, _ = J.tebak_jenis(b.nama)
                b.jenis_tebakan = f"jenis {J.LABEL_JENIS[b.jenis]} ditebak dari nama jabatan"
            else:
                b.jenis = jenis
            b.struktural = b.jenis in J.STRUKTURAL
            m = b.nilai.get("mandiri")
            b.mandiri = m is not None and normal(m) in _YA

    @staticmethod
    def _level(b: BarisData) -> int:
        n, x = 1, b.induk
        while x is not None:
            n, x = n + 1, x.induk
        return n

    # -- 3. hierarki ------------------------------------------------------------------------
    def hierarki(self, semua: list[BarisData]) -> None:
        bernomor = [b for b in semua if b.nomor is not None]
        berjenjang = [b for b in bernomor if "." in b.nomor and _NOMOR.match(b.nomor)]
        if berjenjang:
            self._dari_nomor(semua)
            self.lap.hierarki = ("nomor berjenjang di kolom " + huruf_kolom(self.kp.satu("nomor"))
                                 if self.kp.satu("nomor") is not None else "nomor berjenjang di depan nama jabatan")
        elif len({b.tingkat_rentang for b in semua}) > 1:
            self._dari_tingkat(semua, [b.tingkat_rentang for b in semua], "rentang")
            k = self.kp.kolom["jabatan"]
            self.lap.hierarki = f"letak nama jabatan di kolom {huruf_kolom(k[0])}–{huruf_kolom(k[-1])} (judul bergabung)"
        elif self._spasi_bermakna(semua):
            self._dari_tingkat(semua, [b.spasi for b in semua], "spasi")
            self.lap.hierarki = "spasi di depan nama jabatan (indentasi)"
        else:
            ind = self.lb.indentasi()
            tingkat = [ind.get((b.r, b.kolom_nama), 0) for b in semua]
            if len(set(tingkat)) > 1:
                self._dari_tingkat(semua, tingkat, "indentasi")
                self.lap.hierarki = "indentasi format sel nama jabatan"
            else:
                self.lap.hierarki = "tidak ada (daftar datar): atasan ditebak dari urutan dan jenis jabatan"
                return  # setelah jenis diketahui: _datar()
        for b in semua:
            if b.induk is not None:
                b.induk.anak.append(b)

    @staticmethod
    def _spasi_bermakna(semua: list[BarisData]) -> bool:
        """Spasi di depan nama dianggap indentasi hanya bila dipakai dengan sengaja: baris pertama
        paling kiri dan paling sedikit 10 % baris (minimal 2) menjorok — bukan satu spasi tak sengaja."""
        terkecil = min(b.spasi for b in semua)
        menjorok = sum(1 for b in semua if b.spasi > terkecil)
        return semua[0].spasi == terkecil and menjorok >= max(2, len(semua) // 10)

    def _dari_nomor(self, semua: list[BarisData]) -> None:
        peta: dict[tuple[int, ...], BarisData] = {}
        for b in semua:
            if b.nomor is None:
                continue
            if not _NOMOR.match(b.nomor):
                raise self.gagal(f"nomor '{b.nomor[:20]}' bukan nomor berjenjang",
                                 "tulis nomor seperti 1, 1.2 atau 1.2.10 (angka dipisah titik)", b.r, "nomor")
            kunci = tuple(int(x) for x in b.nomor.rstrip(".").split("."))
            if kunci in peta:
                raise self.gagal(f"nomor {b.nomor} dipakai dua kali (juga di baris {peta[kunci].baris})",
                                 "beri setiap jabatan nomor yang unik", b.r, "nomor")
            peta[kunci] = b
        sebelum: BarisData | None = None
        for b in semua:
            if b.nomor is None:
                # tanpa nomor: anak baris bernomor sebelumnya (bila struktural) atau saudaranya
                if sebelum is None:
                    raise self.gagal("baris pertama tidak bernomor, padahal kolom nomor berjenjang dipakai",
                                     "beri nomor (mis. 1) pada jabatan tertinggi", b.r, "nomor")
                b.induk = sebelum if sebelum.induk is None or self._tampak_struktural(sebelum) else sebelum.induk
                continue
            kunci = tuple(int(x) for x in b.nomor.rstrip(".").split("."))
            if len(kunci) > 1:
                induk = peta.get(kunci[:-1])
                if induk is None:
                    hilang = ".".join(map(str, kunci[:-1]))
                    raise self.gagal(f"nomor {b.nomor} melompati tingkat: tidak ada baris bernomor {hilang}",
                                     f"tambahkan jabatan bernomor {hilang} atau perbaiki nomornya", b.r, "nomor")
                b.induk = induk
            sebelum = b

    @staticmethod
    def _tampak_struktural(b: BarisData) -> bool:
        if "jenis" in b.nilai:
            j = J.jenis_dari_nilai(str(b.nilai["jenis"]))
            return j in J.STRUKTURAL or j == "struktural"
        return J.tebak_jenis(b.nama)[1]

    def _dari_tingkat(self, semua: list[BarisData], tingkat: list[int], cara: str) -> None:
        tumpuk: list[tuple[int, BarisData]] = []
        lebar_dikenal = sorted(set(tingkat))
        for b, t in zip(semua, tingkat):
            while tumpuk and tumpuk[-1][0] >= t:
                tumpuk.pop()
            if cara == "rentang" and t > (tumpuk[-1][0] + 1 if tumpuk else 0):
                raise self.gagal(f"nama jabatan melompati tingkat (kolom {huruf_kolom(b.kolom_nama)}, "
                                 f"padahal induknya di kolom {huruf_kolom(self.kp.kolom['jabatan'][tumpuk[-1][0]] if tumpuk else self.kp.kolom['jabatan'][0])})",
                                 "geser nama jabatan satu kolom ke kiri", b.r, kolom=b.kolom_nama)
            if not tumpuk and t != lebar_dikenal[0] and semua[0] is not b:
                raise self.gagal("jabatan ini lebih menjorok daripada jabatan tertinggi tetapi tidak berada di bawahnya",
                                 "samakan indentasi dengan jabatan setingkat", b.r, kolom=b.kolom_nama)
            b.induk = tumpuk[-1][1] if tumpuk else None
            tumpuk.append((t, b))

    def _datar(self, semua: list[BarisData]) -> None:
        """Daftar tanpa hierarki: JF/pelaksana di bawah jabatan struktural terakhir di atasnya;
        struktural di bawah jabatan struktural terakhir yang lebih tinggi jenisnya."""
        urutan = {j: i for i, j in enumerate(J.STRUKTURAL)}
        terakhir: list[BarisData] = []
        for b in semua:
            if b.struktural:
                while terakhir and urutan[terakhir[-1].jenis] >= urutan[b.jenis]:
                    terakhir.pop()
                b.induk = terakhir[-1] if terakhir else None
                terakhir.append(b)
                b.atasan_tebakan = b.induk is not None
            else:
                b.induk = terakhir[-1] if terakhir else None
        for b in semua:
            if b.induk is not None:
                b.induk.anak.append(b)

    # -- 4. keabsahan hierarki --------------------------------------------------------------
    def periksa_induk(self, semua: list[BarisData]) -> None:
        for b in semua:
            p = b.induk
            if p is None:
                if b.jenis == "fungsional" and (b.mandiri or (b.anak and J.memimpin_unit(b.nama))):
                    b.mandiri = True
                elif not b.struktural:
                    raise self.gagal(f"'{b.nama[:60]}' ({J.LABEL_JENIS[b.jenis]}) tidak berada di bawah jabatan struktural mana pun",
                                     "letakkan jabatan fungsional/pelaksana di bawah jabatan struktural (nomor atau indentasi)",
                                     b.r, "nomor" if self.kp.satu("nomor") is not None else None, kolom=None if self.kp.satu("nomor") is not None else b.kolom_nama)
                continue
            if not p.struktural:
                if p.jenis == "fungsional" and (p.mandiri or J.memimpin_unit(p.nama)):
                    p.mandiri = True
                    continue
                raise self.gagal(f"'{b.nama[:60]}' berada di bawah '{p.nama[:60]}' (baris {p.baris}), yang bukan jabatan struktural "
                                 f"({J.LABEL_JENIS[p.jenis]})",
                                 "jabatan hanya boleh berada di bawah jabatan struktural atau JF pemimpin unit kerja mandiri; "
                                 "perbaiki nomor/indentasi atau jenis jabatan induknya",
                                 b.r, "nomor" if self.kp.satu("nomor") is not None else None,
                                 kolom=None if self.kp.satu("nomor") is not None else b.kolom_nama)
            if b.struktural and p.jenis in ("fungsional", "pelaksana") and not p.mandiri:
                raise self.gagal("jabatan struktural di bawah jabatan non-struktural", "perbaiki hierarki", b.r, "nomor")

    # -- 5. angka ---------------------------------------------------------------------------
    def angka_sel(self, b: BarisData, peran: str) -> Angka | None:
        try:
            a = angka(b.nilai.get(peran))
        except BukanAngka as e:
            raise self.gagal(f"{PERAN[peran].split(' ')[0]} '{str(e)[:20]}' bukan angka",
                             "isi dengan bilangan bulat (mis. 3), '-' atau kosong untuk nol", b.r, peran) from None
        if a is not None and a.nilai < 0:
            raise self.gagal(f"{PERAN[peran].split(' ')[0]} {a.teks} negatif", "isi dengan bilangan ≥ 0", b.r, peran)
        return a


def pecah_unit(semua: list[BarisData]) -> dict[str, list[BarisData]]:
    """Kelompokkan baris per unit (berkas org): kolom id unit, kolom unit kerja bernama Perangkat
    Daerah/UPTD, atau satu unit per jabatan tertinggi. JF/pelaksana selalu ikut unit tempatnya."""
    def level(b: BarisData) -> int:
        n, x = 0, b.induk
        while x is not None:
            n, x = n + 1, x.induk
        return n

    for b in sorted(semua, key=lambda b: (level(b), b.r)):  # induk lebih dulu dari anaknya
        kunci = None
        if not b.struktural and not b.mandiri and b.induk is not None:
            kunci = b.induk.unit
        elif "id_unit" in b.nilai:
            kunci = "id:" + bersih(str(b.nilai["id_unit"]))
        elif "unit" in b.nilai and J.nama_unit_sah(str(b.nilai["unit"])):
            kunci = "nama:" + normal(b.nilai["unit"])
        b.unit = kunci or (b.induk.unit if b.induk is not None else f"akar:{b.r}")
    unit: dict[str, list[BarisData]] = {}
    for b in semua:
        unit.setdefault(b.unit, []).append(b)
    return unit
