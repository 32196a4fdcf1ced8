"""Pencarian yang memahami bahasa Indonesia (issue 7 butir 3) dan menempatkan jawaban yang jelas
di urutan pertama (issue 11 butir 7), diukur di peramban nyata.

Kueri dan tautan harapan ada di ``kueri.yaml``; aturan pencocokan (halaman atau ``#jangkar``,
``pertama``) dan pemanggilan Pagefind lewat pembungkus situs ada di ``kueri_cari.py`` (dipakai juga
``scripts/ukur_pencarian.py``, yang mengukur dengan 300 unit). Dua mesin diukur pada situs yang
SAMA (salinan luring, yang memuat indeks pencarian Material; Pagefind dijalankan atas salinan yang
sama):
- Pagefind (stemmer Snowball Indonesia, dipakai situs daring) lewat pembungkus
  ``assets/js/cari/pagefind.js`` yang juga dimuat antarmuka situs;
- pencarian bawaan Material (lunr, tanpa stemmer Indonesia) lewat kotak pencariannya.
Hasil per kueri ditulis ke ``test-artifacts/pencarian.json``. Pagefind harus mencapai target
(:data:`TARGET` kueri: harapan di 3 teratas) dan setiap kueri ``pertama`` di peringkat 1, di situs
daring yang sebenarnya diterbitkan. Angka terukur: tests/browser/CATATAN.md.
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from alat_peramban import ARTEFAK, catat_ukuran, sajikan
from kueri_cari import TOP, cari_pagefind, muat_kueri, nilai, normal

KUERI = muat_kueri()
#: terukur 50/55 (90,9%) data contoh dan 49/55 (89,1%) dengan 300 unit (CATATAN.md); di bawah
#: 49/55 berarti ada kueri yang dulu tepat kini meleset
TARGET = 0.89


def cari(tab, url_dasar: str) -> dict[str, list[dict]]:
    return cari_pagefind(tab.page, url_dasar, KUERI)


def ringkas(hasil: dict[str, list[dict]]) -> dict[str, list[str]]:
    return {q: [normal(r["url"], jangkar=True) for r in v[:TOP]] for q, v in hasil.items()}


TUNGGU_MATERIAL_JS = """
(q) => {
  const meta = document.querySelector('.md-search-result__meta');
  // "N dokumen ditemukan" atau "Tidak ada dokumen yang sesuai" (bukan "Mempersiapkan…"/"Ketik…")
  if (!meta || !/ditemukan|Tidak ada dokumen/i.test(meta.textContent)) return false;
  const isi = document.querySelector('.md-search-result__list').innerHTML + meta.textContent;
  const w = window.__uji || (window.__uji = {});
  const stabil = w.q === q && w.isi === isi && Date.now() - w.t > 300;
  if (w.q !== q || w.isi !== isi) { w.q = q; w.isi = isi; w.t = Date.now(); }
  return stabil;
}
"""


# Setiap hasil Material: tautan pertama (halaman/bagian terbaik) dan tautan bagian lain di bawahnya.
MATERIAL_HASIL_JS = """
els => els.map(li => {
  const a = [...li.querySelectorAll('a.md-search-result__link')].map(x => x.href);
  return { url: a[0], sub: a.slice(1) };
})
"""


def cari_material(tab, url_dasar: str) -> dict[str, list[dict]]:
    page = tab.page
    tab.buka(url_dasar + "index.html", tunggu_diagram=False)
    hasil = {}
    kotak = page.locator("input.md-search__input")
    kotak.click()
    for k in KUERI:
        # Material bereaksi pada ketikan (keyup), bukan pada `fill` berturut-turut.
        kotak.fill("")
        kotak.press("Backspace")
        page.wait_for_function(
            "() => /Ketik/.test(document.querySelector('.md-search-result__meta').textContent)",
            timeout=15000)
        kotak.press_sequentially(k["q"], delay=5)
        page.wait_for_function(TUNGGU_MATERIAL_JS, arg=k["q"], timeout=15000, polling=100)
        hasil[k["q"]] = page.eval_on_selector_all(
            ".md-search-result__list > li.md-search-result__item", MATERIAL_HASIL_JS)[:TOP]
    return hasil


@pytest.fixture(scope="module")
def luring_dengan_pagefind(situs_luring, tmp_path_factory):
    """Salinan situs luring + indeks Pagefind: kedua mesin diukur atas HTML yang sama."""
    salinan = tmp_path_factory.mktemp("banding") / "situs"
    shutil.copytree(situs_luring, salinan)
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "hooks"))
    try:
        from pencarian import indeks_pagefind  # indeks yang sama dengan build situs daring
    finally:
        sys.path.pop(0)
    indeks_pagefind(str(salinan))
    srv = sajikan(salinan)
    yield srv
    srv.tutup()


def test_kueri_cukup_dan_harapan_ada(situs):
    assert len(KUERI) >= 50
    assert sum(1 for k in KUERI if k.get("pertama")) >= 10
    for k in KUERI:
        for h in k["harap"]:
            path, _, jangkar = h.partition("#")
            berkas = situs / path / "index.html"
            assert berkas.is_file(), f"kueri {k['q']!r}: halaman harapan {path} tidak ada"
            if jangkar:
                assert f'id="{jangkar}"' in berkas.read_text(encoding="utf-8"), \
                    f"kueri {k['q']!r}: jangkar #{jangkar} tidak ada di {path}"


def test_bandingkan_pagefind_dan_material(tab, luring_dengan_pagefind):
    url = luring_dengan_pagefind.url
    pf = cari(tab, url)
    mat = cari_material(tab, url)
    skor_pf, skor_mat = nilai(KUERI, pf), nilai(KUERI, mat)
    ARTEFAK.mkdir(exist_ok=True)
    (ARTEFAK / "pencarian.json").write_text(json.dumps({
        "jumlah_kueri": len(KUERI), "top": TOP,
        "pagefind": {**skor_pf, "hasil": ringkas(pf)},
        "material": {**skor_mat, "hasil": ringkas(mat)},
    }, indent=2, ensure_ascii=False))
    catat_ukuran("pencarian_top3", {"pagefind": round(skor_pf["tepat"], 3), "material": round(skor_mat["tepat"], 3),
                                    "kueri": len(KUERI)})
    tab.bersih()
    assert skor_pf["tepat"] >= skor_mat["tepat"], \
        f"Pagefind {skor_pf['tepat']:.0%} < Material {skor_mat['tepat']:.0%}: tinjau ulang pilihan mesin"
    assert skor_pf["tepat"] >= TARGET, f"Pagefind {skor_pf['tepat']:.0%} < {TARGET:.0%}; meleset: {skor_pf['meleset']}"


def test_pagefind_situs_daring(tab, server):
    """Situs yang diterbitkan (URL direktori): target 3 teratas, dan setiap kueri ``pertama``
    (nomor Pasal, nama jabatan/unit persis, pertanyaan yang dijawab Panduan) di peringkat 1."""
    skor = nilai(KUERI, cari(tab, server.url))
    tab.bersih()
    assert skor["bukan_pertama"] == [], f"bukan di peringkat 1: {skor['bukan_pertama']}"
    assert skor["tepat"] >= TARGET, f"Pagefind {skor['tepat']:.0%} < {TARGET:.0%}; meleset: {skor['meleset']}"


def test_antarmuka_pencarian(tab, server):
    """Tombol Cari di kepala halaman membuka dialog Pagefind; hasil dapat diklik."""
    page = tab.page
    tab.buka(server.url + "peraturan/", tunggu_diagram=False)
    assert page.locator(".md-search").count() == 0, "pencarian Material masih aktif di situs daring"
    page.locator("button.skd-cari-tombol").click()
    kotak = page.locator("dialog.skd-cari input")
    kotak.wait_for(timeout=10000)
    kotak.fill("ditugaskan")
    tautan = page.locator("dialog.skd-cari .pagefind-ui__result-link")
    tautan.first.wait_for(timeout=10000)
    teratas = [normal(h) for h in tautan.evaluate_all(f"els => els.slice(0, {TOP}).map(a => a.href)")]
    assert {"panduan/penugasan/", "peraturan/batang-tubuh/", "peraturan/lampiran-b/"} & set(teratas), teratas
    tab.screenshot("pencarian-pagefind")
    tautan.first.click()
    page.wait_for_load_state("load")
    assert normal(page.url) == teratas[0]
    tab.bersih()


def test_alamat_cari(tab, server):
    """``?cari=kata`` membuka dialog dengan hasilnya (tautan dari halaman lain, bookmark)."""
    page = tab.page
    tab.buka(server.url + "?cari=puskesmas%20sidikalang", tunggu_diagram=False)
    tautan = page.locator("dialog.skd-cari .pagefind-ui__result-link")
    tautan.first.wait_for(timeout=10000)
    assert normal(tautan.first.get_attribute("href")) == "unit/uptd/puskesmas-sidikalang/"
    tab.bersih()


def test_antarmuka_jawaban_pertama(tab, server):
    """Dialog pencarian memakai pembungkus yang sama: "pasal 10" → tautan pertama Pasal 10 itu
    sendiri (bukan Katalog Aturan atau sub-hasil kedua Batang Tubuh), dan mengkliknya membuka
    jangkarnya; pertanyaan → halaman Panduan."""
    page = tab.page
    harapan = {"pasal 10": "peraturan/batang-tubuh/#pasal-10",
               "Penata Layanan Operasional": "unit/jabatan/penata-layanan-operasional/",
               "siapa penilai kinerja saya": "panduan/penilai-kinerja/"}
    for kata, harap in harapan.items():
        tab.buka(server.url + "unit/?cari=" + kata.replace(" ", "%20"), tunggu_diagram=False)
        tautan = page.locator("dialog.skd-cari .pagefind-ui__result-link")
        tautan.first.wait_for(timeout=10000)
        assert normal(tautan.first.get_attribute("href"), jangkar=True) == harap, \
            (kata, tautan.evaluate_all("els => els.slice(0, 3).map(a => a.href)"))
    tautan.first.click()  # terakhir: Panduan
    page.wait_for_load_state("load")
    assert normal(page.url) == "panduan/penilai-kinerja/"
    tab.buka(server.url + "?cari=pasal%2010", tunggu_diagram=False)
    page.locator("dialog.skd-cari .pagefind-ui__result-link").first.click()
    page.wait_for_load_state("load")
    assert normal(page.url, jangkar=True) == "peraturan/batang-tubuh/#pasal-10"
    tab.bersih()
