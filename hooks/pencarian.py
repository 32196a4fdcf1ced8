"""Lem tipis mkdocs: pencarian Pagefind (bahasa Indonesia) dan salinan luring tanpa permintaan keluar.

- Situs daring (bawaan): setelah build, Pagefind mengindeks ``site_dir`` (stemmer Snowball
  Indonesia, dipilih dari ``<html lang="id">``) ke ``site_dir/pagefind/``; antarmukanya dipasang
  oleh ``docs/assets/js/pencarian.js``. Pencarian bawaan Material (lunr, tanpa stemmer
  Indonesia) dimatikan lewat ``plugins.search.enabled``. Yang diindeks adalah salinan HTML
  (yang diterbitkan tidak diubah) dengan: naskah Perbup satu hasil per Pasal / per bagian
  Lampiran, bagian Panduan berjudul pertanyaan sebagai hasil sendiri, bagian templat dan halaman
  turunan berbobot rendah, singkatan unit sebagai metadata (lihat ``indeks_pagefind``). Kueri
  diolah pembungkus ``docs/assets/js/cari/pagefind.js``. Ketepatan diukur dengan
  ``tests/browser/kueri.yaml`` (tes peramban, ``scripts/ukur_pencarian.py``).
- Salinan luring (``SITUS_LURING=true``, lihat ``scripts/bangun_luring.sh``): plugin ``offline``
  Material aktif dan pencarian Material dipakai, karena Pagefind memerlukan server web (modul JS
  dan WebAssembly tidak dimuat dari ``file://``). Plugin ``offline`` menambahkan shim
  ``iframe-worker`` dari unpkg.com; hook ini menggantinya dengan salinan yang divendor.

Bukan logika kebijakan: tidak ada yang diimpor dari ``policy/``.
"""
from __future__ import annotations

import asyncio
import json
import html
import os
import re
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from policy.keluaran_html import html as html_aman

log = get_plugin_logger(__name__)

#: shim Worker untuk file:// (npm iframe-worker 1.0.4, berkas shim/index.js), divendor
SHIM_IFRAME_WORKER = "assets/vendor/iframe-worker-1.0.4-shim.js"

#: bagian halaman Material yang bukan isi (diulang di setiap halaman) dan teks sumber Mermaid
#: (label diagram diulang di daftar langkah di bawahnya)
PAGEFIND_ABAIKAN = ", ".join([
    ".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-banner", ".md-dialog",
    ".md-skip", ".md-source-file", ".headerlink", ".md-content__button", "pre.mermaid",
    "div.mermaid", ".skd-cari",
])


#: bobot Pagefind untuk bagian templat (lihat ``tandai_templat``); 1.0 = bobot biasa
BOBOT_TEMPLAT = "0.2"
#: bagian (judul h2) dianggap templat bila id-nya muncul di sekian halaman atau lebih
TEMPLAT_MIN_HALAMAN = 5
TEMPLAT_MIN_PROPORSI = 0.2

#: halaman turunan untuk pengelola data (katalog pemeriksaan, laporan kepatuhan, panduan
#: kontributor): mengutip Pasal untuk setiap aturan pemeriksaan, tetapi bukan jawaban bagi pegawai
#: yang bertanya tentang aturan itu. Path (awalan) → bobot seluruh isi halaman.
BOBOT_HALAMAN = {"aturan/": "0.3", "kepatuhan/": "0.3", "kontribusi/": "0.3", "peraturan/cakupan-aturan/": "0.3"}

_H2_ID = re.compile(r'<h2 id="([^"]+)"')
_ARTIKEL = re.compile(r'(<article\b[^>]*>)(.*?)(</article>)', re.S)
_JUDUL_TANPA_BOBOT = re.compile(r"<h([1-6])\b(?![^>]*data-pagefind-weight)")


def berbobot(isi_html: str, bobot: str) -> str:
    """Bungkus ``isi_html`` dengan ``data-pagefind-weight``; judul di dalamnya ikut berbobot itu
    (tanpa ini judul h1–h6 tetap memakai bobot judul bawaan Pagefind)."""
    if float(bobot) < 1:
        isi_html = _JUDUL_TANPA_BOBOT.sub(lambda m: f'<h{m.group(1)} data-pagefind-weight="{bobot}"', isi_html)
    return f'<div data-pagefind-weight="{bobot}">{isi_html}</div>'


#: baris "Singkatan" data unit (policy/situs/unit.py): daftar definisi, atau tabel (bentuk lama)
_SINGKATAN = re.compile(r"(<dt>Singkatan</dt>\s*<dd|<td>Singkatan</td>\s*<td)>")


def tandai_singkatan(path: str, teks: str) -> str:
    """Singkatan unit di data unit halaman unit ("RSUD Sidikalang") menjadi metadata
    Pagefind ``singkatan``: ikut dicari, tampil di hasil, dan kueri yang sama persis dengannya
    menempatkan unit itu di urutan pertama (docs/assets/js/cari/pagefind.js)."""
    return _SINGKATAN.sub(r'\1 data-pagefind-meta="singkatan">', teks, count=1) if halaman_dir(path).startswith("unit/") else teks


def halaman_dir(path: str) -> str:
    """Path berkas → bentuk URL direktori, sama untuk situs daring dan salinan luring:
    ``kepatuhan/index.html`` dan ``kepatuhan.html`` → ``kepatuhan/``."""
    path = path.lstrip("/").split("#")[0]
    if path.endswith("index.html"):
        return path[: -len("index.html")]
    return path[: -len(".html")] + "/" if path.endswith(".html") else path


def bobot_untuk(path: str) -> str | None:
    """Bobot ``BOBOT_HALAMAN`` untuk halaman/rekaman di ``path`` (None = bobot biasa)."""
    d = halaman_dir(path)
    return next((b for awal, b in BOBOT_HALAMAN.items() if d.startswith(awal)), None)


def bobot_halaman(path: str, teks: str) -> str:
    """Isi halaman turunan (``BOBOT_HALAMAN``) diindeks berbobot rendah."""
    bobot = bobot_untuk(path)
    m = _ARTIKEL.search(teks) if bobot else None
    return teks[: m.start(2)] + berbobot(m.group(2), bobot) + teks[m.end(2):] if m else teks


def tandai_templat(halaman: dict[str, str]) -> dict[str, str]:
    """Beri bobot rendah pada bagian halaman yang berulang dari templat.

    Halaman terbangkit (39 halaman unit, halaman mekanisme, indeks jabatan) memuat bagian yang
    sama di setiap halaman (mis. "Tanggung jawab", "Isi surat permohonan", "Aplikasi SPBE").
    Tanpa penanganan, salinan-salinan itu mengalahkan halaman Panduan/Perbup yang menjadi
    sumbernya. Bagian h2 yang id-nya muncul di banyak halaman dibungkus
    ``data-pagefind-weight`` rendah — tetap dapat ditemukan, tetapi kalah dari halaman sumber.
    Hanya salinan untuk pengindeksan yang diubah; HTML yang diterbitkan tidak.
    """
    hitung: dict[str, int] = {}
    for teks in halaman.values():
        m = _ARTIKEL.search(teks)
        for i in set(_H2_ID.findall(m.group(2) if m else "")):
            hitung[i] = hitung.get(i, 0) + 1
    batas = max(TEMPLAT_MIN_HALAMAN, TEMPLAT_MIN_PROPORSI * len(halaman))
    templat = {i for i, n in hitung.items() if n >= batas}
    hasil = {}
    for path, teks in halaman.items():
        m = _ARTIKEL.search(teks)
        ids = _H2_ID.findall(m.group(2)) if m else []
        # hanya halaman hasil templat (mayoritas bagiannya templat), bukan halaman yang
        # kebetulan memakai satu judul yang sama (mis. Panduan)
        if not ids or sum(i in templat for i in ids) * 2 < len(ids):
            hasil[path] = teks
            continue
        potong = re.split(r'(?=<h2 id=")', m.group(2))
        isi = []
        for bagian in potong:
            idm = _H2_ID.match(bagian)
            if idm and idm.group(1) in templat:
                isi.append(f'<div data-pagefind-weight="{BOBOT_TEMPLAT}">{bagian}</div>')
            else:
                isi.append(bagian)
        hasil[path] = teks[: m.start(2)] + "".join(isi) + teks[m.end(2):]
    return hasil


# ---------------------------------------------------------------------------
# Naskah Perbup dipecah per Pasal / per bagian Lampiran (issue 11 butir 7)

#: judul bagian naskah yang menjadi rekaman pencarian sendiri: ``pasal-10``, ``lampiran-b-2``
SATUAN = re.compile(r"^(pasal-\d+|lampiran-[a-z]-\d+)$")
#: jangkar blok yang mengakhiri Pasal/bagian terakhir (penutup, tanda tangan)
AKHIR_NASKAH = ("penutup", "lampiran-penutup", "lampiran-penandatanganan")
#: Bobot bagian yang sudah menjadi rekaman sendiri di dalam rekaman halamannya. Bagian itu tetap
#: diindeks di halamannya (berbobot rendah) agar kueri yang kata-katanya tersebar di beberapa
#: Pasal/bagian ("ditunjuk lintas unit") masih menemukan halaman naskah itu.
BOBOT_DIPECAH = "0.3"
#: bobot judul ayat/istilah di dalam rekaman Pasal (judul kecil untuk sub-hasil, tanpa bobot judul)
BOBOT_SUBJUDUL = "1"

_JUDUL = re.compile(r'<h([1-6]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_AWAL_BLOK_AKHIR = re.compile(r'<p>\s*<a id="(?:%s)"></a>' % "|".join(AKHIR_NASKAH))
_AYAT = re.compile(r'<p>\s*<a id="(pasal-\d+-ayat-(\d+))"></a>')
_ANGKA = re.compile(r'<li>\s*<a id="(pasal-\d+-angka-(\d+))"></a>(.*?)</li>', re.S)
_KONTEKS = re.compile(r"^(?:BAB [IVXLC]+|Bagian \w+|Paragraf \d+)\s+", re.I)


@dataclass
class Rekaman:
    """Satu hasil pencarian yang bukan satu halaman utuh: ``url`` (dengan ``#jangkar``), judul, isi HTML."""

    url: str
    judul: str
    isi: str

    def html(self) -> str:
        return (f'<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{self.judul}</title>'
                f'</head><body><h1>{self.judul}</h1>{self.isi}</body></html>')


def _teks_judul(isi_html: str) -> str:
    """Teks judul (tetap ter-escape HTML) tanpa tautan permalink."""
    isi_html = re.sub(r'<a class="headerlink".*?</a>', "", isi_html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", isi_html)).strip()


def _konteks(teks: str) -> str:
    """"Paragraf 4 Pertanggungjawaban Pelaksanaan Tugas" → "Pertanggungjawaban Pelaksanaan Tugas"."""
    t = _KONTEKS.sub("", teks).strip()
    if not t.isupper():
        return t
    kata = t.lower().split()
    return " ".join(k if i and k in _KATA_SAMBUNG else k.capitalize() for i, k in enumerate(kata))


_KATA_SAMBUNG = {"dan", "atau", "yang", "di", "ke", "dari", "pada", "dalam", "untuk", "serta"}


def _label_lampiran(id_: str) -> str:
    huruf, nomor = id_.split("-")[1:3]
    return f"Lampiran {huruf.upper()}.{nomor}"


def pecah_halaman(url: str, teks: str, tanya: bool = False) -> tuple[str, list[Rekaman]]:
    """Pecah halaman naskah Perbup menjadi satu rekaman per Pasal / per bagian Lampiran; dengan
    ``tanya``, juga setiap bagian ``<h2>`` yang judulnya pertanyaan (diakhiri "?", halaman Panduan).

    Tanpa ini seluruh Batang Tubuh adalah SATU hasil: kueri "pasal 10" menampilkan halaman itu
    dengan Pasal 10 sebagai sub-hasil kedua, dan pertanyaan tentang satu ayat kalah dari halaman
    unit yang mengulang kalimatnya. Setiap Pasal (``<hN id="pasal-10">``) dan bagian bernomor
    Lampiran (``lampiran-b-2``) menjadi rekaman dengan URL jangkarnya; judulnya "Pasal 10 —
    Penugasan" (judul Paragraf/Bagian/BAB induknya). Ayat diberi judul kecil agar menjadi sub-hasil
    (``#pasal-15-ayat-1``); angka Pasal definisi (Pasal 1) menjadi rekaman sendiri, "Pasal 1 angka
    26 — Pejabat Penilai Kinerja". Sisa halaman (konsiderans, penutup) tetap satu rekaman halaman.

    Bagian Panduan berjudul pertanyaan ("Saya pelaksana di kecamatan — siapa atasan dan penilai
    kinerja saya?") menjadi rekaman berjudul pertanyaan itu: kueri "pelaksana kecamatan" cocok
    dengan seluruh judulnya, sedangkan 15 halaman "Kecamatan …" hanya dengan separuhnya.
    Mengembalikan HTML halaman tanpa bagian yang dipecah, dan rekamannya.
    """
    m = _ARTIKEL.search(teks)
    if not m:
        return teks, []
    isi = m.group(2)
    judul = [(j.start(), int(j.group(1)), j.group(2), _teks_judul(j.group(3))) for j in _JUDUL.finditer(isi)]
    akhir_naskah = [a.start() for a in _AWAL_BLOK_AKHIR.finditer(isi)]
    rekaman: list[Rekaman] = []
    potong: list[tuple[int, int]] = []
    def awal_rekaman(level: int, id_: str, teks_judul: str) -> str | None:
        if tanya and level == 2 and html.unescape(teks_judul).endswith("?"):
            return "tanya"
        if SATUAN.match(id_):
            return "satuan"
        return None

    jenis = [awal_rekaman(lv, id_, tj) for _, lv, id_, tj in judul]
    for i, (pos, level, id_, teks_judul) in enumerate(judul):
        if not jenis[i]:
            continue
        pertanyaan = jenis[i] == "tanya"
        # sampai judul berikutnya yang setingkat/lebih tinggi, atau awal rekaman lain
        akhir = next((p for j, (p, lv, _, _) in enumerate(judul[i + 1:], i + 1) if lv <= level or jenis[j]), len(isi))
        akhir = min([akhir, *[a for a in akhir_naskah if a > pos]])
        induk = next((t for _, lv, _, t in reversed(judul[:i]) if lv < level and lv > 1), "")
        badan = isi[pos:akhir]
        badan = badan[_JUDUL.match(badan).end():]  # judul diganti <h1> rekaman
        if pertanyaan:
            label, sub = teks_judul, ""
        elif id_.startswith("pasal-"):
            label = teks_judul
            sub = _konteks(html.unescape(induk))
            rekaman.extend(_pecah_angka(url, label, badan))
            badan = _ANGKA.sub(lambda a: f'<li><h6 id="{a.group(1)}" data-pagefind-weight="{BOBOT_SUBJUDUL}">'
                               f'{_istilah(a.group(3))}</h6></li>', badan)
            badan = _AYAT.sub(lambda a: f'<h6 id="{a.group(1)}" data-pagefind-weight="{BOBOT_SUBJUDUL}">'
                              f'ayat ({a.group(2)})</h6><p>', badan)
        else:
            label = _label_lampiran(id_)
            sub = html.unescape(re.sub(r"^\d+\.\s*", "", teks_judul))
        judul_rekaman = html_aman(f"{html.unescape(label)} — {sub}" if sub else html.unescape(label))
        rekaman.append(Rekaman(f"{url}#{id_}", judul_rekaman, badan))
        potong.append((pos, akhir))
    if not rekaman:
        return teks, []
    sisa, awal = [], 0
    for a, b in sorted(potong):
        sisa.append(isi[awal:a])
        if BOBOT_DIPECAH:  # None: bagian itu hanya ada di rekamannya sendiri
            sisa.append(berbobot(isi[a:b], BOBOT_DIPECAH))
        awal = b
    sisa.append(isi[awal:])
    return teks[: m.start(2)] + "".join(sisa) + teks[m.end(2):], rekaman


def _istilah(li_html: str) -> str:
    """"26. Pejabat Penilai Kinerja adalah atasan …" → "Pejabat Penilai Kinerja" (tetap ter-escape)."""
    t = re.sub(r"<[^>]+>", "", li_html)
    t = re.sub(r"^\s*\d+\.\s*", "", t)
    return re.split(r"\s+(?:yang selanjutnya|adalah)\s+", t, maxsplit=1)[0].strip()


def _pecah_angka(url: str, label: str, badan: str) -> list[Rekaman]:
    """Setiap angka Pasal definisi (``<li><a id="pasal-1-angka-26">``) → rekaman sendiri."""
    hasil = []
    for a in _ANGKA.finditer(badan):
        judul_rekaman = f"{label} angka {a.group(2)} — {_istilah(a.group(3))}"
        hasil.append(Rekaman(f"{url}#{a.group(1)}", judul_rekaman, f"<p>{a.group(3)}</p>"))
    return hasil


def url_halaman(rel: str) -> str:
    """``peraturan/batang-tubuh/index.html`` → ``/peraturan/batang-tubuh/`` (URL Pagefind)."""
    rel = rel[: -len("index.html")] if rel.endswith("index.html") else rel
    return "/" + rel



def luring() -> bool:
    """True bila membangun salinan luring (variabel lingkungan ``SITUS_LURING``)."""
    return os.environ.get("SITUS_LURING", "").strip().lower() in {"1", "true", "ya", "yes", "on"}


@event_priority(-50)  # setelah plugin offline menambahkan polyfill-nya
def on_config(config):
    polyfills = config.extra.get("polyfills") or []
    config.extra["polyfills"] = [
        SHIM_IFRAME_WORKER if "iframe-worker" in str(url) else url for url in polyfills
    ]
    return config


#: halaman naskah yang dipecah per Pasal / bagian Lampiran, dan halaman yang bagian berjudul
#: pertanyaannya dipecah (lihat ``pecah_halaman``); dicocokkan dengan ``halaman_dir`` (daring dan luring)
NASKAH = re.compile(r"^peraturan/(batang-tubuh|lampiran-[a-z])/$")
TANYA = re.compile(r"^panduan/")


class _AsyncioTanpaJeda:
    """``asyncio`` untuk modul layanan Pagefind, dengan ``sleep`` tanpa jeda.

    pagefind 1.5.2 (``pagefind/service/__init__.py``, ``_wait_for_responses``) menunggu
    ``asyncio.sleep(0.1)`` sebelum membaca SETIAP jawaban layanan, sehingga ~110 rekaman naskah
    memakan 11 s (diukur; tanpa jeda: 0,03 s untuk 100 rekaman). Pembacaan sesudahnya sudah
    menunggu data (``readuntil``), jadi jeda itu tidak diperlukan.
    """

    def __getattr__(self, nama):
        return getattr(asyncio, nama)

    @staticmethod
    async def sleep(*_args, **_kwargs):
        await asyncio.sleep(0)


async def _tulis_indeks(sementara: str, keluaran: str, rekaman: list[Rekaman]) -> None:
    import pagefind.service
    from pagefind.index import IndexConfig, PagefindIndex

    pagefind.service.asyncio = _AsyncioTanpaJeda()

    # output_path wajib: tanpanya Pagefind menulis ./pagefind di direktori kerja.
    konfig = IndexConfig(exclude_selectors=[s.strip() for s in PAGEFIND_ABAIKAN.split(",")],
                         output_path=keluaran)
    # Tanpa ``async with``: __aexit__ menulis ulang indeks lalu langsung menghentikan layanan, padahal
    # layanan menjawab WriteFiles sebelum semua berkas selesai ditulis — pagefind-entry.json bisa
    # tertinggal kosong (teramati 1 dari 6 run). Di sini: tulis sekali, tunggu sampai berkas indeks
    # lengkap dan tidak berubah, baru hentikan layanan (__aexit__ dengan exc_type → tanpa tulis ulang).
    indeks = await PagefindIndex(konfig).__aenter__()
    try:
        await indeks.add_directory(sementara)
        for r in rekaman:
            bobot = bobot_untuk(r.url)
            if bobot:
                r = Rekaman(r.url, r.judul, berbobot(r.isi, bobot))
            await indeks.add_html_file(content=r.html(), url=r.url)
        await indeks.write_files()
        await _tunggu_indeks_lengkap(keluaran)
    finally:
        await indeks.__aexit__(_SelesaiTanpaTulisUlang, None, None)


class _SelesaiTanpaTulisUlang(Exception):
    """Penanda untuk ``PagefindIndex.__aexit__``: indeks sudah ditulis, cukup hentikan layanan."""


async def _tunggu_indeks_lengkap(keluaran: str, batas_detik: float = 60.0) -> None:
    entri = Path(keluaran, "pagefind-entry.json")
    sebelum = None
    akhir = time.monotonic() + batas_detik
    while time.monotonic() < akhir:
        try:
            json.loads(entri.read_text(encoding="utf-8"))
            kini = sorted((str(p), p.stat().st_size) for p in Path(keluaran).rglob("*") if p.is_file())
        except (OSError, ValueError):
            kini = None
        if kini is not None and kini == sebelum:
            return
        sebelum = kini
        await asyncio.sleep(0.2)
    raise RuntimeError(f"indeks Pagefind di {keluaran} tidak lengkap setelah {batas_detik:.0f} s")


def indeks_pagefind(site: str) -> float:
    """Bangun indeks Pagefind untuk ``site`` ke ``site/pagefind/``; kembalikan detik.

    Juga dipakai tes pencarian (tests/browser) agar mengukur indeks yang sama persis.
    """
    mulai = time.perf_counter()
    akar = Path(site)
    keluaran = str(akar.resolve() / "pagefind")
    shutil.rmtree(keluaran, ignore_errors=True)  # tanpa potongan indeks lama (build --dirty)
    with tempfile.TemporaryDirectory(prefix="pagefind-") as sementara:
        # Salinan HTML khusus pengindeksan (bagian templat berbobot rendah, naskah Perbup dipecah
        # per Pasal); URL sama. HTML yang diterbitkan tidak diubah.
        halaman = {
            p.relative_to(akar).as_posix(): p.read_text(encoding="utf-8")
            for p in akar.rglob("*.html")
            if p.relative_to(akar).parts[0] != "pagefind" and p.name != "404.html"
        }
        rekaman: list[Rekaman] = []
        for rel, teks in halaman.items():
            d = halaman_dir(rel)
            if NASKAH.match(d) or TANYA.match(d):
                halaman[rel], r = pecah_halaman(url_halaman(rel), teks, tanya=bool(TANYA.match(d)))
                rekaman.extend(r)
        for rel, teks in tandai_templat(halaman).items():
            tujuan = Path(sementara, rel)
            tujuan.parent.mkdir(parents=True, exist_ok=True)
            tujuan.write_text(bobot_halaman(rel, tandai_singkatan(rel, teks)), encoding="utf-8")
        try:
            # Di utas sendiri: pemanggil (mis. tes dengan Playwright) bisa sedang menjalankan event loop.
            with ThreadPoolExecutor(max_workers=1) as utas:
                utas.submit(asyncio.run, _tulis_indeks(sementara, keluaran, rekaman)).result()
        except (ImportError, FileNotFoundError) as exc:
            raise PluginError(
                "Pagefind tidak dapat dijalankan (pasang dengan `pip install -e '.[site]'`, paket PyPI "
                f"pagefind[bin]): {exc}") from exc
        except Exception as exc:  # galat layanan Pagefind: tampilkan pesannya, bukan traceback
            raise PluginError(f"Pagefind gagal mengindeks situs: {exc}") from exc
    if not os.path.isfile(os.path.join(keluaran, "pagefind.js")):
        raise PluginError(f"Pagefind tidak menulis {keluaran}/pagefind.js: indeks pencarian tidak terbentuk.")
    return time.perf_counter() - mulai


@event_priority(-200)  # paling akhir: setelah halaman dan indeks lain ditulis
def on_post_build(config):
    if luring():
        return
    detik = indeks_pagefind(config["site_dir"])
    log.info("indeks Pagefind dibuat dalam %.1f s", detik)
