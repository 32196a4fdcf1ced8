"""Sistem Kerja Dairi: policy-as-code Peraturan Bupati Dairi Nomor 18 Tahun 2024.

Inti yang tidak bergantung pada mkdocs: katalog kosakata Perbup (``katalog``, data di
``data/katalog.yaml``), model (``models``), pemuat dengan posisi (``muat``), model domain
(``domain``), aturan (``rules``), klasifikasi (``klasifikasi``), diagram
(``diagram``), dan CLI (``cli``).
"""
__version__ = "0.1.0"
