"""Pemuat YAML yang menyimpan posisi (baris:kolom) setiap simpul.

Prinsip:
- PyYAML (pengurai C bila ada) hanya dipakai untuk *menyusun* pohon simpul; nilai skalar
  ditafsirkan sendiri dengan aturan ketat ala YAML 1.2 core schema, sehingga ``no``, ``on``,
  ``08`` dan tanggal polos tetap teks (tidak diam-diam menjadi boolean/angka/tanggal).
- Kunci ganda, anchor/alias, merge key (``<<``), tag khusus, tab pada indentasi, berkas
  non-UTF-8 atau kosong menjadi temuan ``INPUT`` dengan baris dan saran perbaikan — tidak pernah
  traceback.
"""
from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .temuan import Temuan

from yaml.resolver import BaseResolver

#: tag bawaan per jenis simpul; skalar ditafsirkan oleh :func:`skalar`, bukan oleh resolver
_TAG_BAWAAN = {yaml.ScalarNode: BaseResolver.DEFAULT_SCALAR_TAG, yaml.SequenceNode: BaseResolver.DEFAULT_SEQUENCE_TAG,
               yaml.MappingNode: BaseResolver.DEFAULT_MAPPING_TAG}

try:  # pengurai C jauh lebih cepat; jatuh ke Python bila libyaml tidak ada
    from yaml._yaml import CParser as _Parser

    class _Loader(_Parser, BaseResolver):
        """Pengurai libyaml + resolver *kosong*: skalar tidak dicocokkan dengan regex YAML 1.1
        (kita menafsirkannya sendiri di :func:`skalar`), jadi tidak ada kerja sia-sia per skalar."""

        def __init__(self, stream):
            _Parser.__init__(self, stream)
            BaseResolver.__init__(self)

        def resolve(self, kind, value, implicit):
            return _TAG_BAWAAN[kind]

        def descend_resolver(self, current_node, current_index):
            pass

        def ascend_resolver(self):
            pass
except ImportError:  # pragma: no cover - tergantung instalasi
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Loader(Reader, Scanner, Parser, Composer, BaseResolver):  # type: ignore[no-redef]
        def __init__(self, stream):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)
            BaseResolver.__init__(self)

#: batas ukuran berkas org (byte); berkas org normal hanya beberapa KB
UKURAN_MAKS = 2 * 1024 * 1024
#: batas kedalaman bersarang
KEDALAMAN_MAKS = 40

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\Z")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_STD_TAG = "tag:yaml.org,2002:"
_INDENT_DALAM = re.compile(r"^ {61,}", re.M)
#: baris berisi pertama (bukan kosong, bukan komentar); tidak ada → berkas kosong
_ISI = re.compile(r"^[ \t]*[^\s#]", re.M)
#: tag yang diberikan resolver PyYAML secara implisit; tag lain (``!!python/...``, ``!!binary``,
#: ``!lokal``) hanya bisa muncul bila ditulis eksplisit dan ditolak
_TAG_SAH = {_STD_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "merge", "value")}

Path_ = tuple  # jalur ke sebuah nilai: ("kelompok", 0, "penilai")


@dataclass
class Dokumen:
    """Isi satu berkas YAML beserta posisi setiap nilai dan kunci (1-based).

    Posisi tidak dicatat saat memuat (itu biaya terbesar setelah mengurai); pohon simpul
    PyYAML disimpan dan :meth:`posisi` menelusurinya hanya ketika sebuah temuan memerlukannya.
    """

    file: str
    data: Any = None
    root: yaml.Node | None = None
    temuan: list[Temuan] = field(default_factory=list)
    #: teks sumber (UTF-8 terdekode) bila berhasil dibaca; dipakai saringan cepat SK10
    teks: str | None = None
    #: semua nama kolom yang muncul di berkas (saringan cepat SK10)
    kunci: set[str] = field(default_factory=set)

    def _simpul(self, path: Path_) -> tuple[yaml.Node | None, yaml.Node | None, bool]:
        """(simpul nilai terdalam yang tercapai, simpul kuncinya, apakah seluruh jalur tercapai)."""
        node, knode = self.root, None
        for part in path:
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                for k, v in node.value:
                    if k.value == part:
                        knode, node = k, v
                        break
                else:
                    return node, None, False
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                knode, node = None, node.value[part]
            else:
                return node, None, False
        return node, knode, True

    def posisi(self, path: Path_) -> tuple[int, int]:
        """Posisi nilai di ``path``; bila tidak ada, posisi induk terdekat."""
        node, _, _ = self._simpul(tuple(path))
        if node is None:
            return (1, 1)
        return node.start_mark.line + 1, node.start_mark.column + 1

    def posisi_kunci(self, path: Path_) -> tuple[int, int]:
        """Posisi *nama kolom* di ``path`` (mis. kolom salah ketik); jatuh ke posisi nilai."""
        _, knode, lengkap = self._simpul(tuple(path))
        if lengkap and knode is not None:
            return knode.start_mark.line + 1, knode.start_mark.column + 1
        return self.posisi(path)


class _Gagal(Exception):
    def __init__(self, line: int, col: int, message: str, hint: str = ""):
        super().__init__(message)
        self.line, self.col, self.message, self.hint = line, col, message, hint


def _input(file: str, line: int, col: int, message: str, hint: str = "") -> Temuan:
    return Temuan("INPUT", "error", file, line, col, message, basis="format berkas org (SPEC)", hint=hint)


def _baca_teks(path: Path) -> str:
    """Baca berkas sebagai UTF-8 ketat (BOM UTF-8 diterima dan dibuang)."""
    try:
        if path.is_dir():
            raise _Gagal(1, 1, "ini sebuah direktori, bukan berkas YAML",
                         "ganti nama direktori atau pindahkan keluar dari folder orgs/")
        if not stat.S_ISREG(os.stat(path).st_mode):  # FIFO/perangkat: open() bisa menggantung
            raise _Gagal(1, 1, "ini bukan berkas biasa (mis. pipe atau perangkat)",
                         "simpan data org sebagai berkas teks biasa")
        with open(path, "rb") as fh:
            raw = fh.read(UKURAN_MAKS + 1)
    except _Gagal:
        raise
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise _Gagal(1, 1, "tautan simbolik berputar (symlink loop)", "hapus atau perbaiki symlink ini") from None
        raise _Gagal(1, 1, f"berkas tidak dapat dibaca: {e.strerror or e}", "periksa izin dan path berkas") from None
    if len(raw) > UKURAN_MAKS:
        raise _Gagal(1, 1, f"berkas lebih besar dari {UKURAN_MAKS // 1024} KB",
                     "satu berkas org hanya memuat satu Perangkat Daerah; pecah atau periksa isinya")
    awal = raw[:200]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(awal) > 1 and awal.count(0) * 4 >= len(awal)):
        raise _Gagal(1, 1, "berkas tersimpan dalam UTF-16/UTF-32, bukan UTF-8",
                     "simpan ulang berkas dengan encoding UTF-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        teks = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        before = raw[: e.start]
        line = before.count(b"\n") + 1
        col = e.start - (before.rfind(b"\n") + 1) + 1
        raise _Gagal(line, col, f"berkas bukan UTF-8 yang sah (byte 0x{raw[e.start]:02x})",
                     "simpan ulang berkas dengan encoding UTF-8") from None
    if "\x00" in teks:
        i = teks.index("\x00")
        raise _Gagal(teks.count("\n", 0, i) + 1, i - (teks.rfind("\n", 0, i) + 1) + 1,
                     "berkas memuat karakter NUL", "simpan ulang berkas sebagai teks UTF-8")
    return teks


def _cek_tab(teks: str) -> None:
    if "\t" not in teks:  # jalur cepat untuk hampir semua berkas
        return
    for i, baris in enumerate(teks.splitlines(), 1):
        indent = len(baris) - len(baris.lstrip(" \t"))
        j = baris.find("\t", 0, indent)
        if j >= 0 and baris.strip() and not baris.lstrip().startswith("#"):
            raise _Gagal(i, j + 1, "karakter tab dipakai untuk indentasi (YAML hanya mengizinkan spasi)",
                         "ganti tab dengan spasi (2 spasi per tingkat)")


def _cek_peristiwa(teks: str) -> None:
    """Periksa anchor/alias dan kedalaman lewat aliran *event* (linear, aman dari bom alias)."""
    depth = 0
    for ev in yaml.parse(teks, Loader=_Loader):
        if isinstance(ev, yaml.AliasEvent):
            m = ev.start_mark
            raise _Gagal(m.line + 1, m.column + 1, f"alias YAML '*{ev.anchor}' tidak didukung",
                         "tulis nilainya langsung; anchor (&) dan alias (*) tidak dipakai di berkas org")
        if isinstance(ev, (yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.ScalarEvent)) and ev.anchor:
            m = ev.start_mark
            raise _Gagal(m.line + 1, m.column + 1, f"anchor YAML '&{ev.anchor}' tidak didukung",
                         "hapus anchor (&nama) dan tulis nilainya langsung")
        if isinstance(ev, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > KEDALAMAN_MAKS:
                m = ev.start_mark
                raise _Gagal(m.line + 1, m.column + 1, f"struktur bersarang lebih dari {KEDALAMAN_MAKS} tingkat",
                             "berkas org hanya perlu beberapa tingkat; periksa indentasi/kurung")
        elif isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _perlu_cek_peristiwa(teks: str) -> bool:
    if "&" in teks or "*" in teks:
        return True
    if teks.count("[") + teks.count("{") > 400:
        return True
    return _INDENT_DALAM.search(teks) is not None


#: huruf awal skalar polos yang mungkin bukan teks (angka, null, boolean); selain itu pasti teks
_AWAL_BUKAN_TEKS = frozenset("0123456789+-.~nNtTfF")


def skalar(value: str, plain: bool) -> Any:
    """Tafsir skalar ala YAML 1.2 core schema yang ketat (hanya untuk skalar polos)."""
    if not plain or (value and value[0] not in _AWAL_BUKAN_TEKS):
        return value
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


_SKALAR, _DAFTAR, _PEMETAAN = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode
_MERGE = _STD_TAG + "merge"


def _gagal_di(node: yaml.Node, message: str, hint: str = "") -> _Gagal:
    return _Gagal(node.start_mark.line + 1, node.start_mark.column + 1, message, hint)


def ubah(node: yaml.Node, kunci_terlihat: set[str] | None = None) -> Any:
    """Ubah pohon simpul PyYAML menjadi objek Python polos (tag, kunci, kunci ganda diperiksa).

    ``kunci_terlihat`` (opsional) dikumpulkan semua nama kolom, untuk saringan cepat SK10.
    """
    if node.tag not in _TAG_SAH:
        tag = node.tag or ""
        tampil = "!!" + tag[len(_STD_TAG):] if tag.startswith(_STD_TAG) else tag
        raise _gagal_di(node, f"tag YAML '{tampil}' tidak didukung", "hapus tag tersebut")
    cls = type(node)
    if cls is _SKALAR:
        return skalar(node.value, not node.style)
    if cls is _DAFTAR:
        return [ubah(item, kunci_terlihat) for item in node.value]
    if cls is _PEMETAAN:
        hasil: dict[str, Any] = {}
        for knode, vnode in node.value:
            if type(knode) is not _SKALAR:
                raise _gagal_di(knode, "kunci harus berupa teks sederhana", "gunakan bentuk 'nama_kolom: nilai'")
            kunci = knode.value
            if knode.tag == _MERGE or (kunci == "<<" and not knode.style):
                raise _gagal_di(knode, "merge key YAML '<<' tidak didukung", "tulis semua kolom secara langsung")
            if not kunci or not isinstance(skalar(kunci, not knode.style), str):
                raise _gagal_di(knode, f"kunci '{kunci}' bukan nama kolom yang sah",
                                "nama kolom berupa teks, misalnya 'jabatan'")
            if kunci in hasil:
                pertama = next(k for k, _ in node.value if k.value == kunci)
                raise _gagal_di(knode, f"kunci '{kunci}' ditulis dua kali (pertama di baris {pertama.start_mark.line + 1})",
                                "hapus salah satu; YAML biasa diam-diam menyimpan yang terakhir sehingga data hilang")
            hasil[kunci] = ubah(vnode, kunci_terlihat)
        if kunci_terlihat is not None:
            kunci_terlihat.update(hasil)
        return hasil
    raise _gagal_di(node, "simpul YAML tidak dikenal")  # pragma: no cover


_PESAN_YAML = [
    ("could not find expected ':'", "tanda ':' yang diharapkan tidak ditemukan", "periksa baris sebelumnya: mungkin ada ':' yang hilang atau tanda kutip tidak ditutup"),
    ("mapping values are not allowed", "tanda ':' tidak boleh di sini", "beri tanda kutip pada nilai yang mengandung ': '"),
    ("did not find expected ',' or ']'", "kurung '[' tidak ditutup atau tanda ',' hilang", "tutup daftar dengan ']' dan pisahkan butir dengan ','"),
    ("did not find expected ',' or '}'", "kurung '{' tidak ditutup atau tanda ',' hilang", "tutup pemetaan dengan '}' dan pisahkan kolom dengan ','"),
    ("found character '\\t' that cannot start any token", "karakter tab tidak diizinkan", "ganti tab dengan spasi"),
    ("expected <block end>, but found", "indentasi tidak konsisten", "samakan indentasi dengan baris-baris sejenis di atasnya"),
    ("found unexpected end of stream", "berkas berakhir sebelum tanda kutip/kurung ditutup", "tutup tanda kutip atau kurung yang terbuka"),
    ("expected a single document", "berkas berisi lebih dari satu dokumen YAML ('---')", "satu berkas hanya untuk satu Perangkat Daerah; hapus pemisah '---' kedua"),
    ("found undefined alias", "alias YAML tidak didukung", "tulis nilainya langsung"),
    ("did not find expected key", "struktur tidak sesuai: kunci yang diharapkan tidak ditemukan", "periksa indentasi dan tanda '-' pada daftar"),
    ("did not find expected '-' indicator", "struktur daftar tidak sesuai", "periksa indentasi butir daftar ('- ')"),
    ("found duplicate anchor", "anchor YAML ganda", "hapus anchor (&)"),
    ("found unknown escape character", "escape tidak dikenal di teks bertanda kutip ganda",
     "tulis garis miring terbalik sebagai '\\\\' atau pakai tanda kutip tunggal"),
    ("found invalid Unicode character escape code", "escape Unicode tidak sah (mis. surrogate '\\ud800')",
     "hapus escape tersebut dan tulis karakternya langsung"),
    ("did not find expected hexdecimal number", "escape heksadesimal tidak lengkap", "periksa jumlah digit setelah '\\x', '\\u' atau '\\U'"),
    ("expected escape sequence of", "escape heksadesimal tidak lengkap", "periksa jumlah digit setelah '\\x', '\\u' atau '\\U'"),
    ("exceeded maximum nesting depth", "struktur bersarang terlalu dalam", "berkas org hanya perlu beberapa tingkat; periksa indentasi/kurung"),
]


def _terjemah_yaml(e: yaml.YAMLError, teks: str = "") -> tuple[int, int, str, str]:
    if isinstance(e, yaml.reader.ReaderError):  # karakter kontrol: hanya posisi (indeks karakter) yang diketahui
        i = e.position
        if _Loader.__name__.startswith("C"):  # libyaml melaporkan offset byte UTF-8
            i = len(teks.encode("utf-8")[:i].decode("utf-8", "ignore"))
        i = max(0, min(i, len(teks)))
        kode = e.character if isinstance(e.character, int) else ord(e.character or "\0")
        return (teks.count("\n", 0, i) + 1, i - (teks.rfind("\n", 0, i) + 1) + 1,
                f"berkas memuat karakter kontrol yang tidak diizinkan (U+{kode:04X})",
                "hapus karakter tersebut (sering terbawa dari salin-tempel)")
    mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
    if "did not find expected ','" in (getattr(e, "problem", None) or "") and getattr(e, "context_mark", None) is not None:
        mark = e.context_mark  # tunjuk kurung pembuka yang tidak ditutup
    if "could not find expected ':'" in (getattr(e, "problem", None) or "") and getattr(e, "context_mark", None) is not None:
        mark = e.context_mark  # tunjuk awal kunci yang kehilangan ':', bukan baris sesudahnya
    konteks = getattr(e, "context", None) or ""
    if "end of stream" in (getattr(e, "problem", None) or "") and getattr(e, "context_mark", None) is not None \
            and ("quoted scalar" in konteks or "flow" in konteks):
        mark = e.context_mark  # tunjuk tempat tanda kutip/kurung dibuka, bukan akhir berkas
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = getattr(e, "problem", None) or str(e)
    for en, idn, hint in _PESAN_YAML:
        if en in problem or en in str(e):
            return line, col, f"sintaks YAML salah: {idn}", hint
    return line, col, f"sintaks YAML salah: {problem}", "periksa indentasi, tanda ':' dan tanda kutip di sekitar baris ini"


def muat_yaml(path: Path, file: str) -> Dokumen:
    """Muat satu berkas YAML menjadi :class:`Dokumen`. Kesalahan menjadi temuan ``INPUT``."""
    dok = Dokumen(file=file)
    teks = ""
    try:
        teks = _baca_teks(path)
        dok.teks = teks
        if _ISI.search(teks) is None:
            raise _Gagal(1, 1, "berkas kosong", "isi berkas dengan data Perangkat Daerah (lihat orgs/README.md)")
        _cek_tab(teks)
        if _perlu_cek_peristiwa(teks):
            _cek_peristiwa(teks)
        root = yaml.compose(teks, Loader=_Loader)
        if root is None:
            raise _Gagal(1, 1, "berkas kosong", "isi berkas dengan data Perangkat Daerah")
        dok.root = root
        dok.data = ubah(root, dok.kunci)
        if dok.data is None:  # mis. hanya '---' atau '...'
            raise _Gagal(1, 1, "berkas kosong", "isi berkas dengan data Perangkat Daerah")
        if not isinstance(dok.data, dict):
            line, col = dok.posisi(())
            raise _Gagal(line, col, "isi berkas harus berupa pemetaan (kolom: nilai)",
                         "mulai berkas dengan 'id: ...', 'nama: ...', dst.")
    except _Gagal as g:
        dok.data = None
        dok.temuan.append(_input(file, g.line, g.col, g.message, g.hint))
    except yaml.YAMLError as e:
        dok.data = None
        line, col, msg, hint = _terjemah_yaml(e, teks)
        dok.temuan.append(_input(file, line, col, msg, hint))
    except RecursionError:
        dok.data = None
        dok.temuan.append(_input(file, 1, 1, "struktur bersarang terlalu dalam", "periksa indentasi/kurung"))
    return dok


# ---------------------------------------------------------------------------
# Tautan simbolik: berkas org adalah masukan dari siapa pun (pull request). Tautan yang keluar
# dari repositori (mis. ke ~/.ssh atau /etc) ditolak *tanpa* membuka targetnya, sehingga tidak
# ada isi target yang sampai ke pesan temuan, log CI atau situs.

PESAN_TAUTAN_KELUAR = "tautan simbolik keluar dari repositori: ditolak"
SARAN_TAUTAN_KELUAR = "salin berkas org ke dalam repositori alih-alih menautkannya, atau hapus tautannya"


def akar_repositori(path: Path | str) -> str:
    """Akar repositori untuk path yang diperiksa (path nyata, tanpa tautan).

    Leluhur terdekat yang memuat ``.git`` (folder, atau berkas pada worktree/submodule); bila tidak
    ada: direktori kerja bila path berada di dalamnya, selain itu folder path itu sendiri. Folder
    yang berupa tautan tidak pernah menjadi akar (tautan ``orgs -> /checkout/lain`` tidak
    menjadikan checkout lain itu akar)."""
    a = Path(os.path.abspath(path))
    mulai = a.parent if a.is_symlink() or not a.is_dir() else a
    for d in (mulai, *mulai.parents):
        if os.path.lexists(d / ".git") and not d.is_symlink():
            return os.path.realpath(d)
    cwd = os.getcwd()
    if str(a) == cwd or str(a).startswith(cwd.rstrip(os.sep) + os.sep):
        return os.path.realpath(cwd)
    return os.path.realpath(mulai)


def _di_dalam(path: str, akar: str) -> bool:
    return path == akar or path.startswith(akar.rstrip(os.sep) + os.sep)


def tautan_keluar(path: Path | str, akar: str, cache: dict[str, str] | None = None) -> bool:
    """True bila path (berkas atau folder) — lewat tautan simbolik pada dirinya atau pada folder di
    atasnya — menunjuk ke luar ``akar`` (hasil :func:`akar_repositori`). Hanya metadata tautan yang
    dibaca (``lstat``/``readlink``), target tidak pernah dibuka. ``cache``: path nyata per folder."""
    a = os.path.abspath(path)
    folder, nama = os.path.split(a)
    if os.path.islink(a):
        nyata = os.path.realpath(a)
    else:
        if cache is None:
            cache = {}
        if folder not in cache:
            cache[folder] = os.path.realpath(folder)
        nyata = os.path.join(cache[folder], nama)
    return not _di_dalam(nyata, akar)


def tolak_tautan(file: str) -> Temuan:
    """Temuan INPUT untuk tautan yang keluar dari repositori (baris 1 kolom 1 path tautan)."""
    return _input(file, 1, 1, PESAN_TAUTAN_KELUAR, SARAN_TAUTAN_KELUAR)


def tampil_path(path: Path | str) -> str:
    """Path untuk ditampilkan: relatif seperti diberikan, dengan '/' sebagai pemisah."""
    return os.path.normpath(str(path)).replace(os.sep, "/")
