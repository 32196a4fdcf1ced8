"""Modul makro mkdocs-macros (``plugins.macros.module_name``): lem tipis ke ``policy.situs.makro``.

Makro hanya dirender di halaman yang memintanya di front matter::

    ---
    render_macros: true
    ---

    {{ tabel_mekanisme() }}

Makro yang tersedia: ``tabel_mekanisme()``, ``jumlah_unit()``, ``jumlah_kelompok()``,
``pemberitahuan_data_contoh()``. Nama yang salah menggagalkan build (``on_undefined: strict``).
"""
from __future__ import annotations

from pathlib import Path

from policy.situs import makro


def define_env(env):
    root = Path(env.conf["config_file_path"]).resolve().parent

    def dari() -> str:
        return env.page.file.src_uri

    @env.macro
    def tabel_mekanisme() -> str:
        """Tabel mekanisme kerja → unit yang memakainya (bertaut ke halaman unit)."""
        return makro.tabel_mekanisme(root, dari())

    @env.macro
    def jumlah_unit() -> int:
        """Jumlah unit (berkas org) di situs."""
        return makro.jumlah_unit(root)

    @env.macro
    def jumlah_kelompok() -> int:
        """Jumlah kelompok Jabatan Fungsional dan pelaksana di semua unit."""
        return makro.jumlah_kelompok(root)

    @env.macro
    def pemberitahuan_data_contoh() -> str:
        """Pemberitahuan "Data contoh" selama extra.data_contoh: true."""
        return makro.banner_data_contoh()
