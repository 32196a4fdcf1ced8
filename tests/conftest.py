"""Konfigurasi pytest bersama: pengumpul kasus uji YAML di ``tests/cases/<nama>/expect.yaml``."""
from __future__ import annotations

from pathlib import Path

import pytest

from kasus_yaml import ROOT, bandingkan  # noqa: F401  (ROOT dipakai ulang oleh tes)


def pytest_collect_file(parent, file_path: Path):
    if file_path.name == "expect.yaml" and file_path.parent.parent.name == "cases":
        return KasusFile.from_parent(parent, path=file_path)
    return None


class KasusFile(pytest.File):
    def collect(self):
        yield KasusItem.from_parent(self, name=self.path.parent.name)


class KasusGagal(Exception):
    pass


class KasusItem(pytest.Item):
    """Satu kasus: jalankan ``check`` atas ``orgs/`` kasus dan bandingkan dengan ``expect.yaml``."""

    def runtest(self):
        masalah = bandingkan(self.path.parent)
        if masalah:
            raise KasusGagal("\n".join(masalah))

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, KasusGagal):
            return f"kasus {self.name} ({self.path}):\n{excinfo.value}"
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, 0, f"kasus: {self.name}"
