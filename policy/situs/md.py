"""Pembantu Markdown/HTML untuk halaman terbangkit: escape teks dari YAML, tautan ke naskah Perbup.

Teks dari berkas org (nama jabatan, nama tim) selalu di-escape sebelum masuk Markdown, agar
karakter seperti ``|``, ``*``, ``[`` atau ``{{`` tidak merusak tabel, tautan, atau makro.
"""
from __future__ import annotations

import functools
import posixpath
import re
from pathlib import Path

from .. import peraturan
from ..keluaran_html import html  # noqa: F401  (md.html: escape HTML satu-satunya)
from .konteks import PENGATURAN

#: karakter yang dapat di-escape Python-Markdown (+ '|' untuk tabel); '<', '>', '{' dan '}' menjadi
#: entitas: "\\{%" masih memuat "{%" yang dibaca Jinja (mkdocs-macros) bila halamannya memakai makro
_MD_KHUSUS = re.compile(r"([\\`*_{}\[\]#|!<>])")
_ENTITAS = {"<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;"}


def teks(s: object) -> str:
    """Teks polos → satu baris Markdown aman (juga di dalam sel tabel dan di halaman bermakro).

    Satu-satunya escape Markdown situs (halaman terbangkit, langkah alur, Catatan Harmonisasi)."""
    t = " ".join(str(s).split())
    t = t.replace("&", "&amp;")
    return _MD_KHUSUS.sub(lambda m: _ENTITAS.get(m.group(1), "\\" + m.group(1)), t)


def tabel_tumpuk(kepala: list[str], baris: list[list[str]]) -> str:
    """Tabel yang di layar sempit (ponsel) menumpuk setiap baris menjadi kartu berlabel.

    ``kepala``: judul kolom (teks polos, di-escape di sini); ``baris``: sel berisi Markdown sebaris
    yang *sudah* di-escape pemanggil (``teks``/tautan). Ditulis sebagai HTML ``md_in_html``: setiap sel
    membawa ``data-label`` (judul kolomnya) untuk CSS ``.skd-tumpuk`` (docs/assets/css/jawab.css), dan
    isinya tetap Markdown sehingga mkdocs menulis ulang tautan antarhalaman (situs daring dan luring).
    """
    label = [html(k) for k in kepala]
    out = ['<div class="skd-tumpuk" markdown="1">', '<table markdown="1">',
           "<thead><tr>" + "".join(f"<th>{k}</th>" for k in label) + "</tr></thead>",
           '<tbody markdown="1">']
    for b in baris:
        out.append('<tr markdown="1">' + "".join(
            f'<td data-label="{k}" markdown="span">{isi}</td>' for k, isi in zip(label, b)) + "</tr>")
    out += ["</tbody>", "</table>", "</div>"]
    return "\n\n" + "\n".join(out) + "\n\n"


def fakta(pasangan: list[tuple[str, str]], kelas: str = "skd-fakta") -> str:
    """Daftar definisi ringkas (``<dl>``): ``[(istilah, isi)]``, keduanya Markdown sebaris yang *sudah*
    di-escape pemanggil. Dua kolom di layar lebar, bertumpuk di ponsel (docs/assets/css/jawab.css);
    tautan di dalamnya tetap ditulis ulang mkdocs (``md_in_html``)."""
    out = [f'<div class="{kelas}" markdown="1">', '<dl markdown="1">']
    for dt, dd in pasangan:
        out.append(f'<dt markdown="span">{dt}</dt>')
        out.append(f'<dd markdown="span">{dd}</dd>')
    out += ["</dl>", "</div>"]
    return "\n\n" + "\n".join(out) + "\n\n"


def _nama_kolom_org() -> dict[str, str]:
    from .. import models
    from pydantic import BaseModel
    nama: set[str] = set()
    for obj in vars(models).values():
        if isinstance(obj, type) and issubclass(obj, BaseModel) and obj.__module__ == models.__name__:
            nama |= {n for n in obj.model_fields if "_" in n}
    return {n: KATA_KOLOM.get(n, n.replace("_", " ")) for n in nama}


#: Kata untuk nama kolom berkas org yang ditampilkan kepada pembaca (bukan penyunting YAML); kolom
#: bernama majemuk lain dari model ditulis dengan spasi (``tim_kerja`` → "tim kerja").
KATA_KOLOM: dict[str, str] = {
    "pimpinan_unit": "Pimpinan Unit Organisasi",
    "pemilik_kinerja": "Pimpinan Unit Organisasi pemilik kinerja",
    "aplikasi_spbe": "daftar aplikasi SPBE",
    "pengecualian_level": "pengecualian jumlah level struktur",
    "unit_kerja_mandiri": "unit kerja mandiri",
}


@functools.lru_cache(maxsize=1)
def _pola_kolom() -> tuple[re.Pattern, dict[str, str]]:
    kata = _nama_kolom_org()
    pola = re.compile(r"'?\b(" + "|".join(sorted(map(re.escape, kata), key=len, reverse=True)) + r")\b'?(-nya)?")
    return pola, kata


def tanpa_nama_kolom(s: object) -> str:
    """Teks polos untuk pembaca: nama kolom berkas org (``pimpinan_unit``) diganti kata-katanya.

    ``kelompok yang pimpinan_unit-nya ...`` → ``kelompok yang Pimpinan Unit Organisasinya ...``.
    Hasilnya masih teks polos (escape tetap oleh :func:`teks`/:func:`html`).
    """
    pola, kata = _pola_kolom()
    return pola.sub(lambda m: kata[m.group(1)] + ("nya" if m.group(2) else ""), str(s))


def judul_atribut(s: object) -> str:
    """Teks untuk judul admonition/details di dalam tanda kutip ganda."""
    return teks(s).replace('"', "&quot;")


def label_anchor(anchor: str) -> str:
    """Label manusiawi untuk anchor naskah (``pasal-9-ayat-2`` → ``Pasal 9 ayat (2)``)."""
    m = re.fullmatch(r"pasal-(\d+)(.*)", anchor)
    if m:
        sisa = m.group(2)
        sisa = re.sub(r"-ayat-(\d+)", r" ayat (\1)", sisa)
        sisa = re.sub(r"-(huruf|angka|butir)-([0-9a-z]+)", r" \1 \2", sisa)
        return f"Pasal {m.group(1)}{sisa}"
    m = re.fullmatch(r"gambar-(\d+)", anchor)
    if m:
        return f"Gambar {m.group(1)}"
    m = re.fullmatch(r"lampiran-([a-e])(?:-(\d+))?(.*)", anchor)
    if m:
        huruf, angka, sisa = m.group(1).upper(), m.group(2), m.group(3)
        if huruf == "D" and angka:
            dasar = f"Lampiran D angka {angka}"
        else:
            dasar = f"Lampiran {huruf}" + (f".{angka}" if angka else "")
        sisa = re.sub(r"-(huruf|angka|butir)-([0-9a-z]+)", r" \1 \2", sisa)
        sisa = re.sub(r"^-(perencanaan|pelaksanaan|evaluasi)$", r" (tahap \1)", sisa)
        sisa = sisa.replace("-", " ").strip()
        return f"{dasar} {sisa}".strip()
    return anchor


def tautan(anchor: str, dari: str, docs_dir: Path, label: str | None = None) -> str:
    """Tautan Markdown ke anchor naskah; KeyError (build gagal) bila anchor tidak ada."""
    return f"[{teks(label or label_anchor(anchor))}]({url(anchor, dari, docs_dir)})"


def url(anchor: str, dari: str, docs_dir: Path) -> str:
    """URL relatif ke anchor naskah (``peraturan.tautan``), di-cache per folder halaman asal."""
    folder = posixpath.dirname(dari)
    if folder.startswith("unit/") or folder == "mekanisme":
        # halaman lain di folder yang sama menghasilkan tautan yang sama (kecuali halaman naskah)
        return _url_folder(anchor, folder, str(docs_dir))
    return peraturan.tautan(anchor, dari, docs_dir)


# cache: build 1.000 unit 63.158 hit / 280 miss; tanpa cache fase halaman terbangkit 3,7 → 6,2 s CPU (+66 %)
@functools.lru_cache(maxsize=65536)
def _url_folder(anchor: str, folder: str, docs_dir: str) -> str:
    return peraturan.tautan(anchor, posixpath.join(folder, "_.md"), Path(docs_dir))


@functools.lru_cache(maxsize=4)
def _naskah(docs_dir: str):
    return peraturan.baca(Path(docs_dir))


_LABEL_BUTIR = re.compile(r"^\(?(?:[0-9]+|[a-z]|[ivx]+)[.)]\s+")


def butir_naskah(induk: str, docs_dir: Path) -> list[tuple[str, str]]:
    """Anak langsung ``induk`` di naskah: ``[(anchor, teks tanpa label butir)]`` (Markdown naskah)."""
    return list(_butir_naskah(induk, str(Path(docs_dir).resolve())))


# cache: build 1.000 unit 4.995 hit / 5 miss; tanpa cache fase halaman terbangkit 3,7 → 5,8 s CPU (+55 %)
@functools.lru_cache(maxsize=256)
def _butir_naskah(induk: str, docs_dir: str) -> tuple[tuple[str, str], ...]:
    n = _naskah(docs_dir)
    hasil = [(e.anchor, _LABEL_BUTIR.sub("", e.teks.strip())) for e in n.anak(induk)]
    if not hasil:
        raise KeyError(f"naskah tidak memuat butir di bawah {induk}")
    return tuple(hasil)


def banner_data_contoh() -> str:
    """Pemberitahuan "Data contoh" selama ``extra.data_contoh: true`` di mkdocs.yml."""
    if not PENGATURAN.get("data_contoh"):
        return ""
    return (
        '!!! warning "Data contoh"\n'
        "    Susunan jabatan, kelompok dan tim kerja di situs ini adalah **data contoh (ilustratif)**, "
        "bukan data resmi Pemerintah Kabupaten Dairi. Bagian Organisasi akan menggantinya dengan data "
        "resmi; sampai saat itu, gunakan halaman ini sebagai gambaran cara kerja Perbup, bukan sebagai "
        "penetapan.\n\n"
    )


def front_matter(**meta: object) -> str:
    """Front matter YAML sederhana (nilai teks dikutip)."""
    baris = ["---"]
    for k, v in meta.items():
        if v is None:
            continue
        if isinstance(v, bool):
            baris.append(f"{k}: {'true' if v else 'false'}")
        else:
            s = str(v).replace("\\", "\\\\").replace('"', '\\"')
            baris.append(f'{k}: "{s}"')
    baris.append("---")
    return "\n".join(baris) + "\n\n"


def rapikan(teks: str) -> str:
    """Sisipkan baris kosong yang dibutuhkan Python-Markdown: sebelum judul/admonition dan sesudah
    tabel, di luar blok kode; rapatkan baris kosong berlebih."""
    hasil: list[str] = []
    dalam_kode = False
    for baris in teks.splitlines():
        if baris.startswith("```"):
            if not dalam_kode and hasil and hasil[-1].strip():
                hasil.append("")
            dalam_kode = not dalam_kode
            hasil.append(baris)
            continue
        if not dalam_kode and hasil:
            prev = hasil[-1]
            mulai_blok = baris.startswith(("#", "!!! ", "??? "))
            akhir_tabel = prev.startswith("|") and baris.strip() and not baris.startswith("|")
            if prev.strip() and (mulai_blok or akhir_tabel) and not prev.startswith("---"):
                hasil.append("")
            if not baris.strip() and not prev.strip():
                continue
        hasil.append(baris)
    return "\n".join(hasil).strip("\n") + "\n"
