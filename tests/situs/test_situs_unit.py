"""Halaman unit terbangkit dibandingkan dengan berkas org (dibaca independen dengan PyYAML)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from policy.katalog import katalog
from policy.situs.konteks import nama_mekanisme
from situs_alat import (ROOT, bagian, baris_tabel, blok_mermaid, elemen, halaman_unit_html, mekanisme_harapan,
                        muat_org, polos, teks_label)

#: unit sampel yang bersama-sama mencakup M1–M10, umum-a dan umum-b
SAMPEL = ["diskominfo", "setda", "puskesmas-sidikalang", "kec-berampu", "uptd-balai-benih", "bappeda"]


def test_satu_halaman_per_berkas_org(situs: Path):
    ids = sorted(p.stem for p in (ROOT / "orgs").glob("*.yaml"))
    assert len(ids) >= 30
    halaman = sorted(p.parent.name for p in (situs / "unit").glob("*/*/index.html") if p.parts[-3] != "jabatan")
    assert halaman == ids


def test_sampel_mencakup_semua_mekanisme_contoh():
    harapan = set()
    for uid in SAMPEL:
        org = muat_org(ROOT / "orgs" / f"{uid}.yaml")
        harapan |= {mekanisme_harapan(org, k) for k in org["kelompok"]}
    assert set(katalog().kode_jenis("contoh")) <= harapan


def _rapat(s: str) -> str:
    """Teks polos tanpa spasi yang disisipkan ``polos`` di batas tag sebaris (mis. ``<abbr>Setda</abbr>:``)."""
    return re.sub(r"\s+([:,.;)])", r"\1", re.sub(r"([(])\s+", r"\1", s))


def _alur(html: str, kid: str) -> list[str]:
    """Teks diagram alur mekanisme kelompok (mengikuti rujukan "sama persis dengan alur ...")."""
    sec = elemen(html, f"alur-{kid}")
    blok = blok_mermaid(sec)
    if not blok:
        ref = re.search(r'href="#(alur-[^"]+)"', sec)
        assert ref, f"alur {kid} tanpa diagram dan tanpa rujukan"
        blok = blok_mermaid(elemen(html, ref.group(1)))
    return [teks_label(b) for b in blok]


@pytest.mark.parametrize("uid", SAMPEL)
def test_unit_sampel_sesuai_berkas_org(situs: Path, uid: str):
    org = muat_org(ROOT / "orgs" / f"{uid}.yaml")
    jab = {p["id"]: " ".join(p["jabatan"].split()) for p in org["struktur"]}
    top = next(p for p in org["struktur"] if not p.get("atasan"))
    html = halaman_unit_html(situs, uid).read_text(encoding="utf-8")
    assert polos(re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)) == org["nama"]

    # bagan struktur: setiap jabatan dan setiap kelompok ada di diagram
    bagan = " ".join(teks_label(b) for b in blok_mermaid(bagian(html, "bagan")))
    assert bagan.startswith("flowchart")
    for p in org["struktur"]:
        assert jab[p["id"]] in bagan, p["id"]
    for k in org["kelompok"]:
        assert " ".join((k.get("nama") or k["id"]).split()) in bagan, k["id"]

    for k in org["kelompok"]:
        sec = bagian(html, f"k-{k['id']}")
        baris = baris_tabel(sec)
        ppk = next(v for kunci, v in baris.items() if kunci.startswith("Pejabat Penilai Kinerja"))
        pu = next(v for kunci, v in baris.items() if kunci.startswith("Pimpinan Unit Organisasi"))
        mk = next(v for kunci, v in baris.items() if kunci.startswith("Mekanisme"))
        assert ppk == jab[k["penilai"]]
        assert pu == jab[k["pimpinan_unit"]]
        kode = mekanisme_harapan(org, k)
        # nama mekanisme yang membedakan (bukan kode saja, bukan judul Lampiran yang sama untuk M1–M3)
        assert _rapat(mk).startswith(nama_mekanisme(kode)), (k["id"], mk)

        diagram = " ".join(_alur(html, k["id"]))
        assert diagram.startswith("sequenceDiagram") or "sequenceDiagram" in diagram
        assert jab[k["penilai"]] in diagram, (k["id"], "PPK tidak ada di diagram")
        assert jab[k["pimpinan_unit"]] in diagram, (k["id"], "Pimpinan Unit tidak ada di diagram")
        if kode in {katalog().mekanisme_contoh(n).kode for n in (2, 8, 9, 10)}:
            # pejabat tertinggi (Pejabat Level 1 / Sekretaris Daerah) juga punya lajur bernama
            assert jab[top["id"]] in diagram, (k["id"], "pejabat tertinggi tidak ada di diagram")
        assert "Pejabat Level" not in diagram.replace("(Pejabat Level 1)", "").replace("(Pejabat Level 2)", ""), \
            "lajur tanpa nama jabatan sebenarnya"


def _kartu(html: str) -> dict[str, str]:
    """Kartu jawaban di atas halaman unit: {judul ringkasan: HTML kartu}."""
    wadah = elemen(html, "jawab-isi")
    return {polos(m.group(2)): m.group(0) for m in
            re.finditer(r'<details class="skd-kartu" id="(j[k]?-[^"]+)"><summary>(.*?)</summary>.*?</details>', wadah, re.S)}


def _jawaban(kartu_html: str) -> list[dict[str, str]]:
    """Setiap kelompok di satu kartu: nama kelompok, PPK, Pimpinan Unit, mekanisme, tautan alur."""
    hasil = []
    for blok in re.findall(r'<div class="skd-jawab__kelompok">(.*?)</div>', kartu_html, re.S):
        ambil = lambda kelas: _rapat(polos(re.search(rf'class="{kelas}">(.*?)</(?:dd|p)>', blok, re.S).group(1)))  # noqa: E731
        alur = re.search(r'href="#(alur-[^"]+)"', blok)
        hasil.append({"kelompok": re.search(r'href="#k-([^"]+)"', blok).group(1),
                      "ppk": ambil("skd-jawab__ppk"), "pu": ambil("skd-jawab__pu"), "mk": ambil("skd-jawab__mk"),
                      "alur": alur.group(1) if alur else None})
    return hasil


@pytest.mark.parametrize("uid", ["kec-sitinjo", "setda", "puskesmas-sidikalang"])
def test_jawaban_di_atas_halaman_unit_sesuai_berkas_org(situs: Path, uid: str):
    """Issue 11 butir 1: pilih jabatan → setiap kelompoknya dengan PPK, Pimpinan Unit, mekanisme."""
    org = muat_org(ROOT / "orgs" / f"{uid}.yaml")
    jab = {p["id"]: " ".join(p["jabatan"].split()) for p in org["struktur"]}
    html = halaman_unit_html(situs, uid).read_text(encoding="utf-8")
    # jawaban sebelum semua bagian lain
    assert html.index('id="jawab"') < html.index('id="ringkasan"') < html.index('id="kelompok"')
    kartu = _kartu(html)
    harapan: dict[str, list[dict]] = {}
    for k in org["kelompok"]:
        for a in k["anggota"]:
            daftar = harapan.setdefault(" ".join(a["jabatan"].split()), [])
            if k not in daftar:
                daftar.append(k)
    for nama, kel in harapan.items():
        judul = nama + (f" ({len(kel)} kelompok)" if len(kel) > 1 else "")
        assert judul in kartu, (nama, sorted(kartu))
        tampil = _jawaban(kartu[judul])
        assert [t["kelompok"] for t in tampil] == [k["id"] for k in kel], nama
        for t, k in zip(tampil, kel):
            assert t["ppk"] == jab[k["penilai"]], (nama, k["id"])
            assert t["pu"] == jab[k["pimpinan_unit"]], (nama, k["id"])
            assert t["mk"] == nama_mekanisme(mekanisme_harapan(org, k)), (nama, k["id"])
            assert t["alur"] == f"alur-{k['id']}" and f'id="alur-{k["id"]}"' in html
    # satu kartu per kelompok juga
    for k in org["kelompok"]:
        t = _jawaban(kartu[" ".join((k.get("nama") or k["id"]).split())])
        assert [x["ppk"] for x in t] == [jab[k["penilai"]]]
    assert len(kartu) == len(harapan) + len(org["kelompok"])


def test_satu_alur_ditampilkan_sekali(situs: Path):
    """Issue 11 butir 3: setiap diagram alur ada sekali, dengan langkahnya di tab di blok yang sama."""
    html = halaman_unit_html(situs, "kec-sitinjo").read_text(encoding="utf-8")
    blok = re.findall(r'<details class="abstract skd-alur"[^>]*>(.*?)</details>', html, re.S)
    assert len(blok) >= len(muat_org(ROOT / "orgs" / "kec-sitinjo.yaml")["kelompok"]) - 2
    for b in blok:
        assert re.search(r'<label for="[^"]+">Diagram</label><label for="[^"]+">Langkah</label>', b), b[:300]
        isi = re.findall(r'<div class="tabbed-block">', b)
        assert len(isi) == 2
        assert len(blok_mermaid(b)) == 1
        assert re.search(r"<th>No\.</th>", b)
    # di luar blok alur tidak ada diagram alur maupun tabel langkah (hanya bagan struktur)
    luar = re.sub(r'<details class="abstract skd-alur".*?</details>', "", html, flags=re.S)
    assert [teks_label(b).split()[0] for b in blok_mermaid(luar)] == ["flowchart"]
    assert "<th>No.</th>" not in luar


def test_tiga_tahap_dan_isi_wajib(situs: Path):
    html = halaman_unit_html(situs, "diskominfo").read_text(encoding="utf-8")
    teks = polos(html)
    for tahap in ("Tahap Perencanaan", "Tahap Pelaksanaan", "Tahap Evaluasi"):
        assert tahap in " ".join(teks_label(b) for b in blok_mermaid(html))
    for judul in ("pelaporan", "tanggung-jawab", "pengelolaan-kinerja", "pelibatan", "isi-surat", "tim-kerja",
                  "aplikasi-spbe"):
        assert f'id="{judul}"' in html, judul
    # empat isi surat permohonan pelibatan dan empat tahap Pasal 17
    assert len(re.findall(r"<li>", bagian(html, "isi-surat"))) == 4
    assert len(re.findall(r"<li>", bagian(html, "pengelolaan-kinerja"))) == 4
    # Gambar 19, 20, 22 digambar dengan pejabat unit ini
    org = muat_org(ROOT / "orgs" / "diskominfo.yaml")
    pemilik = {" ".join(p["jabatan"].split()) for p in org["struktur"]}
    for g in (19, 20, 22):
        label = " ".join(teks_label(b) for b in blok_mermaid(bagian(html, f"gambar-{g}-unit")))
        assert any(j in label for j in pemilik), g
    assert "Data contoh" in teks


def test_tim_lintas_unit_bertaut_dan_peringatan_tk01(situs: Path):
    html = halaman_unit_html(situs, "dinkes").read_text(encoding="utf-8")
    org = muat_org(ROOT / "orgs" / "dinkes.yaml")
    for t in org.get("tim_kerja", []):
        sec = bagian(html, f"t-{t['id']}")
        for a in t["anggota"]:
            if a.get("kelompok") and "/" in a["kelompok"]:
                uid, kid = a["kelompok"].split("/")
                assert re.search(rf'href="(\.\./)+([a-z-]+/)?{uid}/#k-{kid}"', sec), a
    # TK01 (lihat komentar di orgs/dinkes.yaml) tampil sebagai admonition dengan Pasal 10 ayat (3)
    peringatan = re.findall(r'<div class="admonition warning">(.*?)</div>', html, re.S)
    tk01 = [p for p in peringatan if "TK01" in p]
    assert tk01 and "#pasal-10-ayat-3" in tk01[0]


def test_koordinator_sk08(situs: Path):
    html = halaman_unit_html(situs, "rsud-sidikalang").read_text(encoding="utf-8")
    info = [polos(x) for x in re.findall(r'<div class="admonition info">(.*?)</div>', html, re.S)]
    assert any("SK08" in x and "koordinator" in x for x in info)


def test_tautan_anchor_halaman_saya_ada(situs: Path):
    """Setiap tautan #anchor di halaman unit/mekanisme/kepatuhan/panduan menunjuk id yang ada."""
    halaman = [p for p in situs.rglob("index.html")
               if p.relative_to(situs).parts[0] in ("unit", "mekanisme", "kepatuhan", "panduan")]
    halaman.append(situs / "index.html")
    cache: dict[Path, str] = {}
    salah = []
    for p in halaman:
        h = p.read_text(encoding="utf-8")
        for href in set(re.findall(r'href="([^"#:]*)#([^"]+)"', h)):
            tujuan = (p.parent / href[0]).resolve() if href[0] else p
            if tujuan.is_dir():
                tujuan = tujuan / "index.html"
            if tujuan not in cache:
                cache[tujuan] = tujuan.read_text(encoding="utf-8") if tujuan.is_file() else ""
            if f'id="{href[1]}"' not in cache[tujuan]:
                salah.append(f"{p.relative_to(situs)} → {href[0]}#{href[1]}")
    assert not salah, "\n".join(sorted(salah)[:30])


def test_halaman_mekanisme_mendaftar_pemakai(situs: Path):
    for kode, halaman in ((m.kode, m.halaman) for m in map(katalog().mekanisme_contoh, (7, 10))):
        html = (situs / halaman.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        pemakai = bagian(html, "pemakai")
        harapan = set()
        for p in (ROOT / "orgs").glob("*.yaml"):
            org = muat_org(p)
            if any(mekanisme_harapan(org, k) == kode for k in org["kelompok"]):
                harapan.add(org["id"])
        ditaut = set(re.findall(r'href="\.\./\.\./unit/[a-z-]+/([a-z0-9-]+)/"', pemakai))
        assert ditaut == harapan


def test_cari_unit_dan_indeks_jabatan(situs: Path):
    html = (situs / "unit" / "index.html").read_text(encoding="utf-8")
    for p in (ROOT / "orgs").glob("*.yaml"):
        org = muat_org(p)
        assert f"/{org['id']}/" in html, org["id"]
    jab = polos((situs / "unit" / "jabatan" / "index.html").read_text(encoding="utf-8"))
    assert "Pranata Komputer" in jab and "Dokter" in jab
    # halaman satu jabatan mendaftar setiap kelompok yang memuatnya (dibaca dari berkas org)
    harapan = set()
    for p in (ROOT / "orgs").glob("*.yaml"):
        org = muat_org(p)
        for k in org["kelompok"]:
            if any(a["jabatan"].startswith("Pranata Komputer ") for a in k["anggota"]):
                harapan.add(f"{org['id']}/#k-{k['id']}")
    html = (situs / "unit" / "jabatan" / "pranata-komputer" / "index.html").read_text(encoding="utf-8")
    ditaut = set(re.findall(r'href="\.\./\.\./[a-z-]+/([a-z0-9-]+/#k-[a-z0-9-]+)"', html))
    assert ditaut == harapan


def test_halaman_jabatan_menjawab_ppk_pimpinan_unit_mekanisme(situs: Path):
    """Issue 11 butir 1: halaman jabatan memuat PPK, Pimpinan Unit dan mekanisme per unit/kelompok."""
    harapan = {}
    for p in (ROOT / "orgs").glob("*.yaml"):
        org = muat_org(p)
        jab = {x["id"]: " ".join(x["jabatan"].split()) for x in org["struktur"]}
        for k in org["kelompok"]:
            for a in k["anggota"]:
                if " ".join(a["jabatan"].split()) == "Operator Layanan Operasional":
                    harapan[f"{org['id']}/#k-{k['id']}"] = (jab[k["penilai"]], jab[k["pimpinan_unit"]],
                                                            nama_mekanisme(mekanisme_harapan(org, k)))
    assert len(harapan) >= 3
    html = (situs / "unit" / "jabatan" / "operator-layanan-operasional" / "index.html").read_text(encoding="utf-8")
    tampil = {}
    for baris in re.findall(r"<tr>(.*?)</tr>", html, re.S):
        sel = {lbl: isi for lbl, isi in re.findall(r'<td data-label="([^"]+)">(.*?)</td>', baris, re.S)}
        if not sel:
            continue
        kunci = re.search(r'href="\.\./\.\./[a-z-]+/([a-z0-9-]+/#k-[a-z0-9-]+)"', sel["Unit — kelompok"]).group(1)
        tampil[kunci] = (_rapat(polos(sel["Pejabat Penilai Kinerja"])), _rapat(polos(sel["Pimpinan Unit Organisasi"])),
                         _rapat(polos(re.sub(r"<br>.*", "", sel["Mekanisme"], flags=re.S))))
    assert tampil == harapan


def test_kepatuhan_mengelompokkan_per_aturan(situs: Path):
    html = (situs / "kepatuhan" / "index.html").read_text(encoding="utf-8")
    ringkas = [polos(s) for s in re.findall(r"<summary>(.*?)</summary>", html, re.S)]
    tk01 = [s for s in ringkas if s.startswith("TK01")]
    assert tk01 and re.match(r"TK01 — 1 peringatan", tk01[0])
    assert "../unit/dinas/dinkes/" in html
    assert "#pasal-10-ayat-3" in html


def test_makro_dirender_hanya_di_halaman_yang_meminta(situs: Path):
    html = (situs / "panduan" / "kedudukan" / "index.html").read_text(encoding="utf-8")
    assert "{{" not in html and "tabel_mekanisme" not in html
    assert re.search(r'href="\.\./\.\./mekanisme/m01/"', html)
    assert re.search(r'href="\.\./\.\./unit/sekretariat/setda/"', html)
    beranda = polos((situs / "index.html").read_text(encoding="utf-8"))
    assert f"Ada {len(list((ROOT / 'orgs').glob('*.yaml')))} unit" in beranda


def test_diagram_svg_saat_build_tanpa_mermaid_js(situs: Path):
    """Diagram sudah menjadi berkas SVG saat build: tanpa Mermaid JS, tanpa CDN (issue 11 butir 4)."""
    assert not list(situs.rglob("mermaid*.js")), "bundel Mermaid masih ikut disalin ke situs"
    html = halaman_unit_html(situs, "setda").read_text(encoding="utf-8")
    assert "mermaid" not in html.lower().replace("skd-diagram", "")
    assert "unpkg.com" not in html and "fonts.googleapis" not in html
    svg = re.findall(r'<img src="(\.\./\.\./\.\./assets/diagram/[0-9a-f]+\.svg)"', html)
    assert len(svg) >= 10, "diagram halaman Setda tidak menjadi <img> SVG"
    base = halaman_unit_html(situs, "setda").parent
    assert all((base / s).resolve().is_file() for s in svg)
