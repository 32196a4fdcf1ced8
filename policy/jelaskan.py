"""``explain``: penjelasan per kelompok dalam Bahasa Indonesia yang lugas.

Keluaran untuk terminal: setiap baris melewati :func:`policy.keluaran.aman_terminal` (teks org
tidak tepercaya: escape ANSI, CR, bidi tampil sebagai ``\\x1b``, ``\\r``, ``\\u202e``)."""
from __future__ import annotations

from .domain import Unit
from .katalog import katalog
from .keluaran import aman_terminal
from .klasifikasi import klasifikasi
from .models import Kelompok
from .periksa import HasilPeriksa


def _pejabat(unit: Unit, pid: str | None) -> str:
    p = unit.posisi.get(pid or "")
    if p is None:
        return f"(tidak ditemukan: {pid})"
    return f"{p.jabatan} ({katalog().jenis_jabatan[p.jenis]}, level {unit.level.get(p.id, '?')})"


def aktor_kelompok(unit: Unit, k: Kelompok, kl) -> dict[str, str]:
    """Nama jabatan per peran lajur mekanisme kelompok ``k`` (katalog: ``aktor_bawaan``, ``aktor``)."""
    P, U, T = unit.posisi.get(k.penilai or ""), unit.posisi.get(k.pimpinan_unit or ""), unit.top
    if P is None or U is None or T is None:
        return {}
    pejabat = {"penilai": P, "pimpinan_unit": U, "pucuk": T, "atasan_penilai": unit.posisi.get(P.atasan or "")}
    return {peran: p.jabatan for peran, p in katalog().aktor(pejabat, kl.struktur_penugasan, kl.mekanisme).items()}


def langkah_kelompok(unit: Unit, k: Kelompok, kl) -> list[str]:
    """Langkah mekanisme kelompok dengan nama jabatan sebenarnya (dari berkas alur, lihat
    :mod:`policy.mekanisme`), satu baris per langkah; nomor = nomor diagram di situs."""
    from .diagram import langkah_mekanisme

    out = [f"  Langkah {kl.mekanisme}:"]
    for lk in langkah_mekanisme(kl.mekanisme, aktor_kelompok(unit, k, kl)):
        tahap = f"[{lk.judul_tahap.removeprefix('Tahap ')}] " if lk.tahap else ""
        jika = f"jika {lk.kondisi}: " if lk.kondisi else ""
        pihak = f"{lk.pelaku} → {lk.penerima}" if lk.penerima else lk.pelaku
        out.append(f"    {lk.nomor:>2}. {tahap}{jika}{pihak}: {lk.label}")
    return out


def jelaskan_kelompok(unit: Unit, k: Kelompok, langkah: bool = False) -> list[str]:
    kat = katalog()
    kl = klasifikasi(unit, k)
    sama = k.penilai == k.pimpinan_unit
    anggota = ", ".join(f"{a.jumlah} {a.jabatan}" for a in k.anggota) or "-"
    out = [f"Kelompok {k.id}" + (f" — {k.nama}" if k.nama else ""),
           f"  Pejabat Penilai Kinerja : {_pejabat(unit, k.penilai)}",
           f"  Pimpinan Unit Organisasi: {_pejabat(unit, k.pimpinan_unit)}" + (" — sama dengan PPK" if sama else "")]
    if kl.kedudukan:
        g = f", Gambar {kl.gambar_kedudukan}" if kl.gambar_kedudukan else ", Lampiran B.1 huruf e"
        out.append(f"  Kedudukan               : {kl.kedudukan}{g} — {kat.kedudukan[kl.kedudukan].judul}")
    if kl.struktur_penugasan:
        out.append(f"  Struktur penugasan      : {kl.struktur_penugasan}, Gambar {kl.gambar_struktur} — "
                   f"{kat.struktur[kl.struktur_penugasan].judul}")
    if kl.mekanisme:
        m = kat.mekanisme[kl.mekanisme]
        if m.lampiran_d:
            out.append(f"  Mekanisme               : {kl.mekanisme}, Gambar {m.gambar} (Lampiran D angka {m.lampiran_d})")
        else:
            out.append(f"  Mekanisme               : {kl.mekanisme} (pola umum Lampiran A; tidak ada contoh khusus di Lampiran D)")
    else:
        out.append("  Mekanisme               : belum dapat ditentukan (perbaiki kesalahan pada berkas ini dulu)")
    out.append(f"  Anggota                 : {anggota}")
    if k.penilai and k.pimpinan_unit:
        pu, ppk = unit.jabatan(k.pimpinan_unit), unit.jabatan(k.penilai)
        if sama:
            out.append(f"  Artinya: {ppk} menilai kinerja sekaligus memberi penugasan; individu melapor langsung kepadanya, "
                       "anggota tim melapor kepada ketua tim lalu ketua tim kepadanya (Pasal 14–15).")
        else:
            out.append(f"  Artinya: {ppk} menilai kinerja; {pu} memberi penugasan dan menerima laporan "
                       "(individu langsung, anggota tim lewat ketua tim — Pasal 14–15).")
    if langkah and kl.mekanisme:
        out.extend(langkah_kelompok(unit, k, kl))
    return out


def jelaskan(hasil: HasilPeriksa, langkah: bool = False) -> str:
    """Teks ``explain`` untuk semua unit yang diminta; teks org di-escape untuk terminal.

    ``langkah``: sertakan langkah mekanisme setiap kelompok dengan nama jabatannya."""
    baris: list[str] = []
    for unit in hasil.indeks.unit_diminta():
        if baris:
            baris.append("")
        baris.append(aman_terminal(f"{unit.org.nama} ({unit.file})"))
        baris.append("=" * len(baris[-1]))
        if not unit.org.kelompok:
            baris.append("Tidak ada kelompok jabatan fungsional/pelaksana.")
        for k in unit.org.kelompok:
            baris.append("")
            baris.extend(map(aman_terminal, jelaskan_kelompok(unit, k, langkah)))
    gagal = sorted({t.file for t in hasil.temuan if t.severity == "error"})
    if gagal:
        baris.append("")
        baris.append("Berkas dengan kesalahan (jalankan 'python -m policy check'): " + aman_terminal(", ".join(gagal)))
    return "\n".join(baris) + "\n"
