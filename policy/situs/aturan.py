"""Halaman "Katalog Aturan": setiap aturan dengan ID, tingkat, dasar hukum bertaut ke naskah
Perbup yang diterbitkan, interpretasi, dan kasus uji YAML yang mengujinya."""
from __future__ import annotations

import re
from pathlib import Path

from ..katalog import katalog, tanggal_id
from ..peraturan import tautan
from ..rules import TAHAP_BERTANGGAL, Aturan, per_tahap

PATH = "aturan/index.md"
TINGKAT = {"error": "kesalahan — memblokir CI", "warning": "peringatan — dilaporkan", "info": "info — ditampilkan di situs"}


def label_anchor(anchor: str) -> str:
    """``pasal-9-ayat-1`` → "Pasal 9 ayat (1)", ``lampiran-b-1-huruf-d`` → "Lampiran B.1 huruf d"."""
    m = re.fullmatch(r"pasal-(\d+)(?:-ayat-(\d+))?(?:-(huruf|angka)-([0-9a-z]+))?", anchor)
    if m:
        t = f"Pasal {m[1]}" + (f" ayat ({m[2]})" if m[2] else "")
        return t + (f" {m[3]} {m[4]}" if m[3] else "")
    m = re.fullmatch(r"lampiran-([a-d])((?:-\d+)*)(?:-(huruf|angka)-([0-9a-z]+))?", anchor)
    if m:
        t = "Lampiran " + m[1].upper() + m[2].replace("-", ".")
        return t + (f" {m[3]} {m[4]}" if m[3] else "")
    m = re.fullmatch(r"gambar-(\d+)", anchor)
    if m:
        return f"Gambar {m[1]}"
    return anchor


def tautan_dasar(anchors, dari: str, root: Path) -> str:
    return ", ".join(f"[{label_anchor(a)}]({tautan(a, dari, root / 'docs')})" for a in anchors)


def masa_berlaku(id: str) -> str:
    """"berlaku sejak 27 September 2024 (Perbup Dairi 18/2024)" untuk setiap versi aturan di katalog."""
    kat = katalog()
    versi = kat.versi_aturan(id)
    if not versi:
        return f"berlaku sejak {tanggal_id(kat.peraturan.berlaku_mulai)} ({kat.peraturan.singkat})"
    return "; ".join(f"berlaku sejak {tanggal_id(v.berlaku_mulai)}"
                     + (f" sampai {tanggal_id(v.berlaku_sampai)}" if v.berlaku_sampai else "")
                     + f" ({kat.penetap(v).singkat})" for v in versi)


def kasus_per_aturan(root: Path) -> dict[str, list[str]]:
    """Nama kasus uji YAML yang mengharapkan setiap aturan (dibaca, tidak diubah)."""
    import yaml

    hasil: dict[str, list[str]] = {}
    for exp in sorted((root / "tests" / "cases").glob("*/expect.yaml")):
        data = yaml.safe_load(exp.read_text(encoding="utf-8")) or {}
        for rule in sorted({f["rule"] for f in data.get("findings") or []}):
            hasil.setdefault(rule, []).append(exp.parent.name)
    return hasil


def _bagian(a: Aturan, kasus: dict[str, list[str]], root: Path, bertanggal: bool) -> list[str]:
    out = ["", f"## {a.id} — {a.judul} {{#{a.id.lower()}}}", "",
           f"- **Tingkat:** {TINGKAT[a.severity]}"]
    if bertanggal:
        out.append(f"- **Masa berlaku:** {masa_berlaku(a.id)}")
    out.append(f"- **Dasar:** {a.basis}" + (f" — {tautan_dasar(a.anchors, PATH, root)}" if a.anchors else ""))
    if a.uraian and a.uraian != a.judul:
        out.append(f"- **Ketentuan:** {a.uraian}")
    if a.penjelasan:
        out.append(f"- **Penjelasan:** {a.penjelasan}")
    if kasus.get(a.id):
        out.append(f"- **Kasus uji:** {len(kasus[a.id])} (" + ", ".join(f"`{k}`" for k in kasus[a.id]) + ")")
    if a.interpretasi:
        out += ["", '!!! info "Interpretasi"', "", f"    {a.interpretasi}"]
    return out


def _tabel(daftar: list[Aturan]) -> list[str]:
    return ["| ID | Tingkat | Aturan | Dasar |", "|---|---|---|---|"] + [
        f"| [{a.id}](#{a.id.lower()}) | {a.severity} | {a.judul} | {a.basis} |" for a in daftar]


def halaman(root: Path) -> dict[str, str]:
    """Satu registri aturan, dikelompokkan per tahap: berkas org (bertanggal), rute penugasan, naskah."""
    kasus = kasus_per_aturan(root)
    org = per_tahap(*TAHAP_BERTANGGAL)
    out = ["# Katalog Aturan", "",
           "Aturan yang diperiksa `python -m policy check` dan setiap build situs atas berkas `orgs/`. "
           "Setiap aturan punya ID tetap, tingkat, dan dasar hukum yang bertaut ke naskah Perbup. "
           "Bila teks Perbup dapat dibaca lebih dari satu cara, aturan menyebut **interpretasi** yang dipakai "
           "agar Bagian Hukum dapat menilai dan mengubahnya. Di akhir halaman: aturan penolakan "
           "[rute penugasan](#rute) dan [pemeriksaan naskah Perbup](#naskah).", ""] + _tabel(org)
    for a in org:
        out += _bagian(a, kasus, root, True)
    out += ["", "## INPUT — kesalahan masukan {#input}", "",
            "Bukan aturan Perbup: berkas yang tidak dapat dibaca (sintaks YAML, kunci ganda, kolom tidak dikenal, "
            "tipe atau pilihan salah, bukan UTF-8, kosong) dilaporkan dengan baris tepat dan saran perbaikan."
            + (f" Kasus uji: {len(kasus.get('INPUT', []))}." if kasus.get("INPUT") else ""), ""]
    rute = per_tahap("rute")
    if rute:
        out += ["## Rute penugasan: penolakan {#rute}", "",
                "`python -m policy rute` dan halaman [Rute penugasan](../rute.md) menolak pasangan yang tidak "
                "diatur Lampiran B.2 dengan salah satu aturan ini (kode keluar 1).", ""] + _tabel(rute)
        for a in rute:
            out += _bagian(a, kasus, root, False)
        out.append("")
    naskah = per_tahap("naskah")
    if naskah:
        out += ["## Pemeriksaan naskah Perbup {#naskah}", "",
                "`python -m policy lint-peraturan` memeriksa naskah di `docs/peraturan/` (penomoran, rujukan "
                "silang, konsistensi Lampiran) pada setiap perubahan naskah. Temuannya ada di "
                "[Catatan Harmonisasi](../peraturan/catatan-harmonisasi.md).", ""] + _tabel(naskah)
        for a in naskah:
            out += _bagian(a, kasus, root, False)
        out.append("")
    return {PATH: "\n".join(out)}
