"""Diagram Mermaid → SVG saat build, tanpa Mermaid JS di halaman (issue 11 butir 2 dan 4).

Teks diagram tetap disusun mermaid-py (``policy.diagram.alur``/``struktur``, escape label di
``_mermaid``); di sini teks itu digambar menjadi SVG oleh **merman** (PyPI, Rust, tanpa peramban,
3–40 ms per diagram). Diagram di halaman menjadi ``<img>`` berkas SVG bernama hash isinya
(``assets/diagram/<hash>.svg``): tersimpan di cache peramban antarhalaman, tidak ada ID/gaya SVG
yang bertabrakan dengan halaman, dan teks SVG tidak pernah dijalankan sebagai skrip (SVG di
``<img>``). Keluaran identik byte demi byte untuk teks yang sama (diuji).

Tes membandingkan label SVG dengan hasil parse Mermaid asli 11.4.1 (tests/js), agar perender
ini tidak diam-diam menyimpang dari Mermaid.

Ukuran tampil: lebar asli, diperkecil seperlunya agar muat di kolom isi, tetapi tidak lebih kecil
dari ``HURUF_MIN_PX`` untuk huruf terkecil (``min-width`` pada gambar); yang tetap tidak muat
digulir mendatar dan dapat dibuka di tampilan layar penuh (``docs/assets/js/diagram.js``).
"""
from __future__ import annotations

import atexit
import hashlib
import math
import os
import pickle
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from ..keluaran_html import html as html_aman

#: Huruf efektif terkecil yang masih terbaca pada jendela 1280×900 (DIAGRAMS.md).
HURUF_MIN_PX = 11.0
#: Awalan ``src`` sementara; ``hooks/diagram.py`` menggantinya dengan path relatif halaman.
AWALAN_SRC = "@skd-diagram/"
FOLDER = "assets/diagram"

_SVG = "{http://www.w3.org/2000/svg}"
_XHTML = "{http://www.w3.org/1999/xhtml}"


class DiagramGagal(ValueError):
    """Teks Mermaid yang tidak dapat digambar (pesan berbahasa Indonesia)."""


@dataclass(frozen=True)
class Lajur:
    """Satu lajur diagram urutan: posisi kotak partisipan atas dalam persen lebar SVG."""

    kiri: float
    lebar: float
    teks: str


@dataclass(frozen=True)
class DiagramSvg:
    nama: str  #: nama berkas ``<hash>.svg``
    svg: str
    lebar: float
    tinggi: float
    huruf_min: float
    jenis: str  #: "urutan" (sequenceDiagram) atau "bagan" (flowchart)
    lajur: tuple[Lajur, ...]
    label: tuple[str, ...]  #: teks simpul/lajur berurutan (untuk teks alternatif dan tes)

    @property
    def lebar_min(self) -> int:
        """Lebar tampil terkecil (px) agar huruf terkecil tetap ≥ ``HURUF_MIN_PX``."""
        return math.ceil(self.lebar * min(1.0, HURUF_MIN_PX / self.huruf_min))


@lru_cache(maxsize=1)
def _merman():
    try:
        import merman  # noqa: PLC0415
    except ImportError as e:  # pragma: no cover - lingkungan rusak
        raise DiagramGagal("paket `merman` tidak terpasang: jalankan `bash scripts/siapkan.sh` "
                           "(atau `.venv/bin/pip install -e .`)") from e
    m = merman.Merman()
    atexit.register(_merman.cache_clear)  # lepas objek Rust sebelum interpreter dibongkar
    return m


def _angka(x: float, desimal: int = 1) -> str:
    return f"{x:.{desimal}f}".rstrip("0").rstrip(".")


_ROOT = re.compile(r'^<svg id="merman" width="100%" (xmlns="http://www.w3.org/2000/svg".*?) '
                   r'style="max-width: [0-9.]+px;" viewBox="([-0-9. ]+)"')
_HURUF = re.compile(r'font-size(?:="|:\s*)([0-9.]+)px')


_GAYA = re.compile(r"<style>(.*?)</style>", re.S)
_KELAS = re.compile(r'class="([^"]*)"')
_DESIMAL = re.compile(r"(?<![\w#.-])(-?\d+\.\d{2,})(?![\w.])")


def _aturan_css(css: str) -> list[str]:
    """Pisah CSS menjadi aturan tingkat atas (``sel{...}`` atau ``@x{...{...}}``)."""
    out, kedalaman, awal = [], 0, 0
    for i, c in enumerate(css):
        if c == "{":
            kedalaman += 1
        elif c == "}":
            kedalaman -= 1
            if kedalaman == 0:
                out.append(css[awal:i + 1])
                awal = i + 1
    return out


def _ringkas(svg: str) -> str:
    """SVG lebih ringan tanpa mengubah gambar: aturan CSS yang pemilihnya memakai kelas yang tidak
    ada di SVG ini dibuang (Mermaid menyertakan gaya semua jenis elemen), ``@keyframes`` animasi
    garis (tidak dipakai) dibuang, ``<symbol>`` yang tidak dirujuk dibuang, angka dibulatkan ke
    satu desimal (< 0,05 px)."""
    kelas = {k for m in _KELAS.findall(svg) for k in m.split()}

    def pakai(sel: str) -> bool:
        return all(k in kelas for k in re.findall(r"\.([A-Za-z_][\w-]*)", sel))

    def saring(m: re.Match) -> str:
        simpan = []
        for aturan in _aturan_css(m.group(1)):
            kepala = aturan[: aturan.index("{")]
            if kepala.startswith("@"):
                continue  # @keyframes animasi garis
            pilih = [x for x in kepala.split(",") if pakai(x)]
            if pilih:
                simpan.append(",".join(pilih) + aturan[len(kepala):])
        return "<style>" + "".join(simpan) + "</style>"

    svg = _GAYA.sub(saring, svg, count=1)
    for m in list(re.finditer(r'<symbol id="([^"]+)".*?</symbol>', svg, re.S)):
        if f"#{m.group(1)}" not in svg:
            svg = svg.replace(m.group(0), "")
    # atribut data untuk interaksi mermaid.js (titik garis base64, id garis) tidak dipakai gambar;
    # id yang tidak dirujuk (url(#…), href="#…", CSS) dibuang; kelas ganda dirapatkan
    css = "".join(_GAYA.findall(svg))
    svg = re.sub(r' data-(?:points|id|et|edge)="[^"]*"', "", svg)
    dirujuk = set(re.findall(r"#([A-Za-z_][\w.-]*)", re.sub(r'"#[0-9a-fA-F]{3,8}"|#[0-9a-fA-F]{3,8}\b(?![\w-])', "", svg)))
    # tetap: akar, id yang dirujuk, dan simpul pimpinan tertinggi bagan (n1_…, dipakai tes pandangan pertama)
    svg = re.sub(r' id="([^"]+)"', lambda m: m.group(0) if (m.group(1) in dirujuk or m.group(1) == "merman"
                                                           or "-flowchart-n1_" in m.group(1)) else "", svg)
    svg = _KELAS.sub(lambda m: 'class="' + " ".join(dict.fromkeys(m.group(1).split())) + '"', svg)
    svg = _LABEL_HTML.sub(_label_lebih_longgar, svg)
    return _DESIMAL.sub(lambda m: _angka(float(m.group(1))), svg)


#: Label HTML simpul bagan (foreignObject): merman mengukur teks sedikit lebih sempit daripada huruf
#: pengganti di peramban (Arial/Liberation Sans), sehingga label dua baris menjadi tiga dan meluber
#: dari kotaknya. Lebar bungkus diberi kelonggaran 7% di kedua sisi (tetap di tengah kotak; bantalan
#: simpul 12 px menampungnya, policy/diagram/struktur.py).
_LABEL_HTML = re.compile(r"max-width: ([0-9.]+)px; text-align: center; width: ([0-9.]+)px;")


def _label_lebih_longgar(m: re.Match) -> str:
    lebar = float(m.group(2))
    tambah = round(lebar * 0.07, 1)
    return (f"max-width: {_angka(lebar + 2 * tambah)}px; text-align: center; width: {_angka(lebar + 2 * tambah)}px; "
            f"margin-left: -{_angka(tambah)}px;")


def _teks_el(el: ET.Element) -> str:
    """Teks satu elemen; ``<tspan>``/``<br>`` menjadi spasi."""
    return " ".join(" ".join(el.itertext()).replace("\u2060", "").split())


#: SVG yang sudah digambar lebih dulu di proses lain (:func:`gambar_lebih_dulu`), per teks Mermaid
_SIAP: dict[str, DiagramSvg] = {}
#: teks Mermaid yang sudah digambar di proses ini (agar ``mkdocs serve`` tidak menggambar ulang semuanya)
_DIGAMBAR: set[str] = set()


# cache: build 1.000 unit 13.694 hit / 6.697 miss (tiap diagram digambar 3×: cek hook, fence, blok_html);
# tanpa cache build +70 % CPU (merman 30 s → ±110 s)
@lru_cache(maxsize=8192)
def render(sumber: str) -> DiagramSvg:
    """SVG untuk teks Mermaid ``sumber`` (di-cache per teks)."""
    _DIGAMBAR.add(sumber)
    siap = _SIAP.pop(sumber, None)
    return siap if siap is not None else _gambar(sumber)


def _gambar_aman(sumber: str) -> DiagramSvg | None:
    """Untuk proses pekerja: teks yang rusak dilewati (build menggambarnya lagi dan melaporkannya
    dengan nama halaman dan barisnya)."""
    try:
        return _gambar(sumber)
    except DiagramGagal:
        return None


def _cpu() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - bukan Linux
        return os.cpu_count() or 1


#: di bawah jumlah diagram baru ini, memulai proses pekerja tidak sebanding
MIN_PARALEL = 24


def gambar_lebih_dulu(daftar: Iterable[str]) -> int:
    """Gambar teks Mermaid yang belum pernah digambar di beberapa proses sekaligus (satu per CPU),
    sebelum halaman dikonversi satu per satu; hasilnya dipakai :func:`render`. Keluaran sama persis
    dengan menggambar berurutan (merman deterministik per teks). Mengembalikan jumlah yang digambar;
    0 bila hanya satu CPU, terlalu sedikit diagram baru, atau proses pekerja gagal (halaman lalu
    menggambar sendiri).

    Pekerja adalah ``python -m policy.diagram.svg`` (bukan ``multiprocessing``, yang dengan ``spawn``
    menjalankan ulang modul utama pemanggil dan dengan ``fork`` menyalin utas ``mkdocs serve``)."""
    baru = sorted(set(daftar) - _DIGAMBAR - set(_SIAP))
    n_pekerja = min(_cpu(), 8)
    if n_pekerja < 2 or len(baru) < MIN_PARALEL:
        return 0
    akar = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [akar, os.environ.get("PYTHONPATH")]))}
    with tempfile.TemporaryDirectory(prefix="skd-diagram-") as tmp:
        proses = []
        for i in range(n_pekerja):
            bagian = baru[i::n_pekerja]
            masuk, keluar = Path(tmp) / f"{i}.masuk", Path(tmp) / f"{i}.keluar"
            masuk.write_bytes(pickle.dumps(bagian))
            proses.append((bagian, keluar, subprocess.Popen(
                [sys.executable, "-m", "policy.diagram.svg", str(masuk), str(keluar)], env=env,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)))
        n = 0
        for bagian, keluar, p in proses:
            if p.wait() != 0 or not keluar.is_file():
                continue
            try:
                hasil = pickle.loads(keluar.read_bytes())
            except Exception:  # noqa: BLE001 - keluaran pekerja rusak: halaman menggambar sendiri
                continue
            for s, d in zip(bagian, hasil):
                if d is not None:
                    _SIAP[s] = d
                    n += 1
    return n


def _pekerja(masuk: str, keluar: str) -> None:
    """Proses pekerja :func:`gambar_lebih_dulu`: daftar teks (pickle) → daftar DiagramSvg atau None."""
    daftar = pickle.loads(Path(masuk).read_bytes())
    Path(keluar).write_bytes(pickle.dumps([_gambar_aman(s) for s in daftar]))


def _gambar(sumber: str) -> DiagramSvg:
    """Gambar satu teks Mermaid dengan merman dan ringkas SVG-nya."""
    try:
        mentah = _merman().render_svg(sumber, None)
    except Exception as e:  # MermanError: teks tidak sah
        baris = sumber.strip().splitlines()
        awal = next((b for b in baris if b.strip() and not b.startswith(("---", " "))), "")
        raise DiagramGagal(f"diagram Mermaid tidak dapat digambar ({awal.strip()[:40]} …): {e}") from None
    m = _ROOT.match(mentah)
    if not m:
        raise DiagramGagal("format SVG merman tidak dikenal (elemen <svg> akar)")
    x, y, lebar, tinggi = (float(v) for v in m.group(2).split())
    svg = _ringkas(f'<svg id="merman" width="{_angka(lebar)}" height="{_angka(tinggi)}" {m.group(1)} '
                   f'viewBox="{m.group(2)}"' + mentah[m.end():])
    akar = ET.fromstring(svg)
    jenis = "urutan" if akar.get("aria-roledescription") == "sequence" else "bagan"
    # Huruf terkecil yang benar-benar dipakai teks: atribut/gaya elemen teks + bawaan CSS akar.
    huruf = [float(v) for el in akar.iter() if el.tag in (f"{_SVG}text", f"{_SVG}tspan")
             for v in _HURUF.findall(" ".join(f'{k}="{el.get(k)}"' for k in ("font-size", "style") if el.get(k)))]
    css = "".join(e.text or "" for e in akar.iter(f"{_SVG}style"))
    bawaan = re.search(r"#merman\{[^}]*font-size:([0-9.]+)px", css)
    huruf.append(float(bawaan.group(1)) if bawaan else 16.0)
    lajur: list[Lajur] = []
    label: list[str] = []
    if jenis == "urutan":
        for g in akar.iter(f"{_SVG}g"):
            kotak = g.find(f"{_SVG}rect")
            if kotak is None or g.find(f"{_SVG}text") is None or "actor-top" not in (kotak.get("class") or ""):
                continue
            kx, kl = float(kotak.get("x")), float(kotak.get("width"))
            t = _teks_el(g)
            lajur.append(Lajur(round((kx - x) / lebar * 100, 3), round(kl / lebar * 100, 3), t))
        lajur.sort(key=lambda lj: lj.kiri)
        label = [lj.teks for lj in lajur]
    else:
        for g in akar.iter(f"{_SVG}g"):
            if "node" in (g.get("class") or "").split():
                t = _teks_el(g)
                if t:
                    label.append(t)
    nama = hashlib.sha256(svg.encode()).hexdigest()[:20] + ".svg"
    return DiagramSvg(nama, svg, lebar, tinggi, min(huruf), jenis, tuple(lajur), tuple(label))


def teks_alternatif(d: DiagramSvg) -> str:
    """Teks ``alt`` ringkas: jenis diagram dan nama lajur/simpulnya."""
    if d.jenis == "urutan":
        return ("Diagram alur dengan lajur: " + "; ".join(d.label)
                + ". Langkah bernomor yang sama tertulis sebagai teks di halaman ini.")
    return "Bagan: " + "; ".join(d.label) + "."


def blok_html(sumber: str) -> str:
    """Blok HTML satu diagram (``<figure>``); ``src`` berawalan :data:`AWALAN_SRC`.

    Dipakai sebagai *custom fence* ``mermaid`` pymdownx.superfences (lihat :func:`fence`),
    sehingga pemanggil tetap menulis blok ```` ```mermaid ```` biasa.
    """
    d = render(sumber.strip("\n") + "\n")
    e = html_aman  # escape HTML satu-satunya (policy.keluaran_html)
    src = AWALAN_SRC + d.nama
    gaya = f"min-width:{d.lebar_min}px"
    out = [f'<figure class="skd-diagram skd-diagram--{d.jenis}" data-pagefind-ignore="all" '
           f'data-lebar="{_angka(d.lebar)}" data-huruf-min="{_angka(d.huruf_min)}">']
    if d.lajur:
        out.append(f'<div class="skd-diagram__lajur" aria-hidden="true" style="width:{_angka(d.lebar)}px">' + "".join(
            f'<span style="left:{_angka(lj.kiri)}%;width:{_angka(lj.lebar)}%">{e(lj.teks)}</span>'
            for lj in d.lajur) + "</div>")
    out.append(f'<div class="skd-diagram__gulir"><img src="{src}" width="{_angka(d.lebar)}" '
               f'height="{_angka(d.tinggi)}" style="{gaya}" alt="{e(teks_alternatif(d))}" '
               f'loading="lazy" decoding="async"></div>')
    out.append(f'<a class="skd-diagram__layar" href="{src}">Buka diagram di layar penuh</a>')
    out.append("</figure>")
    return "".join(out)


#: Diagram yang sudah digambar dalam build ini: nama berkas → (SVG, teks Mermaid).
TERDAFTAR: dict[str, tuple[str, str]] = {}


def fence(source, language, class_name, options, md, **kwargs) -> str:
    """Formatter *custom fence* pymdownx.superfences untuk ```` ```mermaid ````."""
    teks = source.strip("\n") + "\n"
    d = render(teks)
    TERDAFTAR[d.nama] = (d.svg, teks)
    return blok_html(teks)


if __name__ == "__main__":
    # lewat nama modulnya, agar kelas hasil di-pickle sebagai policy.diagram.svg.DiagramSvg, bukan __main__
    from policy.diagram import svg as _modul

    _modul._pekerja(sys.argv[1], sys.argv[2])
