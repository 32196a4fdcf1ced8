"""Model Pydantic v2 kontrak berkas org (``orgs/<id>.yaml``), lihat SPEC.

Model hanya memeriksa *bentuk* data (tipe, enum, kolom yang dikenal). Ketentuan Perbup
(siapa boleh menjadi PPK, kedalaman struktur, dst.) diperiksa oleh aturan di
``policy/rules`` agar setiap pelanggaran membawa ID aturan dan dasar hukumnya.
Mode ketat: ``"08"`` tidak menjadi 8, ``"yes"`` tidak menjadi ``True``.
"""
from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80,
                            description="Pengenal: huruf kecil, angka dan '-' (contoh: kabid-aptika)")]
Teks = Annotated[str, Field(min_length=1, max_length=300)]
TeksPanjang = Annotated[str, Field(min_length=1, max_length=2000)]
#: acuan kelompok: ``<kelompok>`` di berkas yang sama atau ``<berkas>/<kelompok>``
AcuanKelompok = Annotated[str, Field(pattern=r"^([a-z0-9][a-z0-9-]*/)?[a-z0-9][a-z0-9-]*$", max_length=161)]

JenisJabatan = Literal["jpt_madya", "jpt_pratama", "administrator", "pengawas", "fungsional", "pelaksana"]
JenisUnit = Literal[
    "sekretariat_daerah", "sekretariat_dprd", "inspektorat", "dinas", "badan", "satpol_pp",
    "kecamatan", "kelurahan", "uptd", "rsud", "lainnya",
]

JENIS_JABATAN: tuple[str, ...] = JenisJabatan.__args__  # type: ignore[attr-defined]
JENIS_UNIT: tuple[str, ...] = JenisUnit.__args__  # type: ignore[attr-defined]


class _Dasar(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Posisi(_Dasar):
    """Jabatan struktural (atau fungsional pemimpin unit kerja mandiri) dalam ``struktur``."""

    id: Slug
    jabatan: Teks = Field(description="Nama jabatan (kantor), bukan nama orang")
    jenis: JenisJabatan
    atasan: Slug | None = Field(default=None, description="id posisi atasan langsung; kosong untuk pucuk")
    unit_kerja_mandiri: bool = Field(default=False, description="Pejabat Fungsional yang memimpin unit kerja mandiri (Pasal 9 ayat (2))")
    dasar_pengangkatan: TeksPanjang | None = Field(default=None, description="Dasar pengangkatan pemimpin unit kerja mandiri")


class PengecualianLevel(_Dasar):
    """Pengecualian kedalaman struktur (Lampiran A; PermenPANRB 25/2021)."""

    kriteria: list[Teks] = Field(min_length=1)
    dasar: TeksPanjang


class AnggotaKelompok(_Dasar):
    jabatan: Teks
    jenis: JenisJabatan
    jumlah: int = Field(default=1, description="Jumlah pemangku (bukan nama)")


class Kelompok(_Dasar):
    """Kelompok Jabatan Fungsional dan pelaksana (kedudukan, Pasal 9)."""

    id: Slug
    nama: Teks | None = None
    penilai: Slug | None = Field(default=None, description="Pejabat Penilai Kinerja (Pasal 1 angka 26)")
    pimpinan_unit: Slug | None = Field(default=None, description="Pimpinan Unit Organisasi (Pasal 1 angka 25)")
    pendelegasian: TeksPanjang | None = Field(default=None, description="Dasar pendelegasian kewenangan penilai")
    anggota: list[AnggotaKelompok] = Field(default_factory=list)


def _tanggal_sah(v: str | None) -> str | None:
    if v is not None:
        try:
            date.fromisoformat(v)
        except ValueError:
            raise ValueError(f"tanggal '{v}' tidak ada di kalender (tulis YYYY-MM-DD)") from None
    return v


#: tanggal YYYY-MM-DD sebagai teks (diberi tanda kutip di YAML), diperiksa ada di kalender
Tanggal = Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description="Tanggal YYYY-MM-DD"),
                    AfterValidator(_tanggal_sah)]


class DasarPenugasan(_Dasar):
    """Dasar penugasan anggota dari Unit Organisasi atau instansi lain (Lampiran B.2): surat permohonan
    pelibatan yang disetujui. Hanya nomor surat dan jabatan, tanpa nama orang."""

    nomor_surat: Teks = Field(description="Nomor surat permohonan pelibatan yang disetujui, mis. 800/123/2025")
    tanggal: Tanggal = Field(description="Tanggal surat (YYYY-MM-DD)")
    penyetuju: Teks = Field(description="Jabatan yang menyetujui: '<berkas>/<struktur-id>', atau nama jabatan di instansi lain")
    mulai: Tanggal = Field(description="Awal masa penugasan (YYYY-MM-DD)")
    selesai: Tanggal = Field(description="Akhir masa penugasan, hari terakhir (YYYY-MM-DD)")

    @model_validator(mode="after")
    def _urut(self) -> "DasarPenugasan":
        if self.selesai < self.mulai:
            raise ValueError(f"selesai ({self.selesai}) sebelum mulai ({self.mulai})")
        return self


class AnggotaTim(_Dasar):
    """Anggota/ketua tim: dari kelompok (``kjf-x`` atau ``berkas/kjf-x``) atau dari instansi lain."""

    kelompok: AcuanKelompok | None = None
    instansi: Teks | None = None
    jabatan: Teks
    dasar_penugasan: DasarPenugasan | None = Field(
        default=None, description="Untuk anggota dari Unit Organisasi/instansi lain: surat permohonan pelibatan yang disetujui")

    @model_validator(mode="after")
    def _satu_asal(self) -> "AnggotaTim":
        if (self.kelompok is None) == (self.instansi is None):
            raise ValueError("isi tepat satu dari 'kelompok' atau 'instansi'")
        return self


class TimKerja(_Dasar):
    """Tim kerja (Pasal 10; Lampiran B.3)."""

    id: Slug
    nama: Teks
    pemilik_kinerja: Slug = Field(description="Pimpinan Unit Organisasi pemilik kinerja (Pasal 15 ayat (2))")
    ketua: AnggotaTim
    anggota: list[AnggotaTim] = Field(default_factory=list)
    mulai: Tanggal | None = Field(default=None, description="Awal masa kerja tim (YYYY-MM-DD)")
    selesai: Tanggal | None = Field(default=None, description="Akhir masa kerja tim, hari terakhir (YYYY-MM-DD)")


class OrgFile(_Dasar):
    """Satu berkas org: satu Perangkat Daerah atau UPTD."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True,
                              title="Berkas org Sistem Kerja Dairi",
                              json_schema_extra={"description": "Satu Perangkat Daerah/UPTD menurut Perbup Dairi 18/2024. Jabatan dijelaskan sebagai kantor, bukan orang: tanpa nama, tanpa NIP."})

    id: Slug
    nama: Teks
    singkatan: Annotated[str, Field(min_length=1, max_length=40)] | None = None
    jenis: JenisUnit
    induk: Slug | None = Field(default=None, description="Untuk UPTD/Puskesmas: id Perangkat Daerah induk")
    dasar_hukum: list[TeksPanjang] = Field(default_factory=list)
    aplikasi_spbe: list[Annotated[str, Field(min_length=1, max_length=80)]] = Field(default_factory=list)
    struktur: list[Posisi] = Field(min_length=1)
    pengecualian_level: PengecualianLevel | None = None
    kelompok: list[Kelompok] = Field(default_factory=list)
    tim_kerja: list[TimKerja] = Field(default_factory=list)


#: model per jalur, untuk saran nama kolom terdekat
MODEL_ANAK: dict[type[BaseModel], dict[str, type[BaseModel]]] = {
    OrgFile: {"struktur": Posisi, "pengecualian_level": PengecualianLevel, "kelompok": Kelompok, "tim_kerja": TimKerja},
    Kelompok: {"anggota": AnggotaKelompok},
    TimKerja: {"ketua": AnggotaTim, "anggota": AnggotaTim},
    AnggotaTim: {"dasar_penugasan": DasarPenugasan},
}


def model_di(loc: tuple) -> type[BaseModel] | None:
    """Model yang berlaku pada jalur ``loc`` (indeks daftar dilewati)."""
    model: type[BaseModel] | None = OrgFile
    for part in loc:
        if isinstance(part, int):
            continue
        if model is None:
            return None
        model = MODEL_ANAK.get(model, {}).get(part)
    return model
