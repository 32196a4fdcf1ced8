"""Alat tes situs: bangun mkdocs pada salinan proyek, baca HTML, ambil teks Mermaid.

Semua pembacaan berkas org di sini dilakukan langsung dengan PyYAML (bukan lewat ``policy``),
agar tes membandingkan situs dengan berkas org secara independen.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
MKDOCS = ROOT / ".venv" / "bin" / "mkdocs"
#: isi proyek yang dibutuhkan mkdocs build
SALIN = ("mkdocs.yml", "docs", "hooks", "overrides", "orgs")


def salin_proyek(tujuan: Path) -> Path:
    """Salin bagian proyek yang dibutuhkan build ke ``tujuan`` (orgs/ boleh diubah tes)."""
    tujuan.mkdir(parents=True, exist_ok=True)
    for nama in SALIN:
        src = ROOT / nama
        if src.is_dir():
            shutil.copytree(src, tujuan / nama, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, tujuan / nama)
    return tujuan


def bangun(root: Path, site: Path) -> tuple[subprocess.CompletedProcess, float]:
    """``mkdocs build --strict -d site`` di ``root``; (proses, detik)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SITUS_LURING", None)
    mulai = time.monotonic()
    p = subprocess.run([str(MKDOCS), "build", "--strict", "-d", str(site)], cwd=root,
                       capture_output=True, text=True, timeout=900, env=env)
    if p.returncode == 0:
        muat_sumber(site)
    return p, time.monotonic() - mulai


#: nama berkas SVG diagram → teks Mermaid-nya, dari ``assets/diagram/sumber.json`` situs yang dibangun
_SUMBER: dict[str, str] = {}


def muat_sumber(site: Path) -> dict[str, str]:
    """Daftar teks Mermaid setiap SVG diagram situs (ditulis hooks/diagram.py)."""
    data = json.loads((site / "assets" / "diagram" / "sumber.json").read_text(encoding="utf-8"))
    _SUMBER.update(data)
    return data


def muat_org(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def halaman_unit_html(site: Path, uid: str) -> Path:
    hasil = [p for p in (site / "unit").glob(f"*/{uid}/index.html") if p.parts[-3] != "jabatan"]
    assert len(hasil) == 1, f"halaman unit {uid} tidak tepat satu: {hasil}"
    return hasil[0]


_IMG_DIAGRAM = re.compile(r'<img src="[^"]*assets/diagram/([0-9a-f]+\.svg)"')


def blok_mermaid(teks_html: str) -> list[str]:
    """Teks Mermaid setiap diagram (``<img>`` SVG yang digambar saat build) di fragmen HTML,
    berurutan — dicari di ``sumber.json`` situs yang dibangun :func:`bangun`."""
    return [_SUMBER[n] for n in _IMG_DIAGRAM.findall(teks_html)]


def teks_label(mermaid: str) -> str:
    """Teks yang terbaca di diagram: entitas Mermaid ``#34;`` didekode, ``<br/>`` jadi spasi."""
    mermaid = re.sub(r"\A---\n.*?\n---\n", "", mermaid, flags=re.S)  # front matter config
    t = re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), mermaid).replace("\u2060", "")
    t = re.sub(r"<br\s*/?>", " ", t)
    return " ".join(t.split())


def polos(fragmen: str) -> str:
    """Teks polos dari fragmen HTML."""
    fragmen = re.sub(r'<a class="headerlink".*?</a>', " ", fragmen, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragmen)).split())


def bagian(teks_html: str, anchor: str) -> str:
    """HTML dari judul ber-id ``anchor`` sampai judul berikutnya yang setingkat atau lebih tinggi."""
    m = re.search(rf'<h([1-6]) id="{re.escape(anchor)}"', teks_html)
    assert m, f"judul #{anchor} tidak ada"
    tingkat = int(m.group(1))
    sisa = teks_html[m.end():]
    akhir = re.search(rf"<h[1-{tingkat}][ >]", sisa)
    return sisa[: akhir.start()] if akhir else sisa


def baris_tabel(fragmen: str) -> dict[str, str]:
    """Tabel dua kolom atau daftar definisi → {teks sel kiri/istilah: teks sel kanan/isi}."""
    hasil = {}
    for kiri, kanan in re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*</tr>", fragmen, re.S):
        hasil[polos(kiri)] = polos(kanan)
    for kiri, kanan in re.findall(r"<dt[^>]*>(.*?)</dt>\s*<dd[^>]*>(.*?)</dd>", fragmen, re.S):
        hasil[polos(kiri)] = polos(kanan)
    return hasil


def elemen(teks_html: str, id_: str) -> str:
    """HTML utuh elemen ber-``id`` (dari tag pembuka sampai penutup pasangannya)."""
    m = re.search(rf'<([a-z0-9]+)\b[^>]*\sid="{re.escape(id_)}"[^>]*>', teks_html)
    assert m, f"elemen #{id_} tidak ada"
    tag, kedalaman = m.group(1), 0
    for t in re.finditer(rf"<(/?){tag}\b[^>]*>", teks_html[m.start():]):
        kedalaman += -1 if t.group(1) else 1
        if kedalaman == 0:
            return teks_html[m.start(): m.start() + t.end()]
    return teks_html[m.start():]


def mekanisme_harapan(org: dict, k: dict) -> str:
    """Mekanisme menurut tabel klasifikasi SPEC, ditulis ulang di tes (independen dari tabel katalog).

    Logikanya menyebut nomor contoh Lampiran D (angka 1–10) dan huruf struktur penugasan pola
    umum; hanya *nama kode* untuk nomor/huruf itu yang dibaca dari katalog.
    """
    from policy.katalog import katalog

    d = lambda n: katalog().mekanisme_contoh(n).kode  # noqa: E731
    pos = {p["id"]: p for p in org["struktur"]}
    top = next(p for p in org["struktur"] if not p.get("atasan"))

    def level(pid: str) -> int:
        n, p = 1, pos[pid]
        while p.get("atasan"):
            n, p = n + 1, pos[p["atasan"]]
        return n

    P, U, T = pos[k["penilai"]], pos[k["pimpinan_unit"]], top
    if org["jenis"] == "sekretariat_daerah":
        lp, lu = level(P["id"]), level(U["id"])
        if (lp, lu) == (1, 2):
            return d(8)
        if (lp, lu) == (2, 3):
            return d(9)
        if (lp, lu) == (3, 3) and P is U:
            return d(10)
    else:
        langsung = P is not U and U.get("atasan") == P["id"]
        if langsung and P["jenis"] == "jpt_pratama" and U["jenis"] == "administrator":
            return d(1)
        if P is U and P is not T and T["jenis"] == "jpt_pratama" and P["jenis"] == "administrator":
            return d(2)
        if P is U is T:
            n = {"jpt_pratama": 3, "administrator": 5, "pengawas": 6, "fungsional": 7}.get(T["jenis"])
            if n:
                return d(n)
        if langsung and P["jenis"] == "administrator" and U["jenis"] == "pengawas":
            return d(4)
    return katalog().pola_umum("a" if P is not U else ("c" if P is T else "b")).kode
