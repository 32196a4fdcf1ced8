"""SK10 — tidak ada data pribadi di berkas org (UU 27/2022 Pelindungan Data Pribadi).

Berkas org menggambarkan kantor/jabatan, bukan orang. Pemeriksaan dijalankan pada YAML mentah
sebelum validasi model, sehingga kolom nama orang dilaporkan sebagai SK10 (bukan sekadar
"kolom tidak dikenal").
"""
from __future__ import annotations

import re
from typing import Any

from ..muat import Dokumen
from .registry import Lapor, aturan

#: 18 digit NIP (8 tgl lahir, 6 TMT, 1 jenis kelamin, 3 urut), boleh dipisah spasi
NIP = re.compile(r"(?<!\d)(19|20)\d{6}[ .-]?(19|20)\d{4}[ .-]?[12][ .-]?\d{3}(?!\d)|(?<!\d)\d{18}(?!\d)")
NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
#: gelar akademik/sebutan yang menandakan nama orang, mis. "Drs. …", ", S.H.", "M.Si"
GELAR_DEPAN = re.compile(r"(?:^|[\s,(])(?:Drs?|Dra|Ir|Hj?|Prof|dr|drg)\.\s*[A-Z]")
#: gelar di belakang nama, mis. ", S.H." atau ", M.Si" — tanda kuat nama orang di kolom mana pun
GELAR_BELAKANG = re.compile(
    r",\s*(?:S|M|A|D)\.\s?[A-Z][A-Za-z]{0,5}\.?(?=\s|,|$)"
    r"|,\s*(?:SH|SE|MM|MSi|MAP|MPd|SKom|SPd|SSos|SKM|MKes|ST|MT|SIP|STP)\b"
)
KOLOM_PRIBADI = {
    "nip", "nik", "nama_pejabat", "nama_pegawai", "nama_lengkap", "pejabat", "pegawai", "pemangku",
    "nama_pemangku", "nama_orang", "penjabat", "gelar", "tanggal_lahir", "tempat_lahir", "alamat_rumah",
    "no_hp", "nomor_hp", "telepon_pribadi", "email_pribadi", "nama_kepala", "nama_ketua", "orang",
}

BASIS = "UU 27/2022 (Pelindungan Data Pribadi)"

#: saringan cepat atas teks mentah: superset longgar dari semua pola di atas (6 digit berurutan untuk
#: NIP/NIK, awalan gelar) ditambah daftar nama kolom yang dikumpulkan pemuat. Tidak cocok → penelusuran pohon tidak mungkin menemukan
#: apa pun dan dilewati. Garis miring terbalik (escape dalam teks berkutip) selalu menelusuri.
_SARING = re.compile(
    r"\d{6}|\\|(?:Drs?|Dra|Ir|Hj?|Prof|dr|drg)\.|,\s*(?:S|M|A|D)\.|,\s*(?:SH|SE|MM|MSi|MAP|MPd|SKom|SPd|SSos|SKM|MKes|ST|MT|SIP|STP)\b")


@aturan("SK10", "error", "Tidak ada data pribadi (nama orang, NIP) di berkas org", BASIS, (),
        tahap="dokumen",
        interpretasi="Deteksi bersifat heuristik: 18 digit berpola NIP, 16 digit berpola NIK, gelar akademik "
                     "yang menandakan nama orang (gelar depan hanya di kolom jabatan, karena nama kantor seperti 'RSUD Dr. …' sah), dan kolom bernama orang (nip, nama_pejabat, …).")
def periksa_data_pribadi(dok: Dokumen) -> list[Lapor]:
    """Laporkan dan buang kolom/nilai pribadi agar tidak ikut divalidasi atau diterbitkan."""
    hasil: list[Lapor] = []

    def lapor(path: tuple, msg: str, hint: str, kunci: bool = False) -> None:
        hasil.append(Lapor(path, msg, hint, kunci=kunci))

    def jalan(node: Any, path: tuple) -> Any:
        if isinstance(node, dict):
            bersih = {}
            for k, v in node.items():
                if NIP.search(k) or NIK.search(k):
                    lapor(path + (k,), "nama kolom tampak seperti NIP/NIK",
                          "hapus kolom ini: berkas org tidak memuat nomor identitas pegawai", kunci=True)
                    continue
                if k.lower() in KOLOM_PRIBADI:
                    lapor(path + (k,), f"kolom '{k}' memuat data pribadi",
                          "hapus kolom ini: berkas org menjelaskan jabatan (kantor), bukan orang", kunci=True)
                    continue
                bersih[k] = jalan(v, path + (k,))
            return bersih
        if isinstance(node, list):
            return [jalan(v, path + (i,)) for i, v in enumerate(node)]
        if isinstance(node, (int, str)) and not isinstance(node, bool):
            s = str(node)
            if NIP.search(s):
                lapor(path, "nilai ini tampak seperti NIP (18 digit)", "hapus NIP: tulis jabatannya saja")
            elif NIK.search(s):
                lapor(path, "nilai ini tampak seperti NIK (16 digit)", "hapus nomor identitas pribadi")
            elif isinstance(node, str) and (GELAR_BELAKANG.search(s) or (path and path[-1] == "jabatan" and GELAR_DEPAN.search(s))):
                lapor(path, f"nilai '{s[:60]}' tampak memuat nama orang bergelar",
                      "tulis nama jabatan saja, misalnya 'Kepala Bidang Aplikasi Informatika'")
        return node

    if dok.teks is not None and not _SARING.search(dok.teks) and \
            not any(k.lower() in KOLOM_PRIBADI or NIP.search(k) for k in dok.kunci):
        return hasil
    dok.data = jalan(dok.data, ())
    return hasil
