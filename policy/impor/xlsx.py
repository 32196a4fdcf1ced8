"""Penulis xlsx minimal dengan pustaka standar (zip + XML), untuk ``policy ekspor``.

Cukup untuk satu lembar peta jabatan: teks (inline string), bilangan bulat, judul tebal, sel
gabungan, lebar kolom, baris judul dibekukan. Keluaran deterministik (cap waktu zip tetap),
sehingga ekspor yang sama menghasilkan berkas yang sama byte demi byte.
"""
from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from .teks import huruf_kolom

_WAKTU = (1980, 1, 1, 0, 0, 0)
_TIPE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
_WB_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"""
#: gaya: 0 biasa, 1 tebal (judul), 2 teks dengan indentasi tidak dipakai, 3 format Teks (@) untuk kolom nomor
_GAYA = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"><alignment wrapText="1" vertical="center"/></xf><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"""

# XML 1.0 tidak mengizinkan sebagian besar karakter kontrol, bahkan sebagai entitas
_TAK_SAH = dict.fromkeys([c for c in range(32) if c not in (9, 10, 13)] + [0xFFFE, 0xFFFF])


def _sel(ref: str, v: object, gaya: int) -> str:
    s = f' s="{gaya}"' if gaya else ""
    if v is None or v == "":
        return f'<c r="{ref}"{s}/>' if gaya else ""
    if isinstance(v, bool):
        v = "ya" if v else "tidak"
    if isinstance(v, int):
        return f'<c r="{ref}"{s}><v>{v}</v></c>'
    teks = escape(str(v).translate(_TAK_SAH))
    spasi = ' xml:space="preserve"' if teks != teks.strip() else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{spasi}>{teks}</t></is></c>'


def tulis_xlsx(path: Path, nama_lembar: str, baris: list[list[object]], *, tebal: set[int] = frozenset(),
               gabung: list[tuple[int, int, int, int]] = (), lebar: list[float] = (), teks_kolom: set[int] = frozenset(),
               beku: int = 0) -> None:
    """Tulis satu lembar. ``tebal``: indeks baris (0-based) bergaya judul; ``gabung``: (r0, c0, r1, c1)
    0-based inklusif; ``teks_kolom``: kolom berformat Teks (agar ``1.10`` tidak menjadi angka)."""
    isi = []
    for r, sel in enumerate(baris):
        bagian = []
        for c, v in enumerate(sel):
            gaya = 1 if r in tebal else (2 if c in teks_kolom and r > max(tebal, default=-1) else 0)
            bagian.append(_sel(f"{huruf_kolom(c)}{r + 1}", v, gaya))
        isi.append(f'<row r="{r + 1}">{"".join(bagian)}</row>')
    kolom = "".join(f'<col min="{i + 1}" max="{i + 1}" width="{w}" customWidth="1"/>' for i, w in enumerate(lebar))
    panel = (f'<sheetViews><sheetView workbookViewId="0"><pane ySplit="{beku}" topLeftCell="A{beku + 1}" activePane="bottomLeft" '
             f'state="frozen"/></sheetView></sheetViews>') if beku else ""
    merge = ""
    if gabung:
        merge = f'<mergeCells count="{len(gabung)}">' + "".join(
            f'<mergeCell ref="{huruf_kolom(c0)}{r0 + 1}:{huruf_kolom(c1)}{r1 + 1}"/>' for r0, c0, r1, c1 in gabung) + "</mergeCells>"
    lembar = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              f'{panel}{"<cols>" + kolom + "</cols>" if kolom else ""}<sheetData>{"".join(isi)}</sheetData>{merge}</worksheet>')
    buku = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheets><sheet name="{escape(nama_lembar[:31], {chr(34): "&quot;"})}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, data in (("[Content_Types].xml", _TIPE), ("_rels/.rels", _RELS), ("xl/workbook.xml", buku),
                           ("xl/_rels/workbook.xml.rels", _WB_RELS), ("xl/styles.xml", _GAYA),
                           ("xl/worksheets/sheet1.xml", lembar)):
            info = zipfile.ZipInfo(nama, _WAKTU)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
