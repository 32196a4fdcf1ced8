"""Konfigurasi pytest bersama: pengumpul kasus uji YAML di ``tests/cases/<nama>/expect.yaml``."""
from __future__ import annotations

import contextlib
import io
import json
from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def pytest_collect_file(parent, file_path: Path):
    if file_path.name == "expect.yaml" and file_path.parent.parent.name == "cases":
        return KasusFile.from_parent(parent, path=file_path)
    return None


class KasusFile(pytest.File):
    def collect(self):
        yield KasusItem.from_parent(self, name=self.path.parent.name)


class KasusGagal(Exception):
    pass


def jalankan_check(orgs: Path, *extra: str) -> tuple[int, dict]:
    """Jalankan CLI ``check --format json`` di dalam proses; kembalikan (exit, json)."""
    from policy.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", str(orgs), "--format", "json", *extra])
    return code, json.loads(out.getvalue())


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


def bandingkan(case: Path) -> list[str]:
    """Bandingkan hasil ``check`` atas ``case/orgs`` dengan ``case/expect.yaml``; daftar selisih."""
    if True:  # noqa: SIM108
        expect = yaml.safe_load((case / "expect.yaml").read_text(encoding="utf-8")) or {}
        unknown = set(expect) - {"deskripsi", "exit", "findings", "mekanisme", "kedudukan", "struktur_penugasan"}
        if unknown:
            return [f"kolom tidak dikenal di expect.yaml: {sorted(unknown)}"]
        orgs = case / "orgs"
        code, data = jalankan_check(orgs)
        masalah = []
        if "exit" in expect and code != expect["exit"]:
            masalah.append(f"exit: diharapkan {expect['exit']}, didapat {code}")

        def rel(f: str) -> str:
            return Path(f).relative_to(orgs).as_posix()

        got = Counter((f["rule"], rel(f["file"]), f["line"]) for f in data["findings"])
        want = Counter((f["rule"], f["file"], f["line"]) for f in expect.get("findings") or [])
        if got != want:
            kurang = sorted((want - got).elements())
            lebih = sorted((got - want).elements())
            detail = {(f["rule"], rel(f["file"]), f["line"]): f["message"] for f in data["findings"]}
            if kurang:
                masalah.append("temuan yang diharapkan tetapi tidak muncul: " + "; ".join(f"{r} {f}:{l}" for r, f, l in kurang))
            if lebih:
                masalah.append("temuan yang muncul tetapi tidak diharapkan: " + "; ".join(f"{r} {f}:{l} ({detail[(r, f, l)]})" for r, f, l in lebih))
        for kolom in ("mekanisme", "kedudukan", "struktur_penugasan"):
            harap = expect.get(kolom) or {}
            dapat = {f"{Path(k['file']).stem}/{k['kelompok']}": k[kolom] for k in data["kelompok"]}
            for kunci, nilai in harap.items():
                if dapat.get(kunci) != nilai:
                    masalah.append(f"{kolom} {kunci}: diharapkan {nilai}, didapat {dapat.get(kunci)}")
        return masalah
