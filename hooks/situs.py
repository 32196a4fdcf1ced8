"""Lem tipis mkdocs: menambahkan halaman terbangkit dari ``policy.situs``.

Semua logika ada di ``policy/``; berkas ini hanya menerjemahkan ke API mkdocs.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from policy.situs import halaman_terbangkit


def on_files(files, config):
    root = Path(config["config_file_path"]).parent
    for path, isi in halaman_terbangkit(root).items():
        if files.get_file_from_path(path) is not None:
            raise SystemExit(f"Halaman terbangkit {path} bentrok dengan berkas di docs/")
        files.append(File.generated(config, path, content=isi))
    return files
