"""Halaman pedoman per unit (``unit/<grup>/<id>.md``) dan halaman indeks per grup.

Isi setiap halaman unit (Bahasa Indonesia), dari berkas ``orgs/<id>.yaml``:

0. jawaban lebih dulu: pembaca memilih jabatan (atau kelompok)nya dan melihat kelompok, Pejabat
   Penilai Kinerja, Pimpinan Unit Organisasi dan mekanismenya, dengan tautan ke alurnya sendiri;
1. bagan struktur dengan kelompok di kedudukannya + gambar kedudukan (Lampiran B.1, Gambar 2–11);
2. per kelompok: Pejabat Penilai Kinerja, Pimpinan Unit Organisasi, struktur penugasan
   (Lampiran B.2, Gambar 12–17) dan mekanisme (Lampiran D, Gambar 23–32);
3. alur mekanisme tiga tahap dengan nama jabatan sebenarnya — teks langkah dari
   :mod:`policy.mekanisme` lewat :mod:`policy.diagram` (satu sumber dengan gambar naskah). Setiap alur
   tampil sekali, dalam blok yang dapat dibuka dengan tab "Diagram | Langkah" (daftar langkah adalah
   teks alternatif diagram; pencarian dan cetak tetap melihat keduanya);
4. jalur pelaporan (Pasal 14–15); 5. tanggung jawab (Lampiran B.3) dan pengelolaan kinerja
   (Pasal 17) — teksnya dibaca dari naskah di ``docs/peraturan/``;
6. pelibatan pegawai unit/instansi lain (Gambar 19, 20, 22) + isi surat permohonan;
7. tim kerja dengan tautan ke halaman unit lain, temuan sebagai admonition;
8. aplikasi SPBE, koordinator level 3 (SK08), pemberitahuan data contoh.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from .. import diagram
from ..aplikasi import APLIKASI_UMUM
from ..domain import Unit
from ..gambar import bagan_unit
from ..katalog import katalog
from ..klasifikasi import JUDUL_KEDUDUKAN, JUDUL_STRUKTUR
from ..mekanisme import ISI_SURAT_PERMOHONAN, mekanisme
from ..models import AnggotaTim, TimKerja
from ..rules import ATURAN
from ..temuan import Temuan
from . import md, url
from .konteks import (GRUP, NAMA_JENIS_JABATAN, NAMA_JENIS_UNIT, Konteks, KelompokTerklasifikasi,
                      berkas_mekanisme, konteks, nama_mekanisme, relatif, urut_mekanisme)

#: Anchor rincian kedudukan (Lampiran B.1) dan struktur penugasan (Lampiran B.2) per kode — dari katalog.
ANCHOR_KEDUDUKAN: dict[str, str] = {k: v.anchor for k, v in katalog().kedudukan.items()}
ANCHOR_STRUKTUR: dict[str, str] = {k: v.anchor for k, v in katalog().struktur.items()}

_PERAN_TANGGUNG_JAWAB = (
    ("a", "Pejabat Penilai Kinerja"),
    ("b", "Pimpinan Unit Organisasi"),
    ("c", "Ketua Tim"),
    ("d", "Anggota Tim"),
)


def langkah_ringkas(langkah: list, tautan_lengkap: str | None = None) -> str:
    """Tabel langkah ringkas per tahap (alternatif teks diagram; nomor sama dengan diagram).

    Isi langkah (pelaku, penerima, label, kondisi) berasal dari :mod:`policy.mekanisme` lewat
    ``policy.diagram.langkah_mekanisme``/``langkah_prosedur``; uraian lengkap tiap langkah ada di
    halaman mekanisme (``tautan_lengkap``, Markdown). Tabel, bukan daftar bernomor: nomor tahap
    kedua harus melanjutkan nomor diagram.

    Tabel ditulis sebagai blok HTML jadi (di-escape di sini), bukan tabel Markdown: isinya teks
    polos tanpa tautan, diulang di ribuan kelompok, dan tabel Markdown mendominasi waktu build
    (setiap sel melewati semua pola inline Python-Markdown).
    """
    out: list[str] = []
    tahap_kini = object()
    for lk in langkah:
        if lk.tahap != tahap_kini:
            if out:
                out.append("</tbody>\n</table>")
            tahap_kini = lk.tahap
            if lk.judul_tahap:
                out.append(f"<p><strong>{md.html(lk.judul_tahap)}</strong></p>")
            out.append("<table>\n<thead>\n<tr>\n<th>No.</th>\n<th>Pelaku → kepada: langkah</th>\n</tr>\n</thead>\n<tbody>")
        kondisi = f"<em>jika {md.html(lk.kondisi)}:</em> " if lk.kondisi else ""
        huruf = f"({md.html(lk.huruf)}) " if lk.huruf else ""
        pihak = f"{md.html(lk.pelaku)} → {md.html(lk.penerima)}" if lk.penerima else md.html(lk.pelaku)
        out.append(f"<tr>\n<td>{lk.nomor}</td>\n<td>{huruf}{kondisi}{pihak}: {md.html(lk.label)}</td>\n</tr>")
    if out:
        out.append("</tbody>\n</table>")
    hasil = "\n\n" + "\n".join(out) + "\n\n"
    if tautan_lengkap:
        hasil += f"Uraian lengkap setiap langkah menurut Lampiran: {tautan_lengkap}.\n"
    return hasil


def mermaid(script: str) -> str:
    return "```mermaid\n" + script.rstrip("\n") + "\n```\n"


def blok_alur(judul: str, diagram_md: str, langkah: str, pengantar: str = "", jangkar: str | None = None) -> str:
    """Satu alur, ditampilkan sekali: blok tertutup ``judul`` berisi tab "Diagram | Langkah".

    ``diagram_md`` adalah blok diagram apa adanya (mis. :func:`mermaid`); ``langkah`` adalah daftar
    langkah (:func:`langkah_ringkas`), teks alternatif diagram dengan nomor yang sama. Blok ditulis
    dengan ``pymdownx.blocks`` (isi tidak diindentasi), sehingga tabel HTML jadi dan diagram tetap
    blok utuh. Isi blok tertutup tetap diindeks pencarian, terbuka saat dicetak (semua tab ikut
    tercetak, docs/assets/css/jawab.css), dan terbuka sendiri bila tautan menuju ``jangkar``.
    """
    attrs = "{class: skd-alur" + (f', id: "{jangkar}"' if jangkar else "") + "}"
    out = [f"/// details | {md.teks(judul)}", "    type: abstract", f"    attrs: {attrs}", ""]
    if pengantar:
        out += [pengantar.strip(), ""]
    out += ["/// tab | Diagram", "", diagram_md.strip("\n"), "", "///", "",
            "/// tab | Langkah", "", langkah.strip("\n"), "", "///", "", "///", ""]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------
# Aktor (nama jabatan sebenarnya untuk lajur diagram)
# ---------------------------------------------------------------------------


def aktor_kelompok(kk: KelompokTerklasifikasi) -> dict[str, str]:
    """Nama jabatan per peran lajur untuk mekanisme kelompok (Lampiran A/D; Pasal 1 angka 25–26)."""
    u, k, kl = kk.unit, kk.kelompok, kk.kl
    P, U, T = u.posisi.get(k.penilai or ""), u.posisi.get(k.pimpinan_unit or ""), u.top
    aktor: dict[str, str] = {}
    if P is None or U is None or T is None:
        return aktor
    # katalog: aktor_bawaan, ditimpa aktor struktur penugasan, lalu aktor mekanisme. Peta penimpa yang merujuk
    # pejabat yang tidak ada (mis. penilai tanpa atasan) dilewati seluruhnya, agar lajur tetap berpasangan.
    kat = katalog()
    pejabat = {"penilai": P, "pimpinan_unit": U, "pucuk": T, "atasan_penilai": u.posisi.get(P.atasan or "")}
    s, m = kat.struktur.get(kl.struktur_penugasan or ""), kat.mekanisme.get(kl.mekanisme or "")
    for peta in (kat.aktor_bawaan, s.aktor if s else {}, m.aktor if m else {}):
        isi = {peran: pejabat[rujukan] for peran, rujukan in peta.items()}
        if None in isi.values() and peta is not kat.aktor_bawaan:
            continue
        aktor.update((peran, p.jabatan) for peran, p in isi.items() if p is not None)
    return aktor


def _unit_acuan(ctx: Konteks, unit: Unit, a: AnggotaTim) -> tuple[Unit | None, str | None]:
    """(unit, id kelompok) yang dirujuk anggota/ketua tim; (None, None) untuk lintas instansi."""
    if a.kelompok is None:
        return None, None
    hasil = ctx.hasil.indeks.cari_kelompok(a.kelompok, unit)
    if hasil is None:
        return None, a.kelompok
    return hasil[0], hasil[1].id


def aktor_pelibatan(ctx: Konteks, unit: Unit) -> tuple[dict[str, str], dict[str, str], dict[str, str], str]:
    """Aktor untuk Gambar 19, 20, 22 dari sudut unit ini, dan kalimat asal contohnya.

    Contoh diambil dari tim kerja unit yang sungguh beranggota lintas unit/instansi; bila tidak
    ada, dipakai Pimpinan Unit kelompok pertama dan peran generik untuk pihak yang dituju.
    """
    pemilik = None
    dituju_unit: tuple[Unit, str] | None = None
    instansi = None
    asal = ""
    for t in unit.org.tim_kerja:
        for a in (t.ketua, *t.anggota):
            if a.instansi and instansi is None:
                instansi = a.instansi
                pemilik = pemilik or t.pemilik_kinerja
            u2, kid = _unit_acuan(ctx, unit, a)
            if u2 is not None and u2 is not unit and dituju_unit is None:
                dituju_unit = (u2, kid)
                pemilik = t.pemilik_kinerja
                asal = f"tim kerja *{md.teks(t.nama)}*"
    if pemilik is None:
        pemilik = next((k.pimpinan_unit for k in unit.org.kelompok if k.pimpinan_unit), unit.top.id if unit.top else None)
    nama_pemilik = unit.jabatan(pemilik)
    a19 = {"pimpinan_unit_pemilik": nama_pemilik}
    if dituju_unit is not None:
        u2, kid = dituju_unit
        k2 = u2.kelompok.get(kid)
        if k2 is not None:
            a19["ppk_dituju"] = u2.jabatan(k2.penilai)
    a20 = {"pimpinan_unit_pemilik": nama_pemilik,
           "pejabat_berwenang": "Pejabat yang Berwenang Pemerintah Kabupaten Dairi"}
    if instansi:
        a20.update({
            "pejabat_berwenang_dituju": f"Pejabat yang Berwenang {instansi}",
            "ppk_dituju": f"Pejabat Penilai Kinerja di {instansi}",
            "pimpinan_unit_dituju": f"Pimpinan Unit Organisasi di {instansi}",
        })
    a22 = {"pimpinan_unit_dituju": nama_pemilik,
           "jf": "Pejabat Fungsional atau pelaksana dari Unit Organisasi lain",
           "ppk": "Pejabat Penilai Kinerja pegawai yang mengajukan diri"}
    if not asal:
        asal = f"Pimpinan Unit Organisasi {md.teks(nama_pemilik)}"
    return a19, a20, a22, asal


# ---------------------------------------------------------------------------
# Bagian halaman
# ---------------------------------------------------------------------------


def _tautan_aturan(t: Temuan, dari: str, docs: Path) -> str:
    a = ATURAN.get(t.rule)
    if a is None or not a.anchors:
        return md.teks(t.basis)
    return "; ".join(md.tautan(x, dari, docs) for x in a.anchors)


def admonition_temuan(t: Temuan, dari: str, docs: Path, indent: str = "") -> str:
    """Satu temuan sebagai admonition: tingkat, ID aturan, pesan, dasar (Pasal) bertaut."""
    jenis = {"error": "danger", "warning": "warning", "info": "info"}[t.severity]
    judul = {"error": "Kesalahan", "warning": "Peringatan", "info": "Catatan"}[t.severity]
    a = ATURAN.get(t.rule)
    isi = md.teks(md.tanpa_nama_kolom(t.message))
    if isi and isi[-1] not in ".!?":
        isi += "."
    if t.hint:
        isi += f" Saran: {md.teks(md.tanpa_nama_kolom(t.hint))}."
    isi += f" Dasar: {_tautan_aturan(t, dari, docs)}."
    if a is not None and a.interpretasi:
        isi += f" *Interpretasi:* {md.teks(md.tanpa_nama_kolom(a.interpretasi))}"
    judul_aturan = md.tanpa_nama_kolom(a.judul) if a else t.rule
    return f'{indent}!!! {jenis} "{judul} {t.rule}: {md.judul_atribut(judul_aturan)}"\n{indent}    {isi}\n\n'


def _bagan(unit: Unit) -> str:
    """Bagan unit — fungsi yang sama yang menggambar Gambar 2–17 di naskah (policy.gambar)."""
    return mermaid(bagan_unit(unit))


def _fakta_kelompok(ctx: Konteks, kk: KelompokTerklasifikasi, dari: str) -> list[tuple[str, str]]:
    """(istilah, isi) satu kelompok: PPK, Pimpinan Unit, mekanisme, kedudukan, struktur penugasan, anggota."""
    docs = ctx.docs_dir
    kl = kk.kl
    baris = [
        ("Pejabat Penilai Kinerja", f"**{md.teks(kk.penilai)}**"),
        ("Pimpinan Unit Organisasi", f"**{md.teks(kk.pimpinan_unit)}**"),
    ]
    if kl.mekanisme:
        m = mekanisme(kl.mekanisme)
        sumber = [md.tautan(m.anchor, dari, docs)]
        if m.gambar:
            sumber.append(md.tautan(f"gambar-{m.gambar}", dari, docs))
        baris.append(("Mekanisme kerja", f"**[{md.teks(nama_mekanisme(kl.mekanisme))}]"
                      f"({relatif(berkas_mekanisme(kl.mekanisme), dari)})** ({', '.join(sumber)})"))
    if kl.kedudukan:
        g = kl.gambar_kedudukan
        gb = f" — {md.tautan(f'gambar-{g}', dari, docs)}" if g else ""
        baris.append((f"Kedudukan ({md.tautan(ANCHOR_KEDUDUKAN[kl.kedudukan], dari, docs, 'Lampiran B.1')})",
                      f"{kl.kedudukan}: {md.teks(JUDUL_KEDUDUKAN[kl.kedudukan])}{gb}"))
    if kl.struktur_penugasan:
        g = kl.gambar_struktur
        baris.append((f"Struktur penugasan ({md.tautan(ANCHOR_STRUKTUR[kl.struktur_penugasan], dari, docs, 'Lampiran B.2')})",
                      f"huruf {kl.struktur_penugasan}: {md.teks(JUDUL_STRUKTUR[kl.struktur_penugasan])} — "
                      f"{md.tautan(f'gambar-{g}', dari, docs)}"))
    if kk.kelompok.pendelegasian:
        baris.append(("Pendelegasian kewenangan penilai", md.teks(kk.kelompok.pendelegasian)))
    baris.append(("Anggota", _anggota(kk)))
    return baris


def _anggota(kk: KelompokTerklasifikasi) -> str:
    """Anggota kelompok dalam satu sel tabel (satu jabatan per baris)."""
    out = [f"{md.teks(a.jabatan)} ({NAMA_JENIS_JABATAN.get(a.jenis, a.jenis)}) — {a.jumlah} orang"
           for a in kk.kelompok.anggota]
    return "<br>".join(out) if out else "*Belum ada anggota tercatat.*"


def _bagian_kelompok(ctx: Konteks, unit: Unit, dari: str) -> str:
    docs = ctx.docs_dir
    out = ["## Kelompok Jabatan Fungsional dan pelaksana {#kelompok}\n"]
    out.append(f"Kedudukan dan penugasan Pejabat Fungsional dan pelaksana diatur {md.tautan('pasal-9', dari, docs)}–"
               f"{md.tautan('pasal-11', dari, docs)}; rinciannya di {md.tautan('lampiran-b-1', dari, docs)} dan "
               f"{md.tautan('lampiran-b-2', dari, docs)}. Pejabat Penilai Kinerja: "
               f"{md.tautan('pasal-1-angka-26', dari, docs)}; Pimpinan Unit Organisasi: "
               f"{md.tautan('pasal-1-angka-25', dari, docs)}. Alur kerja setiap kelompok — tiga tahap: "
               "perencanaan, pelaksanaan, evaluasi — dengan jabatan di unit ini sebagai pelaku ada di blok "
               "**Alur kerja** di bawah tabel kelompok: tab *Diagram* menggambarnya, tab *Langkah* menuliskannya "
               "dengan nomor yang sama.\n")
    temuan_kel: dict[str, list[Temuan]] = {}
    for t in ctx.temuan_unit(unit):
        if t.kelompok and not t.rule.startswith("TK"):
            temuan_kel.setdefault(t.kelompok, []).append(t)
    sudah: dict[tuple, KelompokTerklasifikasi] = {}
    for kk in ctx.kelompok_unit(unit):
        kid = kk.kelompok.id
        out.append(f"### {md.teks(kk.nama)} {{#{url.jangkar_kelompok(kid)}}}\n")
        out.append(md.fakta(_fakta_kelompok(ctx, kk, dari)))
        for t in temuan_kel.get(kid, []):
            out.append(admonition_temuan(t, dari, docs))
        kode = kk.kl.mekanisme
        if not kode:
            out.append(f'<p id="{url.jangkar_alur(kid)}"><em>Mekanisme tidak dapat ditentukan karena data kelompok '
                       "belum lengkap.</em></p>\n")
            continue
        aktor = aktor_kelompok(kk)
        kunci = (kode, tuple(sorted(aktor.items())))
        if kunci in sudah:
            lain = sudah[kunci]
            out.append(f"Alur kerja kelompok ini sama persis dengan alur [{md.teks(lain.nama)}]"
                       f"(#{url.jangkar_alur(lain.kelompok.id)}) (pejabat yang sama, mekanisme yang sama).\n"
                       f"{{: #{url.jangkar_alur(kid)} }}\n")
            continue
        sudah[kunci] = kk
        m = mekanisme(kode)
        pengantar = (f"Menurut {md.tautan(m.anchor, dari, docs)}"
                     + (f" ({md.tautan(f'gambar-{m.gambar}', dari, docs)})" if m.gambar else "") + ".\n")
        if m.interpretasi:
            pengantar += ('\n!!! note "Interpretasi"\n    Lampiran D tidak memuat contoh untuk susunan kelompok ini; '
                          "alur kerja ini adalah pola umum yang disusun dari Lampiran A dan Lampiran B.2. "
                          + " ".join(md.teks(c) for c in m.catatan) + "\n")
        lengkap = f"[{md.teks(kode)}]({relatif(berkas_mekanisme(kode) + '#langkah', dari)})"
        out.append(blok_alur(f"Alur kerja: {nama_mekanisme(kode)}",
                             mermaid(diagram.diagram_mekanisme(kode, aktor)),
                             langkah_ringkas(diagram.langkah_mekanisme(kode, aktor), lengkap),
                             pengantar, url.jangkar_alur(kid)))
    return "\n".join(out)


def _indent(teks: str, awalan: str) -> str:
    return "".join((awalan + b if b.strip() else b) for b in teks.splitlines(True))


def _bagian_pelaporan(ctx: Konteks, unit: Unit, dari: str) -> str:
    """Jalur pelaporan (Pasal 14–15) dengan nama Pimpinan Unit Organisasi setiap kelompok."""
    docs = ctx.docs_dir
    out = ["## Pelaporan {#pelaporan}\n",
           f"- Pejabat Fungsional dan pelaksana yang bertugas **secara individu** melapor langsung kepada "
           f"Pimpinan Unit Organisasi pemilik kinerja ({md.tautan('pasal-14', dari, docs)}).",
           f"- Dalam **tim kerja**, anggota melapor kepada ketua tim ({md.tautan('pasal-15-ayat-1', dari, docs)}); "
           f"ketua tim melapor secara berkala kepada Pimpinan Unit Organisasi pemilik kinerja "
           f"({md.tautan('pasal-15-ayat-2', dari, docs)}).",
           f"- Pimpinan Unit Organisasi pemilik kinerja **sewaktu-waktu** berwenang meminta laporan kepada ketua "
           f"tim dan/atau anggota tim ({md.tautan('pasal-15-ayat-3', dari, docs)}).\n"]
    if unit.org.kelompok:
        out.append("Pimpinan Unit Organisasi setiap kelompok — kepada siapa tugas individu dilaporkan, dan siapa yang "
                   "dapat meminta laporan sewaktu-waktu — tercantum di [Ringkasan](#ringkasan) dan di "
                   "[jawaban untuk jabatan Anda](#jawab).\n")
    if unit.org.tim_kerja:
        out.append("Jalur pelaporan tim kerja unit ini (anggota → ketua tim → Pimpinan Unit Organisasi pemilik kinerja):\n")
        for t in unit.org.tim_kerja:
            out.append(f"- [{md.teks(t.nama)}](#{url.jangkar_tim(t.id)}): anggota → ketua ({md.teks(t.ketua.jabatan)}) → "
                       f"{md.teks(unit.jabatan(t.pemilik_kinerja))}")
        out.append("")
    return "\n".join(out) + "\n"


def _bagian_tanggung_jawab(ctx: Konteks, unit: Unit, dari: str) -> str:
    docs = ctx.docs_dir
    ppk = sorted({unit.jabatan(k.penilai) for k in unit.org.kelompok if k.penilai})
    pu = sorted({unit.jabatan(k.pimpinan_unit) for k in unit.org.kelompok if k.pimpinan_unit})
    ketua = sorted({t.ketua.jabatan for t in unit.org.tim_kerja})
    di_unit = {"a": ppk, "b": pu, "c": ketua, "d": []}
    out = ["## Tanggung jawab dalam tim kerja {#tanggung-jawab}\n",
           f"Pembagian tanggung jawab menurut {md.tautan('lampiran-b-3-tanggung-jawab', dari, docs, 'Lampiran B.3')}:\n"]
    for huruf, peran in _PERAN_TANGGUNG_JAWAB:
        induk = f"lampiran-b-3-tanggung-jawab-huruf-{huruf}"
        siapa = ", ".join(md.teks(x) for x in di_unit[huruf])
        judul = f"**{peran}**" + (f" (di unit ini: {siapa})" if siapa else "")
        butir = md.butir_naskah(induk, docs)
        # rincian Lampiran (sama di setiap unit) dalam blok tertutup: tetap dicari dan dicetak
        out.append(f"{judul} — {md.tautan(induk, dari, docs, f'Lampiran B.3 huruf {huruf}')}\n")
        out.append(f'??? quote "{len(butir)} tanggung jawab {peran} menurut Lampiran B.3"\n')
        out.extend(f"    {i}. {isi}" for i, (_, isi) in enumerate(butir, 1))
        out.append("")
    out.append("## Pengelolaan kinerja {#pengelolaan-kinerja}\n")
    out.append(f"Pengelolaan kinerja Pejabat Fungsional dan pelaksana, baik individu maupun tim kerja, terdiri atas "
               f"empat tahap ({md.tautan('pasal-17-ayat-1', dari, docs)}):\n")
    out.extend(f"{i}. {isi}" for i, (_, isi) in enumerate(md.butir_naskah("pasal-17-ayat-1", docs), 1))
    out.append("")
    return "\n".join(out) + "\n"


def _bagian_pelibatan(ctx: Konteks, unit: Unit, dari: str) -> str:
    docs = ctx.docs_dir
    a19, a20, a22, asal = aktor_pelibatan(ctx, unit)
    out = ["## Melibatkan pegawai dari unit atau instansi lain {#pelibatan}\n",
           f"Penugasan dilakukan melalui **penunjukan** atau **pengajuan sukarela** ({md.tautan('pasal-11', dari, docs)}). "
           f"Di dalam Unit Organisasi sendiri, Pimpinan Unit Organisasi menunjuk langsung "
           f"({md.tautan('gambar-18', dari, docs)}), dan pegawai dapat menyampaikan keinginannya secara lisan "
           f"({md.tautan('gambar-21', dari, docs)}). Untuk pegawai dari luar unit, diagram berikut memakai contoh "
           f"dari {asal}. Rute dengan nama pejabat di kedua pihak dan draf surat permohonan pelibatan untuk "
           f"pasangan unit Anda sendiri: [Rute penugasan]({relatif('rute.md', dari)}).\n"]
    for judul, anchor, gambar, aktor in (
        ("Penunjukan lintas Unit Organisasi", katalog().prosedur[19].anchor, 19, a19),
        ("Penunjukan lintas instansi pemerintah", katalog().prosedur[20].anchor, 20, a20),
        ("Pengajuan sukarela lintas Unit Organisasi", katalog().prosedur[22].anchor, 22, a22),
    ):
        out.append(f"### {judul} {{#gambar-{gambar}-unit}}\n")
        out.append(f"Menurut {md.tautan(anchor, dari, docs, 'Lampiran B.2')} ({md.tautan(f'gambar-{gambar}', dari, docs)}).\n")
        out.append(blok_alur(f"Alur {judul[0].lower()}{judul[1:]}",
                             mermaid(diagram.diagram_prosedur(gambar, aktor)),
                             langkah_ringkas(diagram.langkah_prosedur(gambar, aktor),
                                             md.tautan(f"gambar-{gambar}", dari, docs))))
    out.append("### Isi surat permohonan pelibatan {#isi-surat}\n")
    out.append(f"Surat permohonan pelibatan lintas Unit Organisasi atau lintas instansi paling sedikit memuat "
               f"({md.tautan('lampiran-b-2-surat-permohonan', dari, docs, 'Lampiran B.2')}):\n")
    out.extend(f"{i}. {md.teks(x)}" for i, x in enumerate(ISI_SURAT_PERMOHONAN, 1))
    return "\n".join(out) + "\n\n"


def _nama_anggota(ctx: Konteks, unit: Unit, a: AnggotaTim, dari: str) -> tuple[str, str]:
    """(jabatan, asal bertaut) untuk satu ketua/anggota tim."""
    if a.instansi:
        return md.teks(a.jabatan), f"{md.teks(a.instansi)} (lintas instansi)"
    u2, kid = _unit_acuan(ctx, unit, a)
    if u2 is None:
        return md.teks(a.jabatan), md.teks(a.kelompok or "")
    k2 = u2.kelompok[kid]
    nama_k = md.teks(k2.nama or k2.id)
    if u2 is unit:
        return md.teks(a.jabatan), f"[{nama_k}](#{url.jangkar_kelompok(kid)})"
    return md.teks(a.jabatan), f"[{md.teks(u2.org.nama)}]({relatif(ctx.halaman_unit(u2) + '#' + url.jangkar_kelompok(kid), dari)}) — {nama_k} (lintas unit)"


def _penyetuju(ctx: Konteks, acuan: str) -> str:
    """Jabatan penyetuju: ``berkas/struktur-id`` diselesaikan ke nama jabatannya, selain itu teks apa adanya."""
    uid, sep, pid = acuan.partition("/")
    u2 = ctx.unit(uid) if sep else None
    if u2 is not None and pid in u2.posisi:
        return f"{md.teks(u2.jabatan(pid))} ({md.teks(u2.org.nama)}; {md.teks(acuan)})"
    return md.teks(acuan)


def _penugasan_lintas(ctx: Konteks, t: TimKerja, dari: str) -> list[str]:
    """Dasar penugasan anggota dari Unit Organisasi/instansi lain (Lampiran B.2): nomor dan tanggal surat,
    penyetuju, masa; aktif atau berakhir pada tanggal build."""
    hari = date.today().isoformat()
    baris = []
    for peran, a in [("Ketua", t.ketua)] + [("Anggota", x) for x in t.anggota]:
        d = a.dasar_penugasan
        if d is None:
            continue
        status = "berakhir" if d.selesai < hari else ("belum mulai" if d.mulai > hari else "aktif")
        baris.append(f"- {peran} {md.teks(a.jabatan)}: surat permohonan pelibatan nomor {md.teks(d.nomor_surat)} "
                     f"tanggal {md.teks(d.tanggal)}, disetujui {_penyetuju(ctx, d.penyetuju)}; masa "
                     f"{md.teks(d.mulai)} s.d. {md.teks(d.selesai)} — **{status}**")
    if not baris:
        return []
    masa = (f" Masa kerja tim: {md.teks(t.mulai or '…')} s.d. {md.teks(t.selesai or '…')}."
            if t.mulai or t.selesai else "")
    return [f"Penugasan lintas unit/instansi ({md.tautan('lampiran-b-2-surat-permohonan', dari, ctx.docs_dir)}; "
            f"status pada {hari}).{masa}\n", *baris, ""]


def _temuan_tim(unit: Unit, temuan: list[Temuan]) -> dict[int, list[Temuan]]:
    """Temuan TK* dipetakan ke tim menurut rentang baris tim di berkas."""
    awal = [unit.pos(("tim_kerja", i))[0] for i in range(len(unit.org.tim_kerja))]
    per: dict[int, list[Temuan]] = {}
    for t in temuan:
        if not t.rule.startswith("TK") or not awal:
            continue
        i = max((j for j, a in enumerate(awal) if a <= t.line), default=0)
        per.setdefault(i, []).append(t)
    return per


def _bagian_tim(ctx: Konteks, unit: Unit, dari: str) -> str:
    docs = ctx.docs_dir
    out = ["## Tim kerja {#tim-kerja}\n"]
    out.append(f"Tim kerja dapat beranggota pegawai dari dalam unit, lintas Unit Organisasi, dan lintas instansi "
               f"({md.tautan('pasal-10-ayat-2', dari, docs)}); ketua tim yang beranggota lintas unit/instansi "
               f"diutamakan dari Unit Organisasi pemilik kinerja ({md.tautan('pasal-10-ayat-3', dari, docs)}).\n")
    per_tim = _temuan_tim(unit, ctx.temuan_unit(unit))
    if not unit.org.tim_kerja:
        out.append("*Unit ini belum mencatat tim kerja.*\n")
    for i, t in enumerate(unit.org.tim_kerja):
        out.append(f"### {md.teks(t.nama)} {{#{url.jangkar_tim(t.id)}}}\n")
        out.append(f"Pimpinan Unit Organisasi pemilik kinerja: **{md.teks(unit.jabatan(t.pemilik_kinerja))}**\n")
        out.append("| Peran | Jabatan | Asal |\n|---|---|---|")
        for peran, a in [("Ketua", t.ketua)] + [("Anggota", x) for x in t.anggota]:
            jab, asal = _nama_anggota(ctx, unit, a, dari)
            out.append(f"| {peran} | {jab} | {asal} |")
        out.append("")
        out.extend(_penugasan_lintas(ctx, t, dari))
        for tm in per_tim.get(i, []):
            out.append(admonition_temuan(tm, dari, docs))
    masuk = tim_masuk(ctx, unit)
    if masuk:
        out.append("### Tim di unit lain yang melibatkan pegawai unit ini {#tim-lain}\n")
        for u2, t, a in masuk:
            out.append(f"- [{md.teks(t.nama)}]({relatif(ctx.halaman_unit(u2) + '#' + url.jangkar_tim(t.id), dari)}) "
                       f"({md.teks(u2.org.nama)}): {md.teks(a.jabatan)}"
                       + (" sebagai ketua" if a is t.ketua else ""))
        out.append("")
    return "\n".join(out) + "\n"


def tim_masuk(ctx: Konteks, unit: Unit) -> list[tuple[Unit, TimKerja, AnggotaTim]]:
    """Tim di berkas lain yang ketua/anggotanya dari kelompok unit ini."""
    return [x for x in ctx.tim_masuk(unit) if x[0] is not unit]


def _bagian_spbe(ctx: Konteks, unit: Unit, dari: str) -> str:
    docs = ctx.docs_dir
    out = ["## Aplikasi SPBE {#aplikasi-spbe}\n",
           f"Perangkat Daerah mengutamakan aplikasi umum berbagi pakai ({md.tautan('pasal-18-ayat-2', dari, docs)}; "
           f"{md.tautan('pasal-19-ayat-1', dari, docs)}). Aplikasi yang dipakai unit ini:\n"]
    if not unit.org.aplikasi_spbe:
        out.append("*Belum ada aplikasi tercatat.*")
    for a in unit.org.aplikasi_spbe:
        nama = APLIKASI_UMUM.get(a)
        out.append(f"- {md.teks(nama)}" if nama else f"- {md.teks(a)} (aplikasi khusus, bukan aplikasi umum berbagi pakai)")
    return "\n".join(out) + "\n\n"


def _jawab_kelompok(kk: KelompokTerklasifikasi) -> str:
    """Isi kartu jawaban untuk satu kelompok: nama kelompok, PPK, Pimpinan Unit, mekanisme, tautan alur.

    HTML jadi (di-escape dengan :func:`md.html`), hanya bertaut ke jangkar di halaman yang sama
    (tautan antarhalaman di HTML mentah tidak ditulis ulang mkdocs untuk salinan luring).
    """
    kid = kk.kelompok.id
    kode = kk.kl.mekanisme
    alur = (f'<p class="skd-jawab__alur"><a href="#{url.jangkar_alur(kid)}">Lihat alur kerja Anda '
            f"(diagram dan langkah)</a></p>" if kode else "")
    return (
        '<div class="skd-jawab__kelompok">'
        f'<p class="skd-jawab__nama">Kelompok: <a href="#{url.jangkar_kelompok(kid)}">{md.html(kk.nama)}</a></p>'
        "<dl>"
        "<dt>Pejabat Penilai Kinerja — menilai kinerja Anda</dt>"
        f'<dd class="skd-jawab__ppk">{md.html(kk.penilai)}</dd>'
        "<dt>Pimpinan Unit Organisasi — memberi tugas dan menerima laporan Anda</dt>"
        f'<dd class="skd-jawab__pu">{md.html(kk.pimpinan_unit)}</dd>'
        "<dt>Mekanisme kerja</dt>"
        f'<dd class="skd-jawab__mk">{md.html(nama_mekanisme(kode))}</dd>'
        "</dl>" + alur + "</div>"
    )


def _bagian_jawab(ctx: Konteks, unit: Unit) -> str:
    """Jawaban lebih dulu: pilih jabatan atau kelompok → kelompok, PPK, Pimpinan Unit, mekanisme.

    Satu kartu (``<details>``) per nama jabatan anggota dan per kelompok. Tanpa JavaScript kartu
    tampil sebagai daftar yang dapat dibuka; dengan ``docs/assets/js/jawab.js`` sebuah ``<select>``
    menampilkan kartu yang dipilih saja. Jabatan yang ada di beberapa kelompok mendaftar semuanya,
    dibedakan oleh nama kelompok dan Pimpinan Unit Organisasi yang memberi tugas (Pasal 1 angka 25–26).
    Bagian ini tidak diindeks Pagefind (isinya sama dengan bagian kelompok di bawahnya).
    """
    kel = ctx.kelompok_unit(unit)
    if not kel:
        return ""
    per_jabatan: dict[str, list[KelompokTerklasifikasi]] = {}
    for kk in kel:
        for a in kk.kelompok.anggota:
            daftar = per_jabatan.setdefault(" ".join(a.jabatan.split()), [])
            if kk not in daftar:
                daftar.append(kk)
    jangkar = url.jangkar_jabatan(per_jabatan)
    nama_urut = sorted(per_jabatan, key=lambda n: (n.casefold(), n))

    opsi_j, opsi_k, kartu = [], [], []
    for n in nama_urut:
        daftar = per_jabatan[n]
        jumlah = f" ({len(daftar)} kelompok)" if len(daftar) > 1 else ""
        opsi_j.append(f'<option value="{jangkar[n]}">{md.html(n)}{jumlah}</option>')
        if len(daftar) > 1:
            beda = ("Pejabat Penilai Kinerjanya juga berbeda. " if len({k.penilai for k in daftar}) > 1 else "")
            pengantar = (f'<p class="skd-jawab__banyak">Jabatan ini ada di {len(daftar)} kelompok di unit ini. '
                         "Kelompok Anda adalah kelompok yang Pimpinan Unit Organisasinya memberi Anda tugas "
                         f"sehari-hari. {beda}Tanyakan kepada atasan Anda bila ragu.</p>")
        else:
            pengantar = ""
        kartu.append(f'<details class="skd-kartu" id="{jangkar[n]}"><summary>{md.html(n)}{jumlah}</summary>'
                     + pengantar + "".join(_jawab_kelompok(kk) for kk in daftar) + "</details>")
    for kk in kel:
        kid = url.jangkar_jawab_kelompok(kk.kelompok.id)
        opsi_k.append(f'<option value="{kid}">{md.html(kk.nama)}</option>')
        kartu.append(f'<details class="skd-kartu" id="{kid}"><summary>{md.html(kk.nama)}</summary>'
                     + _jawab_kelompok(kk) + "</details>")
    return "\n".join([
        "## Siapa penilai kinerja dan pimpinan unit saya? {#jawab}\n",
        '<div class="skd-jawab" id="jawab-isi" data-skd-jawab data-pagefind-ignore>',
        '<p class="skd-jawab__pilih" hidden><label for="skd-jawab-pilih">Pilih jabatan atau kelompok Anda:</label> '
        '<select id="skd-jawab-pilih"><option value="">— pilih —</option>'
        f'<optgroup label="Jabatan">{"".join(opsi_j)}</optgroup>'
        f'<optgroup label="Kelompok">{"".join(opsi_k)}</optgroup></select></p>',
        '<p class="skd-jawab__tanpa-js">Buka jabatan atau kelompok Anda untuk melihat siapa Pejabat Penilai Kinerja '
        "dan Pimpinan Unit Organisasi Anda serta mekanisme kerja yang berlaku:</p>",
        *kartu,
        "</div>",
        "",
    ]) + "\n"


def _identitas(ctx: Konteks, unit: Unit, dari: str) -> str:
    """Data unit sebagai daftar definisi (bukan tabel tanpa judul kolom)."""
    org = unit.org
    info = [("Jenis", NAMA_JENIS_UNIT.get(org.jenis, org.jenis))]
    if org.singkatan:
        info.append(("Singkatan", md.teks(org.singkatan)))
    if org.induk:
        u_induk = ctx.unit(org.induk)
        info.append(("Perangkat Daerah induk", f"[{md.teks(u_induk.org.nama)}]({relatif(ctx.halaman_unit(u_induk), dari)})"
                     if u_induk else md.teks(org.induk)))
    if unit.top:
        info.append(("Pimpinan tertinggi", md.teks(unit.top.jabatan)))
    for p in org.struktur:
        if p.dasar_pengangkatan:  # pemimpin unit kerja mandiri (Pasal 9 ayat (2))
            info.append((f"Dasar pengangkatan {md.teks(p.jabatan)}", md.teks(p.dasar_pengangkatan)))
    info.append(("Berkas data", f"`{ctx.berkas(unit.file)}`"))
    if org.dasar_hukum:
        info.append(("Dasar hukum organisasi", "<br>".join(md.teks(d) for d in org.dasar_hukum)))
    return md.fakta(info)


def halaman_unit(ctx: Konteks, unit: Unit) -> str:
    """Markdown halaman pedoman satu unit."""
    dari = ctx.halaman_unit(unit)
    docs = ctx.docs_dir
    org = unit.org
    out = [md.front_matter(edit_url=ctx.berkas(unit.file)), f"# {md.teks(org.nama)}\n", md.banner_data_contoh()]
    out.append(_bagian_jawab(ctx, unit))

    kel = ctx.kelompok_unit(unit)
    out.append("## Ringkasan {#ringkasan}\n")
    if kel:
        baris = []
        for kk in kel:
            mk = kk.kl.mekanisme
            mk_md = f"[{md.teks(nama_mekanisme(mk))}]({relatif(berkas_mekanisme(mk), dari)})" if mk else "—"
            baris.append([f"[{md.teks(kk.nama)}](#{url.jangkar_kelompok(kk.kelompok.id)})", md.teks(kk.penilai),
                          md.teks(kk.pimpinan_unit), mk_md])
        out.append(md.tabel_tumpuk(["Kelompok", "Pejabat Penilai Kinerja", "Pimpinan Unit Organisasi", "Mekanisme"], baris))
    else:
        out.append("*Unit ini belum mencatat kelompok Jabatan Fungsional dan pelaksana.*\n")
    umum = [t for t in ctx.temuan_unit(unit) if not t.kelompok and not t.rule.startswith("TK")]
    for t in umum:
        out.append(admonition_temuan(t, dari, docs))
    out.append("## Data unit {#data-unit}\n")
    out.append(_identitas(ctx, unit, dari))

    out.append("## Bagan struktur dan kedudukan kelompok {#bagan}\n")
    out.append("Kotak bersudut bulat adalah kelompok Jabatan Fungsional dan pelaksana, digambar di bawah Pejabat "
               "Penilai Kinerjanya; garis putus-putus menunjukkan Pimpinan Unit Organisasi yang memberi penugasan "
               "bila berbeda dari penilainya.\n")
    out.append(_bagan(unit))
    kedudukan = sorted({kk.kl.kedudukan for kk in kel if kk.kl.kedudukan})
    if kedudukan:
        out.append("\nKedudukan yang berlaku di unit ini "
                   f"({md.tautan('lampiran-b-1', dari, docs, 'Lampiran B.1')}):\n")
        for kd in kedudukan:
            g = {kk.kl.gambar_kedudukan for kk in kel if kk.kl.kedudukan == kd} - {None}
            gb = f" — {md.tautan(f'gambar-{next(iter(g))}', dari, docs)}" if g else ""
            out.append(f"- **{kd}**: {md.teks(JUDUL_KEDUDUKAN[kd])} "
                       f"({md.tautan(ANCHOR_KEDUDUKAN[kd], dari, docs, 'rincian')}){gb}")
        out.append("")
    if org.pengecualian_level:
        out.append('!!! note "Pengecualian jumlah level struktur"\n'
                   f"    Unit ini memiliki lebih dari dua level struktur berdasarkan {md.teks(org.pengecualian_level.dasar)}. "
                   f"Kriteria: {'; '.join(md.teks(k) for k in org.pengecualian_level.kriteria)}. "
                   f"Lihat {md.tautan('lampiran-b-1-rincian-e', dari, docs, 'Lampiran B.1 huruf e')}.\n")

    out.append(_bagian_kelompok(ctx, unit, dari))
    out.append(_bagian_pelaporan(ctx, unit, dari))
    out.append(_bagian_tanggung_jawab(ctx, unit, dari))
    out.append(_bagian_pelibatan(ctx, unit, dari))
    out.append(_bagian_tim(ctx, unit, dari))
    out.append(_bagian_spbe(ctx, unit, dari))
    return "\n".join(x for x in out if x)


def halaman_grup(ctx: Konteks, grup: str) -> str:
    """Halaman indeks satu grup jenis Perangkat Daerah (``unit/<grup>/index.md``)."""
    judul = ctx.judul_grup(grup)
    dari = f"unit/{grup}/index.md"
    units = ctx.units_grup(grup)
    out = [f"# {md.teks(judul)}\n", md.banner_data_contoh(),
           f"{len(units)} unit. Pilih unit Anda untuk melihat Pejabat Penilai Kinerja, Pimpinan Unit Organisasi, "
           "mekanisme kerja dan tim kerjanya. Daftar semua unit ada di [Cari unit saya](../index.md).\n"]
    if units:
        out.append(md.tabel_tumpuk(["Unit", "Pimpinan tertinggi", "Kelompok", "Mekanisme"], [
            [f"[{md.teks(u.org.nama)}]({relatif(ctx.halaman_unit(u), dari)})",
             md.teks(u.top.jabatan) if u.top else "—", str(len(ctx.kelompok_unit(u))),
             daftar_mekanisme(ctx.kelompok_unit(u), dari)]
            for u in units]))
    return "\n".join(x for x in out if x) + "\n"


def daftar_mekanisme(kel: list[KelompokTerklasifikasi], dari: str) -> str:
    """Nama setiap mekanisme yang dipakai kelompok ``kel`` (bertaut, satu per baris) untuk sel tabel."""
    kode = sorted({k.kl.mekanisme for k in kel if k.kl.mekanisme}, key=urut_mekanisme)
    return "<br>".join(f"[{md.teks(nama_mekanisme(k))}]({relatif(berkas_mekanisme(k), dari)})" for k in kode) or "—"


def halaman(root: Path) -> dict[str, str]:
    """Penyedia: satu halaman per berkas org + indeks per grup (yang berisi unit)."""
    ctx = konteks(root)
    hasil: dict[str, str] = {}
    for u in ctx.units:
        hasil[ctx.halaman_unit(u)] = md.rapikan(halaman_unit(ctx, u))
    for g in GRUP:
        if ctx.units_grup(g):
            hasil[f"unit/{g}/index.md"] = md.rapikan(halaman_grup(ctx, g))
    return hasil
