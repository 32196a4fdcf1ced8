"""Skema berkas org: baris skema editor di setiap berkas, skema tidak basi, dan semua berkas
contoh lolos validasi JSON Schema (yang sama dipakai pre-commit dan editor YAML)."""
from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BARIS_SKEMA = "# yaml-language-server: $schema=../schema/org.schema.json"
ORGS = sorted((ROOT / "orgs").glob("*.yaml"))


def _skema_cli() -> str:
    from policy.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(["schema"]) == 0
    return out.getvalue()


def test_ada_berkas_org():
    assert len(ORGS) >= 1


@pytest.mark.parametrize("path", ORGS, ids=lambda p: p.name)
def test_baris_pertama_adalah_baris_skema(path):
    pertama = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert pertama == BARIS_SKEMA, f"{path.name}: baris pertama harus '{BARIS_SKEMA}'"


def test_baris_skema_menunjuk_berkas_yang_ada():
    target = (ROOT / "orgs" / BARIS_SKEMA.split("$schema=", 1)[1]).resolve()
    assert target == (ROOT / "schema" / "org.schema.json").resolve() and target.is_file()


def test_skema_tidak_basi():
    tersimpan = (ROOT / "schema" / "org.schema.json").read_text(encoding="utf-8")
    assert tersimpan == _skema_cli(), "schema/org.schema.json basi: jalankan `python -m policy schema --tulis`"


def test_semua_org_lolos_check_jsonschema():
    """Perintah yang sama dengan hook pre-commit ``skema-org``."""
    exe = Path(sys.executable).with_name("check-jsonschema")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "check_jsonschema"]
    r = subprocess.run([*cmd, "--schemafile", "schema/org.schema.json", *[str(p.relative_to(ROOT)) for p in ORGS]],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_check_jsonschema_menolak_berkas_rusak(tmp_path):
    """Skema benar-benar membatasi: kolom tak dikenal dan jenis tak sah ditolak."""
    data = yaml.safe_load((ROOT / "orgs" / "diskominfo.yaml").read_text(encoding="utf-8"))
    data["kolom_asing"] = 1
    data["struktur"][0]["jenis"] = "kepala"
    rusak = tmp_path / "diskominfo.yaml"
    rusak.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    exe = Path(sys.executable).with_name("check-jsonschema")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "check_jsonschema"]
    r = subprocess.run([*cmd, "--schemafile", str(ROOT / "schema/org.schema.json"), str(rusak)],
                       capture_output=True, text=True)
    assert r.returncode == 1
    assert "kolom_asing" in r.stdout and "kepala" in r.stdout


def test_pre_commit_memakai_skema_dan_check():
    cfg = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h for repo in cfg["repos"] for h in repo["hooks"]}
    assert "--schemafile schema/org.schema.json" in hooks["skema-org"]["entry"]
    assert hooks["skema-org"]["files"] == r"^orgs/[^/]+\.ya?ml$"
    assert "-m policy check" in hooks["policy-check"]["entry"]
    assert json.loads((ROOT / "schema" / "org.schema.json").read_text(encoding="utf-8"))
