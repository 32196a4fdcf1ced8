"""Lem tipis mkdocs: sisipkan 32 gambar Lampiran yang digambar ulang ke halaman naskah Perbup.

Penanda ``<!-- gambar:N -->`` di ``docs/peraturan/*.md`` diganti saat build oleh
``policy.gambar.sisipkan_gambar``; berkas Markdown naskah tidak diubah.
"""
from __future__ import annotations

from policy.gambar import sisipkan_gambar


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri.startswith("peraturan/"):
        return sisipkan_gambar(markdown)
    return markdown
