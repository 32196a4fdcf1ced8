"""Membaca lembar kerja peta jabatan: ``.xlsx`` (python-calamine) atau ``.csv`` (pustaka standar).

Setiap kegagalan menjadi :class:`GagalImpor` dengan pesan berbahasa Indonesia yang menyebut
lembar, baris dan kolom bila diketahui — tidak pernah traceback. Berkas terenkripsi (berkata
sandi), format lama ``.xls``, OpenDocument dan zip rusak dikenali dari isinya, bukan dari
akhiran nama berkas.
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import os
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from xml.etree import ElementTree

from .teks import aman, huruf_kolom

#: batas ukuran berkas masukan dan isi xlsx setelah diekstrak (pelindung bom zip)
UKURAN_MAKS = 64 * 1024 * 1024
ISI_ZIP_MAKS = 512 * 1024 * 1024
#: nama berkas CFB (OLE) terenkripsi Office: "EncryptionInfo" dalam UTF-16LE
_TANDA_ENKRIPSI = "EncryptionInfo".encode("utf-16-le")
_TANDA_XLS = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))


class GagalImpor(Exception):
    """Berkas tidak dapat dibaca sebagai peta jabatan (exit 1) atau salah pemakaian (``kode=2``)."""

    def __init__(self, pesan: str, saran: str = "", lembar: str | None = None, baris: int | None = None,
                 kolom: int | None = None, nama_kolom: str | None = None, kode: int = 1):
        super().__init__(pesan)
        self.pesan, self.saran, self.lembar, self.baris, self.kolom = pesan, saran, lembar, baris, kolom
        self.nama_kolom, self.kode = nama_kolom, kode

    def teks(self, berkas: str) -> str:
        """``berkas [lembar "X"] baris N, kolom D (Nama): kesalahan: pesan (saran: …)``."""
        tempat = [aman(berkas)]
        if self.lembar is not None:
            tempat.append(f'[lembar "{aman(self.lembar, 60)}"]')
        posisi = []
        if self.baris is not None:
            posisi.append(f"baris {self.baris}")
        if self.kolom is not None:
            posisi.append(f"kolom {huruf_kolom(self.kolom)}" + (f" ({aman(self.nama_kolom, 40)})" if self.nama_kolom else ""))
        kepala = " ".join(tempat) + (" " + ", ".join(posisi) if posisi else "")
        saran = f" (saran: {self.saran})" if self.saran else ""
        return f"{kepala}: kesalahan: {self.pesan}{saran}"


@dataclass
class Lembar:
    """Satu lembar: sel 0-based ``sel[baris][kolom]`` (None = kosong) dan sel gabungan."""

    nama: str
    sel: list[list[object]]
    #: sel gabungan (baris0, kolom0, baris1, kolom1), inklusif, 0-based
    gabung: list[tuple[int, int, int, int]] = field(default_factory=list)
    jenis: str = "xlsx"
    #: indentasi format sel (Excel "Increase Indent"), dihitung bila diperlukan: {(baris, kolom): n}
    _indent: Callable[[], dict[tuple[int, int], int]] | None = None
    catatan: list[str] = field(default_factory=list)

    def indentasi(self) -> dict[tuple[int, int], int]:
        if self._indent is None:
            return {}
        try:
            return self._indent()
        except Exception:  # indentasi hanya petunjuk tambahan; berkas sudah terbaca
            return {}


def _nilai(v: object) -> object:
    """Sel mentah → None/str/int/float/date (bilangan bulat dari Excel menjadi int)."""
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        return "ya" if v else "tidak"
    if isinstance(v, float):
        return int(v) if v.is_integer() and abs(v) < 1e15 else v
    if isinstance(v, (int, str, _dt.date, _dt.datetime)):
        return v
    return str(v)


def _cek_berkas(path: Path) -> bytes:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise GagalImpor(f"berkas tidak ditemukan: {aman(path)}", "periksa nama dan folder berkas", kode=2) from None
    except OSError as e:
        raise GagalImpor(f"berkas tidak dapat dibuka: {e.strerror or e}", "periksa izin berkas", kode=2) from None
    if stat.S_ISDIR(st.st_mode):
        raise GagalImpor("ini sebuah folder, bukan berkas lembar kerja", "sebutkan berkas .xlsx atau .csv", kode=2)
    if not stat.S_ISREG(st.st_mode):
        raise GagalImpor("ini bukan berkas biasa", "sebutkan berkas .xlsx atau .csv", kode=2)
    if st.st_size > UKURAN_MAKS:
        raise GagalImpor(f"berkas lebih besar dari {UKURAN_MAKS // (1024 * 1024)} MB",
                         "peta jabatan satu Perangkat Daerah hanya beberapa ratus KB; pecah per unit")
    if st.st_size == 0:
        raise GagalImpor("berkas kosong", "ekspor ulang peta jabatan dari aplikasi sumbernya")
    with open(path, "rb") as fh:
        return fh.read(8)


def buka(path: Path, mesin: str = "calamine") -> "BukuKerja":
    """Buka berkas; jenisnya ditentukan dari isi (tanda awal berkas)."""
    awal = _cek_berkas(path)
    if awal.startswith(b"\xd0\xcf\x11\xe0"):
        isi = path.read_bytes()
        if _TANDA_ENKRIPSI in isi or "EncryptedPackage".encode("utf-16-le") in isi:
            raise GagalImpor("berkas Excel dilindungi kata sandi (terenkripsi)",
                             "buka di Excel, hapus kata sandi (File > Info > Protect Workbook), simpan, lalu impor lagi")
        if any(t in isi for t in _TANDA_XLS):
            raise GagalImpor("berkas berformat Excel lama (.xls, Excel 97–2003) tidak didukung",
                             "buka di Excel atau LibreOffice lalu simpan sebagai .xlsx (Excel Workbook) atau .csv")
        raise GagalImpor("berkas dokumen Office lama yang bukan lembar kerja", "simpan peta jabatan sebagai .xlsx atau .csv")
    if awal.startswith(b"PK"):
        return _BukuXlsx(path, mesin)
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
        raise GagalImpor(f"berkas berakhiran {aman(path.suffix)} tetapi isinya bukan buku kerja Excel (rusak atau berformat lain)",
                         "ekspor ulang dari aplikasi sumbernya sebagai .xlsx, atau simpan sebagai .csv")
    return _BukuCsv(path)


class BukuKerja:
    nama_lembar: list[str]

    def lembar(self, nama: str) -> Lembar:  # pragma: no cover - antarmuka
        raise NotImplementedError


class _BukuXlsx(BukuKerja):
    def __init__(self, path: Path, mesin: str):
        self.path, self.mesin = path, mesin
        try:
            with zipfile.ZipFile(path) as z:
                nama = set(z.namelist())
                if "xl/workbook.xml" not in nama:
                    if "content.xml" in nama:
                        raise GagalImpor("berkas OpenDocument (.ods) tidak didukung", "simpan sebagai .xlsx atau .csv")
                    raise GagalImpor("berkas zip ini bukan buku kerja Excel (.xlsx)", "simpan peta jabatan sebagai .xlsx atau .csv")
                if sum(i.file_size for i in z.infolist()) > ISI_ZIP_MAKS:
                    raise GagalImpor("isi berkas xlsx terlalu besar setelah diekstrak", "periksa berkasnya; peta jabatan normal hanya beberapa MB")
                if any(n.lower().startswith("xl/vbaproject") for n in nama):
                    pass  # makro tidak pernah dijalankan; hanya nilai sel yang dibaca
        except zipfile.BadZipFile:
            raise GagalImpor("berkas xlsx rusak (zip tidak utuh)",
                             "buka di Excel dan simpan ulang, atau ekspor ulang dari aplikasi sumbernya") from None
        except OSError as e:
            raise GagalImpor(f"berkas tidak dapat dibaca: {e}", "periksa berkasnya") from None
        if mesin == "openpyxl":
            self._buka_openpyxl()
        else:
            self._buka_calamine()

    # -- python-calamine (bawaan) ------------------------------------------------------------
    def _buka_calamine(self) -> None:
        import python_calamine as pc

        try:
            self._wb = pc.CalamineWorkbook.from_path(str(self.path))
            meta = self._wb.sheets_metadata
        except pc.PasswordError:
            raise GagalImpor("berkas Excel dilindungi kata sandi", "hapus kata sandi di Excel, simpan, lalu impor lagi") from None
        except Exception as e:  # CalamineError, ZipError, XmlError, …
            raise GagalImpor(f"berkas xlsx rusak atau tidak dapat dibaca ({aman(type(e).__name__)})",
                             "buka di Excel dan simpan ulang sebagai .xlsx") from None
        self.nama_lembar = [m.name for m in meta
                            if str(m.typ).endswith("WorkSheet") and str(m.visible).endswith("Visible")] \
            or [m.name for m in meta if str(m.typ).endswith("WorkSheet")]
        self.semua_lembar = list(self._wb.sheet_names)

    def _lembar_calamine(self, nama: str) -> Lembar:
        try:
            sh = self._wb.get_sheet_by_name(nama)
            baris = sh.to_python(skip_empty_area=False)
            gabung = [(a[0], a[1], b[0], b[1]) for a, b in (sh.merged_cell_ranges or [])]
        except Exception as e:
            raise GagalImpor(f"lembar tidak dapat dibaca ({aman(type(e).__name__)}: {aman(e, 80)})",
                             "buka di Excel dan simpan ulang sebagai .xlsx", lembar=nama) from None
        sel = [[_nilai(v) for v in r] for r in baris]
        return Lembar(nama, sel, gabung, "xlsx", _indent=lambda: _indentasi_xml(self.path, nama))

    # -- openpyxl (pembanding tolok ukur; juga membaca indentasi format sel) ------------------
    def _buka_openpyxl(self) -> None:
        import openpyxl

        try:
            self._wb = openpyxl.load_workbook(self.path, data_only=True)
        except Exception as e:
            raise GagalImpor(f"berkas xlsx rusak atau tidak dapat dibaca ({aman(type(e).__name__)})",
                             "buka di Excel dan simpan ulang sebagai .xlsx") from None
        self.semua_lembar = list(self._wb.sheetnames)
        self.nama_lembar = [ws.title for ws in self._wb.worksheets if ws.sheet_state == "visible"]

    def _lembar_openpyxl(self, nama: str) -> Lembar:
        ws = self._wb[nama]
        sel = [[_nilai(v) for v in r] for r in ws.iter_rows(values_only=True)]
        gabung = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in ws.merged_cells.ranges]

        def indent() -> dict[tuple[int, int], int]:
            return {(c.row - 1, c.column - 1): int(c.alignment.indent)
                    for r in ws.iter_rows() for c in r if c.value is not None and c.alignment and c.alignment.indent}
        return Lembar(nama, sel, gabung, "xlsx", _indent=indent)

    def lembar(self, nama: str) -> Lembar:
        return self._lembar_openpyxl(nama) if self.mesin == "openpyxl" else self._lembar_calamine(nama)


_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
       "pr": "http://schemas.openxmlformats.org/package/2006/relationships"}
_REF = re.compile(r"([A-Z]+)(\d+)")


def _indentasi_xml(path: Path, nama_lembar: str) -> dict[tuple[int, int], int]:
    """Indentasi format sel (``<alignment indent="n">``) langsung dari XML xlsx.

    python-calamine hanya membaca nilai; indentasi format dipakai sebagai petunjuk hierarki
    terakhir, bila tidak ada nomor berjenjang, sel bertingkat, maupun spasi di depan nama.
    """
    with zipfile.ZipFile(path) as z:
        wb = ElementTree.fromstring(z.read("xl/workbook.xml"))
        rid = next((s.get(f"{{{_NS['r']}}}id") for s in wb.iter(f"{{{_NS['m']}}}sheet") if s.get("name") == nama_lembar), None)
        rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = next((r.get("Target") for r in rels.iter(f"{{{_NS['pr']}}}Relationship") if r.get("Id") == rid), None)
        if target is None:
            return {}
        target = target.lstrip("/")
        target = target if target.startswith("xl/") else "xl/" + target
        indent_gaya: list[int] = []
        if "xl/styles.xml" in z.namelist():
            gaya = ElementTree.fromstring(z.read("xl/styles.xml"))
            xfs = gaya.find("m:cellXfs", _NS)
            for xf in (xfs if xfs is not None else []):
                al = xf.find("m:alignment", _NS)
                indent_gaya.append(int(al.get("indent", "0")) if al is not None else 0)
        if not any(indent_gaya):
            return {}
        hasil: dict[tuple[int, int], int] = {}
        with z.open(target) as fh:
            for _, el in ElementTree.iterparse(fh):
                if el.tag == f"{{{_NS['m']}}}c":
                    s = el.get("s")
                    if s is not None and s.isdigit() and int(s) < len(indent_gaya) and indent_gaya[int(s)]:
                        m = _REF.match(el.get("r", ""))
                        if m:
                            kol = 0
                            for ch in m.group(1):
                                kol = kol * 26 + ord(ch) - 64
                            hasil[(int(m.group(2)) - 1, kol - 1)] = indent_gaya[int(s)]
                    el.clear()
        return hasil


class _BukuCsv(BukuKerja):
    def __init__(self, path: Path):
        self.path = path
        raw = path.read_bytes()
        self.catatan: list[str] = []
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            try:
                teks = raw.decode("utf-16")
            except UnicodeDecodeError:
                raise GagalImpor("berkas CSV UTF-16 rusak", "simpan sebagai CSV UTF-8") from None
        else:
            try:
                teks = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                teks = raw.decode("cp1252", errors="replace")
                self.catatan.append("berkas CSV bukan UTF-8; dibaca sebagai Windows-1252 (periksa huruf beraksen)")
        if "\x00" in teks:
            raise GagalImpor("berkas berisi byte NUL: bukan CSV teks", "simpan sebagai CSV UTF-8 atau .xlsx")
        self.teks = teks
        self.pemisah = _tebak_pemisah(teks)
        self.nama_lembar = [path.stem]
        self.semua_lembar = self.nama_lembar

    def lembar(self, nama: str) -> Lembar:
        try:
            baris = list(csv.reader(io.StringIO(self.teks, newline=""), delimiter=self.pemisah, strict=True))
        except csv.Error as e:
            raise GagalImpor(f"CSV tidak sah: {aman(e, 80)}", "periksa tanda kutip yang tidak ditutup", lembar=nama) from None
        sel = [[_nilai(v) for v in r] for r in baris]
        lb = Lembar(nama, sel, [], "csv")
        lb.catatan.extend(self.catatan)
        return lb


def _tebak_pemisah(teks: str) -> str:
    """Koma atau titik koma: yang memberi jumlah kolom paling konsisten di 50 baris pertama."""
    contoh = [b for b in teks.splitlines()[:50] if b.strip()]
    terbaik, skor_terbaik = ",", -1
    for p in (";", ","):
        try:
            jumlah = [len(r) for r in csv.reader(contoh, delimiter=p)]
        except csv.Error:
            continue
        if not jumlah:
            continue
        modus = max(set(jumlah), key=jumlah.count)
        skor = jumlah.count(modus) * (modus - 1)
        if skor > skor_terbaik:
            terbaik, skor_terbaik = p, skor
    return terbaik
