"""Kasus uji YAML (``tests/cases/<nama>/``): jalankan ``check`` dan bandingkan dengan ``expect.yaml``.

Dipakai oleh ``tests/conftest.py`` (pengumpul pytest) dan oleh tes lain. Nama modul unik
agar tidak tertutup ``conftest`` di subdirektori.
"""
from __future__ import annotations

import contextlib
import io
import json
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

def jalankan_check(orgs: Path, *extra: str) -> tuple[int, dict]:
    """Jalankan CLI ``check --format json`` di dalam proses; kembalikan (exit, json)."""
    from policy.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", str(orgs), "--format", "json", *extra])
    return code, json.loads(out.getvalue())


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
