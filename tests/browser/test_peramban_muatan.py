"""Konten org bermusuhan: situs dibangun dari berkas org yang setiap medan teksnya bermuatan
serangan (``muatan.py``), lalu setiap halaman terbangkit dibuka di chromium.

Yang dibuktikan:

* tidak ada dialog (``alert``) dan tidak ada elemen sisipan (``[onerror]``, ``[onload]``, ``iframe``)
  di halaman mana pun, termasuk navigasi (label rentang abjad grup > 25 unit), ``<title>`` dan
  hasil pencarian Pagefind;
* setiap muatan tampil sebagai teks apa adanya di halaman unitnya (dan label navigasi);
* tepat satu halaman per unit dan per nama jabatan, walau id/nama bertabrakan (``index``, ``con``,
  ``Analis X``/``Analis-X``/``Analis.X``, nama 300 karakter); id elemen unik di setiap halaman.

Pertahanan utama adalah escape di keluaran. Aturan ``check`` yang menolak karakter/id tertentu
(:data:`LAPIS_KEDUA`) hanya lapis kedua, jadi build di sini berjalan *tanpa* aturan itu: situs harus
aman walau lapis kedua dilewati. Apa yang ditolak ``check`` untuk setiap muatan dicatat di
``test-artifacts/muatan.json``.
"""
from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "situs"))
from alat_peramban import ARTEFAK, ROOT  # noqa: E402
from muatan import MUATAN, NAMA_TABRAKAN, medan_tak_tercakup, org_bermuatan, sisa_templat  # noqa: E402
from situs_alat import salin_proyek  # noqa: E402

#: aturan lapis kedua (menolak karakter kendali/bidi/lebar-nol, '<'/'>' di nama, id terlarang);
#: dimatikan untuk build uji ini
LAPIS_KEDUA = ("SK11", "SK12")

_BANGUN = """
import sys
from policy.rules import ATURAN
for rid in sys.argv[1].split(","):
    ATURAN.pop(rid, None)
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "--strict", "-q", "-d", sys.argv[2]]
cli()
"""


def _rata(s: str) -> str:
    return " ".join(s.split())


@pytest.fixture(scope="module")
def proyek(tmp_path_factory):
    """(root proyek bermuatan, situs, data org, hasil check JSON)."""
    orgs, cakupan = org_bermuatan()
    root = tmp_path_factory.mktemp("muatan") / "proyek"
    salin_proyek(root)
    for p in (root / "orgs").glob("*.yaml"):
        p.unlink()
    for uid, org in orgs.items():
        (root / "orgs" / f"{uid}.yaml").write_text(
            yaml.safe_dump(org, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    cek = subprocess.run([sys.executable, "-m", "policy", "check", "orgs", "--format", "json"], cwd=root,
                         capture_output=True, text=True)
    assert "Traceback" not in cek.stderr, cek.stderr
    hasil_cek = json.loads(cek.stdout)
    situs = root.parent / "site"
    b = subprocess.run([sys.executable, "-c", _BANGUN, ",".join(LAPIS_KEDUA), str(situs)], cwd=root,
                       capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin",
                                                            "PYTHONPATH": str(ROOT)})
    assert b.returncode == 0, f"build gagal:\n{b.stdout[-3000:]}\n{b.stderr[-5000:]}"
    return root, situs, orgs, cakupan, hasil_cek


def test_setiap_medan_teks_model_bermuatan(proyek):
    _, _, orgs, cakupan, _ = proyek
    assert medan_tak_tercakup(cakupan) == [], "medan teks model tanpa muatan: tambahkan ke templat muatan.py"
    assert sisa_templat(orgs) == []
    for jalur, dipakai in cakupan.items():
        if len(dipakai) < len(MUATAN):  # medan yang hanya muncul di satu-dua unit templat
            continue
        assert set(dipakai) == set(MUATAN), jalur


def _h1(berkas: Path) -> str:
    m = re.search(r"<h1[^>]*>(.*?)</h1>", berkas.read_text(encoding="utf-8"), re.S)
    assert m, berkas
    tanpa_tautan = re.sub(r'<a class="headerlink".*?</a>', "", m.group(1), flags=re.S)
    return _rata(html.unescape(re.sub(r"<[^>]+>", "", tanpa_tautan)))


_JENJANG = re.compile(r"\s+(Ahli\s+(?:Utama|Madya|Muda|Pertama)|Terampil|Mahir|Penyelia|Pemula)$")


def test_tepat_satu_halaman_per_unit_dan_jabatan(proyek):
    _, situs, orgs, _, _ = proyek
    # unit: setiap org punya tepat satu halaman unit/<grup>/<x>/ ber-H1 namanya
    halaman_unit = [p for p in (situs / "unit").glob("*/*/index.html") if p.parts[-3] != "jabatan"]
    judul = Counter(_h1(p) for p in halaman_unit)
    for uid, org in orgs.items():
        assert judul[_rata(org["nama"])] == 1, f"{uid}: {judul[_rata(org['nama'])]} halaman"
    assert len(halaman_unit) == len(orgs)
    # halaman grup tetap halaman grup (unit 'index' tidak menimpanya)
    assert _h1(situs / "unit" / "dinas" / "index.html") == "Dinas"
    # jabatan: satu halaman per (jenis, nama tanpa jenjang)
    harapan = Counter()
    for org in orgs.values():
        for k in org.get("kelompok", []):
            for a in k["anggota"]:
                harapan[(a["jenis"], _JENJANG.sub("", _rata(a["jabatan"])).strip())] += 0
    jabatan = [p for p in (situs / "unit" / "jabatan").glob("*/index.html")]
    judul_jab = Counter(_h1(p) for p in jabatan)
    for (_, nama) in harapan:
        assert judul_jab[nama] >= 1, f"halaman jabatan {nama!r} hilang"
    assert len(jabatan) == len(harapan), (len(jabatan), len(harapan))
    for n in NAMA_TABRAKAN:
        assert judul_jab[_JENJANG.sub("", n).strip()] == 1, n
    assert _h1(situs / "unit" / "jabatan" / "index.html") == "Indeks jabatan"
    # nama panjang: path tetap di bawah batas sistem berkas
    assert max(len(p.parent.name) for p in jabatan) <= 64


def test_id_elemen_unik_di_setiap_halaman(proyek):
    _, situs, _, _, _ = proyek
    ganda = {}
    for p in sorted(situs.rglob("*.html")):
        ids = re.findall(r'\sid="([^"]+)"', p.read_text(encoding="utf-8"))
        d = sorted(i for i, n in Counter(ids).items() if n > 1)
        if d:
            ganda[str(p.relative_to(situs))] = d
    assert ganda == {}


def _halaman_terbangkit(situs: Path) -> list[str]:
    hasil = ["", "kepatuhan/"]
    for p in sorted((situs / "unit").rglob("index.html")) + sorted((situs / "mekanisme").rglob("index.html")):
        hasil.append(str(p.parent.relative_to(situs)) + "/")
    return hasil


_PERIKSA = """() => {
  const sisip = document.querySelectorAll('[onerror], [onload], iframe, img[src="x"], svg[onload]').length;
  const isi = document.querySelector('article') ? document.querySelector('article').textContent : '';
  const nav = [...document.querySelectorAll('nav.md-nav--primary')].map(n => n.textContent).join(' ');
  const h1 = document.querySelector('article h1');
  const h1teks = h1 ? [...h1.childNodes].filter(n => !(n.classList && n.classList.contains('headerlink')))
                        .map(n => n.textContent).join('') : '';
  return {sisip, isi, nav, judul: document.title, h1: h1teks};
}"""


_PERIKSA_CARI = """() => {
  const d = document.querySelector('dialog.skd-cari');
  return {sisip: d.querySelectorAll('[onerror], [onload], iframe, img[src="x"], script').length,
          teks: [...d.querySelectorAll('.pagefind-ui__result-link')].map(a => a.textContent).join(' ')};
}"""


def test_setiap_halaman_tanpa_skrip_dan_muatan_tampil_apa_adanya(proyek, tab):
    root, situs, orgs, cakupan, hasil_cek = proyek
    from alat_peramban import sajikan
    srv = sajikan(situs)
    dialog: list[str] = []
    tab.page.on("dialog", lambda d: (dialog.append(f"{tab.page.url}: {d.message}"), d.dismiss()))
    tampil: dict[str, set[str]] = defaultdict(set)
    masalah: list[str] = []
    try:
        halaman = _halaman_terbangkit(situs)
        assert len(halaman) > len(orgs)
        for path in halaman:
            tab.buka(srv.url + path)
            r = tab.page.evaluate(_PERIKSA)
            if r["sisip"]:
                masalah.append(f"{path}: {r['sisip']} elemen sisipan")
            teks = _rata(r["isi"]) + " " + _rata(r["nav"]) + " " + _rata(r["judul"])
            for m in MUATAN:
                if _rata(m) in teks:
                    tampil[m].add(path)
            # halaman unit: setiap teks org unit itu tampil apa adanya
            if path.startswith("unit/") and not path.startswith("unit/jabatan/") and path.count("/") == 3:
                org = next((o for o in orgs.values() if _rata(o["nama"]) == _rata(r["h1"])), None)
                if org is None:
                    masalah.append(f"{path}: H1 {r['h1']!r} bukan nama unit mana pun")
                else:
                    for t in _teks_org(org):
                        if _rata(t) not in _rata(r["isi"]):
                            masalah.append(f"{path}: teks {t!r} tidak tampil apa adanya")
        # navigasi grup Dinas (> 25 unit): label rentang abjad memuat nama unit bermuatan apa adanya
        tab.buka(srv.url + "unit/dinas/", tunggu_diagram=False)
        label = tab.page.eval_on_selector_all(
            "nav.md-nav--primary .md-nav__link, nav.md-nav--primary .md-nav__title",
            "els => els.map(e => e.textContent)")
        dinas = sorted((_rata(o["nama"]) for o in orgs.values() if o["jenis"] == "dinas"), key=str.casefold)
        assert any(dinas[0] in _rata(x) for x in label), (dinas[0], label)
        assert any(dinas[-1] in _rata(x) for x in label), (dinas[-1], label)
        # hasil pencarian (Pagefind): judul dan cuplikan bermuatan tampil sebagai teks
        for kata in ("onerror", "script", "iframe", "securityLevel", "entitas"):
            tab.buka(srv.url + "?cari=" + kata, tunggu_diagram=False)
            tab.page.locator("dialog.skd-cari .pagefind-ui__result-link").first.wait_for(timeout=15000)
            r = tab.page.evaluate(_PERIKSA_CARI)
            if r["sisip"]:
                masalah.append(f"pencarian {kata!r}: {r['sisip']} elemen sisipan")
            for m in MUATAN:
                if _rata(m) in _rata(r["teks"]):
                    tampil[m].add("?cari=" + kata)
    finally:
        srv.tutup()
    ditolak: dict[str, list[str]] = defaultdict(list)
    for f in hasil_cek["findings"]:
        for m in MUATAN:
            if f["severity"] == "error" and f["rule"] not in ditolak[m] and _cocok(root, f, m):
                ditolak[m].append(f["rule"])
    ARTEFAK.mkdir(exist_ok=True)
    (ARTEFAK / "muatan.json").write_text(json.dumps(
        {m: {"ditolak_check": sorted(ditolak[m]), "tampil_apa_adanya_di": len(tampil[m])} for m in MUATAN},
        indent=2, ensure_ascii=False), encoding="utf-8")
    assert dialog == []
    assert masalah == [], "\n".join(masalah)
    for m in MUATAN:
        assert tampil[m], f"muatan {m!r} tidak tampil apa adanya di halaman mana pun"


def _teks_org(org: dict) -> list[str]:
    """Teks org yang harus terbaca di halaman unitnya."""
    teks = [org["nama"], *org.get("dasar_hukum", []), *(a for a in org.get("aplikasi_spbe", []) if a != "srikandi")]
    if org.get("singkatan"):
        teks.append(org["singkatan"])
    if org.get("pengecualian_level"):
        teks += [*org["pengecualian_level"]["kriteria"], org["pengecualian_level"]["dasar"]]
    for p in org["struktur"]:
        teks += [p["jabatan"]] + ([p["dasar_pengangkatan"]] if p.get("dasar_pengangkatan") else [])
    for k in org.get("kelompok", []):
        teks += [k.get("nama") or k["id"], *(a["jabatan"] for a in k["anggota"])]
        if k.get("pendelegasian"):
            teks.append(k["pendelegasian"])
    for t in org.get("tim_kerja", []):
        teks.append(t["nama"])
        for a in [t["ketua"], *t.get("anggota", [])]:
            teks += [a["jabatan"]] + ([a["instansi"]] if a.get("instansi") else [])
    return teks


def _cocok(root: Path, f: dict, muatan: str) -> bool:
    """Apakah temuan ``f`` menunjuk baris berkas yang memuat ``muatan``."""
    try:
        baris = (root / f["file"]).read_text(encoding="utf-8").splitlines()[f["line"] - 1]
    except (OSError, IndexError):
        return False
    potong = _rata(muatan)[:12].replace("'", "''")
    return potong in baris or _rata(muatan)[:12] in baris
