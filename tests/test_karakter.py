"""Teks org tidak tepercaya di terminal/log CI: escape keluaran (satu tempat) dan aturan SK11/SK12.

Muatan uji memakai escape YAML di teks berkutip ganda (``"\\e[2J"``, ``"\\r"``, ``"\\u202e"``,
``"\\0"``) — cara paling mudah menyelundupkan karakter kontrol lewat berkas yang tampak polos.
"""
from __future__ import annotations

import contextlib
import copy
import io
import json
import unicodedata

import pytest
import yaml

from policy import karakter
from policy.cli import main
from policy.keluaran import aman_terminal, as_json, baris_github, baris_teks, github, teks
from policy.rules.teks import medan_teks
from policy.temuan import Temuan

def _mentah(s: str) -> list[str]:
    """Karakter tak terlihat di ``s`` selain LF pemisah baris."""
    return [c for c in s if c != "\n" and karakter.TAK_TERLIHAT.match(c)]


# ---------------------------------------------------------------------------
# definisi karakter

#: karakter tampak kosong yang bukan kategori Cc/Cf/Zl/Zp/Cs tetapi sengaja ikut dihimpun
TAMBAHAN = set("\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u3164\uffa0") | {chr(c) for c in range(0xFE00, 0xFE10)}


def test_kelas_mencakup_semua_kontrol_format_dan_pemisah():
    """Setiap karakter kategori Cc, Cf, Zl, Zp, Cs (basis data Unicode Python ini) tertangkap;
    yang tertangkap di luar kategori itu hanya tambahan yang disengaja atau belum terdaftar."""
    kurang, lebih = [], []
    for kode in range(0x110000):
        c = chr(kode)
        kat = unicodedata.category(c)
        kena = karakter.TAK_TERLIHAT.match(c) is not None
        if kat in ("Cc", "Cf", "Zl", "Zp", "Cs") and not kena:
            kurang.append(f"U+{kode:04X}")
        elif kena and kat not in ("Cc", "Cf", "Zl", "Zp", "Cs", "Cn") and c not in TAMBAHAN \
                and not 0xE0100 <= kode <= 0xE01EF:
            lebih.append(f"U+{kode:04X} {kat}")
    assert kurang == [] and lebih == []


@pytest.mark.parametrize("mentah,tampil", [
    ("\x1b[2J", "\\x1b[2J"), ("a\rb", "a\\rb"), ("x\u202ey", "x\\u202ey"), ("\x00", "\\x00"),
    ("a\nb", "a\\nb"), ("a\tb", "a\\tb"), ("\x7f", "\\x7f"), ("\x9b31m", "\\x9b31m"), ("\u200b", "\\u200b"),
    ("\ufeff", "\\ufeff"), ("\xad", "\\xad"), ("\u2066", "\\u2066"), ("\u061c", "\\u061c"), ("\u2028", "\\u2028"),
    ("\U000e0041", "\\U000e0041"), ("\x1b]0;judul\x07", "\\x1b]0;judul\\x07"),
])
def test_aman_terminal_menampilkan_escape(mentah, tampil):
    assert aman_terminal(mentah) == tampil


def test_aman_terminal_tidak_mengubah_teks_biasa():
    s = "Kepala Dinas – Café “Contoh” & <b> \\x1b 100% é\u00a0ü 中文"
    assert aman_terminal(s) is s


def test_bersihkan_nilai_terdekat():
    assert karakter.bersihkan("Dinas \x1b[2J\x1b[31mContoh\x1b[0m") == "Dinas Contoh"
    assert karakter.bersihkan("Kepala\rDinas") == "Kepala Dinas"
    assert karakter.bersihkan("Kepala\x00Bidang") == "Kepala Bidang"
    assert karakter.bersihkan("Ke\u200bpala \u202eDinas") == "Kepala Dinas"
    assert karakter.bersihkan("a <b> c", buang="<>") == "a b c"


# ---------------------------------------------------------------------------
# keluaran: text, github, json

JAHAT = Temuan("SK02", "error", "orgs/a\x1b[2J.yaml", 3, 4, "Kepala\rDinas \u202eX\x00 tidak dapat\nmenjadi PPK",
               basis="Pasal\t9", hint="pilih \x9b31m\u200bKepala Bidang")


def test_baris_teks_meng_escape_setiap_kolom():
    out = baris_teks(JAHAT)
    assert _mentah(out) == [] and "\n" not in out
    assert out == ("orgs/a\\x1b[2J.yaml:3:4: error SK02 Kepala\\rDinas \\u202eX\\x00 tidak dapat\\nmenjadi PPK "
                   "(saran: pilih \\x9b31m\\u200bKepala Bidang) [Pasal\\t9]")
    assert teks([JAHAT]) == out + "\n"


def test_baris_github_satu_baris_tanpa_esc():
    out = baris_github(JAHAT)
    assert _mentah(out) == [] and "\n" not in out
    assert "\\x1b" in out and "\\u202e" in out and "%0D" in out and "%0A" in out
    assert out.startswith("::error file=orgs/a\\x1b[2J.yaml,line=3,col=4,title=SK02::")
    assert github([JAHAT]).count("\n") == 1


def test_json_data_utuh_tanpa_karakter_mentah():
    data = {"findings": [JAHAT.as_json()], "x": "tag \U000e0041 \u2066"}
    out = as_json(data)
    assert _mentah(out) == []
    assert json.loads(out) == data
    assert "\\u202e" in out and "\\u009b" in out and "\\udb40\\udc41" in out


# ---------------------------------------------------------------------------
# ujung ke ujung: check (text/github/json) dan explain

ORG_JAHAT = r'''id: dinas-a
nama: "Dinas \e[2J\e[HContoh"
jenis: dinas
aplikasi_spbe: [srikandi]
struktur:
  - {id: kadis, jabatan: "Kepala Dinas\r\u202eX", jenis: jpt_pratama}
  - {id: kabid, jabatan: "Kepala\0Bidang", jenis: administrator, atasan: kadis}
  - {id: staf, jabatan: "Staf \e]0;judul\a", jenis: pelaksana, atasan: kabid}
kelompok:
  - id: kjf
    nama: "Kelompok \u200bUmum <script>"
    penilai: staf
    pimpinan_unit: kabid
    anggota: [{jabatan: "Arsiparis\tAhli", jenis: fungsional}]
'''
#: kolom tak dikenal dan nilai enum salah: pesan INPUT menggemakan nama kolom/nilai dari berkas
ORG_INPUT = 'id: dinas-b\nnama: Dinas B\njenis: "dinas\\e[31m\\u202e"\n"kolom\\e[2J": 1\nstruktur: []\n'


def _jalankan(argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def folder_jahat(tmp_path):
    (tmp_path / "dinas-a.yaml").write_text(ORG_JAHAT, encoding="utf-8")
    (tmp_path / "dinas-b.yaml").write_text(ORG_INPUT, encoding="utf-8")
    (tmp_path / "nama\x1b[2J.yaml").write_text("id: x\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "github", "json"])
def test_check_tanpa_karakter_mentah_di_keluaran(folder_jahat, fmt):
    code, out, err = _jalankan(["check", str(folder_jahat), "--format", fmt])
    assert code == 1
    assert _mentah(out) == [] and _mentah(err) == []
    if fmt != "json":
        assert "\\x1b[31m\\u202e" in out  # nilai enum yang digemakan INPUT tampil ter-escape
        assert "nama\\x1b[2J.yaml" in out  # nama berkas pun ter-escape
    else:
        data = json.loads(out)
        assert any("dinas\x1b[31m\u202e" in f["message"] for f in data["findings"])  # data tetap utuh


def test_sk11_menolak_setiap_muatan_dengan_saran_bersih(folder_jahat):
    code, out, _ = _jalankan(["check", str(folder_jahat / "dinas-a.yaml"), "--format", "json"])
    sk11 = {(f["line"], f["message"].split(" memuat")[0]): f for f in json.loads(out)["findings"] if f["rule"] == "SK11"}
    assert code == 1
    assert set(sk11) == {(2, "nama"), (6, "struktur[0].jabatan"), (7, "struktur[1].jabatan"), (8, "struktur[2].jabatan"),
                         (11, "kelompok[0].nama"), (14, "kelompok[0].anggota[0].jabatan")}
    assert sk11[(2, "nama")]["hint"] == "'Dinas Contoh'"
    assert sk11[(6, "struktur[0].jabatan")]["hint"] == "'Kepala Dinas X'"
    assert "RIGHT-TO-LEFT OVERRIDE" in sk11[(6, "struktur[0].jabatan")]["message"]
    # NUL tidak lagi hilang diam-diam: temuan yang menyebutnya, dengan saran tanpa NUL
    assert "U+0000 NUL" in sk11[(7, "struktur[1].jabatan")]["message"]
    assert sk11[(7, "struktur[1].jabatan")]["hint"] == "'Kepala Bidang'"
    assert sk11[(8, "struktur[2].jabatan")]["hint"] == "'Staf'"
    assert sk11[(11, "kelompok[0].nama")]["hint"] == "'Kelompok Umum'"
    assert sk11[(11, "kelompok[0].nama")]["kelompok"] == "kjf"
    assert sk11[(14, "kelompok[0].anggota[0].jabatan")]["hint"] == "'Arsiparis Ahli'"


def test_explain_meng_escape_teks_org(folder_jahat):
    code, out, err = _jalankan(["explain", str(folder_jahat / "dinas-a.yaml")])
    assert _mentah(out) == [] and _mentah(err) == []
    assert "Dinas \\x1b[2J\\x1b[HContoh" in out and "Kepala\\x00Bidang" in out


def test_salah_pemakaian_di_escape():
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as e:
        main(["check", "--format", "x\x1b[2J\u202e"])
    assert e.value.code == 2 and _mentah(err.getvalue()) == [] and "x\\x1b[2J\\u202e" in err.getvalue()


def test_path_tidak_ditemukan_di_escape():
    code, out, err = _jalankan(["check", "tidak-ada-\x1b[2J"])
    assert code == 2 and _mentah(err) == [] and "tidak-ada-\\x1b[2J" in err


# ---------------------------------------------------------------------------
# SK11 mencakup setiap kolom teks model

#: org sah yang mengisi setiap kolom teks; dua varian karena ketua/anggota tim berasal dari
#: kelompok *atau* instansi
DASAR = {
    "id": "dinas-a", "nama": "Dinas Contoh", "singkatan": "DC", "jenis": "dinas", "induk": "dinas-b",
    "dasar_hukum": ["Perbup Dairi Nomor 7 Tahun 2022"], "aplikasi_spbe": ["srikandi"],
    "struktur": [
        {"id": "kadis", "jabatan": "Kepala Dinas", "jenis": "jpt_pratama"},
        {"id": "kabid", "jabatan": "Kepala Bidang", "jenis": "administrator", "atasan": "kadis"},
        {"id": "jf", "jabatan": "Analis Ahli Madya", "jenis": "fungsional", "atasan": "kadis",
         "unit_kerja_mandiri": True, "dasar_pengangkatan": "Keputusan Bupati Nomor 1"},
    ],
    "pengecualian_level": {"kriteria": ["beban kerja"], "dasar": "PermenPANRB 25/2021"},
    "kelompok": [{"id": "kjf", "nama": "Kelompok JF", "penilai": "kadis", "pimpinan_unit": "kabid",
                  "pendelegasian": "Keputusan Kepala Dinas Nomor 2",
                  "anggota": [{"jabatan": "Arsiparis Ahli Pertama", "jenis": "fungsional"}]}],
    "tim_kerja": [{"id": "tim", "nama": "Tim Arsip", "pemilik_kinerja": "kabid",
                   "ketua": {"kelompok": "kjf", "jabatan": "Arsiparis Ahli Pertama"},
                   "anggota": [{"instansi": "BPS Kabupaten Dairi", "jabatan": "Statistisi Ahli Muda",
                                "dasar_penugasan": {"nomor_surat": "800/1/2025", "tanggal": "2025-01-02",
                                                    "penyetuju": "Kepala BPS Kabupaten Dairi",
                                                    "mulai": "2025-02-01", "selesai": "2099-12-31"}}],
                   "mulai": "2025-01-01", "selesai": "2099-12-31"}],
}
VARIAN = copy.deepcopy(DASAR)
VARIAN["tim_kerja"][0]["ketua"] = {"instansi": "BPS Kabupaten Dairi", "jabatan": "Statistisi Ahli Muda",
                                   "dasar_penugasan": DASAR["tim_kerja"][0]["anggota"][0]["dasar_penugasan"]}
VARIAN["tim_kerja"][0]["anggota"] = [{"kelompok": "kjf", "jabatan": "Arsiparis Ahli Pertama"}]
INDUK = {"id": "dinas-b", "nama": "Dinas B", "jenis": "dinas", "aplikasi_spbe": ["srikandi"],
         "struktur": [{"id": "kadis", "jabatan": "Kepala Dinas", "jenis": "jpt_pratama"}]}


def _cari(d, jalur: str) -> list | None:
    """Jalur konkret pertama di ``d`` untuk ``tim_kerja[].ketua.jabatan`` (``[]`` = butir mana pun
    yang memuat sisa jalurnya), mis. ``['tim_kerja', 0, 'ketua', 'jabatan']``; None bila tidak ada."""
    kepala, _, sisa = jalur.partition(".")
    nama = kepala.removesuffix("[]")
    if not isinstance(d, dict) or nama not in d:
        return None
    if not kepala.endswith("[]"):
        if not sisa:
            return [nama]
        lanjut = _cari(d[nama], sisa)
        return [nama, *lanjut] if lanjut is not None else None
    for i, butir in enumerate(d[nama]):
        if not sisa:
            return [nama, i]
        lanjut = _cari(butir, sisa)
        if lanjut is not None:
            return [nama, i, *lanjut]
    return None


def _ambil(d, langkah):
    for x in langkah:
        d = d[x]
    return d


def test_medan_teks_diturunkan_dari_model():
    jalur = medan_teks()
    for wajib in ("nama", "singkatan", "dasar_hukum[]", "aplikasi_spbe[]", "struktur[].jabatan",
                  "struktur[].dasar_pengangkatan", "pengecualian_level.kriteria[]", "pengecualian_level.dasar",
                  "kelompok[].nama", "kelompok[].pendelegasian", "kelompok[].anggota[].jabatan",
                  "tim_kerja[].nama", "tim_kerja[].ketua.instansi", "tim_kerja[].anggota[].jabatan"):
        assert wajib in jalur
    assert "jenis" not in jalur and "struktur[].unit_kerja_mandiri" not in jalur  # Literal/boolean bukan teks
    assert "id" not in jalur and "kelompok[].penilai" not in jalur  # id/acuan berpola: ditolak validasi model
    assert {"id", "induk", "kelompok[].penilai", "tim_kerja[].anggota[].kelompok"} <= set(medan_teks(berpola=True))


@pytest.mark.parametrize("jalur,aturan", [(j, "SK11") for j in medan_teks()] + [(j, "INPUT") for j in medan_teks(berpola=True)])
def test_setiap_kolom_teks_menolak_esc(jalur, aturan, tmp_path):
    """Muatan ESC di kolom teks bebas mana pun → SK11 di barisnya; di kolom id/acuan berpola → INPUT."""
    org, langkah = next((copy.deepcopy(o), lk) for o in (DASAR, VARIAN) if (lk := _cari(o, jalur)) is not None)
    wadah = _ambil(org, langkah[:-1])
    wadah[langkah[-1]] = wadah[langkah[-1]] + "\x1b[2J PENANDA"
    teks_yaml = yaml.safe_dump(org, allow_unicode=True, sort_keys=False, width=1000)
    baris = next(i for i, b in enumerate(teks_yaml.splitlines(), 1) if "PENANDA" in b)
    assert "\\e[2J" in teks_yaml  # PyYAML menuliskannya sebagai escape YAML di teks berkutip ganda
    (tmp_path / "dinas-a.yaml").write_text(teks_yaml, encoding="utf-8")
    (tmp_path / "dinas-b.yaml").write_text(yaml.safe_dump(INDUK, sort_keys=False), encoding="utf-8")
    code, out, _ = _jalankan(["check", str(tmp_path / "dinas-a.yaml"), "--format", "json"])
    kena = [(f["rule"], f["line"]) for f in json.loads(out)["findings"] if f["severity"] == "error"]
    assert code == 1 and (aturan, baris) in kena, (jalur, kena)


def test_org_dasar_uji_sah(tmp_path):
    """Pembanding: tanpa muatan, kedua varian org uji di atas tidak memberi SK11/INPUT."""
    for org in (DASAR, VARIAN):
        (tmp_path / "dinas-a.yaml").write_text(yaml.safe_dump(org, sort_keys=False), encoding="utf-8")
        (tmp_path / "dinas-b.yaml").write_text(yaml.safe_dump(INDUK, sort_keys=False), encoding="utf-8")
        _, out, _ = _jalankan(["check", str(tmp_path / "dinas-a.yaml"), "--format", "json"])
        assert [f for f in json.loads(out)["findings"] if f["rule"] in ("SK11", "INPUT")] == []


# ---------------------------------------------------------------------------
# SK12: id unit 'con' (berkas con.yaml hanya dibuat saat tes, tidak di-commit)

def test_sk12_id_unit_con(tmp_path):
    (tmp_path / "con.yaml").write_text(yaml.safe_dump({**INDUK, "id": "con"}, sort_keys=False), encoding="utf-8")
    code, out, _ = _jalankan(["check", str(tmp_path), "--format", "json"])
    f = [f for f in json.loads(out)["findings"] if f["rule"] == "SK12"]
    assert code == 1 and [(x["line"], x["col"]) for x in f] == [(1, 5)]
    assert "con-unit" in f[0]["hint"] and "Windows" in f[0]["message"]


def test_tag_html_di_nama_ditolak_dan_ter_escape_di_halaman(tmp_path):
    """Dua garis: SK11 menolak '<b>' di jabatan, dan halaman unit (Markdown situs) tetap meng-escape-nya
    bila dibangkitkan juga (garis pertama tidak bergantung pada aturan)."""
    from kasus_yaml import ROOT
    from policy.situs import unit as situs_unit

    root = tmp_path / "proyek"
    (root / "orgs").mkdir(parents=True)
    (root / "docs").symlink_to(ROOT / "docs", target_is_directory=True)
    org = copy.deepcopy(DASAR)
    del org["induk"], org["pengecualian_level"]
    org["struktur"][1]["jabatan"] = "Kepala Bidang <b>Uji</b> <script>alert(1)</script>"
    teks_yaml = yaml.safe_dump(org, allow_unicode=True, sort_keys=False)
    (root / "orgs" / "dinas-a.yaml").write_text(teks_yaml, encoding="utf-8")
    baris = next(i for i, b in enumerate(teks_yaml.splitlines(), 1) if "<b>" in b)
    _, out, _ = _jalankan(["check", str(root / "orgs"), "--format", "json"])
    assert ("SK11", baris) in [(f["rule"], f["line"]) for f in json.loads(out)["findings"]]
    halaman = situs_unit.halaman(root)
    md = next(v for k, v in halaman.items() if k.endswith("/dinas-a.md"))
    assert "Kepala Bidang" in md and "<b>" not in md and "<script>" not in md and "&lt;b&gt;" in md


@pytest.mark.parametrize("nama_yaml", [
    "nama: |\n  Dinas\n  Contoh\n",  # blok literal: baris baru
    "nama: >\n  Dinas\n\n  Contoh\n",  # blok terlipat dengan baris kosong: baris baru
    "nama: Dinas\n\n  Contoh\n",  # skalar polos multi-baris dengan baris kosong
    "nama: \"Dinas\n\n  Contoh\"\n",  # skalar berkutip multi-baris dengan baris kosong
    "nama: 'Dinas\n  \n  Contoh'\n",  # baris kosong berisi spasi
    "nama: Dinas\tContoh\n",  # tab mentah di dalam nilai
    "nama: \"Dinas\\\n  \\tContoh\"\n",  # escape pada baris lanjutan
])
def test_saringan_cepat_tidak_melewatkan_baris_baru_dan_tab(nama_yaml, tmp_path):
    """Saringan teks mentah SK11 tidak boleh melewatkan cara YAML menghasilkan LF/TAB di nilai."""
    teks_yaml = "id: dinas-b\n" + nama_yaml + yaml.safe_dump({k: v for k, v in INDUK.items() if k not in ("id", "nama")},
                                                              sort_keys=False)
    (tmp_path / "dinas-b.yaml").write_text(teks_yaml, encoding="utf-8")
    _, out, _ = _jalankan(["check", str(tmp_path), "--format", "json"])
    assert [(f["rule"], f["line"]) for f in json.loads(out)["findings"] if f["severity"] == "error"] == [("SK11", 2)]


def test_saringan_cepat_melewati_berkas_bersih():
    from kasus_yaml import ROOT
    from policy.rules.teks import _SARING

    bersih = [p for p in sorted((ROOT / "orgs").glob("*.yaml")) if _SARING.search(p.read_text(encoding="utf-8")) is None]
    assert len(bersih) >= 30  # berkas contoh tidak memerlukan penelusuran nilai
