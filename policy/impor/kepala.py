"""Menemukan baris judul kolom dan memetakan nama kolom (banyak ejaan) ke perannya.

Peta jabatan dari SIASN, aplikasi Anjab-ABK atau Excel buatan sendiri menamai kolom dengan
berbagai cara ("Nama Jabatan", "JABATAN", "Bezetting (B)", "Eksisting", "Jumlah Pegawai" di atas
"B | K | +/-", …). Judul dicari di :data:`BARIS_CARI` baris pertama; judul dua tingkat (sel
gabungan di atas sub-judul) dan baris penomoran kolom ``(1) (2) (3)`` di bawahnya dikenali.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .baca import GagalImpor, Lembar
from .teks import bersih, normal

BARIS_CARI = 30

#: peran → keterangan untuk laporan "kolom dipakai untuk apa"
PERAN = {
    "nomor": "nomor/hierarki",
    "jabatan": "nama jabatan",
    "jenis": "jenis jabatan",
    "eselon": "eselon (→ jenis jabatan)",
    "kelas": "kelas/jenjang (dibaca, tidak disimpan: berkas org tidak memuat kelas jabatan)",
    "kebutuhan": "kebutuhan (ABK) → komentar",
    "bezetting": "bezetting → jumlah",
    "unit": "unit kerja",
    "id": "id jabatan",
    "id_unit": "id unit (berkas)",
    "jenis_unit": "jenis unit",
    "induk": "induk unit",
    "kelompok": "id kelompok",
    "nama_kelompok": "nama kelompok",
    "penilai": "Pejabat Penilai Kinerja",
    "pimpinan": "Pimpinan Unit Organisasi",
    "pendelegasian": "pendelegasian",
    "mandiri": "unit kerja mandiri",
    "dasar": "dasar pengangkatan",
}
#: peran yang dikenali tetapi sengaja tidak dipakai
DIKENAL_TAK_DIPAKAI = {"selisih": "selisih (+/-)", "keterangan": "keterangan", "pangkat": "pangkat/golongan", "kode": "kode jabatan"}
#: kolom data pribadi: tidak pernah disalin
PRIBADI = {"nama": "nama orang", "nip": "NIP/NIK"}

_TEPAT: dict[str, str] = {}
for _peran, _alias in {
    "nomor": ["no", "nomor", "no urut", "nomor urut", "urut", "no jabatan", "nomor jabatan", "hierarki", "kode hierarki"],
    "jabatan": ["jabatan", "nama jabatan", "nama jabatan struktural fungsional", "uraian jabatan", "nama jabatan peta",
                "jabatan struktural fungsional pelaksana", "nama jabatan struktural fungsional pelaksana", "posisi", "nama posisi"],
    "jenis": ["jenis", "jenis jabatan", "tipe", "tipe jabatan", "kategori", "kategori jabatan", "kelompok jabatan",
              "jenis jab", "tingkat jabatan", "status jabatan"],
    "eselon": ["eselon", "esl", "eselonering"],
    "kelas": ["kelas", "kelas jabatan", "kelas jab", "jenjang", "jenjang jabatan", "grade", "kelas jabatan kj"],
    "kebutuhan": ["kebutuhan", "k", "abk", "formasi", "kebutuhan pegawai", "jumlah kebutuhan", "kebutuhan abk",
                  "hasil abk", "jml kebutuhan", "kebutuhan k", "jumlah kebutuhan pegawai", "kebutuhan formasi"],
    "bezetting": ["bezetting", "b", "eksisting", "existing", "terisi", "jumlah pegawai", "jumlah pemangku", "jml pegawai",
                  "riil", "pegawai yang ada", "yang ada", "bezetting b", "jumlah yang ada", "jumlah terisi",
                  "jumlah pegawai yang ada", "ada", "jumlah eksisting", "jml", "jumlah"],
    "unit": ["unit kerja", "unit organisasi", "unor", "satuan kerja", "satker", "opd", "perangkat daerah", "skpd",
             "nama unit", "nama unit kerja", "unit kerja organisasi", "unor induk", "nama opd"],
    "id": ["id", "id jabatan"],
    "id_unit": ["id unit", "kode unit", "id berkas"],
    "jenis_unit": ["jenis unit", "jenis perangkat daerah", "tipe unit"],
    "induk": ["induk", "id induk", "induk unit", "unit induk"],
    "kelompok": ["kelompok", "id kelompok"],
    "nama_kelompok": ["nama kelompok"],
    "penilai": ["ppk", "penilai", "pejabat penilai kinerja", "id ppk", "id penilai"],
    "pimpinan": ["pimpinan unit", "pimpinan unit organisasi", "id pimpinan unit"],
    "pendelegasian": ["pendelegasian", "dasar pendelegasian"],
    "mandiri": ["unit kerja mandiri"],
    "dasar": ["dasar pengangkatan"],
    "selisih": ["selisih", "kurang lebih", "lebih kurang", "kurang", "lebih", "k b", "b k"],
    "keterangan": ["keterangan", "ket", "catatan"],
    "pangkat": ["pangkat", "golongan", "gol", "pangkat golongan", "pangkat gol", "gol ruang", "tmt", "tmt jabatan"],
    "kode": ["kode", "kode jabatan", "kode jab"],
    "nama": ["nama", "nama pegawai", "nama pejabat", "nama pemangku", "nama lengkap", "pemangku", "pejabat", "pegawai",
             "nama asn", "nama pns", "nama pemegang jabatan", "pemegang jabatan", "nama dan gelar", "nama gelar",
             "tempat lahir", "tanggal lahir", "tempat tanggal lahir", "ttl"],
    "nip": ["nip", "nip baru", "nik", "nip nik", "nip pegawai", "nomor induk pegawai", "nrp"],
}.items():
    for _a in _alias:
        _TEPAT[_a] = _peran


def peran_kolom(judul: str) -> str | None:
    """Peran sebuah kolom dari judulnya (None = tidak dikenal)."""
    n = normal(judul)
    if not n:
        return None
    if n in _TEPAT:
        return _TEPAT[n]
    kata = set(n.split())
    tanpa_kurung = normal(re.sub(r"\(.*?\)", " ", judul))
    if tanpa_kurung and tanpa_kurung in _TEPAT:
        return _TEPAT[tanpa_kurung]
    if kata & {"nip", "nik", "nrp"}:
        return "nip"
    if "nama" in kata and kata & {"pegawai", "pejabat", "pemangku", "lengkap", "asn", "pns", "pemegang", "gelar"}:
        return "nama"
    if "selisih" in kata:
        return "selisih"
    if kata & {"jenis", "tipe", "kategori"} and not kata & {"unit", "perangkat"}:
        return "jenis"
    if "eselon" in kata:
        return "eselon"
    if kata & {"kelas", "jenjang", "grade"}:
        return "kelas"
    if kata & {"kebutuhan", "abk", "formasi"}:
        return "kebutuhan"
    if kata & {"bezetting", "eksisting", "existing", "terisi", "riil"}:
        return "bezetting"
    if "unit" in kata and kata & {"kerja", "organisasi"} or kata & {"satker", "opd", "skpd", "unor"}:
        return "unit"
    if "jabatan" in kata and not kata & {"kode"}:
        return "jabatan"
    return None


@dataclass
class Kepala:
    """Hasil deteksi judul kolom."""

    baris_awal: int                      # 0-based
    baris_data: int                      # 0-based baris data pertama
    kolom: dict[str, list[int]]          # peran → kolom (jabatan boleh rentang beberapa kolom)
    judul: dict[int, str]                # kolom → judul untuk laporan
    diabaikan: list[tuple[int, str, str]] = field(default_factory=list)   # (kolom, judul, alasan)
    pribadi: list[tuple[int, str]] = field(default_factory=list)          # (kolom, judul)
    alasan_pribadi: dict[int, str] = field(default_factory=dict)          # kolom → alasan (deteksi isi)

    def satu(self, peran: str) -> int | None:
        k = self.kolom.get(peran)
        return k[0] if k else None


def _teks_sel(v: object) -> str:
    return bersih(str(v)) if v is not None else ""


def _label_baris(lembar: Lembar, r: int, lebar: int) -> tuple[list[str], dict[int, int]]:
    """Judul per kolom di baris ``r`` dan rentang sel gabungan horizontal (kolom awal → kolom akhir)."""
    baris = lembar.sel[r] if r < len(lembar.sel) else []
    label = [_teks_sel(baris[c]) if c < len(baris) else "" for c in range(lebar)]
    rentang: dict[int, int] = {}
    for r0, c0, r1, c1 in lembar.gabung:
        if r0 <= r <= r1 and c1 > c0:
            rentang[c0] = max(rentang.get(c0, c0), c1)
        if r0 < r <= r1 and c0 < lebar and not label[c0]:
            label[c0] = _teks_sel(lembar.sel[r0][c0]) if c0 < len(lembar.sel[r0]) else ""
    return label, rentang


def _penomoran_kolom(lembar: Lembar, r: int) -> bool:
    """Baris "(1) (2) (3) …" atau "1 2 3 …" di bawah judul: nomor kolom, bukan data."""
    if r >= len(lembar.sel):
        return False
    nilai = [v for v in lembar.sel[r] if v is not None]
    if len(nilai) < 3:
        return False
    angka = []
    for v in nilai:
        t = re.sub(r"[()\s]", "", str(v))
        if not t.isdigit():
            return False
        angka.append(int(t))
    return angka == list(range(angka[0], angka[0] + len(angka)))


def _petakan(label: list[str], rentang: dict[int, int], sub: list[str] | None) -> dict[int, tuple[str | None, str]]:
    """kolom → (peran, judul tampil)."""
    hasil: dict[int, tuple[str | None, str]] = {}
    c = 0
    lebar = len(label)
    while c < lebar:
        akhir = rentang.get(c, c)
        induk = label[c]
        if sub is not None and any(sub[k] for k in range(c, akhir + 1)) and (akhir > c or not induk or peran_kolom(induk) is None):
            for k in range(c, akhir + 1):
                s = sub[k]
                if not s and not induk:
                    continue
                p = peran_kolom(s) if s else None
                if p is None and s and induk:
                    p = peran_kolom(f"{induk} {s}")
                if p is None and not s:
                    p = peran_kolom(induk)
                hasil[k] = (p, f"{induk} / {s}".strip(" /") if induk and s else (s or induk))
        else:
            p = peran_kolom(induk) if induk else None
            for k in range(c, akhir + 1):
                if induk:
                    hasil[k] = (p, induk)
        c = akhir + 1
    return hasil


_PERAN_INTI = {"nomor", "jenis", "eselon", "kelas", "kebutuhan", "bezetting", "unit", "id"}


def _skor(peta: dict[int, tuple[str | None, str]]) -> int:
    peran = {p for p, _ in peta.values() if p}
    if "jabatan" not in peran:
        return 0
    inti = peran & _PERAN_INTI
    return (1 + len(inti)) if inti else 0


def cari_kepala(lembar: Lembar) -> Kepala:
    """Temukan baris judul kolom di :data:`BARIS_CARI` baris pertama dan petakan perannya."""
    lebar = max((len(r) for r in lembar.sel[: BARIS_CARI + 2]), default=0)
    terbaik: tuple[int, int, int, dict] | None = None   # (skor, r, baris_data, peta)
    for r in range(min(BARIS_CARI, len(lembar.sel))):
        label, rentang = _label_baris(lembar, r, lebar)
        if sum(1 for x in label if x) < 2:
            continue
        calon = [(_petakan(label, rentang, None), r + 1)]
        if r + 1 < len(lembar.sel) and not _penomoran_kolom(lembar, r + 1):
            sub, _ = _label_baris(lembar, r + 1, lebar)
            nilai_sub = [v for v in lembar.sel[r + 1] if v is not None]
            if nilai_sub and all(isinstance(v, str) for v in nilai_sub):
                # sub-judul hanya di bawah sel judul yang bergabung melebar atau kosong
                lebar_gabung = _di_rentang(rentang)
                sub_bersih = [s if (k in lebar_gabung or not label[k]) else "" for k, s in enumerate(sub)]
                if any(peran_kolom(s) for s in sub_bersih if s):
                    calon.append((_petakan(label, rentang, sub_bersih), r + 2))
        for peta, data in calon:
            skor = _skor(peta)
            if skor >= 2 and (terbaik is None or skor > terbaik[0]):
                terbaik = (skor, r, data, peta)
        if terbaik is not None and r > terbaik[1] + 2:
            break
    if terbaik is None:
        raise GagalImpor(
            f"baris judul kolom tidak ditemukan di {BARIS_CARI} baris pertama",
            "lembar perlu kolom 'Nama Jabatan' dan paling sedikit satu dari 'No', 'Jenis Jabatan', 'Kelas', "
            "'Kebutuhan', 'Bezetting'/'Eksisting'; pilih lembar lain dengan --sheet",
            lembar=lembar.nama if lembar.jenis == "xlsx" else None)
    _, r, data, peta = terbaik
    while _penomoran_kolom(lembar, data):
        data += 1
    kolom: dict[str, list[int]] = {}
    judul: dict[int, str] = {}
    diabaikan: list[tuple[int, str, str]] = []
    pribadi: list[tuple[int, str]] = []
    for c in sorted(peta):
        p, j = peta[c]
        judul[c] = j
        if p in PRIBADI:
            pribadi.append((c, j))
        elif p is None:
            diabaikan.append((c, j, "tidak dikenal"))
        elif p in DIKENAL_TAK_DIPAKAI:
            diabaikan.append((c, j, DIKENAL_TAK_DIPAKAI[p]))
        elif p == "jabatan":
            if not kolom.get("jabatan") or c == kolom["jabatan"][-1] + 1 and peta.get(c - 1, (None, ""))[1] == j:
                kolom.setdefault("jabatan", []).append(c)
            else:
                diabaikan.append((c, j, "kolom jabatan kedua"))
        elif p in kolom:
            diabaikan.append((c, j, f"kolom {PERAN[p].split(' (')[0]} kedua"))
        else:
            kolom[p] = [c]
    return Kepala(r, data, kolom, judul, diabaikan, pribadi)


def _di_rentang(rentang: dict[int, int]) -> set[int]:
    """Kolom yang berada di bawah sel judul gabungan selebar lebih dari satu kolom."""
    return {k for c0, c1 in rentang.items() if c1 > c0 for k in range(c0, c1 + 1)}
