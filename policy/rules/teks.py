"""SK11 — kolom teks berkas org hanya memuat karakter yang terlihat.

Garis pertahanan kedua: setiap keluaran sudah meng-escape teks org di tempatnya sendiri
(terminal: :func:`policy.keluaran.aman_terminal`; situs: escape HTML/Markdown). Aturan ini
menolak nilainya di sumber, agar nama jabatan terbaca sama oleh semua orang di semua tempat.

Kolom yang diperiksa diturunkan dari model Pydantic (:func:`medan_teks`), bukan ditulis tangan:
kolom teks baru di ``policy/models.py`` otomatis ikut diperiksa.
"""
from __future__ import annotations

import re
import types
import typing
from functools import cache
from typing import Any, Iterator

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .. import karakter
from ..domain import Indeks, Unit
from ..models import OrgFile
from .registry import Lapor, aturan

#: bentuk sebuah kolom: ("teks", berpola) | ("model", kelas) | ("daftar", bentuk butir);
#: berpola = teks dengan ``pattern`` (id/acuan ``[a-z0-9-]``), yang sudah ditolak validasi model (INPUT)
Bentuk = tuple
#: karakter yang terbaca sebagai tag HTML di nama yang diterbitkan
_SUDUT = "<>"
#: saringan cepat atas teks mentah berkas. Nilai YAML hanya dapat memuat karakter tak terlihat atau
#: '<' '>' bila teks mentahnya memuat salah satu dari: karakter itu sendiri, '\\' (escape di teks
#: berkutip ganda), CR, '|' atau '>' (blok skalar: baris baru), atau baris kosong (skalar alir
#: multi-baris: baris baru). Tidak cocok → penelusuran nilai pasti tidak menemukan apa pun.
_SARING = re.compile("[\\\\<>|\\x00-\\x09\\x0b-\\x1f" + karakter.KELAS_TAK_TERLIHAT_NON_C0 + "]|\n[ \t]*\n")
#: tag HTML sederhana (``<b>``, ``</b>``, ``<br/>``): dibuang utuh saat menyarankan nilai bersih
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*\s*/?>")


def _berpola(metadata) -> bool:
    """Apakah metadata Pydantic (``Field(pattern=...)``, juga di dalam ``Annotated``) memuat pola."""
    for m in metadata:
        if getattr(m, "pattern", None) or (isinstance(m, FieldInfo) and _berpola(m.metadata)):
            return True
    return False


def _bentuk(tp: Any, berpola: bool = False) -> Bentuk | None:
    """Bentuk anotasi tipe bila memuat teks (str) di dalamnya; None bila tidak (angka, boolean, Literal)."""
    asal = typing.get_origin(tp)
    if asal is typing.Annotated:
        dasar, *metadata = typing.get_args(tp)
        return _bentuk(dasar, berpola or _berpola(metadata))
    if asal in (typing.Union, types.UnionType):
        bentuk = [b for b in (_bentuk(t, berpola) for t in typing.get_args(tp)) if b is not None]
        return bentuk[0] if bentuk else None
    if asal is list:
        butir = _bentuk(typing.get_args(tp)[0])
        return ("daftar", butir) if butir is not None else None
    if tp is str:
        return ("teks", berpola)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return ("model", tp) if medan_model(tp) else None
    return None


# cache: sekali per kelas model (8 kunci); check 1.000 unit yang semuanya memicu SK11: 1,55 s vs 2,89 s tanpa cache
@cache
def medan_model(model: type[BaseModel]) -> tuple[tuple[str, Bentuk], ...]:
    """Kolom ``model`` yang memuat teks, dengan bentuknya (dari ``model_fields``)."""
    return tuple((nama, b) for nama, f in model.model_fields.items()
                 if (b := _bentuk(f.annotation, _berpola(f.metadata))) is not None)


def medan_teks(model: type[BaseModel] = OrgFile, awalan: str = "", berpola: bool = False) -> list[str]:
    """Jalur kolom teks bebas, mis. ``struktur[].jabatan``, ``dasar_hukum[]`` (untuk katalog dan tes);
    ``berpola=True``: hanya kolom id/acuan berpola ``[a-z0-9-]``."""
    hasil = []

    def turun(b: Bentuk, jalur: str) -> None:
        if b[0] == "teks":
            if b[1] == berpola:
                hasil.append(jalur)
        elif b[0] == "daftar":
            turun(b[1], jalur + "[]")
        else:
            hasil.extend(medan_teks(b[1], jalur + ".", berpola))

    for nama, b in medan_model(model):
        turun(b, awalan + nama)
    return hasil


def nilai_teks(obj: BaseModel, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(jalur, nilai) untuk setiap nilai teks yang terisi di ``obj``, menurut :func:`medan_model`."""
    for nama, b in medan_model(type(obj)):
        yield from _nilai(getattr(obj, nama), b, path + (nama,))


def _nilai(v: Any, b: Bentuk, path: tuple) -> Iterator[tuple[tuple, str]]:
    if v is None:
        return
    if b[0] == "teks":
        if isinstance(v, str) and not b[1]:
            yield path, v
    elif b[0] == "daftar":
        for i, x in enumerate(v):
            yield from _nilai(x, b[1], path + (i,))
    elif isinstance(v, BaseModel):
        yield from nilai_teks(v, path)


def _label(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _uraikan(terlarang: list[str]) -> str:
    tampil = [karakter.nama(c) for c in terlarang[:4]]
    if len(terlarang) > 4:
        tampil.append(f"dan {len(terlarang) - 4} lainnya")
    return ", ".join(tampil)


@aturan("SK11", "error",
        "Teks di berkas org tanpa karakter kontrol, pengarah teks (bidi), karakter lebar nol, dan tanpa `<` `>`",
        "integritas data (teks org tampil sama di terminal, log CI dan situs)", (),
        interpretasi="Bukan ketentuan Perbup: nama jabatan dan unit yang memuat U+202E (pembalik arah), karakter "
                     "lebar nol, ESC/CR/NUL/TAB atau baris baru tampil berbeda dari yang tersimpan, dan `<` `>` terbaca "
                     "sebagai tag HTML. Keluaran tetap meng-escape semuanya; aturan ini garis kedua. Berlaku untuk setiap "
                     "kolom teks bebas model (diturunkan otomatis; kolom id/acuan sudah dibatasi pola [a-z0-9-]): "
                     + ", ".join(f"`{m}`" for m in medan_teks()) + ".")
def sk11_karakter_teks(unit: Unit, indeks: Indeks) -> Iterator[Lapor]:
    """Setiap nilai teks hanya memuat karakter yang terlihat; saran = nilai bersih terdekat."""
    if unit.dok.teks is not None and _SARING.search(unit.dok.teks) is None:
        return
    for path, s in nilai_teks(unit.org):
        if karakter.TAK_TERLIHAT.search(s) is None and "<" not in s and ">" not in s:
            continue
        tak_terlihat = list(dict.fromkeys(karakter.TAK_TERLIHAT.findall(s)))
        sudut = [c for c in _SUDUT if c in s]
        bagian = []
        if tak_terlihat:
            bagian.append(f"karakter tak terlihat/kontrol ({_uraikan(tak_terlihat)})")
        if sudut:
            bagian.append(" dan ".join(f"'{c}'" for c in sudut) + " yang terbaca sebagai tag HTML")
        catatan = ""
        if any(c in karakter.BIDI for c in tak_terlihat):
            catatan = "; pengarah teks dapat membalik urutan yang tampil"
        elif "\n" in tak_terlihat:
            catatan = "; teks panjang boleh dilipat dengan blok '>-' agar tetap satu baris"
        bersih = karakter.bersihkan(_TAG.sub(" ", s) if sudut else s, buang=_SUDUT)
        hint = f"'{bersih}'" if bersih else "isi dengan teks yang terlihat"
        kelompok = unit.org.kelompok[path[1]].id if path[0] == "kelompok" else ""
        yield Lapor(path, f"{_label(path)} memuat " + " serta ".join(bagian) + catatan, hint, kelompok=kelompok)
