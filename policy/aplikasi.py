"""Aplikasi umum berbagi pakai SPBE yang dikenal (Pasal 18 ayat (2); Pasal 19 ayat (1)).

Kunci = id yang ditulis di ``aplikasi_spbe``; nilai = nama lengkap untuk situs.
Aplikasi lain (aplikasi khusus daerah) boleh dicantumkan, tetapi tidak memenuhi SK09 sendirian.
"""
from __future__ import annotations

APLIKASI_UMUM: dict[str, str] = {
    "srikandi": "SRIKANDI — Sistem Informasi Kearsipan Dinamis Terintegrasi",
    "e-kinerja": "e-Kinerja BKN — pengelolaan kinerja ASN",
    "siasn": "SIASN — Sistem Informasi ASN",
    "sipd": "SIPD — Sistem Informasi Pemerintahan Daerah",
    "lapor": "SP4N-LAPOR! — pengelolaan pengaduan pelayanan publik",
    "jdih": "JDIH — Jaringan Dokumentasi dan Informasi Hukum",
    "spse": "SPSE — Sistem Pengadaan Secara Elektronik",
    "sirup": "SiRUP — Sistem Informasi Rencana Umum Pengadaan",
    "e-sakip": "e-SAKIP — Sistem Akuntabilitas Kinerja Instansi Pemerintah",
    "ppid": "e-PPID — layanan informasi publik",
}
