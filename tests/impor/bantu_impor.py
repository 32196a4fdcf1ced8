"""Alat bersama tes impor: jalankan CLI di dalam proses, muat draf, periksa dengan ``check``."""
from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import yaml


def jalan(*args: str) -> tuple[int, str, str]:
    """``python -m policy ARGS`` di dalam proses: (exit, stdout, stderr)."""
    from policy.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        kode = main(list(args))
    return kode, out.getvalue(), err.getvalue()


def impor_ke(tmp: Path, berkas: Path, *extra: str) -> tuple[dict[str, dict], str]:
    """Impor ke folder baru; (id → isi YAML, stderr)."""
    keluar = tmp / "orgs"
    kode, _, err = jalan("impor", str(berkas), "--keluar", str(keluar), *extra)
    assert kode == 0, err
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(keluar.glob("*.yaml"))}, err


def periksa(path: Path) -> tuple[int, dict]:
    kode, out, err = jalan("check", str(path), "--format", "json")
    return kode, json.loads(out)


def temuan_bukan_im01(data: dict) -> list[tuple[str, str, int]]:
    return [(f["rule"], Path(f["file"]).name, f["line"]) for f in data["findings"] if f["rule"] != "IM01"]


def baris_dengan(path: Path, potongan: str) -> int:
    """Nomor baris (1-based) pertama yang memuat ``potongan``."""
    for i, b in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if potongan in b:
            return i
    raise AssertionError(f"{potongan!r} tidak ada di {path}")


def baris_todo(path: Path) -> list[int]:
    return [i for i, b in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "# TODO:" in b or ': "TODO:' in b]
