#!/usr/bin/env python3
"""Contoh NYATA untuk halaman panduan "Mengimpor peta jabatan" (docs/panduan/impor.md).

Skrip ini (1) membuat lembar contoh ``docs/panduan/contoh-peta-jabatan.csv`` — peta jabatan
rekaan sebuah Dinas Ketahanan Pangan dengan judul di atas, nomor berjenjang, subtotal, angka
berformat Indonesia dan kolom nama/NIP (berisi tulisan "disamarkan", bukan data orang); (2)
menjalankan ``python -m policy impor`` dan ``check`` persis seperti di halaman, di folder
sementara; (3) menaruh keluarannya di antara penanda ``<!-- contoh:NAMA -->`` …
``<!-- /contoh:NAMA -->``. Tes ``tests/impor/test_impor_panduan.py`` gagal bila halaman atau
lembar contoh tidak lagi sama dengan keluaran alat.

Pemakaian: ``python scripts/contoh_peta_jabatan.py`` (periksa) atau ``--tulis`` (perbarui);
``--xlsx FILE`` menulis lembar yang sama sebagai .xlsx untuk dicoba di Excel.
"""
from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HALAMAN = ROOT / "docs" / "panduan" / "impor.md"
LEMBAR = ROOT / "docs" / "panduan" / "contoh-peta-jabatan.csv"
PENANDA = re.compile(r"(<!-- contoh:(?P<nama>[a-z-]+) -->\n)(?P<isi>.*?)(<!-- /contoh:(?P=nama) -->)", re.S)
UNIT = "dinas-pangan"

BARIS = [
    ["PETA JABATAN DINAS KETAHANAN PANGAN"],
    ["KABUPATEN DAIRI TAHUN 2025"],
    [],
    ["No", "Nama Jabatan", "Jenis Jabatan", "Kelas", "Kebutuhan", "Bezetting", "Nama Pemangku", "NIP"],
    ["1", "Kepala Dinas Ketahanan Pangan", "JPT Pratama", "14", "1", "1", "(disamarkan)", "(disamarkan)"],
    ["1.1", "Sekretaris Dinas Ketahanan Pangan", "Administrator", "11", "1", "1", "(disamarkan)", "(disamarkan)"],
    ["1.1.1", "Perencana Ahli Muda", "Fungsional", "9", "1", "1", "", ""],
    ["1.1.2", "Pengadministrasi Perkantoran", "Pelaksana", "5", "3", "2", "", ""],
    ["1.1.3", "Pengelola Keuangan", "Pelaksana", "7", "1,5", "1", "", ""],
    ["", "Jumlah Sekretariat", "", "", "5,5", "4", "", ""],
    ["1.2", "Kepala Bidang Ketersediaan dan Distribusi Pangan", "Administrator", "11", "1", "1", "", ""],
    ["1.2.1", "Analis Ketahanan Pangan Ahli Muda", "Fungsional", "9", "2", "2", "", ""],
    ["1.2.2", "Analis Ketahanan Pangan Ahli Pertama", "Fungsional", "8", "2", "0", "", ""],
    ["1.3", "Kepala Bidang Konsumsi dan Keamanan Pangan", "Administrator", "11", "1", "1", "", ""],
    ["1.3.1", "Pengawas Mutu Hasil Pertanian Ahli Pertama", "Fungsional", "8", "2", "1", "", ""],
    ["1.3.2", "Pengolah Data dan Informasi", "Pelaksana", "6", "1", "1", "", ""],
    ["", "JUMLAH", "", "", "13,5", "10", "", ""],
]


def teks_csv(baris: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\n").writerows(baris)
    return buf.getvalue()


def lembar_diperbarui() -> list[list[str]]:
    """Peta jabatan tahun berikutnya: satu analis kini terisi, satu jabatan baru."""
    baru = [list(r) for r in BARIS]
    for r in baru:
        if len(r) > 1 and r[1] == "Analis Ketahanan Pangan Ahli Pertama":
            r[5] = "1"
    i = next(i for i, r in enumerate(baru) if len(r) > 1 and r[1] == "Pengolah Data dan Informasi")
    baru.insert(i + 1, ["1.3.3", "Penyuluh Pertanian Ahli Muda", "Fungsional", "9", "1", "1", "", ""])
    return baru


def _policy(cwd: Path, *args: str) -> tuple[str, str]:
    """(stdout, stderr) dari ``python -m policy ARGS`` di folder ``cwd``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-m", "policy", *args], cwd=cwd, env=env, capture_output=True, text=True)
    if r.returncode not in (0, 1):
        raise RuntimeError(r.stderr)
    return r.stdout, r.stderr


def tinjau(teks: str) -> str:
    """Tiruan keputusan Bagian Organisasi atas draf: kelompok Bidang Ketersediaan dinilai Kepala Dinas
    dan ditugaskan Kepala Bidang (struktur penugasan a), dasar hukum diisi, semua tanda TODO dihapus."""
    keluar = []
    for b in teks.splitlines():
        b = re.sub(r"  # TODO:.*$", "", b)
        if b == "dasar_hukum: []":
            b = "dasar_hukum: [Perbup Dairi Nomor 7 Tahun 2022 jo. Perbup Dairi Nomor 11 Tahun 2023]"
        if b == "    penilai: kabid-ketersediaan-distribusi-pangan":
            b = "    penilai: kadis  # ditinjau: dinilai Kepala Dinas, ditugaskan Kepala Bidang (struktur penugasan a)"
        keluar.append(b)
    return "\n".join(keluar) + "\n"


def _blok(bahasa: str, teks: str) -> str:
    return f"```{bahasa}\n{teks.rstrip(chr(10))}\n```\n"


def _tabel(baris: list[list[str]]) -> str:
    lebar = max(len(r) for r in baris)
    sel = [[(c or " ").replace("|", "\\|") for c in r + [""] * (lebar - len(r))] for r in baris]
    out = ["| Baris | " + " | ".join(chr(65 + i) for i in range(lebar)) + " |", "|---|" + "---|" * lebar]
    out += [f"| {i} | " + " | ".join(r) + " |" for i, r in enumerate(sel, 1)]
    return "\n".join(out) + "\n"


def contoh() -> dict[str, str]:
    """Nama penanda → isi Markdown dari keluaran alat yang sebenarnya."""
    with tempfile.TemporaryDirectory(prefix="sk-impor-") as tmp:
        d = Path(tmp)
        (d / "peta-jabatan.csv").write_text(teks_csv(BARIS), encoding="utf-8")
        _, layar = _policy(d, "impor", "peta-jabatan.csv", "--unit", UNIT)
        _, tulis = _policy(d, "impor", "peta-jabatan.csv", "--unit", UNIT, "--keluar", "orgs")
        draf = (d / "orgs" / f"{UNIT}.yaml").read_text(encoding="utf-8")
        periksa = "".join(_policy(d, "check", "orgs"))
        (d / "orgs" / f"{UNIT}.yaml").write_text(tinjau(draf), encoding="utf-8")
        ditinjau = (d / "orgs" / f"{UNIT}.yaml").read_text(encoding="utf-8")
        periksa2 = "".join(_policy(d, "check", "orgs"))
        (d / "peta-jabatan-2026.csv").write_text(teks_csv(lembar_diperbarui()), encoding="utf-8")
        ubah = "".join(_policy(d, "impor", "peta-jabatan-2026.csv", "--unit", UNIT, "--keluar", "orgs"))
        beda = subprocess.run(["diff", "-U", "5", f"orgs/{UNIT}.yaml", f"orgs/{UNIT}.yaml.usulan"], cwd=d,
                              capture_output=True, text=True).stdout
    beda = re.sub(r"^(---|\+\+\+) (\S+)\t.*$", r"\1 \2", beda, flags=re.M)
    kelompok = ditinjau[ditinjau.index("  - id: kjf-ketersediaan"):ditinjau.index("  - id: kjf-konsumsi")]
    return {
        "lembar": _tabel(BARIS),
        "layar": _blok("text", f"$ python -m policy impor peta-jabatan.csv --unit {UNIT}\n" + layar),
        "tulis": _blok("text", f"$ python -m policy impor peta-jabatan.csv --unit {UNIT} --keluar orgs\n" + tulis.splitlines()[-1]),
        "draf": _blok("yaml", draf),
        "periksa": _blok("text", "$ python -m policy check orgs\n" + periksa),
        "tinjau": _blok("yaml", kelompok),
        "periksa-tinjau": _blok("text", "$ python -m policy check orgs\n" + periksa2),
        "perubahan": _blok("text", f"$ python -m policy impor peta-jabatan-2026.csv --unit {UNIT} --keluar orgs\n" + ubah),
        "diff": _blok("diff", beda),
    }


def halaman_diperbarui(isi: dict[str, str]) -> tuple[str, str]:
    lama = HALAMAN.read_text(encoding="utf-8")

    def ganti(m: re.Match) -> str:
        if m.group("nama") not in isi:
            raise KeyError(f"penanda contoh:{m.group('nama')} tidak dikenal")
        return m.group(1) + isi[m.group("nama")] + m.group(4)
    return lama, PENANDA.sub(ganti, lama)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--xlsx" in argv:
        from policy.impor.xlsx import tulis_xlsx

        tujuan = Path(argv[argv.index("--xlsx") + 1])
        tulis_xlsx(tujuan, "Peta Jabatan", BARIS, tebal={0, 1, 3}, gabung=[(0, 0, 0, 7), (1, 0, 1, 7)], teks_kolom={0},
                   lebar=[8, 48, 14, 7, 11, 11, 18, 18])
        print(f"ditulis: {tujuan}")
        return 0
    basi = []
    csv_baru = teks_csv(BARIS)
    if not LEMBAR.exists() or LEMBAR.read_text(encoding="utf-8") != csv_baru:
        basi.append(LEMBAR.relative_to(ROOT).as_posix())
        if "--tulis" in argv:
            LEMBAR.write_text(csv_baru, encoding="utf-8")
    lama, baru = halaman_diperbarui(contoh())
    if lama != baru:
        basi.append(HALAMAN.relative_to(ROOT).as_posix())
        if "--tulis" in argv:
            HALAMAN.write_text(baru, encoding="utf-8")
    if basi and "--tulis" not in argv:
        print("contoh basi: " + ", ".join(basi) + " — jalankan `python scripts/contoh_peta_jabatan.py --tulis`", file=sys.stderr)
        return 1
    print("diperbarui: " + ", ".join(basi) if basi else "contoh sudah terbaru")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
